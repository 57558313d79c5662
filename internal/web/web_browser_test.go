package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/scrubshq/scrubs/internal/server"
	"github.com/scrubshq/scrubs/internal/store"
	"github.com/scrubshq/scrubs/internal/web"
)

// The drafts the browser types. The risky one puts an emoji (4 bytes of
// UTF-8, two JavaScript code units), a dash and a curly apostrophe (3 bytes,
// one unit) and an accented name (2 bytes, one unit) before the identifiers,
// so a wrong byte→index conversion shows as misplaced highlights.
const (
	riskyDraft = "😷 Long shift – ward’s chaos! Mrs Zoë Pickering in bed 4 is 94 today, bless her 👵🏽"
	safeDraft  = "Great teaching session on sepsis recognition today - remember to check lactate early!"
	// screenshotDraft shows findings of three severities.
	screenshotDraft = "Long shift 😷 Mrs Zoë Pickering in bed 4 is 94 today, bless her. Another frequent flyer in A&E tonight, absolute nightmare."
)

// recorder wraps the server and keeps the text of every check and redact
// request, to show that the page sends only what was typed.
type recorder struct {
	next  http.Handler
	mu    sync.Mutex
	texts []string
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && (r.URL.Path == "/v1/check" || r.URL.Path == "/v1/redact") {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var req struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(body, &req) == nil {
			rec.mu.Lock()
			rec.texts = append(rec.texts, req.Text)
			rec.mu.Unlock()
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
	}
	rec.next.ServeHTTP(w, r)
}

// newTestServer runs the real HTTP API (internal/server, on a fresh SQLite
// store) with web.Handler as its web UI. The organisation requires a reason
// to dismiss a blocking finding, so the page's reason prompt is exercised.
func newTestServer(t *testing.T) (*httptest.Server, *recorder) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "scrubs.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.PutSettings(ctx, store.Settings{RequireReasonForBlock: true}); err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Store: st, Web: web.Handler(), QuietRequests: true,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close(context.Background()) })
	rec := &recorder{next: srv}
	ts := httptest.NewServer(rec)
	t.Cleanup(ts.Close)
	return ts, rec
}

// orgRequiresReason asks the server, as the page does, whether dismissing a
// blocking finding needs a reason.
func orgRequiresReason(t *testing.T, base string) bool {
	t.Helper()
	res, err := http.Get(base + "/v1/config")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var cfg struct {
		Require bool `json:"require_reason_for_block_dismissal"`
	}
	return res.StatusCode == http.StatusOK && json.NewDecoder(res.Body).Decode(&cfg) == nil && cfg.Require
}

// chromium finds the browser, or skips the test (fails it when
// SCRUBS_REQUIRE_TOOLS=1).
func chromium(t *testing.T) string {
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

// browser starts a headless Chromium with a fresh profile and records every
// request the page makes.
func browser(t *testing.T, width, height int64) (context.Context, *[]string, *sync.Mutex) {
	exe := chromium(t)
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
		chromedp.WindowSize(int(width), int(height)),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelC := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelC(); cancelB(); cancelA() })

	var mu sync.Mutex
	var urls []string
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			urls = append(urls, e.Request.URL)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// record Content-Security-Policy violations (this script runs outside the page's policy)
	const cspProbe = `window.__csp = []; document.addEventListener('securitypolicyviolation',
		function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });`
	addProbe := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspProbe})
		return chromedp.Void{}, err
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height), addProbe); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx, &urls, &mu
}

// pageState is what the test reads back from the page.
type pageState struct {
	Verdict string `json:"verdict"`
	Busy    bool   `json:"busy"`
	Word    string `json:"word"`
	Detail  string `json:"detail"`
	Value   string `json:"value"`
	Marks   []struct {
		Text string  `json:"text"`
		B0   int     `json:"b0"`
		B1   int     `json:"b1"`
		W    float64 `json:"w"`
		H    float64 `json:"h"`
		In   bool    `json:"inside"`
	} `json:"marks"`
	Findings []struct {
		Fingerprint string `json:"fingerprint"`
		Severity    string `json:"severity"`
		Text        string `json:"text"`
	} `json:"findings"`
	Storage map[string]string `json:"storage"`
	CSP     []string          `json:"csp"`
	Safer   string            `json:"safer"`
}

