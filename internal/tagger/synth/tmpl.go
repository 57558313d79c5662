package synth

import (
	"fmt"
	"strings"
)

// The template language. A template is literal text with two kinds of
// markup:
//
//	{slot}      a slot: a generator function (a name, a place, a number...)
//	            or a named definition (itself a template), see funcs and defs
//	[a|b|c]     one of the alternatives, chosen uniformly; [|x] is an optional x
//
// Alternatives nest and may hold slots. Literal text is ordinary text: it is
// never part of a span. Templates are compiled once, at package init.

// node is one piece of a compiled template.
type node struct {
	lit  string     // literal text, when fn and alts are nil
	fn   func(*gen) // a generator slot
	alts [][]node   // a choice
}

// tmpl is a compiled template.
type tmpl []node

// compiler compiles templates, resolving definitions once each.
type compiler struct {
	defs map[string]string
	done map[string]tmpl
	busy map[string]bool
}

func (c *compiler) compile(s string) tmpl {
	i := 0
	seq := c.seq(s, &i, false)
	if i != len(s) {
		panic(fmt.Sprintf("synth: template %q: unexpected %q at %d", s, s[i], i))
	}
	return seq
}

// seq parses until the end of s, or until '|' or ']' when inside a choice.
func (c *compiler) seq(s string, i *int, inChoice bool) tmpl {
	var out tmpl
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			out = append(out, node{lit: lit.String()})
			lit.Reset()
		}
	}
	for *i < len(s) {
		ch := s[*i]
		switch ch {
		case '|', ']':
			if !inChoice {
				panic(fmt.Sprintf("synth: template %q: stray %q at %d", s, ch, *i))
			}
			flush()
			return out
		case '[':
			flush()
			*i++
			var alts [][]node
			for {
				alts = append(alts, c.seq(s, i, true))
				if *i >= len(s) {
					panic(fmt.Sprintf("synth: template %q: unclosed [", s))
				}
				if s[*i] == ']' {
					*i++
					break
				}
				*i++ // '|'
			}
			out = append(out, node{alts: alts})
		case '{':
			flush()
			end := strings.IndexByte(s[*i:], '}')
			if end < 0 {
				panic(fmt.Sprintf("synth: template %q: unclosed {", s))
			}
			name := s[*i+1 : *i+end]
			*i += end + 1
			out = append(out, c.slot(s, name)...)
		case '}':
			panic(fmt.Sprintf("synth: template %q: stray } at %d", s, *i))
		default:
			lit.WriteByte(ch)
			*i++
		}
	}
	flush()
	return out
}

// slot resolves a slot name to a generator or a compiled definition.
func (c *compiler) slot(s, name string) tmpl {
	if f, ok := slotFuncs[name]; ok {
		return tmpl{{fn: f}}
	}
	if t, ok := c.done[name]; ok {
		return tmpl{{alts: [][]node{t}}}
	}
	src, ok := c.defs[name]
	if !ok {
		panic(fmt.Sprintf("synth: template %q: unknown slot {%s}", s, name))
	}
	if c.busy[name] {
		panic(fmt.Sprintf("synth: definition {%s} refers to itself", name))
	}
	c.busy[name] = true
	t := c.compile(src)
	c.busy[name] = false
	c.done[name] = t
	return tmpl{{alts: [][]node{t}}}
}

// expand writes one rendering of t.
func (g *gen) expand(t tmpl) {
	for i := range t {
		n := &t[i]
		switch {
		case n.fn != nil:
			n.fn(g)
		case n.alts != nil:
			g.expand(n.alts[g.r.IntN(len(n.alts))])
		default:
			g.lit(n.lit)
		}
	}
}
