package offline

import (
	"strings"
	"testing"
)

func TestConditions(t *testing.T) {
	tests := []struct{ in, other, negated string }{
		{"it changes by more than 10 minutes", "it changes by 10 minutes or less", ""},
		{"the total is under 5 euros", "the total is 5 euros or more", ""},
		{"they have waited at least 2 hours", "they have waited less than 2 hours", ""},
		{"they are third in line", "", "they are not third in line"},
		{"the phone is back in coverage", "", "the phone is not back in coverage"},
		{"the invoice changes", "", "the invoice does not change"},
		{"members check in late", "", "members do not check in late"},
		{"they have not checked in", "", ""},
	}
	for _, tt := range tests {
		ts := tokenize(tt.in)
		other, ok := otherSide(ts)
		if got := join(other); ok != (tt.other != "") || got != tt.other {
			t.Errorf("otherSide(%q) = %q, %v, want %q", tt.in, got, ok, tt.other)
		}
		if tt.other != "" {
			continue
		}
		neg, ok := negate(ts)
		if got := join(neg); ok != (tt.negated != "") || got != tt.negated {
			t.Errorf("negate(%q) = %q, %v, want %q", tt.in, got, ok, tt.negated)
		}
	}
}

func TestEntityName(t *testing.T) {
	tests := []struct{ np, want string }{
		{"a team", "Team"},
		{"the live queue", "Queue"},
		{"the day's findings", "Finding"},
		{"scheduled work orders", "Work order"},
		{"flagged follow-ups", "Follow-up"},
		{"check-in history", "Check-in"},
		{"multi-currency invoices", "Invoice"},
		{"an audit log", "Audit log entry"},
		{"daily reports", "Report"},
		{"only a QR code", "QR code"},
		{"an SMS", ""},
		{"a team board", ""},
		{"PDF rendering", ""},
		{"a few taps", ""},
		{"the entrance", ""},
	}
	for _, tt := range tests {
		got, ok := entityName(tokenize(tt.np))
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("entityName(%q) = %q, %v, want %q", tt.np, got, ok, tt.want)
		}
	}
}

func TestFields(t *testing.T) {
	tests := []struct {
		list string
		one  bool
		want string // name:type:notes, comma separated
	}{
		{"a cadence (daily, weekdays, weekly) and an owner", true, "cadence:string:daily, weekdays, weekly|owner:string:"},
		{"tax rates and discounts", true, "tax_rate:decimal:|discount:decimal:"},
		{"only a first name and a phone number", true, "first_name:string:|phone_number:string:"},
		{"a few taps and a voice note", true, "voice_note:string:"},
		{"arrivals per hour, median wait, walk-outs", false, "arrivals_per_hour:string:|median_wait:string:|walk_outs:string:"},
		{"a due date, a total amount, an item count and is_paid", true, "due_date:timestamp:|total_amount:decimal:|item_count:integer:|is_paid:boolean:"},
		{"a priority by noon", true, "priority:string:"},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range fieldList(tokenize(tt.list), tt.one) {
			got = append(got, f.Name+":"+f.Type+":"+f.Notes)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("fieldList(%q) = %q, want %q", tt.list, g, tt.want)
		}
	}
}
