//go:build !unix

package disk

import "os"

// openNonBlocking opens a file to read; outside Unix there are no FIFOs to
// block on.
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}
