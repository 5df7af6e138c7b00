// Package httperr is a user's own status mapping package. It passes
// client errors through, so without configuration its result counts as
// upstream (a fact says so).
package httperr

import "net/http"

// FromUpstream maps an upstream status to ours.
func FromUpstream(code int) int {
	if code >= 500 {
		return http.StatusBadGateway
	}
	return code
}
