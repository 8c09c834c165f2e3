//go:build !unix

package main

import "os"

// maxRSS is 0 where the system's usage record has no ru_maxrss (Windows):
// the report's "the OS does not say".
func maxRSS(*os.ProcessState) int64 { return 0 }
