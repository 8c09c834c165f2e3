package pyts

import (
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/scaffold"
)

// apis are the hand-built plans every test generates projects for.
var apis = []struct {
	name string
	api  *scaffold.API
}{
	{"small", smallAPI()},
	{"every-op", everyOpAPI()},
	{"awkward", awkwardAPI()},
	{"empty", &scaffold.API{Title: "Nothing yet", Slug: "nothing-yet"}},
	{"planned", plannedAPI()},
}

// smallAPI is the golden files' API: one entity, a create and a get.
func smallAPI() *scaffold.API {
	return withIDs(&scaffold.API{
		Title: "QueueLess",
		Slug:  "queueless",
		Entities: []scaffold.Entity{{
			Name: "Queue entry", Pascal: "QueueEntry", Camel: "queueEntry", Snake: "queue_entry",
			Collection: "queue-entries",
			Fields: []scaffold.Field{
				{Name: "first name", Pascal: "FirstName", Camel: "firstName", Snake: "first_name", Type: "string", Required: true},
				{Name: "phone number", Pascal: "PhoneNumber", Camel: "phoneNumber", Snake: "phone_number", Type: "string"},
			},
		}},
		Endpoints: []scaffold.Endpoint{
			{Method: "POST", Path: "/queue-entries", Op: scaffold.OpCreate, Summary: "Join the queue", Stories: []string{"US-001"}, TestName: "CreateQueueEntry"},
			{Method: "GET", Path: "/queue-entries/{id}", Op: scaffold.OpGet, Summary: "See my place in the queue", Stories: []string{"US-002", "US-003"}, TestName: "GetQueueEntry"},
		},
	})
}

