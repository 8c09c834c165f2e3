package pipeline

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/prodgen/prodgen/internal/disk"
)

// settlement is one conflict being settled: the item's key, what prodgen
// generates for it now, and whether that is what the document takes.
type settlement struct {
	key        string
	theirs     json.RawMessage
	keepTheirs bool
	// found says the item's list was met; hash is theirs' hash.
	found bool
	hash  string
}

// settleList settles the conflict in the list it belongs to: with
// --keep theirs the item takes prodgen's text (or, when upstream removed
// it, leaves the document); with --keep mine the list stays as it is.
func settleList[T any](s *settlement, l list[T], items []T) []T {
	if keyKind(s.key) != l.kind {
		return items
	}
	s.found = true
	var t T
	has := len(s.theirs) > 0 && json.Unmarshal(s.theirs, &t) == nil
	if has {
		s.hash = hashOf(l, t)
	}
	if !s.keepTheirs {
		return items
	}
	i := slices.IndexFunc(items, func(v T) bool { return l.key(v) == s.key })
	switch {
	case has && i >= 0:
		items = slices.Clone(items)
		items[i] = t
	case has:
		items = append(slices.Clone(items), t)
	case i >= 0:
		items = slices.Delete(slices.Clone(items), i, i+1)
	}
	return items
}

// Resolve settles the conflict recorded for the item id (an ID such as
// FR-003, or a key as check names it): keepTheirs takes the text prodgen
// generates now into the document, else the person's text stays and
// becomes the item's settled text. It returns the document it changed or
// settled.
func (p *Project) Resolve(id string, keepTheirs bool) (string, error) {
	l, err := p.loadLock()
	if err != nil {
		return "", err
	}
	for _, s := range p.active(l) {
		e := l.Artifacts[s.Name()]
		if e == nil || s.folder() {
			continue
		}
		i := slices.IndexFunc(e.Items, func(it item) bool { return it.Key == id && it.Conflict != nil })
		if i < 0 {
			continue
		}
		path := s.Output(p)
		data, err := disk.Read(p.Abs(path), path, disk.MaxDocument)
		if err != nil {
			return "", err
		}
		it := &e.Items[i]
		st := &settlement{key: id, theirs: it.Conflict.Theirs, keepTheirs: keepTheirs}
		md, err := s.(settler).settle(p, data, st)
		if err != nil {
			return "", &disk.InputError{Path: path, Err: err}
		}
		switch {
		case keepTheirs && len(it.Conflict.Theirs) == 0:
			// Upstream removed it, and so does the document now.
			it.State, it.Owner = retired, ""
		case keepTheirs:
			it.SHA256, it.State, it.Owner = st.hash, "", ""
		case it.Conflict.Reason == "edited by hand and removed upstream":
			// The person's item stays, now theirs alone.
			it.SHA256 = ""
		default:
			it.SHA256 = st.hash
		}
		it.Conflict = nil
		if keepTheirs {
			if err := disk.Write(p.Abs(path), md); err != nil {
				return "", err
			}
			e.Outputs = []fileHash{{Path: path, SHA256: hashBytes(md)}}
		}
		return path, l.save(p.opts.Root)
	}
	return "", &disk.InputError{Path: id, Err: fmt.Errorf("has no conflict to resolve ('prodgen check' lists the conflicts)")}
}

// settler is a document stage that can settle a conflict in its document:
// it parses the document, settles the item and renders the document again.
type settler interface {
	settle(p *Project, data []byte, s *settlement) ([]byte, error)
}

// ID is one entry of a project's ledger of IDs, for prodgen ids.
type ID struct {
	ID       string `json:"id"`
	Document string `json:"document"`
	// State is "active", "retired" (its source is gone) or "deleted" (a
	// person removed it); a retired or deleted number is never reused.
	State string `json:"state"`
	// Owner is "person" when the document holds a person's text for it,
	// else "prodgen".
	Owner string `json:"owner"`
	// Text is the words it is matched on.
	Text string `json:"text,omitempty"`
	// Conflict says what waits to be settled, if anything.
	Conflict string `json:"conflict,omitempty"`
}

// IDs lists every ID the project's documents have issued, document by
// document in running order, each in number order.
func (p *Project) IDs() ([]ID, error) {
	l, err := p.loadLock()
	if err != nil {
		return nil, err
	}
	var out []ID
	for _, s := range p.active(l) {
		e := l.Artifacts[s.Name()]
		if e == nil {
			continue
		}
		for _, it := range e.Items {
			if !isID(it.Key) {
				continue
			}
			id := ID{ID: it.Key, Document: s.Output(p), State: orDefault(it.State, "active"), Owner: orDefault(it.Owner, "prodgen"), Text: it.Text}
			if it.Conflict != nil {
				id.Conflict = it.Conflict.Reason
			}
			out = append(out, id)
		}
	}
	return out, nil
}

// isID reports whether a ledger key is an ID ("FR-001"), not a name.
func isID(key string) bool {
	_, n := splitKey(key)
	return n > 0 && !strings.Contains(key, ":")
}
