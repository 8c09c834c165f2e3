package prose

import "testing"

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
		// Quoting the When's own words in a frame states nothing more.
		{"they put rowers in seats", "the requirement holds as the brief states it: “put rowers in seats”"},
		{"they reopen it within seven days", "the brief's rule holds: \"reopen it within seven days\""},
	}
	for _, h := range hits {
		if ok, why := Tautology(h.when, h.then); !ok {
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
		// A quote that adds what the When lacks states it.
		{"they use Oarlock", "the requirement holds as the brief states it: “show the safety officer who is still on the water after sunset”"},
		// A criterion that says no outcome is known is no tautology: lint
		// reports it as needs-clarification instead.
		{"they assign pitches", Clarification},
	}
	for _, n := range nonHits {
		if ok, why := Tautology(n.when, n.then); ok {
			t.Errorf("when %q, then %q: found a tautology (%s)", n.when, n.then, why)
		}
	}
	if ok, _ := Tautology("", "the trip is created when they create it"); ok {
		t.Error("a free-text criterion (no When) is not judged")
	}
}
