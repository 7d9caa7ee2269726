//go:build !linux

package perceptron

func hugeAlloc[T any](n int) ([]T, func()) { return make([]T, n), func() {} }

func keepHuge(m *Model, free func()) {}
