package policy

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/scrubshq/scrubs/internal/document"
	"github.com/scrubshq/scrubs/internal/document/doctest"
)

// pdfAvailable reports whether pdftotext is installed; without it PDF
// cases are skipped, unless SCRUBS_REQUIRE_TOOLS=1 makes that a failure.
func pdfAvailable(t testing.TB) bool {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("SCRUBS_REQUIRE_TOOLS") == "1" {
			t.Fatal("pdftotext is required (install poppler-utils)")
		}
		return false
	}
	return true
}

// formats renders a Markdown test policy in every format the reader takes.
func formats(src string) map[string][]byte {
	b := doctest.Parse(src)
	return map[string][]byte{
		"md":   []byte(src),
		"docx": doctest.DOCX(b),
		"odt":  doctest.ODT(b),
		"html": doctest.HTML("policy", b),
		"pdf":  doctest.PDF(b, doctest.PDFOptions{}),
	}
}

func loadLabels(t *testing.T, path string) map[string]Status {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]Status
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestPolicyLabelled audits each labelled test policy in each format and
// checks every point is decided as labelled; it prints the agreement per
// document (go test -v -run TestPolicyLabelled ./internal/policy).
func TestPolicyLabelled(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/*.labels.yaml")
	if len(files) < 3 {
		t.Fatalf("want at least 3 labelled documents, have %d", len(files))
	}
	sort.Strings(files)
	pdf := pdfAvailable(t)
	var summary []string
	for _, lf := range files {
		name := strings.TrimSuffix(filepath.Base(lf), ".labels.yaml")
		labels := loadLabels(t, lf)
		if len(labels) != len(c.Points) {
			t.Errorf("%s: %d labels for %d points", name, len(labels), len(c.Points))
		}
		src, err := os.ReadFile(filepath.Join("testdata", name+".md"))
		if err != nil {
			t.Fatal(err)
		}
		fs := formats(string(src))
		keys := make([]string, 0, len(fs))
		for k := range fs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, f := range keys {
			if f == "pdf" && !pdf {
				continue
			}
			doc, err := document.Read(context.Background(), name+"."+f, fs[f], document.Limits{})
			if err != nil {
				t.Fatalf("%s.%s: %v", name, f, err)
			}
			r := Audit(doc, c, Options{})
			agree := 0
			for _, p := range r.Points {
				want, ok := labels[p.ID]
				if !ok {
					t.Errorf("%s: no label for %s", name, p.ID)
					continue
				}
				if p.Status == want {
					agree++
					continue
				}
				var ev []string
				for _, e := range p.Evidence {
					ev = append(ev, fmt.Sprintf("[%s %.2f] %s", e.Group, e.Score, e.Text))
				}
				for _, e := range p.Rejected {
					ev = append(ev, fmt.Sprintf("[rejected %s: %s] %s", e.Group, e.Reason, e.Text))
				}
				t.Errorf("%s.%s %s: %s, labelled %s\n    %s", name, f, p.ID, p.Status, want, strings.Join(ev, "\n    "))
			}
			summary = append(summary, fmt.Sprintf("%-10s %-5s %2d/%d points as labelled (%.0f%%)  covered %d partly %d missing %d",
				name, f, agree, len(r.Points), 100*float64(agree)/float64(len(r.Points)), r.Summary.Covered, r.Summary.Partly, r.Summary.Missing))
		}
	}
	t.Log("agreement with labels:\n" + strings.Join(summary, "\n"))
}

// TestAuditLargeDocument reads and audits a 500-page PDF (or, without
// pdftotext, the same text as Markdown) and checks time and memory.
func TestAuditLargeDocument(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/thorough.md")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for p := 1; p <= 500; p++ {
		if p > 1 {
			b.WriteString("\n---page---\n")
		}
		// Four sections of the thorough policy per page, so pages are full.
		secs := strings.Split(string(src), "\n## ")
		for k := 0; k < 4; k++ {
			b.WriteString("## " + secs[1+(4*p+k)%(len(secs)-1)] + "\n")
		}
	}
	blocks := doctest.Parse(b.String())
	name, data := "big.md", doctest.Markdown(blocks)
	if pdfAvailable(t) {
		name, data = "big.pdf", doctest.PDF(blocks, doctest.PDFOptions{})
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	doc, err := document.Read(context.Background(), name, data, document.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	read := time.Since(start)
	r := Audit(doc, c, Options{})
	total := time.Since(start)
	runtime.ReadMemStats(&after)
	alloc := (after.TotalAlloc - before.TotalAlloc) >> 20
	t.Logf("%s: %d pages, %d paragraphs, %d sentences; read %s, read+audit %s, %d MiB allocated; %d covered",
		name, doc.Pages, r.Paragraphs, r.Sentences, read.Round(time.Millisecond), total.Round(time.Millisecond), alloc, r.Summary.Covered)
	if name == "big.pdf" && doc.Pages != 500 {
		t.Errorf("pages %d, want 500", doc.Pages)
	}
	if total > 20*time.Second {
		t.Errorf("took %s", total)
	}
	if alloc > 1024 {
		t.Errorf("allocated %d MiB", alloc)
	}
	if r.Summary.Covered < 10 {
		t.Errorf("only %d points covered in 500 pages of a thorough policy", r.Summary.Covered)
	}
}

// TestPolicyHeldOut audits documents written and labelled after the
// checklist was tuned (testdata/heldout) and reports their agreement; the
// checklist is not tuned on them, so the test asserts a floor (heldOutFloor)
// rather than perfection, and logs every disagreement.
func TestPolicyHeldOut(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/heldout/*.labels.yaml")
	if len(files) == 0 {
		t.Fatal("no held-out documents")
	}
	for _, lf := range files {
		name := strings.TrimSuffix(lf, ".labels.yaml")
		labels := loadLabels(t, lf)
		src, err := os.ReadFile(name + ".md")
		if err != nil {
			t.Fatal(err)
		}
		doc, err := document.Read(context.Background(), filepath.Base(name)+".md", src, document.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		r := Audit(doc, c, Options{})
		agree := 0
		for _, p := range r.Points {
			if p.Status == labels[p.ID] {
				agree++
			} else {
				t.Logf("%s %s: %s, labelled %s", filepath.Base(name), p.ID, p.Status, labels[p.ID])
			}
		}
		pct := 100 * float64(agree) / float64(len(r.Points))
		t.Logf("held out %s: %d/%d points as labelled (%.0f%%)", filepath.Base(name), agree, len(r.Points), pct)
		if pct < heldOutFloor {
			t.Errorf("%s: agreement %.0f%% is below %.0f%%", filepath.Base(name), pct, heldOutFloor)
		}
	}
}

// heldOutFloor is the agreement (%) below which TestPolicyHeldOut fails,
// fixed before the held-out documents were first run (the first held-out
// documents, now in the development set, scored 69% and 88%).
const heldOutFloor = 60.0
