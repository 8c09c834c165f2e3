package golang

import (
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/scaffold"
)

// Hand-built plans for the tests: small, every op, awkward names, and the
// shapes the example specs give (entities no endpoint creates, entities
// with no fields, no endpoints at all).

func fld(pascal, camel, snake, typ string, required bool) scaffold.Field {
	return scaffold.Field{Name: snake, Pascal: pascal, Camel: camel, Snake: snake, Type: typ, Required: required}
}

// ep makes an endpoint; its ID is the path's parameter {id}, if it has
// one and acts on one item, as scaffold.Plan would.
func ep(method, path, op string, entity int, test string, stories ...string) scaffold.Endpoint {
	e := scaffold.Endpoint{Method: method, Path: path, Op: op, Entity: entity, TestName: test,
		Summary: op + " " + path, Stories: stories}
	if strings.Contains(path, "{id}") && op != scaffold.OpCreate && op != scaffold.OpList && op != scaffold.OpExport {
		e.ID = "id"
	}
	return e
}

// action makes an action endpoint that sets field k of its entity to
// value, or records its time there when value is "".
func action(path, name string, entity, k int, value, test string, stories ...string) scaffold.Endpoint {
	e := ep("POST", path, scaffold.OpAction, entity, test, stories...)
	e.Action = name
	e.Effect = &scaffold.Effect{Field: k, Value: value}
	return e
}

// recorded is a timestamp field the server keeps for an action.
func recorded(pascal, camel, snake string) scaffold.Field {
	f := fld(pascal, camel, snake, scaffold.TypeTimestamp, false)
	f.Managed = true
	return f
}

// enum is an enum field with the values.
func enum(pascal, camel, snake string, required bool, values ...string) scaffold.Field {
	f := fld(pascal, camel, snake, scaffold.TypeEnum, required)
	for _, v := range values {
		f.Enum = append(f.Enum, scaffold.EnumValue{Value: v, Pascal: strings.ToUpper(v[:1]) + v[1:]})
	}
	return f
}

// smallAPI is the golden-file API: one entity, three endpoints.
func smallAPI() *scaffold.API {
	return &scaffold.API{
		Title: "Field Notes",
		Slug:  "field-notes",
		Entities: []scaffold.Entity{{
			Name: "Note", Pascal: "Note", Camel: "note", Snake: "note", Collection: "notes",
			Fields: []scaffold.Field{
				fld("Title", "title", "title", "string", true),
				fld("Body", "body", "body", "string", false),
			},
		}},
		Endpoints: []scaffold.Endpoint{
			{Method: "POST", Path: "/notes", Op: scaffold.OpCreate, TestName: "CreateNote",
				Summary: "Capture a note", Stories: []string{"US-001"}},
			{Method: "GET", Path: "/notes", Op: scaffold.OpList, TestName: "ListNotes",
				Summary: "Browse notes", Stories: []string{"US-002", "US-003"}},
			{Method: "GET", Path: "/notes/{id}", ID: "id", Op: scaffold.OpGet, TestName: "GetNote",
				Summary: "Read a note | with a pipe", Stories: []string{"US-002"}},
		},
	}
}

// everyOpAPI has every op, on entities with and without a create endpoint.
func everyOpAPI() *scaffold.API {
	return &scaffold.API{
		Title: "Ledgerline Invoicing API",
		Slug:  "ledgerline-invoicing-api",
		Entities: []scaffold.Entity{
			{Name: "Invoice", Pascal: "Invoice", Camel: "invoice", Snake: "invoice", Collection: "invoices",
				Fields: []scaffold.Field{
					fld("Number", "number", "number", "string", true),
					fld("Amount", "amount", "amount", "number", true),
					fld("Paid", "paid", "paid", "boolean", false),
					fld("DueAt", "dueAt", "due_at", "timestamp", false),
					fld("Lines", "lines", "lines", "integer", false),
					enum("Status", "status", "status", false, "draft", "finalized", "voided"),
				}},
			{Name: "Customer", Pascal: "Customer", Camel: "customer", Snake: "customer", Collection: "customers",
				Fields: []scaffold.Field{fld("Branding", "branding", "branding", "string", true)}},
			{Name: "Audit log entry", Pascal: "AuditLogEntry", Camel: "auditLogEntry", Snake: "audit_log_entry",
				Collection: "audit-log-entries"},
			{Name: "Queue", Pascal: "Queue", Camel: "queue", Snake: "queue", Collection: "queues"},
		},
		Endpoints: []scaffold.Endpoint{
			ep("POST", "/invoices", scaffold.OpCreate, 0, "CreateInvoice", "US-001", "US-003"),
			ep("GET", "/invoices", scaffold.OpList, 0, "ListInvoices", "US-001"),
			ep("GET", "/invoices/export", scaffold.OpExport, 0, "ExportInvoices", "US-008"),
			ep("GET", "/invoices/{id}", scaffold.OpGet, 0, "GetInvoice", "US-003"),
			ep("PATCH", "/invoices/{id}", scaffold.OpUpdate, 0, "UpdateInvoice", "US-001"),
			ep("DELETE", "/invoices/{id}", scaffold.OpDelete, 0, "DeleteInvoice"),
			action("/invoices/{id}/finalize", "finalize", 0, 5, "finalized", "FinalizeInvoice", "US-001"),
			action("/invoices/{id}/void", "void", 0, 5, "voided", "VoidInvoice", "US-001"),
			ep("PUT", "/customers/{id}", scaffold.OpUpdate, 1, "UpdateCustomer", "US-005"),
			ep("GET", "/audit-log-entries", scaffold.OpList, 2, "ListAuditLogEntries", "US-007"),
			ep("GET", "/audit-log-entries/export", scaffold.OpExport, 2, "ExportAuditLogEntries", "US-007"),
			ep("GET", "/queues/{id}", scaffold.OpGet, 3, "GetQueue", "US-004"),
			ep("PATCH", "/queues/{id}", scaffold.OpUpdate, 3, "UpdateQueue", "US-005"),
			ep("DELETE", "/queues/{id}", scaffold.OpDelete, 3, "DeleteQueue", "US-005"),
		},
	}
}

