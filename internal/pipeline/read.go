package pipeline

import (
	"errors"
	"io/fs"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/disk"
)

// readBrief reads and parses the brief at abs; name is how the user calls
// it. It returns the source too, which is what a model reads.
func readBrief(abs, name string) ([]byte, *brief.Brief, error) {
	data, err := disk.Read(abs, name, brief.MaxSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, &disk.InputError{Path: name, Err: errors.New("no such file; pass the brief's path or set brief in prodgen.yaml")}
		}
		return nil, nil, err
	}
	b, err := brief.Parse(data)
	if err != nil {
		return nil, nil, &disk.InputError{Path: name, Err: err}
	}
	return data, b, nil
}

// readPRD reads the PRD a person may have edited, returning its source
// (what a model reads) and its parsed form (what the offline engine reads).
func (p *Project) readPRD(name string) ([]byte, *artifact.PRD, error) {
	data, err := p.readDoc(name, prdStage{}.Command())
	if err != nil {
		return nil, nil, err
	}
	prd, err := artifact.ParsePRD(data)
	if err != nil {
		return nil, nil, &disk.InputError{Path: name, Err: err}
	}
	if err := prd.Validate(); err != nil {
		return nil, nil, &disk.InputError{Path: name, Err: err}
	}
	return data, prd, nil
}

func (p *Project) readStories(name string) ([]byte, *artifact.Stories, error) {
	data, err := p.readDoc(name, storiesStage{}.Command())
	if err != nil {
		return nil, nil, err
	}
	s, err := artifact.ParseStories(data)
	if err != nil {
		return nil, nil, &disk.InputError{Path: name, Err: err}
	}
	return data, s, nil
}

// ReadDocument reads a document of at most disk.MaxDocument bytes by
// the path the user names it, relative to the project. A file that does
// not exist gives an error that is fs.ErrNotExist; any other problem is a
// disk.InputError naming the file.
func (p *Project) ReadDocument(name string) ([]byte, error) {
	return disk.Read(p.Abs(name), name, disk.MaxDocument)
}

// readDoc reads an upstream document; when it does not exist the error
// names the command that makes it.
func (p *Project) readDoc(name, command string) ([]byte, error) {
	data, err := p.ReadDocument(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &MissingInputError{Path: name, Command: command}
	}
	return data, err
}

func (p *Project) readTech(name string) ([]byte, *artifact.TechSpec, error) {
	data, err := p.readDoc(name, techStage{}.Command())
	if err != nil {
		return nil, nil, err
	}
	t, err := artifact.ParseTech(data)
	if err != nil {
		return nil, nil, &disk.InputError{Path: name, Err: err}
	}
	return data, t, nil
}
