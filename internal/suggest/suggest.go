// Package suggest finds the name a user most likely meant, for "did you
// mean" hints on a misspelled flag, settings key or check name.
package suggest

import "strings"

// Nearest returns the candidate nearest to name (the fewest edits, the
// first listed on a tie) and its distance, or "" and -1 when there is no
// candidate.
func Nearest(name string, candidates []string) (string, int) {
	best, bestDist := "", -1
	for _, c := range candidates {
		if d := Distance(name, c); bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, bestDist
}

// Near reports whether a name dist edits away from candidate is near
// enough to suggest it: two edits, or about one in three of a long name.
func Near(candidate string, dist int) bool {
	return dist >= 0 && dist <= max(2, len(candidate)/3)
}

// Option returns the option (a flag, a key of the golangci-lint
// settings) that name, which names none, most likely meant, or "": the
// nearest candidate, where a name that begins a candidate (passthr for
// passthrough) or that a candidate begins (wholeprogram for whole), of
// three letters at least, counts as one edit away; it must be Near, and
// fewer edits away than name has letters. A name that a candidate
// begins with a dot after it (passthrough.mapperr for passthrough) is
// an option of its own, not that candidate misspelled. On a tie, the
// first candidate listed wins.
func Option(name string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		d := Distance(name, c)
		rest, longer := strings.CutPrefix(name, c)
		if strings.HasPrefix(c, name) && len(name) >= 3 || longer && len(c) >= 3 && !strings.HasPrefix(rest, ".") {
			d = min(d, 1)
		}
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if !Near(best, bestDist) || bestDist >= len(name) {
		return ""
	}
	return best
}

// Distance is the Levenshtein distance of a and b, in bytes: the fewest
// single-byte insertions, deletions and substitutions that turn one into
// the other.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
