package policy

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteJSON writes the report as indented JSON. Field order follows the
// Go types and points follow the checklist, so output is stable.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// Where formats a location: "p. 3, ¶ 12 (2. Confidentiality)".
func (e Evidence) Where() string {
	var parts []string
	if e.Page > 0 {
		parts = append(parts, fmt.Sprintf("p. %d", e.Page))
	}
	parts = append(parts, fmt.Sprintf("¶ %d", e.Paragraph))
	s := strings.Join(parts, ", ")
	if n := len(e.Headings); n > 0 {
		s += " (" + e.Headings[n-1] + ")"
	}
	return s
}

// String formats a citation as the rule packs print theirs.
func (c CitationOut) String() string {
	s := c.Document
	if c.Year != 0 {
		s += fmt.Sprintf(" (%d)", c.Year)
	}
	if c.Paragraph != "" {
		s += ", " + paraLabel(c.Paragraph)
	}
	if c.Unverified {
		s += "  [paragraph not verified]"
	}
	return s
}

func statusMark(s Status) string {
	switch s {
	case Covered:
		return "✓"
	case Partly:
		return "~"
	}
	return "✗"
}

// WriteText writes a table of the points and then, for each point, what
// was found, what is missing, suggested wording and the guidance.
func WriteText(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Policy audit: %s (%s", r.Document, r.Format)
	if r.Pages > 0 {
		fmt.Fprintf(&b, ", %d pages", r.Pages)
	}
	fmt.Fprintf(&b, ", %d paragraphs, %d sentences)\n", r.Paragraphs, r.Sentences)
	packs := "all"
	if len(r.Packs) > 0 {
		packs = strings.Join(r.Packs, ", ")
	}
	fmt.Fprintf(&b, "Checklist: %s (version %d); guidance shown for: %s\n", r.Checklist, r.Version, packs)
	fmt.Fprintf(&b, "Summary: %d covered, %d partly, %d missing of %d points\n\n", r.Summary.Covered, r.Summary.Partly, r.Summary.Missing, len(r.Points))
	tw := tabwriter.NewWriter(&b, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "POINT\tSTATUS\tCONF\tWHERE\tTITLE")
	for _, p := range r.Points {
		where := "-"
		if len(p.Evidence) > 0 {
			where = p.Evidence[0].Where()
			if len(where) > 40 {
				where = where[:strings.LastIndexByte(where[:40], ' ')] + " …)"
			}
		}
		fmt.Fprintf(tw, "%s\t%s %s\t%.2f\t%s\t%s\n", p.ID, statusMark(p.Status), p.Status, p.Confidence, where, p.Title)
	}
	tw.Flush()
	for _, p := range r.Points {
		fmt.Fprintf(&b, "\n%s %s — %s [%s, confidence %.2f]\n", statusMark(p.Status), p.ID, p.Title, p.Status, p.Confidence)
		fmt.Fprintf(&b, "  should say: %s\n", wrapText(p.MustSay, 90, "              "))
		for _, g := range p.Groups {
			mark := "✗ missing"
			switch {
			case g.Found:
				mark = "✓ found  "
			case g.Sufficient:
				mark = "· not used"
			case p.Status == Covered:
				mark = "· not needed"
			}
			says := g.Says
			if g.Sufficient {
				says += " (an alternative: enough on its own)"
			}
			fmt.Fprintf(&b, "  %s %s\n", mark, says)
			for _, e := range p.Evidence {
				if e.Group == g.ID {
					fmt.Fprintf(&b, "      %s: \"%s\"\n", e.Where(), e.Text)
				}
			}
		}
		for _, e := range p.Rejected {
			fmt.Fprintf(&b, "  not counted (%s): %s: \"%s\"\n", e.Reason, e.Where(), e.Text)
		}
		if p.Suggested != "" {
			fmt.Fprintf(&b, "  suggested wording: %s\n", wrapText(p.Suggested, 90, "                     "))
		}
		b.WriteString("  guidance:")
		if p.CitationsFallback {
			b.WriteString(" (none from the chosen packs; general guidance shown)")
		}
		b.WriteString("\n")
		for _, c := range p.Citations {
			fmt.Fprintf(&b, "    - %s\n", c)
		}
	}
	b.WriteString("\nThe audit matches wording, not meaning: check each finding before relying on it.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// wrapText wraps s at width, indenting continuation lines.
func wrapText(s string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if n+1+len(w) > width {
				b.WriteString("\n" + indent)
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

var htmlTmpl = template.Must(template.New("audit").Funcs(template.FuncMap{
	"mark": statusMark,
	"pct":  func(f float64) string { return fmt.Sprintf("%.0f%%", f*100) },
	"para": paraLabel,
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Policy audit: {{.Document}}</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
.covered{color:#0a6b2b}.partly{color:#8a5a00}.missing{color:#a11}
.badge{font-weight:600;white-space:nowrap}
section{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #bbb}
.where{color:#555;font-size:.9em}.rej{color:#666}
.suggest{background:#f5f7fb;padding:.5rem .75rem;border-radius:4px}
.unverified{color:#8a5a00;font-size:.9em}
small{color:#555}
</style>
</head>
<body>
<h1>Policy audit: {{.Document}}</h1>
<p>{{.Format}}{{if .Pages}}, {{.Pages}} pages{{end}}, {{.Paragraphs}} paragraphs, {{.Sentences}} sentences.
Checklist: {{.Checklist}} (version {{.Version}}). Guidance shown for: {{if .Packs}}{{range $i, $p := .Packs}}{{if $i}}, {{end}}{{$p}}{{end}}{{else}}all packs{{end}}.</p>
<p><span class="covered badge">{{.Summary.Covered}} covered</span> · <span class="partly badge">{{.Summary.Partly}} partly</span> · <span class="missing badge">{{.Summary.Missing}} missing</span></p>
<table>
<thead><tr><th>Point</th><th>Status</th><th>Confidence</th><th>Title</th></tr></thead>
<tbody>
{{range .Points}}<tr><td><a href="#{{.ID}}">{{.ID}}</a></td><td class="{{.Status}} badge">{{mark .Status}} {{.Status}}</td><td>{{pct .Confidence}}</td><td>{{.Title}}</td></tr>
{{end}}</tbody>
</table>
{{range .Points}}
<section id="{{.ID}}">
<h2><span class="{{.Status}}">{{mark .Status}}</span> {{.ID}}: {{.Title}} <small class="{{.Status}}">{{.Status}}, confidence {{pct .Confidence}}</small></h2>
<p><strong>Should say:</strong> {{.MustSay}}</p>
{{$p := .}}<ul>
{{range .Groups}}{{$g := .}}<li>{{if .Found}}<span class="covered">✓ found</span>{{else if .Sufficient}}<span>· not used</span>{{else if eq $p.Status "covered"}}<span>· not needed</span>{{else}}<span class="missing">✗ missing</span>{{end}}: {{.Says}}{{if .Sufficient}} <small>(an alternative: enough on its own)</small>{{end}}
{{range $p.Evidence}}{{if eq .Group $g.ID}}<blockquote>{{.Text}} <span class="where">({{.Where}})</span></blockquote>{{end}}{{end}}</li>
{{end}}</ul>
{{if .Rejected}}<p class="rej"><strong>Not counted:</strong></p>{{range .Rejected}}<blockquote class="rej">{{.Text}} <span class="where">({{.Where}}; {{.Reason}})</span></blockquote>{{end}}{{end}}
{{if .Suggested}}<p><strong>Suggested wording:</strong></p><p class="suggest">{{.Suggested}}</p>{{end}}
<p><strong>Guidance</strong>{{if .CitationsFallback}} (none from the chosen packs; general guidance shown){{end}}:</p>
<ul>{{range .Citations}}<li>{{.Document}}{{if .Year}} ({{.Year}}){{end}}{{if .Paragraph}}, {{para .Paragraph}}{{end}}{{if .Unverified}} <span class="unverified">[paragraph not verified]</span>{{end}}{{if .URL}}<br><small>{{.URL}}</small>{{end}}</li>{{end}}</ul>
</section>
{{end}}
<p><small>The audit matches wording, not meaning: check each finding before relying on it. Generated by scrubs policy audit; this page loads nothing from the network.</small></p>
</body>
</html>
`))

// WriteHTML writes a self-contained HTML page (inline style, no scripts,
// no external assets); all document text is escaped.
func WriteHTML(w io.Writer, r *Report) error { return htmlTmpl.Execute(w, r) }

// paraLabel writes a numbered paragraph as "para 18"; other locations
// ("key points", "(a)-(e)") stay as they are.
func paraLabel(p string) string {
	if p != "" && p[0] >= '0' && p[0] <= '9' {
		return "para " + p
	}
	return p
}
