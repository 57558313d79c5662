package judge

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/scrubshq/scrubs/internal/postmodel"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/rules"
	"github.com/scrubshq/scrubs/internal/text"
)

// ModelRule is the rule id of a risk the post model (internal/postmodel)
// finds in a post that no rule flagged.
const ModelRule = "MODEL-001"

// modelTitle, modelMessage and modelFixes are what a model risk says. The
// model has no phrase of its own to quote, so the message names the words
// that weighed most, and the fix is the category's general advice.
const (
	modelTitle   = "Reads like posts that break the guidance"
	modelMessage = "No rule matched, but this post reads like the %s posts scrubs learnt from (the words that weigh most: %s). Read it again as the people in it, your employer and your regulator would."
)

var modelFixes = map[string]string{
	"CONFIDENTIALITY":      "Leave out anything that could tell someone who the patient is: what happened, when, where, their age, job or looks. Without consent, a story a patient could recognise is theirs, not ours.",
	"DEROGATORY":           "Say what the shift was like for you without making a patient, or a group of patients, the joke.",
	"DEFAMATION":           "Do not name or point to a person or an organisation with an accusation you cannot prove; raise it through the proper route.",
	"WORKPLACE_CONCERN":    "Raise the concern with your manager, Freedom to Speak Up guardian, union or regulator rather than in public.",
	"BOUNDARY":             "Keep patients and their families out of your personal social media; decline politely and point them to official channels.",
	"CONDUCT":              "Post nothing you would not want your employer, your regulator or a patient to read next to your name and uniform.",
	"CLINICAL_ADVICE":      "Do not give one person clinical advice online; point them to their own clinician, a pharmacist or the urgent care line.",
	"CONFLICT_OF_INTEREST": "Say what you gain (a payment, a code, a gift) and keep your professional role out of promotion.",
	"COLLEAGUE":            "Take it up with the colleague or your manager in private; do not name or single them out in public.",
}

// modelContext are the signals that say a post is about care or work: the
// model is asked only about such posts. It learnt from healthcare staff's
// posts alone, so on other text (a football result, a recipe) it has no
// safe posts to compare with: on 4,163 everyday tweets it flagged 399 posts
// ungated, 17 gated (docs/ACCURACY.md).
var modelContext = []string{"patient", "patient_scene", "care_setting", "at_work", "professional", "specific_workplace"}

// modelGate returns the indices in set of the modelContext signals it has.
func modelGate(set *rules.Set) []int {
	var out []int
	for i, sig := range set.Signals {
		if slices.Contains(modelContext, sig.ID) {
			out = append(out, i)
		}
	}
	return out
}

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
func modelCitations(set *rules.Set) map[string][]result.Citation {
	out := map[string][]result.Citation{}
	for _, r := range set.Rules {
		if _, ok := out[r.Category]; !ok && len(r.Citations) > 0 {
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
	risk := result.Risk{
		Category: sc.Category, Rule: ModelRule, Title: modelTitle, Severity: "medium",
		Confidence: math.Round(sc.Probability()*100) / 100,
		Message:    fmt.Sprintf(modelMessage, strings.ToLower(strings.ReplaceAll(sc.Category, "_", " ")), strings.Join(words, ", ")),
		Fix:        modelFixes[sc.Category],
		Citations:  j.modelCites[sc.Category],
		Spans:      make([]result.Span, 0, len(spans)),
	}
	for _, sp := range spans {
		o1, o2 := doc.OrigSpan(sp.start, sp.end)
		risk.Spans = append(risk.Spans, result.Span{Start: o1, End: o2})
	}
	risk.Fingerprint = string(appendFingerprint(nil, doc, fnv64a(fnvOffset, ModelRule), ModelRule, spans))
	return risk, true
}
