package detect

// Word tables of the date, time and age family. All keys are lower case.

// dtKind says what a keyword of dtWords starts.
type dtKind uint8

const (
	dtKMonth    dtKind = iota + 1 // month name or abbreviation
	dtKWeekday                    // weekday name or abbreviation
	dtKRelative                   // yesterday, tomorrow, last (night), night (before last)
	dtKHoliday                    // first word of a holiday name
	dtKClock                      // midnight, noon, midday, half, quarter
	dtKDecade                     // twenties … nineties ("in her nineties")
	dtKOrdinal                    // first … thirty-first as words
)

// Month flags.
const (
	dtMAlone uint8 = 1 << iota // a date on its own ("December")
	dtMCue                     // a date on its own after a cue ("in June")
	dtMCap                     // also a common word or name: capitalised unless a year or ordinal follows
)

// dtKW is one keyword.
type dtKW struct {
	kind  dtKind
	val   int8 // month 1–12, weekday 1–7, decade, ordinal day
	abbr  bool // an abbreviation (months, weekdays)
	flags uint8
}

// dtWords holds every word that can start a date, time or age candidate.
var dtWords = newWordTable(dtWordMap)

// dtWordMap is dtWords as a map, for building the tables and the tests.
var dtWordMap = func() map[string]dtKW {
	m := map[string]dtKW{}
	month := func(v int8, abbr bool, flags uint8, words ...string) {
		for _, w := range words {
			m[w] = dtKW{kind: dtKMonth, val: v, abbr: abbr, flags: flags}
		}
	}
	month(1, false, dtMAlone, "january")
	month(1, true, dtMCue|dtMCap, "jan")
	month(2, false, dtMAlone, "february")
	month(2, true, dtMCue, "feb")
	month(3, false, dtMCue|dtMCap, "march")
	month(3, true, dtMCap, "mar")
	month(4, false, dtMCue, "april")
	month(4, true, dtMCue, "apr")
	month(5, false, dtMCue|dtMCap, "may")
	month(6, false, dtMCue, "june")
	month(6, true, dtMCue, "jun")
	month(7, false, dtMCue, "july")
	month(7, true, dtMCue, "jul")
	month(8, false, dtMCue, "august")
	month(8, true, dtMCue, "aug")
	month(9, false, dtMAlone, "september")
	month(9, true, dtMCue, "sep", "sept")
	month(10, false, dtMAlone, "october")
	month(10, true, dtMCue, "oct")
	month(11, false, dtMAlone, "november")
	month(11, true, dtMCue, "nov")
	month(12, false, dtMAlone, "december")
	month(12, true, dtMCap, "dec")

	for i, w := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		m[w] = dtKW{kind: dtKWeekday, val: int8(i + 1)}
	}
	for w, v := range map[string]int8{"mon": 1, "tue": 2, "tues": 2, "wed": 3, "weds": 3, "thu": 4,
		"thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7} {
		m[w] = dtKW{kind: dtKWeekday, val: v, abbr: true}
	}
	// "on Tuesdays": a weekday that recurs, with a cue as an abbreviation needs one
	for i, w := range []string{"mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"} {
		m[w] = dtKW{kind: dtKWeekday, val: int8(i + 1), abbr: true}
	}
	for _, w := range []string{"yesterday", "tomorrow", "last", "night"} {
		m[w] = dtKW{kind: dtKRelative}
	}
	for w := range dtTomorrowSpellings {
		m[w] = dtKW{kind: dtKRelative}
	}
	for w := range dtHolidayMap {
		m[w] = dtKW{kind: dtKHoliday}
	}
	for _, w := range []string{"midnight", "noon", "midday", "half", "quarter"} {
		m[w] = dtKW{kind: dtKClock}
	}
	for w, v := range map[string]int8{"teens": 10, "twenties": 20, "thirties": 30, "forties": 40,
		"fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90} {
		m[w] = dtKW{kind: dtKDecade, val: v}
	}
	for i, w := range []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
		"eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
		"sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"} {
		if _, dup := m[w]; !dup {
			m[w] = dtKW{kind: dtKOrdinal, val: int8(i + 1)}
		}
	}
	m["thirtieth"] = dtKW{kind: dtKOrdinal, val: 30}
	m["twenty"] = dtKW{kind: dtKOrdinal, val: 20, flags: 1}
	m["thirty"] = dtKW{kind: dtKOrdinal, val: 30, flags: 1}
	return m
}()

