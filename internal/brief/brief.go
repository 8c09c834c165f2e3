// Package brief reads a product brief, a short document written by a
// product manager, into a Brief. Briefs come in many shapes: headed
// sections under many names and at any depth, numbered or setext headings,
// YAML front matter, bold labels, lists, tables, fenced notes, HTML, a
// TaskMaster prd.txt, or plain prose. Parse takes what it can find and
// records what it could not, so later stages ask about it instead of
// inventing it.
//
// Reading happens in three steps, each a general rule, never a brief's
// own words:
//
//   - Normalise (html.go, normalise.go): HTML becomes markdown, and every
//     shape becomes one outline of sections of blocks: bold labels, short
//     lines above a list, list items naming a group, bold requirement
//     titles and fenced prose all become sections or blocks.
//   - Scope (phase.go): a heading gives its section a part (problem,
//     users, features, constraints, tech, plan, later…), a priority
//     (MoSCoW, P0–P3, High/Medium/Low) and a phase. Features for after the
//     first release go to Later with their phase; what is about building
//     the product rather than the product (team, budget, dates, launch)
//     goes to Plan; the brief's own legend ("P3 is post-v1", "The MVP is
//     Phases 1 to 3") counts.
//   - Content (classify.go, prose.go): a section whose heading names no
//     part, and a brief of prose, is read sentence by sentence: someone or
//     the product doing something is a feature wherever it stands, and cue
//     words mark later items, non-goals, plan, metrics, assumptions and
//     constraints.
//
// Then the same feature stated twice becomes one (merge.go), and the
// product's name is taken from the brief's evidence in order (title.go).
// The word lists behind every step are data, in lexicon/*.txt.
//
// Parse applies the same text rules everywhere, so output is predictable:
//
//   - Items (features, goals, non-goals, constraints, risks, questions,
//     persona names and metric fields) are phrases: surrounding space and
//     one trailing full stop are removed, nothing else ("etc." and other
//     abbreviations keep theirs; a question keeps its "?"). An item cut
//     out of a longer sentence starts with a capital.
//   - Summary and Persona.Description are sentences: they start with a
//     capital letter and end with terminal punctuation, a full stop being
//     added when the author's fragment had none.
//   - Problem is the author's paragraphs as written, joined by blank
//     lines; a list in it stays a "- " list.
//   - Inline markdown is kept in items and prose; it is removed from the
//     title, persona names, metric fields and status-line Meta, which are
//     names and values rather than text to render.
package brief

// Brief is what prodgen understood of a product brief. Text fields hold the
// author's own words (inline markdown kept), never invented content.
type Brief struct {
	Title   string
	Summary string // a sentence or two on what the product is
	Problem string

	Users         []Persona
	Goals         []string
	Features      []Feature
	NonGoals      []string
	Constraints   []string
	Metrics       []Metric
	Risks         []string // risks and assumptions
	OpenQuestions []string

	// Later holds the features the brief puts after the first release
	// (Phase 2, post-v1, Won't, a roadmap or an appendix of ideas), each
	// with the phase it names, if any. They are no requirement of the
	// first release.
	Later []Feature `json:",omitempty"`
	// Stack holds the technology the brief says the product is built
	// with, as written: "React Native app for iOS and Android", "Payments:
	// Stripe".
	Stack []string `json:",omitempty"`
	// Plan holds what the brief says about building and launching the
	// product rather than about the product: team, budget, timeline,
	// pilot, launch tasks, pricing. It is no requirement.
	Plan []string `json:",omitempty"`

	// Meta holds front matter and "Key: value" status lines (owner, stage...).
	Meta map[string]string
	// Sources holds the brief lines each item was read from, by its text;
	// see SourceOf.
	Sources map[string][]Span `json:",omitempty"`
	// Missing names the parts of a brief that were not found, by the
	// constants below, in a stable order.
	Missing []string
}

// Names of the parts of a brief, as used in Missing.
const (
	PartProblem     = "problem"
	PartUsers       = "users"
	PartGoals       = "goals"
	PartFeatures    = "features"
	PartNonGoals    = "non-goals"
	PartConstraints = "constraints"
	PartMetrics     = "metrics"
)

// Persona is a kind of user the brief names.
type Persona struct {
	Name        string // "Team lead"
	Description string // what the brief says about them, may be empty
}

// Feature is one capability the brief asks for.
type Feature struct {
	Text     string // the capability as the brief states it
	Priority string // e.g. "P0", "Must", when the brief gives one
	Notes    string // further detail from the brief, e.g. a table's notes column
	// Phase is the phase, release or version the brief puts a later
	// feature in ("phase 2", "R2", "post-v1"); empty for a feature of the
	// first release and for a later one the brief gives no phase.
	Phase string `json:",omitempty"`
	// Ref is the brief's own ID for the feature ("FR-2A", "US1"), kept
	// as a reference and never part of Text.
	Ref string `json:",omitempty"`
	// Actor is the persona (a Users name) the brief files the feature
	// under, when a heading above it names one ("### Parent or carer",
	// "**For the dispatcher**"): who does it when its text does not
	// say.
	Actor string `json:",omitempty"`
}

// Metric is a measure of success.
type Metric struct {
	Name     string
	Baseline string // today's value, when given
	Target   string // the goal value, when given
}
