package detect

import (
	"unicode"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// Letter-led and mixed identifiers: National Insurance numbers, postcodes,
// vehicle registrations, driving licences, DEA numbers, MBIs, IBANs, NMC PINs
// and identifiers named by a cue word.

func idASCIIAlnum(w string) bool {
	for i := 0; i < len(w); i++ {
		if !idIsAlnum(w[i]) {
			return false
		}
	}
	return len(w) > 0
}

// idWordAt reports whether a letter or digit starts at byte i of s.
func idWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		return idIsAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// idCase: 'U' all letters upper, 'L' all lower, 'M' mixed, 0 no letters.
func idCase(ws ...string) byte {
	up, lo := false, false
	for _, w := range ws {
		for i := 0; i < len(w); i++ {
			switch {
			case idIsUpper(w[i]):
				up = true
			case idIsLower(w[i]):
				lo = true
			}
		}
	}
	switch {
	case up && lo:
		return 'M'
	case up:
		return 'U'
	case lo:
		return 'L'
	}
	return 0
}

// idUpperInto copies w upper-cased into buf.
func idUpperInto(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		buf = append(buf, idUpper(w[i]))
	}
	return buf
}

// idShape splits an ASCII token into letters-digits-letters counts; ok is false
// for any other shape.
func idShape(w string) (l1, d, l2 int, ok bool) {
	i := 0
	for i < len(w) && idIsLetter(w[i]) {
		i++
	}
	l1 = i
	for i < len(w) && idIsDigit(w[i]) {
		i++
	}
	d = i - l1
	for i < len(w) && idIsLetter(w[i]) {
		i++
	}
	l2 = i - l1 - d
	return l1, d, l2, i == len(w)
}

func (st *idScan) alnum(i int) {
	t := st.doc.Tokens[i]
	w := st.s[t.Start:t.End]
	if !idASCIIAlnum(w) {
		return
	}
	if idIsLetter(w[0]) {
		st.nino(i)
		st.postcode(i)
		st.vehicle(i)
		switch len(w) {
		case 16:
			st.dvla(i)
		case 9:
			st.dea(i)
		}
		if len(w) >= 4 && idIsUpper(w[0]) && idIsUpper(w[1]) && idIsDigit(w[2]) && idIsDigit(w[3]) {
			st.iban(i)
		}
	} else {
		st.mbi(i)
		if len(w) == 8 {
			st.nmcPin(i)
		}
	}
	if t.Start >= st.claimed {
		st.cuedAlnum(i)
	}
}

// shortWord handles tokens of one to four letters that may start an
// identifier written with a space: "AB 12 34 56 C", "GIR 0AA", "ABC 123D",
// and US plates after a cue ("plate ABC 1234").
func (st *idScan) shortWord(i int) {
	toks := st.doc.Tokens
	if i+1 >= len(toks) {
		return
	}
	t, nx := toks[i], toks[i+1]
	if nx.Kind == text.Punct && st.s[nx.Start] == '-' && nx.Start == t.End && i+2 < len(toks) {
		nx = toks[i+2] // "DKR-5519"
	}
	w := st.s[t.Start:t.End]
	if !idASCIIAlnum(w) || nx.Start != t.End+1 || (nx.Kind != text.Number && nx.Kind != text.Alnum) {
		return
	}
	sp := st.s[t.End]
	if sp == ' ' {
		switch len(w) {
		case 2:
			st.nino(i)
		case 3:
			st.postcode(i)
			st.vehicleSuffix(i)
		}
	}
	if t.Start < st.claimed || (sp != ' ' && sp != '-') || idCase(w) != 'U' {
		return
	}
	// A US plate: letters and digits after a plate cue.
	nw := st.s[nx.Start:nx.End]
	if !idASCIIAlnum(nw) || len(w)+len(nw) > 8 || len(w)+len(nw) < 4 || idCase(nw) == 'L' {
		return
	}
	bef, _ := st.ctx(i, i+1, 4, 0)
	if bef&idCuePlateStrong != 0 && !idWordAt(st.s, nx.End) {
		st.emit(t.Start, nx.End, result.Vehicle, 0.75, idWithCue("licence plate", st.idCueText(i, i+1, 4, 0, idCuePlateStrong)))
	}
}

