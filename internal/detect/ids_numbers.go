package detect

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// Numeric identifiers: a digit run is read as a sequence of groups joined by
// one space, hyphen or dot ("943 476 5919", "+44 (0)113 496 0000"), and every
// window of whole groups is tried against the numeric formats.

const idMaxGroups = 12

type idGroup struct {
	start, end int  // the digits
	sep        byte // separator before the group: 0 (first), ' ', '-', '.', ')' (right after a bracket)
	paren      bool // written in brackets: "(312)", "(0)"
}

type idSeq struct {
	start, end int
	tok        int // the token the sequence starts in
	plus       bool
	n          int
	g          [idMaxGroups]idGroup
	beforeOK   bool // the text before the sequence does not glue it to something else
	afterOK    bool
	// ext is the end of a phone extension written after the last group
	// ("…4508x769", "… ext. 12"), 0 when there is none.
	ext int
}

// idScanSeq reads a digit-group sequence starting at byte p (a digit, '+' or
// '(') into q, which must be zero, and reports whether there is one. It fills
// the caller's idSeq (a few hundred bytes) rather than returning one, which
// would cost a copy of it for every number of a post.
func idScanSeq(s string, p int, q *idSeq) bool {
	q.start = p
	if s[p] == '+' {
		q.plus = true
		p++
	}
	var sep byte
	for q.n < idMaxGroups && p < len(s) {
		if s[p] == '(' {
			e := p + 1
			for e < len(s) && idIsDigit(s[e]) && e-p <= 4 {
				e++
			}
			if e == p+1 || e >= len(s) || s[e] != ')' {
				break
			}
			q.g[q.n] = idGroup{start: p + 1, end: e, sep: sep, paren: true}
			q.n++
			p = e + 1
			if p < len(s) && idIsDigit(s[p]) {
				sep = ')'
				continue
			}
			if p+1 < len(s) && (s[p] == ' ' || s[p] == '-') && idIsDigit(s[p+1]) {
				sep = ' '
				p++
				continue
			}
			break
		}
		e := p
		for e < len(s) && idIsDigit(s[e]) {
			e++
		}
		if e == p {
			break
		}
		q.g[q.n] = idGroup{start: p, end: e, sep: sep}
		q.n++
		p = e
		if p+1 < len(s) {
			c := s[p]
			if (c == ' ' || c == '-' || c == '.') && idIsDigit(s[p+1]) {
				sep = c
				p++
				continue
			}
			if c == ' ' && s[p+1] == '(' && q.n <= 2 {
				sep = ' '
				p++
				continue
			}
			if c == '(' && q.n <= 2 {
				sep = ')'
				continue
			}
		}
		break
	}
	if q.n == 0 {
		return false
	}
	last := q.g[q.n-1]
	q.end = last.end
	if last.paren {
		q.end++
	}
	q.beforeOK = idNumBeforeOK(s, q.start)
	q.afterOK = idNumAfterOK(s, q.end)
	q.ext = idExtension(s, q.end)
	return true
}

// idExtension returns the end of a phone extension starting at e: an "x"
// glued to the number, or "ext"/"ext." (after a space or not), then one to
// five digits that end the number; 0 when there is none.
func idExtension(s string, e int) int {
	p := e
	switch {
	case p < len(s) && (s[p] == 'x' || s[p] == 'X'):
		p++
	default:
		if p < len(s) && s[p] == ' ' {
			p++
		}
		if p+3 > len(s) || !(s[p] == 'e' || s[p] == 'E') || s[p+1] != 'x' || s[p+2] != 't' {
			return 0
		}
		p += 3
		if p < len(s) && s[p] == '.' {
			p++
		}
		if p < len(s) && s[p] == ' ' {
			p++
		}
	}
	d := p
	for p < len(s) && idIsDigit(s[p]) && p-d < 6 {
		p++
	}
	if n := p - d; n == 0 || n > 5 || !idNumAfterOK(s, p) {
		return 0
	}
	return p
}

// idNumBeforeOK reports whether a number may start at p: not glued to a word,
// a decimal point, a currency sign or a URL.
func idNumBeforeOK(s string, p int) bool {
	if p == 0 {
		return true
	}
	c := s[p-1]
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeLastRuneInString(s[:p])
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Sc, r))
	}
	switch c {
	case '.', ',', '/':
		return !(p >= 2 && idIsDigit(s[p-2]))
	case '_', '@', '$', '&', '%', '\\', '^', '~', '=', '*':
		return false
	case '-':
		return !(p >= 2 && idIsAlnum(s[p-2]))
	}
	return !idIsAlnum(c)
}

