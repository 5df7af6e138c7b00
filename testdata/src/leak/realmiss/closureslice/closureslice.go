// Package closureslice: a miss seen on a real echo service: goroutines
// call the backends and store each result, or the error's text, into a
// slice the handler made; the handler then writes the slice. The stores
// go through the slice loaded from the captured variable.
package closureslice

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
)

var backends = []string{"http://a.internal", "http://b.internal"}

func fanOut(w http.ResponseWriter, r *http.Request) {
	result := make([]string, len(backends))
	var wg sync.WaitGroup
	for i, b := range backends {
		wg.Add(1)
		go func(i int, b string) {
			defer wg.Done()
			resp, err := http.Get(b)
			if err != nil {
				result[i] = fmt.Sprintf("backend %s call failed %v", b, err)
				return
			}
			resp.Body.Close()
			result[i] = "ok"
		}(i, b)
	}
	wg.Wait()
	json.NewEncoder(w).Encode(result) // want `dependency error result is sent to the client`
}
