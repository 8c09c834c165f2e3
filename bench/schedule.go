package main

import (
	"slices"
	"time"
)

// maxExact is the most jobs makespan schedules exactly; above it, it
// returns the longest-first schedule, within 4/3 of the best.
const maxExact = 16

// makespan is the shortest time in which workers run jobs of the given
// durations, each job on one worker from start to end: what a perfect
// scheduler achieves, and so the ideal time of a stage whose requests
// have these durations and may run workers at once.
func makespan(jobs []time.Duration, workers int) time.Duration {
	if len(jobs) == 0 {
		return 0
	}
	workers = max(workers, 1)
	sorted := slices.Clone(jobs)
	slices.SortFunc(sorted, func(a, b time.Duration) int { return int(b - a) }) // longest first
	if workers >= len(sorted) {
		return sorted[0]
	}
	best := longestFirst(sorted, workers)
	if len(sorted) > maxExact {
		return best
	}
	var sum time.Duration
	for _, d := range sorted {
		sum += d
	}
	bound := max(sorted[0], (sum+time.Duration(workers)-1)/time.Duration(workers))
	s := &search{jobs: sorted, loads: make([]time.Duration, workers), best: best, bound: bound}
	s.place(0)
	return s.best
}

// longestFirst is the makespan of the LPT schedule: each job, longest
// first, goes to the worker that is free soonest.
func longestFirst(sorted []time.Duration, workers int) time.Duration {
	loads := make([]time.Duration, workers)
	for _, d := range sorted {
		loads[slices.Index(loads, slices.Min(loads))] += d
	}
	return slices.Max(loads)
}

// search is a branch and bound over assignments of jobs to workers.
type search struct {
	jobs  []time.Duration // longest first
	loads []time.Duration
	best  time.Duration // the best makespan found so far
	bound time.Duration // no schedule can beat this
}

// place assigns jobs[i:] in every way that could beat s.best.
func (s *search) place(i int) {
	if s.best == s.bound {
		return
	}
	if i == len(s.jobs) {
		s.best = slices.Max(s.loads)
		return
	}
	tried := map[time.Duration]bool{}
	for w := range s.loads {
		// Workers with the same load are interchangeable: try one.
		if tried[s.loads[w]] || s.loads[w]+s.jobs[i] >= s.best {
			continue
		}
		tried[s.loads[w]] = true
		s.loads[w] += s.jobs[i]
		s.place(i + 1)
		s.loads[w] -= s.jobs[i]
	}
}
