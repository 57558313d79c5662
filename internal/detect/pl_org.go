package detect

// HOSPITAL and ORGANIZATION: a name followed by a cue word ("Oakfield Surgery", "Leeds
// General Infirmary", "Kent County Council", "University of Leeds"), saints' names used as
// places ("at St Mary's"), the lexicon's hospital, trust and GP practice phrases, one-word
// hospital names ("Addenbrookes"), Scottish health boards ("NHS Lothian"), pubs ("the Red
// Lion") and a short list of very common employers, shops and bodies ("Tesco", "NMC");
// venues after "at" in a sentence about going out (venueAt); hospitals named in common
// shapes without a cue word ("Royal Bolton", "Northern General", "Baptist Memorial",
// "Children's Brightwater", a care brand + place: findHospitalShapes), by the words a listed
// hospital's name starts with (listedHospitalLead), by an acronym no list knows
// (acronymHospital) or by "County" alone (bareCueHospital); and clubs or public services
// named by their place or a nickname in context ("Denver Broncos", "Lubbock FD", "Go
// Bruins": findTeams).

import (
	"slices"
	"strings"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// Name-word classes.
const (
	plNwNo       = iota // not part of a name
	plNwGeneric         // may stand in a name but does not name it ("Royal", "General")
	plNwDistinct        // names it ("Leeds", "Oakfield")
)

const plPlaceFlags = lexicon.PlaceGB | lexicon.PlaceUS | lexicon.PlaceOther | lexicon.County |
	lexicon.Region

// nameWord classifies token i as a word of an organisation or street name.
func (p *plDoc) nameWord(i int) int {
	if i < 0 || !p.toks[i].word {
		return plNwNo
	}
	t := &p.toks[i]
	if p.doc.Tokens[i].Kind != text.Word {
		if p.doc.Tokens[i].Kind == text.Alnum && plIsOrdinal(t.lw) {
			return plNwGeneric
		}
		return plNwNo
	}
	e := t.e
	if t.my&pbStop != 0 && !(t.my&pbKeepInName != 0 && p.properCap(i)) {
		return plNwNo
	}
	if e.Any(lexicon.Title) && t.my&pbRoyalTitle == 0 {
		return plNwNo
	}
	if e.Any(lexicon.HealthRole|lexicon.Month|lexicon.Weekday|lexicon.Relative) && !e.Any(plPlaceFlags) {
		return plNwNo
	}
	if !p.caseless {
		if t.upper && len(t.lw) > 4 && plCommon(e) && !e.Any(plPlaceFlags|lexicon.FirstName|lexicon.Surname) {
			return plNwNo // a shouted word in a mixed-case post
		}
		if !t.cap {
			if e.Any(plPlaceFlags|lexicon.HospitalName) && !plCommon(e) && t.my&pbGeneric == 0 {
				return plNwDistinct
			}
			return plNwNo
		}
		if t.my&pbGeneric != 0 || e.Any(lexicon.ClinicalTerm) {
			return plNwGeneric
		}
		if t.sentStart && plCommon(e) && !e.Any(plPlaceFlags|lexicon.FirstName|lexicon.Surname) {
			return plNwNo
		}
		return plNwDistinct
	}
	if t.my&pbGeneric != 0 || e.Any(lexicon.ClinicalTerm) {
		return plNwGeneric
	}
	if plCommon(e) {
		if e.Any(plPlaceFlags|lexicon.FirstName|lexicon.Surname|lexicon.HospitalName) && !plVeryCommon(e) {
			return plNwGeneric
		}
		return plNwNo
	}
	return plNwDistinct
}

// plIsOrdinal reports whether s is "1st", "22nd", "5th"...
func plIsOrdinal(s string) bool {
	n := len(s)
	if n < 3 || s[0] < '0' || s[0] > '9' {
		return false
	}
	suf := s[n-2:]
	if suf != "st" && suf != "nd" && suf != "rd" && suf != "th" {
		return false
	}
	for i := 0; i < n-2; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// nameBack collects the words of a name that ends right before token c. It returns the
// first token of the name (c when there is none), the number of name words and of
// distinctive ones, and whether a distinctive word is uncommon (not a very common English
// word, or a known place or hospital name).
type plName struct {
	start, words, distinct int
	rare                   bool // a distinctive word is not a very common English word
	place                  bool // a distinctive word is a known place
	firstDistinct          int  // token index of the first distinctive word, or -1
}

func (p *plDoc) nameBack(c, max int) plName {
	n := plName{start: c, firstDistinct: -1}
	d := p.doc
	k := c - 1
	for k >= p.orgEnd && n.words < max {
		if d.Tokens[k+1].Newline {
			break
		}
		t := d.Tokens[k]
		if t.Kind == text.Punct {
			ch := d.Norm[t.Start]
			switch {
			case ch == '\'' && !t.Space && k > 0 && p.toks[k-1].word && plEndsS(p.toks[k-1].lw):
			case ch == '.' && !t.Space && p.lwIn(k-1, pbAbbrevDot):
			case ch == '-' && !t.Space && !d.Tokens[k+1].Space:
			case ch == '&':
			default:
				return n
			}
			k--
			continue
		}
		cls := p.nameWord(k)
		if cls == plNwNo {
			lw := p.toks[k].lw
			if (lw == "and" || lw == "upon" || lw == "on" || lw == "under" || lw == "super" || lw == "le" || lw == "en") && k > 0 && p.nameWord(k-1) != plNwNo && (p.caseless || p.toks[k-1].cap) && p.toks[k-1].my&pbCueLast == 0 {
				k--
				continue
			}
			return n
		}
		if p.toks[k].my&pbCueLast != 0 && n.words > 0 && k+1 < c && p.toks[k+1].word && p.toks[k].key != "state" {
			// ("Tolliver State Community College": "State" stays inside the name)
			if _, e, ok := p.orgCueEndingAt(k); ok && e == k+1 {
				return n // "… Council West Yorkshire Police": another name ends here
			}
		}
		n.start = k
		n.words++
		if cls == plNwDistinct {
			n.distinct++
			n.firstDistinct = k
			e := p.toks[k].e
			if !plVeryCommon(e) || e.Any(plPlaceFlags|lexicon.HospitalName) {
				n.rare = true
			}
			if e.Any(plPlaceFlags) {
				n.place = true
			}
		}
		k--
	}
	return n
}

// nameFwd collects name words from token s on (for "University of Leeds"), returning the
// end of the name and the same counts as nameBack.
func (p *plDoc) nameFwd(s, max int) (int, plName) {
	n := plName{start: s, firstDistinct: -1}
	end := s
	d := p.doc
	for k := s; k < len(p.toks) && n.words < max; k++ {
		if k > s && d.Tokens[k].Newline {
			break
		}
		if d.Tokens[k].Kind == text.Punct {
			if ch := d.Norm[d.Tokens[k].Start]; (ch == '-' || ch == '.' || ch == '\'') && !d.Tokens[k].Space && k+1 < len(p.toks) && !d.Tokens[k+1].Space {
				continue
			}
			break
		}
		if _, _, ok := p.orgCueAt(k); ok && n.words > 0 {
			break // the next cue: "University of Leeds Hospital"
		}
		cls := p.nameWord(k)
		if cls == plNwNo {
			lw := p.toks[k].lw
			if (lw == "upon" || lw == "on") && n.words > 0 && p.nameWord(k+1) != plNwNo && (p.caseless || p.toks[k+1].cap) {
				continue
			}
			break
		}
		n.words++
		end = k + 1
		if cls == plNwDistinct {
			n.distinct++
			if n.firstDistinct < 0 {
				n.firstDistinct = k
			}
			e := p.toks[k].e
			if !plVeryCommon(e) || e.Any(plPlaceFlags|lexicon.HospitalName) {
				n.rare = true
			}
			if e.Any(plPlaceFlags) {
				n.place = true
			}
		}
	}
	return end, n
}

func plEndsS(s string) bool { return len(s) > 1 && s[len(s)-1] == 's' }

// matchWords matches the keys ws at token i, allowing hyphens between adjacent words and
// "&" for "and". It returns the end token index.
func (p *plDoc) matchWords(i int, ws []string) (int, bool) { return p.matchFrom(i, ws, 0) }

// matchTail is matchWords for a list whose first key is the key or the full key of the
// word token i (the lists of plExts, plOrgCues and plChains of that key): the first word
// is not compared again.
func (p *plDoc) matchTail(i int, ws []string) (int, bool) { return p.matchFrom(i+1, ws, 1) }

// matchFrom matches ws[n0:] from token k on, as matchWords does from its word n0.
func (p *plDoc) matchFrom(k int, ws []string, n0 int) (int, bool) {
	for n := n0; n < len(ws); n++ {
		w := ws[n]
		if n > 0 && p.isPunct(k, '-') && !p.doc.Tokens[k].Space {
			k++
		}
		if k >= len(p.toks) || (n > 0 && p.doc.Tokens[k].Newline) {
			return 0, false
		}
		t := &p.toks[k]
		if !t.word {
			if w == "and" && (t.pc == '&' || t.pc == '+') {
				k++
				continue
			}
			return 0, false
		}
		if t.key != w && (!t.poss || t.fkey != w) { // key nor full key
			return 0, false
		}
		k++
	}
	return k, true
}

// plCueLast are the last words of organisation cues.
var plCueLast = func() map[string]bool {
	m := map[string]bool{}
	for _, cs := range plOrgCues {
		for _, c := range cs {
			m[c.words[len(c.words)-1]] = true
		}
	}
	return m
}()

// orgCueEndingAt returns a cue whose last word is token k.
func (p *plDoc) orgCueEndingAt(k int) (plOrgCue, int, bool) {
	for s := k; s >= 0 && s >= k-4; s-- {
		if c, e, ok := p.orgCueAt(s); ok && e == k+1 {
			return c, e, true
		}
	}
	return plOrgCue{}, 0, false
}

// orgCueAt returns the longest organisation cue starting at token i.
func (p *plDoc) orgCueAt(i int) (plOrgCue, int, bool) {
	if i >= len(p.toks) || !p.toks[i].word || p.toks[i].my&pbOrgCue == 0 {
		return plOrgCue{}, 0, false
	}
	var best plOrgCue
	bestEnd := -1
	t := &p.toks[i]
	cues := plExts[t.ext].orgCues // plOrgCues[t.key]
	for n := range 2 {
		if n == 1 {
			if !t.poss || t.fkey == t.key {
				break
			}
			cues = plOrgCues[t.fkey]
		}
		for _, c := range cues {
			if e, ok := p.matchTail(i, c.words); ok && e > bestEnd {
				best, bestEnd = c, e
			}
		}
	}
	return best, bestEnd, bestEnd > i
}

// findOrgs finds "name + cue" hospitals and organisations.
func (p *plDoc) findOrgs() {
	n := len(p.toks)
	for i := p.nextGate(0, pgOrg); i < n; i = p.nextGate(i+1, pgOrg) {
		if !p.toks[i].word || p.toks[i].my&(pbOrgCue|pbOrgPrefix) == 0 {
			continue // neither a cue (orgCueAt) nor "NHS", "Ysbyty", "HMP"
		}
		if p.toks[i].key == "nhs" {
			if e := p.nhsBoard(i); e > i {
				i = e - 1
				continue
			}
		}
		if p.toks[i].key == "ysbyty" || p.toks[i].key == "hmp" {
			if e := p.prefixOrg(i); e > i {
				i = e - 1
				continue
			}
		}
		cue, e, ok := p.orgCueAt(i)
		if !ok {
			continue
		}
		if plCueNeedsCase[cue.words[0]] && (p.caseless || !p.toks[i].cap || p.toks[i].upper && len(cue.words[0]) > 3) {
			continue // "TF INC" (increased), "MAE FC" (follows commands) in notes
		}
		if end := p.orgAt(i, cue, e); end > i {
			i = end - 1
		}
	}
}

// plAnimalCare are the words that make a clinic or hospital one for animals.
var plAnimalCare = WordSet("animal", "animals", "veterinary", "vet", "vets", "pet", "pets", "equine", "feline", "canine")

// plForTail are the cues of bodies whose names may go on with "for <field>"
// ("Association for Perioperative Practice", "Foundation for Nursing Studies").
var plForTail = WordSet("association", "society", "institute", "foundation", "college", "council")

// orgAt judges a cue found at tokens [c, e) and records the entity; it returns the end of
// what it consumed (c when nothing).
func (p *plDoc) orgAt(c int, cue plOrgCue, e int) int {
	cues := []plOrgCue{cue}
	strong := !cue.weak
	cueCap := p.caseless || p.toks[c].cap
	last := cue
	// Chain cues: "General Hospital", "Hospital NHS Foundation Trust", "Primary School".
	for {
		if p.doc.Tokens[min(e, len(p.toks)-1)].Newline {
			break
		}
		c2, e2, ok := p.orgCueAt(e)
		if !ok || (!p.caseless && p.toks[e].cap != p.toks[c].cap) {
			break
		}
		cues = append(cues, c2)
		if !c2.weak {
			strong = true
		}
		last, e = c2, e2
	}
	if cue.words[0] == "sons" && (!cueCap || c < 2 || !p.isPunct(c-1, '&') && p.toks[c-1].key != "and") {
		return c // only "Hughes & Sons", "Hughes and Sons": a family firm
	}
	name := p.nameBack(c, 6)
	if len(cues) == 1 && cue.words[0] == "state" {
		// "Ohio State": a state's name + "State" is its university (or its team); nothing
		// else before "State" is a name here ("Steady State").
		if !p.stateSchool(c) {
			return c
		}
		p.add(c-1, e, result.Organization, 0.85, "ORGANIZATION: a state's name + 'State', a university")
		p.orgEnd = e
		return e
	}
	forTail := false // a body "for <field>": an organisation, whatever cue its field ends on
	// "of <place>" after the cue: "University of Leeds", "Royal Infirmary of Edinburgh";
	// "for <field>" after a body's cue: "Society for Ward Logistics".
	if last.ofTail && e+1 < len(p.toks) && (p.toks[e].key == "of" || p.toks[e].key == "for" && plForTail[last.words[0]]) &&
		!p.doc.Tokens[e].Newline {
		end, tail := p.nameFwd(e+1, 5)
		if !tail.rare && !p.caseless && p.toks[c].cap && !p.toks[c].headline {
			// "Royal College of Midwives", "Journal of Advanced Nursing": a body or a
			// journal of a field, its words capitalised like the cue's, is a name
			// however everyday its words.
			if fe, fw := p.fieldTail(e + 1); fw > 0 && fe >= end {
				end, tail = fe, plName{start: e + 1, words: fw, distinct: fw, firstDistinct: e + 1, rare: true}
			}
		}
		if tail.words > 0 && (tail.distinct > 0 || name.distinct > 0) {
			forTail = p.toks[e].key == "for"
			name.distinct += tail.distinct
			name.words += tail.words
			name.rare = name.rare || tail.rare
			name.place = name.place || tail.place
			e = end
			for {
				c2, e2, ok := p.orgCueAt(e)
				if !ok || !p.caseless && p.toks[e].cap != p.toks[c].cap {
					break
				}
				cues = append(cues, c2)
				last, e = c2, e2
			}
		}
	}
	typ := result.Organization
	for _, cc := range cues {
		if cc.typ == result.Hospital {
			typ = result.Hospital
		}
	}
	switch last.words[0] {
	case "school", "college", "university", "academy", "council":
		typ = result.Organization
	}
	if forTail {
		typ = result.Organization // "Association for Perioperative Practice"
	}
	if typ == result.Hospital && p.anyIn(name.start, e, plAnimalCare) {
		typ = result.Organization // "Hillside Animal Hospital", "Oakway Veterinary Clinic": no one's health care
	}
	head := cues[0].words[0]
	if typ == result.Hospital && len(cues) == 1 && head == "trust" && !p.anyIn(name.start, c, plHospitalish) {
		typ = result.Organization // "Trussell Trust"
	}
	if head == "institute" && len(cues) == 1 && e == c+1 && (p.anyIn(name.start, c, plHospitalish) || p.anyIn(name.start, c, plInstituteClinical)) {
		typ = result.Hospital // "Eastgate Spine Institute"
	}
	if name.distinct == 0 {
		// "Royal Infirmary": a proper name in most cities, but it says little without its place.
		if name.words > 0 && p.toks[name.start].key == "royal" && (head == "infirmary" || head == "hospital") && !p.caseless && cueCap {
			p.add(name.start, e, typ, 0.55, "HOSPITAL: 'Royal' + cue '"+p.tokText(c, e)+"' without its place")
			return e
		}
		// "transferred from Memorial Hospital", "admitted to GENERAL HOSPITAL": cue words
		// alone, used as the name of one hospital after "from", "to", "at".
		if name.words == 0 && typ == result.Hospital && len(cues) > 1 && strong && (cueCap || p.caseless) {
			k := p.prevWord(c)
			if k >= 0 && p.toks[k].key == "the" {
				k = p.prevWord(k)
			}
			if k >= 0 && p.toks[k].my&pbHospitalPrep != 0 && !p.doc.Tokens[c].Newline {
				p.add(c, e, typ, 0.6, "HOSPITAL: cue words '"+p.tokText(c, e)+"' used as a name, after '"+p.toks[k].lw+"'")
				return e
			}
		}
		return c
	}
	placeRoyal, atHosp := false, false
	if !strong {
		// A weak cue needs an uncommon name, or a name of two capitalised words, or one
		// after "at", "to", "from"…: "Oakfield Surgery", "Three Rivers Medical", "at Mercy
		// General".
		if !name.rare {
			if p.caseless || name.words == 0 || p.toks[name.start].sentStart || p.toks[c].headline {
				return c
			}
			k := p.prevWord(name.start)
			if name.distinct < 2 && (k < 0 || p.toks[k].my&pbHospitalPrep == 0) {
				return c
			}
		}
		switch head {
		case "surgery":
			if p.anyIn(name.start, c, plSurgeryNeg) {
				return c
			}
		case "practice":
			if p.anyIn(name.start, c, plPracticeNeg) {
				return c
			}
		case "memorial":
			if p.lwAt(c-1) == "war" {
				return c
			}
		case "royal", "regional", "medical", "district", "childrens", "rehab", "ortho", "city", "high", "comp",
			"pediatrics", "paediatrics", "dialysis", "womens":
			// "Salford Royal", "Valley Regional", "Hull City", "Kanab High": a post-name cue
			// needs a capital, a place or an uncommon name, and nothing capitalised after it.
			if p.caseless && !name.place || !cueCap || len(cues) > 1 {
				return c // in a case-less post only after a known place ("BIRCHFIELD REGIONAL" is not)
			}
			if k := p.prevWord(c); k >= 0 && p.toks[k].my&pbRoyalTitle != 0 && head == "royal" {
				return c // "Princess Royal"
			}
			if fd := name.firstDistinct; fd >= 0 && name.distinct == 1 && !name.place && p.toks[fd].e.FirstNameFreq >= 100 {
				return c // "Kate Royal"
			}
			if head == "city" && !name.place {
				return c
			}
			if k := p.nextWord(e - 1); k >= 0 && (p.toks[k].cap && !p.toks[k].sentStart && p.toks[k].lw != "i" && !(typ == result.Hospital && p.toks[k].my&pbHospitalCtxAfter != 0) || plCityAfter[p.toks[k].key]) {
				return c // "Leeds City Centre"; "Riverbend Children's NICU" is a hospital's unit
			}
			if k := p.nextWord(e - 1); k >= 0 && typ == result.Hospital && p.toks[k].my&pbHospitalCtxAfter != 0 && p.toks[k].cap {
				atHosp = true // "Riverbend Children's NICU", "Eastfield Regional ED"
			}
			// "Chesterfield Royal": a known place before "Royal" is a hospital's name, whatever
			// the word's other readings (a sofa, a surname); so is "at Ashby General", "to
			// Oakmere Royal": a name + post-name cue where a hospital is said to be.
			placeRoyal = head == "royal" && name.place && name.words <= 2
			if k := p.prevWord(name.start); k >= 0 && p.lwIn(k, pbHospitalPrep) && (head == "royal" || head == "general" || head == "regional") && name.words <= 2 {
				atHosp = true
			}
		case "health", "healthcare":
			if p.anyIn(name.start, c, plHealthNeg) {
				return c
			}
		case "general":
			switch p.lwAt(c - 1) {
			case "attorney", "surgeon", "secretary", "major", "brigadier", "inspector",
				"governor", "lieutenant", "postmaster", "solicitor", "director", "consul",
				"auditor", "comptroller", "registrar", "adjutant", "paymaster", "dollar":
				return c
			}
			if !cueCap || (!p.caseless && !name.place && !p.toks[c].cap) {
				return c
			}
			if k := p.prevWord(name.start); k >= 0 && p.lwIn(k, pbHospitalPrep) && name.words <= 2 && !p.caseless && !p.capitalAfter(e) {
				atHosp = true // "at Ashby General"
			}
		}
	}
	var conf float64
	switch {
	case p.caseless && strong:
		conf = 0.75
	case p.caseless:
		if !name.place && !p.anyFlag(name.start, c, lexicon.HospitalName) {
			return c
		}
		conf = 0.65
	case cueCap && strong:
		conf = 0.85
	case cueCap:
		conf = 0.72
	case strong:
		// "Whiston hospital": a capitalised name before a lower-case cue.
		fd := name.firstDistinct
		if fd < 0 || (!p.properCap(fd) && !name.place) {
			return c
		}
		conf = 0.7
	default:
		return c
	}
	if typ == result.Organization {
		conf -= 0.05
	}
	if !name.rare && !p.caseless {
		// "our Amazing Hospital": only everyday words before the cue.
		conf -= 0.2
		if p.toks[c].headline {
			conf -= 0.1
		}
	}
	ctxSet := plHospitalPrep
	if typ == result.Organization {
		ctxSet = plEmployCtx
	}
	ctx := ""
	if k := p.prevWord(name.start); k >= 0 && ctxSet[p.toks[k].lw] {
		conf += 0.05
		if !strong {
			conf += 0.05 // "at Mercy General": the place word confirms a weak cue
		}
		ctx = ", after '" + p.toks[k].lw + "'"
	}
	if name.words >= 2 {
		conf += 0.03
	}
	if placeRoyal {
		conf = max(conf, 0.86)
	}
	if atHosp {
		// Above a person reading of the same words ("Ashby General": a first name and a
		// surname), which after "at", "to", "from" is the rarer one; the names family
		// gives a first name + surname after a patient cue 0.95.
		conf = max(conf, 0.96)
	}
	if !p.caseless && p.plainWords(name.start, c) >= 2 {
		conf -= 0.15 // "Jihadi Finishing School": a Title Case headline, not a name
	}
	if !strong && p.toks[c].headline {
		conf -= 0.12
	}
	if head == "sons" && name.words == 1 && !p.toks[c].headline {
		conf = max(conf, 0.88) // "& Sons" makes the surname before it a firm's
	}
	start := name.start
	if start == c {
		// "University of Leeds": the name is all in the tail.
		start = c
	}
	cueText := p.tokText(c, c+len(cues[0].words))
	reason := string(typ) + ": name + cue '" + cueText + "', " + p.caseNote(c) + ctx
	if lt := &p.toks[e-1]; lt.poss && lt.fkey == last.words[len(last.words)-1] && lt.key != lt.fullKey() {
		// "Harbor View Children's": the possessive belongs to the cue.
		p.addOff(p.doc.Tokens[start].Start, p.doc.Tokens[e-1].End, typ, conf, reason)
	} else {
		p.add(start, e, typ, conf, reason)
	}
	p.orgEnd = e
	return e
}

// plStateIsState are the states whose name + "State" is said of the state itself
// ("Washington State", "New York State"), not of a university.
var plStateIsState = WordSet("washington", "york")

// stateSchool reports whether the capitalised "State" at token c follows a state's name
// of one word ("Ohio State", "Michigan State") that names its university: the name
// right before it, capitalised and a region in the lexicon, not one whose state is
// called so itself, and not after "the" ("the Ohio State Fair" is left to other cues).
func (p *plDoc) stateSchool(c int) bool {
	if p.caseless || !p.toks[c].cap || p.toks[c].upper || p.toks[c].headline || c == 0 {
		return false
	}
	k := p.prevWord(c)
	if k != c-1 || !p.toks[k].cap || p.toks[k].upper || !p.toks[k].e.Any(lexicon.Region) || plStateIsState[p.toks[k].key] || p.toks[k].poss {
		return false
	}
	if j := p.prevWord(k); j >= 0 && (p.toks[j].cap && !p.toks[j].sentStart || p.toks[j].key == "the") {
		return false // "New Mexico State", "West Virginia State", "the Ohio State Fair"
	}
	return true
}

// fieldTail returns the end and the number of words of the capitalised words from token
// s on that name a field after "of" ("Midwives", "Emergency Physicians", "Clinical
// Nursing and Health"): up to four words, "and" or "&" between them, none opening a
// sentence, the last not followed by another capitalised word. The words are 0 when none.
func (p *plDoc) fieldTail(s int) (int, int) {
	end, words := s, 0
	for k := s; k < len(p.toks) && words < 4; k++ {
		if k > s && p.doc.Tokens[k].Newline {
			break
		}
		t := &p.toks[k]
		if words > 0 && (t.key == "and" || p.isPunct(k, '&')) {
			continue
		}
		if !t.word || !t.cap || t.sentStart || t.upper && len(t.lw) > 4 || p.doc.Tokens[k].Kind != text.Word ||
			t.e.Any(lexicon.Month|lexicon.Weekday|lexicon.Title) {
			break
		}
		words++
		end = k + 1
	}
	if words == 0 || p.capitalAfter(end) {
		return s, 0
	}
	return end, words
}

// plainWords counts the everyday English words in [s, e) that are no name or place.
func (p *plDoc) plainWords(s, e int) int {
	n := 0
	for k := s; k < e; k++ {
		t := &p.toks[k]
		if t.word && plCommon(t.e) && !t.e.Any(plPlaceFlags|lexicon.FirstName|lexicon.Surname|lexicon.StreetSuffix) && t.my&pbGeneric == 0 {
			n++
		}
	}
	return n
}

// anyIn reports whether a token key in [s, e) is in set.
func (p *plDoc) anyIn(s, e int, set map[string]bool) bool {
	for k := s; k < e; k++ {
		if p.toks[k].word && set[p.toks[k].key] {
			return true
		}
	}
	return false
}

// anyFlag reports whether a token in [s, e) has a flag in f.
func (p *plDoc) anyFlag(s, e int, f lexicon.Flags) bool {
	for k := s; k < e; k++ {
		if p.toks[k].word && p.toks[k].e.Any(f) {
			return true
		}
	}
	return false
}

// nhsBoard matches "NHS Lothian", "NHS Greater Glasgow and Clyde" at token i ("NHS").
func (p *plDoc) nhsBoard(i int) int {
	j := i + 1
	if j >= len(p.toks) || !p.toks[j].word || p.doc.Tokens[j].Newline || plNHSNotBoard[p.toks[j].key] {
		return i
	}
	t := &p.toks[j]
	if !p.caseless && !t.cap {
		return i
	}
	if !plScotBoards[t.key] && !t.e.Any(plPlaceFlags) && (plCommon(t.e) || t.e.FirstNameFreq >= 100 || t.e.Any(lexicon.Title|lexicon.HealthRole)) {
		return i
	}
	end, n := p.nameFwd(j, 5)
	if n.words == 0 {
		return i
	}
	conf := 0.75
	if plScotBoards[t.key] {
		conf = 0.8
	}
	p.add(i, end, result.Hospital, conf, "HOSPITAL: 'NHS' + health board '"+p.tokText(j, end)+"'")
	return end
}

// prefixOrg matches "Ysbyty Gwynedd" (Welsh: hospital) and "HMP Leeds" (a prison).
func (p *plDoc) prefixOrg(i int) int {
	j := i + 1
	if j >= len(p.toks) || p.doc.Tokens[j].Newline || p.nameWord(j) == plNwNo {
		return i
	}
	end, n := p.nameFwd(j, 4)
	if n.distinct == 0 {
		return i
	}
	if p.toks[i].key == "ysbyty" {
		p.add(i, end, result.Hospital, 0.85, "HOSPITAL: 'Ysbyty' + name")
	} else {
		p.add(i, end, result.Organization, 0.8, "ORGANIZATION: 'HMP' + prison name")
	}
	return end
}

// findSaints finds "St Mary's", "St. Luke's", "St Thomas'" used as a hospital.
func (p *plDoc) findSaints() {
	n := len(p.toks)
	for i := p.nextGate(0, pgSaint); i < n; i = p.nextGate(i+1, pgSaint) {
		t := &p.toks[i]
		if !t.word || t.my&pbSaint == 0 || (!p.caseless && !t.cap) {
			continue
		}
		royal := t.key != "st" && t.key != "saint"
		j := i + 1
		if p.isPunct(j, '.') && !p.doc.Tokens[j].Space {
			j++
		}
		if j >= n || !p.toks[j].word || p.doc.Tokens[j].Kind != text.Word || p.doc.Tokens[j].Newline {
			continue
		}
		nt := &p.toks[j]
		if !p.caseless && !nt.cap {
			continue
		}
		end := j + 1
		if p.isPunct(end, '\'') && !p.doc.Tokens[end].Space && plEndsS(nt.lw) {
			end++
		}
		if k := p.nextWord(end - 1); k >= 0 && !royal && plSaintPlace[p.toks[k].key] && (p.caseless || !p.toks[k].cap) {
			// "St Anselm's church", "St. Brendan parish": a cue in lower case after the
			// saint's name, which findOrgs leaves (it wants the cue capitalised).
			p.add(i, k+1, result.Organization, 0.9, "ORGANIZATION: saint's name + '"+p.toks[k].lw+"'")
			i = k
			continue
		}
		end = j + 1
		apos := nt.poss
		switch {
		case apos:
		case p.isPunct(j+1, '\'') && !p.doc.Tokens[j+1].Space && plEndsS(nt.lw):
			apos = true
			end = j + 2
		case p.doc.AllLower && plEndsS(nt.lw) && len(nt.lw) > 3 && !royal:
			// "st marys" typed without the apostrophe.
		default:
			continue
		}
		if !apos && p.placePhraseAt(i) {
			// "st albans" is a town; "sent to st marys" is a hospital.
			base, _ := lexicon.Lookup(nt.lw[:len(nt.lw)-1])
			if base.FirstNameFreq < 100 || !p.hospitalCtx(i, end) {
				continue
			}
		}
		// What follows: a street suffix, a school or church, or another capitalised word
		// means this is not a bare hospital name.
		if k := p.nextWord(end - 1); k >= 0 {
			kt := &p.toks[k]
			if kt.e.Any(lexicon.StreetSuffix) && (p.caseless || kt.cap) || plSaintOrg[kt.key] {
				continue
			}
			if _, _, ok := p.orgCueAt(k); ok {
				continue // "St Mary's Hospital": findOrgs has it
			}
			if !p.caseless && kt.cap && kt.my&pbHospitalCtxAfter == 0 && !kt.sentStart {
				continue
			}
		}
		conf, why := 0.0, ""
		if k := p.prevWord(i); k >= 0 && p.lwIn(k, pbHospitalPrep) {
			conf, why = 0.8, "after '"+p.toks[k].lw+"'"
		} else if k := p.nextWord(end - 1); k >= 0 && p.toks[k].my&pbHospitalCtxAfter != 0 {
			conf, why = 0.8, "before '"+p.toks[k].lw+"'"
		} else if k := p.nextWord(end - 1); k >= 0 && p.toks[k].key == "in" && p.placeStart(k+1) {
			conf, why = 0.7, "before 'in' + a place"
		} else if p.sentenceHas(i, pbHealthCtx) {
			conf, why = 0.6, "healthcare words nearby"
		}
		if conf == 0 {
			continue
		}
		if royal {
			conf -= 0.05 // "at Queen Anne's": a hospital, a school or a pub
		} else {
			// A first name after "St" is a saint's, never a person's ("St Vincent's"):
			// above the names family's reading of the name alone.
			conf += 0.1
		}
		reason := "HOSPITAL: saint's name '" + p.doc.Norm[p.doc.Tokens[i].Start:p.doc.Tokens[end-1].End] + "' used as a place, " + why
		p.addOff(p.doc.Tokens[i].Start, p.doc.Tokens[end-1].End, result.Hospital, conf, reason)
		i = end - 1
	}
}

// plInstituteClinical are the parts of the body and fields of care that make an
// "<X> Institute" a place of treatment ("Eastgate Spine Institute").
var plInstituteClinical = WordSet("spine", "spinal", "heart", "cancer", "eye", "kidney",
	"orthopedic", "orthopaedic", "ortho", "joint", "joints", "bone", "brain", "neuro",
	"neuroscience", "neurosciences", "cardiac", "cardiovascular", "vascular", "vein",
	"pain", "sleep", "fertility", "diabetes", "digestive", "skin", "hand", "foot", "knee",
	"hip", "lung", "liver", "wound", "rehab", "rehabilitation", "surgical", "surgery",
	"oncology", "dermatology", "urology", "womens", "childrens")

// plSaintPlace are the lower-case words after a saint's name that make it a church or
// school ("St Anselm's church").
var plSaintPlace = WordSet("church", "parish", "chapel", "cathedral", "school", "academy",
	"college", "primary")

// plSaintWords start a saint's or royal name said in the possessive ("St Mary's",
// "Queen Anne's").
var plSaintWords = WordSet("st", "saint", "queen", "king", "prince", "princess")

// placeStart reports whether a town, county or country name starts at token i.
func (p *plDoc) placeStart(i int) bool {
	if i >= len(p.toks) || !p.toks[i].word || (!p.caseless && !p.toks[i].cap) {
		return false
	}
	if p.toks[i].e.Any(plPlaceFlags) && !plCommon(p.toks[i].e) {
		return true
	}
	a0, a1, b0, b1 := p.phSpan(i, i)
	for _, r := range [2][2]int{{a0, a1}, {b0, b1}} {
		for _, ph := range p.phrases[r[0]:r[1]] {
			if ph.start == i && ph.kind <= lexicon.PhraseRegion {
				return true
			}
		}
	}
	return false
}

// placePhraseAt reports whether a lexicon place phrase starts at token i.
func (p *plDoc) placePhraseAt(i int) bool {
	a0, a1, b0, b1 := p.phSpan(i, i)
	for _, r := range [2][2]int{{a0, a1}, {b0, b1}} {
		for _, ph := range p.phrases[r[0]:r[1]] {
			if ph.start == i && (ph.kind == lexicon.PhrasePlaceGB || ph.kind == lexicon.PhrasePlaceUS || ph.kind == lexicon.PhrasePlaceOther || ph.kind == lexicon.PhraseCounty) {
				return true
			}
		}
	}
	return false
}

// sentenceHas reports whether the sentence of token i has another word with the plBits
// bit (a word of that list).
func (p *plDoc) sentenceHas(i int, bit uint64) bool {
	s := p.doc.SentenceOf(p.doc.Tokens[i].Start)
	lo := p.doc.TokenAt(s.Start)
	for k := lo; k < len(p.toks) && p.doc.Tokens[k].Start < s.End; k++ {
		if k != i && p.toks[k].word && p.toks[k].my&bit != 0 {
			return true
		}
	}
	return false
}

// allCap reports whether every word in [s, e) but small words is capitalised.
func (p *plDoc) allCap(s, e int) bool {
	for k := s; k < e; k++ {
		if p.toks[k].word && !p.toks[k].cap && !plSmallWords[p.toks[k].key] && p.doc.Tokens[k].Kind == text.Word {
			return false
		}
	}
	return true
}

// findHospitalPhrases turns the lexicon's hospital, trust and GP practice phrases and
// one-word hospital names into HOSPITAL entities.
func (p *plDoc) findHospitalPhrases() {
	for _, ph := range p.phrases {
		s, e := ph.start, ph.end
		switch ph.kind {
		case lexicon.PhraseHospital, lexicon.PhraseTrust, lexicon.PhraseGPPractice:
			hasCue := p.anyFlag(s, e, lexicon.HospitalCue)
			if ph.kind == lexicon.PhraseGPPractice && !hasCue {
				// "Church View", "15 Sefton Road": a practice named after its address.
				if p.toks[e-1].e.Any(lexicon.StreetSuffix) || p.caseless || !p.allCap(s, e) || !p.hospitalCtx(s, e) {
					continue
				}
				p.addPh(ph, result.Hospital, 0.7, "HOSPITAL: GP practice list '"+p.tokText(s, e)+"', capitalised, in context")
				continue
			}
			conf := 0.0
			switch {
			case p.caseless:
				conf = 0.8
			case p.allCap(s, e):
				conf = 0.9
			case p.hasRareWord(s, e):
				conf = 0.7
			default:
				conf = 0.6
			}
			if ph.kind == lexicon.PhraseGPPractice {
				conf -= 0.05
			}
			list := "hospital"
			switch ph.kind {
			case lexicon.PhraseTrust:
				list = "NHS trust"
			case lexicon.PhraseGPPractice:
				list = "GP practice"
			}
			p.addPh(ph, result.Hospital, conf, "HOSPITAL: "+list+" list '"+p.tokText(s, e)+"', "+p.caseNote(s))
		case lexicon.PhraseHospitalShort:
			if p.toks[s].key == "st" {
				continue // saints: findSaints
			}
			ctx := p.hospitalCtx(s, e)
			if !p.anyIn(s, e, plShortHospWords) && !p.anyFlag(s, e, lexicon.HospitalName) {
				// "North London": a place unless a hospital word follows, or, for a name of
				// two words or more written with capitals, a word that places a hospital
				// before it in a sentence about care ("a shift at Stepping Hill").
				k := p.nextWord(e - 1)
				after := k >= 0 && p.toks[k].my&pbHospitalCtxAfter != 0
				if !after && (!ctx || e-s < 2 || p.caseless || !p.allCap(s, e) || p.toks[s].headline || p.capitalAfter(e) || !p.sentenceHas(s, pbHealthCtx)) {
					continue
				}
				ctx = true
			}
			conf := 0.0
			switch {
			case ctx && (p.caseless || p.allCap(s, e)):
				conf = 0.8
			case ctx && p.hasRareWord(s, e):
				conf = 0.65
			case !p.caseless && p.allCap(s, e) && !p.toks[s].headline:
				conf = 0.6
			}
			p.addPh(ph, result.Hospital, conf, "HOSPITAL: short hospital name '"+p.tokText(s, e)+"', "+p.caseNote(s))
		}
	}
	for i, n := p.nextGate(0, pgHosp), len(p.gates); i < n; i = p.nextGate(i+1, pgHosp) {
		t := &p.toks[i]
		if !t.word {
			continue
		}
		if !t.e.Any(lexicon.HospitalName) {
			// The first tests of bareHospital and careTransfer, so that most tokens cost
			// no call.
			if !p.caseless && t.cap && !t.upper && !t.sentStart && len(t.lw) >= 5 {
				// "on behalf of Mount Carrow nursing": a listed hospital's words before a
				// unit word, whatever comes before them.
				if k := p.prevWord(i); t.pstart && (k < 0 || p.toks[k].my&(pbCareMove|pbMovePrep|pbThe) == 0) && p.unitSoon(i) {
					if e := p.listedHospitalLead(i, -1); e > i {
						i = e - 1
						continue
					}
				}
				p.bareHospital(i)
			}
			if k := p.prevWord(i); k >= 0 && p.toks[k].my&(pbCareMove|pbMovePrep|pbThe) != 0 {
				// The rules of a capitalised name, in a post with capitals: most words
				// here ("to the", "at work") are neither.
				if t.cap && !p.caseless && !t.sentStart {
					if e := p.listedHospitalLead(i, k); e > i {
						i = e - 1
						continue
					}
					if t.upper && p.acronymHospital(i, k) || p.venueAt(i, k) || p.bareCueHospital(i, k) || p.shopBefore(i, k) {
						continue
					}
				}
				p.careTransfer(i)
			}
			continue
		}
		conf := 0.65
		switch {
		case p.caseless:
			conf = 0.7
		case t.cap:
			conf = 0.8
		}
		why := ""
		if p.hospitalCtx(i, i+1) {
			conf += 0.1
			why = ", in context"
		}
		p.add(i, i+1, result.Hospital, conf, "HOSPITAL: one-word hospital name '"+p.tokText(i, i+1)+"', "+p.caseNote(i)+why)
	}
}

// plListedSuffixes are the cue words that a listed hospital's name ends in after its
// own words ("Brackenford" + "medical center"): listedHospitalLead asks the lexicon for
// the name said with each.
var plListedSuffixes = [...]string{"hospital", "medical center", "medical centre", "clinic",
	"memorial hospital", "general hospital", "university medical center",
	"university hospital", "regional medical center", "hospital and clinics", "infirmary"}

// plListedFirsts are the first words of plListedSuffixes, each once, and
// plListedFirstOf[j] is the index there of suffix j's first word: listedWithCue asks
// the phrase table about each word once.
var plListedFirsts, plListedFirstOf = func() (firsts []string, of [len(plListedSuffixes)]int) {
	for j, s := range plListedSuffixes {
		f := plSplitWords(s)[0]
		u := slices.Index(firsts, f)
		if u < 0 {
			u = len(firsts)
			firsts = append(firsts, f)
		}
		of[j] = u
	}
	return
}()

// listedHospitalLead judges one to three capitalised words at token i, after "at",
// "from", "into" (or "to", or "the" with a unit word after the name; token k; k < 0 for
// none, with a unit word after) in a post
// about care, that begin the name of a hospital in the lexicon's lists when one of the
// usual cue words follows them: staff name their hospital by its own words alone
// ("nights at Brackenford", "he's at Mount Carrow now", "for the Brackenford ICU"), which
// the gazetteer may know as a town too. It records the HOSPITAL and returns its end, or i.
func (p *plDoc) listedHospitalLead(i, k int) int {
	t := &p.toks[i]
	if p.caseless || !t.cap || t.upper || t.sentStart || t.poss || p.doc.Tokens[i].Kind != text.Word || len(t.lw) < 3 ||
		t.my&pbSaint != 0 || !t.pstart {
		return i // saints are findSaints'; a word no phrase starts with starts no listed name
	}
	prep := "" // k < 0: no word that places a hospital before; a unit word must follow
	if k >= 0 {
		prep = p.toks[k].key
	}
	switch prep {
	case "at", "from", "into", "the", "":
	case "to":
		// "handed over to Ellis": after "to", a person's name is the likelier reading
		if t.e.FirstNameFreq >= 100 || t.e.SurnameFreq >= 100 {
			return i
		}
	default:
		return i
	}
	if t.found && t.e.Any(lexicon.Month|lexicon.Weekday|lexicon.Title|lexicon.Relative|lexicon.HealthRole|lexicon.WardUnit|lexicon.ClinicalTerm) {
		return i
	}
	if t.e.Population >= 50000 {
		return i // "moving to Kettering", "from Fresno": a town of that size is the town
	}
	if prep == "from" && t.e.Any(plPlaceFlags) && p.personBeforeFrom(k) {
		return i // "Marjorie from Kendal", "a roofer from Selby": where a person is from
	}
	// The name's words: up to three capitalised words in a row ("Oakmere City Fairview").
	var w [3]int
	n := 0
	for j := i; j >= 0 && n < 3; j = p.nextNameWord(j) {
		if tj := &p.toks[j]; !tj.cap || tj.sentStart || tj.upper || p.doc.Tokens[j].Kind != text.Word || j > i && tj.my&pbHospitalCtxAfter != 0 {
			break
		}
		w[n] = j
		n++
		if p.toks[j].poss {
			break
		}
	}
	e := w[n-1] + 1
	after := p.nextWord(e - 1)
	unit := after >= 0 && p.toks[after].my&pbHospitalCtxAfter != 0 // "Geisinger NICU"
	if p.capitalAfter(e) && !unit || p.toks[e-1].poss || p.isPunct(e, '&') || p.isPunct(e, '+') || p.isPunct(e, '-') ||
		n == 1 && t.my&(pbStop|pbGeneric) != 0 || !p.listedWithCue(i, e) {
		return i // part of a longer name, or no listed hospital's name starts with the words
	}
	if (prep == "the" || prep == "") && !unit {
		return i // "the Brackenford ICU", not "the Brackenford Arms"
	}
	if p.nonCarePlaceNext(e - 1) {
		return i // "at Brackenford mall"
	}
	if !p.careishPost() {
		return i
	}
	var why string
	if k >= 0 {
		why = "after '" + p.toks[k].lw + "'"
	} else {
		why = "before '" + p.toks[after].lw + "'" // unit holds: after >= 0
	}
	p.add(i, e, result.Hospital, 0.91, "HOSPITAL: '"+p.tokText(i, e)+"' + a cue word is a listed hospital, "+why+" in a post about care")
	return e
}

// personBeforeFrom reports whether the word right before "from" at token k is a person:
// a capitalised first name ("Marjorie from"), a person noun ("a lad from", "the lady from")
// or an occupation ("a roofer from").
func (p *plDoc) personBeforeFrom(k int) bool {
	j := k - 1
	if j < 0 || !p.toks[j].word || p.doc.Tokens[j].Kind != text.Word {
		return false
	}
	t := &p.toks[j]
	return t.my&pbThirdPerson != 0 && !t.poss || t.cap && !t.sentStart && t.e.FirstNameFreq >= 100 ||
		t.e.Any(lexicon.Occupation) && !t.e.Any(lexicon.HealthRole)
}

// unitSoon reports whether one of the three words after token i is a unit word or
// another that follows a hospital's name (plHospitalCtxAfter): listedHospitalLead's
// test without a preposition, first, since most capitalised words have none.
func (p *plDoc) unitSoon(i int) bool {
	for n, j := 0, p.nextWord(i); n < 3 && j >= 0; n, j = n+1, p.nextWord(j) {
		if p.toks[j].my&pbHospitalCtxAfter != 0 {
			return true
		}
	}
	return false
}

// nextNameWord returns nextWord(j), or the word after a hyphen that joins it to token j
// ("Cedars-Sinai"), or -1.
func (p *plDoc) nextNameWord(j int) int {
	if k := p.nextWord(j); k >= 0 {
		return k
	}
	if d := p.doc.Tokens; j+2 < len(d) && p.isPunct(j+1, '-') && !d[j+1].Space && !d[j+2].Space && p.toks[j+2].word {
		return j + 2
	}
	return -1
}

// roleTo reports "to" + a health role within four words after token i: "from HCA to
// RN", "from ward clerk or HCA to nurse" is a change of job, not of workplace.
func (p *plDoc) roleTo(i int) bool {
	for j, n := p.nextWord(i), 0; j >= 0 && n < 4; j, n = p.nextWord(j), n+1 {
		if p.toks[j].key == "to" {
			r := p.nextWord(j)
			return r >= 0 && p.toks[r].e.Any(lexicon.HealthRole)
		}
	}
	return false
}

// acronymHospital judges an acronym that no list knows at token i, right after "at" or
// "from" (token k), or "to" after a move ("going to"), in a sentence about care ("woke up
// in the ICU at KVMS", "residency at UTHS"): academic medical centres and health systems
// go by their initials. It records a HOSPITAL and reports whether it did.
func (p *plDoc) acronymHospital(i, k int) bool {
	t := &p.toks[i]
	n := len(t.lw)
	if p.caseless || n < 3 || n > 5 || t.found || t.poss || p.doc.Tokens[i].Kind != text.Word || nmCues[t.key] != 0 {
		return false
	}
	if t.lw[n-1] == 'u' && strings.IndexByte("cdmpr", t.lw[n-2]) >= 0 {
		return false // a unit: "CSRU", "TSICU", "IMU", "SDU"
	}
	switch p.toks[k].key {
	case "at", "from":
	case "to":
		if v := p.prevWord(k); v < 0 || p.toks[v].my&pbCareMove == 0 {
			return false
		}
	default:
		return false
	}
	if p.capitalAfter(i+1) || p.isPunct(i+1, ':') {
		return false
	}
	if !p.sentenceCare(i) || p.toks[k].key == "from" && p.roleTo(i) {
		return false
	}
	p.add(i, i+1, result.Hospital, 0.6, "HOSPITAL: unknown acronym '"+p.tokText(i, i+1)+"' after '"+p.toks[k].lw+"' in a sentence about care")
	return true
}

// venueAt judges a capitalised word at token i after "at" or "at the" (token k) in a
// sentence about going out ("drinks at Fandango", "spa day at the Solace"): a bar, a
// club or a spa by its name, which need be no known word. It records an ORGANIZATION
// and reports whether it did.
func (p *plDoc) venueAt(i, k int) bool {
	t := &p.toks[i]
	if p.caseless || !t.cap || t.upper || t.sentStart || t.poss || p.doc.Tokens[i].Kind != text.Word || len(t.lw) < 4 {
		return false
	}
	if p.toks[k].key == "the" {
		k = p.prevWord(k)
	}
	if k < 0 || p.toks[k].key != "at" || p.capitalAfter(i+1) || p.pubAtNoun(i) {
		return false
	}
	e := t.e
	if e.Any(plPlaceFlags|lexicon.Month|lexicon.Weekday|lexicon.Title|lexicon.Relative|lexicon.HealthRole|lexicon.WardUnit|
		lexicon.ClinicalTerm|lexicon.HospitalName) || e.FirstNameFreq >= 60 || e.SurnameFreq >= 100 || t.my&(pbHoliday|pbStop|pbGeneric) != 0 {
		return false // a town, a name, a season: "at Christmas", "drinks at Leeds"
	}
	if !p.sentenceHas(i, pbPubCtx) {
		return false
	}
	p.add(i, i+1, result.Organization, 0.6, "ORGANIZATION: '"+p.tokText(i, i+1)+"' after 'at' in a sentence about going out (a venue)")
	return true
}

// bareCueHospital judges "County", "General", "Memorial" or "Regional" alone, capitalised,
// right after "at", "to", "from" or "into" (token k) in a sentence about care: US staff
// name the county hospital or the town's general hospital by that word ("the trauma bay
// at County", "transferred to Memorial"). It records a HOSPITAL and reports whether it did.
func (p *plDoc) bareCueHospital(i, k int) bool {
	t := &p.toks[i]
	switch t.key {
	case "county", "general", "memorial", "regional":
	default:
		return false
	}
	if p.caseless || !t.cap || t.upper || t.sentStart || t.poss {
		return false
	}
	switch p.toks[k].key {
	case "at", "to", "from", "into":
	default:
		return false
	}
	if n := p.nextWord(i); n >= 0 && (p.toks[n].cap || p.toks[n].key == "level" || p.toks[n].key == "council" || p.toks[n].key == "court" ||
		p.toks[n].key == "line" || p.toks[n].key == "jail" || p.toks[n].key == "fair" || p.toks[n].key == "admission") {
		return false // "at County level", "to General admission", "at County Durham"
	}
	if !p.sentenceCare(i) {
		return false
	}
	p.add(i, i+1, result.Hospital, 0.7, "HOSPITAL: '"+p.tokText(i, i+1)+"' alone after '"+p.toks[k].lw+"' in a sentence about care")
	return true
}

// shopBefore judges a capitalised name after "the" (token k) and before a word of a shop's
// grounds ("the Meijer parking lot", "the Fairway car park", "the Hartley's drive-thru"): a
// shop or chain that no list holds. It records an ORGANIZATION and reports whether it did.
func (p *plDoc) shopBefore(i, k int) bool {
	t := &p.toks[i]
	if p.toks[k].key != "the" || t.upper || p.doc.Tokens[i].Kind != text.Word || len(t.lw) < 3 {
		return false
	}
	n := p.nextWord(i)
	if n < 0 {
		return false
	}
	switch p.toks[n].key {
	case "parking", "car", "carpark", "drive-thru", "drive", "checkout", "checkouts":
	default:
		return false
	}
	if m := p.nextWord(n); p.toks[n].key == "parking" && (m < 0 || p.toks[m].key != "lot" && p.toks[m].key != "garage") ||
		p.toks[n].key == "car" && (m < 0 || p.toks[m].key != "park") ||
		p.toks[n].key == "drive" && (m < 0 || !p.isPunct(n+1, '-') && p.toks[m].key != "thru" && p.toks[m].key != "through") {
		return false // "the Lexus car", "the Sunday drive"
	}
	if t.e.Any(plPlaceFlags|lexicon.Month|lexicon.Weekday|lexicon.HealthRole|lexicon.WardUnit|lexicon.ClinicalTerm|lexicon.HospitalName) ||
		t.my&(pbHoliday|pbStop|pbGeneric) != 0 || plCommon(t.e) && !t.e.Any(lexicon.Surname) {
		return false // "the Leeds car park": a town's; "the Hospital car park"
	}
	p.add(i, i+1, result.Organization, 0.62, "ORGANIZATION: '"+p.tokText(i, i+1)+"' before '"+p.toks[n].lw+"' (a shop's grounds)")
	return true
}

// pubAtNoun reports whether token i is a pub's word ("Crown", "Anchor"): pubAt's.
func (p *plDoc) pubAtNoun(i int) bool { return p.toks[i].my&pbPubNoun != 0 }

// sentenceCare reports whether the sentence of token i, i left out, holds a word of
// plHealthCtx, a unit or a healthcare role.
func (p *plDoc) sentenceCare(i int) bool {
	s := p.doc.SentenceOf(p.doc.Tokens[i].Start)
	for k := p.doc.TokenAt(s.Start); k < len(p.toks) && p.doc.Tokens[k].Start < s.End; k++ {
		if t := &p.toks[k]; k != i && t.word && (t.my&pbHealthCtx != 0 || t.e.Any(lexicon.WardUnit|lexicon.HealthRole)) {
			return true
		}
	}
	return false
}

// careishPost reports whether the post is about care: a word of plHealthCtx, a
// healthcare role, a unit or a doctor's title in it.
func (p *plDoc) careishPost() bool {
	if p.anyMy&pbHealthCtx != 0 {
		return true
	}
	for k := range p.toks {
		if t := &p.toks[k]; t.word && (t.e.Any(lexicon.HealthRole|lexicon.WardUnit) || t.key == "dr" && t.cap) {
			return true
		}
	}
	return false
}

// listedWithCue reports whether the keys of the words of tokens [s, e) followed by one of
// plListedSuffixes name a hospital in the lexicon's lists.
func (p *plDoc) listedWithCue(s, e int) bool {
	// The phrase table's cheap tests first: that a phrase starts with the first key, and
	// may go on with the second (the next word's, or each cue's first word).
	t := &p.toks[s]
	if !t.pstart {
		return false
	}
	second := ""
	for k := s + 1; k < e; k++ {
		if p.toks[k].word {
			second = p.toks[k].key
			break
		}
	}
	if second != "" && !lexicon.PhrasePairMay(t.pst, second) {
		return false
	}
	b := p.kbuf[:0]
	for k := s; k < e; k++ {
		if !p.toks[k].word {
			continue // the hyphen of "Cedars-Sinai"
		}
		if k > s {
			b = append(b, ' ')
		}
		b = append(b, p.toks[k].key...)
	}
	b = append(b, ' ')
	n := len(b)
	found := false
	var may uint32 // bit u: the cue word plListedFirsts[u] may follow the first key
	if second == "" {
		for u, f := range plListedFirsts {
			if lexicon.PhrasePairMay(t.pst, f) {
				may |= 1 << u
			}
		}
		if may == 0 {
			return false
		}
	}
	for j, suf := range plListedSuffixes {
		if second == "" && may&(1<<plListedFirstOf[j]) == 0 {
			continue
		}
		b = append(b[:n], suf...)
		if kinds, _ := lexicon.LookupPhrase(string(b)); kinds&(1<<lexicon.PhraseHospital) != 0 {
			found = true
			break
		}
	}
	p.kbuf = b
	return found
}

// plCueNeedsCase are cues that are also note abbreviations ("INC", "FC"): they count
// only in a mixed-case post, written with a capital.
var plCueNeedsCase = WordSet("inc", "fc", "afc", "co", "corp", "llc", "llp", "plc", "ltd",
	// a department or a service in lower case after a town is no business's name
	// ("the Leeds imaging team", "Hull dental hospital"): these cues need their capital
	"imaging", "dental", "realty", "realtors", "funeral", "library", "eye")

// plCityAfter are words after "X City" that make it a place, not a club.
var plCityAfter = WordSet("centre", "center", "hall", "council", "limits", "region", "area")

// plHealthNeg are words before "Health" that name a field, not an organisation.
var plHealthNeg = WordSet("occupational", "public", "mental", "sexual", "mens", "womens",
	"global", "digital", "population", "community", "environmental", "child", "oral",
	"physical", "emotional", "planetary", "spiritual", "reproductive", "holistic",
	"maternal", "heart", "bone", "brain", "gut", "skin", "eye", "foot", "lung", "liver",
	"kidney", "gender", "financial", "veterans", "behavioral", "behavioural", "allied",
	"student", "school", "staff", "employee", "workplace", "men", "women", "youth",
	"childrens", "infant", "perinatal", "rural", "urban", "world", "national", "good", "bad",
	"poor", "ill", "dental", "animal", "plant", "soil", "ocean")

// plShortHospWords make a short hospital name read as a hospital on its own ("Leeds
// General", "Royal Free").
var plShortHospWords = WordSet("general", "royal", "infirmary", "memorial", "district",
	"community", "county", "university", "hospital", "hospitals", "cottage", "free",
	"childrens", "womens", "teaching", "victoria", "queen", "queens", "king", "kings",
	"princess", "prince", "st", "saint", "medical", "clinic", "hospice", "war")

// plSkillAt are the words before "at" that make what follows a skill or a
// game ("good at Wordle", "rubbish at Scrabble"), not a place.
var plSkillAt = WordSet("good", "great", "bad", "better", "best", "worse", "worst", "terrible",
	"rubbish", "brilliant", "amazing", "useless", "awful", "decent", "excellent", "skilled", "hopeless")

// bareHospital judges an unknown capitalised name said where a hospital is ("at
// Kingsmead" in a post about a shift, "Castlebrook's A&E").
func (p *plDoc) bareHospital(i int) {
	t := &p.toks[i]
	if p.caseless || !t.cap || t.upper || t.sentStart || p.doc.Tokens[i].Kind != text.Word || len(t.lw) < 5 {
		return
	}
	if t.found && (t.e.Flags&^lexicon.Surname != 0 || t.e.WordTier > 0 && t.e.WordTier <= 70 || t.e.SurnameFreq >= 60) {
		return // a known word, name or place
	}
	if k := p.nextWord(i); k >= 0 && p.toks[k].cap && !p.toks[k].sentStart {
		return // part of a longer name
	}
	why := ""
	if k := p.prevWord(i); k >= 0 && (p.toks[k].key == "at" || p.toks[k].key == "from") {
		if p.toks[k].key == "at" && plSkillAt[p.lwAt(p.prevWord(k))] {
			return // "oddly good at Wordle": a skill, not a place
		}
		why = "after '" + p.toks[k].lw + "'"
	} else if k := p.nextWord(i); k >= 0 && p.toks[k].my&pbHospitalCtxAfter != 0 {
		why = "before '" + p.toks[k].lw + "'"
	} else {
		return
	}
	if !p.sentenceHas(i, pbHealthCtx) {
		return
	}
	p.add(i, i+1, result.Hospital, 0.55, "HOSPITAL: unknown capitalised name "+why+" in a healthcare sentence")
}

// hospitalCtx reports whether tokens [s, e) stand where a hospital does: after "at",
// "admitted to"..., or before "A&E", "maternity"...
func (p *plDoc) hospitalCtx(s, e int) bool {
	if k := p.prevWord(s); k >= 0 && p.lwIn(k, pbHospitalPrep) {
		return true
	}
	if k := p.nextWord(e - 1); k >= 0 && p.toks[k].my&pbHospitalCtxAfter != 0 {
		return true
	}
	return false
}

// hasRareWord reports whether a word in [s, e) is not a common English word.
func (p *plDoc) hasRareWord(s, e int) bool {
	for k := s; k < e; k++ {
		if t := &p.toks[k]; t.word && !plCommon(t.e) && t.my&(pbGeneric|pbStop) == 0 {
			return true
		}
	}
	return false
}

// findPubsAndChains finds pubs ("the Red Lion") and very common employers and shops.
func (p *plDoc) findPubsAndChains() {
	n := len(p.toks)
	for i := p.nextGate(0, pgPub); i < n; i = p.nextGate(i+1, pgPub) {
		t := &p.toks[i]
		if !t.word {
			continue
		}
		if t.my&(pbThe|pbChain) == 0 && (p.doc.Tokens[i].Shape&text.Mixed == 0 || !t.cap) {
			continue // neither "the", a chain nor a CamelCase word (camelBrand)
		}
		if t.key == "the" && !p.chainAt1(i+1) {
			if e := p.pubAt(i); e > i {
				i = e - 1
				continue
			}
		}
		if t.my&pbChain == 0 {
			p.camelBrand(i)
			continue
		}
		if !t.poss && t.my&pbChainOne == 0 && !p.secondMay(i, pbChainSecond) {
			continue // only chains of two words or more start here, and none goes on
		}
		chains := plExts[t.ext].chains // plChains[t.key]
		if t.poss {
			chains = append(chains[:len(chains):len(chains)], plChains[t.fullKey()]...)
		}
		for _, ch := range chains {
			e, ok := p.matchTail(i, ch.words)
			if !ok {
				continue
			}
			p.chainAt(i, e, ch)
			i = e - 1
			break
		}
	}
}

// camelBrand judges a CamelCase word that is no known word or name ("GlowLab",
// "SlimRx", "UWorld"): a company or brand.
func (p *plDoc) camelBrand(i int) {
	t := &p.toks[i]
	if p.doc.Tokens[i].Kind != text.Word || p.doc.Tokens[i].Shape&text.Mixed == 0 || !t.cap || len(t.lw) < 5 {
		return
	}
	if t.found && t.e.Any(lexicon.FirstName|lexicon.Surname|plPlaceFlags|lexicon.ClinicalTerm) {
		return // "DeShawn", "McKenzie"
	}
	if nmCues[t.key]&cuEponym != 0 {
		return // charting systems and products of the ward: "CareVue"
	}
	if !p.doc.Tokens[i].Space || i+1 < len(p.toks) && !p.doc.Tokens[i+1].Space && (p.isPunct(i+1, '/') || p.isPunct(i+1, '.') || p.isPunct(i+1, '_')) {
		return // inside a link or a handle
	}
	w := p.doc.Norm[p.doc.Tokens[i].Start:t.end]
	upper, lower, hump := 0, 0, false
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case c >= 'a' && c <= 'z':
			lower++
		case c >= 'A' && c <= 'Z':
			upper++
			if k > 0 && w[k-1] >= 'a' && w[k-1] <= 'z' {
				hump = true
			}
		}
	}
	if upper > 3 || upper*2 > len(w) {
		return // "TBWonqMnJV": a random code
	}
	// "ChrisBrown": a first name run into a surname.
	for k := 1; k < len(w); k++ {
		if w[k] >= 'A' && w[k] <= 'Z' && w[k-1] >= 'a' && w[k-1] <= 'z' {
			if fe, ok := lexicon.Lookup(lexicon.Key(w[:k])); ok && fe.FirstNameFreq >= 120 {
				return
			}
			break
		}
	}
	if !hump || lower < 2 {
		return // "GCSEs", "PhD", "MOnitor" (caps lock)
	}
	// Two parts of at least three and two letters: "GlowLab", "SlimRx", not "BiLevel".
	first := 1
	for first < len(w) && !(w[first] >= 'A' && w[first] <= 'Z') {
		first++
	}
	if first < 3 || len(w)-first < 2 {
		return
	}
	if p.doc.AllCaps || p.toks[i].headline {
		return
	}
	for _, pre := range [...]string{"Mc", "Mac", "De", "Le", "La", "Di", "Da", "Du", "Van", "Von", "Fitz", "O'"} {
		if len(w) > len(pre) && w[:len(pre)] == pre && w[len(pre)] >= 'A' && w[len(pre)] <= 'Z' {
			return // a surname ("McKenzie", "LeBlanc")
		}
	}
	p.add(i, i+1, result.Organization, 0.55, "ORGANIZATION: CamelCase brand name '"+w+"'")
}

