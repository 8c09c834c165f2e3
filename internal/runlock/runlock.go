// Package runlock keeps two prodgen runs that write from working in one
// project folder at once: two CI jobs, a watcher and a person. A run that
// writes holds an advisory lock on a file in the folder (Name) until it
// ends; a second run is refused with a BusyError naming the first one's
// process. The lock is the operating system's (flock on Unix, LockFileEx
// on Windows), so a run that dies, however it dies, holds it no longer.
package runlock

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Name is the file in the project folder that a run holds while it
// writes. It holds the process ID of the run and is removed when the run
// ends; a run that was killed leaves it behind, unlocked, for the next run
// to take over.
const Name = ".prodgen-running"

// BusyError is the answer when another run holds the folder's lock.
type BusyError struct {
	// PID is the other run's process ID; 0 when it had not written it yet.
	PID int
}

func (e *BusyError) Error() string {
	who := ""
	if e.PID > 0 {
		who = fmt.Sprintf(" (pid %d)", e.PID)
	}
	return "another prodgen is running in this folder" + who + "; run again when it has finished"
}

// Acquire takes the run lock of the project folder dir, or returns a
// *BusyError when another run holds it. release gives it back and removes
// the file. A folder that does not exist yet holds no project for another
// run to write to, so there is nothing to lock: release then does nothing.
// The lock belongs to the open file, not the process: a second Acquire in
// the same process is refused like another process's.
func Acquire(dir string) (func(), error) {
	path := filepath.Join(dir, Name)
	release, err := acquire(path)
	var busy *BusyError
	switch {
	case err == nil:
		return release, nil
	case errors.As(err, &busy):
		return nil, err
	case errors.Is(err, fs.ErrNotExist) && !folderExists(dir):
		return func() {}, nil
	}
	return nil, fmt.Errorf("lock %s for this run: %w", Name, err)
}

// folderExists reports whether dir is there.
func folderExists(dir string) bool {
	_, err := os.Stat(dir)
	return !errors.Is(err, fs.ErrNotExist)
}

// checkFile refuses to lock through anything but a regular file: the name
// could be a symlink to someone's file, which the lock's content would
// overwrite.
func checkFile(f *os.File) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return errors.New("not a regular file; remove it")
	}
	return nil
}

// samePath reports whether path still names the open file f: the run
// before may have removed it between this run's open and its lock.
func samePath(f *os.File, path string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(path)
	return err == nil && os.SameFile(a, b)
}

// writePID records this process in the lock file, which it holds.
func writePID(f *os.File) error {
	if err := f.Truncate(0); err != nil {
		return err
	}
	_, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return err
}

// readPID reads the process ID another run recorded; 0 when there is none
// yet (it has the lock but has not written it) or it is unreadable.
func readPID(f *os.File) int {
	b := make([]byte, 32)
	n, err := f.ReadAt(b, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b[:n])))
	if err != nil || pid < 0 {
		return 0
	}
	return pid
}
