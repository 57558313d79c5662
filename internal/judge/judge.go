// Package judge turns the entities found in a post into what a professional
// needs: the risks the post carries under the chosen rule packs, each with its
// rule, category, severity, citations and fix, and a verdict.
//
// It runs the compiled rules of a rules.Set: one pass finds every phrase of
// every signal, rule and lexicon; signals are scored in order; rules fire by
// their kind and their when/unless signals.
package judge

import (
	"math"
	"math/bits"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/scrubshq/scrubs/internal/mosaic"
	"github.com/scrubshq/scrubs/internal/phrase"
	"github.com/scrubshq/scrubs/internal/postmodel"
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
	// Model, when set, is asked about the posts no rule flagged that the
	// set's model rule (kind model) lets it see; its finding is a risk of
	// that rule (see internal/postmodel). Without a model rule in the set
	// the model is not asked.
	Model *postmodel.Model
}

// Judge applies a rule set to posts. It is safe for concurrent use.
type Judge struct {
	set    *rules.Set
	plan   *plan
	mosaic *mosaic.Estimator
	opts   Options
	pool   sync.Pool
	// modelRule is the set's model rule when the judge has a model, else
	// nil; modelCites are the citations of its risks, by category.
	modelRule  *rules.RuleDef
	modelCites map[string][]result.Citation
}

// New returns a Judge for set.
func New(set *rules.Set, est *mosaic.Estimator, opts Options) *Judge {
	j := &Judge{set: set, mosaic: est, opts: opts}
	if est != nil {
		set.AddMosaic(est.Patterns()) // one phrase pass for rules and tables
	}
	j.plan = newPlan(set)
	j.pool.New = func() any { return new(scratch) }
	if opts.Model != nil {
		if j.modelRule = set.ModelRule(); j.modelRule != nil {
			j.modelCites = modelCitations(set)
		}
	}
	return j
}

