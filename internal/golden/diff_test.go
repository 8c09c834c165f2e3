package golden

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		name      string
		want, got string
		diff      string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"one line changed, context around it",
			"1\n2\n3\n4\n5\nb\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\n5\nx\n6\n7\n8\n9\n10\n",
			"@@ -3,7 +3,7 @@\n  3\n  4\n  5\n- b\n+ x\n  6\n  7\n  8\n"},
		{"inserted line is one + line, not a shift",
			"a\nb\nc\nd\ne\nf\ng\nh\n", "new\na\nb\nc\nd\ne\nf\ng\nh\n",
			"@@ -1,3 +1,4 @@\n+ new\n  a\n  b\n  c\n"},
		{"removed at the end", "a\nb\nc\n", "a\nb\n",
			"@@ -1,3 +1,2 @@\n  a\n  b\n- c\n"},
		{"two changes far apart are two hunks",
			"x\n1\n2\n3\n4\n5\n6\n7\n8\ny\n", "X\n1\n2\n3\n4\n5\n6\n7\n8\nY\n",
			"@@ -1,4 +1,4 @@\n- x\n+ X\n  1\n  2\n  3\n@@ -7,4 +7,4 @@\n  6\n  7\n  8\n- y\n+ Y\n"},
		{"two changes close together are one hunk",
			"x\n1\n2\n3\ny\n", "X\n1\n2\n3\nY\n",
			"@@ -1,5 +1,5 @@\n- x\n+ X\n  1\n  2\n  3\n- y\n+ Y\n"},
		{"empty want", "", "a\n", "@@ -0,0 +1,1 @@\n+ a\n"},
		{"trailing space is quoted", "a\nb\n", "a\nb \n",
			"@@ -1,2 +1,2 @@\n  a\n- \"b\"\n+ \"b \"\n"},
		{"tab for spaces is quoted", "\tx := 1\n", "    x := 1\n",
			"@@ -1,1 +1,1 @@\n- \"\\tx := 1\"\n+ \"    x := 1\"\n"},
		{"carriage return is quoted", "a\n", "a\r\n",
			"@@ -1,1 +1,1 @@\n- \"a\"\n+ \"a\\r\"\n"},
		{"tabs alone are not quoted", "\tx := 1\n", "\tx := 2\n",
			"@@ -1,1 +1,1 @@\n- \tx := 1\n+ \tx := 2\n"},
		{"no newline at the end of got", "a\nb\n", "a\nb",
			"\\ got has no newline at the end\n"},
		{"no newline at the end of want", "a\nb", "a\nc\n",
			"@@ -1,2 +1,2 @@\n  a\n- b\n+ c\n\\ want has no newline at the end\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Diff(tt.want, tt.got); got != tt.diff {
				t.Errorf("Diff =\n%s\nwant\n%s", got, tt.diff)
			}
		})
	}
}

// TestDiffLimit checks that a diff stops after maxChanged changed lines
// and says how many it left out.
func TestDiffLimit(t *testing.T) {
	var want, got strings.Builder
	for i := range 100 {
		fmt.Fprintf(&want, "line %d\n", i)
		fmt.Fprintf(&got, "LINE %d\n", i)
	}
	d := Diff(want.String(), got.String())
	if n := strings.Count(d, "\n- ") + strings.Count(d, "\n+ "); n != maxChanged {
		t.Errorf("%d changed lines shown, want %d:\n%s", n, maxChanged, d)
	}
	if !strings.HasSuffix(d, "… 160 more changed lines not shown (200 in all)\n") {
		t.Errorf("the diff does not say what it left out:\n%s", d)
	}
}

// TestDiffLarge checks that texts too large to align are still compared,
// line by line.
func TestDiffLarge(t *testing.T) {
	lines := make([]string, 3000)
	for i := range lines {
		lines[i] = strconv.Itoa(i)
	}
	want := strings.Join(lines, "\n")
	lines[0], lines[len(lines)-1] = "first", "last"
	d := Diff(want, strings.Join(lines, "\n"))
	for _, s := range []string{"@@ -1,4 +1,4 @@\n- 0\n+ first\n", "- 2999\n+ last\n"} {
		if !strings.Contains(d, s) {
			t.Errorf("diff lacks %q:\n%s", s, d)
		}
	}
}

// TestDiffApplies applies the diffs of random edits to want and expects
// got: every hunk's position, counts and lines are right.
func TestDiffApplies(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 500 {
		a := randomLines(r)
		b := edit(r, a)
		want, got := strings.Join(a, "\n")+"\n", strings.Join(b, "\n")+"\n"
		if len(a) == 0 {
			want = ""
		}
		if len(b) == 0 {
			got = ""
		}
		d := Diff(want, got)
		if strings.Contains(d, "more changed lines") {
			continue
		}
		if patched, err := apply(a, d); err != nil || !equalLines(patched, b) {
			t.Fatalf("case %d: applying the diff of\n%q to\n%q gives %q (%v):\n%s", n, a, b, patched, err, d)
		}
	}
}

func randomLines(r *rand.Rand) []string {
	lines := make([]string, r.IntN(30))
	for i := range lines {
		lines[i] = string(rune('a' + r.IntN(5)))
	}
	return lines
}

// edit deletes, inserts and changes a few of the lines.
func edit(r *rand.Rand, lines []string) []string {
	out := append([]string(nil), lines...)
	for range r.IntN(6) {
		k := r.IntN(len(out) + 1)
		switch r.IntN(3) {
		case 0:
			if k < len(out) {
				out = append(out[:k], out[k+1:]...)
			}
		case 1:
			out = append(out[:k], append([]string{string(rune('a' + r.IntN(6)))}, out[k:]...)...)
		default:
			if k < len(out) {
				out[k] = "changed"
			}
		}
	}
	return out
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$`)

// apply applies a diff as Diff writes it to lines.
func apply(lines []string, diff string) ([]string, error) {
	var out []string
	next := 0 // the first line of lines not yet copied
	body := strings.Split(strings.TrimSuffix(diff, "\n"), "\n")
	if diff == "" {
		body = nil
	}
	for _, l := range body {
		if m := hunkHeader.FindStringSubmatch(l); m != nil {
			start, _ := strconv.Atoi(m[1])
			count, _ := strconv.Atoi(m[2])
			if count > 0 {
				start-- // to 0-based
			}
			if start < next || start > len(lines) {
				return out, fmt.Errorf("hunk %q starts at %d, after %d", l, start, next)
			}
			out = append(out, lines[next:start]...)
			next = start
			continue
		}
		if len(l) < 2 {
			return out, fmt.Errorf("line %q", l)
		}
		switch l[:2] {
		case "  ", "- ":
			if next >= len(lines) || lines[next] != l[2:] {
				return out, fmt.Errorf("line %q is not line %d of want", l, next+1)
			}
			if l[0] == ' ' {
				out = append(out, l[2:])
			}
			next++
		case "+ ":
			out = append(out, l[2:])
		default:
			return out, fmt.Errorf("line %q", l)
		}
	}
	return append(out, lines[next:]...), nil
}

func equalLines(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n") && len(a) == len(b)
}
