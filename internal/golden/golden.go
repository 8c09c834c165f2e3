// Package golden compares a test's output with a golden file under
// testdata and, when the tests run with -update, rewrites the file instead.
//
// It is for tests only: import it from _test.go files, never from code
// that ships in the binary. Importing it registers the -update flag, once
// for the whole test binary, so a package's tests must not define -update
// themselves.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files from the current output instead of comparing with them")

// Update reports whether the tests run with -update. Tests that write
// golden files of their own, or need the flag for anything else, use it;
// the others call Check.
func Update() bool {
	return *update
}

// Check compares got with the golden file at path; with -update it writes
// got there instead, creating the folder if needed. A mismatch fails t
// with a line diff (see Diff) that names the file and gives the command
// that refreshes it; a missing file stops the test.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		write(t, path, got)
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (%s creates it)", err, refreshCommand(t.Name()))
		return
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (- want, + got); if the change is intended, %s rewrites it:\n%s",
			path, refreshCommand(t.Name()), Diff(string(want), string(got)))
	}
}

// write puts got at path, leaving the file alone when it already holds
// exactly that, so -update touches only what changed.
func write(t testing.TB, path string, got []byte) {
	t.Helper()
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, got) {
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatalf("update golden file: %v", err)
		return
	}
	if err := os.WriteFile(path, got, 0o644); err != nil {
		t.Fatalf("update golden file: %v", err)
		return
	}
	t.Logf("updated %s", path)
}

// refreshCommand is the go test command that rewrites the golden files of
// the test named name (as t.Name gives it) and no others: the package as a
// path from the module root, when the working directory (the package's
// folder while tests run) lies inside one.
func refreshCommand(name string) string {
	pkg := ""
	if dir, err := os.Getwd(); err == nil {
		pkg = packagePath(dir)
	}
	var run []string
	for _, elem := range strings.Split(name, "/") {
		run = append(run, "^"+regexp.QuoteMeta(elem)+"$")
	}
	cmd := "go test"
	if pkg != "" {
		cmd += " " + pkg
	}
	if name != "" {
		cmd += " -run " + shellQuote(strings.Join(run, "/"))
	}
	return cmd + " -update"
}

// packagePath is dir as "./a/b" relative to the nearest folder above it
// that holds a go.mod, or "" when there is none.
func packagePath(dir string) string {
	for root := dir; ; {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			rel, err := filepath.Rel(root, dir)
			if err != nil {
				return ""
			}
			if rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		parent := filepath.Dir(root)
		if parent == root {
			return ""
		}
		root = parent
	}
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
