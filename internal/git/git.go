// Package git reads files as a git revision holds them, for prodgen diff
// --base. It runs the git command (git rev-parse, git ls-tree, git show)
// with the caller's context rather than linking a git library, so it reads
// exactly what the user's git would, with their configuration.
package git

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrNoGit says the git command is not installed or not on PATH.
var ErrNoGit = errors.New("git is not installed or not on PATH")

// NotRepositoryError says a folder is not in a git repository.
type NotRepositoryError struct {
	Dir string
	Msg string // what git said
}

func (e *NotRepositoryError) Error() string {
	return fmt.Sprintf("%s is not in a git repository (git: %s)", e.Dir, e.Msg)
}

// RevisionError is a revision git cannot resolve to a commit.
type RevisionError struct {
	Rev string
}

func (e *RevisionError) Error() string {
	return fmt.Sprintf("unknown revision %q: git knows no commit by that name", e.Rev)
}

// Repo is the git repository a folder is in.
type Repo struct {
	top    string // the repository's top-level folder, where commands run
	prefix string // dir relative to top, with a trailing slash; "" at the top
}

// Open finds the repository that dir is in.
func Open(ctx context.Context, dir string) (*Repo, error) {
	out, err := run(ctx, dir, "rev-parse", "--show-toplevel", "--show-prefix")
	if err != nil {
		var ge *gitError
		if errors.As(err, &ge) {
			return nil, &NotRepositoryError{Dir: dir, Msg: ge.msg}
		}
		return nil, err
	}
	top, prefix, _ := strings.Cut(strings.TrimSuffix(string(out), "\n"), "\n")
	if top == "" {
		return nil, &NotRepositoryError{Dir: dir, Msg: "no working tree"}
	}
	return &Repo{top: top, prefix: prefix}, nil
}

// Resolve returns the commit that rev names ("HEAD", "origin/main", a
// hash, "v1.2~3").
func (r *Repo) Resolve(ctx context.Context, rev string) (string, error) {
	// A revision that starts with a dash would be read as an option.
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", &RevisionError{Rev: rev}
	}
	out, err := run(ctx, r.top, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if errors.As(err, new(*gitError)) {
		return "", &RevisionError{Rev: rev}
	}
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// Path turns a path relative to the folder Open was given (or an
// absolute one) into the path git names it by, relative to the
// repository's top level with forward slashes.
func (r *Repo) Path(name string) (string, error) {
	var rel string
	if filepath.IsAbs(name) {
		abs := name
		if real, err := filepath.EvalSymlinks(filepath.Dir(name)); err == nil {
			abs = filepath.Join(real, filepath.Base(name))
		}
		var err error
		if rel, err = filepath.Rel(r.top, abs); err != nil {
			return "", fmt.Errorf("%s is not in the repository at %s", name, r.top)
		}
		rel = filepath.ToSlash(rel)
	} else {
		rel = path.Join(r.prefix, filepath.ToSlash(name))
	}
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", fmt.Errorf("%s is not in the repository at %s", name, r.top)
	}
	return rel, nil
}

// ReadFile returns the file at name (as Path gives it) as commit holds
// it, of at most limit bytes. A file the commit does not have gives an
// error that is fs.ErrNotExist.
func (r *Repo) ReadFile(ctx context.Context, commit, name string, limit int64) ([]byte, error) {
	// ls-tree says whether the commit has the path, what it is and how
	// large, without reading it.
	out, err := run(ctx, r.top, "--literal-pathspecs", "ls-tree", "-l", "-z", commit, "--", name)
	if err != nil {
		return nil, err
	}
	entry, _, _ := strings.Cut(string(out), "\x00")
	meta, entryPath, _ := strings.Cut(entry, "\t")
	fields := strings.Fields(meta)
	switch {
	case entry == "" || entryPath != name:
		return nil, fmt.Errorf("%s:%s: %w", commit, name, fs.ErrNotExist)
	case len(fields) != 4 || fields[1] != "blob":
		return nil, fmt.Errorf("%s is not a file in %s", name, commit)
	}
	if size, err := strconv.ParseInt(fields[3], 10, 64); err != nil || size > limit {
		return nil, fmt.Errorf("%s in %s is too large (%s bytes; the limit is %d)", name, commit, fields[3], limit)
	}
	return run(ctx, r.top, "show", "--no-textconv", commit+":"+name)
}

// gitError is git running and failing: its first line of complaint.
type gitError struct {
	args []string
	msg  string
}

func (e *gitError) Error() string {
	return fmt.Sprintf("git %s: %s", strings.Join(e.args, " "), e.msg)
}

// run runs git in dir and returns its output.
func run(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	switch {
	case errors.Is(err, exec.ErrNotFound):
		return nil, ErrNoGit
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case errors.As(err, new(*exec.ExitError)):
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		msg = strings.TrimPrefix(msg, "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		return nil, &gitError{args: args, msg: msg}
	case err != nil:
		return nil, fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	return stdout.Bytes(), nil
}
