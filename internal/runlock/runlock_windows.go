//go:build windows

package runlock

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockedByte is the byte LockFileEx locks: far beyond the process ID at
// the start of the file, since Windows' locks are mandatory and another
// run must still read it.
var lockedByte = windows.Overlapped{OffsetHigh: 1}

func acquire(path string) (func(), error) {
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file; remove it")
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := checkFile(f); err != nil {
		return nil, errors.Join(err, f.Close())
	}
	h := windows.Handle(f.Fd())
	ol := lockedByte
	if err := windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol); err != nil {
		if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			err = &BusyError{PID: readPID(f)}
		}
		return nil, errors.Join(err, f.Close())
	}
	if err := writePID(f); err != nil {
		return nil, errors.Join(err, f.Close())
	}
	return func() {
		ol := lockedByte
		// Closing the file releases the lock too; unlocking first only
		// makes it prompt. Windows will not remove a file another run has
		// open, so the remove fails exactly when the file is in use: it
		// must stay then, and nothing is lost either way.
		_ = windows.UnlockFileEx(h, 0, 1, 0, &ol)
		_ = f.Close()
		_ = os.Remove(path)
	}, nil
}
