package detect

import (
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// number handles a Number token: numeric dates, clock times, ages, day-month
// dates and years tied to a life event.
func (s *dtScan) number(i int) int {
	if s.continuation(i) {
		return 0
	}
	v, nd := s.num(i)
	if nd == 0 {
		return 0
	}
	str := s.norm
	e := s.toks[i].End
	if e+1 < len(str) && dtIsDigit(str[e+1]) {
		switch str[e] {
		case '/', '-', '.':
			if j := s.numericDate(i); j > 0 {
				return j
			}
		}
		switch str[e] {
		case ':', '.':
			return s.clockTime(i)
		case '/':
			return 0
		case '-':
			if j := s.amPmRange(i, v, nd); j > 0 {
				return j
			}
		}
	}
	// "90's" as a decade
	if s.pc(i+1) == '\'' && s.adj(i+1) && s.lw(i+2) == "s" && s.adj(i+2) {
		if nd == 2 && v%10 == 0 && v >= 10 {
			return s.ageDecade(i, i+3)
		}
		if nd == 4 && v%10 == 0 && v >= 1900 && v <= 2030 && s.eventBefore(i, 3) {
			return s.emit(i, i+3, result.Date, 0.7, "date decade tied to a life event")
		}
		return 0
	}
	if nd <= 3 {
		if j := s.ageAfterNumber(i, v, nd); j > 0 {
			return j
		}
	}
	if nd <= 2 && v >= 1 && v <= 31 {
		if j := s.dayMonth(i, i, false); j > 0 {
			return j
		}
	}
	if j := s.clockAfterNumber(i, v, nd); j > 0 {
		return j
	}
	if nd <= 3 {
		if j := s.ageBeforeNumber(i, v); j > 0 {
			return j
		}
	}
	if nd == 4 {
		if j := s.hhmm(i, v); j > 0 {
			return j
		}
	}
	if nd <= 3 {
		if j := s.apposAge(i, v); j > 0 {
			return j
		}
	}
	return s.eventYear(i, v, nd)
}

// alnum handles an Alnum token: "3rd", "3pm", "0300hrs", "94yo", "72M", "90s".
func (s *dtScan) alnum(i int) int {
	t := s.toks[i]
	w := s.low[t.Start:t.End]
	d := dtDigitEnd(w, 0)
	if d == 0 || d > 4 || s.continuation(i) {
		return 0
	}
	suf := w[d:]
	for k := 0; k < len(suf); k++ {
		if suf[k] < 'a' || suf[k] > 'z' {
			return 0
		}
	}
	v := dtAtoi(w[:d])
	switch suf {
	case "st", "nd", "rd", "th":
		if j := s.birthdayOrdinal(i, v); j > 0 {
			return j
		}
		if d <= 2 && v >= 1 && v <= 31 {
			return s.ordinalDate(i)
		}
	case "am", "pm":
		return s.alnumAmPm(i, v, d)
	case "a", "p":
		return s.shiftRange(i, v, d)
	case "h", "hr", "hrs", "hh":
		if d == 4 && dtHHMM(v) {
			return s.emit(i, i+1, result.Time, 0.85, "time 24-hour with hrs")
		}
	case "yo", "yom", "yof", "yrs", "yr", "y", "m", "f", "yearold", "yearsold":
		if d <= 3 {
			return s.alnumAge(i, v, suf)
		}
	case "s":
		if d == 2 && v%10 == 0 && v >= 10 {
			return s.ageDecade(i, i+1)
		}
		if d == 4 && v%10 == 0 && v >= 1900 && v <= 2030 && s.eventBefore(i, 3) {
			return s.emit(i, i+1, result.Date, 0.7, "date decade tied to a life event")
		}
	}
	return 0
}

// numericDate matches d/m/y, m/d/y, y-m-d (with an ISO time), d.m.y, m/yyyy
// and bare d/m or m/d at Number token i.
func (s *dtScan) numericDate(i int) int {
	str := s.norm
	p := s.toks[i].Start
	a1 := s.toks[i].End
	na := a1 - p
	sep := str[a1]
	b0 := a1 + 1
	b1 := dtDigitEnd(str, b0)
	nb := b1 - b0
	c0, c1 := 0, 0
	if b1+1 < len(str) && str[b1] == sep && dtIsDigit(str[b1+1]) {
		c0 = b1 + 1
		c1 = dtDigitEnd(str, c0)
	}
	nc := c1 - c0
	end := b1
	if nc > 0 {
		end = c1
	}
	if na > 4 || nb > 4 || nc > 4 {
		return 0
	}
	iso := false
	if end < len(str) {
		c := str[end]
		switch {
		case c == 'T' && na == 4 && nc > 0 && sep == '-':
			iso = true
		case dtIsLetter(c):
			return 0
		case c == '/', (c == '-' || c == '.' || c == ':' || c == ',') && end+1 < len(str) && dtIsDigit(str[end+1]):
			return 0
		}
	}
	a := dtAtoi(str[p:a1])
	b := dtAtoi(str[b0:b1])
	var conf float64
	var reason string
	switch {
	case nc > 0:
		c := dtAtoi(str[c0:c1])
		switch {
		case na == 4 && nb <= 2 && nc <= 2:
			if !dtYearOK(a) || b < 1 || b > 12 || c < 1 || c > 31 {
				return 0
			}
			conf, reason = 0.95, "date yyyy-mm-dd"
			if iso {
				e2 := dtISOTimeEnd(str, end+1)
				if e2 == 0 {
					return 0
				}
				end, reason = e2, "date ISO 8601 date-time"
			}
		case na <= 2 && nb <= 2 && (nc == 2 || nc == 4):
			if !dtDayMonthOK(a, b) || nc == 4 && !dtYearOK(c) {
				return 0
			}
			switch {
			case sep == '.' && nc == 2:
				conf, reason = 0.78, "date d.m.yy"
			case sep == '.':
				conf, reason = 0.9, "date d.m.yyyy"
			case nc == 2:
				conf, reason = 0.86, "date d/m/yy"
			default:
				conf, reason = 0.92, "date d/m/yyyy"
			}
			if dtVersionCue.has(s.pw(i)) || dtScoreCue.has(s.pw(i)) && sep == '.' {
				return 0
			}
		default:
			return 0
		}
	case sep != '/':
		return 0
	case na <= 2 && nb == 4:
		if a < 1 || a > 12 || !dtYearOK(b) {
			return 0
		}
		conf, reason = 0.8, "date m/yyyy"
	case na <= 2 && nb <= 2:
		conf, reason = s.bareDayMonth(i, a, b, nb)
		if conf == 0 {
			return 0
		}
	default:
		return 0
	}
	j := s.tokAfter(i, end)
	if j < 0 {
		return 0
	}
	if nc > 0 && s.unitAfter(j) {
		return 0
	}
	if dtBirthCue.has(s.pw(i)) {
		conf += 0.05
	}
	return s.emitBytes(p, end, i, j, result.Date, conf, reason)
}

// dtISOTimeEnd parses the time of an ISO 8601 date-time at p (just after
// 'T'): hh:mm[:ss[.frac]][Z|±hh[:mm]]. It returns the end, or 0.
func dtISOTimeEnd(str string, p int) int {
	two := func(q int) bool { return q+2 <= len(str) && dtIsDigit(str[q]) && dtIsDigit(str[q+1]) }
	if !two(p) || p+2 >= len(str) || str[p+2] != ':' || !two(p+3) {
		return 0
	}
	if dtAtoi(str[p:p+2]) > 24 || dtAtoi(str[p+3:p+5]) > 59 {
		return 0
	}
	q := p + 5
	if q < len(str) && str[q] == ':' && two(q+1) {
		q += 3
		if q+1 < len(str) && str[q] == '.' && dtIsDigit(str[q+1]) {
			q = dtDigitEnd(str, q+1)
		}
	}
	if q < len(str) {
		switch str[q] {
		case 'Z':
			q++
		case '+', '-':
			if two(q + 1) {
				q += 3
				if q < len(str) && str[q] == ':' && two(q+1) {
					q += 3
				} else if two(q) {
					q += 2
				}
			}
		}
	}
	if q < len(str) && (dtIsDigit(str[q]) || dtIsLetter(str[q])) {
		return 0
	}
	return q
}

// bareDayMonth scores a bare a/b (tokens i, i+1 '/', i+2) as a date without
// a year: 0 when it reads as a fraction, score, reading, dose or UK duration
// ("2/7" two days, "3/12" three months).
func (s *dtScan) bareDayMonth(i, a, b, nb int) (float64, string) {
	if a == 24 && b == 7 {
		return 0, ""
	}
	switch b {
	case 40, 52, 60:
		return 0, ""
	}
	base, reason := 0.6, "date d/m or m/d"
	frac := false
	str := s.norm
	lead0 := str[s.toks[i].Start] == '0' || nb == 2 && b < 10
	if !dtDayMonthOK(a, b) {
		// m/yy ("8/87"), but not a ratio or reading
		if a < 1 || a > 12 || nb != 2 || b <= 31 {
			return 0, ""
		}
		switch b {
		case 36, 48, 50, 72, 80, 90, 99:
			return 0, ""
		}
		base, reason = 0.55, "date m/yy"
	} else {
		switch {
		case lead0:
			base = 0.65 // "03/06", "3/06": a date format, not a fraction
		case a < b && b <= 4, b == 10, a == 5 && b == 5:
			base, frac = 0.45, true // 1/2, 3/4, 8/10, 5/5: fractions, scores, settings first
		case b == 7 || b == 12 || b == 24:
			base = 0.55 // 2/7, 3/12, 4/24: UK durations first
		}
	}
	j := i + 3
	p := s.prevWord(i)
	pw := s.lw(p)
	nw := s.lw(j)
	if dtScoreCue.has(pw) || dtScoreCue.has(s.pw(p)) && s.kind(p) == text.Number {
		return 0, ""
	}
	if dtFracNext.has(nw) || s.pc(j) == '%' || (nw == "out" && s.lw(j+1) == "of") {
		return 0, ""
	}
	if (b == 7 || b == 12 || b == 24) && dtDurPrev.has(pw) && !lead0 {
		return 0, ""
	}
	if s.ventNear(i, j) {
		return 0, ""
	}
	boost := 0.0
	switch {
	case dtDateCue.has(pw):
		boost = 0.15
	case s.lastDate >= i-3 && s.lastDate <= i && s.joined(s.lastDate, i):
		boost = 0.15 // a list or range of dates: "8/2 - 8/10", "2/21, 4/21"
	case frac:
	case p >= 0 && dtWords.at(pw).kind == dtKWeekday:
		boost = 0.15
	case s.timeAfter(j):
		boost = 0.15
	case i == 0 || s.toks[i].Newline:
		boost = 0.1
	case s.dateAfterJoin(j):
		boost = 0.1
	}
	return base + boost, reason
}

// ventNear reports whether a ventilator or flow word stands within three
// tokens before token i or three after token j on the same line, or a '%'
// within three after ("PSV 10/5", "on 5/5, 40%").
func (s *dtScan) ventNear(i, j int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if s.toks[k+1].Newline {
			break
		}
		if c := s.pc(k); c == '.' || c == ';' || c == ')' {
			break
		}
		if dtVentCue.has(s.lw(k)) {
			return true
		}
	}
	for k := j; k < len(s.toks) && k < j+3; k++ {
		if s.toks[k].Newline {
			break
		}
		if c := s.pc(k); c == '%' {
			return true
		} else if c != 0 && c != ',' {
			break
		}
		if dtVentCue.has(s.lw(k)) {
			return true
		}
	}
	return false
}

