// Package artifact holds the documents prodgen produces (PRD, Stories,
// TechSpec), their IDs and trace links, and the deterministic markdown that
// represents them on disk: Render writes a document, Parse reads it back, so
// the next stage works from a person's edits.
//
// The section layout is in templates/*.md.tmpl; the one-line form of each
// item ("**FR-001** text (priority: P0, phase: 2)", "**T-001** text
// (US-001)", "(error) Given …, when …, then …", a story's "Priority: Must ·
// Size: M") is written and read in lines.go. A few items hold one level of
// nested items, read by nestedTexts: a persona's goals ("Goal: …"), a
// journey's numbered steps, a risk's "Mitigation: …". Every field added to
// an item since the first documents is optional: a document without it
// renders as it did. For every document a Render function returns, the
// matching Parse function gives back a value that renders to the same
// bytes. Parse takes what people do to a document: sections reordered or
// missing, headings in another case, extra blank lines, items without an
// ID (kept with an empty ID), a story sentence in another form (kept as
// written). What it cannot read (an unknown section, a nested item where
// none is read, a word in a trace list that is not an ID...) it never
// drops without a word: each document's Unparsed lists it with its line. It fails, naming the line, only where the document
// cannot be used: no title, a story heading without an ID, a malformed ID.
package artifact

// Header is the provenance line at the top of every generated document.
type Header struct {
	// Sources are the input files the document was generated from, as
	// paths relative to the project root ("brief.md").
	Sources []string `json:"sources,omitempty"`
	// Command regenerates the document ("prodgen prd brief.md").
	Command string `json:"command,omitempty"`
}

// PRD is a product requirements document.
type PRD struct {
	Header  Header `json:"-"`
	Title   string `json:"title"` // product name
	Summary string `json:"summary,omitempty"`
	Problem string `json:"problem,omitempty"`

	Goals    []Goal    `json:"goals,omitempty"`
	Personas []Persona `json:"personas,omitempty"`
	// Journeys are the user journeys: the flows the brief describes,
	// step by step.
	Journeys      []Journey     `json:"journeys,omitempty"`
	Functional    []Requirement `json:"functional,omitempty"`     // FR-001...
	NonFunctional []Requirement `json:"non_functional,omitempty"` // NFR-001...
	InScope       []string      `json:"in_scope,omitempty"`
	OutOfScope    []string      `json:"out_of_scope,omitempty"`
	// OutOfScopeSources are the sources of the out-of-scope items, by
	// position: the item OutOfScope[i] comes from OutOfScopeSources[i]. It
	// is shorter than OutOfScope when the last items have none, and empty
	// when none has. (The items are plain strings, as the offline engine
	// writes them; the sources sit beside them.)
	OutOfScopeSources []Source `json:"out_of_scope_sources,omitempty"`
	// Dependencies are what the product relies on that it does not
	// build: other systems, teams, vendors, approvals.
	Dependencies []string `json:"dependencies,omitempty"`
	Metrics      []Metric `json:"metrics,omitempty"`
	// Assumptions are what the brief takes for granted; a document
	// without Risks keeps its risks here too ("Assumptions and risks").
	Assumptions   []string   `json:"assumptions,omitempty"`
	Risks         []Risk     `json:"risks,omitempty"`
	OpenQuestions []Question `json:"open_questions,omitempty"`

	unparsed []Problem // what ParsePRD could not read
}

// Goal is a product goal, G-1...
type Goal struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Source Source `json:"source,omitzero"` // the brief lines it comes from; see source.go
}

// Persona is a kind of user.
type Persona struct {
	Name        string   `json:"name"`
	Description string   `json:"description,omitempty"`
	Goals       []string `json:"goals,omitempty"` // what they want to achieve, as the brief says
	Source      Source   `json:"source,omitzero"`
}

// Journey is a user journey: a flow the brief describes, as the steps a
// person takes.
type Journey struct {
	Name   string   `json:"name"`
	Steps  []string `json:"steps,omitempty"`
	Source Source   `json:"source,omitzero"`
}

// Risk is a risk to the product, with how it is mitigated when the brief
// says.
type Risk struct {
	Text       string `json:"text"`
	Mitigation string `json:"mitigation,omitempty"`
	Source     Source `json:"source,omitzero"`
}

