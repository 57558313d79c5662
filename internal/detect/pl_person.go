package detect

// PROFESSION and FEATURE. A profession is a non-healthcare occupation that describes a
// person in the post ("a retired headmaster" → "headmaster", "her husband is a
// firefighter"); the author's own job ("I'm a teacher") and generic talk ("teachers are
// underpaid") are not entities. A feature is a distinctive trait, status or event ("dragon
// tattoo", "conjoined twins", "local celebrity", "off the telly", "the M62 pile-up"), or an
// event told with a verb ("swallowed a whole battery", "fell into the canal": findStories).

import (
	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// plCopula are verbs between a subject and "a/an + occupation" ("he is a builder").
var plCopula = WordSet("is", "was", "s", "been", "be", "became", "becomes", "remains",
	"were", "are")

// plWorksAs are words before "as a" that make it a job ("works as a cleaner").
var plWorksAs = WordSet("works", "worked", "working", "employed", "job", "career", "retired",
	"trained", "qualified", "served", "serving", "moonlights", "volunteers", "volunteered")

// plPersonProfMod are more words that may stand between a determiner and an occupation
// ("a literal bus driver", "a veteran firefighter").
var plPersonProfMod = WordSet("literal", "actual", "proper", "veteran", "long-time", "longtime")

// plPlaceProfMod name the place an office serves ("a city councilman", "a town
// councillor"); after "the" they name the office, not a person ("the county sheriff").
var plPlaceProfMod = WordSet("city", "town", "county", "state", "district", "borough",
	"regional", "national")

// plSchoolLevel are the words before "school" that name a kind of school ("a high school
// principal", "a middle school teacher").
var plSchoolLevel = WordSet("high", "middle", "elementary", "grammar", "junior", "infant",
	"nursery", "sunday", "boarding", "prep")

// plProfLanguage are school subjects written with a capital ("my old French teacher").
var plProfLanguage = WordSet("english", "french", "spanish", "german", "latin", "welsh",
	"italian", "irish", "gaelic", "russian", "mandarin", "chinese", "japanese")

// plAgeUnitWord are the units of an age written with spaces ("a 31 year old plumber").
var plAgeUnitWord = WordSet("year", "years", "yr", "yrs", "month", "months")

// plMarriedTo are the words before "to a" that make the occupation a partner's ("married
// to a firefighter").
var plMarriedTo = WordSet("married", "engaged", "wed", "hitched")

// findProfessions finds occupations that describe a person.
func (p *plDoc) findProfessions() {
	for _, ph := range p.phrases {
		if ph.kind != lexicon.PhraseOccupation {
			continue
		}
		if p.hasPhraseKind(ph.start, ph.end, lexicon.PhraseHealthRole, lexicon.PhraseTitle) ||
			p.anyIn(ph.start, ph.end, plHealthWords) || p.anyFlag(ph.start, ph.end, lexicon.HealthRole) ||
			plNotProfession[string(p.keyText(ph.start, ph.end))] {
			continue
		}
		p.professionAt(ph.start, ph.end)
	}
	for i, n := p.nextGate(0, pgProf), len(p.gates); i < n; i = p.nextGate(i+1, pgProf) {
		t := &p.toks[i]
		if !t.word || !t.e.Any(lexicon.Occupation) && t.my&pbExtraOcc == 0 || p.doc.Tokens[i].Kind != text.Word ||
			t.e.Any(lexicon.HealthRole) || t.my&pbNotProf != 0 {
			continue
		}
		p.professionAt(i, i+1)
	}
}

// professionAt judges an occupation at tokens [s, e).
func (p *plDoc) professionAt(s, e int) {
	for k := s; k < e; k++ {
		t := &p.toks[k]
		if !t.word {
			continue
		}
		// A capital mid-sentence makes it a name or a title ("Mr Baker", "Judge Rinder").
		if !p.caseless && t.cap && !(k == s && t.sentStart) && !(t.upper && len(t.lw) <= 3) {
			return
		}
	}
	if p.toks[e-1].poss && p.toks[e-1].cap && !p.caseless {
		return
	}
	// "next to the baker's in the square", "the chemist's.": the shop (not "the
	// butcher's wife", whose husband is the butcher)
	if t := &p.toks[e-1]; t.poss && e-s == 1 && plProfPlace[t.key] {
		if n := p.nextWord(e - 1); n < 0 || n > e || plShopAfter[p.toks[n].key] {
			return
		}
	}
	// "a boxer's fracture", "housemaid's knee": a condition named for a job, no one's job
	if p.toks[e-1].poss {
		if n := p.nextWord(e - 1); n == e && plConditionAfterJob[p.toks[n].key] {
			return
		}
	}
	// "every physio, cleaner and porter": a list of the staff of a
	// ward, the jobs beside a health role are hospital jobs too
	if p.healthListAt(s, e) {
		return
	}
	// "science teacher", "football coach", "news anchor": the field belongs to the name
	// (a language keeps its capital: "my old French teacher").
	if k := p.prevWord(s); k >= 0 && e-s == 1 && plProfDomain[p.toks[k].key] && (p.caseless || !p.toks[k].cap || p.toks[k].upper && len(p.toks[k].lw) <= 3 || p.toks[k].sentStart || plProfLanguage[p.toks[k].key]) {
		s = k
	}
	// Modifiers, then a determiner or an anchor.
	k := p.prevWord(s)
	before := s - 1 // the token before the modifiers
	strongMod := ""
	placeMod := false // "city", "county": only "a/an" makes it a person's job ("the county sheriff" is an office)
	employer := false // an employer's name stands before it ("a Ryanair pilot")
	for n := 0; n < 3; n++ {
		if k < 0 && before > 0 && p.isPunct(before, '-') && p.lwAt(before-1) == "ex" {
			strongMod = "ex"
			k = p.prevWord(before - 1)
			before -= 2
			continue
		}
		// "ex-RAF pilot", "ex-GB swimmer": an acronym between "ex-" and the job
		if k >= 0 && p.toks[k].upper && len(p.toks[k].lw) <= 4 && p.isPunct(k-1, '-') && p.lwAt(k-2) == "ex" && !p.caseless {
			strongMod = "ex"
			before = k - 3
			k = p.prevWord(k - 2)
			continue
		}
		// "a well-known parish councillor": "well-known" comes as three tokens
		if k >= 0 && p.toks[k].key == "known" && p.isPunct(k-1, '-') && p.lwAt(k-2) == "well" {
			before = k - 3
			k = p.prevWord(k - 2)
			continue
		}
		// "a 5th grade teacher", "a fourth-grade teacher": the grade taught
		if k >= 0 && p.toks[k].key == "grade" {
			o := p.prevWord(k)
			if o < 0 && p.isPunct(k-1, '-') {
				o = p.prevWord(k - 1)
			}
			if o >= 0 && (p.doc.Tokens[o].Kind == text.Alnum && o >= 0 && p.toks[o].lw[0] >= '1' && p.toks[o].lw[0] <= '9' ||
				plGradeWords[p.toks[o].key]) {
				before = o - 1
				k = p.prevWord(o)
				continue
			}
		}
		// "a long-haul trucker", "an off-duty cop", "the off duty firefighter": a
		// hyphenated or two-word describing pair ("29-year-old" is an age: see below)
		if k >= 0 && !p.toks[k].cap && p.doc.Tokens[k].Kind == text.Word && p.toks[k].key != "old" &&
			(p.isPunct(k-1, '-') && k >= 2 && p.toks[k-2].word && !p.toks[k-2].cap && p.doc.Tokens[k-2].Kind == text.Word && p.lwAt(k-2) != "ex" ||
				p.toks[k].key == "duty" && p.lwAt(p.prevWord(k)) == "off") {
			before = k - 3
			if p.toks[k].key == "duty" && !p.isPunct(k-1, '-') {
				before = k - 2
			}
			k = p.prevWord(before + 1)
			continue
		}
		// "a Ryanair pilot", "an Acme delivery driver": an employer's name between "a/an"
		// and the job (one or two capitalised words)
		if o := p.employerBefore(k); o >= 0 {
			before, k, employer = o, o, true
			continue
		}
		// "a high school chemistry teacher", "a city councilman", "a literal bus driver"
		more := k >= 0 && (plPersonProfMod[p.toks[k].key] || plPlaceProfMod[p.toks[k].key] ||
			plSchoolLevel[p.toks[k].key] && p.lwAt(k+1) == "school")
		if k < 0 || !plProfMod[p.toks[k].key] && !more || p.toks[k].cap && !p.caseless && !p.toks[k].sentStart {
			break
		}
		if p.toks[k].key == "old" && (p.isPunct(k-1, '-') || plAgeUnitWord[p.lwAt(k-1)]) {
			break // "29-year-old teacher", "a 31 year old plumber": an age
		}
		placeMod = placeMod || plPlaceProfMod[p.toks[k].key]
		if plProfStrong[p.toks[k].key] && strongMod == "" {
			strongMod = p.toks[k].lw
		}
		before = k - 1
		k = p.prevWord(k)
	}
	conf, why := 0.0, ""
	age := false // the occupation follows an age ("a 61 y/o plumber")
	det := k >= 0 && plProfDet[p.toks[k].key]
	// Only "a/an" (and "as", "is") say what the subject is; "the firefighter", "my teacher"
	// are someone else whoever the subject.
	needSubject := det && (p.toks[k].key == "a" || p.toks[k].key == "an")
	if placeMod && !needSubject {
		return
	}
	switch {
	case strongMod != "":
		conf, why = 0.75, "after '"+strongMod+"'"
	case det:
		conf, why = 0.6, "after '"+p.toks[k].lw+"'"
		if k2 := p.prevWord(k); k2 >= 0 {
			w2 := p.toks[k2].key
			switch {
			case w2 == "as":
				if k3 := p.prevWord(k2); k3 >= 0 && plWorksAs[p.toks[k3].key] {
					conf, why = 0.75, "after '"+p.toks[k3].lw+" as a'"
				} else {
					conf = 0 // "as a teacher, I…": decided by the subject below
					why = "as"
				}
			case plCopula[w2] || p.toks[k2].poss && p.toks[k2].my&(pbThirdPerson|pbFirstPerson) != 0:
				conf, why = 0.7, "after '"+p.tokText(k2, k+1)+"'"
			case w2 == "years" && needSubject:
				// "thirty years a lollipop lady": a working life
				conf, why, needSubject = 0.75, "after 'years a'", false
			case w2 == "to" && needSubject:
				// "I'm a nurse married to a firefighter": the spouse's job, whoever the subject.
				if k3 := p.prevWord(k2); k3 >= 0 && plMarriedTo[p.toks[k3].key] {
					conf, why, needSubject = 0.7, "after '"+p.tokText(k3, k+1)+"'", false
				}
			case plProfPlace[p.toks[s].key] && (w2 == "from" || w2 == "to" || w2 == "at" || w2 == "in"):
				return // "from the chemist": the shop
			}
		}
	case k >= 0 && p.toks[k].key == "as":
		if k3 := p.prevWord(k); k3 >= 0 && plWorksAs[p.toks[k3].key] {
			conf, why = 0.7, "after '"+p.toks[k3].lw+" as'"
		}
	case k >= 0 && p.isPunct(k+1, ':') && (p.toks[k].key == "occupation" || p.toks[k].key == "job"):
		conf, why = 0.75, "after '"+p.toks[k].lw+":'"
	case k >= 0 && plAgeToken(p.toks[k].lw, p.doc.Tokens[k].Kind):
		conf, why, age = 0.65, "after an age '"+p.toks[k].lw+"'", true // "45M taxi driver", "58yo pastor"
	case k >= 0 && p.spacedAge(k):
		conf, why, age = 0.65, "after an age", true // "a 61 y/o plumber", "a 47 yo welder"
	case k >= 0 && p.toks[k].key == "old" && (p.isPunct(k-1, '-') || plAgeUnitWord[p.lwAt(k-1)]):
		conf, why, age = 0.65, "after an age", true // "a 52-year-old roofer", "a 31 year old plumber"
		if e-s == 1 && plProfAmbiguous[p.toks[s].key] {
			conf -= 0.1 // "the 17-year-old driver" of a car
		}
	case k < 0 && before >= 0 && (p.isPunct(before, ',') || p.isPunct(before, '(')):
		// "Darren, bus driver for Stagecoach": an apposition.
		if n := p.nextWord(e - 1); n >= 0 {
			switch p.toks[n].key {
			case "at", "in", "for", "from", "with", "who", "and", "of":
				conf, why = 0.55, "in apposition" // "41F, landlady of a pub"
			}
		} else if p.isPunct(e, ',') || p.isPunct(e, ')') {
			conf, why = 0.55, "in apposition"
		}
		// "34F, landlady of a pub": right after an age, the occupation is that person's.
		if a := before - 1; conf > 0 && a >= 0 && plAgeToken(p.toks[a].lw, p.doc.Tokens[a].Kind) {
			conf, why = 0.65, "in apposition after an age"
		}
	}
	// "my electrician husband", "Joiner dad": the job of the relative named after it
	rel := -1
	if n := p.nextWord(e - 1); n >= 0 && !p.toks[e-1].poss && p.toks[n].e.Any(lexicon.Relative) &&
		(p.caseless || !p.toks[n].cap) && plProfRelatives[p.toks[n].key] {
		rel = n
	}
	if det && needSubject && k >= 0 {
		// "kept asking for a solicitor", "someone find a reporter": anyone who does the job, not a person described
		if k2 := p.prevWord(k); k2 >= 0 && (plProfRequest[p.toks[k2].key] ||
			p.toks[k2].key == "for" && plProfRequest[p.lwAt(p.prevWord(k2))]) {
			return
		}
	}
	if conf == 0 && why != "as" {
		switch k2 := p.nextWord(e - 1); {
		case k2 >= 0 && p.toks[k2].key == "by" && p.lwAt(k2+1) == "trade":
			conf, why = 0.7, "before 'by trade'" // "X by trade"
		case rel >= 0:
			conf, why = 0.65, "before a relative '"+p.toks[rel].lw+"'"
		case k2 >= 0 && p.nameAfterJob(s, k2):
			conf, why = 0.6, "before a name" // "taxi driver Roland waited for us"
		default:
			return
		}
	}
	if rel >= 0 && conf < 0.65 {
		conf, why = 0.65, why+", before a relative"
	}
	// Whose occupation? The nearest subject before it decides ("my teacher" is someone else).
	// "we had a builder in", "I nursed a retired vicar": the object of a verb of care or
	// meeting is someone else, whoever the subject
	seen := needSubject && plSeenVerbs[p.lwAt(p.prevWord(k))]
	// "our local vicar", "my old headmaster": an owned occupation is someone else's,
	// whoever the subject
	owned := det && plProfOwner[p.toks[k].key]
	if (needSubject || why == "as" || strongMod != "" || !det) && !seen && !owned {
		switch sub, at := p.subjectAt(s); sub {
		case 1:
			// "we saw a 61 y/o plumber": an age tells of a patient, whoever "we" are
			if age && p.toks[at].key != "i" && p.toks[at].key != "im" && p.toks[at].key != "me" {
				break
			}
			// "our regular, a long-haul trucker": in apposition to what "our/my" owns
			if needSubject && p.isPunct(k-1, ',') && (p.toks[at].key == "our" || p.toks[at].key == "my") && at < k-2 {
				break
			}
			return // the author's own
		case 3:
			if why == "as" {
				conf, why = 0.6, "after 'as a', about someone else"
			}
		}
	}
	if why == "as" {
		return
	}
	if k2 := p.nextWord(e - 1); k2 >= 0 && !p.toks[e-1].poss {
		nt := &p.toks[k2]
		if (p.caseless || !nt.cap) && !plProfAfterOK[nt.key] && p.doc.Tokens[k2].Kind == text.Word && k2 != rel &&
			!plPastVerb(nt.key) {
			conf -= 0.2 // "a pilot study", "the teacher training"
		}
	}
	if e-s == 1 && plProfAmbiguous[p.toks[s].key] && strongMod == "" && !employer && conf < 0.7 {
		conf -= 0.1
	}
	// A bare "driver" is who drove ("the 19yo driver", "the driver walked away", "a
	// drunk driver"), not a job, unless a frame says so ("is a driver", "works as a
	// driver", "a retired driver"); "bus driver", "a Lyft driver" are jobs.
	if e-s == 1 && p.toks[s].key == "driver" && !employer && conf < 0.7 {
		return
	}
	p.add(s, e, result.Profession, conf, "PROFESSION: occupation '"+p.tokText(s, e)+"' "+why)
}

// plProfOwner are the possessive determiners before an occupation: it is then someone
// else's ("our retired headteacher").
var plProfOwner = WordSet("our", "my", "your", "his", "her", "their")

// plShopAfter are the words after "the butcher's" that make it the shop.
var plShopAfter = WordSet("on", "in", "at", "near", "by", "round", "opposite", "next", "across",
	"down", "up", "for", "and", "to")

// plProfRelatives are the relatives whose job may stand right before them ("my
// electrician husband", "her teacher mum").
var plProfRelatives = WordSet("husband", "wife", "hubby", "dad", "mum", "mom", "father",
	"mother", "son", "daughter", "brother", "sister", "boyfriend", "girlfriend", "partner",
	"fiance", "fiancee", "fiancé", "fiancée", "uncle", "aunt", "auntie", "grandad", "grandpa",
	"granddad", "grandma", "nan", "stepdad", "stepmum", "stepmom", "cousin", "nephew", "niece")

// plSeenVerbs before "a/an + job" make the job someone's the author met or cared for
// ("we saw a 61 y/o plumber", "I nursed a retired vicar").
var plSeenVerbs = WordSet("had", "saw", "met", "admitted", "treated", "nursed", "scanned",
	"discharged", "transferred", "resuscitated", "intubated", "triaged", "received",
	"brought", "sutured", "plastered", "stitched", "assessed", "examined", "delivered")

// plProfRequest are verbs whose object "a/an + job" is anyone who does that job, not a
// person described ("kept asking for a solicitor", "someone find a reporter", "asked for a lawyer").
var plProfRequest = WordSet("need", "needs", "needed", "needing", "demand", "demands",
	"demanded", "demanding", "want", "wants", "wanted", "wanting", "tag", "hire", "hiring",
	"request", "requested", "requesting", "require", "requires", "required", "asked", "asking",
	"ask", "call", "calling", "find", "consult", "contact")

// employerBefore reports, for the word k before an occupation, whether it is an
// employer's name right after "a/an/the" ("a Ryanair pilot", "the Lyft driver who …"): one
// or two capitalised words, not the first of a sentence. It returns the index of the
// determiner (or of a describing word after "a/an") or -1.
func (p *plDoc) employerBefore(k int) int {
	if p.caseless || k < 0 || plFamousNouns[p.toks[k+1].key] { // "a Hollyoaks actress": fameCompound's
		return -1
	}
	for c := 0; c < 2; c++ {
		t := &p.toks[k]
		if !t.cap || t.sentStart || t.poss || t.my&pbStop != 0 || t.lw[0] < 'a' || t.lw[0] > 'z' ||
			t.e.Any(lexicon.Month|lexicon.Weekday|lexicon.Title) ||
			p.doc.Tokens[k].Kind != text.Word && !t.upper {
			return -1
		}
		d := p.prevWord(k)
		if d < 0 {
			return -1
		}
		// "a Ryanair pilot", or a describing word between ("a retired Army colonel"),
		// which the caller takes as the modifier it is
		if p.toks[d].key == "a" || p.toks[d].key == "an" || p.toks[d].key == "the" ||
			plProfMod[p.toks[d].key] && !p.toks[d].cap && (plIndefBefore(p, d) || plProfStrong[p.toks[d].key]) {
			return d
		}
		k = d
	}
	return -1
}

// plIndefBefore reports whether "a/an" stands within two words before token d ("a
// retired …", "a semi retired …").
func plIndefBefore(p *plDoc, d int) bool {
	for k, c := p.prevWord(d), 0; k >= 0 && c < 2; c++ {
		if p.toks[k].key == "a" || p.toks[k].key == "an" {
			return true
		}
		if !plProfMod[p.toks[k].key] {
			return false
		}
		k = p.prevWord(k)
	}
	return false
}

// spacedAge reports whether the words up to token k are an age written with spaces or
// a slash before an occupation ("34 y/o", "58 yo").
func (p *plDoc) spacedAge(k int) bool {
	num := func(i int) bool { return i >= 0 && p.doc.Tokens[i].Kind == text.Number && len(p.toks[i].lw) <= 3 }
	switch p.toks[k].key {
	case "yo", "yof", "yom":
		return num(p.prevWord(k))
	case "o":
		return p.isPunct(k-1, '/') && p.lwAt(k-2) == "y" && num(p.prevWord(k-2))
	}
	return false
}

// nameAfterJob reports whether token n, right after the occupation that starts at s, is
// a given name that the occupation introduces ("taxi driver Roland waited for us").
func (p *plDoc) nameAfterJob(s, n int) bool {
	t := &p.toks[n]
	if p.caseless || !t.cap || t.upper || t.sentStart || !t.e.Any(lexicon.FirstName) ||
		t.e.Any(lexicon.Month|lexicon.Weekday) || t.my&pbStop != 0 {
		return false
	}
	// the job itself starts a sentence or follows a comma or "and" (a determiner before it
	// is judged by professionAt: "the driver Gary hired")
	if b := p.prevWord(s); b >= 0 && !plProfDet[p.toks[b].key] && p.toks[b].key != "and" {
		return false
	}
	return true
}

// plGradeWords are the ordinals of a school grade ("a third grade teacher").
var plGradeWords = WordSet("first", "second", "third", "fourth", "fifth", "sixth",
	"seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "kindergarten")

// plPastVerbs are irregular past tenses that, right after an occupation, make it a person
// who did something ("the bartender called it in", "the farmer drove").
var plPastVerbs = WordSet("sang", "came", "went", "gave", "took", "ran", "saw", "made",
	"found", "kept", "left", "fell", "drove", "rode", "stood", "sat", "bought", "thought",
	"knew", "wrote", "spoke", "threw", "caught", "held", "swore", "shouted", "began", "ate",
	"drank", "sent", "paid", "put", "let", "hit", "cut", "lost", "won", "brought", "taught")

// plPastVerb reports whether key is a past tense ("-ed" or plPastVerbs).
func plPastVerb(key string) bool {
	n := len(key)
	return n > 4 && key[n-2:] == "ed" && key[n-3] != 'e' || plPastVerbs[key]
}

// plAgeToken reports whether s is an age written with a unit or sex ("45m", "58yo").
func plAgeToken(s string, kind text.Kind) bool {
	if kind != text.Alnum {
		return false
	}
	d := 0
	for d < len(s) && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	if d == 0 || d > 3 {
		return false
	}
	switch s[d:] {
	case "m", "f", "yo", "y", "yr", "yrs", "yof", "yom":
		return true
	}
	return false
}

// subject looks back from token s, within its sentence, for the nearest person word:
// 1 for the author ("I", "my"), 3 for someone else ("he", "her husband"), 0 if none.
func (p *plDoc) subject(s int) int {
	sub, _ := p.subjectAt(s)
	return sub
}

// subjectAt is subject, with the index of the person word found (-1 if none).
func (p *plDoc) subjectAt(s int) (int, int) {
	sent := p.doc.SentenceOf(p.doc.Tokens[s].Start)
	for k, n := s-1, 0; k >= 0 && n < 10; k-- {
		if p.doc.Tokens[k].Start < sent.Start {
			break
		}
		t := &p.toks[k]
		if !t.word {
			continue
		}
		n++
		if t.key == "i" || t.lw == "i" {
			return 1, k
		}
		if t.my&pbThirdPerson != 0 {
			return 3, k
		}
		if t.my&pbFirstPerson != 0 {
			return 1, k
		}
	}
	return 0, -1
}

// findFeatures finds distinctive traits, statuses and events.
func (p *plDoc) findFeatures() {
	n := len(p.toks)
	for i := p.nextGate(0, pgFeat); i < n; i = p.nextGate(i+1, pgFeat) {
		t := &p.toks[i]
		if !t.word || t.my&(pbFeatPhrase|pbFeatWord|pbThe) == 0 && !t.e.Any(lexicon.FeatureCue) {
			continue
		}
		if t.my&pbFeatPhrase != 0 && p.secondMay(i, pbFeatSecond) {
			if e := p.featurePhrase(i); e > i {
				i = e - 1
				continue
			}
		}
		if t.key == "the" {
			if e := p.eventAt(i); e > i {
				i = e - 1
				continue
			}
		}
		conf, ok := 0.0, false
		if t.my&pbFeatWord != 0 {
			conf, ok = plFeatureWords[t.key]
		}
		if !ok {
			if t.e.Any(lexicon.FeatureCue) && !plEnglish(t.e) {
				p.add(i, i+1, result.Feature, 0.5, "FEATURE: lexicon feature cue '"+p.tokText(i, i+1)+"'")
			}
			continue
		}
		if conf > 0 {
			p.add(i, i+1, result.Feature, conf, "FEATURE: distinctive word '"+p.tokText(i, i+1)+"'")
			continue
		}
		if e := p.featureRule(i); e > i {
			i = e - 1
		}
	}
}

// featurePhrase matches a several-word feature at token i.
func (p *plDoc) featurePhrase(i int) int {
	best, bestConf := -1, 0.0
	for _, f := range plExts[p.toks[i].ext].feats { // plFeaturePhrases[key]
		if e, ok := p.matchTail(i, f.words); ok && e > best {
			best, bestConf = e, f.conf
		}
	}
	if best < 0 {
		return i
	}
	p.add(i, best, result.Feature, bestConf, "FEATURE: distinctive phrase '"+p.tokText(i, best)+"'")
	return best
}

// plFamousMods stand between "famous" and a person noun ("famous local footballer").
var plFamousMods = WordSet("local", "tv", "reality", "country", "pop", "rock", "soap",
	"football", "rugby", "darts", "snooker", "olympic", "premier", "league", "radio")

// famousNoun returns the end of a person noun right after token k ("famous footballer",
// "famous country singer"), or -1.
func (p *plDoc) famousNoun(k int) int {
	n := p.nextWord(k)
	if n < 0 || (!p.caseless && p.toks[n].cap) {
		return -1
	}
	if plFamousNouns[p.toks[n].key] && !plFamousMods[p.toks[n].key] {
		return n + 1
	}
	if plFamousMods[p.toks[n].key] || p.doc.Tokens[n].Kind == text.Word {
		if n2 := p.nextWord(n); n2 >= 0 && plFamousNouns[p.toks[n2].key] && !plFamousMods[p.toks[n2].key] && (p.caseless || !p.toks[n2].cap) {
			return n2 + 1
		}
	}
	return -1
}

// plFameMods before a person noun make the person known to the public ("championship
// footballer", "oscar winner", "pop singer", "NBA rapper").
var plFameMods = WordSet("premiership", "premier", "league", "championship", "grammy",
	"grammys", "oscar", "emmy", "bafta", "brit", "brits", "tony", "nobel", "pulitzer",
	"olympic", "paralympic", "country", "pop", "rock", "soap", "reality", "hollywood",
	"bollywood", "broadway", "nfl", "nba", "mlb", "nhl", "wnba", "mls", "wwe", "ufc", "pga",
	"international", "eurovision", "tv", "telly", "movie", "platinum", "chart-topping",
	"celebrity", "opera", "rap", "k-pop", "wimbledon", "lottery", "jackpot", "powerball",
	"euromillions", "medal")

// plWhichCertain before a show's judge hint at a known person ("a certain Masterchef judge").
var plWhichCertain = WordSet("which", "certain")

// plStarNotNext after "star" make it a prize, not a person ("Rising Star award").
var plStarNotNext = WordSet("award", "awards", "rating", "ratings", "review", "reviews",
	"chart", "sticker", "stickers", "badge", "prize")

// fameCompound matches a person noun that the words before it make publicly known (see
// plFameMods; "award-winning actress"; or a show, club or award named with capitals:
// "which Emmerdale actor", "the Pottery Throwdown winner"). It returns the end of the feature
// found, or i.
func (p *plDoc) fameCompound(i int) int {
	prev := p.prevWord(i)
	if prev < 0 {
		return i
	}
	s := -1
	switch pt := &p.toks[prev]; {
	case plFameMods[pt.key]:
		s = prev
	case pt.key == "winning" && p.isPunct(prev-1, '-') && p.prevWord(prev-1) >= 0:
		s = p.prevWord(prev - 1) // "award-winning actress", "Oscar-winning actor"
	case !p.caseless && pt.cap && !pt.headline:
		// one to three capitalised words; a single one may not start the sentence
		// ("Dragons Den": two capitalised words make the name)
		for k, c := prev, 0; k >= 0 && c < 3; c++ {
			t := &p.toks[k]
			if !t.cap || t.poss || t.e.Any(lexicon.Month|lexicon.Weekday|lexicon.Title) ||
				p.doc.Tokens[k].Kind != text.Word && !t.upper {
				break
			}
			s = k
			if t.sentStart {
				break
			}
			k = p.prevWord(k)
		}
		// a common word that starts the sentence is not part of the name ("Happy …")
		for s >= 0 && s < prev && (p.toks[s].my&pbStop != 0 || p.toks[s].sentStart && p.toks[s].e.Any(lexicon.CommonWord)) {
			s = p.nextWord(s)
		}
		if s >= 0 && (p.toks[s].my&pbStop != 0 || p.toks[s].sentStart) {
			s = -1
		}
		// a winner of a show has a name of two words or more ("Pottery Throwdown winner"); "Month
		// winner" and "Award winner" are a workplace's prizes
		if (p.toks[i].key == "winner" || p.toks[i].key == "star") && (s == prev || p.toks[prev].key == "award" || p.toks[prev].key == "awards") {
			s = -1
		}
	}
	if s < 0 || p.toks[i].key == "star" && plStarNotNext[p.lwAt(p.nextWord(i))] {
		return i
	}
	if p.toks[i].key == "judge" && (s != prev && !p.toks[s].cap || !plWhichCertain[p.lwAt(p.prevWord(s))]) {
		return i
	}
	p.add(s, i+1, result.Feature, 0.6, "FEATURE: publicly known person '"+p.tokText(s, i+1)+"'")
	return i + 1
}

// plTattooNot are words before "tattoo" that do not describe it.
var plTattooNot = WordSet("a", "an", "the", "his", "her", "their", "my", "your", "new",
	"old", "small", "big", "no", "any", "some", "many", "few", "several", "lots", "of",
	"with", "has", "had", "got", "first", "second", "multiple", "visible", "fresh", "recent",
	"large", "little", "infected", "healing", "this", "that", "one", "two", "few", "more",
	"get", "getting", "gets", "and", "or", "covered", "in", "and", "him", "she", "he")

// plPossessive are the possessives before a body part ("on his forehead").
var plPossessive = WordSet("his", "her", "their", "my", "your")

// plTattooPlaces are where a tattoo shows ("a tattoo on his forehead"); arms and backs are
// where most are.
var plTattooPlaces = WordSet("face", "forehead", "cheek", "neck", "throat", "eyelid",
	"eyelids", "scalp", "head", "lip", "lips", "tongue", "eyeball", "knuckles", "chin", "nose")

// featureRule applies the word-specific rules (negative confidence in plFeatureWords).
func (p *plDoc) featureRule(i int) int {
	t := &p.toks[i]
	next := p.nextWord(i)
	prev := p.prevWord(i)
	switch t.key {
	case "mp", "msp":
		conf := 0.0
		switch {
		case !p.caseless && t.upper:
			conf = 0.6
		case p.caseless && prev >= 0 && (plProfDet[p.toks[prev].key] || p.toks[prev].key == "local"):
			conf = 0.55
		}
		if conf == 0 {
			return i
		}
		if next >= 0 && p.toks[next].key == "for" {
			conf += 0.1
		} else if prev >= 0 && (plProfDet[p.toks[prev].key] || p.toks[prev].key == "local") {
			conf += 0.05
		}
		p.add(i, i+1, result.Feature, conf, "FEATURE: '"+p.tokText(i, i+1)+"', a member of parliament")
		return i + 1
	case "famous", "notorious", "infamous", "well":
		if t.key == "well" {
			// "well-known footballer"
			k := i + 1
			if p.isPunct(k, '-') {
				k++
			}
			if p.lwAt(k) != "known" {
				return i
			}
			if end := p.famousNoun(k); end > 0 {
				p.add(i, end, result.Feature, 0.6, "FEATURE: 'well-known' + person noun '"+p.tokText(i, end)+"'")
				return end
			}
			return i
		}
		if end := p.famousNoun(i); end > 0 {
			p.add(i, end, result.Feature, 0.65, "FEATURE: '"+t.lw+"' + person noun '"+p.tokText(i, end)+"'")
			return end
		}
		if prev >= 0 {
			switch p.toks[prev].key {
			case "is", "was", "s", "bit", "quite", "very", "really", "so", "too", "become", "became",
				"got", "getting", "semi", "world", "locally", "fairly", "properly", "internet",
				"tiktok", "instagram", "proper", "actually", "apparently":
				p.add(i, i+1, result.Feature, 0.55, "FEATURE: '"+t.lw+"' said of a person")
				return i + 1
			}
			if p.toks[prev].poss && p.toks[prev].my&pbThirdPerson != 0 {
				p.add(i, i+1, result.Feature, 0.55, "FEATURE: '"+t.lw+"' said of a person")
				return i + 1
			}
		}
	case "tattoo", "tattoos":
		conf := 0.65
		if t.key == "tattoos" {
			conf = 0.6
		}
		if prev >= 0 && !plTattooNot[p.toks[prev].key] && p.doc.Tokens[prev].Kind == text.Word && !p.toks[prev].poss {
			p.add(prev, i+1, result.Feature, conf, "FEATURE: described tattoo '"+p.tokText(prev, i+1)+"'")
			return i + 1
		}
		// "a tattoo on his forehead": where it is narrows the person down as much as what
		if next >= 0 && p.toks[next].key == "on" {
			if k := p.nextWord(next); k >= 0 && plPossessive[p.toks[k].key] {
				if b := p.nextWord(k); b >= 0 && plTattooPlaces[p.toks[b].key] {
					p.add(i, b+1, result.Feature, conf, "FEATURE: tattoo on the "+p.toks[b].lw)
					return b + 1
				}
			}
		}
		// "tattoo of 'Kayleigh' on his neck": a quoted name or motto, and where it is
		if next >= 0 && p.toks[next].key == "of" && next+1 < len(p.toks) {
			if q := p.toks[next+1].pc; q == '\'' || q == '"' {
				for c := next + 2; c < len(p.toks) && c <= next+8 && !p.doc.Tokens[c].Newline; c++ {
					if p.toks[c].pc != q {
						continue
					}
					if c == next+2 {
						break
					}
					end := c + 1
					if on := p.nextWord(c); on >= 0 && p.toks[on].key == "on" {
						if k := p.nextWord(on); k >= 0 && plPossessive[p.toks[k].key] {
							if b := p.nextWord(k); b >= 0 && p.doc.Tokens[b].Kind == text.Word {
								end = b + 1 // "… on his neck"
							}
						}
					}
					p.add(i, end, result.Feature, conf, "FEATURE: tattoo of a quoted name or motto")
					return end
				}
			}
		}
		// "tattoo of a dragon"
		if next >= 0 && p.toks[next].key == "of" {
			k := p.nextWord(next)
			if k >= 0 && (p.toks[k].key == "a" || p.toks[k].key == "an" || p.toks[k].key == "his" || p.toks[k].key == "her" || p.toks[k].key == "the") {
				k = p.nextWord(k)
			}
			if k >= 0 && p.doc.Tokens[k].Kind == text.Word && p.toks[k].my&pbStop == 0 {
				p.add(i, k+1, result.Feature, conf, "FEATURE: described tattoo '"+p.tokText(i, k+1)+"'")
				return k + 1
			}
		}
	case "conjoined":
		p.add(i, i+1, result.Feature, 0.65, "FEATURE: 'conjoined'")
		return i + 1
	case "stabbing", "shooting":
		if next >= 0 && plPainWords[p.toks[next].key] {
			return i
		}
		if next >= 0 && p.toks[next].key == "victim" {
			p.add(i, next+1, result.Feature, 0.65, "FEATURE: violent event '"+p.tokText(i, next+1)+"'")
			return next + 1
		}
		if prev >= 0 {
			switch p.toks[prev].key {
			case "a", "the", "after", "in", "from", "during", "since", "fatal", "double", "triple", "mass":
				if next < 0 || p.toks[next].key != "pain" {
					p.add(i, i+1, result.Feature, 0.55, "FEATURE: violent event '"+t.lw+"'")
					return i + 1
				}
			}
		}
	case "singer", "actress", "actor", "winner", "rapper", "comedian", "cricketer", "popstar",
		"contestant", "presenter", "star":
		return p.fameCompound(i)
	case "judge":
		// "a certain Masterchef judge", "guess which Dragons Den judge": a show's judge, when
		// the post hints at who ("the High Court judge" is an office)
		if e := p.fameCompound(i); e > i {
			return e
		}
	case "footballer":
		if e := p.fameCompound(i); e > i {
			return e
		}
		// "footballer who plays for …"
		k := next
		if k >= 0 && p.toks[k].key == "who" {
			k = p.nextWord(k)
		}
		if k >= 0 && (p.toks[k].key == "plays" || p.toks[k].key == "played") {
			if f := p.nextWord(k); f >= 0 && p.toks[f].key == "for" {
				p.add(i, f+1, result.Feature, 0.65, "FEATURE: '"+p.tokText(i, f+1)+"'")
				return f + 1
			}
		}
	case "olympic":
		if next >= 0 {
			switch p.toks[next].key {
			case "athlete", "swimmer", "champion", "medallist", "medalist", "gymnast", "rower",
				"cyclist", "boxer", "runner", "sprinter", "diver", "sailor", "hopeful":
				p.add(i, next+1, result.Feature, 0.65, "FEATURE: '"+p.tokText(i, next+1)+"'")
				return next + 1
			}
		}
	}
	return i
}

// eventAt matches a notable event after "the" ("the M62 pile-up", "the bonfire crash",
// "the Year 11 prom crash"); the entity leaves "the" out.
func (p *plDoc) eventAt(i int) int {
	k := i + 1
	mid := 0
	notable := false
	for ; k < len(p.toks) && mid < 3; k++ {
		if p.doc.Tokens[k].Newline || !p.toks[k].word {
			break
		}
		t := &p.toks[k]
		lw := t.lw
		if mid > 0 && t.my&pbEventNoun != 0 { // plEventNouns[t.key]
			break
		}
		if mid > 0 && lw == "pile" && p.isPunct(k+1, '-') && p.lwAt(k+2) == "up" {
			break
		}
		kind := p.doc.Tokens[k].Kind
		switch {
		case kind == text.Alnum && plRoadID(lw):
			notable = true
		case t.my&pbEventNotable != 0: // plEventNotable[t.key]
			notable = true
		case kind == text.Number && mid > 0 && len(lw) <= 2:
			// "Year 11"
		case !p.caseless && t.cap && t.my&pbStop == 0 && kind == text.Word && !t.e.Any(lexicon.Weekday|lexicon.Month):
			notable = true
		default:
			return i
		}
		mid++
	}
	if mid == 0 || !notable || k >= len(p.toks) || !p.toks[k].word {
		return i
	}
	end := -1
	switch {
	case p.toks[k].my&pbEventNoun != 0: // plEventNouns[p.toks[k].key]
		end = k + 1
	case p.toks[k].lw == "pile" && p.isPunct(k+1, '-') && p.lwAt(k+2) == "up":
		end = k + 3
	}
	if end < 0 {
		return i
	}
	// "the Yakima fire station": the event word names something else.
	if n := p.nextWord(end - 1); n >= 0 && p.doc.Tokens[n].Kind == text.Word && (p.caseless || !p.toks[n].cap) && !plProfAfterOK[p.toks[n].key] && !plEventAfterOK[p.toks[n].key] {
		return i
	}
	conf := 0.6
	if !p.caseless && p.toks[i+1].cap || p.doc.Tokens[i+1].Kind == text.Alnum {
		conf = 0.65
	}
	p.add(i+1, end, result.Feature, conf, "FEATURE: notable event '"+p.tokText(i+1, end)+"'")
	return end
}

// plEventAfterOK may follow an event word ("the bonfire crash last year").
var plEventAfterOK = WordSet("last", "this", "on", "in", "at", "near", "outside", "where",
	"over", "victims", "victim", "survivor", "survivors", "yesterday", "today", "tonight")

// plRoadID reports whether s looks like a road number ("m62", "a1", "a303", "i95").
func plRoadID(s string) bool {
	if len(s) < 2 || len(s) > 5 {
		return false
	}
	switch s[0] {
	case 'm', 'a', 'b', 'i':
	default:
		return false
	}
	for k := 1; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return k > 1 && k == len(s)-1 && s[k] == 'm' // "a1m"
		}
	}
	return true
}

