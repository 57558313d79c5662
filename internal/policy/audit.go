package policy

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/document"
)

// Status is how far a policy covers a point.
type Status string

// The statuses, best first.
const (
	// Covered: every evidence group was found (or a sufficient one).
	Covered Status = "covered"
	// Partly: some groups were found.
	Partly Status = "partly"
	// Missing: too few groups were found.
	Missing Status = "missing"
)

// Options tune an audit.
type Options struct {
	// Packs are the regulator sets whose citations are shown, in this
	// order; empty shows every citation.
	Packs []string
	// MaxEvidence is the most sentences shown per evidence group (default 2).
	MaxEvidence int
}

// Report is the result of auditing one document.
type Report struct {
	// Document is the file audited.
	Document string `json:"document"`
	// Format is how it was read.
	Format string `json:"format"`
	// Pages is its page count, 0 when the format has no pages.
	Pages int `json:"pages,omitempty"`
	// Paragraphs is the number of paragraphs read, headings included.
	Paragraphs int `json:"paragraphs"`
	// Sentences is the number of sentences matched.
	Sentences int `json:"sentences"`
	// Checklist names the checklist.
	Checklist string `json:"checklist"`
	// Version is the checklist's version.
	Version int `json:"checklist_version"`
	// Packs are the regulator sets chosen (empty: all).
	Packs []string `json:"packs"`
	// Summary counts the points by status.
	Summary Summary `json:"summary"`
	// Points are the results, in checklist order.
	Points []PointResult `json:"points"`
}

// Summary counts points by status.
type Summary struct {
	// Covered counts points covered.
	Covered int `json:"covered"`
	// Partly counts points partly covered.
	Partly int `json:"partly"`
	// Missing counts points missing.
	Missing int `json:"missing"`
}

// PointResult is the audit of one checklist point.
type PointResult struct {
	// ID is the point's id in the checklist.
	ID string `json:"id"`
	// Title is the point's short name.
	Title string `json:"title"`
	// Status is covered, partly or missing.
	Status Status `json:"status"`
	// MustSay is what the policy should say.
	MustSay string `json:"must_say"`
	// Confidence (0–1) is how sure the status is: high when the evidence
	// sits in single sentences, or when nothing near the point was found.
	Confidence float64 `json:"confidence"`
	// Groups says which pieces of evidence were found.
	Groups []GroupResult `json:"groups"`
	// Evidence are the sentences that cover the point.
	Evidence []Evidence `json:"evidence"`
	// Rejected are sentences that had the point's words but were not
	// counted: a negation ("we do not have a policy on…") or a decoy.
	Rejected []Evidence `json:"rejected,omitempty"`
	// Suggested is wording to add, when the point is not covered.
	Suggested string `json:"suggested,omitempty"`
	// Citations are the guidance behind the point, the chosen packs' first.
	Citations []CitationOut `json:"citations"`
	// CitationsFallback is true when no citation belongs to the chosen packs
	// and the general ones are shown instead.
	CitationsFallback bool `json:"citations_fallback,omitempty"`
}

// GroupResult is one evidence group of a point.
type GroupResult struct {
	// ID names the group within its point.
	ID string `json:"id"`
	// Says is what the group shows.
	Says string `json:"says"`
	// Found is true when a sentence (or window) holds the group.
	Found bool `json:"found"`
	// Sufficient groups cover the point on their own (an alternative).
	Sufficient bool `json:"sufficient,omitempty"`
}

// Evidence is a sentence and where it is.
type Evidence struct {
	// Group is the evidence group it supports.
	Group string `json:"group"`
	// Text is the sentence (with the next one when the window was needed).
	Text string `json:"text"`
	// Page is 1-based, 0 when the format has no pages.
	Page int `json:"page,omitempty"`
	// Paragraph is the paragraph's number in the document.
	Paragraph int `json:"paragraph"`
	// Headings is the heading path above it.
	Headings []string `json:"headings,omitempty"`
	// Score is 1 when the whole group is in the sentence, less when its
	// neighbours or headings were needed.
	Score float64 `json:"score"`
	// Reason says why a rejected sentence did not count.
	Reason string `json:"reason,omitempty"`
}

