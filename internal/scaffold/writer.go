package scaffold

import (
	"bytes"
	"cmp"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
)

// File is one file of a prototype, relative to the output folder.
type File struct {
	// Path uses forward slashes: "cmd/server/main.go".
	Path    string
	Content []byte
	// Executable files are written with mode 0755, others with 0644.
	Executable bool
}

// Default limits of a manifest, used where Limits leaves one at zero.
const (
	DefaultMaxFiles       = 500
	DefaultMaxBytes int64 = 5 << 20
)

// Limits bound the size of a manifest, so a runaway model cannot fill the
// disk. A field of zero or less means its default.
type Limits struct {
	MaxFiles int
	MaxBytes int64 // the files' contents together
}

// LimitError says a manifest is over one of its limits; nothing of it was
// written.
type LimitError struct {
	What  string // "files" or "bytes"
	Count int64
	Max   int64
}

// Error names the limit and the manifest's count.
func (e *LimitError) Error() string {
	return fmt.Sprintf("the manifest has %d %s, more than the limit of %d; nothing was written", e.Count, e.What, e.Max)
}

// Report is what Write did with each file of a manifest. Every list is
// sorted by path.
type Report struct {
	Written   []string // new or replaced
	Unchanged []string // already there with the same content and mode
	Skipped   []string // already there and different, kept without force
	Rejected  []Rejection
}

// Rejection is a file Write refused to write, and why.
type Rejection struct {
	Path   string
	Reason string // a short phrase: "absolute path", "path goes through a symlink"
}

// Reasons for a rejection that only the manifest or the folder as a whole
// can give; ValidatePath gives the others.
const (
	reasonDuplicate = "duplicate path"
	reasonCase      = "same path as another but for letter case"
	reasonFolder    = "also a folder of another file"
	reasonSymlink   = "path goes through a symlink"
)

// Write writes files into dir, creating it if needed, and reports what it
// did with each. Every operation goes through an os.Root opened on dir, so
// no path, symlink or race can reach outside it. In order:
//
//   - a manifest over limits is refused whole: Write writes nothing and
//     returns a *LimitError;
//   - a path that ValidatePath refuses, that appears twice (also when only
//     its letter case differs, which is one file on macOS and Windows), or
//     that another path uses as a folder is rejected;
//   - a file whose path goes through a symlink, or is one, is rejected;
//   - an existing file with the same content and mode is unchanged; a
//     different one is skipped unless force is set;
//   - any other file is written to a temporary file next to it and
//     renamed into place, so no reader sees it half written, with mode
//     0644, or 0755 when Executable.
//
// Files are written in path order. Rejections are reported, not returned:
// the error is for I/O failures, and with it the report says what was done
// before the failure.
func Write(dir string, files []File, force bool, limits Limits) (*Report, error) {
	return WriteOver(dir, files, func(string) bool { return force }, limits)
}

// WriteOver is Write with a choice per file: an existing file that differs
// is replaced when overwrite(path) says so, and kept (Skipped) otherwise.
// overwrite is asked only about regular files inside dir, never about a
// symlink.
func WriteOver(dir string, files []File, overwrite func(path string) bool, limits Limits) (*Report, error) {
	if err := limits.check(files); err != nil {
		return nil, err
	}
	rep := &Report{}
	todo := accept(files, rep)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create the output folder: %w", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("open the output folder: %w", err)
	}
	// Closing the folder's handle cannot lose data, since each file was
	// synced and closed on its own, so its error is not worth reporting.
	defer root.Close()
	// Files go in path order, so the other lists are sorted already.
	defer sortRejected(rep)
	for _, f := range todo {
		if err := writeFile(root, f, overwrite, rep); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

func sortRejected(rep *Report) {
	slices.SortFunc(rep.Rejected, func(a, b Rejection) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Reason, b.Reason))
	})
}

// check returns a *LimitError if files are over l.
func (l Limits) check(files []File) error {
	maxFiles, maxBytes := int64(l.MaxFiles), l.MaxBytes
	if maxFiles <= 0 {
		maxFiles = DefaultMaxFiles
	}
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if n := int64(len(files)); n > maxFiles {
		return &LimitError{What: "files", Count: n, Max: maxFiles}
	}
	var total int64
	for _, f := range files {
		total += int64(len(f.Content))
	}
	if total > maxBytes {
		return &LimitError{What: "bytes", Count: total, Max: maxBytes}
	}
	return nil
}

