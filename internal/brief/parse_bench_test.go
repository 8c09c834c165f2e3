package brief

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse parses each sample brief and a brief of MaxSize, the
// largest Parse accepts. Run with
//
//	go test -run '^$' -bench Parse ./internal/brief
func BenchmarkParse(b *testing.B) {
	type input struct {
		name string
		src  []byte
	}
	var inputs []input
	for _, name := range samples {
		src, err := os.ReadFile(filepath.Join("testdata", name+".md"))
		if err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, input{name, src})
	}
	inputs = append(inputs, input{"1MiB", largeBrief(MaxSize)})
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(in.src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// largeFeatures are the feature lines largeBrief repeats, one region
// after another.
var largeFeatures = []string{
	"Dispatchers import the day's jobs from the existing CRM every morning",
	"Dispatchers see every job and technician on one map, coloured by status",
	"The scheduler proposes a day plan by skill, location and promised window",
	"Technicians mark a job as en route, on site, paused or complete with one tap",
	"Technicians capture photos, a signature and notes before closing a job",
	"Customers receive a text the evening before with a two-hour arrival window",
	"Customers reschedule or cancel a visit from the link in their text",
	"Operations managers see utilisation, travel time and overtime per week",
	"Billing clerks export approved jobs to the accounting system as invoices",
	"Every change to a job's schedule is kept in an audit history",
}

// largeBrief is a field-service brief of at most size bytes: a problem,
// users and constraints around as many feature sections as fit, each
// feature distinct.
func largeBrief(size int) []byte {
	head := "# Project brief: RouteWise\n\n## Problem\n\nDispatchers plan the day on a whiteboard, customers wait for four-hour windows, and invoices go out days late.\n\n" +
		"## Users\n\n- **Dispatcher**: plans the day for a region.\n- **Technician**: works through the day's jobs from a phone.\n- **Customer**: waits for a visit.\n\n## Features\n\n"
	foot := "## Constraints\n\n- Plans for 200 technicians and 1,500 jobs must be proposed in under 30 seconds.\n- The phone app must run on Android 12 and iOS 16 or later.\n"
	var buf bytes.Buffer
	buf.WriteString(head)
	for region := 1; ; region++ {
		var section bytes.Buffer
		fmt.Fprintf(&section, "### Region %d\n\n", region)
		for i, f := range largeFeatures {
			fmt.Fprintf(&section, "%d. %s in region %d.\n", i+1, f, region)
		}
		section.WriteString("\n")
		if buf.Len()+section.Len()+len(foot) > size {
			break
		}
		buf.Write(section.Bytes())
	}
	buf.WriteString(foot)
	return buf.Bytes()
}

// TestLargeBrief checks the benchmark's brief generator on a smaller size:
// it stays within the size, close to it, and parses into its features.
func TestLargeBrief(t *testing.T) {
	const size = 64 << 10
	src := largeBrief(size)
	if len(src) > size || len(src) < size-2000 {
		t.Fatalf("largeBrief is %d bytes, want just under %d", len(src), size)
	}
	b, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if want := 10 * bytes.Count(src, []byte("### Region")); len(b.Features) != want {
		t.Errorf("the large brief has %d features, want %d", len(b.Features), want)
	}
}