// joined reports whether tokens [from, to) only join two dates: punctuation
// other than '.', or "and", "or", "to".
func (s *dtScan) joined(from, to int) bool {
	for k := from; k < to; k++ {
		switch s.kind(k) {
		case text.Punct:
			if c := s.pc(k); c == '.' || c == ';' {
				return false
			}
		case text.Word:
			switch s.lw(k) {
			case "and", "or", "to", "until", "till", "through", "thru":
			default:
				return false
			}
		default:
			return false
		}
	}
	return true
}

// dateAfterJoin reports whether token j starts "- 8/10", "to 8/10", "or 8/10".
func (s *dtScan) dateAfterJoin(j int) bool {
	k := j
	switch {
	case s.pc(k) == '-' || s.pc(k) == '>':
		k++
		if s.pc(k) == '>' {
			k++
		}
	case s.lw(k) == "to" || s.lw(k) == "or" || s.lw(k) == "and":
		k++
	default:
		return false
	}
	if _, nd := s.num(k); nd == 0 || nd > 2 || s.pc(k+1) != '/' || !s.adj(k+1) {
		return false
	}
	return true
}

// timeAfter reports whether token j starts a time or a time cue: "@", "at",
// "am", "pm", a four-digit 24-hour number or "hh:mm".
func (s *dtScan) timeAfter(j int) bool {
	switch s.lw(j) {
	case "@", "at", "am", "pm", "overnight", "night", "morning", "evening", "afternoon", "eve":
		return true
	}
	if v, nd := s.num(j); nd == 4 && dtHHMM(v) {
		return true
	} else if nd > 0 && nd <= 2 && s.pc(j+1) == ':' {
		return true
	}
	if s.kind(j) == text.Alnum || s.kind(j) == text.Mention {
		w := s.lw(j)
		return len(w) > 2 && (w[len(w)-2:] == "am" || w[len(w)-2:] == "pm" || w[0] == '@')
	}
	return false
}

