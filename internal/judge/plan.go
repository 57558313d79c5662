package judge

import (
	"math/bits"
	"slices"

	"github.com/scrubshq/scrubs/internal/rules"
)

// bitset is a set of small integers: feature, signal or rule indexes.
type bitset []uint64

// newBitset returns an empty bitset for n members (one word at least).
func newBitset(n int) bitset { return make(bitset, max(1, (n+63)/64)) }

func (b bitset) has(i int) bool { return b[i>>6]&(1<<(i&63)) != 0 }
func (b bitset) add(i int)      { b[i>>6] |= 1 << (i & 63) }

// intersects reports whether b and o share a member.
func (b bitset) intersects(o bitset) bool {
	for i, w := range o {
		if b[i]&w != 0 {
			return true
		}
	}
	return false
}

// holds reports whether every member of o is in b.
func (b bitset) holds(o bitset) bool {
	for i, w := range o {
		if b[i]&w != w {
			return false
		}
	}
	return true
}

// next returns the least member of b that is at least i, or -1.
func (b bitset) next(i int) int {
	for k := i >> 6; k < len(b); k++ {
		w := b[k]
		if k == i>>6 {
			w &= ^uint64(0) << (i & 63)
		}
		if w != 0 {
			return k<<6 | bits.TrailingZeros64(w)
		}
	}
	return -1
}

// count returns the number of members of b.
func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// each calls f for each member of b, in order.
func (b bitset) each(f func(int)) {
	for i, w := range b {
		for w != 0 {
			f(i<<6 | bits.TrailingZeros64(w))
			w &= w - 1
		}
	}
}

// bitrows are bitsets of one size stored end to end, for locality.
type bitrows struct {
	words int
	bits  []uint64
}

// newBitrows returns rows of bitsets for n members (as newBitset).
func newBitrows(n int) bitrows { return bitrows{words: max(1, (n+63)/64)} }

func (r *bitrows) push(b bitset) { r.bits = append(r.bits, b...) }

func (r *bitrows) row(i int) bitset {
	return r.bits[i*r.words : (i+1)*r.words : (i+1)*r.words]
}

// plan is what the judge precomputes from a rule set so that a post costs
// little for the many signals and rules it cannot trigger.
type plan struct {
	// featSignals[fi] are the signals in which feature fi has a positive
	// weight. A signal none of whose such features may fire scores at most
	// 0, under its threshold, unless its threshold is at most 0 (sigAlways).
	featSignals [][]int32
	sigAlways   bitset
	// scorePos (by rule) holds the features of positive weight of a score
	// rule: when none of them may fire, its score stays at or below 0, under
	// its threshold if that is above 0 (scoreSkip).
	scorePos  bitrows
	scoreSkip []bool
	// when and unless are rules' when and unless signals, with, for a
	// condition rule, the signals of its all and of its none (they gate it
	// alike, and testing them here spares evaluating the rule); gates64
	// the same as single words when there are at most 64 signals (nil
	// otherwise).
	when, unless bitrows
	gates64      []gate64
	// keyed (by signal) holds the rules whose first when signal (with the
	// all of a condition) it is, unkeyed the rules without one: the rules
	// a post's fired signals may allow, found without testing every rule.
	keyed   bitrows
	unkeyed bitset
	// featKinds, weights and typeMasks are the features' kinds, weights and
	// entity type masks, apart from the rest of their definitions.
	featKinds []rules.FeatureKind
	weights   []float64
	typeMasks []uint64
	// facts are the fact features: they may fire in any post.
	facts []int
	// entityFeats and lexiconFeats are the entity and lexicon features.
	entityFeats, lexiconFeats []int
	// bySignal[i] and byRule[i] are the features that refer to signal or rule i.
	bySignal, byRule [][]int
	// phraseRules and patternRules are the rules with inline phrases and keywords.
	phraseRules, patternRules []int
	// patient is the index of the "patient" signal, or -1.
	patient int
	// kinds are the rules' kinds.
	kinds []ruleKind
	// usesK and usesExplain say which rules' messages show the mosaic
	// estimate's k and explanation.
	usesK, usesExplain []bool
	// idHash are the FNV-1a hashes of the rules' ids, where fingerprints start.
	idHash []uint64
}

