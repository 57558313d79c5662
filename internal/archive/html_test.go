package archive

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHTMLText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "hello", "hello"},
		{"empty", "", ""},
		{"paragraphs", "<p>one</p><p>two</p>", "one\n\ntwo"},
		{"br", "a<br>b<br/>c<BR />d", "a\nb\nc\nd"},
		{"entities", "<p>Fish &amp; chips &lt;3 &quot;yes&quot; I&#39;m &#x1F600; caf&eacute;</p>", "Fish & chips <3 \"yes\" I'm 😀 café"},
		{"escaped tag stays text", "&lt;script&gt;alert(1)&lt;/script&gt;", "<script>alert(1)</script>"},
		{"nbsp", "a&nbsp;&nbsp;b", "a b"},
		{"link text kept", `see <a href="https://example.org/x" rel="nofollow">the rota</a>!`, "see the rota!"},
		{"mastodon link", `<a href="https://example.org/rota/2024/january"><span class="invisible">https://</span><span class="ellipsis">example.org/rota/2024</span><span class="invisible">/january</span></a>`,
			"https://example.org/rota/2024/january"},
		{"mastodon mention", `<p><span class="h-card"><a href="https://other.example/@sam" class="u-url mention">@<span>sam</span></a></span> hi</p>`, "@sam hi"},
		{"attribute with >", `<a title="a > b" href="x">link</a> after`, "link after"},
		{"attribute with single quotes", `<a title='<p>'>x</a>`, "x"},
		{"unbalanced quote", `<a title="x>y</a> z`, "y z"},
		{"script and style dropped", "a<script>document.write('<p>x</p>')</script>b<STYLE>p{}</STYLE>c", "abc"},
		{"unclosed script drops the rest", "a<script>var x = 1;", "a"},
		{"comment dropped", "a<!-- Mrs X in bed 4 -->b", "ab"},
		{"unclosed comment kept", "a<!-- b", "a<!-- b"},
		{"doctype dropped", "<!DOCTYPE html><html><body>x</body></html>", "x"},
		{"cdata kept", "<![CDATA[a < b]]>c", "a < bc"},
		{"lone less-than", "a < b and 1<2 and <3", "a < b and 1<2 and <3"},
		{"unclosed tag kept", "x <b", "x <b"},
		{"img alt", `<p>look <img src="a.jpg" alt="Ward 4 &amp; corridor"> here</p>`, "look [image: Ward 4 & corridor] here"},
		{"img without alt", `<img src="a.jpg">x`, "x"},
		{"lists and headings", "<h1>Title</h1><ul><li>one</li><li>two</li></ul><div>end</div>", "Title\n\none\ntwo\n\nend"},
		{"table", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"},
		{"whitespace collapsed", "<p>  a \t  b  </p>\n\n\n\n<p> c </p>", "a b\n\nc"},
		{"source newlines kept", "line one\nline two", "line one\nline two"},
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"invalid UTF-8", "caf\xe9 <b>\xff</b>", "caf\uFFFD \uFFFD"},
		{"NUL entity", "a&#0;b", "a\uFFFDb"},
		{"unknown entity", "a &bogus; b &amp", "a &bogus; b &"},
		{"tag names with digits and dashes", "<h2>x</h2><my-el>y</my-el>", "x\n\ny"},
		{"end tag with space", "a</p >b", "a\n\nb"},
		{"processing instruction", "<?xml version=\"1.0\"?>x", "x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HTMLText(tt.in); got != tt.want {
				t.Errorf("HTMLText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHTMLTextLinear(t *testing.T) {
	// Many unclosed tags, quotes and scripts must not take quadratic time.
	for _, in := range []string{
		strings.Repeat("<a ", 200000),
		strings.Repeat(`<a title="`, 100000) + ">",
		strings.Repeat("<script>", 100000),
		strings.Repeat("<!--", 100000),
	} {
		_ = HTMLText(in)
	}
}

func FuzzHTMLText(f *testing.F) {
	for _, s := range []string{
		"", "<p>a</p>", "a<br>b", "&amp;&#0;&#xD800;&#x110000;", "<a href='x'>y</a>", "<script>x", "<!--", "<![CDATA[",
		"<img alt=\"\xff\">", "caf\xe9", "<p>  </p>\n\n\n<p>x</p>", "<a title=\"x>y", "\u00a0\t\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := HTMLText(in)
		if !utf8.ValidString(out) {
			t.Fatalf("HTMLText(%q) = %q: invalid UTF-8", in, out)
		}
		if strings.Contains(out, "\n\n\n") || strings.Contains(out, "\r") || strings.Contains(out, "  ") {
			t.Fatalf("HTMLText(%q) = %q: untidy", in, out)
		}
		if strings.Trim(out, " \n") != out {
			t.Fatalf("HTMLText(%q) = %q: not trimmed", in, out)
		}
		if len(out) > 4*len(in)+16 {
			t.Fatalf("HTMLText(%q) = %q: grew too much", in, out)
		}
	})
}

func TestHTMLTextLinearBlocks(t *testing.T) {
	_ = HTMLText(strings.Repeat(" ", 1<<20) + strings.Repeat("<div>", 100000))
	_ = HTMLText(strings.Repeat("<p> ", 100000))
}
