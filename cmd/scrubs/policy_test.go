package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/document/doctest"
)

// policyFile writes one of internal/policy's test policies in a format.
func policyFile(t *testing.T, name, format string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "internal", "policy", "testdata", name+".md"))
	if err != nil {
		t.Fatal(err)
	}
	b := doctest.Parse(string(src))
	var data []byte
	switch format {
	case "md":
		data = src
	case "docx":
		data = doctest.DOCX(b)
	case "odt":
		data = doctest.ODT(b)
	case "html":
		data = doctest.HTML(name, b)
	case "pdf":
		data = doctest.PDF(b, doctest.PDFOptions{})
	}
	path := filepath.Join(t.TempDir(), name+"."+format)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPolicyAuditCommand(t *testing.T) {
	thorough := policyFile(t, "thorough", "docx")
	partial := policyFile(t, "partial", "odt")
	decoy := policyFile(t, "decoy", "html")
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.docx")
	os.WriteFile(bomb, doctest.ZipBomb(20<<20, false), 0o600)
	enc := filepath.Join(dir, "locked.pdf")
	os.WriteFile(enc, doctest.PDF(doctest.Parse("Policy text."), doctest.PDFOptions{UserPassword: "pw"}), 0o600)
	corrupt := filepath.Join(dir, "corrupt.pdf")
	os.WriteFile(corrupt, []byte("%PDF-1.4\nnot really a pdf"), 0o600)
	empty := filepath.Join(dir, "empty.md")
	os.WriteFile(empty, nil, 0o600)
	_, pdfErr := exec.LookPath("pdftotext")

	tests := []struct {
		name     string
		args     []string
		code     int
		inStdout []string
		inStderr string
		pdf      bool
	}{
		{"all covered", []string{"policy", "audit", thorough}, exitClean, []string{"Summary: 16 covered, 0 partly, 0 missing", "CONFIDENTIALITY"}, "", false},
		{"partial", []string{"policy", "audit", partial, "--pack", "uk-nmc"}, exitFound, []string{"partly", "suggested wording:", "NMC, "}, "", false},
		{"decoy json", []string{"policy", "audit", "--format", "json", decoy}, exitFound, []string{`"status": "missing"`, `"rejected"`}, "", false},
		{"html", []string{"policy", "audit", thorough, "--format", "html"}, exitClean, []string{"<!DOCTYPE html>", "covered"}, "", false},
		{"locale", []string{"policy", "audit", partial, "--locale", "us"}, exitFound, []string{"guidance shown for: us-"}, "", false},
		{"no subcommand", []string{"policy"}, exitUsage, nil, "usage: scrubs policy audit", false},
		{"no file", []string{"policy", "audit"}, exitUsage, nil, "one FILE", false},
		{"bad format", []string{"policy", "audit", thorough, "--format", "xml"}, exitUsage, nil, "unknown --format", false},
		{"bad pack", []string{"policy", "audit", thorough, "--pack", "uk-nope"}, exitUsage, nil, `unknown pack "uk-nope"`, false},
		{"missing file", []string{"policy", "audit", filepath.Join(dir, "nope.pdf")}, exitUsage, nil, "no such file", false},
		{"zip bomb", []string{"policy", "audit", bomb}, exitUsage, nil, "zip bomb", false},
		{"empty", []string{"policy", "audit", empty}, exitUsage, nil, "no text found", false},
		{"encrypted pdf", []string{"policy", "audit", enc}, exitUsage, nil, "encrypted", true},
		{"corrupt pdf", []string{"policy", "audit", corrupt}, exitUsage, nil, "unreadable document", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.pdf && pdfErr != nil {
				if os.Getenv("SCRUBS_REQUIRE_TOOLS") == "1" {
					t.Fatal("pdftotext is required (install poppler-utils)")
				}
				t.Skip("pdftotext not installed")
			}
			code, out, errOut := runCLI(t, nil, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tc.code, errOut)
			}
			for _, s := range tc.inStdout {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%.2000s", s, out)
				}
			}
			if !strings.Contains(errOut, tc.inStderr) {
				t.Errorf("stderr %q lacks %q", errOut, tc.inStderr)
			}
		})
	}
}

// TestPolicyJSONStable checks the JSON output parses, is the same on
// every run, and filters citations by pack.
func TestPolicyJSONStable(t *testing.T) {
	path := policyFile(t, "partial", "md")
	_, a, _ := runCLI(t, nil, "policy", "audit", path, "--format", "json", "--pack", "uk-gmc")
	_, b, _ := runCLI(t, nil, "policy", "audit", path, "--format", "json", "--pack", "uk-gmc")
	if a != b {
		t.Fatal("JSON differs between runs")
	}
	var r struct {
		Packs  []string `json:"packs"`
		Points []struct {
			ID        string `json:"id"`
			Status    string `json:"status"`
			Fallback  bool   `json:"citations_fallback"`
			Citations []struct {
				Document string   `json:"document"`
				Packs    []string `json:"packs"`
			} `json:"citations"`
		} `json:"points"`
	}
	if err := json.Unmarshal([]byte(a), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Points) < 16 || len(r.Packs) != 1 {
		t.Fatalf("points %d packs %v", len(r.Points), r.Packs)
	}
	for _, p := range r.Points {
		if len(p.Citations) == 0 {
			t.Errorf("%s: no citations", p.ID)
		}
		for _, c := range p.Citations {
			if !p.Fallback && !slices.Contains(c.Packs, "uk-gmc") && !slices.Contains(c.Packs, "core") {
				t.Errorf("%s: citation %q (packs %v) shown with --pack uk-gmc", p.ID, c.Document, c.Packs)
			}
		}
	}
}

// TestPolicyHTMLSelfContained checks the HTML page loads nothing and
// escapes document text.
func TestPolicyHTMLSelfContained(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.md")
	os.WriteFile(path, []byte("# P\n\nNever post patient information on social media <script>alert(1)</script> even if not named.\n"), 0o600)
	_, out, _ := runCLI(t, nil, "policy", "audit", path, "--format", "html")
	for _, bad := range []string{"<script", "src=", "<link", "@import", "http://", "https://cdn"} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;") {
		t.Error("document text not escaped")
	}
}
