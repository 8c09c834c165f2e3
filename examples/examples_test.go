// Package examples holds sample briefs and the documents prodgen generated
// from them. Its tests fail when a committed document is out of date or
// when prodgen lint --strict finds anything in one but the known findings
// listed in lint_test.go.
package examples

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/prodgen/prodgen/internal/cli"
	"github.com/prodgen/prodgen/internal/golden"
)

var docs = []string{"prd.md", "stories.md", "tech.md"}

// TestExamplesAreFresh regenerates every example in a scratch folder and
// compares the result with the committed documents, byte for byte; with
// -update it rewrites them instead.
func TestExamplesAreFresh(t *testing.T) {
	briefs := exampleBriefs(t)
	for _, b := range briefs {
		name := filepath.Dir(b)
		t.Run(name, func(t *testing.T) {
			work := t.TempDir()
			src, err := os.ReadFile(b)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(work, "brief.md"), src, 0o644); err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			deps := cli.Deps{IO: cli.IO{Out: &bytes.Buffer{}, Err: &stderr}, Dir: work}
			if code := cli.Main(context.Background(), []string{"generate"}, deps); code != 0 {
				t.Fatalf("prodgen generate exited %d: %s", code, stderr.String())
			}
			changed := false
			for _, doc := range docs {
				got, err := os.ReadFile(filepath.Join(work, "docs", doc))
				if err != nil {
					t.Fatal(err)
				}
				committed := filepath.Join(name, "docs", doc)
				if golden.Update() {
					if old, err := os.ReadFile(committed); err != nil || !bytes.Equal(old, got) {
						changed = true
					}
					if err := os.MkdirAll(filepath.Dir(committed), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(committed, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(committed)
				if err != nil {
					t.Fatalf("%v (generate it: go run ./cmd/prodgen -C examples/%s generate)", err, name)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("examples/%s/docs/%s is out of date (- committed, + generated); regenerate with: go run ./cmd/prodgen -C examples/%s generate\n%s",
						name, doc, name, golden.Diff(string(want), string(got)))
				}
			}
			if changed {
				// The lock records what the documents were generated from:
				// it moves with them, or check fails on the example.
				lock, err := os.ReadFile(filepath.Join(work, "prodgen.lock"))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(name, "prodgen.lock"), lock, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestExamplesCheck runs "prodgen check" in every example, as CI does: the
// committed lock must record the committed documents, or a user who
// clones the repository is told the examples are stale.
func TestExamplesCheck(t *testing.T) {
	for _, b := range exampleBriefs(t) {
		name := filepath.Dir(b)
		dir, err := filepath.Abs(name)
		if err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		deps := cli.Deps{IO: cli.IO{Out: &stdout, Err: &stderr}, Dir: dir}
		if code := cli.Main(context.Background(), []string{"check"}, deps); code != 0 {
			t.Errorf("prodgen -C examples/%s check exited %d (regenerate: go test ./examples -update):\n%s%s", name, code, stdout.String(), stderr.String())
		}
	}
}

// exampleBriefs are the examples' briefs, "NAME/brief.md"; there must be
// at least three, so a glob gone wrong cannot pass every test by finding
// none.
func exampleBriefs(t *testing.T) []string {
	t.Helper()
	briefs, err := filepath.Glob(filepath.Join("*", "brief.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(briefs) < 3 {
		t.Fatalf("want at least three examples, found %d", len(briefs))
	}
	return briefs
}
