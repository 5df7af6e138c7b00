package shapes

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/upstreamlint/upstreamlint/analyzer/knowledge"
)

// IsResponseWriterType reports whether t (or *t) has the method set of
// an http.ResponseWriter: Header, Write([]byte) (int, error) and
// WriteHeader(int). The check is structural, so wrappers and framework
// writers count without importing net/http.
func IsResponseWriterType(t types.Type) bool {
	if t == nil {
		return false
	}
	// Most types have no WriteHeader: ask for it before the method set.
	if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "WriteHeader"); obj == nil {
		return false
	}
	ms := types.NewMethodSet(t)
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	var header, write, writeHeader bool
	for i := 0; i < ms.Len(); i++ {
		f, ok := ms.At(i).Obj().(*types.Func)
		if !ok {
			continue
		}
		sig := f.Type().(*types.Signature)
		switch f.Name() {
		case "Header":
			header = sig.Params().Len() == 0 && sig.Results().Len() == 1
		case "Write":
			write = sig.Params().Len() == 1 && sig.Results().Len() == 2
		case "WriteHeader":
			writeHeader = isWriteHeaderSig(sig)
		}
	}
	return header && write && writeHeader
}

// SourceKindsOf returns the kinds of the results of an upstream call,
// or nil when obj is not a source.
func SourceKindsOf(obj *types.Func, name string, deps *knowledge.PathPrefixes) []knowledge.Kind {
	if ks, ok := knowledge.SourceResults[name]; ok {
		return ks
	}
	sig, ok := obj.Type().(*types.Signature)
	if !ok {
		return nil
	}
	res := sig.Results()
	if res.Len() == 0 || !knowledge.IsErrorType(res.At(res.Len()-1).Type()) {
		return nil
	}
	if isRPCClientCall(sig) {
		if knowledge.IsConnectUnary(sig) && ConnectHandlerCall(obj) {
			return nil // a handler of this process, whose answer is judged where it returns it
		}
		ks := make([]knowledge.Kind, res.Len())
		ks[res.Len()-1] = knowledge.KindGRPCError
		return ks
	}
	if isHTTPDoer(sig) {
		return []knowledge.Kind{knowledge.KindResponse, knowledge.KindDepError}
	}
	if !isDependencyCall(obj, sig, deps) {
		return nil
	}
	if HTTPResponseCall(sig) {
		// a client library's request (req, resty v3): its response by shape
		return []knowledge.Kind{knowledge.KindResponse, knowledge.KindDepError}
	}
	ks := make([]knowledge.Kind, res.Len())
	ks[res.Len()-1] = knowledge.KindDepError
	return ks
}

// CallArgs returns a call's arguments with the receiver first, for
// static and interface calls alike.
func CallArgs(cc *ssa.CallCommon) []ssa.Value {
	if cc.IsInvoke() {
		return append([]ssa.Value{cc.Value}, cc.Args...)
	}
	return cc.Args
}

