package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// tree lists the files, folders and symlinks under dir, relative to it
// with forward slashes, in sorted order.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeTestFile(t *testing.T, p, content string) {
	t.Helper()
	mkdir(t, filepath.Dir(p))
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readTestFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteRejectsUnsafePaths(t *testing.T) {
	parent := t.TempDir()
	dir, outside := filepath.Join(parent, "out"), filepath.Join(parent, "outside")
	mkdir(t, dir)
	mkdir(t, outside)
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	files := []File{
		{Path: "README.md", Content: []byte("# hi\n")},
		{Path: "../x", Content: []byte("x")},
		{Path: "/etc/x", Content: []byte("x")},
		{Path: ".git/config", Content: []byte("[core]\n")},
		{Path: "a/../../b", Content: []byte("x")},
		{Path: "link/evil.txt", Content: []byte("x")},
		{Path: "link/deeper/evil.txt", Content: []byte("x")},
		{Path: "a\x00b", Content: []byte("x")},
		{Path: ".github/workflows/ci.yml", Content: []byte("on: push\n")},
		{Path: "scripts/run.sh", Content: []byte("#!/bin/sh\n"), Executable: true},
		{Path: "cmd/server/main.go", Content: []byte("package main\n")},
		{Path: "zz/../x", Content: []byte("x")},
	}
	rep, err := Write(dir, files, false, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	wantWritten := []string{"README.md", "cmd/server/main.go", "scripts/run.sh"}
	if !slices.Equal(rep.Written, wantWritten) {
		t.Errorf("Written = %q, want %q", rep.Written, wantWritten)
	}
	wantRejected := []Rejection{
		{"../x", "contains .."},
		{".git/config", "inside .git"},
		{".github/workflows/ci.yml", "inside .github/workflows"},
		{"/etc/x", "absolute path"},
		{"a\x00b", "control character"},
		{"a/../../b", "contains .."},
		{"link/deeper/evil.txt", reasonSymlink},
		{"link/evil.txt", reasonSymlink},
		{"zz/../x", "contains .."}, // after the symlinks, which Write finds later
	}
	if !slices.Equal(rep.Rejected, wantRejected) {
		t.Errorf("Rejected = %q\nwant %q", rep.Rejected, wantRejected)
	}
	if got, want := tree(t, parent), []string{"out", "out/README.md", "out/cmd", "out/cmd/server", "out/cmd/server/main.go",
		"out/link", "out/scripts", "out/scripts/run.sh", "outside"}; !slices.Equal(got, want) {
		t.Errorf("the temp folder holds %q, want %q", got, want)
	}
	for name, want := range map[string]fs.FileMode{"README.md": 0o644, "scripts/run.sh": 0o755} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s has mode %v, want %v", name, fi.Mode().Perm(), want)
		}
	}
	if got := readTestFile(t, filepath.Join(dir, "cmd/server/main.go")); got != "package main\n" {
		t.Errorf("main.go = %q", got)
	}
}

