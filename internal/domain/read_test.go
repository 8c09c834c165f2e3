package domain

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/brief"
)

// read parses a brief written for a test and reads its model.
func read(t *testing.T, src string) Model {
	t.Helper()
	b, err := brief.Parse([]byte(src))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return Read(b, []byte(src))
}

// entity returns the model's entity of that name, failing the test when
// there is none.
func entity(t *testing.T, m Model, name string) Entity {
	t.Helper()
	for _, e := range m.Entities {
		if e.Name == name {
			return e
		}
	}
	t.Fatalf("no entity %q in %v", name, names(m))
	return Entity{}
}

func names(m Model) []string {
	var out []string
	for _, e := range m.Entities {
		out = append(out, e.Name)
	}
	return out
}

func field(e Entity, name string) (Field, bool) {
	for _, f := range e.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// brief wraps feature lines in a small headed brief.
func features(title, users string, lines ...string) string {
	var b strings.Builder
	b.WriteString("# " + title + "\n\n## Users\n\n" + users + "\n\n## Features\n\n")
	for _, l := range lines {
		b.WriteString("- " + l + "\n")
	}
	return b.String()
}

func TestFieldsFromFeatures(t *testing.T) {
	tests := []struct {
		name, src, entity string
		want              []Field // the name, type, optionality and values that matter
	}{
		{
			name:   "a create verb's with-list, one optional",
			src:    features("Jobtrail", "- Job seekers", "Add an application with company name, target role, offer URL (optional), status and application date"),
			entity: "Application",
			want: []Field{{Name: "company name", Type: String}, {Name: "offer url", Type: URL, Optional: true},
				{Name: "application date", Type: Date}},
		},
		{
			name:   "a label whose list is values split by slashes: the main thing's field",
			src:    features("Pagemark", "- Readers", "Add a book with its title and author", "Shelves: Want to read / Reading / Read / Abandoned"),
			entity: "Book",
			want:   []Field{{Name: "shelf", Type: Enum, Values: []string{"Want to read", "Reading", "Read", "Abandoned"}}},
		},
		{
			name:   "a label and its list",
			src:    features("Tripslip", "- Trip leaders", "Create a trip: title, dates, destination, cost per pupil and payment deadline"),
			entity: "Trip",
			want:   []Field{{Name: "title", Type: String}, {Name: "destination", Type: String}, {Name: "cost", Type: Money}, {Name: "payment deadline", Type: Date}},
		},
		{
			name:   "a status and its values in brackets",
			src:    features("Fixwell", "- Tenants", "Tenants see the status of each repair (received, scheduled, in progress, done)", "Tenants report a repair"),
			entity: "Repair",
			want:   []Field{{Name: "status", Type: Enum, Values: []string{"received", "scheduled", "in progress", "done"}}},
		},
		{
			name:   "a possessor's fields",
			src:    features("Quayside", "- Skippers", "Request a berth for one or more nights, giving the boat's name, length, beam and draught", "Skippers see their boat on the plan"),
			entity: "Boat",
			want:   []Field{{Name: "name", Type: String}, {Name: "length", Type: Number}, {Name: "beam", Type: Number}, {Name: "draught", Type: Number}},
		},
		{
			name:   "values without a name, a unit and a flag",
			src:    features("Marketday", "- Stallholders", "weekly pitch booking: choose which Saturdays, pitch size (3m or 6m), power yes/no"),
			entity: "Pitch booking",
			want:   []Field{{Name: "pitch size", Type: Enum, Values: []string{"3m", "6m"}}, {Name: "power", Type: Boolean}},
		},
		{
			name:   "fields per a parent",
			src:    features("Keyring", "- Developers", "Create named keys per project", "Last-used time and IP address per key"),
			entity: "Key",
			want:   []Field{{Name: "last-used time", Type: DateTime}, {Name: "ip address", Type: String}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := entity(t, read(t, tt.src), tt.entity)
			for _, w := range tt.want {
				f, ok := field(e, w.Name)
				if !ok {
					t.Errorf("%s has no field %q: %+v", e.Name, w.Name, e.Fields)
					continue
				}
				if f.Type != w.Type || f.Optional != w.Optional || w.Values != nil && !slices.Equal(f.Values, w.Values) {
					t.Errorf("%s.%s = %s optional=%v %q, want %s optional=%v %q", e.Name, f.Name, f.Type, f.Optional, f.Values,
						w.Type, w.Optional, w.Values)
				}
				if len(f.Lines) == 0 {
					t.Errorf("%s.%s cites no line", e.Name, f.Name)
				}
			}
		})
	}
}

func TestNoJunkEntities(t *testing.T) {
	tests := []struct {
		name, src string
		not       []string // names no entity may have
		want      []string // names that must be entities
	}{
		{
			name: "personas, the product and verb phrases are no entities",
			src: features("Rota", "- Shift leads\n- Volunteers",
				"Shift leads check volunteer hours every week",
				"Volunteers book a shift and cancel a booking",
				"Rota sends volunteers a reminder"),
			not:  []string{"Shift lead", "Volunteer", "Rota", "Shift leads check volunteer", "Are grouped"},
			want: []string{"Shift", "Booking"},
		},
		{
			name: "a field word is a field, a screen is no thing",
			src: features("Sipwell", "- Plant keepers",
				"Add a plant with a photo and how often it needs watering",
				"Mark a plant as watered",
				"See a dashboard of thirsty plants"),
			not:  []string{"Photo", "Dashboard", "Watering"},
			want: []string{"Plant"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := read(t, tt.src)
			got := names(m)
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("%q is an entity: %v", n, got)
				}
			}
			for _, n := range tt.want {
				if !slices.Contains(got, n) {
					t.Errorf("no entity %q: %v", n, got)
				}
			}
		})
	}
}