// unitAfter reports whether token j is a unit or count word ("units", "mg", "%").
func (s *dtScan) unitAfter(j int) bool {
	if s.pc(j) == '%' {
		return true
	}
	return s.kind(j) == text.Word && dtUnitNext.has(s.lw(j))
}

// dtOrdinal returns the day of "3rd", "21st", or 0.
func dtOrdinal(w string) int {
	d := dtDigitEnd(w, 0)
	if d == 0 || d > 2 || len(w) != d+2 {
		return 0
	}
	switch w[d:] {
	case "st", "nd", "rd", "th":
	default:
		return 0
	}
	v := dtAtoi(w[:d])
	if v < 1 || v > 31 {
		return 0
	}
	return v
}

// dayAt returns the index of a day of the month at token j ("3", "3rd",
// "third", "the 3rd") and whether it is an ordinal, or -1.
func (s *dtScan) dayAt(j int) (int, bool) {
	switch s.kind(j) {
	case text.Number:
		v, nd := s.num(j)
		if nd == 0 || nd > 2 || v < 1 || v > 31 {
			return -1, false
		}
		e := s.toks[j].End
		if e+1 < len(s.norm) && dtIsDigit(s.norm[e+1]) {
			switch s.norm[e] {
			case '/', ':', '.', '-', ',':
				return -1, false
			}
		}
		return j, false
	case text.Alnum:
		if dtOrdinal(s.lw(j)) > 0 {
			return j, true
		}
	case text.Word:
		w := s.lw(j)
		if w == "the" {
			if k, ord := s.dayAt(j + 1); k >= 0 && ord {
				return k, true
			}
			return -1, false
		}
		if kw, ok := dtWords.get(w); ok && kw.kind == dtKOrdinal {
			if kw.flags == 0 {
				return j, true
			}
			// "twenty-first"
			if s.pc(j+1) == '-' && s.adj(j+1) && s.adj(j+2) {
				if kw2, ok := dtWords.get(s.lw(j + 2)); ok && kw2.kind == dtKOrdinal && kw2.flags == 0 && kw2.val <= 9 {
					return j + 2, true
				}
			}
		}
	}
	return -1, false
}

