package offline

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// documents is everything the engine writes for one brief, as the golden
// files hold it.
type documents struct {
	PRD     *artifact.PRD      `json:"prd"`
	Stories *artifact.Stories  `json:"stories"`
	Tech    *artifact.TechSpec `json:"tech"`
}

// buildAll runs the three stages on a brief.
func buildAll(b *brief.Brief) documents {
	p := BuildPRD(b)
	s := BuildStories(p)
	return documents{PRD: p, Stories: s, Tech: BuildTech(p, s)}
}

// encode writes documents as indented JSON, as reviewers read them.
func encode(t *testing.T, d documents) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		t.Fatalf("encode: %v", err)
	}
	return buf.Bytes()
}

// TestGolden compares the whole output for each sample brief with
// testdata/<name>.golden.json. Run with -update to accept new output, then
// read the diff as a product manager would.
func TestGolden(t *testing.T) {
	for _, s := range allSamples() {
		t.Run(s.name, func(t *testing.T) {
			got := encode(t, buildAll(s.brief))
			path := filepath.Join("testdata", s.name+".golden.json")
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
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (run go test -update to accept):\n%s", path, diff(string(want), string(got)))
			}
		})
	}
}

// diff shows how got differs from want, line by line ("-" removed, "+"
// added, with line numbers of want), from a longest common subsequence:
// enough to review a golden change without a diff tool. At most 40
// changed lines are shown.
func diff(want, got string) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:].
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
	var out strings.Builder
	shown := 0
	line := func(sign string, n int, text string) {
		if shown < 40 {
			fmt.Fprintf(&out, "%s %4d %s\n", sign, n, text)
		} else if shown == 40 {
			out.WriteString("…more differences\n")
		}
		shown++
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			line("+", i+1, b[j])
			j++
		default:
			line("-", i+1, a[i])
			i++
		}
	}
	return out.String()
}