// CitationOut is a citation as reports show it.
type CitationOut struct {
	// ID is the citation's id in the checklist.
	ID string `json:"id"`
	// Document names the guidance.
	Document string `json:"document"`
	// Year of the edition cited.
	Year int `json:"year,omitempty"`
	// Paragraph is the paragraph, item or section.
	Paragraph string `json:"paragraph,omitempty"`
	// URL is where to read it.
	URL string `json:"url,omitempty"`
	// Unverified is true when the paragraph still has to be checked.
	Unverified bool `json:"unverified,omitempty"`
	// Packs are the regulator sets the citation belongs to.
	Packs []string `json:"packs,omitempty"`
}

// sentence is one sentence of the document with what the matcher found.
type sentence struct {
	text string
	para int // index into doc.Paragraphs
	h    hits
	prev int // the previous sentence of the same paragraph, or -1
	next int // the following sentence of the same paragraph, or -1
	lead int // the lead-in sentence ending in ':' of a list, or -1
	head bitset
}

// Scores of a group found in one sentence, with a neighbour, with headings.
const (
	scoreSentence = 1.0
	scoreWindow   = 0.85
	scoreHeading  = 0.8
)

// maxSentenceWords splits run-on text (a PDF paragraph without
// punctuation) so that a window stays short.
const maxSentenceWords = 80

// Audit checks a document against the checklist.
func Audit(doc *document.Document, c *Checklist, opt Options) *Report {
	if opt.MaxEvidence <= 0 {
		opt.MaxEvidence = 2
	}
	nc := len(c.concepts)
	sents := splitDocument(doc, c, nc)
	r := &Report{Document: doc.Name, Format: string(doc.Format), Pages: doc.Pages, Paragraphs: len(doc.Paragraphs),
		Sentences: len(sents), Checklist: c.Title, Version: c.Version, Packs: append([]string{}, opt.Packs...)}
	for pi := range c.Points {
		pr := auditPoint(doc, c, pi, sents, opt)
		switch pr.Status {
		case Covered:
			r.Summary.Covered++
		case Partly:
			r.Summary.Partly++
		default:
			r.Summary.Missing++
		}
		r.Points = append(r.Points, pr)
	}
	return r
}

// splitDocument splits paragraphs into sentences and runs the matcher.
func splitDocument(doc *document.Document, c *Checklist, nc int) []sentence {
	var sents []sentence
	headCache := map[string]bitset{}
	// The document's title (a heading as its first paragraph) says what the
	// whole document is about, so it is no context for a sentence.
	title := ""
	if len(doc.Paragraphs) > 0 && doc.Paragraphs[0].Level > 0 {
		title = doc.Paragraphs[0].Text
	}
	headingBits := func(hs []string) bitset {
		b := newBitset(nc)
		for i, h := range hs {
			if i == 0 && h == title {
				continue
			}
			hb, ok := headCache[h]
			if !ok {
				hb = c.m.match(tokenize(h), nc).concepts
				headCache[h] = hb
			}
			b = b.or(hb)
		}
		return b
	}
	lead, leadRun := -1, 0
	for pi, p := range doc.Paragraphs {
		if p.Level > 0 {
			lead = -1
		}
		hb := headingBits(p.Headings)
		parts := splitSentences(p.Text)
		first := len(sents)
		for k, s := range parts {
			toks := tokenize(s)
			prev, next := -1, -1
			if k > 0 {
				prev = len(sents) - 1
			}
			if k+1 < len(parts) {
				next = len(sents) + 1
			}
			sents = append(sents, sentence{text: s, para: pi, h: c.m.match(toks, nc), prev: prev, next: next, lead: lead, head: hb})
		}
		if p.Level > 0 || len(parts) == 0 {
			continue
		}
		if strings.HasSuffix(p.Text, ":") {
			lead, leadRun = len(sents)-1, 0
			// The lead-in's own sentences do not lead themselves.
			for i := first; i < len(sents); i++ {
				if i != lead {
					sents[i].lead = -1
				}
			}
			sents[lead].lead = -1
		} else if lead >= 0 {
			leadRun++
			if leadRun > 12 {
				lead = -1
			}
		}
	}
	return sents
}

