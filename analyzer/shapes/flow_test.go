package shapes

import "testing"

func TestFormatHasText(t *testing.T) {
	for f, want := range map[string]bool{
		"%s":                     false,
		"%s\n":                   false,
		"%v.":                    false,
		"%+v":                    false,
		"%[1]s":                  false,
		"failed: %s":             true,
		"%s: %s":                 true, // two values: neither is sent whole
		"%d%%":                   false,
		"upstream said %q (%d)":  true,
		"Device code failed: %s": true,
		"":                       false,
		"%-10s":                  false,
		"%s %s":                  true,
		"%s – see logs":          true,
	} {
		if got := formatHasText(f); got != want {
			t.Errorf("formatHasText(%q) = %v, want %v", f, got, want)
		}
	}
}
