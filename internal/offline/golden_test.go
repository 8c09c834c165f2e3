package offline

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/golden"
)

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
			golden.Check(t, filepath.Join("testdata", s.name+".golden.json"), encode(t, buildAll(s.brief)))
		})
	}
}
