// Package starter makes the files that start a prodgen project, besides
// the prodgen.yaml that config.Template renders: a starter brief to
// replace, and the .gitignore entries that keep the file a run holds and
// the response cache out of git. Check refuses, before anything is
// written, to overwrite what is there.
package starter

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/runlock"
)

// Brief is the starter brief: an example under the headings the brief
// parser reads, for a newcomer to overwrite.
//
//go:embed brief.md
var Brief []byte

// File is one file to write.
type File struct {
	Name string // as shown to the user
	Path string // where it is written
	Data []byte
	What string // what it is, said after "wrote NAME"
}

// ErrProjectFolder is Gitignore's answer when the cache folder is the
// project folder itself, which git cannot be told to ignore.
var ErrProjectFolder = errors.New("the cache folder is the project folder itself")

// ExistsError names the files Check will not overwrite without force.
type ExistsError struct {
	Names []string // with slashes, as shown to the user
}

func (e *ExistsError) Error() string {
	verb := "exists"
	if len(e.Names) > 1 {
		verb = "exist"
	}
	return fmt.Sprintf("%s already %s; nothing was written (run again with --force to overwrite)", strings.Join(e.Names, " and "), verb)
}

// Check refuses, before anything is written, to overwrite a file without
// force (an *ExistsError naming every one), and to replace a folder at all
// (a disk.InputError).
func Check(files []File, force bool) error {
	var exist []string
	for _, file := range files {
		info, err := os.Lstat(file.Path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return &disk.InputError{Path: file.Name, Err: disk.Unwrap(err)}
		case info.IsDir():
			return &disk.InputError{Path: file.Name, Err: errors.New("is a folder; init writes a file there")}
		}
		exist = append(exist, filepath.ToSlash(file.Name))
	}
	if len(exist) == 0 || force {
		return nil
	}
	return &ExistsError{Names: exist}
}

// Gitignore returns the project's .gitignore with what prodgen keeps out
// of git added: the file a run holds while it writes (runlock.Name), and
// the cache folder when it is inside the project. It is nil when every
// entry is there already. root is the project folder; a relative cacheDir
// is taken from it.
func Gitignore(root, cacheDir string) (*File, error) {
	ignores := []ignore{{rel: runlock.Name, entry: "/" + runlock.Name, what: "/" + runlock.Name + ", there while prodgen runs"}}
	cache, err := cacheIgnore(root, cacheDir)
	if err != nil {
		return nil, err
	}
	if cache != nil {
		ignores = append(ignores, *cache)
	}
	path := filepath.Join(root, ".gitignore")
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, &disk.InputError{Path: ".gitignore", Err: disk.Unwrap(err)}
	}
	text := string(data)
	var add, what []string
	for _, ig := range ignores {
		if !ig.in(text) {
			add, what = append(add, ig.entry+"\n"), append(what, ig.what)
		}
	}
	if len(add) == 0 {
		return nil, nil
	}
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return &File{Name: ".gitignore", Path: path, Data: []byte(text + strings.Join(add, "")),
		What: "ignores " + strings.Join(what, ", and ")}, nil
}

// ignore is one entry Gitignore adds.
type ignore struct {
	rel   string // the path from the project folder, with slashes
	entry string // the line
	what  string // what it is, for the user
}

// in reports whether text, a .gitignore, has a line for the path already,
// anchored or not.
func (ig ignore) in(text string) bool {
	for line := range strings.SplitSeq(text, "\n") {
		if strings.Trim(strings.TrimSpace(line), "/") == ig.rel {
			return true
		}
	}
	return false
}

// cacheIgnore is the entry for the cache folder, or nil when there is
// none to add: no cache folder, or one outside the project.
func cacheIgnore(root, cacheDir string) (*ignore, error) {
	if cacheDir == "" {
		return nil, nil
	}
	abs := cacheDir
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(root, abs)
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || !filepath.IsLocal(rel) {
		return nil, nil
	}
	if rel == "." {
		return nil, ErrProjectFolder
	}
	entry := "/" + filepath.ToSlash(rel) + "/"
	return &ignore{rel: filepath.ToSlash(rel), entry: entry, what: "the response cache " + entry}, nil
}
