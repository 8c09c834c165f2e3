package pipeline

import (
	"context"
	"fmt"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
)

// docWork is a document stage's work: besides what an engine needs, it
// renders the finished artifact.
type docWork interface {
	work
	// finish numbers the artifact's items stably against the document on
	// disk and the numbers used so far, and renders it.
	finish(p *Project, highest artifact.Highest) (*document, error)
}

// document is a rendered document and what it holds.
type document struct {
	markdown []byte
	summary  string           // "12 functional requirements, ..."
	ids      artifact.Highest // the highest number used per ID prefix
	read     []fileHash       // the files read, as read
}

// runDocument makes a document stage's output and writes it where the
// step says: its place in the project (recorded in the lock), another
// file, or stdout.
func runDocument(ctx context.Context, x *execution, s planStep, w docWork, err error) error {
	if err != nil {
		return err
	}
	p := x.p
	usage, err := p.opts.Engine.write(ctx, p, w)
	if err != nil {
		return err
	}
	doc, err := w.finish(p, x.lock.highest(s.Stage.Name()))
	if err != nil {
		return err
	}
	path := s.Stage.Output(p)
	switch out := x.sel.Output; out {
	case "-":
		_, err := x.sel.Stdout.Write(doc.markdown)
		return err
	case "", path:
	default:
		if err := disk.Write(p.Abs(out), doc.markdown); err != nil {
			return err
		}
		p.obs.Wrote(slash(out), doc.summary, Usage{})
		return nil
	}
	inputs, err := p.opts.Engine.inputs(p, s.Stage.Name())
	if err != nil {
		return err
	}
	if err := disk.Write(p.Abs(path), doc.markdown); err != nil {
		return err
	}
	entry := x.entry(usage, []fileHash{{Path: path, SHA256: hashBytes(doc.markdown)}}, append(doc.read, inputs...))
	entry.IDs = doc.ids
	if err := x.record(s.Stage.Name(), entry); err != nil {
		return err
	}
	p.obs.Wrote(path, doc.summary, usage)
	return nil
}

// previous reads the document a stage last wrote, for stable IDs. A
// missing document is no previous document; one that no longer parses
// only costs stable IDs (its items get new numbers above the lock's
// record), so it is no previous document either.
func previous[T any](p *Project, path string, parse func([]byte) (*T, error)) *T {
	data, err := disk.Read(p.Abs(path), path, disk.MaxDocument)
	if err != nil {
		return nil
	}
	prev, err := parse(data)
	if err != nil {
		return nil
	}
	return prev
}

// render renders an artifact, naming the document in an error.
func render[T any](path string, v *T, r func(*T) ([]byte, error)) ([]byte, error) {
	md, err := r(v)
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", path, err)
	}
	return md, nil
}

// docWhy says why a document stage run on its own would run.
func docWhy(p *Project, s stage, sel Selection, st Status) string {
	if sel.Output != "" && sel.Output != s.Output(p) {
		return "writes " + sel.Output
	}
	switch st.State {
	case fresh:
		return st.Path + " is up to date; this command regenerates it anyway"
	case missing:
		return st.Path + " does not exist yet"
	}
	return orDefault(st.Reason, "regenerating")
}
