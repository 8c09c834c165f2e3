package pyts

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
	"github.com/rogpeppe/go-internal/txtar"
)

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
			golden.Check(t, filepath.Join("testdata", g.lang+".golden"), txtar.Format(ar))
		})
	}
}
