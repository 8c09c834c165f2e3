package main

import (
	"context"
	"fmt"
	"strings"
)

// procCost is a command's whole-process cost, median of several runs.
type procCost struct {
	Name string
	sample
}

// processes measures the commands that make no model call on the
// up-to-date 30-FR project: --help, a generate with nothing to do, and
// check.
func (b *bench) processes(ctx context.Context) error {
	defer b.model.close()
	cmds := []struct {
		name string
		args []string
		want string // on stderr
	}{
		{"prodgen --help", []string{"--help"}, ""},
		{"prodgen generate (no-op)", []string{"generate"}, "everything is up to date"},
		{"prodgen check", []string{"check"}, ""},
	}
	for _, c := range cmds {
		s, err := repeat(b.opts.runs, func(int) (proc, error) {
			p, err := b.run(ctx, b.fresh, b.freshEnv, b.prodgen, c.args...)
			if err == nil && !strings.Contains(p.Stderr, c.want) {
				err = fmt.Errorf("%s: stderr lacks %q:\n%s", c.name, c.want, tail(p.Stderr, 2000))
			}
			return p, err
		})
		if err != nil {
			return err
		}
		b.procs = append(b.procs, procCost{Name: c.name, sample: s})
	}
	ex, err := b.model.take()
	if err != nil {
		return err
	}
	if len(ex) > 0 {
		return fmt.Errorf("an up-to-date project made %d model requests, want none", len(ex))
	}
	return nil
}

// proc returns the cost of the named command.
func (b *bench) proc(name string) procCost {
	for _, p := range b.procs {
		if p.Name == name {
			return p
		}
	}
	return procCost{Name: name}
}
