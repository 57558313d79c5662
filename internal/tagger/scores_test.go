package tagger

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/text"
)

// floatScores is the model's definition of a token's scores: the float32
// sum of its features' weights, one weight at a time in feature order, then
// scaled (what scores computed before it summed in int32).
func floatScores(m *Model, feat []uint32) [NumLabels]float32 {
	var sc [NumLabels]float32
	for _, b := range feat {
		k := int(b) * int(NumLabels) * 2
		w := m.w[k : k+int(NumLabels)*2]
		for l := range NumLabels {
			sc[l] += float32(int16(uint16(w[2*l]) | uint16(w[2*l+1])<<8))
		}
	}
	for l := range sc {
		sc[l] *= m.scale
	}
	return sc
}

// TestScoresExact checks that scores gives floatScores' bits on the
// embedded model and on random weights, extreme ones included (every weight
// the most or least an int16 holds), for up to maxFeatures features.
func TestScoresExact(t *testing.T) {
	emb, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 9))
	n := (1 << Bits) * int(NumLabels)
	models := []*Model{emb}
	for _, fill := range []func() uint16{
		func() uint16 { return uint16(rng.Uint32()) },
		func() uint16 { return 0x7fff },
		func() uint16 { return 0x8000 },
		func() uint16 { return []uint16{0x7fff, 0x8000, 0, 1, 0xffff}[rng.IntN(5)] },
	} {
		var b strings.Builder
		for range n {
			v := fill()
			b.WriteByte(byte(v))
			b.WriteByte(byte(v >> 8))
		}
		models = append(models, &Model{w: b.String(), scale: 0.0123})
	}
	feat := make([]uint32, maxFeatures)
	for _, m := range models {
		for range 20000 {
			f := feat[:rng.IntN(maxFeatures+1)]
			for i := range f {
				f[i] = rng.Uint32N(1 << Bits)
			}
			if got, want := m.scores(f), floatScores(m, f); got != want {
				t.Fatalf("features %v: scores %v, float sums %v", f, got, want)
			}
		}
	}
}

// TestMaxFeatures checks that no token has more features than maxFeatures
// (on which scores' exactness rests): a word at the start of a line, long
// enough for a prefix and suffix, with every used flag set.
func TestMaxFeatures(t *testing.T) {
	d, err := text.New("Castlebrook hospital today")
	if err != nil {
		t.Fatal(err)
	}
	var dc doc
	prepare(d, &dc)
	var all lexicon.Flags
	for _, f := range flagsUsed {
		all |= f
	}
	dc.toks[0].entry.Flags = all
	feat := dynamic(&dc, 0, Name, Loc, static(&dc, 0, nil))
	if len(feat) != maxFeatures {
		t.Errorf("%d features, want maxFeatures = %d", len(feat), maxFeatures)
	}
}
