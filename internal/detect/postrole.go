package detect

import (
	"strings"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// Post-level roles of names. The names family decides a name's role from the
// words near it (a title, "her son X", a cue word in a window); a name with
// no such cue is NAME_OTHER. postRoles looks at the whole post for those
// names only: a post about the author's workplace life (a colleague's
// retirement, the team's potluck, a co-author thanked) makes its unmarked
// names staff, unless the post also speaks of the author's family or of
// patients, where an unmarked name may be anyone. A role a local cue decided
// is never changed.

// Post frame bits of a word.
const (
	pfStaff  uint8 = 1 << iota // the author's work life with colleagues
	pfBlock                    // family, home or patients: the frame says nothing
	pfPhrase                   // the second word of a phrase of postFramePhrases
)

// post.frame: whether the places family saw the post's words (pfKnown) and
// whether one of them is a word postStaffFrame reads (pfAny).
const (
	pfAny   uint8 = 1 << 6
	pfKnown uint8 = 1 << 7
)

// postFrameOf returns post.frame from the union of the post's plTok.my
// (plDoc.anyMy): pbPostFrame marks the words of postFrameWords and
// postHyphenHalves.
func postFrameOf(anyMy uint64) uint8 {
	return pfKnown | uint8(anyMy>>63)*pfAny
}

// postFrameWords are the words of the post frames, lower case; a
// possessive "'s" is stripped and hyphenated words are joined ("co-author")
// before the lookup. Staff words are about colleagues and the social life
// of a workplace, not about shifts: "on an early tomorrow" is the author's
// own work and says nothing of the people named next to it.
var postFrameWords = func() map[string]uint8 {
	m := make(map[string]uint8, 128)
	add := func(b uint8, ws ...string) {
		for _, w := range ws {
			m[w] |= b
		}
	}
	add(pfStaff, "colleague", "colleagues", "coworker", "coworkers", "co-worker", "co-workers",
		"workmate", "workmates", "teammate", "teammates", "co-author", "co-authors", "coauthor",
		"co-presenter", "co-presenters", "preceptor", "assessor", "mentor", "huddle", "handover",
		"retirement", "retiring", "retires", "going-away", "potluck", "cohort", "placement",
		"orientation", "manager", "locker", "lockers", "staff", "unit", "crew",
		// a colleague's send-off, the staff's own room, the author's crew
		// and teachers at work, and the team itself
		"farewell", "breakroom", "crewmate", "crewmates", "mentors", "preceptors", "team")
	add(pfBlock,
		// the author's or someone's family and home life
		"husband", "wife", "hubby", "son", "daughter", "kids", "kid", "children", "mum", "mom",
		"mam", "dad", "mama", "mummy", "daddy", "nan", "nana", "grandma", "grandad", "grandpa",
		"granny", "brother", "niece", "nephew", "cousin", "aunt", "auntie", "uncle", "in-laws",
		"married", "wedding", "anniversary", "birthday", "bday", "hen", "bridesmaids",
		"boyfriend", "girlfriend", "fiance", "fiancé", "parents", "baby", "twins", "arrived",
		"school", "church", "hun", "babe",
		// patients: a name in a post about care may be the patient's
		"patient", "patients", "pt", "pts", "bed", "bay", "room", "resident", "residents",
		"admitted", "client", "clients")
	for w := range postFramePhrases {
		add(pfPhrase, w)
	}
	return m
}()

// postFramePhrases are staff frames of two words, by their second word: the
// first words that make it a frame ("bake sale", "secret santa"). Their
// second words are in postFrameWords with pfPhrase.
var postFramePhrases = map[string][]string{
	"sale": {"bake"}, "off": {"bake"}, "santa": {"secret"}, "round": {"whip"},
	"do": {"leaving", "christmas"}, "party": {"leaving"}, "speech": {"leaving"},
	"card": {"leaving"}, "station": {"nurses", "nurses'", "nurse's"}, "family": {"work"},
}

// postHyphenHalves are the second halves of the hyphenated words of
// postFrameWords ("co-author": "author").
var postHyphenHalves = func() map[string]bool {
	m := map[string]bool{}
	for w := range postFrameWords {
		if i := strings.LastIndexByte(w, '-'); i >= 0 {
			m[w[i+1:]] = true
		}
	}
	return m
}()

// postBloom has a bit for each word of postFrameWords (see postBloomBit), so
// that most words of a post cost no map lookup: 4,096 bits for ~150 words,
// so that few other words share one (at 512 bits, a quarter of a tweet's
// words went on to the map).
var postBloom = func() (b [64]uint64) {
	for w := range postFrameWords {
		i := postBloomBit(w)
		b[i>>6] |= 1 << (i & 63)
	}
	return
}()

// postBloomBit hashes a word's length and its first two and last letters to
// a bit of postBloom.
func postBloomBit(w string) uint {
	h := uint32(len(w))<<24 | uint32(w[0])<<16 | uint32(w[len(w)/2])<<8 | uint32(w[len(w)-1])
	return uint(h*0x9E3779B1>>20) & 4095
}

// postFrameWord returns the frame bits of w (a possessive "'s" stripped)
// and the word looked up.
func postFrameWord(w string) (uint8, string) {
	if n := len(w); n > 3 && w[n-1] == 's' && w[n-2] == '\'' {
		w = w[:n-2]
	}
	if i := postBloomBit(w); postBloom[i>>6]&(1<<(i&63)) == 0 {
		return 0, w
	}
	return postFrameWords[w], w
}

// nameUndecided reports a name candidate whose role no cue decided: a
// NAME_OTHER whose Reason names no role cue (the names family appends one
// after "; "; the tagger and the proper-noun family give none).
func nameUndecided(c *Candidate) bool {
	return c.Type == result.NameOther && !strings.Contains(c.Reason, "; ")
}

// postRoles gives the undecided names of kept (see nameUndecided) the role
// the whole post frames. It runs on the resolved entities of one post; frame
// is the post's frame bits (post.frame), 0 when not known.
func postRoles(doc *text.Doc, kept []Candidate, frame uint8) {
	n, kin := 0, false
	for i := range kept {
		if nameUndecided(&kept[i]) {
			n++
		} else if t := kept[i].Type; t == result.NamePatient || t == result.NameRelative {
			kin = true
		}
	}
	if kin {
		postColleagueKin(doc, kept)
	}
	if n == 0 {
		return
	}
	if len(kept) > 1 {
		n -= postShareRoles(doc, kept)
	}
	if n == 0 {
		return
	}
	// The places family, which reads every word, marks the words postStaffFrame
	// reads in their pb bits (pbPostFrame): a post with none has no frame, and
	// most posts are scanned no more.
	if frame&(pfKnown|pfAny) == pfKnown {
		return
	}
	cue := postStaffFrame(doc)
	if cue == "" {
		return
	}
	for i := range kept {
		if nameUndecided(&kept[i]) {
			kept[i].Type = result.NameStaff
			kept[i].Reason += "; staff: the post is about the author's workplace ('" + cue + "')"
		}
	}
}

// postStaffFrame returns the first staff frame word or phrase of doc, or ""
// when there is none or when the post also has a family or patient word.
func postStaffFrame(doc *text.Doc) string {
	cue := ""
	toks := doc.Tokens
	prev := -1 // the word before token k
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.Kind != text.Word {
			continue
		}
		var b uint8
		var w string
		// a hyphenated word: "co-author", "in-laws"
		if k+2 < len(toks) && toks[k+1].Kind == text.Punct && !toks[k+1].Space &&
			toks[k+2].Kind == text.Word && !toks[k+2].Space && doc.Lower[toks[k+1].Start] == '-' {
			if b, w = postFrameWord(doc.Lower[t.Start:toks[k+2].End]); b != 0 {
				k += 2
			}
		}
		if b == 0 {
			b, w = postFrameWord(doc.Lower[t.Start:t.End])
		}
		if b&pfBlock != 0 && !postWorkBlock(doc, prev, k, w) {
			return ""
		}
		if cue == "" {
			if b&pfStaff != 0 && !(w == "team" && prev >= 0 && postGameTeam[doc.Lower[toks[prev].Start:toks[prev].End]]) {
				cue = w
			} else if b&pfPhrase != 0 && prev >= 0 {
				pw := doc.Lower[toks[prev].Start:toks[prev].End]
				for _, f := range postFramePhrases[w] {
					if pw == f {
						cue = f + " " + w
					}
				}
			}
		}
		prev = k
	}
	return cue
}

