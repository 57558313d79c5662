package detect

import (
	"math/bits"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// The date, time and age family (files dt_*.go).
//
// One pass over the tokens. A token can start a candidate only by its kind
// and shape: a Number (numeric dates, clock times, ages, years), an Alnum
// ("3rd", "3pm", "94yo", "72M", "90s"), a Word found in the small keyword
// table dtWords (months, weekdays, "yesterday", holidays, "midnight",
// "nineties"), a Mention ("@2330") or an apostrophe ("'92"). Each matcher
// then reads a few neighbouring tokens, or the bytes of a fixed numeric
// format, and decides. The scan marks the tokens that may start a candidate
// 64 at a time in a bit set, without a branch per token, and visits only
// those (see run). Nothing allocates per token; no regexp is used.

// dateTimeDetectors returns the DATE, TIME and AGE detectors (one family, one pass).
func dateTimeDetectors() []Detector { return []Detector{dtDetector{}} }

// dtDetector finds dates, clock times and ages.
type dtDetector struct{}

func (dtDetector) Name() string { return "datetime" }

func (d dtDetector) Detect(doc *text.Doc, out []Candidate) []Candidate {
	return d.detect(newPost(doc), out)
}

// detect appends the date, time and age candidates of the post to out.
func (dtDetector) detect(p *post, out []Candidate) []Candidate {
	doc := p.doc
	if len(doc.Tokens) == 0 {
		return out
	}
	s := dtScan{doc: doc, toks: doc.Tokens, norm: doc.Norm, low: doc.Lower, out: out, lastDate: -100}
	s.run(p.marks())
	return s.out
}

// dtScan is the state of one pass over one document.
type dtScan struct {
	doc       *text.Doc
	toks      []text.Token
	norm, low string
	out       []Candidate
	lastDate  int  // token index just after the last DATE emitted
	rangeEnd  bool // clockTime is judging the end of a range of clock times
}

// run visits the tokens that may start a candidate. It takes the tokens 64
// at a time: the shared token pass (p, see post.marks) marks in a bit set, without
// a branch, the tokens whose kind, first and last bytes and length may let
// them start one (tokWordTab and tokClassTab; dtMayStart in
// dt_run_ref_test.go made them before), and the loop visits only those. On real text whether a token is
// a word, a number or a keyword's look-alike is a coin toss for the branch
// predictor, which a loop that tests each token in turn pays for at most
// tokens; here the predictor sees the marks only.
func (s *dtScan) run(p *tokPass) {
	skip := 0 // the tokens before skip belong to a candidate found
	for k := range p.marks {
		base := k * 64
		for may := p.marks[k].dt; may != 0; may &= may - 1 {
			i := base + bits.TrailingZeros64(may)
			if i < skip {
				continue
			}
			if next := s.start(i); next > i+1 {
				skip = next
			}
		}
	}
}

// start tries the matchers that token i may start and returns the token
// after the candidate found, or 0 (the former body of the scan's loop, run
// now at the marked tokens only).
func (s *dtScan) start(i int) int {
	t := &s.toks[i]
	switch t.Kind {
	case text.Word:
		l := t.End - t.Start
		if l < 2 || l > 16 {
			return 0
		}
		w := s.low[t.Start:t.End]
		// dtMayBeWord's first test, on the word as written: it also
		// holds the possessive forms of the keywords ("Tuesday's")
		if dtMayBeWord[0][l][w[0]&31]&(1<<(w[l-1]&63)) == 0 {
			return 0
		}
		if l > 2 && w[l-2:] == "'s" { // lwBare(i), inlined
			// a holiday's own possessive ("Valentine's Day", "Mother's Day") is its key,
			// with its capital and no possessive before ("my mother's day off" is not)
			if kw, ok := dtWords.get(w); ok && kw.kind == dtKHoliday && s.capOK(i) && !dtPossessive.has(s.pw(i)) {
				return s.word(i, kw)
			}
			w = w[:l-2]
		}
		if len(w) >= 2 && dtMayBeKeyword(w) { // "x's" leaves one byte
			if kw, ok := dtWords.get(w); ok {
				return s.word(i, kw)
			}
		}
	case text.Number:
		return s.number(i)
	case text.Alnum:
		return s.alnum(i)
	case text.Mention:
		return s.mentionTime(i)
	case text.Punct:
		if s.norm[t.Start] == '\'' {
			return s.apostropheYear(i)
		}
	}
	return 0
}

// word dispatches a keyword token.
func (s *dtScan) word(i int, kw dtKW) int {
	switch kw.kind {
	case dtKMonth:
		return s.monthWord(i, kw)
	case dtKWeekday:
		return s.weekday(i, kw)
	case dtKRelative:
		return s.relative(i)
	case dtKHoliday:
		return s.holiday(i)
	case dtKClock:
		return s.clockWord(i)
	case dtKDecade:
		return s.ageDecade(i, i+1)
	case dtKOrdinal:
		return s.ordinalWord(i)
	}
	return 0
}

// emit records a candidate over tokens [a, b) and returns b.
func (s *dtScan) emit(a, b int, typ result.Type, conf float64, reason string) int {
	return s.emitBytes(s.toks[a].Start, s.toks[b-1].End, a, b, typ, conf, reason)
}

// emitBytes records a candidate over bytes [start, end) that lies in tokens
// [a, b), and returns b. Candidates under 0.5 are not recorded.
func (s *dtScan) emitBytes(start, end, a, b int, typ result.Type, conf float64, reason string) int {
	if conf > 0.99 {
		conf = 0.99
	}
	if conf < 0.5 || end <= start {
		return 0
	}
	if last := s.toks[b-1]; last.Kind == text.Word && end == last.End && end-last.Start > 2 && s.norm[end-2:end] == "'s" {
		end -= 2 // "Tuesday's post": the possessive is not part of the date
	}
	s.out = append(s.out, Candidate{Start: start, End: end, Type: typ, Confidence: conf, Reason: reason})
	if typ == result.Date {
		s.lastDate = b
	}
	return b
}

// ---- token helpers ----

// lw returns the lower-case text of token i, or "" out of range.
func (s *dtScan) lw(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	t := s.toks[i]
	return s.low[t.Start:t.End]
}

// lwBare is lw without a possessive 's: "night's" → "night".
func (s *dtScan) lwBare(i int) string {
	w := s.lw(i)
	if len(w) > 2 && w[len(w)-2:] == "'s" {
		return w[:len(w)-2]
	}
	return w
}

// kind returns the kind of token i, or 0 out of range.
func (s *dtScan) kind(i int) text.Kind {
	if i < 0 || i >= len(s.toks) {
		return 0
	}
	return s.toks[i].Kind
}

// pc returns the punctuation byte of token i, or 0 when it is not punctuation.
func (s *dtScan) pc(i int) byte {
	if i < 0 || i >= len(s.toks) || s.toks[i].Kind != text.Punct {
		return 0
	}
	return s.norm[s.toks[i].Start]
}

// adj reports whether token i touches token i-1 (no white space between).
func (s *dtScan) adj(i int) bool {
	return i > 0 && i < len(s.toks) && !s.toks[i].Space
}

// brk reports whether token i starts a new line or is past the end.
func (s *dtScan) brk(i int) bool {
	return i >= len(s.toks) || s.toks[i].Newline
}

// num returns the value and digit count of Number token i (nd 0 if not a
// number or longer than 9 digits).
func (s *dtScan) num(i int) (v, nd int) {
	if i < 0 || i >= len(s.toks) || s.toks[i].Kind != text.Number {
		return 0, 0
	}
	t := s.toks[i]
	if t.End-t.Start > 9 {
		return 0, 0
	}
	return dtAtoi(s.norm[t.Start:t.End]), t.End - t.Start
}

// capOK reports whether word token i is capitalised, or case tells nothing in this post.
func (s *dtScan) capOK(i int) bool {
	if s.doc.AllLower || s.doc.AllCaps {
		return true
	}
	sh := s.toks[i].Shape
	return sh&(text.Title|text.Upper) != 0
}

// prevWord returns the index of the nearest non-punctuation token before i,
// stepping over at most two tokens of ':', '-', '(', '=', '~', and over a '.'
// that closes an abbreviation ("approx.", "d.o.b."). It returns -1 when a
// sentence or line ends first.
func (s *dtScan) prevWord(i int) int {
	k := i - 1
	for steps := 0; k >= 0 && steps < 3; steps++ {
		if k+1 < len(s.toks) && s.toks[k+1].Newline {
			return -1
		}
		t := s.toks[k]
		if t.Kind != text.Punct {
			return k
		}
		switch s.norm[t.Start] {
		case ':', '-', '(', '=', '~':
		case '.':
			if !s.adj(k) || !dtAbbrevDot.has(s.lw(k-1)) {
				return -1
			}
		default:
			return -1
		}
		k--
	}
	return -1
}

// pw returns the lower text of prevWord(i), or "".
func (s *dtScan) pw(i int) string { return s.lw(s.prevWord(i)) }

// tokAfter returns the index of the token after the one that ends at byte
// end, searching from token i, or -1 when end is not a token end.
func (s *dtScan) tokAfter(i, end int) int {
	for j := i; j < len(s.toks); j++ {
		if s.toks[j].End == end {
			return j + 1
		}
		if s.toks[j].End > end {
			return -1
		}
	}
	return -1
}

// nextIsEnd reports whether token j ends a phrase: past the end, a new line,
// or punctuation other than '/', '-', ':' and '.' followed by a digit.
func (s *dtScan) nextIsEnd(j int) bool {
	if j >= len(s.toks) || s.toks[j].Newline {
		return true
	}
	if s.toks[j].Kind != text.Punct {
		return false
	}
	switch s.norm[s.toks[j].Start] {
	case '/', '-', ':', '%', '+', '&', '*', '^', '=', '<', '>':
		return false
	case '.', ',':
		e := s.toks[j].End
		return e >= len(s.norm) || !dtIsDigit(s.norm[e])
	}
	return true
}

// continuation reports whether Number or Alnum token i continues a longer
// numeric expression (the "42" of "113/42", the "30pm" of "3.30pm") or
// follows a currency or number sign ("£12", "#4", "+44").
func (s *dtScan) continuation(i int) bool {
	if i == 0 || s.toks[i].Space {
		return false
	}
	p := s.toks[i-1]
	if p.Kind != text.Punct {
		return false
	}
	switch sym := s.norm[p.Start:p.End]; sym {
	case "$", "#", "+", "£", "€":
		return true
	case "/", ".", ":", ",", "-", "^", "*", "'":
		if i < 2 || p.Space {
			return false
		}
		q := s.toks[i-2]
		if sym == "-" && q.Kind == text.Alnum && dtAmPmEnd(s.lw(i-2)) && (dtAmPmEnd(s.lw(i)) ||
			s.toks[i].End+1 < len(s.norm) && s.norm[s.toks[i].End] == ':' && dtIsDigit(s.norm[s.toks[i].End+1])) {
			return false // "9am-1pm", "6am-6:30pm": the end of a range is a time too
		}
		return q.Kind == text.Number || q.Kind == text.Alnum || q.Kind == text.Punct && s.norm[q.Start] == '/' && !s.toks[i-1].Space
	}
	return false
}

// dtAmPmEnd reports a word ending in am or pm after a digit ("9am", "1pm").
func dtAmPmEnd(w string) bool {
	n := len(w)
	return n >= 3 && (w[n-2:] == "am" || w[n-2:] == "pm") && dtIsDigit(w[n-3])
}

// ---- byte helpers ----

func dtIsDigit(c byte) bool { return '0' <= c && c <= '9' }

func dtIsLetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// dtDigitEnd returns the end of the run of ASCII digits starting at p.
func dtDigitEnd(s string, p int) int {
	for p < len(s) && dtIsDigit(s[p]) {
		p++
	}
	return p
}

// dtAtoi parses a short run of ASCII digits (no sign, no overflow check beyond 9 digits).
func dtAtoi(s string) int {
	v := 0
	for i := 0; i < len(s) && i < 9; i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}

// dtYearOK reports whether y is a plausible four-digit year of a life event.
func dtYearOK(y int) bool { return y >= 1890 && y <= 2099 }

// dtDayMonthOK reports whether a/b reads as day/month or month/day.
func dtDayMonthOK(a, b int) bool {
	return (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (a >= 1 && a <= 31 && b >= 1 && b <= 12)
}

// dtHHMM reports whether a four-digit number is a valid 24-hour clock time.
func dtHHMM(v int) bool { return (v/100 <= 23 && v%100 <= 59) || v == 2400 }
