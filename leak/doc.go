// Package leak defines an analyzer that reports dependency errors,
// upstream error bodies, outbound URLs and stack traces written into a
// response to the client.
//
// # Analyzer leak
//
// leak: report dependency errors and stack traces sent to clients
//
// The text of a dependency error carries internal details: the error of an
// http.Client call is a *url.Error that names the internal URL and its query
// (tokens included), a database error names tables and constraints. Sent to
// the client it couples clients to our dependencies and shows attackers our
// topology. Stack traces are the worst case.
//
//	resp, err := client.Do(req)
//	if err != nil {
//		http.Error(w, err.Error(), http.StatusBadGateway) // dependency error err.Error() is sent to the client; log it and send a generic message
//		return
//	}
//
// Sources: the error results of HTTP client calls, database/sql, gRPC client
// calls (any function whose last parameter is ...grpc.CallOption), net.Dial*,
// the dependency libraries services use (gorm, with the Error field of its
// chain calls, sqlx, pgx, go-redis, mongo-driver, ent, bun, the AWS and Google
// Cloud SDKs, elastic, resty, req: see docs/leak.md),
// and the packages named by -upstreamfacts.deps; wrapped with fmt.Errorf,
// errors.Join or pkg/errors, formatted with %v/%s/%w, concatenated, put into
// maps and structs, and returned by helpers in this and other packages. The
// body of an upstream response written in a branch where that response
// failed (resp.StatusCode >= 400, != 200, …). The URL of an outbound request.
// debug.Stack() and runtime.Stack buffers.
//
// The status decides for errors of unknown origin: the text of any error
// (err.Error(), %v formatting, an error value in the payload, the message of
// echo.NewHTTPError or fiber.NewError) sent with a server-error status is
// reported, whatever produced the error. The status is a 5xx constant of the
// same call, a 5xx written before the write on every path
// (w.WriteHeader(503) then fmt.Fprint(w, err)), or a helper's status
// parameter given a 5xx at the call; in gRPC services, a returned status with
// code Internal, Unknown, DataLoss or Unavailable whose message carries an
// error's text.
//
//	orders, err := h.orders.ByUser(ctx, id) // an interface: origin unknown
//	if err != nil {
//		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // error text of err is sent with status 500; internal errors carry details of our dependencies: log it and send a generic message
//	}
//
// Exempt are errors provably ours on every path (sentinels, constant errors
// and messages, errors built only from those, error types of the package
// whose Error method returns constants, the package's functions returning
// only such errors) and errors about the client's input (decoding or binding
// the request, validation, strconv and other parameter parsing). With a 4xx,
// 2xx or unknown status only proven dependency errors are reported.
//
// One finding where the fix belongs: a helper that sends its error
// parameter's text with a 5xx of its own is reported at its write, and its
// callers in the module are not. Callers are reported when the helper takes
// the status or a message from them, or lives in another module; a helper
// that drops the text when its status parameter is a 5xx protects them. A
// gRPC or Connect helper that returns a status with code Internal (or
// another server code) carrying its error parameter's text is reported once,
// at that return, and the service methods returning it are not; with the
// whole program, those of other packages neither.
//
// Sinks: ResponseWriter.Write, the message of http.Error, fmt.Fprint* and
// io.WriteString/io.Copy into the writer, json.NewEncoder(w).Encode,
// templates executed into the writer, and helpers that write a parameter.
//
// Silent on: errors about the client's own input (strconv, decoding r.Body,
// validation), our own sentinel errors (including an error tested with
// errors.Is(err, ErrNotFound) or err == ErrNotFound where it is written),
// errors that are only logged or returned, upstream bodies written on success
// (data), transparent proxies that forward status and whole body together on
// one path, and
// the transport errors of a forward proxy that sends the served request
// unchanged (its target is the client's own).
//
// The suggested fix replaces the text with http.StatusText of the status the
// same call sends (http.Error), or that a constant status write before it
// sent, or with the function named by
// -leak.publicmsg applied to the error. No fix is offered where a variable or
// an import would become unused, or the status is not at hand.
//
// Suppress with //upstreamlint:ignore leak -- reason, or -leak.allow.
package leak

const doc = `report dependency errors and stack traces sent to clients

The text of a dependency error (an http.Client call's *url.Error with the
internal URL, a database error), an upstream error body, an outbound URL or
a stack trace written into the response shows clients our internals. Log it
and send a generic message.`
