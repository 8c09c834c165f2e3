package examples

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/prodgen/prodgen/internal/cli"
)

// TestExamplesLintStrict runs "prodgen lint --strict" in every example, as
// a user and CI do: the documents prodgen writes must give no finding at
// all, warnings included. A
// finding is either a defect of the generator, fixed there, or a false
// positive of lint, fixed in its rule with a test that the true positive
// is still caught; never a reason to drop --strict.
func TestExamplesLintStrict(t *testing.T) {
	briefs := exampleBriefs(t)
	for _, b := range briefs {
		name := filepath.Dir(b)
		t.Run(name, func(t *testing.T) {
			dir, err := filepath.Abs(name)
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			deps := cli.Deps{IO: cli.IO{Out: &stdout, Err: &stderr}, Dir: dir}
			code := cli.Main(t.Context(), []string{"lint", "--strict"}, deps)
			if code != 0 || stdout.Len() > 0 {
				t.Errorf("prodgen -C examples/%s lint --strict exited %d:\n%s%s", name, code, stdout.String(), stderr.String())
			}
		})
	}
}