// yearAfter returns the end of a year at token j (", 2024", "of 1993",
// "'24"), or j when there is none.
func (s *dtScan) yearAfter(j int) int {
	k := j
	if s.pc(k) == ',' {
		k++
	} else if s.lw(k) == "of" {
		k++
	}
	if v, nd := s.num(k); nd == 4 && dtYearOK(v) {
		e := s.toks[k].End
		if e+1 < len(s.norm) && dtIsDigit(s.norm[e+1]) {
			switch s.norm[e] {
			case '/', ':', '.', '-', ',':
				return j
			}
		}
		if s.unitAfter(k + 1) {
			return j
		}
		return k + 1
	}
	if s.pc(k) == '\'' && s.adj(k+1) {
		if _, nd := s.num(k + 1); nd == 2 && s.nextIsEnd(k+2) || nd == 2 && s.kind(k+2) == text.Word {
			return k + 2
		}
	}
	return j
}

// dayMonth matches a day at token dayIdx followed by a month ("3 March",
// "3rd of March 1951", "05-May-2021"); the span starts at token start.
func (s *dtScan) dayMonth(start, dayIdx int, ord bool) int {
	end, conf, reason := s.dayMonthEnd(dayIdx, ord)
	if end == 0 {
		return 0
	}
	if dtBirthCue.has(s.pw(start)) {
		conf += 0.05
	}
	return s.emit(start, end, result.Date, conf, reason)
}

// dayMonthEnd returns the end of a day-month(-year) date whose day is token
// dayIdx, or 0.
func (s *dtScan) dayMonthEnd(dayIdx int, ord bool) (int, float64, string) {
	j := dayIdx + 1
	hyphen := false
	switch {
	case s.pc(j) == '-' && s.adj(j) && s.adj(j+1):
		hyphen = true
		j++
	case s.lw(j) == "of" && ord:
		j++
	}
	if s.kind(j) != text.Word {
		return 0, 0, ""
	}
	kw, ok := dtWords.get(s.lw(j))
	if !ok || kw.kind != dtKMonth {
		return 0, 0, ""
	}
	title := s.toks[j].Shape&(text.Title|text.Upper) != 0
	if kw.flags&dtMCap != 0 && !ord && !s.capOK(j) {
		return 0, 0, ""
	}
	end := j + 1
	if hyphen {
		if s.pc(end) == '-' && s.adj(end) && s.adj(end+1) {
			if v, nd := s.num(end + 1); nd == 2 || nd == 4 && dtYearOK(v) {
				return end + 2, 0.9, "date day-month-year"
			}
		}
		return end, 0.82, "date day-month"
	}
	k := end
	if kw.abbr && s.pc(k) == '.' && s.adj(k) {
		k++
	}
	if e := s.yearAfter(k); e > k {
		return e, 0.9, "date day month year"
	}
	// "2 may be", "3 march on": a plain number before a lower-case ambiguous
	// month must end the phrase
	if kw.flags&dtMCap != 0 && !ord && !title && !s.nextIsEnd(end) {
		return 0, 0, ""
	}
	if kw.val == 5 && !ord && dtModalNext.has(s.lw(end)) {
		return 0, 0, "" // "2 MAY BE", "3 may not"
	}
	if !ord && s.kind(dayIdx) == text.Number && dtScoreCue.has(s.pw(dayIdx)) {
		return 0, 0, ""
	}
	return end, 0.85, "date day month"
}

// monthEnd returns the end of a date that starts with the month at token i
// ("March 3rd", "Mar 3, 2024", "March 2024", "Sept '24", "May-21"), or 0.
func (s *dtScan) monthEnd(i int, kw dtKW) (int, float64, string) {
	capOK := s.capOK(i)
	title := s.toks[i].Shape&(text.Title|text.Upper) != 0
	needCap := kw.flags&dtMCap != 0
	j := i + 1
	dot := false
	if kw.abbr && s.pc(j) == '.' && s.adj(j) {
		dot = true
		j++
	}
	if !dot && s.pc(j) == '-' && s.adj(j) && s.adj(j+1) {
		v, nd := s.num(j + 1)
		if nd == 4 && dtYearOK(v) || nd > 0 && nd <= 2 && v >= 1 && v <= 31 {
			if needCap && !capOK {
				return 0, 0, ""
			}
			return j + 2, 0.8, "date month-day"
		}
		return 0, 0, ""
	}
	if d, ord := s.dayAt(j); d >= 0 && (ord || !needCap || capOK) {
		isNum := s.kind(d) == text.Number
		ok := true
		if isNum {
			if s.unitAfter(d+1) || s.pc(d+1) == ':' {
				ok = false
			}
			if needCap && !title && s.yearAfter(d+1) == d+1 && !s.nextIsEnd(d+1) {
				ok = false // "may 2 be" in an all-lower post
			}
		}
		if ok {
			if e := s.yearAfter(d + 1); e > d+1 {
				return e, 0.9, "date month day year"
			}
			conf := 0.85
			if needCap && kw.abbr {
				conf = 0.78
			}
			return d + 1, conf, "date month day"
		}
	}
	if e := s.yearAfter(j); e > j {
		if needCap && !capOK && s.kind(e-1) != text.Number {
			return 0, 0, ""
		}
		return e, 0.85, "date month year"
	}
	return 0, 0, ""
}