// everyOpAPI has every op, PUT and PATCH on one path, two actions that
// set an enum and one that records its time, an export next to the item
// path, a create under a parent's {id} (which only places it), an entity
// with no fields that is only listed, a nested list, and a reference.
func everyOpAPI() *scaffold.API {
	return withIDs(&scaffold.API{
		Title: "Ledgerline Invoicing API",
		Slug:  "ledgerline-invoicing-api",
		Entities: []scaffold.Entity{
			{
				Name: "Invoice", Pascal: "Invoice", Camel: "invoice", Snake: "invoice", Collection: "invoices",
				Fields: []scaffold.Field{
					{Name: "customer", Pascal: "Customer", Camel: "customer", Snake: "customer", Type: "string", Required: true},
					{Name: "total", Pascal: "Total", Camel: "total", Snake: "total", Type: "number", Required: true},
					{Name: "due at", Pascal: "DueAt", Camel: "dueAt", Snake: "due_at", Type: "timestamp"},
					{Name: "status", Pascal: "Status", Camel: "status", Snake: "status", Type: "enum",
						Enum: []scaffold.EnumValue{{Value: "draft", Pascal: "Draft"}, {Value: "Finalized", Pascal: "Finalized"}, {Value: "void", Pascal: "Void"}}},
				},
			},
			{
				Name: "Line item", Pascal: "LineItem", Camel: "lineItem", Snake: "line_item", Collection: "line-items",
				Fields: []scaffold.Field{
					{Name: "quantity", Pascal: "Quantity", Camel: "quantity", Snake: "quantity", Type: "integer", Required: true},
					{Name: "invoice", Pascal: "InvoiceID", Camel: "invoiceID", Snake: "invoice_id", Type: "reference", Ref: 0},
				},
			},
			{Name: "Audit log entry", Pascal: "AuditLogEntry", Camel: "auditLogEntry", Snake: "audit_log_entry", Collection: "audit-log-entries"},
			{
				Name: "Patient", Pascal: "Patient", Camel: "patient", Snake: "patient", Collection: "patients",
				Fields: []scaffold.Field{
					{Name: "status", Pascal: "Status", Camel: "status", Snake: "status", Type: "string"},
					{Name: "called at", Pascal: "CalledAt", Camel: "calledAt", Snake: "called_at", Type: "timestamp", Managed: true},
				},
			},
		},
		Endpoints: []scaffold.Endpoint{
			{Method: "POST", Path: "/invoices", Op: scaffold.OpCreate, Entity: 0, Summary: "Create invoices", Stories: []string{"US-001", "US-003"}, TestName: "CreateInvoice"},
			{Method: "GET", Path: "/invoices", Op: scaffold.OpList, Entity: 0, Summary: "List invoices", Stories: []string{"US-001"}, TestName: "ListInvoices"},
			{Method: "GET", Path: "/invoices/{id}", Op: scaffold.OpGet, Entity: 0, Summary: "Get an invoice", Stories: []string{"US-003"}, TestName: "GetInvoice"},
			{Method: "PATCH", Path: "/invoices/{id}", Op: scaffold.OpUpdate, Entity: 0, Summary: "Update invoices", Stories: []string{"US-001"}, TestName: "UpdateInvoice"},
			{Method: "PUT", Path: "/invoices/{id}", Op: scaffold.OpUpdate, Entity: 0, Summary: "Replace an invoice", Stories: []string{"US-001"}, TestName: "ReplaceInvoice"},
			{Method: "DELETE", Path: "/invoices/{id}", Op: scaffold.OpDelete, Entity: 0, Summary: "Delete a draft", Stories: []string{"US-001"}, TestName: "DeleteInvoice"},
			{Method: "POST", Path: "/invoices/{id}/finalize", Op: scaffold.OpAction, Entity: 0, Action: "finalize", Summary: "Finalize invoices", Stories: []string{"US-001"}, TestName: "FinalizeInvoice", Effect: &scaffold.Effect{Field: 3, Value: "Finalized"}},
			{Method: "POST", Path: "/invoices/{id}/void", Op: scaffold.OpAction, Entity: 0, Action: "void", Summary: "Void invoices", Stories: []string{"US-001"}, TestName: "VoidInvoice", Effect: &scaffold.Effect{Field: 3, Value: "void"}},
			{Method: "GET", Path: "/invoices/export", Op: scaffold.OpExport, Entity: 0, Summary: "Export invoices as CSV", Stories: []string{"US-007"}, TestName: "ExportInvoices"},
			{Method: "POST", Path: "/invoices/{id}/line-items", Op: scaffold.OpCreate, Entity: 1, Summary: "Add a line item", Stories: []string{"US-002"}, TestName: "CreateLineItem", Needs: []int{0}},
			{Method: "GET", Path: "/line-items/{id}", Op: scaffold.OpGet, Entity: 1, Summary: "Get a line item", Stories: []string{"US-002"}, TestName: "GetLineItem"},
			{Method: "GET", Path: "/invoices/{invoiceId}/line-items", Op: scaffold.OpList, Entity: 1, Summary: "An invoice's line items", Stories: []string{"US-002"}, TestName: "ListLineItems",
				Parent: &scaffold.Parent{Entity: 0, Param: "invoiceId", Field: 1}, Needs: []int{0}},
			{Method: "GET", Path: "/audit-log-entries", Op: scaffold.OpList, Entity: 2, Summary: "List audit log entries", Stories: []string{"US-007"}, TestName: "ListAuditLogEntries"},
			{Method: "PATCH", Path: "/patients/{id}", Op: scaffold.OpUpdate, Entity: 3, Summary: "Mark patients as called, seen or left", Stories: []string{"US-006"}, TestName: "UpdatePatient"},
			{Method: "POST", Path: "/patients/{id}/call", Op: scaffold.OpAction, Entity: 3, Action: "call", Summary: "Call the next patient", Stories: []string{"US-006"}, TestName: "CallPatient", Effect: &scaffold.Effect{Field: 1}},
		},
	})
}

