package domain

import (
	"slices"
	"strings"
	"testing"
)

// opNames writes an entity's operations as the tests name them: a kind,
// or "!" and an action's name.
func opNames(e Entity) []string {
	var out []string
	for _, o := range e.Operations {
		if n := opName(o); !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// TestOperationsOfFeatures checks what a feature's words ask to do with
// each thing, one reading at a time.
func TestOperationsOfFeatures(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		entity   string
		want     []string // operations the entity must have
		not      []string // operations it must not have
		noEntity []string // names no entity may have
	}{
		{
			name:   "verbs joined before their object all act on it",
			src:    features("Ledger", "- Developers", "Create, update, finalize and void invoices"),
			entity: "Invoice",
			want:   []string{"create", "update", "!finalize", "!void"},
		},
		{
			name:   "two verbs joined by or",
			src:    features("Swapboard", "- Staff nurses\n- Ward managers", "Staff nurses offer a shift as a swap", "The ward manager approves or rejects each swap from their phone"),
			entity: "Swap",
			want:   []string{"!approve", "!reject"},
		},
		{
			name:     "a describing first word names the bare noun's thing",
			src:      features("Ledger", "- Developers", "Create invoices", "Multi-currency invoices with an FX rate"),
			entity:   "Invoice",
			want:     []string{"create"},
			noEntity: []string{"Multi-currency invoice"},
		},
		{
			name:     "a record people read is listed, and what it is of is no thing",
			src:      features("Ledger", "- Developers", "Audit log of every change"),
			entity:   "Audit log entry",
			want:     []string{"list"},
			noEntity: []string{"Change", "Audit log"},
		},
		{
			name:   "a thing a feature only names is made",
			src:    features("Ledger", "- Developers", "Create invoices", "Credit notes against a finalized invoice"),
			entity: "Credit note",
			want:   []string{"create"},
		},
		{
			name: "joining a queue makes an entry, which later verbs share and decisions about people act on",
			src: features("Queueless", "- Patients\n- Front-desk staff",
				"Patients join the queue by scanning a QR code, entering only a first name and a phone number",
				"Front desk sees the live queue on a tablet, can reorder for triage, and mark patients as called, seen or left"),
			entity:   "Queue entry",
			want:     []string{"create", "list", "!reorder", "!mark"},
			not:      []string{"update"},
			noEntity: []string{"Queue"},
		},
		{
			name:   "turning things into another makes it",
			src:    features("Field notes", "- Supervisors", "Flag a follow-up with a priority", "Supervisors turn flagged follow-ups into scheduled work orders"),
			entity: "Work order",
			want:   []string{"create"},
		},
		{
			name:   "flagging a thing with a field raises it, and turning it is no operation on it",
			src:    features("Field notes", "- Supervisors", "Flag a follow-up with a priority", "Supervisors turn flagged follow-ups into scheduled work orders"),
			entity: "Follow-up",
			want:   []string{"create"},
			not:    []string{"!turn", "!flag"},
		},
		{
			name:   "setting a thing's field changes the thing",
			src:    features("Fixwell", "- Coordinators", "A coordinator triages each new request, sets its priority and assigns it to a technician"),
			entity: "Request",
			want:   []string{"update", "!assign"},
		},
		{
			name:   "a relative clause's verb acts on the phrase before it",
			src:    features("Kilnshare", "- Members", "Fees are added to the member's monthly statement, which the studio manager exports for the bookkeeper"),
			entity: "Statement",
			want:   []string{"!export"},
		},
		{
			name:   "what a stored thing does is no operation people ask for",
			src:    features("Swapboard", "- Staff nurses\n- Ward managers", "Staff nurses create swaps", "The ward manager approves each swap; approved swaps update the roster", "Ward managers see the roster"),
			entity: "Roster",
			want:   []string{"list"},
			not:    []string{"update"},
		},
		{
			name:     "a denied verb makes nothing",
			src:      features("Streaks", "- Members", "Create a habit", "Reminder to members who have not checked in by a configurable hour"),
			entity:   "Habit",
			want:     []string{"create"},
			noEntity: []string{"Check-in", "Reminder"},
		},
		{
			name:     "booking an event makes the event",
			src:      features("Fixwell", "- Coordinators", "A coordinator books an appointment window with the tenant"),
			entity:   "Appointment",
			want:     []string{"create"},
			noEntity: []string{"Booking"},
		},
		{
			name:     "a label over a number is a setting",
			src:      features("Tanklog", "- Drivers", "Log each fill-up with gallons and price", "Tolerance: 2% on gallons"),
			entity:   "Fill-up",
			want:     []string{"create"},
			noEntity: []string{"Tolerance"},
		},
		{
			name:   "a verb and its particle name their action, and the second particle acts on the act",
			src:    features("Borrowbox", "- Volunteers", "Volunteers check tools out and in by scanning the tag on each tool"),
			entity: "Check-out",
			want:   []string{"create", "!check in"},
		},
		{
			name:     "a place named only after prepositions is no thing",
			src:      features("Oarlock", "- Members\n- Safety officers", "Sign out onto the water and back in", "Show the safety officer who is still on the water after sunset"),
			entity:   "Sign-out",
			want:     []string{"create"},
			noEntity: []string{"Water"},
		},
		{
			name: "what records go into holds them, in a PRD's words",
			src: features("Depot", "- Clerk", "The system must let a clerk record part number 1 in the ledger.",
				"The system must let a clerk record part number 2 in the ledger."),
			entity: "Ledger",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := read(t, tc.src)
			e := entity(t, m, tc.entity)
			got := opNames(e)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("%s's operations = %v, want %s", tc.entity, got, w)
				}
			}
			for _, w := range tc.not {
				if slices.Contains(got, w) {
					t.Errorf("%s's operations = %v, want no %s", tc.entity, got, w)
				}
			}
			for _, n := range tc.noEntity {
				if slices.Contains(names(m), n) {
					t.Errorf("entities = %v, want no %s", names(m), n)
				}
			}
		})
	}
}

