package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
)

// docWork is a document stage's work: besides what an engine needs, it
// merges the finished artifact into the document on disk and renders it.
type docWork interface {
	work
	// finish numbers the artifact's items stably against the ledger,
	// merges it item by item into the document on disk, and renders it.
	finish(p *Project, b base) (*document, error)
}

// base is what a stage's new document is merged against.
type base struct {
	highest artifact.Highest // the highest number ever used per ID prefix
	ledger  []item           // the items of the document's last generation
	// whole takes the new document as it is, not merged: --force, or an
	// output written elsewhere.
	whole bool
	// unedited says the document on disk is as prodgen last wrote it.
	unedited bool
	// allowEmpty lets a PRD with no requirement through (--allow-empty).
	allowEmpty bool
}

// fromMine gives b a ledger taken from the document on disk when the lock
// has none (it was written before prodgen kept one) and the document is as
// prodgen wrote it: its items are then prodgen's. record records the
// document's items into a merger.
func (b base) fromMine(has bool, record func(*merger)) base {
	if len(b.ledger) > 0 || !b.unedited || !has {
		return b
	}
	m := newMerger(nil, true)
	record(m)
	b.ledger = m.items
	return b
}

// document is a rendered document and what it holds.
type document struct {
	markdown []byte
	summary  string           // "12 functional requirements, ..."
	ids      artifact.Highest // the highest number used per ID prefix
	read     []fileHash       // the files read, as read
	items    []item           // the new ledger
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
	path := s.Stage.Output(p)
	b := base{highest: x.lock.highest(s.Stage.Name()), whole: x.sel.Force || (x.sel.Output != "" && x.sel.Output != path),
		allowEmpty: x.sel.AllowEmpty}
	if e := x.lock.Artifacts[s.Stage.Name()]; e != nil {
		b.ledger = e.Items
		if len(e.Outputs) == 1 {
			h, err := p.hash(path)
			b.unedited = err == nil && h == e.Outputs[0].SHA256
		}
	}
	doc, err := w.finish(p, b)
	if err != nil {
		return err
	}
	if n := int64(len(doc.markdown)); n > disk.MaxDocument {
		// prodgen would not read it back: the next stage, check and lint
		// would all refuse it.
		return &disk.InputError{Path: path, Err: fmt.Errorf("would be %s, more than the %s prodgen reads back; "+
			"split the brief into smaller products, or move detail out of its features", disk.Size(n), disk.Size(disk.MaxDocument))}
	}
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
	entry := x.entry(usage, []fileHash{{Path: path, SHA256: hashBytes(doc.markdown)}}, append(doc.read, inputs...))
	entry.IDs, entry.Items = doc.ids, doc.items
	if err := x.record(s.Stage.Name(), entry, func() error { return disk.Write(p.Abs(path), doc.markdown) }); err != nil {
		return err
	}
	p.obs.Wrote(path, doc.summary, usage)
	for _, it := range doc.items {
		if it.Conflict != nil {
			p.obs.Warnf("%s: %s was %s; your text is kept (prodgen resolve %s --keep mine|theirs settles it)\n", path, it.Key, it.Conflict.Reason, it.Key)
		}
	}
	return nil
}

// current reads the document on disk that a new one is merged into: nil
// when there is none. One that no longer parses is an error naming it,
// since merging into it could lose a person's edits, unless b takes the
// new document whole.
func current[T any](p *Project, path string, b base, parse func([]byte) (*T, error)) (*T, error) {
	data, err := disk.Read(p.Abs(path), path, disk.MaxDocument)
	if errors.Is(err, fs.ErrNotExist) || (err != nil && b.whole) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	doc, err := parse(data)
	if err != nil {
		if b.whole {
			return nil, nil
		}
		return nil, &disk.InputError{Path: path, Err: fmt.Errorf("%w; fix it so its edits can be kept, or run again with --force to replace it", err)}
	}
	if u, ok := any(doc).(unparsed); ok && !b.whole {
		p.warnUnparsed(path, u, true)
	}
	return doc, nil
}

// stabilize gives a new document's items their IDs: the ID of the same
// item in the ledger (or in mine, for a person's item the ledger does not
// know), else a number above every one used. It returns the new highest
// numbers.
func stabilizeWith[D any](next, mine *D, b base, known func(ledger []item, mine *D) *D, ids func(*D) artifact.Highest,
	stabilize func(next, prev *D, h artifact.Highest) artifact.Highest) artifact.Highest {
	prev := mine
	if len(b.ledger) > 0 {
		prev = known(b.ledger, mine)
	}
	h := b.highest
	if mine != nil {
		h = mergeHighest(h, ids(mine))
	}
	return stabilize(next, prev, h)
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
