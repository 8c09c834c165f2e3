package pipeline

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/prodgen/prodgen/internal/artifact"
)

// maxID is the highest number an ID may carry in a lock: far above any
// document's, far below what would overflow.
const maxID = 999_999

// Patterns of the lock's schema, compiled on first use, not at start-up.
var (
	sha256Re     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-f]{64}$`) })
	promptNameRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9_-]*$`) })
)

// isSHA256 reports whether s is a hex sha256.
func isSHA256(s string) bool { return sha256Re().MatchString(s) }

// check checks a lock read from disk against its schema: known stages,
// local paths, well-formed hashes, IDs in range. It names the first
// problem, where it is.
func (l *lock) check() error {
	names := StageNames()
	for _, name := range sortedKeys(l.Artifacts) {
		e := l.Artifacts[name]
		where := "artifacts." + name
		switch {
		case !slices.Contains(names, name):
			return fmt.Errorf("%s: unknown stage (stages: %s)", where, strings.Join(names, ", "))
		case e == nil:
			return fmt.Errorf("%s: empty entry", where)
		}
		if e.Rejected < 0 {
			return fmt.Errorf("%s.rejected: %d is negative", where, e.Rejected)
		}
		for i, o := range e.Outputs {
			if err := checkFile(o, false); err != nil {
				return fmt.Errorf("%s.outputs[%d]: %w", where, i, err)
			}
		}
		for i, in := range e.Inputs {
			if err := checkFile(in, true); err != nil {
				return fmt.Errorf("%s.inputs[%d]: %w", where, i, err)
			}
		}
		for prefix, n := range e.IDs {
			if !slices.Contains(idPrefixes, prefix) {
				return fmt.Errorf("%s.ids: unknown ID prefix %q", where, prefix)
			}
			if n < 0 || n > maxID {
				return fmt.Errorf("%s.ids.%s: %d is out of range (0 to %d)", where, prefix, n, maxID)
			}
		}
		for i, it := range e.Items {
			if err := it.check(); err != nil {
				return fmt.Errorf("%s.items[%d]: %w", where, i, err)
			}
		}
	}
	return nil
}

// idPrefixes are the prefixes of the IDs a document numbers.
var idPrefixes = []string{artifact.KindGoal.Prefix(), artifact.KindFunctional.Prefix(), artifact.KindNonFunctional.Prefix(),
	artifact.KindQuestion.Prefix(), artifact.KindStory.Prefix(), artifact.KindTask.Prefix()}

// checkFile checks a recorded file: a path inside the project (or, for an
// input, a prompt template) and a sha256.
func checkFile(f fileHash, input bool) error {
	switch {
	case input && strings.HasPrefix(f.Path, promptPrefix):
		if name := strings.TrimPrefix(f.Path, promptPrefix); !promptNameRe().MatchString(name) {
			return fmt.Errorf("%q is not a prompt's name", name)
		}
	case f.Path == "" || strings.ContainsRune(f.Path, 0):
		return fmt.Errorf("%q is not a path", f.Path)
	case !input && !filepath.IsLocal(filepath.FromSlash(f.Path)):
		// An input may be a brief configured outside the project; whether
		// it is the configured one is checked where it is read.
		return fmt.Errorf("%q is not a path inside the project", f.Path)
	}
	// An input that did not exist when it was recorded has no hash.
	if !isSHA256(f.SHA256) && !(input && f.SHA256 == "") {
		return fmt.Errorf("%q is not a sha256", f.SHA256)
	}
	return nil
}

func (it item) check() error {
	switch {
	case it.Key == "" || len(it.Key) > 1000:
		return fmt.Errorf("key %q is empty or too long", it.Key)
	case it.SHA256 != "" && !isSHA256(it.SHA256):
		return fmt.Errorf("%s: %q is not a sha256", it.Key, it.SHA256)
	case it.State != "" && it.State != retired && it.State != deleted:
		return fmt.Errorf("%s: unknown state %q", it.Key, it.State)
	case it.Owner != "" && it.Owner != person:
		return fmt.Errorf("%s: unknown owner %q", it.Key, it.Owner)
	}
	if strings.HasPrefix(it.Key, "file:") {
		name := strings.TrimPrefix(it.Key, "file:")
		if !filepath.IsLocal(filepath.FromSlash(name)) {
			return fmt.Errorf("%s: not a path inside the prototype", it.Key)
		}
	}
	if _, n := splitKey(it.Key); n > maxID {
		return fmt.Errorf("%s: number out of range", it.Key)
	}
	return nil
}
