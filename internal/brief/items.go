package brief

import (
	"regexp"
	"strconv"
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
			if rationale().MatchString(it.Text) && len(p.b.Features) > 0 {
				last := &p.b.Features[len(p.b.Features)-1]
				last.Notes = strings.TrimLeft(last.Notes+"; "+trimItem(joinKids(it.Text, kids)), "; ")
				continue
			}
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
		for _, t := range featureUnits(text) {
			p.addFeatureSentence(t)
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

// addFeatureSentence reads one sentence of a features section: a
// sentence about the document ("This document covers…") is none, one that
// puts something later ("they come in R2") or rules it out is filed so,
// and any other is a feature.
func (p *parser) addFeatureSentence(t string) {
	lower := lowerKeep(t)
	switch {
	case anyPrefix(lower, metaOpenings()), isLegend(t), phaseStart().MatchString(t):
		// About the brief, its priorities or its phases ("Release 2
		// follows it"), not the product.
		return
	case p.ctx.isLater:
		p.addFeature(t, "")
	case isNonGoal(lower):
		p.addNonGoals(t, lower)
	default:
		if why, later := p.laterWhy(t, false); later {
			p.addLater(t, "", why)
			return
		}
		p.addFeature(t, "")
	}
}

// metaOpenings start a sentence about the brief itself, not the product.
var metaOpenings = lexPhrases("meta openings")

// anyPrefix reports whether s starts with one of the prefixes, as whole
// words.
func anyPrefix(s string, prefixes []string) bool {
	for _, pre := range prefixes {
		if strings.HasPrefix(s, pre) && boundaryAfter(s, len(pre)) {
			return true
		}
	}
	return false
}

// featureUnits splits a paragraph of features into sentences and their
// clauses with subjects of their own (", and the system emails…"), and a
// sentence at a semicolon only where what follows is a capability of its
// own ("…proof of address once; after that a member signs in…", "Export
// to CSV; import from Excel"): any other clause is the same feature's
// consequence ("Volunteers record damage; the tool is hidden until it is
// repaired").
func featureUnits(text string) []string {
	var out []string
	for _, s := range subjectClauses(text) {
		parts := splitOn(s, ";")
		if len(parts) == 0 {
			continue
		}
		cur := []string{parts[0]}
		for _, part := range parts[1:] {
			if opensClause(part) {
				out = append(out, capitalize(trimItem(strings.Join(cur, "; "))))
				cur = []string{dropConnective(part)}
				continue
			}
			cur = append(cur, part)
		}
		out = append(out, capitalize(trimItem(strings.Join(cur, "; "))))
	}
	return out
}

// dropConnective removes a word that only joined a clause to the one
// before it: "after that a member signs in" gives "a member signs in".
func dropConnective(s string) string {
	lower := lowerKeep(s)
	for _, c := range connectives() {
		if strings.HasPrefix(lower, c+" ") {
			return strings.TrimSpace(s[len(c):])
		}
	}
	return s
}

var connectives = lexPhrases("connectives")

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

// maxNameWords is how long a persona's name may be and still be read as a
// name rather than a clause.
const maxNameWords = 4

// splitNames splits a list of users written in a sentence ("patients,
// staff and the clinic manager") at commas and a last "and"/"or" outside
// brackets, when every part gives a persona a short name; else the text
// is one persona.
func splitNames(s string) []string {
	s = trimItem(s)
	var parts []string
	for _, part := range splitOutside(s, ", ") {
		part = strings.TrimSpace(part)
		for _, conj := range []string{"and ", "or "} {
			part = strings.TrimPrefix(part, conj)
		}
		parts = append(parts, splitOutside(part, " and ")...)
	}
	if len(parts) < 2 {
		return []string{s}
	}
	for _, p := range parts {
		if wordCount(parsePersona(p).Name) > maxNameWords {
			return []string{s}
		}
	}
	return parts
}

// splitOutside splits s at sep where sep is outside brackets.
func splitOutside(s, sep string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(0, depth-1)
		}
		if depth == 0 && strings.HasPrefix(s[i:], sep) {
			out = append(out, s[start:i])
			start = i + len(sep)
			i += len(sep) - 1
		}
	}
	return append(out, s[start:])
}