const readState = `(function () {
  var v = document.getElementById('verdict');
  var ed = document.getElementById('editor').getBoundingClientRect();
  var storage = {};
  for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i); storage[k] = localStorage.getItem(k); }
  var safer = document.getElementById('safer');
  return {
    verdict: v.getAttribute('data-verdict'),
    busy: v.getAttribute('aria-busy') === 'true',
    word: document.getElementById('verdict-word').textContent,
    detail: document.getElementById('verdict-detail').textContent,
    value: document.getElementById('draft').value,
    marks: Array.from(document.querySelectorAll('#mirror mark')).map(function (m) {
      var r = m.getBoundingClientRect();
      return { text: m.textContent, b0: +m.getAttribute('data-b0'), b1: +m.getAttribute('data-b1'), w: r.width, h: r.height,
        inside: r.left >= ed.left && r.right <= ed.right && r.top >= ed.top && r.bottom <= ed.bottom };
    }),
    findings: Array.from(document.querySelectorAll('#findings > li')).map(function (li) {
      return { fingerprint: li.getAttribute('data-fingerprint'), severity: li.className, text: li.textContent };
    }),
    storage: storage,
    csp: window.__csp || [],
    safer: safer.hidden ? '' : document.getElementById('safer-text').textContent
  };
})()`

func state(t *testing.T, ctx context.Context) pageState {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](readState))
	if err != nil {
		t.Fatalf("read page state: %v", err)
	}
	return s
}

// waitFor polls the page until cond holds for a settled (not busy) state.
func waitFor(t *testing.T, ctx context.Context, what string, cond func(pageState) bool) pageState {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		s := state(t, ctx)
		if !s.Busy && cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; page: verdict %q busy %v word %q detail %q marks %d findings %d",
				what, s.Verdict, s.Busy, s.Word, s.Detail, len(s.Marks), len(s.Findings))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func typeDraft(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("draft")), chromedp.SendKeys(chromedp.ID("draft"), text)); err != nil {
		t.Fatalf("type draft: %v", err)
	}
}

// checkMarks asserts every highlight covers exactly the bytes it claims, and
// returns the highlighted texts.
func checkMarks(t *testing.T, draft string, s pageState) []string {
	t.Helper()
	var texts []string
	for _, m := range s.Marks {
		if m.B0 < 0 || m.B1 > len(draft) || m.B0 >= m.B1 {
			t.Errorf("mark %q has byte range [%d,%d) outside the draft", m.Text, m.B0, m.B1)
			continue
		}
		if want := draft[m.B0:m.B1]; m.Text != want {
			t.Errorf("mark over bytes [%d,%d) shows %q, want %q (byte→index conversion)", m.B0, m.B1, m.Text, want)
		}
		if m.W <= 0 || m.H <= 0 || !m.In {
			t.Errorf("mark %q is not drawn inside the draft box (%.0f×%.0f, inside %v)", m.Text, m.W, m.H, m.In)
		}
		texts = append(texts, m.Text)
	}
	return texts
}

