package lint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/prodgen/prodgen/internal/markdown"
	"github.com/prodgen/prodgen/internal/prose"
)

// The rules of this file catch what a reviewer would: garbled sentences,
// criteria that test nothing, non-functional requirements nobody can
// measure, stories too big to deliver, requirements said twice and later
// items in the first release. They read the words alone, without a model,
// and so can be wrong: all but later-in-mvp are warnings.

// garbled reports what reads garbled in an item (garbled-sentence), one
// finding for each problem prose.Garbled finds.
func (a *analysis) garbled(line int, what, text string) {
	for _, g := range prose.Garbled(text) {
		a.l.add(a.doc, line, "garbled-sentence", "%s reads garbled (%s: %q): %s", what, g.Kind, g.At, g.Hint)
	}
}

// criterionParts matches a criterion in Given/When/Then form, in plain
// text, capturing its When and its Then. ", then" ends the When where it
// has one, as the artifact package reads a criterion, so that "when they
// import messages, which people then trim, then …" keeps its "then trim".
var criterionParts = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?is)^given\b.*?[,;]?\s*\bwhen\b(.*?),\s*then\b(.*)$|^given\b.*?[,;]?\s*\bwhen\b(.*?)[;]?\s*\bthen\b(.*)$`)
})

// nfrRef matches an NFR's ID.
var nfrRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\bNFR-\d+\b`) })

// criterionReview checks one criterion's words: garbled, tautological,
// and the NFRs its Then names, kept for criterion-unrelated-nfr.
func (a *analysis) criterionReview(st *tracer, c idItem) {
	name := c.id
	if name == "" {
		name = "acceptance criterion"
	}
	a.garbled(c.line, name, c.text)
	m := criterionParts().FindStringSubmatch(markdown.Plain(c.text))
	if m == nil {
		return
	}
	if m[1] == "" && m[2] == "" {
		m = m[2:]
	}
	when, then := strings.TrimSpace(m[1]), strings.TrimRight(strings.TrimSpace(m[2]), ".")
	if prose.NeedsClarification(then) {
		a.l.add(a.doc, c.line, "needs-clarification", "%s awaits its outcome: the brief says what is done (%q) but not what a tester can check afterwards", name, "when "+when)
	}
	if ok, why := prose.Tautology(when, then); ok {
		a.l.add(a.doc, c.line, "criterion-tautology", "%s restates its action (%s): %q cannot fail once the action is done; state an outcome a tester can check (what is stored, sent or shown, to whom)",
			name, why, "then "+then)
	}
	for _, id := range nfrRef().FindAllString(then, -1) {
		st.nfrs = append(st.nfrs, nfrCriterion{criterion: name, nfr: id, line: c.line})
	}
}

// nfrCriterion is a criterion that names an NFR in its Then.
type nfrCriterion struct {
	criterion, nfr string
	line           int
}

// unrelatedNFRs reports each criterion of a story that names an NFR the
// story shares no content word with (criterion-unrelated-nfr): "then the
// system meets NFR-004", GDPR, under a story about booking a boat, is a
// criterion that came with the template, not with the story.
func (l *linter) unrelatedNFRs(stories, prd *analysis) {
	for _, st := range stories.tracers {
		if len(st.nfrs) == 0 {
			continue
		}
		own := prose.ContentSet(st.about)
		for _, c := range st.nfrs {
			text, ok := prd.nfrTexts[c.nfr]
			if !ok {
				continue // not in the PRD: not this rule's business
			}
			shared := false
			for s := range prose.ContentSet(prose.StripTail(text)) {
				shared = shared || own[s]
			}
			if !shared {
				l.add(stories.doc, c.line, "criterion-unrelated-nfr",
					"%s names %s (%s), which shares no word with %s: drop the criterion, or state what %s asks of this story in its own words",
					c.criterion, c.nfr, quote(prose.StripTail(markdown.Plain(text))), st.name, c.nfr)
			}
		}
	}
}

