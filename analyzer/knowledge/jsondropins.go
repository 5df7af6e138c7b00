package knowledge

import "strings"

// Drop-in replacements of encoding/json: packages with the same API
// (Marshal, NewEncoder, (*Encoder).Encode, Unmarshal, (*Decoder).Decode,
// …) that services import instead of it for speed (portainer writes its
// error responses with segmentio's). Every row of encoding/json holds
// for them: the rows are copied under their paths.
var JSONDropIns = []string{
	"github.com/segmentio/encoding/json",
	"github.com/goccy/go-json",
}

const stdJSON = "encoding/json"

func init() {
	for _, pkg := range JSONDropIns {
		copyJSONRows(Flows, pkg)
		copyJSONRows(Sinks, pkg)
		copyJSONRows(WriterWrappers, pkg)
		copyJSONRows(ClientInputFuncs, pkg)
		copyJSONRows(JSONMarshalers, pkg)
	}
}

// copyJSONRows adds to m, for each key naming a function or method of
// encoding/json ("encoding/json.Marshal", "(*encoding/json.Encoder).Encode"),
// the same row under pkg.
func copyJSONRows[V any](m map[string]V, pkg string) {
	for k, v := range m {
		for _, prefix := range []string{stdJSON + ".", "(*" + stdJSON + ".", "(" + stdJSON + "."} {
			if strings.HasPrefix(k, prefix) {
				m[strings.Replace(k, stdJSON, pkg, 1)] = v
			}
		}
	}
}
