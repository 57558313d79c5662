package lexicon

import (
	"bytes"
	"crypto/sha256"
	_ "embed" // the snapshot of the decoded tables
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unsafe"
)

// The snapshot is the word and phrase tables as load builds them from the
// text lists, hash indexes included, written by `go generate
// ./internal/lexicon` (WriteSnapshot). A process reads the tables in place,
// from the binary's read-only data, instead of decoding 3.7 MB of text at
// start: nothing is allocated or copied, and the operating system maps in
// only the pages a lookup touches. Decoding the text took about 30 ms of a
// cold start on the project's machine, most of it page faults on the 14 MB
// it allocated. Every table starts at a multiple of 8 bytes in the file; if
// the embedded data itself is not so aligned, the tables are copied. The
// tables are never written after loading (rodata would fault). The text
// lists stay the source of truth: TestSnapshotIsFresh fails when the
// snapshot no longer matches them, and a snapshot that cannot be read
// (another byte order, an old version, an empty file) makes the loader
// decode the text instead.
//
//go:generate go run ./snapshotgen -out data/tables.bin
//go:embed data/tables.bin
var snapshot []byte

// snapshotMagic starts a snapshot; the digit is its format version.
const snapshotMagic = "scrubs-lexicon-tables-2\n" // 24 bytes: the tables after it stay 8-aligned

// littleEndian is true on the machines the snapshot is written for; on
// others the text is decoded.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// WriteSnapshot decodes the text lists and writes their tables to w in the
// snapshot format (for go generate; see snapshot).
func WriteSnapshot(w io.Writer) error {
	if !littleEndian {
		return errors.New("lexicon: snapshots are written on little-endian machines")
	}
	l, err := load()
	if err != nil {
		return err
	}
	words, err := files.ReadFile("data/words.txt")
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString(snapshotMagic)
	u64 := func(v uint64) { binary.Write(&b, binary.LittleEndian, v) }
	u64(uint64(len(l.words)))
	for _, s := range l.splits {
		u64(uint64(len(s)))
		b.WriteString(s)
		pad8(&b)
	}
	start := 0 // the shards split words.txt into consecutive parts
	for i := range l.words {
		t := &l.words[i]
		if !bytes.Equal(words[start:start+len(t.text)], t.text) {
			return errors.New("lexicon: the word shards are not consecutive parts of words.txt")
		}
		u64(uint64(start))
		start += len(t.text)
		u64(uint64(len(t.text)))
		u64(uint64(t.bits))
		u64(uint64(t.idxBits))
		writeSlice(&b, t.slots)
		writeSlice(&b, zeroPadding(t.ents))
	}
	p := &l.phrases
	u64(uint64(p.bits))
	u64(uint64(p.n))
	writeSlice(&b, p.slots)
	writeSlice(&b, p.first[:])
	writeSlice(&b, p.second[:])
	_, err = w.Write(b.Bytes())
	return err
}

// pad8 pads b with zero bytes to a multiple of 8.
func pad8(b *bytes.Buffer) {
	for b.Len()%8 != 0 {
		b.WriteByte(0)
	}
}

// zeroPadding returns a copy of ents with the padding bytes inside Entry
// (after CapWordTier, before Population) zeroed: struct copies leave them as
// they were, and the snapshot must be the same bytes on every run.
func zeroPadding(ents []wordSlot) []wordSlot {
	out := append([]wordSlot(nil), ents...)
	var s wordSlot
	from := unsafe.Offsetof(s.e) + unsafe.Offsetof(s.e.CapWordTier) + 1
	to := unsafe.Offsetof(s.e) + unsafe.Offsetof(s.e.Population)
	for i := range out {
		b := unsafe.Slice((*byte)(unsafe.Pointer(&out[i])), unsafe.Sizeof(s))
		clear(b[from:to])
	}
	return out
}

// writeSlice writes a slice of plain values (no pointers) as its length and
// its bytes, padded to a multiple of 8.
func writeSlice[T any](b *bytes.Buffer, s []T) {
	binary.Write(b, binary.LittleEndian, uint64(len(s)))
	if len(s) > 0 {
		b.Write(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*int(unsafe.Sizeof(s[0]))))
	}
	pad8(b)
}

// snapshotReader reads a snapshot, failing on the first short or odd field.
type snapshotReader struct {
	data    []byte
	inPlace bool // the data is 8-aligned: tables are views of it, not copies
	err     error
}

func (r *snapshotReader) u64() uint64 {
	if r.err != nil || len(r.data) < 8 {
		r.fail("truncated")
		return 0
	}
	v := binary.LittleEndian.Uint64(r.data)
	r.data = r.data[8:]
	return v
}

func (r *snapshotReader) bytes(n uint64) []byte {
	if r.err != nil || n > uint64(len(r.data)) {
		r.fail("truncated")
		return nil
	}
	out := r.data[:n]
	r.data = r.data[n:]
	return out
}

