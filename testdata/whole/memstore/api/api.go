package api

import (
	"net/http"

	"example.com/memstore/cache"
	"example.com/memstore/store"
	"example.com/memstore/users"
)

type Server struct {
	Store  store.Store
	Tokens cache.Cache[string]
	Users  users.Users
}

// Every implementation of store.Store returns nil or its own sentinel:
// the text sent with 500 is ours.
func (s *Server) Put(w http.ResponseWriter, r *http.Request) {
	if err := s.Store.Put(r.Context(), r.URL.Query().Get("k"), r.URL.Query().Get("v")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// The same through an instance of a generic interface.
func (s *Server) Token(w http.ResponseWriter, r *http.Request) {
	if err := s.Tokens.Set(r.Context(), "t", r.URL.Query().Get("t")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// One implementation of users.Users returns database/sql's errors.
func (s *Server) Name(w http.ResponseWriter, r *http.Request) {
	n, err := s.Users.Name(r.Context(), 1)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	w.Write([]byte(n))
}

// An interface of this package with one implementation here, in memory.
type limiter interface {
	Allow(key string) error
}

type memLimiter struct{ seen map[string]int }

func (l *memLimiter) Allow(key string) error {
	l.seen[key]++
	return nil
}

type Limited struct{ l limiter }

func NewLimited() *Limited { return &Limited{l: &memLimiter{seen: map[string]int{}}} }

func (s *Limited) Hit(w http.ResponseWriter, r *http.Request) {
	if err := s.l.Allow(r.RemoteAddr); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
