package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"iter"
	"sort"
	"strconv"
	"strings"
)

// DeidOptions tune ReadDeid.
type DeidOptions struct {
	// KeepSplit keeps the gold spans exactly as the corpus lists them. By
	// default, spans of the same category that overlap, touch or are
	// separated only by spaces (or by ". " after an initial) are joined
	// ("Mary" + "Jones" → "Mary Jones", "JON A" + "SMITH" → "JON A. SMITH"),
	// and white space at the edges of a span is trimmed, because the corpus
	// labels multi-word PHI word by word while our entities are whole phrases.
	KeepSplit bool
}

const (
	deidStart = "START_OF_RECORD="
	deidEnd   = "||||END_OF_RECORD"
)

// deidPhrase is one line of id-phi.phrase.
type deidPhrase struct {
	line       int
	start, end int
	category   string
	phrase     string
}

// ReadDeid streams the notes of the PhysioNet deid gold standard. text is
// id.text (records "START_OF_RECORD=<patient>||||<note>||||\n<body>||||END_OF_RECORD");
// phrases is id-phi.phrase (lines "<patient> <note> <start> <end> <Category> <phrase>",
// offsets 0-based, end-exclusive, into the body). The gold file is read whole
// when iteration starts; the notes are streamed. Every gold phrase is checked
// against the body at its offsets, and gold for a note that does not occur is
// an error at the end of the stream. Record IDs are "<patient>-<note>".
func ReadDeid(text, phrases io.Reader, opts DeidOptions) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		gold, err := readDeidPhrases(phrases)
		if err != nil {
			yield(Record{}, err)
			return
		}
		scheme := DeidScheme()
		br := bufio.NewReader(text)
		var (
			body     strings.Builder
			inRecord bool
			key      string
			startAt  int
		)
		for n := 1; ; n++ {
			line, err := br.ReadString('\n')
			if err != nil && !errors.Is(err, io.EOF) {
				yield(Record{}, fmt.Errorf("deid text line %d: %w", n, err))
				return
			}
			if line == "" && err != nil {
				break
			}
			if !inRecord {
				head := strings.TrimRight(line, "\r\n")
				if strings.TrimSpace(head) == "" {
					continue
				}
				k, ok := parseDeidHeader(head)
				if !ok {
					yield(Record{}, fmt.Errorf("deid text line %d: want %q<patient>||||<note>||||, got %.60q", n, deidStart, head))
					return
				}
				key, inRecord, startAt = k, true, n
				body.Reset()
			} else if i := strings.Index(line, deidEnd); i >= 0 {
				body.WriteString(line[:i])
				inRecord = false
				rec, gerr := deidRecord(key, body.String(), gold[key], scheme, opts)
				delete(gold, key)
				if !yield(rec, gerr) || gerr != nil {
					return
				}
			} else {
				body.WriteString(line)
			}
			if err != nil {
				break
			}
		}
		if inRecord {
			yield(Record{}, fmt.Errorf("deid text line %d: note %s has no %s", startAt, key, deidEnd))
			return
		}
		if len(gold) > 0 {
			var keys []string
			for k := range gold {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			yield(Record{}, fmt.Errorf("deid phrase line %d: gold for note %s, which is not in the text", gold[keys[0]][0].line, keys[0]))
		}
	}
}

// parseDeidHeader parses "START_OF_RECORD=<patient>||||<note>||||" to "<patient>-<note>".
func parseDeidHeader(head string) (string, bool) {
	rest, ok := strings.CutPrefix(head, deidStart)
	if !ok {
		return "", false
	}
	parts := strings.Split(rest, "||||")
	if len(parts) != 3 || parts[2] != "" || parts[0] == "" || parts[1] == "" {
		return "", false
	}
	return parts[0] + "-" + parts[1], true
}

func readDeidPhrases(r io.Reader) (map[string][]deidPhrase, error) {
	gold := map[string][]deidPhrase{}
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("deid phrase line %d: %w", n, err)
		}
		l := strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(l) != "" {
			f := strings.SplitN(l, " ", 6)
			if len(f) < 6 {
				return nil, fmt.Errorf("deid phrase line %d: want <patient> <note> <start> <end> <category> <phrase>, got %.60q", n, l)
			}
			start, err1 := strconv.Atoi(f[2])
			end, err2 := strconv.Atoi(f[3])
			if err1 != nil || err2 != nil || start < 0 || end <= start {
				return nil, fmt.Errorf("deid phrase line %d: bad offsets %q %q", n, f[2], f[3])
			}
			k := f[0] + "-" + f[1]
			gold[k] = append(gold[k], deidPhrase{line: n, start: start, end: end, category: f[4], phrase: f[5]})
		}
		if err != nil {
			return gold, nil
		}
	}
}

func deidRecord(key, body string, phrases []deidPhrase, scheme Scheme, opts DeidOptions) (Record, error) {
	rec := Record{ID: key, Text: body}
	for _, p := range phrases {
		if p.end > len(body) {
			return Record{}, fmt.Errorf("deid phrase line %d: note %s: offsets [%d,%d) beyond its %d bytes", p.line, key, p.start, p.end, len(body))
		}
		if got := body[p.start:p.end]; got != p.phrase {
			return Record{}, fmt.Errorf("deid phrase line %d: note %s: phrase %q but the text at [%d,%d) is %q", p.line, key, p.phrase, p.start, p.end, got)
		}
		rec.Spans = append(rec.Spans, Gold{Start: p.start, End: p.end, Text: p.phrase, Type: p.category, Mapped: scheme.Map(p.category)})
	}
	sortGold(rec.Spans)
	if !opts.KeepSplit {
		rec.Spans = joinGold(body, rec.Spans)
	}
	return rec, nil
}

// joinGold trims white space off the edges of spans and joins spans of the
// same category that overlap, touch or are separated only by spaces. g must
// be sorted by start.
func joinGold(text string, g []Gold) []Gold {
	var out []Gold
	for _, s := range g {
		for s.Start < s.End && isSpace(text[s.Start]) {
			s.Start++
		}
		for s.End > s.Start && isSpace(text[s.End-1]) {
			s.End--
		}
		if s.Start == s.End {
			continue
		}
		if n := len(out); n > 0 && joinable(text, out[n-1], s) {
			out[n-1].End = max(out[n-1].End, s.End)
			out[n-1].Text = text[out[n-1].Start:out[n-1].End]
			continue
		}
		s.Text = text[s.Start:s.End]
		out = append(out, s)
	}
	return out
}

// joinable reports whether b continues a: same category, and overlapping,
// touching, separated by spaces only, or by ". " after an initial
// ("DAN A" + "SMITH" in "DAN A. SMITH").
func joinable(text string, a, b Gold) bool {
	if a.Type != b.Type {
		return false
	}
	if b.Start <= a.End {
		return true
	}
	gap := strings.Trim(text[a.End:b.Start], " ")
	if gap == "" {
		return true
	}
	return gap == "." && len(a.Text) > 0 && isInitial(a.Text)
}

// isInitial reports whether the last word of s is a single ASCII letter.
func isInitial(s string) bool {
	n := len(s)
	c := s[n-1]
	if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
		return false
	}
	return n == 1 || s[n-2] == ' '
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