// chainAt1 reports whether a chain name starts at token i ("the Taco Bell").
func (p *plDoc) chainAt1(i int) bool {
	if i >= len(p.toks) || p.toks[i].my&pbChain == 0 {
		return false
	}
	for _, ch := range plExts[p.toks[i].ext].chains { // plChains[key]
		if _, ok := p.matchTail(i, ch.words); ok {
			return true
		}
	}
	return false
}

// pubAt matches "the Red Lion", "the Rose and Crown", "the Old Black Bull" at token i.
func (p *plDoc) pubAt(i int) int {
	words := 0
	adjOK := false
	k := i + 1
	for ; k < len(p.toks) && words < 4; k++ {
		if p.doc.Tokens[k].Newline {
			return i
		}
		t := &p.toks[k]
		if !t.word {
			if p.isPunct(k, '&') && words > 0 {
				continue
			}
			return i
		}
		if t.key == "and" && words > 0 {
			continue
		}
		if !p.caseless && !t.cap {
			return i
		}
		if words == 0 && t.my&pbPubNoun != 0 && !p.caseless && t.cap && (k+1 >= len(p.toks) || !p.toks[k+1].word || !p.toks[k+1].cap) &&
			!p.pubAndNoun(k) {
			// "drinks at the Crown": one pub word, said with drinks or a pub nearby.
			if p.sentenceHas(i, pbPubCtx) {
				p.add(i, k+1, result.Organization, 0.65, "ORGANIZATION: pub name '"+p.tokText(i, k+1)+"', capitalised, pub words nearby")
				return k + 1
			}
			return i
		}
		if words > 0 && t.my&pbPubNoun != 0 {
			end := k + 1
			pubCtx := p.sentenceHas(i, pbPubCtx)
			conf := 0.0
			switch {
			case p.caseless && adjOK && pubCtx:
				conf = 0.6
			case p.caseless:
			case adjOK:
				conf = 0.75
			default:
				conf = 0.65
			}
			if pubCtx && conf > 0 {
				conf += 0.1
			}
			if conf == 0 {
				return i
			}
			p.add(i, end, result.Organization, conf, "ORGANIZATION: pub name '"+p.tokText(i, end)+"', "+p.caseNote(i+1))
			return end
		}
		if t.my&pbStop != 0 || t.e.Any(lexicon.Title|lexicon.HealthRole) && t.my&pbPubAdj == 0 {
			return i
		}
		if t.my&pbPubAdj != 0 {
			adjOK = true
		}
		words++
	}
	return i
}

