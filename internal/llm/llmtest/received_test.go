package llmtest

import (
	"testing"
	"time"
)

func TestRequestsRecordWhenTheyArrived(t *testing.T) {
	s := New(t, Reply{Content: "{}", Delay: 50 * time.Millisecond})
	before := time.Now()
	for range 2 {
		if _, _, err := post(t, s.URL+"/chat/completions", streamBody, nil); err != nil {
			t.Fatal(err)
		}
	}
	reqs := s.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests recorded, want 2", len(reqs))
	}
	// The second request was sent after the first's delayed answer.
	first, second := reqs[0].Received, reqs[1].Received
	if first.Before(before) || second.Sub(first) < 50*time.Millisecond {
		t.Errorf("received at %v and %v (test began %v): want in order, the second after the first's 50ms delay", first, second, before)
	}
}
