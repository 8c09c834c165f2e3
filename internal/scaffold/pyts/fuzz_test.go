package pyts

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/scaffold"
)

// FuzzPlanned checks that both generators accept whatever scaffold.Plan
// makes of a spec, as the package promises; the end-to-end tests run
// what they generate for the hand-built and example plans.
func FuzzPlanned(f *testing.F) {
	f.Add("QueueLess", "Queue entry", "first name", "string", "POST", "/queue-entries", "Join", "US-001")
	f.Add(`Café "Ops"`, "Class", "status", "integer", "POST", "/api/v1/classes/:id/mark-paid", "Pay", "us-2")
	f.Add("", "2FA code", "type", "decimal(10,2)", "PATCH", "/users/me", "", "")
	f.Add("x", "", "", "", "GET", "/", "\n", "US-1, US-1")
	f.Add("bad \xff utf-8\u2028", "\xfe", "a\x00b", "bool", "DELETE", "/a\xff/{x}", "\x1c\u2029", "US-\xff")
	f.Add("Reports", "report", "at", "datetime", "GET", "/reports/export.csv?x=1#y", "Export", "US-3")
	f.Add("Jobs", "Application", "interview id", "enum", "POST", "/applications/{applicationId}/interviews", "Cancelled", "US-1")
	f.Fuzz(func(t *testing.T, title, entity, field, typ, method, path, summary, stories string) {
		tech := &artifact.TechSpec{
			Title: title,
			Entities: []artifact.Entity{
				{Name: entity, Fields: []artifact.Field{
					{Name: field, Type: typ, Required: true, Enum: []string{summary, stories}},
					{Name: "status", Type: typ, Enum: []string{summary, "closed", stories + "d"}},
					{Name: entity + " child", Type: "reference"},
				}, Relationships: []artifact.Relationship{{Target: entity + " child", Kind: "has-many"}}},
				{Name: entity + " child", Fields: []artifact.Field{{Name: field}}, Owner: entity,
					Relationships: []artifact.Relationship{{Target: entity, Kind: "belongs-to"}}},
			},
			Endpoints: []artifact.Endpoint{
				{Method: method, Path: path, Summary: summary, Stories: strings.Split(stories, ",")},
				{Method: "POST", Path: path + "/{id}/close", Summary: summary},
				{Method: "PATCH", Path: path + "/{id}", Summary: summary, Action: stories, Stories: strings.Split(stories, ",")},
				{Method: "GET", Path: path + "/export", Summary: summary},
				{Method: "GET", Path: path + "/{parentId}/" + entity + "-children/{childId}", Summary: summary},
			},
		}
		doc := &artifact.Stories{}
		for _, id := range strings.Split(stories, ",") {
			doc.Stories = append(doc.Stories, artifact.Story{ID: strings.TrimSpace(id), Criteria: []artifact.Criterion{
				{ID: "AC-001.1", Kind: "error", Then: "refused without " + field}}})
		}
		api, err := scaffold.Plan(tech, doc)
		var epErr *scaffold.EndpointError
		if errors.Is(err, scaffold.ErrNoAPI) || errors.As(err, &epErr) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range generators {
			files, err := g.gen(api)
			if err != nil {
				t.Fatalf("%s rejects a plan: %v", g.lang, err)
			}
			for _, file := range files {
				if err := scaffold.ValidatePath(file.Path); err != nil {
					t.Fatal(err)
				}
				// Python refuses source that is not UTF-8.
				if !utf8.Valid(file.Content) {
					t.Fatalf("%s: %s is not UTF-8", g.lang, file.Path)
				}
			}
		}
	})
}