// findBareEvents matches an event named by what happened without "the":
// "the Fourth of July fireworks accident", "after his tractor crash". A
// notable noun right before an event noun makes the pair a distinctive
// detail; "the …" events are matched by eventAt.
func (p *plDoc) findBareEvents() {
	for k := 1; k < len(p.toks); k++ {
		t := &p.toks[k]
		if !t.word || t.my&pbEventNoun == 0 { // plEventNouns[t.key]
			continue
		}
		j := k - 1
		if !p.toks[j].word || p.doc.Tokens[k].Newline || p.toks[j].my&pbEventNotable == 0 {
			continue
		}
		if j > 0 && p.toks[j-1].key == "the" {
			continue // eventAt's
		}
		p.add(j, k+1, result.Feature, 0.6, "FEATURE: event '"+p.tokText(j, k+1)+"'")
	}
}

// ---- stories: distinctive events told with a verb ----

// A feature is often an event told with a verb rather than named ("swallowed a whole
// battery", "had a fit at the wheel", "fell into the canal", "won the jackpot"). The words
// that start those stories are not in the family's bit lists (plTok.my has no bit left),
// so findStories visits every word and lets through, by one table read, only those whose
// first byte, length and last byte match a trigger (plStoryFilter); plStoryKind then says
// which rule applies. The same pass finds the occupations the lexicon lacks (plMoreJobs)
// and rare conditions (plRareConditions).