func newPlan(set *rules.Set) *plan {
	nf, ns := len(set.Features), len(set.Signals)
	p := &plan{bySignal: make([][]int, ns), byRule: make([][]int, len(set.Rules)),
		featSignals: make([][]int32, nf), sigAlways: newBitset(ns),
		scorePos: newBitrows(nf), when: newBitrows(ns), unless: newBitrows(ns),
		unkeyed: newBitset(len(set.Rules)),
		patient: set.Signal("patient")}
	positive := func(feats []int) bitset {
		b := newBitset(nf)
		for _, fi := range feats {
			if set.Features[fi].Weight > 0 {
				b.add(fi)
			}
		}
		return b
	}
	for fi, f := range set.Features {
		p.featKinds = append(p.featKinds, f.Kind)
		p.weights = append(p.weights, f.Weight)
		p.typeMasks = append(p.typeMasks, f.TypeMask)
		switch f.Kind {
		case rules.FeatEntities:
			p.entityFeats = append(p.entityFeats, fi)
		case rules.FeatLexicon:
			p.lexiconFeats = append(p.lexiconFeats, fi)
		case rules.FeatSignal:
			p.bySignal[f.Ref] = append(p.bySignal[f.Ref], fi)
		case rules.FeatRule:
			p.byRule[f.Ref] = append(p.byRule[f.Ref], fi)
		case rules.FeatFact:
			p.facts = append(p.facts, fi)
		}
	}
	for si, sig := range set.Signals {
		if sig.Threshold-1e-9 <= 0 {
			p.sigAlways.add(si)
		}
		for _, fi := range sig.Features {
			if set.Features[fi].Weight > 0 && !slices.Contains(p.featSignals[fi], int32(si)) {
				p.featSignals[fi] = append(p.featSignals[fi], int32(si))
			}
		}
	}
	keyedRules := make([][]int, ns)
	for i, r := range set.Rules {
		p.scorePos.push(positive(r.Features))
		p.scoreSkip = append(p.scoreSkip, r.Kind == "score" && r.Threshold-1e-9 > 0)
		w, u := newBitset(ns), newBitset(ns)
		for _, s := range r.When {
			w.add(s)
		}
		for _, s := range r.Unless {
			u.add(s)
		}
		a := newBitset(ns)
		if r.Kind == "condition" {
			for _, ref := range r.All {
				if ref.Signal {
					w.add(ref.Index)
				}
			}
			for _, ref := range r.None {
				if ref.Signal {
					u.add(ref.Index)
				}
			}
			for _, ref := range r.Any {
				if !ref.Signal {
					clear(a)
					break
				}
				a.add(ref.Index)
			}
		}
		p.when.push(w)
		p.unless.push(u)
		if ns <= 64 {
			p.gates64 = append(p.gates64, gate64{when: w[0], unless: u[0], any: a[0]})
		}
		if r.HasPhrase {
			p.phraseRules = append(p.phraseRules, i)
		}
		if r.Kind == "pattern" {
			p.patternRules = append(p.patternRules, i)
		}
		if r.Kind == "model" {
			// never a candidate of the rule loop: the judge asks the model
			// after the rules (modelRisk)
		} else if key := firstMember(w); key < 0 {
			p.unkeyed.add(i)
		} else {
			keyedRules[key] = append(keyedRules[key], i)
		}
		p.kinds = append(p.kinds, kindOf[r.Kind])
		p.usesK = append(p.usesK, r.Uses["k"])
		p.usesExplain = append(p.usesExplain, r.Uses["mosaic"])
		p.idHash = append(p.idHash, fnv64a(fnvOffset, r.ID))
	}
	p.keyed = newBitrows(len(set.Rules))
	for _, rs := range keyedRules {
		b := newBitset(len(set.Rules))
		for _, i := range rs {
			b.add(i)
		}
		p.keyed.push(b)
	}
	return p
}

// firstMember returns the least member of b, or -1 when b is empty.
func firstMember(b bitset) int {
	for i, w := range b {
		if w != 0 {
			return i<<6 | bits.TrailingZeros64(w)
		}
	}
	return -1
}

// allowed reports whether rule i's when signals have all fired and none of
// its unless signals has (and, for a condition, whether its signals allow it
// to fire).
func (p *plan) allowed(i int, fired bitset) bool {
	if p.gates64 != nil {
		return p.gates64[i].admits(fired[0])
	}
	return fired.holds(p.when.row(i)) && !fired.intersects(p.unless.row(i))
}

// gate64 is what the signals must be for a rule to fire, when there are at
// most 64: all of when, none of unless, and one of any unless it is 0 (any
// is set for a condition's any whose refs are all signals).
type gate64 struct{ when, unless, any uint64 }

// admits reports whether the fired signals let the rule fire.
func (g *gate64) admits(fired uint64) bool {
	return fired&g.when == g.when && fired&g.unless == 0 && (g.any == 0 || fired&g.any != 0)
}

// ruleKind is a rule's kind as a number, to switch on cheaply.
type ruleKind uint8

const (
	kindUnknown ruleKind = iota
	kindEntity
	kindLexicon
	kindPattern
	kindCondition
	kindScore
)

var kindOf = map[string]ruleKind{"entity": kindEntity, "lexicon": kindLexicon, "pattern": kindPattern,
	"condition": kindCondition, "score": kindScore}

// The placeholders of messages and fixes.
const (
	varMatch = iota
	varK
	varMosaic
	varMeaning
	varReplace
	numVars
)

var varNames = [numVars]string{"match", "k", "mosaic", "meaning", "replace"}

// msgVars are the values of a message's placeholders (a map would cost an
// allocation per risk).
type msgVars struct {
	val [numVars]string
	has [numVars]bool
}

func (v *msgVars) set(k int, s string) { v.val[k], v.has[k] = s, true }

// get returns the value of the named placeholder and whether it is set.
func (v *msgVars) get(name string) (string, bool) {
	for k, n := range varNames {
		if n == name {
			return v.val[k], v.has[k]
		}
	}
	return "", false
}
