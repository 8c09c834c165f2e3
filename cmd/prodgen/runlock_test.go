package main

import (
	"os"
	"sync"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/prodgen/prodgen/internal/runlock"
)

var (
	heldMu sync.Mutex
	held   = map[*testscript.TestScript]func(){}
)

// runlock hold|release takes or gives back the run lock of the script's
// folder, as another prodgen writing there would hold it. A lock still
// held when the script ends is given back then.
func cmdRunlock(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: runlock hold|release")
	}
	heldMu.Lock()
	defer heldMu.Unlock()
	switch args[0] {
	case "hold":
		if held[ts] != nil {
			ts.Fatalf("runlock: already held")
		}
		release, err := runlock.Acquire(ts.Getenv("WORK"))
		ts.Check(err)
		held[ts] = release
		ts.Defer(func() {
			heldMu.Lock()
			defer heldMu.Unlock()
			if held[ts] != nil {
				held[ts]()
				delete(held, ts)
			}
		})
	case "release":
		if held[ts] == nil {
			ts.Fatalf("runlock: not held")
		}
		held[ts]()
		delete(held, ts)
	default:
		ts.Fatalf("usage: runlock hold|release")
	}
}

// waitfile NAME waits up to ten seconds for the file NAME to exist: for a
// command started in the background to get as far as making it.
func cmdWaitFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitfile NAME")
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(ts.MkAbs(args[0])); err == nil {
			return
		}
	}
	ts.Fatalf("waitfile: %s did not appear within ten seconds", args[0])
}
