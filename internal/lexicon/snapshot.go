package lexicon

import (
	"bytes"
	_ "embed" // the snapshot of the decoded tables
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"unsafe"
)

// The snapshot is the word and phrase tables as load builds them from the
// text lists, written by `go generate ./internal/lexicon` (WriteSnapshot) so
// that a process copies them instead of decoding 3.7 MB of text at start
// (about 25 ms of CPU, the largest part of a cold start). The text lists stay
// the source of truth: TestSnapshotIsFresh fails when the snapshot no longer
// matches them, and a snapshot that cannot be read (another byte order, an
// old version, an empty file) makes the loader decode the text instead.
//
//go:generate go run ./snapshotgen -out data/tables.bin
//go:embed data/tables.bin
var snapshot []byte

// snapshotMagic starts a snapshot; the digit is its format version.
const snapshotMagic = "scrubs-lexicon-tables-1\n"

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
		u64(uint64(cap(t.ents)))
		writeSlice(&b, zeroPadding(t.ents))
	}
	p := &l.phrases
	u64(uint64(p.bits))
	var used []phraseSlot
	for _, s := range p.slots {
		if s.h != 0 {
			used = append(used, s)
		}
	}
	writeSlice(&b, used)
	writeSlice(&b, p.first[:])
	writeSlice(&b, p.second[:])
	_, err = w.Write(b.Bytes())
	return err
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
// its bytes.
func writeSlice[T any](b *bytes.Buffer, s []T) {
	binary.Write(b, binary.LittleEndian, uint64(len(s)))
	if len(s) > 0 {
		b.Write(unsafe.Slice((*byte)(unsafe.Pointer(&s[0])), len(s)*int(unsafe.Sizeof(s[0]))))
	}
}

// snapshotReader reads a snapshot, failing on the first short or odd field.
type snapshotReader struct {
	data []byte
	err  error
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

// readSlice reads a slice written by writeSlice into new memory (aligned
// for T); want >= 0 is the length it must have.
func readSlice[T any](r *snapshotReader, want int) []T {
	n := r.u64()
	if want >= 0 && n != uint64(want) {
		r.fail(fmt.Sprintf("a table has %d slots, want %d", n, want))
		return nil
	}
	return readInto[T](r, n, n)
}

// readSliceCap reads a slice written by writeSlice into new memory with
// room for capacity elements (at least its length).
func readSliceCap[T any](r *snapshotReader, capacity uint64) []T {
	n := r.u64()
	if n > capacity {
		r.fail("a table is longer than its capacity")
		return nil
	}
	return readInto[T](r, n, capacity)
}

func readInto[T any](r *snapshotReader, n, capacity uint64) []T {
	var zero T
	size := uint64(unsafe.Sizeof(zero))
	if r.err != nil || n > uint64(len(r.data))/size {
		r.fail("truncated")
		return nil
	}
	out := make([]T, n, capacity)
	if n > 0 {
		copy(unsafe.Slice((*byte)(unsafe.Pointer(&out[0])), n*size), r.bytes(n*size))
	}
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
	r := &snapshotReader{data: data[len(snapshotMagic):]}
	shards := r.u64()
	if shards == 0 || shards > 64 {
		return nil, errors.New("lexicon snapshot: bad shard count")
	}
	l := &lexicon{states: map[string]string{}}
	for range shards - 1 {
		l.splits = append(l.splits, string(r.bytes(r.u64())))
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
		capEnts := r.u64()
		if t.bits > 30 || t.idxBits > 31 {
			return nil, errors.New("lexicon snapshot: bad table size")
		}
		if capEnts >= 1<<t.idxBits || capEnts*5 > uint64(4)<<t.bits {
			return nil, errors.New("lexicon snapshot: bad entry table")
		}
		t.ents = readSliceCap[wordSlot](r, capEnts)
		if r.err != nil {
			return nil, r.err
		}
	}
	l.initByFirst()
	p := &l.phrases
	p.bits = uint(r.u64())
	if p.bits > 30 {
		return nil, errors.New("lexicon snapshot: bad phrase table size")
	}
	used := readSlice[phraseSlot](r, -1)
	first := readSlice[uint64](r, 1<<firstBits/64)
	second := readSlice[uint64](r, 1<<secondBits/64)
	if r.err != nil {
		return nil, r.err
	}
	if len(r.data) != 0 {
		return nil, errors.New("lexicon snapshot: data after the tables")
	}
	if uint64(len(used))*5 > uint64(4)<<p.bits {
		return nil, errors.New("lexicon snapshot: phrase table overfull")
	}
	p.first = (*[1 << firstBits / 64]uint64)(first)
	p.second = (*[1 << secondBits / 64]uint64)(second)

	// The hash indexes are rebuilt rather than stored (they are mostly empty
	// slots): each shard on its own core, the phrases on another.
	var wg sync.WaitGroup
	for i := range l.words {
		wg.Go(func() {
			t := &l.words[i]
			t.slots = make([]uint32, 1<<t.bits)
			for j := range t.ents {
				t.index(t.ents[j].h, j)
			}
		})
	}
	wg.Go(func() {
		p.slots = make([]phraseSlot, 1<<p.bits)
		mask := uint64(len(p.slots) - 1)
		for _, u := range used {
			for i := slotFor(u.h, p.bits); ; i = (i + 1) & mask {
				if p.slots[i].h == 0 {
					p.slots[i] = u
					break
				}
			}
		}
		p.n = len(used)
	})
	wg.Wait()
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
