package brief

import (
	"fmt"
	"strings"
	"testing"
)

// linearShapes are long briefs of shapes that once took quadratic time
// (a sentence of a thousand clauses, deeply nested HTML lists, a
// paragraph of semicolons), each well under MaxSize at n = 4000.
func linearShapes(n int) []struct{ name, src string } {
	return []struct{ name, src string }{
		{"clauses in a features paragraph", "# X\n\n## Features\n\n" + strings.Repeat("users see a list, and ", n) + "done.\n"},
		{"clauses in prose", strings.Repeat("Nurses post a shift, and managers approve it, ", n) + "end.\n"},
		{"semicolons", "# X\n\n## Features\n\n" + strings.Repeat("users see a list; ", n) + "\n"},
		{"verb phrases", strings.Repeat("They pick, record or attach photos or ", n) + "x.\n"},
		{"nested html lists", strings.Repeat("<ul><li><b>x</b><br>", n)},
		{"nested html tables", strings.Repeat("<table><tr><td>", n)},
		{"features restating each other", "## Features\n\n" + strings.Repeat("- Export reports as CSV\n", n) + "\n## Later\n\n" + strings.Repeat("- Export CSV\n", n)},
	}
}

// TestLinear parses each long shape: it must read, whole. How long it
// takes is BenchmarkLinear's to show (n and 2n side by side: a linear
// reader takes twice as long, a quadratic one four times), not a timed
// assertion, which a loaded CI machine would fail at random.
func TestLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("long inputs")
	}
	for _, tt := range linearShapes(4000) {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse([]byte(tt.src)); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// BenchmarkLinear reads each long shape at n and 2n repetitions.
func BenchmarkLinear(b *testing.B) {
	for _, n := range []int{2000, 4000} {
		for _, tt := range linearShapes(n) {
			b.Run(fmt.Sprintf("%s/n=%d", tt.name, n), func(b *testing.B) {
				src := []byte(tt.src)
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					if _, err := Parse(src); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
