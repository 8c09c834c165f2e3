package offline

import (
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
)

// TestRequirementSentence covers each feature shape, with the personas of
// the sample briefs.
func TestRequirementSentence(t *testing.T) {
	clinic := newPeople(clinicQueue().Users, map[string]bool{}, "QueueLess")
	habit := newPeople(habitTracker().Users, map[string]bool{"slack": true}, "Streaks")
	nobody := newPeople(nil, map[string]bool{}, "Field Notes")
	tests := []struct {
		name    string
		p       people
		feature string
		want    string
	}{
		{"subject and verb", clinic, "Patients join the queue by scanning a QR code at the entrance",
			"The system must let patients join the queue by scanning a QR code at the entrance."},
		{"modal and coordinated passive", clinic, "Patients may wait outside and are texted when they are third in line",
			"The system must let patients wait outside and be texted when they are third in line."},
		{"persona named loosely", clinic, "Front desk sees the live queue on a tablet, can reorder for triage, and mark patients as called, seen or left",
			"The system must let front-desk staff see the live queue on a tablet, reorder for triage, and mark patients as called, seen or left."},
		{"the brief's determiner kept", clinic, "The clinic manager sees daily reports: arrivals per hour, median wait, walk-outs",
			"The system must let the clinic manager see daily reports: arrivals per hour, median wait, walk-outs."},
		{"imperative, first persona", habit, "Create a team and invite members by email link.",
			"The system must let a team lead create a team and invite members by email link."},
		{"imperative, persona by described verb", habit, "Check in to a habit from the web app or from Slack",
			"The system must let a team member check in to a habit from the web app or from Slack."},
		{"noun phrase, one thing", habit, "Team board showing each habit's streak and this week's completion rate",
			"The system must provide a team board showing each habit's streak and this week's completion rate."},
		{"noun phrase, many things", habit, "Multi-currency invoices", "The system must support multi-currency invoices."},
		{"noun phrase, an activity", habit, "PDF rendering with the customer's branding",
			"The system must support PDF rendering with the customer's branding."},
		{"noun phrase, vowel sound", habit, "Audit log of every change", "The system must provide an audit log of every change."},
		{"noun that looks like a verb", habit, "Credit notes against a finalized invoice",
			"The system must support credit notes against a finalized invoice."},
		{"pronoun subject, no personas", nobody, "They pick the asset from a map, record the inspection, and flag a follow-up",
			"The system must let users pick the asset from a map, record the inspection, and flag a follow-up."},
		{"the product as subject", nobody, "Everything has to work offline and sync when the phone is back in coverage",
			"The system must work offline and sync when the phone is back in coverage."},
		{"actor that is no persona", nobody, "Supervisors should see the day's findings on a dashboard",
			"The system must let supervisors see the day's findings on a dashboard."},
		{"lower-case fragment", nobody, "turn flagged follow-ups into scheduled work orders",
			"The system must let users turn flagged follow-ups into scheduled work orders."},
		{"modal and able to", nobody, "Users should be able to export their data",
			"The system must let users export their data."},
		{"a person by suffix", nobody, "Visitors see a cookie banner on their first visit",
			"The system must let visitors see a cookie banner on their first visit."},
		{"a thing as subject", nobody, "The dashboard shows revenue by month",
			"The system must provide a dashboard that shows revenue by month."},
		{"a thing with a verb that looks like a noun", nobody, "The dashboard shows spend by team",
			"The system must provide a dashboard that shows spend by team."},
		{"things as subject", nobody, "Reminders go out at 9am", "The system must support reminders that go out at 9am."},
		{"what the product does", nobody, "Send a weekly summary email to managers",
			"The system must send a weekly summary email to managers."},
		{"support as a verb", nobody, "Support multiple languages", "The system must support multiple languages."},
		{"a verb that could be a noun, before its object", nobody, "Exports the checked BOM as CSV.",
			"The system must export the checked BOM as CSV."},
		{"the scope first, then what the product does", nobody, "For each BOM line, shows the best offer: distributor, stock and lead time",
			"The system must show the best offer for each BOM line: distributor, stock and lead time."},
		{"support for", nobody, "Support for SSO via Okta", "The system must support SSO via Okta."},
		{"user story", nobody, "As a driver, I want to see my route so that I am on time",
			"The system must let a driver see their route so that they are on time."},
		{"ability", nobody, "Ability to undo the last change", "The system must let users undo the last change."},
		{"allow", nobody, "Allow admins to bulk-assign tickets", "The system must let admins bulk-assign tickets."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := requirementSentence(tt.p.analyse(tt.feature)); got != tt.want {
				t.Errorf("\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestFeatureNotes(t *testing.T) {
	tests := []struct{ notes, want string }{
		{"Drafts editable; finalized invoices immutable", "Drafts are editable; finalized invoices are immutable."},
		{"FX rate recorded", "FX rate is recorded."},
		{"Totals in the invoice currency; FX rate recorded", "Notes from the brief: Totals in the invoice currency; FX rate recorded."},
		{"Partial or full", "Notes from the brief: Partial or full."},
		{"Invoices are immutable once sent.", "Invoices are immutable once sent."},
		{"", ""},
	}
	for _, tt := range tests {
		if got := notesText(tt.notes); got != tt.want {
			t.Errorf("notesText(%q) = %q, want %q", tt.notes, got, tt.want)
		}
	}
}

func TestConstraintText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HIPAA: phone numbers and names are PHI; store them encrypted and delete after 30 days",
			"HIPAA: phone numbers and names are PHI; the system must store them encrypted and delete after 30 days."},
		{"Must work on the clinic's existing Wi-Fi", "The system must work on the clinic's existing Wi-Fi."},
		{"Pages load in under 1 second at the 95th percentile.", "Pages must load in under 1 second at the 95th percentile."},
		{"Slack integration uses Slack's official API only", "Slack integration must use Slack's official API only."},
		{"Must comply with GDPR; members can delete their data", "The system must comply with GDPR; members must be able to delete their data."},
		{"Every write endpoint accepts an idempotency key", "Every write endpoint must accept an idempotency key."},
		{"SOC 2 controls apply; invoices are retained for 10 years", "SOC 2 controls must apply; invoices must be retained for 10 years."},
		{"API is versioned; breaking changes only in a new major version", "API must be versioned; breaking changes only in a new major version."},
		{"Everything has to work offline", "Everything must work offline."},
		// A plural noun that is also a verb form is the subject, not the
		// verb; a noun in a list is no verb.
		{"Records are kept for 15 years after a study closes", "Records must be kept for 15 years after a study closes."},
		{"Label printers are Zebra ZD421 units driven with ZPL", "Label printers are Zebra ZD421 units driven with ZPL."},
		{"Electronic records and signatures meet 21 CFR Part 11", "Electronic records and signatures meet 21 CFR Part 11."},
		{"Security wants the data encrypted on the device", "The data must be encrypted on the device."},
		{"Supervisors should see findings daily", "Supervisors must see findings daily."},
		// Facts, guesses and verbless clauses stay as written.
		{"Clinics have 1–3 front-desk staff and 20–120 walk-ins a day", "Clinics have 1–3 front-desk staff and 20–120 walk-ins a day."},
		{"SMS via a third-party gateway; we assume delivery within 30 seconds", "SMS must be sent via a third-party gateway; we assume delivery within 30 seconds."},
		{"Reminder emails through the company's mail relay", "Reminder emails must be sent through the company's mail relay."},
		{"Payments via Stripe", "Payments via Stripe."},
		{"About 60 technicians would use it at first", "About 60 technicians would use it at first."},
		{"The utility's asset register lives in an existing GIS system", "The utility's asset register lives in an existing GIS system."},
		{"99.95% monthly availability; p99 latency under 300 ms for reads", "99.95% monthly availability; p99 latency must be under 300 ms for reads."},
		{"GDPR compliant", "The system must be GDPR compliant."},
		{"All data stored in the EU", "All data must be stored in the EU."},
		{"Response time < 200ms", "Response time must be under 200ms."},
		{"Works on iOS and Android", "The system must work on iOS and Android."},
		{"Should integrate with Slack", "The system must integrate with Slack."},
		{"Can run offline for a day", "The system must be able to run offline for a day."},
		{"Uptime 99.9%", "Uptime 99.9%."},
		{"Budget: two engineers for one quarter", "Budget: two engineers for one quarter."},
		{"The app must be usable offline", "The app must be usable offline."},
	}
	for _, tt := range tests {
		if got := constraintText(tt.in, map[string]bool{"slack": true}); got != tt.want {
			t.Errorf("constraintText(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestStoryTitle(t *testing.T) {
	tests := []struct {
		kind featureKind
		body string
		want string
	}{
		{kindActor, "join the queue by scanning a QR code at the entrance", "Join the queue"},
		{kindActor, "create a team and invite members by email link", "Create a team and invite members"},
		{kindActor, "see the live queue on a tablet, reorder for triage, and mark patients", "See the live queue on a tablet"},
		{kindActor, "create, update, finalize and void invoices", "Create, update, finalize and void invoices"},
		{kindActor, "mark patients as called, seen or left", "Mark patients as called, seen or left"},
		{kindActor, "see daily reports: arrivals per hour, median wait", "See daily reports"},
		{kindActor, "check in to a habit from the web app or from Slack", "Check in to a habit"},
		{kindActor, "get an SMS with my position and an estimated wait", "Get an SMS"},
		{kindActor, "export the full check-in history of every single team member as CSV", "Export the full check-in history of every single"},
		{kindSystem, "work offline and sync when the phone is back in coverage", "Work offline and sync"},
		{kindNoun, "a team board showing each habit's streak and this week's completion rate", "Team board"},
		{kindNoun, "multi-currency invoices", "Multi-currency invoices"},
		{kindNoun, "a reminder to members who have not checked in", "Reminder to members"},
		{kindNoun, "a weekly digest email to the lead and the manager", "Weekly digest email"},
		{kindNoun, "credit notes against a finalized invoice", "Credit notes"},
		{kindNoun, "an audit log of every change", "Audit log of every change"},
	}
	for _, tt := range tests {
		if got := storyTitle(frParts{kind: tt.kind, body: tt.body}); got != tt.want {
			t.Errorf("storyTitle(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestStoryRoleAndWant(t *testing.T) {
	personas := []artifact.Persona{{Name: "Patients"}, {Name: "Front-desk staff"}, {Name: "Our support team"}, {Name: "Developer at a customer"}}
	tests := []struct {
		fr         string
		role, want string
	}{
		{"The system must let patients get an SMS with their position.", "patient", "to get an SMS with my position"},
		{"The system must let front-desk staff see the live queue.", "front-desk staff member", "to see the live queue"},
		{"The system must let our support team see an invoice's full history.", "support team member", "to see an invoice's full history"},
		{"The system must let a developer at a customer void invoices.", "developer at a customer", "to void invoices"},
		{"The system must let supervisors see the day's findings.", "supervisor", "to see the day's findings"},
		{"The system must work offline.", "patient", "the system to work offline"},
		// Who wants a thing: the persona sharing most words with it.
		{"The system must provide a team board.", "support team member", "a team board"},
		// Edited by hand: read as a feature.
		{"Patients can leave the queue.", "patient", "to leave the queue"},
	}
	for _, tt := range tests {
		parts := parseFR(tt.fr, personas, map[string]bool{})
		role, want := storyRole(parts, personas, map[string]bool{}), storyWant(parts, personas)
		if role != tt.role || want != tt.want {
			t.Errorf("%q: role %q want %q; expected %q, %q", tt.fr, role, want, tt.role, tt.want)
		}
	}
}

// TestNoteCriteria covers the criterion a note from the brief becomes: in
// Given/When/Then form, on the story's whole action, with the note as the
// outcome when it is a clause and quoted when it is not.
func TestNoteCriteria(t *testing.T) {
	personas := []artifact.Persona{{Name: "Developer at a customer"}, {Name: "Managers"}}
	tests := []struct{ fr, when, then string }{
		{"The system must let a developer at a customer create, update, finalize and void invoices. Drafts are editable.",
			"they create, update, finalize and void invoices", "drafts are editable"},
		{"The system must support credit notes against a finalized invoice. Notes from the brief: Partial or full.",
			"they use credit notes", "credit notes meet the brief's note: partial or full"},
		{"The system must provide an audit log of every change. Notes from the brief: Who, when, what changed.",
			"they use the audit log", "the audit log meets the brief's note: who, when, what changed"},
		{"The system must sync notes and upload photos. Notes from the brief: Over Wi-Fi only.",
			"the system syncs notes and uploads photos", "the result meets the brief's note: over Wi-Fi only"},
	}
	for _, tt := range tests {
		parts := parseFR(tt.fr, personas, map[string]bool{})
		c := storyCtx{n: 1, role: "developer at a customer", product: "Ledgerline", parts: parts, proper: map[string]bool{}}
		if len(parts.notes) != 1 {
			t.Fatalf("%q: notes %q, want one", tt.fr, parts.notes)
		}
		got := c.noteCriterion(parts.notes[0])
		if got.Given != "a developer at a customer is using Ledgerline" || got.When != tt.when || got.Then != tt.then || got.Text != "" {
			t.Errorf("%q:\n got %+v\nwant when %q, then %q", tt.fr, got, tt.when, tt.then)
		}
	}
}

func TestSoThat(t *testing.T) {
	goals := []artifact.Goal{
		{ID: "G-1", Text: "Teams keep 80% of agreed habits for at least 8 weeks"},
		{ID: "G-2", Text: "Reduce walk-outs before patients are seen"},
		{ID: "G-3", Text: "Faster check-ins"},
	}
	tests := []struct{ body, want string }{
		{"a team board showing each habit's streak and this week's completion rate", "teams keep 80% of agreed habits for at least 8 weeks"},
		{"to see walk-outs and patients seen today", "we reduce walk-outs before patients are seen"},
		{"to create a team", ""},    // one shared word is not enough
		{"to check in quickly", ""}, // a goal without a verb cannot follow "so that"
	}
	for _, tt := range tests {
		if got := soThat(tt.body, goals, map[string]bool{}); got != tt.want {
			t.Errorf("soThat(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestMissingPartsQuestions(t *testing.T) {
	b := &brief.Brief{Title: "Kiosk", Features: []brief.Feature{{Text: "Print a ticket"}},
		Metrics: []brief.Metric{{Name: "Queue length"}}, Missing: []string{"timeline"}}
	p := BuildPRD(b)
	var got []string
	for _, q := range p.OpenQuestions {
		got = append(got, q.Text)
	}
	want := []string{
		"How would you describe Kiosk in one or two sentences?",
		"What problem does Kiosk solve, and for whom?",
		"Who will use Kiosk, and what does each kind of user need from it?",
		"What goals should the first release of Kiosk reach?",
		"What is explicitly out of scope for the first release?",
		"Which constraints apply: compliance, performance, platforms, budget or deadlines?",
		"The brief does not cover its timeline; what should it say?",
		"What is the target for this metric: Queue length?",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("questions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if fr := p.Functional[0].Text; fr != "The system must let users print a ticket." {
		t.Errorf("FR without personas: %q", fr)
	}
}

func TestLexicon(t *testing.T) {
	if len(lexicon().byBase) < 300 {
		t.Errorf("lexicon has %d verbs, want a few hundred", len(lexicon().byBase))
	}
	for _, bad := range []string{"create\ncreate\n", "see saw\n"} {
		if _, err := parseLexicon(bad); err == nil {
			t.Errorf("parseLexicon(%q) accepted a bad lexicon", bad)
		}
	}
	// Words that start noun phrases in briefs must not be read as verbs.
	for _, w := range []string{"line", "credit", "team", "board", "page", "name", "phone", "invoice"} {
		if baseVerb(w) != nil {
			t.Errorf("%q is in the verb lexicon; features starting with it would read as instructions", w)
		}
	}
	for _, w := range []string{"audit", "export", "record", "check", "email"} {
		if v := baseVerb(w); v == nil || !v.noun {
			t.Errorf("%q should be a verb marked as also a noun", w)
		}
	}
}

func TestSequenceAdverb(t *testing.T) {
	b := &brief.Brief{Title: "Fixwell", Users: []brief.Persona{{Name: "Tenants"}}, Features: []brief.Feature{
		{Text: "The tenant then confirms that the repair is fixed"},
		{Text: "Check in and then scan the tag"},
	}}
	p := BuildPRD(b)
	want := []string{
		"The system must let tenants confirm that the repair is fixed.",
		"The system must let tenants check in and then scan the tag.",
	}
	for i, fr := range p.Functional {
		if fr.Text != want[i] {
			t.Errorf("FR %d = %q, want %q", i+1, fr.Text, want[i])
		}
	}
}

// A confirmation is recorded; a time window on an action is tested past
// its end.
func TestConfirmAndPronounRule(t *testing.T) {
	b := &brief.Brief{Title: "Fixwell", Users: []brief.Persona{{Name: "Tenants"}}, Features: []brief.Feature{
		{Text: "The tenant confirms that the repair is fixed"},
		{Text: "The tenant reopens it within seven days"},
	}}
	p := BuildPRD(b)
	p.Number()
	st := BuildStories(p)
	var thens []string
	for _, s := range st.Stories {
		for _, c := range s.Criteria {
			thens = append(thens, c.Then)
		}
	}
	all := strings.Join(thens, " | ")
	for _, want := range []string{"it is recorded that the repair is fixed", "it is refused, and they are told it can only be done within seven days"} {
		if !strings.Contains(all, want) {
			t.Errorf("no criterion says %q: %s", want, all)
		}
	}
}

// "Access control" is a thing to support, not an action on "control".
func TestAccessControl(t *testing.T) {
	p := BuildPRD(&brief.Brief{Title: "Aliquot", Users: []brief.Persona{{Name: "Lab technician"}}, Features: []brief.Feature{{Text: "Access control"}}})
	if got, want := p.Functional[0].Text, "The system must support access control."; got != want {
		t.Errorf("FR-001 = %q, want %q", got, want)
	}
}

// What the product does by itself is nobody's to be refused, and nobody
// opens it: no refusal and no empty state on a system story, even where
// the PRD has sign-in.
func TestSystemStoryNoRefusal(t *testing.T) {
	p := BuildPRD(&brief.Brief{Title: "Fixwell", Users: []brief.Persona{{Name: "Tenants"}},
		Features: []brief.Feature{{Text: "Tenants sign in with their email address"}, {Text: "The app must show the number"}}})
	p.Number()
	for _, s := range BuildStories(p).Stories {
		if s.Traces[0] != "FR-002" {
			continue
		}
		for _, c := range s.Criteria {
			if strings.Contains(c.Given, "not allowed") || strings.Contains(c.When, "system open") {
				t.Errorf("%s: %+v", c.ID, c)
			}
		}
	}
}
