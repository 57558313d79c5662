package detect

import (
	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// dtGenderNoun words after "94 yrs" make it an age ("94 yrs female").
var dtGenderNoun = wordSetOf("male", "female", "man", "woman", "boy", "girl", "lady", "gentleman",
	"gent", "m", "f", "pt", "patient", "old", "yo", "y/o")

// dtAgePrevCue words before a bare "94 yrs" make it an age ("pt 94yrs, lives alone").
var dtAgePrevCue = wordSetOf("pt", "patient", "aged", "age", "she's", "he's", "i'm", "is", "was",
	"lady", "man", "woman", "gentleman", "gent", "mum", "dad", "nan", "gran", "grandad", "grandma",
	"female", "male", "f", "m", "son", "daughter", "baby", "boy", "girl", "husband", "wife")

// dtMFNext words may follow "72M" / "72 F" ("72M with chest pain").
var dtMFNext = wordSetOf("with", "pmh", "pmhx", "hx", "h", "admitted", "presenting", "presented",
	"presents", "c", "s", "who", "known", "bib", "brought", "from", "w", "pt", "patient", "had",
	"has", "was", "is", "came", "comes", "collapsed", "fell", "found", "post", "readmitted",
	"transferred", "referred", "complaining", "history", "nh", "nursing", "resident", "lives",
	"living", "on", "in", "at", "fall", "sob", "cp", "ams", "sepsis", "dementia", "frail", "nkda")

// dtMFPrevNot words before "72M" make it something else ("size 16F", "temp 98F").
var dtMFPrevNot = wordSetOf("size", "temp", "temperature", "t", "fever", "pyrexia", "bed", "bay",
	"room", "ward", "no", "number", "level", "floor", "gate", "flat", "apt", "unit", "suite",
	"block", "row", "seat", "page", "grade", "band", "step", "model", "type", "the")

// ageAfterNumber matches an age written after its number at Number token i:
// "94-year-old", "94 years old", "94 yo", "94 y/o", "3 week old", "72 M".
func (s *dtScan) ageAfterNumber(i, v, nd int) int {
	if v > 125 {
		return 0
	}
	str := s.norm
	if e := s.toks[i].End; e+1 < len(str) && dtIsDigit(str[e+1]) {
		return 0
	}
	j := i + 1
	if s.pc(j) == '/' && s.adj(j) && s.adj(j+1) {
		// "72/M"
		if s.mfLetter(j+1) && s.nextIsEnd(j+2) && v >= 1 && !dtMFPrevNot.has(s.pw(i)) {
			return s.emit(i, j+2, result.Age, 0.75, "age N/M or N/F")
		}
		return 0
	}
	if s.pc(j) == '-' && s.adj(j) && s.adj(j+1) {
		j++
	}
	if s.kind(j) != text.Word {
		return 0
	}
	switch w := s.lw(j); w {
	case "yo", "yof", "yom":
		return s.emit(i, j+1, result.Age, 0.9, "age N yo")
	case "y":
		if (s.pc(j+1) == '/' || s.pc(j+1) == '.') && s.adj(j+1) && s.lw(j+2) == "o" && s.adj(j+2) {
			end := j + 3
			if s.pc(j+1) == '.' && s.pc(end) == '.' && s.adj(end) {
				end++
			}
			return s.emit(i, end, result.Age, 0.9, "age N y/o")
		}
	case "year", "years", "yr", "yrs":
		k := j + 1
		if s.pc(k) == '-' && s.adj(k) && s.adj(k+1) {
			k++
		}
		switch nw := s.lw(k); {
		case nw == "old" || nw == "olds":
			if dtThingNoun.has(s.lw(k + 1)) {
				return 0
			}
			conf := 0.92
			if nw == "olds" {
				conf = 0.8
			}
			return s.emit(i, k+1, result.Age, conf, "age N-year-old")
		case nw == "young" && (w == "years" || w == "yrs") && !dtThingNoun.has(s.lw(k+1)):
			// "88 years young": the cheerful way of giving an age
			return s.emit(i, k+1, result.Age, 0.85, "age N years young")
		case nw == "of" && s.lw(k+1) == "age":
			return s.emit(i, k+2, result.Age, 0.9, "age N years of age")
		case dtGenderNoun.has(nw) && s.kind(k) == text.Word:
			if (nw == "m" || nw == "f") && !s.mfLetter(k) {
				return 0
			}
			return s.emit(i, j+1, result.Age, 0.85, "age N years with sex")
		case (w == "yrs" || w == "yr") && dtAgePrevCue.has(s.pw(i)) && s.nextIsEnd(k):
			return s.emit(i, j+1, result.Age, 0.75, "age N yrs after a person")
		}
	case "month", "months", "mth", "mths", "mo", "mos", "week", "weeks", "wk", "wks", "day", "days",
		"hour", "hours":
		k := j + 1
		if s.pc(k) == '-' && s.adj(k) && s.adj(k+1) {
			k++
		}
		if s.lw(k) != "old" {
			if (w == "weeks" || w == "wks") && s.lw(i-1) == "at" && (s.lw(i-2) == "born" || dtGestationNext.has(s.lw(j+1))) {
				// "born at 24 weeks", "came to us at 25 weeks weighing 700g": a baby's age at birth
				return s.emit(i, j+1, result.Age, 0.65, "age: born at N weeks")
			}
			return 0
		}
		next := s.lw(k + 1)
		if dtThingNoun.has(next) {
			return 0
		}
		for b := i - 1; b >= 0 && b >= i-5; b-- {
			if dtThingNoun.has(s.lw(b)) {
				return 0
			}
		}
		conf := 0.62
		switch {
		case dtPersonNoun.has(next):
			conf = 0.9
		case s.nextIsEnd(k + 1):
			conf = 0.72
		}
		return s.emit(i, k+1, result.Age, conf, "age N-week-old")
	case "m", "f":
		if j != i+1 || !s.mfLetter(j) || v < 1 || dtMFPrevNot.has(s.pw(i)) {
			return 0
		}
		if !s.nextIsEnd(j+1) && !dtMFNext.has(s.lw(j+1)) && !s.occupationAt(j+1) {
			return 0
		}
		conf := 0.68
		if v < 16 {
			conf = 0.55
		}
		return s.emit(i, j+1, result.Age, conf, "age N M/F")
	}
	return 0
}

// mfLetter reports whether token j is a single capital M or F.
func (s *dtScan) mfLetter(j int) bool {
	if j >= len(s.toks) || s.toks[j].End-s.toks[j].Start != 1 {
		return false
	}
	c := s.norm[s.toks[j].Start]
	return c == 'M' || c == 'F'
}

// alnumAge handles "94yo", "94yrs old", "94y/o", "72M" at Alnum token i.
func (s *dtScan) alnumAge(i, v int, suf string) int {
	if v > 125 || v < 1 {
		return 0
	}
	j := i + 1
	switch suf {
	case "yo", "yom", "yof", "yearold", "yearsold":
		return s.emit(i, i+1, result.Age, 0.9, "age Nyo")
	case "y":
		if s.pc(j) == '/' && s.adj(j) && s.lw(j+1) == "o" && s.adj(j+1) {
			return s.emit(i, j+2, result.Age, 0.9, "age N y/o")
		}
		fallthrough
	case "yrs", "yr":
		if s.pc(j) == '-' && s.adj(j) {
			j++
		}
		switch nw := s.lw(j); {
		case nw == "old":
			return s.emit(i, j+1, result.Age, 0.9, "age N-year-old")
		case dtGenderNoun.has(nw) && s.kind(j) == text.Word:
			if (nw == "m" || nw == "f") && !s.mfLetter(j) {
				return 0
			}
			return s.emit(i, i+1, result.Age, 0.85, "age N years with sex")
		}
		if pw := s.pw(i); pw == "aged" || pw == "age" {
			return s.emit(s.prevWord(i), i+1, result.Age, 0.88, "age aged N")
		} else if dtAgePrevCue.has(pw) && s.nextIsEnd(i+1) {
			return s.emit(i, i+1, result.Age, 0.75, "age N yrs after a person")
		}
	case "m", "f":
		t := s.toks[i]
		if c := s.norm[t.End-1]; c != 'M' && c != 'F' {
			return 0
		}
		if dtMFPrevNot.has(s.pw(i)) || dtCatheterNext.has(s.lw(j)) {
			return 0
		}
		if !s.nextIsEnd(j) && !dtMFNext.has(s.lw(j)) && !s.occupationAt(j) {
			return 0
		}
		conf := 0.72
		if v < 16 {
			conf = 0.55
		}
		return s.emit(i, i+1, result.Age, conf, "age NM/F")
	}
	return 0
}

// ageBeforeNumber matches an age cued before its number at Number token i:
// "aged 94", "age: 94", "at the age of 61", "a man of 94", "she's 94",
// "she was 94", "turned 50", "died at 94".
func (s *dtScan) ageBeforeNumber(i, v int) int {
	if v < 1 || v > 125 {
		return 0
	}
	str := s.norm
	if e := s.toks[i].End; e+1 < len(str) && dtIsDigit(str[e+1]) {
		switch str[e] {
		case '.', ',', '/', ':':
			return 0
		}
	}
	if c := s.pc(i + 1); c == '%' || c == '+' {
		return 0
	}
	p := s.prevWord(i)
	if p < 0 {
		return 0
	}
	if a := s.lw(p); (a == "only" || a == "just") && s.pc(p-1) == ',' && v <= 110 && s.nextIsEnd(i+1) &&
		s.pc(i+1) != '/' && s.pc(i+1) != ':' && s.kind(p-2) == text.Word && (dtApposHead.has(s.lw(p-2)) ||
		s.toks[p-2].Shape&text.Title != 0 && s.prevWord(p-2) >= 0 && !dtIsKeyword(s.lw(p-2))) {
		// "RIP to the lad, only 17.", "Kayden, just 4, …": an age set off after a person
		return s.emit(i, i+1, result.Age, 0.65, "age: ', only N' after a person")
	}
	if dtAgeAdverb.has(s.lw(p)) {
		// "she was only 19", "aged just 17": the cue stands before the adverb
		if p = s.prevWord(p); p < 0 {
			return 0
		}
	}
	switch pw := s.lw(p); pw {
	case "aged", "age":
		if s.ageRange(i) || pw == "age" && dtAgeNotAge.has(s.lw(p-1)) {
			return 0
		}
		if s.unitAfter(i+1) && !s.yearsUnit(i+1) {
			return 0
		}
		conf := 0.9
		if pw == "age" {
			conf = 0.85
		}
		return s.emit(p, i+1, result.Age, conf, "age aged N")
	case "of":
		pp := s.prevWord(p)
		ppw := s.lw(pp)
		if ppw == "age" {
			if s.ageRange(i) || dtAgeNotAge.has(s.lw(pp-1)) && s.lw(pp-1) != "the" {
				return 0
			}
			if s.lw(pp-1) == "the" && dtAgeNotAge.has(s.lw(pp-2)) && s.lw(pp-2) != "the" {
				return 0
			}
			if s.unitAfter(i+1) && !s.yearsUnit(i+1) {
				return 0
			}
			return s.emit(pp, i+1, result.Age, 0.85, "age at the age of N")
		}
		if dtAgeOfHead.has(ppw) && s.ageNextOK(i+1) {
			return s.emit(i, i+1, result.Age, 0.78, "age a man of N")
		}
	case "turned", "turning", "turns", "turn":
		if s.ageNextOK(i + 1) {
			return s.emit(i, i+1, result.Age, 0.75, "age turned N")
		}
	case "she's", "he's", "i'm", "im", "shes", "hes", "you're", "youre":
		if s.ageNextOK(i+1) && !((pw == "you're" || pw == "youre") && dtAgeRuleWords.has(s.pw(p))) &&
			!(s.yearsUnit(i+1) && dtYearsServed.has(s.lw(i+2))) {
			return s.emit(i, i+1, result.Age, 0.7, "age she's N")
		}
	case "is", "was", "am", "be":
		if dtAgeVerbSubj.has(s.pw(p)) && s.ageNextOK(i+1) {
			return s.emit(i, i+1, result.Age, 0.7, "age she is N")
		}
		// "DD is 5 and…", "DS is 14 months": a forum's word for the poster's child
		if pw == "is" && v <= 18 && dtForumChild.has(s.pw(p)) && s.toks[s.prevWord(p)].Shape&text.Upper != 0 {
			if s.yearsUnit(i+1) || s.lw(i+1) == "months" || s.lw(i+1) == "weeks" {
				return s.emit(i, i+2, result.Age, 0.7, "age: a forum's child 'DD is N <unit>'")
			}
			if s.ageNextOK(i + 1) {
				return s.emit(i, i+1, result.Age, 0.7, "age: a forum's child 'DD is N'")
			}
		}
	default:
		// "dad's only 17", "the patient's 94": a person noun with "'s" for "is"
		if n := len(pw); n > 3 && pw[n-2:] == "'s" && dtAgeVerbSubj.has(pw[:n-2]) && (s.adverbBefore(i, p) ||
			v >= 2 && s.nextIsEnd(i+1) || dtAgeSubjSafeNext.has(s.lw(i+1))) && s.ageNextOK(i+1) {
			return s.emit(i, i+1, result.Age, 0.65, "age mum's N")
		}
		// "her mum just 19 and coping", "his dad only 45": a person noun, an adverb of age
		// and a number that ends the clause or goes on with "and" (a unit after it,
		// "mum only 2 days post-op", is no age)
		if v >= 12 && v <= 110 && s.adverbBefore(i, p) && dtAgeVerbSubj.has(pw) && s.kind(p) == text.Word &&
			(s.nextIsEnd(i+1) && s.pc(i+1) != '/' && s.pc(i+1) != ':' || s.lw(i+1) == "and" && s.kind(i+1) == text.Word) {
			return s.emit(i, i+1, result.Age, 0.62, "age: a person noun, 'only N'")
		}
	case "are":
		// "madam you are 91 and climbing the bed rails", as "you're 91"; "when you are 18" is a rule.
		if s.pw(p) == "you" && v >= 16 && s.ageNextOK(i+1) && !dtAgeRuleWords.has(s.pw(s.prevWord(p))) {
			return s.emit(i, i+1, result.Age, 0.65, "age you are N")
		}
	case "about", "around", "maybe", "roughly", "approx", "approximately", "probably", "possibly":
		// "a gentleman called Derek, about 70, found wandering", "the lad
		// was maybe 19": a guessed age, set off by commas or said of a
		// person named just before.
		if v >= 12 && v <= 110 && s.nextIsEnd(i+1) && s.pc(i+1) != '/' && s.pc(i+1) != ':' && s.personBefore(p) {
			return s.emit(i, i+1, result.Age, 0.62, "age: guessed age of a person ('"+s.lw(p)+" N')")
		}
	case "at":
		// "at 93 she still drives", "At 19, he was …": an age the sentence then tells of
		if v >= 16 && v <= 110 {
			n := i + 1
			if s.pc(n) == ',' {
				n++
			}
			// at the start of a clause, or "… she still": "see you at 20 he said" is a time
			if w := s.lw(n); (w == "she" || w == "he") && s.kind(n) == text.Word && (s.prevWord(p) < 0 || s.lw(n+1) == "still") {
				return s.emit(i, i+1, result.Age, 0.6, "age: at N she …")
			}
		}
		switch s.pw(p) {
		case "died", "passed", "retired", "married", "widowed", "diagnosed", "away":
			if s.ageNextOK(i + 1) {
				return s.emit(i, i+1, result.Age, 0.7, "age died at N")
			}
		}
		// "diagnosed with coeliac at 29.", "my autism diagnosis at 40 and …": a diagnosis a
		// few words back; the number must close the clause, so "diagnosed at 11 this
		// morning" and "diagnosed at 3.30" stay times
		if v >= 2 && v <= 100 && (s.nextIsEnd(i+1) && s.pc(i+1) != '/' && s.pc(i+1) != ':' ||
			s.kind(i+1) == text.Word && (s.lw(i+1) == "and" || s.lw(i+1) == "but")) && s.diagnosisBefore(p) {
			return s.emit(i, i+1, result.Age, 0.62, "age: diagnosed with X at N")
		}
	}
	return 0
}

// dtAgeSubjSafeNext may follow "mum's N" without an adverb ("my grandad's 90 today");
// "and" or "with" may start a list of what mum has ("mum's 2 and 4 year olds").
var dtAgeSubjSafeNext = wordSetOf("today", "tomorrow", "now", "next", "this", "soon", "already", "yet")

// adverbBefore reports whether an adverb of age stands between the cue at token p and
// the number at token i ("dad's only 17"): without one, "mum's 19" may be a possession.
func (s *dtScan) adverbBefore(i, p int) bool {
	return p < i-1 && dtAgeAdverb.has(s.lw(s.prevWord(i)))
}

// personBefore reports whether the words before the hedge at token p name or
// describe a person: a capitalised name or title set off by a comma
// ("Derek, about 70"), or a verb that gives an age with a person noun among
// the six words before the hedge ("the lad was maybe 19").
func (s *dtScan) personBefore(p int) bool {
	k := p - 1
	if s.pc(k) == ',' {
		if w := k - 1; w >= 0 && s.toks[w].Kind == text.Word && (s.toks[w].Shape&(text.Title|text.Mixed) != 0 || dtApposHead.has(s.lw(w))) {
			if _, kw := dtWords.get(s.lw(w)); !kw {
				return true
			}
		}
	}
	// Otherwise the hedge must follow a verb that gives an age ("the lad was
	// maybe 19"), not a count ("the man said there were about 40").
	switch s.lw(k) {
	case "was", "is", "looked", "looks", "looking", "look", "aged", "age":
	default:
		return false
	}
	for n := 0; k >= 0 && n < 6; k-- {
		if s.toks[k+1].Newline {
			return false
		}
		if s.toks[k].Kind != text.Word {
			continue
		}
		n++
		if w := s.lw(k); dtApposHead.has(w) || dtAgeVerbSubj.has(w) {
			return true
		}
	}
	return false
}

// yearsUnit reports whether token j is "years"/"yrs"/"months"... (an age unit).
func (s *dtScan) yearsUnit(j int) bool {
	switch s.lw(j) {
	case "years", "yrs", "year", "yr", "months", "month", "weeks", "week", "days", "day", "y", "yo":
		return true
	}
	return false
}

// ageNextOK reports whether token j may follow a bare age ("she's 94 today").
func (s *dtScan) ageNextOK(j int) bool {
	if s.nextIsEnd(j) {
		return s.pc(j) != '/' && s.pc(j) != ':'
	}
	return s.kind(j) == text.Word && dtAgeSafeNext.has(s.lw(j))
}

// ageRange reports whether an age range or bound follows token i ("18-65",
// "18 to 65", "18 and over", "18+").
func (s *dtScan) ageRange(i int) bool {
	j := i + 1
	switch {
	case s.pc(j) == '+':
		return true
	case s.pc(j) == '-' || s.lw(j) == "to":
		return s.kind(j+1) == text.Number
	case s.lw(j) == "and" || s.lw(j) == "or":
		switch s.lw(j + 1) {
		case "over", "under", "above", "below", "older", "younger", "up":
			return true
		}
	}
	return false
}

// ageDecade matches "in her 90s", "in his late 80s", "in her mid-80s", "in
// their nineties": tokens [i, end) are the decade.
func (s *dtScan) ageDecade(i, end int) int {
	k := i - 1
	if s.pc(k) == '-' && s.adj(i) {
		k--
	}
	switch s.lw(k) {
	case "early", "mid", "late", "middle":
		k--
	}
	if s.kind(k) != text.Word || !dtPossessive.has(s.lw(k)) {
		// "a patient (70s, retired pastor)", "Hispanic male, mid-20s,
		// wearing": a decade set off by a bracket or commas after a person
		// noun describes the person.
		open, c := s.pc(k), s.pc(end)
		pw := s.lw(k - 1)
		person := dtPersonNoun.has(pw) || dtApposHead.has(pw) || dtOccupation(pw)
		if !person && !dtDecadeNext.has(s.lw(end+1)) {
			return 0 // "playlist (80s, 90s …)", "music, late-80s,": eras
		}
		if k < i-1 && open == ',' && (c == ',' || s.nextIsEnd(end)) || k == i-1 && open == '(' && c == ',' {
			return s.emit(k+1, end, result.Age, 0.62, "age: decade of life set off")
		}
		// "Grandpa, 80s, carried them out", "the postman, 50s, was found": a
		// bare decade set off right after a person noun.
		if k == i-1 && open == ',' && c == ',' && person && s.kind(end+1) != text.Number && s.kind(k-1) == text.Word {
			return s.emit(i, end, result.Age, 0.6, "age: decade set off after a person noun")
		}
		return 0
	}
	start := k
	if s.lw(k-1) == "in" {
		start = k - 1
	}
	return s.emit(start, end, result.Age, 0.85, "age decade of life")
}

// diagnosisBefore reports whether "diagnosed"/"diagnosis" stands among the four words
// before token p in the same sentence.
func (s *dtScan) diagnosisBefore(p int) bool {
	for k, c := s.prevWord(p), 0; k >= 0 && c < 4; c++ {
		switch s.lw(k) {
		case "diagnosed", "diagnosis", "dx'd", "dxd":
			return true
		}
		k = s.prevWord(k)
	}
	return false
}

// dtForumChild are a parenting forum's words for the poster's children: dear son, dear
// daughter, step-, grand-, numbered by age ("DS1", "DD2").
var dtForumChild = wordSetOf("ds", "dd", "ds1", "ds2", "ds3", "dd1", "dd2", "dd3", "dss", "dsd",
	"dgs", "dgd")

// dtYearsServed after "I'm N years" make the years a span of a career or a
// stage, not an age ("I'm 6 years qualified", "she's 2 years into her PhD").
var dtYearsServed = wordSetOf("qualified", "into", "in", "post", "postqualification", "experience",
	"experienced", "sober", "clean", "married", "older", "younger", "ahead", "behind", "out", "since",
	"deep", "away", "off", "late", "early", "registered", "practising", "practicing", "licensed",
	"clear", "free", "diagnosed", "retired", "widowed", "divorced")

// dtAgeRuleWords before "you're N" make it a rule, not a person's age
// ("when you're 18").
var dtAgeRuleWords = wordSetOf("when", "if", "until", "till", "til", "once", "before", "unless")

// dtBirthdayNext words may follow a person's ordinal that is a birthday
// ("Mum's 60th in Bath", "her 40th on Saturday").
var dtBirthdayNext = wordSetOf("in", "at", "on", "as", "today", "tomorrow", "tmrw", "this", "next", "last", "bash",
	"do", "celebrations", "weekend", "yesterday", "tonight", "is", "was")

// dtAnniversaryNext words after an ordinal make it a count of years of
// something other than a life ("35th anniversary", "40th wedding").
var dtAnniversaryNext = wordSetOf("anniversary", "anniversaries", "wedding", "season", "edition", "annual")

// dtAgeAndNext words after "N and" make a bare age set off after a person
// ("Mr Smith, 91 and still flirting").
// dtAgeLifeNext are the facts of a life that, after a number opening a sentence, make it
// an age ("84, widowed last year", "13, lost two fingers").
var dtAgeLifeNext = wordSetOf("husband", "wife", "widow", "widower", "widowed", "lives",
	"lived", "lost", "died", "never", "divorced", "ejected",
	"unrestrained", "intoxicated", "collapsed", "alone", "mum", "dad", "grandad", "grandma")

// dtAgeNoNext after "N, no" make it an age ("16, no helmet", "91, no family").
var dtAgeNoNext = wordSetOf("licence", "license", "id", "kids", "children", "family",
	"helmet", "seatbelt", "pmh", "history", "next")

// dtAgeAndStill after "N and" make a number opening a clause an age ("97 and sharper than
// all of us", "89 and still beating us at cards").
var dtAgeAndStill = wordSetOf("still", "sharper", "fitter", "sharp", "fit", "living", "lives")

var dtAgeAndNext = wordSetOf("still", "lives", "living", "sharp", "fit", "never", "going")

// dtApposHead are person nouns a bare age may follow, set off by a comma or
// bracket ("our resident (ex-soldier, 96, …)").
var dtApposHead = wordSetOf("man", "woman", "lady", "gentleman", "gent", "chap", "fella", "bloke", "guy",
	"lad", "lass", "girl", "boy", "patient", "resident", "widow", "widower", "veteran", "soldier",
	"grandad", "granddad", "grandpa", "grandma", "gran", "nan", "nana", "mum", "mom", "dad", "husband",
	"wife", "son", "daughter", "sister", "brother", "uncle", "aunt", "auntie", "pensioner")

// dtBirthdayWords before or after an ordinal make it an age: "Happy 40th",
// "her 90th birthday".
var dtBirthdayWords = wordSetOf("happy", "birthday", "bday", "b'day", "birthdays", "party", "celebrating", "celebrates", "celebrated")

// birthdayOrdinal matches an age given as a birthday ordinal at Alnum token
// i: "Happy 40th", "Nan's 90th birthday", "his 18th".
func (s *dtScan) birthdayOrdinal(i, v int) int {
	if v < 1 || v > 115 {
		return 0
	}
	if dtAnniversaryNext.has(s.lw(i + 1)) {
		return 0 // "Happy 35th anniversary": years of a marriage or a job, not an age
	}
	if dtBirthdayWords.has(s.lw(i-1)) || dtBirthdayWords.has(s.lw(i+1)) {
		return s.emit(i, i+1, result.Age, 0.75, "age: birthday ordinal")
	}
	// "Mum's 60th in Bath", "visiting Gran for her 88th!": a person's
	// ordinal with no noun after it is a birthday.
	if v >= 16 && s.possessivePerson(i-1) && (s.nextIsEnd(i+1) || dtBirthdayNext.has(s.lw(i+1))) {
		return s.emit(i, i+1, result.Age, 0.65, "age: a person's ordinal ('her 88th')")
	}
	return 0
}

// possessivePerson reports whether token j is a possessive pronoun or a
// person word with 's ("her", "Mum's", "Dad's", "Jo's").
func (s *dtScan) possessivePerson(j int) bool {
	if j < 0 || s.kind(j) != text.Word {
		return false
	}
	if dtPossessive.has(s.lw(j)) {
		return true
	}
	w := s.lw(j)
	return len(w) > 2 && w[len(w)-2:] == "'s" && (dtAgeVerbSubj.has(w[:len(w)-2]) || s.toks[j].Shape&text.Title != 0)
}

// dtConditionStart are words that start a diagnosis after a bare age
// (", 58, bowel cancer", ", 67, end stage liver").
var dtConditionStart = wordSetOf("end", "end-stage", "terminal", "metastatic", "stage", "advanced",
	"bowel", "breast", "lung", "prostate", "pancreatic", "ovarian", "cervical", "liver", "kidney",
	"renal", "heart", "cardiac", "copd", "dementia", "alzheimer's", "alzheimers", "parkinson's",
	"parkinsons", "stroke", "sepsis", "mnd", "als", "motor", "cancer", "leukaemia", "leukemia",
	"lymphoma", "t1dm", "t2dm", "diabetic", "cf", "hiv", "aids", "overdose", "od", "cardiomyopathy",
	"ca", "chf", "ckd", "esrd", "dka", "mi", "nstemi", "stemi", "pe", "dvt", "copd/asthma", "asthma")

// apposAge matches a bare age set off after a person: "Mrs Edna Pritchard,
// 94, from Aylsham", "Mrs Kowalczyk (92)", "Gerald, 54, hardware store
// owner". The word before the comma or bracket must be a capitalised word
// (a name or a title), and the number must stand alone up to a comma, a
// closing bracket, a full stop or the end.
func (s *dtScan) apposAge(i, v int) int {
	if v < 1 || v > 115 {
		return 0
	}
	open := s.pc(i - 1)
	if open == '(' && v >= 16 {
		// "(82, ex-RAF", "(92!)": a bracketed number that stands alone
		switch c := s.pc(i + 1); c {
		case ',', ')', '!':
			if (s.kind(i-2) != text.Number || c != ')') && !(c == ')' && s.kind(i+2) == text.Number) {
				return s.emit(i, i+1, result.Age, 0.6, "age: bracketed number after a person")
			}
		}
	}
	// "my little patient Freya (5)", "our grandson Leo (3)": a child's age in brackets
	// after a name, with a word for a child before the name
	if open == '(' && v >= 1 && v < 16 && s.pc(i+1) == ')' && s.kind(i-2) == text.Word &&
		s.toks[i-2].Shape&text.Title != 0 && s.childBefore(i-2) {
		return s.emit(i, i+1, result.Age, 0.6, "age: bracketed number after a child's name")
	}
	// "DS (9) wants to quit", "my DD1 (4)": a parenting forum's "dear son/daughter"
	// with the child's age in brackets
	if open == '(' && v < 16 && s.pc(i+1) == ')' && dtForumChild.has(s.lw(i-2)) {
		return s.emit(i, i+1, result.Age, 0.6, "age: bracketed number after DS/DD")
	}
	// "Another one for us. 96, dementia, for full escalation": a sentence that opens
	// with a number set off before a condition describes a patient.
	if (i == 0 || s.toks[i].Newline || open == '.' || open == '!' || open == '?') && s.pc(i+1) == ',' &&
		v >= 16 && v <= 110 && dtConditionStart.has(s.lw(i+2)) && s.kind(i+3) != text.Number {
		return s.emit(i, i+1, result.Age, 0.6, "age: a sentence opening with a number before a condition '"+s.lw(i+2)+"'")
	}
	// "Nobody visits. 84, widowed last year", "16, no helmet": a sentence
	// that opens with a number set off before a fact of a life.
	sentOpen := i == 0 || s.toks[i].Newline || open == '.' || open == '!' || open == '?' ||
		s.toks[i-1].Kind == text.Punct && s.norm[s.toks[i-1].Start] >= 0x80 // an emoji
	if sentOpen && s.pc(i+1) == ',' && v >= 12 && v <= 110 && s.kind(i+2) == text.Word &&
		(dtAgeLifeNext.has(s.lw(i+2)) || s.lw(i+2) == "no" && dtAgeNoNext.has(s.lw(i+3))) {
		return s.emit(i, i+1, result.Age, 0.6, "age: a sentence opening with a number before a fact of a life '"+s.lw(i+2)+"'")
	}
	// "💕 97 and sharper than all of us", "Bed 2, 89 and still beating us at cards"
	if (sentOpen || open == ',' && (s.kind(i-2) != text.Number || v >= 40)) && v >= 16 && v <= 110 &&
		s.lw(i+1) == "and" && s.kind(i+1) == text.Word && dtAgeAndStill.has(s.lw(i+2)) {
		return s.emit(i, i+1, result.Age, 0.6, "age: N and still …")
	}
	if open != ',' && open != '(' {
		if n := s.ageByBed(i, v); n > 0 {
			return n
		}
		return s.birthdayAge(i, v)
	}
	// "we lost on our ward last night, 58, bowel cancer": a number set off by
	// commas right before a condition.
	if open == ',' && s.pc(i+1) == ',' && v >= 16 && v <= 110 && s.toks[i].Space && dtConditionStart.has(s.lw(i+2)) &&
		s.kind(i-2) != text.Number && s.kind(i+3) != text.Number {
		return s.emit(i, i+1, result.Age, 0.6, "age: bare number set off before a condition '"+s.lw(i+2)+"'")
	}
	// "an older chap in majors this morning, 67, from out past the ring road": a number set
	// off by commas before where or who the person is, with a person noun before it.
	if open == ',' && s.pc(i+1) == ',' && v >= 16 && v <= 110 && dtAgeFromNext.has(s.lw(i+2)) &&
		s.kind(i+3) != text.Number && s.kind(i-2) != text.Number && s.personNounBefore(i-1, 10) {
		return s.emit(i, i+1, result.Age, 0.6, "age: bare number set off after a person noun, before '"+s.lw(i+2)+"'")
	}
	w := i - 2
	if w < 0 || s.toks[w].Kind != text.Word || !s.toks[i].Space && open == ',' {
		return 0
	}
	sh := s.toks[w].Shape
	// A person noun, or an occupation held before ("ex-miner", "retired
	// vicar"): "our resident (ex-soldier, 96, …)", "sweet man, 88 and …".
	head := dtApposHead.has(s.lw(w)) || s.pc(w-1) == '-' && s.adj(w) && s.lw(w-2) == "ex" ||
		s.lw(w-1) == "retired" || s.lw(w-1) == "former" || dtOccupation(s.lw(w))
	if !head && sh&(text.Title|text.Mixed) == 0 && !(s.doc.AllCaps && sh&text.Upper != 0) || s.toks[w].Newline && w == 0 {
		return 0
	}
	if _, kw := dtWords.get(s.lw(w)); kw {
		return 0 // "March, 94" or "Tuesday (3)": dates and lists
	}
	// "the baby girl, 18 months, …", "her son (3 years) …": an age with its
	// unit set off after a child noun (after a name or an adult, "Jones, 6
	// weeks," is as often how long someone has waited).
	if u := s.lw(i + 1); dtChildNoun.has(s.lw(w)) && dtAgeUnit.has(u) && s.kind(i+1) == text.Word {
		c := s.pc(i + 2)
		if open == ',' && (c == ',' || s.nextIsEnd(i+2) && c != '/' && c != ':') || open == '(' && c == ')' {
			if s.kind(i-3) != text.Number && s.kind(i+3) != text.Number {
				return s.emit(i, i+2, result.Age, 0.65, "age: N "+u+" set off after a person")
			}
		}
		return 0
	}
	closeOK := false
	switch c := s.pc(i + 1); {
	case i+1 >= len(s.toks):
		closeOK = open == ','
	case open == '(' && c == ')':
		closeOK = v >= 16
	case open == ',' && (c == ',' || c == '.' || c == ';'):
		closeOK = v >= 2
	case open == ',' && c == '!':
		closeOK = true
	case open == ',' && c == 0 && (s.lw(i+1) == "today" || s.lw(i+1) == "tomorrow") &&
		(s.nextIsEnd(i+2) || s.lw(i+2) == "and" && dtAgeAndNext.has(s.lw(i+3))):
		closeOK = true // "Mr Dobbs, 90 today!", "Auntie Pat, 95 today and still gardening": a birthday
	case open == ',' && c == '-' && s.toks[i+1].Space && i+2 < len(s.toks) && s.toks[i+2].Space:
		closeOK = v >= 16 // "Doris, 88 - from …": a spaced dash closes it too
	case open == ',' && c == 0 && s.lw(i+1) == "and" && dtAgeAndNext.has(s.lw(i+2)):
		// "Mr Smith, 91 and still flirting": an age and what the person still does
		closeOK = v >= 16
	}
	if head && v < 16 && open == ',' {
		return 0 // "the man, 3, …" reads as a count
	}
	if !closeOK {
		return 0
	}
	// A list of numbers ("bays 3, 4, 5") is not an age; a time since after an adult's
	// age is ("Ron from Kendal, 68, 5 weeks after his bypass").
	if s.kind(i+2) == text.Number && !(v >= 16 && open == ',' && s.kind(i+3) == text.Word &&
		dtAgeUnit.has(s.lw(i+3)) && s.kind(i+4) == text.Word && dtAgeSinceNext.has(s.lw(i+4))) || s.kind(i-3) == text.Number {
		return 0
	}
	return s.emit(i, i+1, result.Age, 0.6, "age: bare number set off after a name")
}

// ageByBed matches a patient called by age and bed: "the 84 in bay 3",
// "our 91 in bed 6" (a number of 16 to 110 after the/our/my/your/that and
// before "in/on" and a bed word).
func (s *dtScan) ageByBed(i, v int) int {
	if v < 16 || v > 110 || s.kind(i-1) != text.Word || !s.toks[i].Space {
		return 0
	}
	switch s.lw(i - 1) {
	case "the", "our", "my", "your", "that", "this":
	default:
		return 0
	}
	if nw := s.lw(i + 1); (nw == "in" || nw == "on") && dtBedWord.has(s.lw(i+2)) {
		return s.emit(i, i+1, result.Age, 0.65, "age: a patient called by age and bed ('the N in bay')")
	}
	return 0
}

// dtGestationNext words after "at N weeks" make it a baby's age at birth ("at 24 weeks
// weighing 1lb").
var dtGestationNext = wordSetOf("weighing", "gestation", "gestational", "and", "weighed")

// dtOccupation reports whether lower-case word w is a non-healthcare occupation in the
// lexicon ("driver", "pilot"): a person noun a bare age may follow ("the lorry driver,
// 60s,", "ex-RAF pilot, 88,"). It is asked only once a number set off by commas is found.
func dtOccupation(w string) bool {
	if w == "" {
		return false
	}
	e, ok := lexicon.Lookup(lexicon.Key(w))
	return ok && e.Any(lexicon.Occupation) && !e.Any(lexicon.HealthRole)
}

// occupationAt reports whether word token j, or the word after it, is a lexicon
// occupation ("45M plumber", "45M taxi driver").
func (s *dtScan) occupationAt(j int) bool {
	return s.kind(j) == text.Word && (dtOccupation(s.lw(j)) || s.kind(j+1) == text.Word && s.adjWords(j) && dtOccupation(s.lw(j+1)))
}

// adjWords reports whether word tokens j and j+1 are separated by white space only.
func (s *dtScan) adjWords(j int) bool {
	return j+1 < len(s.toks) && s.toks[j+1].Space && !s.toks[j+1].Newline
}

// dtAgeFromNext are words after ", N," that say who or where the person is ("…, 23,
// from the villages", "…, 67, who lives alone").
var dtAgeFromNext = wordSetOf("from", "who", "lives", "living", "widowed", "married", "divorced", "single")

// personNounBefore reports whether a person noun stands among the n words before token
// k, within its sentence and line.
func (s *dtScan) personNounBefore(k, n int) bool {
	for ; k >= 0 && n > 0; k-- {
		if s.toks[k].Newline && k > 0 {
			return false
		}
		switch s.toks[k].Kind {
		case text.Word:
			n--
			if w := s.lw(k); dtApposHead.has(w) || dtChildNoun.has(w) {
				return true
			}
		case text.Punct:
			if c := s.pc(k); c == '.' || c == '!' || c == '?' {
				return false
			}
		}
	}
	return false
}

// dtAgeSinceNext are the words after ", N months" that make it a time since an event
// ("9 months post op", "6 weeks after her fall"), not a member of a list.
var dtAgeSinceNext = wordSetOf("post", "post-op", "postop", "after", "since", "out", "clean", "sober", "into")

// dtAgeUnit are the units of an age set off after a child noun ("our little
// lad, 22 months, …").
var dtAgeUnit = wordSetOf("months", "mths", "weeks", "wks", "years", "yrs", "days")

// dtChildNoun are the nouns after which a number with a unit set off is the
// child's age.
var dtChildNoun = wordSetOf("baby", "son", "daughter", "boy", "girl", "toddler", "infant", "child", "kid",
	"grandson", "granddaughter", "nephew", "niece", "newborn", "neonate", "twins", "lad", "lass")

// dtDecadeNext words after "(70s," say the bracket describes a person
// ("(70s, retired pastor)", "(60s, widowed)").
var dtDecadeNext = wordSetOf("retired", "former", "ex", "male", "female", "man", "woman", "widowed",
	"widow", "widower", "married", "single", "divorced", "lives", "living", "from", "works", "no")

// dtBedWord are the places a patient lies ("the 84 in bay 3").
var dtBedWord = wordSetOf("bay", "bed", "room", "rm", "cubicle", "cube", "side", "sideroom", "resus", "majors", "minors", "pod")

// dtReadingNoun are the readings and results a number after "is" can be
// ("her glucose is 17 on insulin", "his potassium is 6 this morning").
var dtReadingNoun = wordSetOf("sugar", "sugars", "glucose", "bm", "bms", "cbg", "potassium", "sodium",
	"hb", "haemoglobin", "hemoglobin", "crp", "lactate", "inr", "creatinine", "bilirubin", "ketones",
	"a1c", "hba1c", "bmi", "weight", "temp", "temperature", "score", "news", "news2", "gcs", "level",
	"levels", "reading", "count", "wcc", "wbc", "platelets", "troponin", "trop", "pain", "sats", "pulse",
	"hr", "rr", "bp", "egfr", "phosphate", "magnesium", "calcium", "ferritin", "tsh", "psa")

// dtAgeAdverb words may stand between an age cue and its number ("she was
// only 19", "aged just 17").
var dtAgeAdverb = wordSetOf("only", "just", "nearly", "almost", "barely", "not", "still")

// birthdayAge matches "is 1 today", "turns 30 tomorrow", "30 looks good on
// you": an age said on a birthday.
func (s *dtScan) birthdayAge(i, v int) int {
	if v < 1 || v > 115 {
		return 0
	}
	switch s.lw(i - 1) {
	case "is", "'s", "turns", "turning", "turned", "be":
		if dtReadingNoun.has(s.lw(i - 2)) {
			return 0 // "her glucose is 17 on insulin": a reading, not a birthday
		}
		switch s.lw(i + 1) {
		case "today", "tomorrow", "tmrw", "next", "this", "on", "in":
			return s.emit(i, i+1, result.Age, 0.7, "age: birthday ('is N today')")
		}
	}
	if s.lw(i+1) == "looks" && s.lw(i+2) == "good" {
		return s.emit(i, i+1, result.Age, 0.65, "age: 'N looks good on you'")
	}
	return 0
}

// dtIsKeyword reports whether w is a date keyword ("March", "Tuesday").
func dtIsKeyword(w string) bool {
	_, ok := dtWords.get(w)
	return ok
}

// dtChildCue are the words before a child's name that make a bracketed number after it
// an age ("my little patient Freya (5)").
var dtChildCue = wordSetOf("little", "baby", "son", "daughter", "grandson", "granddaughter",
	"nephew", "niece", "boy", "girl", "patient", "toddler")

// childBefore reports whether a dtChildCue word stands among the three words before the
// name at token n.
func (s *dtScan) childBefore(n int) bool {
	for k, c := s.prevWord(n), 0; k >= 0 && c < 3; c++ {
		if dtChildCue.has(s.lw(k)) {
			return true
		}
		k = s.prevWord(k)
	}
	return false
}
