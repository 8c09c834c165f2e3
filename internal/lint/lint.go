// Package lint checks prodgen's documents (the PRD, the user stories and
// the technical requirements) without a model: required sections, IDs
// that are well-formed and unique, trace links between the documents,
// acceptance criteria in Given/When/Then form, vague words, text
// prodgen's readers cannot read, and what a PRD cites of its brief: lines
// that no longer say what the item says, items that cite nothing, features
// and constraints of the brief that no item cites, and requirements made
// of the brief's plan for building the product; and what a reviewer would
// catch (review.go): garbled sentences, criteria that restate their action
// or name an unrelated NFR, NFRs with no number, stories too big, requirements
// said twice and later items in the first release; and a tech spec's
// model (graph.go): its task graph, and the names its parts give each
// other. Each check has a stable
// rule ID and a severity, listed in Rules; every finding names the file
// and the 1-based line of the item or heading it is about.
//
// The checks read the markdown outline, not the artifact types: a document
// the pipeline refuses at its first problem (a malformed ID, a story
// heading without one) still gets every finding, each on its own line.
// What the artifact package's readers cannot read (artifact.UnparsedPRD
// and the others, which read past such problems) is a finding too, so
// that nothing prodgen leaves out of a document goes without a word.
package lint

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/prodgen/prodgen/internal/plural"
)

// Severity says what a finding means for a run: errors fail it, warnings
// fail it only when the caller is strict, info never does.
type Severity string

// The severities, as they appear in every output format.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rule is one check.
type Rule struct {
	// ID names the rule in findings; it is stable, as CI configurations
	// and scripts match on it.
	ID       string
	Severity Severity
	// What says in one line what the rule finds, for help text.
	What string
}

// Rules lists every rule, in the order help shows them.
var Rules = []Rule{
	{"required-section", Error, "missing title, FRs, stories, or tech Data model, API, Tasks"},
	{"recommended-section", Warning, "PRD without Goals, Users, NFRs or Success metrics, unless an open question asks"},
	{"empty-section", Error, "a heading with nothing under it"},
	{"id-format", Error, "an ID malformed for its kind, not in bold, or under another story"},
	{"id-missing", Error, "an item or a story heading without an ID"},
	{"id-duplicate", Error, "an ID used twice in one document"},
	{"fr-uncovered", Error, "a functional requirement no story traces to"},
	{"trace-dangling", Error, "a trace to an FR or a story that does not exist"},
	{"nfr-unknown", Error, "a tech quality requirement carrying over an NFR the PRD does not have"},
	{"trace-missing", Warning, "a story, task or endpoint that traces to nothing"},
	{"story-no-criteria", Error, "a story without a Given/When/Then acceptance criterion"},
	{"criterion-form", Warning, "an acceptance criterion not in Given/When/Then form"},
	{"vague-word", Warning, `"fast", "easy", "etc.", "TBD", "should"... in requirements and stories`},
	{"unparsed", Warning, `a story sentence not in "As a …, I want …" form: kept as written, but unread`},
	{"dropped", Error, "text prodgen does not read, which export, render and generate leave out"},
	{"source-range", Warning, "a PRD item citing brief lines past its end, or lines that share no word with it"},
	{"source-missing", Warning, "a PRD goal, persona, requirement, metric or out-of-scope item citing no brief line"},
	{"brief-dropped", Warning, "a feature or constraint of the brief that no PRD item cites: a requirement dropped?"},
	{"not-a-requirement", Error, "an FR or NFR citing only the brief's plan (team, budget, timeline), not the product"},
	{"garbled-sentence", Warning, "an item that reads garbled: open markup, HTML, a doubled or missing word, a cut-off end"},
	{"criterion-tautology", Warning, "an acceptance criterion whose Then restates its When, so it cannot fail"},
	{"needs-clarification", Info, "an acceptance criterion marked [NEEDS CLARIFICATION]: the brief states no outcome to test"},
	{"criterion-unrelated-nfr", Warning, "a criterion naming an NFR that shares no word with its story"},
	{"nfr-unmeasurable", Warning, `an NFR about speed, reliability or capacity ("fast", "reliable") with no number and unit`},
	{"actor-not-persona", Warning, "a story whose role is none of the PRD's personas"},
	{"story-too-big", Warning, "a story whose want holds more than one capability, or with more than 8 criteria"},
	{"duplicate-requirement", Warning, "two FRs (or two NFRs) made of (nearly) the same words"},
	{"later-in-mvp", Error, `an FR or in-scope item marked for later ("phase 2", "v2", "nice to have")`},
	{"task-cycle", Error, "tasks that depend on each other in a cycle, so no order can do them"},
	{"task-dangling-dependency", Error, "a task depending on a task the spec does not have"},
	{"story-without-task", Warning, "a story no task of the tech spec delivers"},
	{"story-without-endpoint", Info, "a story that no endpoint of the API serves and no job does"},
	{"relationship-unknown-entity", Error, "an entity related to an entity the data model does not have"},
	{"endpoint-unknown-entity", Error, "an endpoint acting on an entity the data model does not have"},
	{"task-unknown-name", Error, "a task naming a component, entity or endpoint the tech spec does not have"},
	{"open-questions", Info, "open questions, counted in the summary; never a finding"},
}

