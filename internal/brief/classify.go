package brief

import (
	"regexp"
	"strings"
	"sync"

	"github.com/prodgen/prodgen/internal/markdown"
)

// A sentence or list item whose section does not say what it is, because
// its heading names no part ("Lab side", "Do members need an account?") or
// because the brief is prose, is read by what it says: its shape (someone
// doing something is a feature, wherever it stands: "Singers can…", "The
// app will…", "Volunteers check tools out…", an imperative) and its cue
// words (lexicon/cues.txt). unitKind decides; the order of its tests is
// the order of precedence.

// unitKind says what one sentence or item is, by its content alone;
// partNone when nothing marks it.
func unitKind(text string) part {
	lower := lowerKeep(text)
	switch {
	case strings.HasSuffix(strings.TrimRight(text, `"')*_`), "?"):
		return partQuestions
	case isNonGoal(lower):
		return partNonGoals
	}
	if _, later := laterOf(text, false); later {
		return partLater
	}
	switch {
	case metricCues.match(text):
		return partMetrics
	case planUnit(text):
		return partPlan
	case assumptionCue().MatchString(text):
		return partRisks
	case isCapability(text):
		return partFeatures
	case constraintCues.match(text):
		return partConstraints
	}
	return partNone
}

// isNonGoal reports whether a sentence says what will not be done.
func isNonGoal(lower string) bool {
	for _, cue := range nonGoalLeads() {
		if i := wordIndex(lower, cue); i >= 0 && trimItem(lower[i+len(cue):]) != "" {
			return true
		}
	}
	for _, cue := range nonGoalTails() {
		if wordIndex(lower, cue) > 0 {
			return true
		}
	}
	return false
}

// isCapability reports whether a sentence has the shape of a feature:
// someone, or the product, doing something ("Singers can see…", "The app
// will remind…", "Members browse…"), an imperative ("Scan the barcode…"),
// or a thing of the product that something is done to ("Firing fees are
// worked out…").
func isCapability(text string) bool {
	if _, ok := featureClauses(text); ok {
		return true
	}
	return passiveCapability().MatchString(strings.TrimSpace(plain(text)))
}

// passiveCapability is a short subject and a passive verb the product
// performs: "Membership is confirmed when…", "the tool is hidden from the
// catalogue", "Firing fees are worked out…".
var passiveCapability = lazyRegexp(`(?i)^(?:the |each |every |all |a |an |any |their |its |your )?[\pL\pN'’ -]{2,40}? (?:is|are|gets|get) (?:automatically |then |also |immediately |only )?[\pL]+(?:ed|en|wn|ld|lt|nt|ut)\b`)

// byContent reads a section whose heading names no part, unit by unit. A
// yes/no question heading answered "No." rules out what it asks ("Will
// it take payments? No." gives the later item "Take payments"). In a
// list, the items that say nothing of themselves follow the majority of
// their siblings.
func (p *parser) byContent(s *markdown.Section) {
	blocks := s.Blocks
	if q := p.ctx.question; q != "" && len(blocks) > 0 && blocks[0].Kind == markdown.Paragraph {
		if rest, no := answeredNo(blocks[0].Text); no {
			if asked := yesNoSubject(q); asked != "" {
				p.addLater(asked, "", "")
			}
			// What follows "No." tells how it is done instead, outside the
			// product; only someone's own action in it is a feature
			// ("Fees are paid in cash, and volunteers mark the membership
			// as paid").
			for _, c := range subjectClauses(rest) {
				if _, ok := featureClauses(c); ok {
					p.addFeature(c, "")
				}
			}
			blocks = blocks[1:]
		}
	}
	for _, bl := range blocks {
		switch bl.Kind {
		case markdown.List:
			p.listByContent(bl.Items)
		case markdown.Paragraph, markdown.Quote:
			for _, t := range featureUnits(bl.Text) {
				p.fileUnit(unitKind(t), t)
			}
		case markdown.Table:
			if t, ok := newTable(bl.Rows); ok && t.column(requirementColumns()) >= 0 {
				p.featureTable(t)
			}
		}
	}
}

// listByContent files a list's items by what each says; an item that says
// nothing of itself is a feature when most of its siblings are.
func (p *parser) listByContent(items []markdown.Item) {
	kinds := make([]part, len(items))
	features := 0
	for i, it := range items {
		kinds[i] = unitKind(joinKids(it.Text, flatten(it.Children)))
		if kinds[i] == partFeatures {
			features++
		}
	}
	for i, it := range items {
		k := kinds[i]
		if k == partNone && 2*features >= len(items) {
			k = partFeatures
		}
		if k == partFeatures {
			p.addFeature(taskMarker().ReplaceAllString(it.Text, ""), strings.Join(flatten(it.Children), "; "))
			continue
		}
		p.fileUnit(k, joinKids(it.Text, flatten(it.Children)))
	}
}

// fileUnit adds one unit to the part unitKind gave it.
func (p *parser) fileUnit(k part, text string) {
	text = trimItem(text)
	if text == "" {
		return
	}
	switch k {
	case partFeatures:
		p.addFeature(text, "")
	case partLater:
		p.addLater(text, "", "")
	case partNonGoals:
		p.addNonGoals(text, lowerKeep(text))
	case partPlan:
		p.b.Plan = append(p.b.Plan, text)
	case partMetrics:
		for _, c := range metricClauses(text) {
			p.addMetric(parseMetric(c))
		}
	case partRisks:
		p.b.Risks = append(p.b.Risks, text)
	case partConstraints:
		p.addConstraint(text)
	case partQuestions:
		p.b.OpenQuestions = append(p.b.OpenQuestions, text)
	}
}

