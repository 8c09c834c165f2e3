// Package scaffold turns the technical requirements and stories into a
// prototype project: an HTTP API service with an in-memory store, input
// validation, JSON errors and one test per endpoint. It writes only through
// a safe writer confined to the output folder, whatever paths a model asks
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
	// updated_at, which every generator adds itself.
	Fields []Field
}

// Field is one attribute of an entity.
type Field struct {
	Name   string // as written ("first name")
	Pascal string // "FirstName"
	Camel  string // "firstName"
	Snake  string // "first_name", also the JSON key
	// Type is one of "string", "integer", "number", "boolean", "timestamp".
	Type string
	// Required fields must be present and non-empty on create.
	Required bool
}

// Operation kinds an endpoint can perform on its entity.
const (
	OpCreate = "create" // POST /things
	OpList   = "list"   // GET /things
	OpGet    = "get"    // GET /things/{id}
	OpUpdate = "update" // PATCH or PUT /things/{id}
	OpDelete = "delete" // DELETE /things/{id}
	OpAction = "action" // POST /things/{id}/void: a state change, recorded in a status field
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
