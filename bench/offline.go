package main

import (
	"context"
	"fmt"
	"regexp"
	"strconv"

	"github.com/prodgen/prodgen/internal/brief"
)

// offlineRuns is how many times the 1 MiB brief goes through prodgen prd.
const offlineRuns = 5

// bigRun is `prodgen prd --provider offline` on a brief of brief.MaxSize.
type bigRun struct {
	Bytes        int // the brief's size
	Requirements int // functional requirements in the PRD
	sample
}

// written matches the count in "wrote docs/prd.md (9000 functional requirements, …".
var written = regexp.MustCompile(`wrote \S+ \((\d+) functional requirements?`)

// offline times the offline engine on the largest brief prodgen accepts.
func (b *bench) offline(ctx context.Context) error {
	src, err := bigBrief(brief30, brief.MaxSize)
	if err != nil {
		return err
	}
	frs := 0
	s, err := repeat(min(b.opts.runs, offlineRuns), func(int) (proc, error) {
		dir, e, err := b.project("offline", src)
		if err != nil {
			return proc{}, err
		}
		p, err := b.run(ctx, dir, e, b.prodgen, "prd", "--provider", "offline")
		if err != nil {
			return p, err
		}
		m := written.FindStringSubmatch(p.Stderr)
		if m == nil {
			return p, fmt.Errorf("prodgen prd printed no \"wrote\" line:\n%s", tail(p.Stderr, 2000))
		}
		frs, err = strconv.Atoi(m[1])
		return p, err
	})
	if err != nil {
		return err
	}
	b.bigBrief = bigRun{Bytes: len(src), Requirements: frs, sample: s}
	return nil
}