// subjectClauses cuts a paragraph into sentences, and each at ", and",
// ", but" or ";" where what follows has a subject of its own.
func subjectClauses(text string) []string {
	var out []string
	for _, s := range sentences(text) {
		start := 0
		for _, loc := range clauseSep().FindAllStringIndex(s, -1) {
			if next := s[loc[1]:]; !startsWithVerb(next) {
				if opensClause(next) {
					out = append(out, capitalize(trimItem(s[start:loc[0]])))
					start = loc[1]
				}
			}
		}
		if last := capitalize(trimItem(s[start:])); last != "" {
			out = append(out, last)
		}
	}
	return out
}

// answeredNo reports whether a paragraph opens with "No" as its answer,
// and returns what follows.
func answeredNo(text string) (string, bool) {
	m := noAnswer().FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return text, false
	}
	return m[1], true
}

var noAnswer = lazyRegexp(`(?i)^(?:\*\*|__)?(?:no|nope|not (?:yet|now|at first|in v1))(?:\*\*|__)?\s*[.,;:!—–-]\s*(.*)$`)

// yesNoSubject turns a yes/no question into what it asks for: "Will it
// take payments?" gives "Take payments"; "" when the question is not of
// that shape.
func yesNoSubject(q string) string {
	m := yesNoQuestion().FindStringSubmatch(strings.TrimSpace(plain(q)))
	if m == nil {
		return ""
	}
	return capitalize(strings.TrimSpace(m[1]))
}

var yesNoQuestion = lazyRegexp(`(?i)^(?:do|does|did|will|would|can|could|should|is|are|has|have)\s+(?:it|we|they|you|users|people|the (?:app|product|tool|system|service|site|platform)|[\pL-]+s)\s+(?:need to |have to |be able to |also )?(.+?)\s*\?$`)

// addPlan files a section's text as plan: no requirement.
func (p *parser) addPlan(blocks []markdown.Block) {
	p.b.Plan = append(p.b.Plan, blockTexts(blocks)...)
}

// addStack files a tech section's items and sentences as Stack, the plan
// among them ("The club has no budget for more than £10 a month") as Plan.
func (p *parser) addStack(blocks []markdown.Block) {
	var texts []string
	for _, bl := range blocks {
		if bl.Kind == markdown.Paragraph || bl.Kind == markdown.Quote {
			texts = append(texts, paragraphItems(bl.Text, false)...)
			continue
		}
		texts = append(texts, blockTexts([]markdown.Block{bl})...)
	}
	for _, t := range texts {
		if t = trimItem(t); t == "" {
			continue
		}
		if planUnit(t) {
			p.b.Plan = append(p.b.Plan, t)
		} else {
			p.b.Stack = append(p.b.Stack, t)
		}
	}
}

// blockTexts gives the items and paragraphs of blocks as text, a table's
// rows joined by "; ".
func blockTexts(blocks []markdown.Block) []string {
	var out []string
	for _, bl := range blocks {
		switch bl.Kind {
		case markdown.List:
			for _, it := range bl.Items {
				out = append(out, trimItem(taskMarker().ReplaceAllString(joinKids(it.Text, flatten(it.Children)), "")))
			}
		case markdown.Paragraph, markdown.Quote:
			out = append(out, trimItem(bl.Text))
		case markdown.Table:
			for _, r := range bl.Rows[min(1, len(bl.Rows)):] {
				out = append(out, strings.Join(r, "; "))
			}
		}
	}
	return out
}

// planCues and builderRoles are lexicon lists; dates, money and numbers
// of builders are patterns over them.
var (
	planCues     = newCues("plan cues")
	builderRoles = lexPhrases("builder roles")
	dateWords    = lexPhrases("dates")
	money        = lazyRegexp(`[£$€¥₹]\s?\d|\b\d[\d,.]*\s?(?:k|K|m|M)?\s?(?:GBP|USD|EUR|pounds|dollars|euros)\b`)
	staffing     = cuePattern(`(?i)\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|half a)\s+(?:[\pL-]+\s+){0,2}(?:%s)\b`, builderRoles)
	dated        = cuePattern(`\b(?:[Bb]y|[Bb]efore|[Ii]n|[Ff]rom|[Uu]ntil|[Tt]ill|[Ss]tarting|[Aa]fter|[Ff]or|[Ss]ince|[Dd]uring|[Oo]n|[Ee]arly|[Ll]ate|[Mm]id|[Tt]he)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:%s)\b|\b(?:[Bb]y|[Bb]efore|[Ii]n|[Uu]ntil)\s+20\d\d\b`, dateWords)
)

// planUnit reports whether a sentence is about building and launching the
// product rather than the product: a plan cue, a sum of money, a number
// of builders ("two developers"), or a date ("before the gates open in
// June").
func planUnit(text string) bool {
	return planCues.match(text) || money().MatchString(text) || staffing().MatchString(text) || dated().MatchString(text)
}

// cuePattern compiles format with the lexicon list's phrases, quoted and
// joined by "|", in place of its %s, on first use.
func cuePattern(format string, list func() []string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp {
		var alts []string
		for _, w := range list() {
			alts = append(alts, regexp.QuoteMeta(w))
		}
		return regexp.MustCompile(strings.Replace(format, "%s", strings.Join(alts, "|"), 1))
	})
}
