package eval

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/result"
)

// Matching modes and levels, as array indexes.
const (
	modeOverlap = 0
	modeExact   = 1

	levelStrict = 0 // type-strict (per label)
	levelAny    = 1 // type-agnostic (entity)
)

// counts are the outcome of matching for one row.
type counts struct {
	tp, fp, fn int
	frag       int // unmatched predictions inside a gold span another prediction matched
	ign        int // unmatched predictions the corpus does not judge
}

func (c *counts) add(o counts) {
	c.tp += o.tp
	c.fp += o.fp
	c.fn += o.fn
	c.frag += o.frag
	c.ign += o.ign
}

type catCounts struct {
	support int
	row     int       // -1: unscored
	found   [2][2]int // [mode][level]
}

type vecCounts struct {
	mapped                                   result.Type
	valid, found, invalid, rejected, skipped int
}

type postCounts struct {
	labelled, risky, safe, riskyFlagged, safeFlagged int
	withVerdict, agree                               int
	confusion                                        map[[2]string]int
	catGold, catPred, catTP                          map[string]int
}

// scorer accumulates the figures of a run, one record at a time.
type scorer struct {
	opts    Options
	c       *compiled
	primary int

	rows   [2][]counts
	names  [2]counts
	entity [2]counts

	cats     map[string]*catCounts
	catOrder []string

	records, skipped, gold, unscoredGold, preds, outside int

	posts postCounts

	vecs     map[string]*vecCounts
	vecOrder []string

	errs []ErrorItem
}

func newScorer(opts Options) (*scorer, error) {
	c, err := compile(opts.Scheme)
	if err != nil {
		return nil, err
	}
	s := &scorer{opts: opts, c: c, cats: map[string]*catCounts{}, vecs: map[string]*vecCounts{}}
	if opts.Match == MatchExact {
		s.primary = modeExact
	}
	for m := range s.rows {
		s.rows[m] = make([]counts, len(c.rows))
	}
	for _, l := range c.Labels {
		for _, cat := range l.Categories {
			s.category(cat)
		}
	}
	s.posts.confusion = map[[2]string]int{}
	s.posts.catGold, s.posts.catPred, s.posts.catTP = map[string]int{}, map[string]int{}, map[string]int{}
	return s, nil
}

func (s *scorer) category(cat string) *catCounts {
	cc, ok := s.cats[cat]
	if !ok {
		row, scored := s.c.catRow[cat]
		if !scored {
			row = -1
		}
		cc = &catCounts{row: row}
		s.cats[cat] = cc
		s.catOrder = append(s.catOrder, cat)
	}
	return cc
}

func (s *scorer) vector(v *Vector) *vecCounts {
	vc, ok := s.vecs[v.Type]
	if !ok {
		vc = &vecCounts{mapped: v.Mapped}
		s.vecs[v.Type] = vc
		s.vecOrder = append(s.vecOrder, v.Type)
	}
	return vc
}

// skip counts a record that is not scored.
func (s *scorer) skip(rec Record) {
	s.skipped++
	if rec.Vector != nil {
		s.vector(rec.Vector).skipped++
	}
}

type gspan struct {
	Gold
	row int // -1: unscored
}

type pspan struct {
	result.Entity
	home int
}

func overlap(aStart, aEnd, bStart, bEnd int) int {
	return min(aEnd, bEnd) - max(aStart, bStart)
}

// match pairs gold spans and predictions one to one: candidate pairs are
// compatible pairs with equal boundaries (exact) or a byte in common
// (overlap), taken greedily by overlap size (ties: earlier gold, then earlier
// prediction). It returns, for each gold, the index of its prediction or -1,
// and the same for each prediction.
func match(golds []gspan, preds []pspan, exact bool, compat func(*gspan, *pspan) bool) (gm, pm []int) {
	type cand struct{ g, p, ov int }
	var cs []cand
	for gi := range golds {
		g := &golds[gi]
		for pi := range preds {
			p := &preds[pi]
			if exact {
				if g.Start != p.Start || g.End != p.End {
					continue
				}
			} else if overlap(g.Start, g.End, p.Start, p.End) <= 0 {
				continue
			}
			if compat(g, p) {
				cs = append(cs, cand{gi, pi, overlap(g.Start, g.End, p.Start, p.End)})
			}
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return b.ov - a.ov })
	gm = make([]int, len(golds))
	pm = make([]int, len(preds))
	for i := range gm {
		gm[i] = -1
	}
	for i := range pm {
		pm[i] = -1
	}
	for _, c := range cs {
		if gm[c.g] < 0 && pm[c.p] < 0 {
			gm[c.g], pm[c.p] = c.p, c.g
		}
	}
	return gm, pm
}

// Outcomes of an unmatched prediction.
const (
	outFP = iota
	outFrag
	outIgnored
)

