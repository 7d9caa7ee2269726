// Package cputime reads the CPU time the process has used, so that
// benchmarks can report throughput per CPU second: a figure that holds on
// a machine shared with other work, where wall-clock rates do not.
package cputime

import (
	"testing"
	"time"
)

// Rate reports n units per CPU second used since start (a value of Now)
// as the benchmark metric unit+"/cpu-s", when the CPU time can be read.
func Rate(b *testing.B, start time.Duration, n float64, unit string) {
	if used := Now() - start; used > 0 && start >= 0 {
		b.ReportMetric(n/used.Seconds(), unit+"/cpu-s")
	}
}
