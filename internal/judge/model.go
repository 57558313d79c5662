package judge

import (
	"math"
	"slices"
	"strings"

	"github.com/scrubshq/scrubs/internal/postmodel"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/rules"
	"github.com/scrubshq/scrubs/internal/text"
)

// functionWords are English words that carry grammar, not meaning: the model
// may weigh them, but a message naming them ("'his', 'the'") tells the reader
// nothing, so they are left out of a model risk's words and spans.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true, "in": true, "on": true,
	"at": true, "to": true, "for": true, "with": true, "from": true, "by": true, "is": true, "was": true, "are": true,
	"were": true, "be": true, "been": true, "it": true, "its": true, "he": true, "she": true, "his": true, "her": true,
	"him": true, "they": true, "them": true, "their": true, "we": true, "our": true, "us": true, "you": true,
	"your": true, "i": true, "me": true, "my": true, "this": true, "that": true, "these": true, "those": true,
	"so": true, "as": true, "if": true, "then": true, "than": true, "just": true, "do": true, "did": true, "has": true,
	"had": true, "have": true, "not": true, "no": true,
}

// modelCitations gives each category the citations of its first rule in set
// that has some: the model's risks rest on the same guidance as the rules'.
// (The model rule's own citations, if it has any, serve a category that has
// none.)
func modelCitations(set *rules.Set) map[string][]result.Citation {
	out := map[string][]result.Citation{}
	for _, r := range set.Rules {
		if _, ok := out[r.Category]; !ok && r.Kind != "model" && len(r.Citations) > 0 {
			out[r.Category] = r.Citations
		}
	}
	return out
}

// modelRisk asks the post model about a post that no rule flagged, and
// returns its risk when the model's score reaches its threshold.
func (j *Judge) modelRisk(doc *text.Doc, s *scratch) (result.Risk, bool) {
	m := j.opts.Model
	s.feats = postmodel.Features(doc, s.feats[:0])
	sc := m.Score(s.feats)
	if sc.Logit < m.Threshold {
		return result.Risk{}, false
	}
	spans := make([]span, 0, 3)
	words := make([]string, 0, 3)
	for _, f := range sc.Top {
		w := doc.Norm[f.Start:f.End]
		if functionWords[strings.ToLower(w)] || len(words) == 3 ||
			slices.ContainsFunc(spans, func(sp span) bool { return sp.start < f.End && f.Start < sp.end }) {
			continue // "his", "the": weighty in the model, no help to the reader; or a word already shown
		}
		spans = append(spans, span{f.Start, f.End})
		words = append(words, "'"+w+"'")
	}
	if len(words) == 0 {
		return result.Risk{}, false // nothing to show: only function words weighed
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	spans = mergeSpans(nil, spans)
	r := j.modelRule
	fix, ok := r.ModelFixes[sc.Category]
	if !ok {
		fix = r.Fix
	}
	cites, ok := j.modelCites[sc.Category]
	if !ok {
		cites = r.Citations
	}
	fill := strings.NewReplacer("{category}", strings.ToLower(strings.ReplaceAll(sc.Category, "_", " ")),
		"{words}", strings.Join(words, ", "))
	risk := result.Risk{
		Category: sc.Category, Rule: r.ID, Title: r.Title, Severity: r.Severity.String(),
		Confidence: math.Round(sc.Probability()*100) / 100,
		Message:    fill.Replace(r.Message),
		Fix:        fill.Replace(fix),
		Citations:  cites,
		Spans:      make([]result.Span, 0, len(spans)),
	}
	for _, sp := range spans {
		o1, o2 := doc.OrigSpan(sp.start, sp.end)
		risk.Spans = append(risk.Spans, result.Span{Start: o1, End: o2})
	}
	risk.Fingerprint = string(appendFingerprint(nil, doc, fnv64a(fnvOffset, r.ID), r.ID, spans))
	return risk, true
}
