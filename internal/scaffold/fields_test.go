package scaffold

import (
	"fmt"
	"slices"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
)

// refs lists an API's references as "entity.field → target", with
// "required" after a required one.
func refs(api *API) []string {
	var out []string
	for _, e := range api.Entities {
		for _, f := range e.Fields {
			if f.Type == TypeReference {
				s := e.Snake + "." + f.Snake + " → " + api.Entities[f.Ref].Snake
				if f.Required {
					s += " required"
				}
				out = append(out, s)
			}
		}
	}
	return out
}

func TestPlanRelationships(t *testing.T) {
	rel := func(target, kind string) artifact.Relationship {
		return artifact.Relationship{Target: target, Kind: kind}
	}
	tech := &artifact.TechSpec{Title: "Relations", Entities: []artifact.Entity{
		{Name: "Account", Fields: []artifact.Field{{Name: "name", Required: true}},
			Relationships: []artifact.Relationship{rel("Dogs", "has-many"), rel("Walker", "has-one"), rel("Tag", "many-to-many"), rel("Nobody", "belongs-to")}},
		{Name: "Dog", Owner: "Account", Relationships: []artifact.Relationship{rel("Account", "belongs-to")}},
		{Name: "Walker", Fields: []artifact.Field{{Name: "account_id", Type: "uuid"}}},
		{Name: "Tag", Owner: "Dog walker"},
		{Name: "Walk", Owner: "dog", Relationships: []artifact.Relationship{rel("walk", "bogus"), rel("Walk", "belongs-to")}},
	}}
	api, err := Plan(tech, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		// Belongs-to is required even though Account has many dogs too,
		// and the owner is the same reference.
		"dog.account_id → account required",
		// The spec's own field is the has-one's reference.
		"walker.account_id → account",
		// Belongs-to first, then an owner that is an entity; a kind that is
		// none is left out.
		"walk.walk_id → walk required", "walk.dog_id → dog",
	}
	if got := refs(api); !slices.Equal(got, want) {
		t.Errorf("references\n got %q\nwant %q", got, want)
	}
	checkAPI(t, api)
}

func TestPlanParents(t *testing.T) {
	tests := []struct {
		name      string
		entities  []string
		endpoints []string
		want      []string // "METHOD /path: parent by field"
	}{
		{"parent in the data model", []string{"Invoice", "Line item"},
			[]string{"POST /invoices/{invoiceId}/line-items", "GET /invoices/{invoiceId}/line-items/{id}"},
			[]string{"POST /invoices/{invoiceId}/line-items: invoice {invoiceId} by invoice_id",
				"GET /invoices/{invoiceId}/line-items/{id}: invoice {invoiceId} by invoice_id"}},
		{"parent an endpoint creates", []string{"Member"},
			[]string{"POST /teams", "GET /teams/{teamId}/members"},
			[]string{"POST /teams: none", "GET /teams/{teamId}/members: team {teamId} by team_id"}},
		{"parent nobody creates only places the route", []string{"Member"},
			[]string{"GET /teams/{teamId}/members"},
			[]string{"GET /teams/{teamId}/members: none"}},
		{"a literal after the item is not nested", []string{"Invoice"},
			[]string{"GET /invoices/{id}/pdf"},
			[]string{"GET /invoices/{id}/pdf: none"}},
		{"the closest parent", []string{"Org", "Project", "Task"},
			[]string{"POST /orgs/{orgId}/projects/{projectId}/tasks"},
			[]string{"POST /orgs/{orgId}/projects/{projectId}/tasks: project {projectId} by project_id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			api, err := Plan(spec(tt.entities, tt.endpoints...), nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ep := range api.Endpoints {
				s := ep.Method + " " + ep.Path + ": none"
				if p := ep.Parent; p != nil {
					s = fmt.Sprintf("%s %s: %s {%s} by %s", ep.Method, ep.Path, api.Entities[p.Entity].Snake, p.Param,
						api.Entities[ep.Entity].Fields[p.Field].Snake)
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("parents\n got %q\nwant %q", got, tt.want)
			}
			checkAPI(t, api)
		})
	}
}

func TestErrorPath(t *testing.T) {
	tests := []struct {
		c    artifact.Criterion
		want int
	}{
		{artifact.Criterion{Kind: "error", Then: "the system rejects it and says the name is required"}, pathInvalid},
		{artifact.Criterion{Kind: "error", Then: "the system refuses, and nothing is shown or changed"}, pathInvalid},
		{artifact.Criterion{Kind: "error", Given: "a person who is not allowed to see it", Then: "the system refuses"}, pathAccess},
		{artifact.Criterion{Kind: "error", Then: "they are asked to sign in"}, pathAccess},
		{artifact.Criterion{Text: "An invalid email is rejected."}, pathInvalid},
		{artifact.Criterion{Text: "The invoice is sent."}, pathNone},
		{artifact.Criterion{Kind: "main", Then: "the error count is shown"}, pathNone},
		{artifact.Criterion{Kind: "edge", Then: "an empty list is shown"}, pathNone},
	}
	for _, tt := range tests {
		if got := errorPath(tt.c); got != tt.want {
			t.Errorf("errorPath(%+v) = %d, want %d", tt.c, got, tt.want)
		}
	}
}

func TestPlanReferencesInNotes(t *testing.T) {
	tech := &artifact.TechSpec{Title: "Notes", Entities: []artifact.Entity{
		{Name: "Invoice"},
		{Name: "Line item", Fields: []artifact.Field{
			{Name: "bill", Type: "string", Notes: "References an Invoice."},
			{Name: "parent", Type: "reference", Notes: "Refers to the line item it splits."},
			{Name: "memo", Type: "text", Notes: "References are free text."},
			{Name: "count", Type: "integer", Notes: "References an invoice."},
			{Name: "owner", Notes: "references nobody we know"},
		}},
	}}
	api, err := Plan(tech, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"line_item.bill → invoice", "line_item.parent → line_item"}
	if got := refs(api); !slices.Equal(got, want) {
		t.Errorf("references\n got %q\nwant %q", got, want)
	}
}
