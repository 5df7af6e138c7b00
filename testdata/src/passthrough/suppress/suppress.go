package suppress

import "net/http"

func get() *http.Response {
	resp, _ := http.Get("http://users.internal/me")
	return resp
}

func ignoredSameLine(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(get().StatusCode) //upstreamlint:ignore passthrough -- the status page mirrors the users service on purpose
}

func ignoredLineAbove(w http.ResponseWriter, r *http.Request) {
	//upstreamlint:ignore passthrough -- health endpoint reports the dependency's status
	w.WriteHeader(get().StatusCode)
}

// ignoredFunction is a debug route.
//
//upstreamlint:ignore passthrough -- debug route, internal network only
func ignoredFunction(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(get().StatusCode)
	http.Error(w, "x", get().StatusCode)
}

func otherCheckNamed(w http.ResponseWriter, r *http.Request) {
	//upstreamlint:ignore leak -- names another check
	w.WriteHeader(get().StatusCode) // want `upstream status get\(\).StatusCode is forwarded`
}

func noReason(w http.ResponseWriter, r *http.Request) {
	//upstreamlint:ignore passthrough // want `upstreamlint directive for passthrough has no reason`
	w.WriteHeader(get().StatusCode) // want `upstream status get\(\).StatusCode is forwarded`
}

func tooFarAbove(w http.ResponseWriter, r *http.Request) {
	//upstreamlint:ignore passthrough -- only covers the next line

	w.WriteHeader(get().StatusCode) // want `upstream status get\(\).StatusCode is forwarded`
}

func misspelledCheck(w http.ResponseWriter, r *http.Request) {
	//upstreamlint:ignore passthru -- the check's name is misspelled // want `upstreamlint directive names no check "passthru" \(did you mean passthrough\?\): it suppresses nothing; the checks are passthrough, leak, softerror, or all`
	w.WriteHeader(get().StatusCode) // want `upstream status get\(\).StatusCode is forwarded`
}

func otherCheckMisspelled(w http.ResponseWriter, r *http.Request) {
	//upstreamlint:ignore leek -- leak's directive is reported by the leak check, not here
	w.WriteHeader(get().StatusCode) // want `upstream status get\(\).StatusCode is forwarded`
}