func TestWriteRejectsSymlinkedFiles(t *testing.T) {
	parent := t.TempDir()
	dir, outside := filepath.Join(parent, "out"), filepath.Join(parent, "outside")
	writeTestFile(t, filepath.Join(outside, "target.txt"), "theirs")
	writeTestFile(t, filepath.Join(dir, "real/inner.txt"), "inner")
	for link, target := range map[string]string{
		"escape.txt": filepath.Join(outside, "target.txt"), // a file link pointing out
		"alias":      "real",                               // a folder link that stays inside
		"dangling":   filepath.Join(outside, "nothing.txt"),
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	files := []File{
		{Path: "escape.txt", Content: []byte("mine")},
		{Path: "alias/inner.txt", Content: []byte("mine")},
		{Path: "dangling", Content: []byte("mine")},
	}
	for _, force := range []bool{false, true} {
		rep, err := Write(dir, files, force, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		want := []Rejection{{"alias/inner.txt", reasonSymlink}, {"dangling", reasonSymlink}, {"escape.txt", reasonSymlink}}
		if !slices.Equal(rep.Rejected, want) || len(rep.Written) > 0 {
			t.Errorf("force=%v: Rejected = %q, Written = %q; want %q and nothing written", force, rep.Rejected, rep.Written, want)
		}
	}
	if got := readTestFile(t, filepath.Join(outside, "target.txt")); got != "theirs" {
		t.Errorf("the link's target now holds %q", got)
	}
	if got := readTestFile(t, filepath.Join(dir, "real/inner.txt")); got != "inner" {
		t.Errorf("the folder behind the link now holds %q", got)
	}
	if got := tree(t, outside); !slices.Equal(got, []string{"target.txt"}) {
		t.Errorf("outside holds %q", got)
	}
}

func TestWriteRejectsAmbiguousManifests(t *testing.T) {
	dir := t.TempDir()
	files := []File{
		{Path: "main.go", Content: []byte("1")},
		{Path: "main.go", Content: []byte("2")},
		{Path: "README.md", Content: []byte("a")},
		{Path: "readme.md", Content: []byte("b")},
		{Path: "a", Content: []byte("file")},
		{Path: "a/b.txt", Content: []byte("in a folder")},
		{Path: "ok.txt", Content: []byte("ok")},
	}
	rep, err := Write(dir, files, false, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Rejection{
		{"README.md", reasonCase}, {"a", reasonFolder}, {"main.go", reasonDuplicate},
		{"main.go", reasonDuplicate}, {"readme.md", reasonCase},
	}
	if !slices.Equal(rep.Rejected, want) {
		t.Errorf("Rejected = %q\nwant %q", rep.Rejected, want)
	}
	if want := []string{"a/b.txt", "ok.txt"}; !slices.Equal(rep.Written, want) {
		t.Errorf("Written = %q, want %q", rep.Written, want)
	}
}

func TestWriteLimits(t *testing.T) {
	many := make([]File, 10000)
	for i := range many {
		many[i] = File{Path: fmt.Sprintf("f/%05d.txt", i), Content: []byte("x")}
	}
	tests := []struct {
		name   string
		files  []File
		limits Limits
		want   LimitError
	}{
		{"10,000 files over the default", many, Limits{}, LimitError{"files", 10000, DefaultMaxFiles}},
		{"files over a set limit", many[:3], Limits{MaxFiles: 2}, LimitError{"files", 3, 2}},
		{"bytes over a set limit", many[:3], Limits{MaxBytes: 2}, LimitError{"bytes", 3, 2}},
		{"bytes over the default", []File{{Path: "big", Content: make([]byte, DefaultMaxBytes+1)}}, Limits{MaxFiles: -1}, LimitError{"bytes", DefaultMaxBytes + 1, DefaultMaxBytes}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "out")
			rep, err := Write(dir, tt.files, false, tt.limits)
			var le *LimitError
			if !errors.As(err, &le) || *le != tt.want {
				t.Fatalf("Write = %v, %v; want %+v", rep, err, tt.want)
			}
			for _, s := range []string{fmt.Sprint(tt.want.Count), fmt.Sprint(tt.want.Max), tt.want.What} {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not name %q", err, s)
				}
			}
			if got := tree(t, parent); len(got) > 0 {
				t.Errorf("wrote %q", got)
			}
		})
	}
	rep, err := Write(t.TempDir(), many[:3], false, Limits{MaxFiles: 3, MaxBytes: 3})
	if err != nil || len(rep.Written) != 3 {
		t.Errorf("a manifest at its limits: %+v, %v", rep, err)
	}
}

