package brief

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestParseInputErrors(t *testing.T) {
	tests := []struct {
		name string
		src  []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"whitespace", []byte(" \n\t\r\n  \n"), ErrEmpty},
		{"byte order mark only", []byte("\ufeff\n"), ErrEmpty},
		{"NUL byte", []byte("# Brief\x00\n"), ErrBinary},
		{"PNG header", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrBinary},
		{"invalid UTF-8", []byte("# Caf\xe9\n\nLatin-1 text.\n"), ErrNotUTF8},
		{"UTF-16", []byte("\xff\xfe#\x00 \x00B\x00"), ErrNotUTF8},
		{"too large", append([]byte("# Big\n\n"), bytes.Repeat([]byte("word "), MaxSize/5+1)...), ErrTooLarge},
		{"bad front matter", []byte("---\ntitle: [unclosed\n---\n# X\n"), ErrFrontMatter},
		{"front matter list", []byte("---\n- a\n- b\n---\n# X\n"), ErrFrontMatter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse(tt.src)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse error = %v, want %v", err, tt.want)
			}
			if b != nil {
				t.Errorf("Parse returned a Brief with an error")
			}
			msg := err.Error()
			if msg != strings.ToLower(msg[:1])+msg[1:] || strings.Contains(msg, "\n") || strings.HasSuffix(msg, ".") {
				t.Errorf("message %q: want one lowercase line without a final period", msg)
			}
		})
	}
}

func TestParseAtMaxSize(t *testing.T) {
	src := append([]byte("# Big\n\n"), bytes.Repeat([]byte("a"), MaxSize-7)...)
	if len(src) != MaxSize {
		t.Fatalf("test input is %d bytes", len(src))
	}
	if _, err := Parse(src); err != nil {
		t.Errorf("Parse of exactly MaxSize bytes: %v", err)
	}
}

func TestFrontMatterErrorWraps(t *testing.T) {
	_, err := Parse([]byte("---\ntitle: [unclosed\n---\n"))
	if err == nil || errors.Unwrap(err) == nil {
		t.Fatalf("want a wrapped YAML error, got %v", err)
	}
	if !strings.HasPrefix(err.Error(), "brief has malformed front matter: ") {
		t.Errorf("message = %q", err.Error())
	}
}

func TestNothingRecognisable(t *testing.T) {
	b, err := Parse([]byte("lorem ipsum dolor sit amet\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{PartProblem, PartUsers, PartGoals, PartFeatures, PartNonGoals, PartConstraints, PartMetrics}
	if strings.Join(b.Missing, ",") != strings.Join(want, ",") {
		t.Errorf("Missing = %q, want %q", b.Missing, want)
	}
	if b.Title != "" {
		t.Errorf("Title = %q, want empty", b.Title)
	}
}
