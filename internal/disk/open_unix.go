//go:build unix

package disk

import (
	"os"
	"syscall"
)

// openNonBlocking opens a file to read without blocking on a FIFO or a
// device, so that the checks after it always run.
func openNonBlocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
