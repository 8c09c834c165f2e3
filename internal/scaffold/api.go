// Package scaffold turns the technical requirements and stories into a
// prototype project: an HTTP API service over the spec's data model (typed
// fields, required ones, enums, references between entities, nested
// routes, state transitions), with an in-memory store, input validation,
// JSON errors, a test per endpoint and a test per story. Plan makes the
// language-neutral API every generator renders. It writes only through a
// safe writer confined to the output folder, whatever paths a model asks
// for.
package scaffold

import "encoding/json"

// API is the language-neutral plan of a prototype, derived from a tech
// spec and its stories. Every identifier in it is already safe to use in
// Go, Python and TypeScript source, whatever the spec's spelling.
type API struct {
	// Title is the product's name as written ("QueueLess").
	Title string
	// Slug is a lower-case, hyphenated name for the project folder, module
	// and package names ("queueless", "field-notes").
	Slug     string
	Entities []Entity
	// Endpoints are the operations to serve, each bound to an entity:
	// the routes of the spec's API section, in its order, and no others.
	Endpoints []Endpoint
	// Stories are the stories the endpoints trace, in the order of the
	// stories document (else of the endpoints), each with its test.
	Stories []Story `json:",omitempty"`
}

// Entity is a stored resource.
type Entity struct {
	Name string // as written in the spec ("Queue entry")
	// Identifiers for the entity in each naming style.
	Pascal string // "QueueEntry"
	Camel  string // "queueEntry"
	Snake  string // "queue_entry"
	// Collection is the URL path segment of its collection ("queue-entries").
	Collection string
	// Fields are the entity's attributes other than id, created_at and
	// updated_at, which every generator adds itself: the spec's, a
	// reference for each relationship that has none, and the timestamps
	// actions record (Managed).
	Fields []Field
}

// The types of a field. A value of each is JSON: a string for all but
// integer, number and boolean.
const (
	TypeString    = "string"
	TypeInteger   = "integer"
	TypeNumber    = "number" // the spec's decimal and money too
	TypeBoolean   = "boolean"
	TypeDate      = "date"      // "2024-05-01"
	TypeTimestamp = "timestamp" // RFC 3339: "2024-05-01T09:30:00Z"
	TypeURL       = "url"       // an absolute http or https URL
	TypeEmail     = "email"
	TypeUUID      = "uuid"
	TypeEnum      = "enum"      // one of Field.Enum
	TypeReference = "reference" // the ID of an item of entity Field.Ref
)

// FieldTypes are the types a field may have, in the order above.
var FieldTypes = []string{TypeString, TypeInteger, TypeNumber, TypeBoolean, TypeDate,
	TypeTimestamp, TypeURL, TypeEmail, TypeUUID, TypeEnum, TypeReference}

// Field is one attribute of an entity.
type Field struct {
	Name   string // as written ("first name")
	Pascal string // "FirstName"
	Camel  string // "firstName"
	Snake  string // "first_name", also the JSON key
	// Type is one of FieldTypes.
	Type string
	// Spec is the type as the spec writes it, when that says more than
	// Type does ("decimal(10,2)", "money", "text"), for a comment; "" when
	// it says nothing more.
	Spec string `json:",omitempty"`
	// Unknown says the spec's type is none Plan knows ("geography(Point)")
	// or a reference to no entity: the field is then a string, and Spec
	// says what the spec wrote.
	Unknown bool `json:",omitempty"`
	// Required fields must be present and non-empty on create, and never
	// emptied by an update.
	Required bool
	// Enum are the values of an enum field, as the spec states them.
	Enum []EnumValue `json:",omitempty"`
	// Ref is, for a reference, the index into API.Entities of the entity
	// whose item it names; 0 for any other field.
	Ref int `json:",omitempty"`
	// Managed says the server sets the field and clients may not: the
	// time an action was taken (see Effect).
	Managed bool `json:",omitempty"`
}

// EnumValue is one value of an enum field.
type EnumValue struct {
	Value string // as the spec states it ("In progress")
	// Pascal names the value in code, unique within its field
	// ("InProgress").
	Pascal string
}

// Operation kinds an endpoint can perform on its entity.
const (
	OpCreate = "create" // POST /things
	OpList   = "list"   // GET /things
	OpGet    = "get"    // GET /things/{id}
	OpUpdate = "update" // PATCH or PUT /things/{id}
	OpDelete = "delete" // DELETE /things/{id}
	OpAction = "action" // POST /things/{id}/void: a state change; see Effect
	OpExport = "export" // GET /things/export: the collection as CSV
)

