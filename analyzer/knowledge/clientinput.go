package knowledge

// An InputRow says when a call's error is about the client's input.
type InputRow struct {
	// Request is the argument (receiver first) that must come from the
	// served request for the error to be the client's: a decoder reading
	// r.Body, bytes read from it. -1: the call is input parsing whatever
	// it parses (strconv.Atoi of anything is not a dependency's text).
	Request int
}

var (
	AnyInput     = InputRow{Request: -1}
	requestInput = func(arg int) InputRow { return InputRow{Request: arg} }
)

// ClientInputFuncs are functions and methods whose error is the client's.
var ClientInputFuncs = map[string]InputRow{
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
	"(*bufio.Reader).Peek":                   requestInput(0), // bufio.NewReader(r.Body)
	"(*bufio.Reader).Read":                   requestInput(0),
	"(*bufio.Reader).ReadBytes":              requestInput(0),
	"(*bufio.Reader).ReadString":             requestInput(0),
	"(*bufio.Reader).ReadLine":               requestInput(0),
	"(*net/http.Request).ParseForm":          AnyInput,
	"(*net/http.Request).ParseMultipartForm": AnyInput,
	"(*net/http.Request).FormFile":           AnyInput,
	"(*net/http.Request).MultipartReader":    AnyInput,
	"(*mime/multipart.Reader).NextPart":      requestInput(0), // the parts of the client's body
	"(*mime/multipart.Reader).NextRawPart":   requestInput(0),
	"(*net/http.Request).Cookie":             AnyInput,
	// a WebSocket handshake: its errors are about the client's request
	// (method, headers, origin), answered by the upgrader itself
	"(*github.com/gorilla/websocket.Upgrader).Upgrade": requestInput(2),
	"(*github.com/minio/websocket.Upgrader).Upgrade":   requestInput(2),
	// parsing and verifying the client's token
	"github.com/golang-jwt/jwt.Parse":                        AnyInput,
	"github.com/golang-jwt/jwt.ParseWithClaims":              AnyInput,
	"(*github.com/golang-jwt/jwt.Parser).Parse":              AnyInput,
	"(*github.com/golang-jwt/jwt.Parser).ParseWithClaims":    AnyInput,
	"github.com/golang-jwt/jwt/v4.Parse":                     AnyInput,
	"github.com/golang-jwt/jwt/v4.ParseWithClaims":           AnyInput,
	"(*github.com/golang-jwt/jwt/v4.Parser).Parse":           AnyInput,
	"(*github.com/golang-jwt/jwt/v4.Parser).ParseWithClaims": AnyInput,
	"(*github.com/golang-jwt/jwt/v4.Parser).ParseUnverified": AnyInput,
	"github.com/golang-jwt/jwt/v5.Parse":                     AnyInput,
	"github.com/golang-jwt/jwt/v5.ParseWithClaims":           AnyInput,
	"(*github.com/golang-jwt/jwt/v5.Parser).Parse":           AnyInput,
	"(*github.com/golang-jwt/jwt/v5.Parser).ParseWithClaims": AnyInput,
	"(*github.com/golang-jwt/jwt/v5.Parser).ParseUnverified": AnyInput,
	"github.com/dgrijalva/jwt-go.Parse":                      AnyInput,
	"github.com/dgrijalva/jwt-go.ParseWithClaims":            AnyInput,
	"github.com/lestrrat-go/jwx/v2/jwt.Parse":                AnyInput,
	"github.com/lestrrat-go/jwx/v2/jwt.ParseString":          AnyInput,
	"github.com/lestrrat-go/jwx/v2/jwt.ParseRequest":         AnyInput,
	"github.com/lestrrat-go/jwx/v3/jwt.Parse":                AnyInput,
	"github.com/lestrrat-go/jwx/v3/jwt.ParseString":          AnyInput,
	"github.com/lestrrat-go/jwx/v3/jwt.ParseRequest":         AnyInput,
	"(*encoding/base64.Encoding).DecodeString":               AnyInput,
	"encoding/hex.DecodeString":                              AnyInput,
	"fmt.Sscanf":                                             AnyInput,
	"fmt.Sscan":                                              AnyInput,
	// parsing a parameter
	"net/url.Parse":                                    AnyInput,
	"net/url.ParseQuery":                               AnyInput,
	"net/url.ParseRequestURI":                          AnyInput,
	"net/url.PathUnescape":                             AnyInput,
	"net/url.QueryUnescape":                            AnyInput,
	"net/mail.ParseAddress":                            AnyInput,
	"net/netip.ParseAddr":                              AnyInput,
	"net/netip.ParsePrefix":                            AnyInput,
	"net.ParseCIDR":                                    AnyInput,
	"time.Parse":                                       AnyInput,
	"time.ParseInLocation":                             AnyInput,
	"time.ParseDuration":                               AnyInput,
	"github.com/google/uuid.Parse":                     AnyInput,
	"github.com/google/uuid.ParseBytes":                AnyInput,
	"github.com/google/uuid.Validate":                  AnyInput,
	"github.com/gofrs/uuid.FromString":                 AnyInput,
	"github.com/satori/go.uuid.FromString":             AnyInput,
	"github.com/asaskevich/govalidator.ValidateStruct": AnyInput,
}

// ClientInputMethodPrefixes are method-name prefixes of request
// contexts whose errors are the client's (gin's Bind*, ShouldBind*).
var ClientInputMethodPrefixes = map[string][]string{}

// ClientInputPackages are packages every function of which is input
// parsing or validation.
var ClientInputPackages = PathPrefixes{List: []string{
	"strconv",
	"github.com/go-playground/validator",
	"github.com/go-ozzo/ozzo-validation",
	"buf.build/go/protovalidate",
	"github.com/bufbuild/protovalidate-go",
}}

// ValidationMethods are the names of the methods request payloads
// validate themselves with (payload.Validate(r)): called on a payload the
// handler decoded, what they return is about the client's input
// (engine.validatesInput).
var ValidationMethods = map[string]bool{"Validate": true}
