package prompt

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/prodgen/prodgen/internal/disk"
)

// Eject copies every built-in template into the folder abs as <name>.md,
// creating the folder, for the user to edit; dir is the folder as the user
// names it, for messages. An existing file is never overwritten without
// force: when any target exists, Eject names them and writes nothing.
// wrote hears each file written, as the user names it.
func Eject(abs, dir string, force bool, wrote func(name string)) error {
	dir = filepath.ToSlash(dir)
	if info, err := os.Stat(abs); err == nil && !info.IsDir() {
		return &disk.InputError{Path: dir, Err: errors.New("is not a folder")}
	}
	names := New("").List()
	var existing []string
	for _, name := range names {
		_, err := os.Lstat(filepath.Join(abs, name+ext))
		switch {
		case err == nil:
			existing = append(existing, name+ext)
		case !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("eject into %s: %w", dir, err)
		}
	}
	if len(existing) > 0 && !force {
		verb := "exists"
		if len(existing) > 1 {
			verb = "exist"
		}
		return &disk.InputError{Path: dir, Err: fmt.Errorf(
			"%s already %s; nothing was written (run again with --force to overwrite)", strings.Join(existing, ", "), verb)}
	}
	for _, name := range names {
		text, err := BuiltInTemplate(name)
		if err != nil {
			return err
		}
		if err := disk.Write(filepath.Join(abs, name+ext), []byte(text)); err != nil {
			return err
		}
		wrote(path.Join(dir, name+ext))
	}
	return nil
}
