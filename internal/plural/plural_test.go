package plural

import (
	"strings"
	"testing"
)

func TestNoun(t *testing.T) {
	tests := []struct{ one, many string }{
		// Irregular nouns, in any capital, and nouns with no plural.
		{"person", "people"}, {"Person", "People"}, {"child", "children"}, {"man", "men"},
		{"woman", "women"}, {"mouse", "mice"}, {"foot", "feet"}, {"tooth", "teeth"},
		{"goose", "geese"}, {"criterion", "criteria"}, {"data", "data"}, {"media", "media"},
		{"metadata", "metadata"}, {"news", "news"}, {"series", "series"}, {"species", "species"},
		{"feedback", "feedback"}, {"information", "information"}, {"equipment", "equipment"},
		{"software", "software"}, {"staff", "staff"}, {"Staff", "Staff"}, {"personnel", "personnel"},
		// Acronyms.
		{"SMS", "SMSes"}, {"API", "APIs"}, {"PDF", "PDFs"}, {"QR", "QRs"}, {"2FA", "2FAs"}, {"DIY", "DIYs"},
		// A consonant and "y"; a vowel and "y".
		{"story", "stories"}, {"entity", "entities"}, {"entry", "entries"}, {"priority", "priorities"},
		{"quantity", "quantities"}, {"Category", "Categories"}, {"day", "days"}, {"key", "keys"},
		{"y", "ys"},
		// "is" → "es".
		{"analysis", "analyses"}, {"diagnosis", "diagnoses"},
		// "es" after ss, us, x, z, ch, sh.
		{"address", "addresses"}, {"class", "classes"}, {"status", "statuses"}, {"Status", "Statuses"},
		{"box", "boxes"}, {"tax", "taxes"}, {"quiz", "quizes"}, {"match", "matches"}, {"wish", "wishes"},
		{"baass", "baasses"}, {"strasse", "strasses"},
		// Other words ending in "s" are plural already.
		{"settings", "settings"}, {"notes", "notes"}, {"ins", "ins"}, {"outs", "outs"}, {"metrics", "metrics"},
		// Everything else takes "s".
		{"invoice", "invoices"}, {"house", "houses"}, {"in", "ins"}, {"up", "ups"}, {"a", "as"},
		{"9", "9s"}, {"n2fa", "n2fas"}, {"item1", "item1s"}, {"2fa", "2fas"}, {"", "s"},
		// Compounds: the last word after a space or hyphen.
		{"user story", "user stories"}, {"acceptance criterion", "acceptance criteria"},
		{"functional requirement", "functional requirements"},
		{"non-functional requirement", "non-functional requirements"}, {"open question", "open questions"},
		{"Audit log entry", "Audit log entries"}, {"check-in", "check-ins"}, {"follow-up", "follow-ups"},
		{"QR code", "QR codes"}, {"front-desk staff", "front-desk staff"}, {"team lead", "team leads"},
		{"Finance can export approved report", "Finance can export approved reports"},
		// Words the callers pass today: reports, documents, prototypes.
		{"error", "errors"}, {"warning", "warnings"}, {"file", "files"}, {"attempt", "attempts"},
		{"document", "documents"}, {"requirement", "requirements"}, {"endpoint", "endpoints"},
		{"task", "tasks"}, {"request", "requests"},
		{"Habit", "Habits"}, {"add", "adds"}, {"asset", "assets"}, {"code", "codes"},
		{"dashboard", "dashboards"}, {"digest", "digests"}, {"draft", "drafts"}, {"evening", "evenings"},
		{"expire", "expires"}, {"finding", "findings"}, {"habit", "habits"}, {"inspection", "inspections"},
		{"item", "items"}, {"job", "jobs"}, {"level", "levels"}, {"member", "members"}, {"note", "notes"},
		{"number", "numbers"}, {"order", "orders"}, {"part", "parts"}, {"password", "passwords"},
		{"patient", "patients"}, {"photo", "photos"}, {"plan", "plans"}, {"queue", "queues"},
		{"receipt", "receipts"}, {"report", "reports"}, {"share", "shares"}, {"skill", "skills"},
		{"stop", "stops"}, {"sync", "syncs"}, {"target", "targets"}, {"team", "teams"},
		{"technician", "technicians"}, {"used", "useds"}, {"user", "users"}, {"utilisation", "utilisations"},
		{"visit", "visits"}, {"active", "actives"}, {"at", "ats"}, {"b", "bs"}, {"branding", "brandings"},
		{"cadence", "cadences"}, {"close", "closes"}, {"constructor", "constructors"}, {"count", "counts"},
		{"creme", "cremes"}, {"customer", "customers"}, {"discount", "discounts"}, {"due", "dues"},
		{"ete", "etes"}, {"export", "exports"}, {"hour", "hours"}, {"id", "ids"}, {"input", "inputs"},
		{"mail", "mails"}, {"name", "names"}, {"none", "nones"}, {"owner", "owners"}, {"paid", "paids"},
		{"price", "prices"}, {"rate", "rates"}, {"run", "runs"}, {"server", "servers"}, {"store", "stores"},
		{"streak", "streaks"}, {"total", "totals"}, {"type", "types"}, {"ubersicht", "ubersichts"},
		{"value", "values"}, {"wait", "waits"}, {"widget", "widgets"}, {"x", "xes"},
	}
	for _, tt := range tests {
		if got := Noun(tt.one); got != tt.many {
			t.Errorf("Noun(%q) = %q, want %q", tt.one, got, tt.many)
		}
	}
}

