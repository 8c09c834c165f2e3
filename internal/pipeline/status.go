package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/prodgen/prodgen/internal/disk"
)

// state is what check finds about one document.
type state string

// The states a document can be in.
const (
	fresh    state = "fresh"    // matches the lock, and so do its inputs
	missing  state = "missing"  // not on disk
	edited   state = "edited"   // changed by hand since it was generated
	stale    state = "stale"    // an input or setting changed since
	unlocked state = "unlocked" // on disk but not in the lock
)

// Status is one document's state, why, and the command that fixes it.
type Status struct {
	Stage  string `json:"stage"`
	Path   string `json:"path"`
	State  state  `json:"state"`
	Reason string `json:"reason,omitempty"`
	Fix    string `json:"fix,omitempty"`
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
		case !exists:
			return st.with(missing, "not generated yet", "prodgen generate"), nil
		}
		return st.with(unlocked, "not in "+lockFile,
			fmt.Sprintf("prodgen accept %s (keep it) or prodgen generate --force (replace it)", path)), nil
	}
	state, err := p.outputsState(entry)
	switch {
	case err != nil:
		return st, err
	case state == missing:
		return st.with(missing, "deleted since it was generated", "prodgen generate"), nil
	case state == edited:
		return st.with(edited, "edited by hand since it was generated",
			fmt.Sprintf("prodgen accept %s (keep the edit) or prodgen generate --force (overwrite it)", path)), nil
	}
	if reason, err := p.changedInput(entry); err != nil || reason != "" {
		return st.with(stale, reason, "prodgen generate"), err
	}
	if reason := changedSettings(entry.Settings, settings); settings != nil && reason != "" {
		return st.with(stale, reason, "prodgen generate"), nil
	}
	for _, up := range stage.upstream() {
		if b, ok := before[up]; ok && b.State != fresh {
			return st.with(stale, fmt.Sprintf("its input %s is %s", b.Path, b.State), "prodgen generate"), nil
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
		h, err := hashFile(p.Abs(out.Path))
		switch {
		case err != nil:
			return "", &disk.InputError{Path: out.Path, Err: disk.Unwrap(err)}
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
			h, err := hashFile(p.Abs(in.Path))
			if err != nil {
				return "", &disk.InputError{Path: in.Path, Err: disk.Unwrap(err)}
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

// changedSettings names the settings whose values differ, sorted.
func changedSettings(recorded, current map[string]string) string {
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