func TestGivenDataModel(t *testing.T) {
	src := `# Jobtrail

## Features

- Add an application
- Schedule an interview for an application

## Data model

### Application

| Field | Type | Notes |
| --- | --- | --- |
| company_name | text | required |
| offer_url | url | optional |
| status | enum | Wishlist, Applied, Offer |

### Interview

- Belongs to an application; an application has many interviews.
- Fields: scheduled_at (datetime), kind (phone, video, on-site)

## Tech

- Data models: Incident, TimelineEntry
`
	m := read(t, src)
	app := entity(t, m, "Application")
	if !app.Given {
		t.Errorf("Application is not marked given")
	}
	if f, _ := field(app, "offer url"); f.Type != URL || !f.Optional {
		t.Errorf("offer url = %+v, want an optional url", f)
	}
	if f, _ := field(app, "status"); f.Type != Enum || !slices.Equal(f.Values, []string{"Wishlist", "Applied", "Offer"}) {
		t.Errorf("status = %+v, want an enum of the table's values", f)
	}
	iv := entity(t, m, "Interview")
	if f, _ := field(iv, "kind"); !slices.Equal(f.Values, []string{"phone", "video", "on-site"}) {
		t.Errorf("kind = %+v", f)
	}
	if f, _ := field(iv, "scheduled at"); f.Type != DateTime {
		t.Errorf("scheduled at = %+v, want a datetime", f)
	}
	if !slices.ContainsFunc(iv.Relations, func(r Relation) bool { return r.Kind == BelongsTo && r.Entity == "Application" && !r.Guess }) {
		t.Errorf("Interview's relations = %+v, want it to belong to Application", iv.Relations)
	}
	if !slices.ContainsFunc(app.Relations, func(r Relation) bool { return r.Kind == HasMany && r.Entity == "Interview" }) {
		t.Errorf("Application's relations = %+v, want it to have many interviews", app.Relations)
	}
	entity(t, m, "Incident")
	entity(t, m, "Timeline entry")
}