// dtScheduleHead before "for <month>" make the month a date ("the rota for
// August", "booked for June"), not a person of that name.
var dtScheduleHead = wordSetOf("rota", "rotas", "roster", "schedule", "timetable", "booked", "planned",
	"scheduled", "leave", "holiday", "holidays")

// dtFirstPersonWord reports "I" or a contraction of it ("i'm", "i've").
func dtFirstPersonWord(lw string) bool {
	return lw == "i" || len(lw) > 2 && lw[0] == 'i' && lw[1] == '\''
}

// monthWord handles a month name at token i.
func (s *dtScan) monthWord(i int, kw dtKW) int {
	if end, conf, reason := s.monthEnd(i, kw); end > 0 {
		if dtBirthCue.has(s.pw(i)) {
			conf += 0.05
		}
		return s.emit(i, end, result.Date, conf, reason)
	}
	if kw.flags&dtMCap != 0 && !s.capOK(i) {
		return 0
	}
	ok := kw.flags&dtMAlone != 0
	if !ok && kw.flags&dtMCue != 0 {
		p := s.prevWord(i)
		pw := s.lw(p)
		switch {
		case !dtMonthCue.has(pw):
		case pw == "of":
			ok = dtMonthOfHead.has(s.pw(p))
		case dtMonthWeakCue.has(pw):
			ok = kw.val >= 9 || kw.val == 2 || kw.val == 7 && kw.abbr
		case pw == "this" && kw.flags&dtMCap != 0:
			ok = false // "this may be"
		case pw == "for":
			// "the rota for November", "booked for March"; "flowers for April" and "for May"
			// are as often for a person of that name
			ok = kw.val != 4 && kw.val != 5 && kw.val != 6 && kw.val != 8 || dtScheduleHead.has(s.pw(p))
		default:
			ok = true
		}
	}
	if !ok {
		return 0
	}
	// "May Jones", "April Smith": a capitalised word after a month that is also a name
	if i+1 < len(s.toks) && !s.doc.AllCaps && s.toks[i+1].Kind == text.Word && s.toks[i+1].Space &&
		s.toks[i+1].Shape&text.Title != 0 && kw.flags&dtMAlone == 0 {
		if nk, isKW := dtWords.get(s.lw(i + 1)); (!isKW || nk.kind == dtKOrdinal) && !dtFirstPersonWord(s.lw(i+1)) {
			return 0 // (but "in June I'm off": the writer, no surname)
		}
	}
	conf := 0.6
	if kw.abbr {
		conf = 0.55
	}
	if p := s.prevWord(i); s.lw(p) == "for" && dtScheduleHead.has(s.pw(p)) {
		// "the rota for August": a schedule's month, above a first name's reading
		return s.emit(i, i+1, result.Date, 0.9, "date month of a schedule")
	}
	return s.emit(i, i+1, result.Date, conf, "date month name")
}

// ordinalDate handles "3rd" at token i: "3rd March", "3rd of March 1951",
// "on the 3rd".
func (s *dtScan) ordinalDate(i int) int {
	if j := s.dayMonth(i, i, true); j > 0 {
		return j
	}
	pw := s.lw(i - 1)
	if pw == "the" {
		if !s.nextIsEnd(i+1) && !dtAfterDayOK.has(s.lw(i+1)) {
			return 0
		}
		if b := s.lw(i - 2); b == "in" || b == "of" || b == "into" {
			return 0 // "a catch in the 7th", "top of the 9th", "finished in the 3rd": a place in a series
		}
		conf := 0.55
		switch s.lw(i - 2) {
		case "on", "since", "until", "till", "by", "from", "before", "after", "it's", "is", "was":
			conf = 0.65
		}
		return s.emit(i, i+1, result.Date, conf, "date ordinal day")
	}
	switch pw {
	case "on", "since", "until", "till", "from":
		if s.nextIsEnd(i + 1) {
			return s.emit(i, i+1, result.Date, 0.6, "date ordinal day")
		}
	}
	return 0
}

// ordinalWord handles "third", "twenty-first" when a month follows.
func (s *dtScan) ordinalWord(i int) int {
	d, ord := s.dayAt(i)
	if d < 0 || !ord {
		return 0
	}
	return s.dayMonth(i, d, true)
}

