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
	"path/filepath"
	"slices"
	"strings"

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
	// Rejected counts the files of a prototype the safe writer refused: a
	// prototype written in part is never fresh.
	Rejected int `json:"rejected,omitempty"`
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

// maxLock bounds the lock prodgen reads: a ledger for the largest
// documents prodgen writes fits in it many times over.
const maxLock = 4 * disk.MaxDocument

// readLock reads the lock at path; a missing lock is an empty one. The
// lock is data a pull request's author controls: it is read through the
// size-capped reader and checked against its schema before anything in it
// is used.
func readLock(path string) (*lock, error) {
	data, err := disk.Read(path, lockFile, maxLock)
	if errors.Is(err, fs.ErrNotExist) {
		return &lock{Version: lockVersion, Artifacts: map[string]*entry{}}, nil
	}
	if err != nil {
		if in, ok := errors.AsType[*disk.InputError](err); ok {
			err = in.Err
		}
		return nil, &LockError{Path: lockFile, Err: err}
	}
	return parseLock(data)
}

// parseLock decodes a lock and checks it.
func parseLock(data []byte) (*lock, error) {
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
	if err := l.check(); err != nil {
		return nil, &LockError{Path: lockFile, Err: err}
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

// hash is the hex sha256 of the file name (a path inside the project, as
// the lock names it); "" when it does not exist. It reads only a regular
// file inside the project, through the size-capped reader: a path from the
// lock never reaches a device, a FIFO or a file elsewhere.
func (p *Project) hash(name string) (string, error) {
	if err := p.inside(name); err != nil {
		return "", &disk.InputError{Path: name, Err: err}
	}
	data, err := disk.Read(p.Abs(name), name, maxLock)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return hashBytes(data), nil
}

// inside checks that name, a path relative to the project, stays inside it
// once its symlinks are followed.
func (p *Project) inside(name string) error {
	if name == slash(p.opts.Brief) {
		// The brief is where the configuration says, even outside.
		return nil
	}
	if !filepath.IsLocal(filepath.FromSlash(name)) {
		return errors.New("is not a path inside the project")
	}
	root, err := filepath.EvalSymlinks(p.opts.Root)
	if err != nil {
		return nil // no project folder yet: nothing on disk to lead out of it
	}
	// The deepest part of the path that exists, with its links followed.
	abs := p.Abs(name)
	for {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			if rel, err := filepath.Rel(root, real); err != nil || !filepath.IsLocal(rel) && rel != "." {
				return fmt.Errorf("leads out of the project (to %s) through a symlink", real)
			}
			return nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return nil
		}
		abs = parent
	}
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

// noLinks checks that no part of name, a path the project writes, is a
// symlink: its documents and prototypes are written as regular files in
// its own folders, never through a link, wherever the link leads (.git
// included).
func (p *Project) noLinks(name string) error {
	if err := p.inside(name); err != nil {
		return err
	}
	parts := strings.Split(filepath.ToSlash(filepath.Clean(filepath.FromSlash(name))), "/")
	for i := range parts {
		part := strings.Join(parts[:i+1], "/")
		info, err := os.Lstat(p.Abs(part))
		if err != nil {
			return nil // not there yet: nothing to follow
		}
		if info.Mode().Type() == fs.ModeSymlink {
			target, _ := os.Readlink(p.Abs(part))
			return fmt.Errorf("%s is a symlink (to %s); prodgen writes only into real folders and files of the project", part, target)
		}
	}
	return nil
}
