package detect

import (
	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// Local names that staff use among themselves and no list holds: a hospital
// known by its initials ("seen by the renal team at KMC", "BVMC nurse", "KH EW")
// and a unit known by a name and a number ("on Fenwicke 2"). Both are
// judged by their shape and the words around them, never by a list of
// particular places.

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
	for i := range p.toks {
		t := &p.toks[i]
		if !t.word || p.doc.Tokens[i].Kind != text.Word {
			continue
		}
		if p.hospitalInitials(i) {
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
	if len(lw) < 2 || len(lw) > 5 || !(t.upper || p.caseless) || t.poss {
		return false
	}
	if !(lw[len(lw)-1] == 'h' || len(lw) >= 3 && (lw[len(lw)-2:] == "mc" || lw[len(lw)-2:] == "hc")) {
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
	if t.found && (t.e.WordTier > 0 || t.e.FirstNameFreq > 0 || t.e.SurnameFreq >= 100 || t.e.Flags&^lexicon.Surname != 0) {
		return
	}
	if nmCues[t.key] != 0 || drugLike(t.key) {
		return
	}
	n := i + 1
	if n >= len(p.toks) || p.doc.Tokens[n].Kind != text.Number || p.doc.Tokens[n].Newline ||
		p.doc.Tokens[n].End-p.doc.Tokens[n].Start > 2 || datePart(p.doc.Norm, p.doc.Tokens[n].End) {
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
