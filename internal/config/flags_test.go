package config

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// flagKeys names every key that has a flag.
func flagKeys() []string {
	var names []string
	for _, k := range Reference() {
		if k.Flag != "" {
			names = append(names, k.Name)
		}
	}
	return names
}

func TestAddFlagsFromTable(t *testing.T) {
	if len(flagKeys()) == 0 {
		t.Fatal("no key has a flag")
	}
	for _, k := range keys {
		if k.flag == "" {
			continue
		}
		t.Run(k.name, func(t *testing.T) {
			fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
			AddFlags(fs, k.name)
			f := fs.Lookup(k.flag)
			if f == nil {
				t.Fatalf("AddFlags(%q) registered no --%s", k.name, k.flag)
			}
			def := k.def
			if def == "" && k.kind == kindInt {
				def = "0"
			}
			if f.DefValue != def {
				t.Errorf("--%s default %q, want the table's %q", k.flag, f.DefValue, def)
			}
			if f.Usage != k.summary {
				t.Errorf("--%s usage %q, want the table's summary %q", k.flag, f.Usage, k.summary)
			}
			if name, _ := pflag.UnquoteUsage(f); name != k.metavar || name == "" {
				t.Errorf("--%s shows its value as %q, want the metavar %q", k.flag, name, k.metavar)
			}
		})
	}
}

// TestAddFlagsHelp checks the lines help prints: the metavar after the
// flag, the summary, and the default when there is one.
func TestAddFlagsHelp(t *testing.T) {
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	AddFlags(fs, flagKeys()...)
	help := fs.FlagUsages()
	for _, want := range []string{
		"--jobs n ", "(default 4)",
		"--model name ", "model name (Azure: the deployment name) (default gpt-4o-mini)",
		"--out-dir dir ", "--base-url url ", "--provider name ",
	} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q:\n%s", want, help)
		}
	}
	if strings.Contains(help, "for Ollama (default") {
		t.Errorf("--base-url shows a default, but has none:\n%s", help)
	}
}

func TestAddFlagsParse(t *testing.T) {
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	AddFlags(fs, "jobs")
	err := fs.Parse([]string{"--jobs", "abc"})
	if err == nil || !strings.Contains(err.Error(), `invalid argument "abc" for "--jobs" flag`) {
		t.Errorf("--jobs abc: err %v, want an invalid argument", err)
	}

	cfg, err := load(t, "jobs: 3\nmodel: gpt-4o\n", nil, "--jobs", "0x10")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Jobs != 16 || cfg.Model != "gpt-4o" {
		t.Errorf("jobs %d model %q, want 16 from the flag and gpt-4o from the file the unset --model leaves alone", cfg.Jobs, cfg.Model)
	}
	if s := settingOf(t, cfg, "jobs"); s.Where() != "flag --jobs" {
		t.Errorf("jobs from %q, want flag --jobs", s.Where())
	}
}

func TestAddFlagsPanicsOnKeyWithoutFlag(t *testing.T) {
	for _, name := range []string{"brief", "nosuch"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("AddFlags(%q) did not panic", name)
				}
			}()
			AddFlags(pflag.NewFlagSet("test", pflag.ContinueOnError), name)
		}()
	}
}
