package annotation

import "testing"

// A property ends at a comma or colon and the message at a line break:
// each is escaped so the runner reads it whole. A line of 0 and an empty
// title are left out.
func TestString(t *testing.T) {
	tests := []struct {
		name string
		a    Annotation
		want string
	}{
		{"full", Annotation{Level: Warning, File: "docs/prd.md", Line: 17, Title: "vague-word", Message: "vague word"},
			"::warning file=docs/prd.md,line=17,title=vague-word::vague word"},
		{"escapes", Annotation{Level: Error, File: "a,b:c.md", Line: 3, Title: "x: y, z", Message: "100% sure\r\nnext line"},
			"::error file=a%2Cb%3Ac.md,line=3,title=x%3A y%2C z::100%25 sure%0D%0Anext line"},
		{"whole file", Annotation{Level: Notice, File: "docs/tech.md", Message: "added"},
			"::notice file=docs/tech.md::added"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.String(); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
