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

// TestFiledActors checks that a feature filed under a persona's label is
// that persona's, whatever its shape: a noun phrase ("weekly payouts"),
// two verbs joined by a slash ("start / end a shift") or a verb the
// product would do on its own ("send reminders… with one click"); and a
// label naming a team ("OPS") is the team's.
func TestFiledActors(t *testing.T) {
	src := "# Courierly\n\nCourierly connects merchants with couriers.\n\n## Features\n\n```text\n" +
		"MERCHANT\n  [ ] list of deliveries booked today\n  [ ] book a delivery\n" +
		"COURIER\n  [ ] start / end shift (GPS)\n  [ ] weekly earnings statement\n  [ ] send a delay notice to the shop with one tap\n" +
		"OPS\n  [ ] approve couriers\n  [ ] refunds\n```\n"
	b, err := brief.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := BuildPRD(b)
	var names []string
	for _, ps := range p.Personas {
		names = append(names, ps.Name)
	}
	if !slices.Contains(names, "Ops team") {
		t.Errorf("personas %q: want the OPS label read as %q", names, "Ops team")
	}
	st := BuildStories(p)
	want := map[string]string{ // a word of the story's want → its role
		"deliveries booked": "merchant",
		"start / end shift": "courier",
		"earnings":          "courier",
		"delay notice":      "courier",
		"approve couriers":  "ops team member",
		"refunds":           "ops team member",
	}
	for words, role := range want {
		found := false
		for _, s := range st.Stories {
			if strings.Contains(s.Want, words) {
				found = true
				if s.Role != role {
					t.Errorf("%s %q: role %q, want %q (the brief files it under that label)", s.ID, s.Want, s.Role, role)
				}
			}
		}
		if !found {
			t.Errorf("no story wants %q; stories:\n%s", words, storyWants(st))
		}
	}
	for _, fr := range p.Functional {
		if strings.Contains(fr.Text, "earnings") && !strings.HasPrefix(fr.Text, "For couriers, the system must") {
			t.Errorf("%s %q: want the noun phrase filed under COURIER to say whose it is", fr.ID, fr.Text)
		}
	}
}

func storyWants(st *artifact.Stories) string {
	var b strings.Builder
	for _, s := range st.Stories {
		b.WriteString(s.ID + " As a " + s.Role + ", I want " + s.Want + "\n")
	}
	return b.String()
}