// TestStatesOfActions checks the status a thing's actions imply: a guess
// a question asks about.
func TestStatesOfActions(t *testing.T) {
	m := read(t, features("Ledger", "- Developers", "Create, update, finalize and void invoices", "Mark a payment as sent or paid"))
	inv := entity(t, m, "Invoice")
	f, ok := field(inv, "status")
	if !ok || f.Type != Enum || !f.Guess || !slices.Equal(f.Values, []string{"finalized", "void"}) {
		t.Errorf("Invoice's status = %+v, want a guessed enum of finalized and void", f)
	}
	if !slices.ContainsFunc(m.Questions, func(q Question) bool { return q.About == "Invoice" && strings.Contains(q.Text, "status") }) {
		t.Errorf("no question on the guessed status: %+v", m.Questions)
	}
	pay := entity(t, m, "Payment")
	if _, ok := field(pay, "sent"); ok {
		t.Errorf("Payment's fields = %+v, want a status, not a flag of its first state", pay.Fields)
	}
	if f, ok := field(pay, "status"); !ok || !slices.Equal(f.Values, []string{"sent", "paid"}) {
		t.Errorf("Payment's status = %+v, want sent and paid", f)
	}
	if got := opNames(pay); !slices.Contains(got, "!mark") {
		t.Errorf("Payment's operations = %v, want mark (with the status)", got)
	}
}

// TestNotesOfQuestionWords checks that a note listing what a record keeps
// by question words gives its fields.
func TestNotesOfQuestionWords(t *testing.T) {
	src := "# Ledger\n\n## Who\n\n- Developers\n\n## What\n\n| Capability | Notes |\n| --- | --- |\n| Audit log of every change | Who, when, what changed |\n"
	m := read(t, src)
	e := entity(t, m, "Audit log entry")
	for _, w := range []struct {
		name string
		typ  FieldType
	}{{"who", Reference}, {"when", DateTime}, {"what changed", Text}} {
		if f, ok := field(e, w.name); !ok || f.Type != w.typ {
			t.Errorf("Audit log entry's %s = %+v, want a %s", w.name, f, w.typ)
		}
	}
}

// TestFieldsOfPeoplesRecord checks that "their" after the people who make
// one thing is that thing's, but for what people have of their own.
func TestFieldsOfPeoplesRecord(t *testing.T) {
	m := read(t, features("Queueless", "- Patients",
		"Patients join the queue by entering a first name",
		"Patients get an SMS with their position, and sign in with their email address"))
	e := entity(t, m, "Queue entry")
	if _, ok := field(e, "position"); !ok {
		t.Errorf("Queue entry's fields = %+v, want the patients' position in it", e.Fields)
	}
	if _, ok := field(e, "email address"); ok {
		t.Errorf("Queue entry's fields = %+v, want no email address: it is the patients' own", e.Fields)
	}
}
