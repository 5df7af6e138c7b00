package knowledge

// WriterCalls are plain writes into a writer, by the index of the
// writer argument (receiver first).
var WriterCalls = map[string]int{
	"io.Copy":                    0,
	"io.CopyBuffer":              0,
	"io.CopyN":                   0,
	"io.WriteString":             0,
	"fmt.Fprint":                 0,
	"fmt.Fprintf":                0,
	"fmt.Fprintln":               0,
	"(*net/http.Request).Write":  1,
	"(*net/http.Response).Write": 1,
	"(*bytes.Buffer).WriteTo":    1,
	"(*bytes.Reader).WriteTo":    1,
	"(*strings.Reader).WriteTo":  1,
}

// ErrorPackages make errors from text and other errors, adding nothing
// but what they are given.
var ErrorPackages = map[string]bool{
	"errors":                        true,
	"fmt":                           true,
	"github.com/pkg/errors":         true,
	"golang.org/x/xerrors":          true,
	"github.com/cockroachdb/errors": true,
	"github.com/go-errors/errors":   true,
}

// JSONMarshalers encode their argument (the index given) as encoding/json
// does: their error comes only from what that value's type holds
// (shapes.JSONCannotFail), never from a dependency.
var JSONMarshalers = map[string]int{
	"encoding/json.Marshal":       0,
	"encoding/json.MarshalIndent": 0,
}
