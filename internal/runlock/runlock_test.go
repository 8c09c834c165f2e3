package runlock

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestSecondAcquireIsRefused(t *testing.T) {
	dir := t.TempDir()
	release, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, Name))
	if err != nil || strings.TrimSpace(string(data)) != strconv.Itoa(os.Getpid()) {
		t.Errorf("%s holds %q (%v), want this process's ID", Name, data, err)
	}

	// A second open file in the same process is refused like another
	// process: the lock belongs to the open file.
	_, err = Acquire(dir)
	var busy *BusyError
	if !errors.As(err, &busy) || busy.PID != os.Getpid() {
		t.Fatalf("second Acquire = %v, want a BusyError naming pid %d", err, os.Getpid())
	}
	want := "another prodgen is running in this folder (pid " + strconv.Itoa(os.Getpid()) + ")"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("message %q does not say %q", err, want)
	}

	release()
	if _, err := os.Lstat(filepath.Join(dir, Name)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s is still there after release: %v", Name, err)
	}
	again, err := Acquire(dir)
	if err != nil {
		t.Fatalf("Acquire after release: %v", err)
	}
	again()
}

// A run that was killed leaves the file, unlocked: the next run takes it.
func TestStaleFileIsTakenOver(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, Name)
	if err := os.WriteFile(path, []byte("999999999\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	release, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	data, err := os.ReadFile(path)
	if err != nil || string(data) != strconv.Itoa(os.Getpid())+"\n" {
		t.Errorf("%s holds %q (%v), want this process's ID", Name, data, err)
	}
}

func TestMissingFolderLocksNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	release, err := Acquire(dir)
	if err != nil {
		t.Fatal(err)
	}
	release()
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Acquire made the folder: %v", err)
	}
}

func TestNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "precious")
	if err := os.WriteFile(target, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		make func(path string) error
	}{
		{"folder", func(path string) error { return os.Mkdir(path, 0o755) }},
		{"symlink", func(path string) error { return os.Symlink(target, path) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			project := t.TempDir()
			if err := tt.make(filepath.Join(project, Name)); err != nil {
				if runtime.GOOS == "windows" {
					t.Skip(err)
				}
				t.Fatal(err)
			}
			release, err := Acquire(project)
			if err == nil {
				release()
				t.Fatal("Acquire took the lock through something that is not a regular file")
			}
			if !strings.Contains(err.Error(), Name) {
				t.Errorf("error %q does not name %s", err, Name)
			}
			if data, _ := os.ReadFile(target); string(data) != "keep me" {
				t.Errorf("the symlink's target now holds %q", data)
			}
		})
	}
}

// Many runs taking and giving back the lock, each removing the file as it
// ends, never hold it two at a time: a run that opened the file just before
// the run holding it removed it must not lock that lost file.
func TestOneHolderAtATime(t *testing.T) {
	dir := t.TempDir()
	var (
		holders atomic.Int32
		held    atomic.Int32
		wg      sync.WaitGroup
	)
	deadline := time.Now().Add(300 * time.Millisecond)
	for range 8 {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				release, err := Acquire(dir)
				var busy *BusyError
				if errors.As(err, &busy) {
					continue
				}
				if err != nil {
					t.Error(err)
					return
				}
				if n := holders.Add(1); n != 1 {
					t.Errorf("%d runs hold the lock at once", n)
				}
				held.Add(1)
				// Hold it a moment, long enough for another to come in.
				time.Sleep(200 * time.Microsecond)
				holders.Add(-1)
				release()
			}
		})
	}
	wg.Wait()
	if held.Load() == 0 {
		t.Error("no run ever took the lock")
	}
}
