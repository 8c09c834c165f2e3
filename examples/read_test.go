package examples

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
)

// TestExamplesReadWhole parses every example's documents as the pipeline,
// export and render do: what prodgen wrote, it reads whole, with nothing
// left unread (artifact's Unparsed empty).
func TestExamplesReadWhole(t *testing.T) {
	type unparsed interface{ Unparsed() []artifact.Problem }
	parsers := map[string]func([]byte) (unparsed, error){
		"prd.md":     func(b []byte) (unparsed, error) { return artifact.ParsePRD(b) },
		"stories.md": func(b []byte) (unparsed, error) { return artifact.ParseStories(b) },
		"tech.md":    func(b []byte) (unparsed, error) { return artifact.ParseTech(b) },
	}
	briefs := exampleBriefs(t)
	for _, b := range briefs {
		for _, doc := range docs {
			path := filepath.Join(filepath.Dir(b), "docs", doc)
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d, err := parsers[doc](src)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			for _, p := range d.Unparsed() {
				t.Errorf("%s: %s", path, p)
			}
		}
	}
}
