package detect

import (
	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// Local names that staff use among themselves and no list holds: a hospital
// known by its initials ("seen by the renal team at KMC", "BVMC nurse", "KH EW"),
// a unit known by a name and a number ("on Fenwicke 2") and a care home or a
// hospital's wing known by a name and a head word ("at Ferncliffe House", "on the
// Hallam Wing"). All are judged by their shape and the words around them, never by
// a list of particular places.

// plAcronymPreps come before a hospital's initials: "at KH", "seen by BVMC".
var plAcronymPreps = WordSet("at", "to", "from", "by", "@", "into")

// plERWords follow a hospital's name or initials: "KH EW", "Brentwood ER".
var plERWords = WordSet("ew", "er", "ed")

// plUnitAfterNumber are words after a number that make it a dose or a
// measure, not a unit's number: "neo 60 mcg", "vanco 1 g".
var plUnitAfterNumber = WordSet("mg", "mcg", "g", "gm", "u", "units", "unit", "cc", "ml", "l", "lpm", "meq",
	"mmol", "mm", "cm", "kg", "lb", "lbs", "hr", "hrs", "h", "min", "mins", "x", "times", "days", "day", "weeks",
	"mo", "yr", "yrs", "am", "pm", "of", "to", "and", "-")

// findLocalNames finds hospital initials and named units.
func (p *plDoc) findLocalNames() {
	for i, n := p.nextGate(0, pgLocal), len(p.gates); i < n; i = p.nextGate(i+1, pgLocal) {
		if p.hospitalInitials(i) || p.residence(i) || p.compassRegion(i) || p.employer(i) || p.careHouse(i) || p.stateLivedIn(i) || p.careHomeName(i) || p.careAt(i) || p.firmFrame(i) {
			continue
		}
		p.namedUnit(i)
	}
}

// hospitalInitials reports, and records, a hospital's initials: two to five
// capitals ending in H, MC or HC that no list knows, after "at", "to",
// "from" or "by", or before EW/ER/ED.
func (p *plDoc) hospitalInitials(i int) bool {
	t := &p.toks[i]
	lw := t.lw
	if !(t.upper || p.caseless) || t.poss || !hospitalInitialsShape(lw) {
		return false
	}
	for k := 0; k < len(lw); k++ {
		if lw[k] < 'a' || lw[k] > 'z' {
			return false
		}
	}
	if t.found && (t.e.Flags&^lexicon.Surname != 0 || t.e.WordTier > 0) ||
		nmCues[t.key]&(cuEponym|cuClinical) != 0 {
		return false
	}
	if _, state := lexicon.USState(lw); state {
		return false // "NH", "OH": a state, found as one by the place rules
	}
	why := ""
	if k := p.prevWord(i); k >= 0 && plAcronymPreps[p.toks[k].lw] {
		why = "after '" + p.toks[k].lw + "'"
	} else if n := p.nextWord(i); n >= 0 && plERWords[p.toks[n].lw] {
		why = "before '" + p.toks[n].lw + "'"
	} else if n >= 0 && p.toks[n].found && p.toks[n].e.Any(lexicon.HealthRole) {
		why = "before '" + p.toks[n].lw + "'"
	}
	if why == "" {
		return false
	}
	p.add(i, i+1, result.Hospital, 0.62, "HOSPITAL: hospital-style initials '"+p.tokText(i, i+1)+"' "+why)
	return true
}

// namedUnit records a unit named by a word no list knows and a small number
// ("on Fenwicke 2", "plan: FENWICKE 2 this am"), but not a drug and
// its dose ("levo 2 mcg").
func (p *plDoc) namedUnit(i int) {
	t := &p.toks[i]
	if len(t.lw) < 6 || t.poss || !p.caseless && !t.cap {
		return
	}
	n := p.unitNumberAfter(i)
	if n < 0 {
		return // the cheap tests first: most words are not followed by a small number
	}
	if t.found && (t.e.WordTier > 0 || t.e.FirstNameFreq > 0 || t.e.SurnameFreq >= 100 || t.e.Flags&^lexicon.Surname != 0) {
		return
	}
	if nmCues[t.key] != 0 || drugLike(t.key) {
		return
	}
	if e := p.doc.Tokens[n].End; e < len(p.doc.Norm) && (p.doc.Norm[e] == '.' || p.doc.Norm[e] == '/' || p.doc.Norm[e] == '%' || p.doc.Norm[e] == ':') &&
		e+1 < len(p.doc.Norm) && p.doc.Norm[e+1] != ' ' && p.doc.Norm[e+1] != '\n' {
		return // "Zorbex 2.5", "2/3", "2:1"
	}
	if a := p.nextWord(n); a >= 0 && plUnitAfterNumber[p.toks[a].lw] {
		return
	}
	p.add(i, n+1, result.Ward, 0.6, "WARD: a name no list knows and a unit number '"+p.tokText(i, n+1)+"'")
}

// plStayVerbs say where a patient lives or is being placed, before "at",
// "in" or "by": "lives at the Pellington House", "screened by Holy
// Innocents rehab".
var plStayVerbs = WordSet("lives", "lived", "living", "resides", "resided", "resident", "residing", "screened",
	"accepted", "evaluated", "assessed", "placed", "staying", "stays")

// residence records a named home or hospital after a verb of living or
// placement (see plStayVerbs), with movedInstitution's tests.
func (p *plDoc) residence(i int) bool {
	if !p.toks[i].word || !(p.caseless || p.toks[i].cap) {
		return false
	}
	k := p.prevWord(i)
	if k >= 0 && p.toks[k].key == "the" {
		k = p.prevWord(k)
	}
	if k < 0 || (p.toks[k].lw != "at" && p.toks[k].lw != "in" && p.toks[k].lw != "by") {
		return false
	}
	if v := p.prevWord(k); v < 0 || !plStayVerbs[p.toks[v].lw] {
		return false
	}
	return p.movedInstitution(i)
}

// compassWord and plRegionNouns make a region's name: "the Eastern Shore",
// "North Coast", "South Campus".
func compassWord(key string) bool {
	switch key { // a switch, not a map: it is asked of every word
	case "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper", "lower":
		return true
	}
	return false
}

var plRegionNouns = WordSet("shore", "coast", "cape", "valley", "highlands", "lowlands", "plains", "panhandle",
	"peninsula", "hills", "downs", "moors", "dales", "islands", "isles", "campus", "county")

// compassRegion records a compass word and a region noun written as a name
// (capitalised in mixed text, or in a one-case note after "from the", "on
// the", "in the"): a region or a site someone can be traced to.
func (p *plDoc) compassRegion(i int) bool {
	t := &p.toks[i]
	if !p.toks[i].word || !compassWord(t.key) {
		return false
	}
	n := p.nextWord(i)
	if n < 0 || !plRegionNouns[p.toks[n].key] {
		return false
	}
	if p.caseless {
		k := p.prevWord(i)
		if k >= 0 && p.toks[k].key == "the" {
			k = p.prevWord(k)
		}
		if k < 0 || !plAcronymPreps[p.toks[k].lw] && p.toks[k].lw != "on" && p.toks[k].lw != "in" {
			return false
		}
	} else if !t.cap || !p.toks[n].cap || t.sentStart {
		return false
	}
	typ := result.City
	if p.toks[n].key == "campus" {
		typ = result.Hospital
	}
	p.add(i, n+1, typ, 0.6, string(typ)+": compass word + '"+p.toks[n].lw+"' written as a name")
	return true
}

// plEmployerCues come before an employer's name: "CEO of Acme", "works for
// Zentrix".
var plEmployerCues = WordSet("ceo", "cfo", "founder", "president", "owner", "chairman", "director")

// employer records the organisation after "CEO of", "works for", "works
// at", "retired from", "employed by": a capitalised word, or an acronym in a
// one-case note, that is no common word.
func (p *plDoc) employer(i int) bool {
	t := &p.toks[i]
	k := p.prevWord(i)
	if k < 0 || !(p.caseless || t.cap) {
		return false
	}
	pl := p.toks[k].lw
	if pl != "of" && pl != "for" && pl != "from" && pl != "by" {
		return false
	}
	if t.found && (t.e.WordTier > 0 && t.e.WordTier <= 50 || t.e.Any(lexicon.ClinicalTerm|lexicon.Title|lexicon.HealthRole)) {
		return false
	}
	v := p.prevWord(k)
	if v < 0 {
		return false
	}
	vl := p.toks[v].lw
	ok := pl == "of" && plEmployerCues[vl] ||
		pl == "for" && (vl == "works" || vl == "worked" || vl == "working") ||
		pl == "from" && vl == "retired" || pl == "by" && vl == "employed"
	if !ok {
		return false
	}
	p.add(i, i+1, result.Organization, 0.62, "ORGANIZATION: employer after '"+vl+" "+pl+"'")
	return true
}

// plHouseAfter follow a care home's "X House": "Alder House NH resident".
var plHouseAfter = WordSet("nh", "snf", "resident", "nursing", "rehab", "care", "residential", "ltc", "alf")

// careHouse records "X House" followed by a care word ("Pellington House NH
// resident"): a care home, wherever it is said.
func (p *plDoc) careHouse(i int) bool {
	t := &p.toks[i]
	if !(p.caseless || t.cap) {
		return false
	}
	h := p.nextWord(i)
	if h < 0 || p.toks[h].key != "house" || !(p.caseless || t.cap && p.toks[h].cap) || len(t.lw) < 3 {
		return false
	}
	a := p.nextWord(h)
	if a < 0 || !plHouseAfter[p.toks[a].key] {
		return false
	}
	if t.found && (t.e.WordTier > 0 && t.e.WordTier <= 35 || t.e.Any(lexicon.ClinicalTerm|lexicon.Title|lexicon.Relative)) {
		return false
	}
	p.add(i, h+1, result.Hospital, 0.66, "HOSPITAL: '"+p.tokText(i, h+1)+"' before '"+p.toks[a].lw+"' (a care home)")
	return true
}

// plLiveVerbs come before "in" and a place someone lives.
var plLiveVerbs = WordSet("lives", "lived", "living", "live", "resides", "moved", "moving", "relocated")

// stateLivedIn records a US state's postal code after "lives in" ("his
// daughter lives in DC"): in capitals, where a note's abbreviations are not.
func (p *plDoc) stateLivedIn(i int) bool {
	t := &p.toks[i]
	if len(t.lw) != 2 || !t.upper || p.caseless {
		return false
	}
	k := p.prevWord(i)
	if k < 0 || p.toks[k].lw != "in" && p.toks[k].lw != "to" {
		return false
	}
	if v := p.prevWord(k); v < 0 || !plLiveVerbs[p.toks[v].lw] {
		return false
	}
	name, ok := lexicon.USState(t.lw)
	if !ok {
		return false
	}
	p.add(i, i+1, result.Country, 0.7, "COUNTRY: US state code ("+name+") after '"+p.toks[p.prevWord(k)].lw+" "+p.toks[k].lw+"'")
	return true
}

// plCareHomeHead reports whether key ends a care home's name said without "care home":
// "Alderbrook Lodge", "Ferncliffe House", "Hazel Court", "Oakleigh Manor", "Stanmore
// Grange", or a hospital's wing ("the Hallam Wing", a maternity unit) (a switch, not a map: it is asked of the words after every capital that
// follows "at", "in", "the"...).
func plCareHomeHead(key string) bool {
	switch key {
	case "lodge", "house", "court", "manor", "grange", "wing":
		return true
	}
	return false
}

// plNotCareHome are name words before a head that make it something else: a court of
// law, a building, a venue ("Crown Court", "Opera House", "Town House").
var plNotCareHome = WordSet("crown", "magistrates", "county", "high", "supreme", "family",
	"district", "tennis", "food", "opera", "white", "town", "country", "public", "guest",
	"coffee", "steak", "pancake", "waffle", "pizza", "haunted", "club", "bath", "boat",
	"tree", "dog", "hen", "open", "full", "green", "summer", "manor", "court", "house")

// plCareHomeCtx are words that say a post is about a care home or its residents.
var plCareHomeCtx = WordSet("resident", "residents", "carer", "carers", "care", "dementia",
	"nan", "nana", "nanna", "gran", "grandma", "grandad", "grandpa", "residential", "nursing",
	"hca", "hcas", "elderly", "frail", "mum", "mam", "mom", "dad", "mother", "father",
	"baby", "born", "birth", "labour", "labor")

// careHomeName records a care home named by one or two capitalised words and a head
// word (see plCareHomeHead) after "at", "from", "in" or "to", or a wing after "at the",
// "on the"..., in a post about care, a parent or a birth ("my manager at Ferncliffe
// House", "moved into Alderbrook Lodge in Didsbury", "born on the Hallam Wing"): such
// names are a care home's or a hospital's far more often than anything else there.
func (p *plDoc) careHomeName(i int) bool {
	t := &p.toks[i]
	if p.caseless || !t.cap || t.upper || len(t.lw) < 3 {
		return false
	}
	// The head word one or two words on first: most names have none.
	h1 := p.nextWord(i)
	if h1 < 0 || !plCareHomeHead(p.toks[h1].key) && (p.nextWord(h1) < 0 || !plCareHomeHead(p.toks[p.nextWord(h1)].key)) {
		return false
	}
	if plNotCareHome[t.key] {
		return false
	}
	k := p.prevWord(i)
	the := k >= 0 && p.toks[k].key == "the"
	if the {
		k = p.prevWord(k) // "at the Hallam Wing": only for a wing, see below
	}
	if k < 0 {
		return false
	}
	switch p.toks[k].key {
	case "at", "from", "in", "to", "into", "on":
	default:
		return false
	}
	h := p.nextWord(i)
	if h >= 0 && !plCareHomeHead(p.toks[h].key) && p.toks[h].cap && !p.toks[h].sentStart && !plNotCareHome[p.toks[h].key] {
		h = p.nextWord(h) // a name of two words
	}
	if h < 0 || !plCareHomeHead(p.toks[h].key) || !p.toks[h].cap || p.toks[h].poss || p.capitalAfter(h+1) {
		return false
	}
	if wing := p.toks[h].key == "wing"; the != wing || p.toks[k].key == "on" && !wing {
		return false // "the X Lodge" is as often a pub or a hotel; a wing is "the X Wing"
	}
	if t.found && (t.e.Any(lexicon.Title|lexicon.Relative|lexicon.Month|lexicon.Weekday|lexicon.ClinicalTerm) || plVeryCommon(t.e) && !t.e.Any(plPlaceFlags)) {
		return false
	}
	// "Mabel at Hawthorn Lodge": a person said to be "at" a Lodge, Court, Manor or Grange
	// lives there: a care home's resident.
	ctx := p.toks[k].key == "at" && k > 0 && p.prevWord(k) == k-1 && p.toks[k-1].cap && !the &&
		p.toks[k-1].e.FirstNameFreq >= 60 && p.toks[h].key != "house" && p.toks[h].key != "wing"
	ctx = ctx || p.careishPost()
	for k := 0; k < len(p.toks) && !ctx; k++ {
		ctx = p.toks[k].word && plCareHomeCtx[p.toks[k].key]
	}
	if !ctx {
		return false
	}
	p.add(i, h+1, result.Hospital, 0.72, "HOSPITAL: '"+p.tokText(i, h+1)+"' after '"+p.toks[k].lw+"' in a post about care (a care home)")
	return true
}

// plCareAtWords are words that, right before "at", say that what follows "at" is a place
// of care: a resident or patient, a shift or a placement, a unit, a birth ("the
// resident at X", "my placement at X", "Pediatric ED at X", "our baby at X"); a health
// role ("charge nurse at X") and a room or bed number ("room 118 at X") count too.
var plCareAtWords = WordSet("resident", "residents", "patient", "patients", "pt", "pts",
	"shift", "shifts", "placement", "placements", "rotation", "ed", "er", "ae", "a&e", "icu",
	"nicu", "picu", "ward", "unit", "born", "baby", "delivered", "residency", "hospitalist",
	"hospitalists", "don", "cna", "cnas", "hca", "hcas", "carer", "carers", "caregiver",
	"chemo", "dialysis", "appointment", "appt", "radiotherapy", "radiation", "outpatients")

// careAt records a name of one to three capitalised words after "at" where the word
// before "at" is one of care (plCareAtWords, a health role, or a room or bed number):
// "the resident at Silver Birches", "charge nurse at Mercy North", "room 204 at Cedar
// Brook Manor". A person is somewhere, not "at" one, after such a word, so the name is
// a hospital's or a care home's; a known town alone, a title, a month or a holiday is
// left to the other rules.
func (p *plDoc) careAt(i int) bool {
	t := &p.toks[i]
	if p.caseless || !t.cap || t.upper && len(t.lw) > 1 || t.sentStart || t.headline {
		return false
	}
	k := p.prevWord(i)
	the := k > 0 && p.toks[k].key == "the"
	if the {
		k = p.prevWord(k) // "theatre 4 at the Royal Ambridge", "a bouncer at the Marriott"
	}
	if k < 0 || p.toks[k].key != "at" && p.toks[k].key != "from" || k == 0 {
		return false
	}
	v := k - 1 // the word before "at", or a number after a room cue
	vt := &p.toks[v]
	why := ""
	typ := result.Hospital
	school := false
	switch {
	case !vt.word:
		return false
	case plStudyWords[vt.key] && (p.toks[k].key == "at" || vt.key == "graduated" || vt.key == "graduating"):
		// "graduated from X", "my degree at X": a university or a college, even one
		// named after its town ("graduated from Keele"); after "from" only the verb ("a
		// new grad from X" is where she is from).
		why, typ, school = vt.lw, result.Organization, true
	case p.toks[k].key != "at":
		return false
	case p.doc.Tokens[v].Kind == text.Number:
		if r := p.prevWord(v); r >= 0 && p.toks[r].my&pbRoom != 0 && p.roomID(v) == v+1 {
			why = p.toks[r].lw + " " + vt.lw
		}
	case plCareAtWords[vt.key] || vt.e.Any(lexicon.HealthRole) && vt.my&pbStop == 0 && !vt.e.Any(lexicon.Relative):
		why = vt.lw
	case vt.e.Any(lexicon.WardUnit) && (vt.upper || vt.cap) && vt.my&pbNotWard == 0:
		why = vt.lw // "SICU at X"
	case vt.key == "team" && v > 0 && p.prevWord(v) == v-1 && (p.toks[v-1].e.Any(lexicon.WardUnit|lexicon.ClinicalTerm) && p.toks[v-1].upper || plCareAtWords[p.toks[v-1].key]):
		why = p.toks[v-1].lw + " team" // "our PICU team at X"
	case compassWord(vt.key) && vt.cap && v > 0 && p.doc.Tokens[v-1].Kind == text.Number:
		why = p.toks[v-1].lw + " " + vt.lw // "4 West at X": a unit of a hospital
	case plAnyWorkplace[vt.key]:
		return false // "our manager at X": a hospital as often as a firm
	case plOutingWords[vt.key] && (vt.key != "out" || p.lwAt(v-1) == "night") ||
		(vt.e.Any(lexicon.Occupation) || vt.my&pbExtraOcc != 0) && vt.my&pbStop == 0 && !vt.e.Any(lexicon.Relative|lexicon.Title):
		// "a bouncer at X", "dinner lady at X", "party at X", "drinks at X": a
		// workplace or a venue, not a place of care.
		why, typ = vt.lw, result.Organization
	}
	if why == "" {
		return false
	}
	end, name := p.nameFwd(i, 3)
	if name.distinct == 0 || end <= i || p.doc.Tokens[end-1].Kind != text.Word || the && plNotCareHome[t.key] {
		return false // "at the Opera House", "at the Town Hall": a building, not a firm
	}
	for j := i; j < end; j++ {
		tj := &p.toks[j]
		if tj.word && (!tj.cap && !plSmallWords[tj.key] || tj.sentStart && j > i) {
			return false // a lower-case word inside, or a new sentence
		}
		if tj.e.Any(lexicon.Title|lexicon.Month|lexicon.Weekday) || tj.my&(pbHoliday|pbChain) != 0 {
			return false // "nurse at Christmas", "at Dr Patel's", a shop's name
		}
	}
	if !p.toks[end-1].cap {
		return false
	}
	if cue, e2, ok := p.orgCueAt(end); ok {
		// "born at Prentice Women's", "nurse at Leeds General Infirmary": the cue ends
		// the name (findOrgs has the longer names, and the longer wins in settle).
		if !p.toks[end].cap || cue.typ != result.Hospital && typ == result.Hospital {
			return false
		}
		reason := string(typ) + ": a name and cue after '" + why + " at'"
		if lt := &p.toks[e2-1]; lt.poss && lt.fkey == cue.words[len(cue.words)-1] && lt.key != lt.fullKey() {
			p.addOff(p.doc.Tokens[i].Start, p.doc.Tokens[e2-1].End, typ, 0.93, reason) // "Women's"
		} else {
			p.add(i, e2, typ, 0.93, reason)
		}
		return true
	}
	if end == i+1 && t.e.Any(plPlaceFlags) && !plCommon(t.e) && !school {
		return false // "a nurse at Leeds": a town
	}
	if lt := &p.toks[end-1]; lt.poss && (end == i+1 || t.e.FirstNameFreq >= 60 && !t.e.Any(plPlaceFlags)) || t.e.Any(lexicon.Relative) {
		return false // "at Sam's", "at Sarah Jones's", "at Uncle Ted's": a person's house
	}
	if typ == result.Organization && end == i+1 && t.e.FirstNameFreq >= 60 && !t.e.Any(plPlaceFlags) {
		return false // "flung the remote at Denise": a person
	}
	if typ == result.Organization {
		reason := "ORGANIZATION: a name after '" + why + " at' (a workplace or a venue)"
		if p.toks[end-1].poss {
			p.addOff(p.doc.Tokens[i].Start, p.doc.Tokens[end-1].End, typ, 0.9, reason) // "Tokyo Joe's"
		} else {
			p.add(i, end, typ, 0.9, reason)
		}
		return true
	}
	p.add(i, end, result.Hospital, 0.93, "HOSPITAL: a name after '"+why+" at' (a place of care)")
	return true
}

// plStudyWords are words of study before "at" or "from" and a university or college.
var plStudyWords = WordSet("graduated", "graduating", "graduate", "grad", "degree", "degrees",
	"course", "cohort", "class", "studying", "studied", "enrolled", "lecturer", "professor",
	"alumni", "alum", "alumna", "alumnus", "diploma", "masters", "bsc", "msc", "phd", "bsn", "msn")

// plAnyWorkplace are jobs held in hospitals as much as anywhere: what follows "at" after
// them may be either ("our manager at X").
var plAnyWorkplace = WordSet("manager", "managers", "director", "boss", "supervisor",
	"receptionist", "receptionists", "secretary", "cleaner", "cleaners", "volunteer",
	"volunteers", "student", "students", "chaplain", "administrator", "admin", "colleague",
	"colleagues", "coworker", "coworkers", "staff", "employee", "employees", "worker", "workers")

// plOutingWords are outings and meals said before "at" and a venue: "party at X",
// "night out at X", "drinks at X", "leaving do at X".
var plOutingWords = WordSet("party", "out", "drinks", "dinner", "lunch", "brunch", "breakfast",
	"karaoke", "do", "meal", "pints", "pint", "cocktails", "margs", "quiz", "gig", "tea", "coffee")

// plPaidFrom are money words before "from" and a firm: "speaker fees from X".
var plPaidFrom = WordSet("fees", "fee", "grant", "grants", "funding", "sponsorship", "honorarium",
	"honoraria", "payment", "payments", "consultancy", "royalties", "samples", "freebies")

// plPaidBy are verbs before "by" and a firm: "sponsored by X".
var plPaidBy = WordSet("sponsored", "funded", "paid", "acquired", "bought", "owned", "hosted")

// firmFrame records a company named where only a company fits: after "<fees, grant…>
// from" or "sponsored, funded… by", or between "the" and "rep" ("the Zentro rep is in
// the mess"): a drug, device or other firm, the kind of tie a disclosure is about.
func (p *plDoc) firmFrame(i int) bool {
	t := &p.toks[i]
	if p.caseless || !t.cap || t.sentStart || t.headline || p.doc.Tokens[i].Kind != text.Word || len(t.lw) < 2 {
		return false
	}
	k := p.prevWord(i)
	if k < 1 {
		return false
	}
	why := ""
	switch p.toks[k].key {
	case "from":
		if v := p.prevWord(k); v >= 0 && plPaidFrom[p.toks[v].key] {
			why = p.toks[v].lw + " from"
		}
	case "by":
		if v := p.prevWord(k); v >= 0 && plPaidBy[p.toks[v].key] {
			why = p.toks[v].lw + " by"
		}
	case "the":
		// "the X rep", "the X Y rep": a "rep" one or two words on, before anything else
		r := p.nextWord(i)
		if r >= 0 && p.toks[r].key != "rep" && p.toks[r].key != "reps" {
			r = p.nextWord(r)
		}
		if r < 0 || p.toks[r].key != "rep" && p.toks[r].key != "reps" {
			return false
		}
	default:
		return false
	}
	end, name := p.nameFwd(i, 3)
	if name.distinct == 0 || end <= i || end-i > 2 || !p.toks[end-1].cap {
		return false
	}
	for j := i; j < end; j++ {
		tj := &p.toks[j]
		if !tj.word || !tj.cap || tj.sentStart && j > i || tj.e.Any(lexicon.Title|lexicon.Month|lexicon.Weekday|lexicon.Relative|lexicon.HealthRole) || tj.my&pbHoliday != 0 {
			return false
		}
	}
	if p.toks[k].key == "the" {
		r := p.nextWord(end - 1)
		if r < 0 || p.toks[r].key != "rep" && p.toks[r].key != "reps" || p.toks[r].cap {
			return false
		}
		why = "the … " + p.toks[r].lw
		if end == i+1 && (plCommon(t.e) || plDemonym(t.lw)) {
			return false // "the union rep", "the Polish rep"
		}
	}
	if why == "" {
		return false
	}
	if end == i+1 && t.e.FirstNameFreq >= 100 && !t.e.Any(plPlaceFlags) {
		return false // "funded by Sarah"
	}
	p.add(i, end, result.Organization, 0.85, "ORGANIZATION: a firm's name after '"+why+"'")
	return true
}

// plDemonym reports whether a word is shaped like a people's or a language's name
// ("Polish", "Chinese", "Italian"), which may stand before "rep" as a firm's name does.
func plDemonym(lw string) bool {
	n := len(lw)
	return n > 4 && (lw[n-3:] == "ish" || lw[n-3:] == "ese" || lw[n-3:] == "ian" || lw[n-3:] == "ean")
}