// addItem adds one item to a list part other than features, users and
// metrics.
func (p *parser) addItem(pt part, text string) {
	if pt != partFeatures {
		// The brief's own IDs ("NFR-1:", "G2:") are references, not text.
		_, tag, rest := splitRef(text)
		text = strings.TrimSpace(tag + " " + rest)
	}
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
// assumption to Risks and clauses about the plan to Plan: "SMS via a
// gateway; we assume delivery within 30 seconds" gives a constraint and a
// risk, "It has to work offline, and we need it before June" a constraint
// and a plan.
func (p *parser) addConstraint(text string) {
	if !assumptionCue().MatchString(text) && !planUnit(text) {
		p.b.Constraints = append(p.b.Constraints, text)
		return
	}
	var keep []string
	for _, c := range splitClauses(text) {
		switch {
		case assumptionCue().MatchString(c):
			p.b.Risks = append(p.b.Risks, capitalize(trimItem(c)))
		case planUnit(c):
			p.b.Plan = append(p.b.Plan, capitalize(trimItem(c)))
		default:
			keep = append(keep, c)
		}
	}
	if len(keep) > 0 {
		p.b.Constraints = append(p.b.Constraints, capitalize(trimItem(strings.Join(keep, "; "))))
	}
}

// splitClauses cuts a sentence at semicolons and at ", and", ", but".
func splitClauses(text string) []string {
	var out []string
	for _, c := range splitOn(text, ";") {
		out = append(out, splitOn(clauseJoin().ReplaceAllString(c, "\x00"), "\x00")...)
	}
	return out
}

var clauseJoin = lazyRegexp(`,\s+(?:and|but)\s+`)

// refPrefix is a brief's own ID before a feature: "FR-2A:", "US1 —",
// "**FR-11** (R2):", "R-3.".
var refPrefix = lazyRegexp(`^(?:\*\*|__)?([A-Z]{1,5}-?\d+[A-Za-z]?(?:\.\d+)*)(?:\*\*|__)?\s*(\([^)]{1,30}\))?\s*(?:[:.)\]—–-]\s*|\s+)`)

// splitRef takes a brief's own ID off the front of a feature, with the
// tag in brackets after it, if any ("FR-11 (R2):" gives "FR-11" and
// "(R2)").
func splitRef(text string) (ref, tag, rest string) {
	m := refPrefix().FindStringSubmatch(text)
	if m == nil || len(m[0]) >= len(text) {
		return "", "", text
	}
	if _, prio := parsePriority(m[1]); prio {
		return "", "", text // "P1: Import" is a priority
	}
	return m[1], m[2], text[len(m[0]):]
}

// bracketLead and bracketTail are a bracketed tag at either end of a
// feature: "(Must)", "[P0]", "(Won't, post-v1)", "… (P2)".
var (
	bracketLead = lazyRegexp(`^[(\[]([^()\[\]]{1,40})[)\]]\s*[:\-–—]?\s*`)
	bracketTail = lazyRegexp(`\s*[(\[]([^()\[\]]{1,40})[)\]]$`)
	// labelLead is a priority written as a label: "P1: …", "Must: …",
	// "**Must** — …".
	labelLead = lazyRegexp(`(?i)^(?:\*\*|__)?(p[0-4]|must(?: have)?|should(?: have)?|could(?: have)?|won't(?: have)?)(?:\*\*|__)?\s*[:\-–—]\s*`)
)

// splitPriority takes the priority the author marked in a feature's text:
// "[P0] …", "(Must) …", "P1: …", "Must: …", "… (P2)", "… [Should]". A
// bracketed tag may carry more than the priority ("(Won't, post-v1)"):
// the rest is returned as tags, for the phase.
func splitPriority(text string) (prio, tags, rest string) {
	if !strings.ContainsAny(text, "([:—–-") {
		return "", "", text
	}
	for _, re := range []func() *regexp.Regexp{bracketLead, bracketTail} {
		m := re().FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		parts := strings.Split(text[m[2]:m[3]], ",")
		p, ok := parsePriority(parts[0])
		if !ok {
			continue
		}
		return p, strings.Join(parts[1:], ","), text[:m[0]] + text[m[1]:]
	}
	if m := labelLead().FindStringSubmatch(text); m != nil {
		p, _ := parsePriority(m[1])
		return p, "", text[len(m[0]):]
	}
	return "", "", text
}

// rationale opens a nested item that explains its feature rather than
// adding one: "Why: the offer has to be…".
var rationale = lazyRegexp(`(?i)^(?:\*\*|__)?(?:why|because|rationale|reason|note|context)(?:\*\*|__)?\s*[:—–-]`)

// addFeature adds a feature, or a later item when its tags, its priority
// or its section put it after the first release. It takes the brief's
// own ID as a reference and the priority the author marked; a feature
// without one takes its section's.
func (p *parser) addFeature(text, notes string) {
	p.fileFeature(text, "", notes, "", "")
}

// fileFeature adds a feature, or a later item, from its parts: its text
// (which may still carry an ID and a priority), a priority, notes, an ID
// and tags that may name a phase ("Phase 2", "(later)").
func (p *parser) fileFeature(text, prio, notes, ref, tags string) {
	text = trimItem(taskMarker().ReplaceAllString(strings.TrimSpace(text), ""))
	ownRef, refTag, text := splitRef(text)
	ownPrio, ownTags, text := splitPriority(text)
	ref, prio = firstNonEmpty(ref, ownRef), firstNonEmpty(normalizePriority(prio), ownPrio, p.ctx.priority)
	tags = strings.Join([]string{tags, refTag, bracketed(ownTags)}, " ")
	text = trimItem(text)
	if text == "" {
		return
	}
	if g := p.ctx.group; g != "" && !isCapability(text) && !hasVerb(text) && !namesGroup(text, g) {
		// "Title, affected services, severity" under "Incident record"
		// is the incident record's, and says so.
		text = g + ": " + lowerFirst(text)
	}
	f := Feature{Text: text, Priority: normalizePriority(prio), Notes: strings.TrimSpace(notes), Ref: ref, Actor: p.ctx.actor}
	why, later := p.laterWhy(tags+" "+text, true)
	if !later {
		why, later = p.priorityLater(f.Priority)
	}
	if !later && p.ctx.isLater {
		why, later = p.ctx.later, true
	}
	if later {
		f.Phase = why
		if p.ctx.phased {
			p.phasedLater[len(p.b.Later)] = true
		}
		p.b.Later = append(p.b.Later, f)
		return
	}
	if p.ctx.phased {
		p.phasedMVP[len(p.b.Features)] = true
	}
	p.b.Features = append(p.b.Features, f)
}

// namesGroup reports whether a feature already holds the content words of
// its group's label.
func namesGroup(text, group string) bool {
	return stemsOf(group).within(stemsOf(text))
}

// addLater adds an item the brief puts after the first release.
func (p *parser) addLater(text, notes, why string) {
	text = trimItem(taskMarker().ReplaceAllString(strings.TrimSpace(text), ""))
	ref, refTag, text := splitRef(text)
	prio, tags, text := splitPriority(text)
	text = trimItem(text)
	if text == "" {
		return
	}
	if w, ok := p.laterWhy(refTag+" "+bracketed(tags)+" "+text, false); ok && why == "" {
		why = w
	}
	if why == "" && p.ctx.isLater {
		why = p.ctx.later
	}
	p.b.Later = append(p.b.Later, Feature{Text: text, Priority: normalizePriority(prio), Notes: strings.TrimSpace(notes), Phase: why, Ref: ref})
}

// bracketed puts tags that came out of brackets back in them, so that
// laterIn reads them as tags; "" stays "".
func bracketed(tags string) string {
	if strings.TrimSpace(tags) == "" {
		return ""
	}
	return "(" + strings.TrimSpace(tags) + ")"
}

// laterWhy is laterIn for a sentence, with the brief's own first-release
// phases ("The MVP is Phases 1 to 3") counted in.
func (p *parser) laterWhy(text string, strict bool) (string, bool) {
	why, later := laterIn(text, false, strict)
	if later && strings.HasPrefix(why, "phase ") {
		if n, err := strconv.Atoi(strings.TrimPrefix(why, "phase ")); err == nil && n <= p.legend.mvpPhases {
			return "", false
		}
	}
	return why, later
}

// normalizePriority writes a priority the brief gave as parsePriority
// does ("p0" as "P0", "must have" as "Must"), or as written, capitalised,
// when it is none of those.
func normalizePriority(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if p, ok := parsePriority(s); ok {
		return p
	}
	return capitalize(s)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
