package semdiff

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name     string
		old, cur string
		want     string // the edits, as markdown shows them
	}{
		{"both empty", "", "", ""},
		{"equal", "a b c", "a  b\nc", "a b c"},
		{"added", "", "a b", "**a b**"},
		{"removed", "a b", "", "~~a b~~"},
		{"one word replaced", "let an organiser see items", "let a member see items", "let ~~an organiser~~ **a member** see items"},
		{"word inserted", "add items", "add and remove items", "add **and remove** items"},
		{"word deleted at the end", "add items now", "add items", "add items ~~now~~"},
		{"two changes", "a b c d e", "a x c d y", "a ~~b~~ **x** c d ~~e~~ **y**"},
		{"punctuation stays on its word", "items, fast.", "items; fast.", "~~items,~~ **items;** fast."},
		{"nothing in common", "a b", "c d", "~~a b~~ **c d**"},
		{"moved word", "a b c", "b c a", "~~a~~ b c **a**"},
		{"case matters", "Items", "items", "~~Items~~ **items**"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Words(tt.old, tt.cur)
			if s := show(got); s != tt.want {
				t.Errorf("Words(%q, %q) = %s, want %s", tt.old, tt.cur, s, tt.want)
			}
			checkEdits(t, tt.old, tt.cur, got)
		})
	}
}

// Texts too long for the table are still diffed correctly, only coarsely.
func TestWordsLong(t *testing.T) {
	old := strings.Repeat("a ", 1500) + "x"
	cur := strings.Repeat("b ", 1500) + "x"
	got := Words(old, cur)
	checkEdits(t, old, cur, got)
	if len(got) != 3 || got[2] != (Edit{Keep, "x"}) {
		t.Errorf("got %d edits ending %v, want delete, insert, keep x", len(got), got[len(got)-1])
	}
}

// Any two texts: the edits give back both texts, and runs alternate.
func FuzzWords(f *testing.F) {
	f.Add("let an organiser see items", "let a member see items")
	f.Add("a b c", "b c a")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, old, cur string) {
		checkEdits(t, old, cur, Words(old, cur))
	})
}

// checkEdits checks that the kept and deleted words are old's, the kept
// and inserted words are new's, and no two neighbours share an op.
func checkEdits(t *testing.T, old, cur string, edits []Edit) {
	t.Helper()
	var a, b []string
	for i, e := range edits {
		if e.Text == "" || strings.Join(strings.Fields(e.Text), " ") != e.Text {
			t.Fatalf("edit %d has text %q, want words joined by single spaces", i, e.Text)
		}
		if i > 0 && edits[i-1].Op == e.Op {
			t.Fatalf("edits %d and %d are both %v", i-1, i, e.Op)
		}
		if i > 0 && edits[i-1].Op == Insert && e.Op == Delete {
			t.Fatalf("edit %d deletes after an insertion", i)
		}
		if e.Op != Insert {
			a = append(a, e.Text)
		}
		if e.Op != Delete {
			b = append(b, e.Text)
		}
	}
	if got, want := strings.Join(a, " "), strings.Join(strings.Fields(old), " "); got != want {
		t.Fatalf("kept and deleted words %q, want the old text %q", got, want)
	}
	if got, want := strings.Join(b, " "), strings.Join(strings.Fields(cur), " "); got != want {
		t.Fatalf("kept and inserted words %q, want the new text %q", got, want)
	}
}

// show writes edits as ~~deleted~~ and **inserted**, without escaping.
func show(edits []Edit) string {
	var parts []string
	for _, e := range edits {
		switch e.Op {
		case Delete:
			parts = append(parts, "~~"+e.Text+"~~")
		case Insert:
			parts = append(parts, "**"+e.Text+"**")
		default:
			parts = append(parts, e.Text)
		}
	}
	return strings.Join(parts, " ")
}
