package gin

// ErrorType is an unsigned 64-bit error code as defined in the gin spec.
type ErrorType uint64

const (
	// ErrorTypeBind is used when Context.Bind() fails.
	ErrorTypeBind ErrorType = 1 << 63
	// ErrorTypeRender is used when Context.Render() fails.
	ErrorTypeRender ErrorType = 1 << 62
	// ErrorTypePrivate indicates a private error.
	ErrorTypePrivate ErrorType = 1 << 0
	// ErrorTypePublic indicates a public error.
	ErrorTypePublic ErrorType = 1 << 1
	// ErrorTypeAny indicates any other error.
	ErrorTypeAny ErrorType = 1<<64 - 1
)

// Error represents a error's specification.
type Error struct {
	Err  error
	Type ErrorType
	Meta any
}

type errorMsgs []*Error

var _ error = (*Error)(nil)

// SetType sets the error's type.
func (msg *Error) SetType(flags ErrorType) *Error { return msg }

// SetMeta sets the error's meta data.
func (msg *Error) SetMeta(data any) *Error { return msg }

// JSON creates a properly formatted JSON
func (msg *Error) JSON() any { return nil }

// IsType judges one error.
func (msg *Error) IsType(flags ErrorType) bool { return false }

// Error implements the error interface.
func (msg Error) Error() string { return "" }

// Unwrap returns the wrapped error, to allow interoperability with errors.Is(), errors.As() and errors.Unwrap()
func (msg Error) Unwrap() error { return msg.Err }

// Last returns the last error in the slice.
func (a errorMsgs) Last() *Error { return nil }

// Errors returns an array with all the error messages.
func (a errorMsgs) Errors() []string { return nil }

func (a errorMsgs) String() string { return "" }
