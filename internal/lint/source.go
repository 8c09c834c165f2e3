package lint

import (
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
)

// sources runs the rules that hold a PRD against its brief: what it cites
// must be there (source-range), every item must cite something
// (source-missing), every feature and constraint of the brief must be
// cited by some item (brief-dropped), and a requirement must not come
// from the brief's plan for building the product (not-a-requirement). A
// PRD that cites another file than the brief is not checked, nor is one
// that cites nothing for the last two rules: source-missing says that
// once. The brief is read as "prodgen prd" reads it; one brief.Parse
// refuses (binary, say) gets only source-range and source-missing.
func (l *linter) sources(prd, briefDoc *analysis) {
	lines := artifact.BriefLines(briefDoc.doc.src)
	for _, p := range artifact.CheckCitations(prd.doc.src, briefDoc.doc.Path, lines) {
		l.add(prd.doc, p.Line, "source-range", "%s: cite the lines the item comes from (has the brief changed?)", p.What)
	}
	cites := artifact.Citations(prd.doc.src, briefDoc.doc.Path)
	if !l.uncited(prd, briefDoc, cites) {
		return
	}
	b, err := brief.Parse(briefDoc.doc.src)
	if err != nil {
		return
	}
	l.briefDropped(prd, briefDoc, b, cites)
	l.notRequirements(prd, briefDoc, b, cites)
}

// uncited reports the items of a PRD that cite no line of the brief
// (source-missing), and whether any item cites one. A PRD none of whose
// items cites the brief (one written before prodgen cited, or by hand)
// gets one finding on its title rather than one per item: the fix is the
// same for all, and a finding on every line would bury the others.
func (l *linter) uncited(prd, briefDoc *analysis, cites []artifact.Citation) bool {
	name := path.Clean(briefDoc.doc.Path)
	var missing []artifact.Citation
	for _, c := range cites {
		if len(c.Sources) == 0 {
			missing = append(missing, c)
		}
	}
	if len(missing) == 0 {
		return len(cites) > 0
	}
	if len(missing) == len(cites) {
		l.add(prd.doc, prd.doc.titleLine(), "source-missing",
			"no item of %s cites a line of %s (%d items): regenerate it with \"prodgen prd\", or add to each item where the brief says it, as (%s:12)",
			prd.doc.Path, name, len(cites), name)
		return false
	}
	for _, c := range missing {
		as := "(" + name + ":12)"
		if strings.HasPrefix(c.Item, "metric ") {
			as = name + ":12 in its Source column"
		}
		l.add(prd.doc, c.Line, "source-missing", "%s cites no line of %s: add where the brief says it, as %s, or move it to Open questions", c.Item, name, as)
	}
	return true
}

// briefDropped reports, on the brief's lines, each feature and constraint
// of the brief that no item of the PRD cites (brief-dropped): a feature
// the PRD was meant to make a requirement of, or a constraint it was
// meant to keep, that it left out. Any item's citation counts (a
// constraint kept as a goal is kept), and a citation need only overlap
// the lines the brief item was read from. An item the brief reader could
// not place on its lines is not reported: there is no line to report it
// on.
func (l *linter) briefDropped(prd, briefDoc *analysis, b *brief.Brief, cites []artifact.Citation) {
	var cited []brief.Span
	for _, c := range cites {
		cited = append(cited, spans(c.Sources)...)
	}
	seen := make(map[string]bool)
	for _, text := range productTexts(b) {
		if seen[text] {
			continue
		}
		seen[text] = true
		at := b.SourceOf(text)
		if len(at) == 0 || overlapsAny(at, cited) {
			continue
		}
		l.add(briefDoc.doc, at[0].Start, "brief-dropped",
			"%s is in no item of %s: a requirement dropped? Add one that cites %s:%s, or cite these lines from the item that covers them",
			quote(text), prd.doc.Path, path.Clean(briefDoc.doc.Path), at[0])
	}
}

// notRequirements reports each functional or non-functional requirement
// whose citations overlap an item of the brief's plan (staffing, budget,
// timeline, launch tasks) and no feature or constraint
// (not-a-requirement): it is about building the product, not about the
// product, and a design or a build made from it would go wrong. A
// requirement that also cites a feature or a constraint is left alone,
// since a plan line may say something about the product too.
func (l *linter) notRequirements(prd, briefDoc *analysis, b *brief.Brief, cites []artifact.Citation) {
	var plan, product []brief.Span
	for _, t := range b.Plan {
		plan = append(plan, b.SourceOf(t)...)
	}
	for _, t := range productTexts(b) {
		product = append(product, b.SourceOf(t)...)
	}
	name := path.Clean(briefDoc.doc.Path)
	for _, c := range cites {
		if c.Kind != artifact.KindFunctional && c.Kind != artifact.KindNonFunctional {
			continue
		}
		at := spans(c.Sources)
		if overlapsAny(at, product) {
			continue
		}
		for _, s := range at {
			if overlapsAny([]brief.Span{s}, plan) {
				l.add(prd.doc, c.Line, "not-a-requirement",
					"%s cites %s:%s, which is about building the product (team, budget, timeline), not the product: move it out of the requirements",
					c.Item, name, s)
				break
			}
		}
	}
}

// productTexts are the texts of the brief's features and constraints:
// what it asks of the product.
func productTexts(b *brief.Brief) []string {
	var out []string
	for _, f := range b.Features {
		out = append(out, f.Text)
	}
	return append(out, b.Constraints...)
}

// spans converts a PRD's citations to the brief's spans.
func spans(srcs []artifact.Source) []brief.Span {
	out := make([]brief.Span, len(srcs))
	for i, s := range srcs {
		out[i] = brief.Span{Start: s.Start, End: s.End}
	}
	return out
}

// overlapsAny reports whether a span of a shares a line with one of b.
func overlapsAny(a, b []brief.Span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Start <= y.End && y.Start <= x.End {
				return true
			}
		}
	}
	return false
}

// maxQuote is how many characters of a brief item a message quotes.
const maxQuote = 60

// quote quotes a brief item's text in a message, cut short with "…".
func quote(text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= maxQuote {
		return fmt.Sprintf("%q", text)
	}
	r := []rune(text)
	return fmt.Sprintf("%q", strings.TrimRight(string(r[:maxQuote]), " ")+"…")
}
