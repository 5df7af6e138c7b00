// Package fakeupstream reproduces false positives seen in a real
// project's tests: the tests of an integration client start fake
// third-party servers (httptest) that answer like the real API does, a
// GraphQL "200 with errors" and a body that is deliberately not JSON.
// Those handlers answer the test, not a client of ours: docs/design.md keeps
// "tests asserting on responses" out of the checks. Silent.
package fakeupstream

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
)

type Client struct {
	BaseURL string
	HTTP    *http.Client
}

type graphQLResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

// Save posts a link to the bookmarking service.
func (c *Client) Save(url string) error {
	resp, err := c.HTTP.Post(c.BaseURL+"/query", "application/json", strings.NewReader(`{"url":"`+url+`"}`))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out graphQLResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return errors.New("unable to decode response")
	}
	if len(out.Errors) > 0 {
		return errors.New(out.Errors[0].Message)
	}
	return nil
}
