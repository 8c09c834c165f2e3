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
It also reads what a reviewer would: garbled sentences, criteria that only
restate their action, NFRs with no number, stories too big to deliver,
requirements said twice and later items in the first release.

FILE defaults to docs/prd.md, docs/stories.md and docs/tech.md, skipping any
that does not exist. A FILE's kind is told by its title ("# User stories: …").
Traces are checked against the project's other documents where they exist.
A PRD that cites the project's brief is held against it: each item must cite
lines that say what it says, a feature or constraint of the brief that no item
cites is reported on the brief's line, and a requirement must not come from
the brief's plan for building the product (team, budget, timeline).

Findings go to stdout, one a line as "file:line: rule: message" (or JSON,
GitHub Actions annotations with --format github, or a SARIF 2.1.0 log for code
scanning with --format sarif); the summary goes to stderr.
The exit status is 1 when a finding is an error, or a warning with --strict.

Rules:
`)
	for _, r := range Rules {
		fmt.Fprintf(&b, "  %-27s %-8s %s\n", r.ID, r.Severity, r.What)
	}
	return strings.TrimRight(b.String(), "\n")
}

// ruleHelp says, for each rule, why a finding matters and how to mend it:
// the help code scanning shows beside a result (SARIF), after the rule's
// one-line description.
var ruleHelp = map[string]string{
	"required-section":    "prodgen's readers and the next stage need the section: add it under its usual heading.",
	"recommended-section": "A reviewer expects the section; if its content is not known yet, ask for it in the open questions instead.",
	"empty-section":       "Fill the section in, or remove its heading.",
	"id-format":           "Write the ID in bold, in its kind's form (FR-001, US-001, AC-001.1), numbered under its own story.",
	"id-missing":          "Start the item or the story heading with an ID in bold, e.g. **FR-001**.",
	"id-duplicate":        "Give the second item the next free ID; traces to the old one may need updating.",
	"fr-uncovered":        "Add a story that traces to the requirement (Traces: FR-001), or drop the requirement.",
	"trace-dangling":      "Trace to an ID the other document has, or add the missing item there.",
	"nfr-unknown":         "Carry over only the PRD's NFRs, by their PRD IDs.",
	"trace-missing":       `Add a line "Traces: FR-001" to the story, or the stories a task or endpoint delivers.`,
	"story-no-criteria":   "Add at least one criterion: Given <context>, when <action>, then <outcome>.",
	"criterion-form":      "Write the criterion as Given <context>, when <action>, then <outcome>.",
	"vague-word":          "Replace the word with what a tester can check: a number, a limit, a list.",
	"unparsed":            `Write the sentence as "As a <role>, I want <capability>, so that <benefit>."`,
	"dropped":             "Move the text where prodgen reads it, or remove it: export, render and generate leave it out.",
	"source-range":        "Cite the brief lines the item comes from; the brief may have changed since the PRD was written.",
	"source-missing":      "Add where the brief says it, as (brief.md:12), or move the item to the open questions.",
	"brief-dropped":       "Add a PRD item citing the brief line, or cite it from the item that covers it.",
	"not-a-requirement":   "Move staffing, budget and timeline out of the requirements: they are the plan, not the product.",
	"garbled-sentence": "Markup left open, raw HTML, a doubled word, a modal before a non-verb, an article before nothing, " +
		"two spaces or an item that stops mid-phrase: a reader stops at it, and a model fed the document copies it. " +
		"Rewrite the sentence as the message says. The detector has no dictionary: a finding on good prose is a false positive to report.",
	"criterion-tautology": `A Then that only restates its When ("when they create a team, then the team is created") cannot fail, so it tests nothing. ` +
		"State what a tester can check: what is stored, sent or shown, and to whom; or what must not happen.",
	"needs-clarification": "The brief names the action but no outcome a tester can check, so prodgen marks the criterion " +
		`[NEEDS CLARIFICATION] rather than restate the action. Ask the brief's author what a person sees, gets or can do afterwards, and write it as the Then.`,
	"criterion-unrelated-nfr": `"Then the system meets NFR-004" under a story that shares no word with NFR-004 came with a template, not with the story. ` +
		"Drop it, or say in the story's own words what the NFR asks of it.",
	"nfr-unmeasurable": `"Fast", "reliable", "scalable" or "highly available" with no number cannot pass or fail a test. ` +
		`Give a target and its unit: "within 200 ms at the 95th percentile", "99.9% a month", "10,000 concurrent users".`,
	"actor-not-persona": "A story is someone's: its role is one of the PRD's personas (by name, plural, head noun or -ise/-ize spelling), " +
		"or \"user\" when the PRD names none. Use one of them, or add the persona to the PRD with what the brief says of them.",
	"story-too-big": "INVEST: a story small enough to estimate and deliver wants one capability. " +
		`Split "create a team and invite members" into one story per verb and object, and a story with more than 8 criteria into smaller ones.`,
	"duplicate-requirement": "Two requirements made of nearly the same words are one requirement said twice: merge them, or say how they differ.",
	"later-in-mvp": `A requirement or in-scope item marked "phase 2", "post-v1", "v2", "later", "future release", "nice to have" or "could have" ` +
		"contradicts the first release's scope: a team builds it, or argues about it. Move it to Out of scope, or drop the marker. " +
		"It is an error because the document says two things about what ships.",
	"task-cycle": "A task waits for the tasks it depends on, so tasks in a cycle wait for each other for ever and no wave holds them. " +
		`Drop the dependency that closes the cycle from a task's "Depends on:" line.`,
	"task-dangling-dependency": `Depend on a task the spec has, by its ID, or drop the ID from the "Depends on:" line.`,
	"story-without-endpoint": "Add the route the story's work goes through to the API table, naming the story in its Stories column; " +
		"work the product does on its own (a reminder, an alert) belongs to a component of kind job that serves the story's FR.",
	"story-without-task":          "Add a task that delivers the story, ending its line with the story's ID, e.g. (US-001); a setup task delivers none.",
	"relationship-unknown-entity": `Relate the entity to one under "Data model" by its heading, or add the missing entity there.`,
	"endpoint-unknown-entity":     `Name an entity the data model has in the API table's Entity column, or add the entity under "Data model".`,
	"task-unknown-name":           "Name components, entities and endpoints as the spec does (an endpoint as `METHOD /path`), or add what is missing.",
	"open-questions":              "Open questions are counted in the summary; answer them to close them.",
}

// HelpText is the rule's help: its description, and why a finding
// matters and how to mend it.
func (r Rule) HelpText() string {
	if h := ruleHelp[r.ID]; h != "" {
		return r.What + ". " + h
	}
	return r.What + "."
}
