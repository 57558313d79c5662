// Package redact rewrites a post so that the patient is lost and the lesson
// kept: identifiers are removed, masked, replaced by placeholders or
// generalised ("a patient in their 90s", "a nearby town"), and derogatory
// labels are replaced by neutral wording. It works from a checked result and
// lists every change it makes.
package redact

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/result"
)

// Operator is how an identifier is rewritten.
type Operator string

// Operators.
const (
	Generalise  Operator = "generalise"  // "94" → "in their 90s", "Aylsham" → "a nearby town"
	Placeholder Operator = "placeholder" // "Edna Pritchard" → "[NAME]"
	Mask        Operator = "mask"        // "Edna" → "****"
	Remove      Operator = "remove"      // "Edna" → ""
)

// Operators lists the operators by name.
var Operators = []Operator{Generalise, Placeholder, Mask, Remove}

// Change is one rewrite of the original post.
type Change struct {
	// Start and End are byte offsets of the original post.
	Start int    `json:"start"`
	End   int    `json:"end"`
	From  string `json:"from"`
	To    string `json:"to"`
	// Why is the entity type or rule the change answers.
	Why      string   `json:"why"`
	Operator Operator `json:"operator"`
	// Pass is 1 for changes to the original post; a later pass rewrites what a
	// re-check still found, and its offsets are into the text of the pass before.
	Pass int `json:"pass"`
}

// keepTypes are entity types left alone: they identify nobody.
var keepTypes = map[result.Type]bool{result.Country: true}

// patientOnly are entity types rewritten only when the post is about a patient.
var patientOnly = map[result.Type]bool{
	result.NameOther: true, result.NameStaff: true, result.Age: true, result.Date: true, result.Time: true,
	result.Hospital: true, result.Ward: true, result.Room: true, result.City: true, result.Organization: true,
	result.Profession: true, result.Feature: true, result.Username: true, result.URL: true,
}

// Plan decides the changes for post given its result: every direct
// identifier; every entity when the post is about a patient; the details of
// its anonymity estimate; and derogatory words that have neutral wording.
// Spans in force are rewritten too (with Remove for Generalise) when a
// re-check still found them.
func Plan(post string, r *result.Result, op Operator, force []result.Span) []Change {
	patient := r.Anonymity != nil || slices.Contains(r.Categories, "CONFIDENTIALITY")
	var changes []Change
	for _, e := range r.Entities {
		if keepTypes[e.Type] || patientOnly[e.Type] && !patient {
			continue
		}
		changes = append(changes, Change{Start: e.Start, End: e.End, From: e.Text,
			To: rewrite(post, e.Start, e.End, e.Type, op), Why: string(e.Type), Operator: op})
	}
	if patient && r.Anonymity != nil {
		for _, d := range r.Anonymity.Details {
			if d.Span == nil || d.Kind == "sex" || d.Kind == "condition" {
				continue // the clinical point stays
			}
			changes = append(changes, Change{Start: d.Span.Start, End: d.Span.End, From: post[d.Span.Start:d.Span.End],
				To: detailWord(d.Kind, op, post[d.Span.Start:d.Span.End]), Why: d.Kind, Operator: op})
		}
	}
	for _, k := range r.Risks {
		if k.Replacement == "" {
			continue
		}
		for _, sp := range k.Spans {
			changes = append(changes, Change{Start: sp.Start, End: sp.End, From: post[sp.Start:sp.End],
				To: k.Replacement, Why: k.Rule, Operator: Generalise})
		}
	}
	for _, sp := range force {
		o := op
		if o == Generalise {
			o = Remove
		}
		changes = append(changes, Change{Start: sp.Start, End: sp.End, From: post[sp.Start:sp.End],
			To: rewrite(post, sp.Start, sp.End, "", o), Why: "still identifying", Operator: o})
	}
	return settle(changes)
}

// settle sorts changes and drops those overlapping an earlier, longer one.
func settle(cs []Change) []Change {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Start != cs[j].Start {
			return cs[i].Start < cs[j].Start
		}
		return cs[i].End > cs[j].End
	})
	var out []Change
	for _, c := range cs {
		if c.End <= c.Start {
			continue
		}
		if n := len(out); n > 0 && c.Start < out[n-1].End {
			continue
		}
		out = append(out, c)
	}
	return out
}

