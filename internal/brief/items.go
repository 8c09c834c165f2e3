package brief

import (
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// addList reads a list's items into part pt. Nested items are detail: a
// feature's become its Notes, a persona's its Description, a metric's may
// give "Baseline:"/"Target:" values, and for every other part they are
// appended to the parent's text ("Reports: arrivals per hour; median wait").
func (p *parser) addList(pt part, items []markdown.Item) {
	if pt == partProblem {
		// A list of pains stays a list inside the problem text.
		var lines []string
		for _, it := range items {
			lines = append(lines, "- "+joinKids(it.Text, flatten(it.Children)))
		}
		p.problem = append(p.problem, strings.Join(lines, "\n"))
		return
	}
	for _, it := range items {
		kids := flatten(it.Children)
		it.Text = taskMarker().ReplaceAllString(it.Text, "")
		switch pt {
		case partSummary:
			p.addParagraph(pt, joinKids(it.Text, kids))
		case partFeatures:
			p.addFeature(it.Text, strings.Join(kids, "; "))
		case partUsers:
			p.addPersona(withDetail(parsePersona(it.Text), kids))
		case partMetrics:
			p.addMetric(metricWithDetail(it.Text, kids))
		default:
			p.addItem(pt, joinKids(it.Text, kids))
		}
	}
}

// taskMarker is a task-list checkbox, which the markdown reader leaves in
// the item's text.
var taskMarker = lazyRegexp(`^\[[ xX]\]\s+`)

// flatten gives the text of nested items, depth first, each with its own
// children appended.
func flatten(items []markdown.Item) []string {
	var out []string
	for _, it := range items {
		if t := joinKids(it.Text, flatten(it.Children)); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func joinKids(text string, kids []string) string {
	text = strings.TrimSpace(text)
	if len(kids) == 0 {
		return text
	}
	clean := make([]string, len(kids))
	for i, k := range kids {
		clean[i] = trimItem(k)
	}
	if text == "" {
		return strings.Join(clean, "; ")
	}
	return strings.TrimRight(trimItem(text), ":") + ": " + strings.Join(clean, "; ")
}

// addParagraph reads a paragraph into part pt: summary takes the first,
// problem keeps them all, list parts split it into items.
func (p *parser) addParagraph(pt part, text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	switch pt {
	case partSummary:
		if p.b.Summary == "" {
			p.b.Summary = asSentence(text)
		}
	case partProblem:
		p.problem = append(p.problem, text)
	case partFeatures:
		for _, t := range paragraphItems(text, false) {
			p.addFeature(t, "")
		}
	case partUsers:
		p.addUsersParagraph(text)
	case partMetrics:
		for _, t := range paragraphItems(text, false) {
			for _, c := range metricClauses(t) {
				p.addMetric(parseMetric(c))
			}
		}
	default:
		for _, t := range paragraphItems(text, false) {
			p.addItem(pt, t)
		}
	}
}

// paragraphItems splits a paragraph in a list section into items: at
// sentence ends, then at semicolons. For users, a list of short names
// separated by commas ("patients, staff and the manager") is split too.
// Each part is an item of its own, so it starts with a capital.
func paragraphItems(text string, names bool) []string {
	var out []string
	for _, s := range sentences(text) {
		for _, part := range splitOn(s, ";") {
			if names {
				out = append(out, splitNames(part)...)
			} else {
				out = append(out, capitalize(part))
			}
		}
	}
	return out
}

// maxNameWords is how long a comma-separated part may be and still be
// read as a name rather than a clause.
const maxNameWords = 4

func splitNames(s string) []string {
	s = trimItem(s)
	parts := splitOn(s, ", ")
	if len(parts) < 2 {
		return []string{s}
	}
	last := parts[len(parts)-1]
	for _, conj := range []string{"and ", "or "} {
		last = strings.TrimPrefix(last, conj)
	}
	if i := strings.Index(last, " and "); i > 0 {
		parts = append(parts[:len(parts)-1], last[:i], last[i+5:])
	} else {
		parts[len(parts)-1] = last
	}
	for _, p := range parts {
		if wordCount(p) > maxNameWords {
			return []string{s}
		}
	}
	return parts
}

// addItem adds one item to a list part other than features, users and
// metrics.
func (p *parser) addItem(pt part, text string) {
	text = trimItem(text)
	if text == "" {
		return
	}
	switch pt {
	case partGoals:
		p.b.Goals = append(p.b.Goals, text)
	case partGoalsAndNonGoals:
		if negativeItem().MatchString(text) {
			p.b.NonGoals = append(p.b.NonGoals, text)
		} else {
			p.b.Goals = append(p.b.Goals, text)
		}
	case partNonGoals:
		p.b.NonGoals = append(p.b.NonGoals, text)
	case partConstraints:
		p.addConstraint(text)
	case partRisks:
		p.b.Risks = append(p.b.Risks, text)
	case partQuestions:
		p.b.OpenQuestions = append(p.b.OpenQuestions, text)
	case partFeatures:
		p.addFeature(text, "")
	case partMetrics:
		p.addMetric(parseMetric(text))
	case partUsers:
		p.addPersona(parsePersona(text))
	case partSummary, partProblem:
		p.addParagraph(pt, text)
	}
}

// negativeItem opens an item that says what will not be done.
var negativeItem = lazyRegexp(`(?i)^(?:no|not|never|non-goal|nongoal|won't|will not|we won't|we will not|out of scope|don't|do not)\b`)

// assumptionCue finds a clause that states an assumption.
var assumptionCue = lazyRegexp(`(?i)\b(?:we assume|we're assuming|we are assuming|assuming|assumption|assumes|we expect|presumably)\b`)

// addConstraint files a constraint, moving clauses that state an
// assumption to Risks: "SMS via a gateway; we assume delivery within 30
// seconds" gives a constraint and a risk.
func (p *parser) addConstraint(text string) {
	if !assumptionCue().MatchString(text) {
		p.b.Constraints = append(p.b.Constraints, text)
		return
	}
	var keep []string
	for _, c := range splitOn(text, ";") {
		if assumptionCue().MatchString(c) {
			p.b.Risks = append(p.b.Risks, capitalize(trimItem(c)))
		} else {
			keep = append(keep, c)
		}
	}
	if len(keep) > 0 {
		p.b.Constraints = append(p.b.Constraints, capitalize(trimItem(strings.Join(keep, "; "))))
	}
}

var (
	leadingPriority  = lazyRegexp(`(?i)^(?:\[(p[0-4]|must(?: have)?|should(?: have)?|could(?: have)?|won't(?: have)?|nice to have)\]|\((p[0-4])\)|(p[0-4])\s*[:\-–—]|(p[0-4]|must(?: have)?|should(?: have)?|could(?: have)?)\s*:|\*\*(p[0-4]|must|should|could)\*\*\s*[:\-–—]?)\s*`)
	trailingPriority = lazyRegexp(`(?i)\s*[(\[](p[0-4]|must(?: have)?|should(?: have)?|could(?: have)?|won't(?: have)?|nice to have)[)\]]\s*$`)
)

// addFeature adds a feature, taking a priority the author marked in the
// text: "[P0] …", "P1: …", "Must: …", "… (P2)", "… [Should]".
func (p *parser) addFeature(text, notes string) {
	text = trimItem(text)
	var prio string
	if m := leadingPriority().FindStringSubmatch(text); m != nil {
		prio = firstNonEmpty(m[1:]...)
		text = text[len(m[0]):]
	} else if m := trailingPriority().FindStringSubmatch(text); m != nil {
		prio = m[1]
		text = text[:len(text)-len(m[0])]
	}
	text = trimItem(text)
	if text == "" {
		return
	}
	p.b.Features = append(p.b.Features, Feature{Text: text, Priority: normalizePriority(prio), Notes: strings.TrimSpace(notes)})
}

// normalizePriority writes "p0" as "P0" and MoSCoW words capitalised.
func normalizePriority(s string) string {
	s = strings.TrimSpace(s)
	if len(s) == 2 && (s[0] == 'p' || s[0] == 'P') {
		return strings.ToUpper(s)
	}
	return capitalize(strings.ToLower(s))
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
