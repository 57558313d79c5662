// Package tagger is a small statistical tagger for the words that rules and
// lists cannot decide: a surname without a title, a name in all-caps or
// all-lower notes, a hospital known only by a local name or abbreviation.
//
// It is an averaged perceptron over hashed features (the word, its shape, its
// lexicon facts, the words and shapes around it, the labels given to the two
// tokens before it), decoding greedily left to right. It is trained only on
// synthetic text generated from templates and the lexicon's name and place
// lists (internal/tagger/synth), never on an evaluation corpus:
//
//	go generate ./internal/tagger
//
// writes model.bin, which is embedded and read in place (no decoding at
// start). A word that the lexicon knows as a very common English word and not
// as a name or place is never scored, which keeps the tagger cheap.
package tagger

import (
	_ "embed" // the trained weights
	"encoding/binary"
	"errors"
	"math"
	"sync"

	"github.com/scrubshq/scrubs/internal/text"
)

//go:generate go run ./gen -out model.bin

// Label is what the tagger says a token is.
type Label uint8

// The labels.
const (
	Outside Label = iota // not a name or a place
	Name                 // a person's name
	Loc                  // a place or institution: hospital, home, unit, town, company
	NumLabels
)

// String returns the label's name.
func (l Label) String() string {
	switch l {
	case Name:
		return "NAME"
	case Loc:
		return "LOC"
	}
	return "O"
}

const magic = "SCRTAG2\n"

// The settings of the embedded model (internal/tagger/gen's defaults).
const (
	DefaultExamples        = 60000
	DefaultEpochs          = 5
	DefaultSeed     uint64 = 1
)

// Model holds trained weights: for each feature bucket, one int16 weight per
// label, scaled by Scale, little-endian, read in place.
type Model struct {
	w     string
	scale float32
	// Source is the digest of what the model was trained from (see
	// TrainingDigest), so a test can tell when it is stale.
	Source [32]byte
}

//go:embed model.bin
var modelData string

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = Parse(modelData) })
	return defaultModel, defaultErr
}

// Parse reads a model written by [Weights.Marshal].
func Parse(data string) (*Model, error) {
	const head = len(magic) + 8 + 32
	if len(data) < head || data[:len(magic)] != magic {
		return nil, errors.New("tagger: not a model file")
	}
	bits := binary.LittleEndian.Uint32([]byte(data[len(magic):]))
	scale := math.Float32frombits(binary.LittleEndian.Uint32([]byte(data[len(magic)+4:])))
	w := data[head:]
	if bits != Bits || len(w) != (1<<Bits)*int(NumLabels)*2 {
		return nil, errors.New("tagger: model size does not match this build's features")
	}
	m := &Model{w: w, scale: scale}
	copy(m.Source[:], data[len(magic)+8:head])
	return m, nil
}

// Token is the tagger's decision for one token of a text.Doc.
type Token struct {
	Label Label
	// Margin is the score of Label minus the best other label's score (0
	// for a token that was not scored).
	Margin float32
}

// State holds the buffers of one tagging; reuse it (not concurrently) to
// avoid allocation.
type State struct {
	dc    doc
	feat  []uint32
	out   []Token
	fixed []int8
	maybe []int32 // a list of token indexes: EachScored's words that may be scored, then Tag's to score (see words)
	// listed is how many words of maybe EachScored left for Tag, the words
	// it called f for, or -1 when EachScored has not run since Prepare
	listed int
}

// words returns st's token-index list with room for n entries.
func (st *State) words(n int) []int32 {
	if cap(st.maybe) < n {
		st.maybe = make([]int32, n)
	}
	return st.maybe[:n]
}

// Prepare readies d for tagging and returns one entry per token, all -1
// (score the token). Setting entry i to a Label before Tag makes token i
// take that label without being scored: the rules' confident decisions then
// serve as the context of the words around them. The tokens' facts are
// computed when first needed (by Scored or Tag), so a token fixed before Tag
// costs nothing unless it is the context of a scored one.
func (st *State) Prepare(d *text.Doc) []int8 {
	st.dc.reset(d)
	n := len(st.dc.toks)
	if cap(st.fixed) < blockCap(n) {
		st.fixed = make([]int8, blockCap(n))
	}
	// -1 everywhere, a block at a time (see fillBlock)
	buf := st.fixed[:cap(st.fixed)]
	for k := 0; k < n; k += fillBlock {
		*(*[fillBlock]int8)(buf[k : k+fillBlock]) = unfixed
	}
	fixed := st.fixed[:n]
	st.fixed = fixed
	st.listed = -1
	return fixed
}

