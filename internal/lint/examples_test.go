package lint

import (
	"os"
	"path/filepath"
	"testing"
)

// The documents prodgen generated for the examples lint without errors.
// Warnings are logged (go test -v shows them): they are allowed, and the
// examples change whenever the offline engine does.
func TestExamples(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "docs"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 3 {
		t.Fatalf("want at least three examples, found %d", len(dirs))
	}
	for _, dir := range dirs {
		name := filepath.Base(filepath.Dir(dir))
		t.Run(name, func(t *testing.T) {
			var docs []*Doc
			for _, file := range []string{"prd.md", "stories.md", "tech.md"} {
				src, err := os.ReadFile(filepath.Join(dir, file))
				if err != nil {
					t.Fatal(err)
				}
				d, err := Parse("docs/"+file, src)
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				docs = append(docs, d)
			}
			rep := Run(docs, nil)
			for _, f := range rep.Findings {
				if f.Severity == Error {
					t.Errorf("%s:%d: %s: %s", f.File, f.Line, f.Rule, f.Message)
				} else {
					t.Logf("%s:%d: %s: %s", f.File, f.Line, f.Rule, f.Message)
				}
			}
			t.Log(rep.SummaryLine())
		})
	}
}
