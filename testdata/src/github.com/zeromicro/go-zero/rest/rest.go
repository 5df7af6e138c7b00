// Package rest is a minimal stub of github.com/zeromicro/go-zero/rest
// v1.10.3 for analysistest: every declaration has the real package's
// signature; bodies are trivial. Declarations the tests do not need are
// omitted.
package rest

import "net/http"

type (
	// RestConf is a http service config.
	RestConf struct {
		Host string `json:",default=0.0.0.0"`
		Port int
	}

	// RunOption defines the method to customize a Server.
	RunOption func(*Server)

	// A Server is a http server.
	Server struct{}

	// A Route is a http route.
	Route struct {
		Method  string
		Path    string
		Handler http.HandlerFunc
	}
)

// MustNewServer returns a server with given config of c and options defined in opts.
func MustNewServer(c RestConf, opts ...RunOption) *Server { return &Server{} }

// NewServer returns a server with given config of c and options defined in opts.
func NewServer(c RestConf, opts ...RunOption) (*Server, error) { return &Server{}, nil }

func (s *Server) Start() {}
func (s *Server) Stop()  {}