// fillBlock is how many entries Prepare (and doc.reset) set at a time: a
// copy of a fixed size is a few stores in place, where one of a post's
// length is a call to memmove, whose branches on the length are coin
// tosses from post to post. The buffers are kept a multiple of it long.
const fillBlock = 64

// blockCap returns n rounded up to a multiple of fillBlock.
func blockCap(n int) int { return (n + fillBlock - 1) &^ (fillBlock - 1) }

// unfixed is what Prepare fills a text's entries with, for copying.
var unfixed = func() (u [fillBlock]int8) {
	for i := range u {
		u[i] = -1
	}
	return u
}()

// Scored reports whether Tag would score token i of the prepared text (it
// is a word, and not one the tagger leaves alone), and whether the lexicon
// knows it.
func (st *State) Scored(i int) (scored, known bool) {
	h := st.dc.lex(i)
	return h&lexSkip == 0, h&lexKnown != 0
}

// EachScored calls f, in order, for every token of the prepared text that
// is not fixed and that Tag would score, with whether the lexicon knows it:
// Scored over every unfixed word in one loop. f may fix token i (and only
// it) before Tag. Tag then scores only the words f was called for and that
// are still not fixed: after EachScored, tokens may be fixed but not
// unfixed.
func (st *State) EachScored(f func(i int, known bool)) {
	dc := &st.dc
	toks := dc.d.Tokens
	n := len(toks)
	fixed := st.fixed[:n]
	maybe := st.words(n)
	// The facts of the unfixed words the memo has (triage, a leaf: a call
	// in its loop would reload every register the loop keeps), and a list
	// of those it did not give and the scored ones; then the rest of the
	// facts and the calls.
	// The words f is called for are kept at the list's start for Tag
	// (writing at or before the entry being read).
	c := dc.triage(fixed, maybe)
	listed := 0
	for _, i := range maybe[:c] {
		h := dc.lex(int(i))
		if h&lexSkip == 0 {
			maybe[listed] = i
			listed++
			f(int(i), h&lexKnown != 0)
		}
	}
	st.listed = listed
}

var statePool = sync.Pool{New: func() any { return new(State) }}

// GetState returns a State from a pool; give it back with PutState.
func GetState() *State { return statePool.Get().(*State) }

// PutState returns st to the pool.
func PutState(st *State) {
	st.Release()
	statePool.Put(st)
}

// Release drops st's reference to the text last prepared, keeping its
// buffers and memo, so that a State kept for reuse does not keep the text
// alive.
func (st *State) Release() { st.dc.d = nil }

// Tag labels every token of the text last given to st.Prepare; the result
// is valid until st is used again.
//
// It gives every token its fixed label, or Outside, and lists the words it
// scores in one loop without a branch per token (or, after EachScored,
// takes the words EachScored listed), then scores the listed ones in order,
// each after the labels before it are final: on real text whether a token
// is a word, fixed or scored is a coin toss a branch per token would
// mispredict, while only one or two words of a post are scored.
func (m *Model) Tag(st *State) []Token {
	dc := &st.dc
	n := len(dc.toks)
	if cap(st.out) < n {
		st.out = make([]Token, n)
	}
	out := st.out[:n]
	st.out = out
	fixed := st.fixed[:n]
	list := st.words(n) // EachScored is done with it, or its list is kept
	if st.listed >= 0 {
		list = list[:st.listed]
		fixedLabels(fixed, out)
	} else {
		list = list[:dc.scoredList(fixed, out, list)]
	}
	for _, i := range list {
		// a word EachScored listed may have been fixed since (by its f);
		// after EachScored every listed word's facts are known and say it
		// is scored; without it, they are found here
		if fixed[i] >= 0 {
			continue
		}
		if h := dc.lex(int(i)); h&lexSkip != 0 {
			continue
		}
		prev, prev2 := Outside, Outside
		if i >= 1 {
			prev = out[i-1].Label
		}
		if i >= 2 {
			prev2 = out[i-2].Label
		}
		st.feat = static(dc, int(i), st.feat[:0])
		st.feat = dynamic(dc, int(i), prev, prev2, st.feat)
		lab, margin := best(m.scores(st.feat))
		out[i] = Token{Label: lab, Margin: margin}
	}
	return out
}

// fixedLabels sets every token of out to its fixed label, or Outside,
// with margin 0 (as scoredList does, without the list).
func fixedLabels(fixed []int8, out []Token) {
	fixed = fixed[:len(out)]
	for i, f := range fixed {
		out[i] = Token{Label: fixedLabel(f)}
	}
}