func TestWriteExisting(t *testing.T) {
	tests := []struct {
		name       string
		old        string
		oldMode    fs.FileMode
		file       File
		force      bool
		want       string // "written", "unchanged" or "skipped"
		wantOnDisk string
		wantMode   fs.FileMode
	}{
		{"same content", "v1", 0o644, File{Path: "x/a.txt", Content: []byte("v1")}, false, "unchanged", "v1", 0o644},
		{"same content, force", "v1", 0o644, File{Path: "x/a.txt", Content: []byte("v1")}, true, "unchanged", "v1", 0o644},
		{"different, kept", "mine", 0o644, File{Path: "x/a.txt", Content: []byte("v2")}, false, "skipped", "mine", 0o644},
		{"different, force", "mine", 0o644, File{Path: "x/a.txt", Content: []byte("v2")}, true, "written", "v2", 0o644},
		{"same length, different", "ab", 0o644, File{Path: "x/a.txt", Content: []byte("ba")}, false, "skipped", "ab", 0o644},
		{"now executable, kept", "#!", 0o644, File{Path: "x/a.sh", Content: []byte("#!"), Executable: true}, false, "skipped", "#!", 0o644},
		{"now executable, force", "#!", 0o644, File{Path: "x/a.sh", Content: []byte("#!"), Executable: true}, true, "written", "#!", 0o755},
		{"no longer executable, force", "#!", 0o755, File{Path: "x/a.sh", Content: []byte("#!")}, true, "written", "#!", 0o644},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, filepath.FromSlash(tt.file.Path))
			writeTestFile(t, p, tt.old)
			if err := os.Chmod(p, tt.oldMode); err != nil {
				t.Fatal(err)
			}
			rep, err := Write(dir, []File{tt.file}, tt.force, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string][]string{"written": rep.Written, "unchanged": rep.Unchanged, "skipped": rep.Skipped}
			for k, v := range got {
				if want := k == tt.want; want != slices.Equal(v, []string{tt.file.Path}) {
					t.Errorf("%s = %q, want the file only in %s", k, v, tt.want)
				}
			}
			if s := readTestFile(t, p); s != tt.wantOnDisk {
				t.Errorf("the file holds %q, want %q", s, tt.wantOnDisk)
			}
			if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != tt.wantMode {
				t.Errorf("mode %v, %v; want %v", fi.Mode().Perm(), err, tt.wantMode)
			}
			if want := []string{"x", "x/" + filepath.Base(p)}; !slices.Equal(tree(t, dir), want) {
				t.Errorf("the folder holds %q, want %q", tree(t, dir), want)
			}
		})
	}
}

func TestWriteFailureLeavesNoTempFiles(t *testing.T) {
	dir := t.TempDir()
	// A non-empty folder where b.txt should go: renaming a file over it
	// fails after the temporary file is written.
	writeTestFile(t, filepath.Join(dir, "b.txt", "keep"), "theirs")
	files := []File{
		{Path: "a.txt", Content: []byte("a")},
		{Path: "b.txt", Content: []byte("b")},
		{Path: "c.txt", Content: []byte("c")},
	}
	rep, err := Write(dir, files, false, Limits{})
	if err != nil || !slices.Equal(rep.Skipped, []string{"b.txt"}) {
		t.Fatalf("without force: %+v, %v; want b.txt skipped", rep, err)
	}
	rep, err = Write(dir, files, true, Limits{})
	if err == nil || !strings.Contains(err.Error(), "b.txt") {
		t.Fatalf("with force: error %v, want one naming b.txt", err)
	}
	if !slices.Equal(rep.Unchanged, []string{"a.txt"}) || len(rep.Written) > 0 {
		t.Errorf("the report before the failure is %+v", rep)
	}
	if got, want := tree(t, dir), []string{"a.txt", "b.txt", "b.txt/keep", "c.txt"}; !slices.Equal(got, want) {
		t.Errorf("the folder holds %q, want %q and no temporary file", got, want)
	}
}

func TestWriteReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes to read-only folders")
	}
	dir := t.TempDir()
	mkdir(t, filepath.Join(dir, "ro"))
	if err := os.Chmod(filepath.Join(dir, "ro"), 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "ro"), 0o755) }) // lets TempDir remove it
	_, err := Write(dir, []File{{Path: "ro/x.txt", Content: []byte("x")}}, false, Limits{})
	if err == nil {
		t.Fatal("Write into a read-only folder succeeded")
	}
	if got := tree(t, dir); !slices.Equal(got, []string{"ro"}) {
		t.Errorf("the folder holds %q", got)
	}
}

func TestWriteFileInTheWayOfAFolder(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "cmd"), "a file")
	_, err := Write(dir, []File{{Path: "cmd/main.go", Content: []byte("package main\n")}}, true, Limits{})
	if err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Fatalf("Write = %v, want an error saying cmd is not a folder", err)
	}
	if got := readTestFile(t, filepath.Join(dir, "cmd")); got != "a file" {
		t.Errorf("cmd holds %q", got)
	}
}

func TestWriteCreatesTheFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "deep", "out")
	rep, err := Write(dir, []File{{Path: "z.txt"}, {Path: "a/b.txt", Content: []byte("b")}}, false, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a/b.txt", "z.txt"}; !slices.Equal(rep.Written, want) {
		t.Errorf("Written = %q, want %q in path order", rep.Written, want)
	}
	if got := readTestFile(t, filepath.Join(dir, "z.txt")); got != "" {
		t.Errorf("an empty file holds %q", got)
	}
}
