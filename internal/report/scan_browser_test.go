package report_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/archive"
	"github.com/scrubshq/scrubs/internal/report"
	"github.com/scrubshq/scrubs/internal/result"
)

// scanChromium finds the browser, or skips the test (fails it when
// SCRUBS_REQUIRE_TOOLS=1).
func scanChromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("SCRUBS_REQUIRE_TOOLS") == "1" {
		t.Fatal("chromium not found and SCRUBS_REQUIRE_TOOLS=1")
	}
	t.Skip("chromium not found")
	return ""
}

// scanSummary scans the synthetic WordPress, Blogger and Reddit fixtures
// of internal/archive as `scrubs scan --format html` does, so the page
// shows real findings.
func scanSummary(t *testing.T) report.ScanSummary {
	t.Helper()
	checker, err := scrubs.New(scrubs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sum := report.ScanSummary{Archive: "night-notes-export.zip", Format: "wordpress", ByVerdict: map[string]int{},
		ByCategory: map[string]int{}, ByYear: map[string]int{}, Risky: []report.ScanLine{}, Mosaics: []report.ScanMosaic{}}
	for _, name := range []string{"wordpress", "blogger", "reddit"} {
		fsys := os.DirFS(filepath.Join("..", "archive", "testdata", name))
		rd, err := archive.ByName(name)
		if err != nil {
			t.Fatal(err)
		}
		err = rd.Read(context.Background(), fsys, func(it archive.Item) error {
			res, err := checker.Check(context.Background(), it.Text)
			if err != nil {
				return err
			}
			sum.Items++
			sum.Media += len(it.Media)
			sum.ByVerdict[string(res.Verdict)]++
			if res.Verdict == result.Safe {
				return nil
			}
			l := report.ScanLine{Line: report.LineOf(nil, res), Platform: it.Platform, Kind: it.Kind, URL: it.URL,
				Source: report.ScanSource{File: it.Source.File, Position: it.Source.Position}, Media: it.Media, Text: it.Text}
			if !it.Date.IsZero() {
				l.Date = it.Date.UTC().Format(time.RFC3339)
				sum.ByYear[l.Date[:4]]++
			}
			for _, c := range res.Categories {
				sum.ByCategory[c]++
			}
			sum.Flagged++
			sum.Risky = append(sum.Risky, l)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return sum
}

// reportRow is what the test reads back of a row of the page's table.
type reportRow struct {
	Date  string `json:"date"`
	Rank  int    `json:"rank"`
	Marks int    `json:"marks"`
}

const readRows = `Array.from(document.querySelectorAll('#items tbody tr')).map(function (tr) {
  return { date: tr.dataset.date, rank: +tr.dataset.rank, marks: tr.querySelectorAll('mark').length };
})`

// TestScanReportInBrowser opens the HTML scan report in headless Chromium:
// the rows are there with their marks, clicking a column head sorts the
// table (and clicking again reverses it), and the page asks for nothing
// but itself. With SCRUBS_SCREENSHOTS=1 it also writes docs/scan-report.png.
func TestScanReportInBrowser(t *testing.T) {
	exe := scanChromium(t)
	sum := scanSummary(t)
	if len(sum.Risky) < 3 {
		t.Fatalf("only %d risky items in the fixtures", len(sum.Risky))
	}
	var page bytes.Buffer
	if err := report.WriteScanHTML(&page, sum); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancelB := chromedp.NewContext(actx)
	defer cancelB()
	ctx, cancelC := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelC()
	var mu sync.Mutex
	var requests []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			requests = append(requests, e.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 900), chromedp.Navigate("file://"+file),
		chromedp.WaitVisible(chromedp.ID("items"))); err != nil {
		t.Fatalf("open the report: %v", err)
	}

	rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]reportRow](readRows))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(sum.Risky) {
		t.Fatalf("%d rows on the page, want %d", len(rows), len(sum.Risky))
	}
	marked := 0
	for _, r := range rows {
		if r.Marks > 0 {
			marked++
		}
	}
	if marked == 0 {
		t.Error("no row has its risky words marked")
	}
	title, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	if err != nil || !strings.Contains(title, "of "+strconv.Itoa(sum.Items)+" items") {
		t.Errorf("heading %q, %v", title, err)
	}

	sortBy := func(col string) []reportRow {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`th[data-k="`+col+`"]`))); err != nil {
			t.Fatalf("click %s: %v", col, err)
		}
		rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]reportRow](readRows))
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	dates := func(rows []reportRow) []string {
		var out []string
		for _, r := range rows {
			out = append(out, r.Date)
		}
		return out
	}
	up := sortBy("date")
	if d := dates(up); !sort.StringsAreSorted(d) || d[0] == d[len(d)-1] {
		t.Errorf("after one click on Date, dates %q, want ascending", d)
	}
	down := dates(sortBy("date"))
	if !sort.SliceIsSorted(down, func(i, j int) bool { return down[i] > down[j] }) || down[0] == down[len(down)-1] {
		t.Errorf("after a second click on Date, dates %q, want descending", down)
	}
	byRank := sortBy("rank")
	if !sort.SliceIsSorted(byRank, func(i, j int) bool { return byRank[i].Rank < byRank[j].Rank }) {
		t.Errorf("after a click on Severity, ranks %+v, want ascending", byRank)
	}

	mu.Lock()
	for _, u := range requests {
		if !strings.HasPrefix(u, "file://") {
			t.Errorf("the report requested %s", u)
		}
	}
	mu.Unlock()

	if os.Getenv("SCRUBS_SCREENSHOTS") == "1" {
		// Most severe first, as a reader would sort it.
		sortBy("rank")
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join("..", "..", "docs", "scan-report.png")
		if err := os.WriteFile(out, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", out, len(png))
	}
}