func (r *snapshotReader) fail(msg string) {
	if r.err == nil {
		r.err = errors.New("lexicon snapshot: " + msg)
	}
}

// readSlice reads a slice written by writeSlice: a view of the snapshot
// when it is aligned, else a copy; want >= 0 is the length it must have.
func readSlice[T any](r *snapshotReader, want int) []T {
	n := r.u64()
	if want >= 0 && n != uint64(want) {
		r.fail(fmt.Sprintf("a table has %d slots, want %d", n, want))
		return nil
	}
	var zero T
	size := uint64(unsafe.Sizeof(zero))
	if r.err != nil || n > uint64(len(r.data))/size {
		r.fail("truncated")
		return nil
	}
	raw := r.bytes(n * size)
	r.bytes(uint64(-len(raw)) & 7) // the padding
	if n == 0 {
		return []T{}
	}
	if r.inPlace {
		return unsafe.Slice((*T)(unsafe.Pointer(&raw[0])), n)
	}
	out := make([]T, n)
	copy(unsafe.Slice((*byte)(unsafe.Pointer(&out[0])), n*size), raw)
	return out
}

// loadSnapshot builds the lexicon from the embedded snapshot.
func loadSnapshot(data []byte) (*lexicon, error) {
	if !littleEndian {
		return nil, errors.New("lexicon snapshot: not a little-endian machine")
	}
	if !bytes.HasPrefix(data, []byte(snapshotMagic)) {
		return nil, errors.New("lexicon snapshot: missing or of another version")
	}
	st, err := fs.Stat(files, "data/words.txt")
	if err != nil {
		return nil, err
	}
	wordsLen := uint64(st.Size())
	r := &snapshotReader{data: data[len(snapshotMagic):], inPlace: uintptr(unsafe.Pointer(&data[0]))%8 == 0}
	shards := r.u64()
	if shards == 0 || shards > 64 {
		return nil, errors.New("lexicon snapshot: bad shard count")
	}
	l := &lexicon{states: map[string]string{}}
	for range shards - 1 {
		n := r.u64()
		l.splits = append(l.splits, string(r.bytes(n)))
		r.bytes(-n & 7)
	}
	l.words = make([]wordTable, shards)
	for i := range l.words {
		t := &l.words[i]
		start, n := r.u64(), r.u64()
		if start > wordsLen || n > wordsLen-start {
			return nil, errors.New("lexicon snapshot: shard outside words.txt")
		}
		t.textAt, t.textLen = int(start), int(n) // read by each, when asked
		t.bits, t.idxBits = uint(r.u64()), uint(r.u64())
		if t.bits > 30 || t.idxBits > 31 {
			return nil, errors.New("lexicon snapshot: bad table size")
		}
		t.slots = readSlice[uint32](r, 1<<t.bits)
		t.ents = readSlice[wordSlot](r, -1)
		if r.err != nil {
			return nil, r.err
		}
		if uint64(len(t.ents)) >= 1<<t.idxBits || uint64(len(t.ents))*5 > uint64(4)<<t.bits {
			return nil, errors.New("lexicon snapshot: bad entry table")
		}
	}
	l.initByFirst()
	p := &l.phrases
	p.bits, p.n = uint(r.u64()), int(r.u64())
	if p.bits > 30 {
		return nil, errors.New("lexicon snapshot: bad phrase table size")
	}
	p.slots = readSlice[phraseSlot](r, 1<<p.bits)
	first := readSlice[uint64](r, 1<<firstBits/64)
	second := readSlice[uint64](r, 1<<secondBits/64)
	if r.err != nil {
		return nil, r.err
	}
	if len(r.data) != 0 {
		return nil, errors.New("lexicon snapshot: data after the tables")
	}
	if p.n*5 > len(p.slots)*4 {
		return nil, errors.New("lexicon snapshot: phrase table overfull")
	}
	p.first = (*[1 << firstBits / 64]uint64)(first)
	p.second = (*[1 << secondBits / 64]uint64)(second)
	// The index slots are not checked one by one (that would touch every
	// page): the snapshot is part of the binary and tested against the text,
	// and a damaged one could only make a lookup panic on Go's bounds checks.
	states, err := files.ReadFile("data/us-states.tsv")
	if err != nil {
		return nil, err
	}
	for line := range strings.Lines(string(states)) {
		if a, n, ok := strings.Cut(strings.TrimSpace(line), "\t"); ok {
			l.states[a] = n
		}
	}
	return l, nil
}

// Digest returns the SHA-256 of the embedded tables: what a model trained
// on lexicon features (internal/tagger) records, to know when it is stale.
func Digest() [32]byte { return sha256.Sum256(snapshot) }
