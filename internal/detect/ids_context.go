package detect

import (
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
	idCueDone // internal: idCues.mask holds the token's cue bits
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

// idCueSecond has bit c&63 of idCueSecond[b] set when a cue word of two or
// more bytes starts with the bytes b and c: with the table's first-byte and
// length filter it turns away short words such as "the" or "is" that share
// a first byte and length with a cue ("tel", "ip").
var idCueSecond = func() (f [256]uint64) {
	for w := range idCueWordMap {
		if len(w) > 1 {
			f[w[0]] |= 1 << (w[1] & 63)
		}
	}
	return f
}()

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

// idCues holds the context cues of a post's tokens. They are worked out
// token by token on demand, as the windows a scan asks about are walked;
// once the walks have read more tokens than the post has (real posts put
// many tokens in a window: an emoji written "&#128514;" is four, and a run
// of them is read again for each number), every token's cue is worked out in
// one pass (fillCues), with the counts that let ctx find the cues of a window
// without walking it. Either way the work is at most about twice the cheaper
// of the two.
type idCues struct {
	mask  []uint64 // the cue bits of each token, with idCueDone once known
	eager bool     // every mask is known and the counts below are filled
	// walked counts the tokens the windows have read while not eager.
	walked int
	// ord[i] is the number of non-punctuation tokens before token i, and
	// cued[i] the number of tokens before i with cue bits (both n+1 long).
	ord, cued []int32
	// word[k] is the index of the k-th non-punctuation token.
	word []int32
}

// idCuePool holds the cue tables of finished scans. A scan takes one only
// when it first needs a cue (most posts need none).
var idCuePool = sync.Pool{New: func() any { return new(idCues) }}

// idCueMask returns the cue bits of token i (idCueMaskNew works out those
// not yet known).
func (st *idScan) idCueMask(i int) uint64 {
	if c := st.cues; c != nil && c.mask[i]&idCueDone != 0 {
		return c.mask[i] &^ idCueDone
	}
	return st.idCueMaskNew(i)
}

// idCueMaskNew works out and keeps the cue bits of token i, first taking
// the scan's cue table if it has none.
func (st *idScan) idCueMaskNew(i int) uint64 {
	if st.cues == nil {
		st.takeCues()
	}
	m := st.cueOf(i)
	st.cues.mask[i] = m | idCueDone
	return m
}

// takeCues takes a cue table from the pool, its masks all unknown.
func (st *idScan) takeCues() {
	if st.cueBuf == nil {
		st.cueBuf = idCuePool.Get().(*idCues)
	}
	c := st.cueBuf
	c.mask = idGrow(c.mask, len(st.doc.Tokens))
	clear(c.mask)
	c.eager, c.walked = false, 0
	st.cues = c
}

// fillCues works out the cue bits of every token not yet known and the
// counts of idCues.
func (st *idScan) fillCues() {
	c := st.cues
	n := len(st.doc.Tokens)
	c.ord = idGrow(c.ord, n+1)
	c.cued = idGrow(c.cued, n+1)
	c.word = idGrow(c.word, n)
	mask, ord, cued, word := c.mask[:n], c.ord[:n+1], c.cued[:n+1], c.word[:n]
	var nw, nc int32
	for i := range st.doc.Tokens {
		ord[i], cued[i] = nw, nc
		// without a branch: whether a token is punctuation is a coin toss
		word[nw] = int32(i) // kept only if token i is no punctuation (nw <= i)
		nw += int32(idB2u(st.doc.Tokens[i].Kind != text.Punct))
		m := mask[i]
		if m&idCueDone == 0 {
			// cueOf written out: a call per token costs more than its test
			m = idCueDone
			if t := &st.doc.Tokens[i]; t.Kind == text.Punct {
				if st.doc.Lower[t.Start] == '#' && t.End-t.Start == 1 {
					m |= idCueNumber
				}
			} else if idCueMay(st.doc.Lower, t.Start, t.End) {
				m |= st.idCueMaskOf(i)
			}
			mask[i] = m
		}
		if m != idCueDone {
			nc++
		}
	}
	ord[n], cued[n] = nw, nc
	c.word = word[:nw]
	c.eager = true
}

// cueOf returns the cue bits of token i. Most tokens are no cue: it turns
// them away with idCueMay and asks idCueMaskOf only about the few that pass.
func (st *idScan) cueOf(i int) uint64 {
	t := &st.doc.Tokens[i]
	low := st.doc.Lower
	if t.Kind == text.Punct {
		if low[t.Start] == '#' && t.End-t.Start == 1 {
			return idCueNumber
		}
		return 0
	}
	if idCueMay(low, t.Start, t.End) {
		return st.idCueMaskOf(i)
	}
	return 0
}

// idCueMay reports whether the word or number low[start:end] may be a cue:
// the table holds a word of its first two bytes and length, it is glued to
// a '#' ("work#"), or it is the letter of "d.o.b", "a/c" or "s/n".
func idCueMay(low string, start, end int) bool {
	k, c0 := end-start, low[start]
	return idCueWords.lens[c0]&(1<<min(k, 31)) != 0 && (k == 1 || idCueSecond[c0]>>(low[start+1]&63)&1 != 0) ||
		end < len(low) && (low[end] == '#' || k == 1 && (low[end] == '.' || low[end] == '/'))
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
// nb words before and na words after tokens [from, to).
func (st *idScan) ctxWindow(from, to, nb, na int) (lo, hi int) {
	toks := st.doc.Tokens
	lo, hi = from, to
	for k := 0; lo > 0 && k < nb; {
		lo--
		if toks[lo].Kind != text.Punct {
			k++
		}
	}
	for k := 0; hi < len(toks) && k < na; {
		if toks[hi].Kind != text.Punct {
			k++
		}
		hi++
	}
	return lo, hi
}

// ctx returns the cue bits found up to nb words before and na words after the
// tokens [from, to): those of the tokens [lo, from) and [to, hi) of
// ctxWindow.
func (st *idScan) ctx(from, to, nb, na int) (before, after uint64) {
	return st.cueBefore(from, nb), st.cueAfter(to, na)
}

// cueBefore returns the cue bits of the tokens [lo, from) of ctxWindow: the
// nb-th non-punctuation token before from and all tokens after it (all
// tokens before from when there are fewer words). With every cue known the
// window's start comes from the word counts of idCues, and a window with no
// cued token is not read at all.
func (st *idScan) cueBefore(from, nb int) (m uint64) {
	if st.cues == nil {
		st.takeCues()
	}
	c := st.cues
	if !c.eager {
		lo, _ := st.ctxWindow(from, from, nb, 0)
		for i := lo; i < from; i++ {
			k := c.mask[i] // known masks read in place: this loop is hot on real posts
			if k&idCueDone == 0 {
				k = st.idCueMaskNew(i)
			}
			m |= k
		}
		m &^= idCueDone
		if c.walked += from - lo; c.walked > len(c.mask) {
			st.fillCues()
		}
		return m
	}
	lo := 0
	if k := int(c.ord[from]) - nb; nb == 0 {
		lo = from
	} else if k >= 0 {
		lo = int(c.word[k])
	}
	if c.cued[lo] != c.cued[from] {
		for _, b := range c.mask[lo:from] {
			m |= b
		}
	}
	return m &^ idCueDone
}

// cueAfter returns the cue bits of the tokens [to, hi) of ctxWindow: up to
// and including the na-th non-punctuation token from to (all tokens after
// to when there are fewer words); see cueBefore.
func (st *idScan) cueAfter(to, na int) (m uint64) {
	if st.cues == nil {
		st.takeCues()
	}
	c := st.cues
	if !c.eager {
		_, hi := st.ctxWindow(to, to, 0, na)
		for i := to; i < hi; i++ {
			k := c.mask[i] // known masks read in place: this loop is hot on real posts
			if k&idCueDone == 0 {
				k = st.idCueMaskNew(i)
			}
			m |= k
		}
		m &^= idCueDone
		if c.walked += hi - to; c.walked > len(c.mask) {
			st.fillCues()
		}
		return m
	}
	hi := len(c.mask)
	if k := int(c.ord[to]) + na - 1; na == 0 {
		hi = to
	} else if k < len(c.word) {
		hi = int(c.word[k]) + 1
	}
	if c.cued[to] != c.cued[hi] {
		for _, b := range c.mask[to:hi] {
			m |= b
		}
	}
	return m &^ idCueDone
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
