package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"

	"github.com/prodgen/prodgen/internal/artifact"
	"github.com/prodgen/prodgen/internal/disk"
	"github.com/prodgen/prodgen/internal/llm"
)

// lockFile is the lock's name in the project folder.
const lockFile = "prodgen.lock"

// lockVersion is the lock file format's version: 2 adds the ledger of
// items. A version 1 lock is read as one with no ledger yet.
const lockVersion = 2

// lock records, for each generated document, what it was made from, so that
// check can tell without a model whether a document is stale or was edited
// by hand. It is committed with the documents; its JSON is sorted and
// indented so diffs stay small.
type lock struct {
	Version   int               `json:"version"`
	Artifacts map[string]*entry `json:"artifacts"`
	// interrupted are the stages a stopped run was writing (see journal.go).
	interrupted []string
}

// entry describes one stage's document as last generated.
type entry struct {
	Outputs []fileHash `json:"outputs"`
	// Inputs are the files read (brief, upstream documents) and, for a
	// model, the prompt template; their hashes at generation time.
	Inputs []fileHash `json:"inputs"`
	// Settings are the configuration values that change the output.
	Settings map[string]string `json:"settings"`
	Provider string            `json:"provider"`
	Model    string            `json:"model"`
	Prodgen  string            `json:"prodgen"`
	Usage    llm.Usage         `json:"usage"`
	Requests int               `json:"requests"`
	// Generated is when the document was written, RFC 3339 in UTC.
	Generated string `json:"generated"`
	// IDs holds the highest number ever used per ID prefix, so a removed
	// number is never given to a new item.
	IDs artifact.Highest `json:"ids,omitempty"`
	// Items is the ledger of the document's items: each ID ever issued
	// and each named part, with what prodgen last generated for it and
	// what became of it. It is what lets a regeneration keep a person's
	// edits item by item.
	Items []item `json:"items,omitempty"`
}

// item is one item of a document in the ledger.
type item struct {
	// Key is the item's ID ("FR-001"), or its list and name for an item
	// without one ("entity:Visit", "summary", "file:main.go").
	Key string `json:"key"`
	// SHA256 is the hash of what prodgen last generated for the item (its
	// content, without its ID); empty when a person wrote it.
	SHA256 string `json:"sha256,omitempty"`
	// Text is what an item with an ID is matched on, so that a reworded
	// requirement keeps its ID however the document was edited since.
	Text string `json:"text,omitempty"`
	// State is empty while the item is in the document; "retired" when its
	// source is gone, "deleted" when a person removed it. Neither number is
	// ever given to another item.
	State string `json:"state,omitempty"`
	// Owner is "person" when the document holds a person's words for the
	// item rather than prodgen's.
	Owner string `json:"owner,omitempty"`
	// Conflict, when set, is an edit and an upstream change that prodgen
	// would not settle alone: prodgen resolve settles it.
	Conflict *conflict `json:"conflict,omitempty"`
}

// The states and owner of an item in the ledger.
const (
	retired = "retired"
	deleted = "deleted"
	person  = "person"
)

// conflict is a person's edit meeting an upstream change.
type conflict struct {
	// Reason says what met what: "edited by hand and changed upstream".
	Reason string `json:"reason"`
	// Theirs is what prodgen generates for the item now, as JSON, for
	// resolve --keep theirs; empty when upstream removed the item.
	Theirs json.RawMessage `json:"theirs,omitempty"`
	// Text is Theirs as a person reads it.
	Text string `json:"text,omitempty"`
}

// fileHash is a file's path, relative to the project, and its sha256.
type fileHash struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// LockError is a lock file that exists but cannot be used.
type LockError struct {
	Path string
	Err  error
}

func (e *LockError) Error() string {
	return fmt.Sprintf("%s: %v; fix or delete it, then run prodgen generate --force", e.Path, e.Err)
}

func (e *LockError) Unwrap() error { return e.Err }

// loadLock reads the project's lock, applying any journal a stopped run
// left and saying so; a missing lock is an empty one.
func (p *Project) loadLock() (*lock, error) {
	l, err := readLock(p.Abs(lockFile))
	if err != nil {
		return nil, err
	}
	notes, err := p.recover(l)
	for _, n := range notes {
		p.obs.Warnf("%s\n", n)
	}
	return l, err
}

// readLock reads the lock at path; a missing lock is an empty one.
func readLock(path string) (*lock, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &lock{Version: lockVersion, Artifacts: map[string]*entry{}}, nil
	}
	if err != nil {
		return nil, &LockError{Path: lockFile, Err: disk.Unwrap(err)}
	}
	var l lock
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return nil, &LockError{Path: lockFile, Err: fmt.Errorf("not a valid lock file: %w", err)}
	}
	if l.Version != lockVersion && l.Version != 1 {
		return nil, &LockError{Path: lockFile, Err: fmt.Errorf("lock format version %d, this prodgen reads version %d", l.Version, lockVersion)}
	}
	if l.Artifacts == nil {
		l.Artifacts = map[string]*entry{}
	}
	l.Version = lockVersion
	return &l, nil
}

// highest returns the stage's record of numbers used, never nil.
func (l *lock) highest(stage string) artifact.Highest {
	if e := l.Artifacts[stage]; e != nil && e.IDs != nil {
		return e.IDs
	}
	return artifact.Highest{}
}

// hashBytes is the hex sha256 of data.
func hashBytes(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// hashFile is the hex sha256 of the file at path; "" when it does not exist.
func hashFile(path string) (string, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return hashBytes(data), nil
}

// promptPrefix marks a prompt template among a stage's recorded inputs.
const promptPrefix = "prompt:"

// promptInput names a prompt template among a stage's recorded inputs.
func promptInput(name string) string { return promptPrefix + name }

// sameGeneration reports whether two entries describe the same output
// made from the same inputs by the same provider and model.
func sameGeneration(a, b *entry) bool {
	return slices.Equal(a.Outputs, b.Outputs) && slices.Equal(a.Inputs, b.Inputs) &&
		maps.Equal(a.Settings, b.Settings) && a.Provider == b.Provider && a.Model == b.Model
}