// dtMayBeWord is a filter in front of dtWords: bit last&63 of
// dtMayBeWord[0][len][first&31] is set when some keyword, or its possessive
// ("tuesday's"), has that length and those first and last bytes, and bit
// last&63 of dtMayBeWord[1][len][second&31] when some keyword has that
// length and those second and last bytes. Most words of a post fail the
// first test, which spares them the table lookup (the scan asks for every
// word of 2 to 16 bytes); most of the common words that pass it fail the
// second ("the" shares length, first and last byte with "tue" but not its
// second).
var dtMayBeWord = func() *[2][17][32]uint64 {
	f := new([2][17][32]uint64)
	for w := range dtWordMap {
		if n := len(w); n >= 2 && n <= 16 {
			f[0][n][w[0]&31] |= 1 << (w[n-1] & 63)
			f[1][n][w[1]&31] |= 1 << (w[n-1] & 63)
		}
		if n := len(w) + 2; n <= 16 {
			f[0][n][w[0]&31] |= 1 << ('s' & 63)
		}
	}
	return f
}()

// dtKeyword returns the keyword w (lower case) is, if any.
func dtKeyword(w string) (dtKW, bool) {
	if n := len(w); n < 2 || n > 16 || !dtMayBeKeyword(w) {
		return dtKW{}, false
	}
	return dtWords.get(w)
}

// dtMayBeKeyword is the dtMayBeWord filter of dtKeyword for a word of 2 to
// 16 bytes, small enough to be inlined in the scan's loop, which calls
// dtWords.get only for the words that pass it.
func dtMayBeKeyword(w string) bool {
	n, last := len(w), uint64(1)<<(w[len(w)-1]&63)
	return dtMayBeWord[0][n][w[0]&31]&last != 0 && dtMayBeWord[1][n][w[1]&31]&last != 0
}

// dtHoliday is one holiday name.
type dtHoliday struct {
	words []string // lower-case tokens
	cue   bool     // a date only after a cue word ("at Christmas", "over Easter")
	caps  bool     // with cue: a date on its own too when capitalised ("Thanksgiving")
}

// dtHolidays maps a first word to the holiday names it starts, longest first.
var dtHolidays = newWordTable(dtHolidayMap)

// dtHolidayMap is dtHolidays as a map, for building the tables.
var dtHolidayMap = map[string][]dtHoliday{
	"christmas": {{words: []string{"christmas", "day"}}, {words: []string{"christmas", "eve"}},
		{words: []string{"christmas"}, cue: true}},
	"xmas": {{words: []string{"xmas", "day"}}, {words: []string{"xmas", "eve"}},
		{words: []string{"xmas"}, cue: true}},
	"boxing": {{words: []string{"boxing", "day"}}},
	"new": {{words: []string{"new", "year's", "eve"}}, {words: []string{"new", "years", "eve"}},
		{words: []string{"new", "year's", "day"}}, {words: []string{"new", "years", "day"}},
		{words: []string{"new", "year"}, cue: true}},
	"nye":          {{words: []string{"nye"}}},
	"hogmanay":     {{words: []string{"hogmanay"}}},
	"bonfire":      {{words: []string{"bonfire", "night"}}},
	"guy":          {{words: []string{"guy", "fawkes", "night"}}},
	"burns":        {{words: []string{"burns", "night"}}},
	"thanksgiving": {{words: []string{"thanksgiving", "day"}}, {words: []string{"thanksgiving"}, cue: true, caps: true}},
	"fourth":       {{words: []string{"fourth", "of", "july"}}},
	"independence": {{words: []string{"independence", "day"}}},
	"memorial":     {{words: []string{"memorial", "day"}}},
	"labor":        {{words: []string{"labor", "day"}}},
	"labour":       {{words: []string{"labour", "day"}}},
	"veterans":     {{words: []string{"veterans", "day"}}},
	"veteran's":    {{words: []string{"veteran's", "day"}}},
	"easter": {{words: []string{"easter", "sunday"}}, {words: []string{"easter", "monday"}},
		{words: []string{"easter", "day"}}, {words: []string{"easter"}, cue: true}},
	"good":        {{words: []string{"good", "friday"}}},
	"shrove":      {{words: []string{"shrove", "tuesday"}}},
	"pancake":     {{words: []string{"pancake", "day"}}},
	"ash":         {{words: []string{"ash", "wednesday"}}},
	"black":       {{words: []string{"black", "friday"}}},
	"halloween":   {{words: []string{"halloween"}, cue: true, caps: true}},
	"hallowe'en":  {{words: []string{"hallowe'en"}, cue: true, caps: true}},
	"valentine's": {{words: []string{"valentine's", "day"}}},
	"valentines":  {{words: []string{"valentines", "day"}}},
	"mother's":    {{words: []string{"mother's", "day"}}},
	"mothers":     {{words: []string{"mothers", "day"}}},
	"father's":    {{words: []string{"father's", "day"}}},
	"fathers":     {{words: []string{"fathers", "day"}}},
	"remembrance": {{words: []string{"remembrance", "sunday"}}, {words: []string{"remembrance", "day"}}},
	"st": {{words: []string{"st", "patrick's", "day"}}, {words: []string{"st", "patricks", "day"}},
		{words: []string{"st", "paddy's", "day"}}, {words: []string{"st", "david's", "day"}},
		{words: []string{"st", "andrew's", "day"}}, {words: []string{"st", "george's", "day"}}},
	"saint":    {{words: []string{"saint", "patrick's", "day"}}},
	"paddy's":  {{words: []string{"paddy's", "day"}}},
	"diwali":   {{words: []string{"diwali"}, cue: true, caps: true}},
	"eid":      {{words: []string{"eid"}, cue: true}},
	"hanukkah": {{words: []string{"hanukkah"}, cue: true, caps: true}},
	// the day US medical students learn their residency (the third Friday of March)
	"match": {{words: []string{"match", "day"}}},
	// UK bank holidays: "over the bank holiday", "the May bank holiday" (the month is
	// found on its own)
	"bank": {{words: []string{"bank", "holiday", "monday"}}, {words: []string{"bank", "holiday"}, cue: true}},
}

