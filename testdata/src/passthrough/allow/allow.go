package allow

import "net/http"

type Gateway struct{}

func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://users.internal/me")
	if err != nil {
		return
	}
	w.WriteHeader(resp.StatusCode) // allowlisted by (*passthrough/allow.Gateway).ServeHTTP
}

func MirrorA(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://users.internal/me")
	if err != nil {
		return
	}
	func() {
		w.WriteHeader(resp.StatusCode) // a closure inside an allowlisted function (Mirror*)
	}()
}

func handler(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://users.internal/me")
	if err != nil {
		return
	}
	w.WriteHeader(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
}
