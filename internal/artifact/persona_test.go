package artifact

import (
	"fmt"
	"testing"
)

func personas(names ...string) []Persona {
	out := make([]Persona, len(names))
	for i, n := range names {
		out[i] = Persona{Name: n}
	}
	return out
}

func TestMatchPersona(t *testing.T) {
	tests := []struct {
		role     string
		personas []Persona
		want     string // "" for no match
	}{
		// exact, whatever the case, number or article
		{"volunteer", personas("Volunteers"), "Volunteers"},
		{"Volunteers", personas("volunteer"), "volunteer"},
		{"a team lead", personas("Team leads"), "Team leads"},
		{"the patient", personas("Patient"), "Patient"},
		{"front-desk staff member", personas("Front-desk staff"), "Front-desk staff"},
		{"member of the library", personas("Members of the library", "Volunteers"), "Members of the library"},
		{"people", personas("Person"), "Person"},
		// by head noun, either way round
		{"volunteers", personas("Regular volunteer"), "Regular volunteer"},
		{"organisers", personas("Volunteers", "Group organiser"), "Group organiser"},
		{"senior clerk", personas("Clerk"), "Clerk"},
		{"rider", personas("Riders with disabilities"), "Riders with disabilities"},
		{"developer", personas("Developer at a customer"), "Developer at a customer"},
		{"developer (API)", personas("Developer"), "Developer"},
		// British and American spelling
		{"organizer", personas("Organiser"), "Organiser"},
		{"group organizers", personas("Group organiser"), "Group organiser"},
		// the first of equal matches
		{"volunteer", personas("Regular volunteer", "Occasional volunteer"), "Regular volunteer"},
		// an exact match beats an earlier head match
		{"occasional volunteer", personas("Volunteer", "Occasional volunteer"), "Occasional volunteer"},
		// no match
		{"manager", personas("Clerk"), ""},
		{"customer", personas("Customer service staff"), ""},
		{"regular volunteer", personas("Occasional volunteer"), ""},
		{"", personas("Clerk"), ""},
		{"user", personas("Clerk"), ""},
		// no personas: the generic user only
		{"user", nil, GenericRole},
		{"Users", nil, GenericRole},
		{"a user", personas(""), GenericRole},
		{"clerk", nil, ""},
		{"power user", nil, ""},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%v", tt.role, tt.personas), func(t *testing.T) {
			got, ok := MatchPersona(tt.role, tt.personas)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("MatchPersona(%q) = %q, %v; want %q", tt.role, got, ok, tt.want)
			}
		})
	}
}

// Every role PersonaRoles offers names its persona.
func TestPersonaRoles(t *testing.T) {
	ps := personas("Regular volunteers", "Members of the library", "NHS managers", "Front-desk staff", "Patient", "patient")
	got := PersonaRoles(ps)
	want := []string{"regular volunteer", "member of the library", "NHS manager", "front-desk staff", "patient"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("PersonaRoles = %q, want %q", got, want)
	}
	for i, r := range got {
		if name, ok := MatchPersona(r, ps); !ok || name != ps[i].Name {
			t.Errorf("role %q names %q, %v; want %q", r, name, ok, ps[i].Name)
		}
	}
	if got := PersonaRoles(nil); fmt.Sprint(got) != "[user]" {
		t.Errorf("PersonaRoles(nil) = %q, want [user]", got)
	}
}

func TestCheckRoles(t *testing.T) {
	s := &Stories{Stories: []Story{
		{ID: "US-001", Role: "volunteers"},
		{ID: "US-002", Role: "manager"},
		{ID: "US-003", Text: "Volunteers like rotas."},
		{ID: "US-004"},
	}}
	checkErrors(t, s.CheckRoles(personas("Regular volunteer", "Coordinator")), []string{
		`US-002: role "manager" is none of the PRD's personas: use one of "regular volunteer", "coordinator"`,
		`US-004: no role: the role must be one of the PRD's personas: "regular volunteer", "coordinator"`,
	})
	checkErrors(t, s.CheckRoles(nil), []string{
		`US-001: role "volunteers": the PRD names no personas, so the role must be "user"`,
		`US-002: role "manager": the PRD names no personas, so the role must be "user"`,
		`US-004: no role: the PRD names no personas, so the role must be "user"`,
	})
}
