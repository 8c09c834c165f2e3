package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParseLock feeds the lock reader what a pull request's author could
// write: it never panics, and a lock it accepts names only paths inside
// the project (inputs aside: a configured brief may be outside, checked
// where it is read), well-formed hashes, known stages and IDs in range.
func FuzzParseLock(f *testing.F) {
	for _, name := range []string{"clinic-queue", "invoice-api"} {
		if data, err := os.ReadFile(filepath.Join("..", "..", "examples", name, "prodgen.lock")); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"version":2,"artifacts":{"prd":{"outputs":[{"path":"/dev/zero","sha256":"x"}]}}}`))
	f.Add([]byte(`{"version":1,"artifacts":{"prd":{"ids":{"FR":9223372036854775807}}}}`))
	f.Add([]byte(`{"version":2,"artifacts":{"tech":{"items":[{"key":"file:../x","state":"gone"}]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := parseLock(data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), lockFile+": ") {
				t.Errorf("error %q does not name %s", err, lockFile)
			}
			return
		}
		for name, e := range l.Artifacts {
			if !strings.Contains(strings.Join(StageNames(), " "), name) || e == nil {
				t.Fatalf("accepted stage %q", name)
			}
			for _, o := range e.Outputs {
				if !filepath.IsLocal(filepath.FromSlash(o.Path)) || !isSHA256(o.SHA256) {
					t.Fatalf("accepted output %+v", o)
				}
			}
			for _, n := range e.IDs {
				if n < 0 || n > maxID {
					t.Fatalf("accepted ID number %d", n)
				}
			}
		}
	})
}
