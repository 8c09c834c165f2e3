package offline

import (
	"fmt"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
)

// prdQuestions lists the brief's own questions, then one per part the
// brief leaves out, then one per metric without a target.
func prdQuestions(b *brief.Brief, p *artifact.PRD) []artifact.Question {
	var texts []string
	for _, q := range nonEmpty(b.OpenQuestions) {
		texts = append(texts, sentence(q))
	}
	t := p.Title
	if clean(b.Title) == "" {
		texts = append(texts, "What is the product called?")
		t = "the product"
	}
	if p.Summary == "" {
		texts = append(texts, fmt.Sprintf("How would you describe %s in one or two sentences?", t))
	}
	for _, part := range missingParts(b) {
		texts = append(texts, partQuestion(part, t))
	}
	for _, m := range p.Metrics {
		if m.Target == "" {
			texts = append(texts, fmt.Sprintf("What is the target for this metric: %s?", bare(m.Name)))
		}
	}
	for _, fr := range p.Functional {
		if np, ok := bareView(fr.Text); ok {
			texts = append(texts, fmt.Sprintf("%s names %s, but not what it shows: what must it list, for whom?", fr.ID, np))
			continue
		}
		if np, ok := bareCapability(fr.Text); ok {
			it := "it"
			if isPlural(nounHead(tokenize(np))) {
				it = "they"
			}
			texts = append(texts, fmt.Sprintf("%s names %s, but the brief says nothing a tester can check: what must %s do, and for whom?", fr.ID, np, it))
		}
	}
	out := make([]artifact.Question, len(texts))
	for i, q := range texts {
		out[i] = artifact.Question{ID: artifact.QuestionID(i + 1), Text: q}
	}
	return out
}

// bareCapability reports whether a requirement only names a thing to
// provide or support ("The system must support refunds."), with no
// detail, note or second sentence: nothing to test it by. It returns the
// thing.
func bareCapability(text string) (string, bool) {
	_, text = cutFiledFor(strings.TrimSpace(text))
	body, ok := strings.CutSuffix(text, ".")
	if !ok || strings.ContainsAny(body, ".:;(") {
		return "", false
	}
	for _, lead := range []string{"The system must provide ", "The system must support "} {
		if np, ok := strings.CutPrefix(body, lead); ok {
			parts := nounParts(np)
			if len(parts.detail) == 0 && parts.link == "" && len(parts.short) > 0 && len(parts.short) <= 4 {
				return theForm(parts.short), true
			}
			if parts.link == "and" && len(parts.short)+len(parts.detail) <= 4 && len(parts.detail) > 0 && lookupVerb(parts.detail[0].lw()) == nil {
				return np, true // "refunds and disputes"
			}
		}
	}
	return "", false
}

// bareView reports whether a requirement lets someone see a thing the
// brief says nothing of ("The system must let a singer see the rehearsal
// schedule."): what it shows is to be asked. It returns the thing.
func bareView(text string) (string, bool) {
	body, ok := strings.CutSuffix(strings.TrimSpace(text), ".")
	if !ok || strings.ContainsAny(body, ".:;(,") {
		return "", false
	}
	rest, ok := strings.CutPrefix(body, "The system must let ")
	if !ok {
		return "", false
	}
	ts := tokenize(rest)
	for i, t := range ts {
		if !viewVerbs[t.lw()] || i == 0 || i+1 >= len(ts) {
			continue
		}
		obj := ts[i+1:]
		if len(headPhrase(obj)) == len(obj) && len(obj) <= 5 && determiners[obj[0].lw()] && uiOrRead(nounHead(obj)) {
			return theForm(obj), true
		}
		return "", false
	}
	return "", false
}

// uiOrRead reports whether a noun names something people read: a screen,
// a list, a report, a schedule.
func uiOrRead(head string) bool {
	h := strings.ToLower(singular(head))
	return uiNouns[h] || readOnlyNouns[h]
}

// missingParts names the parts the brief lacks: those it reports missing
// and those that came out empty, in the order of the brief package's list.
func missingParts(b *brief.Brief) []string {
	empty := map[string]bool{
		brief.PartProblem: clean(b.Problem) == "", brief.PartUsers: len(b.Users) == 0,
		brief.PartGoals: len(nonEmpty(b.Goals)) == 0, brief.PartFeatures: len(b.Features) == 0,
		brief.PartNonGoals: len(nonEmpty(b.NonGoals)) == 0 && len(b.Later) == 0, brief.PartConstraints: len(nonEmpty(b.Constraints)) == 0 && len(nonEmpty(b.Stack)) == 0,
		brief.PartMetrics: len(b.Metrics) == 0,
	}
	var out []string
	for _, part := range []string{brief.PartProblem, brief.PartUsers, brief.PartGoals, brief.PartFeatures,
		brief.PartNonGoals, brief.PartConstraints, brief.PartMetrics} {
		if empty[part] {
			out = append(out, part)
		}
	}
	for _, part := range b.Missing {
		if _, known := empty[part]; !known && strings.TrimSpace(part) != "" {
			out = append(out, part)
		}
	}
	return out
}

// partQuestion asks for one missing part of a brief.
func partQuestion(part, title string) string {
	switch part {
	case brief.PartProblem:
		return fmt.Sprintf("What problem does %s solve, and for whom?", title)
	case brief.PartUsers:
		return fmt.Sprintf("Who will use %s, and what does each kind of user need from it?", title)
	case brief.PartGoals:
		return fmt.Sprintf("What goals should the first release of %s reach?", title)
	case brief.PartFeatures:
		return fmt.Sprintf("Which capabilities must the first release of %s include?", title)
	case brief.PartNonGoals:
		return "What is explicitly out of scope for the first release?"
	case brief.PartConstraints:
		return "Which constraints apply: compliance, performance, platforms, budget or deadlines?"
	case brief.PartMetrics:
		return fmt.Sprintf("How will we measure whether %s succeeds?", title)
	}
	return fmt.Sprintf("The brief does not cover its %s; what should it say?", clean(part))
}