// postShareRoles gives an undecided name the role decided for another
// mention of the same person in the post: a name that shares a word with it,
// titles aside ("Mrs Achterberg" … "Achterberg", "Ines Valcourt" … "Ines"),
// whichever family found each. Mentions decided for different roles (or
// for NAME_OTHER by a cue) leave it alone. It returns how many names it
// decided.
func postShareRoles(doc *text.Doc, kept []Candidate) int {
	shared := 0
	for i := range kept {
		if !nameUndecided(&kept[i]) {
			continue
		}
		var typ result.Type
		for j := range kept {
			if j == i || !kept[j].Type.IsName() || nameUndecided(&kept[j]) ||
				strings.Contains(kept[j].Reason, postSharedWhy) ||
				!postSameName(doc.Lower[kept[i].Start:kept[i].End], doc.Lower[kept[j].Start:kept[j].End]) {
				continue
			}
			if typ != "" && typ != kept[j].Type {
				typ = result.NameOther
				break
			}
			typ = kept[j].Type
		}
		if typ != "" && typ != result.NameOther {
			kept[i].Type = typ
			kept[i].Reason += postSharedWhy
			shared++
		}
	}
	return shared
}

// postSharedWhy ends the Reason of a name whose role postShareRoles shared.
const postSharedWhy = "; role of another mention of the same name in the post"

