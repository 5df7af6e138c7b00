package servererror

import (
	"fmt"
	"log"
	"net/http"
)

// A recovered panic's text is internal: a runtime error in our code or
// a library's.
func recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				http.Error(w, fmt.Sprint(p), http.StatusInternalServerError) // want `error text in fmt.Sprint\(p\) is sent with status 500`
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// httprouter's PanicHandler is given the panic value.
func panicHandler(w http.ResponseWriter, r *http.Request, v interface{}) {
	http.Error(w, fmt.Sprintf("panic: %v", v), http.StatusInternalServerError) // want `error text of v is sent with status 500`
}

// Logged, with a message of our own: silent.
func quietRecoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				log.Printf("panic: %v", p)
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
