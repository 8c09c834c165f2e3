package pyts

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the generators' output")

// TestGolden compares the small API's projects with testdata/<lang>.golden,
// a txtar archive of every file; its comment lists the executable ones.
func TestGolden(t *testing.T) {
	for _, g := range generators {
		t.Run(g.lang, func(t *testing.T) {
			files, err := g.gen(smallAPI())
			if err != nil {
				t.Fatal(err)
			}
			ar := &txtar.Archive{}
			var executable []string
			for _, f := range files {
				ar.Files = append(ar.Files, txtar.File{Name: f.Path, Data: f.Content})
				if f.Executable {
					executable = append(executable, f.Path)
				}
			}
			ar.Comment = fmt.Appendf(nil, "The %s project of smallAPI; go test -update rewrites it.\nexecutable: %s\n", g.lang, strings.Join(executable, " "))
			got := txtar.Format(ar)
			path := filepath.Join("testdata", g.lang+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test -update creates it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("output differs from %s (go test -update rewrites it):\n%s", path, lineDiff(string(want), string(got)))
			}
		})
	}
}

// lineDiff shows how got differs from want: "-" for a line only in want,
// "+" for a line only in got, with two lines of context around changes.
func lineDiff(want, got string) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	// lcs[i][j] is the longest common subsequence of a[i:] and b[j:].
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
			ops, i, j = append(ops, "  "+a[i]), i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] > lcs[i+1][j]):
			ops, j = append(ops, "+ "+b[j]), j+1
		default:
			ops, i = append(ops, "- "+a[i]), i+1
		}
	}
	var out strings.Builder
	last := -1
	for k, op := range ops {
		near := false
		for m := max(0, k-2); m <= min(len(ops)-1, k+2); m++ {
			near = near || ops[m][0] != ' '
		}
		if !near {
			continue
		}
		if last >= 0 && k > last+1 {
			out.WriteString("  …\n")
		}
		out.WriteString(op + "\n")
		last = k
	}
	return out.String()
}
