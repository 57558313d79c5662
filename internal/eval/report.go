package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/result"
)

// Report holds the figures of a run. Its JSON form (WriteJSON) uses the
// field names below; ratios are rounded to four decimals and are 0 when
// undefined (no predictions, or no support): the counts beside them tell.
type Report struct {
	// Corpus names the corpus (Options.Corpus).
	Corpus string `json:"corpus,omitempty"`
	// Scheme is the scheme the run scored against.
	Scheme Scheme `json:"scheme"`
	// ScoredTypes are the predicted types that are scored.
	ScoredTypes []result.Type `json:"scored_types"`
	// UnannotatedTypes are our types the corpus does not annotate.
	UnannotatedTypes []result.Type `json:"unannotated_types"`
	// Match is the primary matching (errors and vector decisions use it).
	Match string `json:"match"`
	// Records is the number of records checked and scored.
	Records int `json:"records"`
	// Skipped is the number of records passed over (Record.Skip).
	Skipped int `json:"skipped"`
	// GoldSpans is the number of scored gold spans.
	GoldSpans int `json:"gold_spans"`
	// UnscoredGoldSpans is the number of gold spans of unscored categories.
	UnscoredGoldSpans int `json:"unscored_gold_spans"`
	// Predictions is the number of predicted entities.
	Predictions int `json:"predictions"`
	// OutsideScheme is the number of predicted entities of types the
	// corpus does not annotate (not scored).
	OutsideScheme int `json:"predictions_outside_scheme"`
	// Overlap are the span figures under overlap matching.
	Overlap SpanScores `json:"overlap"`
	// Exact are the span figures under exact matching.
	Exact SpanScores `json:"exact"`
	// Categories is the recall of each corpus category.
	Categories []CategoryRecall `json:"categories"`
	// Posts holds post-level figures; nil when no record carries a label or verdict.
	Posts *PostScores `json:"posts,omitempty"`
	// Vectors holds identifier-vector decisions; nil when no record is a vector.
	Vectors *VectorScores `json:"vectors,omitempty"`
	// Errors are the errors under the primary matching, type-strict, in
	// corpus order (see WriteErrors).
	Errors []ErrorItem `json:"-"`
}

// SpanScores are the span-level figures under one matching.
type SpanScores struct {
	// Labels are the type-strict figures, one per scheme label (then one
	// per scored type no label covers).
	Labels []Score `json:"labels"`
	// Strict is the micro-average of Labels.
	Strict Score `json:"strict"`
	// MacroF1 is the mean F1 of the labels with support.
	MacroF1 float64 `json:"macro_f1"`
	// Names compares the four name types as one family, NAME; nil when
	// the scheme has no name label.
	Names *Score `json:"names,omitempty"`
	// Entity is type-agnostic: any scored prediction against any scored gold span.
	Entity Score `json:"entity"`
}