func TestGivenAPI(t *testing.T) {
	src := `# Tablelist

## Features

- Add a restaurant to a list

## API

| Method | Path | What it does |
| --- | --- | --- |
| GET | /lists | the caller's lists |
| GET | /lists/{list_id}/restaurants | restaurants of a list, with ` + "`cuisine`" + ` and ` + "`price`" + ` filters |
| POST | /lists/{list_id}/restaurants | add a restaurant |
| DELETE | /lists/{list_id}/restaurants/{restaurant_id} | remove a restaurant |
| POST | /requests/{request_id}/accept | accept a request |
`
	m := read(t, src)
	if len(m.Endpoints) != 5 || m.Endpoints[1].Path != "/lists/{list_id}/restaurants" || m.Endpoints[3].Method != "DELETE" {
		t.Fatalf("endpoints = %+v, want the brief's five, as written", m.Endpoints)
	}
	r := entity(t, m, "Restaurant")
	if !slices.ContainsFunc(r.Relations, func(x Relation) bool { return x.Kind == BelongsTo && x.Entity == "List" }) {
		t.Errorf("Restaurant's relations = %+v, want it to belong to List", r.Relations)
	}
	var kinds []OperationKind
	for _, o := range r.Operations {
		kinds = append(kinds, o.Kind)
		if o.Kind == OpList && !slices.Equal(o.Filters, []string{"cuisine", "price"}) {
			t.Errorf("list filters = %q, want the route's", o.Filters)
		}
	}
	for _, k := range []OperationKind{OpList, OpCreate, OpDelete} {
		if !slices.Contains(kinds, k) {
			t.Errorf("Restaurant has no %s operation: %+v", k, r.Operations)
		}
	}
	req := entity(t, m, "Request")
	if !slices.ContainsFunc(req.Operations, func(o Operation) bool { return o.Kind == OpAction && o.Name == "accept" }) {
		t.Errorf("Request's operations = %+v, want the action accept", req.Operations)
	}
}

func TestRelationsAndOwnership(t *testing.T) {
	m := read(t, features("Parley", "- Interpreters\n- Coordinators",
		"Coordinators assign bookings to interpreters",
		"Interpreters submit their timesheet and mileage for each job",
		"Interpreters accept or decline jobs on their phone"))
	ts := entity(t, m, "Timesheet")
	if ts.Owner != "Interpreters" {
		t.Errorf("Timesheet's owner = %q, want the persona whose it is", ts.Owner)
	}
	if !slices.ContainsFunc(ts.Relations, func(r Relation) bool { return r.Kind == BelongsTo && r.Entity == "Job" }) {
		t.Errorf("Timesheet's relations = %+v, want it to belong to Job", ts.Relations)
	}
	if f, ok := field(ts, "job"); !ok || f.Type != Reference || f.Ref != "Job" {
		t.Errorf("Timesheet's job = %+v, want a reference to Job", f)
	}
}

func TestGuessedRelationAsks(t *testing.T) {
	m := read(t, features("Sproutline", "- Coordinators", "Pair a sensor to a site by scanning the code on its back", "Coordinators see each site's sensors"))
	s := entity(t, m, "Sensor")
	if !slices.ContainsFunc(s.Relations, func(r Relation) bool { return r.Entity == "Site" && r.Guess }) {
		t.Fatalf("Sensor's relations = %+v, want a guessed link to Site", s.Relations)
	}
	if !slices.ContainsFunc(m.Questions, func(q Question) bool { return q.About == "Sensor" && strings.Contains(q.Text, "site") }) {
		t.Errorf("no question on the guessed relation: %+v", m.Questions)
	}
}

func TestOperations(t *testing.T) {
	m := read(t, features("Jobtrail", "- Job seekers",
		"Archive an application, and restore it from the archive",
		"Export all applications as CSV",
		"Mark an application as rejected",
		"See the applications, filtered by status and priority"))
	app := entity(t, m, "Application")
	got := map[string]Operation{}
	for _, o := range app.Operations {
		got[string(o.Kind)+" "+o.Name] = o
		if o.Feature == "" || len(o.Lines) == 0 {
			t.Errorf("operation %s %s names no feature or line", o.Kind, o.Name)
		}
	}
	for _, k := range []string{"action archive", "action restore", "action export", "action mark as rejected", "list list"} {
		if _, ok := got[k]; !ok {
			t.Errorf("no operation %q in %v", k, slices.Sorted(mapsKeys(got)))
		}
	}
	if o := got["list list"]; !slices.Equal(o.Filters, []string{"status", "priority"}) {
		t.Errorf("list filters = %q, want status and priority", o.Filters)
	}
}