// accept returns the files whose paths are safe and unambiguous, sorted by
// path, and adds the others to rep.Rejected.
func accept(files []File, rep *Report) []File {
	reject := func(p, reason string) { rep.Rejected = append(rep.Rejected, Rejection{Path: p, Reason: reason}) }
	exact, folded, folders := map[string]int{}, map[string]int{}, map[string]bool{}
	var valid []File
	for _, f := range files {
		var pe *PathError
		if err := ValidatePath(f.Path); errors.As(err, &pe) {
			reject(f.Path, pe.Reason)
			continue
		}
		valid = append(valid, f)
		exact[f.Path]++
		folded[strings.ToLower(f.Path)]++
		for d := path.Dir(f.Path); d != "."; d = path.Dir(d) {
			folders[strings.ToLower(d)] = true
		}
	}
	var todo []File
	for _, f := range valid {
		switch key := strings.ToLower(f.Path); {
		case exact[f.Path] > 1:
			reject(f.Path, reasonDuplicate)
		case folded[key] > 1:
			reject(f.Path, reasonCase)
		case folders[key]:
			reject(f.Path, reasonFolder)
		default:
			todo = append(todo, f)
		}
	}
	slices.SortFunc(todo, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return todo
}

// writeFile writes one accepted file, or records why it did not.
func writeFile(root *os.Root, f File, overwrite func(string) bool, rep *Report) error {
	through, err := throughSymlink(root, f.Path)
	if err != nil {
		return err
	}
	if through {
		rep.Rejected = append(rep.Rejected, Rejection{Path: f.Path, Reason: reasonSymlink})
		return nil
	}
	mode := fs.FileMode(0o644)
	if f.Executable {
		mode = 0o755
	}
	fi, err := root.Lstat(f.Path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("write %s: %w", f.Path, err)
	case fi.Mode().Type() == fs.ModeSymlink:
		rep.Rejected = append(rep.Rejected, Rejection{Path: f.Path, Reason: reasonSymlink})
		return nil
	default:
		same, err := sameFile(root, f, fi, mode)
		if err != nil {
			return err
		}
		if same {
			rep.Unchanged = append(rep.Unchanged, f.Path)
			return nil
		}
		if !overwrite(f.Path) {
			rep.Skipped = append(rep.Skipped, f.Path)
			return nil
		}
	}
	if dir := path.Dir(f.Path); dir != "." {
		if err := root.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
	}
	if err := atomicWrite(root, f.Path, f.Content, mode); err != nil {
		return err
	}
	rep.Written = append(rep.Written, f.Path)
	return nil
}

// throughSymlink says an existing folder on the way to p is a symlink.
// os.Root would keep even a symlink inside the folder, but a link could
// be swapped for another or land a file where the user does not expect
// it, so none is followed.
func throughSymlink(root *os.Root, p string) (bool, error) {
	parts := strings.Split(p, "/")
	for i := 1; i < len(parts); i++ {
		dir := strings.Join(parts[:i], "/")
		fi, err := root.Lstat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return false, nil
		case err != nil:
			return false, fmt.Errorf("write %s: %w", p, err)
		case fi.Mode().Type() == fs.ModeSymlink:
			return true, nil
		case !fi.IsDir():
			return false, fmt.Errorf("write %s: %s is a file, not a folder", p, dir)
		}
	}
	return false, nil
}

// sameFile says the existing file at f.Path, described by fi, is a
// regular file with f's content and mode. Folders and special files are
// never the same: they are kept, or replaced with force.
func sameFile(root *os.Root, f File, fi fs.FileInfo, mode fs.FileMode) (bool, error) {
	if !fi.Mode().IsRegular() || fi.Size() != int64(len(f.Content)) || fi.Mode().Perm()&0o111 != mode&0o111 {
		return false, nil
	}
	old, err := root.ReadFile(f.Path)
	if err != nil {
		return false, fmt.Errorf("read %s: %w", f.Path, err)
	}
	return bytes.Equal(old, f.Content), nil
}

// atomicWrite writes content to a new temporary file in name's folder and
// renames it to name. On any failure it removes the temporary file.
func atomicWrite(root *os.Root, name string, content []byte, mode fs.FileMode) error {
	tmp := path.Join(path.Dir(name), ".prodgen-"+rand.Text()+".tmp")
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	_, err = f.Write(content)
	if err == nil {
		err = f.Chmod(mode) // exactly mode, whatever the umask
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(tmp, name)
	}
	if err != nil {
		if rerr := root.Remove(tmp); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
			err = errors.Join(err, rerr)
		}
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}
