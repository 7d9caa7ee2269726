//go:build !unix

package cputime

import "time"

// Now returns -1: CPU time is not read on this system.
func Now() time.Duration { return -1 }
