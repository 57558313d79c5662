// Package judge turns the entities found in a post into what a professional
// needs: the risks the post carries under the chosen rule packs, each with its
// rule, category, severity, citations and fix, and a verdict.
//
// It runs the compiled rules of a rules.Set: one pass finds every phrase of
// every signal, rule and lexicon; signals are scored in order; rules fire by
// their kind and their when/unless signals.
package judge

import (
	"encoding/hex"
	"hash/fnv"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/scrubshq/scrubs/internal/mosaic"
	"github.com/scrubshq/scrubs/internal/phrase"
	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/rules"
	"github.com/scrubshq/scrubs/internal/text"
)

// Options tune a Judge.
type Options struct {
	// Locale is the country whose population the mosaic estimate starts from
	// when a post names no place ("uk", "us", "au").
	Locale string
	// Ignore holds fingerprints of findings the user has marked as not a problem.
	Ignore map[string]bool
}

// Judge applies a rule set to posts. It is safe for concurrent use.
type Judge struct {
	set    *rules.Set
	mosaic *mosaic.Estimator
	opts   Options
	pool   sync.Pool
}

// New returns a Judge for set.
func New(set *rules.Set, est *mosaic.Estimator, opts Options) *Judge {
	j := &Judge{set: set, mosaic: est, opts: opts}
	if est != nil {
		set.AddMosaic(est.Patterns()) // one phrase pass for rules and tables
	}
	j.pool.New = func() any { return new(scratch) }
	return j
}

// Set returns the rules the judge applies.
func (j *Judge) Set() *rules.Set { return j.set }

// Outcome is the judgement of one post.
type Outcome struct {
	Verdict    result.Verdict
	Categories []string
	Risks      []result.Risk
	// Entities are the input entities less those the organisation allows,
	// plus those its own term lists found.
	Entities  []result.Entity
	Anonymity *result.Anonymity
	Ignored   int
	// Signals are the ids of the signals that hold for the post.
	Signals []string
}

type span struct{ start, end int } // norm offsets

type termHit struct {
	term int
	span
}

type scratch struct {
	matches      []phrase.Match
	featureFired []bool
	featureSpans [][]span
	signalFired  []bool
	signalSpans  [][]span
	ruleFired    []bool
	ruleSpans    [][]span
	ruleHits     [][]span
	termHits     []termHit
	near         map[[3]int]bool // owner kind, index, sentence
	keywordSents [][]int         // by rule: sentences holding a keyword
	mosaic       []phrase.Match  // matches of the mosaic tables, in their ids
	view         phrase.View
}

func (s *scratch) reset(set *rules.Set) {
	s.matches = s.matches[:0]
	s.featureFired = resize(s.featureFired, len(set.Features))
	s.featureSpans = resizeSpans(s.featureSpans, len(set.Features))
	s.signalFired = resize(s.signalFired, len(set.Signals))
	s.signalSpans = resizeSpans(s.signalSpans, len(set.Signals))
	s.ruleFired = resize(s.ruleFired, len(set.Rules))
	s.ruleSpans = resizeSpans(s.ruleSpans, len(set.Rules))
	s.ruleHits = resizeSpans(s.ruleHits, len(set.Rules))
	s.termHits = s.termHits[:0]
	s.mosaic = s.mosaic[:0]
	if cap(s.keywordSents) < len(set.Rules) {
		s.keywordSents = make([][]int, len(set.Rules))
	}
	s.keywordSents = s.keywordSents[:len(set.Rules)]
	for i := range s.keywordSents {
		s.keywordSents[i] = s.keywordSents[i][:0]
	}
	if s.near == nil {
		s.near = map[[3]int]bool{}
	}
	clear(s.near)
}

