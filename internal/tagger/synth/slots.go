package synth

import (
	"strconv"
	"strings"
)

// slotFuncs are the generator slots of the templates. Name and place slots
// write spans; the rest write plain text (numbers, vitals, times).
var slotFuncs = makeSlotFuncs()

func makeSlotFuncs() map[string]func(*gen) {
	return map[string]func(*gen){
		// people
		"first":     func(g *gen) { g.name(g.nameCase(g.firstKey())) },
		"sur":       func(g *gen) { g.name(g.nameCase(g.surKey())) },
		"full":      func(g *gen) { g.name(g.fullName()) },
		"lastfirst": (*gen).lastFirst,
		"anyname":   (*gen).anyName,
		"famname":   (*gen).famName,
		"kids":      (*gen).kids,
		"dr":        (*gen).doctor,
		"drs":       (*gen).doctors,
		"mr":        (*gen).mister,
		"ukdoc":     (*gen).ukDoctor,
		"rn":        (*gen).nurse,
		"np":        (*gen).practitioner,
		"staffcred": (*gen).staffCred,
		"staff":     (*gen).staff,
		"pt":        (*gen).patient,
		"sig":       (*gen).signature,
		"cred":      func(g *gen) { g.lit(g.one(credentials)) },
		// places
		"hosp":       (*gen).hospital,
		"hospx":      (*gen).hospitalSynth,
		"hospabbr":   (*gen).hospitalAbbr,
		"anyhosp":    (*gen).anyHospital,
		"nh":         (*gen).nursingHome,
		"nhbase":     func(g *gen) { g.loc(g.mixedCase(g.nhBase())) },
		"unit":       (*gen).unit,
		"unitname":   func(g *gen) { g.loc(g.mixedCase(g.unitName())) },
		"town":       func(g *gen) { g.loc(g.town()) },
		"townst":     (*gen).townState,
		"state":      func(g *gen) { g.state(true) },
		"stabbr":     func(g *gen) { g.state(false) },
		"country":    (*gen).country,
		"place":      (*gen).place,
		"street":     (*gen).address,
		"streetname": (*gen).street,
		"company":    (*gen).company,
		"gp":         (*gen).gpSurgery,
		// numbers
		"n1":    num(1, 9),
		"n2":    num(10, 99),
		"n3":    num(100, 999),
		"age":   num(19, 98),
		"sbp":   num(78, 182),
		"dbp":   num(38, 104),
		"hrn":   num(48, 145),
		"hr10":  func(g *gen) { g.lit(strconv.Itoa(5+g.r.IntN(10)) + "0s") },
		"rrn":   num(10, 36),
		"satn":  num(86, 100),
		"peep":  num(5, 18),
		"tv":    func(g *gen) { g.lit(strconv.Itoa(350 + 50*g.r.IntN(8))) },
		"rate":  num(10, 28),
		"fio2":  func(g *gen) { g.lit(strconv.Itoa(30 + 5*g.r.IntN(15))) },
		"dd":    num(1, 28),
		"cc":    func(g *gen) { g.lit(strconv.Itoa(10 * (1 + g.r.IntN(60)))) },
		"bed":   num(1, 32),
		"yrs":   num(2, 41),
		"temp":  (*gen).temperature,
		"abgv":  (*gen).abgValues,
		"time":  (*gen).clock,
		"date":  (*gen).date,
		"phone": (*gen).phone,
		"dec":   func(g *gen) { g.lit(strconv.Itoa(g.r.IntN(10)) + "." + strconv.Itoa(g.r.IntN(10))) },
		"unk":   (*gen).unknownTerm,
	}
}

