//go:build linux

package main

import "syscall"

// mknod makes a character device with /dev/null's numbers (1, 3).
func mknod(path string) error {
	return syscall.Mknod(path, syscall.S_IFCHR|0o666, int(1<<8|3))
}

func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }
