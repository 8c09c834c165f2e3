package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/brief"
	"github.com/prodgen/prodgen/internal/disk"
)

// readBrief reads and parses the brief at abs; name is how the user calls
// it. It returns the source too, which is what a model reads.
func (p *Project) readBrief(abs, name string) ([]byte, *brief.Brief, error) {
	data, err := disk.Read(abs, name, brief.MaxSize)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, &disk.InputError{Path: name, Err: errors.New("no such file; pass the brief's path or set brief in prodgen.yaml")}
		}
		return nil, nil, err
	}
	if b := p.briefs.get(data); b != nil {
		return data, b, nil
	}
	b, err := brief.Parse(data)
	if err != nil {
		return nil, nil, &disk.InputError{Path: name, Err: err}
	}
	p.briefs.put(data, b)
	return data, b, nil
}

// briefMemo keeps the last brief read, so a plan and its run read the
// same bytes once: a large brief takes a while to read. It is keyed by
// the bytes, so an edit in between is read anew. Callers only read the
// Brief it returns.
type briefMemo struct {
	mu    sync.Mutex
	src   []byte
	brief *brief.Brief
}

func (m *briefMemo) get(src []byte) *brief.Brief {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.brief != nil && bytes.Equal(m.src, src) {
		return m.brief
	}
	return nil
}

func (m *briefMemo) put(src []byte, b *brief.Brief) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.src, m.brief = src, b
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
	p.warnUnparsed(name, prd, false)
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
	p.warnUnparsed(name, s, false)
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
	p.warnUnparsed(name, t, false)
	return data, t, nil
}

// unparsed is a parsed document that lists what its parse could not read.
type unparsed interface{ Unparsed() []artifact.Problem }

// warnUnparsed says, one warning a line naming the file and the line, what
// the reader of the document at path could not read and goes on without
// (see artifact.Problem). rewrite is set when the document is written again
// from what was read, which leaves that out, though a story sentence is
// kept as written. A command reads a document more than once (planned,
// then run; by two stages), and says each warning once.
func (p *Project) warnUnparsed(path string, doc unparsed, rewrite bool) {
	for _, pr := range doc.Unparsed() {
		note := ""
		if rewrite && !pr.Kept {
			note = "; the new " + path + " leaves it out"
		}
		if msg := fmt.Sprintf("%s:%d: %s%s\n", path, pr.Line, pr.What, note); p.said.first(msg) {
			p.obs.Warnf("%s", msg)
		}
	}
}

// said is a set of warnings already given, safe for concurrent use.
type said struct {
	mu   sync.Mutex
	msgs map[string]bool
}

// first reports whether msg was not said before, and remembers it.
func (s *said) first(msg string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.msgs[msg] {
		return false
	}
	if s.msgs == nil {
		s.msgs = make(map[string]bool)
	}
	s.msgs[msg] = true
	return true
}
