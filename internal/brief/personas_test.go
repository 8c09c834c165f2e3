package brief

import "testing"

func TestParsePersona(t *testing.T) {
	tests := []struct {
		in   string
		want Persona
	}{
		{"**Team lead** of a remote software team of 4–15 people; sets the habits.",
			Persona{"Team lead", "Of a remote software team of 4–15 people; sets the habits."}},
		{"**Team member**; checks in, wants little friction.", Persona{"Team member", "Checks in, wants little friction."}},
		{"**Nurse:** hands over at shift change", Persona{"Nurse", "Hands over at shift change."}},
		{"Patients who walk in without an appointment", Persona{"Patients", "Who walk in without an appointment."}},
		{"the clinic manager", Persona{"Clinic manager", ""}},
		{"front-desk staff", Persona{"Front-desk staff", ""}},
		{"Dispatcher: assigns jobs to crews.", Persona{"Dispatcher", "Assigns jobs to crews."}},
		{"Dispatcher — assigns jobs to crews", Persona{"Dispatcher", "Assigns jobs to crews."}},
		{"Admins (configure the workspace)", Persona{"Admins", "Configure the workspace."}},
		{"Sales reps that travel a lot", Persona{"Sales reps", "That travel a lot."}},
		{"Parents with young children", Persona{"Parents with young children", ""}}, // "with" is part of a name ("Riders with disabilities")
		{"Customer service staff at the transit agency", Persona{"Customer service staff", "At the transit agency."}},
		{"An accountant, busy at month end", Persona{"Accountant", "Busy at month end."}},
		{"iOS developers", Persona{"iOS developers", ""}},
		{"Primary: parents planning the weekly shop", Persona{"Parents planning the weekly shop", ""}},
		{"Secondary: teenagers, who add snacks", Persona{"Teenagers", "Who add snacks."}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := parsePersona(tt.in); got != tt.want {
				t.Errorf("parsePersona(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestUsersParagraph(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"semicolons", "Patients who walk in without an appointment; front-desk staff; the clinic manager.",
			[]string{"Patients", "Front-desk staff", "Clinic manager"}},
		{"short names with commas", "Nurses, ward clerks and the charge nurse.", []string{"Nurses", "Ward clerks", "Charge nurse"}},
		{"long parts stay whole", "Nurses who work nights and hand over to the day shift, usually in a hurry.",
			[]string{"Nurses"}},
		{"prose", "It is for dispatchers and field crews.", []string{"Dispatchers", "Field crews"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newParser(nil)
			p.addUsersParagraph(tt.in)
			var got []string
			for _, u := range p.b.Users {
				got = append(got, u.Name)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("names = %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("names = %q, want %q", got, tt.want)
				}
			}
		})
	}
}

// TestLabelsNamePeople checks that an upper-case label over features
// that names a kind of person the users leave out adds them, a team by
// its work as the team ("OPS" is the "Ops team"), and files the features
// under them; a label naming a thing files nothing.
func TestLabelsNamePeople(t *testing.T) {
	src := "# Courierly\n\nCourierly connects merchants with couriers.\n\n## Features\n\n```text\n" +
		"COURIER\n  [ ] start / end shift\nOPS\n  [ ] approve couriers\nPAYMENTS\n  [ ] weekly statements\n```\n"
	b, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"start / end shift": "Couriers", "approve couriers": "Ops team", "weekly statements": ""}
	for _, f := range b.Features {
		if a, ok := want[f.Text]; !ok || a != f.Actor {
			t.Errorf("feature %q filed under %q, want %q", f.Text, f.Actor, a)
		}
	}
	for _, u := range b.Users {
		if u.Name == "Payments" {
			t.Errorf("users %v: a label naming a thing is no persona", b.Users)
		}
	}
}
