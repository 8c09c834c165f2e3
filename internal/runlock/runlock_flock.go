//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd || solaris

package runlock

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

func acquire(path string) (func(), error) {
	for {
		// O_NOFOLLOW: a symlink at the name fails here rather than lead
		// the truncation below to another file.
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o644)
		if err != nil {
			return nil, err
		}
		if err := checkFile(f); err != nil {
			return nil, errors.Join(err, f.Close())
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
			if errors.Is(err, unix.EWOULDBLOCK) {
				err = &BusyError{PID: readPID(f)}
			}
			return nil, errors.Join(err, f.Close())
		}
		if !samePath(f, path) {
			// The run before removed the file after this run opened it:
			// the lock is on a file nobody else will open. Start again.
			if err := f.Close(); err != nil {
				return nil, err
			}
			continue
		}
		if err := writePID(f); err != nil {
			return nil, errors.Join(err, f.Close())
		}
		return func() {
			// Removed while still locked, so no other run can have locked
			// this file: a run that opened it before it went finds, once
			// it has the lock, that the name is no longer its file, and
			// starts again. Neither error can cost data: the file is only
			// ever this lock, and the lock ends with the process anyway.
			_ = os.Remove(path)
			_ = f.Close()
		}, nil
	}
}
