// Package postmodel scores a whole post: how much its wording resembles the
// risky posts of the project's labelled corpora, and which risk category it
// resembles most. It is the judgement's second opinion. The rule packs find
// risks by phrase families written from examples, and on posts nobody has
// seen they miss a third of the risky ones (docs/ACCURACY.md); a logistic
// regression over the post's words and word pairs, trained on the same
// labelled posts, generalises better. The judge (internal/judge) asks it only
// about posts no rule flagged, and reports what it finds as a risk of its own
// whose spans are the words that weighed most.
//
// The features are hashed (FNV-1a into 2^18 buckets), so the embedded model
// holds weights, not the corpora's words. The model is written by
// `go generate ./internal/postmodel` (train/main.go), which is deterministic.
package postmodel

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"sync"

	"github.com/scrubshq/scrubs/internal/text"
)

//go:generate go run ./train -out model.bin

//go:embed model.bin
var embedded []byte

// Buckets is the number of hash buckets features fall into.
const Buckets = 1 << 18

// magic opens a model file; the number after it is the format version.
const magic = "scrubs-postmodel 1\n"

// weightScale turns a stored int16 weight into a float: weights are kept to
// 1/4096, which is finer than training's own noise.
const weightScale = 4096

// Model is a trained post model: one risky-or-not scorer and one scorer per
// category, over the same hashed features. It is safe for concurrent use.
type Model struct {
	// Categories are the categories of the per-category scorers, in order.
	Categories []string
	// Threshold is the logit at or above which a post counts as risky.
	Threshold float64
	buckets   []uint32  // sorted buckets that have weights
	weights   []float32 // per bucket, 1+len(Categories) weights: risky first
	bias      []float32 // 1+len(Categories)
	// present has a bit per bucket that has weights, and rank[w] counts the
	// bits of present's words before word w: a bucket's row is found with a
	// popcount, not a search.
	present [Buckets / 64]uint64
	rank    [Buckets / 64]uint32
}

// maxCategories bounds the categories a model may have (Read checks it), so
// that Score sums them in an array.
const maxCategories = 15

// row returns the row of bucket b in the weights, or -1.
func (m *Model) row(b uint32) int {
	w, bit := b>>6, uint64(1)<<(b&63)
	if m.present[w]&bit == 0 {
		return -1
	}
	return int(m.rank[w]) + bits.OnesCount64(m.present[w]&(bit-1))
}

// index fills present and rank from buckets.
func (m *Model) index() {
	for _, b := range m.buckets {
		m.present[b>>6] |= 1 << (b & 63)
	}
	n := uint32(0)
	for w := range m.present {
		m.rank[w] = n
		n += uint32(bits.OnesCount64(m.present[w]))
	}
}

// Feature is one hashed feature of a post and where it is written.
type Feature struct {
	// Bucket is the feature's hash bucket.
	Bucket uint32
	// Start and End are byte offsets into the Doc's Norm.
	Start, End int
}

// Features lists the features of doc: each word, number (as "0"), hashtag
// and pictograph, and each pair of neighbours among them, in order. The
// trainer and the scorer both call it, so they see the same features.
func Features(doc *text.Doc, out []Feature) []Feature {
	var prev string
	prevStart := -1
	var buf [64]byte
	for _, t := range doc.Tokens {
		var tok string
		switch t.Kind {
		case text.Word, text.Alnum, text.Hashtag:
			tok = doc.Lower[t.Start:t.End]
		case text.Number:
			tok = "0"
		case text.Mention:
			tok = "@"
		case text.Punct:
			if doc.Norm[t.Start] < 0x80 {
				prev, prevStart = "", -1 // punctuation breaks a pair
				continue
			}
			tok = doc.Norm[t.Start:t.End] // a pictograph
		default:
			continue
		}
		out = append(out, Feature{Bucket: hash(append(append(buf[:0], 'w', ':'), tok...)), Start: t.Start, End: t.End})
		if prevStart >= 0 {
			b := append(append(append(append(buf[:0], 'b', ':'), prev...), ' '), tok...)
			out = append(out, Feature{Bucket: hash(b), Start: prevStart, End: t.End})
		}
		prev, prevStart = tok, t.Start
	}
	return out
}

// hash returns the bucket of a feature's name (FNV-1a, 64 bits).
func hash(b []byte) uint32 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return uint32(h & (Buckets - 1))
}

// Score is what the model says of a post.
type Score struct {
	// Logit is the risky scorer's log-odds; the post counts as risky when
	// it reaches the model's Threshold.
	Logit float64
	// Category is the category whose scorer gives the highest log-odds;
	// set only when Logit reaches the threshold.
	Category string
	// Top are the features that raised the risky score most, largest first
	// (at most topN, each with a positive weight); set only when Logit
	// reaches the threshold.
	Top []Feature
}

// topN is how many of the weightiest features Score keeps: enough for a
// caller to pass over function words and still have a few left.
const topN = 8

// Probability returns the risky scorer's probability.
func (s Score) Probability() float64 { return 1 / (1 + math.Exp(-s.Logit)) }

