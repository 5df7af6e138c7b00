package ginfix

import "net/http"

var client = &http.Client{}

func fetch(id string) (*http.Response, error) {
	return client.Get("http://inventory.internal/items/" + id)
}
