package prompt

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
)

// Info is one prompt as "prodgen prompts list" shows it, and one element
// of its --json.
type Info struct {
	Name        string `json:"name"`
	Source      string `json:"source"` // BuiltIn or the override file
	Description string `json:"description"`
}

// Infos describes every prompt of s, its source shown as by Shown.
func (s *Set) Infos(root, configured string) []Info {
	infos := []Info{}
	for _, name := range s.List() {
		infos = append(infos, Info{Name: name, Source: Shown(s.Source(name), root, configured), Description: Describe(name)})
	}
	return infos
}

// Shown is a template's source as the user configured it: BuiltIn, or the
// override file's path relative to root, the project folder; or the path
// as it is when configured, the prompts folder as written in prodgen.yaml,
// is absolute.
func Shown(source, root, configured string) string {
	if source == BuiltIn || filepath.IsAbs(configured) {
		return source
	}
	rel, err := filepath.Rel(root, source)
	if err != nil {
		return source
	}
	return filepath.ToSlash(rel)
}

// WriteList writes infos one a line in aligned columns, or as a JSON array.
func WriteList(w io.Writer, infos []Info, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(infos)
	}
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, p := range infos {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", p.Name, p.Source, p.Description)
	}
	return tw.Flush()
}

// FileNames names the files a prompts folder may hold: "prd.md, ...".
func FileNames() string {
	names := New("").List()
	for i, n := range names {
		names[i] = n + ext
	}
	return strings.Join(names, ", ")
}

// CheckDir says why the folder abs, which the user calls dir, cannot be a
// prompts folder: it does not exist, or is not a folder. It returns nil
// for a folder.
func CheckDir(abs, dir string) error {
	info, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("folder %s does not exist; write the built-in prompts there with 'prodgen prompts eject'", dir)
	case err != nil:
		return err // a *fs.PathError, naming the folder
	case !info.IsDir():
		return fmt.Errorf("%s is not a folder", dir)
	}
	return nil
}