// weekday handles a weekday name at token i: "Tuesday", "last Tuesday",
// "on Tues", "Tuesday 3rd March 2024".
func (s *dtScan) weekday(i int, kw dtKW) int {
	start := i
	prefix := s.kind(i-1) == text.Word && dtWeekdayPrefix.has(s.lw(i-1)) && !s.toks[i].Newline
	if prefix {
		start = i - 1
	}
	j := i + 1
	if kw.abbr && s.pc(j) == '.' && s.adj(j) {
		j++
	}
	// "Mon-Fri", "Friday-Sunday": a range of days, capitalised at both ends;
	// a service's opening hours ("open Mon-Fri") say nothing of a person.
	if s.pc(j) == '-' && s.adj(j) && s.adj(j+1) && s.capOK(i) && s.capOK(j+1) && !dtOpeningWords.has(s.pw(i)) {
		if kw2, ok := dtWords.get(s.lw(j + 1)); ok && kw2.kind == dtKWeekday {
			return s.emit(start, j+2, result.Date, 0.75, "date weekday range")
		}
	}
	k := j
	if s.pc(k) == ',' {
		k++
	}
	end, conf, reason := i+1, 0.7, "date weekday"
	if d, ord := s.dayAt(k); d >= 0 {
		if e, _, _ := s.dayMonthEnd(d, ord); e > 0 {
			end, conf, reason = e, 0.88, "date weekday day month"
		} else if ord {
			end, conf, reason = d+1, 0.8, "date weekday ordinal"
		}
	} else if mk, ok := dtWords.get(s.lw(k)); ok && mk.kind == dtKMonth {
		if e, _, _ := s.monthEnd(k, mk); e > 0 {
			end, conf, reason = e, 0.88, "date weekday month day"
		}
	}
	if kw.abbr {
		if !s.capOK(i) {
			return 0
		}
		if end == i+1 && s.slashedWeekdays(i) {
			// "Physio Mon/Wed/Fri": days in a slashed list, each a date
			return s.emit(i, i+1, result.Date, 0.7, "date weekday in a slashed list")
		}
		if end == i+1 {
			// "Wed 6pm", "my Sat call": a capitalised abbreviation mid-sentence
			// before a clock time, or owned before a shift word
			timed := s.abbrWeekdayTimed(i, j)
			if !prefix && !dtWeekdayCue.has(s.pw(i)) && !dtDayPart.has(s.lw(j)) && !timed {
				return 0
			}
			if s.kind(j) == text.Word && s.toks[j].Shape&text.Lower != 0 && !dtAfterDayOK.has(s.lw(j)) && !timed &&
				!(s.lw(j) == "from" && dtWeekdayCue.has(s.pw(i))) {
				return 0 // "on sun loungers" (but "on Weds from 10")
			}
			if s.kind(j) == text.Number || s.pc(j) == '%' {
				return 0 // "on sat 97%"
			}
			conf = 0.65
		}
	} else if prefix && end == i+1 {
		conf = 0.72
	}
	return s.emit(start, end, result.Date, conf, reason)
}

// abbrWeekdayTimed reports a weekday abbreviation at token i, written with
// a capital mid-sentence, before a clock time at token j ("talk Wed 6pm",
// "meeting Sat at 3", "Thurs 14:00") or after "my/your/our" before a shift
// word ("my Sat call", "your Sun late"): a day, not "sat", "wed" or the sun.
func (s *dtScan) abbrWeekdayTimed(i, j int) bool {
	if s.toks[i].Shape&text.Title == 0 || s.doc.AllCaps || s.prevWord(i) < 0 {
		return false
	}
	if c := s.pc(i - 1); c == '.' || c == '!' || c == '?' {
		return false // a sentence's first word
	}
	switch pw := s.pw(i); {
	case dtPossessive.has(pw):
		return dtShiftAfterDay.has(s.lw(j))
	case pw == "the" || pw == "a" || dtAgeVerbSubj.has(pw) || pw == "we" || pw == "they" || pw == "you":
		return false // "the Sun at 9", "I Sat at 3": a paper, a verb
	}
	clock := func(k int) bool {
		lw := s.lw(k)
		switch s.kind(k) {
		case text.Alnum:
			n := len(lw)
			return n >= 3 && lw[0] >= '0' && lw[0] <= '9' && (lw[n-2:] == "am" || lw[n-2:] == "pm")
		case text.Number:
			return s.pc(k+1) == ':' || s.kind(k+1) == text.Word && (s.lw(k+1) == "am" || s.lw(k+1) == "pm")
		}
		return false
	}
	return clock(j) || s.lw(j) == "at" && (clock(j+1) ||
		s.kind(j+1) == text.Number && len(s.lw(j+1)) <= 2 && (s.kind(j+2) != text.Word || dtDayPart.has(s.lw(j+2))))
}

// dtShiftAfterDay are the shift words after "my Sat", "your Sun".
var dtShiftAfterDay = wordSetOf("call", "shift", "shifts", "late", "lates", "early", "earlies", "night",
	"nights", "long", "day", "clinic", "rota", "off")

