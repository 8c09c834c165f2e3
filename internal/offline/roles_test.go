package offline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
)

// TestStoryRolesArePersonas checks the offline stories of every sample,
// corpus brief and example against the rule a model's stories follow:
// each role is one of the PRD's personas; and a criterion that waits for
// an open question refers to one the PRD asks.
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
		st := BuildStories(prd)
		if err := st.CheckRoles(prd.Personas); err != nil {
			t.Errorf("%s: %v", in.name, err)
		}
		// A criterion that waits for an open question's answer names one
		// the PRD asks.
		for _, s := range st.Stories {
			for _, c := range s.Criteria {
				_, fr, ok := strings.Cut(c.Then, "the open question on ")
				if !ok {
					continue
				}
				fr = strings.Fields(fr)[0]
				if !slices.ContainsFunc(prd.OpenQuestions, func(q artifact.Question) bool { return strings.HasPrefix(q.Text, fr+" ") }) {
					t.Errorf("%s: %s waits for an open question on %s that the PRD does not ask", in.name, c.ID, fr)
				}
			}
		}
	}
}