// dtHolidayCue words make a bare holiday name a date ("at Christmas").
var dtHolidayCue = wordSetOf("on", "at", "over", "since", "before", "after", "until", "till", "til",
	"by", "for", "last", "this", "next", "during", "from", "around", "christmas", "easter", "the",
	"may", "august", "spring", "summer")

// dtAbbrevDot are abbreviations whose closing '.' prevWord steps over.
var dtAbbrevDot = wordSetOf("approx", "apprx", "appx", "ca", "b", "dob", "adm", "appt", "est", "o", "d", "p", "a", "m")

// dtModalNext words after "may" show the verb ("2 MAY BE ENOUGH").
var dtModalNext = wordSetOf("be", "have", "not", "need", "also", "require", "want", "help", "get",
	"go", "take", "well", "still", "cause", "become", "seem", "feel", "look", "find", "come", "do")

// dtMonthCue words make a month name on its own a date ("in June", "early March").
var dtMonthCue = wordSetOf("in", "since", "until", "till", "til", "during", "early", "late", "mid",
	"last", "next", "this", "through", "throughout", "of", "from", "before", "after", "by", "for")

// dtMonthOfHead are the words before "of" that make "of June" a date.
var dtMonthOfHead = wordSetOf("end", "start", "beginning", "middle", "month", "half", "part", "rest",
	"first", "last", "ides", "days", "weeks")

// dtMonthWeakCue are month cues that are too weak for months that are also names.
var dtMonthWeakCue = wordSetOf("from", "before", "after", "by")

// dtWeekdayCue words make a weekday abbreviation a date ("on Tues").
var dtWeekdayCue = wordSetOf("on", "since", "until", "till", "til", "by", "from", "before", "after",
	"last", "next", "this", "every", "coming", "following")

// dtWeekdayPrefix words belong in the span of a weekday or holiday ("last Tuesday").
var dtWeekdayPrefix = wordSetOf("last", "next", "this", "coming")

// dtAfterDayOK words may follow a bare ordinal or weekday abbreviation ("on the 3rd she left").
var dtAfterDayOK = wordSetOf("at", "when", "so", "then", "because", "but", "and", "she", "he", "i", "we",
	"they", "you", "it", "there", "after", "before", "as", "morning", "night", "afternoon", "evening",
	"too", "again", "was", "is", "will", "would", "shift", "please", "lol", "x", "only")