// Endpoint is one HTTP operation of the prototype: one route of the
// spec's API section, served at the path the spec gives it.
type Endpoint struct {
	Method string // "GET", "POST", "PATCH", "PUT", "DELETE"
	// Path is the spec's path in the form every generator serves (see
	// Plan): "/queue-entries/{entryId}". Segments splits it.
	Path string
	// ID is the parameter of Path that names the item the endpoint acts
	// on ("entryId"), or "" when there is none: for create, list and
	// export, and for an update or delete that acts on the entity's latest
	// item ("PATCH /users/me"). Other parameters only place the route
	// ("/invoices/{invoiceId}/line-items") and are not read.
	ID      string
	Op      string // one of the Op constants
	Entity  int    // index into API.Entities
	Action  string // for OpAction: the action's name ("void"), else ""
	Summary string
	// Stories are the US IDs this endpoint serves; tests name them.
	Stories []string
	// TestName is a safe identifier naming the endpoint's test
	// ("CreateQueueEntry"); unique within the API.
	TestName string
	// Location is, for a create, the path of the get endpoint that serves
	// the item it makes ("/queue-entries/{entryId}"), for the response's
	// Location header; LocationID is that endpoint's ID. Every other
	// parameter of Location is one of Path's, which fills it. Both are ""
	// when the spec has no such endpoint.
	Location   string
	LocationID string
	// Parent is set for a route nested under another entity's item
	// ("/invoices/{invoiceId}/line-items"): the route acts only on the
	// items of that parent.
	Parent *Parent `json:",omitempty"`
	// Effect is, for an action, what it does to the item.
	Effect *Effect `json:",omitempty"`
	// Needs are the entities a test must store an item of, with the ID
	// "1", before it calls the endpoint: the parent its path names and
	// the entities its sample body refers to. Indexes into API.Entities.
	Needs []int `json:",omitempty"`
}

// Parent is the item a nested route's path names.
type Parent struct {
	Entity int    // index into API.Entities
	Param  string // the path parameter that holds its ID
	// Field is the index into the nested entity's Fields of its reference
	// to the parent, which the path sets.
	Field int
}

// Effect is what an action does to its item: it sets Field, an enum, to
// Value, or, when Value is "", records the time of the action in Field,
// a timestamp.
type Effect struct {
	Field int // index into the entity's Fields
	Value string
}

// Story is a story the endpoints trace and the test that walks through
// them.
type Story struct {
	ID    string // "US-001"
	Title string
	// TestName is a safe identifier naming the story's test ("StoryUS001"),
	// unique among the API's test names.
	TestName string
	// Steps are the story's endpoints, in the spec's order.
	Steps []Step
	// Needs are the entities to store an item of before the steps, as
	// Endpoint.Needs.
	Needs []int `json:",omitempty"`
	// Errors are the IDs of the story's criteria that state an error path
	// in what a request holds ("AC-001.2"); Invalid are the requests its
	// test sends for them, expecting each refused and nothing stored.
	Errors  []string  `json:",omitempty"`
	Invalid []Invalid `json:",omitempty"`
	// Unchecked are the IDs of its criteria that state who may not do
	// something: a prototype has no sign-in, so no test checks them.
	Unchecked []string `json:",omitempty"`
}

// Step is one endpoint of a story's test. A step that acts on one item
// acts on the item of its entity an earlier step made or stored.
type Step struct {
	Endpoint int // index into API.Endpoints
	// Seed says no earlier step left an item of the step's entity (none
	// made one, or one deleted it), so the test stores one first.
	Seed bool
	// Made says an earlier step left one, which a list or an export then
	// shows.
	Made bool
}

// The kinds of invalid request a story's test sends.
const (
	InvalidMissing   = "missing"   // a required field left out: 400 missing_field
	InvalidEnum      = "enum"      // a value outside the enum: 400 invalid_value
	InvalidReference = "reference" // an ID no item has: 422 unknown_reference
)

// Invalid is a request a story's test expects refused: the sample body of
// a create or update with one field left out or given a bad value.
type Invalid struct {
	Endpoint int // index into API.Endpoints
	Field    int // index into the endpoint's entity's Fields
	Kind     string
	// Value is the bad value: for an enum, a string none of its values
	// is; for a reference, an ID no item has.
	Value string
}

// RoutesFile is the file every prototype has that lists its API's routes,
// the API section of docs/tech.md it was made from, for the prototype's
// own test that its server serves exactly these.
const RoutesFile = "routes.json"

// RoutesJSON is api's routes as RoutesFile holds them: an object whose
// "routes" are each endpoint's method and path, in the spec's order.
func RoutesJSON(api *API) []byte {
	type route struct {
		Method string `json:"method"`
		Path   string `json:"path"`
	}
	doc := struct {
		Source string  `json:"source"`
		Routes []route `json:"routes"`
	}{Source: "docs/tech.md, section API", Routes: []route{}}
	for _, ep := range api.Endpoints {
		doc.Routes = append(doc.Routes, route{ep.Method, ep.Path})
	}
	// Marshaling strings cannot fail.
	b, _ := json.MarshalIndent(doc, "", "  ")
	return append(b, '\n')
}
