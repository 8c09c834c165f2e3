package brief

import (
	"strconv"
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// Phase and priority are facts of each feature. A feature is for the first
// release unless its own words or a heading above it put it later: a
// later cue ("Later", "Post-v1 ideas", "Not MVP", "Won't have"), a phase,
// release or version above the first ("Phase 2", "R2", "v2"), or a
// priority the brief itself defines as later ("P3 is post-v1"). The
// brief's own priority (MoSCoW, P0–P3, High/Medium/Low) stays on the
// feature.

// scope is what a section's heading, and the headings above it, say about
// the text under it.
type scope struct {
	part     part
	priority string // a priority heading's: "Must", "P1"
	// later says the text is for after the first release, and why: a
	// phase ("phase 2"), or "" for a plain later. Set means later.
	later   string
	isLater bool
	// phased says a heading above names the phase explicitly ("Phase 1
	// (MVP)", "Phase 2"): the text is a roadmap's.
	phased   bool
	group    string // the label of a list group whose items these are
	question string // the heading, when it is a question
	actor    string // the heading, when it may name who does the features under it
}

// laterTag finds a phase, release, version or milestone above the first:
// "Phase 2", "release 3", "v2", "R2", "version 2.0".
var laterTag = lazyRegexp(`(?i)\b(?:(phase|release|version|stage|milestone|iteration|wave)\s*(\d+)|(v)(\d+)(?:\.\d+)*|(r)(\d+))\b`)

// priorityWord reads a priority: MoSCoW (with or without "have"), P0–P4,
// High/Medium/Low, "nice to have".
var priorityWord = lazyRegexp(`(?i)^(?:(must|should|could|won't|wont|will not)(?:[- ]have)?|(p[0-4])|(high|medium|low)(?: priority)?|(nice[- ]to[- ]have)|priority\s*([0-4]))$`)

// parsePriority normalises a priority as the brief wrote it: "Must",
// "Should", "Could", "Won't", "P0"…, "High"…, "Nice to have"; false
// when text is none.
func parsePriority(text string) (string, bool) {
	t := strings.TrimSpace(strings.NewReplacer("’", "'", "*", "", "_", "").Replace(plain(text)))
	m := priorityWord().FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	switch {
	case m[1] != "":
		w := strings.ToLower(m[1])
		if w == "wont" || w == "will not" {
			w = "won't"
		}
		return capitalize(w), true
	case m[2] != "":
		return strings.ToUpper(m[2]), true
	case m[3] != "":
		return capitalize(strings.ToLower(m[3])), true
	case m[4] != "":
		return "Nice to have", true
	}
	return "P" + m[5], true
}

// laterCues and mvpCues are phrases of lexicon/cues.txt, compiled once.
var (
	laterCues = newCues("later cues")
	mvpCues   = newCues("mvp cues")
)

// legend is what the brief says about its own phases and priorities:
// "P3 is post-v1", "The MVP is Phases 1 to 3".
type legend struct {
	laterPriorities map[string]string // priority → why it is later ("post-v1")
	mvpPhases       int               // phases up to this one are the first release
}

// priorityLegend reads "P3 is post-v1", "Won't = later", "P2: next
// release" in a sentence that defines priorities.
var priorityLegend = lazyRegexp(`(?i)\b(p[0-4]|must|should|could|won't|wont|nice to have)\s*(?:is|are|=|means|:|—|–|-)\s*(?:for\s+|a\s+|an\s+)?([^,;.]+)`)

// phaseIsMVP reads "Release 1 is the MVP", "Phase 1 (MVP)".
var phaseIsMVP = lazyRegexp(`(?i)\b(?:phase|release|version|stage|milestone)\s*\d+\s*(?:is|=|:|\()\s*(?:the\s+)?mvp\b`)

// mvpPhasesLegend reads "The MVP is Phases 1 to 3".
var mvpPhasesLegend = lazyRegexp(`(?i)\bmvp\b[^.;]{0,30}?\bphases?\s+(\d+)\s*(?:to|-|–|through|and|&)\s*(\d+)`)

// readLegend scans every paragraph and item of the brief for its
// definitions of priorities and phases.
func readLegend(doc *markdown.Doc) legend {
	lg := legend{laterPriorities: map[string]string{}, mvpPhases: 1}
	read := func(text string) {
		lower := strings.ToLower(text)
		if !mentionsPriority(lower) {
			return
		}
		for _, m := range priorityLegend().FindAllStringSubmatch(text, -1) {
			prio, ok := parsePriority(m[1])
			if !ok {
				continue
			}
			if why, later := laterOf(m[2], true); later {
				lg.laterPriorities[prio] = firstNonEmpty(why, tagPhase(m[2]))
			}
		}
		if !strings.Contains(lower, "mvp") {
			return
		}
		if m := mvpPhasesLegend().FindStringSubmatch(text); m != nil {
			if n, err := strconv.Atoi(m[2]); err == nil && n > lg.mvpPhases {
				lg.mvpPhases = n
			}
		}
	}
	blocks := append([]markdown.Block(nil), doc.Preamble...)
	for _, s := range doc.All() {
		blocks = append(blocks, s.Blocks...)
	}
	for _, b := range blocks {
		switch b.Kind {
		case markdown.Paragraph, markdown.Quote:
			read(b.Text)
		case markdown.List:
			for _, it := range b.Items {
				read(it.Text)
			}
		}
	}
	return lg
}

// isLegend reports whether a sentence defines the brief's priorities or
// phases ("P3 is post-v1", "The MVP is Phases 1 to 3 together"): it is
// read by readLegend, and is no item.
func isLegend(text string) bool {
	lower := strings.ToLower(text)
	if strings.Contains(lower, "mvp") && (mvpPhasesLegend().MatchString(text) || phaseIsMVP().MatchString(text)) {
		return true
	}
	if !mentionsPriority(lower) {
		return false
	}
	for _, m := range priorityLegend().FindAllStringSubmatch(text, -1) {
		if _, ok := parsePriority(m[1]); ok {
			return true
		}
	}
	return false
}

// mentionsPriority is a cheap test that a lower-case text may define a
// priority or a phase, before the legend's patterns are run on it.
func mentionsPriority(lower string) bool {
	for _, w := range []string{"p0", "p1", "p2", "p3", "p4", "must", "should", "could", "won", "nice to have", "mvp"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// laterOf says whether text puts what it names after the first release,
// and why: a phase above the first ("phase 2", "R2"), or "" for a plain
// later cue. In a heading any later cue or phase counts. In a sentence
// only a bracketed tag ("(Phase 2)", "(Won't, post-v1)") or a phase after
// a preposition ("come in R2", "in version 2") does, and, unless strict,
// a phrase of the later sentence cues ("may come", "can wait"); the word
// "later" alone is often just time there ("a text later that day").
func laterOf(text string, heading bool) (string, bool) {
	return laterIn(text, heading, false)
}

// laterIn is laterOf with the strict choice: a feature's own text is
// read strictly, since it names what is built ("Show the next version").
func laterIn(text string, heading, strict bool) (string, bool) {
	if heading {
		if why, ok := phaseTag(text); ok {
			return why, true
		}
		return "", laterCues.match(text)
	}
	if strings.ContainsAny(text, "([") {
		for _, tag := range parenTags().FindAllStringSubmatch(text, -1) {
			if why, ok := phaseTag(tag[1]); ok {
				return why, true
			}
			if laterCues.match(tag[1]) {
				return tagPhase(tag[1]), true
			}
		}
	}
	if hasDigit(text) && namesPhase(lowerKeep(text)) {
		if m := phaseAfterPreposition().FindStringSubmatch(text); m != nil {
			if why, ok := phaseTag(m[1]); ok {
				return why, true
			}
		}
	}
	if strict {
		return "", false
	}
	return "", laterSentenceCues.match(text) || staysForNow().MatchString(text)
}

// tagPhase is the phase a later tag names, when it names one: the part of
// the tag holding a digit ("post-v1" in "Won't, post-v1"), else "".
func tagPhase(tag string) string {
	for _, part := range strings.Split(tag, ",") {
		if part = strings.TrimSpace(part); hasDigit(part) && wordCount(part) <= 3 {
			return part
		}
	}
	return ""
}

// namesPhase is a cheap test that a lower-case text may name a phase,
// before the phase patterns are run on it.
func namesPhase(lower string) bool {
	for _, w := range []string{"phase", "release", "version", "stage", "milestone", "iteration", "wave"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	for i := 0; i+2 < len(lower); i++ {
		if (lower[i] == ' ' || lower[i] == '(') && (lower[i+1] == 'v' || lower[i+1] == 'r') && lower[i+2] >= '0' && lower[i+2] <= '9' {
			return true
		}
	}
	return false
}

// phaseTag reads a phase above the first in text: "phase 2", "R2".
func phaseTag(text string) (string, bool) {
	m := laterTag().FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	kind, n := strings.ToLower(firstNonEmpty(m[1], m[3], m[5])), firstNonEmpty(m[2], m[4], m[6])
	num, err := strconv.Atoi(n)
	if err != nil || num < 2 {
		return "", false
	}
	switch kind {
	case "v":
		return "v" + n, true
	case "r":
		return "R" + n, true
	}
	return kind + " " + n, true
}

// phaseAfterPreposition is a phase a sentence puts something in: "they
// come in R2", "in version 2", "for phase 3".
var phaseAfterPreposition = lazyRegexp(`(?i)\b(?:in|for|until|from|during|with)\s+(?:the\s+)?((?:phase|release|version|stage|milestone|iteration|wave)\s*\d+|[vr]\d+)\b`)

// phaseStart is a heading that opens by naming a phase: "Phase 2 (all
// wards)", "Release 1", "v2".
var phaseStart = lazyRegexp(`(?i)^\s*(?:(?:phase|release|stage|milestone|iteration|wave)\s*\d+|[vr]\d+)\b`)

// laterSentenceCues put a sentence after the first release.
var laterSentenceCues = newCues("later sentence cues")

// staysForNow reads "Classes stay in the existing site for now".
var staysForNow = lazyRegexp(`(?i)\b(?:stay|stays|remain|remains|keep|keeps|continue|continues)\b[^.;]*\bfor now\b`)

// parenTags are the parenthesised or bracketed tags of a text: "(Won't,
// post-v1)", "[later]".
var parenTags = lazyRegexp(`[(\[]([^()\[\]]{1,40})[)\]]`)

// isMVP reports whether text puts what it names in the first release:
// "MVP", "Phase 1", "v1", "Must have".
func isMVP(text string) bool {
	if _, later := laterOf(text, true); later {
		return false
	}
	return mvpCues.match(text)
}

// headingScope reads a section's heading, under its parent's scope.
func (p *parser) headingScope(title string, parent scope) scope {
	sc := parent
	sc.group, sc.question = "", ""
	own := classifyHeading(title)
	if own == partNone {
		sc.actor = audience(title)
	}
	if prio, ok := parsePriority(normalizeHeading(title)); ok {
		// "Won't have (for now)" is a priority, not a non-goal keyword.
		sc.priority, own = prio, partFeatures
	}
	if why, later := laterOf(plain(title), true); later {
		sc.later, sc.isLater = why, true
		sc.phased = sc.phased || why != ""
	} else if isMVP(plain(title)) {
		sc.later, sc.isLater, sc.phased = "", false, true
	}
	if why, later := p.priorityLater(sc.priority); later && !sc.isLater {
		sc.later, sc.isLater = why, true
	}
	if sc.isLater && strings.HasPrefix(sc.later, "phase ") {
		if n, err := strconv.Atoi(strings.TrimPrefix(sc.later, "phase ")); err == nil && n <= p.legend.mvpPhases {
			sc.later, sc.isLater = "", false
		}
	}
	if parent.part == partFeatures && (own == partPlan || own == partTech || own == partFlows) {
		// Under features, "Timeline" or "Pricing" names a feature, not
		// the project's dates or the business model.
		own = partNone
	}
	if parent.part == partConstraints && own == partTech {
		own = partNone // "Hosting" under constraints is one of them
	}
	if phaseStart().MatchString(plain(title)) && own != partLater {
		// "Phase 1 (MVP, pilot on one ward)": a phase of the parent's
		// work, whatever its other words name.
		own = partNone
	}
	switch own {
	case partNone:
		if sc.isLater && sc.part == partNone {
			sc.part = partFeatures
		}
	case partLater:
		sc.part = partFeatures
		sc.isLater = sc.isLater || !isMVP(plain(title))
	case partContainer:
		sc.part = partNone
	default:
		sc.part = own
	}
	if strings.HasSuffix(strings.TrimSpace(plain(title)), "?") {
		sc.question = plain(title)
	}
	return sc
}

// audience is the people a heading may name as doing what is under it:
// "For the dispatcher" gives "dispatcher", "Parent or carer" itself.
// Whether they are a persona is decided once the users are known
// (resolveActors).
func audience(title string) string {
	t := cleanHeading(title)
	lower := lowerKeep(t)
	for _, lead := range audienceLeads() {
		if strings.HasPrefix(lower, lead+" ") {
			return t[len(lead)+1:]
		}
	}
	return t
}

// audienceLeads open a heading that names who it is for: "For the
// dispatcher".
var audienceLeads = lexPhrases("audience leads")

// priorityLater says whether a priority is one the brief, or MoSCoW, puts
// after the first release: "Won't", or what the brief's legend defines so.
func (p *parser) priorityLater(prio string) (string, bool) {
	if prio == "" {
		return "", false
	}
	if why, ok := p.legend.laterPriorities[prio]; ok {
		return why, true
	}
	switch prio {
	case "Won't":
		return "", true
	case "Could":
		// What the first release may leave out is not required of it.
		return "could have", true
	case "Nice to have":
		return "nice to have", true
	}
	return "", false
}
