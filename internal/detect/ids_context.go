package detect

import (
	"math/bits"
	"sync"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/text"
)

// Context cues for the identifier detectors. Each cue is a bit; a token's cue
// mask is worked out once, when a scan first needs it (most posts need no
// cue), and kept for the rest of the document (see idCues).
const (
	idCueNHS         uint64 = 1 << iota // NHS, NHS no
	idCueCHI                            // CHI
	idCueHospNo                         // MRN, hospital number, unit number, medical record
	idCuePatient                        // patient, pt, DOB, admitted, clinic, ward...
	idCueRef                            // ref, order, tracking, invoice, page... (damps)
	idCuePhone                          // phone, tel, mobile, call, text...
	idCueFax                            // fax
	idCueSSN                            // SSN, social security
	idCueNINO                           // NI, NINO, national insurance
	idCueStreet                         // street words: road, avenue, st, apt...
	idCueResidence                      // lives, address, area, based...
	idCuePostcode                       // postcode, post code
	idCueZIP                            // zip, zip code
	idCuePlate                          // reg, plate, number plate, car...
	idCuePassport                       // passport, travel document
	idCueLicence                        // licence, license, driving, DL
	idCueDEA                            // DEA, prescriber
	idCueMedReg                         // GMC, NMC, PIN, registration, certificate
	idCueNPI                            // NPI, provider
	idCueMedicare                       // Medicare, MBI, beneficiary
	idCueITIN                           // ITIN, tax id, taxpayer
	idCueAccount                        // account, acct, a/c, bank, IBAN
	idCueSortCode                       // sort code
	idCueCard                           // card, credit, debit, visa
	idCueSerial                         // serial, s/n, device
	idCueIP                             // IP, server, host, gateway...
	idCueVersion                        // version, section, chapter (damps IPs)
	idCueRoom                           // bed, bay, room, side room (damps outward postcodes)
	idCueTime                           // timestamp, epoch, unix (damps)
	idCuePager                          // pager, beeper, bleep, pg: a short number is a pager
	idCueNumber                         // number, no, num, #, id
	idCuePlateStrong                    // plate, tag, reg: names a plate outright

	idCueTail // internal: the word can end a two-word cue
)

var idCueWords = newWordTable(idCueWordMap)

