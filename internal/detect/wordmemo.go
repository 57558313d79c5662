package detect

import "encoding/binary"

// The name and place families each remember the words they met last in a table of pairs
// of slots (nmState.word, plDoc.memoWord); a slot starts with the word's memoKey, and a
// word may take either slot of the pair memoPair gives.

// memoKeyLen is the length of the longest word a family memo remembers.
const memoKeyLen = 15

// memoKey is a remembered word: its length (0: an empty slot) and its bytes padded with
// zero bytes, so that a slot is compared with a word as two machine words (lo and hi).
type memoKey struct {
	n  uint8
	lw [memoKeyLen]byte
}

// lo and hi return the bytes 0 to 7 and 7 to 14 of the key's word, padded with zero
// bytes, as little-endian words.
func (k *memoKey) lo() uint64 { return binary.LittleEndian.Uint64(k.lw[:8]) }

// hi: see lo.
func (k *memoKey) hi() uint64 { return binary.LittleEndian.Uint64(k.lw[7:]) }

// holds reports whether k holds the word of n bytes whose memoWords are a and b.
func (k *memoKey) holds(a, b uint64, n int) bool {
	return int(k.n) == n && k.lo() == a && k.hi() == b
}

// diff returns 0 when k holds the word of n bytes whose memoWords are a and b, else some
// other number: holds as one comparison, for the loops where && (a branch for each part,
// and which part tells a word from the slot's is a coin toss on varied text) costs more
// in mispredictions than the loads and xors it saves.
func (k *memoKey) diff(a, b uint64, n int) uint64 {
	return (uint64(k.n) ^ uint64(n)) | (k.lo() ^ a) | (k.hi() ^ b)
}

// set makes k hold the word w (1 to memoKeyLen bytes).
func (k *memoKey) set(w string) {
	k.n = uint8(len(w))
	k.lw = [memoKeyLen]byte{} // zero padding: see lo
	copy(k.lw[:], w)
}

// memoWords returns the bytes 0 to 7 and 7 to 14 of w (1 to memoKeyLen bytes) padded with
// zero bytes, as little-endian words made of loads inside w: they equal lo and hi of a
// key that holds w. The families' token loops (nmState.scanTokens, plDoc.memoWord) and
// nmState.word repeat these lines inline: the call, which does not inline, would cost
// those loops their registers.
func memoWords(w string) (a, b uint64) {
	switch n := len(w); {
	case n >= 8:
		a, b = nmLoad8(w, 0), nmLoad8(w, n-8)>>(8*(15-n))
	case n >= 4:
		a = nmLoad4(w, 0) | nmLoad4(w, n-4)<<(8*(n-4))
	default:
		a = uint64(w[0]) | uint64(w[n/2])<<(8*(n/2)) | uint64(w[n-1])<<(8*(n-1))
	}
	return a, b
}

// memoPair returns the first slot of the pair, in a table of 1<<bits slots, where the
// word of n bytes whose memoWords are a and b may be.
func memoPair(a, b uint64, n int, bits uint) uint64 {
	x := (a*0x9E3779B97F4A7C15 ^ b) + uint64(n)
	return (x * 0xC2B2AE3D27D4EB4F) >> (64 - bits) &^ 1
}
