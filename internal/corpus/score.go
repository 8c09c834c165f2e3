package corpus

import (
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/prose"

	"github.com/prodgen/prodgen/internal/artifact"
)

// Count is how many of a brief's items came out right, of how many.
type Count struct {
	Got, Of int
}

// Add sums two counts.
func (c Count) Add(d Count) Count { return Count{c.Got + d.Got, c.Of + d.Of} }

// Full reports whether every item came out right.
func (c Count) Full() bool { return c.Got == c.Of }

// String is "got/of".
func (c Count) String() string { return fmt.Sprintf("%d/%d", c.Got, c.Of) }

// Percent is Got as a share of Of, 100 when there is nothing to count.
func (c Count) Percent() float64 {
	if c.Of == 0 {
		return 100
	}
	return 100 * float64(c.Got) / float64(c.Of)
}

// MarshalText writes a count as "got/of", which reads well in a baseline
// file and in its diffs.
func (c Count) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads "got/of".
func (c *Count) UnmarshalText(b []byte) error {
	if _, err := fmt.Sscanf(string(b), "%d/%d", &c.Got, &c.Of); err != nil || c.Got < 0 || c.Got > c.Of {
		return fmt.Errorf("count %q: want got/of with 0 <= got <= of", b)
	}
	return nil
}

// Figures are the measures of one brief, or of the whole corpus.
type Figures struct {
	Features        Count `json:"features"`         // features found among the functional requirements
	Later           Count `json:"later_kept_out"`   // later items kept out of the requirements and the scope
	NotRequirements Count `json:"not_req_kept_out"` // non-requirements kept out of the requirements
	Name            Count `json:"name"`             // the product's name as the PRD's title
	Personas        Count `json:"personas"`         // personas found
	Priorities      Count `json:"priorities"`       // features found with the brief's own priority
	Cited           Count `json:"cited"`            // PRD items that cite brief lines
	CitedRight      Count `json:"cited_right"`      // features found whose requirement cites lines holding the feature
}

// Add sums two sets of figures.
func (f Figures) Add(g Figures) Figures {
	return Figures{
		Features:        f.Features.Add(g.Features),
		Later:           f.Later.Add(g.Later),
		NotRequirements: f.NotRequirements.Add(g.NotRequirements),
		Name:            f.Name.Add(g.Name),
		Personas:        f.Personas.Add(g.Personas),
		Priorities:      f.Priorities.Add(g.Priorities),
		Cited:           f.Cited.Add(g.Cited),
		CitedRight:      f.CitedRight.Add(g.CitedRight),
	}
}

// figure is one measure of Figures, by name, in table order.
type figure struct {
	name   string
	target bool // one of the 100% targets
	get    func(*Figures) *Count
}

var figureList = []figure{
	{"features", true, func(f *Figures) *Count { return &f.Features }},
	{"later out", true, func(f *Figures) *Count { return &f.Later }},
	{"not-req out", true, func(f *Figures) *Count { return &f.NotRequirements }},
	{"name", true, func(f *Figures) *Count { return &f.Name }},
	{"personas", false, func(f *Figures) *Count { return &f.Personas }},
	{"priorities", false, func(f *Figures) *Count { return &f.Priorities }},
	{"cited", true, func(f *Figures) *Count { return &f.Cited }},
	{"cited right", true, func(f *Figures) *Count { return &f.CitedRight }},
}

// Result is how one PRD measures against its brief's expectation.
type Result struct {
	Brief   string
	Figures Figures
	// Gaps says, one line each, what keeps the PRD from 100%.
	Gaps []string
}

// Score measures prd against e, and its citations against the lines of
// the brief (as artifact.BriefLines splits it).
func Score(e *Expectation, prd *artifact.PRD, brief []string) Result {
	r := Result{Brief: e.Brief}
	f := &r.Figures
	frs := requirementTexts(prd.Functional)
	for _, it := range e.Features {
		f.Features.Of++
		hits := matching(frs, it.Keys)
		if len(hits) > 0 {
			f.Features.Got++
			f.CitedRight.Of++
			if citesFeature(prd.Functional, hits, it.Keys, brief) {
				f.CitedRight.Got++
			} else {
				r.gap("feature cited at the wrong lines: %s %v, as %s", it.Text, it.Keys, citationsOf(prd.Functional, hits))
			}
		} else {
			r.gap("feature not found: %s %v", it.Text, it.Keys)
		}
		if it.Priority == "" {
			continue
		}
		f.Priorities.Of++
		if priorityKept(prd.Functional, hits, it.Priority) {
			f.Priorities.Got++
		} else if len(hits) > 0 {
			r.gap("priority not kept: %s (brief: %s, PRD: %s)", it.Text, it.Priority, prioritiesOf(prd.Functional, hits))
		}
	}
	for _, it := range e.Later {
		f.Later.Of++
		where := append(labelled(frs, prd.Functional), labelledScope(prd.InScope)...)
		if hit := firstMatch(where, it.Keys); hit != "" {
			r.gap("later item in the MVP: %s %v, as %s", it.Text, it.Keys, hit)
		} else {
			f.Later.Got++
		}
	}
	for _, it := range e.NotRequirements {
		f.NotRequirements.Of++
		where := append(labelled(frs, prd.Functional), labelled(requirementTexts(prd.NonFunctional), prd.NonFunctional)...)
		if hit := firstMatch(where, it.Keys); hit != "" {
			r.gap("not a requirement, yet one: %s %v, as %s", it.Text, it.Keys, hit)
		} else {
			f.NotRequirements.Got++
		}
	}
	f.Name.Of = 1
	if nameRight(prd.Title, e) {
		f.Name.Got = 1
	} else {
		r.gap("product name: got %q, want %q", prd.Title, e.Product)
	}
	for _, it := range e.Personas {
		f.Personas.Of++
		found := false
		for _, p := range prd.Personas {
			found = found || Matches(p.Name, it.Keys)
		}
		if found {
			f.Personas.Got++
		} else {
			r.gap("persona not found: %s %v", it.Text, it.Keys)
		}
	}
	r.scoreCited(prd)
	return r
}