// Kinds of story trigger (plStoryKinds).
const (
	psSwallowed  = iota + 1 // "swallowed a whole battery"
	psStuck                 // "a torch stuck where …"
	psTransplant            // "waiting on a lung transplant"
	psWheel                 // "had a seizure at the wheel"
	psOff                   // "that lad off <TV show>"
	psWon                   // "won the £2m jackpot"
	psDrowned               // "drowned in the garden pond"
	psFell                  // "fell into the canal"
	psTrapped               // "trapped under his tractor"
	psDrove                 // "drove his van through the shop window"
	psHit                   // "hit by a reversing bin lorry"
	psBack                  // "gave birth in the back of a taxi"
	psWreck                 // "the motorbike wreck", "the trampoline accident"
	psWeight                // "a 600lb patient"
	psOwner                 // "hardware store owner" (a PROFESSION)
	psHair                  // "the one with the pink hair"
	psPresenter             // "used to do the weather on <channel>"
	psOnly                  // "the only Somali family in town"
	psBodyPart              // "a glass eye", "a wooden leg"
	psJob                   // an occupation of plMoreJobs (a PROFESSION)
	psRare                  // a rare or notifiable condition of plRareConditions
	psVehicle               // "her lime green motorhome": a vehicle of a loud colour
)

// plRareConditions are conditions so rare, or infections so seldom seen in the UK and
// the US, that a case narrows a patient down ("34F with acute intermittent porphyria");
// the common conditions of docs/ANNOTATION.md ("COPD", "chest pain") are not features.
// Infections in the news or on the vaccine schedule (Ebola, polio, tetanus) are left out:
// posts name them as topics far more often than as a patient's.
var plRareConditions = WordSet("porphyria", "acromegaly", "gigantism", "moyamoya",
	"alkaptonuria", "trimethylaminuria", "leprosy", "rabies", "botulism", "anthrax",
	"diphtheria", "kuru", "cjd", "albinism", "gaucher", "fabry", "pompe", "krabbe",
	"canavan", "castleman", "takayasu", "marfan", "marfans", "brucellosis", "typhus",
	"creutzfeldt-jakob")