// unknownTerm writes a made-up clinical term that no list knows: an
// abbreviation ("VEA", "Pmh"), a drug-like word ("Zorvatil"), or a clipped
// word ("hemodyn", "lytes"). Real notes are full of such words and almost
// none is a name, so the tagger must learn that an unknown word needs a
// name's context before it is one.
func (g *gen) unknownTerm() {
	const cons, vows = "bcdfghjklmnprstvwxz", "aeiou"
	r := g.r
	var b strings.Builder
	switch r.IntN(4) {
	case 0: // abbreviation of 2-4 capitals
		n := 2 + r.IntN(3)
		for range n {
			b.WriteByte(byte('A' + r.IntN(26)))
		}
	case 1: // drug-like: syllables and a drug ending
		for range 1 + r.IntN(2) {
			b.WriteByte(cons[r.IntN(len(cons))])
			b.WriteByte(vows[r.IntN(len(vows))])
		}
		b.WriteString(unknownEndings[r.IntN(len(unknownEndings))])
	case 2: // clipped word
		for range 2 + r.IntN(2) {
			b.WriteByte(cons[r.IntN(len(cons))])
			b.WriteByte(vows[r.IntN(len(vows))])
		}
		if r.IntN(2) == 0 {
			b.WriteByte(cons[r.IntN(len(cons))])
		}
	default: // capitalised made-up brand or device
		b.WriteByte(cons[r.IntN(len(cons))] - 32)
		for range 1 + r.IntN(3) {
			b.WriteByte(vows[r.IntN(len(vows))])
			b.WriteByte(cons[r.IntN(len(cons))])
		}
	}
	w := b.String()
	if r.IntN(3) == 0 && w[0] >= 'a' {
		w = strings.ToUpper(w[:1]) + w[1:]
	}
	g.lit(w)
}

var unknownEndings = []string{"ol", "il", "ine", "ide", "pril", "zole", "mycin", "cillin", "vir", "mab", "tan", "pam",
	"lam", "done", "dex", "tec", "vent", "flo", "zyme", "xa", "sin", "trol", "fen", "lyte", "max", "cor"}

func num(lo, hi int) func(*gen) {
	return func(g *gen) { g.lit(strconv.Itoa(lo + g.r.IntN(hi-lo+1))) }
}

var credentials = []string{"RN", "RN", "RN", "MD", "MD", "NP", "PA-C", "RRT", "LICSW", "DO", "PT", "DPT",
	"SLP", "RD", "CNA", "MSW", "MD PhD", "BSN RN", "RN BSN", "APRN", "CCRN", "RN CCRN", "LPN", "LCSW",
	"PharmD", "CRNA", "MBBS", "FRCP", "RGN", "RMN", "OTR/L", "MS CCC-SLP"}

var drTitles = []string{"Dr", "Dr", "Dr", "Dr.", "Dr.", "DR", "DR.", "dr", "dr.", "Doctor"}

// titled writes a title, a space (usually) and the name.
func (g *gen) titled(title, name string) {
	g.lit(title)
	if g.r.IntN(100) < 97 || !strings.HasSuffix(title, ".") {
		g.lit(" ")
	}
	g.name(name)
}

func (g *gen) doctor() {
	var n string
	switch x := g.r.IntN(100); {
	case x < 72:
		n = g.nameCase(g.surKey())
	case x < 94:
		n = g.fullName()
	default:
		n = g.nameCase(g.firstKey())
	}
	g.titled(g.one(drTitles), n)
}

func (g *gen) doctors() {
	k := 2
	if g.r.IntN(4) == 0 {
		k = 3
	}
	switch g.r.IntN(4) {
	case 0: // Dr X and Dr Y
		for i := range k {
			if i > 0 {
				g.lit(g.pick(" and ", " & ", ", "))
			}
			g.titled(g.one(drTitles), g.nameCase(g.surKey()))
		}
		return
	case 1:
		g.lit(g.pick("Drs", "Drs.", "DRS", "drs"))
	default:
		g.lit(g.pick("Drs", "Drs.", "DRS.", "drs."))
	}
	g.lit(" ")
	for i := range k {
		switch {
		case i == 0:
		case i == k-1:
			g.lit(g.pick(" and ", " & ", " and ", "/"))
		default:
			g.lit(", ")
		}
		g.name(g.nameCase(g.surKey()))
	}
}