func TestSingular(t *testing.T) {
	tests := []struct{ many, one string }{
		// Irregular nouns, either way round, in any capital.
		{"people", "person"}, {"People", "Person"}, {"PEOPLE", "Person"}, {"person", "person"},
		{"children", "child"}, {"men", "man"}, {"women", "woman"}, {"mice", "mouse"}, {"feet", "foot"},
		{"teeth", "tooth"}, {"geese", "goose"}, {"criteria", "criterion"}, {"criterion", "criterion"},
		{"data", "data"}, {"DATA", "DATA"}, {"series", "series"}, {"species", "species"}, {"news", "news"},
		{"staff", "staff"}, {"Staff", "Staff"}, {"personnel", "personnel"}, {"equipment", "equipment"},
		// Short words, acronyms, and "ss", "us", "is" stay.
		{"as", "as"}, {"us", "us"}, {"x", "x"}, {"a", "a"}, {"", ""},
		{"SMS", "SMS"}, {"POS", "POS"}, {"QRS", "QRS"}, {"2FA", "2FA"},
		{"address", "address"}, {"class", "class"}, {"status", "status"}, {"Status", "Status"},
		{"bus", "bus"}, {"analysis", "analysis"}, {"this", "this"},
		// "ies" → "y" in words of five letters or more.
		{"stories", "story"}, {"entries", "entry"}, {"Categories", "Category"}, {"priorities", "priority"},
		{"ties", "tie"}, {"lies", "lie"},
		// "yses" → "ysis".
		{"analyses", "analysis"}, {"Analyses", "Analysis"},
		// "ouses", "auses" and "uses" lose the "s"; other "uses" lose "es".
		{"houses", "house"}, {"causes", "cause"}, {"uses", "use"},
		{"statuses", "status"}, {"buses", "bus"}, {"bonuses", "bonus"},
		// "es" after ss, x, zz, ch, sh.
		{"addresses", "address"}, {"classes", "class"}, {"baasses", "baass"}, {"boxes", "box"},
		{"taxes", "tax"}, {"xes", "x"}, {"buzzes", "buzz"}, {"matches", "match"}, {"wishes", "wish"},
		// Any other final "s" goes.
		{"invoices", "invoice"}, {"days", "day"}, {"keys", "key"}, {"sizes", "size"}, {"notes", "note"},
		{"metrics", "metric"}, {"ins", "in"}, {"outs", "out"}, {"criterions", "criterion"},
		{"personnels", "personnel"}, {"useds", "used"}, {"APIs", "API"}, {"PDFs", "PDF"},
		// Every other word is singular already.
		{"invoice", "invoice"}, {"day", "day"}, {"close", "close"}, {"export", "export"},
		// Compounds: the last word after a space or hyphen.
		{"user stories", "user story"}, {"acceptance criteria", "acceptance criterion"},
		{"Team leads", "Team lead"}, {"check-ins", "check-in"}, {"walk-outs", "walk-out"},
		{"Audit log entries", "Audit log entry"}, {"QR codes", "QR code"}, {"front-desk staff", "front-desk staff"},
		{"walk-in", "walk-in"},
		// Words the callers pass today: briefs and spec paths.
		{"patients", "patient"}, {"Patients", "Patient"}, {"Employees", "Employee"}, {"users", "user"},
		{"reports", "report"}, {"widgets", "widget"}, {"technicians", "technician"}, {"vans", "van"},
		{"households", "household"}, {"certifications", "certification"}, {"webhooks", "webhook"},
		{"expenses", "expense"}, {"disputes", "dispute"}, {"payments", "payment"}, {"SMS", "SMS"},
	}
	for _, tt := range tests {
		if got := Singular(tt.many); got != tt.one {
			t.Errorf("Singular(%q) = %q, want %q", tt.many, got, tt.one)
		}
	}
}

