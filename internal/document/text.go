package document

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// readText reads plain text: blank lines separate paragraphs, a form feed
// starts a new page (pages are counted only when there is one), and a
// short line standing alone that looks like a title ("3.2 Personal
// devices") is a heading.
func readText(data []byte, b *builder) error {
	s := strings.ToValidUTF8(string(data), "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	pages := strings.Split(s, "\f")
	if len(pages) > 1 {
		b.page = 0
		for _, p := range pages {
			if err := b.newPage(); err != nil {
				return err
			}
			if err := textBlocks(p, b); err != nil {
				return err
			}
		}
		return nil
	}
	return textBlocks(s, b)
}

// textBlocks adds the paragraphs of one page of text.
func textBlocks(s string, b *builder) error {
	var cur []string
	flush := func() error {
		if len(cur) == 0 {
			return nil
		}
		level := 0
		if len(cur) == 1 {
			level = headingLevel(cur[0])
		}
		t := joinLines(cur)
		cur = cur[:0]
		return b.add(t, level)
	}
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			if err := flush(); err != nil {
				return err
			}
			continue
		case isBullet(t):
			// A list item starts a paragraph of its own.
			if err := flush(); err != nil {
				return err
			}
			t = strings.TrimSpace(t[bulletLen(t):])
		}
		cur = append(cur, t)
	}
	return flush()
}

var bulletRE = regexp.MustCompile(`^(?:[-*•▪◦·‣–+]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])\s+`)

func isBullet(t string) bool         { return bulletRE.MatchString(t) && !isSectionHeading(t) }
func bulletLen(t string) int         { return len(bulletRE.FindString(t)) }
func isSectionHeading(t string) bool { return headingLevel(t) > 0 }

var (
	mdHeading = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	mdSetext  = regexp.MustCompile(`^(=+|-+)\s*$`)
	mdLink    = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdMarks   = regexp.MustCompile("(\\*\\*|__|\\*|`|~~)")
)

// readMarkdown reads Markdown: # headings (and underlined ones), blank
// lines between paragraphs, list items as paragraphs, fenced code dropped,
// links kept as their text, emphasis marks removed.
func readMarkdown(data []byte, b *builder) error {
	s := strings.ReplaceAll(strings.ToValidUTF8(string(data), "\uFFFD"), "\r\n", "\n")
	lines := strings.Split(s, "\n")
	var cur []string
	flush := func() error {
		if len(cur) == 0 {
			return nil
		}
		t := mdInline(strings.Join(cur, " "))
		cur = cur[:0]
		return b.add(t, 0)
	}
	fence := false
	for i := 0; i < len(lines); i++ {
		t := strings.TrimSpace(lines[i])
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if fence {
			continue
		}
		if m := mdHeading.FindStringSubmatch(t); m != nil {
			if err := flush(); err != nil {
				return err
			}
			if err := b.add(mdInline(m[2]), len(m[1])); err != nil {
				return err
			}
			continue
		}
		if t != "" && len(cur) == 0 && i+1 < len(lines) && mdSetext.MatchString(strings.TrimSpace(lines[i+1])) && !isBullet(t) {
			level := 1
			if strings.HasPrefix(strings.TrimSpace(lines[i+1]), "-") {
				level = 2
			}
			if err := b.add(mdInline(t), level); err != nil {
				return err
			}
			i++
			continue
		}
		switch {
		case t == "" || mdSetext.MatchString(t) && len(t) >= 3:
			if err := flush(); err != nil {
				return err
			}
			continue
		case strings.HasPrefix(t, ">"):
			t = strings.TrimSpace(strings.TrimLeft(t, ">"))
		case bulletRE.MatchString(t):
			if err := flush(); err != nil {
				return err
			}
			t = strings.TrimSpace(t[bulletLen(t):])
		}
		cur = append(cur, t)
	}
	return flush()
}

// mdInline drops inline Markdown: links become their text, emphasis and
// code marks go.
func mdInline(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	return mdMarks.ReplaceAllString(s, "")
}

// joinLines joins the lines of a paragraph with spaces, mending words
// broken at a hyphen across a line break.
func joinLines(lines []string) string {
	var sb strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			n := len(prev)
			r, _ := utf8.DecodeRuneInString(l)
			if n >= 2 && prev[n-1] == '-' && prev[n-2] >= 'a' && prev[n-2] <= 'z' && unicode.IsLower(r) {
				// A long fragment was hyphenated at the line end
				// ("confiden-" "tiality"): drop the hyphen. A short one is
				// more likely a compound ("e-" "learning", "co-" "workers"):
				// keep it, without the space.
				s := sb.String()
				frag := s[strings.LastIndexAny(s, " \t")+1:]
				if len(frag) > 5 {
					s = s[:len(s)-1]
				}
				sb.Reset()
				sb.WriteString(s)
				sb.WriteString(l)
				continue
			}
			sb.WriteByte(' ')
		}
		sb.WriteString(l)
	}
	return sb.String()
}
