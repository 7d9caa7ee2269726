//go:build !amd64

package perceptron

import "unsafe"

// prefetch does nothing on this architecture: the rows are then fetched
// one miss after another as Scores adds them.
func prefetch(addrs []uintptr) {}

// prefetch1 does nothing on this architecture.
func prefetch1(p unsafe.Pointer) {}
