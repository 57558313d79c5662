package synth

import (
	"strings"
)

// pools are the lists prepared for drawing.
type pools struct {
	first, sur, towns, hosps, streets []string
	wordFirst, wordSur                []string        // names that are also English words
	oNames                            map[string]bool // surnames written O'X: "orourke"
}

// stopNames are list entries that are never drawn as names: titles,
// credentials and function words that the name lists hold by accident.
var stopNames = toSet(`a an and are as at be but by do dr for from had has he her him his i if in is it
	me md mr mrs ms miss my no not np of off ok on or our out pa per phd pm am pt rn rd so she sister
	nurse the to up us was we who why you yes st ave rd sr mx prof doctor mister matron rt hca cna
	lpn rrt aprn dpt slp msw do`)

// wordFirstNames and wordSurnames are names that are also ordinary English
// words; they are drawn more often than their list popularity says so that
// the contrast with their ordinary use (in the no-span templates) is learnt.
var wordFirstNames = strings.Fields(`will may hope bill grace frank mark rose ed joy faith june april
	dawn summer pat art gene jack ray drew chase miles sandy penny holly ivy ruby pearl daisy amber
	crystal lance rich rob bob sue iris carol lily heather robin rocky buck hunter sky angel august
	major king guy sunny misty destiny precious harmony rusty dusty forest river bishop`)