func TestBrowser(t *testing.T) {
	srv, api := newTestServer(t)
	ctx, urls, mu := browser(t, 1280, 900)

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("draft"))); err != nil {
		t.Fatalf("open page: %v", err)
	}
	s := state(t, ctx)
	if s.Verdict != "empty" {
		t.Errorf("fresh page verdict = %q, want empty", s.Verdict)
	}

	// 1. a risky draft, typed key by key
	typeDraft(t, ctx, riskyDraft)
	s = waitFor(t, ctx, "a block or review verdict with highlights", func(s pageState) bool {
		return (s.Verdict == "block" || s.Verdict == "review") && len(s.Marks) > 0
	})
	if s.Value != riskyDraft {
		t.Fatalf("typed %q, textarea holds %q", riskyDraft, s.Value)
	}
	if s.Word != "Block" && s.Word != "Review" {
		t.Errorf("verdict reads %q, want Block or Review", s.Word)
	}
	marked := strings.Join(checkMarks(t, riskyDraft, s), "|")
	for _, id := range []string{"Zoë Pickering", "bed 4"} {
		if !strings.Contains(marked, id) {
			t.Errorf("identifier %q is not highlighted (marks: %s)", id, marked)
		}
	}
	if len(s.Findings) == 0 {
		t.Fatal("no findings listed")
	}
	if !strings.Contains(s.Findings[0].Text, "“Mrs Zoë Pickering”") {
		t.Errorf("first finding does not quote the name: %s", s.Findings[0].Text)
	}
	s = waitFor(t, ctx, "a safer version", func(s pageState) bool { return s.Safer != "" })

	// typing again hides what was found for the old text at once
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("draft"), "!")); err != nil {
		t.Fatal(err)
	}
	if s := state(t, ctx); s.Busy {
		if len(s.Marks) != 0 || len(s.Findings) != 0 || s.Safer != "" {
			t.Errorf("stale results shown while re-checking: %d marks, %d findings, safer %q", len(s.Marks), len(s.Findings), s.Safer)
		}
	} else if s.Value != riskyDraft+"!" || s.Verdict == "" {
		t.Errorf("after a keystroke the page is neither checking nor checked: %+v", s)
	} else {
		t.Log("the re-check finished before the page was read") // a very slow machine
	}
	s = waitFor(t, ctx, "the re-check", func(s pageState) bool {
		return s.Value == riskyDraft+"!" && len(s.Marks) > 0 && s.Safer != ""
	})
	checkMarks(t, riskyDraft+"!", s)
	if strings.Contains(s.Safer, "Pickering") || strings.Contains(s.Safer, "bed 4") {
		t.Errorf("safer version keeps identifiers: %q", s.Safer)
	}

	// 2. mark findings "not a problem": the page warns before dismissing a
	// high or blocking one, and asks for a reason when the organisation
	// requires one for blocking findings
	requireReason := orgRequiresReason(t, srv.URL)
	if !requireReason {
		t.Error("GET /v1/config does not report the organisation's require_reason_for_block_dismissal")
	}
	high, block := s.Findings[len(s.Findings)-1], s.Findings[0]
	if !strings.Contains(high.Severity, "sev-high") || !strings.Contains(block.Severity, "sev-block") {
		t.Fatalf("want a blocking finding first and a high one last: %+v", s.Findings)
	}
	dismiss := func(f string) {
		t.Helper()
		sel := `#findings > li[data-fingerprint="` + f + `"] button.dismiss`
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
			t.Fatalf("click not a problem: %v", err)
		}
		open, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('dismiss-dialog').open`))
		if err != nil || !open {
			t.Fatalf("dismissing %s gave no warning (%v)", f, err)
		}
	}
	dismiss(high.Fingerprint)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("dismiss-confirm"))); err != nil {
		t.Fatalf("confirm dismissal: %v", err)
	}
	s = waitFor(t, ctx, "the dismissed finding to go", func(s pageState) bool {
		if s.Verdict == "empty" || len(s.Findings) == 0 || !strings.Contains(s.Detail, "1 marked not a problem") {
			return false
		}
		for _, f := range s.Findings {
			if f.Fingerprint == high.Fingerprint {
				return false
			}
		}
		return true
	})
	checkMarks(t, riskyDraft+"!", s)

	const reason = "consent in writing"
	dismiss(block.Fingerprint)
	if requireReason {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("dismiss-confirm"))); err != nil {
			t.Fatal(err)
		}
		stillOpen, err := chromedp.Run(ctx, chromedp.Evaluate[bool](
			`document.getElementById('dismiss-dialog').open && !document.getElementById('reason-error').hidden`))
		if err != nil {
			t.Fatal(err)
		}
		if !stillOpen {
			t.Fatal("a blocking finding was dismissed without the reason the organisation requires")
		}
		if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("dismiss-reason"), reason)); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("dismiss-confirm"))); err != nil {
		t.Fatalf("confirm dismissal: %v", err)
	}
	s = waitFor(t, ctx, "the blocking finding dismissed", func(s pageState) bool {
		if s.Verdict == "empty" || len(s.Findings) == 0 {
			return false
		}
		for _, f := range s.Findings {
			if f.Fingerprint == block.Fingerprint {
				// the organisation keeps it, and the page says so
				return requireReason && strings.Contains(f.Severity, "still-flagged") &&
					strings.Contains(f.Text, "You marked this “not a problem” (“"+reason+"”)")
			}
		}
		return !requireReason
	})
	checkMarks(t, riskyDraft+"!", s)
	var ignore []map[string]any
	if err := json.Unmarshal([]byte(s.Storage["scrubs.ignore.v1"]), &ignore); err != nil {
		t.Fatalf("ignore list in localStorage: %v (%q)", err, s.Storage["scrubs.ignore.v1"])
	}
	if len(ignore) != 2 || ignore[0]["fingerprint"] != high.Fingerprint || ignore[1]["fingerprint"] != block.Fingerprint {
		t.Errorf("ignore list = %v, want [%s %s]", ignore, high.Fingerprint, block.Fingerprint)
	} else if ignore[0]["reason"] != nil || (requireReason && ignore[1]["reason"] != reason) {
		t.Errorf("ignore entries %v: want no reason for the first, %q for the second", ignore, reason)
	}
	for _, item := range ignore {
		for k := range item {
			if k != "fingerprint" && k != "reason" {
				t.Errorf("ignore entry holds %q: %v", k, item)
			}
		}
	}
	for k, v := range s.Storage {
		for _, bit := range []string{"Pickering", "Zoë", "bed 4", "shift", "😷", "sepsis"} {
			if strings.Contains(v, bit) || strings.Contains(k, bit) {
				t.Errorf("localStorage %s holds post text %q: %s", k, bit, v)
			}
		}
	}

	// the safer version replaces the draft and is checked in turn; wait for the
	// one redaction of the draft as it now stands (the dismissal re-checks it)
	s = waitFor(t, ctx, "the safer version of the current draft", func(s pageState) bool { return s.Safer != "" && !s.Busy })
	saferCheck, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("safer-check")))
	if err != nil {
		t.Fatal(err)
	}
	saferText := s.Safer
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("use-safer"))); err != nil {
		t.Fatal(err)
	}
	s = waitFor(t, ctx, "the safer version checked", func(s pageState) bool {
		return s.Value == saferText && s.Verdict != "" && s.Verdict != "empty"
	})
	if strings.Contains(saferCheck, "safe") && s.Verdict != "safe" {
		t.Errorf("the safer version was re-checked as safe (%q), but as the draft it is %q", saferCheck, s.Verdict)
	}

	// 3. clear, then a safe draft
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("clear"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "an empty page", func(s pageState) bool { return s.Verdict == "empty" && len(s.Marks) == 0 && len(s.Findings) == 0 })
	typeDraft(t, ctx, safeDraft)
	s = waitFor(t, ctx, "a safe verdict", func(s pageState) bool { return s.Verdict == "safe" && s.Value == safeDraft })
	if s.Word != "Safe" || len(s.Marks) != 0 || len(s.Findings) != 0 || s.Safer != "" {
		t.Errorf("safe draft: word %q, %d marks, %d findings, safer %q", s.Word, len(s.Marks), len(s.Findings), s.Safer)
	}

	// Tab leaves the draft for the next control, which shows its focus
	focus, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
	if err != nil || focus != "draft" {
		t.Fatalf("focus is on %q (%v), want the draft", focus, err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	focus, err = chromedp.Run(ctx, chromedp.Evaluate[string](
		`document.activeElement.id + ' ' + getComputedStyle(document.activeElement).outlineStyle`))
	if err != nil || focus != "clear solid" {
		t.Errorf("after Tab: focus and outline %q (%v), want \"clear solid\"", focus, err)
	}

	// 4. settings persist across a reload; the post does not
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("locale"), "au"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('locale').dispatchEvent(new Event('change'))`),
		chromedp.Reload(),
		chromedp.WaitVisible(chromedp.ID("draft")),
	); err != nil {
		t.Fatal(err)
	}
	locale, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("locale")))
	if err != nil {
		t.Fatal(err)
	}
	s = state(t, ctx)
	if locale != "au" || s.Value != "" {
		t.Errorf("after reload: locale %q (want au), draft %q (want empty)", locale, s.Value)
	}

	// 5. no request left this origin, the page kept to its policy, and the
	// API saw only what was typed
	if len(s.CSP) != 0 {
		t.Errorf("Content-Security-Policy violations: %v", s.CSP)
	}
	mu.Lock()
	seen := slices.Clone(*urls)
	mu.Unlock()
	if len(seen) == 0 {
		t.Fatal("no requests recorded")
	}
	for _, u := range seen {
		if !strings.HasPrefix(u, srv.URL+"/") {
			t.Errorf("request to another origin: %s", u)
		}
	}
	api.mu.Lock()
	if len(api.texts) == 0 {
		t.Error("the API saw no request")
	}
	for _, text := range api.texts {
		if !strings.HasPrefix(riskyDraft+"!", text) && !strings.HasPrefix(safeDraft, text) && text != saferText {
			t.Errorf("API was sent %q, which is neither a prefix of a typed draft nor the safer version", text)
		}
	}
	api.mu.Unlock()

	res, err := http.Get(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("Content-Security-Policy"); got != web.ContentSecurityPolicy {
		t.Errorf("served policy = %q", got)
	}
}

