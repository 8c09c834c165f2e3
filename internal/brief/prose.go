package brief

import (
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// unit is one sentence (or list item) of prose, the paragraph it is in,
// and, for a list item, its list (0 for a paragraph).
type unit struct {
	text string
	para int
	list int
	// lines are the brief lines of the unit's paragraph or list, where
	// locate looks for what is read from it first.
	lines Span
}

// labelled is a paragraph or item that names its own part: "Users:
// nurses and doctors.", "**Out of scope:** payments."
var labelled = lazyRegexp(`^(?:\*\*|__)?([^:*_\n]{1,40}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$`)

// maxLabelHeadingWords keeps "We spend hours a day on this: …" from being
// read as a label.
const maxLabelHeadingWords = 4

// prose reads blocks that have no recognised heading, sentence by
// sentence. The first product statement (productCues, or the product's
// name introducing it) is the summary, and the sentences before it are
// the problem; a statement that goes on after a colon ("Tally is a
// shared grocery list: members add items…; the shopper ticks them…") gives its
// clauses as sentences of their own. A paragraph that opens on today's
// situation ("Today members write…") is the problem too. Every other
// sentence is read by unitKind; an item of a list that says nothing of
// itself follows the majority of its list. Without a product statement,
// sentences with problemCues are the problem. Users are the role words
// (roleWords) found anywhere. A paragraph none of whose sentences was used
// is kept in p.unused, the summary of last resort.
func (p *parser) prose(blocks []markdown.Block) {
	units, paras := p.proseUnits(blocks)
	prod := p.productUnit(units, paras)
	if prod >= 0 {
		units = splitStatement(units, prod)
	}
	today := map[int]bool{}
	for i, u := range units {
		if (i == 0 || units[i-1].para != u.para) && u.list == 0 && anyPrefix(lowerKeep(u.text), situationOpenings()) {
			today[u.para] = true
		}
	}
	kinds := make([]part, len(units))
	for i, u := range units {
		switch {
		case i == prod:
			kinds[i] = partSummary
		case strings.HasSuffix(strings.TrimRight(u.text, `"')*_`), "?"):
			kinds[i] = partQuestions
		case isNonGoal(lowerKeep(u.text)):
			kinds[i] = partNonGoals
		case prod >= 0 && i < prod, today[u.para], prod < 0 && problemCues.match(u.text):
			kinds[i] = partProblem
		default:
			kinds[i] = unitKind(u.text)
		}
	}
	followLists(units, kinds)
	used := map[int]bool{}
	var problem []unit
	var roles []string
	for i, u := range units {
		if kinds[i] != partPlan {
			// The builders a plan names ("one developer from IT") are no
			// users.
			roles = append(roles, roleNames(u.text)...)
		}
		switch kinds[i] {
		case partSummary:
			if p.b.Summary == "" {
				p.b.Summary = asSentence(u.text)
			}
		case partProblem:
			problem = append(problem, u)
		case partNone:
			continue
		default:
			before := countItems(p.b)
			p.proseUnit(kinds[i], u.text)
			p.hints.inSection(p.b, before, u.lines)
		}
		used[u.para] = true
	}
	p.problem = append(p.problem, joinUnits(problem)...)
	for i, text := range paras {
		if !used[i] {
			p.unused = append(p.unused, text)
		}
	}
	for _, name := range append(roles, p.actors...) {
		p.addRole(name)
	}
}

// productUnit finds the product statement: the first sentence matching
// productCues or introducing the product by its name, or a tagline right
// under the title that says what the product does ("Reminds office plant
// keepers when each plant needs water"); -1 when there is none.
func (p *parser) productUnit(units []unit, paras []string) int {
	for i, u := range units {
		if p.isProductStatement(u.text) {
			return i
		}
	}
	if len(units) > 0 && units[0].list == 0 && len(sentences(paras[units[0].para])) == 1 {
		if first := strings.Fields(units[0].text); len(first) > 0 && strings.HasSuffix(normWord(first[0]), "s") && isVerb(normWord(first[0])) {
			return 0
		}
	}
	return -1
}

// splitStatement cuts the product statement at a colon that is followed by
// capabilities ("Tally is a shared grocery list: members add
// items…; the shopper ticks them…"), making each clause after it a unit of its
// own.
func splitStatement(units []unit, prod int) []unit {
	u := units[prod]
	i := topLevelColon(u.text)
	if i < 0 {
		return units
	}
	var rest []unit
	for _, c := range splitOn(strings.TrimPrefix(strings.TrimSpace(u.text[i+1:]), "and "), ";") {
		c = strings.TrimPrefix(strings.TrimSpace(c), "and ")
		rest = append(rest, unit{text: capitalize(trimItem(c)), para: u.para, list: u.list, lines: u.lines})
	}
	capable := false
	for _, r := range rest {
		capable = capable || isCapability(r.text)
	}
	if !capable {
		return units
	}
	out := append([]unit(nil), units[:prod]...)
	out = append(out, unit{text: strings.TrimSpace(u.text[:i]) + ".", para: u.para, list: u.list, lines: u.lines})
	out = append(out, rest...)
	return append(out, units[prod+1:]...)
}

// topLevelColon is the offset of the first colon outside brackets, or -1.
func topLevelColon(s string) int {
	depth := 0
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ':':
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// situationOpenings open a paragraph about how things are today.
var situationOpenings = lexPhrases("situation openings")

// followLists makes each item of a list that says nothing of itself a
// feature when most of its list's items are features.
func followLists(units []unit, kinds []part) {
	total, features := map[int]int{}, map[int]int{}
	for i, u := range units {
		if u.list > 0 {
			total[u.list]++
			if kinds[i] == partFeatures {
				features[u.list]++
			}
		}
	}
	for i, u := range units {
		if u.list > 0 && kinds[i] == partNone && 2*features[u.list] >= total[u.list] {
			kinds[i] = partFeatures
		}
	}
}

// proseUnit files one unit of prose. A feature is split into its verb
// phrases ("They pick X, record Y, attach photos" gives three); a
// sentence that mixes the plan with something else ("It has to work
// offline, and we need it before June") is filed clause by clause.
func (p *parser) proseUnit(k part, text string) {
	switch k {
	case partFeatures:
		if fs, ok := featureClauses(text); ok {
			for _, f := range fs {
				p.addFeature(f, "")
			}
			// Whoever does something in a feature is a user of it.
			for _, c := range subjectClauses(text) {
				if who := featureSubject(c); who != "" {
					p.actors = append(p.actors, stripDeterminer(who))
				}
			}
			return
		}
	case partPlan:
		if cs := splitClauses(text); len(cs) > 1 {
			for _, c := range cs {
				ck := unitKind(c)
				if ck == partNone && !planUnit(c) {
					ck = partConstraints
				}
				p.proseUnit(ck, capitalize(trimItem(c)))
			}
			return
		}
	case partNonGoals, partLater, partConstraints:
		// "Rent payments are out of scope, and a native app can come
		// later": each clause is what it says.
		if cs := splitClauses(text); len(cs) > 1 && mixedKinds(cs, k) {
			for _, c := range cs {
				ck := unitKind(c)
				if ck == partNone {
					ck = k
				}
				p.fileUnit(ck, capitalize(trimItem(c)))
			}
			return
		}
	}
	p.fileUnit(k, text)
}

// mixedKinds reports whether some clause says something other than k.
func mixedKinds(clauses []string, k part) bool {
	for _, c := range clauses {
		if ck := unitKind(c); ck != partNone && ck != k {
			return true
		}
	}
	return false
}

// stripDeterminer drops a leading article or possessive from a noun
// phrase: "the info-tent team" gives "info-tent team".
func stripDeterminer(np string) string {
	w := strings.Fields(np)
	if len(w) > 1 && determiners()[strings.ToLower(w[0])] {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// proseUnits splits blocks into sentences, list items each being one,
// and files labelled paragraphs and items straight away. It returns the
// units and the text of each paragraph by index.
func (p *parser) proseUnits(blocks []markdown.Block) ([]unit, []string) {
	var units []unit
	var paras []string
	for bi, bl := range blocks {
		var texts []string
		list := 0
		switch bl.Kind {
		case markdown.Paragraph, markdown.Quote:
			texts = []string{bl.Text}
		case markdown.List:
			list = bi + 1
			for _, it := range bl.Items {
				texts = append(texts, joinKids(it.Text, flatten(it.Children)))
			}
		}
		for _, t := range texts {
			if pt, rest := labelOf(t); pt != partNone {
				p.addParagraph(pt, rest)
				continue
			}
			lines := blockLines(bl)
			if list > 0 {
				units = append(units, unit{text: taskMarker().ReplaceAllString(t, ""), para: len(paras), list: list, lines: lines})
			} else {
				for _, s := range sentences(t) {
					units = append(units, unit{text: s, para: len(paras), lines: lines})
				}
			}
			paras = append(paras, t)
		}
	}
	return units, paras
}

// blockLines are the lines a paragraph or list of the brief spans, as far
// as its text tells: its first line and as many more as its line breaks.
func blockLines(bl markdown.Block) Span {
	n := strings.Count(bl.Text, "\n")
	for _, it := range bl.Items {
		n += 1 + strings.Count(it.Text, "\n") + len(flatten(it.Children))
	}
	return Span{Start: bl.Line, End: bl.Line + n}
}

func labelOf(text string) (part, string) {
	m := labelled().FindStringSubmatch(strings.TrimSpace(text))
	if m == nil || wordCount(m[1]) > maxLabelHeadingWords {
		return partNone, ""
	}
	return classifyHeading(m[1]), m[2]
}

func (p *parser) isProductStatement(s string) bool {
	for _, re := range productCues {
		if re().MatchString(s) {
			return true
		}
	}
	if t := p.b.Title; t != "" {
		if m := introducesName().FindStringSubmatch(plain(s)); m != nil && strings.EqualFold(m[1], t) {
			return true
		}
	}
	return false
}

// addNonGoals files the things a sentence says will not be done and
// reports whether it said any.
func (p *parser) addNonGoals(s, lower string) bool {
	for _, cue := range nonGoalLeads() {
		if i := wordIndex(lower, cue); i >= 0 {
			rest := trimItem(s[i+len(cue):])
			if rest == "" {
				continue
			}
			for _, ph := range verbPhrases(rest) {
				p.b.NonGoals = append(p.b.NonGoals, capitalize(trimItem(ph)))
			}
			return true
		}
	}
	for _, cue := range nonGoalTails() {
		if i := wordIndex(lower, cue); i > 0 {
			p.b.NonGoals = append(p.b.NonGoals, capitalize(trimItem(s[:i])))
			return true
		}
	}
	return false
}

// metricClauses removes a metric sentence's lead-in and splits it into
// one clause per metric: "If it works, A should drop …, and no B …".
func metricClauses(s string) []string {
	s = trimItem(s)
	if loc := metricLeadIn().FindStringIndex(s); loc != nil && loc[1] < len(s) {
		s = s[loc[1]:]
	}
	var out []string
	for _, a := range splitOn(s, ";") {
		out = append(out, splitOn(a, ", and ")...)
	}
	return out
}

// joinUnits joins consecutive problem sentences back into paragraphs.
func joinUnits(us []unit) []string {
	var out []string
	for i, u := range us {
		if i > 0 && us[i-1].para == u.para {
			out[len(out)-1] += " " + u.text
			continue
		}
		out = append(out, u.text)
	}
	return out
}
