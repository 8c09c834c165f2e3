package scaffold

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/golden"
)

// examples are the example projects whose tech specs the plan is tested on.
var examples = []string{"clinic-queue", "field-notes", "habit-tracker", "invoice-api"}

// loadExample parses an example's tech spec and stories.
func loadExample(t *testing.T, name string) (*artifact.TechSpec, *artifact.Stories) {
	t.Helper()
	return loadDocs(t, filepath.Join("..", "..", "examples", name, "docs"))
}

// loadFixture reads a fixed copy of an example's documents
// (testdata/fixtures), for tests of particular routes that must not move
// when the offline engine changes the examples.
func loadFixture(t *testing.T, name string) (*artifact.TechSpec, *artifact.Stories) {
	t.Helper()
	return loadDocs(t, filepath.Join("testdata", "fixtures", name))
}

func loadDocs(t *testing.T, dir string) (*artifact.TechSpec, *artifact.Stories) {
	t.Helper()
	read := func(doc string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, doc))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tech, err := artifact.ParseTech(read("tech.md"))
	if err != nil {
		t.Fatal(err)
	}
	stories, err := artifact.ParseStories(read("stories.md"))
	if err != nil {
		t.Fatal(err)
	}
	return tech, stories
}

func TestPlanExamples(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "docs", "tech.md"))
	if err != nil || len(dirs) != len(examples) {
		t.Fatalf("examples with a tech spec: %q, %v; want one per name in %q", dirs, err, examples)
	}
	for _, name := range examples {
		t.Run(name, func(t *testing.T) {
			tech, stories := loadExample(t, name)
			api, err := Plan(tech, stories)
			if err != nil {
				t.Fatal(err)
			}
			if api.Title != tech.Title || api.Slug == "" {
				t.Errorf("title %q, slug %q; want title %q", api.Title, api.Slug, tech.Title)
			}
			var routes, want []string
			for _, ep := range api.Endpoints {
				routes = append(routes, ep.Method+" "+ep.Path)
			}
			for _, se := range tech.Endpoints {
				want = append(want, se.Method+" "+se.Path)
			}
			if !slices.Equal(routes, want) {
				t.Errorf("routes\n got %q\nwant the spec's %q", routes, want)
			}
			for _, se := range tech.Endpoints {
				ep := findEndpoint(api, se.Method, se.Path)
				if ep == nil {
					t.Errorf("%s %s is not in the plan", se.Method, se.Path)
					continue
				}
				if first := strings.Split(se.Path, "/")[1]; api.Entities[ep.Entity].Collection != first {
					t.Errorf("%s %s is bound to %q", se.Method, se.Path, api.Entities[ep.Entity].Name)
				}
				if !slices.Equal(ep.Stories, se.Stories) {
					t.Errorf("%s %s serves %q, want %q", se.Method, se.Path, ep.Stories, se.Stories)
				}
			}
			if len(api.Entities) != len(tech.Entities) {
				t.Errorf("%d entities, want the spec's %d", len(api.Entities), len(tech.Entities))
			}
			checkAPI(t, api)
			golden.Check(t, filepath.Join("testdata", "plan", name+".golden.json"), planJSON(t, api))
		})
	}
}

func TestPlanExampleOps(t *testing.T) {
	tests := []struct {
		example, method, path string
		op, action, testName  string
		entity                string
	}{
		{"invoice-api", "POST", "/invoices/{id}/void", OpAction, "void", "VoidInvoice", "Invoice"},
		{"invoice-api", "POST", "/invoices/{id}/finalize", OpAction, "finalize", "FinalizeInvoice", "Invoice"},
		{"invoice-api", "PATCH", "/invoices/{id}", OpUpdate, "", "UpdateInvoice", "Invoice"},
		{"invoice-api", "GET", "/audit-log-entries", OpList, "", "ListAuditLogEntries", "Audit log entry"},
		{"habit-tracker", "GET", "/check-ins/export", OpExport, "", "ExportCheckIns", "Check-in"},
		{"habit-tracker", "POST", "/check-ins", OpCreate, "", "CreateCheckIn", "Check-in"},
		{"invoice-api", "GET", "/line-items/{id}", OpGet, "", "GetLineItem", "Line item"},
		{"clinic-queue", "POST", "/queue-entries", OpCreate, "", "CreateQueueEntry", "Queue entry"},
		{"clinic-queue", "GET", "/queues/{id}", OpGet, "", "GetQueue", "Queue"},
		{"clinic-queue", "PATCH", "/patients/{id}", OpUpdate, "", "UpdatePatient", "Patient"},
		{"field-notes", "POST", "/follow-ups", OpCreate, "", "CreateFollowUp", "Follow-up"},
		{"field-notes", "GET", "/findings", OpList, "", "ListFindings", "Finding"},
	}
	for _, tt := range tests {
		t.Run(tt.example+" "+tt.method+" "+tt.path, func(t *testing.T) {
			api, err := Plan(loadFixture(t, tt.example))
			if err != nil {
				t.Fatal(err)
			}
			ep := findEndpoint(api, tt.method, tt.path)
			if ep == nil {
				t.Fatalf("not in the plan")
			}
			got := []string{ep.Op, ep.Action, ep.TestName, api.Entities[ep.Entity].Name}
			if want := []string{tt.op, tt.action, tt.testName, tt.entity}; !slices.Equal(got, want) {
				t.Errorf("op, action, test, entity = %q, want %q", got, want)
			}
		})
	}
}

