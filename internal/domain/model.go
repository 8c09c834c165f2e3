// Package domain reads, from a parsed product brief, what a staff engineer
// takes from it before designing anything: the product's domain model
// (the things its features act on, their fields, relationships and
// operations) and its platform and stack (what it runs on and what it is
// built with, as the brief names them).
//
// Read is deterministic and never invents: every entity, field,
// component and operation cites the brief lines it came from, and what
// the brief leaves open (a field's type, a relationship's direction, the
// platform, the data store) becomes a Question instead of a silent
// decision. Names are the brief's own words, in the singular.
//
// The domain model comes from, in order of authority:
//
//   - the brief's own data model: a "Data model", "Entities" or "Schema"
//     section (subsections per entity with a field table or a "Fields: …"
//     list, a table or list of entities, SQL CREATE TABLE), a "Data
//     models: A, B, C" line, and the routes of an API section, whose paths
//     name resources (given.go, routes.go);
//   - the features, read as clauses by a shallow parser (chunk.go,
//     verbs.go, clause.go, roles.go, object.go, attach.go): a label and its
//     list ("Create a trip: title, dates, destination" → Trip with three
//     fields; label.go, items.go), the objects of the users' verbs
//     ("reserve a tool" → Tool, and Reservation, the act the verb names),
//     possessives ("the boat's name, length and draught"), "per", "for
//     each" and "against" ("timesheet for each job"), enumerations
//     ("status (received, scheduled, done)"), and nouns that recur;
//   - what the personas do, as weaker evidence.
//
// Each mention is evidence with a weight (evidence.go); a noun phrase is
// an entity when its evidence is strong enough and it can name one
// (naming.go: never a persona, the product, a screen, a time, a verb or
// a describing word); names of one thing are merged and the entities
// written out, given ones first (resolve.go). The word classes behind all
// of it are data (data/words.txt, data/fields.txt).
//
// Platform and stack come from data files of technologies
// (data/technologies.txt: names, aliases, kinds, what they imply), of
// platform cues (data/platforms.txt) and of the services features need
// (data/needs.txt), matched on the whole brief but for its later phases
// and non-goals (catalog.go, scan.go, stack.go).
package domain

import "github.com/prodgen/prodgen/internal/brief"

// Model is what Read takes from a brief.
type Model struct {
	Platform   Platform
	Components []Component
	Entities   []Entity
	// Endpoints are the brief's own API, kept as written.
	Endpoints []Endpoint `json:",omitempty"`
	// Questions are what the brief leaves open, in a stable order.
	Questions []Question `json:",omitempty"`
}

// Kind is a kind of product surface.
type Kind string

// The surfaces a product may have.
const (
	Web     Kind = "web"
	Mobile  Kind = "mobile"
	Desktop Kind = "desktop"
	Plugin  Kind = "desktop-plugin"
	CLI     Kind = "cli"
	API     Kind = "api"
)

// Platform is what the product runs as.
type Platform struct {
	// Kind is the main surface; Surfaces lists every surface the brief
	// names, Kind first ("mobile" with a "web" admin).
	Kind     Kind
	Surfaces []Kind `json:",omitempty"`
	// Stated is false when the brief names no surface and Kind is the
	// assumption a question asks about.
	Stated bool
	// Offline is set when the brief asks for work without a connection
	// (offline-first, sync when back in coverage).
	Offline bool `json:",omitempty"`
	// NoBackend is set when the brief rules out a server of its own.
	NoBackend bool `json:",omitempty"`
	// SingleUser is set when the brief says one person uses it.
	SingleUser bool `json:",omitempty"`
	// Evidence holds the brief's words each finding rests on.
	Evidence []Evidence `json:",omitempty"`
}

// Evidence is a phrase of the brief and its lines.
type Evidence struct {
	Says  string // what it establishes: "mobile", "offline"…
	Words string // the brief's words
	Lines []brief.Span
}

// Component is a technology, framework or service the brief names.
type Component struct {
	Name string // the usual name: "PostgreSQL"
	// As is how the brief writes it: "Postgres".
	As   string
	Kind string // "database", "web framework", "payments"…
	// Role is what the component does in the product: the brief's own
	// clause about it when it has one ("for card payments, tips and
	// walker payouts"), else what such a component does.
	Role  string
	Lines []brief.Span
}

// FieldType is the type of a field.
type FieldType string

// The types of a field.
const (
	String    FieldType = "string"
	Text      FieldType = "text"
	URL       FieldType = "url"
	Date      FieldType = "date"
	DateTime  FieldType = "datetime"
	Number    FieldType = "number"
	Money     FieldType = "money"
	Boolean   FieldType = "boolean"
	Enum      FieldType = "enum"
	Reference FieldType = "reference"
	File      FieldType = "file"
)

// Entity is a thing the product stores and its features act on.
type Entity struct {
	Name string // singular, the brief's words: "Repair request"
	// Given is set for an entity of the brief's own data model or API.
	Given bool `json:",omitempty"`
	// Owner is the persona whose entity it is ("their timesheet"), when
	// the brief says.
	Owner      string      `json:",omitempty"`
	Fields     []Field     `json:",omitempty"`
	Relations  []Relation  `json:",omitempty"`
	Operations []Operation `json:",omitempty"`
	Lines      []brief.Span
}

// Field is one attribute of an entity.
type Field struct {
	Name string // lower case, the brief's words: "company name"
	Type FieldType
	// Optional is set when the brief says the field may be left out.
	Optional bool `json:",omitempty"`
	// Values are an enumeration's values as written.
	Values []string `json:",omitempty"`
	// Ref names the entity (or persona) a reference points to.
	Ref string `json:",omitempty"`
	// Guess is set when the type or the name is Read's guess rather than
	// the brief's; a Question then asks about it.
	Guess bool `json:",omitempty"`
	Lines []brief.Span
}

// RelationKind says how two entities relate.
type RelationKind string

// The relations between entities.
const (
	BelongsTo RelationKind = "belongs to"
	HasMany   RelationKind = "has many"
)

// Relation is a relationship of an entity to another.
type Relation struct {
	Kind   RelationKind
	Entity string
	// Guess is set when the brief implies the relation without stating
	// it; a Question then asks about it.
	Guess bool `json:",omitempty"`
	Lines []brief.Span
}

// OperationKind is what an operation does to its entity.
type OperationKind string

// The kinds of operation.
const (
	OpList   OperationKind = "list"
	OpRead   OperationKind = "read"
	OpCreate OperationKind = "create"
	OpUpdate OperationKind = "update"
	OpDelete OperationKind = "delete"
	OpAction OperationKind = "action"
)

// Operation is something a feature asks to do with an entity.
type Operation struct {
	Kind OperationKind
	// Name is the action's verb as the brief uses it ("archive",
	// "approve", "mark as paid"); for the other kinds it is the kind.
	Name string
	// Filters are what a list is filtered, searched or sorted by.
	Filters []string `json:",omitempty"`
	// Feature is the brief's feature the operation serves, as
	// brief.Parse read it, and Ref the brief's own ID for it, if any.
	Feature string
	Ref     string `json:",omitempty"`
	Lines   []brief.Span
}

// Endpoint is one route of a brief's own API section.
type Endpoint struct {
	Method  string
	Path    string
	Purpose string `json:",omitempty"`
	Lines   []brief.Span
}

// Question is something the brief leaves open that the design needs.
type Question struct {
	// About names what it is about: an entity, "platform", "stack".
	About string
	Text  string
	Lines []brief.Span `json:",omitempty"`
}
