package artifact

import (
	"fmt"
	"path"
	"strings"
	"unicode"

	"github.com/prodgen/prodgen/internal/markdown"
	"github.com/prodgen/prodgen/internal/plural"
)

// A citation must be borne out by the brief: its lines are in the brief,
// and they share a content word with the item. Content words are the
// item's words less stop words and the words every requirement uses
// ("system", "must", "user"), compared in lower case after light stemming
// ("teams", "invited" and "inviting" match "team" and "invite"). The
// rule is deliberately loose: it catches a citation to the wrong part of
// the brief, or to lines an edit has moved, without asking a paraphrase
// to repeat the brief's wording.

// cited is an item of a PRD that may cite the brief.
type cited struct {
	item   string // names the item in a problem: "FR-003", `persona "Team lead"`
	kind   Kind   // KindGoal, KindFunctional or KindNonFunctional; 0 for the others
	text   string // what the item says, to match against the cited lines
	source Source
	also   []Source // more places, after source
}

// sources are all the places c cites.
func (c cited) sources() []Source { return append([]Source{c.source}, c.also...) }

func goalCited(i int, g Goal) cited {
	return cited{item: name(KindGoal, i, g.ID), kind: KindGoal, text: g.Text, source: g.Source}
}

func personaCited(i int, u Persona) cited {
	return cited{item: label("persona", i, u.Name), text: u.Name + " " + u.Description, source: u.Source}
}

func journeyCited(i int, j Journey) cited {
	return cited{item: label("journey", i, j.Name), text: j.Name + " " + strings.Join(j.Steps, " "), source: j.Source}
}

func riskCited(i int, k Risk) cited {
	return cited{item: label("risk", i, k.Text), text: k.Text + " " + k.Mitigation, source: k.Source}
}

func requirementCited(k Kind, i int, r Requirement) cited {
	return cited{item: name(k, i, r.ID), kind: k, text: r.Text, source: r.Source, also: r.Also}
}

func scopeCited(i int, text string, src Source) cited {
	return cited{item: label("out-of-scope item", i, text), text: text, source: src}
}

func metricCited(i int, m Metric) cited {
	return cited{item: label("metric", i, m.Name), text: m.Name + " " + m.Baseline + " " + m.Target, source: m.Source}
}

// label names an item without an ID by its text, else by its position:
// `metric "Median check-in time"`, "persona 2".
func label(what string, i int, text string) string {
	if t := oneLine(text); t != "" {
		return what + " " + snippet(t)
	}
	return fmt.Sprintf("%s %d", what, i+1)
}

// citedItems lists every item of the PRD that may cite the brief, in the
// order the document shows them.
func (p *PRD) citedItems() []cited {
	var out []cited
	for i, g := range p.Goals {
		out = append(out, goalCited(i, g))
	}
	for i, u := range p.Personas {
		out = append(out, personaCited(i, u))
	}
	for i, j := range p.Journeys {
		out = append(out, journeyCited(i, j))
	}
	for i, r := range p.Functional {
		out = append(out, requirementCited(KindFunctional, i, r))
	}
	for i, r := range p.NonFunctional {
		out = append(out, requirementCited(KindNonFunctional, i, r))
	}
	for i, s := range p.OutOfScope {
		out = append(out, scopeCited(i, s, p.outOfScopeSource(i)))
	}
	for i, m := range p.Metrics {
		out = append(out, metricCited(i, m))
	}
	for i, k := range p.Risks {
		out = append(out, riskCited(i, k))
	}
	return out
}

// outOfScopeSource is the source of out-of-scope item i, if it has one.
func (p *PRD) outOfScopeSource(i int) Source {
	if i < len(p.OutOfScopeSources) {
		return p.OutOfScopeSources[i]
	}
	return Source{}
}

