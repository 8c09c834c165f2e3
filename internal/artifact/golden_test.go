package artifact

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/<name>.golden.md, or rewrites the file
// with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden.md")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the rendered document (go test -update rewrites it):\n%s", path, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows how got differs from want, line by line: "-" for a line
// only in want, "+" for a line only in got, two lines of context around
// each change.
func lineDiff(want, got string) string {
	ops := diffOps(strings.Split(want, "\n"), strings.Split(got, "\n"))
	const context = 2
	var out strings.Builder
	last := -1
	for i, op := range ops {
		near := false
		for j := max(0, i-context); j <= min(len(ops)-1, i+context); j++ {
			near = near || ops[j][0] != ' '
		}
		if !near {
			continue
		}
		if last >= 0 && i > last+1 {
			out.WriteString("  …\n")
		}
		out.WriteString(op + "\n")
		last = i
	}
	return out.String()
}

// diffOps aligns a and b on a longest common subsequence and returns each
// line prefixed with "  ", "- " or "+ ".
func diffOps(a, b []string) []string {
	// lcs[i][j] is the length of the longest common subsequence of a[i:], b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			ops = append(ops, "  "+a[i])
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			ops = append(ops, fmt.Sprintf("+ %q", b[j]))
			j++
		default:
			ops = append(ops, fmt.Sprintf("- %q", a[i]))
			i++
		}
	}
	return ops
}

func TestLineDiff(t *testing.T) {
	got := lineDiff("1\n2\n3\n4\n5\nb\n6", "1\n2\n3\n4\n5\nx\n6")
	want := "  4\n  5\n+ \"x\"\n- \"b\"\n  6\n"
	if got != want {
		t.Errorf("lineDiff = %q, want %q", got, want)
	}
}
