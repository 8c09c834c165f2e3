package golang

import (
	"errors"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/scaffold"
)

// FuzzGenerateFromPlan feeds the planner specs with odd titles, names,
// types, methods, paths and summaries, and checks that Generate takes
// whatever API it makes and returns Go files that parse. The end-to-end
// tests show that such files build and pass; this looks for plans they
// do not cover.
func FuzzGenerateFromPlan(f *testing.F) {
	f.Add("QueueLess", "Queue entry", "first name", "string", "POST", "/queue-entries", "Join the queue", "draft")
	f.Add("Sync", "Note", "status", "int", "POST", "/notes/{noteId}/void", "Void */ a note", "voided")
	f.Add("", "Note input", "id", "datetime", "PATCH", "/api/v1/notes", "line\nbreak", "")
	f.Add("Ledger\xff", "Class", "type", "bool", "GET", "/classes/export.csv", "Export | all", "class")
	f.Add("日本", "Test run", "created at", "decimal(10,2)", "DELETE", "/test-runs/me", "\ufeffbom", "日本")
	f.Add("Store", "Store", "i d", "timestamp", "GET", "/stores/missing", "`raw`", "`tick`")
	f.Add("Jobs", "Application", "interview id", "enum", "POST", "/applications/{applicationId}/interviews", "Schedule", "Cancelled")
	f.Fuzz(func(t *testing.T, title, entity, field, typ, method, path, summary, value string) {
		tech := &artifact.TechSpec{
			Title: title,
			Entities: []artifact.Entity{
				{Name: entity, Fields: []artifact.Field{
					{Name: field, Type: typ, Required: true, Enum: []string{value, summary}},
					{Name: "status", Type: typ, Enum: []string{value, "voided", value + "d"}},
					{Name: entity + " input", Type: "reference"},
				}, Relationships: []artifact.Relationship{{Target: entity + " input", Kind: "has-many"}}},
				{Name: entity + " input", Fields: []artifact.Field{{Name: field}}, Owner: entity,
					Relationships: []artifact.Relationship{{Target: entity, Kind: "belongs-to"}}},
			},
			Endpoints: []artifact.Endpoint{
				{Method: method, Path: path, Summary: summary, Stories: []string{"US-001", summary}},
				{Method: "POST", Path: path + "/{id}/" + field, Summary: summary},
				{Method: "PATCH", Path: path + "/{id}", Summary: summary, Action: value, Stories: []string{"US-001"}},
				{Method: "GET", Path: path + "/export", Summary: summary},
				{Method: "POST", Path: path + "/{parentId}/" + entity + "-inputs", Summary: summary, Stories: []string{"US-002"}},
			},
		}
		stories := &artifact.Stories{Stories: []artifact.Story{
			{ID: "US-001", Criteria: []artifact.Criterion{{ID: "AC-001.1", Kind: "error", Then: "rejected without " + field}}},
			{ID: "US-002", Criteria: []artifact.Criterion{{ID: "AC-002.1", Text: summary}}},
		}}
		api, err := scaffold.Plan(tech, stories)
		var epErr *scaffold.EndpointError
		if errors.Is(err, scaffold.ErrNoAPI) || errors.As(err, &epErr) {
			return
		}
		if err != nil {
			t.Fatalf("plan: %v", err)
		}
		files, err := Generate(api)
		if err != nil {
			t.Fatalf("generate %#v: %v", api, err)
		}
		fset := token.NewFileSet()
		for _, file := range files {
			if strings.HasSuffix(file.Path, ".go") {
				if _, err := parser.ParseFile(fset, file.Path, file.Content, parser.AllErrors); err != nil {
					t.Fatalf("%s: %v", file.Path, err)
				}
			}
		}
	})
}
