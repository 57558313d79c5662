package detect

// WARD and ROOM: numbered wards ("Ward 7B"), named wards ("Rowan Ward", not "Mr Ward"),
// unit acronyms ("HDU", "ICU") and unit names from the lexicon ("high dependency unit");
// beds, bays, side rooms, cubicles and rooms with their number ("bed 4", "bays 2-4",
// "SR2", "side room 1", "resus 2").

import (
	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// plWardCtx are words before a named ward that make it a place ("on Rowan Ward").
var plWardCtx = WordSet("on", "onto", "to", "from", "at", "in", "into", "off", "back",
	"for", "across", "via", "towards", "covering", "cover", "covered", "moved", "transferred",
	"admitted", "went", "sent", "working", "worked", "work", "works")

// findWards finds wards and units.
func (p *plDoc) findWards() {
	for i, n := p.nextGate(0, pgWard), len(p.gates); i < n; i = p.nextGate(i+1, pgWard) {
		t := &p.toks[i]
		if !t.word {
			continue
		}
		if t.my&pbWardWord != 0 {
			switch t.key {
			case "ward", "wards", "unit":
				if t.key != "unit" && p.numberedWard(i) {
					continue
				}
				p.namedWard(i)
				continue
			}
		}
		if (t.my&pbWardUnit != 0 || t.e.Any(lexicon.WardUnit)) && t.my&pbNotWard == 0 && p.doc.Tokens[i].Kind == text.Word {
			p.wardUnit(i)
			continue
		}
		switch p.doc.Tokens[i].Kind {
		case text.Number:
			if i+1 < len(p.toks) && p.toks[i+1].my&pbCompass != 0 {
				p.compassWard(i)
			}
		case text.Alnum:
			if lw := t.lw; len(lw) >= 2 && len(lw) <= 3 && lw[0] >= '0' && lw[0] <= '9' {
				p.bareWard(i)
			}
		}
	}
	// Unit names ("Intensive Care Unit") only when written as a name: "the stroke unit"
	// and "delivery suite" are kinds of unit.
	for _, ph := range p.phrases {
		if ph.kind != lexicon.PhraseWardUnit || p.caseless || !p.allCap(ph.start, ph.end) || p.toks[ph.start].sentStart || p.toks[ph.start].headline {
			continue
		}
		p.addPh(ph, result.Ward, 0.55, "WARD: unit name '"+p.tokText(ph.start, ph.end)+"' (lexicon), capitalised")
	}
}

// plCompass are the wings of US hospital floors ("5 North", "4 West"), and
// "hall", a care home's numbered unit ("the 300 hall").
var plCompass = WordSet("north", "south", "east", "west", "tower", "wing", "hall")

// compassWard matches "5 North", "4 West" at token i (a number), and a care
// home's hall ("the 200 hall").
func (p *plDoc) compassWard(i int) {
	j := p.nextWord(i)
	if j >= 0 && p.toks[j].key == "hall" {
		p.hallWard(i, j)
		return
	}
	if j < 0 || len(p.toks[i].lw) > 2 || !plCompass[p.toks[j].key] || (!p.caseless && !p.toks[j].cap) {
		return
	}
	if k := p.nextWord(j); k >= 0 && !p.caseless && p.toks[k].cap && !p.toks[k].sentStart {
		return // "5 North Street"
	}
	if k := p.nextWord(j); k >= 0 && p.toks[k].e.Any(lexicon.StreetSuffix) {
		return
	}
	conf := 0.75
	if k := p.prevWord(i); k >= 0 && plWardCtx[p.toks[k].key] {
		conf = 0.85
	}
	p.add(i, j+1, result.Ward, conf, "WARD: floor number + wing '"+p.tokText(i, j+1)+"'")
}

// hallWard matches a US care home's numbered hall at tokens i ("300") and j
// ("hall"): a hundred, after "the" ("on the 500 hall", "the 400 Hall
// residents"), and no street after it ("100 Hall Lane").
func (p *plDoc) hallWard(i, j int) {
	num := p.toks[i].lw
	if len(num) != 3 || num[0] < '1' || num[1] != '0' || num[2] != '0' || j != i+1 {
		return
	}
	if k := p.prevWord(i); k < 0 || p.toks[k].key != "the" {
		return
	}
	if k := p.nextWord(j); k >= 0 && (p.toks[k].e.Any(lexicon.StreetSuffix) || !p.caseless && p.toks[k].cap && !p.toks[k].sentStart) {
		return
	}
	p.add(i, j+1, result.Ward, 0.7, "WARD: a care home's hall '"+p.tokText(i, j+1)+"'")
}

// sentenceHasHospital reports whether a hospital cue word stands in the sentence of i.
func (p *plDoc) sentenceHasHospital(i int) bool {
	s := p.doc.SentenceOf(p.doc.Tokens[i].Start)
	for k := p.doc.TokenAt(s.Start); k < len(p.toks) && p.doc.Tokens[k].Start < s.End; k++ {
		if p.toks[k].word && (p.toks[k].e.Any(lexicon.HospitalCue|lexicon.WardUnit) || p.toks[k].key == "ward") {
			return true
		}
	}
	return false
}

// bareWard matches a ward code said as a place ("on 3B", "Memorial 6B").
func (p *plDoc) bareWard(i int) {
	lw := p.toks[i].lw
	if len(lw) < 2 || len(lw) > 3 || lw[0] < '0' || lw[0] > '9' || !plIDShape(lw) {
		return
	}
	last := lw[len(lw)-1]
	// a floor and its wing ("5W", "4E"): one digit and a compass letter
	compass := len(lw) == 2 && (last == 'n' || last == 'e' || last == 's' || last == 'w')
	if (last < 'a' || last > 'f') && !compass || len(lw) == 3 && (lw[1] < '0' || lw[1] > '9') {
		return // one or two digits and one letter ("3B", not "4G" or "2K")
	}
	if pk := p.prevWord(i); (pk < 0 || p.toks[pk].key != "on" && p.toks[pk].key != "onto") && !p.sentenceHas(i, pbHealthCtx) && !p.sentenceHasHospital(i) {
		return
	}
	if !p.caseless && !p.toks[i].upper {
		return
	}
	k := p.prevWord(i)
	if k < 0 {
		return
	}
	switch p.toks[k].key {
	case "on", "onto", "to", "from", "off":
	case "in":
		if !compass {
			return // "in 3B" is as often a class or a form
		}
	default:
		if !p.toks[k].e.Any(lexicon.HospitalCue) || !p.toks[k].cap {
			return
		}
	}
	if n := p.nextWord(i); n >= 0 && p.toks[n].my&pbRoomAfterUnit != 0 {
		return
	}
	p.add(i, i+1, result.Ward, 0.6, "WARD: ward code '"+p.tokText(i, i+1)+"' after '"+p.toks[k].lw+"'")
}

// numberedWard matches "ward 7B", "Ward 12", "Ward C" at token i.
func (p *plDoc) numberedWard(i int) bool {
	if k := p.prevWord(i); k >= 0 && p.toks[k].e.Any(lexicon.Title) && p.toks[i].cap {
		return false // "Mr Ward"
	}
	j := p.roomIDOpt(i+1, true)
	if j < 0 {
		return false
	}
	p.add(i, j, result.Ward, 0.9, "WARD: 'ward' + number '"+p.tokText(i, j)+"'")
	return true
}

// roomID matches a ward, bed or room number at token i ("7B", "12", "C", "2-4") and
// returns the end of it, or -1.
func (p *plDoc) roomID(i int) int { return p.roomIDOpt(i, false) }

// roomIDOpt is roomID; for a ward ("the Ward 4 night team") only counts and doses after
// the number make it a quantity.
func (p *plDoc) roomIDOpt(i int, ward bool) int {
	n := len(p.toks)
	if i >= n || p.doc.Tokens[i].Newline {
		return -1
	}
	// "bed no. 4", "bed number 4", "bed #4"
	if p.toks[i].word && (p.toks[i].key == "no" || p.toks[i].key == "number") && i+1 < n {
		k := i + 1
		if p.isPunct(k, '.') {
			k++
		}
		if k < n && p.isID(k) {
			i = k
		}
	} else if p.isPunct(i, '#') && i+1 < n && !p.doc.Tokens[i+1].Space && p.isID(i+1) {
		i++
	}
	if !p.isID(i) {
		return -1
	}
	end := i + 1
	// "bays 2-4"
	if end+1 < n && (p.isPunct(end, '-') || p.isPunct(end, '/')) && p.isID(end+1) && !p.doc.Tokens[end+1].Newline {
		end += 2
	}
	// A quantity or a time, not an identifier: "bed 4 hours", "room 10:30".
	if end < n {
		if p.toks[end].word && p.toks[end].my&pbRoomAfterUnit != 0 && !p.doc.Tokens[end].Newline {
			switch p.toks[end].key {
			case "days", "day", "night", "nights", "staff", "nurses", "patients", "team", "shifts":
				if !ward {
					return -1
				}
			case "of":
				// "bay 5 of our AMU", "bed 3 of the side ward": the place the bed is in;
				// "bay 4 of 6", "bed 2 of them" are counts.
				if ward || !p.ofPlace(end) {
					return -1
				}
			default:
				return -1
			}
		}
		if p.isPunct(end, '%') && !p.doc.Tokens[end].Space {
			return -1 // "bay 4%"
		}
		if p.isPunct(end, ':') && !p.doc.Tokens[end].Space && end+1 < n && p.isKind(end+1, text.Number) && !p.doc.Tokens[end+1].Space {
			return -1 // "room 10:30"; "Ward 8: the cameras" is a ward
		}
		if p.isPunct(end, '.') && end+1 < n && p.isKind(end+1, text.Number) && !p.doc.Tokens[end+1].Space {
			return -1 // "room 2.5"
		}
	}
	return end
}

// plOfPlace are the words after "of" that make "bay 5 of our AMU" a place.
var plOfPlace = WordSet("the", "our", "my", "this", "that", "his", "her", "their", "your")

// ofPlace reports whether "of" at token k is followed by a determiner and then a word
// ("of the maternity ward", "of our ED"), not by a number or a pronoun ("of 6", "of them").
func (p *plDoc) ofPlace(k int) bool {
	d := p.nextWord(k)
	if d != k+1 || !plOfPlace[p.toks[d].key] || p.doc.Tokens[d].Newline {
		return false
	}
	w := p.nextWord(d)
	return w == d+1 && p.doc.Tokens[w].Kind == text.Word && !p.doc.Tokens[w].Newline
}

// isID reports whether token i looks like a ward, bed or room identifier.
func (p *plDoc) isID(i int) bool {
	if i >= len(p.toks) || p.doc.Tokens[i].Newline {
		return false
	}
	tk := p.doc.Tokens[i]
	lw := p.toks[i].lw
	switch tk.Kind {
	case text.Number:
		return len(lw) <= 4 && lw != "0"
	case text.Alnum:
		if len(lw) > 5 || plIsOrdinal(lw) {
			return false
		}
		// digits then one or two letters ("12A"), or letters then digits ("B3").
		if !plIDShape(lw) {
			return false
		}
		switch lw[len(lw)-min(2, len(lw)):] {
		case "am", "pm", "hr", "yo", "mg", "ml", "kg", "mm", "cm", "km":
			return false
		}
		return true
	case text.Word:
		if len(lw) != 1 || lw[0] < 'a' || lw[0] > 'h' {
			return false
		}
		if p.caseless {
			return lw != "a" && p.doc.AllCaps
		}
		return p.toks[i].upper
	}
	return false
}

// namedWard matches "Rowan Ward", "on Nightingale ward", "Oak Unit" ending at token c.
func (p *plDoc) namedWard(c int) {
	cue := &p.toks[c]
	if cue.key == "wards" {
		return
	}
	s, words, distinct := c, 0, 0
	for k := c - 1; k >= 0 && words < 3; k-- {
		if p.doc.Tokens[k+1].Newline || !p.toks[k].word || p.doc.Tokens[k].Kind != text.Word {
			if p.isPunct(k, '-') && !p.doc.Tokens[k].Space && !p.doc.Tokens[k+1].Space {
				continue
			}
			break
		}
		t := &p.toks[k]
		if t.my&pbStop != 0 || t.e.Any(lexicon.Title|lexicon.HealthRole|lexicon.Month|lexicon.Weekday) && t.my&pbRoyalTitle == 0 {
			break
		}
		if !p.caseless && (!t.cap || t.upper && len(t.lw) <= 4) {
			break
		}
		if t.sentStart && !p.caseless && plCommon(t.e) && !t.e.Any(lexicon.FirstName|plPlaceFlags) {
			break
		}
		if p.caseless && plVeryCommon(t.e) {
			break
		}
		s = k
		words++
		if !plWardGeneric[t.key] && !t.e.Any(lexicon.ClinicalTerm|lexicon.WardUnit) {
			distinct++
		}
	}
	if distinct == 0 {
		return
	}
	if cue.key == "unit" && (p.toks[s].key == "st" || p.toks[s].key == "saint") {
		return // "St Helier's Women's Unit": a hospital
	}
	if k := p.prevWord(s); k >= 0 && p.toks[k].e.Any(lexicon.Title) {
		return // "Dr Emily Ward"
	}
	if k := p.nextWord(c); k >= 0 && plPersonVerbs[p.toks[k].key] {
		return // "Emily Ward said"
	}
	if cue.poss && cue.cap && words == 1 && p.toks[s].e.Any(lexicon.FirstName) && !plEnglish(p.toks[s].e) {
		return // "Emily Ward's car"
	}
	ctx := ""
	k := p.prevWord(s)
	if k >= 0 && p.toks[k].key == "the" {
		k = p.prevWord(k)
	}
	if k >= 0 && plWardCtx[p.toks[k].key] {
		ctx = p.toks[k].lw
	}
	first := &p.toks[s]
	person := words == 1 && first.e.FirstNameFreq >= 100 && !plEnglish(first.e)
	var conf float64
	switch {
	case p.caseless:
		if ctx == "" {
			return
		}
		conf = 0.7
	case cue.cap:
		conf = 0.8
	default:
		conf = 0.7
	}
	if person {
		if ctx == "" {
			return
		}
		conf -= 0.1
	}
	if ctx != "" {
		conf += 0.1
		ctx = ", after '" + ctx + "'"
	}
	if cue.key == "unit" {
		conf -= 0.1
	}
	if first.headline {
		conf -= 0.15
	}
	p.add(s, c+1, result.Ward, conf, "WARD: name + '"+p.tokText(c, c+1)+"' ('"+p.tokText(s, c+1)+"'), "+p.caseNote(s)+ctx)
}

// wardUnit judges a unit acronym ("HDU", "icu") at token i.
func (p *plDoc) wardUnit(i int) {
	t := &p.toks[i]
	if t.poss && !t.upper {
		return
	}
	if plCommon(t.e) && !(t.upper && !p.caseless) {
		return // "telemetry", a word as well as a unit
	}
	var conf float64
	switch {
	case p.caseless:
		conf = 0.75
	case t.upper:
		conf = 0.8
	case t.cap:
		// "Pau", "Icu": a name more often than a unit, unless said as a place.
		k := p.prevWord(i)
		if k < 0 || !plWardCtx[p.toks[k].key] {
			return
		}
		conf = 0.65
	default:
		conf = 0.65
	}
	if k := p.prevWord(i); k >= 0 && plWardCtx[p.toks[k].key] || k >= 0 && p.toks[k].key == "the" {
		conf += 0.05
	}
	p.add(i, i+1, result.Ward, conf, "WARD: unit acronym '"+p.tokText(i, i+1)+"', "+p.caseNote(i))
}

// findRooms finds beds, bays and rooms with their numbers.
func (p *plDoc) findRooms() {
	n := len(p.toks)
	for i := p.nextGate(0, pgRoom); i < n; i = p.nextGate(i+1, pgRoom) {
		t := &p.toks[i]
		if !t.word {
			continue
		}
		if p.doc.Tokens[i].Kind == text.Alnum {
			if c := t.lw[0]; c < 'a' || c > 'z' {
				continue // glued needs a cue's letters first
			}
			if conf, ok := p.glued(i); ok {
				p.add(i, i+1, result.Room, conf, "ROOM: cue and number '"+p.tokText(i, i+1)+"'")
			}
			continue
		}
		if t.my&(pbRoom|pbSide) == 0 && !t.e.Any(lexicon.RoomCue) {
			continue
		}
		cueEnd := i + 1
		conf, ok := plRoomCues[t.key]
		if !ok && t.e.Any(lexicon.RoomCue) {
			conf, ok = 0.65, true
		}
		a0, a1, b0, b1 := p.phSpan(i, i)
		for _, r := range [2][2]int{{a0, a1}, {b0, b1}} {
			for _, ph := range p.phrases[r[0]:r[1]] {
				if ph.start == i && ph.kind == lexicon.PhraseRoomCue && ph.end > cueEnd {
					cueEnd, conf, ok = ph.end, 0.85, true
				}
			}
		}
		if t.key == "side" && p.lwAt(i+1) == "room" {
			cueEnd, conf, ok = i+2, 0.85, true
		}
		if !ok || conf == 0 {
			continue
		}
		if t.key == "sr" && !t.upper && !p.caseless {
			continue // "Sr" is a sister
		}
		if t.key == "or" && !p.theatreNumber(i) {
			continue // "or" the word: only "OR 7", in capitals, is an operating room
		}
		if t.key == "resus" && p.lwAt(cueEnd) == "bay" {
			cueEnd++
		}
		start := i
		if t.key == "bay" && i > 0 && (p.lwAt(i-1) == "trauma" || p.lwAt(i-1) == "resus") && p.prevWord(i) == i-1 {
			start = i - 1 // "trauma bay 2"
		}
		j := p.roomID(cueEnd)
		if j < 0 {
			continue
		}
		if p.doc.Tokens[cueEnd].Newline {
			continue
		}
		p.add(start, j, result.Room, conf, "ROOM: '"+p.tokText(start, cueEnd)+"' + number")
		i = j - 1
	}
}

// theatreNumber reports whether "OR" at token i is an operating room with its number
// ("in OR 7", "OR 3 is haunted"): written in capitals in a post that is not all capitals,
// followed by digits, and not between two numbers or letters ("2 OR 3", "A OR B").
func (p *plDoc) theatreNumber(i int) bool {
	t := &p.toks[i]
	if !t.upper || p.caseless || p.doc.AllCaps || i+1 >= len(p.toks) || p.doc.Tokens[i+1].Kind != text.Number {
		return false
	}
	if k := p.prevWord(i); k >= 0 && k == i-1 && (p.doc.Tokens[k].Kind != text.Word || len(p.toks[k].lw) == 1) {
		return false
	}
	return true
}

// glued matches a cue and a number written as one token ("SR2", "bed4", "rm12").
func (p *plDoc) glued(i int) (float64, bool) {
	lw := p.toks[i].lw
	k := 0
	for k < len(lw) && lw[k] >= 'a' && lw[k] <= 'z' {
		k++
	}
	if k == 0 || k == len(lw) {
		return 0, false
	}
	conf, ok := plRoomCues[lw[:k]]
	if !ok || conf == 0 || lw[:k] == "room" || lw[:k] == "rooms" || lw[:k] == "or" {
		return 0, false
	}
	rest := lw[k:]
	d := 0
	for d < len(rest) && rest[d] >= '0' && rest[d] <= '9' {
		d++
	}
	if d == 0 || d > 3 || len(rest)-d > 1 {
		return 0, false
	}
	if d < len(rest) && (rest[d] < 'a' || rest[d] > 'z') {
		return 0, false
	}
	return conf, true
}

// plIDShape reports whether s is 1-3 digits and 1-2 letters, in either order ("12a", "b3").
func plIDShape(s string) bool {
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	letter := func(c byte) bool { return c >= 'a' && c <= 'z' }
	k := 0
	first := digit
	second := letter
	if len(s) > 0 && letter(s[0]) {
		first, second = letter, digit
	}
	for k < len(s) && first(s[k]) {
		k++
	}
	m := k
	for m < len(s) && second(s[m]) {
		m++
	}
	if m != len(s) || k == 0 || m == k {
		return false
	}
	nd, nl := k, m-k
	if letter(s[0]) {
		nd, nl = nl, nd
	}
	return nd <= 3 && nl <= 2
}

// plPersonNouns are words for a patient that a bare room number may follow:
// "the lady in 14", "the LOL in 12".
var plPersonNouns = WordSet("lady", "man", "gent", "gentleman", "woman", "guy", "bloke", "fella",
	"chap", "patient", "pt", "lol", "lold", "boy", "girl", "kid", "baby", "granny", "grandma",
	"grandpa", "grandad", "nan", "mum", "dad", "dude", "sir", "madam", "fellow", "resident")

// plNotRoomAfter are words after "in N" that make N a quantity or a time
// ("in 14 days", "in 12 hours"), not a room.
var plNotRoomAfter = WordSet("days", "day", "hours", "hour", "hrs", "hr", "h", "minutes", "minute",
	"mins", "min", "seconds", "secs", "weeks", "week", "wks", "months", "month", "years", "year",
	"yrs", "am", "pm", "mg", "ml", "kg", "g", "lbs", "lb", "units", "percent", "ways", "people",
	"patients", "beds", "rooms", "of", "out", "and", "or", "to", "-", "x", "/", "%", ":", ".")

// plRoomPronouns are pronouns and words for a person that a room number of three or
// four digits may follow: "she's in 508", "the VIP in 1203" (a hospital's room numbers;
// shorter numbers after a pronoun are as often a count: "he's in 2 minds").
var plRoomPronouns = WordSet("he", "she", "hes", "shes", "vip", "gentleman", "him", "her")

// findBareRooms finds a bare room number after a person: "MR. ABERNATHY in
// 418", "the sweet old lady in 14 bit me", "a 64F s/p lap chole in 318" (the
// annotation's "in 418" is a ROOM). The person is a patient word or a name-like
// capitalised word at most four words before "in", or an age with a sex ("64F") at
// most six, on the same line; or a pronoun right before it with a number of three
// or four digits ("he's in 915"). A number with a bed letter ("in 316B") counts too.
func (p *plDoc) findBareRooms() {
	n := len(p.toks)
	for i := 1; i+1 < n; i++ {
		if p.toks[i].key != "in" || p.doc.Tokens[i+1].Newline {
			continue
		}
		num := p.doc.Norm[p.doc.Tokens[i+1].Start:p.doc.Tokens[i+1].End]
		switch p.doc.Tokens[i+1].Kind {
		case text.Number:
			if len(num) > 4 || num[0] == '0' || len(num) == 4 && (num[:2] == "19" || num[:2] == "20") {
				continue // not a room: "in 0300", "in 2019"
			}
		case text.Alnum:
			if !plRoomLetterShape(p.toks[i+1].lw) {
				continue
			}
		default:
			continue
		}
		if i+2 < n && !p.doc.Tokens[i+2].Newline {
			next := p.toks[i+2].key
			if next == "" {
				next = p.doc.Norm[p.doc.Tokens[i+2].Start:p.doc.Tokens[i+2].End]
			}
			if plNotRoomAfter[next] && !(next == "." && (i+3 >= n || p.doc.Tokens[i+3].Space)) && !(next == "and" && len(num) >= 3) &&
				!(next == "to" && len(num) >= 3 && i+3 < n && p.doc.Tokens[i+3].Kind == text.Word && plToVerbAfterRoom(p.toks[i+3].key)) {
				continue // "in 14 days", "in 12.5"; a full stop ending the sentence is fine, so is "in 412 and", "in 214 to eat"
			}
		}
		person := -1
		if k := p.prevWord(i); len(num) >= 3 && k >= 0 && plRoomPronouns[p.toks[k].key] {
			person = k
		}
		// The words before "in", across the punctuation inside a note ("s/p"), up to a
		// sentence's end.
		for k, seen := i-1, 0; person < 0 && k >= 0 && seen < 6; k-- {
			if p.doc.Tokens[k+1].Newline {
				break
			}
			t := &p.toks[k]
			if !t.word {
				if c := t.pc; c == '.' || c == '!' || c == '?' || c == ';' || c == ',' || c == 0 {
					break
				}
				continue
			}
			seen++
			if p.doc.Tokens[k].Kind == text.Alnum && plAgeSexShape(t.lw) {
				person = k // the age and sex may stand before a procedure's few words
			}
			if seen > 4 {
				continue
			}
			if plPersonNouns[t.key] || (!p.caseless && t.cap && !t.sentStart && t.e.Any(lexicon.FirstName|lexicon.Surname)) ||
				(t.upper && len(t.lw) >= 4 && !t.e.Any(lexicon.ClinicalTerm) && t.e.WordTier == 0) {
				person = k
			}
		}
		if person < 0 {
			continue
		}
		p.add(i+1, i+2, result.Room, 0.55, "ROOM: bare number after '"+p.toks[person].lw+" in'")
	}
}

// plToVerbAfterRoom reports a word after "in 214 to" that makes "to" open a
// verb ("the man in 316 to eat"), not a range ("in 214 to 216") or
// a move ("in 214 to ICU").
func plToVerbAfterRoom(w string) bool {
	e, ok := lexicon.Lookup(w)
	return ok && e.Any(lexicon.CommonWord) && e.WordTier > 0 && e.WordTier <= 35 &&
		!e.Any(lexicon.WardUnit|lexicon.HospitalCue|lexicon.RoomCue)
}

// plRoomLetterShape reports whether a lower-case token is a room number with a bed
// letter: two to four digits and "a", "b" or "c" ("316b"; not "14d", fourteen days).
func plRoomLetterShape(lw string) bool {
	n := len(lw)
	if n < 3 || n > 5 || lw[0] == '0' || lw[n-1] < 'a' || lw[n-1] > 'c' {
		return false
	}
	for k := 0; k < n-1; k++ {
		if lw[k] < '0' || lw[k] > '9' {
			return false
		}
	}
	return true
}

// plAgeSexShape reports whether a lower-case token is an age and a sex as notes write a
// patient ("64f", "88m"): one to three digits and "m" or "f".
func plAgeSexShape(lw string) bool {
	n := len(lw)
	if n < 2 || n > 4 || lw[n-1] != 'm' && lw[n-1] != 'f' {
		return false
	}
	for k := 0; k < n-1; k++ {
		if lw[k] < '0' || lw[k] > '9' {
			return false
		}
	}
	return true
}
