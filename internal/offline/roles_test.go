package offline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/brief"
)

// TestStoryRolesArePersonas checks the offline stories of every sample,
// corpus brief and example against the rule a model's stories follow:
// each role is one of the PRD's personas.
func TestStoryRolesArePersonas(t *testing.T) {
	type input struct {
		name  string
		brief *brief.Brief
	}
	var inputs []input
	for _, s := range allSamples() {
		inputs = append(inputs, input{"sample " + s.name, s.brief})
	}
	corpus, _ := filepath.Glob("../corpus/testdata/*.md")
	examples, _ := filepath.Glob("../../examples/*/brief.md")
	if len(corpus) == 0 || len(examples) == 0 {
		t.Fatal("no corpus briefs or examples found")
	}
	for _, f := range append(corpus, examples...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b, err := brief.Parse(src)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		if name == "brief" {
			name = filepath.Base(filepath.Dir(f))
		}
		inputs = append(inputs, input{name, b})
	}
	for _, in := range inputs {
		prd := BuildPRD(in.brief)
		prd.Number()
		if err := BuildStories(prd).CheckRoles(prd.Personas); err != nil {
			t.Errorf("%s: %v", in.name, err)
		}
	}
}