// plRareNotNext after a condition make it a topic, not a case ("rabies jab").
var plRareNotNext = WordSet("vaccine", "vaccines", "vaccination", "jab", "jabs", "shot",
	"shots", "booster", "immunisation", "immunization", "training", "ppe", "outbreak",
	"research", "awareness", "risk", "risks", "country", "countries", "area", "areas")

// plStoryKinds are the trigger words of findStories: plStoryVerbs, plMoreJobs as psJob and
// plRareConditions as psRare.
var plStoryKinds = func() map[string]uint8 {
	m := make(map[string]uint8, len(plStoryVerbs)+len(plMoreJobs)+len(plRareConditions))
	for w, k := range plStoryVerbs {
		m[w] = k
	}
	for w := range plMoreJobs {
		m[w] = psJob
	}
	for w := range plRareConditions {
		m[w] = psRare
	}
	return m
}()

// plStoryVerbs are the trigger words of the story rules.
var plStoryVerbs = map[string]uint8{
	"swallowed": psSwallowed,
	"stuck":     psStuck, "lodged": psStuck,
	"transplant": psTransplant,
	"wheel":      psWheel,
	"off":        psOff,
	"won":        psWon, "scooped": psWon,
	"drowned": psDrowned,
	"fell":    psFell, "fallen": psFell, "plunged": psFell,
	"trapped": psTrapped, "pinned": psTrapped,
	"drove": psDrove, "driven": psDrove, "reversed": psDrove,
	"hit": psHit, "struck": psHit, "mown": psHit,
	"back":  psBack,
	"wreck": psWreck, "accident": psWreck, "crash": psWreck, "wreckage": psWreck,
	"owner":   psOwner,
	"hair":    psHair,
	"weather": psPresenter, "news": psPresenter,
	"only": psOnly,
	"eye":  psBodyPart, "leg": psBodyPart, "arm": psBodyPart, "hand": psBodyPart, "foot": psBodyPart,
	"stomach": psBodyPart, "rectum": psBodyPart, "bum": psBodyPart, "butt": psBodyPart,
	"bottom": psBodyPart, "chest": psBodyPart, "skull": psBodyPart, "head": psBodyPart,
	"bladder": psBodyPart, "vagina": psBodyPart, "penis": psBodyPart, "urethra": psBodyPart,
	"ear": psBodyPart, "nose": psBodyPart, "throat": psBodyPart, "oesophagus": psBodyPart,
	"esophagus": psBodyPart, "bowel": psBodyPart, "abdomen": psBodyPart, "belly": psBodyPart,
	"tummy": psBodyPart, "neck": psBodyPart, "thigh": psBodyPart, "brain": psBodyPart,
	"van": psVehicle, "campervan": psVehicle, "motorhome": psVehicle, "truck": psVehicle,
	"car": psVehicle, "motorbike": psVehicle, "scooter": psVehicle, "jeep": psVehicle,
	"limo": psVehicle, "tractor": psVehicle, "pickup": psVehicle, "convertible": psVehicle,
}