// TestSingularUndoesNoun checks that Singular reads back what Noun writes,
// for every irregular noun and for the regular ones callers use.
func TestSingularUndoesNoun(t *testing.T) {
	words := []string{
		"story", "entry", "day", "box", "match", "wish", "status", "class", "in", "house", "invoice",
		"analysis", "address", "tax", "user story", "check-in", "Queue entry", "API", "SMS", "PDF", "QR code",
		"Category", "Status", "item", "report", "widget", "note", "x",
	}
	for one := range irregular {
		words = append(words, one, strings.ToUpper(one[:1])+one[1:])
	}
	for _, w := range words {
		if got := Singular(Noun(w)); got != w {
			t.Errorf("Singular(Noun(%q)) = Singular(%q) = %q", w, Noun(w), got)
		}
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		noun string
		want string
	}{
		{1, "story", "1 story"}, {3, "story", "3 stories"}, {0, "error", "0 errors"},
		{1, "error", "1 error"}, {2, "warning", "2 warnings"}, {4, "open question", "4 open questions"},
		{1, "file", "1 file"}, {3, "file", "3 files"}, {2, "attempt", "2 attempts"},
		{5, "user story", "5 user stories"}, {1, "functional requirement", "1 functional requirement"},
		{12, "functional requirement", "12 functional requirements"},
		{2, "non-functional requirement", "2 non-functional requirements"},
		{1, "acceptance criterion", "1 acceptance criterion"}, {7, "acceptance criterion", "7 acceptance criteria"},
		{3, "entity", "3 entities"}, {2, "endpoint", "2 endpoints"}, {0, "task", "0 tasks"},
		{1, "request", "1 request"}, {1000, "request", "1000 requests"}, {2, "document", "2 documents"},
		{10, "requirement", "10 requirements"}, {-1, "day", "-1 days"},
	}
	for _, tt := range tests {
		if got := Count(tt.n, tt.noun); got != tt.want {
			t.Errorf("Count(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
}

func TestAnd(t *testing.T) {
	tests := []struct {
		items []string
		want  string
	}{
		{nil, ""},
		{[]string{"US-001"}, "US-001"},
		{[]string{"A", "B"}, "A and B"},
		{[]string{"A", "B", "C"}, "A, B and C"},
	}
	for _, tt := range tests {
		if got := And(tt.items); got != tt.want {
			t.Errorf("And(%q) = %q, want %q", tt.items, got, tt.want)
		}
	}
}

func TestOr(t *testing.T) {
	for items, want := range map[string]string{"": "", "A": "A", "A|B": "A or B", "A|B|C": "A, B or C"} {
		var in []string
		if items != "" {
			in = strings.Split(items, "|")
		}
		if got := Or(in); got != want {
			t.Errorf("Or(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVesPlurals(t *testing.T) {
	for one, many := range map[string]string{"shelf": "shelves", "knife": "knives", "half": "halves", "valve": "valves", "archive": "archives"} {
		if got := Noun(one); got != many {
			t.Errorf("Noun(%q) = %q, want %q", one, got, many)
		}
		if got := Singular(many); got != one {
			t.Errorf("Singular(%q) = %q, want %q", many, got, one)
		}
	}
}