// idCueWordMap is idCueWords as a map, for building the table.
var idCueWordMap = map[string]uint64{
	"nhs": idCueNHS, "nhsno": idCueNHS, "nhs#": idCueNHS,
	"chi": idCueCHI,
	"mrn": idCueHospNo, "mrns": idCueHospNo, "hospno": idCueHospNo, "urn": idCueHospNo, "rxh": idCueHospNo,
	"patient": idCuePatient, "patients": idCuePatient, "pt": idCuePatient, "pts": idCuePatient, "pt's": idCuePatient,
	"patient's": idCuePatient, "dob": idCuePatient, "born": idCuePatient, "birth": idCuePatient,
	"admitted": idCuePatient, "admission": idCuePatient, "discharged": idCuePatient, "discharge": idCuePatient,
	"ward": idCuePatient | idCueRoom, "clinic": idCuePatient, "gp": idCuePatient, "referral": idCuePatient,
	"referred": idCuePatient, "hospital": idCuePatient, "hosp": idCuePatient, "consultant": idCuePatient,
	"obs": idCuePatient, "meds": idCuePatient, "diagnosis": idCuePatient, "dx": idCuePatient, "resus": idCuePatient | idCueRoom,
	"triage": idCuePatient, "notes": idCuePatient, "sats": idCuePatient, "bloods": idCuePatient,
	"ref": idCueRef, "reference": idCueRef, "order": idCueRef, "orders": idCueRef, "tracking": idCueRef,
	"track": idCueRef, "invoice": idCueRef, "parcel": idCueRef, "booking": idCueRef, "confirmation": idCueRef,
	"transaction": idCueRef, "receipt": idCueRef, "page": idCueRef, "pages": idCueRef, "ticket": idCueRef,
	"isbn": idCueRef, "issn": idCueRef, "barcode": idCueRef, "sku": idCueRef, "item": idCueRef, "product": idCueRef,
	"model": idCueRef, "part": idCueRef, "batch": idCueRef, "lot": idCueRef, "voucher": idCueRef, "promo": idCueRef,
	"coupon": idCueRef, "policy": idCueRef, "claim": idCueRef, "doi": idCueRef, "pmid": idCueRef, "build": idCueRef,
	"tweet": idCueRef, "status": idCueRef, "order#": idCueRef, "shipment": idCueRef, "delivery": idCueRef,
	"phone": idCuePhone, "phoned": idCuePhone, "tel": idCuePhone, "telephone": idCuePhone, "mobile": idCuePhone,
	"mob": idCuePhone, "cell": idCuePhone, "cellphone": idCuePhone, "call": idCuePhone, "called": idCuePhone,
	"calling": idCuePhone, "ring": idCuePhone, "rang": idCuePhone, "text": idCuePhone, "texted": idCuePhone,
	"txt": idCuePhone, "whatsapp": idCuePhone, "landline": idCuePhone, "contact": idCuePhone, "ext": idCuePhone,
	"extension": idCuePhone, "dial": idCuePhone, "ph": idCuePhone, "sms": idCuePhone, "helpline": idCuePhone,
	"switchboard": idCuePhone, "hotline": idCuePhone, "answering": idCuePhone, "voicemail": idCuePhone, "tel.": idCuePhone, "mob.": idCuePhone,
	"pager": idCuePager | idCuePhone, "beeper": idCuePager | idCuePhone, "bleep": idCuePager | idCuePhone,
	"pg": idCuePager, "bleeper": idCuePager | idCuePhone, "home#": idCuePhone, "work#": idCuePhone,
	"cell#": idCuePhone,
	"fax":   idCueFax | idCuePhone, "facsimile": idCueFax | idCuePhone,
	"ssn": idCueSSN, "ssns": idCueSSN, "ss#": idCueSSN, "ssn#": idCueSSN, "social": idCueSSN,
	"nino": idCueNINO, "ni": idCueNINO, "nin": idCueNINO,
	"street": idCueStreet, "st": idCueStreet, "road": idCueStreet, "rd": idCueStreet, "lane": idCueStreet,
	"ln": idCueStreet, "avenue": idCueStreet, "ave": idCueStreet, "drive": idCueStreet, "close": idCueStreet,
	"crescent": idCueStreet, "terrace": idCueStreet, "court": idCueStreet, "ct": idCueStreet, "place": idCueStreet,
	"boulevard": idCueStreet, "blvd": idCueStreet, "highway": idCueStreet, "hwy": idCueStreet, "suite": idCueStreet,
	"ste": idCueStreet, "apt": idCueStreet, "apartment": idCueStreet, "flat": idCueStreet, "pkwy": idCueStreet,
	"parkway": idCueStreet, "square": idCueStreet, "sq": idCueStreet, "way": idCueStreet,
	"address": idCueResidence | idCueStreet, "addr": idCueResidence | idCueStreet, "lives": idCueResidence,
	"live": idCueResidence, "living": idCueResidence, "lived": idCueResidence, "resident": idCueResidence,
	"area": idCueResidence, "based": idCueResidence, "located": idCueResidence, "neighbourhood": idCueResidence,
	"neighborhood": idCueResidence,
	"postcode":     idCuePostcode | idCueResidence, "postcodes": idCuePostcode | idCueResidence,
	"zip": idCueZIP, "zipcode": idCueZIP,
	"reg": idCuePlate | idCuePlateStrong, "registration": idCuePlate | idCuePlateStrong | idCueMedReg,
	"plate": idCuePlate | idCuePlateStrong, "plates": idCuePlate | idCuePlateStrong, "numberplate": idCuePlate | idCuePlateStrong, "vehicle": idCuePlate, "car": idCuePlate, "van": idCuePlate, "truck": idCuePlate,
	"lorry": idCuePlate, "motorbike": idCuePlate, "motorcycle": idCuePlate, "taxi": idCuePlate, "drove": idCuePlate,
	"parked": idCuePlate, "dvla": idCuePlate | idCueLicence, "anpr": idCuePlate, "tag": idCuePlate | idCuePlateStrong, "tags": idCuePlate | idCuePlateStrong,
	"passport": idCuePassport, "passports": idCuePassport,
	"licence": idCueLicence, "license": idCueLicence, "driving": idCueLicence | idCuePlate, "driver": idCueLicence,
	"driver's": idCueLicence, "drivers": idCueLicence, "dl": idCueLicence, "lic": idCueLicence,
	"dea": idCueDEA, "prescriber": idCueDEA,
	"gmc": idCueMedReg, "nmc": idCueMedReg, "hcpc": idCueMedReg, "pin": idCueMedReg, "certificate": idCueMedReg,
	"npi": idCueNPI, "provider": idCueNPI,
	"medicare": idCueMedicare, "mbi": idCueMedicare, "beneficiary": idCueMedicare, "medicaid": idCueMedicare,
	"itin": idCueITIN, "tax": idCueITIN, "taxpayer": idCueITIN, "tin": idCueITIN,
	"account": idCueAccount, "acct": idCueAccount, "bank": idCueAccount, "iban": idCueAccount, "acc": idCueAccount,
	"card": idCueCard, "credit": idCueCard, "debit": idCueCard, "visa": idCueCard, "mastercard": idCueCard, "amex": idCueCard,
	"serial": idCueSerial, "s/n": idCueSerial, "sn": idCueSerial, "imei": idCueSerial,
	"ip": idCueIP, "ipv4": idCueIP, "ipv6": idCueIP, "server": idCueIP, "host": idCueIP, "gateway": idCueIP,
	"subnet": idCueIP, "router": idCueIP, "dns": idCueIP, "vpn": idCueIP, "localhost": idCueIP, "connect": idCueIP,
	"connecting": idCueIP, "connected": idCueIP,
	"version": idCueVersion, "ver": idCueVersion, "v": idCueVersion, "section": idCueVersion, "sect": idCueVersion,
	"chapter": idCueVersion, "para": idCueVersion, "paragraph": idCueVersion, "clause": idCueVersion,
	"figure": idCueVersion, "fig": idCueVersion, "table": idCueVersion, "step": idCueVersion, "rule": idCueVersion,
	"release": idCueVersion, "firmware": idCueVersion,
	"bed": idCueRoom | idCuePatient, "bay": idCueRoom | idCuePatient, "room": idCueRoom, "side": idCueRoom,
	"cubicle": idCueRoom | idCuePatient, "sr": idCueRoom, "theatre": idCueRoom,
	"timestamp": idCueTime, "epoch": idCueTime, "unix": idCueTime, "ts": idCueTime,
	"number": idCueNumber | idCueTail, "no": idCueNumber | idCueTail, "num": idCueNumber | idCueTail,
	"nr": idCueNumber, "#": idCueNumber, "id": idCueNumber | idCueTail, "identifier": idCueNumber | idCueTail,
	"insurance": idCueTail, "security": idCueTail, "record": idCueTail, "records": idCueTail,
	"code": idCueTail, "document": idCueTail, "details": idCueTail,
}