// idNumAfterOK reports whether a number may end at e.
func idNumAfterOK(s string, e int) bool {
	if e >= len(s) {
		return true
	}
	c := s[e]
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(s[e:])
		return !(unicode.IsLetter(r) || unicode.IsDigit(r))
	}
	switch c {
	case '.', ',', ':', '/', '-':
		return !(e+1 < len(s) && idIsDigit(s[e+1]))
	case '@', '%', '_':
		return false
	}
	return !idIsAlnum(c)
}

// idWindow describes one run of whole groups [a, b) of a sequence.
type idWindow struct {
	q          *idSeq
	a, b       int
	start, end int
	d          []byte // digits
	k          int    // groups
	lens       [idMaxGroups]int
	sep        byte // the separator between groups when uniform, else 1
	paren0     bool // first group bracketed
	from, to   int  // tokens
	ext        bool // the window ends where the sequence's extension starts (see idSeq.ext)
	ctxDone    bool
	bef, aft   uint64
}

func (w *idWindow) pattern(l ...int) bool {
	if w.k != len(l) {
		return false
	}
	for i, v := range l {
		if w.lens[i] != v {
			return false
		}
	}
	return true
}

// numbers reads the digit sequence starting at token i and tries its windows.
func (st *idScan) numbers(i int) {
	p := st.doc.Tokens[i].Start
	var q idSeq
	if !idScanSeq(st.s, p, &q) {
		return
	}
	q.tok = i
	if q.end > st.claimed {
		st.claimed = q.end
	}
	nd := 0
	for k := 0; k < q.n; k++ {
		nd += q.g[k].end - q.g[k].start
	}
	if nd == 4 && q.n == 1 && q.beforeOK && q.afterOK {
		st.ssnLast4(i, &q)
	}
	if nd >= 4 && nd <= 6 && q.n == 1 && q.beforeOK && q.afterOK {
		st.pager(i, &q)
	}
	if q.n == 1 && nd <= 6 && q.beforeOK && q.afterOK {
		st.addressNumber(i, &q)
	}
	if nd < 5 {
		return
	}
	var buf [64]byte
	for a := 0; a < q.n; a++ {
		if a == 0 && !q.beforeOK || a > 0 && q.g[a].sep != ' ' {
			continue
		}
		for b := a + 1; b <= q.n; b++ {
			// A number glued to what follows counts only as a phone with
			// its extension.
			ext := b == q.n && q.ext > 0
			if b == q.n && !q.afterOK && !ext || b < q.n && q.g[b].sep != ' ' {
				continue
			}
			w := idWindow{q: &q, a: a, b: b, k: b - a, ext: ext}
			d := buf[:0]
			for k := a; k < b; k++ {
				g := q.g[k]
				d = append(d, st.s[g.start:g.end]...)
				w.lens[k-a] = g.end - g.start
				if k > a {
					switch {
					case w.sep == 0:
						w.sep = g.sep
					case w.sep != g.sep:
						w.sep = 1
					}
				}
			}
			if len(d) > 24 {
				break
			}
			w.d = d
			w.paren0 = q.g[a].paren
			w.start = q.g[a].start
			if w.paren0 {
				w.start--
			}
			if a == 0 && q.plus {
				w.start = q.start
			}
			w.end = q.g[b-1].end
			if q.g[b-1].paren {
				w.end++
			}
			st.classify(&w)
		}
	}
}

// context returns the cue bits around a window (six words before, three after).
func (st *idScan) wctx(w *idWindow) (uint64, uint64) {
	if !w.ctxDone {
		w.from, w.to = st.tokRangeAt(w.q.tok, w.start, w.end)
		w.bef, w.aft = st.ctx(w.from, w.to, 6, 3)
		w.ctxDone = true
	}
	return w.bef, w.aft
}

func (st *idScan) classify(w *idWindow) {
	nd := len(w.d)
	if w.ext && !w.q.afterOK {
		if nd >= 7 && nd <= 15 {
			st.phone(w)
		}
		return
	}
	switch {
	case nd == 10:
		st.nhs(w)
		st.npi(w)
	case nd == 9:
		st.ssn(w)
	}
	if nd == 5 || nd == 9 {
		st.zip(w)
	}
	if nd >= 7 && nd <= 15 {
		st.phone(w)
	}
	if nd >= 13 && nd <= 19 {
		st.card(w)
	}
	if w.a == 0 && w.k <= 4 && nd >= 5 && nd <= 18 && !w.q.plus && (w.k == 1 || w.sep != 1) {
		st.cuedNumber(w)
	}
}