// pubAndNoun reports whether "and" or "&" and a capitalised pub word follow token k
// ("the Plough and Harrow"): the pub's name goes on.
func (p *plDoc) pubAndNoun(k int) bool {
	if k+2 >= len(p.toks) || !(p.toks[k+1].key == "and" || p.isPunct(k+1, '&')) || p.doc.Tokens[k+2].Newline {
		return false
	}
	n := &p.toks[k+2]
	return n.word && n.cap && n.my&pbPubNoun != 0
}

// plPubCtx are words that say a name is a pub.
var plPubCtx = WordSet("pub", "pint", "pints", "drinks", "drink", "drinking", "beer", "inn",
	"boozer", "landlord", "landlady", "quiz", "barman", "barmaid", "lager", "ale", "bar",
	"locals", "darts", "karaoke", "lock-in",
	// going out more widely: a venue named after "at" (venueAt)
	"dinner", "party", "cocktails", "prosecco", "wine", "gin", "shots", "dancing", "gig",
	"spa", "nightclub", "club", "clubbing", "celebrate", "celebrating")

// plObjectPronoun after an app's name in lower case make it a verb ("paypal me").
var plObjectPronoun = WordSet("me", "you", "him", "her", "us", "them", "it")

// chainAt judges a chain name at tokens [s, e).
func (p *plDoc) chainAt(s, e int, ch plChain) {
	t := &p.toks[s]
	ctx := false
	why := ""
	k0 := p.prevWord(s)
	if k0 >= 0 && p.toks[k0].key == "the" {
		k0 = p.prevWord(k0) // "at the Co-op"
	}
	if k := k0; k >= 0 && plEmployCtx[p.toks[k].key] {
		ctx, why = true, ", after '"+p.toks[k].lw+"'"
	} else if k := p.nextWord(e - 1); k >= 0 && plEmployCtx[p.toks[k].key] {
		ctx, why = true, ", before '"+p.toks[k].lw+"'"
	}
	if !ctx && plDatingApps[ch.words[0]] {
		// "on Hinge", "a Tinder date": how staff meet (and are found by) patients
		if k := k0; k >= 0 && (p.toks[k].key == "on" || p.toks[k].key == "via") {
			ctx, why = true, ", after '"+p.toks[k].lw+"'"
		} else if k := p.nextWord(e - 1); k >= 0 && plDatingCtxAfter[p.toks[k].key] {
			ctx, why = true, ", before '"+p.toks[k].lw+"'"
		}
	}
	if ch.words[0] == "co" && (p.caseless || !t.cap) {
		return // "a housing co-op"
	}
	if e-s == 1 && !t.cap && !t.upper && p.doc.Tokens[s].Kind == text.Word {
		// "paypal me later", "just google it": an app's name in lower case, used as a verb
		if n := p.nextWord(s); n == s+1 && plObjectPronoun[p.toks[n].key] {
			return
		}
	}
	conf := 0.0
	switch {
	case ch.acro:
		if p.caseless || !(t.upper || t.poss && plUpperStem(p.tokText(s, s+1)) || plTwoCaps(p.tokText(s, s+1))) {
			return
		}
		if ch.amb && !p.exOrThe(s) {
			return // "went into RAF", "ANA negative": a note's abbreviation
		}
		if p.isPunct(e, ':') || p.isPunct(e, ';') || s > 0 && p.doc.Tokens[s].Newline {
			return // "CVS: HR 80s", a line opening "CVS stable": a note's heading
		}
		conf = 0.7
	case ch.amb:
		if !ctx || (!p.caseless && (!t.cap || t.sentStart && !p.toks[s].upper && false)) {
			return
		}
		if p.caseless {
			conf = 0.55
		} else {
			conf = 0.65
		}
	case !p.caseless && t.cap:
		conf = 0.7
	case p.caseless:
		conf = 0.6
	default:
		conf = 0.55
	}
	if ctx && !ch.amb && !ch.acro {
		conf += 0.1
	}
	if len(ch.words) >= 2 && !ch.amb && !ch.acro && !p.caseless && p.allCap(s, e) && !t.headline {
		// "Olive Garden": a listed name of two words or more, written as one, above the
		// names family's first name + surname reading of the same words.
		conf = max(conf, 0.92)
	}
	list, typ := "employer/shop list", result.Organization
	if ch.acro {
		list = "organisation acronym list"
	}
	if ch.hosp {
		list, typ = "hospital acronym list", result.Hospital
	}
	reason := string(typ) + ": " + list + " '" + p.tokText(s, e) + "', " + p.caseNote(s) + why
	if lt := &p.toks[e-1]; lt.poss && lt.fkey == ch.words[len(ch.words)-1] {
		p.addOff(p.doc.Tokens[s].Start, p.doc.Tokens[e-1].End, typ, conf, reason) // "Sainsbury's"
		return
	}
	p.add(s, e, typ, conf, reason)
}

