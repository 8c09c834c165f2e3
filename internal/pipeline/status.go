package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/plural"
)

// state is what check finds about one document.
type state string

// The states a document can be in.
const (
	fresh      state = "fresh"    // matches the lock, and so do its inputs
	missing    state = "missing"  // not on disk
	edited     state = "edited"   // changed by hand since it was generated
	stale      state = "stale"    // an input or setting changed since
	unlocked   state = "unlocked" // on disk but not in the lock
	conflicted state = "conflict" // an edit and an upstream change wait to be settled
)

// Status is one document's state, why, and the command that fixes it.
type Status struct {
	Stage  string `json:"stage"`
	Path   string `json:"path"`
	State  state  `json:"state"`
	Reason string `json:"reason,omitempty"`
	Fix    string `json:"fix,omitempty"`
	// legacy is an edit to a document whose lock entry has no ledger: it
	// cannot be merged item by item.
	legacy bool
}

// Fresh reports whether the output is up to date.
func (s Status) Fresh() bool { return s.State == fresh }

// status reports a stage's state against the lock, given the states of the
// stages before it; nil settings are not compared. It reads hashes only:
// no model, no network.
func (p *Project) status(l *lock, stage stage, settings map[string]string, before map[string]Status) (Status, error) {
	path := stage.Output(p)
	st := Status{Stage: stage.Name(), Path: path, State: fresh}
	entry := l.Artifacts[stage.Name()]
	if entry == nil {
		exists, err := p.exists(path)
		switch {
		case err != nil:
			return st, err
		case !exists && !p.sourcesExist(stage):
			// Nothing to generate from: a new folder wants a brief first.
			return st.with(missing, "not generated yet, and "+strings.Join(stage.sources(p), ", ")+" does not exist",
				"prodgen init (writes a starter brief and prodgen.yaml)"), nil
		case !exists:
			return st.with(missing, "not generated yet", "prodgen generate"), nil
		}
		return st.with(unlocked, "not in "+lockFile,
			fmt.Sprintf("prodgen accept %s (keep it) or prodgen generate --force (replace it)", path)), nil
	}
	if slices.Contains(l.interrupted, stage.Name()) {
		return st.with(stale, "the last run stopped while writing it", "prodgen generate"), nil
	}
	if entry.Rejected > 0 {
		return st.with(stale, fmt.Sprintf("its last scaffold wrote it in part: %s rejected", plural.Count(entry.Rejected, "file")),
			stage.Command()), nil
	}
	out, err := p.outputsState(entry)
	switch {
	case err != nil:
		return st, err
	case out == missing:
		return st.with(missing, "deleted since it was generated", "prodgen generate"), nil
	case out == edited && len(entry.Items) == 0:
		// No ledger (a lock from before prodgen kept one): the edit cannot
		// be merged item by item.
		st = st.with(edited, "edited by hand since it was generated",
			fmt.Sprintf("prodgen accept %s (keep the edit) or prodgen generate --force (overwrite it)", path))
		st.legacy = true
		return st, nil
	}
	reason, err := p.changedInput(entry)
	if err != nil {
		return st, err
	}
	if reason == "" && settings != nil {
		reason = changedSettings(entry, settings)
	}
	for _, up := range stage.upstream() {
		// A conflict upstream waits for a person; what was made from the
		// document as it is stays fresh.
		if b, ok := before[up]; ok && b.State != fresh && b.State != conflicted && reason == "" {
			reason = fmt.Sprintf("its input %s is %s", b.Path, b.State)
		}
	}
	switch {
	case out == edited && reason != "":
		return st.with(stale, reason+"; its hand edits are kept", "prodgen generate"), nil
	case out == edited:
		return st.with(edited, "edited by hand since it was recorded",
			fmt.Sprintf("prodgen generate (keeps the edit and updates what depends on it) or prodgen accept %s", path)), nil
	case reason != "":
		return st.with(stale, reason, "prodgen generate"), nil
	}
	for _, it := range entry.Items {
		if c := it.Conflict; c != nil {
			r := fmt.Sprintf("%s was %s", it.Key, c.Reason)
			if c.Text != "" {
				r += fmt.Sprintf(" (prodgen now writes: %q)", c.Text)
			}
			return st.with(conflicted, r, fmt.Sprintf("prodgen resolve %s --keep mine or --keep theirs", it.Key)), nil
		}
	}
	return st, nil
}

// outputsState compares the files an entry records with the disk: Missing
// when one is gone, Edited when one differs, else Fresh.
func (p *Project) outputsState(e *entry) (state, error) {
	if len(e.Outputs) == 0 {
		return edited, nil
	}
	state := fresh
	for _, out := range e.Outputs {
		h, err := p.hash(out.Path)
		switch {
		case err != nil:
			return "", err
		case h == "":
			return missing, nil
		case h != out.SHA256:
			state = edited
		}
	}
	return state, nil
}

// exists reports whether a document or a non-empty folder is at path.
func (p *Project) exists(path string) (bool, error) {
	info, err := os.Stat(p.Abs(path))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, &disk.InputError{Path: path, Err: disk.Unwrap(err)}
	case !info.IsDir():
		return true, nil
	}
	entries, err := os.ReadDir(p.Abs(path))
	return len(entries) > 0, err
}

func (s Status) with(state state, reason, fix string) Status {
	s.State, s.Reason, s.Fix = state, reason, fix
	return s
}

// changedInput names the first recorded input whose content differs now.
func (p *Project) changedInput(e *entry) (string, error) {
	for _, in := range e.Inputs {
		var current string
		if name, ok := strings.CutPrefix(in.Path, promptPrefix); ok {
			text, _, err := p.opts.Prompts.Template(name)
			if err != nil {
				return "", err
			}
			current = hashBytes([]byte(text))
		} else {
			h, err := p.hash(in.Path)
			if err != nil {
				return "", err
			}
			if h == "" {
				return fmt.Sprintf("its input %s is missing", in.Path), nil
			}
			current = h
		}
		if current != in.SHA256 {
			return fmt.Sprintf("%s changed since it was generated", in.Path), nil
		}
	}
	return "", nil
}

// changedSettings names the settings that shape a model's answer whose
// configured values differ from those a model-written document was made
// with, sorted. The engine that wrote a document is a fact about it, not a
// setting: provider is never compared, and a document the offline engine
// or a person wrote depends on no model setting.
func changedSettings(e *entry, settings map[string]string) string {
	if e.Provider != modelProvider {
		return ""
	}
	recorded, current := maps.Clone(e.Settings), maps.Clone(settings)
	delete(recorded, "provider")
	delete(current, "provider")
	return settingsDiff(recorded, current)
}

// settingsDiff names the settings whose values differ, sorted.
func settingsDiff(recorded, current map[string]string) string {
	var changed []string
	for k, v := range current {
		if recorded[k] != v {
			changed = append(changed, fmt.Sprintf("%s %q → %q", k, recorded[k], v))
		}
	}
	for k, v := range recorded {
		if _, ok := current[k]; !ok {
			changed = append(changed, fmt.Sprintf("%s %q → unset", k, v))
		}
	}
	if len(changed) == 0 {
		return ""
	}
	sort.Strings(changed)
	return "settings changed: " + strings.Join(changed, ", ")
}

// sourcesExist reports whether the files a stage reads exist, or will:
// an upstream document is made by the stages before it.
func (p *Project) sourcesExist(s stage) bool {
	if len(s.upstream()) > 0 {
		return true
	}
	for _, src := range s.sources(p) {
		if _, err := os.Stat(p.Abs(src)); err != nil {
			return false
		}
	}
	return true
}