// nhs: ten digits, modulus 11 valid; the format and the context set the confidence.
func (st *idScan) nhs(w *idWindow) {
	var conf float64
	var form string
	switch {
	case w.k == 1:
		conf, form = 0.35, ""
	case w.pattern(3, 3, 4) && w.sep == ' ':
		conf, form = 0.58, ", 3-3-4"
	case w.pattern(3, 3, 4) && w.sep == '-':
		conf, form = 0.5, ", 3-3-4"
	case w.pattern(3, 3, 4) && w.sep == '.':
		conf, form = 0.4, ", 3-3-4"
	default:
		// Odd groupings ("012 3456789", "012345 6789") are not how NHS numbers
		// are written (the NHS Data Dictionary displays them 3-3-4).
		return
	}
	if w.paren0 || (w.a == 0 && w.q.plus) {
		return
	}
	if !nhsMod11(w.d) {
		if w.sep != '.' {
			st.nhsMistyped(w)
		}
		return
	}
	chi := chiDate(w.d)
	if nhsAllocated(w.d) {
		conf += 0.02
	} else {
		conf -= 0.05
	}
	bef, aft := st.wctx(w)
	cx := bef | aft
	name := "NHS number"
	cue := ""
	switch {
	case cx&idCueNHS != 0:
		conf += 0.35
		cue = st.idCueText(w.from, w.to, 6, 3, idCueNHS)
	case cx&idCueCHI != 0 && chi:
		conf += 0.35
		name = "CHI number"
		form = ", DDMMYY date"
		cue = st.idCueText(w.from, w.to, 6, 3, idCueCHI)
	case cx&idCueHospNo != 0:
		conf += 0.25
		cue = st.idCueText(w.from, w.to, 6, 3, idCueHospNo)
	case cx&idCuePatient != 0:
		conf += 0.2
		cue = st.idCueText(w.from, w.to, 6, 3, idCuePatient)
	}
	if cx&(idCueNHS|idCueCHI) == 0 {
		if cx&(idCueRef|idCueTime) != 0 {
			conf -= 0.35
		}
		if cx&idCuePhone != 0 {
			conf -= 0.3
		}
		if cx&(idCueNPI|idCueAccount|idCueCard|idCueSSN|idCueMedicare|idCueSerial) != 0 {
			conf -= 0.25
		}
	}
	reason := name + ": modulus 11 valid" + form
	if cue == "" {
		reason += ", no context"
	}
	st.emit(w.start, w.end, result.NHSNumber, conf, idWithCue(reason, cue))
}

// nhsMistyped: ten digits written as an NHS number is, after an NHS or CHI
// number cue, that fail the modulus-11 check. They are no NHS number, but
// what the author meant as one (a slip of one digit, or a made-up example in
// a real record's shape) still points at a patient's record and must not be
// posted or left in by a redaction, so it is an ID_OTHER, less confident
// than a valid number with the same cue.
func (st *idScan) nhsMistyped(w *idWindow) {
	bef, _ := st.wctx(w)
	if bef&(idCueNHS|idCueCHI) == 0 || bef&(idCueRef|idCueTime|idCuePhone|idCueAccount|idCueCard) != 0 {
		return // no cue, or a nearer word says what else the number is
	}
	cue := st.idCueText(w.from, w.to, 6, 3, bef&(idCueNHS|idCueCHI))
	st.emit(w.start, w.end, result.IDOther, 0.7, idWithCue("ten digits after an NHS number cue that fail the modulus-11 check (a mistyped NHS number)", cue))
}

// npi: a US National Provider Identifier (Luhn with the 80840 prefix); it
// needs its context, since one 10-digit number in ten passes.
func (st *idScan) npi(w *idWindow) {
	var conf float64
	switch {
	case w.k == 1:
		conf = 0.3
	case (w.pattern(4, 3, 3) || w.pattern(3, 3, 4)) && w.sep != 1:
		conf = 0.35
	default:
		return
	}
	if w.paren0 || (w.a == 0 && w.q.plus) || !npiValid(w.d) {
		return
	}
	bef, aft := st.wctx(w)
	cx := bef | aft
	cue := ""
	if cx&idCueNPI != 0 {
		conf += 0.5
		cue = st.idCueText(w.from, w.to, 6, 3, idCueNPI)
	} else if cx&(idCueMedReg|idCueDEA) != 0 {
		conf += 0.2
		cue = st.idCueText(w.from, w.to, 6, 3, idCueMedReg|idCueDEA)
	}
	if cx&(idCueRef|idCueNHS|idCuePhone|idCueTime) != 0 {
		conf -= 0.25
	}
	st.emit(w.start, w.end, result.IDOther, conf, idWithCue("NPI: Luhn valid with 80840 prefix", cue))
}