// idCueBigramFirst holds the first words of idCueBigrams, so that a tail
// word ("no", "number") asks the bigram map only after one of them.
var idCueBigramFirst = func() *wordTable[bool] {
	m := map[string]bool{}
	for k := range idCueBigrams {
		m[k[0]] = true
	}
	return newWordTable(m)
}()

// idCueBigrams are two-word cues, keyed by the lower-case words.
var idCueBigrams = map[[2]string]uint64{
	{"national", "insurance"}: idCueNINO, {"ni", "number"}: idCueNINO, {"ni", "no"}: idCueNINO,
	{"social", "security"}: idCueSSN,
	{"medical", "record"}:  idCueHospNo, {"medical", "records"}: idCueHospNo, {"hospital", "number"}: idCueHospNo,
	{"hospital", "no"}: idCueHospNo, {"hosp", "no"}: idCueHospNo, {"hosp", "number"}: idCueHospNo,
	{"unit", "number"}: idCueHospNo, {"unit", "no"}: idCueHospNo, {"record", "number"}: idCueHospNo,
	{"k", "number"}: idCueHospNo, {"k", "no"}: idCueHospNo, {"case", "number"}: idCueHospNo,
	{"patient", "id"}: idCueHospNo, {"patient", "number"}: idCueHospNo, {"chart", "number"}: idCueHospNo,
	{"post", "code"}: idCuePostcode | idCueResidence, {"zip", "code"}: idCueZIP,
	{"sort", "code"}:           idCueSortCode | idCueAccount,
	{"travel", "document"}:     idCuePassport,
	{"tax", "id"}:              idCueITIN,
	{"provider", "identifier"}: idCueNPI, {"provider", "number"}: idCueNPI,
	{"medicare", "number"}: idCueMedicare,
	{"pin", "number"}:      idCueMedReg, {"registration", "number"}: idCueMedReg | idCuePlate,
	{"account", "number"}: idCueAccount, {"account", "no"}: idCueAccount, {"card", "number"}: idCueCard,
	{"serial", "number"}: idCueSerial, {"serial", "no"}: idCueSerial, {"device", "id"}: idCueSerial,
	{"order", "number"}: idCueRef, {"order", "no"}: idCueRef, {"page", "id"}: idCueRef,
	{"bank", "details"}: idCueAccount,
	{"ip", "address"}:   idCueIP,
}

