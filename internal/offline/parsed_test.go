package offline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/prodgen/prodgen/internal/brief"
)

// TestParsedSamples runs the sample checks on what the brief parser reads
// from testdata/*.md today. The golden files use hand-built briefs so they
// stay put while the parser evolves; this test makes sure the engine keeps
// its promises on the parser's real output too.
func TestParsedSamples(t *testing.T) {
	for _, s := range samples() {
		t.Run(s.name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", s.name+".md"))
			if err != nil {
				t.Fatal(err)
			}
			b, err := brief.Parse(src)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			d := buildAll(b)
			checkFeatures(t, b, d.PRD)
			checkConstraints(t, b, d.PRD)
			checkScope(t, b, d.PRD)
			checkStories(t, d.PRD, d.Stories)
			checkTech(t, d)
			checkText(t, d)
		})
	}
}
