package prose

import (
	"strings"
	"testing"
)

func TestGarbledHits(t *testing.T) {
	hits := []struct {
		text, kind, at string
	}{
		// markup
		{"The system must let a member **export bookings as CSV.", "markup", "**"},
		{"The system must let a member *export bookings as CSV.", "markup", "*"},
		{"The system must let a member export _all bookings as CSV.", "markup", "_"},
		{"The system must accept a `.csv file of members.", "markup", "`"},
		{`As a dog owner, I want to book a walk: solo or group, pick a walker or "first available.`, "markup", `"`},
		{"The system must label the slot “first available.", "markup", `"`},
		{"The system must show the ticket number<br>and the wait.", "html", "<br>"},
		// a determiner before a question word, "to" before no verb
		{"Given a studio manager, when they open the how full the shelves are, then they see it.", "article", "open the how full"},
		{"As a colleague, I want to on the same ward see open offers.", "modal", "want to on"},
		{"The system must show the <b>ticket number</b> in the header.", "html", "<b>"},
		// doubled words
		{"Given a member, when they book the the boat, then the boat is held.", "doubled word", "the the"},
		{"The system must let a tenant report a a repair.", "doubled word", "a a"},
		// modals
		{"The system must File type validation for uploads.", "modal", "must File type"},
		{"The system must provide a books an appointment window.", "article", "a books an"},
		{"The system must support tick items off.", "modal", "must support tick"},
		{"The system must sends a reminder 24 hours before.", "modal", "must sends a"},
		{"The system must the list of overdue pets.", "modal", "must the list"},
		// participles
		{"Given a tenant is using Fixwell, when they clear the flag, then the clear is had.", "participle", "the clear is had"},
		{"Given a commuter is using Hopstop, when the system has its stop moved by a detour, then its stop moved is had.", "participle", "stop moved is had"},
		{"Given a rower, when they book a boat, then the limiting is rated.", "participle", "the limiting is rated"},
		// articles before nothing
		{"Given a member is using Kilnshare, when they cancel a booking, then the  is canceled, and they see the result.", "article", "then the is"},
		{"Given a member, when they open the list, then the are grouped by week.", "article", "then the are"},
		{"Given a Trip leader, when they download a pack, then they get the , and they see it.", "article", "get the ,"},
		// double spaces
		{"Given a member, when they cancel a booking, then the  is canceled.", "double space", "the  is"},
		{"The system must let a member  book a boat.", "double space", "member  book"},
		// fragments
		{"Cancel or offer a shift for swap up", "fragment", "for swap up"},
		{"See free berths for tonight and the next", "fragment", "and the next"},
		{"The system must let a member export bookings to", "fragment", "export bookings to"},
		{"The system must let a member export bookings and (brief.md:12)", "fragment", "bookings and"},
		{"Book a boat for the", "fragment", "for the"},
		{"As a parent, I want to pay for a trip by card and their.", "fragment", "and their"},
	}
	for _, h := range hits {
		got := Garbled(h.text)
		found := false
		for _, g := range got {
			if g.Kind == h.kind && g.At == h.at {
				found = true
			}
			if g.Hint == "" {
				t.Errorf("Garbled(%q): %s at %q has no hint", h.text, g.Kind, g.At)
			}
		}
		if !found {
			t.Errorf("Garbled(%q) = %+v, want %s at %q", h.text, got, h.kind, h.at)
		}
	}
}

func TestGarbledNonHits(t *testing.T) {
	fine := []string{
		"The system must let the studio manager see how full the shelves are and which pieces have been waiting longest.",
		"As a singer, I want to see who has paid, and what the fee is.",
		"The system must let members choose which Saturdays they want to book.",
		// from the examples and the corpus, as written
		"The system must let a team lead create a team and invite members by email link. (brief.md:24)",
		"The system must provide a team board showing each habit's streak and this week's completion rate. (brief.md:27)",
		"The system must let rowers book a boat for a time slot, limited to the boats the member is rated for. (brief.md:24)",
		"The system must let staff check in with the QR code on the desk by 10:00, or the booking is released. (brief.md:21)",
		"The system must let pet owners reply STOP or unsubscribe, and be never contacted again about that pet. (priority: Must) (brief.md:27)",
		"The system must provide a practice manager dashboard: reminders sent, bookings made, conversion by channel. (priority: Should) (brief.md:31)",
		"The system must let owners book online. (priority: Should, phase: 2) (brief.md:33)",
		"The system must let owners pay online. (phase: v2) (brief.md:34)",
		"Given a team member is using Streaks, when they check in to a habit from the web app or from Slack, then their check-in is recorded.",
		"Given a person who is not allowed to see the team board, when they try to open it, then access is refused and nothing is shown.",
		"Given a team lead is using Streaks, when they try to define a habit with missing or invalid details, then the system rejects it, says what is wrong, and nothing changes.",
		"As a team lead, I want to define a habit with a cadence (daily, weekdays, weekly) and an owner.",
		"As a member, I want to sign up",
		"Members can pick up",
		"Pages must load in under 1 second at the 95th percentile. (brief.md:42)",
		"The system must comply with GDPR; members must be able to delete their data. (brief.md:40)",
		"Slack integration must use Slack's official API only. (brief.md:41)",
		"The system must store the `user_id` and the **due date** of each *booking*.",
		"The export must use snake_case column names, e.g. `created_at`.",
		"Prices are shown as 2 * 3 = 6 in the worked example.",
		"The system must process refunds within 5 working days.",
		"The system must always send a receipt.",
		"The system must support offline use.",
		"A member may add a to-do item to a list.",
		"The system must let a member know that that slot is taken.",
		"No personal (non-team) habits in the first version (brief.md:34)",
		"Team board",
		"Export check-in history as CSV",
		"Given a member, when they log in, then the booking is released.",
		"The system must show what the member has signed up for.",
		"The system must let a writer escape a tag as \\<b>.",
		"The system must show Plan A",
		`The system must offer "first available" as a walker.`,
		"The system must offer “first available” as a walker.",
	}
	for _, s := range fine {
		if got := Garbled(s); len(got) > 0 {
			var b strings.Builder
			for _, g := range got {
				b.WriteString(g.Kind + " at " + g.At + "; ")
			}
			t.Errorf("Garbled(%q): %s", s, b.String())
		}
	}
}