// exOrThe reports whether token s follows "the" ("the RAF") or "ex-" ("ex-RAF").
func (p *plDoc) exOrThe(s int) bool {
	if k := p.prevWord(s); k >= 0 {
		return p.toks[k].key == "the"
	}
	return s >= 2 && p.isPunct(s-1, '-') && p.toks[s-2].key == "ex"
}

// plDatingApps are dating apps, named with "on" ("matched on Hinge").
var plDatingApps = WordSet("hinge", "tinder", "bumble", "grindr", "happn", "feeld")

// plDatingCtxAfter words after a dating app make it the app ("a Tinder date").
var plDatingCtxAfter = WordSet("date", "dates", "match", "matches", "matched", "profile", "bio", "chat")

// plTwoCaps reports whether w starts with a capital and holds another ("GPhC", "RCPsych"):
// an acronym written in mixed case, not a word in Title Case ("Nice").
func plTwoCaps(w string) bool {
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return true
		}
	}
	return false
}

// plUpperStem reports whether a possessive word is in capitals before its
// apostrophe ("FDA's").
func plUpperStem(w string) bool {
	stem := w
	if i := strings.IndexAny(w, "'’"); i > 0 {
		stem = w[:i]
	}
	if len(stem) < 2 {
		return false
	}
	for i := 0; i < len(stem); i++ {
		if c := stem[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// plInstitutionHeads end the name of a hospital, home or site said after a
// move: "admitted from Brentwood Hosp.", "from the Pellington House", "sent
// to Dennis Marsh EW", "taken to Birchfield Regional".
var plInstitutionHeads = WordSet("hospital", "hosp", "hospitals", "rehab", "house", "manor", "lodge", "regional",
	"memorial", "campus", "center", "centre", "clinic", "infirmary", "hospice", "nh", "snf", "ltac",
	"ltach", "ew", "er", "ed", "a&e", "medical", "general", "nursing", "home", "care", "court", "gardens")

// plDevotional start a hospital's name said without its cue word.
var plDevotional = WordSet("st", "saint", "holy", "sacred", "mercy", "mount", "mt")

// movedInstitution reports, and records, a named institution that starts at
// token i right after a move ("transferred to", "admitted from the"): one to
// three name words, then a head word such as Hospital, Hosp, House, Rehab,
// Regional or EW. It works in one-case notes too, where capitals say
// nothing: the move and the head word say it is a place.
func (p *plDoc) movedInstitution(i int) bool {
	// "to go to St Agnes on Friday", "accepted at Holy Innocents": a saint's
	// or a devotional name is a hospital's there
	k := p.nextWord(i)
	if k < 0 && i+2 < len(p.toks) && p.toks[i].key == "st" && p.toks[i+1].pc == '.' && !p.doc.Tokens[i+2].Newline {
		k = i + 2 // "ST. MARY"
	}
	if k >= 0 && !p.doc.Tokens[k].Newline && plDevotional[p.toks[i].key] && p.toks[k].word &&
		(p.caseless || p.toks[k].cap) && p.doc.Tokens[k].Kind == text.Word && len(p.toks[k].lw) >= 3 &&
		!(p.toks[k].found && p.toks[k].e.Any(lexicon.Month|lexicon.Weekday|lexicon.ClinicalTerm)) {
		p.add(i, k+1, result.Hospital, 0.66, "HOSPITAL: '"+p.tokText(i, k+1)+"' after a transfer")
		return true
	}
	end := -1
	k = i
	for n := 0; n < 3 && k >= 0 && k < len(p.toks); n++ {
		t := &p.toks[k]
		if !t.word || p.doc.Tokens[k].Kind != text.Word || (k > i && p.doc.Tokens[k].Newline) {
			return false
		}
		if n > 0 && t.my&pbInstHead != 0 {
			end = k + 1
			break
		}
		named := (t.e.Any(plPlaceFlags) || t.e.FirstNameFreq >= 100 || t.e.SurnameFreq >= 100) && (p.caseless || t.cap)
		if t.my&pbNotPlaceAfterMove != 0 || t.found && (t.e.Any(lexicon.Month|lexicon.Weekday|lexicon.Title|lexicon.Relative|
			lexicon.HealthRole|lexicon.WardUnit|lexicon.ClinicalTerm|lexicon.HospitalCue) || t.e.WordTier > 0 && t.e.WordTier <= 35 && !named) ||
			nmCues[t.key]&(cuEponym|cuClinical) != 0 || !p.caseless && !t.cap && t.found {
			return false
		}
		k = p.nextWord(k)
	}
	if end < 0 {
		return false
	}
	// "taken to the ED", "home care", "Nursing Home": head words alone, or a
	// head word followed by more of the name, are left to the cue rules.
	if n := p.nextWord(end - 1); n >= 0 && n == end && p.toks[n].my&pbInstHead != 0 && !p.doc.Tokens[n].Newline {
		end = n + 1
	}
	p.add(i, end, result.Hospital, 0.66, "HOSPITAL: name + '"+p.toks[end-1].lw+"' after a transfer")
	return true
}

// plCareMoves are the words of care moving between places: a name after
// "transferred to", "admitted from", "sent to" is a hospital, unit or home.
var plCareMoves = WordSet("transfer", "transferred", "transfered", "transfering", "transferring",
	"trans", "tx", "txr", "admitted", "admit", "adm", "readmitted", "sent", "taken", "brought",
	"arrived", "came", "referred", "discharged", "discharge", "d/c", "dc'd", "go", "going", "went",
	"return", "returned", "returning", "medflighted", "medflight", "flown", "seen", "followed",
	"transport", "transported", "moved", "accepted", "screened", "rehab", "bed", "come", "coming",
	"enroute", "en-route", "flight", "transferring")

// plMovePreps link a move to its place.
var plMovePreps = WordSet("to", "from", "at", "into", "@")

// plNotPlaceAfterMove are unit and place words that may follow a move but are not
// names: "transferred to ICU", "sent to the ER", "went home".
var plNotPlaceAfterMove = WordSet("icu", "ccu", "micu", "sicu", "cvicu", "nicu", "picu", "er", "ed",
	"ew", "or", "pacu", "cath", "lab", "floor", "home", "rehab", "hospital", "hosp", "nursing",
	"facility", "snf", "ltac", "ltach", "hospice", "ward", "unit", "room", "bed", "chair", "theatre",
	"theater", "surgery", "dialysis", "radiology", "ir", "ct", "mri", "us", "echo", "step", "stepdown",
	"tele", "telemetry", "osh", "outside", "another", "other", "this", "that", "our", "his", "her",
	"their", "the", "a", "an", "team", "service", "dr", "md", "care", "us", "me", "him", "them")

// careTransfer judges a name where care moves: "transferred to KH",
// "admitted from Fenwicke 3", "sent to Brantham". A short capital acronym
// ending in H, MC or HC names a hospital; a name followed by a small number
// names a unit ("Fenwicke 2"); another unknown name after a move names a
// hospital, with less confidence.
func (p *plDoc) careTransfer(i int) {
	// The word before first (a move or a preposition, perhaps with "the"): most tokens
	// stop here. pbCareMove and pbMovePrep are plCareMoves and plMovePreps by key.
	k := p.prevWord(i)
	if k >= 0 && p.toks[k].key == "the" {
		k = p.prevWord(k)
	}
	if k < 0 || p.toks[k].my&(pbCareMove|pbMovePrep) == 0 {
		return
	}
	if p.toks[k].my&pbCareMove == 0 {
		v := p.prevWord(k)
		for n := 0; v >= 0 && n < 3 && p.toks[v].my&pbCareMove == 0; n++ {
			v = p.prevWord(v)
		}
		if v < 0 || p.toks[v].my&pbCareMove == 0 {
			return
		}
	}
	if p.movedInstitution(i) {
		return
	}
	t := &p.toks[i]
	kind := p.doc.Tokens[i].Kind
	if kind != text.Word && kind != text.Alnum || t.my&pbNotPlaceAfterMove != 0 || t.poss && !t.cap ||
		strings.HasSuffix(t.key, "icu") || strings.HasSuffix(t.key, "ccu") || nmCues[t.key]&(cuEponym|cuClinical) != 0 {
		return
	}
	if p.nonCarePlaceNext(i) {
		return // "went to the Methodist church": the name of a church, a school, a pub
	}
	// The name itself: capitalised in mixed text, or not an English word.
	if !p.caseless && !t.cap {
		// lower case in mixed text: only an unknown word numbered like a unit
		// ("transfer to fenwicke 2")
		if t.found || kind != text.Word || len(t.lw) < 4 || p.unitNumberAfter(i) < 0 {
			return
		}
	}
	if t.found && (t.e.Any(lexicon.Month|lexicon.Weekday|lexicon.Title|lexicon.Relative|lexicon.HealthRole|lexicon.WardUnit|lexicon.ClinicalTerm|lexicon.Region) ||
		t.e.WordTier > 0 && t.e.WordTier <= 60 || t.e.FirstNameFreq >= 120) {
		return
	}
	if kind == text.Alnum {
		// "FENWICKE7": a unit name run together with its number
		lw := t.lw
		j := len(lw)
		for j > 0 && lw[j-1] >= '0' && lw[j-1] <= '9' {
			j--
		}
		if j >= 4 && len(lw)-j <= 2 && strings.IndexFunc(lw[:j], func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
			p.add(i, i+1, result.Ward, 0.65, "WARD: unit name and number '"+p.tokText(i, i+1)+"' after a transfer")
		}
		return
	}
	if p.caseless && !t.found && !(len(t.lw) <= 5 && t.lw[len(t.lw)-1] == 'h') {
		// one-case notes: an unknown word after a move is as often a clinical
		// abbreviation ("to angio", "from ctic") as a place; only a number or a
		// hospital-style acronym decides
		if n := p.nextWord(i); n < 0 || p.doc.Tokens[n].Kind != text.Number {
			return
		}
	}
	if n := p.unitNumberAfter(i); n >= 0 {
		p.add(i, n+1, result.Ward, 0.7, "WARD: unit name and number '"+p.tokText(i, n+1)+"' after a transfer")
		return
	}
	lw := t.lw
	acronym := (t.upper || p.caseless) && hospitalInitialsShape(lw)
	switch {
	case acronym:
		p.add(i, i+1, result.Hospital, 0.7, "HOSPITAL: hospital-style acronym '"+p.tokText(i, i+1)+"' after a transfer")
	case len(lw) >= 4 && !t.upper:
		p.add(i, i+1, result.Hospital, 0.6, "HOSPITAL: unknown name '"+p.tokText(i, i+1)+"' after a transfer")
	}
}

// unitNumberAfter returns the index of the unit number right after token i
// ("Fenwicke 2": one or two digits that do not go on as a date), or -1.
func (p *plDoc) unitNumberAfter(i int) int {
	n := p.nextWord(i)
	if n < 0 || p.doc.Tokens[n].Kind != text.Number || p.doc.Tokens[n].End-p.doc.Tokens[n].Start > 2 ||
		datePart(p.doc.Norm, p.doc.Tokens[n].End) {
		return -1
	}
	return n
}

// hospitalInitialsShape reports whether a lower-case word is shaped like a
// hospital's initials: two to five letters ending in h, mc or hc ("gh",
// "bvmc", "kch").
//
// The last byte is tested first, then the length: few words end in h or c, while the
// length is a coin toss on real text.
func hospitalInitialsShape(lw string) bool {
	n := len(lw)
	if n == 0 {
		return false
	}
	switch lw[n-1] {
	case 'h':
		return n >= 2 && n <= 5
	case 'c':
		return n >= 3 && n <= 5 && (lw[n-2] == 'm' || lw[n-2] == 'h')
	}
	return false
}

// datePart reports whether the number ending at e goes on as a date: "7/23",
// "11-15" ("transferred to KH 9/14" names no unit 9).
func datePart(s string, e int) bool {
	return e+1 < len(s) && (s[e] == '/' || s[e] == '-') && s[e+1] >= '0' && s[e+1] <= '9'
}

// findHospitalShapes finds hospital names made without a cue word, in the shapes that
// hospitals are commonly named in: "Royal" before a place ("Royal Bolton"), a compass word
// before "General" ("Northern General"), a denomination before a post-name cue or on its
// own where a hospital is ("Baptist Memorial", "transferred to Methodist"), and a health
// system's or care provider's brand before a place ("Kaiser Oakland", "Sunrise of
// Springfield"), and "Children's" before a name ("Children's Brightwater"; childrensAt).
// It runs only in posts that hold one of those words (plHospLead).
func (p *plDoc) findHospitalShapes() {
	if p.caseless {
		return // each shape needs capitals to tell it from everyday words
	}
	for k := 0; k < len(p.toks); k++ {
		t := &p.toks[k]
		if !t.word || t.my&pbHospLead == 0 || !t.cap || t.upper && len(t.lw) > 4 {
			continue
		}
		if e := p.hospitalShapeAt(k); e > k {
			k = e - 1
		}
	}
}

// hospitalShapeAt judges the shapes of findHospitalShapes at token k and records the
// entity; it returns its end (k when none).
func (p *plDoc) hospitalShapeAt(k int) int {
	t := &p.toks[k]
	prep := false
	if j := p.prevWord(k); j >= 0 && p.lwIn(j, pbHospitalPrep) {
		prep = true
	}
	ctx := func(conf float64) float64 {
		if prep {
			return conf + 0.05
		}
		return conf
	}
	j := p.nextWord(k)
	switch {
	case t.key == "children" && t.poss:
		return p.childrensAt(k, j, prep, ctx(0.8))
	case t.key == "royal":
		// "Royal Bolton", "Royal Berkshire": the Royal <place> Hospital said without the cue.
		if j < 0 || !p.toks[j].cap || plRoyalNotHosp[p.toks[j].key] || p.placePhraseAt(k) {
			return k
		}
		e := p.placeEnd(j, prep)
		if e <= j || p.capitalAfter(e) {
			return k
		}
		p.add(k, e, result.Hospital, ctx(0.8), "HOSPITAL: 'Royal' + place '"+p.tokText(j, e)+"', capitalised")
		return e
	case plHospCompass[t.key] && j >= 0 && p.toks[j].key == "general" && p.toks[j].cap:
		if p.capitalAfter(j+1) || t.sentStart && !prep {
			return k
		}
		p.add(k, j+1, result.Hospital, ctx(0.78), "HOSPITAL: compass word + 'General', capitalised")
		return j + 1
	case plHospDenominations[t.key]:
		if j >= 0 && p.toks[j].cap && plDenomCue[p.toks[j].key] {
			// "Baptist Memorial", "Methodist Medical Center": the cues that follow are
			// part of the name.
			e := j + 1
			for {
				_, e2, ok := p.orgCueAt(e)
				if !ok || !p.toks[e].cap || p.doc.Tokens[e].Newline {
					break
				}
				e = e2
			}
			if p.capitalAfter(e) {
				return k
			}
			p.add(k, e, result.Hospital, ctx(0.8), "HOSPITAL: denomination + cue '"+p.tokText(j, e)+"', capitalised")
			return e
		}
		if e := p.congregationAt(k, j); e > k {
			return e
		}
		// "transferred to Methodist": alone, after a word that places a hospital, in a
		// sentence about care, and not a church or a faith.
		if !prep || t.sentStart || j >= 0 && (p.toks[j].cap || plDenomNotHosp[p.toks[j].key]) || !p.sentenceHas(k, pbHealthCtx) {
			return k
		}
		p.add(k, k+1, result.Hospital, 0.7, "HOSPITAL: denomination '"+p.tokText(k, k+1)+"' used as a name, after '"+p.lwAt(p.prevWord(k))+"'")
		return k + 1
	}
	everyday, ok := plHospBrands[t.key]
	if !ok {
		return k
	}
	// "Kaiser Oakland", "Sunrise of Springfield", "Spire Leeds": brand + place.
	if j >= 0 && p.toks[j].cap {
		if e := p.placeEnd(j, true); e > j && !p.capitalAfter(e) {
			p.add(k, e, result.Hospital, ctx(0.8), "HOSPITAL: care brand '"+p.tokText(k, k+1)+"' + place, capitalised")
			return e
		}
	}
	if j >= 0 && p.toks[j].key == "of" && !p.doc.Tokens[j].Newline {
		if j2 := p.nextWord(j); j2 >= 0 && p.toks[j2].cap {
			if e := p.placeEnd(j2, true); e > j2 && !p.capitalAfter(e) {
				p.add(k, e, result.Hospital, ctx(0.8), "HOSPITAL: care brand '"+p.tokText(k, k+1)+"' of a place, capitalised")
				return e
			}
		}
	}
	// "works at Kaiser": a brand that is no everyday word, alone after "at", "to"…
	if !everyday && prep && !t.sentStart && !t.e.Any(plPlaceFlags) && !plCommon(t.e) && (j < 0 || !p.toks[j].cap) &&
		!(p.lwAt(p.prevWord(k)) == "from" && p.roleTo(k)) {
		p.add(k, k+1, result.Hospital, 0.7, "HOSPITAL: care brand '"+p.tokText(k, k+1)+"' after '"+p.lwAt(p.prevWord(k))+"'")
		return k + 1
	}
	return k
}

// childrensAt judges "Children's" at token k before a name (token j): a children's
// hospital named without its cue, "Children's" + a capitalised name or "of" + a place
// ("Children's Brightwater", "Children's of Wessex"), in a post about care; a name that
// is an everyday word only after "at", "to"... (prep). It records
// the HOSPITAL with confidence conf and returns its end (k when none).
func (p *plDoc) childrensAt(k, j int, prep bool, conf float64) int {
	if j >= 0 && p.toks[j].key == "of" && !p.doc.Tokens[j].Newline {
		j = p.nextWord(j)
		if j >= 0 && p.toks[j].key == "the" {
			j = p.nextWord(j)
		}
	}
	if j < 0 || !p.toks[j].cap || p.toks[j].sentStart || p.doc.Tokens[j].Kind != text.Word {
		return k
	}
	n := &p.toks[j]
	if n.my&(pbOrgCue|pbWardWord|pbHospitalCtxAfter|pbStop|pbGeneric) != 0 || n.e.Any(lexicon.Title|lexicon.Month|lexicon.Weekday|lexicon.HealthRole|lexicon.WardUnit) {
		return k // "Children's Hospital", "Children's Ward", "Children's Day": other rules' or no name
	}
	if !prep && plCommon(n.e) && !n.e.Any(plPlaceFlags) {
		return k // "a Children's Encyclopedia": an everyday word needs "at", "to"... before
	}
	e := j + 1
	if p.capitalAfter(e) || !p.careishPost() {
		return k
	}
	p.add(k, e, result.Hospital, conf, "HOSPITAL: 'Children's' + name '"+p.tokText(j, e)+"', capitalised")
	return e
}

// congregationAt judges a church named by one capitalised word before the denomination
// at token k ("Calvary Baptist", "Trinity Lutheran", "Bethel Presbyterian"): an
// ORGANIZATION. A place before it names a hospital ("Houston Methodist"), as do two
// capitalised words ("Wake Forest Baptist": left to the other shapes), a cue or a
// brand; a capital after it goes on as a longer name ("Calvary Baptist Church"). j is
// the word after k. It returns the end of the entity, or k.
func (p *plDoc) congregationAt(k, j int) int {
	b := k - 1
	if b < 0 || !p.toks[b].word || !p.toks[b].cap || p.toks[b].poss || p.doc.Tokens[b].Kind != text.Word ||
		!p.doc.Tokens[k].Space || p.doc.Tokens[k].Newline || j >= 0 && p.toks[j].cap && !p.doc.Tokens[j].Newline {
		return k
	}
	n := &p.toks[b]
	if n.my&(pbOrgCue|pbHospLead|pbStop|pbGeneric|pbDirection) != 0 || n.upper ||
		n.e.Any(lexicon.Title|lexicon.Month|lexicon.Weekday|lexicon.HealthRole|lexicon.Relative|lexicon.Region|lexicon.County) ||
		n.e.Any(plPlaceFlags) && n.e.Population >= 20000 {
		return k
	}
	if a := b - 1; a >= 0 && p.toks[a].word && p.toks[a].cap && !p.toks[b].sentStart {
		return k // "Wake Forest Baptist", "Texas Health Presbyterian"
	}
	if _, ok := plHospBrands[n.key]; ok {
		return k
	}
	p.add(b, k+1, result.Organization, 0.8, "ORGANIZATION: a church, name + denomination '"+p.tokText(k, k+1)+"'")
	return k + 1
}

// plDenomCue are the post-name cues that make a denomination before them a hospital's name.
var plDenomCue = WordSet("memorial", "general", "regional", "medical", "hospital", "hospitals",
	"health", "healthcare")

// placeEnd returns the end of a capitalised place name at token j (a lexicon place phrase
// or a place word), or j. A very common English word that is a place ("Stoke", "Reading")
// counts only when it is a large place or when ctx says a hospital is meant.
func (p *plDoc) placeEnd(j int, ctx bool) int {
	if j < 0 || j >= len(p.toks) || !p.toks[j].word || !p.toks[j].cap {
		return j
	}
	end := j
	a0, a1, b0, b1 := p.phSpan(j, j)
	for _, r := range [2][2]int{{a0, a1}, {b0, b1}} {
		for _, ph := range p.phrases[r[0]:r[1]] {
			if ph.start == j && ph.end > end && ph.kind <= lexicon.PhraseRegion && p.allCap(ph.start, ph.end) && p.phraseClean(ph.start, ph.end) {
				end = ph.end
			}
		}
	}
	if end > j {
		return end
	}
	e := p.toks[j].e
	if !e.Any(plPlaceFlags) || p.doc.Tokens[j].Kind != text.Word || p.toks[j].my&pbNotPlace != 0 {
		return j
	}
	if plVeryCommon(e) && e.Population < 20000 && !ctx {
		return j
	}
	if plPersonish(e) && !e.Any(lexicon.County) && e.Population < 20000 {
		return j // "Royal Preston" passes (a large place), "Sunrise Kelly" does not
	}
	return j + 1
}

// capitalAfter reports whether the word at token e (right after a name) is capitalised
// mid-sentence, so that the name goes on ("Royal Albert Hall").
func (p *plDoc) capitalAfter(e int) bool {
	k := p.nextWord(e - 1)
	return k >= 0 && p.toks[k].cap && !p.toks[k].sentStart
}

// findTeams finds clubs named by their place and nickname ("Denver Broncos", "Leicester
// Tigers"), or by the nickname alone where the words around it make it the team ("Go
// Bruins", "a Packers jersey", "plays for the Ravens"; see teamFrame), and a town's public
// services by their initials ("Lubbock FD", "Plainview HS").
// It runs only in posts that hold one of those words (plTeamWords).
func (p *plDoc) findTeams() {
	if p.caseless {
		return
	}
	for k := 0; k < len(p.toks); k++ {
		t := &p.toks[k]
		if !t.word || t.my&pbTeam == 0 || !t.cap {
			continue
		}
		if t.sentStart {
			// "Steelers won again": a nickname opening a sentence, with a word after it
			// that makes it the team.
			if n := p.nextWord(k); n >= 0 && plTeamAfter[p.toks[n].key] && len(t.lw) > 3 {
				p.add(k, k+1, result.Organization, 0.7, "ORGANIZATION: team nickname '"+p.tokText(k, k+1)+"' before '"+p.toks[n].lw+"'")
			}
			continue
		}
		initials := len(t.lw) <= 3 && p.doc.Tokens[k].Kind == text.Word
		if initials && !t.upper {
			continue // "Hs", "Fd": not initials
		}
		s := p.placeBefore(k)
		if s < 0 && !initials {
			if why := p.teamFrame(k); why != "" && !p.capitalAfter(k+1) {
				p.add(k, k+1, result.Organization, 0.7, "ORGANIZATION: team nickname '"+p.tokText(k, k+1)+"' "+why)
			}
			continue
		}
		if s < 0 || p.capitalAfter(k+1) && !initials {
			continue
		}
		p.add(s, k+1, result.Organization, 0.8, "ORGANIZATION: place + '"+p.tokText(k, k+1)+"'")
	}
}

// plTeamBefore are words before a team's nickname alone that make it the team: "Go
// Bruins", "lost to the Colts", "vs Rangers".
var plTeamBefore = WordSet("go", "vs", "v", "beat", "beating", "against", "versus")

// plTeamAfter are words after a team's nickname that make it the team: "a Packers
// jersey", "Steelers won", "the Broncos game".
var plTeamAfter = WordSet("jersey", "jerseys", "shirt", "fan", "fans", "game", "games",
	"season", "tickets", "ticket", "won", "win", "lost", "lose", "beat", "vs", "v", "parade",
	"match", "score", "playoff", "playoffs", "tailgate", "quarterback", "qb", "coach",
	"linebacker", "lineman", "receiver", "kicker", "pitcher", "player", "players", "striker",
	"goalie", "nation")

// plTeamVerbBefore are words before "the" + a team's nickname that make it the team:
// "plays for the Ravens", "watching the Mets".
var plTeamVerbBefore = WordSet("from", "for", "plays", "played", "watching", "watched",
	"watch", "support", "supports", "love", "cheering", "joined", "drafted", "traded")

// teamFrame says why a team's nickname at token k, with no place before it, names the
// team ("after 'go'", "before 'jersey'"), or returns "" when nothing around it does:
// alone, "the Cardinals", "the Saints" are as often something else.
func (p *plDoc) teamFrame(k int) string {
	if j := p.prevWord(k); j >= 0 {
		if plTeamBefore[p.toks[j].key] {
			return "after '" + p.toks[j].lw + "'"
		}
		if p.toks[j].key == "the" {
			if v := p.prevWord(j); v >= 0 && plTeamVerbBefore[p.toks[v].key] {
				return "after '" + p.toks[v].lw + " the'"
			}
		}
	}
	if n := p.nextWord(k); n >= 0 && plTeamAfter[p.toks[n].key] {
		return "before '" + p.toks[n].lw + "'"
	}
	if k >= 2 && p.isPunct(k-1, '.') && (p.toks[k-2].key == "vs" || p.toks[k-2].key == "v") {
		return "after '" + p.toks[k-2].lw + ".'"
	}
	return ""
}

// placeBefore returns the first token of a capitalised place name that ends right before
// token k (a lexicon place phrase or a place word), or -1.
func (p *plDoc) placeBefore(k int) int {
	j := p.prevWord(k)
	if j < 0 || !p.toks[j].cap || !p.doc.Tokens[k].Space {
		return -1
	}
	s := -1
	a0, a1, b0, b1 := p.phSpan(k-p.phMaxLen, k-1) // the phrases that may end at k
	for _, r := range [2][2]int{{a0, a1}, {b0, b1}} {
		for _, ph := range p.phrases[r[0]:r[1]] {
			if ph.end == k && ph.kind <= lexicon.PhraseRegion && (s < 0 || ph.start < s) && p.allCap(ph.start, ph.end) && p.phraseClean(ph.start, ph.end) {
				s = ph.start
			}
		}
	}
	if s >= 0 {
		return s
	}
	if e := p.toks[j].e; e.Any(plPlaceFlags) && p.doc.Tokens[j].Kind == text.Word && p.toks[j].my&pbNotPlace == 0 && (!plCommon(e) || e.Population >= 20000) {
		return j
	}
	return -1
}

// nonCarePlaceNext reports whether the word after token i is a lower-case
// noun of a place that is not one of care ("the Methodist church", "the
// Crown pub", "St Anne's school"): the name before it names that place, not
// a hospital or unit a patient moved to.
func (p *plDoc) nonCarePlaceNext(i int) bool {
	n := p.nextWord(i)
	if n < 0 || p.toks[n].cap || p.caseless {
		return false
	}
	switch p.toks[n].key {
	case "church", "chapel", "cathedral", "mosque", "temple", "synagogue", "gurdwara", "school",
		"college", "university", "academy", "pub", "bar", "restaurant", "cafe", "café", "shop",
		"store", "supermarket", "gym", "park", "cinema", "theatre", "theater", "stadium", "club",
		"hotel", "beach", "market", "museum", "library", "mall", "airport", "station", "zoo":
		return true
	}
	return false
}
