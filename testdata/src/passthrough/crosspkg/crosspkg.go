package crosspkg

import (
	"encoding/json"
	"net/http"

	"example.com/chain"
	"example.com/inventory"
)

var inv = &inventory.Client{HTTP: http.DefaultClient, Base: "http://inventory.internal"}

func badLookup(w http.ResponseWriter, r *http.Request) {
	code, _, err := inv.Lookup(r.Context(), r.PathValue("id"))
	if err != nil {
		http.Error(w, "inventory unavailable", http.StatusBadGateway)
		return
	}
	w.WriteHeader(code) // want `upstream status code is forwarded to the client; map it`
	json.NewEncoder(w).Encode(map[string]bool{"reserved": true})
}

func badStructResult(w http.ResponseWriter, r *http.Request) {
	res, err := inv.List(r.Context())
	if err != nil {
		return
	}
	w.WriteHeader(res.Code) // want `upstream status res.Code is forwarded`
}

func goodStructOtherField(w http.ResponseWriter, r *http.Request) {
	res, err := inv.List(r.Context())
	if err != nil {
		return
	}
	w.WriteHeader(http.StatusOK + len(res.Items)*0)
}

func badStatusOf(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://users.internal/me")
	if err != nil {
		return
	}
	http.Error(w, "users failed", inventory.StatusOf(resp)) // want `upstream status inventory.StatusOf\(resp\) is forwarded`
}

func badSinkHelper(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://users.internal/me")
	if err != nil {
		return
	}
	inventory.WriteStatus(w, resp.StatusCode, "done") // want `upstream status resp.StatusCode is forwarded to the client by WriteStatus`
}

func badTwoHops(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(chain.ItemStatus(r.Context(), "42")) // want `upstream status chain.ItemStatus\(r.Context\(\), "42"\) is forwarded`
}

func goodForward(w http.ResponseWriter, r *http.Request) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		return
	}
	inventory.Forward(w, resp)
}

func goodSinkHelperConstant(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://users.internal/me")
	if err != nil || !inventory.Healthy(resp) {
		inventory.WriteStatus(w, http.StatusBadGateway, "users unavailable")
		return
	}
	inventory.WriteStatus(w, http.StatusOK, "ok")
}