// fixedLabel returns the label of a token whose entry in the fixed labels
// is f: f itself, or Outside for an unfixed token (f = -1), without a
// branch: f >> 7 is then -1, which clears every bit.
func fixedLabel(f int8) Label { return Label(f &^ (f >> 7)) }

// scoredList sets every token of out to its fixed label, or Outside, with
// margin 0, and lists in list the words that are not fixed and that may be
// scored: those whose facts say so, and those whose facts are not known yet
// (none after EachScored). It returns how many it listed. It has no branch
// that depends on the tokens.
func (dc *doc) scoredList(fixed []int8, out []Token, list []int32) int {
	toks, have := dc.d.Tokens[:len(out)], dc.have[:len(out)]
	fixed, list = fixed[:len(out)], list[:len(out)]
	c := 0
	for i := range out {
		f := fixed[i]
		out[i] = Token{Label: fixedLabel(f)}
		list[c] = int32(i)
		c += int(uint8(f)>>7) & b2i(toks[i].Kind == text.Word) & b2i(have[i]&(haveLex|lexSkip) != haveLex|lexSkip)
	}
	return c
}

// maxFeatures is the most features a token can have: static's 17 with
// every used flag set, and dynamic's 2.
const maxFeatures = 17 + len(flagsUsed) + 2

// scores returns the score of each label given the feature buckets feat
// (at most maxFeatures).
//
// The model's float32 sums add the int16 weights one by one. Each partial
// sum is an integer of magnitude at most maxFeatures·2^15 < 2^24, which a
// float32 holds exactly, so no addition rounds: summing in int32 and
// converting once gives the same bits whatever the order, at a fraction of
// the cost (no conversion per weight).
func (m *Model) scores(feat []uint32) [NumLabels]float32 {
	// scores sums exactly three labels: a fourth would not compile here
	// rather than score 0 silently
	const _ = uint(NumLabels-3) + uint(3-NumLabels)
	var s0, s1, s2 int32
	w := m.w
	for _, b := range feat {
		k := int(b) * int(NumLabels) * 2
		x := w[k : k+int(NumLabels)*2]
		s0 += int32(int16(uint16(x[0]) | uint16(x[1])<<8))
		s1 += int32(int16(uint16(x[2]) | uint16(x[3])<<8))
		s2 += int32(int16(uint16(x[4]) | uint16(x[5])<<8))
	}
	return [NumLabels]float32{float32(s0) * m.scale, float32(s1) * m.scale, float32(s2) * m.scale}
}

func best(sc [NumLabels]float32) (Label, float32) {
	bl := Outside
	for l := Label(1); l < NumLabels; l++ {
		if sc[l] > sc[bl] {
			bl = l
		}
	}
	second := float32(math.Inf(-1))
	for l := Label(0); l < NumLabels; l++ {
		if l != bl && sc[l] > second {
			second = sc[l]
		}
	}
	return bl, sc[bl] - second
}

// Span is a run of tokens given the same label.
type Span struct {
	// Start and End are byte offsets into the Doc's normalised text.
	Start, End int
	// First and Last are the token indexes (inclusive).
	First, Last int
	Label       Label
	// Margin is the smallest margin of the span's tokens.
	Margin float32
}

// Spans joins the tagged tokens into spans: tokens of the same label next
// to each other on one line, or joined by a dot, hyphen or apostrophe
// ("K. VELLANDI", "Harkova-Smith", "O'Rourke").
func Spans(d *text.Doc, toks []Token, out []Span) []Span {
	for i := 0; i < len(toks); i++ {
		l := toks[i].Label
		if l == Outside {
			continue
		}
		sp := Span{Start: d.Tokens[i].Start, End: d.Tokens[i].End, First: i, Last: i, Label: l, Margin: toks[i].Margin}
		j := i + 1
		for j < len(toks) {
			t := d.Tokens[j]
			if t.Newline {
				break
			}
			if toks[j].Label == l {
				sp.End, sp.Last = t.End, j
				sp.Margin = min(sp.Margin, toks[j].Margin)
				j++
				continue
			}
			// a joining punctuation mark between two tokens of the label
			if t.Kind == text.Punct && j+1 < len(toks) && toks[j+1].Label == l && !d.Tokens[j+1].Newline &&
				joiner(d.Norm[t.Start]) {
				j++
				continue
			}
			break
		}
		// keep the dot of a final initial ("W.") out: the span ends at the letter
		out = append(out, sp)
		i = sp.Last
	}
	return out
}

func joiner(c byte) bool { return c == '.' || c == '-' || c == '\'' }
