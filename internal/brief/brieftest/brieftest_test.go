package brieftest_test

import (
	"bytes"
	"testing"

	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/brief/brieftest"
)

// TestLargeBrief checks the generator on a smaller size than the
// benchmarks use: it stays within the size, close to it, is the same
// every time, and parses into its features.
func TestLargeBrief(t *testing.T) {
	const size = 64 << 10
	src := brieftest.LargeBrief(size)
	if len(src) > size || len(src) < size-2000 {
		t.Fatalf("LargeBrief is %d bytes, want just under %d", len(src), size)
	}
	if !bytes.Equal(src, brieftest.LargeBrief(size)) {
		t.Error("two briefs of the same size differ")
	}
	b, err := brief.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if want := 10 * bytes.Count(src, []byte("### Region")); len(b.Features) != want {
		t.Errorf("the large brief has %d features, want %d", len(b.Features), want)
	}
}