// dtTomorrowSpellings are the short and misspelt ways of writing "tomorrow" ("who's on
// tmrw?").
var dtTomorrowSpellings = map[string]bool{"tmrw": true, "tomoz": true, "tomorow": true,
	"tommorow": true, "tommorrow": true, "tomorrw": true}

// dtDayPart words after a weekday abbreviation make it a date ("Sat night").
var dtDayPart = wordSetOf("night", "nights", "morning", "afternoon", "evening", "am", "pm", "eve")

// dtDateCue words before a bare d/m make it a date ("on 3/4", "since 12/3").
var dtDateCue = wordSetOf("on", "lbm", "bo", "bno", "since", "from", "until", "till", "til", "untill", "by", "dated", "date",
	"dob", "born", "admitted", "adm", "admit", "admission", "discharged", "seen", "due", "booked",
	"appt", "appointment", "scheduled", "planned", "started", "commenced", "extubated", "intubated",
	"placed", "inserted", "transferred", "transfered", "arrived", "returned", "performed", "done",
	"sent", "drawn", "taken", "changed", "before", "after", "b", "dos", "edd", "lmp", "expires",
	"expiry", "exp", "commencing", "ending", "w/c", "wc", "d.o.b", "birth", "dod", "died", "deceased")

// dtBirthCue words before a date say it is a date of birth (raises confidence).
var dtBirthCue = wordSetOf("dob", "born", "birth", "b", "d.o.b", "birthday", "dod", "died")

// dtScoreCue words before x/y make it a score, reading or ratio ("GCS 3/15", "BP 120/80").
var dtScoreCue = wordSetOf("gcs", "pain", "score", "scored", "scores", "scoring", "rated", "rating",
	"rate", "amts", "mmse", "moca", "ace", "apgar", "apgars", "power", "strength", "bp", "nibp", "abp",
	"sbp", "dbp", "map", "hr", "rr", "sats", "sat", "spo2", "o2", "fio2", "cbg", "bm", "bms", "temp",
	"news", "news2", "mews", "ews", "pews", "grade", "grades", "stage", "level", "vision", "va",
	"acuity", "ratio", "tone", "mrc", "out", "x", "took", "take", "taking", "murmur",
	"reps", "sets", "won", "lost", "got", "passed", "failed", "marks", "mark", "results", "result",
	"frequency", "freq", "bristol", "type", "ga", "gestation", "parity", "para", "gravida", "g",
	"size", "version", "v", "ver", "release", "build", "ios", "android", "update", "firmware",
	"windows", "chapter", "page", "verse", "psalm", "john", "route", "bus", "flight", "room",
	"bed", "bay", "ward", "no", "number", "ref", "reference", "id", "code", "pin", "ext", "ci", "co",
	"d5", "d5w", "d10", "d50", "ns", "dextrose", "saline")

// dtVentCue words near x/y make it a ventilator or flow setting ("PSV 10/5", "CPAP 5/5").
var dtVentCue = wordSetOf("psv", "ps", "cpap", "bipap", "ipap", "epap", "peep", "ips", "imv", "simv",
	"vent", "ventilator", "ventilation", "flowby", "fio2", "settings", "setting", "mode", "niv",
	"nippv", "prvc", "aprv", "cmv", "psv/cpap", "cpap/ps", "ps/cpap", "o2", "l/min", "lpm", "hfnc",
	"optiflow", "airvo", "tv", "vt", "rr", "pap")

