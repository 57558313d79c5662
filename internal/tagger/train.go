package tagger

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/scrubshq/scrubs/internal/text"
)

// GoldSpan is a labelled byte span of an example's original text.
type GoldSpan struct {
	Start, End int
	Label      Label
}

// Example is one training text with the label of every token.
type Example struct {
	Doc  *text.Doc
	Gold []Label
}

// NewExample analyses s and labels each token by the gold span (in original
// offsets) it falls in; a token outside every span is Outside.
func NewExample(s string, spans []GoldSpan) (Example, error) {
	d, err := text.New(s)
	if err != nil {
		return Example{}, err
	}
	gold := make([]Label, len(d.Tokens))
	for i, t := range d.Tokens {
		os, oe := d.OrigSpan(t.Start, t.End)
		for _, sp := range spans {
			if os >= sp.Start && oe <= sp.End {
				gold[i] = sp.Label
				break
			}
		}
	}
	return Example{Doc: d, Gold: gold}, nil
}

// Weights are a model being trained: float weights with the running sums
// that averaging needs.
type Weights struct {
	w, u []float32
	c    float32
}

// Train runs the averaged perceptron over the examples for the given number
// of epochs, shuffling with the seed, and returns the averaged weights.
func Train(examples []Example, epochs int, seed uint64) *Weights {
	n := (1 << Bits) * int(NumLabels)
	tw := &Weights{w: make([]float32, n), u: make([]float32, n), c: 1}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var dc doc
	var feat []uint32
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := examples[k]
			prepare(ex.Doc, &dc)
			var prev, prev2 Label
			for i := range dc.toks {
				pred := Outside
				if dc.have[i]&lexSkip == 0 {
					feat = static(&dc, i, feat[:0])
					feat = dynamic(&dc, i, prev, prev2, feat)
					var sc [NumLabels]float32
					for _, b := range feat {
						for l := Label(0); l < NumLabels; l++ {
							sc[l] += tw.w[int(b)*int(NumLabels)+int(l)]
						}
					}
					pred, _ = best(sc)
					if g := ex.Gold[i]; pred != g {
						for _, b := range feat {
							tw.update(b, g, 1)
							tw.update(b, pred, -1)
						}
					}
				}
				tw.c++
				prev2, prev = prev, pred
			}
		}
	}
	// average: w - u/c
	for i := range tw.w {
		tw.w[i] -= tw.u[i] / tw.c
	}
	tw.u = nil
	return tw
}

func (tw *Weights) update(b uint32, l Label, d float32) {
	k := int(b)*int(NumLabels) + int(l)
	tw.w[k] += d
	tw.u[k] += tw.c * d
}

// Marshal writes the weights as int16s scaled to the largest weight, after
// the digest of the training source.
func (tw *Weights) Marshal(source [32]byte) []byte {
	var maxAbs float32
	for _, v := range tw.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var b bytes.Buffer
	b.WriteString(magic)
	_ = binary.Write(&b, binary.LittleEndian, uint32(Bits))
	_ = binary.Write(&b, binary.LittleEndian, math.Float32bits(scale))
	b.Write(source[:])
	q := make([]byte, 2*len(tw.w))
	for i, v := range tw.w {
		binary.LittleEndian.PutUint16(q[2*i:], uint16(int16(math.Round(float64(v/scale)))))
	}
	b.Write(q)
	return b.Bytes()
}

// FeatureVersion names the feature set; change it whenever features.go
// changes what it computes, so that TrainingDigest changes too.
const FeatureVersion = "features-2"

// TrainingDigest returns the digest of a training run: the feature version,
// the settings, and every example's text and gold spans.
func TrainingDigest(settings string, texts []string, spans [][]GoldSpan) [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n", FeatureVersion, settings)
	for i, t := range texts {
		fmt.Fprintf(h, "%d:%s", len(t), t)
		for _, sp := range spans[i] {
			fmt.Fprintf(h, "|%d,%d,%d", sp.Start, sp.End, sp.Label)
		}
		h.Write([]byte{'\n'})
	}
	var d [32]byte
	copy(d[:], h.Sum(nil))
	return d
}

// Score is a token-level confusion count for one label.
type Score struct{ TP, FP, FN int }

// Precision returns TP/(TP+FP), 0 when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall returns TP/(TP+FN), 0 when there is nothing to find.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate tags the examples with m and counts, per label, the tokens found,
// wrongly given and missed.
func Evaluate(m *Model, examples []Example) [NumLabels]Score {
	var sc [NumLabels]Score
	st := new(State)
	for _, ex := range examples {
		st.Prepare(ex.Doc)
		toks := m.Tag(st)
		for i, t := range toks {
			g := ex.Gold[i]
			switch {
			case t.Label == g && g != Outside:
				sc[g].TP++
			case t.Label != g:
				if t.Label != Outside {
					sc[t.Label].FP++
				}
				if g != Outside {
					sc[g].FN++
				}
			}
		}
	}
	return sc
}