// classify says what an unmatched prediction counts as: a fragment when
// (overlap matching) it overlaps a compatible gold span that another
// prediction matched; ignored when its type is partial, an exclusion covers
// it, or it overlaps an unscored gold span; else a false positive.
func (s *scorer) classify(p *pspan, golds, unscored []gspan, exact bool, compat func(*gspan, *pspan) bool) int {
	if !exact {
		for i := range golds {
			if overlap(golds[i].Start, golds[i].End, p.Start, p.End) > 0 && compat(&golds[i], p) {
				return outFrag
			}
		}
	}
	if s.c.partial[p.Type] || s.c.excluded(p.Type, p.Text) {
		return outIgnored
	}
	for _, g := range unscored {
		if overlap(g.Start, g.End, p.Start, p.End) > 0 {
			return outIgnored
		}
	}
	return outFP
}

func tally(c *counts, out int) {
	switch out {
	case outFrag:
		c.frag++
	case outIgnored:
		c.ign++
	default:
		c.fp++
	}
}

// add scores one checked record.
func (s *scorer) add(rec Record, pred Prediction) error {
	text := rec.Text
	for i, e := range pred.Entities {
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
			return fmt.Errorf("record %s: entity %d (%s): offsets [%d,%d) outside a text of %d bytes", rec.ID, i, e.Type, e.Start, e.End, len(text))
		}
		if text[e.Start:e.End] != e.Text {
			return fmt.Errorf("record %s: entity %d (%s): text %q but the post has %q at [%d,%d)", rec.ID, i, e.Type, e.Text, text[e.Start:e.End], e.Start, e.End)
		}
	}
	s.records++

	var golds, unscored []gspan
	for i, g := range rec.Spans {
		if g.Start < 0 || g.End > len(text) || g.Start >= g.End {
			return fmt.Errorf("record %s: gold span %d (%s): offsets [%d,%d) outside a text of %d bytes", rec.ID, i, g.Type, g.Start, g.End, len(text))
		}
		cc := s.category(g.Type)
		cc.support++
		if cc.row < 0 {
			s.unscoredGold++
			unscored = append(unscored, gspan{g, -1})
			continue
		}
		s.gold++
		golds = append(golds, gspan{g, cc.row})
	}
	var preds []pspan
	for _, e := range pred.Entities {
		s.preds++
		if !s.c.scored[e.Type] {
			s.outside++
			continue
		}
		preds = append(preds, pspan{e, s.c.home[e.Type]})
	}

	strict := func(g *gspan, p *pspan) bool { return slices.Contains(s.c.rows[g.row].types, p.Type) }

	var nameGolds []gspan
	var namePreds []pspan
	if s.c.hasNames {
		for _, g := range golds {
			if s.c.rows[g.row].isName {
				nameGolds = append(nameGolds, g)
			}
		}
		for _, p := range preds {
			if p.Type.IsName() {
				namePreds = append(namePreds, p)
			}
		}
	}

	for mode := range 2 {
		exact := mode == modeExact
		// Type-strict, per row.
		gm, pm := match(golds, preds, exact, strict)
		for gi := range golds {
			g := &golds[gi]
			if gm[gi] >= 0 {
				s.rows[mode][g.row].tp++
				s.cats[g.Type].found[mode][levelStrict]++
			} else {
				s.rows[mode][g.row].fn++
				if mode == s.primary {
					s.errs = append(s.errs, s.goldError(rec, g, pred.Entities))
				}
			}
		}
		for pi := range preds {
			if pm[pi] >= 0 {
				continue
			}
			p := &preds[pi]
			out := s.classify(p, golds, unscored, exact, strict)
			tally(&s.rows[mode][p.home], out)
			if out == outFP && mode == s.primary {
				s.errs = append(s.errs, s.predError(rec, p))
			}
		}
		// The name family.
		if s.c.hasNames {
			s.names[mode].add(s.level(nameGolds, namePreds, unscored, exact, nil))
		}
		// Type-agnostic.
		s.entity[mode].add(s.level(golds, preds, unscored, exact, func(g *gspan) {
			s.cats[g.Type].found[mode][levelAny]++
		}))
	}

	s.addPost(rec, pred)
	if rec.Vector != nil {
		s.addVector(rec, pred)
	}
	return nil
}

// level matches golds and preds whatever their types and returns the counts;
// found is called for each matched gold span.
func (s *scorer) level(golds []gspan, preds []pspan, unscored []gspan, exact bool, found func(*gspan)) counts {
	anyType := func(*gspan, *pspan) bool { return true }
	var c counts
	gm, pm := match(golds, preds, exact, anyType)
	for gi := range golds {
		if gm[gi] >= 0 {
			c.tp++
			if found != nil {
				found(&golds[gi])
			}
		} else {
			c.fn++
		}
	}
	for pi := range preds {
		if pm[pi] < 0 {
			tally(&c, s.classify(&preds[pi], golds, unscored, exact, anyType))
		}
	}
	return c
}

