package brief

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that Parse never panics, fails only with its own
// errors, is deterministic, and keeps its promises about the Brief: valid
// UTF-8 text, Missing in step with the fields, no metric with a number in
// its name and no target.
func FuzzParse(f *testing.F) {
	for _, name := range samples {
		src, err := os.ReadFile(filepath.Join("testdata", name+".md"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{"", " ", "---\n---\n", "---\ntitle: x\n", "# A — \n", "| a |\n|---|\n| b |\n",
		"## Metrics\n\n- 5\n", "## Users\n\n; , ;\n", "Status: · :\n", "1) \n",
		"## What\n\n| Feature | Pri | Notes |\n|---|---|---|\n| [P0] a | P1 | b |\n",
		"## Who\n\n| P |\n|---|\n| **x** who y |\n\n### z\n\nw.\n",
		"## KPIs\n\n| Today | Target |\n|---|---|\n| 1 | |\n\n- a: from 1 to 2\n  - Target: 3\n",
		"## Goals & non-goals\n\n- [ ] No x\n  - y\n", "Users: a, b and c. If it works, x should drop from 1 to 2, and no y lost.",
		"We want an app that: they pick, record, and flag; supervisors see it? We won't do z.",
		"<h1>X</h1><p>a<br>b</p><ul><li>c<ol><li>d</li></ol></li></ul><table><tr><td>e</td></tr></table>",
		"<context>\n# O\n</context>\n<b>x</b><br>\n<ul><li>y &amp; z</li></ul>\n```\n<p>\n```\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		b, err := Parse(src)
		if err != nil {
			if b != nil {
				t.Fatal("a Brief and an error")
			}
			for _, e := range []error{ErrEmpty, ErrBinary, ErrNotUTF8, ErrTooLarge, ErrFrontMatter} {
				if errors.Is(err, e) {
					return
				}
			}
			t.Fatalf("unexpected error %v", err)
		}
		if b == nil {
			t.Fatal("nil Brief without an error")
		}
		again, _ := Parse(src)
		if !reflect.DeepEqual(b, again) {
			t.Fatal("two parses differ")
		}
		if !reflect.DeepEqual(b.Missing, missing(b)) {
			t.Fatalf("Missing = %q, fields say %q", b.Missing, missing(b))
		}
		for _, m := range b.Metrics {
			if m.Target == "" && hasDigit(m.Name) {
				t.Fatalf("metric %+v has a number but no target", m)
			}
		}
		out, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(out) || !validStrings(b) {
			t.Fatal("output holds invalid UTF-8")
		}
	})
}

// validStrings reports whether every string in b is valid UTF-8; JSON
// encoding would hide a broken rune by replacing it.
func validStrings(b *Brief) bool {
	ss := []string{b.Title, b.Summary, b.Problem}
	for _, u := range b.Users {
		ss = append(ss, u.Name, u.Description)
	}
	for _, f := range append(append([]Feature(nil), b.Features...), b.Later...) {
		ss = append(ss, f.Text, f.Priority, f.Notes, f.Phase, f.Ref, f.Actor)
	}
	for _, m := range b.Metrics {
		ss = append(ss, m.Name, m.Baseline, m.Target)
	}
	for _, l := range [][]string{b.Goals, b.NonGoals, b.Constraints, b.Risks, b.OpenQuestions, b.Stack, b.Plan} {
		ss = append(ss, l...)
	}
	for k, v := range b.Meta {
		ss = append(ss, k, v)
	}
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return false
		}
	}
	return true
}
