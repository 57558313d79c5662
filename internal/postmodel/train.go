package postmodel

import (
	"bytes"
	"maps"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/scrubshq/scrubs/internal/text"
)

// Training settings: stochastic gradient descent on the logistic loss with
// an L2 penalty, the same for every scorer. Chosen once, by hand, on the
// development corpus; docs/ACCURACY.md gives what they do on held-out posts.
const (
	DefaultEpochs = 60
	DefaultSeed   = 1
	learningRate  = 0.1
	l2            = 0.01
)

// Example is one labelled post, as training sees it.
type Example struct {
	// Buckets are the post's distinct feature buckets, sorted.
	Buckets []uint32
	// Risky says the post breaks the guidance (its gold verdict is not safe).
	Risky bool
	// Categories are its gold risk categories.
	Categories []string
}

// ExampleOf makes the example of a post's text.
func ExampleOf(s string, risky bool, categories []string) (Example, error) {
	doc, err := text.New(s)
	if err != nil {
		return Example{}, err
	}
	defer doc.Release()
	var bs []uint32
	for _, f := range Features(doc, nil) {
		bs = append(bs, f.Bucket)
	}
	slices.Sort(bs)
	return Example{Buckets: slices.Compact(bs), Risky: risky, Categories: categories}, nil
}

// Weights are the weights a training run learnt: a bias and a weight per
// bucket for the risky scorer and for each category's.
type Weights struct {
	Categories []string
	Bias       []float64            // 1+len(Categories)
	ByBucket   map[uint32][]float64 // 1+len(Categories) each
}

// Train fits the risky scorer and one scorer per category on ex, visiting
// the examples in an order shuffled by seed, so the same input always gives
// the same weights.
func Train(ex []Example, categories []string, epochs int, seed uint64) *Weights {
	k := 1 + len(categories)
	w := &Weights{Categories: categories, Bias: make([]float64, k), ByBucket: map[uint32][]float64{}}
	for _, e := range ex {
		for _, b := range e.Buckets {
			if w.ByBucket[b] == nil {
				w.ByBucket[b] = make([]float64, k)
			}
		}
	}
	// each example's weight rows, looked up once
	rows := make([][][]float64, len(ex))
	for i, e := range ex {
		for _, b := range e.Buckets {
			rows[i] = append(rows[i], w.ByBucket[b])
		}
	}
	target := make([]float64, k)
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			e := &ex[i]
			target[0] = b2f(e.Risky)
			for c, name := range categories {
				target[1+c] = b2f(slices.Contains(e.Categories, name))
			}
			for c := range k {
				z := w.Bias[c]
				for _, wb := range rows[i] {
					z += wb[c]
				}
				g := 1/(1+math.Exp(-z)) - target[c]
				for _, wb := range rows[i] {
					wb[c] -= learningRate * (g + l2*wb[c])
				}
				w.Bias[c] -= learningRate * g
			}
		}
	}
	return w
}

// b2f returns 1 for true and 0 for false.
func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Logit returns the risky scorer's log-odds for an example.
func (w *Weights) Logit(e Example) float64 {
	z := w.Bias[0]
	for _, b := range e.Buckets {
		if wb := w.ByBucket[b]; wb != nil {
			z += wb[0]
		}
	}
	return z
}

// Model returns the model of w with threshold th, as Write stores it and
// Read reads it back (weights rounded to 1/4096).
func (w *Weights) Model(th float64) (*Model, []byte, error) {
	var buf bytes.Buffer
	buckets := slices.Sorted(maps.Keys(w.ByBucket))
	ws := make([][]float64, len(buckets))
	for i, b := range buckets {
		ws[i] = w.ByBucket[b]
	}
	if err := Write(&buf, w.Categories, th, w.Bias, buckets, ws); err != nil {
		return nil, nil, err
	}
	m, err := Read(buf.Bytes())
	return m, buf.Bytes(), err
}