// storySentence matches "As a role, I want want[, so that benefit]".
var storySentence = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?is)^as an?\s+(.+?),\s*i want\s+(.+?)(?:,?\s+so that\s+(.+?))?\.?$`)
})

// maxCriteria is how many acceptance criteria a story may have before it
// is too big to estimate and deliver in one go.
const maxCriteria = 8

// tooBig reports a story that is not small (story-too-big): its want
// holds more than one capability, or it has more than maxCriteria
// criteria.
func (a *analysis) tooBig(st tracer, want string, criteria int) {
	if caps := capabilities(want); len(caps) > 1 {
		a.l.add(a.doc, st.line, "story-too-big", "%s wants %d things (%s): split it into one story per capability",
			st.name, len(caps), strings.Join(caps, "; "))
	}
	if criteria > maxCriteria {
		a.l.add(a.doc, st.line, "story-too-big", "%s has %d acceptance criteria (more than %d): split it into smaller stories",
			st.name, criteria, maxCriteria)
	}
}

var (
	parenthesis = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\([^()]*\)`) })
	// joins split a want into the parts "and", commas and semicolons join.
	joins = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\s*(?:[,;]\s*(?:and\s+|or\s+|then\s+)?|\s+and\s+(?:then\s+)?)`)
	})
)

// capabilities lists the capabilities a want of the form "to <verb>
// <object>…" holds: each part that "and", a comma or a semicolon joins and
// that starts with a verb and names an object of its own. Verbs sharing an
// object ("to search and filter listings", "to pick a shift and offer it
// as a swap") are one capability. A want
// that is a thing ("a team board") has one.
func capabilities(want string) []string {
	want = strings.TrimSpace(parenthesis().ReplaceAllString(markdown.Plain(want), " "))
	if len(want) < 3 || !strings.EqualFold(want[:3], "to ") {
		return nil
	}
	rest := want[3:]
	var out []string
	var objects []string
	for _, part := range joins().Split(strings.TrimRight(rest, "."), -1) {
		part = strings.TrimPrefix(strings.TrimSpace(part), "to ")
		ws := strings.Fields(part)
		if len(ws) < 2 || !prose.IsVerb(strings.ToLower(ws[0])) || pronouns[strings.ToLower(ws[1])] {
			// Not a verb, or one whose object is the last one's: "pick
			// a shift and offer it as a swap".
			continue
		}
		obj := strings.Join(prose.ContentStems(strings.Join(ws[1:], " ")), " ")
		if obj == "" || slices.Contains(objects, obj) {
			continue
		}
		objects = append(objects, obj)
		out = append(out, part)
	}
	return out
}

// pronouns stand for an object named before.
var pronouns = map[string]bool{"it": true, "them": true, "this": true, "these": true, "those": true, "that": true}

// reqItem is a requirement, kept for duplicate-requirement.
type reqItem struct {
	id, text string
	line     int
}

// nearlySame is the share of their content words (of the words either
// has) two requirements must have in common to be the same requirement.
const nearlySame = 0.8

// requirementBoilerplate are words every requirement may open with.
var requirementBoilerplate = map[string]bool{"let": true, "provid": true, "allow": true, "enabl": true, "support": true}

// duplicates reports each requirement whose content words are (nearly)
// those of an earlier one of the same kind (duplicate-requirement).
func (a *analysis) duplicates(reqs []reqItem) {
	sets := make([]map[string]bool, len(reqs))
	for i, r := range reqs {
		sets[i] = prose.ContentSet(prose.StripTail(markdown.Plain(r.text)))
		for w := range requirementBoilerplate {
			delete(sets[i], w)
		}
	}
	for j := range reqs {
		for i := range j {
			if len(sets[i]) < 2 || len(sets[j]) < 2 {
				continue
			}
			both, either := 0, len(sets[i])
			for w := range sets[j] {
				if sets[i][w] {
					both++
				} else {
					either++
				}
			}
			if float64(both) >= nearlySame*float64(either) {
				a.l.add(a.doc, reqs[j].line, "duplicate-requirement", "%s says what %s on line %d says: merge the two, or say how they differ",
					reqs[j].id, reqs[i].id, reqs[i].line)
				break
			}
		}
	}
}

// measurable matches what an NFR about speed, reliability or capacity
// must be held to: a number and its unit ("200 ms", "99.9%", "10,000
// concurrent users", "24/7").
var measurable = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\d[\d,.]*\s*(?:%|ms\b|millisecond|s\b|sec|second|minute|min\b|mins\b|hour|hr|h\b|day|week|month|year|nines|x\b|times|user|request|req|rps|qps|tps|transaction|call|concurrent|connection|session|page|item|record|row|message|event|order|booking|[kmgt]i?b\b|bytes|mbps|gbps|per\b|/s|/min|/h|/7|/365|\w+ (?:per|a|an|each) )`)
})

