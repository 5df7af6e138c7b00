// Package lambdaish builds the responses a handler answers with: a
// StatusCode and a string Body, no reader. Not an upstream's response.
package lambdaish

type ProxyResponse struct {
	StatusCode int
	Body       string
}

func Adapt(code int, body string) (ProxyResponse, error) {
	return ProxyResponse{StatusCode: code, Body: body}, nil
}
