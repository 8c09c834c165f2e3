package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/prose"
)

// TestExpectations checks that every expectation is coherent with its
// brief and with itself, so the corpus measures the engine and not the
// expectations' mistakes (see the package comment for the rules).
func TestExpectations(t *testing.T) {
	cases := loadCorpus(t)
	named := map[string]bool{}
	for _, c := range cases {
		e := c.exp
		t.Run(e.Brief, func(t *testing.T) {
			named[e.Brief] = true
			if len(e.Features) == 0 || len(e.Shapes) == 0 {
				t.Error("an expectation needs features and shapes")
			}
			brief := stemsOf(string(c.src))
			groups := []struct {
				kind  string
				items []Item
			}{{"persona", e.Personas}, {"feature", e.Features}, {"later", e.Later}, {"not-req", e.NotRequirements}}
			for _, g := range groups {
				for _, it := range g.items {
					checkKeys(t, g.kind, it, brief)
				}
			}
			for _, f := range e.Features {
				if !Matches(f.Text, f.Keys) {
					t.Errorf("feature %q: its keys %v are not all in its own phrase", f.Text, f.Keys)
				}
			}
			checkOutcomes(t, e, c.src, brief)
			for _, g := range groups[2:] {
				for _, it := range g.items {
					for _, f := range e.Features {
						if Matches(f.Text, it.Keys) {
							t.Errorf("%s %q: its keys %v match the feature %q, so a perfect PRD would fail", g.kind, it.Text, it.Keys, f.Text)
						}
					}
				}
			}
		})
	}
	// Every brief in testdata has an expectation.
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, en := range entries {
		name := en.Name()
		if en.IsDir() || strings.HasSuffix(name, expectSuffix) || name == filepath.Base(baselinePath) || name == filepath.Base(storyBaselinePath) {
			continue
		}
		if !named[name] {
			t.Errorf("testdata/%s has no expectation", name)
		}
	}
}

// checkKeys checks an item's keys: at least one, each a word or
// alternatives of words, and each in the brief.
func checkKeys(t *testing.T, kind string, it Item, brief stems) {
	t.Helper()
	if strings.TrimSpace(it.Text) == "" || len(it.Keys) == 0 {
		t.Errorf("%s %q: needs a text and keys", kind, it.Text)
	}
	for _, k := range it.Keys {
		if len(prose.Words(k)) == 0 {
			t.Errorf("%s %q: key %q has no word", kind, it.Text, k)
			continue
		}
		if !brief.has(k) {
			t.Errorf("%s %q: key %q is not in the brief", kind, it.Text, k)
		}
	}
}

// checkOutcomes checks an expectation's outcomes: the list is there ([]
// when the brief states none); each outcome's text is the brief's own
// words, in order; it has two to four keys, each in its text and so in the
// brief; and the feature it names is one of the expectation's.
func checkOutcomes(t *testing.T, e *Expectation, src []byte, brief stems) {
	t.Helper()
	if e.Outcomes == nil {
		t.Error("an expectation lists its outcomes: [] when the brief states none")
	}
	briefWords := " " + strings.Join(prose.Words(string(src)), " ") + " "
	features := map[string]bool{}
	for _, f := range e.Features {
		features[f.Text] = true
	}
	for _, o := range e.Outcomes {
		it := Item{Text: o.Text, Keys: o.Keys}
		checkKeys(t, "outcome", it, brief)
		if n := len(o.Keys); n < 2 || n > 4 {
			t.Errorf("outcome %q: %d keys, want 2 to 4", o.Text, n)
		}
		if !Matches(o.Text, o.Keys) {
			t.Errorf("outcome %q: its keys %v are not all in its own text", o.Text, o.Keys)
		}
		if !strings.Contains(briefWords, " "+strings.Join(prose.Words(o.Text), " ")+" ") {
			t.Errorf("outcome %q: not the brief's own words", o.Text)
		}
		if o.Feature != "" && !features[o.Feature] {
			t.Errorf("outcome %q: feature %q is none of the expectation's", o.Text, o.Feature)
		}
	}
}
