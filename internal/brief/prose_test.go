package brief

import (
	"fmt"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two? Three!", []string{"One.", "Two?", "Three!"}},
		{`Staff answer "how long?" dozens of times. Then more.`, []string{`Staff answer "how long?" dozens of times.`, "Then more."}},
		{"Uptime is 99.95% a month. Reads are fast.", []string{"Uptime is 99.95% a month.", "Reads are fast."}},
		{"Use tools, e.g. Slack. Then stop.", []string{"Use tools, e.g. Slack.", "Then stop."}},
		{"Recurring bookings (e.g. Mon/Wed/Fri 12:00). Then stop.", []string{"Recurring bookings (e.g. Mon/Wed/Fri 12:00).", "Then stop."}},
		{"It ends (really.) Next one.", []string{"It ends (really.)", "Next one."}},
		{"lower. case stays", []string{"lower. case stays"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := sentences(tt.in); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("sentences(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFeaturePhrases(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"They pick the asset from a map or by scanning the tag on it, record the inspection with a few taps and a voice note, attach photos, and flag a follow-up with a priority.",
			[]string{"Pick the asset from a map or by scanning the tag on it", "Record the inspection with a few taps and a voice note", "Attach photos", "Flag a follow-up with a priority"}},
		{"Supervisors should see the day's findings on a dashboard by the end of the shift and turn flagged follow-ups into scheduled work orders.",
			[]string{"Supervisors see the day's findings on a dashboard by the end of the shift", "Supervisors turn flagged follow-ups into scheduled work orders"}},
		{"The supervisor can approve a request.", []string{"The supervisor can approve a request"}},
		{"The app sends a reminder and shows the streak.", []string{"The app sends a reminder", "The app shows the streak"}},
		{"Export the history as CSV.", []string{"Export the history as CSV"}},
		{"Dispatchers drag jobs onto a plumber's day, and plumbers see their route on their phone.",
			[]string{"Dispatchers drag jobs onto a plumber's day", "Plumbers see their route on their phone"}},
		{"Our dispatchers juggle phone calls and a whiteboard.", nil},
		{"The weather was bad.", nil},
	}
	for _, tt := range tests {
		got, _ := featureClauses(tt.in)
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("featurePhrases(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRoleNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Field technicians for a regional water utility spend the last hour", []string{"Field technicians"}},
		{"The notes arrive late, and supervisors plan the next day.", []string{"Supervisors"}},
		{"About 60 technicians would use it.", []string{"Technicians"}},
		{"Patients, front-desk staff and the clinic manager.", []string{"Patients", "Front-desk staff", "Clinic manager"}},
		{"PDF rendering with the customer's branding and a user interface.", nil},
	}
	for _, tt := range tests {
		if got := roleNames(tt.in); fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("roleNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestProseOnlyBrief reads a brief without a single recognised heading.
func TestProseOnlyBrief(t *testing.T) {
	src := `# Shift Swap

Nurses waste an hour a week arranging shift swaps by text message, and managers
find out too late. Do we need union approval for swaps?

We are building a web app that lets nurses swap shifts safely. Nurses post a
shift, browse open shifts and accept one. Managers approve a swap with one tap.
It must run on the hospital's existing SSO. We assume every nurse has a phone.
If it works, swap messages should drop from 40 a week to under 5, and no shift
should be left uncovered. We won't handle payroll.
`
	b, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ what, got, want string }{
		{"Title", b.Title, "Shift Swap"},
		{"Summary", b.Summary, "We are building a web app that lets nurses swap shifts safely."},
		{"Problem", b.Problem, "Nurses waste an hour a week arranging shift swaps by text message, and managers find out too late."},
		{"Users", fmt.Sprintf("%q", b.Users), `[{"Nurses" ""} {"Managers" ""}]`},
		{"Features", features(b), "Nurses post a shift; Nurses browse open shifts; Nurses accept one; Managers approve a swap with one tap | "},
		{"Constraints", strings.Join(b.Constraints, "|"), "It must run on the hospital's existing SSO"},
		{"Risks", strings.Join(b.Risks, "|"), "We assume every nurse has a phone"},
		{"Metrics", fmt.Sprintf("%q", b.Metrics), `[{"Swap messages" "40 a week" "under 5"} {"Shift left uncovered" "" "none"}]`},
		{"NonGoals", strings.Join(b.NonGoals, "|"), "Handle payroll"},
		{"OpenQuestions", strings.Join(b.OpenQuestions, "|"), "Do we need union approval for swaps?"},
		{"Missing", strings.Join(b.Missing, ","), "goals"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.what, c.got, c.want)
		}
	}
}

func TestSections(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // fmt of selected fields
		get  func(*Brief) any
	}{
		{"unrecognised heading does not leak", "# X\n\n## Problem\n\nSlow.\n\n## Appendix\n\n- not a feature\n\n## Features\n\n- Fast\n",
			`"Fast | "`, func(b *Brief) any { return features(b) }},
		{"nested section inherits", "# X\n\n## Constraints\n\n### Security\n\n- Encrypt data\n\n### Hosting\n\n- EU only\n",
			`["Encrypt data" "EU only"]`, func(b *Brief) any { return b.Constraints }},
		{"nested recognised section is its own", "# X\n\n## Scope\n\n- Export\n\n### Out of scope\n\n- Import\n",
			`Export |  ["Import"]`, func(b *Brief) any { return fmt.Sprintf("%s %q", features(b), b.NonGoals) }},
		{"assumptions go to risks, the plan to plan", "## Constraints and assumptions\n\n- Runs on Android\n- We assume Wi-Fi\n- Assuming two staff; budget is fixed\n",
			`["Runs on Android"] ["We assume Wi-Fi" "Assuming two staff"] ["Budget is fixed"]`,
			func(b *Brief) any { return fmt.Sprintf("%q %q %q", b.Constraints, b.Risks, b.Plan) }},
		{"nested items join their parent", "## Goals\n\n- Faster reports:\n  - daily\n  - weekly\n",
			`["Faster reports: daily; weekly"]`, func(b *Brief) any { return b.Goals }},
		{"questions paragraph", "## Open questions\n\nWho pays? When do we launch?\n",
			`["Who pays?" "When do we launch?"]`, func(b *Brief) any { return b.OpenQuestions }},
		{"problem keeps paragraphs and lists", "## Problem\n\nIt is slow.\n\n- Paper forms\n- Lost photos\n",
			`"It is slow.\n\n- Paper forms\n- Lost photos"`, func(b *Brief) any { return b.Problem }},
		{"intro fills what sections lack", "# X\n\nWe want an app that tracks habits.\n\n## Features\n\n- Check in\n",
			`"We want an app that tracks habits."`, func(b *Brief) any { return b.Summary }},
		{"intro does not override sections", "# X\n\nWe won't do payroll.\n\n## Non-goals\n\n- Billing\n",
			`["Billing"]`, func(b *Brief) any { return b.NonGoals }},
		{"goals and non-goals", "## Goals & non-goals\n\n- Halve duplicate purchases\n- No recipe features\n",
			`["Halve duplicate purchases"] ["No recipe features"]`,
			func(b *Brief) any { return fmt.Sprintf("%q %q", b.Goals, b.NonGoals) }},
		{"task list markers", "## Goals\n\n- [ ] Ship beta\n- [x] Hire designer\n",
			`["Ship beta" "Hire designer"]`, func(b *Brief) any { return b.Goals }},
		{"metrics paragraph", "## Success metrics\n\nIf it works, 200 households are active after 3 months.\n",
			`[{"Households are active" "" "200 after 3 months"}]`, func(b *Brief) any { return b.Metrics }},
		{"intro paragraph is the summary", "# Tally\n\nTally keeps one grocery list per household.\n\n## Problem\n\nLists get lost.\n",
			`"Tally keeps one grocery list per household."`, func(b *Brief) any { return b.Summary }},
		{"labelled paragraph", "Users: nurses, doctors and porters.\n\nOut of scope: billing.\n",
			`[{"Nurses" ""} {"Doctors" ""} {"Porters" ""}] ["Billing"]`,
			func(b *Brief) any { return fmt.Sprintf("%q %q", b.Users, b.NonGoals) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			got := tt.get(b)
			s, ok := got.(string)
			if !ok || strings.HasPrefix(tt.want, `"`) {
				s = fmt.Sprintf("%q", got)
			}
			if s != tt.want {
				t.Errorf("got %s, want %s", s, tt.want)
			}
		})
	}
}

func TestProductStatement(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"We want a simple phone app that a technician can use with gloves on.", true},
		{"We are building a scheduler for clinics.", true},
		{"A dispatch board for small plumbing companies.", true},
		{"Tally helps households share one list.", true},
		{"The system that we use today is slow.", false},
		{"Existing habit apps are personal and gamified.", false},
	}
	p := newParser(nil)
	p.b.Title = "Tally"
	for _, tt := range tests {
		if got := p.isProductStatement(tt.in); got != tt.want {
			t.Errorf("isProductStatement(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestProseShapes reads prose briefs in the shapes people write them.
func TestProseShapes(t *testing.T) {
	tests := []struct {
		name, src string
		get       func(*Brief) any
		want      string
	}{
		{"a product statement going on after a colon",
			"# Findit\n\nFindit is a lost-property desk for a festival: stewards log each found item; festival-goers report what they have lost; and the info team marks items as collected. It has to work on the site Wi-Fi, and we need it before the gates open in June.\n",
			func(b *Brief) any {
				return fmt.Sprintf("%q %q %q %q", b.Summary, features(b), b.Constraints, b.Plan)
			},
			`"Findit is a lost-property desk for a festival." "Stewards log each found item; Festival-goers report what they have lost; The info team marks items as collected | " ["It has to work on the site Wi-Fi"] ["We need it before the gates open in June"]`},
		{"today's situation after the product statement is the problem",
			"Kilnshare is a booking log for a pottery studio.\n\nToday members write their names on a paper sheet, and nobody knows whose pieces are whose.\n\nThe technician groups logged pieces into a firing and marks the firing unloaded.\n",
			func(b *Brief) any { return fmt.Sprintf("%q %q", b.Problem, features(b)) },
			`"Today members write their names on a paper sheet, and nobody knows whose pieces are whose." "The technician groups logged pieces into a firing; The technician marks the firing unloaded | "`},
		{"a tagline under the title, and a list that follows its majority",
			"# Sipwell\nReminds office plant keepers when each plant needs water.\n- Add a plant with a photo\n- Mark a plant as watered\n- Holiday mode that hands your plants to a colleague\n",
			func(b *Brief) any { return fmt.Sprintf("%q %q", b.Summary, features(b)) },
			`"Reminds office plant keepers when each plant needs water." "Add a plant with a photo; Mark a plant as watered; Holiday mode that hands your plants to a colleague | "`},
		{"later and unwanted in prose",
			"Tally is a grocery list for households. We do not want to handle payments. Recipes stay in the old site for now, and a meal planner is something we would add only once we see how lists go.\n",
			func(b *Brief) any { return fmt.Sprintf("%q %q", b.NonGoals, features(b)) },
			`["Handle payments"] " | Recipes stay in the old site for now, and a meal planner is something we would add only once we see how lists go"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(tt.get(b)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestAsSentenceUnwrapsEmphasis(t *testing.T) {
	for in, want := range map[string]string{
		"*Visitor berths, booked before you arrive.*": "Visitor berths, booked before you arrive.",
		"_a tagline in italics_":                      "A tagline in italics.",
		"**Bold** start and plain end":                "**Bold** start and plain end.",
		"*one* and *two*":                             "*One* and *two*.",
	} {
		if got := asSentence(in); got != want {
			t.Errorf("asSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

// Sentences of a prose brief that state features in the shapes people
// write them: a time phrase with no comma, a statement and its condition
// after a colon, a modal kept across the verb phrases, a pronoun subject,
// and an article before a builder's role that is no staffing.
func TestProseFeatureShapes(t *testing.T) {
	tests := []struct{ name, sentence, want string }{
		{"a time phrase with no comma", "From then on they can see the status of each repair and get a text whenever it changes.",
			"See the status of each repair | Get a text whenever it changes"},
		{"a condition after a colon", "Tenants report repairs. Some problems cannot wait: for no heating in winter, water through a ceiling, or exposed wiring, the app must tell the tenant to ring the emergency line, show the number, and record the report as an emergency.",
			"Tenants report repairs | The app must tell the tenant to ring the emergency line | The app must show the number | The app must record the report as an emergency"},
		{"a pronoun subject and a verb of speech", "They tell us when someone will be at home, or give permission to enter with our key.",
			"Tell us when someone will be at home | Give permission to enter with our key"},
		{"an approved contractor is no staffing", "On our side, a coordinator triages each new request and assigns it to an approved contractor.",
			"A coordinator triages each new request | A coordinator assigns it to an approved contractor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse([]byte("Fixwell is a repairs app for tenants.\n\n" + tt.sentence + "\n"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range b.Features {
				got = append(got, f.Text)
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("features:\n got %s\nwant %s\n(plan %q)", g, tt.want, b.Plan)
			}
		})
	}
}
