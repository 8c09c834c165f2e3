package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"prodgen": main})
}

// TestScripts runs prodgen as a user does, from testdata/script/*.txtar.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		// [root]: the script runs as root, as CI images often do.
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Setup: func(env *testscript.Env) error {
			// No test may reach a real model, whatever the developer's shell has.
			env.Setenv("OPENAI_API_KEY", "")
			env.Setenv("OPENAI_BASE_URL", "")
			env.Setenv("PRODGEN_API_KEY", "")
			env.Setenv("NO_COLOR", "1")
			env.Setenv("XDG_CACHE_HOME", filepath.Join(env.WorkDir, ".cache"))
			// Scaffold scripts build Go code: share the developer's build
			// cache rather than compile the standard library per script.
			env.Setenv("GOCACHE", goCache())
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode":         cmdExitCode,
			"mkfile":           cmdMkfile,
			"replace":          cmdReplace,
			"mknull":           cmdMknull,
			"mkfifo":           cmdMkfifo,
			"mkbrief":          cmdMkbrief,
			"fakellm":          cmdFakeLLM,
			"fakellm-requests": cmdFakeLLMRequests,
			"fakellm-sent":     cmdFakeLLMSent,
			"runlock":          cmdRunlock,
			"waitfile":         cmdWaitFile,
		},
	})
}

// exitcode N command [args...] runs command and checks it exits with N.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		got = exitErr.ExitCode()
	case err != nil:
		ts.Fatalf("exitcode: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// mkfile NAME SIZE BYTE writes SIZE copies of the byte with decimal value
// BYTE: large, binary or invalid files that a txtar archive cannot hold.
func cmdMkfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: mkfile NAME SIZE BYTE")
	}
	size, err := strconv.Atoi(args[1])
	ts.Check(err)
	b, err := strconv.Atoi(args[2])
	ts.Check(err)
	data := make([]byte, size)
	for i := range data {
		data[i] = byte(b)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}

// replace OLD NEW FILE replaces every OLD in FILE with NEW, as a person
// editing the file would.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace OLD NEW FILE")
	}
	name := ts.MkAbs(args[2])
	data, err := os.ReadFile(name)
	ts.Check(err)
	// \n in OLD or NEW is a newline, so a script can add a line.
	args[0], args[1] = strings.ReplaceAll(args[0], `\n`, "\n"), strings.ReplaceAll(args[1], `\n`, "\n")
	if !strings.Contains(string(data), args[0]) {
		ts.Fatalf("replace: %s does not contain %q", args[2], args[0])
	}
	ts.Check(os.WriteFile(name, []byte(strings.ReplaceAll(string(data), args[0], args[1])), 0o644))
}

// goCache is the go build cache of the process running the tests.
func goCache() string {
	if dir := os.Getenv("GOCACHE"); dir != "" {
		return dir
	}
	out, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		return filepath.Join(os.TempDir(), "prodgen-test-gocache")
	}
	return strings.TrimSpace(string(out))
}

// mknull NAME makes a character device like /dev/null in the script's
// folder, to show prodgen never replaces a device. Only root may: guard it
// with [root].
func cmdMknull(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mknull NAME")
	}
	ts.Check(mknod(ts.MkAbs(args[0])))
}

// mkbrief NAME N writes a brief with N features, for limits.
func cmdMkbrief(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkbrief NAME N")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	var b strings.Builder
	b.WriteString("# Depot\n\n## Users\n\n- **Clerk**: runs the counter.\n\n## Features\n\n")
	for i := range n {
		fmt.Fprintf(&b, "- Clerks can record part %d.\n", i+1)
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o644))
}

// mkfifo NAME makes a FIFO, which reading would block on for good.
func cmdMkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mkfifo NAME")
	}
	ts.Check(mkfifo(ts.MkAbs(args[0])))
}
