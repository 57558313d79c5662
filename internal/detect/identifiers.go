package detect

import (
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// identifierDetectors returns the structured-identifier family: NHS and CHI
// numbers, National Insurance numbers, postcodes and ZIP codes, phone numbers,
// e-mail and web addresses, IP addresses, @handles, US SSNs, record numbers,
// other official identifiers and vehicle registrations.
//
// The family works in one pass over the tokens. Web-like chunks (text between
// spaces holding '@', '.' or ':') are checked first; then digit runs are read
// as a sequence of groups ("943 476 5919", "(312) 555-0142") and every group
// window is tried against the numeric formats; tokens that start with letters
// are tried against the letter-led formats. Validation (checksums, allocation
// rules) decides whether a candidate exists; context words within a few words
// decide how confident it is.
func identifierDetectors() []Detector { return []Detector{idDetector{}} }

// idEmitFloor is the lowest confidence worth emitting: candidates between it
// and the engine's threshold only surface when a caller lowers MinConfidence.
const idEmitFloor = 0.1

// idDetector is the identifier family; it keeps no state between calls.
type idDetector struct{}

// Name names the family.
func (idDetector) Name() string { return "identifiers" }

// Detect appends the identifier candidates of doc to out.
func (idDetector) Detect(doc *text.Doc, out []Candidate) []Candidate {
	st := idScan{doc: doc, s: doc.Norm, low: doc.Lower, out: out}
	st.run()
	if buf := st.cueBuf; buf != nil && cap(buf.mask) <= 1<<12 { // keep the buffers of ordinary posts only
		idCuePool.Put(buf)
	}
	return st.out
}

// idScan is the state of one Detect call.
type idScan struct {
	doc     *text.Doc
	s, low  string
	out     []Candidate
	cues    *idCues // the cues of all tokens, once a scan needs one (fillCues)
	cueBuf  *idCues // the pooled tables cues is filled in, once taken
	claimed int     // bytes before this offset belong to an accepted candidate
}

func (st *idScan) run() {
	toks := st.doc.Tokens
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Start < st.claimed {
			continue
		}
		// A chunk (the text between two spaces) of one token that is no
		// punctuation holds no '@', '.' or ':': web would find nothing.
		// glued: the chunk goes on after t. Words, most tokens, come first.
		glued := i+1 < len(toks) && !toks[i+1].Space
		if t.Kind == text.Word {
			if glued && (i == 0 || t.Space) && !idWordAndMark(toks, st.s, i) {
				st.web(i)
				if t.Start < st.claimed {
					continue
				}
			}
			// shortWord wants a number or alnum token next, perhaps
			// after a hyphen: most short words are followed by a word.
			if t.End-t.Start <= 4 && i+1 < len(toks) && idShortNext[toks[i+1].Kind] {
				st.shortWord(i)
			}
			continue
		}
		if (t.Kind == text.Punct || glued) && (i == 0 || t.Space) {
			st.web(i)
			if t.Start < st.claimed {
				continue
			}
		}
		switch t.Kind {
		case text.Mention:
			st.username(i)
		case text.Number:
			st.numbers(i)
		case text.Punct:
			c := st.s[t.Start]
			if (c == '+' || c == '(') && i+1 < len(toks) && toks[i+1].Start == t.End && toks[i+1].Kind == text.Number {
				st.numbers(i)
			}
		case text.Alnum:
			st.alnum(i)
		}
	}
}

// idWordAndMark reports whether the chunk that word token i starts is that
// word and one punctuation mark other than '@' ("night,", "done.", "Note:"),
// the most common chunk of two tokens: a word holds no '@', '.' or ':', and
// a dot or colon that ends a chunk starts no domain, IP address or "://",
// so web would find nothing in it.
func idWordAndMark(toks []text.Token, s string, i int) bool {
	return (i+2 == len(toks) || i+2 < len(toks) && toks[i+2].Space) &&
		toks[i+1].Kind == text.Punct && s[toks[i+1].Start] != '@'
}

// idShortNext marks the kinds of token after a short word that shortWord
// may act on: a number or alnum, or the punctuation of "DKR-5519".
var idShortNext = func() (k [256]bool) {
	k[text.Number], k[text.Alnum], k[text.Punct] = true, true, true
	return k
}()

// emit records a candidate. Confident candidates claim their bytes so that
// later tokens inside them are not read again.
func (st *idScan) emit(start, end int, typ result.Type, conf float64, reason string) {
	if conf < idEmitFloor || end <= start {
		return
	}
	if conf > 0.99 {
		conf = 0.99
	}
	st.out = append(st.out, Candidate{Start: start, End: end, Type: typ, Confidence: conf, Reason: reason})
	if conf >= 0.5 && end > st.claimed {
		st.claimed = end
	}
}

// tokRange returns the token indexes [from, to) covering bytes [start, end).
func (st *idScan) tokRange(start, end int) (int, int) {
	from := st.doc.TokenAt(start)
	to := st.doc.TokenAt(end - 1)
	if to < len(st.doc.Tokens) {
		to++
	}
	return from, to
}

// tokRangeAt is tokRange for bytes [start, end) that lie at or after the
// start of token i: it steps forward from i rather than searching the whole
// post, which is cheaper for the short spans of a number.
func (st *idScan) tokRangeAt(i, start, end int) (int, int) {
	toks := st.doc.Tokens
	from := i
	for from < len(toks) && toks[from].End <= start {
		from++
	}
	to := from
	for to < len(toks) && toks[to].End < end {
		to++
	}
	if to < len(toks) {
		to++
	}
	return from, to
}

// idWithCue appends the context that decided to a reason.
func idWithCue(reason, cue string) string {
	if cue == "" {
		return reason
	}
	return reason + " + context '" + cue + "'"
}

// idB2u is 1 for true and 0 for false. The scans of the identifier, date and
// proper-noun families combine the first tests of a token with it into one
// number, which Go computes with SETcc instructions rather than a branch
// per test (see dtMayStart).
func idB2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