// ModelRule returns the id of the rule whose risks the post model raises, or
// "" when the judge asks no model (no model, or no model rule in its set).
func (j *Judge) ModelRule() string {
	if j.modelRule == nil {
		return ""
	}
	return j.modelRule.ID
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

// scratch is the per-post working memory of a Judge, pooled. The spans of
// a feature, signal or rule are valid only while its fired bit is set: they
// are emptied when it first fires in a post, not for every post.
type scratch struct {
	feats        []postmodel.Feature // the post model's features (modelRisk)
	matches      []phrase.Match
	featureFired bitset // phrase features that matched
	featureSpans [][]span
	// may holds the features that may fire in the post, sigCand the signals
	// that may fire through them (see plan).
	may          bitset
	sigCand      bitset
	signalFired  bitset
	signalSpans  [][]span
	ruleFired    bitset
	ruleCand     bitset // the rules that may be allowed (see Judge)
	ruleSpans    [][]span
	ruleHits     [][]span // by rule with phrases
	termHits     []termHit
	near         []nearKey
	nextTo       []featureHit   // matches of entity features' next_to phrases
	keywordSents [][]int        // by pattern rule: sentences holding a keyword
	mosaic       []phrase.Match // matches of the mosaic tables, in their ids
	view         phrase.View
	// Arenas for what features (leaf, hits) and rules (built, entities)
	// gather, and the merged spans of the risk being built.
	leaf, built arena[span]
	hits        arena[termHit]
	entities    arena[result.Entity]
	merged      []span
	// text is where a risk's message, fix and fingerprint are written
	// before they become one string.
	text []byte
}

// arena hands out slices that stay valid for the rest of the post, without
// an allocation each: one slice is built at a time (open, add…, close), and
// each is capped at its length, so appending to it copies it.
type arena[T any] struct {
	buf   []T
	start int
}

func (a *arena[T]) reset()     { a.buf, a.start = a.buf[:0], 0 }
func (a *arena[T]) open()      { a.start = len(a.buf) }
func (a *arena[T]) add(x ...T) { a.buf = append(a.buf, x...) }
func (a *arena[T]) close() []T { return a.buf[a.start:len(a.buf):len(a.buf)] }

// featureHit is where a next_to phrase of entity feature feature matched.
type featureHit struct {
	feature int
	span
}

// nearKey records a near-phrase (not_near, needs_near) of an owner in a sentence.
type nearKey struct {
	kind            rules.OwnerKind
	index, sentence int
}

// isNear reports whether a near-phrase of the given kind and owner occurs in sentence.
func (s *scratch) isNear(kind rules.OwnerKind, index, sentence int) bool {
	for _, k := range s.near {
		if k == (nearKey{kind, index, sentence}) {
			return true
		}
	}
	return false
}

func (s *scratch) reset(set *rules.Set, p *plan) {
	s.matches = s.matches[:0]
	s.featureFired = resetBits(s.featureFired, len(set.Features))
	s.may = resetBits(s.may, len(set.Features))
	s.sigCand = resetBits(s.sigCand, len(set.Signals))
	copy(s.sigCand, p.sigAlways)
	s.signalFired = resetBits(s.signalFired, len(set.Signals))
	s.ruleFired = resetBits(s.ruleFired, len(set.Rules))
	s.ruleCand = resetBits(s.ruleCand, len(set.Rules))
	s.featureSpans = sized(s.featureSpans, len(set.Features))
	s.signalSpans = sized(s.signalSpans, len(set.Signals))
	s.ruleSpans = sized(s.ruleSpans, len(set.Rules))
	s.ruleHits = sized(s.ruleHits, len(set.Rules))
	for _, i := range p.phraseRules {
		s.ruleHits[i] = s.ruleHits[i][:0]
	}
	s.keywordSents = sized(s.keywordSents, len(set.Rules))
	for _, i := range p.patternRules {
		s.keywordSents[i] = s.keywordSents[i][:0]
	}
	s.termHits = s.termHits[:0]
	s.mosaic = s.mosaic[:0]
	s.near = s.near[:0]
	s.nextTo = s.nextTo[:0]
	s.leaf.reset()
	s.built.reset()
	s.hits.reset()
	s.entities.reset()
}

// resetBits returns an empty bitset for n members, reusing b.
func resetBits(b bitset, n int) bitset {
	if len(b) != max(1, (n+63)/64) {
		return newBitset(n)
	}
	clear(b)
	return b
}

// sized returns b with length n, reusing it when it has that length.
func sized[T any](b [][]T, n int) [][]T {
	if len(b) != n {
		return make([][]T, n)
	}
	return b
}

// Judge judges one post. ents are the detector's entities, with offsets in doc.Orig.
func (j *Judge) Judge(doc *text.Doc, ents []result.Entity) Outcome {
	s := j.pool.Get().(*scratch)
	set, p := j.set, j.plan
	s.reset(set, p)
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
			s.near = append(s.near, nearKey{o.Kind, o.Index, m.Sentence})
		}
	}
	for _, m := range s.matches {
		o := set.Owners[m.ID]
		sp := span{m.Start, m.End}
		switch o.Kind {
		case rules.OwnFeature:
			if !s.featureFired.has(o.Index) {
				s.featureFired.add(o.Index)
				s.featureSpans[o.Index] = s.featureSpans[o.Index][:0]
			}
			s.featureSpans[o.Index] = append(s.featureSpans[o.Index], sp)
		case rules.OwnTerm:
			t := &set.Terms[o.Index]
			if t.NotNear && s.isNear(rules.OwnTermNotNear, o.Index, m.Sentence) {
				continue
			}
			if t.NeedsNear && !s.isNear(rules.OwnTermNeedsNear, o.Index, m.Sentence) {
				continue
			}
			s.termHits = append(s.termHits, termHit{o.Index, sp})
		case rules.OwnFeatureNextTo:
			s.nextTo = append(s.nextTo, featureHit{o.Index, sp})
		case rules.OwnMosaic:
			s.mosaic = append(s.mosaic, phrase.Match{ID: o.Index, Start: m.Start, End: m.End, Sentence: m.Sentence})
		case rules.OwnRuleKeyword:
			if ks := s.keywordSents[o.Index]; len(ks) == 0 || ks[len(ks)-1] != m.Sentence {
				s.keywordSents[o.Index] = append(ks, m.Sentence)
			}
		case rules.OwnRulePhrase:
			r := set.Rules[o.Index]
			if r.NotNear && s.isNear(rules.OwnRuleNotNear, o.Index, m.Sentence) {
				continue
			}
			if r.NeedsNear && !s.isNear(rules.OwnRuleNeedsNear, o.Index, m.Sentence) {
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
	// The features that may fire: the phrases that matched, the entities and
	// lexicons present, the facts; signals and rules add theirs as they fire.
	mayFire := func(fi int) {
		s.may.add(fi)
		for _, si := range p.featSignals[fi] {
			s.sigCand.add(int(si))
		}
	}
	s.featureFired.each(mayFire)
	for _, fi := range p.entityFeats {
		if ev.present&p.typeMasks[fi] != 0 {
			mayFire(fi)
		}
	}
	if len(s.termHits) > 0 {
		for _, fi := range p.lexiconFeats {
			mayFire(fi)
		}
	}
	for _, fi := range p.facts {
		mayFire(fi)
	}
	// only the candidates: for the others no feature that could raise the
	// score fires (a signal that fires may add later ones)
	for i := s.sigCand.next(0); i >= 0; i = s.sigCand.next(i + 1) {
		sig := &set.Signals[i]
		s.signalSpans[i] = s.signalSpans[i][:0]
		score := 0.0
		for _, fi := range sig.Features {
			if p.featKinds[fi] == rules.FeatPhrases && !s.featureFired.has(fi) {
				continue // most features: spare the call
			}
			if fired, spans := ev.feature(fi); fired {
				score += p.weights[fi]
				if p.weights[fi] > 0 {
					s.signalSpans[i] = append(s.signalSpans[i], spans...)
				}
			}
		}
		if score >= sig.Threshold-1e-9 {
			s.signalFired.add(i)
			for _, fi := range p.bySignal[i] {
				mayFire(fi)
			}
		}
	}
	if n := s.signalFired.count(); n > 0 {
		out.Signals = make([]string, 0, n)
		s.signalFired.each(func(i int) { out.Signals = append(out.Signals, set.Signals[i].ID) })
	}
	var risks []result.Risk
	fired64 := s.signalFired[0]
	// the rules whose first when signal fired, or that have none: the
	// others cannot be allowed
	cand := s.ruleCand
	copy(cand, p.unkeyed)
	s.signalFired.each(func(si int) {
		for k, w := range p.keyed.row(si) {
			cand[k] |= w
		}
	})
	for ci, w := range cand {
		for ; w != 0; w &= w - 1 {
			i := ci<<6 | bits.TrailingZeros64(w)
			r := set.Rules[i]
			// when/unless first: most rules stop here, cheaply
			if p.gates64 != nil {
				if !p.gates64[i].admits(fired64) {
					continue
				}
			} else if !p.allowed(i, s.signalFired) {
				continue
			}
			if p.scoreSkip[i] && !s.may.intersects(p.scorePos.row(i)) {
				continue // a score rule none of whose positive features fires
			}
			fired, spans, sev, conf, info := ev.rule(i, r)
			if !fired {
				continue
			}
			s.ruleFired.add(i)
			s.ruleSpans[i] = spans
			for _, fi := range p.byRule[i] {
				mayFire(fi)
			}
			risk := j.risk(&ev, i, r, spans, sev, conf, info)
			if j.ignored(risk.Fingerprint) {
				out.Ignored++
				continue
			}
			if risks == nil {
				risks = make([]result.Risk, 0, 4)
			}
			risks = append(risks, risk)
		}
	}
	if p.patient >= 0 && s.signalFired.has(p.patient) {
		out.Anonymity = anonymity(doc, ev.estimate(), ev.explain())
	}
	if risks != nil {
		out.Risks = risks
	}
	out.Verdict, out.Categories = Verdict(out.Risks)
	// the model is asked about posts about care or work that no rule
	// flagged, and not when the user has ignored what a rule found
	if j.modelRule != nil && out.Verdict == result.Safe && out.Ignored == 0 && slices.ContainsFunc(j.modelRule.ModelWhen, s.signalFired.has) {
		if risk, ok := j.modelRisk(doc, s); ok {
			if j.ignored(risk.Fingerprint) {
				out.Ignored++
			} else {
				out.Risks = append(out.Risks, risk)
				out.Verdict, out.Categories = Verdict(out.Risks)
			}
		}
	}
	j.pool.Put(s) // nothing of out points into s; not deferred, which costs more
	return out
}

// ignored reports whether the user marked the finding with this fingerprint
// as not a problem.
func (j *Judge) ignored(fingerprint string) bool {
	return len(j.opts.Ignore) > 0 && j.opts.Ignore[fingerprint]
}

// anonymity turns an estimate into the result's form, or nil when no detail
// narrows the count.
func anonymity(doc *text.Doc, est *mosaic.Estimate, explanation string) *result.Anonymity {
	if est.Count == 0 || math.IsInf(est.K, 1) {
		return nil
	}
	a := &result.Anonymity{K: round(est.K), Place: est.Place, Explanation: explanation}
	if len(est.Details) > 0 { // no details stay nil (null in JSON)
		a.Details = make([]result.Detail, 0, len(est.Details))
	}
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
	var buf [8]string // the categories, without growing a slice on the heap
	cats := buf[:0]
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
	return v, append([]string{}, cats...)
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
	// est is the mosaic estimate once estimated is set (held here rather
	// than allocated: most posts that need it need nothing else of it).
	est       mosaic.Estimate
	estimated bool
	// explanation is est.Explain(), once explained is set.
	explanation string
	explained   bool
}

// explain returns the post's mosaic estimate in words, computing it once.
func (ev *evaluator) explain() string {
	if !ev.explained {
		ev.explanation, ev.explained = ev.estimate().Explain(), true
	}
	return ev.explanation
}

// estimate returns the post's mosaic estimate, computing it once.
func (ev *evaluator) estimate() *mosaic.Estimate {
	if !ev.estimated {
		ev.est = mosaic.Estimate{K: math.Inf(1)}
		if ev.j.mosaic != nil {
			ev.est = ev.j.mosaic.EstimateFrom(ev.s.mosaic, ev.ents, ev.j.opts.Locale)
		}
		ev.estimated = true
	}
	return &ev.est
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

// feature reports whether feature fi fires and where.
func (ev *evaluator) feature(fi int) (bool, []span) {
	if ev.j.plan.featKinds[fi] == rules.FeatPhrases { // most features: spare loading the definition
		return ev.s.featureFired.has(fi), ev.s.featureSpans[fi]
	}
	f := &ev.j.set.Features[fi]
	switch f.Kind {
	case rules.FeatEntities:
		next := -1
		if f.NextTo {
			next = fi
		}
		spans := ev.entitySpans(f.Types, f.TypeMask, f.MinConfidence, f.MinAge, next)
		return len(spans) > 0, spans
	case rules.FeatLexicon:
		spans, _ := ev.terms(f.Lexicon, f.Groups)
		return len(spans) > 0, spans
	case rules.FeatSignal:
		return ev.s.signalFired.has(f.Ref), ev.s.signalSpans[f.Ref]
	case rules.FeatRule:
		return ev.s.ruleFired.has(f.Ref), ev.s.ruleSpans[f.Ref]
	case rules.FeatFact:
		x := ev.fact(f.Fact)
		fired := f.AtMost != nil && x <= *f.AtMost || f.AtLeast != nil && x >= *f.AtLeast
		if !fired {
			return false, nil
		}
		// the details the fact counts are where it lies
		leaf := &ev.s.leaf
		leaf.open()
		for _, d := range ev.estimate().Details {
			if d.Start >= 0 {
				leaf.add(span{d.Start, d.End})
			}
		}
		for _, e := range ev.ents {
			switch e.Type {
			case result.Age, result.City, result.Date, result.Time, result.Hospital, result.Ward, result.Room, result.Profession, result.Feature:
				leaf.add(ev.normSpan(e.Start, e.End))
			}
		}
		return true, leaf.close()
	}
	return false, nil
}

// entitySpans returns the norm spans of the entities of the given types; with
// next ≥ 0, only of those a next_to phrase of feature next touches.
func (ev *evaluator) entitySpans(types []result.Type, mask uint64, minConf float64, minAge int, next int) []span {
	if ev.present&mask == 0 {
		return nil // none of these types in the post
	}
	leaf := &ev.s.leaf
	leaf.open()
	for _, e := range ev.ents {
		if !slices.Contains(types, e.Type) || e.Confidence < minConf {
			continue
		}
		if minAge > 0 && (e.Type != result.Age || ageValue(e.Text) < minAge) {
			continue
		}
		sp := ev.normSpan(e.Start, e.End)
		if next >= 0 && !ev.touched(next, sp) {
			continue
		}
		leaf.add(sp)
	}
	return leaf.close()
}

// touched reports whether a next_to phrase of feature fi touches the entity
// at sp: it overlaps it, or ends before it or starts after it with only
// spaces between (after the entity, a possessive 's may come first: "X's
// management told us").
func (ev *evaluator) touched(fi int, sp span) bool {
	norm := ev.doc.Norm
	for _, h := range ev.s.nextTo {
		if h.feature != fi {
			continue
		}
		switch {
		case h.start < sp.end && sp.start < h.end:
			return true
		case h.end <= sp.start && onlySpaces(norm[h.end:sp.start]):
			return true
		case h.start >= sp.end:
			gap := norm[sp.end:h.start]
			if strings.HasPrefix(gap, "'s") {
				gap = gap[2:]
			}
			if onlySpaces(gap) {
				return true
			}
		}
	}
	return false
}

// onlySpaces reports whether s holds nothing but spaces and tabs: a phrase
// at the end of one line does not touch an entity on the next.
func onlySpaces(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' {
			return false
		}
	}
	return true
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
	leaf, hits := &ev.s.leaf, &ev.s.hits
	leaf.open()
	hits.open()
	for _, h := range ev.s.termHits {
		t := &ev.j.set.Terms[h.term]
		if t.Lexicon != lex || len(groups) > 0 && !slices.Contains(groups, t.Group) {
			continue
		}
		leaf.add(h.span)
		hits.add(h)
	}
	return leaf.close(), hits.close()
}

// ruleInfo carries what a risk's message may show.
type ruleInfo struct {
	term     *rules.TermDef
	entities []result.Entity
}

// rule evaluates rule i's trigger (not its when/unless).
func (ev *evaluator) rule(i int, r *rules.RuleDef) (fired bool, spans []span, sev rules.Severity, conf float64, info ruleInfo) {
	sev = r.Severity
	switch ev.j.plan.kinds[i] {
	case kindEntity:
		if ev.present&r.TypeMask == 0 {
			return false, nil, sev, 0, info
		}
		minAge := r.Entities.MinAge
		built, ents := &ev.s.built, &ev.s.entities
		built.open()
		ents.open()
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
			ents.add(e)
			built.add(ev.normSpan(e.Start, e.End))
			conf = math.Max(conf, e.Confidence)
		}
		spans, info.entities = built.close(), ents.close()
		return len(spans) >= max(1, r.Entities.MinCount), spans, sev, conf, info
	case kindLexicon:
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
	case kindPattern:
		sents := ev.s.keywordSents[i]
		if r.AnyNumber {
			sents = append(sents, ev.numberSents()...)
			slices.Sort(sents)
		}
		built := &ev.s.built
		built.open()
		done := -1
		for _, si := range sents {
			if si == done || si >= len(ev.doc.Sentences) {
				continue
			}
			done = si
			sent := ev.doc.Sentences[si]
			for _, re := range r.Regexps {
				for _, loc := range re.FindAllStringIndex(ev.doc.Norm[sent.Start:sent.End], 8) {
					built.add(span{sent.Start + loc[0], sent.Start + loc[1]})
				}
			}
		}
		spans = built.close()
		return len(spans) > 0, spans, sev, 0.8, info
	case kindCondition:
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
		built := &ev.s.built
		built.open()
		for _, ref := range r.All {
			_, sp := ev.ref(ref)
			built.add(sp...)
		}
		for _, ref := range r.Any {
			if f, sp := ev.ref(ref); f {
				built.add(sp...)
			}
		}
		return true, built.close(), sev, 0.75, info
	case kindScore:
		score := 0.0
		built := &ev.s.built // feature uses only the leaf arena
		built.open()
		for _, fi := range r.Features {
			if ev.j.plan.featKinds[fi] == rules.FeatPhrases && !ev.s.featureFired.has(fi) {
				continue // most features: spare the call
			}
			if f, sp := ev.feature(fi); f {
				score += ev.j.plan.weights[fi]
				built.add(sp...)
			}
		}
		spans = built.close()
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
		return ev.s.signalFired.has(r.Index), ev.s.signalSpans[r.Index]
	}
	return ev.s.ruleFired.has(r.Index), ev.s.ruleSpans[r.Index]
}

