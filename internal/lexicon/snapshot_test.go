package lexicon

import (
	"bytes"
	"reflect"
	"testing"
)

// The embedded snapshot must be what the text lists decode to today.
func TestSnapshotIsFresh(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSnapshot(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), snapshot) {
		t.Fatalf("data/tables.bin (%d bytes) does not match the text lists (%d bytes): run go generate ./internal/lexicon", len(snapshot), b.Len())
	}
}

// Tables read from the snapshot answer every lookup as tables decoded from text.
func TestSnapshotMatchesText(t *testing.T) {
	fromText, err := load()
	if err != nil {
		t.Fatal(err)
	}
	fromSnap, err := loadSnapshot(snapshot)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromText.splits, fromSnap.splits) || fromText.byFirst != fromSnap.byFirst || !reflect.DeepEqual(fromText.states, fromSnap.states) {
		t.Fatal("shard layout or states differ")
	}
	for i := range fromText.words {
		a, b := &fromText.words[i], &fromSnap.words[i]
		if !reflect.DeepEqual(a.ents, b.ents) || b.text != nil || b.textLen != len(a.text) || a.bits != b.bits || a.idxBits != b.idxBits || !reflect.DeepEqual(a.slots, b.slots) {
			t.Fatalf("shard %d differs", i)
		}
		for _, e := range a.ents {
			if got := b.find(e.h); got == nil || got.e != e.e {
				t.Fatalf("shard %d: key hash %x not found in the snapshot's index", i, e.h)
			}
		}
	}
	pa, pb := &fromText.phrases, &fromSnap.phrases
	if pa.n != pb.n || pa.bits != pb.bits || *pa.first != *pb.first || *pa.second != *pb.second {
		t.Fatal("phrase tables differ")
	}
	for _, s := range pa.slots {
		if s.h == 0 {
			continue
		}
		if got := pb.find(s.h); got == nil || *got != s {
			t.Fatalf("phrase hash %x: %+v in the snapshot, %+v from text", s.h, got, s)
		}
	}
}

// each reads the keys from words.txt when the tables came from the snapshot.
func TestSnapshotEach(t *testing.T) {
	fromText, _ := load()
	fromSnap, err := loadSnapshot(snapshot)
	if err != nil {
		t.Fatal(err)
	}
	count := func(l *lexicon) (n int) {
		l.each(func(string, Entry) { n++ })
		return n
	}
	if a, b := count(fromText), count(fromSnap); a != b || a < 100000 {
		t.Errorf("each: %d keys from text, %d from the snapshot", a, b)
	}
}

// A damaged snapshot is refused (the loader then decodes the text).
func TestSnapshotRefusesDamage(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":      nil,
		"other":      []byte("scrubs-lexicon-tables-1\n"),
		"truncated":  snapshot[:len(snapshot)/2],
		"header":     snapshot[:len(snapshotMagic)+4],
		"extra byte": append(append([]byte{}, snapshot...), 0),
	} {
		if _, err := loadSnapshot(data); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func BenchmarkLoadSnapshot(b *testing.B) {
	for b.Loop() {
		if _, err := loadSnapshot(snapshot); err != nil {
			b.Fatal(err)
		}
	}
}