func mapsKeys(m map[string]Operation) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, c := range loadCases(t) {
		b, err := brief.Parse(c.src)
		if err != nil {
			t.Fatal(err)
		}
		first := Read(b, c.src)
		for range 3 {
			if again := Read(b, c.src); !reflect.DeepEqual(first, again) {
				t.Fatalf("%s: two readings differ", c.exp.Brief)
			}
		}
	}
}

// TestCitations checks every citation of every corpus model names lines
// of its brief.
func TestCitations(t *testing.T) {
	for _, c := range loadCases(t) {
		b, err := brief.Parse(c.src)
		if err != nil {
			t.Fatal(err)
		}
		n := len(strings.Split(strings.TrimSuffix(string(c.src), "\n"), "\n"))
		m := Read(b, c.src)
		check := func(what string, spans []brief.Span) {
			for _, s := range spans {
				if s.Start < 1 || s.End > n || s.End < s.Start {
					t.Errorf("%s: %s cites lines %s of %d", c.exp.Brief, what, s, n)
				}
			}
		}
		for _, e := range m.Entities {
			if len(e.Lines) == 0 {
				t.Errorf("%s: %s cites no line", c.exp.Brief, e.Name)
			}
			check(e.Name, e.Lines)
			for _, f := range e.Fields {
				check(e.Name+"."+f.Name, f.Lines)
			}
			for _, o := range e.Operations {
				check(e.Name+" "+o.Name, o.Lines)
			}
		}
		for _, comp := range m.Components {
			check(comp.Name, comp.Lines)
		}
	}
}

func TestNilInputs(t *testing.T) {
	if m := Read(nil, nil); len(m.Entities) != 0 || m.Platform.Kind != Web || m.Platform.Stated {
		t.Errorf("Read(nil, nil) = %+v, want an empty model on an unstated web platform", m)
	}
	src := features("Sipwell", "- Plant keepers", "Add a plant with a photo", "Mark a plant as watered")
	b, err := brief.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	// Without the brief as written, the parsed brief is read alone.
	entity(t, Read(b, nil), "Plant")
}

// TestOneThingOneEntity checks that the names a brief gives one thing
// make one entity: kinds named together ("cash and cheque payments"
// beside "payments"), a list and its entries ("timeline: entries with
// …"), a verb used as a noun and the noun made of it ("invite",
// "invitation"); and a means listed with names it does not know ("by
// card, Apple Pay or Google Pay") gives one field.
func TestOneThingOneEntity(t *testing.T) {
	m := read(t, features("Clubfees", "- Treasurers\n- Members",
		"Members pay their subscription by card, Apple Pay or Google Pay",
		"Treasurers record cash and cheque payments against a member",
		"Treasurers export payments as CSV",
		"Incident timeline: entries with a timestamp, an author and text",
		"Send an invite to a new member by email",
		"Members accept the invitation from the email"))
	var names []string
	for _, e := range m.Entities {
		names = append(names, e.Name)
	}
	for _, gone := range []string{"Cash payment", "Cheque payment", "Incident timeline"} {
		if slices.Contains(names, gone) {
			t.Errorf("entities %q: %q is a name of another entity's thing", names, gone)
		}
	}
	pay := entity(t, m, "Payment")
	i := slices.IndexFunc(pay.Fields, func(f Field) bool { return f.Name == "method" })
	if i < 0 || !slices.Equal(pay.Fields[i].Values, []string{"card", "Apple Pay", "Google Pay", "cash", "cheque"}) {
		t.Errorf("Payment fields %+v: want one method with every means the brief names", pay.Fields)
	}
	if slices.ContainsFunc(pay.Fields, func(f Field) bool { return strings.Contains(f.Name, "pay") }) {
		t.Errorf("Payment fields %+v: Apple Pay is a method, not a field", pay.Fields)
	}
	entry := entity(t, m, "Incident timeline entry")
	// (The timestamp in "entries with a timestamp" is still lost: see
	// the notes.)
	for _, want := range []string{"author", "text"} {
		if !slices.ContainsFunc(entry.Fields, func(f Field) bool { return f.Name == want }) {
			t.Errorf("Timeline entry fields %+v: want %q", entry.Fields, want)
		}
	}
	if slices.Contains(names, "Invite") == slices.Contains(names, "Invitation") {
		t.Errorf("entities %q: want one of Invite and Invitation", names)
	}
}
