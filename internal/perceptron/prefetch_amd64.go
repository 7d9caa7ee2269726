package perceptron

// prefetch asks the processor to start loading the cache line of every
// address in addrs, without waiting for any of them.
//
//go:noescape
func prefetch(addrs []uintptr)