// dtFracNext words after x/y make it a fraction, dose, duration or count ("1/2 tab", "3/4 of").
var dtFracNext = wordSetOf("of", "tab", "tabs", "tablet", "tablets", "caps", "capsule", "capsules",
	"dose", "doses", "strength", "ns", "glass", "glasses", "cup", "cups", "bottle", "bottles",
	"gallon", "gallons", "pint", "pints", "litre", "litres", "liter", "liters", "l", "inch", "inches",
	"mile", "miles", "way", "full", "empty", "hour", "hours", "hr", "hrs", "day", "days", "week",
	"weeks", "wk", "wks", "month", "months", "year", "years", "time", "times", "pack", "packs",
	"bag", "bags", "portion", "portions", "pill", "pills", "mg", "ml", "mls", "units", "unit",
	"stars", "star", "murmur", "murmurs", "chance", "rule", "split", "share", "majority", "people",
	"staff", "nurses", "patients", "pts", "beds", "shifts", "nights", "slice", "slices", "teaspoon",
	"tsp", "tbsp", "vials", "amp", "amps", "tube", "tubes", "ago", "hx", "history", "post", "later",
	"prior", "previously", "course", "duration", "abx", "antibiotics", "old", "pregnant", "preg",
	"gestation", "weeks'", "power", "split", "correct", "right", "wrong", "score", "mark",
	"marks", "points", "pts.", "sats", "saturation", "gcs", "dilution", "strength", "sets", "reps",
	"lengths", "laps", "games", "goals", "wins", "hourly", "daily", "nightly", "weekly", "monthly",
	"yearly", "x", "scale", "mmhg", "kg", "g", "mcg", "mmol", "iu", "cc", "cm", "mm", "ft", "lbs",
	"stone", "st", "degrees", "deg", "percent", "pc", "h", "min", "mins", "minutes", "sec", "secs")

// dtDurPrev words before d/7, m/12, h/24 make it a UK duration ("for 2/7", "x 5/7").
var dtDurPrev = wordSetOf("for", "x", "over", "past", "last", "within", "in", "after", "day", "approx",
	"about", "around", "previous", "prev", "~", "lasting", "further", "another", "extra", "next",
	"few", "couple", "some")

// dtUnitNext words after a number make it a quantity, not a day or time ("1100 units", "2 mg").
var dtUnitNext = wordSetOf("units", "unit", "u", "iu", "mg", "mcg", "ug", "ml", "mls", "cc", "l", "kg",
	"g", "gm", "grams", "mmol", "meq", "kcal", "calories", "cals", "steps", "people", "patients",
	"pts", "staff", "beds", "pounds", "lbs", "lb", "quid", "dollars", "euros", "pence", "km",
	"miles", "metres", "meters", "ft", "feet", "foot", "inches", "cm", "mm", "words", "times",
	"x", "tabs", "tablets", "doses", "puffs", "drops", "bags", "litres", "liters", "hours", "hrs",
	"hr", "mins", "minutes", "min", "seconds", "secs", "days", "weeks", "wks", "months", "years",
	"yrs", "percent", "degrees", "deg", "mmhg", "bpm", "breaths", "ppm", "points", "pts.", "calls",
	"admissions", "referrals", "nurses", "doctors", "shifts", "hour", "day", "week", "month", "year",
	"stone", "st", "oz", "pints", "cups", "kj", "mmol/l", "%", "gallons", "tablet", "capsules",
	"vials", "amps", "sachets", "followers", "likes", "views", "members", "beds.", "slots", "jobs",
	"posts", "babies", "children", "kids", "residents", "visitors", "cases", "deaths", "lives")

// dtTimeCue words before a clock number make it a time ("at 0300", "approx. 2130").
var dtTimeCue = wordSetOf("at", "@", "around", "approx", "approximately", "apprx", "appx", "about",
	"by", "from", "until", "till", "til", "untill", "since", "before", "after", "between", "arrived",
	"arrival", "circa", "ca", "~", "gone", "past", "from", "starting", "started", "ending", "ended",
	"woke", "awoke", "called", "rang", "time")

// dtTimeCueYear are the time cues strong enough for a number that could be a year ("at 2015").
var dtTimeCueYear = wordSetOf("at", "@", "approx", "approximately", "apprx", "appx", "arrived", "arrival", "woke", "awoke", "time")

// dtHrsNext words after a four-digit number make it a 24-hour time ("0300 hrs").
var dtHrsNext = wordSetOf("hrs", "hr", "h", "hours", "hundred", "hrs.", "hh")

// dtClockCue words make "midnight", "noon" or "half 2" a time.
var dtClockCue = wordSetOf("at", "around", "about", "after", "before", "by", "until", "till", "til",
	"past", "gone", "approx", "approximately", "from", "since", "till", "round", "between", "@", "~",
	"even", "nearly", "almost")

// dtBibleCue words before h:mm make it a chapter and verse ("John 3:16").
var dtBibleCue = wordSetOf("john", "psalm", "psalms", "genesis", "exodus", "matthew", "mark", "luke",
	"romans", "corinthians", "proverbs", "isaiah", "jeremiah", "revelation", "revelations", "acts",
	"ephesians", "philippians", "hebrews", "james", "peter", "ratio", "dilution", "scale", "odds",
	"verse", "chapter", "v", "vs", "score", "scored", "won", "lost", "beat", "draw", "drew")

