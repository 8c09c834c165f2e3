package corpus

import (
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
)

func TestIsPersona(t *testing.T) {
	ps := func(names ...string) []artifact.Persona {
		var out []artifact.Persona
		for _, n := range names {
			out = append(out, artifact.Persona{Name: n})
		}
		return out
	}
	cases := []struct {
		role     string
		personas []artifact.Persona
		want     bool
	}{
		{"volunteers", ps("Regular volunteer"), true},
		{"Trip leader", ps("Trip leader", "Parent or carer"), true},
		{"trip leaders", ps("Trip leader"), true},
		{"a parent", ps("Parent or carer"), true},
		{"carer", ps("Parent or carer"), true},
		{"EVC", ps("Educational visits coordinator (EVC)"), true},
		{"coordinator", ps("Educational visits coordinator (EVC)"), true},
		{"clinical staff member", ps("Clinical staff"), true},
		{"person", ps("People"), true},
		{"user", nil, true},
		{"users", nil, true},
		{"user", ps("Singers", "Treasurer"), false},
		{"member", ps("Growers", "Club volunteers"), false},
		{"customer", ps("Homeowners planning a project"), false},
		{"staff member", ps("Staff nurse"), false},
		{"", ps("Singers"), false},
		{"manager", nil, false},
	}
	for _, c := range cases {
		if got := IsPersona(c.role, c.personas); got != c.want {
			t.Errorf("IsPersona(%q, %v) = %v, want %v", c.role, c.personas, got, c.want)
		}
	}
}

func TestBoilerplate(t *testing.T) {
	refuse := func(action string) artifact.Criterion {
		return artifact.Criterion{Given: "a person who is not allowed to " + action, When: "they try to " + action,
			Then: "the system refuses, and nothing is shown or changed"}
	}
	st := &artifact.Stories{Stories: []artifact.Story{
		{ID: "US-001", Title: "Book a desk", Role: "staff member", Want: "to book a desk",
			Criteria: []artifact.Criterion{
				{ID: "AC-001.1", Given: "a staff member", When: "they book a desk", Then: "the desk is held for the day"},
				{ID: "AC-001.2", Given: "a staff member", When: "they book a desk", Then: "the system meets NFR-004"},
				withID(refuse("book a desk"), "AC-001.3"),
			}},
		{ID: "US-002", Title: "Reserve parking", Role: "staff member", Want: "to reserve a parking space",
			Criteria: []artifact.Criterion{
				{ID: "AC-002.1", Given: "a staff member", When: "they reserve a parking space", Then: "the space is held for the day"},
				{ID: "AC-002.2", Given: "a staff member", When: "they reserve a parking space", Then: "the system meets NFR-004"},
				withID(refuse("reserve a parking space"), "AC-002.3"),
			}},
		{ID: "US-003", Title: "Export bookings", Role: "facilities team", Want: "to export bookings",
			Criteria: []artifact.Criterion{
				{ID: "AC-003.1", Given: "the facilities team", When: "they export bookings", Then: "a CSV file of the month's bookings downloads"},
			}},
	}}
	r := StoryResult{}
	r.scoreBoilerplate(st)
	// The NFR criterion and the refusal are each repeated across US-001 and
	// US-002; "held for the day" is too: only the features' words differ.
	if got := r.Figures.Boilerplate; got != (Count{6, 7}) {
		t.Errorf("boilerplate = %s, want 6/7; gaps:\n%v", got, r.Gaps)
	}
}

func withID(c artifact.Criterion, id string) artifact.Criterion {
	c.ID = id
	return c
}

func TestStatesOutcome(t *testing.T) {
	st := &artifact.Stories{Stories: []artifact.Story{{Criteria: []artifact.Criterion{
		{Given: "a trip leader", When: "they advertise a trip that is not signed off", Then: "the system refuses"},
		{Given: "a parent", When: "they pay", Then: "a receipt is sent"},
	}}}}
	if !statesOutcome(st, []string{"advertised", "signed"}) {
		t.Error("keys across one criterion's When and Then: want found")
	}
	if statesOutcome(st, []string{"signed", "receipt"}) {
		t.Error("keys split across two criteria: want not found")
	}
}
