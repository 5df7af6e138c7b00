// Package jsonindent: a miss left after the miss fixes (seen on a real
// echo service, at b387336): the JSON helper pretty-prints the marshalled
// payload with json.Indent into a bytes.Buffer before writing it. Indent,
// Compact and HTMLEscape copy their source into the destination buffer.
package jsonindent

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
)

func prettyJSON(b []byte) []byte {
	var out bytes.Buffer
	json.Indent(&out, b, "", "  ")
	return out.Bytes()
}

func jsonResponse(w http.ResponseWriter, r *http.Request, result any) {
	body, err := json.Marshal(result)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(prettyJSON(body))
}

func echo(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://backend.internal/echo")
	if err != nil {
		jsonResponse(w, r, []string{fmt.Sprintf("backend call failed %v", err)}) // want `dependency error`
		return
	}
	resp.Body.Close()
	jsonResponse(w, r, []string{"ok"})
}