// Requirement is a functional (FR-001) or non-functional (NFR-001)
// requirement.
type Requirement struct {
	ID       string `json:"id"`
	Text     string `json:"text"`               // one or more sentences stating what must hold
	Priority string `json:"priority,omitempty"` // optional: "P0", "Must"...
	// Phase is the later phase the requirement belongs to ("2", "v2");
	// empty for the first release.
	Phase string `json:"phase,omitempty"`
	// Source is the brief lines a PRD's requirement comes from. A tech
	// spec's quality requirement has none: it names the PRD's by its ID.
	Source Source `json:"source,omitzero"`
	// Also are more places the brief states the same requirement, after
	// Source: a feature listed and restated in a roadmap.
	Also []Source `json:"also,omitempty"`
}

// Metric is a success metric with an optional baseline and target.
type Metric struct {
	Name     string `json:"name"`
	Baseline string `json:"baseline,omitempty"`
	Target   string `json:"target,omitempty"`
	// Timeframe is when the target is to be reached ("by launch",
	// "within 6 months"), as the brief gives it.
	Timeframe string `json:"timeframe,omitempty"`
	Source    Source `json:"source,omitzero"`
}

// Question is an open question, Q-1...
type Question struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Stories is the user stories document.
type Stories struct {
	Header  Header  `json:"-"`
	Title   string  `json:"title"`
	Stories []Story `json:"stories,omitempty"`

	unparsed []Problem // what ParseStories could not read
}

// Story is a user story, US-001, with its acceptance criteria. Role, Want
// and SoThat hold the parts of its sentence when it is in the form "As a
// <role>, I want <want>[, so that <benefit>]."; otherwise Text holds the
// sentence as written.
type Story struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Role   string `json:"role,omitempty"`    // "patient" in "As a patient"
	Want   string `json:"want,omitempty"`    // what follows "I want": "to join the queue", "a team board"
	SoThat string `json:"so_that,omitempty"` // optional benefit, without "so that"
	// Priority is the priority of the requirement the story delivers, on
	// the PRD's scale ("Must", "P0"); Size is a hint of its size: S, M or
	// L (Sizes). Both are optional.
	Priority string   `json:"priority,omitempty"`
	Size     string   `json:"size,omitempty"`
	Traces   []string `json:"traces,omitempty"` // FR IDs this story implements
	// Criteria are the acceptance criteria, AC-001.1...
	Criteria []Criterion `json:"criteria,omitempty"`
	// Text is a sentence a person wrote in another form ("Team leads like
	// teams."). It is never asked of a model, so the schema leaves it out,
	// but it is part of the story's JSON: a change to it is a change to
	// the story.
	Text string `json:"text,omitempty"`
}

// Criterion is an acceptance criterion. Given, When and Then hold its parts
// when it is in that form; otherwise Text holds it as written. Kind says
// which path it tests (CriterionKinds), when known.
type Criterion struct {
	ID    string `json:"id"`
	Kind  string `json:"kind,omitempty"`
	Given string `json:"given,omitempty"`
	When  string `json:"when,omitempty"`
	Then  string `json:"then,omitempty"`
	Text  string `json:"text,omitempty"`
}

// The kinds of acceptance criterion: the main path, an alternative path,
// an error (failure, refusal) and an edge case (empty, limit).
var CriterionKinds = []string{"main", "alternative", "error", "edge"}

// Sizes are the sizes a story may be given, small to large.
var Sizes = []string{"S", "M", "L"}

// TechSpec is the technical requirements document. Diagrams (an ER
// diagram of the entities, a flowchart of the components, a graph of the
// task waves) and the waves themselves are drawn from it when it is
// rendered: they are never read back (see mermaid.go and graph.go).
type TechSpec struct {
	Header   Header `json:"-"`
	Title    string `json:"title"`
	Overview string `json:"overview,omitempty"`
	// Platform is what the product runs as, as the brief says it: "web
	// app", "mobile app with offline sync", "desktop plugin", "CLI", "API
	// only", "local single-user tool", "web app with no backend".
	Platform string `json:"platform,omitempty"`

	Components    []Component   `json:"components,omitempty"`
	Entities      []Entity      `json:"entities,omitempty"`
	Endpoints     []Endpoint    `json:"endpoints,omitempty"`
	Quality       []Requirement `json:"quality,omitempty"` // NFRs carried over from the PRD, by ID
	Tasks         []Task        `json:"tasks,omitempty"`
	OpenQuestions []Question    `json:"open_questions,omitempty"`

	unparsed []Problem // what ParseTech could not read
}