// nino: a UK National Insurance number ("QQ 12 34 56 C", "QQ123456C"): two
// prefix letters under the HMRC rules, six digits (any single spacing) and a
// suffix A-D. Without a suffix only the spaced form with context counts.
func (st *idScan) nino(i int) {
	s := st.s
	p := st.doc.Tokens[i].Start
	if p+8 > len(s) {
		return
	}
	a, b := s[p], s[p+1]
	if !(idIsUpper(a) && idIsUpper(b) || idIsLower(a) && idIsLower(b)) || !ninoPrefixValid(a, b) {
		return
	}
	q := p + 2
	if q < len(s) && s[q] == ' ' {
		q++
	}
	nd, spaces := 0, 0
	for q < len(s) && nd < 7 {
		if idIsDigit(s[q]) {
			nd++
			q++
			continue
		}
		if s[q] == ' ' && nd > 0 && q+1 < len(s) && idIsDigit(s[q+1]) {
			spaces++
			q++
			continue
		}
		break
	}
	if nd != 6 {
		return
	}
	digitsEnd := q
	end := q
	var suf byte
	r := q
	if r < len(s) && s[r] == ' ' {
		r++
	}
	if r < len(s) && idIsLetter(s[r]) && !idWordAt(s, r+1) {
		suf = s[r]
		end = r + 1
	} else if idWordAt(s, q) {
		return
	}
	up := idIsUpper(a)
	canonical := s[p+2] == ' ' && spaces == 2 && s[p+5] == ' ' && s[p+8] == ' ' && digitsEnd == p+11
	var conf float64
	reason := "NI number: valid prefix"
	switch {
	case suf != 0:
		if u := idUpper(suf); u < 'A' || u > 'D' {
			return
		}
		reason += " and suffix"
		switch {
		case !up:
			conf = 0.45
		case canonical:
			conf = 0.8
		default:
			conf = 0.72
		}
	case canonical && up:
		conf = 0.55
		reason += ", no suffix"
	default:
		return
	}
	if !idLetterBeforeOK(s, p) {
		return
	}
	from, to := st.tokRange(p, end)
	bef, aft := st.ctx(from, to, 6, 2)
	cx := bef | aft
	cue := ""
	if cx&idCueNINO != 0 {
		conf += 0.2
		cue = st.idCueText(from, to, 6, 2, idCueNINO)
	} else if suf == 0 {
		return
	}
	if cx&(idCueRef|idCueAccount|idCueSerial) != 0 {
		conf -= 0.3
	}
	st.emit(p, end, result.NINumber, conf, idWithCue(reason, cue))
}

// idLetterBeforeOK: the identifier is not glued to a word before it.
func idLetterBeforeOK(s string, p int) bool {
	if p == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:p])
	return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '@' || r == '/' || r == '.' || r == '-' && p >= 2 && idIsAlnum(s[p-2]))
}

// postcode: a UK postcode, full (with or without the space) or, with address
// context, the outward code alone.
func (st *idScan) postcode(i int) {
	toks := st.doc.Tokens
	t := toks[i]
	s := st.s
	w := s[t.Start:t.End]
	n1 := len(w)
	if n1 < 2 || n1 > 7 || !idIsLetter(w[0]) {
		return
	}
	var out, in string
	end := t.End
	spaced := false
	if n1 <= 4 && i+1 < len(toks) && s[t.End] == ' ' && toks[i+1].Start == t.End+1 && toks[i+1].End-toks[i+1].Start == 3 && idIsDigit(s[t.End+1]) {
		nx := toks[i+1]
		out, in, end, spaced = w, s[nx.Start:nx.End], nx.End, true
	} else if n1 >= 5 {
		out, in = w[:n1-3], w[n1-3:]
	} else {
		st.outwardOnly(i)
		return
	}
	if idWordAt(s, end) || !idLetterBeforeOK(s, t.Start) {
		return
	}
	var ob, ib [8]byte
	ou := idUpperInto(ob[:0], out)
	iu := idUpperInto(ib[:0], in)
	if !(string(ou) == "GIR" && string(iu) == "0AA") && !(outwardValid(ou) && inwardValid(iu)) {
		return
	}
	lc := idCase(out, in)
	var conf float64
	switch {
	case lc == 'U' && spaced:
		conf = 0.85
	case lc == 'U' && n1 == 5:
		conf = 0.6
	case lc == 'U':
		conf = 0.7
	case spaced:
		conf = 0.45
	default:
		conf = 0.4
	}
	from, to := st.tokRange(t.Start, end)
	bef, aft := st.ctx(from, to, 6, 2)
	cx := bef | aft
	cue := ""
	if cx&(idCuePostcode|idCueResidence|idCueStreet) != 0 {
		conf += 0.2
		cue = st.idCueText(from, to, 6, 2, idCuePostcode|idCueResidence|idCueStreet)
	}
	if cx&(idCueRef|idCueSerial) != 0 {
		conf -= 0.3
	}
	st.emit(t.Start, end, result.Postcode, conf, idWithCue("UK postcode: valid area and format", cue))
}

