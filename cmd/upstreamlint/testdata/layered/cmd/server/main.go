package main

import (
	"database/sql"
	"net/http"
	"os"

	"example.com/layered/handler"
	"example.com/layered/payments"
	"example.com/layered/respond"
	"example.com/layered/service"
	"example.com/layered/store"
	"example.com/layered/validate"
)

func main() {
	db, _ := sql.Open("postgres", os.Getenv("DSN"))
	var repo service.UserRepository = &store.SQLUsers{DB: db}
	if os.Getenv("DEMO") != "" {
		repo = &store.MemUsers{}
	}
	sqlUsers := &store.SQLUsers{DB: db}
	h := &handler.Handler{
		Users:    service.New(repo),
		Payments: &payments.Client{HTTP: http.DefaultClient, URL: os.Getenv("PAY")},
		Names:    validate.Names{},
		Lookup:   sqlUsers.Get,
	}
	http.HandleFunc("/user", h.GetUser)
	http.HandleFunc("/pay", h.Pay)
	http.HandleFunc("/rename", h.Rename)
	http.HandleFunc("/record", h.Record)
	http.HandleFunc("/find", h.Find)
	soft := &handler.Soft{Status: respond.Statuses{}}
	http.HandleFunc("/quota", soft.Quota)
	quiet := &handler.Quiet{Headers: respond.Headers{}}
	http.HandleFunc("/export", quiet.Export)
	http.ListenAndServe(":8080", nil)
}
