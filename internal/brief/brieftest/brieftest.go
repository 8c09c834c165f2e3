// Package brieftest makes briefs for tests and benchmarks. It is for tests
// only: import it from _test.go files, never from code that ships in the
// binary. It does not import package brief, so brief's own tests can use
// it.
package brieftest

import (
	"bytes"
	"fmt"
)

// largeFeatures are the feature lines LargeBrief repeats, one region after
// another.
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

// LargeBrief is a field-service brief of at most size bytes: a problem,
// users and constraints around as many "### Region N" feature sections as
// fit, each section ten distinct features. The same size gives the same
// bytes.
func LargeBrief(size int) []byte {
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