// outwardOnly: "LS6" counts as a postcode only in address context.
func (st *idScan) outwardOnly(i int) {
	t := st.doc.Tokens[i]
	w := st.s[t.Start:t.End]
	if idCase(w) != 'U' || !outwardValid([]byte(w)) || idWordAt(st.s, t.End) {
		return
	}
	bef, aft := st.ctx(i, i+1, 3, 1)
	if (bef|aft)&(idCueRoom|idCueRef) != 0 {
		return
	}
	twoLetter := idIsLetter(w[1])
	switch {
	case bef&idCuePostcode != 0:
		st.emit(t.Start, t.End, result.Postcode, 0.8, idWithCue("UK postcode district", st.idCueText(i, i+1, 3, 0, idCuePostcode)))
	case twoLetter && bef&idCueResidence != 0:
		st.emit(t.Start, t.End, result.Postcode, 0.6, idWithCue("UK postcode district", st.idCueText(i, i+1, 3, 0, idCueResidence)))
	default:
		if name, ok := st.placeBefore(i, lexicon.PlaceGB|lexicon.County, 1<<lexicon.PhrasePlaceGB|1<<lexicon.PhraseCounty); ok {
			st.emit(t.Start, t.End, result.Postcode, 0.6, "UK postcode district after place '"+name+"'")
		}
	}
}

// vehicle: UK registrations. Current style "AB12 CDE" stands alone; the
// older prefix ("A123 BCD") and suffix ("ABC 123D") styles need context.
func (st *idScan) vehicle(i int) {
	toks := st.doc.Tokens
	t := toks[i]
	s := st.s
	w := s[t.Start:t.End]
	l1, d, l2, ok := idShape(w)
	if !ok || d == 0 {
		return
	}
	if l1 == 3 && d >= 1 && d <= 3 && l2 == 1 {
		// Suffix style written as one token: "DEF456G".
		if idCase(w) == 'U' && plateRandomOK([]byte(w[:3])) && plateYearLetterOK(w[len(w)-1]) && !idWordAt(s, t.End) {
			st.plateEmit(t.Start, t.End, 0.25, "suffix-style")
		}
		return
	}
	var tail string
	end := t.End
	sep := byte(0)
	if l2 == 0 && t.End < len(s) && (s[t.End] == ' ' || s[t.End] == '-') {
		j := i + 1
		if j < len(toks) && s[t.End] == '-' && toks[j].Start == t.End {
			j++
		}
		if j < len(toks) {
			nx := toks[j]
			if nx.Start == t.End+1 && nx.End-nx.Start == 3 && nx.Kind == text.Word && idASCIIAlnum(s[nx.Start:nx.End]) {
				tail, end, sep = s[nx.Start:nx.End], nx.End, s[t.End]
			}
		}
	} else if l2 == 3 {
		tail = w[l1+d:]
	}
	if idWordAt(s, end) {
		return
	}
	lc := idCase(w, tail)
	if lc != 'U' && lc != 'L' {
		return
	}
	var bb [8]byte
	u := idUpperInto(bb[:0], w[:l1+d])
	var tb [4]byte
	tu := idUpperInto(tb[:0], tail)
	if len(tu) != 3 || !plateRandomOK(tu) {
		return
	}
	var conf float64
	style := ""
	switch {
	case l1 == 2 && d == 2:
		if !plateMemoryOK(u[0], u[1]) || !plateAgeOK(u[2], u[3]) {
			return
		}
		style = "current-style"
		switch {
		case lc == 'L':
			conf = 0.35
		case sep == ' ':
			conf = 0.75
		case sep == '-':
			conf = 0.7
		default:
			conf = 0.6
		}
	case l1 == 1 && d >= 1 && d <= 3:
		if !plateYearLetterOK(u[0]) {
			return
		}
		style = "prefix-style"
		conf = 0.25
		if lc == 'L' {
			conf = 0.1
		}
	default:
		return
	}
	st.plateEmit(t.Start, end, conf, style)
}