// plLoudColours are colours of a vehicle that people remember ("a lime green van").
var plLoudColours = WordSet("orange", "pink", "purple", "lime", "neon", "lilac",
	"turquoise", "gold", "golden", "rainbow", "glitter", "leopard-print", "camo", "violet")

// plVehicleNotNext after a vehicle make it something else ("car park", "car seat").
var plVehicleNotNext = WordSet("park", "parks", "seat", "seats", "keys", "key", "wash",
	"door", "doors", "boot", "sticker", "stickers", "freshener", "cone", "cones")

// plForeignBodies are objects that, lodged in a person, make a case people remember
// ("magnets in his stomach", "shrapnel still in her neck", "an arrow through his thigh").
var plForeignBodies = WordSet("key", "keys", "bullet", "bullets", "coin", "coins",
	"battery", "batteries", "magnet", "magnets", "lego", "marble", "marbles", "bottle",
	"jar", "lightbulb", "bulb", "remote", "knife", "fork", "spoon", "screwdriver",
	"rebar", "pole", "arrow", "harpoon", "hook", "pen", "pencil",
	"toothbrush", "candle", "vibrator", "dildo", "cucumber", "carrot", "aubergine",
	"courgette", "banana", "sausage", "spike", "skewer", "chopstick", "crossbow", "dart",
	"airpod", "airpods", "toy", "figurine", "shrapnel", "pellet", "pellets", "spear", "stake",
	"railing", "fence", "branch")

