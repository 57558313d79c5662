package scrubs

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/scrubshq/scrubs/internal/judge"
	"github.com/scrubshq/scrubs/internal/result"
)

// maxHistory is how many earlier posts CheckWithHistory considers (the most
// recent ones).
const maxHistory = 50

// quasiTypes are the entity types that can link posts about the same patient.
var quasiTypes = map[result.Type]bool{
	result.City: true, result.Hospital: true, result.Ward: true, result.Room: true, result.Age: true,
	result.Street: true, result.Organization: true, result.Profession: true, result.Feature: true,
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
	if err != nil || len(earlier) == 0 || hasRule(res, "CONF-002") {
		return res, err
	}
	if len(earlier) > maxHistory {
		earlier = earlier[len(earlier)-maxHistory:]
	}
	details := quasiTexts(res)
	if len(details) == 0 {
		return res, nil
	}
	var linked []string
	shared := map[string]bool{}
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
		if !aboutPatient(r) {
			continue
		}
		found := false
		for d := range quasiTexts(r) {
			if details[d] {
				shared[d] = true
				found = true
			}
		}
		if found {
			linked = append(linked, p)
		}
	}
	if len(linked) == 0 {
		return res, nil
	}
	combined := strings.Join(append(linked, post), "\n\n")
	off := len(combined) - len(post)
	all, err := c.Check(ctx, combined)
	if err != nil {
		return nil, err
	}
	for _, r := range all.Risks {
		if r.Rule != "CONF-002" {
			continue
		}
		var spans []result.Span
		for _, sp := range r.Spans {
			if sp.Start >= off {
				spans = append(spans, result.Span{Start: sp.Start - off, End: sp.End - off})
			}
		}
		if spans == nil {
			spans = []result.Span{}
		}
		var words []string
		for d := range shared {
			words = append(words, "\""+d+"\"")
		}
		r.Spans = spans
		r.Message = together(len(linked)) +
			" about the same patient (sharing " + strings.Join(slices.Sorted(slices.Values(words)), ", ") + "), the details identify them: " +
			strings.TrimPrefix(r.Message, "No name is given, but the details narrow it down: ")
		res.Risks = append(res.Risks, r)
		res.Anonymity = all.Anonymity
		break
	}
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

// aboutPatient reports whether a result shows a post about a patient: a
// confidentiality risk, or an anonymity estimate (set only in patient context).
func aboutPatient(r *Result) bool {
	if r.Anonymity != nil {
		return true
	}
	for _, c := range r.Categories {
		if c == "CONFIDENTIALITY" {
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

func together(n int) string {
	if n == 1 {
		return "Together with an earlier post"
	}
	return "Together with " + strconv.Itoa(n) + " earlier posts"
}
