package report

import (
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/scrubshq/scrubs/internal/result"
)

// ScanSource is where in an archive an item was read.
type ScanSource struct {
	File     string `json:"file"`
	Position int    `json:"position"`
}

// ScanLine is one item of `scrubs scan`: the fields of a check line plus
// where the item came from. Text is kept for the HTML report only; it is
// never written to JSON or CSV.
type ScanLine struct {
	Line
	Platform string     `json:"platform"`
	Kind     string     `json:"kind"`
	Date     string     `json:"date,omitempty"`
	URL      string     `json:"url,omitempty"`
	Source   ScanSource `json:"source"`
	Media    []string   `json:"media,omitempty"`
	Text     string     `json:"-"`
}

// ScanSummary is the report of `scrubs scan --format json` and the head of
// the HTML report.
type ScanSummary struct {
	Archive    string         `json:"archive"`
	Format     string         `json:"format"`
	Items      int            `json:"items"`
	Flagged    int            `json:"flagged"`
	ByVerdict  map[string]int `json:"by_verdict"`
	ByCategory map[string]int `json:"by_category"`
	ByYear     map[string]int `json:"by_year"`
	Media      int            `json:"media"`
	Risky      []ScanLine     `json:"risky"`
	// Mosaics are posts that identify a patient only when read together.
	Mosaics []ScanMosaic `json:"mosaics"`
	// MediaChecked counts the pictures checked (scan --media); MediaFlagged
	// holds those that are not safe, with the caption they were posted with.
	MediaChecked int         `json:"media_checked"`
	MediaFlagged []ScanMedia `json:"media_flagged"`
	// Errors are the files that could not be read to the end, or had rows
	// that could not be read; the rest of the archive was scanned.
	Errors []ScanFileError `json:"errors"`
}

// ScanMedia is a record of `scrubs scan --media` (kind "media"): one picture
// of an item, checked with the item's text as its caption. It never changes
// the verdict of the item's text.
type ScanMedia struct {
	Kind string `json:"kind"`
	// Item is the post the picture belongs to; File is the picture's path in
	// the archive.
	Item       ScanRef         `json:"item"`
	File       string          `json:"file"`
	Verdict    result.Verdict  `json:"verdict"`
	Categories []string        `json:"categories"`
	Entities   []result.Entity `json:"entities"`
	Risks      []result.Risk   `json:"risks"`
	// Image is what was found about the picture (size, faces, text read…).
	Image any `json:"image,omitempty"`
	// Error says why the picture could not be checked.
	Error string `json:"error,omitempty"`
}

// WriteMediaCSV writes one row for a picture that is not safe.
func WriteMediaCSV(w *csv.Writer, m ScanMedia) error {
	var rules, fixes []string
	worst := ""
	rank := map[string]int{"info": 0, "low": 1, "medium": 2, "high": 3, "block": 4}
	for _, r := range m.Risks {
		rules = append(rules, r.Rule)
		if !contains(fixes, r.Fix) {
			fixes = append(fixes, r.Fix)
		}
		if worst == "" || rank[r.Severity] > rank[worst] {
			worst = r.Severity
		}
	}
	return w.Write([]string{m.Item.Date, m.Item.Platform, m.Kind, m.Item.URL, m.File, strconv.Itoa(m.Item.Source.Position),
		string(m.Verdict), strings.Join(m.Categories, " "), strings.Join(rules, " "), worst, strings.Join(fixes, " | ")})
}

// ScanFileError is a problem reading one file of an archive.
type ScanFileError struct {
	File  string `json:"file"`
	Error string `json:"error"`
}

// ScanRef points at an item of a scan, for a record that names several.
type ScanRef struct {
	Platform string     `json:"platform"`
	Kind     string     `json:"kind"`
	Date     string     `json:"date,omitempty"`
	URL      string     `json:"url,omitempty"`
	Source   ScanSource `json:"source"`
}

// ScanMosaic is a record of `scrubs scan` (kind "mosaic"): items about the
// same patient that, read together, identify them although none does alone.
// It never changes the verdict of the items it names.
type ScanMosaic struct {
	Kind string `json:"kind"`
	// Items are the earlier items, oldest first, then the item that completed
	// the picture.
	Items []ScanRef `json:"items"`
	// Shared are the details the items have in common.
	Shared    []string          `json:"shared"`
	Verdict   result.Verdict    `json:"verdict"`
	Risks     []result.Risk     `json:"risks"`
	Anonymity *result.Anonymity `json:"anonymity,omitempty"`
}

// RefOf is the reference to a scanned item.
func RefOf(l ScanLine) ScanRef {
	return ScanRef{Platform: l.Platform, Kind: l.Kind, Date: l.Date, URL: l.URL, Source: l.Source}
}