// idCues holds the context cues of a post's tokens, worked out for every
// token at once when a scan first needs one (most posts need none): a
// loop without a branch marks the words (the tokens that are no
// punctuation) in a bit set, the shared token pass has marked the tokens
// that may have cue bits (tokFCue, by table: most have none), and
// idCueMaskOf works out the masks of the marked tokens only (cueOf in
// ids_cues_test.go is the reference that tested every token). A window's
// bounds are then found in the bit set of the words, and its cues
// read at the tokens of the cued bit set within it, without walking its
// tokens. On real posts the windows are many and long (an emoji written
// "&#128514;" is four tokens, and a run of them is read again for each
// number), and whether each token is punctuation or a cue is a coin toss
// for the branch predictor.
type idCues struct {
	mask []uint64 // the cue bits of each token (0 for most)
	// word and cued are bit sets (bit i%64 of element i/64 for token i) of
	// the tokens that are no punctuation and of those with cue bits
	word, cued []uint64
}

// idCuePool holds the cue tables of finished scans. A scan takes one only
// when it first needs a cue (most posts need none).
var idCuePool = sync.Pool{New: func() any { return new(idCues) }}

// idCueMask returns the cue bits of token i.
func (st *idScan) idCueMask(i int) uint64 {
	if st.cues == nil {
		st.takeCues()
	}
	return st.cues.mask[i]
}

// takeCues takes a cue table from the pool and works out the cues of the
// post from the marks of the shared token pass (see idCues). The tables
// are cleared as far as the post reaches.
func (st *idScan) takeCues() {
	if st.cueBuf == nil {
		st.cueBuf = idCuePool.Get().(*idCues)
	}
	p := st.pass
	if p == nil { // a test's scan, outside run
		p = newPost(st.doc).marks()
	}
	c := st.cueBuf
	toks := st.doc.Tokens
	c.mask = idGrow(c.mask, len(toks))
	c.word, c.cued = idGrow(c.word, len(p.marks)), idGrow(c.cued, len(p.marks))
	clear(c.mask)
	clear(c.word)
	for i := range toks {
		c.word[i>>6] |= idB2u(toks[i].Kind != text.Punct) << (i & 63)
	}
	for k := range p.marks {
		cued := uint64(0)
		for b := p.marks[k].cue; b != 0; b &= b - 1 {
			i := k<<6 | bits.TrailingZeros64(b)
			m := st.idCueMaskOf(i) // the marks stand for the filter cueOf made first (ids_cues_test.go)
			c.mask[i] = m
			cued |= idB2u(m != 0) << (i & 63)
		}
		c.cued[k] = cued
	}
	st.cues = c
}

