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
	for _, s := range samples() {
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

// diff lists the lines that differ between want and got (at most 20),
// enough to see what changed without a diff tool.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl == gl {
			continue
		}
		if shown == 20 {
			b.WriteString("…more differences\n")
			break
		}
		shown++
		fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, wl, gl)
	}
	return b.String()
}
