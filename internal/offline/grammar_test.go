package offline

import (
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/plural"
)

func TestTokenizeJoin(t *testing.T) {
	tests := []string{
		"Patients join the queue by scanning a QR code, entering only a first name.",
		"Define a habit with a cadence (daily, weekdays, weekly) and an owner",
		"99.95% monthly availability; p99 latency under 300 ms for reads.",
		"\"How long?\" questions at the desk",
		"Each habit's streak, this week's rate: 4.3 / 5…",
	}
	for _, s := range tests {
		if got := join(tokenize(s)); got != s {
			t.Errorf("join(tokenize(%q)) = %q", s, got)
		}
	}
	ts := tokenize("front-desk staff, habit's (daily)")
	var words []string
	for _, tk := range ts {
		words = append(words, tk.text)
	}
	if got := strings.Join(words, "|"); got != "front-desk|staff|,|habit's|(|daily|)" {
		t.Errorf("tokens %s", got)
	}
}

func TestConjugation(t *testing.T) {
	tests := []struct{ base, third, past, ing string }{
		{"flag", "flags", "flagged", "flagging"},
		{"scan", "scans", "scanned", "scanning"},
		{"carry", "carries", "carried", "carrying"},
		{"watch", "watches", "watched", "watching"},
		{"create", "creates", "created", "creating"},
		{"void", "voids", "voided", "voiding"},
		{"submit", "submits", "submitted", "submitting"},
		{"open", "opens", "opened", "opening"},
		{"wait", "waits", "waited", "waiting"},
		{"sync", "syncs", "synced", "syncing"},
		{"text", "texts", "texted", "texting"},
		{"agree", "agrees", "agreed", "agreeing"},
		{"tie", "ties", "tied", "tying"},
		{"go", "goes", "wented", "going"}, // past from the rule, not used: "go" is irregular in the lexicon
		{"have", "has", "haved", "having"},
		{"be", "is", "bed", "being"},
	}
	for _, tt := range tests {
		if got := thirdPerson(tt.base); got != tt.third {
			t.Errorf("thirdPerson(%q) = %q, want %q", tt.base, got, tt.third)
		}
		if got := gerund(tt.base); got != tt.ing {
			t.Errorf("gerund(%q) = %q, want %q", tt.base, got, tt.ing)
		}
		if tt.base == "go" || tt.base == "have" || tt.base == "be" {
			continue
		}
		if got := regularPast(tt.base); got != tt.past {
			t.Errorf("regularPast(%q) = %q, want %q", tt.base, got, tt.past)
		}
	}
	irregular := map[string]string{"see": "seen", "leave": "left", "send": "sent", "get": "got", "choose": "chosen"}
	for base, pp := range irregular {
		if v := baseVerb(base); v == nil || v.pp != pp {
			t.Errorf("lexicon participle of %q = %+v, want %q", base, v, pp)
		}
	}
}

