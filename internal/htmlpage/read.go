package htmlpage

import (
	"errors"
	"io/fs"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
)

// Read reads the documents that in.PRDDoc, in.StoriesDoc and in.TechDoc
// name with read, which says that a file does not exist with an error
// that is fs.ErrNotExist, keeping each one's Markdown, and parses them
// into PRD, Stories and Tech. The PRD is required: when it does not exist
// Read returns an error that is fs.ErrNotExist and reads nothing else, for
// the caller to word. A stories or tech
// document that does not exist is left nil; a document that cannot be
// read or parsed is an error naming it.
func (in *Input) Read(read func(path string) ([]byte, error)) error {
	var err error
	if in.PRD, err = readDoc(read, &in.PRDDoc, artifact.ParsePRD); err != nil {
		return err
	}
	if in.PRD == nil {
		return &fs.PathError{Op: "read", Path: in.PRDDoc.Path, Err: fs.ErrNotExist}
	}
	if in.Stories, err = readDoc(read, &in.StoriesDoc, artifact.ParseStories); err != nil {
		return err
	}
	in.Tech, err = readDoc(read, &in.TechDoc, artifact.ParseTech)
	return err
}

// readDoc reads a document into d and parses it. A document that does not
// exist gives nil and no error; one that cannot be read or parsed an
// error naming it.
func readDoc[T any](read func(string) ([]byte, error), d *Doc, parse func([]byte) (*T, error)) (*T, error) {
	src, err := read(d.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	v, err := parse(src)
	if err != nil {
		return nil, &disk.InputError{Path: d.Path, Err: err}
	}
	d.Markdown = src
	return v, nil
}
