package prose

import "testing"

func TestStem(t *testing.T) {
	tests := []struct {
		words []string // all give the same stem
		stem  string
	}{
		{[]string{"book", "books", "booked", "booking"}, "book"},
		{[]string{"category", "categories"}, "category"},
		{[]string{"share", "shares", "shared", "sharing"}, "shar"},
		{[]string{"plan", "plans", "planned", "planning"}, "plan"},
		{[]string{"install", "installs", "installed"}, "install"},
		{[]string{"box", "boxes"}, "box"},
		{[]string{"apply", "applies", "applied"}, "apply"},
		{[]string{"status"}, "status"},
		{[]string{"need", "needs", "needed"}, "need"},
		{[]string{"schedule", "scheduled", "schedules", "scheduling"}, "schedul"},
	}
	for _, tt := range tests {
		for _, w := range tt.words {
			if got := Stem(w); got != tt.stem {
				t.Errorf("Stem(%q) = %q, want %q", w, got, tt.stem)
			}
		}
	}
}
