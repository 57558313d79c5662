package detect

import (
	"strings"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// Roles of a name: whose name it is. The frames next to the name decide
// first (a title, "her son X", "pt X", "X from nights"); otherwise the cue
// words around it vote, nearer words weighing more; a name whose role cannot
// be told is NAME_OTHER.

const (
	rlPatient = iota
	rlRelative
	rlStaff
	rlOther
	rlCount
)

var nmRoleTypes = [rlCount]result.Type{result.NamePatient, result.NameRelative, result.NameStaff, result.NameOther}

// Role weights: a frame right next to the name, a cue word in the window
// (divided by 1 + distance/nmRoleDecay), and the least total that decides.
const (
	nmRoleFrame    = 4.0
	nmRoleTitle    = 4.0
	nmRoleCourtesy = 1.6 // Mr/Mrs in a post with clinical words
	nmRoleCue      = 1.5
	nmRoleDecay    = 3.0
	nmRoleWindow   = 10
	nmRoleMin      = 0.85
	nmRoleSentence = 0.6 // a cue in the same sentence weighs at least this share
	nmRolePerson   = 1.2 // "a lady called X", "this guy X" (x1.5 in a clinical post)
	nmRoleWeakCue  = 0.6 // share of a lexicon-only cue (a health role, a clinical term)
	nmRoleLexicon  = 4   // lexicon-only cues of any word count within this many tokens (see role)
)

// nmRoleDist returns the weight of a cue word d tokens away from the name:
// nmRoleCue / (1 + (d-1)/nmRoleDecay), from a table for the usual distances.
func nmRoleDist(d int) float64 {
	if d >= 0 && d < len(nmRoleDists) {
		return nmRoleDists[d]
	}
	return nmRoleCue / (1 + float64(d-1)/nmRoleDecay)
}

var nmRoleDists = func() (t [64]float64) {
	for d := range t {
		t[d] = nmRoleCue / (1 + float64(d-1)/nmRoleDecay)
	}
	return
}()

// nmWhy is the cue behind a role vote, formatted only for the Reason:
// pre + 'word at tok' + post.
type nmWhy struct {
	pre, post string
	tok       int // -1: no word
	w         float64
}

// nmVotes are the role votes of a chain: the total weight of each role and
// the strongest cue behind it.
type nmVotes struct {
	r   [rlCount]float64
	why [rlCount]nmWhy
}

// add votes w for role, with the cue behind the vote.
func (v *nmVotes) add(role int, w float64, pre string, tok int, post string) {
	if w > v.why[role].w {
		v.why[role] = nmWhy{pre, post, tok, w}
	}
	v.r[role] += w
}

// role decides the entity type of a chain and returns it with the cue that
// decided (for the Reason) and the weight behind it.
func (s *nmState) role(c *nmChain, sc *nmScore) (result.Type, nmRoleWhy, float64) {
	var v nmVotes
	first := c.units[0]
	if c.title >= 0 {
		first = c.title
	}
	last := c.units[len(c.units)-1]
	clinical := s.isClinical()

	// titles
	if c.title >= 0 {
		switch c.titleKind {
		case tkStaff:
			if k := s.religiousSister(c.title); k >= 0 {
				v.add(rlOther, nmRoleTitle, "a religious sister: ", k, "")
				break
			}
			v.add(rlStaff, nmRoleTitle, "title ", c.title, "")
		case tkCourtesy:
			if clinical {
				v.add(rlPatient, nmRoleCourtesy, "title ", c.title, " in a clinical post")
			} else if s.patientNounPost() {
				// "clients keep adding me: Mrs X from my visits…"
				v.add(rlPatient, nmRoleCourtesy, "title ", c.title, " in a post about patients")
			}
		default:
			v.add(rlOther, 0.5, "title ", c.title, "")
		}
	}
	// left frames
	p := s.prevWord(first, ",:")
	if p >= 0 && c.title < 0 && s.low(p) == "than" {
		// "fitter than Serena Williams": a comparison names someone
		// everyone knows, not a person of the post
		v.add(rlOther, nmRoleFrame, "a comparison after ", p, "")
	}
	switch c.frame {
	case frPatient:
		if p >= 0 && s.traineeResident(p) {
			v.add(rlStaff, nmRoleFrame, "a doctor in training: ", p, "") // "co-residents X and Y"
			break
		}
		v.add(rlPatient, nmRoleFrame, "", p, "")
	case frStaff:
		v.add(rlStaff, nmRoleFrame, "", p, "")
	case frFriend:
		if s.readersOwn(p) && s.patientPost(clinical) {
			// "your neighbour X came in tonight": the reader's friend, treated
			v.add(rlPatient, nmRoleFrame, "the reader's ", p, " in a clinical post")
			break
		}
		if k := s.treatedAfter(last); k >= 0 {
			// "my mate X was admitted": a friend who became a patient
			v.add(rlPatient, nmRoleFrame, "a friend treated: ", k, " after the name")
			break
		}
		v.add(rlOther, nmRoleFrame, "", p, "")
	case frRelative:
		if p < 0 {
			p = c.frameNoun // "her son (X": the noun before the bracket
		}
		role, pre := s.relativeOwner(p, clinical)
		v.add(role, nmRoleFrame, pre, p, "")
	case frPerson:
		s.personRole(p, clinical, &v)
	case frCalled:
		if n := c.frameNoun; n >= 0 {
			switch cue := s.toks[n].cue; {
			case cue&cuPatientNoun != 0:
				v.add(rlPatient, nmRoleFrame, "", n, " called")
			case cue&cuStaffNoun != 0:
				v.add(rlStaff, nmRoleFrame, "", n, " called")
			case cue&cuFriendNoun != 0:
				v.add(rlOther, nmRoleFrame, "", n, " called")
			default:
				s.personRole(n, clinical, &v)
			}
		} else if k := s.namedWord(p); k >= 0 {
			s.personRole(k, clinical, &v)
		}
	case frNone:
		// a title chain only after "nicknamed him" ("Captain Biscuit"): "his
		// name is Mr X" is left to the other cues
		if k := s.namedWord(p); k >= 0 && (c.title < 0 || s.low(k+1) != "is" && s.low(k+1) != "was") {
			s.personRole(k, clinical, &v) // "the baby's name was X", "nicknamed him X"
		}
	}
	if k, role := s.bedsideAfter(last); k >= 0 && clinical {
		v.add(role, nmRoleFrame*0.75, "", k, " after the name")
	}
	if k := s.addressAfter(last); k >= 0 {
		v.add(rlPatient, nmRoleFrame*0.75, "a home address after the name: ", k, "")
	}
	if sc.on(nfRelAfter) {
		role, pre := rlRelative, "relative after the name"
		for k := last + 1; k < len(s.toks) && k <= last+3; k++ {
			if s.toks[k].cue&cuOwnMine != 0 {
				role, pre = rlOther, "the author's relative"
				break
			}
		}
		v.add(role, nmRoleFrame, pre, -1, "")
	}
	if sc.on(nfStaffFrame) {
		v.add(rlStaff, nmRoleFrame, "staff frame", -1, "")
	}
	if sc.on(nfSignoff) {
		v.add(rlStaff, nmRoleFrame*0.75, "the author's sign-off", -1, "")
	} else if k := signoffRoleAfter(s.doc, first, last); k >= 0 {
		v.add(rlStaff, nmRoleFrame, "the author's sign-off with a health role: ", k, "")
	} else if c.title < 0 && s.kissSignoff(first, last) {
		v.add(rlStaff, nmRoleFrame*0.75, "the author's sign-off after a kiss", -1, "")
	}
	if sc.on(nfAge) {
		v.add(rlPatient, nmRoleFrame*0.75, "age after the name", -1, "")
	}
	if sc.on(nfBed) {
		w := nmRoleFrame
		if c.title >= 0 && c.titleKind == tkStaff {
			w *= 0.5 // "Dr Wexley in room", "Sister Hughes in resus": at work there
		}
		v.add(rlPatient, w, "'in bed N'", -1, "")
	}
	if sc.on(nfPossRel) && clinical {
		v.add(rlPatient, nmRoleCue*1.5, "a person with relatives, in a clinical post", -1, "")
	} else if sc.on(nfPossRel) && c.title >= 0 && c.titleKind == tkCourtesy {
		// "Gave Mr Lowe's daughter my number": staff write of patients' families
		v.add(rlPatient, nmRoleCue*1.5, "a Mr/Mrs with relatives", -1, "")
	}
	if k := s.newbornBefore(first); k >= 0 {
		if s.ownBirth(first) {
			v.add(rlOther, nmRoleFrame*1.5, "a newborn of the author's family: ", k, "")
		} else {
			v.add(rlPatient, nmRoleFrame, "a newborn in a birth post: ", k, "")
		}
	}
	if k := s.idAfter(last); k >= 0 {
		v.add(rlPatient, nmRoleFrame, "", k, " after the name")
	}
	if sc.on(nfGreeting) {
		if g := s.prevWord(first, ",:!"); g >= 0 && s.toks[g].cue&cuGreet != 0 && s.low(g) == "retirement" {
			v.add(rlStaff, nmRoleFrame*0.75, "a colleague's ", g, "") // "Happy retirement, X!"
		} else {
			v.add(rlOther, 0.6, "greeting", -1, "")
		}
	}
	if k := s.staffBefore(first); k >= 0 {
		if nmAppositionPatient(s.low(k)) {
			if c.title < 0 || c.titleKind != tkStaff {
				v.add(rlPatient, nmRoleFrame, "apposition to ", k, "") // "a regular at my pharmacy, Mr X,"
			}
		} else {
			v.add(rlStaff, nmRoleFrame, "apposition to ", k, "")
		}
	}

	if k := s.otherAfter(last); k >= 0 {
		v.add(rlOther, nmRoleFrame, "the author's ", k, " after the name")
	}
	if k := s.workAfter(last); k >= 0 {
		v.add(rlOther, nmRoleFrame, "a public figure's ", k, "")
	} else if c.title < 0 && len(c.units) > 1 {
		if k := s.publicSpeechAfter(last); k >= 0 {
			v.add(rlOther, nmRoleFrame, "a public figure speaking: ", k, " after the name")
		}
	}
	if c.title < 0 {
		if k := s.performerBefore(first); k >= 0 {
			v.add(rlOther, nmRoleFrame, "a performer: ", k, " before the name")
		}
	}
	if k := s.schoolAfter(last); k >= 0 {
		v.add(rlOther, nmRoleFrame, "a teacher: at a ", k, " after the name")
	}
	// the rules below read further afield: asked only while no frame has
	// decided
	if max(v.r[rlPatient], v.r[rlStaff], v.r[rlRelative], v.r[rlOther]) < nmRoleFrame {
		if k := s.sameWorkplace(last); k >= 0 {
			v.add(rlStaff, nmRoleFrame*0.75, "the author's workmate: same ", k, "")
		}
		if k := s.readerAt(first, last); k >= 0 && c.title < 0 {
			v.add(rlOther, nmRoleFrame, "a reader spoken to first: ", k, "")
		}
		if k, role := s.addressedAfter(first, last); k >= 0 {
			v.add(role, nmRoleCue*1.5, "addressed, after ", k, "")
		}
		if k := s.oldAgeAfter(last); k >= 0 {
			v.add(rlPatient, nmRoleFrame*0.75, "an old age said of the person after the name: ", k, "")
		}
	}
	if clinical {
		if k := s.wishBefore(first); k >= 0 {
			v.add(rlPatient, nmRoleFrame*0.75, "a wish to a patient: ", k, "")
		}
	}
	if k := s.staffWorkAfter(last); k >= 0 {
		v.add(rlStaff, nmRoleFrame, "thanked for ", k, "")
	} else if k := onDutyAfter(s.doc, last); k >= 0 {
		v.add(rlStaff, nmRoleFrame, "on duty: 'on' ", k, " after the name")
	}
	if k := s.yourCarerAfter(last); k >= 0 && c.title < 0 {
		v.add(rlPatient, nmRoleFrame, "spoken to by a carer: ", k, "")
	}
	if c.title < 0 {
		if k := s.workWithBefore(first); k >= 0 {
			v.add(rlStaff, nmRoleFrame*0.75, "a workmate: ", k, " with")
		}
	}
	// cue words in the window
	lo, hi := Window(s.doc, first, last+1, nmRoleWindow)
	sentence := s.sentenceOf(s.doc.Tokens[first].Start)
	s.roleWindow(first, last, lo, hi, sentence, &v)
	best, bestW := rlOther, nmRoleMin
	for role := 0; role < rlCount; role++ {
		if role == rlOther {
			continue
		}
		if v.r[role] >= bestW {
			best, bestW = role, v.r[role]
		}
	}
	if best == rlOther || v.r[rlOther] > bestW {
		if v.r[rlOther] > 0 {
			return result.NameOther, nmRoleWhy{"other: ", v.why[rlOther]}, v.r[rlOther]
		}
		return result.NameOther, nmRoleWhy{}, 0
	}
	return nmRoleTypes[best], nmRoleWhy{nmRoleLeads[best], v.why[best]}, bestW
}

// treatedAfter returns the word after a name that tells the person was treated ("X
// was in resus", "X came in with", "X was admitted", "X got brought in"), looking past
// "was/is/got/came/just", or -1.
func (s *nmState) treatedAfter(last int) int {
	k := last + 1
	for j := 0; j < 3 && k < len(s.toks) && s.doc.Tokens[k].Kind == text.Word; j++ {
		switch w := s.low(k); w {
		case "was", "is", "got", "has", "been", "just", "came", "comes", "come":
			if (w == "came" || w == "comes" || w == "come") && s.low(k+1) == "in" {
				return k
			}
			k++
			continue
		case "admitted", "intubated", "resuscitated", "brought", "blue-lighted", "rushed":
			return k
		case "in":
			if w2 := s.low(k + 1); w2 == "resus" || w2 == "majors" || w2 == "icu" || w2 == "itu" || w2 == "a&e" || w2 == "ae" || w2 == "er" || w2 == "ed" {
				return k + 1
			}
		}
		break
	}
	return -1
}

// yourCarerAfter returns the staff noun of "I was your nurse", "I'm your midwife" in
// the words after a name spoken to ("X, I'm your midwife from …"): the person was the
// author's patient. It returns -1 when there is none.
func (s *nmState) yourCarerAfter(last int) int {
	for k, n := last+1, 0; k < len(s.toks) && n < 6; k++ {
		if s.doc.Tokens[k].Kind != text.Word {
			if c := s.toks[k].punct; c == '.' || c == '!' || c == '?' {
				return -1
			}
			continue
		}
		n++
		if s.low(k) != "your" || k+1 >= len(s.toks) || s.toks[k+1].cue&cuStaffNoun == 0 {
			continue
		}
		switch s.low(s.prevWord(k, "")) {
		case "was", "am", "i'm", "im", "been":
			return k + 1
		}
	}
	return -1
}

// workWithBefore returns the "working" of "working with X" right before the name at
// first ("love working with X", "a late shift with X"): the author's workmate.
// Asked of untitled names only ("working with Mr X on his walking" is a patient's
// therapy). It returns -1 when there is none.
func (s *nmState) workWithBefore(first int) int {
	p := s.prevAdj(first)
	if p < 0 || s.low(p) != "with" {
		return -1
	}
	q := s.prevAdj(p)
	if q < 0 {
		return -1
	}
	switch s.low(q) {
	case "working", "work", "worked", "works", "workin", "shift", "shifts", "nights", "rostered":
		return q
	}
	return -1
}

// staffBefore returns the staff noun of an apposition that ends right
// before the name with a comma or a bracket ("my consultant at Eastfield,
// Mr Rowe,", "the pharmacist on Mill Lane, Mr Dar,", "the nurse in charge at
// Hill House (Bev"), or -1: the noun, then only a place phrase (prepositions,
// capitalised words, numbers, "the", "charge") up to the comma. The noun
// may be a patient noun instead ("a regular at my pharmacy, Mr Oduya,";
// nmAppositionPatient).
func (s *nmState) staffBefore(first int) int {
	p := first - 1
	if p < 1 || !(s.isPunct(p, ',') || s.isPunct(p, '(')) || s.doc.Tokens[first].Newline {
		return -1
	}
	for k := p - 1; k >= 0 && k >= p-9; k-- {
		t := s.doc.Tokens[k]
		if t.Kind == text.Punct || t.Newline && k < p-1 {
			return -1
		}
		nt := &s.toks[k]
		if nt.f&tfRel != 0 {
			return -1 // "SISTER, JANET": a relative (see relative frames)
		}
		if t.Kind == text.Word && (nt.cue&cuStaffNoun != 0 || s.lowerStaffRole(k) || nmAppositionPatient(s.low(k))) {
			if k+1 < p && !s.placeWordAt(k+1) {
				return -1 // "the nurse said, Jo": no place phrase after the noun
			}
			return k
		}
		if !s.placeWordAt(k) {
			return -1
		}
	}
	return -1
}

// nmAppositionPatient reports the patient nouns that open an apposition
// before a name ("my patient on 4B, Mrs X,", "a regular at my pharmacy, Mr
// Y,"); not "frequent" ("frequent PACs, Dr Z").
func nmAppositionPatient(w string) bool {
	switch w {
	case "patient", "pt", "resident", "client", "regular":
		return true
	}
	return false
}

// lowerStaffRole reports a health role the lexicon knows at token k
// ("secretary", "pharmacist") that is no patient cue.
func (s *nmState) lowerStaffRole(k int) bool {
	nt := s.tok(k)
	return nt.known && nt.e.has(nmHealthRole) && nt.cue&cuPatientCue == 0
}

// placeWordAt reports a word of a place phrase after a staff noun: a
// preposition, "the", "my", "our", "charge", a place word ("unit", "store"),
// a capitalised word or a number.
func (s *nmState) placeWordAt(k int) bool {
	t := s.doc.Tokens[k]
	switch s.low(k) {
	case "at", "on", "in", "of", "from", "the", "charge", "for", "my", "our":
		return true // "the new grad on our unit, X,"
	}
	if s.toks[k].cue&cuOrgSuffix != 0 && s.toks[k].cue&cuStop == 0 {
		return true // "unit", "store", "practice" in lower case
	}
	return t.Kind == text.Number || t.Kind == text.Alnum || t.Kind == text.Word && s.toks[k].f&tfCap != 0 && s.toks[k].cue&cuStop == 0
}

// nmReligious are words of a church or religious order: "Sister X" near one
// is a nun or a church member, not a ward sister.
func nmReligious(w string) bool {
	switch w {
	case "church", "parish", "nun", "nuns", "convent", "chapel", "priest", "mass", "abbey",
		"congregation", "cathedral", "vicar", "pastor", "sermon", "potluck", "choir", "order",
		"religion", "religious", "catholic", "rosary", "prayer", "prayers", "bible", "monastery",
		"missionary", "novices", "sacrament", "communion", "confirmation":
		return true
	}
	return false
}

// religiousSister returns, for the title "Sister" at token title, a
// religious word in its sentence, or -1.
func (s *nmState) religiousSister(title int) int {
	if s.low(title) != "sister" && s.low(title) != "sr" {
		return -1
	}
	sent := s.sentenceOf(s.doc.Tokens[title].Start)
	for k := range s.toks {
		if t := s.doc.Tokens[k]; t.Start >= sent.Start && t.Start < sent.End && t.Kind == text.Word && nmReligious(s.low(k)) {
			return k
		}
	}
	return -1
}

// otherAfter returns the noun of an apposition after a name that makes it
// one of the author's own people outside work ("Mrs Delaney, my year 6
// teacher", "Mr Ruiz my old coach": cuFriendNoun within three words of
// "my/our"), or -1.
func (s *nmState) otherAfter(last int) int {
	k := last + 1
	if k < len(s.toks) && s.isPunct(k, ',') {
		k++
	}
	if k >= len(s.toks) || s.doc.Tokens[k].Newline || s.low(k) != "my" && s.low(k) != "our" {
		return -1
	}
	for j := k + 1; j < len(s.toks) && j <= k+4; j++ {
		if s.doc.Tokens[j].Kind != text.Word && s.doc.Tokens[j].Kind != text.Number {
			return -1
		}
		if s.toks[j].cue&cuFriendNoun != 0 {
			return j
		}
	}
	return -1
}

// nmStaffWork are the work a colleague is thanked for: "thanks to X and Y
// for running the clinic", "X for covering my shift".
var nmStaffWork = WordSet("running", "leading", "organising", "organizing", "covering",
	"teaching", "mentoring", "training", "hosting", "coordinating", "co-ordinating", "chairing",
	"precepting", "presenting")

// staffWorkAfter returns the word of "for <work>" after a name, or after the
// list of names it opens ("X and Y for leading the clinic"), or -1.
func (s *nmState) staffWorkAfter(last int) int {
	n := len(s.toks)
	k := last + 1
	for ; k < n && k <= last+8; k++ {
		t := s.doc.Tokens[k]
		if t.Newline {
			return -1
		}
		if t.Kind == text.Word && s.low(k) == "for" {
			break
		}
		// the rest of a list of names: capitalised words, "and", "&", commas
		if !(s.isAnd(k) || s.isPunct(k, ',') || t.Kind == text.Word && s.toks[k].f&tfCap != 0 && s.toks[k].cue&cuStop == 0) {
			return -1
		}
	}
	if k+1 < n && s.low(k) == "for" && nmStaffWork[s.low(k+1)] {
		return k + 1
	}
	return -1
}

// roleWindow adds to v the votes of the cue words in tokens lo to hi around the name
// (tokens first to last) in the sentence: role's window.
func (s *nmState) roleWindow(first, last, lo, hi int, sentence text.Span, v *nmVotes) {
	// the words before the name, then those after it, each side in two
	// stretches: near the name (d <= nmRoleLexicon) every word's lexicon
	// facts count, asked now if no step asked yet (a word on our cue lists
	// too: "nursing", "doctors"); further off, only those the token scan
	// learnt for every capitalised word (every word in one-case text), never
	// those a step happened to ask for (see scanLooked): the same facts
	// whichever steps ran before. Four loops, so that no token is tested for
	// its side or its distance; punctuation has no cue bits and is never in
	// the lexicon, so it needs no test of its own either.
	near := min(first, max(lo, first-nmRoleLexicon))
	for k := lo; k < near; k++ {
		if s.roleCueAt(k) {
			s.roleVote(k, first-k, s.scanLooked(k), sentence, v)
		}
	}
	for k := near; k < first; k++ {
		if nmRoleCueTok(s.tok(k), true) {
			s.roleVote(k, first-k, true, sentence, v)
		}
	}
	far := max(last+1, min(hi, last+nmRoleLexicon+1))
	for k := last + 1; k < far; k++ {
		if nmRoleCueTok(s.tok(k), true) {
			s.roleVote(k, k-last, true, sentence, v)
		}
	}
	for k := far; k < hi; k++ {
		if s.roleCueAt(k) {
			s.roleVote(k, k-last, s.scanLooked(k), sentence, v)
		}
	}
}

// nmRoleCueTok reports whether the token nt, whose lexicon facts count if lex, may vote
// for a role in role's window: most words do not.
// The rare test comes first in each && (a lexicon flag that few words have, before
// whether the word is known or its facts count, both coin tosses on real text), so
// that most words take two branches that are almost never taken.
func nmRoleCueTok(nt *nmTok, lex bool) bool {
	return nt.cue&nmRoleCues != 0 || nt.e.has(nmRoleFlags) && nt.known && lex
}

// nmRoleCues are the cue bits, and nmRoleFlags the lexicon flags, that vote for a role
// in role's window (see roleVote).
const (
	nmRoleCues  = cuPatientCue | cuStaffCue | cuShift
	nmRoleFlags = nmRoomCue | nmClinical | nmHealthRole
)

// roleCueAt is nmRoleCueTok(&s.toks[k], s.scanLooked(k)), which asks scanLooked (a chain
// of coin tosses) only for the rare word whose lexicon facts would vote.
func (s *nmState) roleCueAt(k int) bool {
	nt := &s.toks[k]
	return nt.cue&nmRoleCues != 0 || nt.e.has(nmRoleFlags) && nt.known && s.scanLooked(k)
}

// roleVote adds the votes of token k, d tokens from the name, to v: its cue bits, and
// its lexicon facts if lex (see role). A word of another sentence than the name weighs
// half.
func (s *nmState) roleVote(k, d int, lex bool, sentence text.Span, v *nmVotes) {
	nt := s.tok(k) // its facts, looked up whatever the distance, for the test below
	if nt.known && s.everydayClinical(k, nt) {
		return // "must", "ho", "news" in lower case: no cue
	}
	lex = lex && nt.known
	w := nmRoleDist(d)
	if t := s.doc.Tokens[k]; t.Start < sentence.Start || t.Start >= sentence.End {
		w *= 0.5
	} else if w < nmRoleCue*nmRoleSentence {
		w = nmRoleCue * nmRoleSentence
	}
	switch {
	case nt.cue&cuPatientCue != 0 && s.passedTest(k):
		// "passed his theory exam": no death
	case nt.cue&cuPatientCue != 0 && s.everydayRoom(k):
		// "across the room", "the living room", "sat with me in the waiting room": no
		// patient's room
	case nt.cue&cuPatientCue != 0 && s.low(k-1) == "work" && s.low(k) == "family":
		// "my work family": the author's colleagues, no patient's family
	case nt.cue&cuPatientCue != 0 && s.ownFamily(k):
		// "my church family", "our dialysis family", "a Family Nurse
		// Practitioner": the author's own people, or a name's word
	case nt.cue&cuPatientCue != 0 && s.traineeResident(k):
		// "my co-residents X and Y", "PGY-2 residents X and Y": doctors in
		// training, no care home's residents
		v.add(rlStaff, w, "a doctor in training: ", k, "")
	case nt.cue&cuPatientCue != 0 && s.namedPlaceWord(k):
		// "Leighton Hospital", "Northern Counties Ambulance Service": a place
		// the post names, where staff work as much as patients lie
	case nt.cue&cuPatientCue != 0:
		v.add(rlPatient, w, "", k, "")
	case lex && nt.e.has(nmRoomCue|nmClinical):
		v.add(rlPatient, w*nmRoleWeakCue, "", k, "")
	}
	switch {
	case nt.cue&cuStaffCue != 0 && s.ownedSister(k):
		// "my sister Carys was incredible": a relative, no ward sister
	case nt.cue&cuStaffCue != 0 && s.coveredIn(k):
		// "Milo's covered in spots": no shift covered
	case nt.cue&cuStaffCue != 0:
		v.add(rlStaff, w, "", k, "")
	case lex && nt.e.has(nmHealthRole) && nt.cue&cuPatientCue == 0:
		v.add(rlStaff, w*nmRoleWeakCue, "", k, "")
	case nt.cue&cuShift != 0 && s.low(k) == "days" && s.low(k-1) == "on": // "days" is a shift word
		v.add(rlStaff, w, "'on' ", k, "")
	}
}

// everydayRoom reports "room" at token k said of an everyday room: after a word that
// names a room of a home, a staff room or a waiting room, or "across/the whole/round the
// room". A bed, bay or side room is still a patient's.
func (s *nmState) everydayRoom(k int) bool {
	if s.low(k) != "room" {
		return false
	}
	p := s.prevAdj(k)
	if p < 0 {
		return false
	}
	switch s.low(p) {
	case "waiting", "living", "staff", "dining", "sitting", "front", "break", "class", "escape",
		"spare", "changing", "locker", "tea", "common", "family", "tv", "games", "play", "laundry",
		"utility", "hotel", "chat", "boiler", "music", "reading", "prayer", "storage":
		return true
	case "the":
		if q := s.prevAdj(p); q >= 0 {
			switch s.low(q) {
			case "across", "whole", "round", "around", "entire", "cross":
				return true
			}
		}
	}
	return false
}

// passedTest reports "passed" at token k followed by an owner or a
// determiner ("passed his theory exam", "passed the OSCE"): no death.
func (s *nmState) passedTest(k int) bool {
	if s.low(k) != "passed" {
		return false
	}
	switch s.low(k + 1) {
	case "her", "his", "my", "our", "their", "your", "the", "a", "an", "all", "both", "every":
		return true
	}
	return false
}

// coveredIn reports "covered" at token k said of a state, not of a shift:
// after "is/was/are/were/got/get", or a name's "'s" with no word after
// ("Milo's covered!", not "Sam's covered Sunday"), or before "in", "with",
// "head", "from" ("covered in mud").
func (s *nmState) coveredIn(k int) bool {
	if s.low(k) != "covered" {
		return false
	}
	switch s.low(k + 1) {
	case "in", "with", "head", "from":
		return true
	}
	if p := s.prevAdj(k); p >= 0 {
		switch s.low(p) {
		case "is", "was", "are", "were", "got", "get", "gets", "getting", "been", "be":
			return true
		}
		// "Milo's covered 😩": 's for "is"; "Sam's covered Sunday": for "has"
		n := k + 1
		return s.toks[p].f&tfPoss != 0 && (n >= len(s.toks) || s.doc.Tokens[n].Kind != text.Word)
	}
	return false
}

// ownedSister reports "sister" or "sis" at token k owned by a person ("my
// sister", "her sister", "Jo's sister"): a relative, no staff cue.
func (s *nmState) ownedSister(k int) bool {
	if w := s.low(k); w != "sister" && w != "sis" {
		return false
	}
	o := s.prevAdj(k)
	for n := 0; n < 2 && o > 0 && nmRelModifier(s.low(o)); n++ {
		o = s.prevAdj(o) // "my little sister", "her twin sister"
	}
	if o < 0 {
		return false
	}
	switch s.low(o) {
	case "my", "our", "her", "his", "their", "your":
		return true
	}
	return s.toks[o].f&tfPoss != 0
}

// nmRoleWhy is the cue that decided a role, for the Reason: lead + the cue
// (see appendWhy); no cue if lead is empty.
type nmRoleWhy struct {
	lead string
	why  nmWhy
}

// appendWhy appends the text of the cue w to b: pre + 'word at tok' + post.
func (s *nmState) appendWhy(b []byte, w nmWhy) []byte {
	b = append(b, w.pre...)
	if w.tok >= 0 {
		b = append(b, '\'')
		b = append(b, s.tokText(w.tok)...)
		b = append(b, '\'')
	}
	return append(b, w.post...)
}

// everydayClinical reports whether nt is known only as a clinical term that is
// also an everyday English word (SCOWL tiers 10 and 20: "must", "news", "treat",
// "respect", "recovery", "ho") and is not written in capitals in a post that
// is not all capitals: "this Alfie must be...", "Cyrus ho is..." are no
// clinical frame, while "MUST score 2" and "NEWS of 7" are. Such a word is no
// cue for a name's role and does not make a post clinical; the lexicon's other
// flags (a room cue, a health role...) still count, and the word is still no
// name (the flag stays for the other rules).
func (s *nmState) everydayClinical(k int, nt *nmTok) bool {
	return nt.e.flags&(nmRoomCue|nmWardUnit|nmHospitalCue|nmHealthRole|nmClinical) == nmClinical &&
		nt.e.tier > 0 && nt.e.tier <= 20 &&
		(s.doc.Tokens[k].Shape&text.Upper == 0 || s.doc.AllCaps)
}

// scanLooked reports whether scanTokens looked token k up in the lexicon:
// a word, capitalised or in one-case text, that is no function word. Its
// facts are known whatever ran since; another word's are known only if some
// step asked (see tok).
func (s *nmState) scanLooked(k int) bool {
	nt := &s.toks[k]
	return s.doc.Tokens[k].Kind == text.Word && (s.caseless || nt.f&tfCap != 0) && nt.cue&cuStop == 0
}

// sentenceOf returns the sentence holding byte offset off (binary search).
func (s *nmState) sentenceOf(off int) text.Span {
	ss := s.doc.Sentences
	lo, hi := 0, len(ss)
	for lo < hi {
		m := (lo + hi) / 2
		if ss[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ss) {
		return ss[lo]
	}
	return text.Span{Start: 0, End: len(s.doc.Norm)}
}

// isClinical reports whether the post has clinical words (computed once, on
// first use: cue words from nm_words.go, then the lexicon's clinical flags).
func (s *nmState) isClinical() bool {
	if s.clinical == 0 && !s.clinicalDone {
		s.clinicalDone = true
		for k := range s.toks {
			if s.doc.Tokens[k].Kind != text.Word {
				continue
			}
			if nt := s.tok(k); nt.known && nt.e.has(nmRoomCue|nmWardUnit|nmHospitalCue|nmHealthRole|nmClinical) && !s.everydayClinical(k, nt) {
				s.clinical++
				break
			}
		}
	}
	return s.clinical > 0
}

// personRole votes for the role of "a lady called X", "this guy X": a
// patient in the posts of healthcare staff, more so in a clinical post.
func (s *nmState) personRole(n int, clinical bool, v *nmVotes) {
	for k, j := n-1, 0; k >= 0 && j < 3; k, j = k-1, j+1 {
		if s.toks[k].cue&cuOwnMine != 0 {
			v.add(rlOther, nmRoleFrame, "the author's ", n, "") // "my little girl Lily", "my miracle baby Rowan"
			return
		}
		// adjectives, and any lower-case word that is no function word
		// ("miracle", "longed-for"), may stand between the owner and the noun
		// and another person noun: "my baby girl X"
		if t := s.doc.Tokens[k]; t.Kind != text.Word || s.toks[k].cue&(cuAdj|cuPersonNoun) == 0 && (s.toks[k].cue&cuStop != 0 || s.toks[k].f&tfCap != 0) {
			break
		}
	}
	switch s.low(n - 1) {
	case "birthday", "bday", "b'day":
		// "birthday girl X": a celebration, whoever's; a patient's shows
		// in the other cues (a bed, an age on the ward)
		return
	}
	if w := s.low(n); (w == "baby" || w == "newborn") && s.ownBirth(n) {
		v.add(rlOther, nmRoleFrame, "a newborn of the author's family: ", n, "") // "baby X 💙 our little nephew"
		return
	}
	if clinical {
		v.add(rlPatient, nmRolePerson*1.5, "", n, " in a clinical post")
	} else {
		v.add(rlPatient, nmRolePerson, "", n, "")
	}
}

// nmRoleLeads are the Reason's words before the cue that decided a role.
var nmRoleLeads = func() (l [rlCount]string) {
	for r := range l {
		l[r] = nmRoleName(r) + " cue "
	}
	return
}()

func nmRoleName(r int) string {
	switch r {
	case rlPatient:
		return "patient"
	case rlRelative:
		return "relative"
	case rlStaff:
		return "staff"
	}
	return "other"
}

// relativeOwner decides whose relative the word at p is: "my son X" is the
// author's (NAME_OTHER), "her son X" a third person's (NAME_RELATIVE).
func (s *nmState) relativeOwner(p int, clinical bool) (int, string) {
	o := s.prevAdj(p)
	// "my little brother", "my baby sister", "our eldest son": the owner
	// stands before a word or two that say which relative
	for n := 0; n < 2 && o > 0 && nmRelModifier(s.low(o)); n++ {
		o = s.prevAdj(o)
	}
	if o >= 0 {
		ot := &s.toks[o]
		switch {
		case ot.cue&cuOwnMine != 0:
			return rlOther, "the author's "
		case ot.cue&cuOwnOther != 0 && s.low(o) == "your" && s.patientPost(clinical):
			// "your cousin X… took him in": the post tells the reader of
			// someone of theirs who was treated
			return rlPatient, "the reader's relative in a clinical post, "
		case ot.cue&cuOwnOther != 0 || ot.f&tfPoss != 0 || ot.cue&cuPatientNoun != 0:
			return rlRelative, "a third person's "
		}
	}
	if nmMotherWord(s.low(p)) && s.birthPost() {
		return rlPatient, "a mother in a birth post, "
	}
	if p > 0 && !s.caseless && s.toks[p].f&tfCap != 0 && s.toks[p].f&tfSentStart == 0 && s.doc.Tokens[p-1].Kind == text.Word {
		// "… and Aunt Rosa", "proud of you Grandpa Lou": a kin word used as a
		// title inside a sentence, with no owner, is how the author names
		// their own family (not "SOCIAL: Husband X", a note's label)
		return rlOther, "the author's own, "
	}
	if clinical {
		return rlRelative, "in a clinical post, "
	}
	return rlOther, ""
}

// nmRelModifier reports a word that says which relative ("little brother",
// "baby sister", "eldest son") between the owner and the relative word.
func nmRelModifier(w string) bool {
	switch w {
	case "little", "baby", "big", "younger", "older", "elder", "youngest", "eldest", "oldest",
		"twin", "step", "half", "kid", "lil", "wee", "late", "new", "dear", "darling", "lovely",
		// the adjective: "my (very) patient husband" is the author's, not a patient's
		"patient", "very", "so", "super", "long-suffering",
		// praise: "my beautiful daughter", "our wonderful nan"
		"gorgeous", "beautiful", "amazing", "wonderful", "awesome", "favourite", "favorite", "fab",
		"fabulous", "brilliant", "sweet", "best", "incredible", "handsome", "clever", "beloved", "darlin":
		return true
	}
	return false
}

// nmMotherWord reports the words for a mother.
func nmMotherWord(w string) bool {
	switch w {
	case "mum", "mom", "mother", "mam", "mummy", "mommy", "mama":
		return true
	}
	return false
}

// nmBirthWords mark a post about a birth: there, "mum Chloe" with no owner
// is the woman who gave birth, a patient (see relativeOwner).
var nmBirthWords = WordSet("delivered", "delivery", "birth", "born", "labour", "labor",
	"newborn", "twins", "triplets", "quadruplets", "midwife", "midwives", "c-section",
	"caesarean", "cesarean", "homebirth", "waterbirth")

// birthPost reports whether the post has a birth word (read once).
func (s *nmState) birthPost() bool {
	if !s.birthDone {
		s.birthDone = true
		for k := range s.toks {
			if s.doc.Tokens[k].Kind == text.Word && nmBirthWords[s.low(k)] {
				s.birth = true
				break
			}
		}
	}
	return s.birth
}

// newbornBefore returns, in a post about a birth (birthPost), the word that
// makes the name a newborn's: "baby X", "little X", "babies X, Y and Z",
// "welcome to the world X" (the names of a list share the role); or -1.
func (s *nmState) newbornBefore(first int) int {
	p := first - 1
	if p >= 0 && s.isPunct(p, ',') {
		p--
	}
	if p < 0 || s.doc.Tokens[p].Kind != text.Word {
		return -1
	}
	switch s.low(p) {
	case "baby", "babies", "little", "world", "twins", "triplets", "newborn":
		// "our little Ava was born", "my miracle baby Rowan", "our precious
		// little Zac": the author's own
		for k := p - 1; k >= 0 && k >= p-3 && s.doc.Tokens[k].Kind == text.Word; k-- {
			if o := s.low(k); o == "my" || o == "our" {
				return -1
			}
		}
		if s.birthPost() && (s.low(p) != "world" || s.low(p-1) == "the") {
			return p
		}
	}
	return -1
}

// ownBirth reports, near a newborn's name, the author's own or family
// baby: "my own", "our own", or "my/our" and a relative noun within two
// words ("our little nephew arrived", "finally met my own").
func (s *nmState) ownBirth(first int) bool {
	n := len(s.toks)
	for k := max(0, first-25); k < n && k <= first+15; k++ {
		if s.toks[k].cue&cuOwnMine == 0 || s.doc.Tokens[k].Kind != text.Word {
			continue
		}
		if o := s.low(k); o != "my" && o != "our" {
			continue
		}
		for j := k + 1; j < n && j <= k+2 && s.doc.Tokens[j].Kind == text.Word; j++ {
			if s.low(j) == "own" || s.isRelativeWord(j) {
				return true
			}
		}
	}
	return false
}

// readersOwn reports "your" right before the friend or relative noun at p
// (an adjective or two between: "your lovely neighbour").
func (s *nmState) readersOwn(p int) bool {
	o := s.prevAdj(p)
	for n := 0; n < 2 && o > 0 && s.toks[o].cue&cuAdj != 0 && s.toks[o].cue&cuOwnMine == 0; n++ {
		o = s.prevAdj(o)
	}
	return o >= 0 && s.low(o) == "your"
}

// patientNounPost reports a patient noun ("patients", "residents",
// "clients") anywhere in the post: read only for a Mr/Mrs in a post with no
// clinical word.
func (s *nmState) patientNounPost() bool {
	for k := range s.toks {
		if s.toks[k].cue&cuPatientNoun != 0 && s.doc.Tokens[k].Kind == text.Word {
			return true
		}
	}
	return false
}

// patientPost reports a post that is clinical (isClinical, given as
// clinical) or has a patient cue word anywhere ("came in with a stroke",
// "too many pills"). Read only for the rare frames that ask (readersOwn).
func (s *nmState) patientPost(clinical bool) bool {
	if clinical {
		return true
	}
	for k := range s.toks {
		if s.toks[k].cue&cuPatientCue != 0 && s.doc.Tokens[k].Kind == text.Word {
			return true
		}
	}
	return false
}

// namedWord returns, for a name after a naming frame with no noun (see
// leftFrame) at token p, the word that makes it the name of a third person
// of the post: "her name's X", "his name is X", "initials X"; or -1 ("I
// called X", "my name's X": a call, the author).
func (s *nmState) namedWord(p int) int {
	if p < 0 {
		return -1
	}
	switch s.low(p) {
	case "is", "was":
		p = s.prevAdj(p)
		if w := s.low(p); w != "name" && w != "name's" {
			return -1
		}
		if o := s.prevAdj(p); o >= 0 && s.toks[o].f&tfPoss != 0 && s.toks[o].cue&cuOwnMine == 0 {
			return p // "the baby's name was X"
		}
	case "him", "her", "them":
		switch q := s.prevAdj(p); s.low(q) {
		case "nicknamed", "named", "called", "dubbed":
			return q // "we've nicknamed him X"
		}
		return -1
	}
	switch s.low(p) {
	case "initials":
		if o := s.prevAdj(p); o >= 0 && s.toks[o].cue&cuOwnMine != 0 {
			return -1
		}
		return p
	case "name", "name's":
		switch s.low(s.prevAdj(p)) {
		case "her", "his", "their":
			return p
		}
	}
	return -1
}

// bedsideAfter returns the word after a name that makes it a visitor or
// someone called to the bedside, with that role: "X in to visit", "X was
// in to see him" (not "… to see the consultant"), "X visited", "X visiting"
// and "X at (the) bedside" are a
// patient's relatives; "X called to bedside", "X called to the room" staff
// summoned. Or -1. Asked in clinical posts only.
func (s *nmState) bedsideAfter(last int) (int, int) {
	n := len(s.toks)
	k := last + 1
	for j := 0; j < 2 && k < n && s.doc.Tokens[k].Kind == text.Word; j++ {
		switch s.low(k) {
		case "was", "were", "is", "came", "come", "comes", "also":
			k++
			continue
		}
		break
	}
	if k >= n || s.doc.Tokens[k].Kind != text.Word {
		return -1, 0
	}
	switch s.low(k) {
	case "visited", "visiting":
		if s.low(k+1) == "by" {
			return -1, 0 // "X visited by her son": the patient
		}
		return k, rlRelative
	case "in":
		if s.low(k+1) == "to" {
			switch s.low(k + 2) {
			case "visit":
				return k + 2, rlRelative
			case "see": // "in to see him", not "in to see the consultant"
				switch s.low(k + 3) {
				case "him", "her", "them", "mum", "mom", "dad":
					return k + 2, rlRelative
				}
			}
		}
	case "at":
		j := k + 1
		if s.low(j) == "the" {
			j++
		}
		if w := s.low(j); w == "bedside" || w == "bed" && s.low(j+1) == "side" {
			return j, rlRelative
		}
	case "called":
		j := k + 1
		if s.low(j) == "to" {
			j++
			if s.low(j) == "the" {
				j++
			}
			switch s.low(j) {
			case "bedside", "room", "resus", "bay":
				return j, rlStaff
			}
		}
	}
	return -1, 0
}

// addressAfter returns the street word of a home address right after a
// name ("Mrs Kaur at 12 Elm Close", "Mr Dee from 4 Mill Lane"), or -1: in a
// post by staff, where a named person lives is told of a patient seen at
// home.
func (s *nmState) addressAfter(last int) int {
	k := last + 1
	if k+2 >= len(s.toks) {
		return -1
	}
	switch s.low(k) {
	case "at", "from", "of", "on", ",":
	default:
		return -1
	}
	switch s.low(k + 1) {
	case "number", "no", "#":
		k++ // "at number 14 Elm Close"
	}
	if k+2 >= len(s.toks) || s.doc.Tokens[k+1].Kind != text.Number {
		return -1
	}
	for j := k + 2; j < len(s.toks) && j <= k+5; j++ {
		t := s.doc.Tokens[j]
		if t.Kind != text.Word || s.toks[j].f&tfCap == 0 && !s.caseless {
			return -1
		}
		if j > k+2 && s.toks[j].cue&cuOrgSuffix != 0 && nmStreetWord(s.low(j)) {
			return j
		}
	}
	return -1
}

// nmStreetWord reports the last word of a street's name.
func nmStreetWord(w string) bool {
	switch w {
	case "street", "st", "road", "rd", "lane", "ln", "avenue", "ave", "close", "drive", "way",
		"court", "crescent", "terrace", "gardens", "square", "place", "grove", "mews", "row", "walk":
		return true
	}
	return false
}

// idAfter returns the token of a patient identifier's label right after a
// name ("Caleb Ward, DOB 4/12/2011", "Jo Bell MRN 1234", "Al Roy NHS no 943…"), or -1.
func (s *nmState) idAfter(last int) int {
	k := last + 1
	for k < len(s.toks) && k <= last+2 && (s.isPunct(k, ',') || s.isPunct(k, '(') || s.isPunct(k, '-') || s.isPunct(k, '"')) {
		k++
	}
	if k >= len(s.toks) || s.doc.Tokens[k].Kind != text.Word && s.doc.Tokens[k].Kind != text.Alnum {
		return -1
	}
	switch s.low(k) {
	case "dob", "d.o.b", "mrn", "ssn":
		return k
	case "nhs", "chi", "hosp": // "NHS no 943…", not "NHS Trust"
		if n := k + 1; n < len(s.toks) && (s.doc.Tokens[n].Kind == text.Number || s.low(n) == "no" || s.low(n) == "number" || s.isPunct(n, '#')) {
			return k
		}
	}
	return -1
}

// nmWorkNoun are the works of a public figure after the name: "X's book",
// "the X tribute band", "X's new album" (docs/ANNOTATION.md: NAME_OTHER).
func nmWorkNoun(w string) bool {
	switch w {
	case "book", "books", "novel", "novels", "memoir", "memoirs", "podcast", "podcasts", "song",
		"songs", "album", "albums", "lyrics", "tribute", "documentary", "biography",
		"autobiography", "film", "films", "movie", "movies", "concert", "concerts", "sitcom":
		return true
	}
	return false
}

// workAfter returns the work noun right after a name, or after its
// possessive and one adjective ("X's book", "X's new album", "the X tribute
// band"), or -1.
func (s *nmState) workAfter(last int) int {
	k := last + 1
	if s.isPunct(k, '\'') && s.low(k+1) == "s" {
		k += 2
	}
	for j := k; j < len(s.toks) && j <= k+1; j++ {
		if s.doc.Tokens[j].Kind != text.Word || s.doc.Tokens[j].Newline {
			return -1
		}
		if nmWorkNoun(s.low(j)) {
			return j
		}
	}
	return -1
}

// wishBefore returns the last word of a wish said to a patient right before
// a name, a comma and one endearment allowed ("Stay strong, X", "get well
// soon X", "Go home soon, little X", "keep fighting X"), or -1.
func (s *nmState) wishBefore(first int) int {
	p := s.prevWord(first, ",")
	if p >= 0 && s.toks[p].cue&cuAdj != 0 || p >= 0 && (s.low(p) == "little" || s.low(p) == "sweet" || s.low(p) == "brave") {
		p = s.prevWord(p, ",")
	}
	if p < 1 {
		return -1
	}
	q := s.low(p - 1)
	switch s.low(p) {
	case "strong":
		if q == "stay" || q == "be" {
			return p
		}
	case "soon":
		if q == "well" || q == "home" || q == "better" {
			return p
		}
	case "fighting", "going":
		if q == "keep" {
			return p
		}
	}
	return -1
}

// nmYou reports the words that address the reader: a name next to one is
// spoken to ("X, you're a star", "tag yourself, X").
func nmYou(w string) bool {
	switch w {
	case "you", "your", "you're", "youre", "you've", "yourself", "u", "ur":
		return true
	}
	return false
}

// addressed reports a name spoken to: "you/your" within three words after
// it or before it, in its sentence ("X, babe, you…", "tag yourself, X").
func (s *nmState) addressed(first, last int) bool {
	n := len(s.toks)
	for k := last + 1; k < n && k <= last+5; k++ {
		t := s.doc.Tokens[k]
		if t.Newline || t.Kind == text.Punct && !s.isPunct(k, ',') {
			break
		}
		if t.Kind == text.Word && nmYou(s.low(k)) {
			return true
		}
	}
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		t := s.doc.Tokens[k]
		if t.Kind == text.Punct && !s.isPunct(k, ',') || s.doc.Tokens[k+1].Newline {
			break
		}
		if t.Kind == text.Word && nmYou(s.low(k)) {
			return true
		}
	}
	return false
}

// addressedAfter returns, for a name spoken to (see addressed), the nearest
// patient or staff noun before it in the post and the role it gives: the
// post talks about people, then turns to one of them ("my former rehab
// patients … tag yourself, X", "the night nurses on our unit … yeah X, I'm
// talking about you"). A name spoken to with no such noun before it (a
// reader asking for advice: "X, your husband's pain…") gets no vote.
func (s *nmState) addressedAfter(first, last int) (int, int) {
	if first < 3 || !s.addressed(first, last) {
		return -1, 0
	}
	if k, role := s.toTheNoun(first); k >= 0 {
		return k, role
	}
	for k := first - 1; k >= 0 && k >= first-40; k-- {
		if s.doc.Tokens[k].Kind != text.Word {
			continue
		}
		nt := s.tok(k)
		switch {
		case nt.cue&cuPatientNoun != 0 && nt.cue&cuStop == 0 || nmAppositionPatient(s.low(k)):
			return k, rlPatient
		case nt.cue&cuStaffNoun != 0 && (nt.f&tfCap == 0 || nt.f&tfUpper != 0) && nt.cue&cuFriendNoun == 0 || s.lowerStaffRole(k):
			return k, rlStaff // "the nurse", "the new CNO"; not "Sister", a title
		case nmStaffPlural(s.low(k)):
			return k, rlStaff
		case nt.cue&cuPersonNoun != 0 && nt.cue&cuPatientNoun == 0 && s.isClinical():
			return k, rlPatient // "the man in bed 4 … we know it was you, X"
		}
	}
	return -1, 0
}

// readerAt returns the "your" of a post that opens by speaking to a reader
// by name ("X your lad can have…", "Reply to X: hun, your BP…", "X, your
// mum's x-ray…"): advice to a member of the public, NAME_OTHER by
// docs/ANNOTATION.md; or -1. The name comes first in the post, after
// "reply to" or "@" at most; a comma, a colon and an endearment may stand
// before "your".
func (s *nmState) readerAt(first, last int) int {
	for k := 0; k < first; k++ {
		switch s.low(k) {
		case "reply", "replying", "to", "@", ":":
		default:
			return -1
		}
	}
	for k := last + 1; k < len(s.toks) && k <= last+3; k++ {
		if s.doc.Tokens[k].Newline {
			return -1
		}
		switch w := s.low(k); w {
		case "your", "ur":
			return k
		case ",", ":", "hun", "hon", "babe", "love", "mate", "dear", "sweetie", "pet", "darling":
		default:
			return -1
		}
	}
	return -1
}

// nmStaffPlural reports a plural staff noun ("physios", "paramedics",
// "nurses") or the management of a workplace: the people a post about
// colleagues turns to ("why do physios… looking at you X").
func nmStaffPlural(w string) bool {
	if w == "management" || w == "managers" {
		return true
	}
	if len(w) < 4 || w[len(w)-1] != 's' {
		return false
	}
	c := nmWord(w[:len(w)-1])
	return c&cuStaffNoun != 0 && c&cuFriendNoun == 0
}

// toTheNoun returns the noun of a post that opens by speaking to someone by
// what they are ("To the bank nurse who…", "To whoever in management…",
// "To the lady who shouted at reception…") and the role it gives a name
// before which it stands, or -1: the name spoken to later is that person. A
// person noun is a patient's in a clinical post.
func (s *nmState) toTheNoun(first int) (int, int) {
	if s.low(0) != "to" {
		return -1, 0
	}
	for k := 1; k < first && k <= 5; k++ {
		if s.doc.Tokens[k].Kind != text.Word {
			return -1, 0
		}
		nt := s.tok(k)
		switch {
		case nt.cue&cuPatientNoun != 0 && nt.cue&cuStop == 0 || nmAppositionPatient(s.low(k)):
			return k, rlPatient
		case nt.cue&cuStaffNoun != 0 && nt.cue&cuFriendNoun == 0 || s.lowerStaffRole(k) || nmStaffPlural(s.low(k)):
			return k, rlStaff
		case nt.cue&cuPersonNoun != 0 && s.isClinical():
			return k, rlPatient
		}
	}
	return -1, 0
}

// nmWorkplace reports the words of a workplace the author may share with
// the people named ("the same ward", "the same NICU", "the same program").
func nmWorkplace(w string) bool {
	switch w {
	case "ward", "unit", "team", "program", "programme", "hospital", "nicu", "icu", "picu",
		"itu", "floor", "trust", "practice", "department", "cohort", "rotation", "residency":
		return true
	}
	return false
}

// sameWorkplace returns the workplace word of "the same ward" after a name
// (or a list of names) in its sentence, where the author shares it ("X, Y
// and me now work in the same NICU", "X joined the same unit as us"),
// or -1: they are the author's workmates.
func (s *nmState) sameWorkplace(last int) int {
	n := len(s.toks)
	own := false
	for k := last + 1; k < n && k <= last+12; k++ {
		nt := &s.toks[k]
		if p := nt.punct; p == '.' || p == '!' || p == '?' || s.doc.Tokens[k].Newline {
			return -1
		}
		if nt.cue&cuStop == 0 {
			continue // punctuation has no cue bits; "same" and "my/our/I/me" are stop words
		}
		if nt.cue&cuOwnMine != 0 {
			own = true
		}
		if s.low(k) != "same" {
			continue
		}
		for j := k + 1; j < n && j <= k+2; j++ {
			if nmWorkplace(s.low(j)) {
				if own || j+2 < n && s.low(j+1) == "as" && s.toks[j+2].cue&cuOwnMine != 0 {
					return j
				}
				return -1
			}
		}
		return -1
	}
	return -1
}

// oldAgeAfter returns the age of "she's 96", "he is 91" a few words after a
// name (the next sentence too: "X at Oak Lodge proposed again 😭 she's 96"),
// or -1: in these posts a person of great age named by a carer is the one
// cared for. The number comes first in the test (few tokens are numbers).
func (s *nmState) oldAgeAfter(last int) int {
	n := len(s.toks)
	for k := last + 2; k < n && k <= last+20; k++ {
		t := s.doc.Tokens[k]
		if t.Newline {
			return -1
		}
		if t.Kind != text.Number || t.End-t.Start < 2 || t.End-t.Start > 3 {
			continue
		}
		v := 0
		for _, c := range []byte(s.low(k)) {
			v = v*10 + int(c-'0')
		}
		if v < 60 || v > 115 {
			continue
		}
		switch s.low(k - 1) {
		case "she's", "he's", "shes", "hes":
			return k
		case "is", "was":
			if w := s.low(k - 2); w == "she" || w == "he" {
				return k
			}
		}
	}
	return -1
}

// signoffRoleAfter returns the health role word of a sign-off that describes
// its writer ("… — Teodor, practice nurse", "- Petronella (one
// of the practice nurses)"), or -1: the name after a dash that opens its
// line or follows a sentence's end, and after it only a short description,
// to the end of the post, holding a health role. The writer of a post is
// staff (docs/ANNOTATION.md), and the role says so even where the words
// after the name keep the name family's own sign-off frame from firing.
func signoffRoleAfter(doc *text.Doc, first, last int) int {
	toks := doc.Tokens
	d := first - 1
	if d < 0 || toks[d].Kind != text.Punct || doc.Norm[toks[d].Start] != '-' || toks[first].Newline {
		return -1
	}
	if !breakBefore(doc, d) {
		return -1
	}
	role, words := -1, 0
	for k := last + 1; k < len(toks); k++ {
		t := toks[k]
		if t.Newline {
			return -1
		}
		if t.Kind == text.Punct {
			if c := doc.Norm[t.Start]; (c == '.' || c == '!' || c == '?') && k+1 < len(toks) && toks[k+1].Kind == text.Word {
				return -1 // a new sentence: the name is no sign-off
			}
			continue
		}
		if words++; words > 10 {
			return -1
		}
		if role < 0 && t.Kind == text.Word && healthRoleWord(doc.Lower[t.Start:t.End]) {
			role = k
		}
	}
	return role
}

// healthRoleWord reports a health role or grade, or its plural ("nurse",
// "pharmacists").
func healthRoleWord(lw string) bool {
	key := lexicon.Key(lw)
	if e, ok := lexicon.Lookup(key); ok && e.Any(lexicon.HealthRole) {
		return true
	}
	return rolePlural(key)
}

// kissSignoff reports a name after a kiss ("x", "xx") that ends the post,
// the kiss after an emoji or a sentence's end ("stuck here tonight 😩 x
// Eilidh"): the writer signing off.
func (s *nmState) kissSignoff(first, last int) bool {
	k := first - 1
	if k < 0 || s.toks[k].cue&cuKiss == 0 || s.doc.Tokens[k].Kind != text.Word || !s.endsPost(last+1) {
		return false
	}
	return breakBefore(s.doc, k)
}

// breakBefore reports a token k that opens the post or its line, or follows
// a sentence's end or an emoji.
func breakBefore(doc *text.Doc, k int) bool {
	if k == 0 || doc.Tokens[k].Newline {
		return true
	}
	p := doc.Tokens[k-1]
	if p.Kind != text.Punct {
		return false
	}
	c := doc.Norm[p.Start]
	return c == '.' || c == '!' || c == '?' || c >= 0x80
}

// nmDutyPost are the shifts and posts a member of staff is "on" ("X on
// nights", "X on the main desk", "X on reception"); a ward or unit is not
// one of them: a patient is on a ward too.
var nmDutyPost = WordSet("nights", "days", "earlies", "lates", "twilights", "desk", "reception",
	"counter", "till", "tills", "phones", "switchboard", "bleep", "triage", "door", "rota", "shift")

// onDutyAfter returns the post after a name said to be on it ("Barnaby on
// nights fixed the printer", "Wilf on the main desk", "Idris on the till"), or
// -1: "on", then at most "the" and one describing word, then the post, and
// no number after it ("on days 3 of 5" counts days).
func onDutyAfter(doc *text.Doc, last int) int {
	toks := doc.Tokens
	n := len(toks)
	low := func(k int) string { return doc.Lower[toks[k].Start:toks[k].End] }
	k := last + 1
	if k >= n || toks[k].Newline || low(k) != "on" {
		return -1
	}
	k++
	if k < n && (low(k) == "the" || low(k) == "our") {
		k++
	}
	for j := 0; j < 2 && k < n; j, k = j+1, k+1 {
		if toks[k].Newline || toks[k].Kind != text.Word {
			return -1
		}
		if nmDutyPost[low(k)] {
			if k+1 < n && toks[k+1].Kind == text.Number {
				return -1
			}
			return k
		}
	}
	return -1
}

// nmSchoolWord are the words that end a school's name.
var nmSchoolWord = WordSet("school", "college", "university", "academy", "primary", "elementary", "uni")

// schoolAfter returns the school word of "at <School name>" right after a
// name ("Mrs Ezeaku at Pellowdene College", "Mr Venn at Ashcombe
// Primary"), or -1: someone of the writer's schooling, not a patient in the
// post, whatever clinical words stand around.
func (s *nmState) schoolAfter(last int) int {
	k := last + 1
	if k >= len(s.toks) || s.low(k) != "at" || s.doc.Tokens[k].Newline {
		return -1
	}
	if s.low(k+1) == "the" {
		k++
	}
	for j := k + 1; j < len(s.toks) && j <= k+5; j++ {
		t := s.doc.Tokens[j]
		if t.Kind != text.Word || t.Newline || s.toks[j].f&tfCap == 0 {
			return -1
		}
		if nmSchoolWord[s.low(j)] {
			if n := j + 1; n < len(s.toks) && s.doc.Tokens[n].Kind == text.Word && !s.doc.Tokens[n].Newline &&
				s.toks[n].f&tfCap != 0 && s.low(n) != "of" {
				continue // "University Hospital": the name goes on
			}
			return j
		}
	}
	return -1
}

// nmSpeechFill are the words that may stand between a name and its speech
// verb ("X has been so open about", "X finally talking about").
var nmSpeechFill = WordSet("has", "have", "had", "been", "is", "was", "so", "very", "really",
	"finally", "now", "just", "openly", "publicly", "bravely", "honestly", "always")

// nmSpeechVerb are the verbs of speaking in public about oneself.
var nmSpeechVerb = WordSet("talking", "talk", "talks", "talked", "speaking", "speak", "speaks",
	"spoke", "announcing", "announced", "announces", "sharing", "shared", "shares", "open",
	"opening", "opened", "candid", "campaigning", "urging", "urged", "urges")

// publicSpeechAfter returns the verb of a public figure speaking of their
// health or work right after a full name ("X Y talking about his
// diagnosis", "X Y is so open about her treatment", "X Y announcing his
// cancer"), or -1: at most three filler words, the verb, then "about", "on",
// "out", "his", "her" or "their" within three words. A patient is rarely
// named in full without a title and said to speak in public; the caller
// asks only for untitled names of two words or more.
func (s *nmState) publicSpeechAfter(last int) int {
	k := last + 1
	for j := 0; j < 3 && k < len(s.toks) && nmSpeechFill[s.low(k)]; j++ {
		k++
	}
	if k >= len(s.toks) || s.doc.Tokens[k].Kind != text.Word || !nmSpeechVerb[s.low(k)] {
		return -1
	}
	for j := k + 1; j < len(s.toks) && j <= k+3; j++ {
		if s.doc.Tokens[j].Kind != text.Word || s.doc.Tokens[j].Newline {
			return -1
		}
		switch s.low(j) {
		case "about", "on", "out", "his", "her", "their":
			return k
		}
	}
	return -1
}

// performerBefore returns the word before a name that makes it a singer's
// or a band's: "singing X", "sang X", "a singalong to X", "dancing to X",
// "blasting X", or -1. "singing to X" is said of a person sung to.
func (s *nmState) performerBefore(first int) int {
	p := s.prevWord(first, "")
	if p < 0 {
		return -1
	}
	switch s.low(p) {
	case "singing", "sang", "sings", "sing", "blasting", "humming", "hummed":
		return p
	case "to":
		if q := s.prevWord(p, ""); q >= 0 {
			switch s.low(q) {
			case "singalong", "singsong", "dancing", "danced", "dance", "karaoke":
				return q
			case "along", "song": // "sing-along", "sing-song"
				if s.low(q-2) == "sing" && s.isPunct(q-1, '-') {
					return q
				}
			}
		}
	}
	return -1
}

// namedPlaceWord reports a patient cue at token k that is a word of a
// place's proper name: capitalised after a capitalised word that is no
// function word ("Leighton Hospital", "Robin Hood's Bay", "Mesa Family
// Health"). The rooms and wards a patient lies in ("Rose Ward", "Side Room
// 2") stay cues.
func (s *nmState) namedPlaceWord(k int) bool {
	if s.toks[k].f&tfCap == 0 || s.doc.AllCaps {
		return false
	}
	switch s.low(k) {
	case "ward", "bay", "bed", "room", "side", "cubicle", "unit", "bedside":
		return false
	}
	p := k - 1
	if s.low(p) == "s" && s.isPunct(p-1, '\'') {
		p -= 2 // "Robin Hood's Bay"
	}
	if p < 0 || s.doc.Tokens[p].Kind != text.Word || s.doc.Tokens[k].Newline {
		return false
	}
	return s.toks[p].f&tfCap != 0 && s.toks[p].cue&(cuStop|cuTitle) == 0
}

// traineeResident reports "resident(s)" at token k said of doctors in
// training, as US posts use it: "co-residents", after a rank or specialty
// ("chief resident", "PGY-2 residents", "surgery residents"), or in a post
// about residency training ("residency", "intern", "fellowship", "PGY…").
// A care home's residents stay patients.
func (s *nmState) traineeResident(k int) bool {
	switch s.low(k) {
	case "resident", "residents", "resident's", "residents'":
	default:
		return false
	}
	if k >= 2 && s.isPunct(k-1, '-') && s.low(k-2) == "co" {
		return true
	}
	if p := s.prevAdj(k); p >= 0 && (nmTraineeRank[s.low(p)] || strings.HasPrefix(s.low(p), "pgy")) {
		return true
	}
	for j := range s.toks {
		if s.doc.Tokens[j].Kind != text.Word {
			continue
		}
		if w := s.low(j); nmTraineeWord[w] || strings.HasPrefix(w, "pgy") {
			return true
		}
	}
	return false
}

// nmTraineeRank are the words before "resident(s)" that make a doctor in
// training; nmTraineeWord the words of a post about residency training.
var (
	nmTraineeRank = WordSet("chief", "senior", "junior", "surgical", "surgery", "medicine",
		"medical", "peds", "pediatric", "pediatrics", "psych", "psychiatry", "ortho", "anesthesia",
		"radiology", "em", "im", "fm", "ob", "obgyn", "pharmacy", "first-year", "second-year",
		"third-year", "fellow")
	nmTraineeWord = WordSet("residency", "residencies", "intern", "interns", "internship",
		"fellowship", "fellowships", "attendings", "co-residents", "co-resident")
)

// ownFamily reports a patient cue at token k that speaks of the author's own
// family or community, not of a patient's: "family" owned by the author
// past up to two modifiers ("my family", "our ICU family", "my church
// family"), a cue word that modifies such a family ("my dialysis family"),
// or a capitalised "Family" inside a proper name or job title ("Family
// Nurse Practitioner", "Riverside Family Health").
func (s *nmState) ownFamily(k int) bool {
	f := k
	switch {
	case s.low(k) == "family":
		// the cue and function words carry no tfCap: read the letters
		capAt := func(j int) bool {
			c := s.doc.Norm[s.doc.Tokens[j].Start]
			return c >= 'A' && c <= 'Z'
		}
		if n := k + 1; !s.doc.AllCaps && n < len(s.toks) && s.doc.Tokens[n].Kind == text.Word &&
			capAt(k) && capAt(n) {
			return true
		}
	case s.low(k+1) == "family":
		f = k + 1
	default:
		return false
	}
	o := s.prevAdj(f)
	for n := 0; n < 2 && o >= 0 && s.toks[o].cue&cuOwnMine == 0; n++ {
		if s.doc.Tokens[o].Kind != text.Word || s.toks[o].cue&cuStop != 0 && !nmRelModifier(s.low(o)) {
			return false // "the family", "his family": no owner of ours
		}
		o = s.prevAdj(o)
	}
	if o < 0 {
		return false
	}
	switch s.low(o) {
	case "my", "our":
		return true
	}
	return false
}
