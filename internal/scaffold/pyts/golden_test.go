package pyts

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodgen/prodgen/internal/golden"
	"github.com/prodgen/prodgen/internal/scaffold"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestGolden compares the small API's projects with testdata/<lang>.golden,
// a txtar archive of every file; its comment lists the executable ones.
func TestGolden(t *testing.T) {
	for _, g := range generators {
		t.Run(g.lang, func(t *testing.T) {
			checkGolden(t, g.lang, g.gen, smallAPI(), "smallAPI", g.lang+".golden")
		})
	}
}

// TestGoldenRich compares the rich domain's projects with
// testdata/rich-<lang>.golden.
func TestGoldenRich(t *testing.T) {
	for _, g := range generators {
		t.Run(g.lang, func(t *testing.T) {
			checkGolden(t, g.lang, g.gen, richAPI(t), "the rich domain in ../testdata/rich", "rich-"+g.lang+".golden")
		})
	}
}

// checkGolden compares an API's project with testdata/name, a txtar
// archive of every file whose comment lists the executable ones.
func checkGolden(t *testing.T, lang string, gen func(*scaffold.API) ([]scaffold.File, error), api *scaffold.API, what, name string) {
	t.Helper()
	files, err := gen(api)
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
	ar.Comment = fmt.Appendf(nil, "The %s project of %s; go test -update rewrites it.\nexecutable: %s\n", lang, what, strings.Join(executable, " "))
	golden.Check(t, filepath.Join("testdata", name), txtar.Format(ar))
}
