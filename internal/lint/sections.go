package lint

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/markdown"
)

// need says how much a document needs a section.
type need int

const (
	optional    need = iota
	recommended      // missing: recommended-section, a warning
	required         // missing: required-section, an error
)

// sectionRule describes a section of a document: the headings that name
// it, whether the document needs it, and what its list items carry.
type sectionRule struct {
	name string   // as the renderer writes the heading
	keys []string // headings that count as it, as key() gives them
	need need
	// ids is the kind of ID each list item leads with; 0 for none.
	ids artifact.Kind
	// requirement marks items as requirements, checked for vague words
	// and for "should".
	requirement bool
	// asks are the words, in lower case, of an open question that asks
	// for what a missing recommended section would hold.
	asks []string
}

// sectionRules are the sections of a PRD and of a tech spec that lint
// checks, with the headings the artifact package reads them under. A
// missing Open questions section is not a finding: the renderer leaves it
// out when nothing is open, which is where a document should get to.
//
// A missing recommended section is not a finding either when an open
// question asks for it: a brief that states no goals gets a PRD without
// them and the question "What goals should the first release reach?",
// which is the honest document, and is counted with the open questions.
var sectionRules = map[Kind][]sectionRule{
	PRD: {
		{name: "Goals", keys: []string{"goals"}, need: recommended, ids: artifact.KindGoal,
			asks: []string{"goal", "goals"}},
		{name: "Users", keys: []string{"users", "personas", "target users"}, need: recommended,
			asks: []string{"user", "users", "persona", "personas"}},
		{name: "Functional requirements", keys: []string{"functional requirements"}, need: required, ids: artifact.KindFunctional, requirement: true},
		{name: "Non-functional requirements", keys: []string{"non-functional requirements", "nonfunctional requirements", "non functional requirements"}, need: recommended, ids: artifact.KindNonFunctional, requirement: true,
			asks: []string{"non-functional", "nonfunctional", "constraint", "constraints"}},
		{name: "User journeys", keys: []string{"user journeys", "journeys"}},
		{name: "Dependencies", keys: []string{"dependencies"}},
		{name: "Success metrics", keys: []string{"success metrics", "metrics"}, need: recommended,
			asks: []string{"metric", "metrics", "measure"}},
		{name: "Risks", keys: []string{"risks"}},
		{name: "Open questions", keys: []string{"open questions", "questions"}, ids: artifact.KindQuestion},
	},
	Tech: {
		{name: "Data model", keys: []string{"data model", "entities"}, need: required},
		{name: "API", keys: []string{"api", "http api", "endpoints"}, need: required},
		{name: "Quality requirements", keys: []string{"quality requirements", "quality", "non-functional requirements"}, ids: artifact.KindNonFunctional, requirement: true},
		{name: "Tasks", keys: []string{"tasks"}, need: required, ids: artifact.KindTask},
		{name: "Open questions", keys: []string{"open questions", "questions"}, ids: artifact.KindQuestion},
	},
}

// ref is an ID named somewhere in a document, with its line.
type ref struct {
	id   string
	line int
}

// tracer is an item that traces to others: a story to FRs, a task or an
// endpoint to stories.
type tracer struct {
	name   string // "US-003", "T-002", "POST /teams"
	line   int
	traces []ref
	// about is a story's title and what its sentence wants, without the
	// role; nfrs are its criteria that name an NFR.
	about string
	nfrs  []nfrCriterion
}

// analysis is what lint learned from one document: findings go to the
// linter, facts for the cross-document rules stay here.
type analysis struct {
	doc *Doc
	l   *linter
	// ids holds the line each well-formed ID was first used on.
	ids map[string]int
	// frs are a PRD's functional requirements.
	frs []ref
	// nfrs are a PRD's non-functional requirements, or the ones a tech
	// spec's quality requirements carry over.
	nfrs []ref
	// tracers are a stories document's stories, or a tech spec's tasks
	// and endpoints.
	tracers   []tracer
	questions int
	// nfrTexts are a PRD's non-functional requirements' texts by ID.
	nfrTexts map[string]string
	// reqs are the requirements of each kind, for duplicate-requirement.
	reqs map[artifact.Kind][]reqItem
	// tasks are a tech spec's tasks as the task graph sees them, and the
	// line of each ID.
	tasks     []artifact.Task
	taskLines map[string]int
	// jobFRs are the FRs a tech spec's components of kind job serve, and
	// apiLine the line of its API heading (0 when it has none).
	jobFRs  map[string]bool
	apiLine int
	// questionTexts are the document's open questions.
	questionTexts []string
}

func analyse(d *Doc, l *linter) *analysis {
	a := &analysis{doc: d, l: l, ids: make(map[string]int), nfrTexts: make(map[string]string), reqs: make(map[artifact.Kind][]reqItem)}
	if d.Kind == Brief {
		return a // read, not linted
	}
	if d.title == nil {
		l.add(d, 1, "required-section", "no title: want a first-level heading %q", "# "+d.Kind.title()+": …")
	}
	a.emptySections()
	a.unparsed()
	if d.Kind == Stories {
		a.stories()
		return a
	}
	for _, rule := range sectionRules[d.Kind] {
		a.section(rule)
	}
	for _, k := range []artifact.Kind{artifact.KindFunctional, artifact.KindNonFunctional} {
		a.duplicates(a.reqs[k])
	}
	if d.Kind == PRD {
		a.scope()
	}
	if d.Kind == Tech {
		a.model()
	}
	return a
}