// plLodged may stand between a foreign body and where it is ("shrapnel still in").
var plLodged = WordSet("still", "stuck", "lodged", "embedded", "wedged", "sticking")

// plLodgedIn are the prepositions of a foreign body ("in his stomach", "through her
// hand"); "up" is psStuck's ("a torch stuck up his nose").
var plLodgedIn = WordSet("in", "through", "into", "inside")

// foreignBody matches an object lodged in a person at body part token i ("magnets in
// his stomach", "shrapnel still in her neck", "an arrow through his thigh"), and
// returns the end of the feature found, or i. The person's possessive is needed: "a
// coin in the oesophagus" on a teaching x-ray is a case, not a person.
func (p *plDoc) foreignBody(i int) int {
	o := p.prevWord(i) // whose: his, her, their, someone's
	if o < 0 {
		return i
	}
	if ot := &p.toks[o]; !(ot.key == "his" || ot.key == "her" || ot.key == "their" ||
		ot.poss && (ot.key == "someone" || ot.key == "somebody" || ot.my&pbThirdPerson != 0)) {
		return i
	}
	in := p.prevWord(o)
	if in < 0 || !plLodgedIn[p.toks[in].key] {
		return i
	}
	obj := p.prevWord(in)
	if obj >= 0 && plLodged[p.toks[obj].key] {
		obj = p.prevWord(obj)
	}
	if obj < 0 || !plForeignBodies[p.toks[obj].key] || p.petBefore(obj) {
		return i
	}
	s := obj
	// one describing word before it ("crossbow bolt", "fish hook"), not a determiner
	if m := p.prevWord(obj); m >= 0 && p.doc.Tokens[m].Kind == text.Word && p.toks[m].my&pbStop == 0 &&
		!plStoryDet[p.toks[m].key] && !plProfDet[p.toks[m].key] && (p.caseless || !p.toks[m].cap) {
		s = m
	}
	p.add(s, i+1, result.Feature, 0.6, "FEATURE: foreign body '"+p.tokText(s, i+1)+"'")
	return i + 1
}

// plMoreJobs are occupations the lexicon and plExtraOccupations lack ("a retired copper",
// "the kid was a linebacker"); findStories hands them to professionAt, which judges
// them as it judges the others. They join plStoryKinds as psJob.
var plMoreJobs = WordSet("cop", "copper", "linebacker", "cheerleader", "lineman",
	"goalkeeper", "brickie", "custodian", "attorney", "alderman", "trooper", "airman",
	"umpire", "ghillie", "grocer", "chauffeur", "deputy", "bailiff", "croupier", "jockey",
	"groundsman", "greenkeeper", "stonemason", "thatcher", "wheelwright", "ferryman")

// plStoryFilter has bit (last byte & 63) of entry [first byte & 31][length] set when a
// trigger of that length starts and ends with such bytes: one read turns away nearly
// every other word ("his", "has" and "had" are not "hit"). A number of three to seven
// bytes that ends in b or s may be a weight ("600lb").
var plStoryFilter = func() (t [32][32]uint64) {
	for w := range plStoryKinds {
		t[w[0]&31][len(w)] |= 1 << (w[len(w)-1] & 63)
	}
	for d := byte('0'); d <= '9'; d++ {
		for n := 3; n <= 7; n++ {
			t[d&31][n] |= 1<<('b'&63) | 1<<('s'&63)
		}
	}
	return t
}()

// plStoryMay reports whether key may be a story trigger (plStoryFilter); small enough
// to inline into findStories' loop over every word.
func plStoryMay(key string) bool {
	n := len(key)
	return n >= 2 && n < 32 && plStoryFilter[key[0]&31][n]&(1<<(key[n-1]&63)) != 0
}

// plStoryKind returns the kind of the story trigger key that plStoryMay let through, or
// 0; numbers with a weight unit ("600lb", "650lbs") are psWeight.
func plStoryKind(key string) uint8 {
	n := len(key)
	if c := key[0]; c >= '0' && c <= '9' {
		if key[n-1] == 'b' && key[n-2] == 'l' || n > 3 && key[n-3:] == "lbs" {
			return psWeight
		}
		return 0
	}
	return plStoryKinds[key]
}

// plSwallowNot are things swallowed that tell nothing (medicines, food, idioms).
var plSwallowNot = WordSet("tablets", "tablet", "pills", "pill", "meds", "medication",
	"medicine", "medicines", "capsules", "capsule", "paracetamol", "it", "them", "that",
	"this", "something", "anything", "food", "water", "blood", "vomit", "pride", "words",
	"hard", "wrong", "properly", "air", "saliva", "spit", "drink", "fluids", "overdose",
	"dose", "doses", "bleach", "tongue", "gum")

// plStoryDet are the determiners and possessives before the object of a story.
var plStoryDet = WordSet("a", "an", "the", "his", "her", "their", "my", "some", "two",
	"three", "several", "one")

// plStuckPrep follow a foreign body that is stuck ("stuck up his nose", "stuck where the
// sun don't shine").
var plStuckPrep = WordSet("up", "where", "inside")

// plStuckNot are things stuck that tell nothing (people, vehicles, traffic).
var plStuckNot = WordSet("patient", "patients", "pt", "man", "woman", "lady", "guy",
	"car", "cars", "bus", "lift", "traffic", "queue", "ambulance", "ambulances", "shift",
	"phone", "door", "window", "zip", "record", "ring", "i", "we", "he", "she", "they")

// plOrgans are the organs whose transplant narrows a person down ("a lung transplant");
// kidney and cornea transplants are too common to.
var plOrgans = WordSet("heart", "lung", "lungs", "heart-lung", "face", "hand", "liver",
	"bowel", "womb", "uterus", "pancreas", "arm", "penis", "double-lung")

// plWheelEvents are what happens to a driver "at the wheel".
var plWheelEvents = WordSet("seizure", "fit", "stroke", "attack", "blackout", "hypo",
	"collapsed", "asleep", "died", "cardiac", "arrest", "mi", "faint", "fainted", "episode")

// plOffPerson are the words before "off <show>" that make it a person off the telly
// ("that lad off Gogglebox").
var plOffPerson = WordSet("lad", "lass", "guy", "bloke", "fella", "girl", "woman", "man",
	"lady", "chap", "one", "dude", "contestant", "presenter", "judge", "star", "winner",
	"guys", "lads", "girls", "couple")

// plJackpots are the prizes a win of which narrows a person down.
var plJackpots = WordSet("lottery", "jackpot", "powerball", "euromillions", "lotto",
	"megamillions", "millions", "million", "pools", "sweepstakes", "premium")

// plWaterPlaces are where a fall or a drowning narrows a person down ("fell into the
// harbour"); stairs, beds and chairs are everyday falls.
var plWaterPlaces = WordSet("harbour", "harbor", "river", "canal", "quarry", "lake", "sea",
	"well", "reservoir", "pond", "cliff", "cliffs", "roof", "silo", "shaft", "mineshaft",
	"balcony", "bridge", "pier", "crevasse", "ravine", "gorge", "waterfall", "scaffolding",
	"dock", "docks", "marina", "loch", "estuary", "weir", "lock", "pool", "hot tub", "slurry",
	"pit", "trench", "stage", "grandstand", "rollercoaster", "horse", "bull", "tractor")

// plMachines are what a person may be trapped under or run down by ("trapped under his
// quad bike", "hit by a bin lorry").
var plMachines = WordSet("tractor", "bike", "quad", "car", "van", "lorry", "truck",
	"vehicle", "machinery", "machine", "rubble", "silo", "trench", "wreckage", "combine",
	"digger", "forklift", "boat", "bus", "train", "tram", "motorbike", "motorcycle",
	"atv", "harvester", "trailer", "horse", "wall", "tree", "semi")

// plMachinesAlone are vehicles that narrow a person down even without a describing word
// ("hit by a train"); "hit by a car" needs one ("hit by a reversing delivery van").
var plMachinesAlone = WordSet("train", "tram", "bus", "tractor", "combine", "harvester",
	"forklift", "digger", "lorry", "truck", "semi")

// plBirthWords before "in the back of a taxi" make it a birth on the way in.
var plBirthWords = WordSet("delivered", "birth", "born", "gave", "delivering", "labour",
	"labor", "arrived")

// plBackVehicles are where a birth in "the back of a …" happens.
var plBackVehicles = WordSet("taxi", "cab", "car", "van", "uber", "ambulance", "bus",
	"truck", "pickup", "lorry", "minicab")