// Apply rewrites post with the changes (sorted, not overlapping, as Plan
// returns them), tidying the spaces and articles around each.
func Apply(post string, changes []Change) string {
	var b strings.Builder
	pos := 0
	for _, c := range changes {
		before := post[pos:c.Start]
		to := c.To
		art, at := lastWord(before)
		if to == "recently" || to == "earlier" {
			switch strings.ToLower(art) {
			case "on", "last", "this", "next", "at":
				before = strings.TrimRight(before[:at], " ") + " " // "on Tuesday" → "recently"
				art = ""
			}
		}
		switch strings.ToLower(art) {
		case "the", "a", "an", "this", "that", "our", "my", "his", "her", "their":
			// "the a nearby town" → "the nearby town"
			if strings.HasPrefix(to, "a ") || strings.HasPrefix(to, "an ") || strings.HasPrefix(to, "the ") {
				to = to[strings.IndexByte(to, ' ')+1:]
			}
			next := to
			if next == "" { // removed: the article now stands before what follows
				next = strings.TrimLeft(post[c.End:], " ")
			}
			// "a older" → "an older", "an young" → "a young"
			if strings.EqualFold(art, "a") && startsVowel(next) {
				before = before[:at] + art + "n" + before[at+len(art):]
			} else if strings.EqualFold(art, "an") && next != "" && !startsVowel(next) {
				before = before[:at] + art[:1] + before[at+len(art):]
			}
		}
		b.WriteString(before)
		b.WriteString(to)
		pos = c.End
	}
	b.WriteString(post[pos:])
	return tidy(b.String())
}

// lastWord returns the last word of s when only spaces follow it, and where it starts.
func lastWord(s string) (string, int) {
	t := strings.TrimRight(s, " ")
	if len(t) == len(s) && s != "" {
		return "", 0 // no space between the word and the change
	}
	i := strings.LastIndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	return t[i+1:], i + 1
}

func startsVowel(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("aeiouAEIOU", r)
}

// tidy collapses the double spaces and space-before-punctuation a removal leaves.
func tidy(s string) string {
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	for _, empty := range []string{"( )", "()", "[ ]", "[]"} {
		s = strings.ReplaceAll(s, empty, "")
	}
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	for _, p := range []string{",", ".", "!", "?", ";", ":"} {
		s = strings.ReplaceAll(s, " "+p, p)
	}
	s = strings.ReplaceAll(s, ",,", ",")
	return strings.TrimSpace(s)
}

var placeholders = map[result.Type]string{
	result.NamePatient: "[NAME]", result.NameRelative: "[NAME]", result.NameStaff: "[NAME]", result.NameOther: "[NAME]",
	result.Username: "[USER]", result.Age: "[AGE]", result.Date: "[DATE]", result.Time: "[TIME]",
	result.Hospital: "[HOSPITAL]", result.Ward: "[WARD]", result.Room: "[BED]", result.Street: "[ADDRESS]",
	result.City: "[PLACE]", result.Postcode: "[POSTCODE]", result.ZIP: "[ZIP]", result.Organization: "[ORGANISATION]",
	result.Phone: "[PHONE]", result.Email: "[EMAIL]", result.URL: "[URL]", result.IPAddress: "[IP]",
	result.NHSNumber: "[NHS NUMBER]", result.MRN: "[MRN]", result.SSN: "[SSN]", result.NINumber: "[NI NUMBER]",
	result.IDOther: "[ID]", result.Profession: "[JOB]", result.Vehicle: "[VEHICLE]", result.Feature: "[FEATURE]",
}