// Score is precision, recall and F1 for one row. Fragments (overlap
// matching only) are unmatched predictions inside a compatible gold span that
// another prediction matched ("Holy" and "Cross" for a gold "Holy Cross");
// Ignored are unmatched predictions the corpus does not judge (partial
// types, exclusions, overlapping an unscored gold span). Neither is a false
// positive.
type Score struct {
	// Label names the row: a scheme label, "all", "NAME" or "entity".
	Label string `json:"label"`
	// Types are the predicted types the row's gold spans accept.
	Types []result.Type `json:"types,omitempty"`
	// Support is the number of gold spans (TP + FN).
	Support int `json:"support"`
	// Predicted is the number of judged predictions (TP + FP).
	Predicted int `json:"predicted"`
	// TP, FP and FN count matched pairs, unmatched judged predictions and
	// unmatched gold spans.
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
	// Fragments and Ignored count unmatched predictions that are not
	// false positives (see above).
	Fragments int `json:"fragments"`
	Ignored   int `json:"ignored"`
	// Precision is TP/Predicted, Recall TP/Support, F1 their harmonic mean.
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// CategoryRecall is the recall of one corpus category, under both matchings,
// type-strict and type-agnostic.
type CategoryRecall struct {
	// Category is the corpus's own category ("HCPName", "GPE"...).
	Category string `json:"category"`
	// Label is the scheme label scoring the category; "" when unscored.
	Label string `json:"label"`
	// Scored is false for categories the scheme does not score.
	Scored bool `json:"scored"`
	// Support is the number of gold spans of the category.
	Support int `json:"support"`
	// The gold spans found (matched) and recall, per matching, type-strict
	// and type-agnostic ("any").
	OverlapFound     int     `json:"overlap_found"`
	OverlapRecall    float64 `json:"overlap_recall"`
	OverlapAnyFound  int     `json:"overlap_any_found"`
	OverlapAnyRecall float64 `json:"overlap_any_recall"`
	ExactFound       int     `json:"exact_found"`
	ExactRecall      float64 `json:"exact_recall"`
	ExactAnyFound    int     `json:"exact_any_found"`
	ExactAnyRecall   float64 `json:"exact_any_recall"`
}

// PostScores are the post-level figures over records that carry a label
// (flags, categories) or a verdict (agreement).
type PostScores struct {
	// FlagRule says when a prediction flags a post.
	FlagRule string `json:"flag_rule"`
	// Labelled posts, of which Risky and Safe, and how many of each were flagged.
	Labelled     int `json:"labelled"`
	Risky        int `json:"risky"`
	Safe         int `json:"safe"`
	RiskyFlagged int `json:"risky_flagged"`
	SafeFlagged  int `json:"safe_flagged"`
	// RiskyRecall is RiskyFlagged/Risky; FalseAlarmRate is SafeFlagged/Safe;
	// FlagPrecision is RiskyFlagged over all flagged posts.
	RiskyRecall    float64 `json:"risky_recall"`
	FalseAlarmRate float64 `json:"false_alarm_rate"`
	FlagPrecision  float64 `json:"flag_precision"`
	// WithVerdict posts carry a gold verdict; VerdictAgree of them got the
	// same verdict; VerdictAgreement is their ratio.
	WithVerdict      int     `json:"with_verdict"`
	VerdictAgree     int     `json:"verdict_agree"`
	VerdictAgreement float64 `json:"verdict_agreement"`
	// VerdictConfusion counts gold against predicted verdicts.
	VerdictConfusion []VerdictCount `json:"verdict_confusion"`
	// Categories compares predicted with gold risk categories on labelled posts.
	Categories []PostCategory `json:"categories"`
}

// VerdictCount is one cell of the verdict confusion matrix.
type VerdictCount struct {
	Gold      string `json:"gold"`      // gold verdict
	Predicted string `json:"predicted"` // predicted verdict ("" if the checker gave none)
	Count     int    `json:"count"`     // posts
}

// PostCategory is precision and recall of one risk category over posts.
type PostCategory struct {
	Category  string  `json:"category"`
	Support   int     `json:"support"`   // posts with the category in the gold
	Predicted int     `json:"predicted"` // posts the checker gave the category
	TP        int     `json:"tp"`        // posts with it in both
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// VectorScores are the valid/invalid decisions on identifier vectors: a
// valid vector must be found with its type, an invalid one must not be.
type VectorScores struct {
	// Match is how "found" was decided (the primary matching).
	Match string `json:"match"`
	// Types has one row per vector type, in corpus order; Total sums them.
	Types []VectorScore `json:"types"`
	Total VectorScore   `json:"total"`
}

// VectorScore counts the decisions for one vector type.
type VectorScore struct {
	// Type is the vector set's identifier type ("all" for the total);
	// Mapped is ours.
	Type   string      `json:"type"`
	Mapped result.Type `json:"mapped,omitempty"`
	// Valid vectors, and how many were found with the right type.
	Valid int `json:"valid"`
	Found int `json:"found"`
	// Invalid vectors, and how many were rightly not found.
	Invalid  int `json:"invalid"`
	Rejected int `json:"rejected"`
	// Skipped vectors were not scored (Record.Skip).
	Skipped int `json:"skipped"`
	// Correct decisions (Found + Rejected) and their share of the scored
	// vectors; ValidRecall is Found/Valid, InvalidRejection Rejected/Invalid.
	Correct          int     `json:"correct"`
	Accuracy         float64 `json:"accuracy"`
	ValidRecall      float64 `json:"valid_recall"`
	InvalidRejection float64 `json:"invalid_rejection"`
}

// Error kinds.
const (
	KindFalseNegative  = "false_negative"  // a gold span no compatible prediction matched
	KindFalsePositive  = "false_positive"  // a prediction that matched no gold span and is judged
	KindMissedPost     = "missed_post"     // a risky post not flagged
	KindFalseAlarm     = "false_alarm"     // a safe post flagged
	KindVectorMissed   = "vector_missed"   // a valid identifier vector not found
	KindVectorAccepted = "vector_accepted" // an invalid identifier vector found
)

var kindOrder = []string{KindFalseNegative, KindFalsePositive, KindMissedPost, KindFalseAlarm, KindVectorMissed, KindVectorAccepted}

var kindTitles = map[string]string{
	KindFalseNegative:  "false negatives (gold spans missed, type-strict)",
	KindFalsePositive:  "false positives (type-strict)",
	KindMissedPost:     "risky posts not flagged",
	KindFalseAlarm:     "safe posts flagged",
	KindVectorMissed:   "valid identifier vectors not found",
	KindVectorAccepted: "invalid identifier vectors found",
}

// ErrorItem is one error, for debugging.
type ErrorItem struct {
	// RecordID names the record; Kind is one of the Kind constants.
	RecordID string `json:"record_id"`
	Kind     string `json:"kind"`
	// Start and End locate the span in the record's text (0, 0 for post errors).
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Type is the gold category (false negatives, vectors), the predicted
	// type (false positives), or the gold label (post errors).
	Type string `json:"type"`
	// Detail says what overlapped: the predictions near a missed span, the
	// gold spans under a false positive.
	Detail string `json:"detail"`
	// Snippet is the span in context, marked [[ ]], on one line.
	Snippet string `json:"snippet"`
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return round4(float64(a) / float64(b))
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return round4(2 * p * r / (p + r))
}

func makeScore(label string, types []result.Type, c counts) Score {
	s := Score{Label: label, Types: types, Support: c.tp + c.fn, Predicted: c.tp + c.fp,
		TP: c.tp, FP: c.fp, FN: c.fn, Fragments: c.frag, Ignored: c.ign}
	// F1 from unrounded precision and recall.
	var p, r float64
	if s.Predicted > 0 {
		p = float64(c.tp) / float64(s.Predicted)
	}
	if s.Support > 0 {
		r = float64(c.tp) / float64(s.Support)
	}
	s.Precision, s.Recall, s.F1 = round4(p), round4(r), f1(p, r)
	return s
}

func (s *scorer) spanScores(mode int) SpanScores {
	var out SpanScores
	var total counts
	var f1s []float64
	for i, r := range s.c.rows {
		c := s.rows[mode][i]
		sc := makeScore(r.name, r.types, c)
		out.Labels = append(out.Labels, sc)
		total.add(c)
		if sc.Support > 0 {
			f1s = append(f1s, sc.F1)
		}
	}
	out.Strict = makeScore("all", nil, total)
	if len(f1s) > 0 {
		var sum float64
		for _, f := range f1s {
			sum += f
		}
		out.MacroF1 = round4(sum / float64(len(f1s)))
	}
	if s.c.hasNames {
		n := makeScore("NAME", []result.Type{result.NamePatient, result.NameRelative, result.NameStaff, result.NameOther}, s.names[mode])
		out.Names = &n
	}
	out.Entity = makeScore("entity", nil, s.entity[mode])
	return out
}

func (s *scorer) report() *Report {
	r := &Report{
		Corpus:            s.opts.Corpus,
		Scheme:            s.c.Scheme,
		ScoredTypes:       nonNil(s.c.Types()),
		UnannotatedTypes:  nonNil(s.c.Unannotated()),
		Match:             s.opts.Match,
		Records:           s.records,
		Skipped:           s.skipped,
		GoldSpans:         s.gold,
		UnscoredGoldSpans: s.unscoredGold,
		Predictions:       s.preds,
		OutsideScheme:     s.outside,
		Overlap:           s.spanScores(modeOverlap),
		Exact:             s.spanScores(modeExact),
		Categories:        []CategoryRecall{},
		Errors:            s.errs,
	}
	for _, cat := range s.catOrder {
		cc := s.cats[cat]
		cr := CategoryRecall{Category: cat, Scored: cc.row >= 0, Support: cc.support,
			OverlapFound: cc.found[modeOverlap][levelStrict], OverlapAnyFound: cc.found[modeOverlap][levelAny],
			ExactFound: cc.found[modeExact][levelStrict], ExactAnyFound: cc.found[modeExact][levelAny]}
		if cr.Scored {
			cr.Label = s.c.rows[cc.row].name
		}
		cr.OverlapRecall = ratio(cr.OverlapFound, cr.Support)
		cr.OverlapAnyRecall = ratio(cr.OverlapAnyFound, cr.Support)
		cr.ExactRecall = ratio(cr.ExactFound, cr.Support)
		cr.ExactAnyRecall = ratio(cr.ExactAnyFound, cr.Support)
		r.Categories = append(r.Categories, cr)
	}
	if ps := s.posts; ps.labelled > 0 || ps.withVerdict > 0 {
		p := &PostScores{FlagRule: s.opts.FlagRule, Labelled: ps.labelled, Risky: ps.risky, Safe: ps.safe,
			RiskyFlagged: ps.riskyFlagged, SafeFlagged: ps.safeFlagged,
			RiskyRecall:    ratio(ps.riskyFlagged, ps.risky),
			FalseAlarmRate: ratio(ps.safeFlagged, ps.safe),
			FlagPrecision:  ratio(ps.riskyFlagged, ps.riskyFlagged+ps.safeFlagged),
			WithVerdict:    ps.withVerdict, VerdictAgree: ps.agree,
			VerdictAgreement: ratio(ps.agree, ps.withVerdict),
			VerdictConfusion: []VerdictCount{}, Categories: []PostCategory{}}
		for _, k := range sortedKeys(ps.confusion, func(a, b [2]string) int {
			if c := verdictRank(a[0]) - verdictRank(b[0]); c != 0 {
				return c
			}
			if c := verdictRank(a[1]) - verdictRank(b[1]); c != 0 {
				return c
			}
			return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1])
		}) {
			p.VerdictConfusion = append(p.VerdictConfusion, VerdictCount{Gold: k[0], Predicted: k[1], Count: ps.confusion[k]})
		}
		cats := map[string]bool{}
		for c := range ps.catGold {
			cats[c] = true
		}
		for c := range ps.catPred {
			cats[c] = true
		}
		for _, c := range sortedKeys(cats, strings.Compare) {
			pc := PostCategory{Category: c, Support: ps.catGold[c], Predicted: ps.catPred[c], TP: ps.catTP[c]}
			var pr, rc float64
			if pc.Predicted > 0 {
				pr = float64(pc.TP) / float64(pc.Predicted)
			}
			if pc.Support > 0 {
				rc = float64(pc.TP) / float64(pc.Support)
			}
			pc.Precision, pc.Recall, pc.F1 = round4(pr), round4(rc), f1(pr, rc)
			p.Categories = append(p.Categories, pc)
		}
		r.Posts = p
	}
	if len(s.vecOrder) > 0 {
		v := &VectorScores{Match: s.opts.Match}
		var tot vecCounts
		for _, t := range s.vecOrder {
			vc := s.vecs[t]
			v.Types = append(v.Types, vectorScore(t, *vc))
			tot.valid += vc.valid
			tot.found += vc.found
			tot.invalid += vc.invalid
			tot.rejected += vc.rejected
			tot.skipped += vc.skipped
		}
		v.Total = vectorScore("all", tot)
		r.Vectors = v
	}
	return r
}