// ssn: a US Social Security number (or, in the 9xx area, an ITIN).
func (st *idScan) ssn(w *idWindow) {
	var conf float64
	form := ""
	switch {
	case w.k == 1:
		conf = 0.3
	case w.pattern(3, 2, 4) && w.sep == '-':
		conf, form = 0.55, " 3-2-4"
	case w.pattern(3, 2, 4) && (w.sep == ' ' || w.sep == '.'):
		conf, form = 0.42, " 3-2-4"
	case (w.pattern(3, 6) || w.pattern(5, 4)) && w.sep == '-':
		conf = 0.2
	default:
		return
	}
	if w.paren0 || (w.a == 0 && w.q.plus) {
		return
	}
	bef, aft := st.wctx(w)
	cx := bef | aft
	damp := func(c float64) float64 {
		if cx&(idCueRef|idCueTime) != 0 {
			c -= 0.3
		}
		if cx&idCuePhone != 0 {
			c -= 0.3
		}
		if cx&(idCueNHS|idCueNINO|idCueAccount|idCueCard|idCueHospNo|idCueNPI|idCueMedicare|idCuePassport|idCueSerial) != 0 {
			c -= 0.25
		}
		return c
	}
	if itinValid(w.d) {
		conf -= 0.05
		cue := ""
		switch {
		case cx&idCueITIN != 0:
			conf += 0.35
			cue = st.idCueText(w.from, w.to, 6, 3, idCueITIN)
		case cx&idCueSSN != 0:
			conf += 0.2
			cue = st.idCueText(w.from, w.to, 6, 3, idCueSSN)
		}
		st.emit(w.start, w.end, result.IDOther, damp(conf), idWithCue("US ITIN: 9XX area and valid group"+form, cue))
		return
	}
	switch ssnCheck(w.d) {
	case ssnInvalid:
		return
	case ssnSample:
		if w.k == 1 {
			return
		}
		conf -= 0.15
	}
	cue := ""
	if cx&idCueSSN != 0 {
		conf += 0.35
		cue = st.idCueText(w.from, w.to, 6, 3, idCueSSN)
	} else if cx&idCueITIN != 0 {
		conf += 0.1
		cue = st.idCueText(w.from, w.to, 6, 3, idCueITIN)
	}
	reason := "SSN: valid area/group/serial" + form
	if cue == "" {
		reason += ", no context"
	}
	st.emit(w.start, w.end, result.SSN, damp(conf), idWithCue(reason, cue))
}

// zip: a US ZIP or ZIP+4, only after a state or with address context.
func (st *idScan) zip(w *idWindow) {
	if !(w.k == 1 && len(w.d) == 5 || w.pattern(5, 4) && w.sep == '-') || w.paren0 || (w.a == 0 && w.q.plus) {
		return
	}
	if string(w.d[:5]) == "00000" {
		return
	}
	conf, reason := 0.0, ""
	bef, _ := st.wctx(w)
	if name, ok := st.stateBefore(w.from); ok {
		conf, reason = 0.85, "ZIP: after state '"+name+"'"
		if st.doc.AllCaps && len(name) == 2 {
			conf = 0.7
		}
	}
	if conf == 0 && st.militaryBefore(w.from) {
		conf, reason = 0.85, "ZIP: after APO/FPO/DPO and AA/AE/AP (US military address)"
	}
	if conf == 0 {
		switch {
		case bef&idCueZIP != 0:
			conf, reason = 0.85, idWithCue("ZIP", st.idCueText(w.from, w.to, 6, 0, idCueZIP))
		case bef&(idCueStreet|idCueResidence) != 0:
			conf, reason = 0.55, idWithCue("ZIP: address context", st.idCueText(w.from, w.to, 6, 0, idCueStreet|idCueResidence))
		default:
			name, ok := st.placeBefore(w.from, lexicon.PlaceUS, 1<<lexicon.PhrasePlaceUS)
			if !ok || w.k == 1 && st.doc.AllCaps {
				return
			}
			conf, reason = 0.55, "ZIP: after US place '"+name+"'"
		}
	}
	if bef&(idCueRef|idCuePhone|idCueNHS|idCueSSN|idCueHospNo|idCueAccount) != 0 {
		conf -= 0.3
	}
	st.emit(w.start, w.end, result.ZIP, conf, reason)
}