// awkwardAPI has names that are keywords or clash with Go's habits: a
// field named type, an entity Class_, a status field of the wrong type,
// an entity whose type starts with Test, a slug that is a standard package.
func awkwardAPI() *scaffold.API {
	return &scaffold.API{
		Title: "Sync \"Studio\"\n*/ `weird` title",
		Slug:  "sync",
		Entities: []scaffold.Entity{
			{Name: "Class", Pascal: "Class_", Camel: "class_", Snake: "class_", Collection: "classes",
				Fields: []scaffold.Field{
					fld("Type", "type_", "type", "string", true),
					fld("StartsAt", "startsAt", "starts_at", "timestamp", true),
					fld("Seats", "seats", "seats", "integer", true),
					fld("Open", "open", "open", "boolean", true),
					fld("Price", "price", "price", "number", false),
					fld("Status", "status", "status", "integer", false),
					fld("Func", "func_", "func", "string", false),
					fld("UnknownField", "unknownField", "unknown_field", "string", false),
					recorded("CanceledAt", "canceledAt", "canceled_at"),
					recorded("MarkedFullAt", "markedFullAt", "marked_full_at"),
				}},
			{Name: "Test run", Pascal: "TestRun", Camel: "testRun", Snake: "test_run", Collection: "test-runs",
				Fields: []scaffold.Field{fld("Map", "map_", "map", "boolean", false)}},
		},
		Endpoints: []scaffold.Endpoint{
			ep("POST", "/classes", scaffold.OpCreate, 0, "CreateClass_", "US-001"),
			ep("GET", "/classes/{id}", scaffold.OpGet, 0, "GetClass_", "US-001"),
			ep("PATCH", "/classes/{id}", scaffold.OpUpdate, 0, "UpdateClass_", "US-002"),
			action("/classes/{id}/cancel", "cancel", 0, 8, "", "CancelClass_", "US-003"),
			action("/classes/{id}/mark-full", "mark-full", 0, 9, "", "MarkFullClass_", "US-003"),
			ep("GET", "/classes/export", scaffold.OpExport, 0, "ExportClasses", "US-004"),
			ep("POST", "/test-runs", scaffold.OpCreate, 1, "CreateTestRun", "US-005"),
			ep("GET", "/test-runs", scaffold.OpList, 1, "ListTestRuns", "US-005"),
			ep("DELETE", "/test-runs/{id}", scaffold.OpDelete, 1, "DeleteTestRun", "US-005"),
		},
	}
}

// clashAPI has names that clash with those the generator derives: an
// entity NoteInput beside Note, fields whose Go names would be ID and
// Status, an endpoint test named like a generated one, a literal path
// where the 404 test would look for a missing ID.
func clashAPI() *scaffold.API {
	return &scaffold.API{
		Title: "Clash",
		Slug:  "clash",
		Entities: []scaffold.Entity{
			{Name: "Note", Pascal: "Note", Camel: "note", Snake: "note", Collection: "notes",
				Fields: []scaffold.Field{
					fld("Title", "title", "title", "string", true),
					fld("ID", "iD", "i_d", "string", false),
					fld("Status", "state", "state", "integer", false),
					recorded("ArchivedAt", "archivedAt", "archived_at"),
				}},
			{Name: "Note input", Pascal: "NoteInput", Camel: "noteInput", Snake: "note_input", Collection: "note-inputs",
				Fields: []scaffold.Field{fld("Value", "value", "value", "number", true)}},
			{Name: "Store", Pascal: "Store", Camel: "store", Snake: "store", Collection: "stores"},
		},
		Endpoints: []scaffold.Endpoint{
			ep("GET", "/notes/missing", scaffold.OpList, 0, "ListMissingNotes"),
			ep("GET", "/notes/{id}", scaffold.OpGet, 0, "GetNote"),
			ep("POST", "/notes", scaffold.OpCreate, 0, "CreateNote"),
			action("/notes/{id}/archive", "archive", 0, 3, "", "RejectsInvalidInput"),
			ep("POST", "/note-inputs", scaffold.OpCreate, 1, "CreateNoteInput"),
			ep("PUT", "/note-inputs/{id}", scaffold.OpUpdate, 1, "ReplaceNoteInput"),
			ep("GET", "/stores", scaffold.OpList, 2, "ListStores"),
			ep("DELETE", "/stores/{id}", scaffold.OpDelete, 2, "DeleteStore"),
		},
	}
}

