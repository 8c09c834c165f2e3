package plural

import "testing"

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