// TestScreenshots writes docs/web-desktop.png and docs/web-phone.png with a
// risky draft checked, when SCRUBS_SCREENSHOTS=1.
func TestScreenshots(t *testing.T) {
	if os.Getenv("SCRUBS_SCREENSHOTS") != "1" {
		t.Skip("set SCRUBS_SCREENSHOTS=1 to write docs/web-*.png")
	}
	srv, _ := newTestServer(t)
	for _, shot := range []struct {
		name          string
		width, height int64
	}{{"web-desktop.png", 1280, 900}, {"web-phone.png", 375, 812}} {
		ctx, _, _ := browser(t, shot.width, shot.height)
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("draft"))); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx,
			chromedp.SetValue(chromedp.ID("locale"), "uk"),
			chromedp.SetValue(chromedp.ID("role"), "nurse"),
			chromedp.Evaluate[chromedp.Void](`document.getElementById('role').dispatchEvent(new Event('change'))`),
		); err != nil {
			t.Fatal(err)
		}
		typeDraft(t, ctx, screenshotDraft)
		waitFor(t, ctx, "a checked draft with a safer version", func(s pageState) bool {
			return s.Verdict == "block" && len(s.Marks) > 0 && s.Safer != ""
		})
		// let the verdict's colour transition finish
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.Sleep(400*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join("..", "..", "docs", shot.name)
		if err := os.WriteFile(out, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", out, len(png))
	}
}
