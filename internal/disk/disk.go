// Package disk reads and writes prodgen's files safely: every file a user
// gave or prodgen wrote is read through one size-capped reader that checks
// what the path is before reading it, and every document is written
// atomically, so that no reader ever sees part of one.
package disk

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// MaxDocument bounds the documents prodgen reads back (PRD, stories, tech
// spec); generated documents are far smaller, so a larger file is not one
// of them.
const MaxDocument = 8 << 20

// InputError is a problem with an input file the user gave or configured:
// it is not a regular file, is too large, cannot be read, or its content is
// unusable. Path is the file as the user names it.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }

func (e *InputError) Unwrap() error { return e.Err }

// Read reads the regular file at abs, of at most limit bytes; name is how
// the user calls it, for errors. It checks before reading, so that a huge
// file or a device is never read into memory. A file that does not exist
// gives an error that is fs.ErrNotExist, for the caller to word; any other
// problem is an InputError naming the file.
func Read(abs, name string, limit int64) ([]byte, error) {
	f, err := os.Open(abs)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, &InputError{Path: name, Err: Unwrap(err)}
	}
	defer f.Close() // read-only: a close error cannot lose data
	info, err := f.Stat()
	if err != nil {
		return nil, &InputError{Path: name, Err: Unwrap(err)}
	}
	if info.IsDir() {
		return nil, &InputError{Path: name, Err: errors.New("is a directory, not a file")}
	}
	if !info.Mode().IsRegular() {
		return nil, &InputError{Path: name, Err: errors.New("is not a regular file")}
	}
	if info.Size() > limit {
		return nil, &InputError{Path: name, Err: fmt.Errorf("file is too large (%s; the limit is %s)", Size(info.Size()), Size(limit))}
	}
	// Read one byte past the limit in case the file grew since Stat.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &InputError{Path: name, Err: Unwrap(err)}
	}
	if int64(len(data)) > limit {
		return nil, &InputError{Path: name, Err: fmt.Errorf("file is too large (the limit is %s)", Size(limit))}
	}
	return data, nil
}

// Write writes data to path so that readers see either the old file or
// the whole new one, never a part: it writes a temporary file in the same
// folder, syncs it and renames it over path. A file that was there keeps
// its permissions; a new one is 0644.
func Write(path string, data []byte) error {
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
		mode = info.Mode().Perm()
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create folder: %w", err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("create temporary file: %w", err)
	}
	// Whatever happens below, no temporary file is left behind; after a
	// successful rename the remove fails harmlessly.
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		return errors.Join(fmt.Errorf("write %s: %w", path, err), tmp.Close())
	}
	if err := tmp.Sync(); err != nil {
		return errors.Join(fmt.Errorf("sync %s: %w", path, err), tmp.Close())
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return fmt.Errorf("set mode of %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	return nil
}

// Unwrap drops the *fs.PathError around err, for a caller whose message
// names the file already, as the user calls it.
func Unwrap(err error) error {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err
	}
	return err
}

// Size formats a byte count for people: "11 bytes", "8.0 MiB".
func Size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
