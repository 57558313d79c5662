package scrubs

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/scrubshq/scrubs/internal/judge"
	"github.com/scrubshq/scrubs/internal/result"
)

// maxHistory is how many earlier posts CheckWithHistory and Link consider
// (the most recent ones).
const maxHistory = 50

// quasiTypes are the entity types that can link posts about the same patient.
var quasiTypes = map[result.Type]bool{
	result.City: true, result.Hospital: true, result.Ward: true, result.Room: true, result.Age: true,
	result.Street: true, result.Organization: true, result.Profession: true, result.Feature: true,
}

// Earlier is a post checked before the one being linked: its text and its
// result from Check. Make it with NewEarlier when it will be linked many
// times (a scan's window), so its details are worked out once.
type Earlier struct {
	Text   string
	Result *Result

	quasi map[string]bool
	kinds map[string]string
}

// NewEarlier returns an Earlier with its linking details worked out.
func NewEarlier(text string, r *Result) Earlier {
	return Earlier{Text: text, Result: r, quasi: quasiTexts(r), kinds: detailKinds(r)}
}

// details returns e's linking texts and detail kinds, cached or worked out.
func (e Earlier) details() (map[string]bool, map[string]string) {
	if e.quasi != nil {
		return e.quasi, e.kinds
	}
	return quasiTexts(e.Result), detailKinds(e.Result)
}

// Link is what several posts about the same patient give away together.
type Link struct {
	// Earlier holds the indexes, in the slice given to Link, of the earlier
	// posts that share a detail with the post.
	Earlier []int `json:"earlier"`
	// Shared are the details the posts have in common (folded to lower case).
	Shared []string `json:"shared"`
	// Risk is the CONF-002 risk of the posts read together; its spans point
	// into the post, and its message says how many posts combine.
	Risk Risk `json:"risk"`
	// Anonymity is the estimate for the posts read together.
	Anonymity *result.Anonymity `json:"anonymity,omitempty"`
}

// AboutPatient reports whether a result is about a patient: it has a
// confidentiality risk, or an anonymity estimate (made only when the post is
// about a patient). Only such posts are linked.
func AboutPatient(r *Result) bool {
	if r.Anonymity != nil {
		return true
	}
	return slices.Contains(r.Categories, "CONFIDENTIALITY")
}

// Link weighs post (already checked, giving res) together with earlier
// posts about a patient (see AboutPatient) that share a detail with it (a place, an age, a
// ward, a job…). It returns nil when no earlier post is linked, when post
// alone already identifies the patient by its details (CONF-002), or when
// the posts together still do not. Only the last 50 earlier posts count.
func (c *Checker) Link(ctx context.Context, post string, res *Result, earlier []Earlier) (*Link, error) {
	if hasRule(res, "CONF-002") {
		return nil, nil
	}
	details := quasiTexts(res)
	if len(details) == 0 {
		return nil, nil
	}
	first := max(0, len(earlier)-maxHistory)
	var idx []int
	var texts []string
	shared := map[string]bool{}
	known := detailKinds(res)
	// Newest first: the most recent posts about the patient are the likeliest
	// to be about the same one.
	for i := len(earlier) - 1; i >= first; i-- {
		e := earlier[i]
		if e.Result == nil || !AboutPatient(e.Result) || len(e.Text) > MaxTextBytes/4 {
			continue
		}
		quasi, theirs := e.details()
		var common []string
		for d := range quasi {
			if details[d] {
				common = append(common, d)
			}
		}
		if len(common) == 0 {
			continue
		}
		// A post that says another age, sex or place is about someone else;
		// one that adds no kind of detail cannot narrow the patient down
		// further, so reading it too is wasted work.
		if conflicts(known, theirs) || !adds(known, theirs) {
			continue
		}
		for k, v := range theirs {
			known[k] = v
		}
		for _, d := range common {
			shared[d] = true
		}
		idx = append(idx, i)
		texts = append(texts, e.Text)
	}
	if len(idx) == 0 {
		return nil, nil
	}
	slices.Reverse(idx)
	slices.Reverse(texts)
	combined := strings.Join(append(texts, post), "\n\n")
	off := len(combined) - len(post)
	all, err := c.Check(ctx, combined)
	if err != nil {
		return nil, err
	}
	for _, r := range all.Risks {
		if r.Rule != "CONF-002" {
			continue
		}
		spans := []result.Span{}
		for _, sp := range r.Spans {
			if sp.Start >= off {
				spans = append(spans, result.Span{Start: sp.Start - off, End: sp.End - off})
			}
		}
		words := slices.Sorted(func(yield func(string) bool) {
			for d := range shared {
				if !yield(d) {
					return
				}
			}
		})
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = strconv.Quote(w)
		}
		r.Spans = spans
		r.Message = together(len(idx)) + " about the same patient (sharing " + strings.Join(quoted, ", ") +
			"), the details identify them: " + strings.TrimPrefix(r.Message, "No name is given, but the details narrow it down: ")
		return &Link{Earlier: idx, Shared: words, Risk: r, Anonymity: all.Anonymity}, nil
	}
	return nil, nil
}

