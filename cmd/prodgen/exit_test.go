package main

import (
	"context"
	"os"
	"testing"
	"time"
)

// exitCode returns the run's code when the run ends, and gives up on a run
// that does not stop: grace after the first signal, or at a second one.
func TestExitCode(t *testing.T) {
	const never = -1
	tests := []struct {
		name       string
		signals    int
		returnsIn  time.Duration // never: the run does not return
		code       int           // what the run returns
		want       int
		interrupts bool // interrupted is called
	}{
		{name: "no signal", returnsIn: 0, code: 3, want: 3},
		{name: "a signal, the run stops", signals: 1, returnsIn: 10 * time.Millisecond, code: 130, want: 130},
		{name: "a signal, the run is blocked", signals: 1, returnsIn: never, want: 130, interrupts: true},
		{name: "two signals", signals: 2, returnsIn: never, want: 130, interrupts: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan int, 1)
			signals := make(chan os.Signal, 2)
			ctx, cancel := context.WithCancel(t.Context())
			for range tt.signals {
				signals <- os.Interrupt
			}
			if tt.returnsIn != never {
				time.AfterFunc(tt.returnsIn, func() { done <- tt.code })
			}
			grace := 200 * time.Millisecond
			if tt.signals == 2 {
				grace = time.Hour // a second signal must not wait for it
			}
			interrupted := false
			got := exitCode(done, signals, cancel, grace, func() int { interrupted = true; return 130 })
			if got != tt.want {
				t.Errorf("exit code %d, want %d", got, tt.want)
			}
			if cancelled := ctx.Err() != nil; tt.signals > 0 && !cancelled {
				t.Error("the run's context was not cancelled")
			}
			if interrupted != tt.interrupts {
				t.Errorf("interrupted called: %v, want %v", interrupted, tt.interrupts)
			}
		})
	}
}