// auditPoint decides one point.
func auditPoint(doc *document.Document, c *Checklist, pi int, sents []sentence, opt Options) PointResult {
	p := &c.Points[pi]
	pr := PointResult{ID: p.ID, Title: p.Title, MustSay: p.MustSay, Evidence: []Evidence{}}
	excluded := func(s *sentence) (bool, string) {
		if s.h.negated {
			return true, "negation: says the point is not covered"
		}
		if slices.Contains(s.h.decoys, pi) {
			return true, "decoy: mentions the words without the point"
		}
		return false, ""
	}
	met, required, sufficient := 0, 0, false
	var confSum float64
	rejectedSeen := map[int]bool{}
	for _, g := range p.Evidence {
		type cand struct {
			idx   int
			score float64
			text  string
		}
		var found []cand
		near := 0.0
		need := len(g.all)
		if len(g.any) > 0 {
			need++
		}
		for si := range sents {
			s := &sents[si]
			own := countGroup(g, s.h.concepts)
			if own == 0 {
				continue
			}
			if frac := float64(own) / float64(need); frac > near {
				near = frac
			}
			if bad, why := excluded(s); bad {
				if own == need && !rejectedSeen[si] && len(pr.Rejected) < 3 {
					rejectedSeen[si] = true
					pr.Rejected = append(pr.Rejected, evidenceAt(doc, s, g.ID, s.text, 0, why))
				}
				continue
			}
			if own == need {
				found = append(found, cand{si, scoreSentence, s.text})
				continue
			}
			// The window: the next sentence of the paragraph and the
			// lead-in of a list, when they are not excluded themselves.
			win := s.h.concepts
			text := s.text
			if s.prev >= 0 {
				if bad, _ := excluded(&sents[s.prev]); !bad {
					win = win.or(sents[s.prev].h.concepts)
					if countGroup(g, win) > own {
						text = sents[s.prev].text + " " + text
					}
				}
			}
			if s.next >= 0 {
				if bad, _ := excluded(&sents[s.next]); !bad {
					before := countGroup(g, win)
					win = win.or(sents[s.next].h.concepts)
					if countGroup(g, win) > before {
						text = text + " " + sents[s.next].text
					}
				}
			}
			if s.lead >= 0 {
				if bad, _ := excluded(&sents[s.lead]); !bad {
					before := countGroup(g, win)
					win = win.or(sents[s.lead].h.concepts)
					if countGroup(g, win) > before {
						text = sents[s.lead].text + " … " + text
					}
				}
			}
			if countGroup(g, win) == need {
				found = append(found, cand{si, scoreWindow, text})
				continue
			}
			if countGroup(g, win.or(s.head)) == need {
				found = append(found, cand{si, scoreHeading, text})
			}
		}
		gr := GroupResult{ID: g.ID, Says: g.Says, Found: len(found) > 0, Sufficient: g.Sufficient}
		pr.Groups = append(pr.Groups, gr)
		if !g.Sufficient {
			required++
		}
		if !gr.Found {
			if !g.Sufficient {
				confSum += 1 - 0.6*near
			}
			continue
		}
		if g.Sufficient {
			sufficient = true
		} else {
			met++
			confSum += found[0].score
		}
		slices.SortStableFunc(found, func(a, b cand) int {
			switch {
			case a.score > b.score:
				return -1
			case a.score < b.score:
				return 1
			}
			return a.idx - b.idx
		})
		shown := map[string]bool{}
		for _, f := range found {
			if len(shown) >= opt.MaxEvidence {
				break
			}
			if shown[f.text] {
				continue
			}
			shown[f.text] = true
			pr.Evidence = append(pr.Evidence, evidenceAt(doc, &sents[f.idx], g.ID, f.text, f.score, ""))
		}
	}
	switch {
	case met == required || sufficient:
		pr.Status = Covered
	case met >= p.Partly:
		pr.Status = Partly
	default:
		pr.Status = Missing
	}
	if sufficient && met < required {
		confSum, required = scoreWindow, 1
	}
	pr.Confidence = math.Round(confSum/float64(required)*100) / 100
	if pr.Status != Covered {
		pr.Suggested = strings.Join(strings.Fields(p.Suggest), " ")
	}
	pr.Citations, pr.CitationsFallback = citations(c, p, opt.Packs)
	return pr
}

