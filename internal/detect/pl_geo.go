package detect

// STREET, CITY and COUNTRY: street names and addresses ("14 Acacia Avenue", "Church Lane",
// "Flat 2, 14 Acacia Ave"), towns, cities, villages and counties from the lexicon's
// gazetteer ("Aylsham", "Milton Keynes", "Yorkshire", "Cook County"), countries, UK nations
// and US states ("Wales", "Texas"), and state abbreviations after a city ("Reading, PA").
//
// A place name that is also a common word or a popular first name ("Bath", "Reading",
// "Hope", "Florence") needs a capital and place context ("in", "near", "from", "Bath city
// centre", "Reading, PA"); in a post written all in capitals or all in lower case the
// context and the rarity of the word as an English word decide.

import (
	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// findStreets finds street names and addresses.
func (p *plDoc) findStreets() {
	n := len(p.toks)
	for i := p.nextGate(0, pgStreet); i < n; i = p.nextGate(i+1, pgStreet) {
		t := &p.toks[i]
		if !t.word {
			continue
		}
		kind := p.doc.Tokens[i].Kind
		if kind == text.Alnum && (t.lw[0] == 'm' || t.lw[0] == 'a' || t.lw[0] == 'b') || kind == text.Word && t.my&pbRoadWord != 0 {
			// what roadAt can match
			if e := p.roadAt(i); e > i {
				i = e - 1
				continue
			}
		}
		if kind != text.Word {
			continue
		}
		tierA, tierB := t.my&pbStreetA != 0, t.my&pbStreetB != 0
		if !tierA && !tierB && !t.e.Any(lexicon.StreetSuffix) {
			continue
		}
		if t.key == "st" {
			// "Main St", not "St Mary's"; a weekday or month after it is no saint ("on
			// Birch St Friday")
			if k := p.nextWord(i); k >= 0 && (p.caseless || p.toks[k].cap) && p.doc.Tokens[k].Kind == text.Word &&
				!(k == i+1 && p.toks[k].e.Any(lexicon.Weekday|lexicon.Month)) {
				continue
			}
			if p.isPunct(i+1, '.') && i+2 < n && p.toks[i+2].word && p.toks[i+2].cap && !p.toks[i+2].sentStart &&
				!p.streetBeforeDot(i) {
				continue
			}
		}
		if t.key == "dr" {
			// "Quillon Dr past the school", not "Dr Okafor", "Dr. Shah": a title
			// before a name or a capitalised word is no street
			k := i + 1
			if p.isPunct(k, '.') {
				k++
			}
			if k < n && p.toks[k].word && (p.caseless || p.toks[k].cap) && !p.doc.Tokens[k].Newline {
				continue
			}
		}
		if e := p.streetAt(i, tierA, tierB); e > i {
			i = e - 1
		}
	}
	for _, ph := range p.phrases {
		if ph.kind != lexicon.PhraseStreet {
			continue
		}
		s, e := ph.start, ph.end
		if plStreetNot[string(p.keyText(s, e))] {
			continue
		}
		ctx := p.streetCtx(s)
		conf := 0.0
		switch {
		case p.caseless:
			if ctx {
				conf = 0.65
			}
		case p.allCap(s, e):
			conf = 0.75
			if p.toks[s].headline {
				conf -= 0.2
			}
			if ctx {
				conf += 0.1
			}
		}
		p.addPh(ph, result.Street, conf, "STREET: street name list '"+p.tokText(s, e)+"', "+p.caseNote(s))
	}
}

// streetBeforeDot reports whether "St." at token i ends a street's name rather than
// opening a saint's: a capitalised name before it, and after the dot and a space a
// word that is no first name ("at 318 Larkmoor St. Thanks!", not "Mount St. Joseph").
func (p *plDoc) streetBeforeDot(i int) bool {
	k := p.prevWord(i)
	if k < 0 || !p.toks[k].cap || p.toks[k].sentStart || !p.doc.Tokens[i+2].Space {
		return false
	}
	n := &p.toks[i+2]
	return n.e.FirstNameFreq == 0 && n.my&pbSaint == 0 && !n.e.Any(plPlaceFlags)
}

// roadAt matches road numbers: "the M62", "on the A65", "I-80", "US-89", "Route 9".
func (p *plDoc) roadAt(i int) int {
	t := &p.toks[i]
	kind := p.doc.Tokens[i].Kind
	switch {
	case kind == text.Alnum && plRoadID(t.lw) && t.lw[0] != 'i':
		// UK roads need capitals and "the" before them: "B12" is a vitamin, "A4" paper.
		if p.caseless && !p.doc.AllCaps || !t.upper {
			return i
		}
		k := p.prevWord(i)
		if k < 0 || p.toks[k].key != "the" {
			return i
		}
		if n := p.nextWord(i); n >= 0 && (p.toks[n].my&pbEventNoun != 0 || p.toks[n].lw == "pile") {
			return i // "the M62 pile-up": a FEATURE
		}
		p.add(i, i+1, result.Street, 0.7, "STREET: road number '"+p.tokText(i, i+1)+"' after 'the'")
		return i + 1
	case kind == text.Word && (t.key == "i" || t.key == "us" || t.key == "sr") && t.upper:
		// "I-80", "US-89"
		if p.isPunct(i+1, '-') && !p.doc.Tokens[i+1].Space && p.isKind(i+2, text.Number) && !p.doc.Tokens[i+2].Space && len(p.toks[i+2].lw) <= 3 {
			p.add(i, i+3, result.Street, 0.75, "STREET: road number '"+p.tokText(i, i+3)+"'")
			return i + 3
		}
	case kind == text.Word && (t.key == "route" || t.key == "highway" || t.key == "interstate" || t.key == "hwy") && (p.caseless || t.cap):
		if j := p.nextWord(i); j >= 0 && p.isKind(j, text.Number) && len(p.toks[j].lw) <= 3 {
			if n := p.nextWord(j); n >= 0 && p.toks[n].my&pbRoomAfterUnit != 0 {
				return i
			}
			p.add(i, j+1, result.Street, 0.75, "STREET: road number '"+p.tokText(i, j+1)+"'")
			return j + 1
		}
	}
	return i
}

// keyText joins the keys of the words in [s, e) with spaces, for small look-ups
// (set[string(p.keyText(s, e))] does not allocate). The bytes are valid until the next call.
func (p *plDoc) keyText(s, e int) []byte {
	b := p.kbuf[:0]
	for k := s; k < e; k++ {
		if !p.toks[k].word {
			continue
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, p.toks[k].key...)
	}
	p.kbuf = b
	return b
}

// plStreetCtx are words before a street name that make it an address.
var plStreetCtx = WordSet("on", "in", "off", "down", "along", "lives", "lived", "living",
	"at", "from", "near", "up", "onto", "into", "corner", "opposite", "crossing", "crossed",
	"address", "moved", "via")

// streetCtx reports whether the street name at token s follows an address word.
func (p *plDoc) streetCtx(s int) bool {
	k := p.prevWord(s)
	if k >= 0 && p.toks[k].key == "the" {
		k = p.prevWord(k)
	}
	return k >= 0 && plStreetCtx[p.toks[k].key]
}

// streetAt judges a street suffix at token c; it returns the end of the street, or c.
func (p *plDoc) streetAt(c int, tierA, tierB bool) int {
	suf := &p.toks[c]
	allowLower := false
	// Name words before the suffix.
	s, words, distinct, rare := c, 0, 0, false
	scan := func(lower bool) {
		s, words, distinct, rare = c, 0, 0, false
		for k := c - 1; k >= 0 && words < 4; k-- {
			if p.doc.Tokens[k+1].Newline {
				break
			}
			if !p.toks[k].word {
				if (p.isPunct(k, '\'') || p.isPunct(k, '-') || p.isPunct(k, '.') && p.lwIn(k-1, pbAbbrevDot)) && !p.doc.Tokens[k].Space {
					continue
				}
				break
			}
			t := &p.toks[k]
			kind := p.doc.Tokens[k].Kind
			if kind == text.Number || kind == text.Alnum && !plIsOrdinal(t.lw) {
				break
			}
			if t.my&pbStop != 0 && !(t.my&pbKeepInName != 0 && (p.properCap(k) || lower)) {
				break
			}
			if t.e.Any(lexicon.Title|lexicon.HealthRole|lexicon.Relative) && t.my&pbRoyalTitle == 0 {
				break
			}
			if !p.caseless && !t.cap && !lower && kind != text.Alnum {
				break // an ordinal ("5th Ave") has no capital
			}
			if !p.caseless && !lower && t.sentStart && plCommon(t.e) && !t.e.Any(plPlaceFlags|lexicon.Surname|lexicon.FirstName) {
				break
			}
			if t.my&pbHouseNumberNot != 0 && words == 0 {
				break
			}
			s = k
			words++
			if t.my&pbGeneric == 0 {
				distinct++
				if !plCommon(t.e) || t.e.Any(plPlaceFlags) {
					rare = true
				}
			}
		}
	}
	scan(false)
	num := p.houseNumber(s)
	if num < 0 && (words == 0 || !p.caseless) {
		// "14 acacia avenue": lower case is allowed after a house number.
		save := [4]int{s, words, distinct, 0}
		saveRare := rare
		scan(true)
		if words > 0 {
			if n2 := p.houseNumber(s); n2 >= 0 {
				num, allowLower = n2, true
			}
		}
		if !allowLower {
			s, words, distinct, rare = save[0], save[1], save[2], saveRare
		}
	}
	if words == 0 {
		return c
	}
	if words == 1 && p.doc.Tokens[s].Kind == text.Alnum && !plOrdinalSuffix(suf.key) {
		return c // "the 2nd Dr", "3rd Floor": an ordinal names only a numbered street
	}
	if plStreetNot[string(p.keyText(s, c+1))] {
		return c
	}
	if num >= 0 && p.toks[s].my&pbHouseNumberNot != 0 {
		return c // "400 lb pt", "12 hour day"
	}
	ctx := p.streetCtx(s)
	if num >= 0 {
		ctx = true
	}
	if len(suf.lw) <= 3 && suf.upper && !p.doc.AllCaps && num < 0 {
		return c // "L CT", "EKG ST": a scan, a segment
	}
	if len(p.toks[s].lw) < 2 || p.toks[s].e.Any(lexicon.ClinicalTerm) {
		return c // "16 u lente SQ"
	}
	sufCap := p.caseless || suf.cap
	var conf float64
	why := ""
	switch {
	case num >= 0:
		start := p.flatPrefix(num)
		switch {
		case !allowLower && sufCap && !p.caseless:
			conf = 0.9
		case tierA || tierB:
			conf = 0.8
			if p.caseless {
				conf = 0.85
			}
		case !allowLower && sufCap && !p.caseless:
			conf = 0.7
		default:
			return c
		}
		p.add(start, c+1, result.Street, conf, "STREET: house number + name + '"+suf.lw+"'")
		return c + 1
	case p.caseless:
		if !tierA || !ctx || !rare {
			return c
		}
		conf, why = 0.6, ", after an address word"
	case !sufCap:
		return c
	case tierA:
		conf = 0.75
		if ctx {
			conf, why = 0.85, ", after an address word"
		}
	case tierB:
		if !ctx && (!rare || p.toks[s].sentStart) {
			return c // "Magnolia Gardens cut our…": a care home as often as a street
		}
		conf = 0.65
		if ctx {
			conf, why = 0.75, ", after an address word"
		}
	default:
		return c
	}
	if p.toks[s].headline && !ctx {
		conf -= 0.2
	}
	p.add(s, c+1, result.Street, conf, "STREET: name + suffix '"+p.tokText(c, c+1)+"', "+p.caseNote(s)+why)
	return c + 1
}

// plOrdinalSuffix reports whether a street suffix takes a bare ordinal as its name
// ("5th Ave", "2nd Street"; not "2nd Dr", a second doctor, nor "1st AV", a heart block).
func plOrdinalSuffix(key string) bool {
	switch key {
	case "st", "street", "ave", "avenue", "rd", "road", "blvd", "boulevard", "pl", "place",
		"ln", "lane", "ter", "terrace":
		return true
	}
	return false
}

// houseNumber returns the index of a house number right before token s ("14", "14a",
// "14-16"), or -1.
func (p *plDoc) houseNumber(s int) int {
	k := s - 1
	if k < 0 || p.doc.Tokens[s].Newline || !p.doc.Tokens[s].Space {
		return -1
	}
	kind := p.doc.Tokens[k].Kind
	lw := p.toks[k].lw
	switch {
	case kind == text.Number && len(lw) <= 4 && lw != "0":
	case kind == text.Alnum && len(lw) <= 5 && plIDShape(lw) && lw[0] >= '0' && lw[0] <= '9' && lw[len(lw)-2] >= '0' && lw[len(lw)-2] <= '9':
		// "14a", not "790cc"
	default:
		return -1
	}
	// "14-16 High Street"
	if k >= 2 && p.isPunct(k-1, '-') && p.isKind(k-2, text.Number) {
		k -= 2
	}
	// Not a time or a quantity: "at 10:30", "£14".
	if k > 0 && (p.isPunct(k-1, ':') || p.isPunct(k-1, '£') || p.isPunct(k-1, '$') || p.isPunct(k-1, '/') || p.isPunct(k-1, '.')) && !p.doc.Tokens[k].Space {
		return -1
	}
	return k
}

// flatPrefix extends an address back over "Flat 2, " ("Apt 3", "Unit 4").
func (p *plDoc) flatPrefix(num int) int {
	k := num - 1
	if p.isPunct(k, ',') {
		k--
	}
	if k >= 1 && p.isID(k) && p.toks[k-1].word {
		switch p.toks[k-1].key {
		case "flat", "apartment", "apt", "unit", "suite", "room":
			return k - 1
		}
	}
	return num
}

// ---- towns, counties, countries ----

// plCtx is the strength of place context: none, weak ("from"), strong ("in", "near"),
// sure (", Somerset", "town of").
const (
	plCtxNone = iota
	plCtxWeak
	plCtxStrong
	plCtxSure
)

// plWhy is what placeCtx says of a context, for reasons: its text is the three parts
// joined (constants and words of the post, so that judging allocates nothing).
type plWhy struct{ a, b, c string }

func (w plWhy) empty() bool { return w.a == "" }

func (w plWhy) appendTo(b []byte) []byte {
	return append(append(append(b, w.a...), w.b...), w.c...)
}

// placeCtx judges the context of a place name at tokens [s, e). last is the end token
// of the previous place found (for "Leeds and Bradford").
func (p *plDoc) placeCtx(s, e, last int) (int, plWhy) {
	level, why := plCtxNone, plWhy{}
	if k := p.prevWord(s); k >= 0 {
		if plPlaceAdj[p.toks[k].key] && !p.toks[k].cap {
			// "in rural Montana", "from upstate Vermont": the preposition before the
			// adjective counts as if it stood next to the name.
			if j := p.prevWord(k); j >= 0 && p.toks[j].my&pbPrepStrong != 0 {
				k = j
			}
		}
		w := p.toks[k].key
		switch {
		case w == "of" && p.lwIn(p.prevWord(k), pbOfNoun):
			return plCtxSure, plWhy{"after '", p.lwAt(p.prevWord(k)), " of'"}
		case p.toks[k].my&pbPrepStrong != 0:
			level, why = plCtxStrong, plWhy{"after '", p.toks[k].lw, "'"}
		case (w == "and" || w == "or") && last >= 0 && last == k:
			level, why = plCtxStrong, plWhy{"in a list of places", "", ""}
		case w == "to" && p.lwIn(p.prevWord(k), pbMoveVerb):
			level, why = plCtxStrong, plWhy{"after '", p.lwAt(p.prevWord(k)), " to'"}
		case p.toks[k].my&pbPrepWeak != 0 && w != "of" && w != "and" && w != "or":
			level, why = plCtxWeak, plWhy{"after '", p.toks[k].lw, "'"}
		}
	} else if p.isPunct(s-1, ',') && (last == s-2 || s >= 2 && p.toks[s-2].word && (p.toks[s-2].e.Any(lexicon.StreetSuffix) || p.outwardPostcode(s-2))) {
		level, why = plCtxStrong, plWhy{"after an address or another place", "", ""}
	}
	if level < plCtxStrong && e+1 < len(p.toks) && (p.isPunct(e, ',') || p.lwAt(e) == "and" || p.lwAt(e) == "or") && p.toks[e+1].word && !p.doc.Tokens[e+1].Newline {
		// "Wells and Glastonbury": next to a plain place name.
		nt := &p.toks[e+1]
		if nt.e.Any(plPlaceFlags) && !plCommon(nt.e) && !plPersonish(nt.e) && (p.caseless || nt.cap) && nt.e.Population >= 5000 {
			level, why = plCtxStrong, plWhy{"in a list of places", "", ""}
		}
	}
	if e < len(p.toks) {
		if k := p.nextWord(e - 1); k >= 0 && p.toks[k].my&pbPlaceAfter != 0 && (p.caseless || !p.toks[k].cap) {
			if level < plCtxStrong {
				level, why = plCtxStrong, plWhy{"before '", p.toks[k].lw, "'"}
			}
		}
		if p.stateAbbrev(e) && !p.doc.AllCaps && p.cityRightBefore(e) {
			return plCtxSure, plWhy{"before state '", p.tokText(e, e+1), "'"}
		}
		if p.isPunct(e, ',') && e+1 < len(p.toks) && p.toks[e+1].word && !p.doc.Tokens[e+1].Newline {
			nt := &p.toks[e+1]
			switch {
			case nt.e.Any(lexicon.County|lexicon.Region) && (p.caseless || nt.cap) && !plCommon(nt.e):
				return plCtxSure, plWhy{"before county or state '", p.tokText(e+1, e+2), "'"}
			case p.stateAbbrev(e + 1):
				return plCtxSure, plWhy{"before state '", p.tokText(e+1, e+2), "'"}
			case p.outwardPostcode(e + 1):
				return plCtxSure, plWhy{"before postcode", "", ""}
			case plExtraCounties[nt.key] && (p.caseless || nt.cap):
				return plCtxSure, plWhy{"before county '", p.tokText(e+1, e+2), "'"}
			}
		}
	}
	return level, why
}

// plHolidays are feast days that are also towns ("Christmas, Florida").
var plHolidays = WordSet("christmas", "easter", "halloween", "thanksgiving", "xmas",
	"valentine", "valentines", "diwali", "eid", "hanukkah", "ramadan", "boxing")

// plMoveVerbs before "to" make a place of what follows ("moved to Reading").
var plMoveVerbs = WordSet("moved", "moving", "move", "relocated", "relocating", "back",
	"flew", "drove", "went", "travelled", "traveled", "commute", "commutes", "emigrated",
	"transferred", "evacuated", "holiday", "trip", "journey", "visit", "visits", "way",
	"near", "close", "next", "down", "up", "over")

// stateAbbrev reports whether token i is a US state abbreviation written in capitals.
func (p *plDoc) stateAbbrev(i int) bool {
	if i < 0 || i >= len(p.toks) || !p.toks[i].word || !p.toks[i].upper || len(p.toks[i].lw) != 2 || p.doc.AllLower {
		return false
	}
	_, ok := lexicon.USState(p.toks[i].lw)
	return ok
}

// outwardPostcode reports whether token i looks like a UK postcode's outward part ("NR11").
func (p *plDoc) outwardPostcode(i int) bool {
	if p.doc.Tokens[i].Kind != text.Alnum {
		return false
	}
	s := p.toks[i].lw
	k := 0
	for k < len(s) && s[k] >= 'a' && s[k] <= 'z' {
		k++
	}
	if k < 1 || k > 2 || len(s)-k < 1 || len(s)-k > 2 {
		return false
	}
	return s[k] >= '0' && s[k] <= '9'
}

// cityRightBefore reports whether the capital state code at token i follows a known US
// place with no comma between ("Denton TX", "Ames IA 50010"). A code that is also a word
// or a note abbreviation ("IN", "MI", "MD") counts only before a ZIP code or at the end
// of a sentence ("Boise ID.").
func (p *plDoc) cityRightBefore(i int) bool {
	k := p.prevWord(i)
	if k < 0 || !p.toks[k].cap || !p.doc.Tokens[i].Space {
		return false
	}
	place := false
	a0, a1, b0, b1 := p.phSpan(i-p.phMaxLen, i-1) // the phrases that may end at i
	for _, r := range [2][2]int{{a0, a1}, {b0, b1}} {
		for _, ph := range p.phrases[r[0]:r[1]] {
			if ph.end == i && (ph.kind == lexicon.PhrasePlaceUS || ph.kind == lexicon.PhraseCounty) {
				place = true
			}
		}
	}
	if t := &p.toks[k]; !place && (!t.e.Any(lexicon.PlaceUS) || t.e.Any(lexicon.ClinicalTerm) || t.my&pbNotPlace != 0 || t.sentStart && plCommon(t.e)) {
		return false
	}
	switch p.toks[i].lw {
	case "ok", "in", "me", "or", "hi", "oh", "la", "ma", "pa", "de", "co", "al", "id", "mi",
		"md", "ct", "ms", "va", "ne", "sc", "nc", "ri", "nd", "ga", "mo", "ut", "tn", "wa":
		j := i + 1
		if j >= len(p.toks) || p.doc.Tokens[j].Newline {
			return true
		}
		if tok := p.doc.Tokens[j]; tok.Kind == text.Number && tok.End-tok.Start == 5 {
			return true
		}
		switch p.toks[j].pc {
		case '.', '!', '?', ')':
			return true
		}
		// "I'm near Xenia OH if it helps": a clause goes on in lower case
		// after the capitals of a mixed-case post
		return !p.doc.AllCaps && p.doc.Tokens[j].Kind == text.Word && p.doc.Tokens[j].Shape&text.Lower != 0 &&
			plAfterStateCode[p.toks[j].lw]
	}
	return true
}

// plAfterStateCode are the words that may go on after a city and an
// ambiguous state code ("Xenia OH if it helps", "the Greeley CO
// area"); "and", "so" may be the word the code spells ("oh and…").
var plAfterStateCode = WordSet("if", "area", "metro", "suburbs", "region")

// plPersonBefore are words before a name that make it a person's ("called Florence").
var plPersonBefore = WordSet("called", "named", "dear", "love", "hi", "hey", "thanks",
	"cheers", "bless", "poor", "little", "baby", "aunt", "auntie", "uncle", "cousin")

// personAround reports whether the name at tokens [s, e) reads as a person's: a title or
// first name before it, a surname after it.
func (p *plDoc) personAround(s, e int) bool {
	k := p.prevWord(s)
	if k < 0 && p.isPunct(s-1, '.') && s >= 2 && p.toks[s-2].word && p.toks[s-2].e.Any(lexicon.Title) {
		return true // "Mrs. Delgado"
	}
	if k >= 0 {
		pt := &p.toks[k]
		if pt.e.Any(lexicon.Title) && (p.caseless || pt.cap) || pt.my&pbPersonBefore != 0 || pt.e.Any(lexicon.Relative) {
			return true
		}
		if !p.caseless && pt.cap && pt.e.FirstNameFreq >= 80 && !pt.e.Any(plPlaceFlags) && pt.my&pbDirection == 0 &&
			(!plCommon(pt.e) || pt.e.FirstNameFreq >= 120) && !pt.e.Any(lexicon.Month|lexicon.Weekday) {
			return true // "Sarah Preston", "Josh Marlow"
		}
	}
	if k := p.nextWord(e - 1); k >= 0 && !p.caseless {
		nt := &p.toks[k]
		if nt.cap && !nt.sentStart && nt.e.Any(lexicon.Surname|lexicon.FirstName) &&
			!nt.e.Any(plPlaceFlags|lexicon.StreetSuffix|lexicon.HospitalCue|lexicon.Month|lexicon.Weekday) &&
			nt.my&pbGeneric == 0 && (!plCommon(nt.e) || nt.e.SurnameFreq >= 120) && nt.my&pbOrgCue == 0 {
			return true // "Chester Bennington", "Linda Marsh"
		}
	}
	return false
}

// findPlaces finds towns, counties, countries and US states.
func (p *plDoc) findPlaces() {
	last := -1
	covered := -1 // end token of the last phrase place
	// Phrases first: "Milton Keynes", "New York", "North Yorkshire", "Cook County".
	for _, ph := range p.phrases {
		var typ result.Type
		switch ph.kind {
		case lexicon.PhrasePlaceGB, lexicon.PhrasePlaceUS, lexicon.PhrasePlaceOther, lexicon.PhraseCounty:
			typ = result.City
			if p.territory(ph) {
				typ = result.Country // "Puerto Rico": a territory, though towns share the name
			}
		case lexicon.PhraseRegion:
			typ = result.Country
			if p.hasPhraseKind(ph.start, ph.end, lexicon.PhrasePlaceGB, lexicon.PhrasePlaceUS, lexicon.PhrasePlaceOther, lexicon.PhraseCounty) {
				continue // "New York": the city reading is kept
			}
		default:
			continue
		}
		if ph.start < covered {
			continue
		}
		if conf, why := p.phrasePlace(ph, last); conf > 0 {
			p.addPh(ph, typ, conf, why)
			last = ph.end - 1
			covered = ph.end
		}
	}
	n := len(p.toks)
	for i := p.nextGate(0, pgPlace); i < n; i = p.nextGate(i+1, pgPlace) {
		t := &p.toks[i]
		if !t.word || p.doc.Tokens[i].Kind != text.Word || len(t.lw) < 2 {
			continue
		}
		if !t.e.Any(plPlaceFlags) && t.my&(pbExtraPlace|pbExtraCounty|pbCountryWord|pbCountyWord) == 0 &&
			!p.isPunct(i+1, '-') && !(t.upper && len(t.lw) == 2) &&
			!(t.cap && i+1 < n && p.toks[i+1].my&pbCountyWord != 0) {
			// None of hyphenPlace, stateAbbrev, countyPattern, countryAbbrev and
			// placeToken can match here.
			continue
		}
		if i < covered && p.insidePlacePhrase(i) {
			continue
		}
		if e := p.hyphenPlace(i, last); e > i {
			last = e - 1
			i = e - 1
			continue
		}
		if p.stateAbbrev(i) && p.isPunct(i-1, ',') {
			if c := p.cityBefore(i - 1); c >= 0 {
				st, _ := lexicon.USState(t.lw)
				p.add(i, i+1, result.Country, 0.85, "COUNTRY: US state '"+t.lw+"' ("+st+") after a city and comma")
				continue
			}
		}
		if p.stateAbbrev(i) && !p.doc.AllCaps && p.cityRightBefore(i) {
			st, _ := lexicon.USState(t.lw)
			p.add(i, i+1, result.Country, 0.8, "COUNTRY: US state '"+t.lw+"' ("+st+") right after a US place")
			continue
		}
		if e := p.countyPattern(i); e > i {
			last = e - 1
			i = e - 1
			continue
		}
		if p.countryAbbrev(i) {
			continue
		}
		if !t.e.Any(plPlaceFlags) && t.my&(pbExtraPlace|pbExtraCounty) == 0 {
			continue
		}
		s := i
		// "North London", "East Leeds"
		if k := p.prevWord(i); k >= 0 && p.toks[k].my&pbDirection != 0 && p.properCapOrStart(k) && p.toks[i].cap {
			s = k
		}
		if conf, typ, why := p.placeToken(s, i, last); conf > 0 {
			if typ != result.City {
				s = i
			}
			p.add(s, i+1, typ, conf, why)
			last = i
		}
	}
}

// plPlaceAdj are words that describe a place between a preposition and its name.
var plPlaceAdj = WordSet("rural", "upstate", "downstate", "downtown", "uptown", "midtown",
	"coastal", "central", "sunny", "rainy", "remote", "small-town", "suburban", "inner-city")

// plTerritories are the US territories of two words, COUNTRY like the states (the
// gazetteer knows them as towns of the same name).
var plTerritories = map[[2]string]bool{{"puerto", "rico"}: true, {"american", "samoa"}: true}

// territory reports whether the place phrase ph is a US territory (plTerritories).
func (p *plDoc) territory(ph plPhrase) bool {
	return ph.end-ph.start == 2 && plTerritories[[2]string{p.toks[ph.start].key, p.toks[ph.start+1].key}]
}

// hyphenPlace looks up a hyphenated place name ("Hay-on-Wye", "Stoke-on-Trent") at
// token i and records it.
func (p *plDoc) hyphenPlace(i, last int) int {
	d := p.doc
	e := i + 1
	for e+1 < len(p.toks) && p.isPunct(e, '-') && !d.Tokens[e].Space && p.toks[e+1].word && !d.Tokens[e+1].Space && d.Tokens[e+1].Kind == text.Word {
		e += 2
	}
	if e == i+1 || e-i > 7 {
		return i
	}
	key := lexicon.Key(d.Lower[d.Tokens[i].Start:d.Tokens[e-1].End])
	ent, ok := lexicon.Lookup(key)
	if !ok || !ent.Any(plPlaceFlags) {
		return i
	}
	typ := result.City
	if ent.Any(lexicon.Region) {
		typ = result.Country
	}
	conf := 0.8
	switch {
	case p.caseless:
		conf = 0.75
	case !p.toks[i].cap:
		conf = 0.6
	}
	ctx, cwhy := p.placeCtx(i, e, last)
	if ctx > plCtxNone {
		conf += 0.1
	}
	b := append(p.rbuf[:0], typ...)
	b = append(b, ": gazetteer place '"...)
	b = append(b, p.tokText(i, e)...)
	b = append(b, '\'')
	if ent.Population > 0 {
		b = append(b, " (pop "...)
		b = append(plAppendPop(b, ent.Population), ')')
	}
	b = append(b, ", "...)
	b = append(b, p.caseNote(i)...)
	if ctx > plCtxNone {
		b = cwhy.appendTo(append(b, ", "...))
	}
	p.rbuf = b
	p.add(i, e, typ, conf, string(b))
	return e
}

func (p *plDoc) properCapOrStart(k int) bool { return !p.caseless && p.toks[k].cap }

// insidePlacePhrase reports whether token i lies inside a place phrase match.
func (p *plDoc) insidePlacePhrase(i int) bool {
	a0, a1, b0, b1 := p.phSpan(i-p.phMaxLen, i) // the phrases that may reach i
	for _, r := range [2][2]int{{a0, a1}, {b0, b1}} {
		for _, ph := range p.phrases[r[0]:r[1]] {
			if ph.start <= i && i < ph.end {
				switch ph.kind {
				case lexicon.PhrasePlaceGB, lexicon.PhrasePlaceUS, lexicon.PhrasePlaceOther, lexicon.PhraseCounty, lexicon.PhraseRegion:
					return true
				}
			}
		}
	}
	return false
}

// hasPhraseKind reports whether a phrase of one of kinds spans exactly [s, e).
func (p *plDoc) hasPhraseKind(s, e int, kinds ...lexicon.PhraseKind) bool {
	a0, a1, b0, b1 := p.phSpan(s, s)
	for _, r := range [2][2]int{{a0, a1}, {b0, b1}} {
		for _, ph := range p.phrases[r[0]:r[1]] {
			if ph.start == s && ph.end == e {
				for _, k := range kinds {
					if ph.kind == k {
						return true
					}
				}
			}
		}
	}
	return false
}

// phrasePlace judges a place phrase.
func (p *plDoc) phrasePlace(ph plPhrase, last int) (float64, string) {
	s, e := ph.start, ph.end
	if plSaintWords[p.toks[s].key] && p.hasApostrophe(s, e) {
		return 0, "" // "St Mary's", "Queen Anne's": a church, school or hospital
	}
	if !p.caseless && !p.toks[s].cap {
		// "the Valley": a phrase said with a lower-case first word is no name.
		if p.toks[s].my&pbSmall != 0 {
			return 0, ""
		}
	}
	allCommon := true
	for k := s; k < e; k++ {
		if t := &p.toks[k]; t.word && !plSmallWords[t.key] && !plCommon(t.e) && !plDirections[t.key] {
			allCommon = false
		}
	}
	ctx, cwhy := p.placeCtx(s, e, last)
	if p.personAround(s, e) && ctx < plCtxStrong {
		return 0, ""
	}
	var conf float64
	switch {
	case p.caseless:
		switch {
		case !allCommon && ctx > plCtxNone:
			conf = 0.75
		case !allCommon:
			conf = 0.6
		case ctx >= plCtxStrong:
			conf = 0.6
		}
	case p.allCap(s, e):
		conf = 0.8
		if allCommon && ctx == plCtxNone {
			conf = 0.6
		}
		if ctx > plCtxNone {
			conf += 0.1
		}
		if p.toks[s].headline && ctx == plCtxNone {
			conf -= 0.2
		}
	default:
		if !allCommon && ctx >= plCtxWeak && p.toks[s].key != "the" {
			conf = 0.6 // "from milton keynes" in a mixed-case post
		}
	}
	if conf <= 0 {
		return conf, "" // the reason is not used
	}
	what := "place"
	switch ph.kind {
	case lexicon.PhraseCounty:
		what = "county"
	case lexicon.PhraseRegion:
		what = "country/state"
	}
	typ := "CITY: "
	if ph.kind == lexicon.PhraseRegion {
		typ = "COUNTRY: "
	} else if p.territory(ph) {
		typ, what = "COUNTRY: ", "US territory"
	}
	b := append(p.rbuf[:0], typ...)
	b = append(b, "gazetteer "...)
	b = append(b, what...)
	b = append(b, " '"...)
	b = append(b, p.tokText(s, e)...)
	b = append(b, '\'')
	if ph.pop > 0 {
		b = append(b, " (pop "...)
		b = append(plAppendPop(b, ph.pop), ')')
	}
	b = append(b, ", "...)
	b = append(b, p.caseNote(s)...)
	if !cwhy.empty() {
		b = cwhy.appendTo(append(b, ", "...))
	}
	p.rbuf = b
	return conf, string(b)
}

// hasApostrophe reports whether tokens [s, e) hold an apostrophe.
func (p *plDoc) hasApostrophe(s, e int) bool {
	for k := s; k < e; k++ {
		if p.toks[k].poss || p.isPunct(k, '\'') {
			return true
		}
	}
	return e < len(p.toks) && p.isPunct(e, '\'') && !p.doc.Tokens[e].Space
}

// placeToken judges a one-word place at token i, perhaps after a direction from token s
// ("North London").
func (p *plDoc) placeToken(s, i, last int) (float64, result.Type, string) {
	t := &p.toks[i]
	e := t.e
	key := t.key
	pop := e.Population
	if !e.Any(plPlaceFlags) && t.my&(pbExtraPlace|pbExtraCounty) == 0 {
		return 0, "", ""
	}
	isPlace := e.Any(lexicon.PlaceGB | lexicon.PlaceUS | lexicon.PlaceOther)
	if t.my&pbExtraPlace != 0 {
		isPlace = true
		if xp := plExtraPlaces[key]; xp > pop {
			pop = xp
		}
	}
	isCounty := e.Any(lexicon.County) || t.my&pbExtraCounty != 0
	isRegion := e.Any(lexicon.Region)
	if !isPlace && !isCounty && !isRegion {
		return 0, "", ""
	}
	if t.my&pbStop != 0 || e.Any(lexicon.Title|lexicon.Relative|lexicon.HealthRole|lexicon.Occupation) && !isRegion && !isCounty {
		return 0, "", ""
	}
	if e.Any(lexicon.ClinicalTerm) || t.my&pbNotPlace != 0 {
		return 0, "", "" // "Foley" catheter, "LIMA" graft
	}
	if k := p.prevWord(i); k >= 0 && (p.toks[k].key == "st" || p.toks[k].key == "saint") {
		return 0, "", ""
	}
	if p.isPunct(i+1, '-') && !p.doc.Tokens[i+1].Space && i+2 < len(p.toks) && p.toks[i+2].word && !p.doc.Tokens[i+2].Space {
		return 0, "", "" // "Hay-on-Wye": part of a longer name
	}
	if p.isPunct(i-1, '-') && !p.doc.Tokens[i].Space && i >= 2 && p.toks[i-2].word && !p.doc.Tokens[i-1].Space {
		return 0, "", ""
	}
	if k := p.nextWord(i); k >= 0 && !p.caseless && p.toks[k].cap && p.toks[k].my&pbOrgCue != 0 {
		if _, _, ok := p.orgCueAt(k); ok && (p.toks[k].key != "state" || p.stateSchool(k)) {
			return 0, "", "" // "University Hospitals", "Riverside Royal": part of a name
		}
	}
	if p.isPunct(i-1, '.') && p.toks[max(i-2, 0)].key == "st" {
		return 0, "", ""
	}
	typ := result.City
	what := "place"
	switch {
	case isRegion:
		typ, what = result.Country, "country/state"
	case isCounty && !isPlace:
		what = "county"
	}
	// How ambiguous is the word?
	wordAmb := e.WordTier > 0 && e.WordTier <= 40 || e.WordTier == 50 && pop < 50000 && !isRegion && !isCounty ||
		t.my&pbAmbPlace != 0 || e.Any(lexicon.Month|lexicon.Weekday)
	nameAmb := false
	if !wordAmb {
		fn := e.FirstNameFreq
		switch {
		case isRegion || isCounty:
			nameAmb = fn >= 180
		case !e.Any(lexicon.PlaceGB|lexicon.PlaceUS) && (fn >= 140 || e.SurnameFreq >= 160):
			nameAmb = true // "Mary", a town in Turkmenistan
		case fn >= 180 || e.SurnameFreq >= 180:
			nameAmb = true
		case fn >= 140 || e.SurnameFreq >= 160:
			nameAmb = pop < 100000
		case e.SurnameFreq >= 100 || fn >= 100:
			nameAmb = pop < 50000 // "Jennings", "Cutler": surnames first
		}
	}
	// A foreign town that is not a capital-size city, or a short word ("Obama", "Hun",
	// "Pau"), is a name or slang more often than the place.
	if !wordAmb && !nameAmb && !isRegion && !isCounty {
		if !e.Any(lexicon.PlaceGB|lexicon.PlaceUS) && pop < 500000 || len(t.lw) <= 3 {
			nameAmb = true
		}
	}
	if e.Any(lexicon.StreetSuffix) {
		wordAmb = true // "Street", "Wells": also street words
	}
	if !wordAmb && !isRegion && !isCounty && pop > 0 && pop < 10000 && (e.WordTier > 0 || e.CapWordTier > 0) {
		wordAmb = true // a village whose name is also a word or a name
	}
	ctx, cwhy := p.placeCtx(s, i+1, last)
	if wordAmb && plPersonish(e) && ctx == plCtxWeak {
		ctx = plCtxNone // "a card from Florence"
	}
	if (e.Any(lexicon.Month|lexicon.Weekday) || t.my&pbHoliday != 0) && ctx < plCtxSure {
		return 0, "", ""
	}
	if p.personAround(s, i+1) && ctx < plCtxSure {
		return 0, "", ""
	}
	if t.poss && (wordAmb || nameAmb) {
		return 0, "", ""
	}
	var conf float64
	caseWhy := p.caseNote(i)
	rareWord := false // ", rare as an English word" after caseWhy
	switch {
	case p.caseless:
		switch {
		case wordAmb:
			if ctx == plCtxSure || ctx == plCtxStrong && !plVeryCommon(e) {
				conf = 0.6
			}
		case nameAmb:
			if ctx >= plCtxStrong {
				conf = 0.65
			}
		case ctx > plCtxNone:
			conf = 0.75
		case !plEnglish(e) && e.FirstNameFreq < 50 && e.SurnameFreq < 80 && len(t.lw) >= 4 &&
			(isRegion || isCounty || e.Any(lexicon.PlaceGB|lexicon.PlaceUS) && pop >= 20000):
			conf = 0.6
			rareWord = true
		}
	case t.upper && len(t.lw) <= 3 || t.upper && wordAmb:
		// "NICE", "ME": an acronym in a mixed-case post.
	case !t.cap:
		if !wordAmb && !nameAmb && ctx >= plCtxStrong {
			conf = 0.6
		}
	case wordAmb:
		switch ctx {
		case plCtxSure:
			conf = 0.85
		case plCtxStrong:
			conf = 0.75
		case plCtxWeak:
			conf = 0.65
		}
	case nameAmb:
		switch {
		case ctx >= plCtxStrong:
			conf = 0.8
		case ctx == plCtxWeak:
			conf = 0.65
		}
	default:
		conf = 0.8
		switch {
		case ctx > plCtxNone:
			conf = 0.9
		case t.sentStart:
			conf = 0.72
		case t.headline:
			conf = 0.65
		}
		if ctx == plCtxNone && isPlace && !isCounty && !isRegion && pop > 0 && pop < 2000 {
			conf -= 0.1
		}
	}
	if conf == 0 {
		return 0, "", ""
	}
	b := append(p.rbuf[:0], typ...)
	b = append(b, ": gazetteer "...)
	b = append(b, what...)
	b = append(b, " '"...)
	b = append(b, p.tokText(s, i+1)...)
	b = append(b, '\'')
	if pop > 0 && typ == result.City {
		b = append(b, " (pop "...)
		b = append(plAppendPop(b, pop), ')')
	}
	b = append(b, ", "...)
	b = append(b, caseWhy...)
	if rareWord {
		b = append(b, ", rare as an English word"...)
	}
	if !cwhy.empty() {
		b = cwhy.appendTo(append(b, ", "...))
	}
	p.rbuf = b
	return conf, typ, string(b)
}

// cityBefore returns the start of a city name ending right before token c (a comma
// before a state abbreviation), or -1.
func (p *plDoc) cityBefore(c int) int {
	k := c - 1
	if k < 0 || !p.toks[k].word || p.doc.Tokens[c].Space {
		return -1
	}
	a0, a1, b0, b1 := p.phSpan(c-p.phMaxLen, c-1) // the phrases that may end at c, in order
	for _, r := range [2][2]int{{a0, a1}, {b0, b1}} {
		for _, ph := range p.phrases[r[0]:r[1]] {
			if ph.end == c && (ph.kind == lexicon.PhrasePlaceUS || ph.kind == lexicon.PhrasePlaceGB || ph.kind == lexicon.PhrasePlaceOther) {
				return ph.start
			}
		}
	}
	t := &p.toks[k]
	if t.e.Any(lexicon.PlaceUS) && !t.e.Any(lexicon.ClinicalTerm) && t.my&pbNotPlace == 0 && (!p.doc.AllCaps || !plCommon(t.e)) {
		return k
	}
	st := p.toks[c+1].lw
	switch st {
	case "ok", "in", "me", "or", "hi", "oh", "la", "ma", "pa", "de", "co", "al", "id", "mi",
		"md", "ct", "ms", "va", "ne", "sc", "nc", "ri", "nd", "ga", "mo", "ut", "tn", "wa":
		return -1 // also words or note abbreviations ("MI", "CT"): only after a known US place
	}
	if !p.caseless && t.cap && !t.sentStart && !plCommon(t.e) && !t.e.Any(lexicon.Title) {
		// An unknown town: "Smallville, KS".
		p.add(k, k+1, result.City, 0.7, "CITY: capitalised name before a US state abbreviation")
		return k
	}
	return -1
}

// countyPattern matches "Cook County", "County Durham", "Co. Antrim" at token i.
func (p *plDoc) countyPattern(i int) int {
	t := &p.toks[i]
	if p.caseless || !t.cap {
		return i
	}
	if t.key == "county" || t.key == "co" {
		j := i + 1
		if t.key == "co" {
			if !p.isPunct(j, '.') {
				return i
			}
			j++
		}
		if j < len(p.toks) && p.toks[j].word && p.toks[j].cap && !p.doc.Tokens[j].Newline && p.doc.Tokens[j].Kind == text.Word {
			nt := &p.toks[j]
			if nt.e.Any(plPlaceFlags) || plExtraCounties[nt.key] || !plCommon(nt.e) && !plGeneric[nt.key] && !nt.e.Any(lexicon.HospitalCue) {
				if plGeneric[nt.key] || nt.e.Any(lexicon.HospitalCue) || nt.key == "council" || nt.key == "court" || nt.key == "lines" {
					return i
				}
				p.add(i, j+1, result.City, 0.75, "CITY: 'County' + name '"+p.tokText(i, j+1)+"'")
				return j + 1
			}
		}
		return i
	}
	if p.lwAt(i+1) != "county" || p.doc.Tokens[i+1].Newline || !p.toks[i+1].cap {
		return i
	}
	if k := p.nextWord(i + 1); k >= 0 {
		switch p.toks[k].key {
		case "council", "court", "hospital", "lines", "cricket", "fc", "show", "hall", "ground", "championship":
			return i
		}
	}
	if plGeneric[t.key] || plStop[t.key] || t.sentStart && plCommon(t.e) || t.e.Any(lexicon.Title) {
		return i
	}
	p.add(i, i+2, result.City, 0.75, "CITY: name + 'County' '"+p.tokText(i, i+2)+"'")
	return i + 2
}

// ownedModifier reports a possessive at token k, or one with "first" or
// "new" after it, before a country's abbreviation used as a modifier ("my
// UK visa", "my first UK placement").
func (p *plDoc) ownedModifier(k int) bool {
	if k < 0 {
		return false
	}
	if w := p.toks[k].key; w == "first" || w == "new" {
		k = p.prevWord(k)
		if k < 0 {
			return false
		}
	}
	switch p.toks[k].key {
	case "my", "our", "your", "his", "her", "their":
		return true
	}
	return false
}

// countryAbbrev matches "UK", "USA", "US", "U.S." at token i.
func (p *plDoc) countryAbbrev(i int) bool {
	t := &p.toks[i]
	switch {
	case t.key == "us" && t.upper && len(t.lw) == 2:
		if p.isPunct(i+1, '-') && !p.doc.Tokens[i+1].Space {
			return true // "US-89", a road
		}
		k := p.prevWord(i)
		ctx := k >= 0 && (p.toks[k].key == "the" || p.toks[k].my&(pbPrepStrong|pbPrepWeak) != 0)
		if p.doc.AllCaps {
			if k < 0 || p.toks[k].key != "the" {
				return false
			}
			p.add(i, i+1, result.Country, 0.6, "COUNTRY: 'US' after 'the', all-capital post")
			return true
		}
		conf := 0.65
		if ctx {
			conf = 0.8
		}
		p.add(i, i+1, result.Country, conf, "COUNTRY: 'US' in capitals")
		return true
	case t.key == "u" && t.upper && p.isPunct(i+1, '.') && p.lwAt(i+2) == "s" && p.toks[i+2].upper:
		end := i + 3
		if p.isPunct(end, '.') && !p.doc.Tokens[end].Space {
			end++
		}
		p.add(i, end, result.Country, 0.75, "COUNTRY: 'U.S.'")
		return true
	case t.key == "gb" || t.key == "uk" || t.key == "usa" || t.key == "uae":
		if k := p.prevWord(i); k >= 0 && p.isKind(k, text.Number) {
			return true // "16 GB"
		}
		conf, ok := plCountryAbbrev[t.key]
		if !ok {
			return false
		}
		ctx, _ := p.placeCtx(i, i+1, -1)
		k := p.prevWord(i)
		if ctx == plCtxNone && (k < 0 || p.toks[k].key != "the") {
			if t.upper && p.ownedModifier(k) {
				// "my first UK placement", "our UK visa": the country of the writer's own life
				p.add(i, i+1, result.Country, 0.6, "COUNTRY: '"+p.tokText(i, i+1)+"' after '"+p.toks[k].lw+"'")
			}
			return true // "UK nurses": a modifier, not a place in the post
		}
		if !t.upper && !p.caseless && ctx == plCtxNone {
			return true // "uk" in lower case in a mixed-case post
		}
		p.add(i, i+1, result.Country, conf, "COUNTRY: '"+p.tokText(i, i+1)+"'")
		return true
	}
	return false
}