// vehicleSuffix: "ABC 123D" (the word) or "DEF456G" (one token, via vehicle).
func (st *idScan) vehicleSuffix(i int) {
	toks := st.doc.Tokens
	t, nx := toks[i], toks[i+1]
	w := st.s[t.Start:t.End]
	nw := st.s[nx.Start:nx.End]
	l1, d, l2, ok := idShape(nw)
	if !ok || l1 != 0 || d < 1 || d > 3 || l2 != 1 || idWordAt(st.s, nx.End) {
		return
	}
	if idCase(w, nw) != 'U' || !plateRandomOK([]byte(w)) || !plateYearLetterOK(nw[len(nw)-1]) {
		return
	}
	st.plateEmit(t.Start, nx.End, 0.25, "suffix-style")
}

func (st *idScan) plateEmit(start, end int, conf float64, style string) {
	from, to := st.tokRange(start, end)
	bef, aft := st.ctx(from, to, 6, 2)
	cx := bef | aft
	cue := ""
	if cx&idCuePlate != 0 {
		if conf < 0.5 {
			conf += 0.5
		} else {
			conf += 0.2
		}
		cue = st.idCueText(from, to, 6, 2, idCuePlate)
	}
	if cx&(idCueRef|idCueSerial) != 0 {
		conf -= 0.3
	}
	st.emit(start, end, result.Vehicle, conf, idWithCue("UK vehicle registration ("+style+")", cue))
}

// dvla: the 16-character GB driving licence number.
func (st *idScan) dvla(i int) {
	t := st.doc.Tokens[i]
	w := st.s[t.Start:t.End]
	lc := idCase(w)
	if lc != 'U' && lc != 'L' || !dvlaValid([]byte(w)) {
		return
	}
	conf := 0.7
	if lc == 'L' {
		conf = 0.45
	}
	bef, aft := st.ctx(i, i+1, 6, 2)
	cue := ""
	if (bef|aft)&idCueLicence != 0 {
		conf += 0.2
		cue = st.idCueText(i, i+1, 6, 2, idCueLicence)
	}
	if (bef|aft)&idCueRef != 0 {
		conf -= 0.3
	}
	st.emit(t.Start, t.End, result.IDOther, conf, idWithCue("UK driving licence: DVLA format with valid date", cue))
}

// dea: a DEA registration number (checksum); needs context to be sure.
func (st *idScan) dea(i int) {
	t := st.doc.Tokens[i]
	w := st.s[t.Start:t.End]
	if !deaValid([]byte(w)) {
		return
	}
	conf := 0.3
	if idCase(w) != 'U' {
		conf = 0.15
	}
	bef, aft := st.ctx(i, i+1, 6, 2)
	cue := ""
	if (bef|aft)&(idCueDEA|idCueMedReg|idCueLicence) != 0 {
		conf += 0.45
		cue = st.idCueText(i, i+1, 6, 2, idCueDEA|idCueMedReg|idCueLicence)
	}
	if (bef|aft)&idCueRef != 0 {
		conf -= 0.3
	}
	st.emit(t.Start, t.End, result.IDOther, conf, idWithCue("DEA number: checksum valid", cue))
}

// mbi: a Medicare Beneficiary Identifier, plain or as 4-3-4 with hyphens.
func (st *idScan) mbi(i int) {
	s := st.s
	p := st.doc.Tokens[i].Start
	if p+11 > len(s) || s[p] < '1' || s[p] > '9' || !idIsLetter(s[p+1]) {
		return
	}
	var b [11]byte
	n, q, dashes := 0, p, 0
	for q < len(s) && n < 11 {
		c := s[q]
		if c == '-' && (n == 4 || n == 7) && q+1 < len(s) && idIsAlnum(s[q+1]) {
			dashes++
			q++
			continue
		}
		if !idIsAlnum(c) {
			break
		}
		b[n] = c
		n++
		q++
	}
	if n != 11 || idWordAt(s, q) || dashes == 1 || !mbiValid(b[:]) {
		return
	}
	conf := 0.45
	if dashes == 2 {
		conf = 0.6
	}
	if idCase(s[p:q]) != 'U' {
		conf -= 0.1
	}
	from, to := st.tokRange(p, q)
	bef, aft := st.ctx(from, to, 6, 2)
	cue := ""
	if (bef|aft)&idCueMedicare != 0 {
		conf += 0.3
		cue = st.idCueText(from, to, 6, 2, idCueMedicare)
	}
	if (bef|aft)&(idCueRef|idCueSerial) != 0 {
		conf -= 0.3
	}
	st.emit(p, q, result.IDOther, conf, idWithCue("Medicare MBI: CMS format", cue))
}