// stateBefore reports a US state abbreviation or name right before token i
// (a comma between is allowed).
// militaryBefore reports "APO AE", "FPO AP" or "DPO AA" right before token
// i: the city and state of a US military address.
func (st *idScan) militaryBefore(i int) bool {
	toks := st.doc.Tokens
	if i < 2 || toks[i-1].Kind != text.Word || toks[i-2].Kind != text.Word {
		return false
	}
	s, c := st.low[toks[i-1].Start:toks[i-1].End], st.low[toks[i-2].Start:toks[i-2].End]
	return (s == "aa" || s == "ae" || s == "ap") && (c == "apo" || c == "fpo" || c == "dpo")
}

func (st *idScan) stateBefore(i int) (string, bool) {
	toks := st.doc.Tokens
	j := i - 1
	if j >= 0 && st.s[toks[j].Start] == ',' && toks[j].End-toks[j].Start == 1 {
		j--
	}
	if j < 0 {
		return "", false
	}
	t := toks[j]
	w := st.s[t.Start:t.End]
	if len(w) == 2 && idUSStates.has(w) {
		return w, true
	}
	lw := st.low[t.Start:t.End]
	first, ok := idUSStateNames.get(lw)
	if !ok {
		return "", false
	}
	if first == "" {
		return w, true
	}
	if j == 0 {
		return "", false
	}
	p := toks[j-1]
	pw := st.low[p.Start:p.End]
	if first == "*" && (pw == "north" || pw == "south") || pw == first || lw == "virginia" && pw == "west" {
		return st.s[p.Start:t.End], true
	}
	return "", false
}

