package analyzer

import (
	"go/types"
	"strings"
)

// Errors about the client's own input: decoding or binding the request,
// validating it, parsing one of its parameters. Their text is meant for
// the caller and names nothing of our dependencies, so the server-error
// status rule of the leak check leaves them alone whatever status was
// picked. Keys are full function names, as in knowledge.go.

// An inputRow says when a call's error is about the client's input.
type inputRow struct {
	// request is the argument (receiver first) that must come from the
	// served request for the error to be the client's: a decoder reading
	// r.Body, bytes read from it. -1: the call is input parsing whatever
	// it parses (strconv.Atoi of anything is not a dependency's text).
	request int
}

var (
	anyInput     = inputRow{request: -1}
	requestInput = func(arg int) inputRow { return inputRow{request: arg} }
)

// clientInputFuncs are functions and methods whose error is the client's.
var clientInputFuncs = map[string]inputRow{
	// decoding what the client sent
	"encoding/json.Unmarshal":                                 requestInput(0),
	"(*encoding/json.Decoder).Decode":                         requestInput(0),
	"encoding/xml.Unmarshal":                                  requestInput(0),
	"(*encoding/xml.Decoder).Decode":                          requestInput(0),
	"google.golang.org/protobuf/encoding/protojson.Unmarshal": requestInput(0),
	"google.golang.org/protobuf/proto.Unmarshal":              requestInput(0),
	"github.com/bytedance/sonic.Unmarshal":                    requestInput(0),
	"github.com/goccy/go-json.Unmarshal":                      requestInput(0),
	"(*github.com/gorilla/schema.Decoder).Decode":             requestInput(2),
	"io.ReadAll":                             requestInput(0), // reading the request body
	"io/ioutil.ReadAll":                      requestInput(0),
	"io.ReadFull":                            requestInput(0),
	"io.Copy":                                requestInput(1),
	"(*bytes.Buffer).ReadFrom":               requestInput(1),
	"(*net/http.Request).ParseForm":          anyInput,
	"(*net/http.Request).ParseMultipartForm": anyInput,
	"(*net/http.Request).FormFile":           anyInput,
	"(*net/http.Request).MultipartReader":    anyInput,
	"(*net/http.Request).Cookie":             anyInput,
	// parsing and verifying the client's token
	"github.com/golang-jwt/jwt.Parse":                        anyInput,
	"github.com/golang-jwt/jwt.ParseWithClaims":              anyInput,
	"(*github.com/golang-jwt/jwt.Parser).Parse":              anyInput,
	"(*github.com/golang-jwt/jwt.Parser).ParseWithClaims":    anyInput,
	"github.com/golang-jwt/jwt/v4.Parse":                     anyInput,
	"github.com/golang-jwt/jwt/v4.ParseWithClaims":           anyInput,
	"(*github.com/golang-jwt/jwt/v4.Parser).Parse":           anyInput,
	"(*github.com/golang-jwt/jwt/v4.Parser).ParseWithClaims": anyInput,
	"(*github.com/golang-jwt/jwt/v4.Parser).ParseUnverified": anyInput,
	"github.com/golang-jwt/jwt/v5.Parse":                     anyInput,
	"github.com/golang-jwt/jwt/v5.ParseWithClaims":           anyInput,
	"(*github.com/golang-jwt/jwt/v5.Parser).Parse":           anyInput,
	"(*github.com/golang-jwt/jwt/v5.Parser).ParseWithClaims": anyInput,
	"(*github.com/golang-jwt/jwt/v5.Parser).ParseUnverified": anyInput,
	"github.com/dgrijalva/jwt-go.Parse":                      anyInput,
	"github.com/dgrijalva/jwt-go.ParseWithClaims":            anyInput,
	"github.com/lestrrat-go/jwx/v2/jwt.Parse":                anyInput,
	"github.com/lestrrat-go/jwx/v2/jwt.ParseString":          anyInput,
	"github.com/lestrrat-go/jwx/v2/jwt.ParseRequest":         anyInput,
	"github.com/lestrrat-go/jwx/v3/jwt.Parse":                anyInput,
	"github.com/lestrrat-go/jwx/v3/jwt.ParseString":          anyInput,
	"github.com/lestrrat-go/jwx/v3/jwt.ParseRequest":         anyInput,
	"(*encoding/base64.Encoding).DecodeString":               anyInput,
	"encoding/hex.DecodeString":                              anyInput,
	"fmt.Sscanf":                                             anyInput,
	"fmt.Sscan":                                              anyInput,
	// parsing a parameter
	"net/url.Parse":                                    anyInput,
	"net/url.ParseQuery":                               anyInput,
	"net/url.ParseRequestURI":                          anyInput,
	"net/url.PathUnescape":                             anyInput,
	"net/url.QueryUnescape":                            anyInput,
	"net/mail.ParseAddress":                            anyInput,
	"net/netip.ParseAddr":                              anyInput,
	"net/netip.ParsePrefix":                            anyInput,
	"net.ParseCIDR":                                    anyInput,
	"time.Parse":                                       anyInput,
	"time.ParseInLocation":                             anyInput,
	"time.ParseDuration":                               anyInput,
	"github.com/google/uuid.Parse":                     anyInput,
	"github.com/google/uuid.ParseBytes":                anyInput,
	"github.com/google/uuid.Validate":                  anyInput,
	"github.com/gofrs/uuid.FromString":                 anyInput,
	"github.com/satori/go.uuid.FromString":             anyInput,
	"github.com/asaskevich/govalidator.ValidateStruct": anyInput,
}

// clientInputMethodPrefixes are method-name prefixes of request
// contexts whose errors are the client's (gin's Bind*, ShouldBind*).
var clientInputMethodPrefixes = map[string][]string{}

// clientInputPackages are packages every function of which is input
// parsing or validation.
var clientInputPackages = PathPrefixes{list: []string{
	"strconv",
	"github.com/go-playground/validator",
	"github.com/go-ozzo/ozzo-validation",
	"buf.build/go/protovalidate",
	"github.com/bufbuild/protovalidate-go",
}}

// clientInputRow returns the row of a callee whose error is about the
// client's input.
func clientInputRow(obj *types.Func) (inputRow, bool) {
	if row, ok := clientInputFuncs[fullName(obj)]; ok {
		return row, true
	}
	if obj.Pkg() != nil && clientInputPackages.Match(obj.Pkg().Path()) {
		return anyInput, true
	}
	sig, _ := obj.Type().(*types.Signature)
	if sig == nil {
		return inputRow{}, false
	}
	if recv := sig.Recv(); recv != nil {
		for _, p := range clientInputMethodPrefixes[namedPath(recv.Type())] {
			if strings.HasPrefix(obj.Name(), p) {
				return anyInput, true
			}
		}
		// The generated validators of protoc-gen-validate and its kin
		// (m.Validate() error), and ozzo's Validatable.
		if (obj.Name() == "Validate" || obj.Name() == "ValidateAll") && sig.Params().Len() == 0 && sig.Results().Len() == 1 && isErrorType(sig.Results().At(0).Type()) {
			return anyInput, true
		}
	}
	return inputRow{}, false
}