// dtEventCue words before a year tie it to a person's life ("born in 1931", "MI 1992").
var dtEventCue = wordSetOf("born", "b", "died", "d.o.b", "dob", "married", "widowed", "divorced",
	"diagnosed", "dx", "dx'd", "dxd", "mi", "ami", "stemi", "nstemi", "cabg", "ptca", "pci", "stent",
	"stents", "stented", "cva", "tia", "stroke", "strokes", "avr", "mvr", "tavi", "tavr", "ablation",
	"cardioversion", "pacer", "pacemaker", "ppm", "aicd", "icd", "repair", "redo", "thr", "tkr",
	"hemiarthroplasty", "appendectomy", "appendicectomy", "cholecystectomy", "chole", "lap",
	"hysterectomy", "tah", "bso", "mastectomy", "mastectomies", "nephrectomy", "lobectomy",
	"colectomy", "amputation", "amputated", "transplant", "transplanted", "surgery", "op",
	"operation", "operated", "fracture", "fractured", "fx", "ca", "cancer", "chemo",
	"chemotherapy", "radiotherapy", "xrt", "dvt", "pe", "admitted", "admission", "hernia", "hip",
	"arrest", "bypass", "mvh", "pmh", "replacement", "turp", "whipple", "craniotomy", "crani",
	"laminectomy", "fusion", "lvad", "icd", "sah", "ich", "sdh", "gib", "ugib", "lgib", "aaa",
	"evar", "thyroidectomy", "prostatectomy", "cystectomy", "splenectomy", "gastrectomy",
	"esophagectomy", "oesophagectomy", "ileostomy", "colostomy", "orif", "widow", "widower",
	"baptised", "christened")

// dtEventShort are the event cues that may take a two-digit year ("MI 92", "CABG 84").
var dtEventShort = wordSetOf("mi", "ami", "stemi", "nstemi", "cabg", "ptca", "pci", "stent", "cva", "tia",
	"avr", "mvr", "tavi", "tavr", "ablation", "cardioversion", "pacer", "pacemaker", "ppm", "aicd",
	"icd", "redo", "repair", "thr", "tkr", "chole", "cholecystectomy", "appendectomy",
	"hysterectomy", "tah", "bso", "mastectomy", "mastectomies", "nephrectomy", "xrt", "dx", "turp",
	"lobectomy", "colectomy", "orif", "evar", "aaa", "dvt", "sah", "gib")

// dtYearNext words after two digits say they are a year ("CABG 84, …").
var dtYearNext = wordSetOf("and", "with", "c", "w", "&", "s/p", "then", "x", "complicated", "c/b")

// dtPersonNoun words after "N year old" or before "of N" name a person.
var dtPersonNoun = wordSetOf("male", "female", "man", "woman", "men", "women", "boy", "girl", "boys",
	"girls", "lady", "ladies", "gentleman", "gentlemen", "gent", "chap", "fella", "fellow", "bloke",
	"guy", "baby", "babies", "infant", "infants", "neonate", "newborn", "toddler", "child", "kid",
	"son", "daughter", "twins", "twin", "triplets", "patient", "pt", "pts", "m", "f", "lad", "lass",
	"mum", "mom", "dad", "mother", "father", "grandson", "granddaughter", "nephew", "niece",
	"brother", "sister", "husband", "wife", "resident", "white", "black", "asian", "hispanic",
	"caucasian", "african", "widow", "widower", "nursing", "retired", "primigravida", "primip",
	"multip", "who", "with", "admitted", "presenting", "presented", "s/p", "w", "and", "was", "is",
	"has", "had", "from", "in", "on", "at", "brought", "transferred", "known", "hx", "h/o", "pmh")

