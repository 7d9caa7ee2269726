//go:build !amd64

package perceptron

// addDenseRows adds the dense rows that start at offs in m.dense to acc,
// which has m.denseStride elements.
func (m *Model) addDenseRows(acc []int32, offs []uint32) { m.addDenseRowsGo(acc, offs) }

// haveAVX2 is false: there is no vector path on this architecture.
var haveAVX2 = false