// postSameName reports whether the names a and b (lower case) share a word
// of two letters or more that is no title.
func postSameName(a, b string) bool {
	for a != "" {
		var w string
		w, a = postNextWord(a)
		if len(w) < 2 || nmTitles[w] != tkNone {
			continue
		}
		for r := b; r != ""; {
			var v string
			v, r = postNextWord(r)
			if v == w {
				return true
			}
		}
	}
	return false
}

// postNextWord returns the first word of s, without a trailing full stop,
// and the rest of s after it.
func postNextWord(s string) (string, string) {
	s = strings.TrimLeft(s, " ")
	i := strings.IndexByte(s, ' ')
	if i < 0 {
		i = len(s)
	}
	return strings.TrimSuffix(s[:i], "."), s[i:]
}

// postWorkBlock reports a family word at token k (w, looked up; prev the
// word before it or -1) that speaks of work life after all: the team's
// "work family", or a named person's birthday ("X's birthday", "X's
// bday"), which says nothing of whose family the post is about.
func postWorkBlock(doc *text.Doc, prev, k int, w string) bool {
	switch w {
	case "family":
		return prev >= 0 && doc.Lower[doc.Tokens[prev].Start:doc.Tokens[prev].End] == "work"
	case "birthday", "bday":
		// "X's birthday": "'s" a token of its own or the end of X's
		low := func(j int) string { return doc.Lower[doc.Tokens[j].Start:doc.Tokens[j].End] }
		if j := k - 1; j >= 1 && low(j) == "s" && (low(j-1) == "'" || low(j-1) == "’") {
			return true
		} else if j >= 0 {
			return strings.HasSuffix(low(j), "'s")
		}
	}
	return false
}

// postGameTeam are the words before "team" that make it a side in a game
// ("the other team", "his football team"), not the author's team at work.
var postGameTeam = WordSet("other", "opposing", "opposition", "away", "home", "rival", "winning",
	"losing", "football", "soccer", "rugby", "netball", "cricket", "hockey", "basketball",
	"baseball", "softball", "volleyball", "sports", "school", "quiz", "pub", "darts", "pool",
	"bowling", "swim", "swimming", "dance", "cheer", "national", "england", "wales", "scotland")

// Reasons the names family gives a name for its relatives (nm_role.go): "X's
// husband Y" makes X a person with relatives (a patient, in a clinical post)
// and Y a third person's relative.
const (
	postWithKinWhy  = "; patient cue a person with relatives"
	postThirdKinWhy = "; relative cue a third person's '"
	postListWhy     = "; role shared with a name in the same list"
)

