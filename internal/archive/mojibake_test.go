package archive

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

func TestFixMojibake(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"emoji", "\u00f0\u009f\u0098\u0080", "😀"},
		{"emoji in text", "night shift \u00f0\u009f\u0098\u0080!", "night shift 😀!"},
		{"emoji with variation selector", "\u00e2\u009d\u00a4\u00ef\u00b8\u008f", "❤️"},
		{"accented name", "Pen\u00c3\u00a9lope", "Penélope"},
		{"cafe", "caf\u00c3\u00a9", "café"},
		{"danish", "tilf\u00c3\u00b8jet", "tilføjet"},
		{"curly apostrophe", "don\u00e2\u0080\u0099t", "don’t"},
		{"ascii", "Bed 4 is quiet tonight", "Bed 4 is quiet tonight"},
		{"empty", "", ""},
		{"already correct accents", "Penélope and Zoë at the café", "Penélope and Zoë at the café"},
		{"already correct emoji", "Penélope 😀", "Penélope 😀"},
		{"already correct CJK", "看護師", "看護師"},
		// Latin-1 text whose bytes are not UTF-8 stays as it is.
		{"latin-1 pound", "£5 for the café", "£5 for the café"},
		{"latin-1 lone lead byte", "\u00c3 alone", "\u00c3 alone"},
		{"latin-1 naive", "naïve", "naïve"},
		// A string with a rune above U+00FF is not all mojibake: kept.
		{"mixed", "caf\u00c3\u00a9 😀", "caf\u00c3\u00a9 😀"},
		// Invalid UTF-8 is kept, not made worse.
		{"invalid utf-8", "\xff\xfe", "\xff\xfe"},
		// The known ambiguity: Latin-1 text that happens to spell UTF-8
		// bytes is repaired (Meta exports never hold such text unescaped).
		{"ambiguous", "Ã©", "é"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FixMojibake(tt.in); got != tt.want {
				t.Errorf("FixMojibake(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMetaSortPaged(t *testing.T) {
	got := []string{"p/your_posts_10.json", "p/your_posts_2.json", "p/your_posts_1.json", "a/your_posts_3.json", "p/comments.json"}
	metaSortPaged(got)
	want := []string{"a/your_posts_3.json", "p/comments.json", "p/your_posts_1.json", "p/your_posts_2.json", "p/your_posts_10.json"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("metaSortPaged = %q, want %q", got, want)
	}
}

func TestMetaLineCol(t *testing.T) {
	data := []byte("[\n  {\"a\": 1},\n  {\"b\": 2}\n]")
	for _, tt := range []struct {
		off       int64
		line, col int
	}{{0, 1, 1}, {1, 1, 2}, {2, 2, 1}, {4, 2, 3}, {16, 3, 3}, {-5, 1, 1}, {1000, 4, 2}} {
		if l, c := metaLineCol(data, tt.off); l != tt.line || c != tt.col {
			t.Errorf("metaLineCol(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

func FuzzMojibake(f *testing.F) {
	for _, s := range []string{"", "plain", "caf\u00c3\u00a9", "\u00f0\u009f\u0098\u0080", "café", "£5", "😀", "\xff", "\u00c3", "\u00e2\u0080"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := FixMojibake(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("FixMojibake(%q) = %q: invalid UTF-8 from valid UTF-8", s, out)
		}
		if out == s {
			return
		}
		// A repair turns each rune into the byte of the same value.
		if utf8.RuneCountInString(s) != len(out) {
			t.Fatalf("FixMojibake(%q) = %q: %d runes became %d bytes", s, out, utf8.RuneCountInString(s), len(out))
		}
		i := 0
		for _, r := range s {
			if r > 0xFF || byte(r) != out[i] {
				t.Fatalf("FixMojibake(%q) = %q: rune %d is %U, byte is %#x", s, out, i, r, out[i])
			}
			i++
		}
	})
}