// dtThingNoun words after "N year/day old" say it is not a person's age ("3 day old sandwich").
var dtThingNoun = wordSetOf("building", "buildings", "house", "houses", "home", "car", "cars", "van",
	"bike", "phone", "laptop", "computer", "sandwich", "sandwiches", "bread", "milk", "food",
	"pizza", "coffee", "tea", "cake", "leftovers", "meal", "meals", "post", "posts", "thread",
	"tweet", "news", "account", "video", "photo", "picture", "pic", "email", "message", "text",
	"policy", "policies", "system", "systems", "hospital", "ward", "machine", "machines",
	"equipment", "bed", "beds", "chair", "chairs", "mattress", "carpet", "tree", "trees", "church",
	"pub", "bridge", "tradition", "law", "rule", "rules", "debate", "argument", "wound", "dressing",
	"dressings", "bruise", "bruising", "fracture", "scar", "rash", "clot", "bleed", "line",
	"cannula", "catheter", "drip", "bag", "bags", "sample", "samples", "blood", "results",
	"wine", "whisky", "whiskey", "cheese", "bottle", "puppy", "puppies", "kitten", "kittens", "dog",
	"dogs", "cat", "cats", "horse", "foal", "lamb", "lambs", "calf", "chick", "chicks", "shoes",
	"pup", "pups", "cockapoo", "cavapoo", "labrador", "spaniel", "retriever", "terrier", "collie",
	"dachshund", "poodle", "beagle", "pug", "husky", "rabbit", "bunny", "hamster", "budgie", "piglet",
	"jumper", "coat", "uniform", "scrubs", "battery", "cert", "certificate", "data", "record",
	"records", "notes", "note", "chart", "charts", "letter", "letters", "referral", "prescription",
	"script", "job", "career", "company", "business", "charity", "service", "practice", "surgery",
	"unit", "trust", "contract", "rota", "band")

// dtAgeSafeNext words may follow a bare age after "she's", "turned", "aged" ("she's 94 today").
var dtAgeSafeNext = wordSetOf("today", "now", "tomorrow", "next", "this", "soon", "and", "but", "so",
	"already", "yet", "though", "btw", "lol", "with", "years", "yrs", "yo", "yesterday", "last",
	"bless", "haha", "x", "xx", "xxx", "when", "who", "or", "going", "if", "because", "cos",
	"apparently", "i", "she", "he", "they", "we", "on", "in", "at", "this", "too", "also",
	"himself", "herself", "myself", "omg", "lmao", "ffs", "smh", "recently", "then", "i'm", "im")

// dtAgeVerbSubj are the subjects of "is/was/am N" that make N an age ("she was 94").
var dtAgeVerbSubj = wordSetOf("she", "he", "i", "who", "mum", "dad", "mom", "nan", "nana", "gran",
	"grandma", "grandad", "granddad", "grandpa", "patient", "pt", "son", "daughter", "husband",
	"wife", "baby", "brother", "sister", "lady", "man", "woman", "gentleman", "boy", "girl",
	"kid", "child", "father", "mother", "aunt", "uncle", "cousin", "friend", "partner", "resident")

// dtAgeOfHead are the nouns of "a man of 94".
var dtAgeOfHead = wordSetOf("man", "woman", "lady", "gentleman", "gent", "chap", "fella", "fellow",
	"patient", "girl", "boy", "lad", "lass", "bloke", "guy", "widow", "widower", "soul", "dear")

// dtAgeNotAge words before "age N" make it not a person's age ("retirement age 67").
var dtAgeNotAge = wordSetOf("retirement", "pension", "pensionable", "school", "legal", "minimum",
	"maximum", "drinking", "voting", "gestational", "bone", "mental", "reading", "average", "mean",
	"median", "over", "under", "above", "below", "min", "max", "cut", "cutoff", "threshold",
	"screening", "eligibility", "qualifying", "state", "working", "uk", "us", "the")

// dtPossessive words of "in her 90s".
var dtPossessive = wordSetOf("her", "his", "their", "my", "your", "our")

// dtCatheterNext words after "16F" make it a catheter size ("16F foley").
var dtCatheterNext = wordSetOf("catheter", "catheters", "foley", "ng", "ngt", "cath", "tube", "sheath",
	"french", "fr", "cannula", "drain", "suction", "ett", "trache", "trachy", "trach", "et", "og",
	"picc", "introducer", "dilator")

// dtVersionCue words before a dotted d.m.y make it a version number.
var dtVersionCue = wordSetOf("v", "version", "ver", "release", "build", "ios", "android", "update",
	"firmware", "windows", "macos", "app", "python", "go", "node", "chrome", "edition", "rev",
	"revision", "ip", "section", "para", "paragraph", "clause", "rule", "figure", "fig", "table")