func findEndpoint(api *API, method, path string) *Endpoint {
	for i, ep := range api.Endpoints {
		if ep.Method == method && ep.Path == path {
			return &api.Endpoints[i]
		}
	}
	return nil
}

// checkAPI fails when api breaks a promise Plan makes to the generators.
func checkAPI(t *testing.T, api *API) {
	t.Helper()
	if !segmentRE.MatchString(api.Slug) {
		t.Errorf("slug %q", api.Slug)
	}
	seen := map[string]bool{}
	for _, e := range api.Entities {
		checkIdent(t, e.Name, ident{e.Pascal, e.Camel, e.Snake, e.Collection, e.Collection})
		for _, k := range []string{"P" + e.Pascal, "S" + e.Snake, "C" + e.Collection} {
			if seen[k] {
				t.Errorf("entity %q: %s is taken", e.Name, k[1:])
			}
			seen[k] = true
		}
		fields := map[string]bool{}
		for _, f := range e.Fields {
			checkIdent(t, f.Name, ident{f.Pascal, f.Camel, f.Snake, "x", "x"})
			if fields[f.Snake] || slices.Contains(builtinFields, f.Snake) {
				t.Errorf("entity %q: field %q is taken", e.Name, f.Snake)
			}
			fields[f.Snake] = true
			if !slices.Contains(FieldTypes, f.Type) {
				t.Errorf("entity %q: field %q has type %q", e.Name, f.Snake, f.Type)
			}
		}
	}
	if err := api.CheckDomain(); err != nil {
		t.Error(err)
	}
	routes, tests := map[string]bool{}, map[string]bool{}
	for _, ep := range api.Endpoints {
		key := ep.Method + " " + ep.Path
		shape := shapeKey(ep.Method, Segments(ep.Path))
		if routes[shape] || tests[ep.TestName] {
			t.Errorf("%s (%s) is there twice", key, ep.TestName)
		}
		routes[shape], tests[ep.TestName] = true, true
		if !identRE.MatchString(ep.TestName) || ep.TestName[0] < 'A' || ep.TestName[0] > 'Z' {
			t.Errorf("%s: test name %q", key, ep.TestName)
		}
		if ep.Entity < 0 || ep.Entity >= len(api.Entities) {
			t.Fatalf("%s: entity %d", key, ep.Entity)
		}
		if joinPath(Segments(ep.Path)) != ep.Path {
			t.Errorf("%s: the path is not in its canonical form", key)
		}
		params := Params(ep.Path)
		for _, name := range params {
			if !identRE.MatchString(name) {
				t.Errorf("%s: parameter %q is not an identifier", key, name)
			}
		}
		switch ep.Op {
		case OpGet, OpAction:
			if ep.ID == "" {
				t.Errorf("%s: a %s endpoint without an ID", key, ep.Op)
			}
		case OpCreate, OpList, OpExport:
			if ep.ID != "" {
				t.Errorf("%s: a %s endpoint with an ID", key, ep.Op)
			}
		}
		if ep.ID != "" && !slices.Contains(params, ep.ID) {
			t.Errorf("%s: ID %q is not a parameter of the path", key, ep.ID)
		}
		if (ep.Location != "") != (ep.LocationID != "") || ep.Location != "" && ep.Op != OpCreate {
			t.Errorf("%s (%s): Location %q, LocationID %q", key, ep.Op, ep.Location, ep.LocationID)
		}
		for _, name := range Params(ep.Location) {
			if name != ep.LocationID && !slices.Contains(params, name) {
				t.Errorf("%s: Location %s has a parameter the path lacks: %s", key, ep.Location, name)
			}
		}
		if (ep.Op == OpAction) != (ep.Action != "") {
			t.Errorf("%s: op %s, action %q", key, ep.Op, ep.Action)
		}
	}
}