// idGrow returns b resized to n elements (contents undefined), reusing its
// array when it is large enough.
func idGrow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// idCueMaskOf computes the cue bits of token i from the text around it. Most
// words are no cue: the table's first-byte and length filter turns them away
// before any other test.
func (st *idScan) idCueMaskOf(i int) uint64 {
	t := st.doc.Tokens[i]
	low := st.doc.Lower
	w := low[t.Start:t.End]
	if t.Kind == text.Punct {
		if w == "#" {
			return idCueNumber
		}
		return 0
	}
	m := idCueWords.at(w)
	if t.Kind == text.Word && t.End < len(low) && low[t.End] == '#' {
		m |= idCueWords.at(low[t.Start : t.End+1]) // "work#", "cell#": the '#' is a token of its own
	}
	if len(w) == 1 && t.End < len(low) {
		// Dotted or slashed abbreviations: d.o.b, a/c, s/n.
		rest := low[t.Start:]
		switch {
		case idHasPrefix(rest, "d.o.b"):
			m |= idCuePatient
		case idHasPrefix(rest, "a/c"):
			m |= idCueAccount
		case idHasPrefix(rest, "s/n"):
			m |= idCueSerial
		}
	}
	if m == 0 {
		return 0
	}
	// The rest refine a cue found above.
	if m == idCueRef && (w == "page" || w == "paged") && i+1 < len(st.doc.Tokens) && st.doc.Tokens[i+1].Kind == text.Word &&
		idCueWords.at(low[st.doc.Tokens[i+1].Start:st.doc.Tokens[i+1].End])&idCueNumber == 0 {
		m = 0 // "ask to page Marnie": the verb, not a page number
	}
	if w == "social" && i+1 < len(st.doc.Tokens) && socialNotSSN(low[st.doc.Tokens[i+1].Start:st.doc.Tokens[i+1].End]) {
		m = 0 // "SOCIAL:" heads a note's social history; "social work" is a team
	}
	if m&idCueTail != 0 && i > 0 {
		j := i - 1
		if st.doc.Tokens[j].Kind == text.Punct && j > 0 && low[st.doc.Tokens[j].Start] == '-' {
			j--
		}
		p := st.doc.Tokens[j]
		if pw := low[p.Start:p.End]; idCueBigramFirst.has(pw) {
			m |= idCueBigrams[[2]string{pw, w}]
		}
	}
	return m &^ idCueTail
}

// socialNotSSN reports whether the word after "social" shows it is not
// short for social security: a heading's colon or dash, or a word such as
// "work" or "history".
func socialNotSSN(next string) bool {
	switch next {
	case ":", "-", ">", "=", ";", "work", "worker", "workers", "services", "service", "hx", "history", "media",
		"situation", "care", "circumstances", "support", "team", "admission", "admit":
		return true
	}
	return false
}

func idHasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// ctxWindow returns the token ranges [lo, from) and [to, hi) that hold up to
// nb words before and na words after tokens [from, to): lo is the nb-th
// word before from (0 when there are fewer), hi is just after the na-th
// word from to on (the end of the post when there are fewer). It finds
// them in the bit set of the words (see idCues).
func (st *idScan) ctxWindow(from, to, nb, na int) (lo, hi int) {
	if st.cues == nil {
		st.takeCues()
	}
	return idPrevWord(st.cues.word, from, nb), idNextWord(st.cues.word, to, na, len(st.cues.mask))
}

// idPrevWord returns the nb-th token marked in word before from, or 0 when
// there are fewer; from when nb is 0.
func idPrevWord(word []uint64, from, nb int) int {
	if nb == 0 {
		return from
	}
	k := from >> 6
	var x uint64 // the marks before from of element k
	if k < len(word) {
		x = word[k] & (1<<(from&63) - 1)
	}
	for {
		if c := bits.OnesCount64(x); c < nb {
			nb -= c
			if k--; k < 0 {
				return 0
			}
			x = word[k]
			continue
		}
		for ; nb > 1; nb-- {
			x &^= 1 << (63 - bits.LeadingZeros64(x)) // the nearest mark
		}
		return k<<6 + 63 - bits.LeadingZeros64(x)
	}
}