// WriteMosaicCSV writes one row for a mosaic record: where the last item
// lives, and the others in the fixes column.
func WriteMosaicCSV(w *csv.Writer, m ScanMosaic) error {
	last := m.Items[len(m.Items)-1]
	var fixes, others []string
	for _, r := range m.Risks {
		fixes = append(fixes, r.Fix)
	}
	for _, it := range m.Items[:len(m.Items)-1] {
		where := it.URL
		if where == "" {
			where = it.Source.File + " #" + strconv.Itoa(it.Source.Position)
		}
		others = append(others, where)
	}
	return w.Write([]string{last.Date, last.Platform, m.Kind, last.URL, last.Source.File, strconv.Itoa(last.Source.Position),
		string(m.Verdict), "CONFIDENTIALITY", "CONF-002", "block", strings.Join(fixes, " | ") + " (read together with: " + strings.Join(others, "; ") + ")"})
}

// CSVHeader is the first row of `scrubs scan --format csv`.
var CSVHeader = []string{"date", "platform", "kind", "url", "source_file", "source_position", "verdict", "categories", "rules", "severity", "fixes"}

// WriteScanCSVHeader writes the header row.
func WriteScanCSVHeader(w *csv.Writer) error { return w.Write(CSVHeader) }

// WriteScanCSV writes one row for an item (no post text: the CSV is meant
// to be shared with the user's own tools and says where to look).
func WriteScanCSV(w *csv.Writer, l ScanLine) error {
	var rules, fixes []string
	worst := ""
	rank := map[string]int{"info": 0, "low": 1, "medium": 2, "high": 3, "block": 4}
	for _, r := range l.Risks {
		rules = append(rules, r.Rule)
		if !contains(fixes, r.Fix) {
			fixes = append(fixes, r.Fix)
		}
		if worst == "" || rank[r.Severity] > rank[worst] {
			worst = r.Severity
		}
	}
	return w.Write([]string{l.Date, l.Platform, l.Kind, l.URL, l.Source.File, strconv.Itoa(l.Source.Position),
		string(l.Verdict), strings.Join(l.Categories, " "), strings.Join(rules, " "), worst, strings.Join(fixes, " | ")})
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// htmlItem is a risky item prepared for the page.
type htmlItem struct {
	ScanLine
	Parts []htmlPart
	Worst string
	Rank  int
}

// htmlPart is a run of the post's text, marked when a risk covers it.
type htmlPart struct {
	Text   string
	Marked bool
}

type htmlCount struct {
	Key   string
	Count int
}

// WriteScanHTML writes a self-contained page: the summary by category and
// year, then each risky item with its date, link, highlighted text, rules,
// citations and fixes; the table sorts by clicking a column head.
func WriteScanHTML(w io.Writer, s ScanSummary) error {
	rank := map[string]int{"info": 0, "low": 1, "medium": 2, "high": 3, "block": 4}
	var items []htmlItem
	for _, l := range s.Risky {
		it := htmlItem{ScanLine: l, Parts: highlight(l.Text, l.Risks)}
		for _, r := range l.Risks {
			if it.Worst == "" || rank[r.Severity] > rank[it.Worst] {
				it.Worst, it.Rank = r.Severity, rank[r.Severity]
			}
		}
		items = append(items, it)
	}
	data := struct {
		ScanSummary
		Rows       []htmlItem // not Items, which would hide ScanSummary.Items (the count)
		Categories []htmlCount
		Years      []htmlCount
	}{ScanSummary: s, Rows: items, Categories: counts(s.ByCategory, false), Years: counts(s.ByYear, true)}
	return scanPage.Execute(w, data)
}

func counts(m map[string]int, byKey bool) []htmlCount {
	var out []htmlCount
	for k, v := range m {
		out = append(out, htmlCount{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if byKey || out[i].Count == out[j].Count {
			return out[i].Key < out[j].Key
		}
		return out[i].Count > out[j].Count
	})
	return out
}

// highlight splits text into runs, marking the bytes any risk span covers.
func highlight(text string, risks []result.Risk) []htmlPart {
	marked := make([]bool, len(text)+1)
	for _, r := range risks {
		for _, sp := range r.Spans {
			for i := max(0, sp.Start); i < min(sp.End, len(text)); i++ {
				marked[i] = true
			}
		}
	}
	var parts []htmlPart
	start := 0
	for i := 1; i <= len(text); i++ {
		if i == len(text) || marked[i] != marked[start] {
			parts = append(parts, htmlPart{Text: text[start:i], Marked: marked[start]})
			start = i
		}
	}
	return parts
}

var scanPage = template.Must(template.New("scan").Funcs(template.FuncMap{
	"cite": func(c result.Citation) string {
		s := c.Document
		if c.Year != 0 {
			s += fmt.Sprintf(" (%d)", c.Year)
		}
		if c.Paragraph != "" {
			s += ", " + c.Paragraph
		}
		if c.Unverified {
			s += " [paragraph not verified]"
		}
		return s
	},
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>scrubs: archive report</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1b1b1b;max-width:70rem}
h1{font-size:1.4rem} table{border-collapse:collapse;width:100%} th,td{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f3f3f3} mark{background:#ffd4d4;color:inherit} .block{color:#a00;font-weight:bold} .high{color:#b34700;font-weight:bold}
.medium{color:#7a5c00} .low,.info{color:#555} .summary span{display:inline-block;margin:0 1rem .3rem 0} details{margin:.2rem 0}
</style></head><body>
<h1>What to delete or edit: {{.Flagged}} of {{.Items}} items</h1>
<p>Archive <code>{{.Archive}}</code> ({{.Format}}); {{.Media}} media files listed. Nothing here has left your computer.</p>
{{if .Errors}}<div class="errors" role="alert"><strong>Problems reading {{len .Errors}} file(s); some items may be missing:</strong><ul>{{range .Errors}}<li><code>{{.File}}</code>: {{.Error}}</li>{{end}}</ul></div>{{end}}
<div class="summary"><strong>By category:</strong> {{range .Categories}}<span>{{.Key}}: {{.Count}}</span>{{end}}</div>
<div class="summary"><strong>By year:</strong> {{range .Years}}<span>{{.Key}}: {{.Count}}</span>{{end}}</div>
<table id="items"><thead><tr><th data-k="date">Date</th><th data-k="rank">Severity</th><th>Post</th><th>Why and how to fix</th></tr></thead><tbody>
{{range .Rows}}<tr data-date="{{.Date}}" data-rank="{{.Rank}}">
<td>{{if .Date}}{{slice .Date 0 10}}{{end}}<br>{{.Platform}} {{.Kind}}{{if .URL}}<br><a href="{{.URL}}">link</a>{{end}}<br><small>{{.Source.File}} #{{.Source.Position}}</small></td>
<td class="{{.Worst}}">{{.Worst}}<br>{{range .Categories}}{{.}} {{end}}</td>
<td>{{range .Parts}}{{if .Marked}}<mark>{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</td>
<td>{{range .Risks}}<details><summary><span class="{{.Severity}}">{{.Severity}}</span> {{.Rule}} {{.Title}}</summary>{{.Message}}<br><strong>Fix:</strong> {{.Fix}}<br><small>{{range .Citations}}{{cite .}}; {{end}}</small></details>{{end}}</td>
</tr>{{end}}
</tbody></table>
{{if .MediaFlagged}}<h2>Pictures to delete or edit ({{len .MediaFlagged}} of {{.MediaChecked}} checked)</h2>
<ul id="media">{{range .MediaFlagged}}<li><code>{{.File}}</code>{{if .Item.Date}} ({{slice .Item.Date 0 10}}){{end}}{{if .Item.URL}} <a href="{{.Item.URL}}">post</a>{{end}}: <strong class="{{if eq (print .Verdict) "block"}}block{{else}}high{{end}}">{{.Verdict}}</strong>
{{range .Risks}}<details><summary><span class="{{.Severity}}">{{.Severity}}</span> {{.Rule}} {{.Title}}</summary>{{.Message}}<br><strong>Fix:</strong> {{.Fix}}<br><small>{{range .Citations}}{{cite .}}; {{end}}</small></details>{{end}}</li>{{end}}</ul>{{end}}
{{if .Mosaics}}<h2>Posts that identify a patient together ({{len .Mosaics}})</h2>
<p>None of these posts names the patient alone, but read together they give enough to recognise them. Each post keeps its own verdict above.</p>
<ul id="mosaics">{{range .Mosaics}}<li>{{range .Risks}}<strong class="block">{{.Rule}}</strong> {{.Message}}<br><strong>Fix:</strong> {{.Fix}}<br>{{end}}
Posts: {{range .Items}}<span>{{if .Date}}{{slice .Date 0 10}} {{end}}{{.Platform}} {{.Kind}} {{if .URL}}<a href="{{.URL}}">link</a>{{else}}<small>{{.Source.File}} #{{.Source.Position}}</small>{{end}}</span>; {{end}}</li>{{end}}</ul>{{end}}
<script>
document.querySelectorAll('th[data-k]').forEach(function(th){th.addEventListener('click',function(){
var k=th.dataset.k,tb=document.querySelector('#items tbody'),rows=Array.from(tb.rows),dir=th.dataset.dir==='asc'?-1:1;th.dataset.dir=dir===1?'asc':'desc';
rows.sort(function(a,b){var x=a.dataset[k],y=b.dataset[k];if(k==='rank'){x=+x;y=+y}return x<y?-dir:x>y?dir:0});rows.forEach(function(r){tb.appendChild(r)})})});
</script>
</body></html>
`))