// checkRanges reports, in one error, each source that is no range of
// lines (see Source.checkRange) and sources beyond the out-of-scope items.
func (p *PRD) checkRanges() error {
	var ps problems
	for _, c := range p.citedItems() {
		if c.source.IsZero() {
			if len(c.also) > 0 {
				ps.add("%s: more sources with no first one", c.item)
			}
			continue
		}
		for _, src := range c.sources() {
			if err := src.checkRange(); err != nil {
				ps.add("%s: %w", c.item, err)
			}
		}
	}
	if n, m := len(p.OutOfScopeSources), len(p.OutOfScope); n > m {
		ps.add("%d out-of-scope sources for %d out-of-scope items: give one per item, in their order", n, m)
	}
	return ps.err()
}

// CheckSources checks every source the PRD cites against the lines of
// its brief (as BriefLines splits it): each must be in the brief and share
// a content word with its item. It returns all problems at once, each
// naming the item and its lines. A source that is no range of lines is
// left to Validate.
func (p *PRD) CheckSources(brief []string) error {
	var ps problems
	for _, c := range p.citedItems() {
		if c.source.IsZero() {
			continue
		}
		for _, src := range c.sources() {
			if src.checkRange() != nil {
				continue
			}
			if why, ok := checkSource(src, c.text, brief); !ok {
				ps.add("%s cites brief %s, %s: cite the lines it comes from", c.item, src.lines(), why)
			}
		}
	}
	return ps.err()
}

// CheckCited reports each functional requirement that cites no line of
// its brief (as BriefLines splits it), when the brief has lines: a
// requirement comes from the brief, so a model must say where. It
// returns all problems at once, each naming the requirement.
func (p *PRD) CheckCited(brief []string) error {
	if len(brief) == 0 {
		return nil
	}
	var ps problems
	for i, r := range p.Functional {
		if r.Source.IsZero() {
			ps.add("%s cites no line of the brief: give the lines it comes from as its source (1 to %d); a requirement no line states is no requirement: leave it out, or ask it as an open question",
				name(KindFunctional, i, r.ID), len(brief))
		}
	}
	return ps.err()
}

// checkSource checks a well-formed source, cited by an item that says
// text, against the brief's lines; when they do not bear it out, why says
// so, to follow the citation in a sentence.
func checkSource(src Source, text string, brief []string) (string, bool) {
	if src.End > len(brief) {
		return "beyond the brief's " + plural.Count(len(brief), "line"), false
	}
	want := contentWords(text)
	if len(want) == 0 {
		return "", true // nothing to match: an item of stop words only
	}
	for _, line := range brief[src.Start-1 : src.End] {
		for w := range contentWords(line) {
			if want[w] {
				return "", true
			}
		}
	}
	if src.End == src.Start {
		return "which shares no content word with it", false
	}
	return "which share no content word with it", false
}

// BriefLines splits a brief into the lines its citations number from 1,
// as an editor numbers them: a final line break ends the last line
// rather than starting another, and a carriage return before a line
// break is not part of the line.
func BriefLines(src []byte) []string { return markdown.Lines(src) }

// contentWords is the set of text's content words, stemmed.
func contentWords(text string) map[string]bool {
	words := make(map[string]bool)
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if stopWords[w] {
			continue
		}
		if w = stem(w); len(w) >= 2 && !stopWords[w] {
			words[w] = true
		}
	}
	return words
}

// stem strips the endings that vary most between a brief and a
// requirement written from it: plurals, "-ing", "-ed", and a final "e",
// so that "invites", "invited", "inviting" and "invite" all give
// "invit". Short words are left alone.
func stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		w = w[:len(w)-1]
	}
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		w = w[:len(w)-2]
	}
	if len(w) > 3 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

