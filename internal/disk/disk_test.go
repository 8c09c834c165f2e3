package disk

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "docs", "prd.md")
	if err := Write(path, []byte("first\n")); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("second\n")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "second\n" {
		t.Fatalf("read back %q, %v; want the second content", got, err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v; want 0644", info.Mode(), err)
	}
	assertOnly(t, filepath.Join(dir, "docs"), "prd.md")
}

// A file written again keeps its permissions: a document a team made
// read-only, or group-writable, stays so.
func TestWriteKeepsMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "prd.md")
	if err := os.WriteFile(path, []byte("first\n"), 0o664); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o664); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("second\n")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o664 {
		t.Errorf("mode %v, %v; want 0664 kept", info.Mode(), err)
	}
}

// A failed write leaves what was there and no temporary file.
func TestWriteFailureLeavesNoTrace(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "prd.md")
	// A non-empty directory where the file should go: the rename must fail.
	if err := os.MkdirAll(filepath.Join(target, "keep"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(target, []byte("new")); err == nil {
		t.Fatal("WriteFile over a directory succeeded")
	}
	if _, err := os.Stat(filepath.Join(target, "keep")); err != nil {
		t.Errorf("the existing directory was changed: %v", err)
	}
	assertOnly(t, dir, "prd.md")
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(names) {
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		t.Fatalf("%s holds %v, want only %v", dir, got, names)
	}
	for i, e := range entries {
		if e.Name() != names[i] {
			t.Errorf("%s holds %s, want %s", dir, e.Name(), names[i])
		}
	}
}

func TestReadInput(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.md")
	if err := os.WriteFile(big, []byte(strings.Repeat("a", 11)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		path string
		want string
	}{
		{name: "directory", path: dir, want: "is a directory"},
		{name: "over the limit", path: big, want: "file is too large (11 bytes; the limit is 10 bytes)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.path, "x.md", 10)
			var in *InputError
			if !errors.As(err, &in) || !strings.Contains(err.Error(), tt.want) || in.Path != "x.md" {
				t.Errorf("got %v, want an InputError for x.md mentioning %q", err, tt.want)
			}
		})
	}
}

// A FIFO is refused before it is opened: reading it would block for good.
func TestReadRefusesFIFOWithoutBlocking(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "brief.md")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Read(fifo, "brief.md", 1<<20)
		done <- err
	}()
	select {
	case err := <-done:
		var in *InputError
		if !errors.As(err, &in) || !strings.Contains(err.Error(), "is not a regular file") {
			t.Errorf("Read(FIFO) = %v, want an InputError saying it is not a regular file", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Read blocked on a FIFO")
	}
}

// Write replaces only a regular file: a symlink (as /dev/stdout is) or a
// FIFO is written through and stays what it was; a folder is refused.
func TestWriteThroughWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("old content"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode().Type() != os.ModeSymlink {
		t.Errorf("the symlink was replaced: %v %v", info, err)
	}
	if data, _ := os.ReadFile(target); string(data) != "new" {
		t.Errorf("the symlink's target holds %q, want the new content", data)
	}
	fifo := filepath.Join(dir, "fifo")
	if mkfifo(fifo) == nil {
		got := make(chan []byte, 1)
		go func() {
			data, _ := os.ReadFile(fifo)
			got <- data
		}()
		if err := Write(fifo, []byte("through the pipe")); err != nil {
			t.Fatal(err)
		}
		if data := <-got; string(data) != "through the pipe" {
			t.Errorf("the pipe's reader got %q", data)
		}
		if info, err := os.Lstat(fifo); err != nil || info.Mode().Type() != os.ModeNamedPipe {
			t.Errorf("the FIFO was replaced: %v %v", info, err)
		}
	}
	var in *InputError
	if err := Write(dir, []byte("x")); !errors.As(err, &in) {
		t.Errorf("Write(a folder) = %v, want an InputError", err)
	}
}