// Callee identifies the function a call invokes: the method object for
// an interface call, the static callee (generic origin) otherwise.
func Callee(cc *ssa.CallCommon) (*types.Func, *ssa.Function) {
	if cc.IsInvoke() {
		return cc.Method, nil
	}
	fn := cc.StaticCallee()
	if fn == nil {
		return nil, nil
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj, _ := fn.Object().(*types.Func)
	return obj, fn
}

// FieldName names field i of the struct that t is (or points to, when ptr).
func FieldName(t types.Type, i int, ptr bool) string {
	t = types.Unalias(t)
	if ptr {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
	}
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		t = tp.Constraint()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return "?"
}

func HasLastStep(p, step string) bool {
	return p == step || strings.HasSuffix(p, "/"+step)
}

func HasPrefixPath(p, prefix string) bool {
	return p == prefix || strings.HasPrefix(p, prefix+"/")
}

// isDependencyCall reports whether a call to obj does I/O against
// another system: database/sql, net.Dial*, gRPC client calls (any
// function whose last parameter is ...grpc.CallOption).
func isDependencyCall(obj *types.Func, sig *types.Signature, deps *knowledge.PathPrefixes) bool {
	pkg := obj.Pkg()
	if pkg == nil {
		return false
	}
	if deps.Match(pkg.Path()) || knowledge.DependencyLibraries.Match(pkg.Path()) {
		return true
	}
	// Whatever the receiver (a query layer, an interface mirroring
	// *sql.DB and *sql.Tx such as sqlc's DBTX), a call that returns
	// database/sql results with an error did I/O on the database.
	for i := 0; i < sig.Results().Len()-1; i++ {
		if knowledge.SQLResultTypes[knowledge.NamedPath(sig.Results().At(i).Type())] {
			return true
		}
	}
	switch pkg.Path() {
	case "database/sql":
		if recv := sig.Recv(); recv != nil {
			return knowledge.DepErrorReceivers[knowledge.NamedPath(recv.Type())]
		}
	case "net":
		return strings.HasPrefix(obj.Name(), "Dial")
	}
	return false
}

// isGRPCClientCall reports whether sig is a gRPC client call: its last
// parameter is ...grpc.CallOption (ClientConn.Invoke, generated client
// methods).
func isGRPCClientCall(sig *types.Signature) bool {
	if !sig.Variadic() {
		return false
	}
	params := sig.Params()
	sl, ok := params.At(params.Len() - 1).Type().(*types.Slice)
	return ok && knowledge.CallOptions[knowledge.NamedPath(sl.Elem())]
}

// isHTTPDoer reports whether sig is that of an interface method that returns an
// *http.Response and an error: the seam services put in front of their
// HTTP client to test it (type httpDoer interface{ Do(*http.Request)
// (*http.Response, error) }). Its implementations are the HTTP client or
// wrappers of it, and its body is nowhere to summarise, so the shape
// decides, as it does for *http.Client.Do.
func isHTTPDoer(sig *types.Signature) bool {
	recv := sig.Recv()
	return recv != nil && types.IsInterface(recv.Type()) && HTTPResponseCall(sig)
}

// HTTPResponseCall reports whether sig returns an HTTP response and an
// error, as the request calls of HTTP clients do: net/http's, its forks
// and the wrappers around it (HTTPResponseType).
func HTTPResponseCall(sig *types.Signature) bool {
	res := sig.Results()
	return res.Len() == 2 && knowledge.IsErrorType(res.At(1).Type()) && HTTPResponseType(res.At(0).Type())
}

// HTTPResponseType reports whether t is an HTTP response by what it is,
// whatever package declares it: a (pointer to a) named struct with a
// StatusCode int field and a Body field that reads (io.ReadCloser,
// io.Reader): net/http's Response, its forks (bogdanfinn/fhttp) and
// wrappers that embed one (imroc/req's Response); or a named type with a
// StatusCode() int method and a body accessor (Body, String, Bytes)
// returning []byte or string (resty's and fiber v3's client responses).
// A response that a handler builds to answer (aws-lambda-go's
// APIGatewayProxyResponse has a string Body) is not returned by a call
// with an error from a library, and has no reading Body.
func HTTPResponseType(t types.Type) bool {
	if knowledge.NamedPath(t) == "" {
		return false
	}
	if knowledge.IsPtrTo(t, "net/http", "Response") {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "StatusCode")
	switch sc := obj.(type) {
	case *types.Var:
		if !isInt(sc.Type()) {
			return false
		}
		body, _, _ := types.LookupFieldOrMethod(t, true, nil, "Body")
		v, ok := body.(*types.Var)
		return ok && v.IsField() && isReader(v.Type())
	case *types.Func:
		sig := sc.Signature()
		if sig.Params().Len() != 0 || sig.Results().Len() != 1 || !isInt(sig.Results().At(0).Type()) {
			return false
		}
		for _, name := range []string{"Body", "String", "Bytes"} {
			if m, ok := lookupMethod(t, name); ok && m.Params().Len() == 0 && m.Results().Len() == 1 && IsReaderOrBytes(m.Results().At(0).Type()) {
				return true
			}
		}
	}
	return false
}

// ResponseAccessor says what a method of an HTTP response type
// (HTTPResponseType) reads, as a step of the response: "StatusCode",
// "Status", "Body" or "Header"; "" for any other method.
func ResponseAccessor(obj *types.Func) string {
	sig := obj.Signature()
	recv := sig.Recv()
	if recv == nil || sig.Params().Len() != 0 || sig.Results().Len() == 0 || !HTTPResponseType(recv.Type()) {
		return ""
	}
	r := sig.Results().At(0).Type()
	switch obj.Name() {
	case "StatusCode", "GetStatusCode":
		if isInt(r) {
			return "StatusCode"
		}
	case "Status", "GetStatus":
		if IsString(r) {
			return "Status"
		}
	case "Body", "String", "Bytes", "ToString", "ToBytes", "RawBody":
		if IsReaderOrBytes(r) {
			return "Body"
		}
	case "Header", "GetHeader":
		if sig.Results().Len() == 1 && knowledge.NamedPath(r) == "net/http.Header" {
			return "Header"
		}
	}
	return ""
}

// lookupMethod returns the signature of t's exported method name.
func lookupMethod(t types.Type, name string) (*types.Signature, bool) {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	f, ok := obj.(*types.Func)
	if !ok {
		return nil, false
	}
	return f.Signature(), true
}

func isInt(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// isReader reports whether t is io.ReadCloser or io.Reader (a body
// still to read).
func isReader(t types.Type) bool {
	switch knowledge.NamedPath(t) {
	case "io.ReadCloser", "io.Reader":
		return true
	}
	return false
}

func IsHandlerContext(t types.Type) bool {
	return knowledge.HandlerContexts[knowledge.NamedPath(t)]
}

// IsInterfaceOfWriter reports whether v is an interface value (a
// conversion of a writer may hide the ResponseWriter behind io.Writer).
func IsInterfaceOfWriter(v ssa.Value) bool {
	_, ok := v.(*ssa.MakeInterface)
	if !ok {
		_, ok = v.(*ssa.ChangeInterface)
	}
	return ok
}

// isRPCClientCall reports whether sig is a gRPC or a Connect client call:
// an upstream call whose error carries the upstream's code.
func isRPCClientCall(sig *types.Signature) bool {
	return isGRPCClientCall(sig) || knowledge.IsConnectUnary(sig)
}

// IsReaderOrBytes reports whether t can carry a body: an interface
// with a Read method, a byte slice or a string.
func IsReaderOrBytes(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Interface:
		for i := 0; i < u.NumMethods(); i++ {
			if u.Method(i).Name() == "Read" {
				return true
			}
		}
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	case *types.Basic:
		return u.Info()&types.IsString != 0
	}
	return false
}

func IsString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// IsWriteHeaderImpl reports whether obj is a concrete WriteHeader(int)
// method of a type that is a ResponseWriter (a wrapper or recorder).
func IsWriteHeaderImpl(obj *types.Func) bool {
	if obj.Name() != "WriteHeader" {
		return false
	}
	sig, ok := obj.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !isWriteHeaderSig(sig) {
		return false
	}
	return IsResponseWriterType(sig.Recv().Type())
}

func isWriteHeaderSig(sig *types.Signature) bool {
	if sig.Params().Len() != 1 || sig.Results().Len() != 0 {
		return false
	}
	b, ok := sig.Params().At(0).Type().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Int
}

func TrimLastStep(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// ConnectHandlerCall reports whether a call with Connect's unary shape
// is a call of a handler in this process, not of a client: a method of
// a generated handler interface (the interface its package's
// New<Name>(svc <Name>, …) takes, connect-go's NewXServiceHandler), or
// of a type of the module that implements one (a handler calling a
// sibling handler). kubeapps' core calls the plugins it loads through
// their PackagesServiceHandler.
func ConnectHandlerCall(obj *types.Func) bool {
	recv := obj.Signature().Recv()
	if recv == nil {
		return false
	}
	named := RecvNamed(recv.Type())
	if named == nil || named.Obj().Pkg() == nil {
		return false
	}
	if it, ok := named.Underlying().(*types.Interface); ok {
		return handlerConstructor(named.Obj().Pkg(), named.Obj().Name(), it)
	}
	for _, imp := range named.Obj().Pkg().Imports() {
		for _, n := range imp.Scope().Names() {
			if !strings.HasPrefix(n, "New") || !strings.HasSuffix(n, "Handler") {
				continue
			}
			tn, ok := imp.Scope().Lookup(strings.TrimPrefix(n, "New")).(*types.TypeName)
			if !ok {
				continue
			}
			it, ok := tn.Type().Underlying().(*types.Interface)
			if !ok || !handlerConstructor(imp, tn.Name(), it) {
				continue
			}
			if types.Implements(named, it) || types.Implements(types.NewPointer(named), it) {
				return true
			}
		}
	}
	return false
}

// handlerConstructor reports whether pkg declares New<name> taking the
// interface it (named name) first: the generated handler constructor.
func handlerConstructor(pkg *types.Package, name string, it *types.Interface) bool {
	if !strings.HasSuffix(name, "Handler") {
		return false
	}
	f, ok := pkg.Scope().Lookup("New" + name).(*types.Func)
	if !ok || f.Signature().Params().Len() == 0 {
		return false
	}
	pt, ok := types.Unalias(f.Signature().Params().At(0).Type()).(*types.Named)
	return ok && pt.Obj().Name() == name && pt.Obj().Pkg() == pkg && types.Identical(pt.Underlying(), it)
}