// idNextWord returns the token after the na-th marked in word from to on,
// or n when there are fewer; to when na is 0.
func idNextWord(word []uint64, to, na, n int) int {
	if na == 0 {
		return to
	}
	k := to >> 6
	var x uint64 // the marks from to on of element k
	if k < len(word) {
		x = word[k] &^ (1<<(to&63) - 1)
	}
	for {
		if c := bits.OnesCount64(x); c < na {
			na -= c
			if k++; k >= len(word) {
				return n
			}
			x = word[k]
			continue
		}
		for ; na > 1; na-- {
			x &= x - 1 // the nearest mark
		}
		return k<<6 + bits.TrailingZeros64(x) + 1
	}
}

// ctx returns the cue bits found up to nb words before and na words after the
// tokens [from, to): those of the tokens [lo, from) and [to, hi) of
// ctxWindow.
func (st *idScan) ctx(from, to, nb, na int) (before, after uint64) {
	return st.cueBefore(from, nb), st.cueAfter(to, na)
}

// cueBefore returns the cue bits of the tokens [lo, from) of ctxWindow: the
// nb-th non-punctuation token before from and all tokens after it (all
// tokens before from when there are fewer words).
func (st *idScan) cueBefore(from, nb int) uint64 {
	if st.cues == nil {
		st.takeCues()
	}
	return st.cues.cuesIn(idPrevWord(st.cues.word, from, nb), from)
}

// cueAfter returns the cue bits of the tokens [to, hi) of ctxWindow: up to
// and including the na-th non-punctuation token from to (all tokens after
// to when there are fewer words); see cueBefore.
func (st *idScan) cueAfter(to, na int) uint64 {
	if st.cues == nil {
		st.takeCues()
	}
	return st.cues.cuesIn(to, idNextWord(st.cues.word, to, na, len(st.cues.mask)))
}

// cuesIn returns the cue bits of the tokens [lo, hi), read at the cued
// tokens only (most windows hold none).
func (c *idCues) cuesIn(lo, hi int) (m uint64) {
	if hi <= 64 && len(c.mask) > 0 {
		// the window lies in the first 64 tokens (most posts have no
		// more): its first cued token is read without a branch, as whether
		// a window holds one is a coin toss
		b := c.cued[0] & (1<<hi - 1) &^ (1<<lo - 1)      // 1<<64 is 0 in Go
		i := min(bits.TrailingZeros64(b), len(c.mask)-1) // 64 when b is 0
		m = c.mask[i] & -idB2u(b != 0)
		for b &= b - 1; b != 0; b &= b - 1 { // a second cue or more: rare
			m |= c.mask[bits.TrailingZeros64(b)]
		}
		return m
	}
	for k := lo >> 6; k<<6 < hi; k++ {
		b := c.cued[k]
		if k == lo>>6 {
			b &^= 1<<(lo&63) - 1 // the tokens from lo on
		}
		if end := hi - k<<6; end < 64 {
			b &= 1<<end - 1 // the tokens before hi
		}
		for ; b != 0; b &= b - 1 {
			m |= c.mask[k<<6|bits.TrailingZeros64(b)]
		}
	}
	return m
}

// idCueText returns the text of the first cue with a bit in bits, searching the
// nb words before the tokens [from, to) (nearest first), then the na after.
func (st *idScan) idCueText(from, to, nb, na int, bits uint64) string {
	lo, hi := st.ctxWindow(from, to, nb, na)
	toks := st.doc.Tokens
	show := func(i int) string {
		t := toks[i]
		w := st.doc.Lower[t.Start:t.End]
		if t.End < len(st.doc.Lower) && st.doc.Lower[t.End] == '#' && idCueWords.at(st.doc.Lower[t.Start:t.End+1])&bits != 0 {
			return st.doc.Norm[t.Start : t.End+1]
		}
		if idCueWords.at(w)&bits == 0 && i > 0 {
			// Matched as the tail of a two-word cue.
			j := i - 1
			if toks[j].Kind == text.Punct && j > 0 {
				j--
			}
			return st.doc.Norm[toks[j].Start:t.End]
		}
		// Name the number word that follows a cue: "NHS no", "CHI number".
		if j := i + 1; j < from && st.idCueMask(j)&idCueNumber != 0 && toks[j].Start == t.End+1 {
			return st.doc.Norm[t.Start:toks[j].End]
		}
		return st.doc.Norm[t.Start:t.End]
	}
	for i := from - 1; i >= lo; i-- {
		if st.idCueMask(i)&bits != 0 {
			return show(i)
		}
	}
	for i := to; i < hi; i++ {
		if st.idCueMask(i)&bits != 0 {
			return show(i)
		}
	}
	return ""
}

