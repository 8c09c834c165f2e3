package main

import (
	"testing"
	"time"
)

func TestMakespan(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		var out []time.Duration
		for _, n := range ns {
			out = append(out, time.Duration(n)*time.Millisecond)
		}
		return out
	}
	tests := []struct {
		name    string
		jobs    []time.Duration
		workers int
		want    time.Duration
	}{
		{"none", nil, 4, 0},
		{"one worker sums", ms(3, 1, 2), 1, 6 * time.Millisecond},
		{"zero workers is one", ms(3, 1, 2), 0, 6 * time.Millisecond},
		{"more workers than jobs", ms(3, 1, 2), 8, 3 * time.Millisecond},
		{"six equal jobs on four workers take two rounds", ms(5, 5, 5, 5, 5, 5), 4, 10 * time.Millisecond},
		{"perfect split", ms(4, 4, 3, 3, 2), 2, 8 * time.Millisecond},
		// Longest first gives 3+2+2=7 and 3+2=5 → 7; the best is 3+3=6 and 2+2+2=6.
		{"better than longest first", ms(3, 3, 2, 2, 2), 2, 6 * time.Millisecond},
		{"one long job dominates", ms(10, 1, 1, 1), 2, 10 * time.Millisecond},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := makespan(tt.jobs, tt.workers); got != tt.want {
				t.Errorf("makespan(%v, %d) = %v, want %v", tt.jobs, tt.workers, got, tt.want)
			}
		})
	}
}

func TestMakespanManyJobs(t *testing.T) {
	// Above maxExact the longest-first schedule is used; 40 equal jobs on
	// 4 workers split evenly either way.
	jobs := make([]time.Duration, 40)
	for i := range jobs {
		jobs[i] = time.Second
	}
	if got := makespan(jobs, 4); got != 10*time.Second {
		t.Errorf("makespan = %v, want 10s", got)
	}
}