// Component is a part of the system's architecture.
type Component struct {
	Name string `json:"name"`
	// Kind is what sort of part it is, one of ComponentKinds; empty when
	// not known. The architecture diagram draws its arrows from the kinds.
	Kind string `json:"kind,omitempty"`
	// Technology is what it is built with, as the brief names it:
	// "Next.js", "Supabase", "FastAPI".
	Technology     string `json:"technology,omitempty"`
	Responsibility string `json:"responsibility,omitempty"`
	// Serves are the IDs of the functional requirements it serves.
	Serves []string `json:"serves,omitempty"`
}

// ComponentKinds are the kinds a component may have: the clients a person
// uses, the services behind them, what they keep data in, and what they
// rely on outside the product.
var ComponentKinds = []string{
	"web app", "mobile app", "desktop app", "desktop plugin", "CLI",
	"API service", "job", "data store", "file storage", "external service",
}

// Entity is a thing the system stores.
type Entity struct {
	Name        string  `json:"name"`
	Description string  `json:"description,omitempty"`
	Fields      []Field `json:"fields,omitempty"`
	// Relationships are the entity's links to other entities of the data
	// model.
	Relationships []Relationship `json:"relationships,omitempty"`
	// Owner is who the entity belongs to: a persona ("Job seeker") or
	// another entity; empty when nobody in particular.
	Owner string `json:"owner,omitempty"`
	// Traces are the IDs of the functional requirements that call for it.
	Traces []string `json:"traces,omitempty"`
}

// Field is one attribute of an entity.
type Field struct {
	Name string `json:"name"`
	Type string `json:"type,omitempty"`
	// Required says that every stored entity has a value for it. The
	// document shows it only when some field of the data model is
	// required; otherwise nothing is known of it.
	Required bool `json:"required,omitempty"`
	// Enum are the values the field may take, as stated ("Available",
	// "Reserved"); empty when any value of its type will do.
	Enum  []string `json:"enum,omitempty"`
	Notes string   `json:"notes,omitempty"`
}

// Relationship is a link from one entity to another.
type Relationship struct {
	// Target is the name of the other entity.
	Target string `json:"target"`
	// Kind is one of RelationshipKinds: "belongs-to" (many of this entity
	// to one target), "has-one", "has-many" or "many-to-many".
	Kind string `json:"kind"`
	Note string `json:"note,omitempty"`
}

// RelationshipKinds are the kinds of relationship, seen from the entity
// that holds it.
var RelationshipKinds = []string{"belongs-to", "has-one", "has-many", "many-to-many"}

// Endpoint is one operation of the product's interface: an HTTP API
// operation, or for a server-rendered app a page or a form's action.
type Endpoint struct {
	// Kind is one of EndpointKinds; empty is an API operation.
	Kind   string `json:"kind,omitempty"`
	Method string `json:"method,omitempty"`
	Path   string `json:"path,omitempty"`
	// Name is the route's name, for frameworks that name routes
	// ("applications.index").
	Name string `json:"name,omitempty"`
	// Entity is the entity of the data model it acts on; empty when none.
	Entity string `json:"entity,omitempty"`
	// Action is what it does to the entity: list, get, create, update,
	// delete, or a named state change ("archive", "reserve").
	Action  string   `json:"action,omitempty"`
	Summary string   `json:"summary,omitempty"`
	Stories []string `json:"stories,omitempty"` // US IDs this endpoint serves
}

// EndpointKinds are the kinds of endpoint: a JSON API operation, a page a
// server renders, and a form's action on a server-rendered page.
var EndpointKinds = []string{"api", "page", "form"}

// Task is an implementation task, T-001, traced to the stories it
// delivers, or marked Setup when it serves no single story.
type Task struct {
	ID      string   `json:"id"`
	Text    string   `json:"text"`
	Stories []string `json:"stories,omitempty"`
	// Setup marks work every story builds on and none delivers alone:
	// the project skeleton, CI, the data store.
	Setup bool `json:"setup,omitempty"`
	// DependsOn are the IDs of the tasks that must be done first.
	DependsOn []string `json:"depends_on,omitempty"`
	// Parallel marks a task that can be done alongside the other tasks
	// of its wave, touching none of what they touch (spec-kit's [P]).
	Parallel bool `json:"parallel,omitempty"`
	// Size is S, M or L (Sizes), as a story's; empty when not known.
	Size string `json:"size,omitempty"`
	// Components, Entities and Endpoints name what the task builds or
	// changes: components and entities by name, endpoints as "METHOD
	// /path".
	Components []string `json:"components,omitempty"`
	Entities   []string `json:"entities,omitempty"`
	Endpoints  []string `json:"endpoints,omitempty"`
}
