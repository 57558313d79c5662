package phrase

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/text"
)

// Word is one word of a post as the patterns see it.
type Word struct {
	// Text is the word as written (normalised); Fold is it in lower case without apostrophes.
	Text, Fold string
	// Start and End are byte offsets into the normalised text.
	Start, End int
	// Sentence is the index of the sentence holding the word.
	Sentence int
	// Break is true when punctuation other than a hyphen, slash or apostrophe
	// stands between this word and the one before.
	Break bool
	// Letters and Digits say what the word holds.
	Letters, Digits bool
	// Tag is the index into View.Tags of the hashtag the word came from, or -1.
	Tag int
}

// Tag is one hashtag of a post ("#BedBlocker"), kept whole for matching
// patterns written together.
type Tag struct {
	Fold       string // the hashtag body, lower case, without '#'
	Start, End int
	Sentence   int
}

// View is the sequence of words of a post.
type View struct {
	Doc   *text.Doc
	Words []Word
	Tags  []Tag
}

// NewView lists the words of doc.
func NewView(doc *text.Doc) *View {
	v := &View{}
	v.Reset(doc)
	return v
}

// Reset makes v the view of doc, reusing v's memory.
func (v *View) Reset(doc *text.Doc) {
	v.Doc, v.Words, v.Tags = doc, v.Words[:0], v.Tags[:0]
	sent := 0
	brk := false
	// in a post of plain ASCII without apostrophes every word's lower-cased
	// text is its fold (doc.Lower has no ASCII capitals): spare the test per word
	plain := asciiNoApostrophe(doc.Lower)
	for _, t := range doc.Tokens {
		for sent < len(doc.Sentences)-1 && t.Start >= doc.Sentences[sent].End {
			sent++
		}
		s := doc.Norm[t.Start:t.End]
		switch t.Kind {
		case text.Word, text.Number, text.Alnum:
			w := Word{Text: s, Fold: doc.Lower[t.Start:t.End], Start: t.Start, End: t.End, Sentence: sent, Break: brk, Tag: -1,
				Letters: t.Shape&text.Letters != 0, Digits: t.Shape&text.Digits != 0}
			if !plain && !plainFold(w.Fold) {
				w.Fold = fold(s)
			}
			v.Words = append(v.Words, w)
			brk = false
		case text.Hashtag:
			v.addHashtag(s, t.Start, sent)
			brk = true
		case text.Punct:
			if s != "-" && s != "/" && s != "'" && s != "\u2019" && s != "&" {
				brk = true
			}
		default:
			brk = true
		}
	}
}

// newWord makes a word of s; low is s lower-cased by the doc when known (""
// otherwise), used as the fold when it is plain ASCII without apostrophes, to
// spare an allocation.
func newWord(s string, start, sent int, brk bool, low string) Word {
	f := low
	if !plainFold(low) {
		f = fold(s)
	}
	w := Word{Text: s, Fold: f, Start: start, End: start + len(s), Sentence: sent, Break: brk, Tag: -1}
	for _, r := range s {
		if unicode.IsDigit(r) {
			w.Digits = true
		} else if unicode.IsLetter(r) {
			w.Letters = true
		}
	}
	return w
}

// addHashtag adds the words of a hashtag, split at case and digit changes.
func (v *View) addHashtag(s string, start, sent int) {
	tag := len(v.Tags)
	v.Tags = append(v.Tags, Tag{Fold: fold(s[1:]), Start: start, End: start + len(s), Sentence: sent})
	body := s[1:]
	off := start + 1
	first := true
	from := 0
	prev := rune(0)
	for i, r := range body {
		cut := i > from && (unicode.IsUpper(r) && unicode.IsLower(prev) ||
			unicode.IsDigit(r) != unicode.IsDigit(prev) || r == '_')
		if cut {
			v.addTagWord(body[from:i], off+from, sent, tag, first)
			first = false
			from = i
			if r == '_' {
				from = i + 1
			}
		}
		prev = r
	}
	if from < len(body) {
		v.addTagWord(body[from:], off+from, sent, tag, first)
	}
}

func (v *View) addTagWord(s string, start, sent, tag int, first bool) {
	s = strings.Trim(s, "_")
	if s == "" {
		return
	}
	w := newWord(s, start, sent, first, "")
	w.Tag = tag
	v.Words = append(v.Words, w)
}

// fold lower-cases s and drops apostrophes.
func fold(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '\'' {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == '\'' || r == '\u2019' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// asciiNoApostrophe reports whether s is all ASCII without an apostrophe.
func asciiNoApostrophe(s string) bool {
	return strings.IndexByte(s, '\'') < 0 && text.IsASCII(s)
}

// plainFold reports whether s is already a fold: ASCII with no capitals or
// apostrophes (and not empty).
func plainFold(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '\'' {
			return false
		}
	}
	return true
}
