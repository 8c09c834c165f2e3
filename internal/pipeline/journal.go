package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/prodgen/prodgen/internal/disk"
)

// Documents and the lock change together. Before prodgen writes a stage's
// output it writes the lock as it will be, with the new entry, to a
// journal beside it (prodgen.lock.next); once the output is in place the
// journal is renamed over the lock. A run stopped at any point leaves the
// old state, the new one, or a journal that says which: the next run
// takes a journal whose outputs are all on disk as recorded, and reports a
// stage whose outputs it was still writing as stale, never as a person's
// edit.

// journalFile is the journal's name in the project folder.
const journalFile = lockFile + ".next"

// journal is the lock as a run will leave it, and the stages whose files
// it may have written in part (a prototype's many files).
type journal struct {
	lock
	Writing []string `json:"writing,omitempty"`
}

// writeJournal writes the lock as it will be to the journal; partial marks
// stage as one whose files are about to be written one by one.
func (l *lock) writeJournal(root, stage string, partial bool) error {
	j := journal{lock: *l}
	if partial {
		j.Writing = []string{stage}
	}
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return fmt.Errorf("encode %s: %w", journalFile, err)
	}
	if err := disk.Write(filepath.Join(root, journalFile), append(data, '\n')); err != nil {
		return fmt.Errorf("write %s: %w", journalFile, cause(err))
	}
	return nil
}

// promote makes the journal the lock.
func promote(root string) error {
	if err := os.Rename(filepath.Join(root, journalFile), filepath.Join(root, lockFile)); err != nil {
		return fmt.Errorf("write %s: %w", lockFile, cause(err))
	}
	return nil
}

// save writes the lock atomically, and drops any journal: the lock is now
// the whole truth.
func (l *lock) save(root string) error {
	data, err := json.MarshalIndent(l, "", "  ")
	if err != nil {
		return fmt.Errorf("encode %s: %w", lockFile, err)
	}
	if err := disk.Write(filepath.Join(root, lockFile), append(data, '\n')); err != nil {
		return fmt.Errorf("write %s: %w", lockFile, cause(err))
	}
	if err := os.Remove(filepath.Join(root, journalFile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", journalFile, cause(err))
	}
	return nil
}

// recover applies a journal a stopped run left: a stage whose recorded
// outputs are all on disk as the journal says is taken as recorded; one
// whose outputs were being written is interrupted (stale). It returns what
// it found, in words, for the person.
func (p *Project) recover(l *lock) ([]string, error) {
	data, err := os.ReadFile(p.Abs(journalFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &LockError{Path: journalFile, Err: disk.Unwrap(err)}
	}
	var j journal
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&j); err != nil {
		return []string{fmt.Sprintf("%s is damaged and was left aside; the lock stands", journalFile)}, nil
	}
	var notes []string
	for _, name := range sortedKeys(j.Artifacts) {
		je, le := j.Artifacts[name], l.Artifacts[name]
		if sameEntry(je, le) {
			continue
		}
		if !slices.Contains(j.Writing, name) && p.onDisk(je.Outputs) {
			l.Artifacts[name] = je
			notes = append(notes, fmt.Sprintf("the last run stopped before it recorded %s; it is recorded now", outputName(je)))
			continue
		}
		if le == nil || !p.onDisk(le.Outputs) {
			l.interrupted = append(l.interrupted, name)
			notes = append(notes, fmt.Sprintf("the last run stopped while writing %s; prodgen generate makes it again", outputName(je)))
		}
	}
	return notes, nil
}

// onDisk reports whether every output is on disk with its recorded hash.
func (p *Project) onDisk(outputs []fileHash) bool {
	for _, o := range outputs {
		if h, err := p.hash(o.Path); err != nil || h != o.SHA256 {
			return false
		}
	}
	return true
}

func sameEntry(a, b *entry) bool {
	if a == nil || b == nil {
		return a == b
	}
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func outputName(e *entry) string {
	if len(e.Outputs) == 0 {
		return "its output"
	}
	return e.Outputs[0].Path
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// cause is the reason an I/O error gives, without the temporary file's or
// any other path: the message names the lock as the user knows it.
func cause(err error) error {
	for {
		pe, ok := errors.AsType[*fs.PathError](err)
		if !ok {
			return err
		}
		err = pe.Err
	}
}
