//go:build linux

package perceptron

import (
	"runtime"
	"syscall"
	"unsafe"
)

// hugeMin is the size from which tables are mapped on huge pages.
const (
	hugeMin  = 4 << 20
	hugePage = 2 << 20
	madvHuge = 14 // MADV_HUGEPAGE
)

// hugeAlloc returns a zeroed slice of n elements of T backed by memory
// that the kernel is asked to map with 2 MB pages, so that random lookups
// into a large table miss the TLB far less often, and a function that
// frees it. Small tables, and any failure to map, fall back to make.
func hugeAlloc[T any](n int) ([]T, func()) {
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if n == 0 || size < hugeMin {
		return make([]T, n), func() {}
	}
	mem, err := syscall.Mmap(-1, 0, size+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]T, n), func() {}
	}
	off := 0
	if r := uintptr(unsafe.Pointer(&mem[0])) % hugePage; r != 0 {
		off = int(hugePage - r)
	}
	body := mem[off : off+size]
	_ = syscall.Madvise(body, madvHuge) // only a hint
	s := unsafe.Slice((*T)(unsafe.Pointer(&body[0])), n)
	return s, func() { _ = syscall.Munmap(mem) }
}

// keepHuge frees the huge-page memory of m's tables once m is unreachable.
func keepHuge(m *Model, free func()) {
	runtime.AddCleanup(m, func(f func()) { f() }, free)
}
