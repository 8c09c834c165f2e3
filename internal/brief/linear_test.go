package brief

import (
	"strings"
	"testing"
	"time"
)

// TestLinear parses long briefs of shapes that once took quadratic time
// (a sentence of a thousand clauses, deeply nested HTML lists, a paragraph
// of semicolons), each well under MaxSize, and fails when one takes more
// than a few seconds: read in linear time each takes a fraction of one.
func TestLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("long inputs")
	}
	const n = 4000
	tests := []struct{ name, src string }{
		{"clauses in a features paragraph", "# X\n\n## Features\n\n" + strings.Repeat("users see a list, and ", n) + "done.\n"},
		{"clauses in prose", strings.Repeat("Nurses post a shift, and managers approve it, ", n) + "end.\n"},
		{"semicolons", "# X\n\n## Features\n\n" + strings.Repeat("users see a list; ", n) + "\n"},
		{"verb phrases", strings.Repeat("They pick, record or attach photos or ", n) + "x.\n"},
		{"nested html lists", strings.Repeat("<ul><li><b>x</b><br>", n)},
		{"nested html tables", strings.Repeat("<table><tr><td>", n)},
		{"features restating each other", "## Features\n\n" + strings.Repeat("- Export reports as CSV\n", n) + "\n## Later\n\n" + strings.Repeat("- Export CSV\n", n)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			if _, err := Parse([]byte(tt.src)); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("%d bytes took %v", len(tt.src), d)
			}
		})
	}
}
