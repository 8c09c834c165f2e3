//go:build unix

package main

import (
	"os"
	"syscall"
)

// maxRSS is the ended process's peak resident memory in bytes.
func maxRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return int64(ru.Maxrss) * 1024 // Linux reports kilobytes
	}
	return 0
}