// slashedWeekdays reports whether the weekday at word token i is glued by a slash to
// another capitalised weekday ("Mon/Wed/Fri", "Tue/Thu").
func (s *dtScan) slashedWeekdays(i int) bool {
	if s.pc(i+1) == '/' && s.adj(i+1) && s.adj(i+2) && s.kind(i+2) == text.Word && s.capOK(i+2) {
		if kw, ok := dtWords.get(s.lw(i + 2)); ok && kw.kind == dtKWeekday {
			return true
		}
	}
	if i >= 2 && s.pc(i-1) == '/' && s.adj(i-1) && s.adj(i) && s.kind(i-2) == text.Word && s.capOK(i-2) {
		if kw, ok := dtWords.get(s.lw(i - 2)); ok && kw.kind == dtKWeekday {
			return true
		}
	}
	return false
}

// relative handles "yesterday", "the day before yesterday", "tomorrow",
// "last night", "the night before last".
func (s *dtScan) relative(i int) int {
	switch s.lwBare(i) {
	case "yesterday":
		if s.lw(i-1) == "before" && s.lw(i-2) == "day" {
			return s.emit(i-2, i+1, result.Date, 0.65, "date relative day")
		}
		return s.emit(i, i+1, result.Date, 0.6, "date relative day")
	case "tomorrow", "tmrw", "tomoz", "tomorow", "tommorow", "tommorrow", "tomorrw": // dtTomorrowSpellings
		if s.lw(i-1) == "after" && s.lw(i-2) == "day" {
			return s.emit(i-2, i+1, result.Date, 0.6, "date relative day")
		}
		return s.emit(i, i+1, result.Date, 0.55, "date relative day")
	case "last":
		if dtPossessive.has(s.lw(i-1)) || s.lw(i-1) == "the" || s.lw(i-1) == "a" {
			return 0 // "my last night shift", "the last week of term": the final one
		}
		switch s.lwBare(i + 1) {
		case "night":
			return s.emit(i, i+2, result.Date, 0.6, "date relative day")
		case "week", "weekend", "month":
			// "you were my patient last week", "the shooting last weekend":
			// like "last Tuesday", a past week or month says when something
			// happened to someone. "last year" is left out, as bare years are.
			// "the statement for last month" is a period, not when something happened.
			if s.kind(i+1) == text.Word && s.lw(i-1) != "for" && !(s.lw(i+2) == "of" && s.kind(i+3) == text.Word) {
				return s.emit(i, i+2, result.Date, 0.55, "date relative week or month")
			}
		}
	case "night":
		if s.lw(i+1) == "before" && s.lw(i+2) == "last" {
			return s.emit(i, i+3, result.Date, 0.6, "date relative day")
		}
	}
	return 0
}

// holiday handles a holiday name at token i ("Christmas Day", "Bonfire
// Night", "over Easter", "last Christmas").
func (s *dtScan) holiday(i int) int {
	for _, h := range dtHolidays.at(s.lw(i)) {
		k := i
		ok := true
		for n, w := range h.words {
			if n > 0 && s.pc(k) == '.' && s.adj(k) && s.lw(k-1) == "st" {
				k++
			}
			if s.lw(k) != w || s.kind(k) != text.Word {
				ok = false
				break
			}
			k++
		}
		if !ok {
			continue
		}
		start := i
		prefix := s.kind(i-1) == text.Word && dtWeekdayPrefix.has(s.lw(i-1))
		if prefix {
			start = i - 1
		}
		conf := 0.8
		if h.cue {
			if !prefix && !dtHolidayCue.has(s.pw(i)) {
				if !h.caps || s.toks[i].Shape&(text.Title|text.Upper) == 0 {
					continue
				}
			}
			if len(h.words) == 1 && !s.capOK(i) && s.lw(i) != "xmas" {
				continue
			}
			conf = 0.7
		}
		return s.emit(start, k, result.Date, conf, "date holiday")
	}
	return 0
}

// apostropheYear handles "'92" after a life event ("MI '92", "CABG x3 '95").
func (s *dtScan) apostropheYear(i int) int {
	if i > 0 && !s.toks[i].Space && s.pc(i-1) != '(' {
		return 0
	}
	if !s.adj(i + 1) {
		return 0
	}
	if _, nd := s.num(i + 1); nd != 2 {
		return 0
	}
	if s.eventBefore(i, 3) {
		return s.emit(i+1, i+2, result.Date, 0.72, "date year tied to a life event")
	}
	return 0
}