// risk builds the risk of a fired rule.
func (j *Judge) risk(ev *evaluator, i int, r *rules.RuleDef, spans []span, sev rules.Severity, conf float64, info ruleInfo) result.Risk {
	doc := ev.doc
	ev.s.merged = mergeSpans(ev.s.merged[:0], spans)
	spans = ev.s.merged
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
		var vars msgVars
		if r.UsesMatch {
			if len(info.entities) > 0 {
				vars.set(varMatch, describeEntities(info.entities))
			} else {
				var buf [3]string
				texts := buf[:0]
				for _, sp := range out.Spans {
					t := strings.TrimSpace(doc.Orig[sp.Start:sp.End])
					if t != "" && !slices.Contains(texts, t) && len(texts) < 3 {
						texts = append(texts, t)
					}
				}
				vars.set(varMatch, quoteList(texts))
			}
		}
		if j.plan.usesK[i] {
			vars.set(varK, strconv.FormatFloat(round(ev.estimate().K), 'f', -1, 64))
		}
		if j.plan.usesExplain[i] {
			vars.set(varMosaic, ev.explain())
		}
		if info.term != nil {
			vars.set(varMeaning, info.term.Meaning)
			vars.set(varReplace, info.term.Replace)
		}
		// the message, the fix and the fingerprint share one allocation
		b, static := appendFill(ev.s.text[:0], r.Message, &vars)
		msgEnd := len(b)
		b, fixStatic := appendFill(b, r.Fix, &vars)
		fixEnd := len(b)
		b = appendFingerprint(b, doc, j.plan.idHash[i], r.ID, spans)
		ev.s.text = b
		all := string(b)
		if !static {
			out.Message = all[:msgEnd]
		}
		if !fixStatic {
			out.Fix = all[msgEnd:fixEnd]
		}
		out.Fingerprint = all[fixEnd:]
		return out
	}
	ev.s.text = appendFingerprint(ev.s.text[:0], doc, j.plan.idHash[i], r.ID, spans)
	out.Fingerprint = string(ev.s.text)
	return out
}