// awkwardAPI has identifiers that are keywords once their underscore goes,
// a field of every type, text with quotes, backslashes, pipes, line
// breaks, control characters and bytes that are not UTF-8, an endpoint
// without stories, and test names with acronyms.
func awkwardAPI() *scaffold.API {
	return withIDs(&scaffold.API{
		Title: `Class "Roll" \ Call """ | ` + "\n" + `*/ ${x}` + " \xff\u2028\x1c é",
		Slug:  "class-roll-call",
		Entities: []scaffold.Entity{{
			Name: `Class "A" \ B` + "\xff\u2028", Pascal: "Class", Camel: "class_", Snake: "class_", Collection: "classes",
			Fields: []scaffold.Field{
				{Name: "type", Pascal: "Type", Camel: "type_", Snake: "type_", Type: "string", Required: true},
				{Name: "class", Pascal: "Class", Camel: "class_", Snake: "class_", Type: "string"},
				{Name: "seats", Pascal: "Seats", Camel: "seats", Snake: "seats", Type: "integer", Required: true},
				{Name: "ratio", Pascal: "Ratio", Camel: "ratio", Snake: "ratio", Type: "number"},
				{Name: "open", Pascal: "Open", Camel: "open", Snake: "open", Type: "boolean", Required: true},
				{Name: "starts at", Pascal: "StartsAt", Camel: "startsAt", Snake: "starts_at", Type: "timestamp", Required: true},
				{Name: `"quoted" \ name`, Pascal: "Import", Camel: "import_", Snake: "import_", Type: "string"},
				{Name: "checked in at", Pascal: "CheckedInAt", Camel: "checkedInAt", Snake: "checked_in_at", Type: "timestamp", Managed: true},
			},
		}},
		Endpoints: []scaffold.Endpoint{
			{Method: "POST", Path: "/classes", Op: scaffold.OpCreate, Summary: `Open a "class" \ with | pipes` + "\n" + `and """quotes"""`, Stories: []string{"US-001"}, TestName: "CreateClass"},
			{Method: "GET", Path: "/classes", Op: scaffold.OpList, Summary: "", TestName: "ListClasses"},
			{Method: "GET", Path: "/classes/{id}", Op: scaffold.OpGet, Summary: "Get one", Stories: []string{"US-002"}, TestName: "GetClassByID"},
			{Method: "PATCH", Path: "/classes/{id}", Op: scaffold.OpUpdate, Summary: "Change it", Stories: []string{"US-002"}, TestName: "UpdateClass"},
			{Method: "POST", Path: "/classes/{id}/check-in", Op: scaffold.OpAction, Action: "check-in", Summary: "Check in", Stories: []string{"US-003"}, TestName: "CheckInClass", Effect: &scaffold.Effect{Field: 7}},
			{Method: "GET", Path: "/classes.csv", Op: scaffold.OpExport, Summary: "Export as CSV", Stories: []string{"US-004"}, TestName: "ExportCSV"},
		},
	})
}

// plannedAPI is what scaffold.Plan makes of a spec written carelessly:
// reserved and digit-first names, spec types the plan maps, a status field
// that is an integer although actions set it, path parameters in every
// spelling behind an /api/v1 prefix, a HEAD endpoint, a path naming no
// entity, and "/".
func plannedAPI() *scaffold.API {
	tech := &artifact.TechSpec{
		Title: `Café "Ops" — 2FA & Co.`,
		Entities: []artifact.Entity{
			{Name: "Class", Fields: []artifact.Field{
				{Name: "id", Type: "uuid"},
				{Name: "type", Type: "enum"},
				{Name: "class", Type: "string"},
				{Name: "2FA code", Type: "string"},
				{Name: "count", Type: "int64"},
				{Name: "price", Type: "decimal(10,2)"},
				{Name: "active", Type: "bool"},
				{Name: "due", Type: "datetime"},
				{Name: "status", Type: "integer"},
				{Name: "user's note", Type: "text"},
				{Name: "created_at", Type: "timestamp"},
			}},
			{Name: "Check-in", Fields: []artifact.Field{
				{Name: "habit_id", Type: "uuid"},
				{Name: "at", Type: "timestamp"},
			}},
		},
		Endpoints: []artifact.Endpoint{
			{Method: "POST", Path: "/api/v1/classes", Summary: "Open a class", Stories: []string{"us-001"}},
			{Method: "GET", Path: "/api/v1/classes/:classId", Summary: "Get a class", Stories: []string{"US-002"}},
			{Method: "PUT", Path: "/classes/{classId}", Summary: "Replace a class", Stories: []string{"US-002"}},
			{Method: "POST", Path: "/classes/{id}/mark-paid", Summary: "Mark it paid", Stories: []string{"US-003"}},
			{Method: "POST", Path: "/classes/<id>/archive", Summary: "Archive it", Stories: []string{"US-003"}},
			{Method: "GET", Path: "/classes/export.csv", Summary: "Export classes", Stories: []string{"US-004"}},
			{Method: "DELETE", Path: "/classes", Summary: "Delete a class", Stories: []string{"US-004"}},
			{Method: "GET", Path: "/check-ins?since=today", Summary: "List check-ins", Stories: []string{"US-005"}},
			{Method: "GET", Path: "/reports/daily", Summary: "Daily report", Stories: []string{"US-006"}},
			{Method: "PATCH", Path: "/users/me", Summary: "Change my profile", Stories: []string{"US-007"}},
			{Method: "GET", Path: "/", Summary: "Everything"},
		},
	}
	api, err := scaffold.Plan(tech, nil)
	if err != nil {
		panic(err)
	}
	return api
}

// withIDs gives each endpoint about one item whose path has the
// parameter {id} that parameter as its ID, as scaffold.Plan would.
func withIDs(api *scaffold.API) *scaffold.API {
	for i, ep := range api.Endpoints {
		if strings.Contains(ep.Path, "{id}") && isItemOp(ep.Op) {
			api.Endpoints[i].ID = "id"
		}
	}
	return api
}