// planJSON is api as indented JSON, as testdata/plan/*.golden.json holds
// it.
// planJSON writes an API as JSON for a golden file, with Ref on every
// reference, whatever its value, and on no other field.
func planJSON(t *testing.T, api *API) []byte {
	t.Helper()
	type field struct {
		Field
		Ref *int `json:",omitempty"`
	}
	type entity struct {
		Entity
		Fields []field
	}
	view := struct {
		Title, Slug string
		Entities    []entity
		Endpoints   []Endpoint
		Stories     []Story `json:",omitempty"`
	}{Title: api.Title, Slug: api.Slug, Endpoints: api.Endpoints, Stories: api.Stories}
	for _, e := range api.Entities {
		ev := entity{Entity: e}
		for _, f := range e.Fields {
			fv := field{Field: f}
			if f.Type == TypeReference {
				fv.Ref = &f.Ref
			}
			ev.Fields = append(ev.Fields, fv)
		}
		view.Entities = append(view.Entities, ev)
	}
	got, err := json.MarshalIndent(view, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(got, '\n')
}

// spec makes a tech spec from entity names and "METHOD /path US-001"
// endpoint lines.
func spec(entities []string, endpoints ...string) *artifact.TechSpec {
	tech := &artifact.TechSpec{Title: "Test"}
	for _, e := range entities {
		tech.Entities = append(tech.Entities, artifact.Entity{Name: e})
	}
	for _, line := range endpoints {
		f := strings.Fields(line)
		tech.Endpoints = append(tech.Endpoints, artifact.Endpoint{Method: f[0], Path: f[1], Stories: f[2:]})
	}
	return tech
}

func TestPlanEndpointShapes(t *testing.T) {
	entities := []string{"Invoice", "Line item", "User", "Check-in"}
	tests := []struct {
		endpoint string
		want     string // "METHOD /path ID op action TestName entity", "-" for none
	}{
		{"POST /invoices", "POST /invoices - create - CreateInvoice Invoice"},
		{"get /invoices", "GET /invoices - list - ListInvoices Invoice"},
		{"GET /invoices/{invoiceId}", "GET /invoices/{invoiceId} invoiceId get - GetInvoice Invoice"},
		{"GET /invoices/:id", "GET /invoices/{id} id get - GetInvoice Invoice"},
		{"GET /invoice/<int:id>", "GET /invoice/{id} id get - GetInvoice Invoice"},
		{"GET /invoices/{id:[0-9]+}", "GET /invoices/{id} id get - GetInvoice Invoice"},
		{"GET /invoices/{invoice-id}", "GET /invoices/{invoiceID} invoiceID get - GetInvoice Invoice"},
		{"GET /invoices/[...slug]", "GET /invoices/{slug} slug get - GetInvoice Invoice"},
		{"GET /invoices/*", "GET /invoices/{param} param get - GetInvoice Invoice"},
		{"PATCH /invoices/{id}", "PATCH /invoices/{id} id update - UpdateInvoice Invoice"},
		{"PUT /invoices/{id}", "PUT /invoices/{id} id update - ReplaceInvoice Invoice"},
		{"POST /invoices/{id}", "POST /invoices/{id} id update - UpdateInvoice Invoice"},
		{"DELETE /invoices/{id}", "DELETE /invoices/{id} id delete - DeleteInvoice Invoice"},
		{"DELETE /invoices", "DELETE /invoices - delete - DeleteInvoice Invoice"},
		{"PATCH /users/me", "PATCH /users/me - update - UpdateUserMe User"},
		{"PUT /settings", "PUT /settings - update - ReplaceSetting setting"},
		{"POST /api/v1/invoices/{id}/void", "POST /api/v1/invoices/{id}/void id action void VoidInvoice Invoice"},
		{"POST /invoices/{id}/mark_paid", "POST /invoices/{id}/mark_paid id action mark-paid MarkPaidInvoice Invoice"},
		{"POST /invoices/{id}/2FA", "POST /invoices/{id}/2FA id action 2fa Do2faInvoice Invoice"},
		{"POST /invoices/{id}/send.json", "POST /invoices/{id}/send.json id action send-json SendJSONInvoice Invoice"},
		{"PUT /invoices/{id}/archive", "PUT /invoices/{id}/archive id action archive ArchiveInvoice Invoice"},
		{"GET /invoices/{id}/pdf", "GET /invoices/{id}/pdf id get - GetInvoicePDF Invoice"},
		{"GET /invoices/{invoiceId}/lines/{lineId}", "GET /invoices/{invoiceId}/lines/{lineId} lineId get - GetLine line"},
		{"POST /invoices/{invoiceId}/line-items", "POST /invoices/{invoiceId}/line-items - create - CreateLineItem Line item"},
		{"GET /invoices/{id}/line_items", "GET /invoices/{id}/line_items - list - ListLineItems Line item"},
		{"GET /check-ins/export", "GET /check-ins/export - export - ExportCheckIns Check-in"},
		{"GET /check-ins/export.csv", "GET /check-ins/export.csv - export - ExportCheckInsCSV Check-in"},
		{"GET /invoices/daily..CSV", "GET /invoices/daily..CSV - export - ExportInvoicesDailyCSV Invoice"},
		{"GET /checkIns/today", "GET /checkIns/today - list - ListCheckInsToday Check-in"},
		{"GET /invoices?status=open", "GET /invoices - list - ListInvoices Invoice"},
		{"GET /invoices/#top", "GET /invoices - list - ListInvoices Invoice"},
		{"GET //invoices//", "GET /invoices - list - ListInvoices Invoice"},
		{"POST /lineItems", "POST /lineItems - create - CreateLineItem Line item"},
		{"POST /line_items/bulk", "POST /line_items/bulk - create - CreateLineItemBulk Line item"},
		{"GET /", "GET / - list - ListInvoices Invoice"},
		{"POST /{tenant}/invoices", "POST /{tenant}/invoices - create - CreateInvoice Invoice"},
		{"GET /{a}/{a}", "GET /{a}/{a2} - list - ListInvoices Invoice"},
		{"GET /widgets/{id}", "GET /widgets/{id} id get - GetWidget widget"},
		{"POST /audit-log-entries", "POST /audit-log-entries - create - CreateAuditLogEntry audit log entry"},
		{"GET /statuses", "GET /statuses - list - ListStatuses status"},
		{"GET /classes", "GET /classes - list - ListClasses class"},
		{"GET /v1:batchGet", "GET /v1:batchGet - list - ListV1BatchGet v1 batch get"},
	}
	for _, tt := range tests {
		t.Run(tt.endpoint, func(t *testing.T) {
			api, err := Plan(spec(entities, tt.endpoint), nil)
			if err != nil {
				t.Fatal(err)
			}
			ep := api.Endpoints[0]
			got := strings.Join([]string{ep.Method, ep.Path, cmpOr(ep.ID, "-"), ep.Op, cmpOr(ep.Action, "-"), ep.TestName, api.Entities[ep.Entity].Name}, " ")
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			checkAPI(t, api)
		})
	}
}

func TestPlanNewEntityFromSegment(t *testing.T) {
	api, err := Plan(spec(nil, "POST /classes US-001", "GET /classes/{id}/history"), nil)
	if err != nil {
		t.Fatal(err)
	}
	e := api.Entities[0]
	got := []string{e.Name, e.Pascal, e.Camel, e.Snake, e.Collection}
	if want := []string{"class", "ClassValue", "classValue", "class_value", "classes"}; !slices.Equal(got, want) || len(api.Entities) != 1 {
		t.Errorf("entity %q (of %d), want %q", got, len(api.Entities), want)
	}
	checkAPI(t, api)
}

func TestPlanMerges(t *testing.T) {
	stories := &artifact.Stories{Stories: []artifact.Story{{ID: "US-001"}, {ID: "US-002"}}}
	tech := spec([]string{"Invoice", "Customer", "Line item"},
		"POST /invoices US-001",
		"post /invoices/ us-002 US-009",
		"GET /invoices US-002 US-002",
		"GET /invoices/{invoiceId}",
		"GET /invoices/:id US-001",
		"POST /invoices/{id}/void",
		"PUT /invoices/{id}/void",
		"POST /invoices/{invoiceId}/line-items",
		"GET /line-items/{lineId}",
		"GET /invoices/{invoiceId}/line-items/{itemId}",
	)
	api, err := Plan(tech, stories)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ep := range api.Endpoints {
		got = append(got, fmt.Sprintf("%s %s %s %v %s", ep.Method, ep.Path, ep.TestName, ep.Stories, cmpOr(ep.Location, "-")))
	}
	want := []string{
		// The second POST is merged; US-009 is no story.
		"POST /invoices CreateInvoice [US-001 US-002] /invoices/{invoiceId}",
		"GET /invoices ListInvoices [US-002] -",
		// The same route with another name for its parameter is merged.
		"GET /invoices/{invoiceId} GetInvoice [US-001] -",
		"POST /invoices/{id}/void VoidInvoice [] -",
		"PUT /invoices/{id}/void VoidInvoice2 [] -",
		// The first get of the entity whose parameters the create's path fills.
		"POST /invoices/{invoiceId}/line-items CreateLineItem [] /line-items/{lineId}",
		"GET /line-items/{lineId} GetLineItem [] -",
		"GET /invoices/{invoiceId}/line-items/{itemId} GetLineItem2 [] -",
	}
	if !slices.Equal(got, want) {
		t.Errorf("endpoints\n got %q\nwant %q", got, want)
	}
	if len(api.Entities) != 3 {
		t.Errorf("%d entities, want the spec's 3 and no more", len(api.Entities))
	}
	checkAPI(t, api)
}

func TestPlanFields(t *testing.T) {
	tech := &artifact.TechSpec{Title: "Fields", Entities: []artifact.Entity{{Name: "Order", Fields: []artifact.Field{
		{Name: "id", Type: "uuid"},
		{Name: "customer_id", Type: "string"},
		{Name: "placed at", Type: "datetime"},
		{Name: "type", Type: "enum"},
		{Name: "total", Type: "decimal(10,2)"},
		{Name: "Quantity", Type: "int64"},
		{Name: "paid", Type: "Boolean"},
		{Name: "notes", Type: "text"},
		{Name: "Type", Type: "string"},
		{Name: "createdAt", Type: "timestamp"},
		{Name: "日本", Type: "blob"},
		{Name: "UpdatedAt"},
	}}}}
	api, err := Plan(tech, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range api.Entities[0].Fields {
		got = append(got, fmt.Sprintf("%s %s %s %s %v", f.Name, f.Pascal, f.Snake, f.Type, f.Required))
	}
	want := []string{
		"customer_id CustomerID customer_id string false",
		"placed at PlacedAt placed_at timestamp false",
		"type TypeValue type_value string true",
		"total Total total number false",
		"Quantity Quantity quantity integer false",
		"paid Paid paid boolean false",
		"notes Notes notes string false",
		"Type TypeValue2 type_value2 string false",
		"field11 Field11 field11 string false",
	}
	if !slices.Equal(got, want) {
		t.Errorf("fields\n got %q\nwant %q", got, want)
	}
	checkAPI(t, api)
}

func TestTypeOf(t *testing.T) {
	p := newPlanner("Types", nil)
	for _, name := range []string{"Account", "Line item", "List"} {
		p.addEntity(name, "")
	}
	tests := []struct {
		in, field string
		want      string
		ref       int
		unknown   bool
	}{
		{"string", "x", TypeString, 0, false}, {"Text", "x", TypeString, 0, false}, {"", "x", TypeString, 0, false},
		{"varchar(255)", "x", TypeString, 0, false},
		{"blob", "x", TypeString, 0, true}, {"geography(Point, 4326)", "x", TypeString, 0, true},
		{"time", "x", TypeString, 0, true}, {"string[]", "x", TypeString, 0, true}, {"list of tags", "x", TypeString, 0, true},
		{"integer", "x", TypeInteger, 0, false}, {"int", "x", TypeInteger, 0, false}, {"int64", "x", TypeInteger, 0, false},
		{"BIGINT", "x", TypeInteger, 0, false}, {"uint32", "x", TypeInteger, 0, false},
		{"number", "x", TypeNumber, 0, false}, {"float64", "x", TypeNumber, 0, false}, {"decimal(10,2)", "x", TypeNumber, 0, false},
		{"money", "x", TypeNumber, 0, false},
		{"boolean", "x", TypeBoolean, 0, false}, {"bool", "x", TypeBoolean, 0, false},
		{"date", "x", TypeDate, 0, false},
		{"timestamp", "x", TypeTimestamp, 0, false}, {"datetime", "x", TypeTimestamp, 0, false},
		{"date-time", "x", TypeTimestamp, 0, false}, {" Timestamp with time zone", "x", TypeTimestamp, 0, false},
		{"timestamptz", "x", TypeTimestamp, 0, false},
		{"url", "x", TypeURL, 0, false}, {"URI", "x", TypeURL, 0, false},
		{"email", "x", TypeEmail, 0, false}, {"e-mail", "x", TypeEmail, 0, false},
		{"uuid", "x", TypeUUID, 0, false}, {"enum", "x", TypeEnum, 0, false},
		{"uuid, references Account", "owner_id", TypeReference, 0, false},
		{"reference to Line item", "x", TypeReference, 1, false},
		{"references line_items", "x", TypeReference, 1, false},
		{"fk", "account_id", TypeReference, 0, false},
		{"reference", "line_item", TypeReference, 1, false},
		{"fk", "x", TypeString, 0, true},
		{"reference to Nobody", "x", TypeString, 0, true},
		{"Account", "x", TypeReference, 0, false},
		{"List", "x", TypeReference, 2, false},
		{"uuid", "account_id", TypeReference, 0, false}, {"", "line_item_id", TypeReference, 1, false},
		{"integer", "account_id", TypeReference, 0, false},
		{"boolean", "account_id", TypeBoolean, 0, false},
		{"uuid", "nobody_id", TypeUUID, 0, false},
	}
	for _, tt := range tests {
		typ, ref, unknown := p.typeOf(tt.in, tt.field)
		if typ != tt.want || ref != tt.ref || unknown != tt.unknown {
			t.Errorf("typeOf(%q, %q) = %q, %d, %v; want %q, %d, %v", tt.in, tt.field, typ, ref, unknown, tt.want, tt.ref, tt.unknown)
		}
	}
}

func TestPlanEntityNames(t *testing.T) {
	api, err := Plan(spec([]string{"Check-in", "Check in", "", "日本", "class"}, "GET /check-ins"), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range api.Entities {
		got = append(got, fmt.Sprintf("%s %s %s %s", e.Name, e.Pascal, e.Snake, e.Collection))
	}
	want := []string{
		"Check-in CheckIn check_in check-ins",
		"Check in CheckIn2 check_in2 check-ins-2",
		"item3 Item3 item3 item3s",
		"item4 Item4 item4 item4s",
		"class ClassValue class_value classes",
	}
	if !slices.Equal(got, want) {
		t.Errorf("entities\n got %q\nwant %q", got, want)
	}
	if api.Endpoints[0].Entity != 0 {
		t.Errorf("GET /check-ins is bound to entity %d, want the first", api.Endpoints[0].Entity)
	}
	checkAPI(t, api)
}

func TestPlanSlug(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Ledgerline Invoicing API", "ledgerline-invoicing-api"},
		{"QueueLess", "queueless"}, {"Field Notes", "field-notes"},
		{"Café  Crème!", "cafe-creme"},
		{"日本", "prototype"},
		{"", "prototype"},
		{strings.Repeat("word ", 30), strings.TrimSuffix(strings.Repeat("word-", 12), "-")},
	}
	for _, tt := range tests {
		if got := slug(tt.title); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestPlanErrors(t *testing.T) {
	tests := []struct {
		name string
		tech *artifact.TechSpec
	}{
		{"nil", nil},
		{"empty", &artifact.TechSpec{Title: "Nothing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, err := Plan(tt.tech, nil)
			if !errors.Is(err, ErrNoAPI) || api != nil {
				t.Fatalf("Plan = %v, %v; want ErrNoAPI", api, err)
			}
			if !strings.Contains(err.Error(), "no data model or API") {
				t.Errorf("error %q does not say what is missing", err)
			}
		})
	}
	api, err := Plan(spec([]string{"Note"}), nil)
	if err != nil || len(api.Endpoints) != 0 || len(api.Entities) != 1 {
		t.Errorf("a spec with only entities: %v, %v; want the entity and no route", api, err)
	}
}

// TestPlanRefusesWhatItCannotServe checks that an endpoint no prototype
// can serve as written is an error naming it, not a route served at
// another path or left out.
func TestPlanRefusesWhatItCannotServe(t *testing.T) {
	tests := []struct {
		endpoints []string
		want      string
	}{
		{[]string{"HEAD /invoices"}, "endpoint HEAD /invoices: prototypes serve the methods GET, POST, PUT, PATCH, DELETE"},
		{[]string{"GET /invoices", "OPTIONS /x"}, "endpoint OPTIONS /x: prototypes serve"},
		{[]string{"GET ?q=1"}, "endpoint GET ?q=1: the path is empty"},
		{[]string{"GET /invoices/{id}.pdf"}, `segment "{id}.pdf" mixes text and a parameter`},
		{[]string{"GET /a/../b"}, `segment ".." is a dot segment`},
		{[]string{"GET /reports/daily report"}, `segment "daily report" has ' '`},
		{[]string{"GET /cafés"}, `segment "cafés" has 'é'`},
		{[]string{"GET /a/{x}/b", "GET /a/b/{y}"}, "endpoint GET /a/b/{y}: it matches the same requests as GET /a/{x}/b, and neither is more specific"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.endpoints, ", "), func(t *testing.T) {
			tech := &artifact.TechSpec{Title: "Test"}
			for _, line := range tt.endpoints {
				method, path, _ := strings.Cut(line, " ")
				tech.Endpoints = append(tech.Endpoints, artifact.Endpoint{Method: method, Path: path})
			}
			api, err := Plan(tech, nil)
			var epErr *EndpointError
			if !errors.As(err, &epErr) || api != nil {
				t.Fatalf("Plan = %v, %v; want an *EndpointError", api, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nwant it to say %q", err, tt.want)
			}
		})
	}
	tech := spec(nil, "TRACE /a", "GET /b", "GET /c/{x}y")
	if _, err := Plan(tech, nil); err == nil || strings.Count(err.Error(), "endpoint ") != 2 {
		t.Errorf("error %v; want one line for each of the two endpoints", err)
	}
}

// FuzzPlan plans specs with any names and paths, as a model may write
// them, and holds the result to what the generators rely on; every route
// must also register with a real http.ServeMux, which panics on two
// patterns that conflict.
func FuzzPlan(f *testing.F) {
	f.Add("Queue entry", "first name", "POST", "/queue-entries", "GET", "/queue-entries/{id}", "PATCH", "/x/{a}/y/{b}", "enum", "cancelled", "belongs-to", "cancel")
	f.Add("class", "type", "get", "/api/v1/classes/export.csv", "DELETE", "/classes", "POST", "/classes/:id/void", "reference to class", "voided", "has-many", "")
	f.Add("", "", "PUT", "/", "GET", "/{id}", "POST", "/a/b/c/d", "", "", "", "Mark paid")
	f.Add("日本", "2FA", "GET", "/x/{id}", "GET", "/x/export", "GET", "/x/{id}/export", "uuid, references 日本", "日本", "has-one", "日本")
	f.Add("Line item", "invoice_id", "POST", "/invoices/{invoiceId}/line-items", "GET", "/invoices/{i}/line-items/{id}", "PATCH", "/line-items/{id}", "Invoice", "x", "many-to-many", "approve")
	f.Fuzz(func(t *testing.T, entity, field, m1, p1, m2, p2, m3, p3, typ, value, relation, action string) {
		tech := &artifact.TechSpec{Title: entity, Entities: []artifact.Entity{
			{Name: entity, Owner: field, Fields: []artifact.Field{
				{Name: field, Type: typ, Required: len(value)%2 == 0, Enum: []string{value, action}},
				{Name: field, Type: entity},
				{Name: "status", Type: "enum", Enum: []string{value + "ed", action + "d", action + "ed"}},
			}, Relationships: []artifact.Relationship{{Target: field, Kind: relation}, {Target: entity, Kind: relation}}},
			{Name: field, Fields: []artifact.Field{{Name: entity + " id", Type: typ}}, Relationships: []artifact.Relationship{{Target: entity, Kind: "belongs-to"}}},
		}}
		for i, ep := range [][2]string{{m1, p1}, {m2, p2}, {m3, p3}} {
			tech.Endpoints = append(tech.Endpoints, artifact.Endpoint{Method: ep[0], Path: ep[1], Summary: ep[1],
				Action: []string{"", action, value}[i], Stories: []string{"US-001"}})
		}
		stories := &artifact.Stories{Stories: []artifact.Story{{ID: "US-001", Criteria: []artifact.Criterion{
			{ID: "AC-001.1", Kind: "error", Then: "it is rejected without the " + field},
		}}}}
		if _, err := Plan(tech, stories); err != nil {
			var epErr *EndpointError
			if !errors.As(err, &epErr) {
				t.Fatalf("with stories: %v", err)
			}
		}
		api, err := Plan(tech, nil)
		var epErr *EndpointError
		if errors.As(err, &epErr) {
			return // a route no prototype can serve as written, refused
		}
		if err != nil {
			t.Fatal(err)
		}
		checkAPI(t, api)
		seen := map[string]bool{}
		var want []string
		for _, se := range tech.Endpoints {
			segs, _ := readPath(se.Path)
			if key := shapeKey(strings.ToUpper(strings.TrimSpace(se.Method)), segs); !seen[key] {
				seen[key] = true
				want = append(want, key)
			}
		}
		var got []string
		for _, ep := range api.Endpoints {
			got = append(got, shapeKey(ep.Method, Segments(ep.Path)))
		}
		if !slices.Equal(got, want) {
			t.Errorf("routes %q, want the spec's %q", got, want)
		}
		mux := http.NewServeMux()
		for _, ep := range api.Endpoints {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("route %s %s: %v", ep.Method, ep.Path, r)
					}
				}()
				mux.HandleFunc(MuxPattern(ep.Method, ep.Path), func(http.ResponseWriter, *http.Request) {})
			}()
		}
		again, err := Plan(tech, nil)
		if err != nil || !reflect.DeepEqual(api, again) {
			t.Errorf("not deterministic")
		}
	})
}

// loadRich parses the rich domain's tech spec and stories in testdata.
func loadRich(t *testing.T) (*artifact.TechSpec, *artifact.Stories) {
	t.Helper()
	tech, stories := loadDocs(t, filepath.Join("testdata", "rich"))
	if len(tech.Unparsed()) > 0 || len(stories.Unparsed()) > 0 {
		t.Fatalf("testdata/rich has text the parsers do not read: %v %v", tech.Unparsed(), stories.Unparsed())
	}
	return tech, stories
}

// TestPlanRich checks what the plan makes of a spec with a rich data
// model: typed fields, required ones as the spec says, enums, references
// from a belongs-to and a has-many relationship, a nested route resolved
// through its parent, actions that set an enum or record their time, and
// a test per story with the invalid requests its error criteria call for.
func TestPlanRich(t *testing.T) {
	api, err := Plan(loadRich(t))
	if err != nil {
		t.Fatal(err)
	}
	checkAPI(t, api)
	golden.Check(t, filepath.Join("testdata", "plan", "rich.golden.json"), planJSON(t, api))

	var fields []string
	for _, e := range api.Entities {
		for _, f := range e.Fields {
			s := e.Snake + "." + f.Snake + " " + f.Type
			switch {
			case f.Type == TypeReference:
				s += " → " + api.Entities[f.Ref].Snake
			case f.Type == TypeEnum:
				s += fmt.Sprint(" ", len(f.Enum))
			}
			for _, flag := range []struct {
				on   bool
				word string
			}{{f.Required, "required"}, {f.Unknown, "unknown"}, {f.Managed, "managed"}} {
				if flag.on {
					s += " " + flag.word
				}
			}
			fields = append(fields, s)
		}
	}
	want := []string{
		"board.name string required", "board.color enum 3",
		"application.company_name string required", "application.target_role string required",
		"application.offer_url url", "application.contact_email email", "application.status enum 6 required",
		"application.priority enum 3", "application.applied_on date required", "application.salary number",
		"application.remote boolean", "application.external_ref uuid", "application.notes string",
		"application.location string unknown", "application.board_id reference → board",
		"application.reminded_at timestamp managed",
		"interview.scheduled_at timestamp required", "interview.kind enum 3 required", "interview.interviewer string",
		"interview.status enum 3 required", "interview.rounds integer",
		"interview.application_id reference → application required",
	}
	if !slices.Equal(fields, want) {
		t.Errorf("fields\n got %q\nwant %q", fields, want)
	}

	var eps []string
	for _, ep := range api.Endpoints {
		s := ep.Method + " " + ep.Path + ": " + ep.Op
		if ep.Parent != nil {
			s += fmt.Sprintf(" under %s {%s} by %s", api.Entities[ep.Parent.Entity].Snake, ep.Parent.Param,
				api.Entities[ep.Entity].Fields[ep.Parent.Field].Snake)
		}
		if ep.Effect != nil {
			s += " sets " + api.Entities[ep.Entity].Fields[ep.Effect.Field].Snake + " " + cmpOr(ep.Effect.Value, "now")
		}
		for _, n := range ep.Needs {
			s += " needs " + api.Entities[n].Snake
		}
		eps = append(eps, s)
	}
	wantEps := []string{
		"POST /boards: create",
		"GET /boards: list",
		"POST /applications: create needs board",
		"GET /applications: list",
		"GET /applications/{applicationId}: get",
		"PATCH /applications/{applicationId}: update needs board",
		"DELETE /applications/{applicationId}: delete",
		"POST /applications/{applicationId}/withdraw: action sets status withdrawn",
		"POST /applications/{applicationId}/archive: action sets status archived",
		"POST /applications/{applicationId}/remind: action sets reminded_at now",
		"POST /applications/{applicationId}/interviews: create under application {applicationId} by application_id needs application",
		"GET /applications/{applicationId}/interviews: list under application {applicationId} by application_id needs application",
		"GET /applications/{applicationId}/interviews/{interviewId}: get under application {applicationId} by application_id",
		"PATCH /applications/{applicationId}/interviews/{interviewId}: update under application {applicationId} by application_id needs application",
		"POST /applications/{applicationId}/interviews/{interviewId}/cancel: action under application {applicationId} by application_id sets status Cancelled",
	}
	if !slices.Equal(eps, wantEps) {
		t.Errorf("endpoints\n got %q\nwant %q", eps, wantEps)
	}

	var stories []string
	for _, s := range api.Stories {
		line := s.ID + " " + s.TestName + fmt.Sprintf(" %d steps", len(s.Steps))
		for _, in := range s.Invalid {
			ep := api.Endpoints[in.Endpoint]
			line += fmt.Sprintf("; %s %s %s", ep.Method, api.Entities[ep.Entity].Fields[in.Field].Snake, in.Kind)
		}
		if len(s.Unchecked) > 0 {
			line += "; unchecked " + strings.Join(s.Unchecked, ", ")
		}
		stories = append(stories, line)
	}
	wantStories := []string{
		// AC-001.2 names the company name, AC-001.3 the status.
		"US-001 StoryUS001 2 steps; POST company_name missing; POST status enum; POST board_id reference",
		"US-002 StoryUS002 4 steps; unchecked AC-002.3",
		"US-003 StoryUS003 3 steps",
		// AC-004.2 names the kind; the path sets application_id.
		"US-004 StoryUS004 5 steps; POST kind missing; POST kind enum; PATCH kind enum",
		"US-005 StoryUS005 2 steps",
	}
	if !slices.Equal(stories, wantStories) {
		t.Errorf("stories\n got %q\nwant %q", stories, wantStories)
	}
}
