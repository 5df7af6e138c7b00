package reply

import "testing"

// The test variant of this package declares Send again: the helper is
// still reported once, in the package.
func TestBody(t *testing.T) {
	if (Body{Code: 1}).Code != 1 {
		t.Fatal("code")
	}
}