// countGroup counts how many of a group's conditions hold in b: each
// concept of all, and one for any when one of its concepts is there.
func countGroup(g Group, b bitset) int {
	n := 0
	for _, i := range g.all {
		if b.has(i) {
			n++
		}
	}
	for _, i := range g.any {
		if b.has(i) {
			n++
			break
		}
	}
	return n
}

func evidenceAt(doc *document.Document, s *sentence, group, text string, score float64, reason string) Evidence {
	p := doc.Paragraphs[s.para]
	return Evidence{Group: group, Text: clip(text, 600), Page: p.Page, Paragraph: p.Index, Headings: p.Headings,
		Score: math.Round(score*100) / 100, Reason: reason}
}

// citations returns a point's citations: with packs chosen, those of the
// chosen packs in pack order, then core ones; when none of the chosen
// packs has one, all of them (fallback).
func citations(c *Checklist, p *Point, packs []string) ([]CitationOut, bool) {
	out := func(id string) CitationOut {
		ct := c.Citations[id]
		return CitationOut{ID: id, Document: ct.Document, Year: ct.Year, Paragraph: ct.Paragraph, URL: ct.URL,
			Unverified: ct.Unverified(), Packs: ct.Packs}
	}
	var all []CitationOut
	for _, id := range p.Cite {
		all = append(all, out(id))
	}
	if len(packs) == 0 {
		return all, false
	}
	var chosen []CitationOut
	added := map[string]bool{}
	for _, pk := range packs {
		for _, co := range all {
			if !added[co.ID] && slices.Contains(co.Packs, pk) {
				chosen = append(chosen, co)
				added[co.ID] = true
			}
		}
	}
	hasPack := len(chosen) > 0
	for _, co := range all {
		if !added[co.ID] && slices.Contains(co.Packs, "core") {
			chosen = append(chosen, co)
			added[co.ID] = true
		}
	}
	if !hasPack {
		return all, true
	}
	return chosen, false
}

// abbreviations end in a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"e.g.": true, "i.e.": true, "etc.": true, "dr.": true, "mr.": true, "mrs.": true, "ms.": true,
	"no.": true, "vs.": true, "st.": true, "para.": true, "cf.": true, "approx.": true, "incl.": true,
	"fig.": true, "ref.": true, "s.": true, "art.": true, "p.": true, "pp.": true, "nb.": true,
}

// splitSentences splits a paragraph at ., ! or ? followed by a space and
// a capital, digit or quote (not after a known abbreviation), and cuts
// run-on sentences at maxSentenceWords words.
func splitSentences(text string) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		words := strings.Fields(s)
		for len(words) > maxSentenceWords {
			out = append(out, strings.Join(words[:maxSentenceWords], " "))
			words = words[maxSentenceWords:]
		}
		out = append(out, strings.Join(words, " "))
	}
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')') {
			j++
		}
		if j >= len(text) || text[j] != ' ' {
			continue
		}
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k >= len(text) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '"' && r != '\u201c' && r != '(' {
			continue
		}
		if c == '.' {
			w := text[start : i+1]
			if sp := strings.LastIndexByte(w, ' '); sp >= 0 {
				w = w[sp+1:]
			}
			if abbreviations[strings.ToLower(w)] {
				continue
			}
		}
		add(text[start:j])
		start = k
		i = k - 1
	}
	add(text[start:])
	return out
}

// clip shortens s to at most n bytes at a word boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + " …"
}
