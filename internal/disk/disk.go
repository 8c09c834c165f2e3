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
	// Stat first: opening a FIFO or a terminal would block before any
	// check could run. The file is opened without blocking and checked
	// again, in case it was swapped in between.
	if info, err := os.Stat(abs); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, &InputError{Path: name, Err: Unwrap(err)}
	} else if err := regular(info); err != nil {
		return nil, &InputError{Path: name, Err: err}
	}
	f, err := openNonBlocking(abs)
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
	if err := regular(info); err != nil {
		return nil, &InputError{Path: name, Err: err}
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

// regular says why a file is not one prodgen reads: a folder, a device, a
// FIFO, a socket.
func regular(info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return errors.New("is a directory, not a file")
	case !info.Mode().IsRegular():
		return errors.New("is not a regular file")
	}
	return nil
}

// Write writes data to path so that readers see either the old file or
// the whole new one, never a part: it writes a temporary file in the same
// folder, syncs it and renames it over path. A file that was there keeps
// its permissions; a new one is 0644. Only a regular file is replaced:
// a symlink, a device or a FIFO at path is written through, never
// replaced (run as root, a rename would replace /dev/null itself, and
// -o /dev/stdout the link), and a folder or a socket is refused.
func Write(path string, data []byte) error {
	mode := fs.FileMode(0o644)
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return &InputError{Path: path, Err: Unwrap(err)}
	case info.Mode().Type() == fs.ModeSymlink || info.Mode().Type()&(fs.ModeDevice|fs.ModeCharDevice|fs.ModeNamedPipe) != 0:
		return writeThrough(path, data)
	case !info.Mode().IsRegular():
		return &InputError{Path: path, Err: errors.New("is not a regular file, a device or a pipe; prodgen does not replace it")}
	default:
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

// writeThrough writes data into what path is or leads to: a device, a
// pipe, or the file a symlink names, truncating only a regular file.
func writeThrough(path string, data []byte) error {
	info, err := os.Stat(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return &InputError{Path: path, Err: Unwrap(err)}
	}
	flags := os.O_WRONLY | os.O_CREATE
	switch {
	case err != nil || info.Mode().IsRegular():
		flags |= os.O_TRUNC
	case info.IsDir():
		return &InputError{Path: path, Err: errors.New("leads to a directory, not a file")}
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		return &InputError{Path: path, Err: Unwrap(err)}
	}
	if _, err := f.Write(data); err != nil {
		return errors.Join(fmt.Errorf("write %s: %w", path, Unwrap(err)), f.Close())
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", path, Unwrap(err))
	}
	return nil
}
