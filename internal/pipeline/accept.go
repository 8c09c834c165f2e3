package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
)

// Accept records the document at path, as it is now, as its stage's new
// baseline, and returns the stage's name: check then calls it fresh, and
// the stages after it regenerate from it. The document must parse and
// validate, so a broken edit is not passed downstream.
func (p *Project) Accept(path string) (string, error) {
	l, err := p.loadLock()
	if err != nil {
		return "", err
	}
	var s stage
	var docs []string
	for _, st := range p.active(l) {
		docs = append(docs, st.Output(p))
		if filepath.Clean(p.Abs(path)) == filepath.Clean(p.Abs(st.Output(p))) {
			s = st
		}
	}
	if s == nil {
		return "", &disk.InputError{Path: path, Err: fmt.Errorf("is not one of the project's documents (%s)", strings.Join(docs, ", "))}
	}
	x := &execution{p: p, lock: l}
	if err := x.adopt(s); err != nil {
		return "", err
	}
	return s.Name(), nil
}

// currentInputs hashes the files a stage reads, as they are now.
func (p *Project) currentInputs(s stage) ([]fileHash, error) {
	var inputs []fileHash
	for _, path := range s.sources(p) {
		h, err := p.hash(path)
		if err != nil {
			return nil, err
		}
		inputs = append(inputs, fileHash{Path: path, SHA256: h})
	}
	return inputs, nil
}

// highestOf adds the highest number among ids of kind k to h.
func highestOf(k artifact.Kind, ids []string, h artifact.Highest) artifact.Highest {
	if h == nil {
		h = artifact.Highest{}
	}
	for _, id := range ids {
		if n, err := artifact.ParseID(k, id); err == nil && n > h[k.Prefix()] {
			h[k.Prefix()] = n
		}
	}
	return h
}

// mergeHighest keeps, per prefix, the larger of a's and b's numbers.
func mergeHighest(a, b artifact.Highest) artifact.Highest {
	out := artifact.Highest{}
	for _, h := range []artifact.Highest{a, b} {
		for k, n := range h {
			out[k] = max(out[k], n)
		}
	}
	return out
}
