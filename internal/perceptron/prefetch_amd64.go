package perceptron

import "unsafe"

// prefetch asks the processor to start loading the cache line of every
// address in addrs, without waiting for any of them.
//
//go:noescape
func prefetch(addrs []uintptr)

// prefetch1 asks for the cache line at p.
//
//go:noescape
func prefetch1(p unsafe.Pointer)