func vectorScore(t string, vc vecCounts) VectorScore {
	return VectorScore{Type: t, Mapped: vc.mapped, Valid: vc.valid, Found: vc.found, Invalid: vc.invalid,
		Rejected: vc.rejected, Skipped: vc.skipped, Correct: vc.found + vc.rejected,
		Accuracy:         ratio(vc.found+vc.rejected, vc.valid+vc.invalid),
		ValidRecall:      ratio(vc.found, vc.valid),
		InvalidRejection: ratio(vc.rejected, vc.invalid)}
}

func verdictRank(v string) int {
	switch v {
	case "safe":
		return 0
	case "review":
		return 1
	case "block":
		return 2
	}
	return 3
}

func sortedKeys[K comparable, V any](m map[K]V, cmp func(a, b K) int) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, cmp)
	return keys
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// WriteJSON writes the report as one indented JSON object.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// table is a text table: left-aligned text columns, right-aligned numbers.
type table struct {
	head  []string
	right []bool
	rows  [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(b *strings.Builder, indent string) {
	width := make([]int, len(t.head))
	for _, r := range append([][]string{t.head}, t.rows...) {
		for i, c := range r {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	line := func(r []string) {
		var l strings.Builder
		l.WriteString(indent)
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				l.WriteString("  ")
			}
			if t.right[i] {
				l.WriteString(pad + c)
			} else {
				l.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(l.String(), " ") + "\n")
	}
	line(t.head)
	for _, r := range t.rows {
		line(r)
	}
}

// num formats a ratio, or "-" when its denominator is 0.
func num(x float64, den int) string {
	if den == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f", x)
}

func itoa(n int) string { return fmt.Sprint(n) }

func typeList(ts []result.Type) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

func scoreRow(t *table, name string, s Score) {
	t.add(name, itoa(s.Support), itoa(s.Predicted), itoa(s.TP), itoa(s.FP), itoa(s.FN), itoa(s.Fragments), itoa(s.Ignored),
		num(s.Precision, s.Predicted), num(s.Recall, s.Support), num(s.F1, s.Predicted+s.Support))
}

func (r *Report) writeSpans(b *strings.Builder, mode string, ss SpanScores) {
	primary := ""
	if mode == r.Match {
		primary = " (primary)"
	}
	fmt.Fprintf(b, "Spans, %s matching%s\n", mode, primary)
	t := &table{head: []string{"label", "support", "pred", "tp", "fp", "fn", "frag", "ign", "precision", "recall", "f1"},
		right: []bool{false, true, true, true, true, true, true, true, true, true, true}}
	for _, s := range ss.Labels {
		if s.Support+s.Predicted+s.Fragments+s.Ignored == 0 {
			continue
		}
		scoreRow(t, s.Label, s)
	}
	scoreRow(t, "all, type-strict (micro)", ss.Strict)
	if ss.Names != nil {
		scoreRow(t, "NAME family", *ss.Names)
	}
	scoreRow(t, "entity, any type", ss.Entity)
	t.write(b, "  ")
	fmt.Fprintf(b, "  macro F1 over labels with support: %.3f\n\n", ss.MacroF1)
}

// WriteText writes the report as aligned text tables: what is scored, span
// figures per label and overall under overlap and exact matching, recall per
// corpus category, post-level figures and vector decisions.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	corpus := r.Corpus
	if corpus == "" {
		corpus = "(unnamed)"
	}
	fmt.Fprintf(&b, "Corpus %s, scheme %s\n", corpus, r.Scheme.Name)
	fmt.Fprintf(&b, "  records %d (skipped %d); gold spans %d scored, %d unscored; predictions %d (%d of types not annotated here)\n",
		r.Records, r.Skipped, r.GoldSpans, r.UnscoredGoldSpans, r.Predictions, r.OutsideScheme)
	fmt.Fprintf(&b, "  scored types: %s\n", typeList(r.ScoredTypes))
	if len(r.UnannotatedTypes) > 0 {
		fmt.Fprintf(&b, "  not annotated by this corpus, predictions not scored: %s\n", typeList(r.UnannotatedTypes))
	}
	if len(r.Scheme.Partial) > 0 {
		fmt.Fprintf(&b, "  partially annotated, unmatched predictions ignored: %s\n", typeList(r.Scheme.Partial))
	}
	for _, e := range r.Scheme.Exclusions {
		fmt.Fprintf(&b, "  %s predictions ignored when unmatched: %s\n", e.Type, e.Reason)
	}
	if len(r.Scheme.Unscored) > 0 {
		fmt.Fprintf(&b, "  corpus categories not scored: %s\n", strings.Join(r.Scheme.Unscored, ", "))
	}
	for _, n := range r.Scheme.Notes {
		fmt.Fprintf(&b, "  note: %s\n", n)
	}
	b.WriteString("  frag: extra predictions inside a gold span already matched; ign: unmatched predictions the corpus does not judge\n\n")

	if r.Match == MatchExact {
		r.writeSpans(&b, MatchExact, r.Exact)
		r.writeSpans(&b, MatchOverlap, r.Overlap)
	} else {
		r.writeSpans(&b, MatchOverlap, r.Overlap)
		r.writeSpans(&b, MatchExact, r.Exact)
	}

	b.WriteString("Recall by corpus category\n")
	t := &table{head: []string{"category", "label", "support", "overlap", "overlap any type", "exact", "exact any type"},
		right: []bool{false, false, true, true, true, true, true}}
	for _, c := range r.Categories {
		if c.Support == 0 {
			continue
		}
		if !c.Scored {
			t.add(c.Category, "(unscored)", itoa(c.Support), "-", "-", "-", "-")
			continue
		}
		t.add(c.Category, c.Label, itoa(c.Support), num(c.OverlapRecall, c.Support), num(c.OverlapAnyRecall, c.Support),
			num(c.ExactRecall, c.Support), num(c.ExactAnyRecall, c.Support))
	}
	t.write(&b, "  ")
	b.WriteString("\n")

	if p := r.Posts; p != nil {
		fmt.Fprintf(&b, "Posts (a prediction flags a post when %s)\n", p.FlagRule)
		t := &table{head: []string{"figure", "value", "count"}, right: []bool{false, true, true}}
		t.add("risky-post recall", num(p.RiskyRecall, p.Risky), fmt.Sprintf("%d/%d", p.RiskyFlagged, p.Risky))
		t.add("false-alarm rate (safe posts)", num(p.FalseAlarmRate, p.Safe), fmt.Sprintf("%d/%d", p.SafeFlagged, p.Safe))
		t.add("flag precision", num(p.FlagPrecision, p.RiskyFlagged+p.SafeFlagged), fmt.Sprintf("%d/%d", p.RiskyFlagged, p.RiskyFlagged+p.SafeFlagged))
		t.add("verdict agreement", num(p.VerdictAgreement, p.WithVerdict), fmt.Sprintf("%d/%d", p.VerdictAgree, p.WithVerdict))
		t.write(&b, "  ")
		if len(p.VerdictConfusion) > 0 {
			b.WriteString("  verdicts, gold (rows) by predicted (columns)\n")
			var golds, preds []string
			cell := map[[2]string]int{}
			for _, v := range p.VerdictConfusion {
				if !slices.Contains(golds, v.Gold) {
					golds = append(golds, v.Gold)
				}
				if !slices.Contains(preds, v.Predicted) {
					preds = append(preds, v.Predicted)
				}
				cell[[2]string{v.Gold, v.Predicted}] = v.Count
			}
			order := func(a, b string) int { return verdictRank(a) - verdictRank(b) }
			slices.SortStableFunc(preds, order)
			ct := &table{head: []string{"gold"}, right: []bool{false}}
			for _, pv := range preds {
				if pv == "" {
					pv = "(none)"
				}
				ct.head = append(ct.head, pv)
				ct.right = append(ct.right, true)
			}
			for _, g := range golds {
				row := []string{g}
				for _, pv := range preds {
					row = append(row, itoa(cell[[2]string{g, pv}]))
				}
				ct.add(row...)
			}
			ct.write(&b, "    ")
		}
		if len(p.Categories) > 0 {
			b.WriteString("  risk categories (labelled posts)\n")
			ct := &table{head: []string{"category", "support", "pred", "tp", "precision", "recall", "f1"},
				right: []bool{false, true, true, true, true, true, true}}
			for _, c := range p.Categories {
				ct.add(c.Category, itoa(c.Support), itoa(c.Predicted), itoa(c.TP), num(c.Precision, c.Predicted),
					num(c.Recall, c.Support), num(c.F1, c.Predicted+c.Support))
			}
			ct.write(&b, "    ")
		}
		b.WriteString("\n")
	}

	if v := r.Vectors; v != nil {
		fmt.Fprintf(&b, "Identifier vectors (valid: found with its type; invalid: not found; %s matching)\n", v.Match)
		t := &table{head: []string{"vector type", "type", "valid", "found", "invalid", "rejected", "skipped", "accuracy", "valid recall", "invalid rejection"},
			right: []bool{false, false, true, true, true, true, true, true, true, true}}
		row := func(s VectorScore) {
			t.add(s.Type, string(s.Mapped), itoa(s.Valid), itoa(s.Found), itoa(s.Invalid), itoa(s.Rejected), itoa(s.Skipped),
				num(s.Accuracy, s.Valid+s.Invalid), num(s.ValidRecall, s.Valid), num(s.InvalidRejection, s.Invalid))
		}
		for _, s := range v.Types {
			row(s)
		}
		row(v.Total)
		t.write(&b, "  ")
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteErrors writes the errors for debugging, grouped by kind (missed gold
// spans, false positives, missed risky posts, false alarms, vector errors),
// at most limit of each kind (limit <= 0: all), each with its record, offsets,
// text, type, what overlapped it, and the text around it.
func (r *Report) WriteErrors(w io.Writer, limit int) error {
	var b strings.Builder
	by := map[string][]ErrorItem{}
	for _, e := range r.Errors {
		by[e.Kind] = append(by[e.Kind], e)
	}
	if len(r.Errors) == 0 {
		b.WriteString("no errors\n")
	}
	for _, k := range kindOrder {
		items := by[k]
		if len(items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "== %s: %d (%s matching) ==\n", kindTitles[k], len(items), r.Match)
		n := len(items)
		if limit > 0 {
			n = min(n, limit)
		}
		for _, e := range items[:n] {
			if e.Kind == KindMissedPost || e.Kind == KindFalseAlarm {
				fmt.Fprintf(&b, "%s  %s\n    %s\n", e.RecordID, e.Detail, e.Snippet)
				continue
			}
			fmt.Fprintf(&b, "%s  [%d,%d)  %s  %q  %s\n    %s\n", e.RecordID, e.Start, e.End, e.Type, e.Text, e.Detail, e.Snippet)
		}
		if n < len(items) {
			fmt.Fprintf(&b, "… %d more\n", len(items)-n)
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
