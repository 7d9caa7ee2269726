//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// Now returns the user and system CPU time the process has used, or -1
// when it cannot be read.
func Now() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return -1
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