func resize(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func resizeSpans(b [][]span, n int) [][]span {
	if cap(b) < n {
		b = make([][]span, n)
	}
	b = b[:n]
	for i := range b {
		b[i] = b[i][:0]
	}
	return b
}

// Judge judges one post. ents are the detector's entities, with offsets in doc.Orig.
func (j *Judge) Judge(doc *text.Doc, ents []result.Entity) Outcome {
	s := j.pool.Get().(*scratch)
	defer j.pool.Put(s)
	s.reset(j.set)
	set := j.set
	v := &s.view
	v.Reset(doc)
	s.matches = set.Phrases.Find(v, s.matches)

	out := Outcome{Verdict: result.Safe, Categories: []string{}, Risks: []result.Risk{}}
	ents, out.Ignored = j.orgEntities(doc, s.matches, ents)
	out.Entities = ents

	// Sentences where near-phrases occur.
	for _, m := range s.matches {
		o := set.Owners[m.ID]
		switch o.Kind {
		case rules.OwnTermNotNear, rules.OwnTermNeedsNear, rules.OwnRuleNotNear, rules.OwnRuleNeedsNear:
			s.near[[3]int{int(o.Kind), o.Index, m.Sentence}] = true
		}
	}
	for _, m := range s.matches {
		o := set.Owners[m.ID]
		sp := span{m.Start, m.End}
		switch o.Kind {
		case rules.OwnFeature:
			s.featureFired[o.Index] = true
			s.featureSpans[o.Index] = append(s.featureSpans[o.Index], sp)
		case rules.OwnTerm:
			t := &set.Terms[o.Index]
			if t.NotNear && s.near[[3]int{int(rules.OwnTermNotNear), o.Index, m.Sentence}] {
				continue
			}
			if t.NeedsNear && !s.near[[3]int{int(rules.OwnTermNeedsNear), o.Index, m.Sentence}] {
				continue
			}
			s.termHits = append(s.termHits, termHit{o.Index, sp})
		case rules.OwnMosaic:
			s.mosaic = append(s.mosaic, phrase.Match{ID: o.Index, Start: m.Start, End: m.End, Sentence: m.Sentence})
		case rules.OwnRuleKeyword:
			if ks := s.keywordSents[o.Index]; len(ks) == 0 || ks[len(ks)-1] != m.Sentence {
				s.keywordSents[o.Index] = append(ks, m.Sentence)
			}
		case rules.OwnRulePhrase:
			r := set.Rules[o.Index]
			if r.NotNear && s.near[[3]int{int(rules.OwnRuleNotNear), o.Index, m.Sentence}] {
				continue
			}
			if r.NeedsNear && !s.near[[3]int{int(rules.OwnRuleNeedsNear), o.Index, m.Sentence}] {
				continue
			}
			s.ruleHits[o.Index] = append(s.ruleHits[o.Index], sp)
		}
	}

	// The mosaic estimate is computed on first use: only rules and signals
	// about a patient's details need it.
	ev := evaluator{j: j, s: s, doc: doc, view: v, ents: ents,
		same: len(doc.Norm) == len(doc.Orig) && doc.Norm == doc.Orig}
	for _, e := range ents {
		ev.present |= result.TypeMask(e.Type)
	}
	for i := range set.Signals {
		sig := &set.Signals[i]
		score := 0.0
		for _, fi := range sig.Features {
			if fired, spans := ev.feature(fi); fired {
				score += set.Features[fi].Weight
				if set.Features[fi].Weight > 0 {
					s.signalSpans[i] = append(s.signalSpans[i], spans...)
				}
			}
		}
		s.signalFired[i] = score >= sig.Threshold-1e-9
		if s.signalFired[i] {
			if out.Signals == nil {
				out.Signals = make([]string, 0, 12)
			}
			out.Signals = append(out.Signals, sig.ID)
		}
	}
	var risks []result.Risk
	for i, r := range set.Rules {
		if !ev.allowed(r) {
			continue // when/unless first: most rules stop here, cheaply
		}
		fired, spans, sev, conf, info := ev.rule(i, r)
		if !fired {
			continue
		}
		s.ruleFired[i] = true
		s.ruleSpans[i] = spans
		var est mosaic.Estimate
		if r.UsesMosaic {
			est = *ev.estimate()
		}
		risk := j.risk(doc, r, spans, sev, conf, info, est)
		if len(j.opts.Ignore) > 0 && j.opts.Ignore[risk.Fingerprint] {
			out.Ignored++
			continue
		}
		if risks == nil {
			risks = make([]result.Risk, 0, 4)
		}
		risks = append(risks, risk)
	}
	if ev.signal("patient") {
		out.Anonymity = anonymity(doc, ev.estimate())
	}
	if risks != nil {
		out.Risks = risks
	}
	out.Verdict, out.Categories = Verdict(out.Risks)
	return out
}

// anonymity turns an estimate into the result's form, or nil when no detail
// narrows the count.
func anonymity(doc *text.Doc, est *mosaic.Estimate) *result.Anonymity {
	if est.Count == 0 || math.IsInf(est.K, 1) {
		return nil
	}
	a := &result.Anonymity{K: round(est.K), Place: est.Place, Explanation: est.Explain()}
	for _, d := range est.Details {
		rd := result.Detail{Kind: d.Kind, Label: d.Label, Share: d.Share}
		if d.Start >= 0 {
			o1, o2 := doc.OrigSpan(d.Start, d.End)
			rd.Span = &result.Span{Start: o1, End: o2}
		}
		a.Details = append(a.Details, rd)
	}
	return a
}

func round(f float64) float64 {
	if f < 10 {
		return math.Round(f*100) / 100
	}
	return math.Round(f)
}

// Verdict decides the verdict and the categories from risks: block if any
// risk is block, review if any is high or medium, safe otherwise (low and
// info risks are advice).
func Verdict(risks []result.Risk) (result.Verdict, []string) {
	v := result.Safe
	cats := []string{}
	for _, r := range risks {
		switch r.Severity {
		case "block":
			v = result.Block
		case "high", "medium":
			if v == result.Safe {
				v = result.Review
			}
		}
		if !slices.Contains(cats, r.Category) {
			cats = append(cats, r.Category)
		}
	}
	if len(cats) > 1 {
		slices.SortFunc(cats, func(a, b string) int {
			return slices.Index(rules.Categories, a) - slices.Index(rules.Categories, b)
		})
	}
	return v, cats
}

type evaluator struct {
	j    *Judge
	s    *scratch
	doc  *text.Doc
	view *phrase.View
	same bool // the normalised text equals the original
	ents []result.Entity
	// present is the result.TypeMask of the entity types in the post.
	present uint64
	est     *mosaic.Estimate // nil until first needed
}

// estimate returns the post's mosaic estimate, computing it once.
func (ev *evaluator) estimate() *mosaic.Estimate {
	if ev.est == nil {
		est := mosaic.Estimate{K: math.Inf(1)}
		if ev.j.mosaic != nil {
			est = ev.j.mosaic.EstimateFrom(ev.s.mosaic, ev.ents, ev.j.opts.Locale)
		}
		ev.est = &est
	}
	return ev.est
}

// fact returns a number the judge computes for features.
func (ev *evaluator) fact(name string) float64 {
	switch name {
	case "anonymity_k":
		return ev.estimate().K
	case "quasi_count":
		return float64(ev.estimate().Count)
	}
	return 0
}

// allowed reports whether every when signal of r holds and no unless one does.
func (ev *evaluator) allowed(r *rules.RuleDef) bool {
	for _, w := range r.When {
		if !ev.s.signalFired[w] {
			return false
		}
	}
	for _, u := range r.Unless {
		if ev.s.signalFired[u] {
			return false
		}
	}
	return true
}

func (ev *evaluator) signal(id string) bool {
	i := ev.j.set.Signal(id)
	return i >= 0 && ev.s.signalFired[i]
}

// feature reports whether feature fi fires and where.
func (ev *evaluator) feature(fi int) (bool, []span) {
	f := &ev.j.set.Features[fi]
	switch f.Kind {
	case rules.FeatPhrases:
		return ev.s.featureFired[fi], ev.s.featureSpans[fi]
	case rules.FeatEntities:
		spans := ev.entitySpans(f.Types, f.TypeMask, f.MinConfidence, f.MinAge)
		return len(spans) > 0, spans
	case rules.FeatLexicon:
		spans, _ := ev.terms(f.Lexicon, f.Groups)
		return len(spans) > 0, spans
	case rules.FeatSignal:
		return ev.s.signalFired[f.Ref], ev.s.signalSpans[f.Ref]
	case rules.FeatRule:
		return ev.s.ruleFired[f.Ref], ev.s.ruleSpans[f.Ref]
	case rules.FeatFact:
		x := ev.fact(f.Fact)
		fired := f.AtMost != nil && x <= *f.AtMost || f.AtLeast != nil && x >= *f.AtLeast
		if !fired {
			return false, nil
		}
		// the details the fact counts are where it lies
		var spans []span
		for _, d := range ev.estimate().Details {
			if d.Start >= 0 {
				spans = append(spans, span{d.Start, d.End})
			}
		}
		for _, e := range ev.ents {
			switch e.Type {
			case result.Age, result.City, result.Date, result.Time, result.Hospital, result.Ward, result.Room, result.Profession, result.Feature:
				spans = append(spans, ev.normSpan(e.Start, e.End))
			}
		}
		return true, spans
	}
	return false, nil
}

// entitySpans returns the norm spans of the entities of the given types.
func (ev *evaluator) entitySpans(types []result.Type, mask uint64, minConf float64, minAge int) []span {
	if ev.present&mask == 0 {
		return nil // none of these types in the post
	}
	var out []span
	for _, e := range ev.ents {
		if !slices.Contains(types, e.Type) || e.Confidence < minConf {
			continue
		}
		if minAge > 0 && (e.Type != result.Age || ageValue(e.Text) < minAge) {
			continue
		}
		out = append(out, ev.normSpan(e.Start, e.End))
	}
	return out
}

func excluded(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// normSpan maps original offsets to normalised ones (the judge works in the
// normalised text and maps back at the end).
func (ev *evaluator) normSpan(start, end int) span {
	if ev.same {
		return span{start, end}
	}
	return span{normOffset(ev.doc, start), normOffset(ev.doc, end)}
}

func normOffset(doc *text.Doc, orig int) int {
	// binary search over norm offsets for the first whose original start ≥ orig
	lo, hi := 0, len(doc.Norm)
	for lo < hi {
		mid := (lo + hi) / 2
		if o, _ := doc.OrigSpan(mid, mid); o < orig {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// terms returns the spans of the term hits of a lexicon (and groups), and the
// hits themselves.
func (ev *evaluator) terms(lex string, groups []string) ([]span, []termHit) {
	var spans []span
	var hits []termHit
	for _, h := range ev.s.termHits {
		t := &ev.j.set.Terms[h.term]
		if t.Lexicon != lex || len(groups) > 0 && !slices.Contains(groups, t.Group) {
			continue
		}
		spans = append(spans, h.span)
		hits = append(hits, h)
	}
	return spans, hits
}

// ruleInfo carries what a risk's message may show.
type ruleInfo struct {
	term     *rules.TermDef
	entities []result.Entity
}

// rule evaluates rule i's trigger (not its when/unless).
func (ev *evaluator) rule(i int, r *rules.RuleDef) (fired bool, spans []span, sev rules.Severity, conf float64, info ruleInfo) {
	sev = r.Severity
	switch r.Kind {
	case "entity":
		if ev.present&r.TypeMask == 0 {
			return false, nil, sev, 0, info
		}
		minAge := r.Entities.MinAge
		for _, e := range ev.ents {
			if !slices.Contains(r.EntityTypes(), e.Type) || e.Confidence < r.Entities.MinConfidence {
				continue
			}
			if minAge > 0 && (e.Type != result.Age || ageValue(e.Text) < minAge) {
				continue
			}
			if excluded(r.Exclude, e.Text) {
				continue
			}
			info.entities = append(info.entities, e)
			spans = append(spans, ev.normSpan(e.Start, e.End))
			conf = math.Max(conf, e.Confidence)
		}
		return len(spans) >= max(1, r.Entities.MinCount), spans, sev, conf, info
	case "lexicon":
		conf = 0.85
		if r.Lexicon != "" {
			var hits []termHit
			spans, hits = ev.terms(r.Lexicon, r.Groups)
			if len(hits) > 0 {
				info.term = &ev.j.set.Terms[hits[0].term]
				if r.SeverityFromTerms {
					sev = rules.Info
					for _, h := range hits {
						if t := ev.j.set.Terms[h.term]; t.Severity > sev {
							sev, info.term = t.Severity, &ev.j.set.Terms[h.term]
						}
					}
				}
			}
		} else {
			spans = ev.s.ruleHits[i]
		}
		return len(spans) > 0, spans, sev, conf, info
	case "pattern":
		sents := ev.s.keywordSents[i]
		if r.AnyNumber {
			sents = append(sents, ev.numberSents()...)
			slices.Sort(sents)
		}
		done := -1
		for _, si := range sents {
			if si == done || si >= len(ev.doc.Sentences) {
				continue
			}
			done = si
			sent := ev.doc.Sentences[si]
			for _, re := range r.Regexps {
				for _, loc := range re.FindAllStringIndex(ev.doc.Norm[sent.Start:sent.End], 8) {
					spans = append(spans, span{sent.Start + loc[0], sent.Start + loc[1]})
				}
			}
		}
		return len(spans) > 0, spans, sev, 0.8, info
	case "condition":
		// decide first, gather the spans only for a rule that fires
		for _, ref := range r.All {
			if f, _ := ev.ref(ref); !f {
				return false, nil, sev, 0, info
			}
		}
		for _, ref := range r.None {
			if f, _ := ev.ref(ref); f {
				return false, nil, sev, 0, info
			}
		}
		anyFired := len(r.Any) == 0
		for _, ref := range r.Any {
			if f, _ := ev.ref(ref); f {
				anyFired = true
				break
			}
		}
		if !anyFired {
			return false, nil, sev, 0, info
		}
		for _, ref := range r.All {
			_, sp := ev.ref(ref)
			spans = append(spans, sp...)
		}
		for _, ref := range r.Any {
			if f, sp := ev.ref(ref); f {
				spans = append(spans, sp...)
			}
		}
		return true, spans, sev, 0.75, info
	case "score":
		score := 0.0
		for _, fi := range r.Features {
			if f, sp := ev.feature(fi); f {
				score += ev.j.set.Features[fi].Weight
				spans = append(spans, sp...)
			}
		}
		ok := score >= r.Threshold-1e-9
		return ok, spans, sev, math.Min(0.95, 0.7+0.05*(score-r.Threshold)), info
	}
	return false, nil, sev, 0, info
}

// numberSents returns the sentences that hold a number.
func (ev *evaluator) numberSents() []int {
	var out []int
	for _, w := range ev.view.Words {
		if w.Digits && (len(out) == 0 || out[len(out)-1] != w.Sentence) {
			out = append(out, w.Sentence)
		}
	}
	return out
}

func (ev *evaluator) ref(r rules.Ref) (bool, []span) {
	if r.Signal {
		return ev.s.signalFired[r.Index], ev.s.signalSpans[r.Index]
	}
	return ev.s.ruleFired[r.Index], ev.s.ruleSpans[r.Index]
}

// risk builds the risk of a fired rule.
func (j *Judge) risk(doc *text.Doc, r *rules.RuleDef, spans []span, sev rules.Severity, conf float64, info ruleInfo, est mosaic.Estimate) result.Risk {
	spans = mergeSpans(spans)
	out := result.Risk{
		Category: r.Category, Rule: r.ID, Title: r.Title, Severity: sev.String(),
		Confidence: math.Round(conf*100) / 100, Citations: r.Citations,
	}
	out.Spans = make([]result.Span, 0, len(spans))
	for _, sp := range spans {
		o1, o2 := doc.OrigSpan(sp.start, sp.end)
		out.Spans = append(out.Spans, result.Span{Start: o1, End: o2})
	}
	if info.term != nil {
		out.Replacement = info.term.Replace
	}
	out.Message, out.Fix = r.Message, r.Fix
	if r.Templated {
		vars := map[string]string{}
		if r.UsesMatch {
			if len(info.entities) > 0 {
				vars["match"] = describeEntities(info.entities)
			} else {
				var texts []string
				for _, sp := range out.Spans {
					t := strings.TrimSpace(doc.Orig[sp.Start:sp.End])
					if t != "" && !slices.Contains(texts, t) && len(texts) < 3 {
						texts = append(texts, t)
					}
				}
				vars["match"] = quoteList(texts)
			}
		}
		if r.Uses["k"] {
			vars["k"] = strconv.FormatFloat(round(est.K), 'f', -1, 64)
		}
		if r.Uses["mosaic"] {
			vars["mosaic"] = est.Explain()
		}
		if info.term != nil {
			vars["meaning"] = info.term.Meaning
			vars["replace"] = info.term.Replace
		}
		out.Message = fill(r.Message, vars)
		out.Fix = fill(r.Fix, vars)
	}
	out.Fingerprint = fingerprint(doc, r.ID, spans)
	return out
}

// fill puts vars into a message template ("{match} is …") and tidies, in
// the same pass, what an empty value leaves behind: "()" and "\"\"", doubled
// spaces, a space before punctuation. The first letter is capitalised.
func fill(s string, vars map[string]string) string {
	var b strings.Builder
	n := len(s)
	for _, v := range vars {
		n += len(v)
	}
	b.Grow(n)
	empty := false // a placeholder came out empty: tidy afterwards
	first := true
	write := func(t string) {
		if first && t != "" && 'a' <= t[0] && t[0] <= 'z' { // capitalise the first letter
			b.WriteByte(t[0] - ('a' - 'A'))
			t = t[1:]
		}
		if t != "" || !first {
			first = false
		}
		b.WriteString(t)
	}
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '{')
		if k < 0 {
			write(s[i:])
			break
		}
		write(s[i : i+k])
		i += k
		if e := strings.IndexByte(s[i:], '}'); e > 0 {
			if v, ok := vars[s[i+1:i+e]]; ok {
				write(v)
				empty = empty || v == ""
				i += e + 1
				continue
			}
		}
		write("{")
		i++
	}
	if !empty {
		return b.String()
	}
	t := tidyMessage([]byte(b.String()))
	if len(t) > 0 && 'a' <= t[0] && t[0] <= 'z' {
		t[0] -= 'a' - 'A'
	}
	return string(t)
}

// tidyMessage removes what an empty placeholder leaves behind: "()" and
// "\"\"", doubled spaces, a space before punctuation, trailing spaces.
func tidyMessage(in []byte) []byte {
	b := in[:0]
	for _, c := range in {
		n := len(b)
		switch {
		case c == ' ' && (n == 0 || b[n-1] == ' '):
			continue
		case (c == '.' || c == ',') && n > 0 && b[n-1] == ' ':
			b = b[:n-1]
		case c == ')' && n > 0 && b[n-1] == '(', c == '"' && n > 0 && b[n-1] == '"' && (n == 1 || b[n-2] == ' '):
			b = b[:n-1]
			continue
		}
		b = append(b, c)
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}

func quoteList(texts []string) string {
	q := make([]string, len(texts))
	for i, t := range texts {
		q[i] = strconv.Quote(t)
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// typeWords names entity types in messages.
var typeWords = map[result.Type]string{
	result.NamePatient: "the name", result.NameRelative: "a relative's name", result.NameOther: "the name",
	result.NHSNumber: "the NHS number", result.MRN: "the record number", result.SSN: "the SSN",
	result.NINumber: "the NI number", result.Phone: "the phone number", result.Email: "the email address",
	result.Street: "the address", result.Postcode: "the postcode", result.ZIP: "the ZIP code",
	result.IDOther: "the ID number", result.Vehicle: "the registration", result.Room: "the bed or room",
	result.Ward: "the ward", result.Hospital: "the hospital", result.Age: "the age", result.Date: "the date",
	result.City: "the place", result.Time: "the time",
}

func describeEntities(ents []result.Entity) string {
	var parts []string
	seen := map[string]bool{}
	for _, e := range ents {
		if seen[e.Text] || len(parts) == 3 {
			continue
		}
		seen[e.Text] = true
		w := typeWords[e.Type]
		if w == "" {
			w = strings.ToLower(strings.ReplaceAll(string(e.Type), "_", " "))
		}
		parts = append(parts, w+" "+strconv.Quote(e.Text))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

func mergeSpans(spans []span) []span {
	if len(spans) < 2 {
		return spans
	}
	out := slices.Clone(spans)
	sort.Slice(out, func(a, b int) bool { return out[a].start < out[b].start })
	merged := out[:1]
	for _, sp := range out[1:] {
		last := &merged[len(merged)-1]
		if sp.start <= last.end {
			last.end = max(last.end, sp.end)
			continue
		}
		merged = append(merged, sp)
	}
	return merged
}

// fingerprint identifies a finding by its rule, the words it matched and up
// to three words either side (all folded), so it survives edits elsewhere in
// the post and a change of offsets, but not a change of the finding itself.
func fingerprint(doc *text.Doc, rule string, spans []span) string {
	h := fnv.New64a()
	h.Write([]byte(rule))
	if len(spans) > 8 {
		spans = spans[:8] // the first few places identify the finding well enough
	}
	var buf [256]byte
	for _, sp := range spans {
		b := append(buf[:0], 0)
		b = appendFolded(b, doc.Lower[sp.start:min(sp.end, sp.start+160)])
		b = append(b, 1)
		b = appendFolded(b, wordCut(doc.Lower[max(0, sp.start-24):sp.start], true))
		b = append(b, '|')
		b = appendFolded(b, wordCut(doc.Lower[sp.end:min(len(doc.Lower), sp.end+24)], false))
		h.Write(b)
	}
	return rule + ":" + hex.EncodeToString(h.Sum(nil))
}

// appendFolded appends the letters and digits of s (already lower case),
// one space for each run of anything else, so that punctuation and spacing
// edits do not change a fingerprint.
func appendFolded(dst []byte, s string) []byte {
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			dst = append(dst, c)
			space = false
		} else if !space {
			dst = append(dst, ' ')
			space = true
		}
	}
	return dst
}

// wordCut drops the word cut by the far edge of a context window: the first
// word when the window ends at the span (before), the last one otherwise.
func wordCut(s string, before bool) string {
	if before {
		if i := strings.IndexByte(s, ' '); i >= 0 {
			return s[i+1:]
		}
		return ""
	}
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return ""
}

// ageValue reads the number of an AGE entity ("94-year-old" → 94, "in her 90s" → 90).
func ageValue(s string) int {
	n := 0
	found := false
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n = n*10 + int(r-'0')
			found = true
			if n > 200 {
				return 0
			}
		} else if found {
			break
		}
	}
	return n
}

// orgEntities drops entities the organisation allows and adds those its own
// term lists find; it returns the entities and how many were dropped.
func (j *Judge) orgEntities(doc *text.Doc, matches []phrase.Match, ents []result.Entity) ([]result.Entity, int) {
	set := j.set
	if len(set.ConfigTypes) == 0 && !set.HasAllow {
		return ents, 0
	}
	var allowed, added []result.Entity
	for _, m := range matches {
		o := set.Owners[m.ID]
		o1, o2 := doc.OrigSpan(m.Start, m.End)
		switch o.Kind {
		case rules.OwnAllow:
			allowed = append(allowed, result.Entity{Start: o1, End: o2})
		case rules.OwnConfigTerm:
			added = append(added, result.Entity{Start: o1, End: o2, Text: doc.Orig[o1:o2],
				Type: set.ConfigTypes[o.Index], Confidence: 0.95, Reason: "on the organisation's list"})
		}
	}
	overlaps := func(e result.Entity, list []result.Entity) bool {
		for _, a := range list {
			if e.Start < a.End && a.Start < e.End {
				return true
			}
		}
		return false
	}
	out := make([]result.Entity, 0, len(ents)+len(added))
	dropped := 0
	for _, e := range ents {
		if overlaps(e, allowed) {
			dropped++
			continue
		}
		if overlaps(e, added) {
			continue
		}
		out = append(out, e)
	}
	for _, e := range added {
		if overlaps(e, allowed) {
			continue
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out, dropped
}
