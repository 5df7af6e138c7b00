//upstreamlint:file-ignore passthrough -- this file is the status mirror
package suppressfile

import "net/http"

func mirror(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://users.internal/me")
	if err != nil {
		return
	}
	w.WriteHeader(resp.StatusCode)
}
