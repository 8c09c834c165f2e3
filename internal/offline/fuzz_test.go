package offline

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/markdown"
)

// FuzzBuild feeds arbitrary text in as a feature, a constraint, a note and
// a persona, and checks the engine neither panics nor breaks its basic
// promises. Seeds are the sample briefs' own lines.
func FuzzBuild(f *testing.F) {
	for _, s := range allSamples() {
		for i, feat := range s.brief.Features {
			c := ""
			if i < len(s.brief.Constraints) {
				c = s.brief.Constraints[i]
			}
			f.Add(feat.Text, c, feat.Notes, "Team lead")
		}
	}
	f.Add("", "", "", "")
	f.Add(",,, ; : (", "< > <= >=", "a; b; ;", "The")
	f.Fuzz(func(t *testing.T, feature, constraint, notes, persona string) {
		if !utf8.ValidString(feature + constraint + notes + persona) {
			t.Skip()
		}
		b := &brief.Brief{
			Title:       "Fuzz",
			Users:       []brief.Persona{{Name: persona}},
			Features:    []brief.Feature{{Text: feature, Notes: notes}},
			Constraints: []string{constraint},
		}
		d := buildAll(b)
		for _, fr := range d.PRD.Functional {
			if !strings.HasPrefix(fr.Text, "The system must ") {
				t.Errorf("FR %q", fr.Text)
			}
		}
		if hasWord(markdown.Plain(feature)) && len(d.PRD.Functional) == 0 {
			t.Errorf("feature %q gave no FR", feature)
		}
		for _, st := range d.Stories.Stories {
			n := 0
			for _, c := range st.Criteria {
				if c.Given != "" && c.When != "" && c.Then != "" {
					n++
				}
			}
			// A failure or edge case only where one follows from the
			// requirement: one criterion at least.
			if n < 1 {
				t.Errorf("story %+v has %d Given/When/Then criteria", st, n)
			}
		}
		if err := d.Stories.Validate(d.PRD); err != nil {
			t.Error(err)
		}
		if err := d.Tech.Validate(d.PRD, d.Stories); err != nil {
			t.Error(err)
		}
	})
}