// phone: UK, US (NANP) and international numbers.
func (st *idScan) phone(w *idWindow) {
	d := w.d
	nd := len(d)
	plus := w.a == 0 && w.q.plus
	var conf float64
	var kind string
	switch {
	case plus:
		// Drop a bracketed trunk zero: +44 (0)113 ...
		n := nd
		for k := w.a; k < w.b; k++ {
			g := w.q.g[k]
			if g.paren && g.end-g.start == 1 && st.s[g.start] == '0' {
				n--
			}
		}
		if n < 8 || n > 15 {
			return
		}
		cc := ""
		if w.k >= 2 && w.lens[0] <= 3 {
			cc = string(d[:w.lens[0]])
		}
		conf, kind = 0.85, "international format +"+cc
		switch {
		case cc == "44" || cc == "" && nd >= 2 && d[0] == '4' && d[1] == '4':
			if n-2 < 9 || n-2 > 10 {
				conf = 0.6
			}
			kind = "UK number in +44 format"
		case cc == "1" || cc == "" && d[0] == '1':
			if n != 11 || !idNANP(d[1:]) {
				conf = 0.6
			} else {
				conf = 0.9
			}
			kind = "US number in +1 format"
		case cc == "":
			kind = "international format"
		}
	case nd >= 11 && d[0] == '0' && d[1] == '0' && w.k >= 2:
		if nd > 15 {
			return
		}
		conf, kind = 0.7, "international format (00 prefix)"
	case d[0] == '0':
		uk := d[1] != '0' && d[1] != '4' && d[1] != '6'
		switch nd {
		case 11:
			std := w.pattern(5, 6) || w.pattern(5, 3, 3) || w.pattern(4, 3, 4) || w.pattern(3, 4, 4) || w.pattern(3, 3, 5) || w.pattern(4, 7)
			switch {
			case !uk:
				conf, kind = 0.3, "national format"
			case w.k == 1 && d[1] == '7':
				conf, kind = 0.7, "UK mobile format"
			case w.k == 1:
				conf, kind = 0.6, "UK number format"
			case std && d[1] == '7':
				conf, kind = 0.85, "UK mobile format"
			case std:
				conf, kind = 0.8, "UK number format"
			default:
				conf, kind = 0.6, "UK number format"
			}
			if w.sep == 1 && w.k > 2 {
				conf -= 0.15
			}
		case 10:
			switch {
			case uk && w.k >= 2 && (w.pattern(5, 5) || w.pattern(4, 6) || w.pattern(4, 3, 3) || w.pattern(5, 2, 3)):
				conf, kind = 0.65, "UK number format"
			case w.k >= 2:
				conf, kind = 0.4, "national format"
			default:
				conf, kind = 0.35, "national format"
			}
		case 9, 12:
			if w.k < 2 {
				return
			}
			conf, kind = 0.3, "national format"
		default:
			return
		}
	case nd == 10 && idNANP(d):
		switch {
		case w.paren0 && w.lens[0] == 3:
			conf, kind = 0.85, "US format (area code)"
		case w.pattern(3, 3, 4) && w.sep == 1:
			conf, kind = 0.6, "US format"
		case w.pattern(3, 3, 4) && (w.sep == '-' || w.sep == '.'):
			conf, kind = 0.7, "US format"
		case w.pattern(3, 3, 4) && w.sep == ' ':
			conf, kind = 0.45, "US format"
		case w.k == 1:
			conf, kind = 0.3, "10 digits"
		default:
			conf, kind = 0.3, "US format"
		}
	case nd == 10 && w.pattern(3, 3, 4) && (w.sep == '-' || w.sep == '.' || w.sep == 1):
		conf, kind = 0.5, "3-3-4 grouping"
	case nd == 11 && d[0] == '1' && idNANP(d[1:]):
		if w.k >= 2 && w.lens[0] == 1 {
			conf, kind = 0.8, "US format (1-area code)"
		} else {
			conf, kind = 0.3, "11 digits"
		}
	case w.k >= 2 && nd >= 9 && nd <= 13:
		conf, kind = 0.25, "digit groups"
	case (w.k >= 2 || w.paren0) && nd <= 8:
		// A local number without its area code ("467 3395", "(99) 645-791"):
		// a phone only right after a phone word ("Phone: …", "call me on …").
		if !st.phoneWordJustBefore(w) {
			return
		}
		conf, kind = 0.2, "local number"
	default:
		return
	}
	bef, aft := st.wctx(w)
	cx := bef | aft
	cue := ""
	phoneCue := cx&idCuePhone != 0
	if conf < 0.3 && !phoneCue {
		return // loose digit groups: a phone only when a phone word says so
	}
	if phoneCue {
		if conf < 0.5 {
			conf += 0.35
		} else {
			conf += 0.12
		}
		cue = st.idCueText(w.from, w.to, 6, 3, idCuePhone)
	}
	damp := 0.0
	if cx&(idCueNHS|idCueCHI) != 0 && nd == 10 {
		// An NHS or CHI number has ten digits; a word such as "nhs" near a
		// number of another length ("…@nhs.net or 0151 …") says nothing of it.
		damp += 0.4
	}
	if cx&(idCueSSN|idCueRef|idCueHospNo|idCueTime|idCueNPI|idCueAccount|idCueCard|idCueNINO|idCueMedicare|idCuePassport|idCueLicence|idCueSerial) != 0 {
		damp += 0.3
	}
	if cx&idCueVersion != 0 && !plus {
		damp += 0.2
	}
	if phoneCue {
		damp /= 2
	}
	conf -= damp
	name := "phone"
	if cx&idCueFax != 0 {
		// Fax when the nearest phone word is a fax word.
		if c := st.idCueText(w.from, w.to, 6, 3, idCuePhone); len(c) >= 3 && (c[0] == 'f' || c[0] == 'F') {
			name = "fax"
		}
	}
	end := w.end
	if w.ext {
		end, kind = w.q.ext, kind+" with extension"
	}
	st.emit(w.start, end, result.Phone, conf, idWithCue(name+": "+kind, cue))
}

