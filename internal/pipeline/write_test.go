package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "docs", "prd.md")
	if err := WriteFile(path, []byte("first\n")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("second\n")); err != nil {
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

// A failed write leaves what was there and no temporary file.
func TestWriteFileFailureLeavesNoTrace(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "prd.md")
	// A non-empty directory where the file should go: the rename must fail.
	if err := os.MkdirAll(filepath.Join(target, "keep"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(target, []byte("new")); err == nil {
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
