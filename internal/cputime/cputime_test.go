package cputime

import "testing"

func TestNowAdvances(t *testing.T) {
	start := Now()
	if start < 0 {
		t.Skip("CPU time cannot be read here")
	}
	x := 0
	for i := range 50_000_000 {
		x ^= i * i
	}
	if got := Now(); got <= start {
		t.Errorf("got %v after a busy loop (sink %d); want more than %v", got, x, start)
	}
}