// emptySections reports each heading with nothing under it: no text and
// no subsection. The title is left to the rules about what a document
// needs.
func (a *analysis) emptySections() {
	for _, s := range a.doc.md.All() {
		if s.Level > 1 && len(s.Children) == 0 && !slices.ContainsFunc(s.Blocks, hasContent) {
			a.l.add(a.doc, s.Line, "empty-section", "section %q is empty: fill it in or remove the heading", s.Title)
		}
	}
}

// hasContent reports whether a block says anything: a list of empty items
// ("- ") does not.
func hasContent(b markdown.Block) bool {
	if b.Kind != markdown.List {
		return true
	}
	return slices.ContainsFunc(b.Items, func(it markdown.Item) bool {
		return strings.TrimSpace(it.Text) != "" || len(it.Children) > 0
	})
}

// section finds a section the rule describes and checks its items.
func (a *analysis) section(rule sectionRule) {
	var found []*markdown.Section
	for _, s := range a.doc.sections {
		if slices.Contains(rule.keys, key(s.Title)) {
			found = append(found, s)
		}
	}
	if len(found) == 0 {
		if rule.name == "API" && a.serverless() {
			return // a CLI, a plugin or a tool with no backend has no HTTP API
		}
		switch rule.need {
		case required:
			a.l.add(a.doc, a.doc.titleLine(), "required-section", "no %q section", rule.name)
		case recommended:
			if !a.asked(rule) {
				a.l.add(a.doc, a.doc.titleLine(), "recommended-section", "no %q section: add one, or ask for it in the open questions", rule.name)
			}
		}
		return
	}
	for _, s := range found {
		if rule.name == "API" {
			a.endpoints(s)
		}
		if rule.ids == 0 {
			continue
		}
		for _, it := range a.idItems(s.Items(), rule.ids, 0) {
			a.item(rule, it)
		}
	}
}

// serverless reports whether a tech spec's platform, as its Architecture
// states it ("Platform: CLI"), has no server of its own to give an API:
// a command-line tool, a desktop plugin or app, a local tool, or a
// product with no backend.
func (a *analysis) serverless() bool {
	for _, s := range a.doc.sections {
		if k := key(s.Title); k != "architecture" && k != "components" {
			continue
		}
		for _, p := range s.Paragraphs() {
			rest, ok := strings.CutPrefix(strings.TrimSpace(p), "Platform:")
			if !ok {
				continue
			}
			rest = strings.ToLower(rest)
			for _, cue := range []string{"no backend", "cli", "command-line", "desktop plugin", "desktop app", "local single-user"} {
				if strings.Contains(rest, cue) {
					return true
				}
			}
		}
	}
	return false
}

// item takes in one list item of a section with IDs.
func (a *analysis) item(rule sectionRule, it idItem) {
	if rule.requirement {
		a.vague(it.line, it.text, requirementText)
		a.garbled(it.line, cmp.Or(it.id, rule.ids.String()), it.text)
		a.reqs[rule.ids] = append(a.reqs[rule.ids], reqItem{id: cmp.Or(it.id, rule.ids.String()), text: it.text, line: it.line})
	}
	switch rule.ids {
	case artifact.KindFunctional:
		if it.id != "" {
			a.frs = append(a.frs, ref{it.id, it.line})
		}
		if a.doc.Kind == PRD {
			a.laterInMVP(it.line, cmp.Or(it.id, "functional requirement"), it.text)
		}
	case artifact.KindNonFunctional:
		if it.id != "" {
			a.nfrs = append(a.nfrs, ref{it.id, it.line})
			if _, ok := a.nfrTexts[it.id]; !ok {
				a.nfrTexts[it.id] = it.text
			}
		}
		a.unmeasurable(it)
	case artifact.KindQuestion:
		a.questions++
		a.questionTexts = append(a.questionTexts, it.text)
	case artifact.KindTask:
		a.task(it)
	}
}

// asked reports whether an open question of the document asks for what
// the rule's missing section would hold: one of its words is in asks.
func (a *analysis) asked(rule sectionRule) bool {
	i := slices.IndexFunc(sectionRules[a.doc.Kind], func(r sectionRule) bool { return r.ids == artifact.KindQuestion })
	if i < 0 || len(rule.asks) == 0 {
		return false
	}
	questions := sectionRules[a.doc.Kind][i]
	for _, s := range a.doc.sections {
		if !slices.Contains(questions.keys, key(s.Title)) {
			continue
		}
		for _, it := range s.Items() {
			words := strings.FieldsFunc(strings.ToLower(markdown.Plain(it.Text)), func(r rune) bool {
				return !unicode.IsLetter(r) && r != '-'
			})
			if slices.ContainsFunc(words, func(w string) bool { return slices.Contains(rule.asks, w) }) {
				return true
			}
		}
	}
	return false
}