// readOnlyAPI has no endpoint that takes a body, so no invalid-input test.
func readOnlyAPI() *scaffold.API {
	return &scaffold.API{
		Title: "Reports",
		Slug:  "reports",
		Entities: []scaffold.Entity{{Name: "Report", Pascal: "Report", Camel: "report", Snake: "report",
			Collection: "reports", Fields: []scaffold.Field{fld("MedianWait", "medianWait", "median_wait", "string", true)}}},
		Endpoints: []scaffold.Endpoint{ep("GET", "/reports", scaffold.OpList, 0, "ListReports", "US-007")},
	}
}

// noEndpointsAPI is a spec with a data model and no API table.
func noEndpointsAPI() *scaffold.API {
	return &scaffold.API{
		Title: "Habit Tracker",
		Slug:  "habit-tracker",
		Entities: []scaffold.Entity{{Name: "Habit", Pascal: "Habit", Camel: "habit", Snake: "habit",
			Collection: "habits", Fields: []scaffold.Field{fld("Name", "name", "name", "string", true)}}},
	}
}

// emptyAPI has nothing but a name.
func emptyAPI() *scaffold.API {
	return &scaffold.API{Title: "Empty", Slug: "empty"}
}

// handBuilt are the hand-built plans, by name.
var handBuilt = []struct {
	name string
	api  func() *scaffold.API
}{
	{"small", smallAPI},
	{"every-op", everyOpAPI},
	{"awkward", awkwardAPI},
	{"clash", clashAPI},
	{"read-only", readOnlyAPI},
	{"no-endpoints", noEndpointsAPI},
	{"empty", emptyAPI},
	{"planned", plannedAPI},
}

// plannedAPI is what scaffold.Plan makes of a spec written as models and
// people write one: a version prefix, parameters in several spellings and
// names, nested collections, an update of "me", the root path, and routes
// that differ only in a literal segment.
func plannedAPI() *scaffold.API {
	tech := &artifact.TechSpec{
		Title: "Class Booking",
		Entities: []artifact.Entity{
			{Name: "Class", Fields: []artifact.Field{{Name: "type", Type: "string"}, {Name: "starts at", Type: "datetime"}}},
			{Name: "Booking", Fields: []artifact.Field{{Name: "class_id", Type: "uuid"}, {Name: "seats", Type: "int"}}},
			{Name: "User", Fields: []artifact.Field{{Name: "name"}}},
		},
		Endpoints: []artifact.Endpoint{
			{Method: "POST", Path: "/api/v1/classes", Summary: "Open a class", Stories: []string{"US-001"}},
			{Method: "GET", Path: "/api/v1/classes/:classId", Summary: "Get a class", Stories: []string{"US-002"}},
			{Method: "PUT", Path: "/api/v1/classes/{class-id}", Summary: "Replace a class"},
			{Method: "POST", Path: "/api/v1/classes/<int:id>/cancel", Summary: "Cancel it", Stories: []string{"US-003"}},
			{Method: "GET", Path: "/api/v1/classes/export.csv", Summary: "Export classes"},
			{Method: "POST", Path: "/api/v1/classes/{classId}/bookings", Summary: "Book a class", Stories: []string{"US-004"}},
			{Method: "GET", Path: "/api/v1/classes/{classId}/bookings/{bookingId}", Summary: "See a booking"},
			{Method: "GET", Path: "/api/v1/classes/{classId}/bookings", Summary: "List a class's bookings"},
			{Method: "DELETE", Path: "/api/v1/bookings", Summary: "Cancel the latest booking"},
			{Method: "PATCH", Path: "/users/me", Summary: "Change my profile", Stories: []string{"US-005"}},
			{Method: "GET", Path: "/", Summary: "Everything"},
		},
	}
	api, err := scaffold.Plan(tech, nil)
	if err != nil {
		panic(err)
	}
	return api
}