// Score scores the features of a post (see Features). It sums the risky
// scorer first; the categories and the top features, which only a post at
// or above the threshold needs, are worked out only for such a post.
func (m *Model) Score(feats []Feature) Score {
	k := 1 + len(m.Categories)
	z := float64(m.bias[0])
	for _, f := range feats {
		if r := m.row(f.Bucket); r >= 0 {
			z += float64(m.weights[r*k])
		}
	}
	s := Score{Logit: z}
	if z < m.Threshold {
		return s
	}
	var sums [1 + maxCategories]float64
	for c := 1; c < k; c++ {
		sums[c] = float64(m.bias[c])
	}
	var top [topN]Feature
	var topW [topN]float64
	for _, f := range feats {
		r := m.row(f.Bucket)
		if r < 0 {
			continue
		}
		w := m.weights[r*k : r*k+k]
		for c := 1; c < k; c++ {
			sums[c] += float64(w[c])
		}
		// keep the three features that raise the risky score most
		if x := float64(w[0]); x > topW[topN-1] {
			j := topN - 1
			for j > 0 && x > topW[j-1] {
				top[j], topW[j] = top[j-1], topW[j-1]
				j--
			}
			top[j], topW[j] = f, x
		}
	}
	best := math.Inf(-1)
	for c, name := range m.Categories {
		if sums[1+c] > best {
			best, s.Category = sums[1+c], name
		}
	}
	for j := range top {
		if topW[j] > 0 {
			s.Top = append(s.Top, top[j])
		}
	}
	return s
}

// Write writes the model in its file format: the magic line, the threshold,
// the categories, the biases and the sorted buckets with their weights, all
// little-endian; weights as int16 in 1/4096ths.
func Write(buf *bytes.Buffer, cats []string, threshold float64, bias []float64, buckets []uint32, weights [][]float64) error {
	if len(bias) != 1+len(cats) || len(buckets) != len(weights) {
		return errors.New("postmodel: weights do not match the categories")
	}
	buf.WriteString(magic)
	le := binary.LittleEndian
	buf.Write(le.AppendUint64(nil, math.Float64bits(threshold)))
	buf.Write(le.AppendUint32(nil, uint32(len(cats))))
	for _, c := range cats {
		buf.WriteByte(byte(len(c)))
		buf.WriteString(c)
	}
	for _, b := range bias {
		buf.Write(le.AppendUint32(nil, math.Float32bits(float32(b))))
	}
	buf.Write(le.AppendUint32(nil, uint32(len(buckets))))
	for i, b := range buckets {
		buf.Write(le.AppendUint32(nil, b))
		if len(weights[i]) != len(bias) {
			return errors.New("postmodel: a bucket has the wrong number of weights")
		}
		for _, w := range weights[i] {
			q := math.Round(w * weightScale)
			q = math.Max(math.MinInt16, math.Min(math.MaxInt16, q))
			buf.Write(le.AppendUint16(nil, uint16(int16(q))))
		}
	}
	return nil
}

// Read parses a model file (see Write).
func Read(b []byte) (*Model, error) {
	bad := func(what string) (*Model, error) { return nil, fmt.Errorf("postmodel: bad model file: %s", what) }
	if !bytes.HasPrefix(b, []byte(magic)) {
		return bad("no magic line")
	}
	b = b[len(magic):]
	le := binary.LittleEndian
	if len(b) < 12 {
		return bad("short header")
	}
	m := &Model{Threshold: math.Float64frombits(le.Uint64(b))}
	nc := int(le.Uint32(b[8:]))
	b = b[12:]
	if nc > maxCategories {
		return bad("too many categories")
	}
	for range nc {
		if len(b) < 1 || len(b) < 1+int(b[0]) {
			return bad("short category")
		}
		n := 1 + int(b[0]) // int first: 1+b[0] in bytes wraps at 255
		m.Categories = append(m.Categories, string(b[1:n]))
		b = b[n:]
	}
	k := 1 + nc
	if len(b) < 4*k+4 {
		return bad("short biases")
	}
	for c := range k {
		m.bias = append(m.bias, math.Float32frombits(le.Uint32(b[4*c:])))
	}
	b = b[4*k:]
	n := int(le.Uint32(b))
	b = b[4:]
	if n > Buckets || len(b) != n*(4+2*k) {
		return bad("bucket table of the wrong size")
	}
	m.buckets = make([]uint32, n)
	m.weights = make([]float32, n*k)
	for i := range n {
		m.buckets[i] = le.Uint32(b)
		if m.buckets[i] >= Buckets || i > 0 && m.buckets[i] <= m.buckets[i-1] {
			return bad("buckets out of order")
		}
		for c := range k {
			m.weights[i*k+c] = float32(int16(le.Uint16(b[4+2*c:]))) / weightScale
		}
		b = b[4+2*k:]
	}
	m.index()
	return m, nil
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = Read(embedded) })
	return defaultModel, defaultErr
}