var wordSurnames = strings.Fields(`bean brown green white black young king price bell hill cook baker
	frost wolf fox bush hall wood stone moss long day little sharp swift hope rice field hart hunt lamb
	bird marsh rose mills banks cross lane north west love good best rich small strong rush fisher
	carpenter mason cooper potter walker page ward house major bishop knight dean gill chambers waters
	parsons fields power lord sweet wise park gray nash case bond cash`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func newPools(l *Lists) *pools {
	p := &pools{oNames: map[string]bool{}}
	keep := func(in []string, name bool) []string {
		out := make([]string, 0, len(in))
		for _, s := range in {
			if !plainKey(s, name) {
				// Lists made by hand: tidy the entry and check it again.
				s = strings.ToLower(strings.TrimSpace(s))
				if !usable(s) || name && (stopNames[s] || strings.ContainsAny(s, " .'0123456789")) {
					continue
				}
			} else if name && stopNames[s] {
				continue
			}
			out = append(out, s)
		}
		return out
	}
	p.first = keep(l.FirstNames, true)
	p.sur = keep(l.Surnames, true)
	p.towns = keep(l.Towns, false)
	p.hosps = keep(l.Hospitals, false)
	p.streets = keep(l.Streets, false)
	if len(p.first) == 0 {
		p.first = wordFirstNames
	}
	if len(p.sur) == 0 {
		p.sur = wordSurnames
	}
	if len(p.towns) == 0 {
		p.towns = []string{"springfield"}
	}
	if len(p.hosps) == 0 {
		p.hosps = []string{"general hospital"}
	}
	if len(p.streets) == 0 {
		p.streets = []string{"main street"}
	}
	// Which of the few keys looked up are in the lists: the name-words, and
	// for each surname "oX" whether "X" is a surname and "oX" a first name.
	// (Small maps: the big lists are only scanned.)
	var oCands []string
	for _, s := range p.sur {
		if len(s) >= 5 && s[0] == 'o' && !isVowel(s[1]) {
			oCands = append(oCands, s)
		}
	}
	inFirst, inSur := map[string]bool{}, map[string]bool{}
	for _, w := range wordFirstNames {
		inFirst[w] = false
	}
	for _, w := range wordSurnames {
		inSur[w] = false
	}
	for _, s := range oCands {
		inFirst[s] = false
		inSur[s[1:]] = false
	}
	for _, s := range p.first {
		if _, ok := inFirst[s]; ok {
			inFirst[s] = true
		}
	}
	for _, s := range p.sur {
		if _, ok := inSur[s]; ok {
			inSur[s] = true
		}
	}
	for _, w := range wordFirstNames {
		if inFirst[w] || len(l.FirstNames) == 0 {
			p.wordFirst = append(p.wordFirst, w)
		}
	}
	for _, w := range wordSurnames {
		if inSur[w] || len(l.Surnames) == 0 {
			p.wordSur = append(p.wordSur, w)
		}
	}
	if len(p.wordFirst) == 0 {
		p.wordFirst = wordFirstNames
	}
	if len(p.wordSur) == 0 {
		p.wordSur = wordSurnames
	}
	for _, s := range oCands {
		if inSur[s[1:]] && !inFirst[s] {
			p.oNames[s] = true
		}
	}
	return p
}

// plainKey reports whether s is usable as it is: lower-case letters (and,
// for a name, inner hyphens; for a place, single inner spaces, digits,
// hyphens, apostrophes and periods), at least two letters.
func plainKey(s string, name bool) bool {
	if name {
		if len(s) < 2 || s[0] == '-' || s[len(s)-1] == '-' {
			return false
		}
		for i := 0; i < len(s); i++ {
			if c := s[i]; (c < 'a' || c > 'z') && c != '-' {
				return false
			}
		}
		return true
	}
	return usable(s)
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// skew draws from a list ordered most popular first: entry i is drawn with
// a probability falling off as i grows (index = n·u^a).
func (g *gen) skew(list []string, a int) string {
	u := g.r.Float64()
	x := u
	for range a - 1 {
		x *= u
	}
	return list[int(x*float64(len(list)))]
}

func (g *gen) one(list []string) string { return list[g.r.IntN(len(list))] }

// ---- names ----

// firstKey returns a lower-case first name.
func (g *gen) firstKey() string {
	for {
		if k := g.firstKey1(); !stopNames[k] {
			return k
		}
	}
}

func (g *gen) firstKey1() string {
	switch x := g.r.IntN(100); {
	case x < 8:
		return g.one(g.p.wordFirst)
	case x < 12:
		return g.mutate(g.skew(g.p.first, 2), true)
	case x < 14:
		return g.syllables(2 + g.r.IntN(2))
	}
	return g.skew(g.p.first, 3)
}

// surKey returns a lower-case surname: from the list, a name-word, or
// invented (a listed surname mutated, two joined, a double-barrelled pair,
// a string of syllables).
func (g *gen) surKey() string {
	for {
		if k := g.surKey1(); !stopNames[k] {
			return k
		}
	}
}

func (g *gen) surKey1() string {
	switch x := g.r.IntN(100); {
	case x < 7:
		return g.one(g.p.wordSur)
	case x < 16:
		return g.mutate(g.skew(g.p.sur, 2), false)
	case x < 22:
		return g.join(g.skew(g.p.sur, 2), g.skew(g.p.sur, 1))
	case x < 26:
		a, b := g.skew(g.p.sur, 2), g.skew(g.p.sur, 2)
		if a != b {
			return a + "-" + b
		}
		return a
	case x < 29:
		return g.syllables(2 + g.r.IntN(2))
	}
	return g.skew(g.p.sur, 3)
}

const vowels = "aeiou"
const consonants = "bcdfghjklmnprstvwz"

// mutate changes a name a little: a vowel or consonant swapped, a letter
// inserted, dropped or doubled, or (surnames) a foreign-looking ending.
func (g *gen) mutate(w string, mild bool) string {
	if len(w) < 4 {
		return w
	}
	b := []byte(w)
	k := 1 + g.r.IntN(len(b)-1)
	ops := 5
	if mild {
		ops = 3
	}
	switch g.r.IntN(ops) {
	case 0: // change a vowel
		for i := 0; i < len(b); i++ {
			j := (k + i) % len(b)
			if j > 0 && strings.IndexByte(vowels, b[j]) >= 0 {
				b[j] = vowels[g.r.IntN(len(vowels))]
				break
			}
		}
	case 1: // insert a letter
		var c byte
		if k < len(b) && strings.IndexByte(vowels, b[k-1]) >= 0 {
			c = consonants[g.r.IntN(len(consonants))]
		} else {
			c = vowels[g.r.IntN(len(vowels))]
		}
		b = append(b[:k], append([]byte{c}, b[k:]...)...)
	case 2: // double a letter or drop one
		if k < len(b) && strings.IndexByte(vowels, b[k]) < 0 && g.r.IntN(2) == 0 {
			b = append(b[:k], append([]byte{b[k]}, b[k:]...)...)
		} else if len(b) > 4 && k < len(b) {
			b = append(b[:k], b[k+1:]...)
		}
	case 3: // change a consonant
		for i := 0; i < len(b); i++ {
			j := (k + i) % len(b)
			if j > 0 && strings.IndexByte(consonants, b[j]) >= 0 {
				b[j] = consonants[g.r.IntN(len(consonants))]
				break
			}
		}
	default: // a stem with a foreign ending
		stem := b[:min(len(b), 3+g.r.IntN(3))]
		end := foreignEndings[g.r.IntN(len(foreignEndings))]
		if isVowel(stem[len(stem)-1]) && isVowel(end[0]) {
			stem = stem[:len(stem)-1]
		}
		b = append(stem, end...)
	}
	return string(b)
}

var foreignEndings = strings.Fields(`ez es ski sky wicz ova ov enko uk ian yan elli etti ini ucci ato
	ides opoulos oglu escu ic ovic berg stein mann son sen sson ard eau ier ault ado eira aki moto mura
	ak ek ka ko ner ler ssa anu`)

// join makes a surname of the start of a and the end of b.
func (g *gen) join(a, b string) string {
	if len(a) < 4 || len(b) < 4 {
		return a
	}
	for range 4 {
		i := 2 + g.r.IntN(len(a)-2)
		j := 1 + g.r.IntN(len(b)-2)
		s := a[:i] + b[j:]
		if len(s) < 4 || len(s) > 12 {
			continue
		}
		if isVowel(a[i-1]) != isVowel(b[j]) {
			return s
		}
	}
	return a
}

var (
	onsets = strings.Fields(`b c d f g h j k l m n p r s t v w y z ch sh th kh zh ts br dr gr kr tr st sl`)
	nuclei = strings.Fields(`a e i o u a e i o u ai ei ou ia ue ao oa`)
	codas  = []string{"", "", "", "n", "ng", "r", "l", "s", "k", "m", "t", "sh"}
)

// syllables invents a name of n syllables.
func (g *gen) syllables(n int) string {
	var b strings.Builder
	for i := range n {
		if i == 0 || g.r.IntN(4) > 0 {
			b.WriteString(g.one(onsets))
		}
		b.WriteString(g.one(nuclei))
		if i == n-1 || g.r.IntN(3) == 0 {
			b.WriteString(g.one(codas))
		}
	}
	return b.String()
}

// nameCase writes a lower-case name key as a name: "o'rourke" words, "McX",
// hyphenated parts each capitalised. In a mixed-case example a name is now
// and then written in capitals or lower case, as notes do.
func (g *gen) nameCase(key string) string {
	var s string
	switch {
	case g.p.oNames[key]:
		switch x := g.r.IntN(100); {
		case x < 75:
			s = "O'" + title(key[1:])
		case x < 90:
			s = "O " + title(key[1:])
		default:
			s = title(key)
		}
	case strings.HasPrefix(key, "mc") && len(key) > 3 && g.r.IntN(4) > 0:
		s = "Mc" + title(key[2:])
	default:
		s = title(key)
	}
	return g.mixedCase(s)
}

// mixedCase now and then writes s in capitals or lower case in a mixed-case
// example.
func (g *gen) mixedCase(s string) string {
	if g.mode == caseMixed {
		switch x := g.r.IntN(100); {
		case x < 5 && g.style != styleSocial:
			return strings.ToUpper(s)
		case x < 7 || g.style == styleSocial && x < 12:
			return strings.ToLower(s)
		}
	}
	return s
}

// smallWords stay lower case inside a title-cased phrase.
var smallWords = toSet("of on upon the and in at de la le du da von van der den y for by under")

// acronyms are written in capitals inside a title-cased phrase.
var acronyms = toSet(`nhs va vamc afb uk us usa bmi miu pts uh ucl ucla ucsf usc nyu ut ohsu unc uab
	umass upmc nyc la ii iii iv cmc hca ihs pc gp ppa sm aqp`)

// title capitalises each word of s (letters after a hyphen or a period
// too), keeping small words lower and known acronyms upper.
func title(s string) string {
	b := []byte(s)
	wordStart := 0
	for i := 0; i <= len(b); i++ {
		if i < len(b) && b[i] != ' ' {
			continue
		}
		w := string(b[wordStart:i])
		switch {
		case acronyms[w]:
			asciiUpper(b[wordStart:i])
		case smallWords[w] && wordStart > 0:
		default:
			up := true
			for j := wordStart; j < i; j++ {
				c := b[j]
				if up && 'a' <= c && c <= 'z' {
					b[j] = c - 'a' + 'A'
				}
				up = c == '-' || c == '.' || c == '/'
			}
		}
		wordStart = i + 1
	}
	return string(b)
}

// fullName returns a person's name of several words: first and last, with a
// middle initial or name, or an initial and surname.
func (g *gen) fullName() string {
	first, sur := g.nameCase(g.firstKey()), g.nameCase(g.surKey())
	switch x := g.r.IntN(100); {
	case x < 58:
		return first + " " + sur
	case x < 70:
		ini := string(rune('A' + g.r.IntN(26)))
		if g.r.IntN(10) < 7 {
			ini += "."
		}
		return first + " " + ini + " " + sur
	case x < 78:
		return first + " " + g.nameCase(g.firstKey()) + " " + sur
	case x < 92:
		ini := first[:1]
		if g.r.IntN(10) < 7 {
			ini += "."
		}
		return ini + " " + sur
	default:
		return first + " " + sur
	}
}

func (g *gen) name(s string) { g.span(s, Name) }
func (g *gen) loc(s string)  { g.span(s, Loc) }

// pick returns one of the alternatives.
func (g *gen) pick(alts ...string) string { return alts[g.r.IntN(len(alts))] }

// ---- places ----

var genericTails = []string{
	" regional medical center", " medical center", " medical centre", " community hospital",
	" general hospital", " memorial hospital", " university hospital", " hospital", " health centre",
	" health center", " infirmary", " clinic", " medical group", " healthcare",
}

// hospital writes a hospital from the list, whole, shortened, abbreviated or
// as its initials.
func (g *gen) hospital() {
	h := g.one(g.p.hosps)
	switch x := g.r.IntN(100); {
	case x < 55:
	case x < 72:
		for _, t := range genericTails {
			if strings.HasSuffix(h, t) && len(h) > len(t)+2 {
				h = h[:len(h)-len(t)]
				break
			}
		}
	case x < 85:
		h = strings.NewReplacer("hospital", g.pick("hosp", "hosp", "hospital"), "medical center", g.pick("med ctr", "mc", "med center"),
			"medical centre", g.pick("med ctr", "med centre"), "regional", "reg", "university", "univ").Replace(h)
	default:
		if ini := initials(h); len(ini) >= 3 && len(ini) <= 5 && !clinicalAcronyms[ini] {
			g.loc(ini)
			return
		}
	}
	g.loc(g.mixedCase(strings.TrimSpace(title(h))))
}

// initials returns the capital initials of the words of s, small words left out.
func initials(s string) string {
	var b []byte
	for _, w := range strings.Fields(s) {
		if smallWords[w] || !isLetter(w[0]) {
			continue
		}
		b = append(b, w[0]-'a'+'A')
	}
	return string(b)
}

var (
	saints     = strings.Fields(`joseph mary luke elizabeth vincent francis anne jude margaret catherine thomas peter john james michael andrew mark paul george helen agnes clare anthony barnabas bartholomew raphael gabriel charles david patrick bernard dominic teresa martha christopher benedict`)
	religious  = []string{"holy cross", "sacred heart", "good samaritan", "holy family", "good shepherd", "holy name", "holy redeemer", "holy spirit", "holy trinity", "mercy", "providence", "baptist", "methodist", "presbyterian", "lutheran", "adventist", "our lady of lourdes", "our lady of mercy", "divine savior", "covenant", "trinity", "beth israel", "mount sinai", "christ"}
	natureA    = strings.Fields(`oak maple cedar willow pine river lake sunny golden meadow brook fair green spring harbor bay rose elm ash birch hazel laurel autumn heritage pleasant hill sun silver clear high north south east west glen stone rock fox deer eagle bright orchard wind`)
	natureB    = strings.Fields(`wood field brook view crest dale ridge haven hurst mont gate side vale mead croft lea ford bury ton well way worth land acre`)
	hospCues   = []string{"Hospital", "Hospital", "Hospital", "HOSP", "Hosp", "Medical Center", "Medical Center", "Medical Centre", "Med Ctr", "Regional", "Regional Medical Center", "Memorial", "Memorial Hospital", "General", "General Hospital", "Community Hospital", "University Hospital", "Infirmary", "Children's Hospital", "Health", "Healthcare", "Medical", "Clinic", "Cancer Center", "Heart Institute", "VA Medical Center", "VA", "Rehab Hospital", "Hospital Center", "Health System", "Women's Hospital", "Behavioral Health"}
	nhCues     = []string{"House", "House", "Manor", "Manor", "Lodge", "Court", "Gardens", "Village", "Place", "Nursing Home", "Nursing Home", "Nursing & Rehab", "Nursing and Rehabilitation Center", "Rehab", "Rehabilitation Center", "Care Center", "Care Home", "Healthcare Center", "Hall", "Terrace", "Senior Living", "Assisted Living", "Hospice", "Skilled Nursing", "Residential Home", "Retirement Home", "Rest Home", "Health Care Center", "Transitional Care", "Campus"}
	abbrSuffix = []string{"H", "H", "H", "MC", "MC", "GH", "MH", "RH", "CH"}
)

// clinicalAcronyms are never produced as hospital or company abbreviations.
var clinicalAcronyms = toSet(`PMH FMH NPH LVH RVH BPH SAH IVH ICH SDH EDH UFH PPH CAH IPH HHH ASH OOH AAH UGH DOH NAH HAH MCH MCHC
	ABG ICU CCU EKG ECG CXR MRI CT OR ER ED EW PT OT IV PO PRN NPO DNR DNI HCP PCP ENT GI GU CV ID TPN PEG NGT OGT RN MD NP PA
	BP HR RR CPR CHF COPD DVT PE UTI MI CVA TIA HTN DM CAD AFIB SOB CP ROS HPI BID TID QID QHS ADL OOB LOS NAD HEENT PERRL
	NIC SHO HCA GP MAU AMU CDU ITU HDU TTO SALT DNACPR MDT OK NO SOS WHO USA NHS VA AA UK US LOL OMG WTF FYI ASAP RIP TBH
	CMH GMH DMH PEH`)

// hospitalSynth writes an invented hospital: a town, surname, saint or
// religious name with a cue word ("Hospital", "Medical Center").
func (g *gen) hospitalSynth() {
	var base string
	switch x := g.r.IntN(100); {
	case x < 38:
		base = title(g.skew(g.p.towns, 2))
	case x < 60:
		base = title(g.surKey())
	case x < 78:
		st := title(g.one(saints))
		switch g.r.IntN(4) {
		case 0:
			base = "St. " + st + "'s"
		case 1:
			base = "St " + st + "'s"
		case 2:
			base = "Saint " + st
		default:
			base = "St. " + st
		}
		if g.r.IntN(3) == 0 {
			g.loc(g.mixedCase(base))
			return
		}
	case x < 90:
		base = title(g.one(religious))
	default:
		base = title(g.one(natureA) + g.one(natureB))
	}
	cue := g.one(hospCues)
	if g.r.IntN(12) == 0 && !strings.HasPrefix(base, "St") {
		g.loc(g.mixedCase(g.pick("University of ", "Univ of ", "U of ") + base + " " + g.pick("Medical Center", "Hospital", "Hospitals", "Health")))
		return
	}
	g.loc(g.mixedCase(base + " " + cue))
}

// hospitalAbbr writes a made-up hospital abbreviation: two to four capitals
// ending in H or MC.
func (g *gen) hospitalAbbr() {
	for {
		suf := g.one(abbrSuffix)
		n := 1 + g.r.IntN(3)
		if n+len(suf) > 4 {
			n = 4 - len(suf)
		}
		b := make([]byte, 0, 4)
		for range n {
			b = append(b, byte('A'+g.r.IntN(26)))
		}
		s := string(b) + suf
		if len(s) >= 3 && !clinicalAcronyms[s] {
			g.loc(s)
			return
		}
	}
}

// anyHospital writes a hospital of any kind.
func (g *gen) anyHospital() {
	switch x := g.r.IntN(100); {
	case x < 45:
		g.hospital()
	case x < 80:
		g.hospitalSynth()
	default:
		g.hospitalAbbr()
	}
}

// nhBase returns the proper part of a nursing home's or rehab's name.
func (g *gen) nhBase() string {
	switch x := g.r.IntN(100); {
	case x < 30:
		return g.nameCase(g.surKey())
	case x < 50:
		return title(g.skew(g.p.towns, 2))
	case x < 80:
		return title(g.one(natureA) + g.one(natureB))
	case x < 90:
		return "St. " + title(g.one(saints)) + "'s"
	default:
		return title(g.one(natureA)) + " " + title(g.one(natureA)+g.one(natureB))
	}
}

// nursingHome writes a nursing home, rehab or care home with its cue word.
func (g *gen) nursingHome() {
	g.loc(g.mixedCase(g.nhBase() + " " + g.one(nhCues)))
}

// unitName returns the name word of a named unit or ward ("Gray" of "Gray 4").
func (g *gen) unitName() string {
	switch x := g.r.IntN(100); {
	case x < 55:
		return g.nameCase(g.skew(g.p.sur, 2))
	case x < 70:
		return g.nameCase(g.surKey())
	case x < 80:
		return g.nameCase(g.firstKey())
	case x < 90:
		return title(g.one(natureA) + g.one(natureB))
	default:
		return title(g.one(saints))
	}
}

// town returns a town or city.
func (g *gen) town() string { return g.mixedCase(title(g.skew(g.p.towns, 2))) }

// US states: name, postal code, and for some the older abbreviation.
var states = [][3]string{
	{"Alabama", "AL", "Ala"}, {"Alaska", "AK", ""}, {"Arizona", "AZ", "Ariz"}, {"Arkansas", "AR", "Ark"},
	{"California", "CA", "Calif"}, {"Colorado", "CO", "Colo"}, {"Connecticut", "CT", "Conn"},
	{"Delaware", "DE", "Del"}, {"Florida", "FL", "Fla"}, {"Georgia", "GA", "Ga"}, {"Hawaii", "HI", ""},
	{"Idaho", "ID", ""}, {"Illinois", "IL", "Ill"}, {"Indiana", "IN", "Ind"}, {"Iowa", "IA", ""},
	{"Kansas", "KS", "Kan"}, {"Kentucky", "KY", "Ky"}, {"Louisiana", "LA", "La"}, {"Maine", "ME", ""},
	{"Maryland", "MD", "Md"}, {"Massachusetts", "MA", "Mass"}, {"Michigan", "MI", "Mich"},
	{"Minnesota", "MN", "Minn"}, {"Mississippi", "MS", "Miss"}, {"Missouri", "MO", "Mo"},
	{"Montana", "MT", "Mont"}, {"Nebraska", "NE", "Neb"}, {"Nevada", "NV", "Nev"},
	{"New Hampshire", "NH", ""}, {"New Jersey", "NJ", ""}, {"New Mexico", "NM", ""}, {"New York", "NY", ""},
	{"North Carolina", "NC", ""}, {"North Dakota", "ND", ""}, {"Ohio", "OH", ""}, {"Oklahoma", "OK", "Okla"},
	{"Oregon", "OR", "Ore"}, {"Pennsylvania", "PA", "Penn"}, {"Rhode Island", "RI", ""},
	{"South Carolina", "SC", ""}, {"South Dakota", "SD", ""}, {"Tennessee", "TN", "Tenn"},
	{"Texas", "TX", "Tex"}, {"Utah", "UT", ""}, {"Vermont", "VT", "Vt"}, {"Virginia", "VA", "Va"},
	{"Washington", "WA", "Wash"}, {"West Virginia", "WV", ""}, {"Wisconsin", "WI", "Wis"},
	{"Wyoming", "WY", "Wyo"}, {"Puerto Rico", "PR", ""},
}

// state writes a US state: its name, postal code or older abbreviation (the
// abbreviation's full stop outside the span).
func (g *gen) state(full bool) {
	s := states[g.r.IntN(len(states))]
	switch x := g.r.IntN(100); {
	case full || x < 30:
		g.loc(g.mixedCase(s[0]))
	case x < 85 || s[2] == "":
		g.loc(s[1])
	default:
		g.loc(s[2])
		if g.r.IntN(2) == 0 {
			g.raw(".")
		}
	}
}

var countries = []string{"Ireland", "Italy", "Mexico", "Jamaica", "Portugal", "Greece", "Puerto Rico",
	"Haiti", "Poland", "India", "China", "Vietnam", "Brazil", "Spain", "France", "Canada", "Germany",
	"Nigeria", "Ghana", "Scotland", "Wales", "Cyprus", "Turkey", "Jersey", "Chile", "Cuba", "Kenya",
	"Pakistan", "Bangladesh", "Lebanon", "Egypt", "Israel", "Russia", "Ukraine", "Romania", "Albania",
	"Cape Verde", "Barbados", "Trinidad", "Guatemala", "Honduras", "Colombia", "Peru", "Thailand",
	"Cambodia", "Korea", "Japan", "Aruba", "Bermuda", "Costa Rica", "Morocco", "Florida", "Arizona",
	"Cancun", "Maui", "Tenerife", "Majorca", "Lanzarote", "Benidorm", "Dubai", "Goa", "Bali"}

// country writes a country or holiday place.
func (g *gen) country() { g.loc(g.mixedCase(g.one(countries))) }

var streetAbbr = strings.NewReplacer(" road", " rd", " street", " st", " avenue", " ave", " lane", " ln", " drive", " dr", " court", " ct", " close", " cl")

// street writes a street name, sometimes abbreviated ("Abbey Rd").
func (g *gen) street() {
	s := g.one(g.p.streets)
	if g.r.IntN(4) == 0 {
		s = streetAbbr.Replace(s)
	}
	if g.r.IntN(5) == 0 {
		// an invented street: a surname or tree with a suffix
		base := g.surKey()
		if g.r.IntN(2) == 0 {
			base = g.one(natureA) + g.one(natureB)
		}
		s = base + " " + g.pick("street", "st", "road", "rd", "avenue", "ave", "lane", "drive", "way", "court", "place", "boulevard", "blvd", "terrace", "close", "crescent")
	}
	g.loc(g.mixedCase(title(s)))
}

var (
	brandStart = strings.Fields(`vel cor ax zen nov tri quan lum ver sym mer pro gen dyn ex vio arc ben cal del fin hal kin lex mag nex ort pax rev sol tek ultr vant wex xan yor zet`)
	brandEnd   = strings.Fields(`trix ana ix ex ora tech soft corp co gen ium ify io ara on eon ity ent ics ona iq ar us ia ex`)
	compSuffix = []string{"Inc", "Corp", "Industries", "Systems", "Labs", "Logistics", "Foods", "Insurance", "Bank", "Group", "Partners", "Solutions", "Technologies", "Energy", "Motors", "Pharmaceuticals", "Manufacturing", "Construction", "Electric", "Trucking", "Supply", "Airlines"}
)

// company writes a company: a brand-like word, an acronym, or a surname or
// town with a business word.
func (g *gen) company() {
	var s string
	switch x := g.r.IntN(100); {
	case x < 30:
		s = title(g.one(brandStart) + g.one(brandEnd))
		if g.r.IntN(3) == 0 {
			s += " " + g.one(compSuffix)
		}
	case x < 50:
		for {
			n := 2 + g.r.IntN(3)
			b := make([]byte, n)
			for i := range b {
				b[i] = byte('A' + g.r.IntN(26))
			}
			if s = string(b); !clinicalAcronyms[s] {
				break
			}
		}
		if g.r.IntN(3) == 0 {
			s += " " + g.one(compSuffix)
		}
	case x < 65:
		s = g.nameCase(g.skew(g.p.sur, 2)) + g.pick(" & Sons", " Brothers", " & Co", " and Sons", " Bros")
	case x < 75:
		s = g.nameCase(g.skew(g.p.sur, 2)) + " & " + g.nameCase(g.skew(g.p.sur, 2))
	case x < 90:
		s = g.nameCase(g.skew(g.p.sur, 2)) + " " + g.one(compSuffix)
	default:
		s = title(g.skew(g.p.towns, 2)) + " " + g.pick("Electric", "Gas", "Public Schools", "Savings Bank", "Police Department", "Fire Department", "Water Company", "Transit", "Shipyard", "Mills")
	}
	g.loc(g.mixedCase(s))
}

// gpSurgery writes a UK general practice.
func (g *gen) gpSurgery() {
	base := title(g.skew(g.p.towns, 2))
	if g.r.IntN(3) == 0 {
		base = title(g.one(natureA) + g.one(natureB))
	}
	g.loc(g.mixedCase(base + " " + g.pick("Surgery", "Medical Centre", "Health Centre", "Medical Practice", "Family Practice", "Group Practice")))
}
