package corpus

import (
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
)

func TestTautology(t *testing.T) {
	hits := []struct{ when, then string }{
		{"they create a trip", "the trip is created"},
		{"they create a trip", "the trip is created, and they see the result"},
		{"they use recurring bookings", "recurring bookings are available to them"},
		{"they open the settings", "the export is available to them"},
		{"they download the pieces in this term's programme", "they get the pieces in this term's programme"},
		{"they export it", "they get the it"},
		{"they open the practice manager dashboard", "the practice manager dashboard is shown to them"},
		{"they pay their term subscription by card", "their term subscription is paid, and they see the result"},
		{"they send the reminder", "the reminder is sent to them"},
		{"they swap and giveaway offers", "the result is saved and shown to them"},
		{"they save the draft", "it succeeds"},
		{"they submit the form", "the action is completed successfully"},
		{"they search by service and tag", "the results are shown to them"},
	}
	for _, h := range hits {
		if ok, why := Tautology(artifact.Criterion{Given: "a user", When: h.when, Then: h.then}); !ok {
			t.Errorf("when %q, then %q: not found a tautology", h.when, h.then)
		} else if why == "" {
			t.Errorf("when %q, then %q: no reason given", h.when, h.then)
		}
	}
	nonHits := []struct{ when, then string }{
		{"they reserve a tool", "the name of the reserved tool disappears from the dropdown"},
		{"they submit the form with empty fields", "no new card is rendered"},
		{"they advertise the trip before it is signed off", "the trip is not advertised"},
		{"they try to use it", "the system refuses, and nothing is shown or changed"},
		{"a match turns up", "they get a text"},
		{"they open the list", "the list is shown to them of overdue pets"},
		{"they pay by card", "the system meets NFR-004"},
		{"they book a wheel", "the booking holds a two-hour slot up to a week ahead"},
		{"they paid the fee", "a receipt is emailed"},
		{"", "the trip is created"}, // not in Given/When/Then form
	}
	for _, n := range nonHits {
		if ok, why := Tautology(artifact.Criterion{Given: "a user", When: n.when, Then: n.then}); ok {
			t.Errorf("when %q, then %q: found a tautology (%s)", n.when, n.then, why)
		}
	}
	if ok, _ := Tautology(artifact.Criterion{Text: "The trip is created when they create it."}); ok {
		t.Error("a free-text criterion is not judged")
	}
}

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
