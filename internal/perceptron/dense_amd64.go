package perceptron

import "golang.org/x/sys/cpu"

// addDenseAVX2 is in dense_amd64.s.
//
//go:noescape
func addDenseAVX2(acc *int32, base *int16, offs *uint32, nrows int, chunks int)

var haveAVX2 = cpu.X86.HasAVX2

// addDenseRows adds the dense rows that start at offs in m.dense to acc,
// which has m.denseStride elements.
func (m *Model) addDenseRows(acc []int32, offs []uint32) {
	if haveAVX2 && len(offs) > 0 {
		addDenseAVX2(&acc[0], &m.dense[0], &offs[0], len(offs), m.denseStride/8)
		return
	}
	m.addDenseRowsGo(acc, offs)
}
