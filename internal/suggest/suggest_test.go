package suggest

import "testing"

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"leak", "leak", 0},
		{"leek", "leak", 1},
		{"passthru", "passthrough", 3},
		{"", "json", 4},
		{"jsn", "json", 1},
		{"kitten", "sitting", 3},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := Distance(tc.b, tc.a); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", tc.b, tc.a, got, tc.want)
		}
	}
}

// The directive check names (analyzer/report) are the candidates of the
// cases that matter: the nearest is the check that reports a misspelled
// name, Near says whether to say "did you mean".
func TestNearest(t *testing.T) {
	checks := []string{"passthrough", "leak", "softerror"}
	for _, tc := range []struct {
		name string
		want string
		dist int
		near bool
	}{
		{"leek", "leak", 1, true},
		{"passthru", "passthrough", 3, true},
		{"softerror", "softerror", 0, true},
		{"soft-error", "softerror", 1, true},
		{"xyz", "leak", 4, false},
	} {
		got, dist := Nearest(tc.name, checks)
		if got != tc.want || dist != tc.dist || Near(got, dist) != tc.near {
			t.Errorf("Nearest(%q) = %s, %d (near %v); want %s, %d (near %v)", tc.name, got, dist, Near(got, dist), tc.want, tc.dist, tc.near)
		}
	}
	if got, dist := Nearest("x", nil); got != "" || dist != -1 || Near(got, dist) {
		t.Errorf(`Nearest("x", nil) = %q, %d`, got, dist)
	}
}

// Option is the rule of the flag hint and of the plugin's unknown keys.
func TestOption(t *testing.T) {
	flags := []string{"json", "exit-zero", "passthrough", "passthrough.mapper", "upstreamfacts.whole"}
	keys := []string{"deps", "budget", "whole-program", "passthrough", "leak", "softerror"}
	for _, tc := range []struct {
		name       string
		candidates []string
		want       string
	}{
		{"jsn", flags, "json"},
		{"exit-zer", flags, "exit-zero"},
		{"passthr", flags, "passthrough"},                            // begins it
		{"upstreamfacts.wholeprogram", flags, "upstreamfacts.whole"}, // begun by it
		{"passthrough.mappr", flags, "passthrough.mapper"},
		{"passthrough.times", []string{"passthrough"}, ""}, // an option of passthrough's, not passthrough misspelled
		{"js", flags, ""},                                  // too short to begin one
		{"x", flags, ""},
		{"whole", keys, "whole-program"},
		{"pasthrough", keys, "passthrough"},
		{"enable", keys, ""},
		{"dep", keys, "deps"},
		{"x", nil, ""},
	} {
		if got := Option(tc.name, tc.candidates); got != tc.want {
			t.Errorf("Option(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