// postColleagueKin undoes the patient and relative roles the names family
// gives a colleague's family. "X's wife Y" in a post with a clinical word
// makes X a patient and Y a patient's relative; but when another mention of
// X is decided staff ("the send-off for X after 30 years as a porter …
// X's wife Y"), or X is staff where the relation is told ("Dr X's
// husband Y"), X is that colleague and Y is a colleague's relative:
// NAME_OTHER by docs/ANNOTATION.md, as are the names listed with Y ("X's
// grandkids Y and Z").
func postColleagueKin(doc *text.Doc, kept []Candidate) {
	for i := range kept {
		c := &kept[i]
		if c.Type != result.NamePatient || !strings.Contains(c.Reason, postWithKinWhy) {
			continue
		}
		staff := false
		for j := range kept {
			if j == i || !kept[j].Type.IsName() {
				continue
			}
			if postSameName(doc.Lower[c.Start:c.End], doc.Lower[kept[j].Start:kept[j].End]) {
				if kept[j].Type != result.NameStaff {
					staff = false
					break // a mention decided otherwise: leave it
				}
				staff = true
			}
		}
		if staff {
			c.Type = result.NameStaff
			c.Reason += "; staff: " + postColleagueWhy
		}
	}
	changed := false
	for i := range kept {
		c := &kept[i]
		if c.Type != result.NameRelative || !strings.Contains(c.Reason, postThirdKinWhy) {
			continue
		}
		if o := postKinOwner(doc, kept, c.Start); o >= 0 && kept[o].Type == result.NameStaff {
			c.Type = result.NameOther
			c.Reason += postColleagueKinWhy
			changed = true
		}
	}
	// the names listed with a colleague's relative took its role
	for changed {
		changed = false
		for i := range kept {
			c := &kept[i]
			if c.Type != result.NameRelative || !strings.Contains(c.Reason, postListWhy) {
				continue
			}
			for j := range kept {
				o := &kept[j]
				if o.Type == result.NameOther && strings.HasSuffix(o.Reason, postColleagueKinWhy) &&
					(postListGap(doc, o.End, c.Start) || postListGap(doc, c.End, o.Start)) {
					c.Type = result.NameOther
					c.Reason += postColleagueKinWhy
					changed = true
					break
				}
			}
		}
	}
}

// postColleagueWhy is the Reason of a person with relatives whom another
// mention shows to be a colleague.
const postColleagueWhy = "another mention of the person with relatives is staff"

// postColleagueKinWhy ends the Reason of a colleague's relative, which the
// names listed with it read to share its role.
const postColleagueKinWhy = "; other: a colleague's relative"

// postKinOwner returns the index in kept of the name that owns the relation
// before a relative's name at byte start ("X's husband Y", "X's little
// sister Y"): a name ending at a possessive "'s" followed by one to three
// words and the relative's name; -1 if none.
func postKinOwner(doc *text.Doc, kept []Candidate, start int) int {
	for j := range kept {
		o := &kept[j]
		if !o.Type.IsName() || o.End >= start || start-o.End > 40 {
			continue
		}
		gap := doc.Lower[o.End:start]
		switch {
		case strings.HasPrefix(gap, "'s "):
			gap = gap[3:]
		case strings.HasPrefix(gap, "’s "):
			gap = gap[len("’s "):]
		default:
			continue
		}
		if n := strings.Count(gap, " "); n >= 1 && n <= 3 && strings.HasSuffix(gap, " ") &&
			!strings.ContainsAny(gap, ".,;:!?()") {
			return j
		}
	}
	return -1
}

// postListGap reports whether the text between byte offsets a and b joins
// two names of a list: ", ", " and ", " & ", ", and ".
func postListGap(doc *text.Doc, a, b int) bool {
	if a > b || b-a > 6 {
		return false
	}
	switch doc.Lower[a:b] {
	case ", ", " and ", " & ", ", and ", " + ":
		return true
	}
	return false
}
