package pipeline

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
)

// readBrief reads and parses the brief at abs; name is how the user calls
// it. It returns the source too, which is what a model reads.
func readBrief(abs, name string) ([]byte, *brief.Brief, error) {
	data, err := readInput(abs, name, brief.MaxSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, &InputError{Path: name, Err: errors.New("no such file; pass the brief's path or set brief in prodgen.yaml")}
		}
		return nil, nil, err
	}
	b, err := brief.Parse(data)
	if err != nil {
		return nil, nil, &InputError{Path: name, Err: err}
	}
	return data, b, nil
}

// readPRD reads the PRD a person may have edited, returning its source
// (what a model reads) and its parsed form (what the offline engine reads).
func (p *Project) readPRD(name string) ([]byte, *artifact.PRD, error) {
	data, err := p.readDoc(name, "prodgen prd")
	if err != nil {
		return nil, nil, err
	}
	prd, err := artifact.ParsePRD(data)
	if err != nil {
		return nil, nil, &InputError{Path: name, Err: err}
	}
	if err := prd.Validate(); err != nil {
		return nil, nil, &InputError{Path: name, Err: err}
	}
	return data, prd, nil
}

func (p *Project) readStories(name string) ([]byte, *artifact.Stories, error) {
	data, err := p.readDoc(name, "prodgen stories")
	if err != nil {
		return nil, nil, err
	}
	s, err := artifact.ParseStories(data)
	if err != nil {
		return nil, nil, &InputError{Path: name, Err: err}
	}
	return data, s, nil
}

// readDoc reads an upstream document; when it does not exist the error
// names the command that makes it.
func (p *Project) readDoc(name, command string) ([]byte, error) {
	data, err := readInput(p.Abs(name), name, maxDocSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &MissingInputError{Path: name, Command: command}
	}
	return data, err
}

// maxDocSize bounds the documents prodgen reads back; generated documents
// are far smaller, so a larger file is not one of them.
const maxDocSize = 8 << 20

// readInput reads a regular file of at most limit bytes. It checks before
// reading so that a huge file or a device is never read into memory.
func readInput(abs, name string, limit int64) ([]byte, error) {
	f, err := os.Open(abs)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, &InputError{Path: name, Err: unwrapPath(err)}
	}
	defer f.Close() // read-only: a close error cannot lose data
	info, err := f.Stat()
	if err != nil {
		return nil, &InputError{Path: name, Err: unwrapPath(err)}
	}
	if info.IsDir() {
		return nil, &InputError{Path: name, Err: errors.New("is a directory, not a file")}
	}
	if !info.Mode().IsRegular() {
		return nil, &InputError{Path: name, Err: errors.New("is not a regular file")}
	}
	if info.Size() > limit {
		return nil, &InputError{Path: name, Err: fmt.Errorf("file is too large (%s; the limit is %s)", size(info.Size()), size(limit))}
	}
	// Read one byte past the limit in case the file grew since Stat.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &InputError{Path: name, Err: unwrapPath(err)}
	}
	if int64(len(data)) > limit {
		return nil, &InputError{Path: name, Err: fmt.Errorf("file is too large (the limit is %s)", size(limit))}
	}
	return data, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// size formats a byte count for people.
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func (p *Project) readTech(name string) ([]byte, *artifact.TechSpec, error) {
	data, err := p.readDoc(name, "prodgen tech")
	if err != nil {
		return nil, nil, err
	}
	t, err := artifact.ParseTech(data)
	if err != nil {
		return nil, nil, &InputError{Path: name, Err: err}
	}
	return data, t, nil
}
