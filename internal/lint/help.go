package lint

import (
	"fmt"
	"strings"
)

// Help is the help of "prodgen lint", with the rule table generated from
// Rules, so that the two cannot drift apart.
func Help() string {
	var b strings.Builder
	b.WriteString(`Check the project's documents without calling a model: required sections,
well-formed and unique IDs, traces between the documents, acceptance criteria
in Given/When/Then form, vague words, and hand-edited text prodgen cannot
read (rules unparsed and dropped), which other commands would go without.

FILE defaults to docs/prd.md, docs/stories.md and docs/tech.md, skipping any
that does not exist. A FILE's kind is told by its title ("# User stories: …").
Traces are checked against the project's other documents where they exist.
A PRD that cites the project's brief is held against it: each item must cite
lines that say what it says, a feature or constraint of the brief that no item
cites is reported on the brief's line, and a requirement must not come from
the brief's plan for building the product (team, budget, timeline).

Findings go to stdout, one a line as "file:line: rule: message" (or JSON, or
GitHub Actions annotations with --format github); the summary goes to stderr.
The exit status is 1 when a finding is an error, or a warning with --strict.

Rules:
`)
	for _, r := range Rules {
		fmt.Fprintf(&b, "  %-23s %-8s %s\n", r.ID, r.Severity, r.What)
	}
	return strings.TrimRight(b.String(), "\n")
}
