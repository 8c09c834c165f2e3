package brief

import (
	"strings"

	"github.com/prodgen/prodgen/internal/markdown"
)

// unit is one sentence (or list item) of prose and the paragraph it is in.
type unit struct {
	text string
	para int
}

// labelled is a paragraph or item that names its own part: "Users:
// nurses and doctors.", "**Out of scope:** payments."
var labelled = lazyRegexp(`^(?:\*\*|__)?([^:*_\n]{1,40}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$`)

// maxLabelHeadingWords keeps "We spend hours a day on this: …" from being
// read as a label.
const maxLabelHeadingWords = 4

// prose reads blocks that have no recognised heading, sentence by
// sentence. The first product statement (productCues) is the summary and
// the sentences before it are the problem; after it each sentence is,
// in this order of precedence, an open question (ends in "?"), a non-goal
// (nonGoalLeads, nonGoalTails), a metric (metricCues), an assumption, a
// constraint (constraintCues) or a feature (a person or the product doing
// something: featureVerbs). Without a product statement, sentences with
// problemCues are the problem. Users are the role words (roleWords) found
// anywhere. A paragraph none of whose sentences was used is kept in
// p.unused, the summary of last resort.
func (p *parser) prose(blocks []markdown.Block) {
	units, paras := p.proseUnits(blocks)
	prod := -1
	for i, u := range units {
		if p.isProductStatement(u.text) {
			prod = i
			break
		}
	}
	used := map[int]bool{}
	var problem []unit
	var roles []string
	for i, u := range units {
		roles = append(roles, roleNames(u.text)...)
		isProblem := (prod >= 0 && i < prod) || (prod < 0 && problemCues.match(u.text))
		ok := p.classify(u.text, i == prod, isProblem)
		if !ok && isProblem {
			problem = append(problem, u)
			ok = true
		}
		used[u.para] = used[u.para] || ok
	}
	p.problem = append(p.problem, joinUnits(problem)...)
	for i, text := range paras {
		if !used[i] {
			p.unused = append(p.unused, text)
		}
	}
	for _, name := range roles {
		p.addRole(name)
	}
}

// proseUnits splits blocks into sentences, list items each being one,
// and files labelled paragraphs and items straight away. It returns the
// units and the text of each paragraph by index.
func (p *parser) proseUnits(blocks []markdown.Block) ([]unit, []string) {
	var units []unit
	var paras []string
	for _, bl := range blocks {
		var texts []string
		switch bl.Kind {
		case markdown.Paragraph, markdown.Quote:
			texts = []string{bl.Text}
		case markdown.List:
			for _, it := range bl.Items {
				texts = append(texts, joinKids(it.Text, flatten(it.Children)))
			}
		}
		for _, t := range texts {
			if pt, rest := labelOf(t); pt != partNone {
				p.addParagraph(pt, rest)
				continue
			}
			for _, s := range sentences(t) {
				units = append(units, unit{text: s, para: len(paras)})
			}
			paras = append(paras, t)
		}
	}
	return units, paras
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
	if t := strings.ToLower(p.b.Title); t != "" {
		l := strings.ToLower(s)
		for _, v := range []string{" is a ", " is an ", " lets ", " helps ", " will "} {
			if strings.HasPrefix(l, t+v) {
				return true
			}
		}
	}
	return false
}

// classify files one sentence and reports whether it was used. Problem
// sentences are only filed as questions or non-goals.
func (p *parser) classify(s string, product, problem bool) bool {
	lower := lowerKeep(s)
	switch {
	case product:
		if p.b.Summary == "" {
			p.b.Summary = asSentence(s)
		}
	case strings.HasSuffix(strings.TrimRight(s, `"')*_`), "?"):
		p.b.OpenQuestions = append(p.b.OpenQuestions, trimItem(s))
	case p.addNonGoals(s, lower):
		// Filed by the call itself: a non-goal may yield several items.
	case problem:
		return false
	case metricCues.match(s):
		for _, c := range metricClauses(s) {
			p.addMetric(parseMetric(c))
		}
	case assumptionCue().MatchString(s):
		p.b.Risks = append(p.b.Risks, trimItem(s))
	case constraintCues.match(s):
		p.b.Constraints = append(p.b.Constraints, trimItem(s))
	default:
		fs, ok := featureClauses(s)
		for _, f := range fs {
			p.addFeature(f, "")
		}
		return ok
	}
	return true
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
