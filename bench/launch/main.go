// Command launch runs one command and reports its wall time and peak
// memory, for the benchmark suite.
//
// Usage: launch REPORT COMMAND [ARG...]. The command inherits the
// environment and the standard streams; REPORT receives one JSON object:
// the wall time in nanoseconds, the command's exit code, its peak
// resident memory (ru_maxrss) in bytes and the floor under that figure.
//
// Why a launcher: on Linux a child's ru_maxrss is never lower than the
// peak memory of the process that spawned it, because Go spawns with
// vfork semantics and the kernel keeps the high-water mark across exec
// (golang/go#32054). The suite holds fake servers and answers in memory,
// so children it spawned itself would all report its size. This program
// is small, so the floor it passes on is small; it reports that floor
// (its own VmHWM when it starts the command) so a figure at the floor can
// be read as "at most this".
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// report is what REPORT receives.
type report struct {
	WallNS int64 `json:"wall_ns"`
	Exit   int   `json:"exit"`
	MaxRSS int64 `json:"max_rss"` // bytes; 0 when the OS does not say
	Floor  int64 `json:"floor"`   // bytes; MaxRSS is never below it
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: launch REPORT COMMAND [ARG...]")
		os.Exit(2)
	}
	r, err := launch(os.Args[2], os.Args[3:])
	if err == nil {
		var data []byte
		data, err = json.Marshal(r)
		if err == nil {
			err = os.WriteFile(os.Args[1], data, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "launch:", err)
		os.Exit(125)
	}
}

func launch(name string, args []string) (report, error) {
	cmd := exec.Command(name, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	r := report{Floor: selfHWM()}
	start := time.Now()
	err := cmd.Run()
	r.WallNS = int64(time.Since(start))
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return r, err
	}
	r.Exit = cmd.ProcessState.ExitCode()
	r.MaxRSS = maxRSS(cmd.ProcessState)
	return r, nil
}

// selfHWM is this process's peak resident memory so far, from Linux's
// /proc/self/status; 0 elsewhere.
func selfHWM() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err == nil {
				return kb * 1024
			}
		}
	}
	return 0
}