// scoreCited counts the PRD's items that cite the brief, of those that
// can: goals, personas, requirements, metrics and out-of-scope items.
func (r *Result) scoreCited(prd *artifact.PRD) {
	c := &r.Figures.Cited
	item := func(what string, src artifact.Source) {
		c.Of++
		if src.IsZero() {
			r.gap("no citation: %s", what)
			return
		}
		c.Got++
	}
	for _, g := range prd.Goals {
		item(g.ID, g.Source)
	}
	for _, u := range prd.Personas {
		item("persona "+u.Name, u.Source)
	}
	for _, q := range append(append([]artifact.Requirement(nil), prd.Functional...), prd.NonFunctional...) {
		item(q.ID, q.Source)
	}
	for _, m := range prd.Metrics {
		item("metric "+m.Name, m.Source)
	}
	for i, s := range prd.OutOfScope {
		var src artifact.Source
		if i < len(prd.OutOfScopeSources) {
			src = prd.OutOfScopeSources[i]
		}
		item("out of scope: "+clip(s, 60), src)
	}
}

// citesFeature reports whether one of the requirements hits cites brief
// lines that hold every key of the feature: in one place it cites.
func citesFeature(rs []artifact.Requirement, hits []int, keys, brief []string) bool {
	for _, i := range hits {
		for _, src := range append([]artifact.Source{rs[i].Source}, rs[i].Also...) {
			if !src.IsZero() && src.End <= len(brief) && Matches(strings.Join(brief[src.Start-1:src.End], " "), keys) {
				return true
			}
		}
	}
	return false
}

func citationsOf(rs []artifact.Requirement, hits []int) string {
	var out []string
	for _, i := range hits {
		c := rs[i].ID + " citing " + rs[i].Source.String()
		for _, a := range rs[i].Also {
			c += ", " + a.String()
		}
		out = append(out, c)
	}
	return strings.Join(out, "; ")
}

func (r *Result) gap(format string, args ...any) {
	r.Gaps = append(r.Gaps, fmt.Sprintf(format, args...))
}

func requirementTexts(rs []artifact.Requirement) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Text
	}
	return out
}

// matching lists the indexes of the texts that hold every key.
func matching(texts []string, keys []string) []int {
	var out []int
	for i, t := range texts {
		if Matches(t, keys) {
			out = append(out, i)
		}
	}
	return out
}

// labelledText is a text of the PRD with where it is, for a gap's message.
type labelledText struct{ label, text string }

func labelled(texts []string, rs []artifact.Requirement) []labelledText {
	out := make([]labelledText, len(texts))
	for i, t := range texts {
		out[i] = labelledText{rs[i].ID, t}
	}
	return out
}

func labelledScope(items []string) []labelledText {
	out := make([]labelledText, len(items))
	for i, t := range items {
		out[i] = labelledText{"in scope", t}
	}
	return out
}

// firstMatch names the first text that holds every key, "" when none does.
func firstMatch(where []labelledText, keys []string) string {
	for _, w := range where {
		if Matches(w.text, keys) {
			return fmt.Sprintf("%s %q", w.label, clip(w.text, 90))
		}
	}
	return ""
}

// priorityKept reports whether one of the requirements hits carries the
// brief's priority: every word of it, by stem ("Must" in "Must have").
func priorityKept(rs []artifact.Requirement, hits []int, want string) bool {
	for _, i := range hits {
		if Matches(rs[i].Priority, prose.Words(want)) {
			return true
		}
	}
	return false
}

func prioritiesOf(rs []artifact.Requirement, hits []int) string {
	var ps []string
	for _, i := range hits {
		p := rs[i].Priority
		if p == "" {
			p = "none"
		}
		ps = append(ps, rs[i].ID+" "+p)
	}
	return strings.Join(ps, ", ")
}

// nameRight reports whether title is the product's name or one of the
// others accepted, ignoring case, markup and punctuation.
func nameRight(title string, e *Expectation) bool {
	got := strings.Join(prose.Words(title), " ")
	for _, n := range append([]string{e.Product}, e.ProductAlso...) {
		if got == strings.Join(prose.Words(n), " ") {
			return true
		}
	}
	return false
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
