#include "textflag.h"

// func addDenseAVX2(acc *int32, base *int16, offs *uint32, nrows int, chunks int)
//
// For each of the nrows rows (row i starts offs[i] int16s after base and
// has chunks*8 int16 weights) adds the sign-extended weights to acc
// (chunks*8 int32s). Four chunks (32 classes) are summed at a time in
// registers, then the rest one chunk at a time.
TEXT ·addDenseAVX2(SB), NOSPLIT, $0-40
	MOVQ acc+0(FP), DI
	MOVQ base+8(FP), SI
	MOVQ offs+16(FP), R8
	MOVQ nrows+24(FP), R9
	MOVQ chunks+32(FP), R10
	XORQ R11, R11 // chunk index
	XORQ R12, R12 // byte offset of the chunk in acc (32 per chunk)
	XORQ R13, R13 // byte offset of the chunk in a row (16 per chunk)

quad:
	MOVQ R10, AX
	SUBQ R11, AX
	CMPQ AX, $4
	JLT  single
	LEAQ (DI)(R12*1), DX
	VMOVDQU (DX), Y0
	VMOVDQU 32(DX), Y1
	VMOVDQU 64(DX), Y2
	VMOVDQU 96(DX), Y3
	XORQ CX, CX

qrow:
	CMPQ CX, R9
	JGE  qdone
	MOVL (R8)(CX*4), AX
	LEAQ (SI)(AX*2), BX
	ADDQ R13, BX
	VPMOVSXWD (BX), Y4
	VPADDD    Y4, Y0, Y0
	VPMOVSXWD 16(BX), Y5
	VPADDD    Y5, Y1, Y1
	VPMOVSXWD 32(BX), Y6
	VPADDD    Y6, Y2, Y2
	VPMOVSXWD 48(BX), Y7
	VPADDD    Y7, Y3, Y3
	INCQ CX
	JMP  qrow

qdone:
	VMOVDQU Y0, (DX)
	VMOVDQU Y1, 32(DX)
	VMOVDQU Y2, 64(DX)
	VMOVDQU Y3, 96(DX)
	ADDQ $4, R11
	ADDQ $128, R12
	ADDQ $64, R13
	JMP  quad

single:
	CMPQ R11, R10
	JGE  done
	LEAQ (DI)(R12*1), DX
	VMOVDQU (DX), Y0
	XORQ CX, CX

srow:
	CMPQ CX, R9
	JGE  sdone
	MOVL (R8)(CX*4), AX
	LEAQ (SI)(AX*2), BX
	ADDQ R13, BX
	VPMOVSXWD (BX), Y4
	VPADDD    Y4, Y0, Y0
	INCQ CX
	JMP  srow

sdone:
	VMOVDQU Y0, (DX)
	INCQ R11
	ADDQ $32, R12
	ADDQ $16, R13
	JMP  single

done:
	VZEROUPPER
	RET
