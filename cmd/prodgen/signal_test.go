//go:build unix && !aix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/prodgen/prodgen/internal/llm/llmtest"
)

// interruptedLine is what prodgen says, once, when a signal stopped it.
const interruptedLine = "prodgen: interrupted; no document was changed by the unfinished stage\n"

// blocker prepares dir so that prodgen, run there with the arguments and
// environment it returns, blocks; ready reports when it is blocked.
type blocker func(t *testing.T, dir string) (args, env []string, ready func() bool)

// A model that never answers: cancelling the run stops the request.
func silentModel(t *testing.T, dir string) ([]string, []string, func() bool) {
	t.Helper()
	srv := llmtest.New(t, llmtest.Reply{Delay: time.Hour})
	writeFile(t, filepath.Join(dir, "brief.md"), "# Streaks\n\n## Features\n\n- Create a team.\n")
	env := []string{"OPENAI_BASE_URL=" + srv.URL, "OPENAI_API_KEY=" + testKey}
	return []string{"--no-cache", "prd"}, env, func() bool { return len(srv.Requests()) > 0 }
}

// A FIFO as prodgen.yaml, with a writer that never writes: the read blocks
// in the kernel, where no cancellation reaches, so only giving up on the
// run stops prodgen. (A FIFO as the brief stops blocking once internal/disk
// refuses what is not a regular file before opening it; the configuration
// is read without internal/disk.)
func fifoConfig(t *testing.T, dir string) ([]string, []string, func() bool) {
	t.Helper()
	fifo := filepath.Join(dir, "prodgen.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	var writer *os.File
	t.Cleanup(func() {
		if writer != nil {
			writer.Close()
		}
	})
	// Opening the writer succeeds only once prodgen has opened the FIFO
	// to read; from then on prodgen waits for data that never comes.
	ready := func() bool {
		if writer == nil {
			f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0)
			if err != nil {
				return false
			}
			writer = f
		}
		return true
	}
	return []string{"generate"}, nil, ready
}

// Every run can be stopped: the first Ctrl-C or SIGTERM cancels the run,
// and prodgen exits 130 whatever is blocked; a second signal exits at once.
// How soon is main's unit test's to say (its clock is a fake): here a
// loaded machine may take seconds to schedule the process, so the bound
// only tells an exit from a hang.
func TestSignalStopsABlockedRun(t *testing.T) {
	const hang = 30 * time.Second
	tests := []struct {
		name    string
		blocker blocker
		signals []syscall.Signal
	}{
		{"Ctrl-C, a silent model", silentModel, []syscall.Signal{syscall.SIGINT}},
		{"SIGTERM, a silent model", silentModel, []syscall.Signal{syscall.SIGTERM}},
		{"Ctrl-C, a FIFO", fifoConfig, []syscall.Signal{syscall.SIGINT}},
		{"SIGTERM, a FIFO", fifoConfig, []syscall.Signal{syscall.SIGTERM}},
		{"Ctrl-C twice, a FIFO", fifoConfig, []syscall.Signal{syscall.SIGINT, syscall.SIGINT}},
		{"Ctrl-C then SIGTERM, a FIFO", fifoConfig, []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			args, env, ready := tt.blocker(t, dir)
			cmd, stderr, exited := startProdgen(t, dir, args, env)
			waitBlocked(t, ready, exited)

			for i, sig := range tt.signals {
				if i > 0 {
					time.Sleep(100 * time.Millisecond)
				}
				if err := cmd.Process.Signal(sig); err != nil {
					t.Fatal(err)
				}
			}
			var err error
			select {
			case err = <-exited:
			case <-time.After(hang):
				t.Fatalf("prodgen still runs %s after the signal", hang)
			}
			var exitErr *exec.ExitError
			if !errors.As(err, &exitErr) || exitErr.ExitCode() != 130 {
				t.Errorf("prodgen ended with %v, want exit status 130\nstderr:\n%s", err, stderr)
			}
			if got := strings.Count(stderr.String(), interruptedLine); got != 1 {
				t.Errorf("stderr says %q %d times, want once:\n%s", strings.TrimSpace(interruptedLine), got, stderr)
			}
		})
	}
}

// startProdgen starts the prodgen binary testscript put on PATH, in dir,
// and returns its stderr (to read once it has exited) and a channel that
// gets Wait's answer.
func startProdgen(t *testing.T, dir string, args, env []string) (*exec.Cmd, *bytes.Buffer, <-chan error) {
	t.Helper()
	bin, err := exec.LookPath("prodgen")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	// No test may reach a real model, whatever the developer's shell has.
	cmd.Env = append(os.Environ(), "OPENAI_API_KEY=", "OPENAI_BASE_URL=", "PRODGEN_API_KEY=", "NO_COLOR=1",
		"XDG_CACHE_HOME="+filepath.Join(dir, ".cache"))
	cmd.Env = append(cmd.Env, env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		// A prodgen the test gave up on must not outlive it.
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	})
	return cmd, &stderr, exited
}

// waitBlocked waits for ready, failing if prodgen exits first or takes
// more than ten seconds to block.
func waitBlocked(t *testing.T, ready func() bool, exited <-chan error) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		select {
		case err := <-exited:
			t.Fatalf("prodgen ended (%v) before it blocked; the test needs another blocker", err)
		default:
		}
		if ready() {
			return
		}
	}
	t.Fatal("prodgen did not block within ten seconds")
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