// nmcPin: a UK Nursing and Midwifery Council PIN ("12A3456E").
func (st *idScan) nmcPin(i int) {
	t := st.doc.Tokens[i]
	w := st.s[t.Start:t.End]
	if !(idIsDigit(w[0]) && idIsDigit(w[1]) && idIsUpper(w[2]) && idIsDigit(w[3]) && idIsDigit(w[4]) && idIsDigit(w[5]) && idIsDigit(w[6]) && idIsUpper(w[7])) {
		return
	}
	conf := 0.4
	bef, aft := st.ctx(i, i+1, 6, 2)
	cue := ""
	if (bef|aft)&idCueMedReg != 0 {
		conf += 0.45
		cue = st.idCueText(i, i+1, 6, 2, idCueMedReg)
	}
	if (bef|aft)&idCueRef != 0 {
		conf -= 0.3
	}
	st.emit(t.Start, t.End, result.IDOther, conf, idWithCue("NMC PIN format", cue))
}

// iban: an IBAN, compact or in groups of four.
func (st *idScan) iban(i int) {
	toks := st.doc.Tokens
	var b [40]byte
	buf := b[:0]
	start := toks[i].Start
	end := start
	for j := i; j < len(toks) && len(buf) <= 34; j++ {
		t := toks[j]
		if j > i && (t.Start != end+1 || st.s[end] != ' ') {
			break
		}
		w := st.s[t.Start:t.End]
		if !idASCIIAlnum(w) || (j > i && len(w) > 4) {
			break
		}
		buf = idUpperInto(buf, w)
		end = t.End
	}
	// Trailing groups may belong to the sentence: try the longest valid prefix.
	for e, n := end, len(buf); n >= 15; {
		if ibanValid(buf[:n]) && !idWordAt(st.s, e) {
			from, to := st.tokRange(start, e)
			bef, aft := st.ctx(from, to, 6, 2)
			conf := 0.85
			cue := ""
			if (bef|aft)&idCueAccount != 0 {
				conf = 0.95
				cue = st.idCueText(from, to, 6, 2, idCueAccount)
			}
			st.emit(start, e, result.IDOther, conf, idWithCue("IBAN: mod 97 valid", cue))
			return
		}
		// Drop the last group.
		k := e - 1
		for k > start && st.s[k] != ' ' {
			k--
		}
		if k <= start {
			return
		}
		n -= e - k - 1
		e = k
	}
}

// cuedAlnum: letter-and-digit identifiers named by a cue word ("MRN
// K1234567", "passport 123456789", "plate 7ABC123").
func (st *idScan) cuedAlnum(i int) {
	t := st.doc.Tokens[i]
	w := st.s[t.Start:t.End]
	nd := 0
	for k := 0; k < len(w); k++ {
		if idIsDigit(w[k]) {
			nd++
		}
	}
	if nd == 0 || len(w) < 4 {
		return
	}
	bef := st.cueBefore(i, 4)
	if bef == 0 && nd < 4 {
		return
	}
	aft := st.cueAfter(i+1, 2)
	if bef&idCuePlateStrong != 0 && len(w) <= 8 && idCase(w) == 'U' {
		st.emit(t.Start, t.End, result.Vehicle, 0.75, idWithCue("licence plate", st.idCueText(i, i+1, 4, 0, idCuePlateStrong)))
		return
	}
	typ, conf, bits, what := st.cuedID(bef, aft, nd, len(w), 1, false)
	if conf == 0 {
		return
	}
	st.emit(t.Start, t.End, typ, conf, idWithCue(what, st.idCueText(i, i+1, 4, 2, bits)))
}
