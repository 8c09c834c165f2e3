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
	read := func(doc string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "examples", name, "docs", doc))
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
		{"invoice-api", "POST", "/customers", OpCreate, "", "CreateCustomer", "Customer"},
		{"habit-tracker", "GET", "/check-ins/export", OpExport, "", "ExportCheckIns", "Check-in"},
		{"habit-tracker", "POST", "/check-ins", OpCreate, "", "CreateCheckIn", "Check-in"},
		{"habit-tracker", "GET", "/check-ins/{id}", OpGet, "", "GetCheckIn", "Check-in"},
		{"clinic-queue", "POST", "/queue-entries", OpCreate, "", "CreateQueueEntry", "Queue entry"},
		{"clinic-queue", "GET", "/queues/{id}", OpGet, "", "GetQueue", "Queue"},
		{"clinic-queue", "PATCH", "/patients/{id}", OpUpdate, "", "UpdatePatient", "Patient"},
		{"field-notes", "POST", "/follow-ups", OpCreate, "", "CreateFollowUp", "Follow-up"},
		{"field-notes", "GET", "/findings", OpList, "", "ListFindings", "Finding"},
	}
	for _, tt := range tests {
		t.Run(tt.example+" "+tt.method+" "+tt.path, func(t *testing.T) {
			api, err := Plan(loadExample(t, tt.example))
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
	for i, e := range api.Entities {
		checkIdent(t, e.Name, ident{e.Pascal, e.Camel, e.Snake, e.Collection, e.Collection})
		for _, k := range []string{"P" + e.Pascal, "S" + e.Snake, "C" + e.Collection} {
			if seen[k] {
				t.Errorf("entity %q: %s is taken", e.Name, k[1:])
			}
			seen[k] = true
		}
		fields := map[string]bool{}
		required := 0
		for _, f := range e.Fields {
			checkIdent(t, f.Name, ident{f.Pascal, f.Camel, f.Snake, "x", "x"})
			if fields[f.Snake] || slices.Contains(builtinFields, f.Snake) {
				t.Errorf("entity %q: field %q is taken", e.Name, f.Snake)
			}
			fields[f.Snake] = true
			if !slices.Contains([]string{"string", "integer", "number", "boolean", "timestamp"}, f.Type) {
				t.Errorf("entity %q: field %q has type %q", e.Name, f.Snake, f.Type)
			}
			if f.Required {
				required++
			}
		}
		if required > 1 {
			t.Errorf("entity %q has %d required fields", e.Name, required)
		}
		ops := map[string]bool{}
		for _, ep := range api.Endpoints {
			if ep.Entity == i {
				ops[ep.Op] = true
			}
		}
		if !ops[OpCreate] || !ops[OpGet] {
			t.Errorf("entity %q has no create or no get endpoint", e.Name)
		}
	}
	routes, tests := map[string]bool{}, map[string]bool{}
	for _, ep := range api.Endpoints {
		key := ep.Method + " " + ep.Path
		if routes[key] || tests[ep.TestName] {
			t.Errorf("%s (%s) is there twice", key, ep.TestName)
		}
		routes[key], tests[ep.TestName] = true, true
		if !identRE.MatchString(ep.TestName) || ep.TestName[0] < 'A' || ep.TestName[0] > 'Z' {
			t.Errorf("%s: test name %q", key, ep.TestName)
		}
		if ep.Entity < 0 || ep.Entity >= len(api.Entities) {
			t.Fatalf("%s: entity %d", key, ep.Entity)
		}
		if !strings.HasPrefix(ep.Path, "/"+api.Entities[ep.Entity].Collection) {
			t.Errorf("%s is not under its entity's collection", key)
		}
		if needsID := ep.Op != OpCreate && ep.Op != OpList && ep.Op != OpExport; needsID != strings.Contains(ep.Path, "{id}") {
			t.Errorf("%s: a %s endpoint with the wrong shape", key, ep.Op)
		}
		if (ep.Op == OpAction) != (ep.Action != "") {
			t.Errorf("%s: op %s, action %q", key, ep.Op, ep.Action)
		}
	}
}

// planJSON is api as indented JSON, as testdata/plan/*.golden.json holds
// it.
func planJSON(t *testing.T, api *API) []byte {
	t.Helper()
	got, err := json.MarshalIndent(api, "", "  ")
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
		want     string // "METHOD /path op action TestName entity"
	}{
		{"POST /invoices", "POST /invoices create - CreateInvoice Invoice"},
		{"get /invoices", "GET /invoices list - ListInvoices Invoice"},
		{"GET /invoices/{invoiceId}", "GET /invoices/{id} get - GetInvoice Invoice"},
		{"GET /invoices/:id", "GET /invoices/{id} get - GetInvoice Invoice"},
		{"GET /invoice/<id>", "GET /invoices/{id} get - GetInvoice Invoice"},
		{"PATCH /invoices/{id}", "PATCH /invoices/{id} update - UpdateInvoice Invoice"},
		{"PUT /invoices/{id}", "PUT /invoices/{id} update - ReplaceInvoice Invoice"},
		{"POST /invoices/{id}", "POST /invoices/{id} update - UpdateInvoice Invoice"},
		{"DELETE /invoices/{id}", "DELETE /invoices/{id} delete - DeleteInvoice Invoice"},
		{"DELETE /invoices", "DELETE /invoices/{id} delete - DeleteInvoice Invoice"},
		{"PATCH /users/me", "PATCH /users/{id} update - UpdateUser User"},
		{"POST /api/v1/invoices/{id}/void", "POST /invoices/{id}/void action void VoidInvoice Invoice"},
		{"POST /invoices/{id}/mark_paid", "POST /invoices/{id}/mark-paid action mark-paid MarkPaidInvoice Invoice"},
		{"POST /invoices/{id}/2FA", "POST /invoices/{id}/2fa action 2fa Do2faInvoice Invoice"},
		{"POST /invoices/{id}/send.json", "POST /invoices/{id}/send.json action send-json SendJSONInvoice Invoice"},
		{"PUT /invoices/{id}/archive", "PUT /invoices/{id}/archive action archive ArchiveInvoice Invoice"},
		{"GET /invoices/{id}/pdf", "GET /invoices/{id}/pdf get - GetInvoicePDF Invoice"},
		{"GET /invoices/{invoiceId}/lines/{lineId}", "GET /invoices/{id}/lines get - GetInvoiceLines Invoice"},
		{"GET /check-ins/export", "GET /check-ins/export export - ExportCheckIns Check-in"},
		{"GET /check-ins/export.csv", "GET /check-ins/export.csv export - ExportCheckInsCSV Check-in"},
		{"GET /invoices/daily..CSV", "GET /invoices/daily.csv export - ExportInvoicesDailyCSV Invoice"},
		{"GET /line.items/../x", "GET /line-items/x list - ListLineItemsX Line item"},
		{"GET /checkIns/today", "GET /check-ins/today list - ListCheckInsToday Check-in"},
		{"GET /invoices?status=open", "GET /invoices list - ListInvoices Invoice"},
		{"POST /lineItems", "POST /line-items create - CreateLineItem Line item"},
		{"POST /line_items/bulk", "POST /line-items/bulk create - CreateLineItemBulk Line item"},
		{"GET /", "GET /invoices list - ListInvoices Invoice"},
		{"POST /{tenant}/invoices", "POST /invoices create - CreateInvoice Invoice"},
		{"GET /widgets/{id}", "GET /widgets/{id} get - GetWidget widget"},
		{"POST /audit-log-entries", "POST /audit-log-entries create - CreateAuditLogEntry audit log entry"},
		{"GET /statuses", "GET /statuses list - ListStatuses status"},
		{"GET /classes", "GET /classes list - ListClasses class"},
	}
	for _, tt := range tests {
		t.Run(tt.endpoint, func(t *testing.T) {
			api, err := Plan(spec(entities, tt.endpoint), nil)
			if err != nil {
				t.Fatal(err)
			}
			ep := api.Endpoints[0]
			action := cmpOr(ep.Action, "-")
			got := strings.Join([]string{ep.Method, ep.Path, ep.Op, action, ep.TestName, api.Entities[ep.Entity].Name}, " ")
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			checkAPI(t, api)
		})
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
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

func TestPlanMergesDropsAndAdds(t *testing.T) {
	stories := &artifact.Stories{Stories: []artifact.Story{{ID: "US-001"}, {ID: "US-002"}}}
	tech := spec([]string{"Invoice", "Customer"},
		"POST /invoices US-001",
		"post /invoices/ us-002 US-009",
		"HEAD /invoices US-001",
		"OPTIONS /customers",
		"GET /invoices US-002 US-002",
		"POST /invoices/{id}/void",
		"PUT /invoices/{id}/void",
	)
	api, err := Plan(tech, stories)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ep := range api.Endpoints {
		got = append(got, fmt.Sprintf("%s %s %s %v", ep.Method, ep.Path, ep.TestName, ep.Stories))
	}
	want := []string{
		"POST /invoices CreateInvoice [US-001 US-002]", // the second POST is merged; US-009 is no story
		"GET /invoices ListInvoices [US-002]",
		"POST /invoices/{id}/void VoidInvoice []",
		"PUT /invoices/{id}/void VoidInvoice2 []",
		"GET /invoices/{id} GetInvoice []", // added: no get
		"POST /customers CreateCustomer []",
		"GET /customers/{id} GetCustomer []",
	}
	if !slices.Equal(got, want) {
		t.Errorf("endpoints\n got %q\nwant %q", got, want)
	}
	if s := api.Endpoints[5].Summary; s != "Create a customer" {
		t.Errorf("added endpoint's summary %q", s)
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

func TestFieldType(t *testing.T) {
	tests := []struct{ in, want string }{
		{"string", "string"}, {"Text", "string"}, {"uuid", "string"}, {"", "string"}, {"blob", "string"},
		{"integer", "integer"}, {"int", "integer"}, {"int64", "integer"}, {"BIGINT", "integer"}, {"uint32", "integer"},
		{"number", "number"}, {"float64", "number"}, {"decimal(10,2)", "number"}, {"money", "number"},
		{"boolean", "boolean"}, {"bool", "boolean"},
		{"timestamp", "timestamp"}, {"datetime", "timestamp"}, {"date-time", "timestamp"}, {" Timestamp with time zone", "timestamp"},
	}
	for _, tt := range tests {
		if got := fieldType(tt.in); got != tt.want {
			t.Errorf("fieldType(%q) = %q, want %q", tt.in, got, tt.want)
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
		{"only endpoints no generator serves", spec(nil, "HEAD /x", "OPTIONS /y", "TRACE /z")},
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
	if err != nil || len(api.Endpoints) != 2 {
		t.Errorf("a spec with only entities: %v, %v; want a create and a get", api, err)
	}
}

// FuzzPlan plans specs with any names and paths, as a model may write
// them, and holds the result to what the generators rely on; every route
// must also register with a real http.ServeMux, which panics on two
// patterns that conflict.
func FuzzPlan(f *testing.F) {
	f.Add("Queue entry", "first name", "POST", "/queue-entries", "GET", "/queue-entries/{id}", "PATCH", "/x/{a}/y/{b}")
	f.Add("class", "type", "get", "/api/v1/classes/export.csv", "DELETE", "/classes", "POST", "/classes/:id/void")
	f.Add("", "", "PUT", "/", "GET", "/{id}", "POST", "/a/b/c/d")
	f.Add("日本", "2FA", "GET", "/x/{id}", "GET", "/x/export", "GET", "/x/{id}/export")
	f.Fuzz(func(t *testing.T, entity, field, m1, p1, m2, p2, m3, p3 string) {
		tech := &artifact.TechSpec{Title: entity, Entities: []artifact.Entity{{Name: entity, Fields: []artifact.Field{{Name: field}, {Name: field}}}}}
		for _, ep := range [][2]string{{m1, p1}, {m2, p2}, {m3, p3}} {
			tech.Endpoints = append(tech.Endpoints, artifact.Endpoint{Method: ep[0], Path: ep[1], Summary: ep[1]})
		}
		api, err := Plan(tech, nil)
		if err != nil {
			t.Fatal(err)
		}
		checkAPI(t, api)
		mux := http.NewServeMux()
		for _, ep := range api.Endpoints {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("route %s %s: %v", ep.Method, ep.Path, r)
					}
				}()
				mux.HandleFunc(ep.Method+" "+ep.Path, func(http.ResponseWriter, *http.Request) {})
			}()
		}
		again, err := Plan(tech, nil)
		if err != nil || !reflect.DeepEqual(api, again) {
			t.Errorf("not deterministic")
		}
	})
}