var general = map[result.Type]string{
	result.NamePatient: "the patient", result.NameRelative: "a relative", result.NameStaff: "a colleague",
	result.NameOther: "someone", result.Username: "someone", result.Date: "recently", result.Time: "earlier",
	result.Hospital: "a hospital", result.Ward: "the ward", result.Room: "a bed", result.Street: "a local street",
	result.City: "a nearby town", result.Postcode: "the area", result.ZIP: "the area", result.Organization: "an organisation",
	result.Phone: "[number removed]", result.Email: "[email removed]", result.URL: "[link removed]",
	result.IPAddress: "[address removed]", result.NHSNumber: "[number removed]", result.MRN: "[number removed]",
	result.SSN: "[number removed]", result.NINumber: "[number removed]", result.IDOther: "[number removed]",
	result.Profession: "worker", result.Vehicle: "a vehicle", result.Feature: "a distinctive feature",
}

// eventWords mark a FEATURE that is an event rather than a look ("prom crash").
var eventWords = []string{"crash", "collision", "fire", "accident", "explosion", "attack", "stabbing",
	"shooting", "fall", "incident", "rtc", "pile-up", "pileup", "drowning", "overdose", "blaze"}

// partOfDay are words that follow a day in "Friday night".
var partOfDay = []string{" night", " morning", " evening", " afternoon", " lunchtime"}

// rewrite returns what replaces post[start:end], an entity of type t.
func rewrite(post string, start, end int, t result.Type, op Operator) string {
	s := post[start:end]
	switch op {
	case Remove:
		return ""
	case Mask:
		return mask(s)
	case Placeholder:
		if p, ok := placeholders[t]; ok {
			return p
		}
		return "[REDACTED]"
	}
	if t == result.Age {
		return generaliseAge(s)
	}
	if t == result.NamePatient && hasTitle(s) {
		return "the patient"
	}
	if t == result.Feature {
		l := strings.ToLower(s)
		for _, w := range eventWords {
			if strings.Contains(l, w) {
				return "an incident"
			}
		}
	}
	if t == result.Date {
		rest := strings.ToLower(post[end:])
		for _, p := range partOfDay {
			if strings.HasPrefix(rest, p) {
				return "one" // "Friday night" → "one night"
			}
		}
	}
	if g, ok := general[t]; ok {
		return g
	}
	return "[removed]"
}

func hasTitle(s string) bool {
	l := strings.ToLower(s)
	for _, t := range []string{"mr ", "mrs ", "ms ", "miss ", "mr. ", "mrs. "} {
		if strings.HasPrefix(l, t) {
			return true
		}
	}
	return false
}

func mask(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteByte('*')
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// generaliseAge turns an exact age into a band: "94-year-old" → "older",
// "94" or "aged 94" → "in their 90s", "3 week old" → "very young".
func generaliseAge(s string) string {
	l := strings.ToLower(s)
	n, ok := firstNumber(l)
	if !ok {
		return "of some age"
	}
	for _, unit := range []string{"week", "wk", "month", " mo", "day"} {
		if strings.Contains(l, unit) {
			return "very young"
		}
	}
	adjective := strings.Contains(l, "year-old") || strings.Contains(l, "year old") || strings.Contains(l, "yr old") ||
		strings.Contains(l, "yo") || strings.Contains(l, "y/o") || strings.Contains(l, "yr-old")
	if adjective {
		switch {
		case n >= 65:
			return "older"
		case n >= 18:
			return "adult"
		}
		return "young"
	}
	switch {
	case n >= 90:
		return "over 89"
	case n >= 20:
		return fmt.Sprintf("in their %d0s", n/10)
	case n >= 13:
		return "in their teens"
	}
	return "a child"
}

func firstNumber(s string) (int, bool) {
	n, found := 0, false
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n = n*10 + int(r-'0')
			found = true
			if n > 200 {
				return 0, false
			}
		} else if found {
			break
		}
	}
	return n, found
}

// detailWord generalises a mosaic detail by kind.
func detailWord(kind string, op Operator, s string) string {
	switch op {
	case Remove:
		return ""
	case Mask:
		return mask(s)
	case Placeholder:
		return "[" + strings.ToUpper(kind) + "]"
	}
	switch kind {
	case "occupation":
		return "worker" // no article: "a retired headmaster" → "a retired worker"
	case "event":
		return "an incident"
	case "feature":
		return "a distinctive feature"
	case "celebrity":
		return "someone"
	case "relative":
		return "family"
	case "age":
		return generaliseAge(s)
	}
	return "[detail removed]"
}