var misterTitles = []string{"Mr", "Mr", "Mr.", "Mrs", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mister", "MR", "MRS", "Mx"}

func (g *gen) mister() {
	n := g.nameCase(g.surKey())
	if g.r.IntN(5) == 0 {
		n = g.fullName()
	}
	g.titled(g.one(misterTitles), n)
}

var ukDocTitles = []string{"Dr", "Dr", "Dr", "Dr.", "F1", "FY1", "FY2", "SHO", "Reg", "Registrar", "Consultant", "Mr", "Miss", "Ms", "CT1", "ST3", "Prof", "Prof.", "Professor"}

func (g *gen) ukDoctor() {
	n := g.nameCase(g.surKey())
	if g.r.IntN(6) == 0 {
		n = g.fullName()
	}
	g.titled(g.one(ukDocTitles), n)
}

func (g *gen) staffName() string {
	switch x := g.r.IntN(100); {
	case x < 45:
		return g.nameCase(g.firstKey())
	case x < 75:
		return g.fullName()
	default:
		return g.nameCase(g.surKey())
	}
}

func (g *gen) nurse() {
	n := g.staffName()
	switch g.r.IntN(12) {
	case 0:
		g.titled(g.pick("RN", "rn", "R.N."), n)
	case 1:
		g.name(n)
		g.lit(g.pick(" RN", ", RN", " (RN)", ", R.N.", " SN", ", CNA"))
	case 2, 3:
		g.titled(g.pick("Nurse", "nurse", "NURSE"), n)
	case 4:
		g.titled(g.pick("Sister", "Sr", "Sr."), g.nameCase(g.surKey()))
	case 5:
		g.titled(g.pick("Staff Nurse", "SN", "staff nurse"), n)
	case 6:
		g.titled(g.pick("charge nurse", "Charge Nurse", "CN", "charge RN", "NIC"), n)
	case 7:
		g.titled(g.pick("RN", "nurse"), g.nameCase(g.firstKey()))
	case 8:
		g.titled(g.pick("Matron", "matron", "HCA", "CNA", "tech", "PCA", "sitter"), n)
	case 9:
		g.titled(g.pick("RT", "rt", "RRT", "resp therapist"), n)
	default:
		g.titled(g.pick("nurse", "RN", "Nurse"), n)
	}
}

func (g *gen) practitioner() {
	n := g.staffName()
	switch g.r.IntN(6) {
	case 0, 1:
		g.titled(g.pick("NP", "np", "N.P.", "APRN", "ACNP"), n)
	case 2:
		g.titled(g.pick("PA", "pa", "P.A."), n)
	case 3:
		g.name(n)
		g.lit(g.pick(" NP", ", NP", ", PA-C", " PA", " (NP)", ", ANP"))
	default:
		g.titled(g.pick("NP", "PA", "ANP", "ACP"), n)
	}
}

func (g *gen) staffCred() {
	var n string
	switch x := g.r.IntN(100); {
	case x < 60:
		n = g.fullName()
	case x < 85:
		n = g.nameCase(g.surKey())
	default:
		n = g.nameCase(g.firstKey())
	}
	g.name(n)
	g.lit(g.pick(", ", " ", " ", ", "))
	g.lit(g.one(credentials))
}

func (g *gen) staff() {
	switch x := g.r.IntN(100); {
	case x < 40:
		g.doctor()
	case x < 55:
		g.nurse()
	case x < 65:
		g.practitioner()
	case x < 80:
		g.staffCred()
	case x < 90:
		g.name(g.fullName())
	default:
		g.name(g.nameCase(g.firstKey()))
	}
}

func (g *gen) anyName() {
	switch x := g.r.IntN(100); {
	case x < 40:
		g.name(g.fullName())
	case x < 70:
		g.name(g.nameCase(g.surKey()))
	default:
		g.name(g.nameCase(g.firstKey()))
	}
}

func (g *gen) famName() {
	if g.r.IntN(100) < 65 {
		g.name(g.nameCase(g.firstKey()))
	} else {
		g.name(g.fullName())
	}
}

func (g *gen) kids() {
	k := 2 + g.r.IntN(2)
	for i := range k {
		switch {
		case i == 0:
		case i == k-1:
			g.lit(g.pick(" and ", " & ", " and ", ", and "))
		default:
			g.lit(g.pick(", ", ", ", ","))
		}
		g.name(g.nameCase(g.firstKey()))
	}
}

func (g *gen) lastFirst() {
	s := g.nameCase(g.surKey()) + g.pick(", ", ", ", ",") + g.nameCase(g.firstKey())
	if g.r.IntN(4) == 0 {
		s = strings.ToUpper(s)
	}
	g.name(s)
}

func (g *gen) patient() {
	switch x := g.r.IntN(100); {
	case x < 60:
		g.mister()
	case x < 85:
		g.name(g.fullName())
	default:
		g.name(g.nameCase(g.firstKey()))
	}
}

func (g *gen) signature() {
	switch g.r.IntN(10) {
	case 0:
		g.lit(g.pick("-- ", "- ", "~", "-"))
		g.name(g.staffName())
	case 1:
		g.lit(g.pick("Signed: ", "Signed ", "Electronically signed by ", "Note by "))
		g.staffCred()
	case 2:
		g.name(g.nameCase(g.surKey()))
		g.lit(g.pick(", MD", " MD", ", RN", " RN", " NP"))
	case 3:
		g.name(g.fullName())
		g.lit(g.pick("\nStaff Nurse", "\nRN", "\nCharge Nurse", " (SN)", "\nSister", " - nights"))
	case 4:
		g.lit(g.pick("Staff Nurse ", "SN ", "RN ", "HCA "))
		g.name(g.fullName())
	default:
		g.name(g.fullName())
		g.lit(g.pick(", ", " ", " ", ", ", " - "))
		g.lit(g.one(credentials))
	}
}

func (g *gen) unit() {
	g.loc(g.mixedCase(g.unitName()))
	g.lit(g.pick(" ", " ", " ", "-"))
	g.lit(strconv.Itoa(1 + g.r.IntN(14)))
}

func (g *gen) townState() {
	g.loc(g.town())
	g.lit(g.pick(", ", ", ", " ", ","))
	g.state(false)
}

func (g *gen) place() {
	switch x := g.r.IntN(100); {
	case x < 55:
		g.loc(g.town())
	case x < 70:
		g.townState()
	case x < 82:
		g.state(true)
	default:
		g.country()
	}
}

func (g *gen) address() {
	g.lit(strconv.Itoa(1 + g.r.IntN(400)))
	g.lit(" ")
	g.street()
}

func (g *gen) temperature() {
	if g.r.IntN(2) == 0 {
		g.lit(strconv.Itoa(36+g.r.IntN(4)) + "." + strconv.Itoa(g.r.IntN(10)))
	} else {
		g.lit(strconv.Itoa(97+g.r.IntN(7)) + "." + strconv.Itoa(g.r.IntN(10)))
	}
}

func (g *gen) abgValues() {
	g.lit("7." + strconv.Itoa(15+g.r.IntN(35)) + "/" + strconv.Itoa(25+g.r.IntN(50)) + "/" + strconv.Itoa(55+g.r.IntN(120)))
	if g.r.IntN(2) == 0 {
		g.lit("/" + strconv.Itoa(16+g.r.IntN(14)) + "/" + strconv.Itoa(g.r.IntN(9)-4))
	}
}

func (g *gen) clock() {
	h, m := g.r.IntN(24), 5*g.r.IntN(12)
	switch g.r.IntN(5) {
	case 0:
		g.lit(pad2(h) + pad2(m))
	case 1:
		g.lit(pad2(h) + ":" + pad2(m))
	case 2:
		h12 := h%12 + 1
		g.lit(strconv.Itoa(h12) + g.pick("am", "pm", " am", " pm", "a", "p", "AM", "PM"))
	case 3:
		g.lit(strconv.Itoa(h%12+1) + ":" + pad2(m) + g.pick("am", "pm", " AM", " PM", ""))
	default:
		g.lit(pad2(h) + "00")
	}
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

var monthNames = []string{"Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
	"January", "February", "March", "April", "August", "October", "December"}

func (g *gen) date() {
	d, m := 1+g.r.IntN(28), 1+g.r.IntN(12)
	switch g.r.IntN(5) {
	case 0:
		g.lit(strconv.Itoa(m) + "/" + strconv.Itoa(d))
	case 1:
		g.lit(strconv.Itoa(m) + "/" + strconv.Itoa(d) + "/" + strconv.Itoa(10+g.r.IntN(16)))
	case 2:
		g.lit(strconv.Itoa(d) + "/" + strconv.Itoa(m))
	case 3:
		g.lit(g.one(monthNames) + " " + strconv.Itoa(d))
	default:
		g.lit(strconv.Itoa(d) + g.pick("th ", " ") + g.one(monthNames))
	}
}

func (g *gen) phone() {
	d := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + g.r.IntN(10))
		}
		return string(b)
	}
	switch g.r.IntN(4) {
	case 0:
		g.lit("(" + d(3) + ") " + d(3) + "-" + d(4))
	case 1:
		g.lit(d(3) + "-" + d(3) + "-" + d(4))
	case 2:
		g.lit("07" + d(3) + " " + d(6))
	default:
		g.lit(d(3) + "-" + d(4))
	}
}