// addressNumber reports a short number that is part of an address by the
// word before it: a flat or suite ("Apt. 595", "Flat 3", "…, Suite 501"), a
// post-office box ("PO Box 242", "PSC 0413, Box 8144"), or a postal code
// right after its label ("ZIP: 3520").
func (st *idScan) addressNumber(i int, q *idSeq) {
	toks := st.doc.Tokens
	j := i - 1
	if j >= 0 && toks[j].Kind == text.Punct && toks[j].End-toks[j].Start == 1 && strings.IndexByte(".#:", st.s[toks[j].Start]) >= 0 {
		j--
	}
	if j < 0 || toks[j].Kind != text.Word {
		return
	}
	cue := toks[j]
	lw := st.low[cue.Start:cue.End]
	nd := q.end - q.start
	switch lw {
	case "zip", "zipcode", "postcode":
		if nd >= 4 && st.s[toks[j+1].Start] == ':' {
			st.emit(q.start, q.end, result.ZIP, 0.75, "ZIP: after the label '"+st.s[cue.Start:cue.End]+":'")
		}
		return
	}
	if nd > 5 {
		return
	}
	switch lw {
	case "apt", "apartment":
	case "flat":
		if c := st.s[cue.Start]; c < 'A' || c > 'Z' { // "Flat 3", not "flat 2 days"
			return
		}
	case "suite", "ste":
		// in an address line, not a hospital's "endoscopy suite 2"
		if k := j - 1; k >= 0 && !toks[j].Newline && !(toks[k].Kind == text.Punct && st.s[toks[k].Start] == ',') {
			return
		}
	case "box":
		lo := max(0, cue.Start-16)
		before := strings.TrimRight(st.low[lo:cue.Start], " ")
		k := strings.LastIndexAny(before, " \n")
		last := before[k+1:]
		psc := idPSC(before)
		if !(last == "po" || last == "p.o." || last == "p.o" || last == "o." && strings.HasSuffix(before, "p. o.") || psc) {
			return
		}
		start := lo + k + 1 // where the last word before "box" starts
		if last == "o." {
			start -= 3
		}
		if psc {
			start = cue.Start // "PSC 0413, Box 8144": the box
		}
		st.emit(start, q.end, result.Street, 0.7, "address: post-office box")
		return
	default:
		return
	}
	st.emit(cue.Start, q.end, result.Street, 0.6, "address: flat or suite number '"+st.s[cue.Start:cue.End]+"'")
}

// idPSC reports text ending "PSC 0413," or "Unit 4719" (lower case, the
// comma optional): the first line of a US military address, before its box.
func idPSC(before string) bool {
	s := strings.TrimSuffix(before, ",")
	k := len(s)
	for k > 0 && idIsDigit(s[k-1]) {
		k--
	}
	if n := len(s) - k; n < 3 || n > 5 { // "PSC 0413", not a ward's "unit 4"
		return false
	}
	s = strings.TrimRight(s[:k], " ")
	return strings.HasSuffix(s, "psc") || strings.HasSuffix(s, "unit") || strings.HasSuffix(s, "cmr")
}

// phoneGlue are the words that may stand between a phone word and its
// number: "call me on", "ring us at", "Phone no:", "not answering at".
var phoneGlue = wordSetOf("me", "us", "him", "her", "them", "on", "at", "to", "is", "no", "number", "num", "nr", "#")

// phoneWordJustBefore reports whether a phone word stands right before the
// window, with at most glue words and punctuation between.
func (st *idScan) phoneWordJustBefore(w *idWindow) bool {
	from, _ := st.tokRangeAt(w.q.tok, w.start, w.end)
	toks := st.doc.Tokens
	for i, words := from-1, 0; i >= 0 && words <= 3; i-- {
		t := toks[i]
		if t.Kind == text.Punct {
			continue
		}
		if st.idCueMask(i)&idCuePhone != 0 {
			return true
		}
		if t.Kind != text.Word || !phoneGlue.has(st.low[t.Start:t.End]) {
			return false
		}
		words++
	}
	return false
}

// pager reports a 4-6 digit number right after a pager word as a phone
// (pager or extension) number: "Pager #54321", "beeper 55037", "PG 33445".
func (st *idScan) pager(i int, q *idSeq) {
	from, to := st.tokRangeAt(i, q.start, q.end)
	bef, _ := st.ctx(from, to, 2, 0)
	if bef&idCuePager == 0 {
		return
	}
	cue := st.idCueText(from, to, 2, 0, idCuePager)
	st.emit(q.start, q.end, result.Phone, 0.8, idWithCue("phone: pager or extension number", cue))
}

// idNANP reports whether ten digits are a valid North American number: area
// code and exchange both starting 2-9.
func idNANP(d []byte) bool {
	return len(d) == 10 && d[0] >= '2' && d[3] >= '2' && d[1] != '9'
}

