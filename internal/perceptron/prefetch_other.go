//go:build !amd64

package perceptron

// prefetch does nothing on this architecture: the rows are then fetched
// one miss after another as Scores adds them.
func prefetch(addrs []uintptr) {}