// stopWords are English function words, and the words of the sentence
// every requirement is written in ("the system must let users …"), which
// say nothing about where it comes from.
var stopWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a an the and or but nor of to in on at for with by from as into onto
		over under about than then so if when while whether because
		is are was were be been being am do does did done has have had having
		it its this that these those there their theirs they them we our us
		you your he she his her him i me my who whom whose which what where how why
		can could will would may might shall should must need needs
		not no yes all any each every some such other more most less own same
		also only just very too up out via per within without
		system systems app user users let lets allow allows able provide provides
		support supports use used using`) {
		m[w] = true
	}
	return m
}()

// citedAt is an item of a parsed PRD that may cite the brief, whether it
// does or not, and its line.
type citedAt struct {
	cited
	line int
}

// cite records an item read on line that may cite the brief.
func (r *reader) cite(line int, c cited) {
	r.cited = append(r.cited, citedAt{c, line})
}

// CheckCitations checks the citations in a PRD's markdown against the
// lines of its brief, as CheckSources does, and returns a problem on the
// line of each item the brief does not bear out: lines beyond its end, or
// lines that share no content word with the item, as after an edit of the
// brief. Like UnparsedPRD it reads past what ParsePRD fails on, and never
// fails. A PRD whose citations name another brief than briefPath has
// nothing to check.
func CheckCitations(prd []byte, briefPath string, brief []string) []Problem {
	r := &reader{lenient: true}
	if p, _ := parsePRD(r, prd); p == nil || path.Clean(r.brief) != path.Clean(briefPath) {
		return nil
	}
	var out []Problem
	for _, c := range r.cited {
		if c.source.IsZero() {
			continue
		}
		for _, src := range c.sources() {
			if why, ok := checkSource(src, c.text, brief); !ok {
				out = append(out, Problem{Line: c.line, What: fmt.Sprintf("%s cites %s, %s", c.item, src.citation(r.brief), why)})
			}
		}
	}
	return out
}

// Citation is an item of a PRD that may cite its brief, as Citations reads
// it: a goal, persona, user journey, functional or non-functional
// requirement, out-of-scope item, success metric or risk.
type Citation struct {
	// Line is the item's line in the PRD, 1-based.
	Line int
	// Item names the item in a message: "FR-003", `persona "Team lead"`,
	// `metric "Median check-in time"`.
	Item string
	// Kind is KindGoal, KindFunctional or KindNonFunctional for those
	// items, and 0 for the others.
	Kind Kind
	// Sources are the brief lines the item cites, in the order it cites
	// them; none when it cites none.
	Sources []Source
}

// Citations lists the items of a PRD's markdown that may cite its brief,
// each with its line and the lines of the brief it cites, in the order of
// the document. Like CheckCitations it reads past what ParsePRD fails on
// (an item it cannot read, such as one without an ID, is not listed), and
// it returns nil for a PRD whose citations name another brief than
// briefPath: what such a PRD cites, or leaves uncited, is not about that
// brief.
func Citations(prd []byte, briefPath string) []Citation {
	r := &reader{lenient: true}
	if p, _ := parsePRD(r, prd); p == nil || path.Clean(r.brief) != path.Clean(briefPath) {
		return nil
	}
	var out []Citation
	for _, c := range r.cited {
		ci := Citation{Line: c.line, Item: c.item, Kind: c.kind}
		if !c.source.IsZero() {
			ci.Sources = c.sources()
		}
		out = append(out, ci)
	}
	return out
}

// CiteOutOfScope gives each out-of-scope item of p the source the same
// item (by its text) has in the first of from that cites it, and no source
// when none does: for a PRD whose items were merged from others, since
// the sources sit beside the items rather than in them. A nil PRD in from
// is skipped.
func (p *PRD) CiteOutOfScope(from ...*PRD) {
	var sources []Source
	for i, text := range p.OutOfScope {
		src := sourceOf(text, from)
		if src.IsZero() {
			continue
		}
		// The items before this one without a source hold their places.
		sources = append(sources, make([]Source, i-len(sources))...)
		sources = append(sources, src)
	}
	p.OutOfScopeSources = sources
}

// sourceOf is the source of the out-of-scope item text in the first of
// prds that cites it.
func sourceOf(text string, prds []*PRD) Source {
	for _, p := range prds {
		if p == nil {
			continue
		}
		for j, s := range p.OutOfScope {
			if src := p.outOfScopeSource(j); s == text && !src.IsZero() {
				return src
			}
		}
	}
	return Source{}
}
