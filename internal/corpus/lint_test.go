package corpus

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/lint"
)

// TestCorpusLints lints the offline engine's three documents of every
// brief of the corpus and the domain reader's (39 shapes), as a user's CI
// would: no error and no warning, but for vague-word, which flags the
// briefs' own words ("quick", "simple"), and no story-without-endpoint
// (the spec places every story or asks about it). It reports the
// findings by rule.
func TestCorpusLints(t *testing.T) {
	byRule := map[string]int{}
	for _, c := range techCases(t) {
		p, st, tech, _ := buildOffline(t, c)
		var docs []*lint.Doc
		for path, render := range map[string]func() ([]byte, error){
			"docs/prd.md":     func() ([]byte, error) { return artifact.RenderPRD(p) },
			"docs/stories.md": func() ([]byte, error) { return artifact.RenderStories(st) },
			"docs/tech.md":    func() ([]byte, error) { return artifact.RenderTech(tech) },
		} {
			src, err := render()
			if err != nil {
				t.Fatalf("%s: render %s: %v", c.exp.Brief, path, err)
			}
			d, err := lint.Parse(path, src)
			if err != nil {
				t.Fatalf("%s: lint %s: %v", c.exp.Brief, path, err)
			}
			docs = append(docs, d)
		}
		slices.SortFunc(docs, func(a, b *lint.Doc) int { return strings.Compare(a.Path, b.Path) })
		for _, f := range lint.Run(docs, nil).Findings {
			byRule[f.Rule]++
			if f.Rule == "vague-word" || f.Severity != lint.Error && f.Severity != lint.Warning && f.Rule != "story-without-endpoint" {
				continue
			}
			t.Errorf("%s: %s:%d: %s: %s", c.exp.Brief, f.File, f.Line, f.Rule, f.Message)
		}
	}
	var rules []string
	for r, n := range byRule {
		rules = append(rules, fmt.Sprintf("%s %d", r, n))
	}
	slices.Sort(rules)
	t.Logf("findings over the offline documents of the corpus, by rule: %s", strings.Join(rules, ", "))
}