// fill puts vars into a message template ("{match} is …") and tidies, in
// the same pass, what an empty value leaves behind: "()" and "\"\"", doubled
// spaces, a space before punctuation. The first letter is capitalised.
func fill(s string, vars *msgVars) string {
	b, static := appendFill(nil, s, vars)
	if static {
		return s
	}
	return string(b)
}

// appendFill appends s filled as fill does to b; static reports that s
// needs nothing filled or capitalised, and then b is unchanged and the
// message is s itself.
func appendFill(b []byte, s string, vars *msgVars) (_ []byte, static bool) {
	if strings.IndexByte(s, '{') < 0 && (s == "" || s[0] < 'a' || s[0] > 'z') {
		return b, true // nothing to fill or capitalise
	}
	start := len(b)
	empty := false // a placeholder came out empty: tidy afterwards
	first := true
	write := func(t string) {
		if first && t != "" && 'a' <= t[0] && t[0] <= 'z' { // capitalise the first letter
			b = append(b, t[0]-('a'-'A'))
			t = t[1:]
		}
		if t != "" || !first {
			first = false
		}
		b = append(b, t...)
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
			if v, ok := vars.get(s[i+1 : i+e]); ok {
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
		return b, false
	}
	t := tidyMessage(b[start:]) // in place
	if len(t) > 0 && 'a' <= t[0] && t[0] <= 'z' {
		t[0] -= 'a' - 'A'
	}
	return b[:start+len(t)], false
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
	if len(texts) == 0 {
		return ""
	}
	var buf [256]byte
	b := buf[:0]
	for i, t := range texts {
		b = appendListSep(b, i, len(texts))
		b = appendQuote(b, t)
	}
	return string(b)
}

// appendListSep appends what comes before item i of n in a list written
// "a", "a and b" or "a, b and c".
func appendListSep(b []byte, i, n int) []byte {
	switch {
	case i == 0:
		return b
	case i == n-1:
		return append(b, " and "...)
	}
	return append(b, ", "...)
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
	var chosen [3]*result.Entity // the first three with distinct texts
	n := 0
	for i := range ents {
		if n == 3 {
			break
		}
		if !slices.ContainsFunc(chosen[:n], func(c *result.Entity) bool { return c.Text == ents[i].Text }) {
			chosen[n] = &ents[i]
			n++
		}
	}
	var buf [256]byte
	b := buf[:0]
	for i, e := range chosen[:n] {
		b = appendListSep(b, i, n)
		if w := typeWords[e.Type]; w != "" {
			b = append(b, w...)
		} else {
			b = append(b, strings.ToLower(strings.ReplaceAll(string(e.Type), "_", " "))...)
		}
		b = append(b, ' ')
		b = appendQuote(b, e.Text)
	}
	return string(b)
}

// mergeSpans sorts spans into dst and merges those that overlap or touch.
func mergeSpans(dst, spans []span) []span {
	out := append(dst, spans...)
	if len(out) < 2 {
		return out
	}
	// the merged spans are the same whatever the order of equal starts
	slices.SortFunc(out, func(a, b span) int { return a.start - b.start })
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

// appendFingerprint appends to b the fingerprint of a finding: it identifies
// the finding by its rule, the words it matched and up to three words either
// side (all folded), so it survives edits elsewhere in the post and a change
// of offsets, but not a change of the finding itself. ruleHash is
// fnv64a(fnvOffset, rule), which the plan keeps for every rule.
func appendFingerprint(b []byte, doc *text.Doc, ruleHash uint64, rule string, spans []span) []byte {
	h := ruleHash
	if len(spans) > 8 {
		spans = spans[:8] // the first few places identify the finding well enough
	}
	for _, sp := range spans {
		h = fnvByte(h, 0)
		h = hashFolded(h, doc.Lower[sp.start:min(sp.end, sp.start+160)])
		h = fnvByte(h, 1)
		h = hashFolded(h, wordCut(doc.Lower[max(0, sp.start-24):sp.start], true))
		h = fnvByte(h, '|')
		h = hashFolded(h, wordCut(doc.Lower[sp.end:min(len(doc.Lower), sp.end+24)], false))
	}
	const digits = "0123456789abcdef"
	var sum [17]byte // ":" and the hash in big-endian hex, as hash.Hash.Sum writes it
	sum[0] = ':'
	for i := range 16 {
		sum[1+i] = digits[h>>(60-4*i)&0xf]
	}
	b = append(b, rule...)
	return append(b, sum[:]...)
}

// FNV-1a, 64 bits (as hash/fnv's New64a), without a hash.Hash to allocate.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnv64a(h uint64, data string) uint64 {
	for i := 0; i < len(data); i++ {
		h = fnvByte(h, data[i])
	}
	return h
}

func fnvByte(h uint64, c byte) uint64 { return (h ^ uint64(c)) * fnvPrime }

// hashFolded hashes the letters and digits of s (already lower case), one
// space for each run of anything else, so that punctuation and spacing edits
// do not change a fingerprint.
func hashFolded(h uint64, s string) uint64 {
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if hashKeeps[c] {
			h = fnvByte(h, c)
			space = false
		} else if !space {
			h = fnvByte(h, ' ')
			space = true
		}
	}
	return h
}

// hashKeeps[c] is true for the bytes hashFolded hashes as they are: lower
// case ASCII letters, digits and every byte of a non-ASCII character (one
// table load per byte instead of three range tests).
var hashKeeps = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 0x80 || 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
	}
	return t
}()

// appendQuote appends s quoted as strconv.AppendQuote does. Printable ASCII
// without a quote or backslash, what most entity texts are, comes out as
// it is between quotes, which is copied without decoding every rune.
func appendQuote(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return strconv.AppendQuote(b, s)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
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
