package fix

import "net/http"

func badOtherFile(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://users.internal/me")
	if err != nil {
		return
	}
	w.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
}