func TestBaseVerbPhrase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"sees the live queue on a tablet, can reorder for triage, and mark patients as called, seen or left",
			"see the live queue on a tablet, reorder for triage, and mark patients as called, seen or left"},
		{"may wait outside and are texted when they are third in line", "wait outside and be texted when they are third in line"},
		{"get an SMS with their position, updated when it changes", "get an SMS with their position, updated when it changes"},
		{"has to work offline and sync", "work offline and sync"},
		{"needs to approve it", "approve it"},
		{"is able to export data", "export data"},
		{"sees daily reports: arrivals, alerts and notes", "see daily reports: arrivals, alerts and notes"},
		{"watches the board and carries photos", "watch the board and carry photos"},
		{"has a plan", "have a plan"},
		{"should see the day's findings", "see the day's findings"},
	}
	for _, tt := range tests {
		if got := baseVerbPhrase(tokenize(tt.in)); got != tt.want {
			t.Errorf("baseVerbPhrase(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestIsImperative(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Create a team and invite members", true},
		{"Export check-in history as CSV", true},
		{"Check in to a habit", true},
		{"Record the inspection", true},
		{"Audit log of every change", false},
		{"Email notifications for new invoices", false},
		{"Export of all invoices", false},
		{"Team board showing each habit's streak", false},
		{"Reminder to members", false},
		{"Multi-currency invoices", false},
		{"Search", false},
	}
	for _, tt := range tests {
		if got := isImperative(tokenize(tt.in)); got != tt.want {
			t.Errorf("isImperative(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFirstPerson(t *testing.T) {
	tests := []struct{ in, want string }{
		{"get an SMS with their position", "get an SMS with my position"},
		{"wait outside and be texted when they are third in line", "wait outside and be texted when I am third in line"},
		{"see what they're owed and ask them to pay", "see what I'm owed and ask me to pay"},
		{"delete their data themselves", "delete my data myself"},
		// "their" after another persona refers to them, not to me.
		{"invite members and see their streaks", "invite members and see their streaks"},
	}
	others := map[string]bool{"member": true}
	for _, tt := range tests {
		if got := firstPerson(tt.in, others); got != tt.want {
			t.Errorf("firstPerson(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNouns(t *testing.T) {
	singulars := []struct{ in, want string }{
		{"patients", "patient"}, {"Patients", "Patient"}, {"entries", "entry"}, {"walk-outs", "walk-out"},
		{"check-ins", "check-in"}, {"addresses", "address"}, {"status", "status"}, {"statuses", "status"},
		{"staff", "staff"}, {"people", "person"}, {"series", "series"}, {"SMS", "SMS"}, {"days", "day"},
		{"taxes", "tax"}, {"Team leads", "Team lead"}, {"analysis", "analysis"}, {"data", "data"},
		// Unlike plural.Singular, "ics" stays.
		{"metrics", "metrics"}, {"Analytics", "Analytics"}, {"walk-in clinics", "walk-in clinics"},
	}
	for _, tt := range singulars {
		if got := singular(tt.in); got != tt.want {
			t.Errorf("singular(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	paths := []struct{ in, want string }{
		{"Team", "teams"}, {"Queue entry", "queue-entries"}, {"Check-in", "check-ins"}, {"Work order", "work-orders"},
		{"Audit log entry", "audit-log-entries"}, {"Status", "statuses"}, {"Person", "people"}, {"Day", "days"},
		{"Box", "boxes"}, {"QR code", "qr-codes"}, {"POS", "poses"}, {"Work orders", "work-orders"},
	}
	for _, tt := range paths {
		if got := kebabPlural(tt.in); got != tt.want {
			t.Errorf("kebabPlural(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	articles := []struct{ in, want string }{
		{"SMS", "an"}, {"hour", "an"}, {"user", "a"}, {"QR code", "a"}, {"audit log", "an"}, {"team lead", "a"},
		{"FX rate", "an"}, {"unique link", "a"}, {"one-off", "a"}, {"engineering manager", "an"}, {"PDF", "a"},
	}
	for _, tt := range articles {
		if got := article(tt.in); got != tt.want {
			t.Errorf("article(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	plurals := []struct {
		in   string
		want bool
	}{{"patients", true}, {"staff", false}, {"front-desk staff", false}, {"SMS", false}, {"invoices", true}, {"rendering", false}}
	for _, tt := range plurals {
		if got := isPlural(tt.in); got != tt.want {
			t.Errorf("isPlural(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSentenceHelpers(t *testing.T) {
	proper := properNouns("Check in from the web app or from Slack.", "Runs on Android: fine.",
		"- School offices count cash - Trip leaders carry forms")
	if !proper["slack"] || !proper["android"] || proper["check"] || proper["fine"] || proper["school"] || proper["trip"] {
		t.Errorf("properNouns = %v", proper)
	}
	tests := []struct{ got, want string }{
		{lowerFirst("Slack integration", proper), "Slack integration"},
		{lowerFirst("QR codes", proper), "QR codes"},
		{lowerFirst("QueueLess app", proper), "QueueLess app"},
		{lowerFirst("Multi-currency invoices", proper), "multi-currency invoices"},
		{sentence("  pages  load fast "), "Pages load fast."},
		{sentence("Is it fast?"), "Is it fast?"},
		{sentence("ends with a list:"), "Ends with a list."},
		{bare("Done.  "), "Done"},
		{snake("Phone number"), "phone_number"},
		{snake("each habit's streak"), "each_habit_streak"},
		{snake("walk-outs"), "walk_outs"},
		{plural.And([]string{"US-001"}), "US-001"},
		{plural.And([]string{"A", "B", "C"}), "A, B and C"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestOverlap(t *testing.T) {
	proper := map[string]bool{"slack": true}
	tests := []struct {
		a, b string
		want int
	}{
		{"join the queue entering a first name and a phone number", "HIPAA: phone numbers and names are PHI", 3},
		{"get an SMS with my position", "SMS via a third-party gateway", 2}, // an acronym counts twice
		{"check in to a habit from Slack", "Slack integration uses Slack's official API only", 2},
		{"create a team", "Pages load in under 1 second", 0},
		{"team board showing each habit's streak and this week's rate", "Teams keep 80% of agreed habits for at least 8 weeks", 3},
	}
	for _, tt := range tests {
		if got := overlap(tt.a, tt.b, proper); got != tt.want {
			t.Errorf("overlap(%q, %q) = %d, want %d (%v / %v)", tt.a, tt.b, got, tt.want, contentWords(tt.a), contentWords(tt.b))
		}
	}
}

func TestUpperFirstKeepsMixedCase(t *testing.T) {
	for in, want := range map[string]string{"iCal feed": "iCal feed", "iOS app": "iOS app", "export": "Export", "ice cream": "Ice cream", "": ""} {
		if got := upperFirst(in); got != want {
			t.Errorf("upperFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

// What the corpus's garbled sentences came from: quotes a cut left
// unpaired, titles cut after a dangling word, "at once" read as a
// condition, an article before a quoted name.
func TestNoGarbleShapes(t *testing.T) {
	for in, want := range map[string]string{
		`pick a walker or "first available`:  "pick a walker or first available",
		`pick a walker or "first available"`: `pick a walker or "first available"`,
		"a “quoted” name":                    "a “quoted” name",
		"an “open quote":                     "an open quote",
		"two  spaces":                        "two spaces",
	} {
		if got := balanceQuotes(in); got != want {
			t.Errorf("balanceQuotes(%q) = %q, want %q", in, got, want)
		}
	}
	for body, want := range map[string]string{
		"book a wheel in two-hour slots up to a week ahead":                           "Book a wheel in two-hour slots",
		"see free berths for tonight and the next 14 nights, filtered by boat length": "See free berths for tonight",
		`pick a walker or "first available"`:                                          `Pick a walker or "first available"`,
	} {
		if got := storyTitle(frParts{kind: kindActor, body: body}); got != want {
			t.Errorf("storyTitle(%q) = %q, want %q", body, got, want)
		}
	}
	if got := withArticle(`"Similar incidents" on each postmortem`); got != `"Similar incidents" on each postmortem` {
		t.Errorf("withArticle put an article before a quoted name: %q", got)
	}
	if s := segments(tokenize("book several boats at once for a squad session")); len(s) != 1 || len(s[0].cond) != 0 {
		t.Errorf("'at once' read as a condition: %+v", s)
	}
}

// Requirements with a leading condition, and actions on people or
// pronouns, read as the brief means them.
func TestConditionAndPronounShapes(t *testing.T) {
	b := &brief.Brief{Title: "Sow", Features: []brief.Feature{
		{Text: "After a handover, either side can leave a short germination note on the variety"},
		{Text: "Rate and review the walker"},
	}}
	p := BuildPRD(b)
	p.Number()
	want := []string{
		"The system must ensure that after a handover, either side can leave a short germination note on the variety.",
		"The system must let users rate and review the walker.",
	}
	for i, fr := range p.Functional {
		if fr.Text != want[i] {
			t.Errorf("%s = %q, want %q", fr.ID, fr.Text, want[i])
		}
	}
	st := BuildStories(p)
	for _, s := range st.Stories {
		for _, c := range s.Criteria {
			if strings.Contains(c.Then, "the us ") || strings.Contains(c.Then, "the walker is shown") {
				t.Errorf("%s: %s", c.ID, c.Then)
			}
		}
	}
}

// A message with a time in its detail is tested at that time.
func TestMessageTrigger(t *testing.T) {
	when, how, ok := messageTrigger(tokenize("SMS or email 4 weeks and 1 week before a booster is due, on the owner's preferred channel"))
	if !ok || when != "4 weeks and 1 week before a booster is due" || how != "by SMS or email" {
		t.Errorf("messageTrigger = %q, %q, %v", when, how, ok)
	}
	if _, _, ok := messageTrigger(tokenize("email before the meeting")); ok {
		t.Error("a time with no amount read as a trigger")
	}
}

func TestTheFormOfNoThing(t *testing.T) {
	for in, want := range map[string]string{"nothing": "nothing", "a report": "the report", "everything": "everything", "photos": "the photos"} {
		if got := theForm(tokenize(in)); got != want {
			t.Errorf("theForm(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFirstPersonKeepsOthersPronouns(t *testing.T) {
	for in, want := range map[string]string{
		"see their own check-ins":                              "see my own check-ins",
		"see a live list of invited pupils with their consent": "see a live list of invited pupils with their consent",
	} {
		if got := firstPerson(in, nil); got != want {
			t.Errorf("firstPerson(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFirstSentenceSkipsAbbreviations(t *testing.T) {
	first, more := firstSentence("Recurring bookings (e.g. Mon/Wed/Fri 12:00). Weekly only.")
	if first != "Recurring bookings (e.g. Mon/Wed/Fri 12:00)." || more != "Weekly only." {
		t.Errorf("firstSentence = %q, %q", first, more)
	}
}
