package libraries

import (
	"net/http"

	"k8s.io/client-go/kubernetes"
)

// client-go's calls go to the kube-apiserver: their errors carry its
// URLs and RBAC details (kubelens/kubelens).
func badKubePods(cs *kubernetes.Clientset) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		pods, err := cs.Pods(r.Context(), r.URL.Query().Get("ns"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest) // want `dependency error err.Error\(\) is sent to the client`
			return
		}
		w.Write([]byte(pods[0].Name))
	}
}
