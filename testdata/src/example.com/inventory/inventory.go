// Package inventory is a client helper package: its functions return
// upstream statuses or write statuses they are given. Facts carry that
// to importers.
package inventory

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
)

type Client struct {
	HTTP *http.Client
	Base string
}

// Lookup returns the upstream status with the body.
func (c *Client) Lookup(ctx context.Context, id string) (status int, body []byte, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.Base+"/items/"+id, nil)
	if err != nil {
		return 0, nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// Result holds an upstream outcome in a struct.
type Result struct {
	Code  int
	Items []string
}

func (c *Client) List(ctx context.Context) (Result, error) {
	resp, err := c.HTTP.Get(c.Base + "/items")
	if err != nil {
		return Result{}, err
	}
	defer resp.Body.Close()
	var items []string
	_ = json.NewDecoder(resp.Body).Decode(&items)
	return Result{Code: resp.StatusCode, Items: items}, nil
}

// StatusOf reads the status of a response it is given.
func StatusOf(resp *http.Response) int { return resp.StatusCode }

// WriteStatus writes the status it is given: its parameter is a sink.
func WriteStatus(w http.ResponseWriter, code int, msg string) {
	w.WriteHeader(code)
	io.WriteString(w, msg)
}

// Forward copies a whole response: a proxy helper.
func Forward(w http.ResponseWriter, resp *http.Response) {
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

// Healthy makes a decision from the status.
func Healthy(resp *http.Response) bool { return resp.StatusCode < 300 }
