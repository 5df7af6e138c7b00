// Installed error handlers, merged over the program.

package wholeprog

import "github.com/upstreamlint/upstreamlint/analyzer/knowledge"

// MergeHandlers drops fiber's default handler when the program installs
// a handler of its own anywhere: which app a handler is routed on is not
// known, and precision comes first.
func MergeHandlers(hs []knowledge.InstalledHandler) []knowledge.InstalledHandler {
	custom := make(map[string]bool)
	for _, h := range hs {
		if !isDefault(h) {
			custom[h.Framework] = true
		}
	}
	var out []knowledge.InstalledHandler
	seen := make(map[string]bool)
	for _, h := range hs {
		if custom[h.Framework] && isDefault(h) {
			continue
		}
		if k := h.Framework + "\x00" + h.Name + "\x00" + h.Pos; !seen[k] {
			seen[k] = true
			out = append(out, h)
		}
	}
	return out
}

// isDefault reports whether h is a framework's default error handler.
func isDefault(h knowledge.InstalledHandler) bool {
	for _, fw := range knowledge.ErrorFrameworks {
		if fw.Default != nil && fw.Name == h.Framework && fw.Default.Name == h.Name {
			return true
		}
	}
	return false
}

// HandlerKey is the dynamic key a package meets when it declares handlers
// of a framework: phase 2 analyses it again when the program installs an
// error handler for that framework.
func HandlerKey(framework string) string { return "error handler of " + framework }