// plWreckKinds are what a wreck, accident or crash of which narrows a person down
// ("the motorbike wreck", "the trampoline accident"); car crashes are too common.
var plWreckKinds = WordSet("motorcycle", "motorbike", "boat", "plane", "helicopter",
	"tractor", "atv", "quad", "pool", "trampoline", "jetski", "jet-ski", "zipline",
	"hunting", "farming", "diving", "skiing", "climbing", "paragliding", "skydiving",
	"bouncy", "go-kart", "karting", "rodeo", "mining", "forklift", "glider", "snowmobile",
	"boating", "sledging", "sledding", "surfing", "snowboarding", "bungee", "scuba",
	"hang-gliding", "kitesurfing", "firework", "fireworks", "bonfire", "canoeing", "kayaking")

// plBusinesses are the businesses whose owner is a person described ("the pub owner").
var plBusinesses = WordSet("store", "shop", "pub", "restaurant", "cafe", "café", "bar",
	"salon", "garage", "farm", "business", "hotel", "bakery", "takeaway", "gym", "chippy",
	"diner", "deli", "boutique", "nursery", "kennels", "stables", "vineyard", "brewery",
	"ranch", "dealership", "pharmacy", "laundromat", "motel", "b&b", "bookshop", "bookstore",
	"newsagents", "corner", "florist", "butchers", "barbershop", "funeral", "club", "team")

// plHairColours are hair colours that pick a person out ("the one with the pink hair").
var plHairColours = WordSet("pink", "blue", "green", "purple", "rainbow", "orange", "neon",
	"lilac", "turquoise", "violet", "teal", "lime")

// plPresentVerbs are the verbs of presenting ("does the weather", "read the news").
var plPresentVerbs = WordSet("do", "did", "does", "doing", "read", "reads", "reading",
	"present", "presents", "presented", "presenting", "host", "hosts", "hosted")

// plOnlyNouns are the nouns of "the only <Somali> family" that make it a person or a
// household.
var plOnlyNouns = WordSet("family", "families", "household", "man", "woman", "person",
	"guy", "girl", "boy", "kid", "lady", "couple", "bloke", "lad", "child")

// plFalseParts are what make a body part distinctive ("a glass eye", "a wooden leg").
var plFalseParts = WordSet("glass", "wooden", "prosthetic", "bionic", "peg", "false", "artificial")

// plRareKinds are the words that name a kind of a rare condition ("acute intermittent
// porphyria", "wild polio").
var plRareKinds = WordSet("acute", "intermittent", "variegate", "cutaneous", "hepatic",
	"erythropoietic", "wild", "paralytic", "variant", "sporadic", "inhalational", "wound",
	"infant", "foodborne", "pulmonary", "familial")

// findStories finds events told with a verb (see plStoryKinds). It has no gate: Detect
// runs it on every post, and plStoryFilter turns away the other words.
func (p *plDoc) findStories() {
	toks := p.toks // a local slice: the loop does not read p again per word
	skip := 0      // the tokens before skip belong to a feature found
	for i := range toks {
		// Punctuation has no key: plStoryMay turns it away by its length.
		if !plStoryMay(toks[i].key) || i < skip {
			continue
		}
		if kind := plStoryKind(toks[i].key); kind != 0 {
			skip = p.storyAt(i, kind)
		}
	}
}

// storyObject returns the end of the object after token k: an optional determiner, then
// one to three words (none a stop word), or -1. It stops at punctuation, a line break or
// a word of stop.
func (p *plDoc) storyObject(k int, stop map[string]bool) (start, end int) {
	n := p.nextWord(k)
	if n < 0 {
		return -1, -1
	}
	if plStoryDet[p.toks[n].key] {
		if n = p.nextWord(n); n < 0 {
			return -1, -1
		}
	}
	start, end = n, -1
	for c := 0; c < 3 && n >= 0; c++ {
		tk := &p.toks[n]
		if p.doc.Tokens[n].Kind != text.Word || stop[tk.key] || tk.my&pbStop != 0 && c > 0 {
			break
		}
		end = n + 1
		if tk.poss {
			break
		}
		n = p.nextWord(n)
	}
	return start, end
}

// plPets are animals whose swallowed socks say nothing of a person ("my dog's x-ray").
var plPets = WordSet("dog", "dogs", "cat", "cats", "puppy", "pup", "kitten", "pooch",
	"spaniel", "labrador", "lab", "terrier", "hamster", "rabbit", "parrot", "tortoise")

// petBefore reports whether a pet is named among the ten words before token i in its
// sentence.
func (p *plDoc) petBefore(i int) bool {
	sent := p.doc.SentenceOf(p.doc.Tokens[i].Start)
	for k, n := i-1, 0; k >= 0 && n < 10 && p.doc.Tokens[k].Start >= sent.Start; k-- {
		if p.toks[k].word {
			if plPets[p.toks[k].key] {
				return true
			}
			n++
		}
	}
	return false
}

// objectIn returns the end of the object after token k (see storyObject) cut after its
// last word in set ("fell into the weir" of "fell into the weir yesterday"), or -1.
func (p *plDoc) objectIn(k int, set map[string]bool) int {
	s, e := p.storyObject(k, plStoryStop)
	for ; e > s && s >= 0; e-- {
		if set[p.toks[e-1].key] {
			return e
		}
	}
	return -1
}

