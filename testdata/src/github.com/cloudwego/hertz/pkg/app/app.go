// Package app is a minimal stub of github.com/cloudwego/hertz/pkg/app
// v0.10.4 for analysistest: every declaration has the real package's
// signature and receiver kind; bodies are trivial. Declarations the
// tests do not need are omitted.
package app

import (
	"context"
	"mime/multipart"
)

// RequestContext represents a request-response context.
type RequestContext struct{}

// HandlerFunc is a function that can be registered to a router.
type HandlerFunc func(c context.Context, ctx *RequestContext)

func (ctx *RequestContext) Param(key string) string                               { return "" }
func (ctx *RequestContext) Query(key string) string                               { return "" }
func (ctx *RequestContext) JSON(code int, obj interface{})                        {}
func (ctx *RequestContext) XML(code int, obj interface{})                         {}
func (ctx *RequestContext) String(code int, format string, values ...interface{}) {}
func (ctx *RequestContext) Data(code int, contentType string, data []byte)        {}
func (ctx *RequestContext) Status(code int)                                       {}
func (ctx *RequestContext) SetStatusCode(statusCode int)                          {}
func (ctx *RequestContext) AbortWithStatus(code int)                              {}
func (ctx *RequestContext) AbortWithMsg(msg string, statusCode int)               {}
func (ctx *RequestContext) AbortWithStatusJSON(code int, jsonObj interface{})     {}
func (ctx *RequestContext) Write(p []byte) (int, error)                           { return 0, nil }
func (ctx *RequestContext) WriteString(s string) (int, error)                     { return 0, nil }
func (ctx *RequestContext) SetBodyString(body string)                             {}
func (ctx *RequestContext) Bind(obj interface{}) error                            { return nil }
func (ctx *RequestContext) BindAndValidate(obj interface{}) error                 { return nil }
func (ctx *RequestContext) FormFile(name string) (*multipart.FileHeader, error)   { return nil, nil }