// card: a payment card number (Luhn, issuer prefix, usual grouping).
func (st *idScan) card(w *idWindow) {
	conf := 0.0
	switch {
	case w.k == 1:
		conf = 0.6
	case w.sep != 1 && (w.pattern(4, 4, 4, 4) || w.pattern(4, 6, 5) || w.pattern(4, 6, 4) || w.pattern(4, 4, 4, 4, 3) || w.pattern(4, 4, 4, 1)):
		conf = 0.85
	default:
		return
	}
	if w.paren0 || (w.a == 0 && w.q.plus) || idAllSame(w.d) || !cardPrefixOK(w.d) || !idLuhn(w.d) {
		return
	}
	bef, aft := st.wctx(w)
	cx := bef | aft
	cue := ""
	if cx&(idCueCard|idCueAccount) != 0 {
		conf += 0.1
		cue = st.idCueText(w.from, w.to, 6, 3, idCueCard|idCueAccount)
	}
	if cx&(idCueRef|idCueTime) != 0 {
		conf -= 0.3
	}
	st.emit(w.start, w.end, result.IDOther, conf, idWithCue("payment card number: Luhn valid", cue))
}

// cuedNumber: numbers that are identifiers only because a cue names them
// (MRN, passport, account, sort code, registration, serial, licence).
func (st *idScan) cuedNumber(w *idWindow) {
	if !w.ctxDone { // the tokens only: the six and three words of wctx are not read here
		w.from, w.to = st.tokRangeAt(w.q.tok, w.start, w.end)
	}
	bef, aft := st.cueBefore(w.from, 4), st.cueAfter(w.to, 2)
	nd := len(w.d)
	typ, conf, bits, what := st.cuedID(bef, aft, nd, nd, w.k, w.pattern(2, 2, 2) || w.k == 1 && nd == 6)
	if conf == 0 {
		return
	}
	if w.paren0 {
		return
	}
	st.emit(w.start, w.end, typ, conf, idWithCue(what, st.idCueText(w.from, w.to, 4, 2, bits)))
}

// cuedID decides the type of an identifier named by a cue word. nd is the
// number of digits, n the length in characters.
func (st *idScan) cuedID(bef, aft uint64, nd, n, groups int, sortShape bool) (result.Type, float64, uint64, string) {
	cx := bef | aft&(idCueHospNo|idCuePassport|idCueAccount)
	if cx&idCueRef != 0 && cx&(idCueHospNo|idCuePassport) == 0 {
		return "", 0, 0, ""
	}
	switch {
	case cx&idCueHospNo != 0 && nd >= 4 && n >= 5 && n <= 14:
		return result.MRN, 0.82, idCueHospNo, "MRN: record number"
	case bef&idCuePassport != 0 && n >= 8 && n <= 10 && nd >= 6:
		return result.IDOther, 0.85, idCuePassport, "passport number"
	case bef&idCueSortCode != 0 && sortShape:
		return result.IDOther, 0.75, idCueSortCode, "bank sort code"
	case bef&idCueAccount != 0 && nd >= 6 && n <= 20:
		return result.IDOther, 0.72, idCueAccount, "account number"
	case bef&idCueMedReg != 0 && nd >= 5 && n <= 12:
		return result.IDOther, 0.75, idCueMedReg, "professional registration number"
	case bef&idCueLicence != 0 && nd >= 4 && n >= 5 && n <= 16:
		return result.IDOther, 0.75, idCueLicence, "licence number"
	case bef&idCueSerial != 0 && nd >= 3 && n >= 5:
		return result.IDOther, 0.7, idCueSerial, "serial number"
	case bef&idCueMedicare != 0 && nd >= 6 && n >= 9 && n <= 12:
		return result.IDOther, 0.7, idCueMedicare, "Medicare number"
	}
	return "", 0, 0, ""
}

// idSSNLastWin is how many words before four digits ssnLast4 looks for
// the SSN word and "last"/"ending".
const idSSNLastWin = 7

// ssnLast4: "last four of SSN 6612", "SSN ending in 6612".
func (st *idScan) ssnLast4(i int, q *idSeq) {
	// Seven words back: the SSN word may open a clause that the digits end
	// ("SSN on chart is wrong (ends 6618)").
	if st.cueBefore(i, idSSNLastWin)&idCueSSN == 0 { // most numbers: no need to look for "last"
		return
	}
	lo, _ := st.ctxWindow(i, i+1, idSSNLastWin, 0)
	var bef uint64
	last := false
	for j := lo; j < i; j++ {
		bef |= st.idCueMask(j)
		switch st.low[st.doc.Tokens[j].Start:st.doc.Tokens[j].End] {
		case "last", "ending", "ends":
			last = true
		}
	}
	if bef&idCueSSN == 0 || !last {
		return
	}
	st.emit(q.start, q.end, result.SSN, 0.75, idWithCue("SSN: last four digits", st.idCueText(i, i+1, idSSNLastWin, 0, idCueSSN)))
}