// eventYear handles a year tied to a life event: "born in 1931", "MI 1992",
// "CVA 74'", "CABG 84,".
func (s *dtScan) eventYear(i, v, nd int) int {
	switch nd {
	case 4:
		if !dtYearOK(v) || v > 2039 || s.unitAfter(i+1) {
			return 0
		}
		if n := s.lifeSpan(i, v); n > 0 {
			return n
		}
		if e := s.toks[i].End; e+1 < len(s.norm) && dtIsDigit(s.norm[e+1]) {
			return 0
		}
		p := s.prevWord(i)
		pw := s.lw(p)
		if pw == "in" || pw == "of" || pw == "on" || pw == "around" || pw == "circa" || pw == "c" {
			p = s.prevWord(p)
			pw = s.lw(p)
		}
		if pw == "away" && s.pw(p) == "passed" {
			pw = "died"
		}
		if dtEventCue.has(pw) || dtEventCue.has(dtEventStem(pw)) {
			conf := 0.75
			if dtBirthCue.has(pw) {
				conf = 0.85
			}
			return s.emit(i, i+1, result.Date, conf, "date year tied to a life event")
		}
		if prep := s.pw(i); (prep == "since" || prep == "from" || prep == "in") && s.injuryBefore(i) {
			return s.emit(i, i+1, result.Date, 0.65, "date year of an injury or symptom ('"+prep+" YYYY')")
		}
	case 2:
		if s.pc(i+1) == '\'' && s.adj(i+1) && s.eventBefore(i, 3) {
			return s.emit(i, i+1, result.Date, 0.7, "date year tied to a life event")
		}
		if e := s.toks[i].End; e+1 < len(s.norm) && dtIsDigit(s.norm[e+1]) {
			return 0
		}
		p := s.prevWord(i)
		pw := s.lw(p)
		if pw == "in" {
			pw = s.pw(p)
		}
		if dtEventShort.has(pw) || dtEventShort.has(dtEventStem(pw)) {
			if s.nextIsEnd(i+1) && s.pc(i+1) != ')' || dtYearNext.has(s.lw(i+1)) {
				return s.emit(i, i+1, result.Date, 0.6, "date year tied to a life event")
			}
		}
	}
	return 0
}

// dtOpeningWords before a range of days make it opening hours ("open
// Mon-Fri"), not a date.
var dtOpeningWords = wordSetOf("open", "opening", "opens", "closed", "hours", "daily", "staffed", "available")

// dtInjuryCue words before "since/from/in YYYY" in the same sentence tie the
// year to what happened to a person ("pain in her hip since 2009", "a
// pellet still in his leg from 1987", "came off his bike in 2021").
var dtInjuryCue = wordSetOf("pain", "pains", "ache", "aching", "bullet", "shrapnel", "pellet", "injury",
	"injuries", "injured", "accident", "crash", "crashed", "fell", "shot", "stabbed", "wound", "limp",
	"symptoms", "numbness", "headaches", "seizures", "fits", "off")

// injuryBefore reports whether an injury or symptom word stands within ten
// words before token i in the same sentence; "off" counts only after
// "came", "fell" or "thrown" ("came off his bike").
func (s *dtScan) injuryBefore(i int) bool {
	for k, n := i-1, 0; k >= 0 && n < 10; k-- {
		if s.toks[k+1].Newline {
			return false
		}
		switch s.toks[k].Kind {
		case text.Punct:
			if c := s.pc(k); c == '.' || c == ';' || c == '!' || c == '?' {
				return false
			}
		case text.Word:
			n++
			if w := s.lw(k); dtInjuryCue.has(w) {
				if w != "off" {
					return true
				}
				switch s.lw(k - 1) {
				case "came", "fell", "thrown", "come", "falling", "coming":
					return true
				}
			}
		}
	}
	return false
}

// lifeSpan matches the years of a life, "1941–2024" (a dash between two
// years 15 to 115 apart): both are dates.
func (s *dtScan) lifeSpan(i, v int) int {
	if i+2 >= len(s.toks) || s.pc(i+1) != '-' || s.toks[i+1].Space || s.toks[i+2].Space || s.kind(i+2) != text.Number {
		return 0
	}
	t := s.toks[i+2]
	if t.End-t.Start != 4 {
		return 0
	}
	w := 0
	for _, c := range s.norm[t.Start:t.End] {
		w = w*10 + int(c-'0')
	}
	if v < 1850 || w-v < 15 || w-v > 115 || w > 2100 {
		return 0
	}
	if e := t.End; e+1 < len(s.norm) && (dtIsDigit(s.norm[e+1]) || s.norm[e] == '-') {
		return 0 // "1941-2024-3", a longer number
	}
	s.emit(i, i+1, result.Date, 0.7, "date: years of a life")
	return s.emit(i+2, i+3, result.Date, 0.7, "date: years of a life")
}

// eventBefore reports whether a life-event word stands within n tokens before
// token i on the same line and in the same clause.
func (s *dtScan) eventBefore(i, n int) bool {
	for k := i - 1; k >= 0 && k >= i-n; k-- {
		if s.toks[k+1].Newline {
			return false
		}
		switch s.toks[k].Kind {
		case text.Punct:
			if c := s.pc(k); c == '.' || c == ';' || c == ',' || c == ':' {
				return false
			}
		case text.Word, text.Alnum:
			w := s.lw(k)
			if dtEventCue.has(w) || dtEventCue.has(dtEventStem(w)) {
				return true
			}
		}
	}
	return false
}

// dtEventStem strips a count suffix: "cabgx4" → "cabg".
func dtEventStem(w string) string {
	e := len(w)
	for e > 0 && dtIsDigit(w[e-1]) {
		e--
	}
	if e < len(w) && e > 1 && w[e-1] == 'x' {
		return w[:e-1]
	}
	return w
}
