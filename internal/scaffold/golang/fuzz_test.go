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
	f.Add("QueueLess", "Queue entry", "first name", "string", "POST", "/queue-entries", "Join the queue")
	f.Add("Sync", "Note", "status", "int", "POST", "/notes/{noteId}/void", "Void */ a note")
	f.Add("", "Note input", "id", "datetime", "PATCH", "/api/v1/notes", "line\nbreak")
	f.Add("Ledger\xff", "Class", "type", "bool", "GET", "/classes/export.csv", "Export | all")
	f.Add("日本", "Test run", "created at", "decimal(10,2)", "DELETE", "/test-runs/me", "\ufeffbom")
	f.Add("Store", "Store", "i d", "timestamp", "GET", "/stores/missing", "`raw`")
	f.Fuzz(func(t *testing.T, title, entity, field, typ, method, path, summary string) {
		tech := &artifact.TechSpec{
			Title: title,
			Entities: []artifact.Entity{
				{Name: entity, Fields: []artifact.Field{{Name: field, Type: typ}, {Name: "status", Type: typ}}},
				{Name: entity + " input", Fields: []artifact.Field{{Name: field}}},
			},
			Endpoints: []artifact.Endpoint{
				{Method: method, Path: path, Summary: summary, Stories: []string{"US-001", summary}},
				{Method: "POST", Path: path + "/{id}/" + field, Summary: summary},
				{Method: "GET", Path: path + "/export", Summary: summary},
			},
		}
		api, err := scaffold.Plan(tech, nil)
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
