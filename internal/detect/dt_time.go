package detect

import (
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// dtHour12 reports whether a number can be the hour of an am/pm time: 1–12,
// or hmm / hhmm with a 1–12 hour ("630", "1030").
func dtHour12(v, nd int) bool {
	switch {
	case nd <= 2:
		return v >= 1 && v <= 12
	case nd <= 4:
		return v/100 >= 1 && v/100 <= 12 && v%100 <= 59
	}
	return false
}

// ampmAt returns the end of an am/pm marker at token j ("pm", "p.m."), or j.
func (s *dtScan) ampmAt(j int) int {
	if s.kind(j) != text.Word {
		return j
	}
	switch s.lw(j) {
	case "am", "pm":
		return j + 1
	case "a", "p":
		if s.pc(j+1) == '.' && s.adj(j+1) && s.lw(j+2) == "m" && s.adj(j+2) {
			if s.pc(j+3) == '.' && s.adj(j+3) {
				return j + 4
			}
			return j + 3
		}
	}
	return j
}

// dayPartAfter returns the end of "in the morning/afternoon/evening" or "at
// night" at token j, or j.
func (s *dtScan) dayPartAfter(j int) int {
	switch s.lw(j) {
	case "in":
		if s.lw(j+1) == "the" {
			switch s.lw(j + 2) {
			case "morning", "afternoon", "evening", "night":
				return j + 3
			}
		}
	case "at":
		if s.lw(j+1) == "night" {
			return j + 2
		}
	}
	return j
}

// clockTime matches "14:30", "14:30:05", "3:30pm", "3.30pm", "14.30hrs" and
// "at 3.30" at Number token i (followed by ':' or '.' and a digit).
func (s *dtScan) clockTime(i int) int {
	str := s.norm
	t := s.toks[i]
	if t.End-t.Start > 2 {
		return 0
	}
	h := dtAtoi(str[t.Start:t.End])
	sep := str[t.End]
	m0 := t.End + 1
	m1 := dtDigitEnd(str, m0)
	if m1-m0 != 2 || h > 24 || dtAtoi(str[m0:m1]) > 59 {
		return 0
	}
	end := m1
	secs := false
	if sep == ':' && end+2 < len(str) && str[end] == ':' && dtIsDigit(str[end+1]) && dtIsDigit(str[end+2]) &&
		(end+3 == len(str) || !dtIsDigit(str[end+3])) {
		if dtAtoi(str[end+1:end+3]) > 59 {
			return 0
		}
		end += 3
		secs = true
	}
	if end+1 < len(str) && dtIsDigit(str[end+1]) {
		switch str[end] {
		case ':', '.', '/', ',':
			return 0
		}
	}
	ampm, hrs := false, false
	if end < len(str) && dtIsLetter(str[end]) {
		le := end
		for le < len(str) && dtIsLetter(str[le]) {
			le++
		}
		if le < len(str) && dtIsDigit(str[le]) {
			return 0
		}
		switch s.low[end:le] {
		case "am", "pm":
			ampm = true
		case "h", "hr", "hrs", "hh":
			hrs = true
		default:
			return 0
		}
		end = le
	}
	j := s.tokAfter(i, end)
	if j < 0 {
		return 0
	}
	if !ampm && !hrs {
		if e := s.ampmAt(j); e > j {
			ampm = true
			end, j = s.toks[e-1].End, e
		} else if dtHrsNext.has(s.lw(j)) {
			hrs = true
		}
	}
	var conf float64
	var reason string
	pw := s.pw(i)
	switch {
	case ampm:
		conf, reason = 0.9, "time h:mm am/pm"
	case sep == ':':
		if dtBibleCue.has(pw) || s.unitAfter(j) && !s.rangeEnd || s.raceNear(i, j) {
			return 0 // a range's end may take a unit after it: "8:15-4:15 shifts"
		}
		conf, reason = 0.85, "time hh:mm"
		if secs {
			conf = 0.88
		}
	case hrs:
		conf, reason = 0.85, "time hh.mm hrs"
	default:
		if s.unitAfter(j) || s.pc(j) == '%' {
			return 0
		}
		switch {
		case dtTimeCue.has(pw) || s.pc(i-1) == '@':
			conf, reason = 0.7, "time h.mm after a time cue"
		case dtTimeNext.has(s.lw(j)) && s.kind(j) == text.Word:
			conf, reason = 0.65, "time h.mm before '"+s.lw(j)+"'"
		case s.pc(i-1) == ',' && s.dayBefore(i-1):
			conf, reason = 0.65, "time h.mm after a day"
		default:
			return 0
		}
	}
	r := s.emitBytes(t.Start, end, i, j, result.Time, conf, reason)
	// "14:30-15:00", "9.30-10.15am"
	if s.pc(j) == '-' && s.adj(j) && s.kind(j+1) == text.Number && s.adj(j+1) {
		if e2 := s.toks[j+1].End; e2 < len(str) && (str[e2] == ':' || str[e2] == '.') {
			s.rangeEnd = true
			r2 := s.clockTime(j + 1)
			s.rangeEnd = false
			if r2 > 0 {
				return r2
			}
		}
	}
	return r
}

// clockAfterNumber matches "3 pm", "630 am", "3 o'clock", "12 noon" and
// "at 3 in the morning" at Number token i.
func (s *dtScan) clockAfterNumber(i, v, nd int) int {
	j := i + 1
	if j >= len(s.toks) {
		return 0
	}
	if e := s.ampmAt(j); e > j {
		if !dtHour12(v, nd) {
			return 0
		}
		return s.emit(i, e, result.Time, 0.9, "time h am/pm")
	}
	switch s.lw(j) {
	case "o'clock", "oclock":
		if nd <= 2 && v >= 1 && v <= 12 {
			return s.emit(i, j+1, result.Time, 0.85, "time o'clock")
		}
	case "noon", "midnight", "midday":
		if v == 12 && nd == 2 {
			return s.emit(i, j+1, result.Time, 0.85, "time 12 noon")
		}
	case "in", "at":
		if nd <= 2 && v >= 1 && v <= 12 && dtClockCue.has(s.pw(i)) {
			if e := s.dayPartAfter(j); e > j {
				return s.emit(i, e, result.Time, 0.75, "time hour of the day")
			}
		}
	}
	return 0
}

// amPmRange matches "2-4pm", "10-11 am" at Number token i.
func (s *dtScan) amPmRange(i, v, nd int) int {
	if nd > 2 || v < 1 || v > 12 || s.pc(i+1) != '-' || !s.adj(i+1) || !s.adj(i+2) {
		return 0
	}
	k := i + 2
	end := 0
	switch s.kind(k) {
	case text.Alnum:
		w := s.lw(k)
		d := dtDigitEnd(w, 0)
		if d > 0 && (w[d:] == "am" || w[d:] == "pm") && dtHour12(dtAtoi(w[:d]), d) {
			end = k + 1
		}
	case text.Number:
		if v2, nd2 := s.num(k); dtHour12(v2, nd2) {
			if e := s.ampmAt(k + 1); e > k+1 {
				end = e
			}
		}
	}
	if end == 0 {
		return 0
	}
	return s.emit(i, end, result.Time, 0.85, "time range am/pm")
}

// alnumAmPm handles "3pm", "630am", "10am" at Alnum token i.
func (s *dtScan) alnumAmPm(i, v, d int) int {
	if !dtHour12(v, d) {
		return 0
	}
	return s.emit(i, i+1, result.Time, 0.9, "time h am/pm")
}

// hhmm handles a four-digit 24-hour time at Number token i: "at 0300",
// "0300 hrs", "approx. 2130", "1900 - 0700". A number that could be a year
// needs a strong cue ("since 2009" is not a time).
func (s *dtScan) hhmm(i, v int) int {
	if !dtHHMM(v) {
		return 0
	}
	str := s.norm
	e := s.toks[i].End
	if e+1 < len(str) && dtIsDigit(str[e+1]) && str[e] != '-' {
		return 0
	}
	j := i + 1
	if s.unitAfter(j) && !dtHrsNext.has(s.lw(j)) {
		return 0
	}
	yearLike := v >= 1920 && v <= 2039
	pw := s.pw(i)
	if c := s.pc(i - 1); c == '@' || c == '~' {
		pw = "@"
	}
	var conf float64
	var reason string
	switch {
	case dtHrsNext.has(s.lw(j)):
		conf, reason = 0.85, "time 24-hour with hrs"
	case yearLike && dtTimeCueYear.has(pw), !yearLike && dtTimeCue.has(pw):
		conf, reason = 0.8, "time 24-hour after a time cue"
	}
	if k := s.rangeNext(j); k > 0 {
		if v2, nd2 := s.num(k); nd2 == 4 && dtHHMM(v2) && !s.unitAfter(k+1) && !(yearLike && v2 >= 1920 && v2 <= 2039) {
			if e2 := s.toks[k].End; e2+1 >= len(str) || !dtIsDigit(str[e2+1]) || str[e2] == ' ' {
				c1 := max(conf, 0.8)
				if str[s.toks[i].Start] == '0' {
					c1 += 0.05
				}
				s.emit(i, i+1, result.Time, c1, "time 24-hour range")
				c2 := 0.8
				if str[s.toks[k].Start] == '0' || dtHrsNext.has(s.lw(k+1)) {
					c2 = 0.85
				}
				return s.emit(k, k+1, result.Time, c2, "time 24-hour range")
			}
		}
	}
	if conf == 0 {
		return 0
	}
	if str[s.toks[i].Start] == '0' {
		conf += 0.05
	} else if !s.doc.AllCaps && s.kind(j) == text.Word && s.toks[j].Shape&text.Title != 0 && reason != "time 24-hour with hrs" {
		if _, kw := dtWords.get(s.lw(j)); !kw {
			return 0 // "arrived at 2035 Gewerbepark": a house number
		}
	}
	return s.emit(i, i+1, result.Time, conf, reason)
}

// rangeNext returns the index of the number after a range joiner at token j
// ("-", "->", "to", "until", "and"), or 0.
func (s *dtScan) rangeNext(j int) int {
	k := j
	switch {
	case s.pc(k) == '-' || s.pc(k) == '>':
		k++
		if s.pc(k) == '>' {
			k++
		}
	case s.kind(k) == text.Word:
		switch s.lw(k) {
		case "to", "until", "till", "til", "and", "through", "thru":
			k++
		default:
			return 0
		}
	default:
		return 0
	}
	if s.kind(k) != text.Number || s.brk(k) {
		return 0
	}
	return k
}

// mentionTime handles "@2330" (a Mention token of four digits).
func (s *dtScan) mentionTime(i int) int {
	t := s.toks[i]
	w := s.norm[t.Start+1 : t.End]
	if len(w) != 4 || dtDigitEnd(w, 0) != 4 || !dtHHMM(dtAtoi(w)) || s.unitAfter(i+1) {
		return 0
	}
	return s.emitBytes(t.Start+1, t.End, i, i+1, result.Time, 0.8, "time 24-hour after @")
}

// clockWord handles "midnight", "noon", "half past 3", "quarter to 4" and
// UK "half 2" (half past two).
func (s *dtScan) clockWord(i int) int {
	w := s.lw(i)
	switch w {
	case "midnight", "noon", "midday":
		if dtClockCue.has(s.pw(i)) {
			return s.emit(i, i+1, result.Time, 0.75, "time midnight or noon")
		}
		// "9am-noon", "8pm to midnight": the end of a range of clock times
		if (s.pc(i-1) == '-' || s.lw(i-1) == "to" || s.lw(i-1) == "until" || s.lw(i-1) == "till") && s.ampmEnds(i-2) {
			return s.emit(i, i+1, result.Time, 0.75, "time midnight or noon ending a range")
		}
	case "half", "quarter":
		k := i + 1
		if nw := s.lw(k); nw == "past" || w == "quarter" && nw == "to" {
			if v, nd := s.num(k + 1); nd > 0 && nd <= 2 && v >= 1 && v <= 12 && !s.unitAfter(k+2) {
				end := k + 2
				if e := s.ampmAt(end); e > end {
					end = e
				} else if e := s.dayPartAfter(end); e > end {
					end = e
				}
				return s.emit(i, end, result.Time, 0.8, "time half or quarter past")
			}
			return 0
		}
		if w == "half" {
			if v, nd := s.num(k); nd > 0 && nd <= 2 && v >= 1 && v <= 12 && !s.continuation(k) {
				end := k + 1
				if e := s.ampmAt(end); e > end {
					end = e
				} else if e := s.dayPartAfter(end); e > end {
					end = e
				}
				if end > k+1 || dtClockCue.has(s.pw(i)) && (s.nextIsEnd(k+1) || !s.unitAfter(k+1) && s.kind(k+1) != text.Number) {
					if s.pc(k+1) == '/' || s.pc(k+1) == '.' && !s.nextIsEnd(k+1) {
						return 0
					}
					return s.emit(i, end, result.Time, 0.72, "time half past (UK)")
				}
			}
		}
	}
	return 0
}

// dtTimeNext words after a dotted h.mm make it a clock time ("for 7.30
// starts", "7.30 sharp").
var dtTimeNext = wordSetOf("start", "starts", "finish", "finishes", "sharp", "onwards", "kickoff", "kick-off")

// dayBefore reports whether the token before the comma at token c names a
// day ("Thursday 8th, 7.30", "Friday, 7.30"): a weekday or a day ordinal.
func (s *dtScan) dayBefore(c int) bool {
	w := s.lw(c - 1)
	if kw, ok := dtWords.get(w); ok {
		return kw.kind == dtKWeekday
	}
	d := dtDigitEnd(w, 0)
	if d == 0 || d > 2 || s.kind(c-1) != text.Alnum {
		return false
	}
	switch w[d:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// ampmEnds reports whether token j ends an am/pm time ("9am", "9 am", "p.m.").
func (s *dtScan) ampmEnds(j int) bool {
	w := s.lw(j)
	if s.pc(j) == '.' {
		w = s.lw(j - 1)
	}
	return len(w) >= 1 && (w == "am" || w == "pm" || w == "m" || len(w) > 2 && dtIsDigit(w[0]) && (w[len(w)-2:] == "am" || w[len(w)-2:] == "pm"))
}

// dtRaceWords near an h:mm make it a race or split time, not a clock time
// ("Half Marathon done in 2:04", "Parkrun PB! 22:41").
// Words common in notes ("finished", "lap", "PR") are left out.
var dtRaceWords = wordSetOf("marathon", "parkrun", "pb", "5k", "10k", "race", "strava", "triathlon",
	"ultramarathon", "half-marathon")

// raceNear reports whether a race word is within eight words before the time
// at token i or three after its end at token j, or the time follows "done
// in"/"ran in" and ends the clause ("did it in 3:58!"); a time cue before the
// time or "start" after it keeps it a clock time.
func (s *dtScan) raceNear(i, j int) bool {
	if dtTimeCue.has(s.lw(i-1)) && s.lw(i-1) != "in" || dtTimeNext.has(s.lw(j)) {
		return false // "Race day, 10:00 start", "parkrun at 9:00": the time of day of a race
	}
	if s.lw(i-1) == "in" && (s.nextIsEnd(j) || s.kind(j) != text.Word) {
		switch s.lw(i - 2) {
		case "done", "ran", "run", "did", "it", "completed", "half":
			return true
		}
	}
	for k, n := i-1, 0; k >= 0 && n < 8; k-- {
		if s.toks[k].Kind == text.Word || s.toks[k].Kind == text.Alnum {
			n++
			if dtRaceWords.has(s.lw(k)) {
				return true
			}
		}
	}
	for k, n := j, 0; k < len(s.toks) && n < 3; k++ {
		if s.toks[k].Newline {
			break
		}
		if s.toks[k].Kind == text.Word || s.toks[k].Kind == text.Alnum {
			n++
			if dtRaceWords.has(s.lw(k)) {
				return true
			}
		}
	}
	return false
}

// shiftRange handles the US shift shorthand "7a-7p", "7p-7a" at Alnum
// token i: an hour with a bare a or p is a time only in such a range, since
// alone "7p" is also seven pence.
func (s *dtScan) shiftRange(i, v, d int) int {
	if d > 2 || v < 1 || v > 12 {
		return 0
	}
	if s.pc(i+1) != '-' || !s.adj(i+1) || !s.adj(i+2) || s.kind(i+2) != text.Alnum {
		// "swap my Saturday 7p?", "before our 7p": a shift called by its start, after
		// "my/our" and perhaps a weekday, ending the phrase; without a weekday not the
		// value of a coin ("my 5p").
		k := s.prevWord(i)
		day := false
		if kw, ok := dtWords.get(s.lw(k)); ok && kw.kind == dtKWeekday && s.capOK(k) {
			k, day = s.prevWord(k), true
		}
		coin := v == 1 || v == 2 || v == 5 || v == 10
		if w := s.lw(k); (w == "my" || w == "our") && s.nextIsEnd(i+1) && (day || !coin) {
			return s.emit(i, i+1, result.Time, 0.6, "time: a shift called by its start ('our 7p')")
		}
		return 0
	}
	w := s.lw(i + 2)
	d2 := dtDigitEnd(w, 0)
	if d2 == 0 || d2 > 2 || w[d2:] != "a" && w[d2:] != "p" || !dtHour12(dtAtoi(w[:d2]), d2) {
		return 0
	}
	// A shift crosses noon or midnight ("7a-7p") or lasts a shift ("3p-11p");
	// "7p-9p" is a price range.
	if v2 := dtAtoi(w[:d2]); w[d2:] == s.lw(i)[d:] && (v2-v)%12 < 6 {
		return 0
	}
	s.emit(i, i+1, result.Time, 0.8, "time shift range h a/p")
	return s.emit(i+2, i+3, result.Time, 0.8, "time shift range h a/p")
}