// storyAt applies the rule of a story trigger at token i and returns the end of the
// feature found, or i.
func (p *plDoc) storyAt(i int, kind uint8) int {
	next, prev := p.nextWord(i), p.prevWord(i)
	key := func(k int) string {
		if k < 0 || k >= len(p.toks) {
			return ""
		}
		return p.toks[k].key
	}
	add := func(s, e int, conf float64, what string) int {
		p.add(s, e, result.Feature, conf, "FEATURE: "+what+" '"+p.tokText(s, e)+"'")
		return e
	}
	switch kind {
	case psSwallowed:
		// "swallowed a whole battery", "swallowed his false teeth": a determiner, then the thing.
		s, e := p.storyObject(i, plStoryStop)
		if e < 0 || !plStoryDet[key(next)] || plSwallowNot[key(s)] || plSwallowNot[key(e-1)] || p.toks[e-1].my&pbStop != 0 || p.petBefore(i) {
			return i
		}
		return add(i, e, 0.55, "something swallowed")
	case psStuck:
		// "a torch stuck up …": the object before, "up/where/inside" after.
		if next < 0 || !plStuckPrep[key(next)] {
			return i
		}
		if key(next) == "up" && !plStoryDet[key(p.nextWord(next))] {
			return i // "a stuck up cow": the idiom
		}
		s := prev
		for c := 0; c < 3 && s >= 0 && !plStoryDet[key(s)]; c++ {
			if p.doc.Tokens[s].Kind != text.Word || plStuckNot[key(s)] || p.toks[s].my&pbStop != 0 {
				return i
			}
			s = p.prevWord(s)
		}
		if s < 0 || !plStoryDet[key(s)] || s+1 >= i || p.petBefore(s) {
			return i
		}
		return add(s+1, i+1, 0.6, "foreign body")
	case psTransplant:
		if prev < 0 || !plOrgans[key(prev)] {
			return i
		}
		s := prev
		if k := p.prevWord(s); k >= 0 && (key(k) == "a" || key(k) == "double") {
			if k2 := p.prevWord(k); k2 >= 0 && (key(k2) == "on" || key(k2) == "for") {
				if k3 := p.prevWord(k2); k3 >= 0 && key(k3) == "waiting" {
					s = k3
				}
			}
		}
		return add(s, i+1, 0.55, "transplant")
	case psWheel:
		// "had a seizure at the wheel"
		if prev < 0 || key(prev) != "the" || key(p.prevWord(prev)) != "at" {
			return i
		}
		k := p.prevWord(p.prevWord(prev))
		for c := 0; c < 3 && k >= 0; c++ {
			if plWheelEvents[key(k)] {
				s := k
				if d := p.prevWord(s); d >= 0 && (key(d) == "a" || key(d) == "an") {
					if h := p.prevWord(d); h >= 0 && (key(h) == "had" || key(h) == "has" || key(h) == "having") {
						s = h
					}
				} else if d >= 0 && key(d) == "fell" {
					s = d
				}
				return add(s, i+1, 0.6, "event at the wheel")
			}
			k = p.prevWord(k)
		}
		return i
	case psOff:
		// "that lad off <Show>": capitalised words not a place or a street.
		if p.caseless || prev < 0 || !plOffPerson[key(prev)] || next < 0 {
			return i
		}
		e := -1
		for n, c := next, 0; n >= 0 && c < 3; c++ {
			tk := &p.toks[n]
			if !tk.cap || p.doc.Tokens[n].Kind != text.Word || tk.my&pbStop != 0 ||
				c == 0 && tk.e.Any(plPlaceFlags|lexicon.StreetSuffix|lexicon.WardUnit|lexicon.HospitalCue) {
				break // the first word may not be a place ("the man off Ward 9"); "off Strictly Dancing" is a show
			}
			e = n + 1
			n = p.nextWord(n)
		}
		if e < 0 {
			return i
		}
		return add(i, e, 0.6, "person off a show")
	case psWon:
		// "won the £2m jackpot", "scooped the lottery": a prize within five tokens.
		for j := i + 1; j < len(p.toks) && j <= i+5 && !p.doc.Tokens[j].Newline; j++ {
			if c := p.toks[j].pc; c == '.' || c == ',' || c == '!' || c == '?' || c == ';' {
				break
			}
			k := key(j)
			if plJackpots[k] && (k != "premium" || key(j+1) == "bonds") {
				return add(i, j+1, 0.6, "a big win")
			}
			if p.doc.Tokens[j].Kind == text.Alnum && plMillions(k) {
				e := j + 1 // "won the $5M Megaball": the prize's name after the sum
				for n, c := p.nextWord(j), 0; n >= 0 && c < 2 && (p.toks[n].cap || plJackpots[key(n)]) && p.doc.Tokens[n].Kind == text.Word; c++ {
					e, n = n+1, p.nextWord(n)
				}
				return add(i, e, 0.6, "a big win")
			}
		}
		return i
	case psDrowned:
		// "drowned in the family pool"; "drowned in paperwork" is a figure of speech.
		if next < 0 || key(next) != "in" && key(next) != "at" {
			return i
		}
		if e := p.objectIn(next, plWaterPlaces); e > 0 {
			return add(i, e, 0.55, "drowning")
		}
		return i
	case psFell, psTrapped:
		if next < 0 {
			return i
		}
		switch key(next) {
		case "into", "off", "from", "in", "under", "beneath", "underneath", "inside", "through":
		default:
			return i
		}
		places := plWaterPlaces
		if kind == psTrapped {
			places = plMachines
		}
		e := p.objectIn(next, places)
		if e < 0 {
			return i
		}
		return add(i, e, 0.55, "notable fall or entrapment")
	case psDrove:
		// "drove his tractor through the window"
		oe := p.objectIn(i, plMachines)
		if oe < 0 {
			return i
		}
		n := p.nextWord(oe - 1)
		if n < 0 || key(n) != "through" && key(n) != "into" && key(n) != "off" {
			return i
		}
		_, e := p.storyObject(n, plStoryStop)
		if e < 0 {
			return i
		}
		return add(i, e, 0.55, "notable crash")
	case psHit:
		// "hit by a reversing delivery van"
		if next < 0 || key(next) != "by" {
			return i
		}
		s, _ := p.storyObject(next, plStoryStop)
		e := p.objectIn(next, plMachines)
		if e < 0 || e-1 == s && !plMachinesAlone[key(s)] {
			return i
		}
		return add(i, e, 0.55, "struck by a vehicle")
	case psBack:
		// "had her baby in the back of a minicab"
		if prev < 0 || key(prev) != "the" || key(p.prevWord(prev)) != "in" || next < 0 || key(next) != "of" {
			return i
		}
		v := p.nextWord(next)
		if v >= 0 && (key(v) == "a" || key(v) == "an" || key(v) == "the" || key(v) == "his" || key(v) == "her") {
			v = p.nextWord(v)
		}
		if v < 0 || !plBackVehicles[key(v)] {
			return i
		}
		s := p.prevWord(prev)
		for k, c := p.prevWord(s), 0; k >= 0 && c < 4; c++ {
			if plBirthWords[key(k)] {
				return add(k, v+1, 0.6, "birth on the way")
			}
			k = p.prevWord(k)
		}
		return i
	case psWreck:
		if prev < 0 || !plWreckKinds[key(prev)] {
			return i
		}
		return add(prev, i+1, 0.55, "notable accident")
	case psOwner:
		// "Gerald, 54, hardware store owner", "the pub owner": whose business it is.
		if prev < 0 || !plBusinesses[key(prev)] || p.subject(prev) == 1 {
			return i
		}
		s := prev
		if k := p.prevWord(s); k >= 0 && p.doc.Tokens[k].Kind == text.Word && !p.toks[k].cap &&
			p.toks[k].my&pbStop == 0 && !plStoryDet[key(k)] && !plProfDet[key(k)] {
			s = k // "hardware store owner"
		}
		p.add(s, i+1, result.Profession, 0.6, "PROFESSION: owner of a business '"+p.tokText(s, i+1)+"'")
		return i + 1
	case psHair:
		if prev < 0 || !plHairColours[key(prev)] {
			return i
		}
		return add(prev, i+1, 0.55, "unusual hair")
	case psPresenter:
		// "used to do the weather on <channel>", "reads the news on …"
		if prev < 0 || key(prev) != "the" {
			return i
		}
		v := p.prevWord(prev)
		if v < 0 || !plPresentVerbs[key(v)] {
			return i
		}
		s, e := v, i+1
		if t := p.prevWord(v); t >= 0 && key(t) == "to" && key(p.prevWord(t)) == "used" {
			s = p.prevWord(t)
		}
		if on := p.nextWord(i); on >= 0 && key(on) == "on" {
			for n, c := p.nextWord(on), 0; n >= 0 && c < 3 && (p.toks[n].cap || p.toks[n].upper) && !p.caseless; c++ {
				e, n = n+1, p.nextWord(n)
			}
		}
		if s == v && e == i+1 {
			return i // "I read the news today": neither "used to" nor a channel
		}
		return add(s, e, 0.6, "presenter")
	case psOnly:
		// "the only Somali family in town": a minority that a town knows by sight.
		if p.caseless || next < 0 || !p.toks[next].cap || p.doc.Tokens[next].Kind != text.Word || p.toks[next].my&pbStop != 0 {
			return i
		}
		n := p.nextWord(next)
		if n < 0 || !plOnlyNouns[key(n)] {
			return i
		}
		return add(i, n+1, 0.6, "the only one of a kind")
	case psRare:
		if next >= 0 && plRareNotNext[key(next)] {
			return i
		}
		s := i
		// "acute intermittent porphyria": the words of its kind before it
		for k, c := p.prevWord(i), 0; k >= 0 && c < 2 && plRareKinds[key(k)]; c++ {
			s, k = k, p.prevWord(k)
		}
		return add(s, i+1, 0.6, "rare condition")
	case psJob:
		if p.caseless || !p.toks[i].cap || p.toks[i].sentStart {
			p.professionAt(i, i+1)
		}
		return i
	case psVehicle:
		// "her lime green motorhome": a loud colour within two words before, with
		// "bright/hot/neon" or a kind of vehicle ("camper") around it
		if next >= 0 && plVehicleNotNext[key(next)] {
			return i
		}
		s := -1
		for k, c := prev, 0; k >= 0 && c < 2 && p.doc.Tokens[k].Kind == text.Word && (p.caseless || !p.toks[k].cap); c++ {
			if plLoudColours[key(k)] {
				s = k
				if b := p.prevWord(k); b >= 0 && (key(b) == "bright" || key(b) == "hot" || key(b) == "neon" || key(b) == "lime") {
					s = b
				}
				break
			}
			k = p.prevWord(k)
		}
		if s < 0 {
			return i
		}
		return add(s, i+1, 0.55, "vehicle of a loud colour")
	case psBodyPart:
		if prev < 0 || !plFalseParts[key(prev)] {
			return p.foreignBody(i)
		}
		return add(prev, i+1, 0.6, "artificial body part")
	case psWeight:
		if p.doc.Tokens[i].Kind == text.Alnum {
			if plLeadingNumber(p.toks[i].lw) >= 400 {
				return add(i, i+1, 0.55, "notable weight")
			}
			return i
		}
	}
	return i
}

// plStoryStop end the object of a story ("swallowed a battery AND …").
var plStoryStop = WordSet("and", "or", "but", "in", "on", "at", "to", "from", "with",
	"into", "off", "through", "then", "when", "while", "because", "so", "last", "this",
	"yesterday", "today", "tonight", "after", "before", "by", "of", "for", "who", "which",
	"that", "he", "she", "they", "was", "is", "were", "had", "has", "again", "twice")

// plLeadingNumber returns the value of the digits that start s (at most six).
func plLeadingNumber(s string) int {
	v := 0
	for k := 0; k < len(s) && k < 6 && s[k] >= '0' && s[k] <= '9'; k++ {
		v = v*10 + int(s[k]-'0')
	}
	return v
}

// plMillions reports whether s, a token that starts with a digit, is a sum in millions
// ("2m", "5mil"; "1.5m" reaches it as "5m").
func plMillions(s string) bool {
	n := len(s)
	return n >= 2 && s[0] >= '0' && s[0] <= '9' && (s[n-1] == 'm' || n > 3 && s[n-3:] == "mil")
}

// plConditionAfterJob are the body parts and complaints of a condition named
// for a job in the possessive ("boxer's fracture", "housemaid's knee",
// "farmer's lung", "gamekeeper's thumb").
var plConditionAfterJob = WordSet("fracture", "fractures", "knee", "knees", "elbow", "thumb", "lung",
	"ear", "foot", "hand", "wrist", "shoulder", "cough", "cramp", "itch", "nodules", "bunion", "palsy",
	"disease", "syndrome", "finger", "toe", "hip", "back", "neck", "rash", "eye", "cyst", "bursitis")

// plOnePersonJobs before a list of jobs make them one person's.
var plOnePersonJobs = WordSet("a", "an", "is", "was", "as", "am", "are", "retired", "former")

// healthListAt reports an occupation at [s, e) listed beside a health role,
// joined by a comma, "and", "&" or "or" ("HCAs, nurses, housekeepers",
// "nurses, cleaners and porters"): the staff of a ward.
func (p *plDoc) healthListAt(s, e int) bool {
	joined := func(k int) bool {
		return k >= 0 && k < len(p.toks) && (p.isPunct(k, ',') || p.isPunct(k, '&') ||
			p.toks[k].key == "and" || p.toks[k].key == "or")
	}
	if k := s - 1; joined(k) {
		if w := k - 1; w >= 0 && p.toks[w].word && p.toks[w].e.Any(lexicon.HealthRole) {
			return true
		}
	}
	// forward only where no "a/an/is" makes it one person's jobs ("her son is a
	// firefighter, nurse and dad")
	if k := e; joined(k) && !plOnePersonJobs[p.lwAt(p.prevWord(s))] {
		if w := k + 1; w < len(p.toks) && p.toks[w].word && p.toks[w].e.Any(lexicon.HealthRole) {
			return true
		}
	}
	return false
}
