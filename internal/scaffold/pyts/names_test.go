package pyts

import (
	"encoding/json"
	"testing"
)

func TestSnake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CreateQueueEntry", "create_queue_entry"},
		{"ExportCSVReport", "export_csv_report"},
		{"ExportCSV", "export_csv"},
		{"GetClassByID", "get_class_by_id"},
		{"GetV2Item", "get_v2_item"},
		{"N2faCode", "n2fa_code"},
		{"2faInvoice", "2fa_invoice"},
		{"CreateCheckIn2", "create_check_in2"},
		{"already_snake", "already_snake"},
		{"Trailing_", "trailing"},
		{"A", "a"},
	}
	for _, tt := range tests {
		if got := snake(tt.in); got != tt.want {
			t.Errorf("snake(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuoteIsJSON(t *testing.T) {
	for _, s := range []string{"", `a "b" \ c`, "line\nbreak\ttab", "<&>", "é ✓ 😀", "\u2028\u2029", "nul\x00"} {
		var back string
		if err := json.Unmarshal([]byte(quote(s)), &back); err != nil || back != s {
			t.Errorf("quote(%q) = %s, which reads back as %q, %v", s, quote(s), back, err)
		}
	}
}

func TestLineAndPydoc(t *testing.T) {
	tests := []struct{ in, line, pydoc string }{
		{"plain", "plain", "plain"},
		{"two\nlines\r\n  and\u2028more", "two lines and more", "two lines and more"},
		{`say "hi" \ """`, `say "hi" \ """`, `say \"hi\" \\ \"\"\"`},
		{"bell\a and nul\x00", "bell and nul", "bell and nul"},
	}
	for _, tt := range tests {
		if got := line(tt.in); got != tt.line {
			t.Errorf("line(%q) = %q, want %q", tt.in, got, tt.line)
		}
		if got := pydoc(tt.in); got != tt.pydoc {
			t.Errorf("pydoc(%q) = %q, want %q", tt.in, got, tt.pydoc)
		}
	}
}