// idUSStates are the US state and territory postal abbreviations.
var idUSStates = newWordTable(map[string]bool{
	"AL": true, "AK": true, "AZ": true, "AR": true, "CA": true, "CO": true, "CT": true, "DE": true,
	"FL": true, "GA": true, "HI": true, "ID": true, "IL": true, "IN": true, "IA": true, "KS": true,
	"KY": true, "LA": true, "ME": true, "MD": true, "MA": true, "MI": true, "MN": true, "MS": true,
	"MO": true, "MT": true, "NE": true, "NV": true, "NH": true, "NJ": true, "NM": true, "NY": true,
	"NC": true, "ND": true, "OH": true, "OK": true, "OR": true, "PA": true, "RI": true, "SC": true,
	"SD": true, "TN": true, "TX": true, "UT": true, "VT": true, "VA": true, "WA": true, "WV": true,
	"WI": true, "WY": true, "DC": true, "PR": true,
})

// idUSStateNames maps lower-case state names (the last word of two-word names
// maps to the first word it needs).
var idUSStateNames = newWordTable(map[string]string{
	"alabama": "", "alaska": "", "arizona": "", "arkansas": "", "california": "", "colorado": "",
	"connecticut": "", "delaware": "", "florida": "", "georgia": "", "hawaii": "", "idaho": "",
	"illinois": "", "indiana": "", "iowa": "", "kansas": "", "kentucky": "", "louisiana": "",
	"maine": "", "maryland": "", "massachusetts": "", "michigan": "", "minnesota": "",
	"mississippi": "", "missouri": "", "montana": "", "nebraska": "", "nevada": "", "ohio": "",
	"oklahoma": "", "oregon": "", "pennsylvania": "", "tennessee": "", "texas": "", "utah": "",
	"vermont": "", "virginia": "", "washington": "", "wisconsin": "", "wyoming": "",
	"hampshire": "new", "jersey": "new", "mexico": "new", "york": "new", "carolina": "*",
	"dakota": "*", "island": "rhode", "columbia": "of", "rico": "puerto",
})

// placeBefore reports a capitalised place name (lexicon flag f, or a two-word
// place phrase of a kind in pk) right before token i, a comma between
// allowed: "Leeds LS6", "Round Rock, 78664".
func (st *idScan) placeBefore(i int, f lexicon.Flags, pk uint32) (string, bool) {
	toks := st.doc.Tokens
	j := i - 1
	if j >= 0 && toks[j].Kind == text.Punct && st.s[toks[j].Start] == ',' {
		j--
	}
	if j < 0 || toks[j].Kind != text.Word || toks[j].Shape&(text.Title|text.Upper) == 0 {
		return "", false
	}
	w := st.s[toks[j].Start:toks[j].End]
	if e, ok := lexicon.Lookup(lexicon.Key(w)); ok && e.Flags&f != 0 && e.Flags&lexicon.CommonWord == 0 {
		return w, true
	}
	if k := j - 1; k >= 0 && toks[k].Kind == text.Word && toks[k].End+1 == toks[j].Start && toks[k].Shape&(text.Title|text.Upper) != 0 {
		if kinds, _ := lexicon.LookupPhrase(st.low[toks[k].Start:toks[j].End]); kinds&pk != 0 {
			return st.s[toks[k].Start:toks[j].End], true
		}
	}
	return "", false
}
