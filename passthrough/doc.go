// Package passthrough defines an analyzer that reports an upstream HTTP
// status forwarded as the status of this service's own response.
//
// # Analyzer passthrough
//
// passthrough: report upstream HTTP statuses forwarded to clients
//
// A status code is about the resource this service handles, for its own
// client. Copying a dependency's status into our answer tells the client
// "404: what you asked for does not exist" when in truth our key vault, our
// configuration or our upstream is broken: clients and support chase the
// wrong party.
//
//	resp, err := client.Do(req)
//	...
//	w.WriteHeader(resp.StatusCode) // upstream status resp.StatusCode is forwarded to the client; map it to a status of this service
//
// The status is followed through variables, branches, struct fields,
// closures and helper functions in this and other packages (helpers that
// return an upstream status, and helpers whose parameter becomes the status,
// such as writeJSON(w, code, v)). Sinks: ResponseWriter.WriteHeader (and
// wrappers that implement it), the code of http.Error and http.Redirect, the
// status arguments of the frameworks' calls (gin, echo v4/v5, fiber v2/v3,
// chi/render, go-zero, hertz, fasthttp, go-restful, kratos, iris, beego:
// analyzer/kb_*.go), and the error a gRPC or Connect service method returns
// (an upstream gRPC error, unchanged or wrapped with %w, or a status built
// from its code); a method that returns the upstream's answer as it is, is
// a proxy.
//
// Silent on: explicit decisions (a comparison, a switch picking constants,
// any function not known to pass the status through), reading the status for
// logs or metrics, and transparent proxies that answer with the status and
// the raw body of the same response on one path (a handler that relays the
// body on success and sends the upstream status with its own message on
// failure is reported).
//
// The suggested fix routes the status through a mapping function: the one
// named by -passthrough.mapper, or a mapUpstreamStatus helper added to the
// package (2xx→200, 429/503→503, 504→504, anything else→502); for gRPC, the
// code goes through -passthrough.codemapper or a mapUpstreamCode helper.
//
// Suppress a finding with //upstreamlint:ignore passthrough -- reason (on the
// line, the line above, or in a function's doc comment), or allowlist
// deliberate forwarders with -passthrough.allow.
//
// Known limits: arithmetic on a status (code/100*100) is treated as a new
// value; helpers in packages that import none of net/http, database/sql or a
// supported framework are not summarised and count as mappings.
package passthrough

const doc = `report upstream HTTP statuses forwarded to clients

An upstream status (resp.StatusCode of an http.Client call, or a helper
returning one) that reaches WriteHeader, http.Error or http.Redirect tells the
client something about our dependency as if it were about its own request.
Map it to a status of this service. Transparent proxies (status and raw body
of the same response forwarded on one path) and explicit decisions are not
reported.`