// CheckWithHistory checks post as Check does, and also weighs it together with
// the author's earlier posts (oldest first): details spread over several posts
// about the same patient can identify them even when no single post does.
// Earlier posts count when they are about a patient and share a detail (a
// place, an age, a ward, a job…) with this post. When together they identify
// the patient and this post alone does not, the result gets a CONF-002 risk
// that says so.
func (c *Checker) CheckWithHistory(ctx context.Context, post string, earlier []string) (*Result, error) {
	res, err := c.Check(ctx, post)
	if err != nil || len(earlier) == 0 || hasRule(res, "CONF-002") || len(quasiTexts(res)) == 0 {
		return res, err
	}
	if len(earlier) > maxHistory {
		earlier = earlier[len(earlier)-maxHistory:]
	}
	checked := make([]Earlier, 0, len(earlier))
	for _, p := range earlier {
		if len(p) > MaxTextBytes/4 {
			continue
		}
		r, err := c.Check(ctx, p)
		if err != nil {
			if IsInputError(err) {
				continue
			}
			return nil, err
		}
		checked = append(checked, Earlier{Text: p, Result: r})
	}
	l, err := c.Link(ctx, post, res, checked)
	if err != nil || l == nil {
		return res, err
	}
	res.Risks = append(res.Risks, l.Risk)
	res.Anonymity = l.Anonymity
	res.Verdict, res.Categories = judge.Verdict(res.Risks)
	return res, nil
}

func hasRule(r *Result, id string) bool {
	for _, k := range r.Risks {
		if k.Rule == id {
			return true
		}
	}
	return false
}

// quasiTexts returns the folded texts of a result's linking entities.
func quasiTexts(r *Result) map[string]bool {
	out := map[string]bool{}
	for _, e := range r.Entities {
		if quasiTypes[e.Type] {
			out[strings.ToLower(strings.Join(strings.Fields(e.Text), " "))] = true
		}
	}
	return out
}

// detailKinds returns the kinds of detail a result gives about a patient
// (age, sex, occupation, condition, event… from its anonymity estimate, and
// the place from its entities), each with its folded label.
func detailKinds(r *Result) map[string]string {
	out := map[string]string{}
	if r.Anonymity != nil {
		for _, d := range r.Anonymity.Details {
			out[d.Kind] = strings.ToLower(d.Label)
		}
	}
	for _, e := range r.Entities {
		switch e.Type {
		case result.City, result.Street, result.Postcode, result.ZIP:
			out["place"] = strings.ToLower(strings.Join(strings.Fields(e.Text), " "))
		case result.Age:
			if _, ok := out["age"]; !ok {
				out["age"] = strings.ToLower(e.Text)
			}
		}
	}
	return out
}

// conflicts reports whether two posts give different values for a detail
// that one person has only one of.
func conflicts(a, b map[string]string) bool {
	for _, k := range []string{"age", "sex", "place"} {
		if a[k] != "" && b[k] != "" && a[k] != b[k] {
			return true
		}
	}
	return false
}

// adds reports whether b gives a kind of detail that a lacks.
func adds(a, b map[string]string) bool {
	for k := range b {
		if _, ok := a[k]; !ok {
			return true
		}
	}
	return false
}

func together(n int) string {
	if n == 1 {
		return "Together with an earlier post"
	}
	return "Together with " + strconv.Itoa(n) + " earlier posts"
}