func (s *scorer) addPost(rec Record, pred Prediction) {
	ps := &s.posts
	if rec.Label != "" {
		ps.labelled++
		flagged := s.opts.Flags(pred)
		switch rec.Label {
		case "risky":
			ps.risky++
			if flagged {
				ps.riskyFlagged++
			} else {
				s.errs = append(s.errs, s.postError(rec, pred, KindMissedPost))
			}
		case "safe":
			ps.safe++
			if flagged {
				ps.safeFlagged++
				s.errs = append(s.errs, s.postError(rec, pred, KindFalseAlarm))
			}
		}
		gold, got := set(rec.Categories), set(pred.Categories)
		for c := range gold {
			ps.catGold[c]++
			if got[c] {
				ps.catTP[c]++
			}
		}
		for c := range got {
			ps.catPred[c]++
		}
	}
	if rec.Verdict != "" {
		ps.withVerdict++
		if pred.Verdict == rec.Verdict {
			ps.agree++
		}
		ps.confusion[[2]string{rec.Verdict, pred.Verdict}]++
	}
}

func set(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

func (s *scorer) addVector(rec Record, pred Prediction) {
	v := rec.Vector
	vc := s.vector(v)
	var hit *result.Entity
	for i, e := range pred.Entities {
		if e.Type != v.Mapped {
			continue
		}
		if s.primary == modeExact && e.Start == v.Start && e.End == v.End ||
			s.primary == modeOverlap && overlap(e.Start, e.End, v.Start, v.End) > 0 {
			hit = &pred.Entities[i]
			break
		}
	}
	if v.Valid {
		vc.valid++
		if hit != nil {
			vc.found++
			return
		}
		s.errs = append(s.errs, ErrorItem{RecordID: rec.ID, Kind: KindVectorMissed, Start: v.Start, End: v.End,
			Text: v.Value, Type: v.Type, Detail: describe("predicted ", pred.Entities, v.Start, v.End, "no "+string(v.Mapped)+" found"),
			Snippet: snippet(rec.Text, v.Start, v.End, s.opts.SnippetBytes)})
		return
	}
	vc.invalid++
	if hit == nil {
		vc.rejected++
		return
	}
	s.errs = append(s.errs, ErrorItem{RecordID: rec.ID, Kind: KindVectorAccepted, Start: hit.Start, End: hit.End,
		Text: hit.Text, Type: v.Type, Detail: fmt.Sprintf("invalid %s value found as %s", v.Type, hit.Type),
		Snippet: snippet(rec.Text, hit.Start, hit.End, s.opts.SnippetBytes)})
}

func (s *scorer) goldError(rec Record, g *gspan, ents []result.Entity) ErrorItem {
	return ErrorItem{RecordID: rec.ID, Kind: KindFalseNegative, Start: g.Start, End: g.End, Text: g.Text,
		Type:    g.Type,
		Detail:  describe("predicted ", ents, g.Start, g.End, "no prediction overlaps"),
		Snippet: snippet(rec.Text, g.Start, g.End, s.opts.SnippetBytes)}
}

func (s *scorer) predError(rec Record, p *pspan) ErrorItem {
	var golds []string
	for _, g := range rec.Spans {
		if overlap(g.Start, g.End, p.Start, p.End) > 0 {
			golds = append(golds, fmt.Sprintf("%s %q [%d,%d)", g.Type, g.Text, g.Start, g.End))
		}
	}
	detail := "no gold span overlaps"
	if len(golds) > 0 {
		detail = "gold " + strings.Join(golds, "; ")
	}
	return ErrorItem{RecordID: rec.ID, Kind: KindFalsePositive, Start: p.Start, End: p.End, Text: p.Text,
		Type: string(p.Type), Detail: detail, Snippet: snippet(rec.Text, p.Start, p.End, s.opts.SnippetBytes)}
}

func (s *scorer) postError(rec Record, pred Prediction, kind string) ErrorItem {
	detail := fmt.Sprintf("gold %s/%s %v, predicted %q %v", rec.Label, rec.Verdict, rec.Categories, pred.Verdict, pred.Categories)
	n := 2 * s.opts.SnippetBytes
	return ErrorItem{RecordID: rec.ID, Kind: kind, Start: 0, End: 0, Type: rec.Label, Detail: detail,
		Snippet: snippet(rec.Text, 0, 0, n)}
}

// describe lists the entities overlapping [start,end), or says none does.
func describe(prefix string, ents []result.Entity, start, end int, none string) string {
	var parts []string
	for _, e := range ents {
		if overlap(e.Start, e.End, start, end) > 0 {
			parts = append(parts, fmt.Sprintf("%s %q [%d,%d)", e.Type, e.Text, e.Start, e.End))
		}
	}
	if len(parts) == 0 {
		return none
	}
	return prefix + strings.Join(parts, "; ")
}

var snippetFlat = strings.NewReplacer("\r\n", "⏎", "\n", "⏎", "\r", "⏎", "\t", " ")

// snippet shows text[start:end] in [[ ]] with up to n bytes of context on
// each side, cut on rune boundaries, on one line.
func snippet(text string, start, end, n int) string {
	lo, hi := max(0, start-n), min(len(text), end+n)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	b.WriteString(text[lo:start])
	if end > start {
		b.WriteString("[[" + text[start:end] + "]]")
	}
	b.WriteString(text[end:hi])
	if hi < len(text) {
		b.WriteString("…")
	}
	return snippetFlat.Replace(b.String())
}
