// Package softerror defines an analyzer that reports responses sent with
// status 200 whose body is only an error.
//
// # Analyzer softerror
//
// softerror: report 200 responses whose body is only an error
//
// A 200 OK says the request worked. Monitoring, retries, caches and client
// libraries all believe it, whatever the body says. An error answered with
// 200 is invisible to all of them.
//
//	if err != nil {
//		json.NewEncoder(w).Encode(map[string]string{"error": "lookup failed"}) // error-only body map[string]string is sent with status 200 (no status written on this path); write an error status first
//		return
//	}
//
// "Error-only" is decided from types and literals: a map whose constant keys
// are all error or meta keys with an error key among them (the keys stored
// on a path to the write, an error key on every path to it); a struct whose
// exported fields' JSON names are; a single-key envelope around such a body;
// plain text that is an error's text or a string starting like an error
// ("failed …", "could not …"). The status is decided on the control-flow
// graph of the handler: a status written on every path before the body
// (WriteHeader, http.Error, a helper that writes a status parameter, known
// through facts) silences it; a path that reaches the write with no status
// written, or after WriteHeader(200), is reported.
//
// Envelopes that say failure are error-only too: a map or struct literal
// whose success flag is the constant false, or whose status-like key holds
// a constant 4xx/5xx code or "error"/"fail", on every path to the write,
// with no data (data keys absent, nil or empty) and only error or meta keys
// besides: c.JSON(http.StatusOK, gin.H{"success": false, "message": …}),
// c.JSON(200, gin.H{"code": 500, "msg": …}). -softerror.envelopes=false
// turns this off for teams that keep the convention on purpose. An envelope
// a helper builds from its parameters (Result(code, data, msg, c) writing
// c.JSON(http.StatusOK, Response{code, data, msg})) is judged at each call
// that fills it with constants, FailWithMessage's Result(ERROR, map{}, msg,
// c); business codes that are not HTTP-like count as failures where the
// same field receives a success-like constant (0 or a 2xx) elsewhere. The
// failing calls of a helper of the package are reported once, at the
// helper, with a fix that derives its status from the code; a helper of
// another package is reported at the calls, except by the standalone
// command, which reports it in its own package with the whole program's
// calls counted.
//
// An installed framework error handler (stored into an
// ErrorHandler or HTTPErrorHandler field: fiber.Config, echo's
// e.HTTPErrorHandler, a middleware's Config) is judged as a handler: a path
// on which it writes no status answers 200. The standalone command also
// judges handlers installed from another package, and takes a call
// through an interface of the module that is handed the writer by what
// its implementations write; one package at a time such a call may have
// written the status, and the body after it is not judged.
//
// Silent on partial success (data plus an outages, errors or warnings
// section), empty results, {"status": "ok"}-style bodies, bodies that state
// success with a constant ({"code": 200, …}, {"success": true, …}), writes after an
// error status, and bodies written by helpers that do not see the request
// (their callers may have written the status).
//
// The fix writes 502 Bad Gateway before the body when the path follows a
// failed upstream call, else 500, or turns an explicit 200 into that status.
//
// Flags: -softerror.errorkeys, -softerror.metakeys, -softerror.flagkeys,
// -softerror.statuskeys, -softerror.datakeys (comma-separated lists
// replacing the defaults), -softerror.envelopes, -softerror.allow. Suppress with
// //upstreamlint:ignore softerror -- reason.
package softerror

const doc = `report 200 responses whose body is only an error

A body that is only an error (an "error" map or struct, an error's text)
written while the status is 200, explicitly or because no status was
written on that path, tells monitoring, retries and caches that the request
worked. Write an error status first.`
