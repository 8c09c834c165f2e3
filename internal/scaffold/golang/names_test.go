package golang

import "testing"

func TestModulePath(t *testing.T) {
	tests := []struct{ slug, want string }{
		{"field-notes", "field-notes"},
		{"queueless", "queueless"},
		{"sync", "sync-prototype"},
		{"time", "time-prototype"},
		{"tool", "tool-prototype"},
		{"database", "database"},
	}
	for _, tt := range tests {
		if got := modulePath(tt.slug); got != tt.want {
			t.Errorf("modulePath(%q) = %q, want %q", tt.slug, got, tt.want)
		}
	}
}

func TestNoun(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Queue entry", "queue entry"},
		{"PDF report", "PDF report"},
		{"note", "note"},
		{"A", "a"},
		{"Line\nitem", "line item"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := noun(tt.name); got != tt.want {
			t.Errorf("noun(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Join the queue", "Join the queue"},
		{" two\nlines\r\n ", "two lines"},
		{"nul\x00 and bom\uFEFF", "nul and bom"},
		{"bad \xff utf-8", "bad \uFFFD utf-8"},
		{"tab\tand\u2028separator", "tab and separator"},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