// severities maps each rule ID to its severity.
var severities = func() map[string]Severity {
	m := make(map[string]Severity, len(Rules))
	for _, r := range Rules {
		m[r.ID] = r.Severity
	}
	return m
}()

// Finding is one problem in one document.
type Finding struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// File is a document that was linted.
type File struct {
	Path          string `json:"file"`
	Kind          Kind   `json:"kind"`
	OpenQuestions int    `json:"open_questions"`
}

// Report is the outcome of a run.
type Report struct {
	// Version is the version of prodgen that linted, for the formats that
	// name the tool (SARIF); it may be empty.
	Version string
	Files   []File
	// Findings are sorted by file, line and rule.
	Findings []Finding
}

// Summary counts a report's findings by severity, and its open questions.
type Summary struct {
	Errors        int `json:"errors"`
	Warnings      int `json:"warnings"`
	OpenQuestions int `json:"open_questions"`
}

// Summary counts the report's errors, warnings and open questions.
func (r *Report) Summary() Summary {
	var s Summary
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		}
	}
	for _, f := range r.Files {
		s.OpenQuestions += f.OpenQuestions
	}
	return s
}

// SummaryLine says "3 errors, 2 warnings, 4 open questions in 3 files".
func (r *Report) SummaryLine() string {
	s := r.Summary()
	return fmt.Sprintf("%s, %s, %s in %s", plural.Count(s.Errors, "error"), plural.Count(s.Warnings, "warning"),
		plural.Count(s.OpenQuestions, "open question"), plural.Count(len(r.Files), "file"))
}

// Run lints docs. context holds other documents of the project, read only
// for the cross-document rules: a rule that needs a kind of document (the
// PRD for a story's traces, the stories for FR coverage and for a task's
// traces, the brief for what the PRD cites of it) takes the first one of
// that kind in docs, else in context, and is skipped when there is none.
// Findings are about docs, but for brief-dropped's: a feature or
// constraint a PRD of docs leaves out is reported on the brief's line.
func Run(docs, context []*Doc) *Report {
	l := &linter{}
	var linted, known []*analysis
	for _, d := range docs {
		linted = append(linted, analyse(d, l))
	}
	for _, d := range context {
		known = append(known, analyse(d, &linter{}))
	}
	find := func(k Kind) *analysis {
		for _, list := range [][]*analysis{linted, known} {
			if i := slices.IndexFunc(list, func(a *analysis) bool { return a.doc.Kind == k }); i >= 0 {
				return list[i]
			}
		}
		return nil
	}
	rep := &Report{Findings: []Finding{}}
	for _, a := range linted {
		switch a.doc.Kind {
		case PRD:
			if stories := find(Stories); stories != nil {
				l.uncovered(a, stories)
			}
			if brief := find(Brief); brief != nil {
				l.sources(a, brief)
			}
		case Stories:
			if prd := find(PRD); prd != nil {
				l.danglingFRs(a, prd)
				l.unrelatedNFRs(a, prd)
				l.actors(a, prd)
			}
		case Tech:
			if stories := find(Stories); stories != nil {
				l.danglingStories(a, stories)
				l.storiesWithoutTask(a, stories)
				l.storiesWithoutEndpoint(a, stories)
			}
			if prd := find(PRD); prd != nil {
				l.unknownNFRs(a, prd)
			}
		}
		rep.Files = append(rep.Files, File{Path: a.doc.Path, Kind: a.doc.Kind, OpenQuestions: a.questions})
	}
	// A stable sort keeps the order in which one line's findings of one
	// rule were found: the order of the words in the line.
	rep.Findings = append(rep.Findings, l.findings...)
	slices.SortStableFunc(rep.Findings, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Rule, b.Rule))
	})
	return rep
}

// linter collects findings.
type linter struct {
	findings []Finding
}

// add records a finding of rule on a line of d. The rule must be in Rules.
func (l *linter) add(d *Doc, line int, rule, format string, args ...any) {
	sev, ok := severities[rule]
	if !ok {
		panic("lint: unknown rule " + rule)
	}
	l.findings = append(l.findings, Finding{File: d.Path, Line: line, Rule: rule, Severity: sev, Message: fmt.Sprintf(format, args...)})
}
