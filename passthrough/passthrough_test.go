package passthrough_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/upstreamlint/upstreamlint/passthrough"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs("../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNetHTTP(t *testing.T) {
	analysistest.Run(t, testdata(t), passthrough.NewAnalyzer(passthrough.DefaultConfig()), "passthrough/nethttp")
}
