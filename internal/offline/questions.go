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
	out := make([]artifact.Question, len(texts))
	for i, q := range texts {
		out[i] = artifact.Question{ID: artifact.QuestionID(i + 1), Text: q}
	}
	return out
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