// unmeasured matches the words of an NFR about performance, reliability,
// availability, latency or capacity.
var unmeasured = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(fast|faster|quick|quickly|responsive|responsiveness|reliable|reliably|reliability|scalable|scale|scales|scalability|(?:highly|always) available|available (?:at all times|around the clock|all day)|availability|uptime|latency|low-latency|performance|performant|high-performance|capacity|speed|instant|instantly|real-time|realtime)\b`)
})

// unmeasurable reports an NFR about performance, reliability,
// availability, latency or capacity without a number and a unit
// (nfr-unmeasurable): no test can pass or fail it.
func (a *analysis) unmeasurable(it idItem) {
	text := prose.StripTail(markdown.Plain(stripCode(it.text)))
	m := unmeasured().FindString(text)
	if m == "" || measurable().MatchString(text) {
		return
	}
	name := it.id
	if name == "" {
		name = "non-functional requirement"
	}
	a.l.add(a.doc, it.line, "nfr-unmeasurable", "%s asks for %q with no number: give a target and its unit, e.g. %q",
		name, m, "95% of pages load within 500 ms")
}

// laterMarker matches what says an item is for a later release.
var laterMarker = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(phase\s*(?:2|3|ii|two|three)|post[- ]?(?:v1|mvp|launch)|v[2-9]\b|version\s*[2-9]|not (?:in |for )?(?:the )?mvp|nice[- ]to[- ]have|could[- ]have|won['’]?t[- ]have|(?:in (?:the )?|for (?:the )?)?future (?:release|version|phase|iteration)s?|in (?:the )?future|later (?:release|version|phase|stage|iteration)s?|for later|^later\b|\(later\)|later:)`)
})

// laterInMVP reports an FR or an in-scope item marked for a later
// release (later-in-mvp): the first release would be built with it, or
// the plan says two things.
func (a *analysis) laterInMVP(line int, what, text string) {
	m := laterMarker().FindString(prose.StripTail(markdown.Plain(stripCode(text))))
	if m == "" {
		return
	}
	a.l.add(a.doc, line, "later-in-mvp", "%s says %q, yet it is in the first release: move it to Out of scope (or a Later list), or drop the marker", what, m)
}

// scope checks a PRD's scope lists: every item for garbled sentences,
// in-scope items for later markers.
func (a *analysis) scope() {
	var visit func(s *markdown.Section)
	visit = func(s *markdown.Section) {
		k := key(s.Title)
		switch k {
		case "scope":
			for _, c := range s.Children {
				visit(c)
			}
			return
		case "in scope", "out of scope", "non-goals":
		default:
			return
		}
		for _, it := range s.Items() {
			if strings.TrimSpace(it.Text) == "" {
				continue
			}
			what := fmt.Sprintf("%s item", strings.ToLower(s.Title))
			a.garbled(it.Line, what, it.Text)
			if k == "in scope" {
				a.laterInMVP(it.Line, what, it.Text)
			}
		}
	}
	for _, s := range a.doc.sections {
		visit(s)
	}
}
