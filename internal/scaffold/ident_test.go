package scaffold

import (
	"go/token"
	"regexp"
	"testing"

	"github.com/prodgen/prodgen/internal/plural"
)

func TestNewIdent(t *testing.T) {
	tests := []struct {
		in   string
		want ident
	}{
		{"Queue entry", ident{"QueueEntry", "queueEntry", "queue_entry", "queue-entry", "queue-entries"}},
		{"check-in", ident{"CheckIn", "checkIn", "check_in", "check-in", "check-ins"}},
		{"Übersicht", ident{"Ubersicht", "ubersicht", "ubersicht", "ubersicht", "ubersichts"}},
		{"2FA code", ident{"N2faCode", "n2faCode", "n2fa_code", "2fa-code", "2fa-codes"}},
		{"class", ident{"ClassValue", "classValue", "class_value", "class", "classes"}},
		{"type", ident{"TypeValue", "typeValue", "type_value", "type", "types"}},
		{"ÉTÉ", ident{"Ete", "ete", "ete", "ete", "etes"}},
		{"__", ident{"Item1", "item1", "item1", "item1", "item1s"}},
		{"", ident{"Item1", "item1", "item1", "item1", "item1s"}},
		{"日本", ident{"Item1", "item1", "item1", "item1", "item1s"}},
		{"user's e-mail", ident{"UsersEMail", "usersEMail", "users_e_mail", "users-e-mail", "users-e-mails"}},
		{"HTTPServer", ident{"HTTPServer", "httpServer", "http_server", "http-server", "http-servers"}},
		{"None", ident{"NoneValue", "noneValue", "none_value", "none", "nones"}},
		{"habit_id", ident{"HabitID", "habitID", "habit_id", "habit-id", "habit-ids"}},
		{"Straße", ident{"Strasse", "strasse", "strasse", "strasse", "strasses"}},
		{"firstName", ident{"FirstName", "firstName", "first_name", "first-name", "first-names"}},
		{"Audit log entry", ident{"AuditLogEntry", "auditLogEntry", "audit_log_entry", "audit-log-entry", "audit-log-entries"}},
		{"Status", ident{"Status", "status", "status", "status", "statuses"}},
		{"item2Name", ident{"Item2Name", "item2Name", "item2_name", "item2-name", "item2-names"}},
		{"  Café  crème!! ", ident{"CafeCreme", "cafeCreme", "cafe_creme", "cafe-creme", "cafe-cremes"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := newIdent(tt.in, "Item1"); got != tt.want {
				t.Errorf("newIdent(%q)\n got %+v\nwant %+v", tt.in, got, tt.want)
			}
		})
	}
}

// TestPluralSingular checks that plural.Singular, which names an entity
// after a spec's collection, undoes pluralWord.
func TestPluralSingular(t *testing.T) {
	tests := []struct{ one, many string }{
		{"entry", "entries"}, {"day", "days"}, {"box", "boxes"}, {"match", "matches"},
		{"wish", "wishes"}, {"status", "statuses"}, {"class", "classes"}, {"in", "ins"},
		{"person", "people"}, {"data", "data"}, {"house", "houses"}, {"invoice", "invoices"},
		{"analysis", "analyses"}, {"criterion", "criterions"}, {"personnel", "personnels"},
		{"metric", "metrics"}, {"mouse", "mice"}, {"staff", "staff"}, {"species", "species"},
	}
	for _, tt := range tests {
		if got := pluralWord(tt.one); got != tt.many {
			t.Errorf("pluralWord(%q) = %q, want %q", tt.one, got, tt.many)
		}
		if got := plural.Singular(tt.many); got != tt.one {
			t.Errorf("plural.Singular(%q) = %q, want %q", tt.many, got, tt.one)
		}
	}
	if got := pluralWord("settings"); got != "settings" {
		t.Errorf("pluralWord(settings) = %q, want it kept", got)
	}
}

func TestNamerSuffixes(t *testing.T) {
	n := newNamer()
	var got []string
	for _, s := range []string{"Check-in", "check in", "CheckIn", "Check-ins", "Queue"} {
		id := n.unique(newIdent(s, "Item"))
		got = append(got, id.Pascal+" "+id.Snake+" "+id.Collection)
	}
	want := []string{
		"CheckIn check_in check-ins",
		"CheckIn2 check_in2 check-ins-2",
		"CheckIn3 check_in3 check-ins-3",
		// "Check-ins" is another Pascal name but the same collection.
		"CheckIns4 check_ins4 check-ins-4",
		"Queue queue queues",
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d = %q, want %q", i, got[i], want[i])
		}
	}
}

var (
	identRE   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	segmentRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// checkIdent fails when id is not usable in every language.
func checkIdent(t *testing.T, in string, id ident) {
	t.Helper()
	for _, s := range []string{id.Pascal, id.Camel, id.Snake} {
		if !identRE.MatchString(s) {
			t.Errorf("%q: %q is not an ASCII identifier", in, s)
		}
		if reserved[s] || token.Lookup(s).IsKeyword() {
			t.Errorf("%q: %q is a reserved word", in, s)
		}
	}
	if id.Pascal != "" && !token.IsExported(id.Pascal) {
		t.Errorf("%q: Pascal %q does not start with a capital", in, id.Pascal)
	}
	if id.Camel != "" && (id.Camel[0] < 'a' || id.Camel[0] > 'z') {
		t.Errorf("%q: Camel %q does not start with a small letter", in, id.Camel)
	}
	if !segmentRE.MatchString(id.Collection) || !segmentRE.MatchString(id.Kebab) {
		t.Errorf("%q: %q or %q is not a kebab-case URL segment", in, id.Kebab, id.Collection)
	}
}

func FuzzIdent(f *testing.F) {
	for _, s := range []string{"Queue entry", "check-in", "Übersicht", "2FA code", "class", "ÉTÉ", "__", "", "日本",
		"user's e-mail", "HTTPServer", "None", "a\x00b", "\xff", "constructor", "9", "ǅ", "İ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id := newIdent(s, "Item1")
		checkIdent(t, s, id)
		if again := newIdent(s, "Item1"); again != id {
			t.Errorf("%q: not deterministic: %+v then %+v", s, id, again)
		}
		n := newNamer()
		first, second := n.unique(id), n.unique(id)
		checkIdent(t, s, second)
		if first.Pascal == second.Pascal || first.Snake == second.Snake || first.Collection == second.Collection {
			t.Errorf("%q: the second name %+v is not told apart from %+v", s, second, first)
		}
	})
}
