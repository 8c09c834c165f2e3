package offline

import (
	"bytes"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
)

// TestDeterministic builds every sample several times and wants the same
// bytes: no map order, time or randomness may leak in.
func TestDeterministic(t *testing.T) {
	for _, s := range allSamples() {
		t.Run(s.name, func(t *testing.T) {
			first := encode(t, buildAll(s.brief))
			for range 3 {
				if again := encode(t, buildAll(s.brief)); !bytes.Equal(first, again) {
					t.Fatalf("second build differs:\n%s", golden.Diff(string(first), string(again)))
				}
			}
		})
	}
}

// TestEmptyInput checks that nothing at all still gives documents that
// ask for what is missing instead of failing or inventing.
func TestEmptyInput(t *testing.T) {
	p := BuildPRD(nil)
	if p.Title != "Product" {
		t.Errorf("title %q, want Product", p.Title)
	}
	if !hasQuestion(p, "What is the product called?") || !hasQuestion(p, "What problem does") {
		t.Errorf("questions %+v do not ask for the name and the problem", p.OpenQuestions)
	}
	if len(p.Functional) != 0 || len(p.NonFunctional) != 0 {
		t.Errorf("requirements invented from nothing: %+v", p)
	}
	s := BuildStories(nil)
	tech := BuildTech(nil, nil)
	if len(s.Stories) != 0 || len(tech.Tasks) != 0 {
		t.Errorf("stories %+v, tasks %+v from nothing", s.Stories, tech.Tasks)
	}
}
