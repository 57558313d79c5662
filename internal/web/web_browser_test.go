package web_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
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

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/scrubshq/scrubs/internal/photo/phototest"
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
// risky draft checked, and docs/web-training.png with feedback on a training
// answer, when SCRUBS_SCREENSHOTS=1.
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
		// a whiteboard photo with a GPS position, checked with the draft as its caption
		board := filepath.Join(t.TempDir(), "board.jpg")
		if err := os.WriteFile(board, phototest.WithSegments(phototest.Whiteboard(900, 300, 48, phototest.WhiteboardLines),
			phototest.EXIFSegment(phototest.EXIF{Make: "Acme", Model: "Phone 3", Lat: 52.2053, Long: 0.1218})), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("photo-file"), []string{board})); err != nil {
			t.Fatal(err)
		}
		waitPhoto(t, ctx, "the photo checked", func(s photoState) bool { return s.Verdict == "block" })
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

	// the training page, with feedback on an answer
	ctx, _, _ := browser(t, 1280, 900)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/training"), chromedp.WaitVisible(chromedp.ID("start")),
		chromedp.SetValue(chromedp.ID("t-locale"), "uk"), chromedp.SetValue(chromedp.ID("t-role"), "nurse"),
		chromedp.SetValue(chromedp.ID("t-count"), "5"), chromedp.Click(chromedp.ID("start"))); err != nil {
		t.Fatal(err)
	}
	waitTraining(t, ctx, "a scenario", func(s trainingState) bool { return s.Session && s.Title != "" })
	if err := chromedp.Do(ctx, chromedp.KeyEvent("1")); err != nil {
		t.Fatal(err)
	}
	waitTraining(t, ctx, "feedback", func(s trainingState) bool { return s.Feedback.Shown })
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`), chromedp.Sleep(200*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join("..", "..", "docs", "web-training.png")
	if err := os.WriteFile(out, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", out, len(png))
}

// allowDownloads lets the browser save downloads into dir.
func allowDownloads(t *testing.T, ctx context.Context, dir string) {
	t.Helper()
	if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatalf("allow downloads: %v", err)
	}
}

// waitDownload waits for a finished file in dir and returns its name and bytes.
func waitDownload(t *testing.T, dir string) (string, []byte) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".crdownload") {
				b, err := os.ReadFile(filepath.Join(dir, e.Name()))
				if err == nil && len(b) > 0 {
					return e.Name(), b
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("no download arrived")
	return "", nil
}

// photoState is what the test reads back from the photo section.
type photoState struct {
	Verdict string `json:"verdict"`
	Busy    bool   `json:"busy"`
	Word    string `json:"word"`
	Detail  string `json:"detail"`
	Caption string `json:"caption"`
	Found   []struct {
		Source string `json:"source"`
		Type   string `json:"type"`
		Text   string `json:"text"`
	} `json:"found"`
	Risks []struct {
		Rule string `json:"rule"`
		Text string `json:"text"`
	} `json:"risks"`
	Boxes []struct {
		Class  string `json:"class"`
		Inside bool   `json:"inside"`
		W      float64
		H      float64
	} `json:"boxes"`
	Canvas struct{ W, H int } `json:"canvas"`
	Drawn  bool               `json:"drawn"`
	Safe   string             `json:"safe"`
	CSP    []string           `json:"csp"`
}

const readPhoto = `(function () {
  var v = document.getElementById('photo-verdict');
  var pb = document.getElementById('preview-box').getBoundingClientRect();
  var c = document.getElementById('preview-canvas');
  var px = c.width && c.height ? c.getContext('2d').getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data : [0, 0, 0, 0];
  return {
    verdict: v.getAttribute('data-verdict'), busy: v.getAttribute('aria-busy') === 'true',
    word: document.getElementById('photo-verdict-word').textContent,
    detail: document.getElementById('photo-verdict-detail').textContent,
    caption: document.getElementById('preview-caption').textContent,
    found: Array.from(document.querySelectorAll('#photo-found > li')).map(function (li) {
      return { source: li.getAttribute('data-source'), type: li.getAttribute('data-type'), text: li.textContent };
    }),
    risks: Array.from(document.querySelectorAll('#photo-risks > li')).map(function (li) {
      return { rule: li.getAttribute('data-rule'), text: li.textContent };
    }),
    boxes: Array.from(document.querySelectorAll('#preview-box .box')).map(function (b) {
      var r = b.getBoundingClientRect();
      return { class: b.className, W: r.width, H: r.height,
        inside: r.left >= pb.left - 1 && r.right <= pb.right + 1 && r.top >= pb.top - 1 && r.bottom <= pb.bottom + 1 };
    }),
    canvas: { W: c.width, H: c.height },
    drawn: px[3] === 255,
    safe: document.getElementById('photo-safe-status').textContent,
    csp: window.__csp || []
  };
})()`

func waitPhoto(t *testing.T, ctx context.Context, what string, cond func(photoState) bool) photoState {
	t.Helper()
	deadline := time.Now().Add(45 * time.Second)
	for {
		s, err := chromedp.Run(ctx, chromedp.Evaluate[photoState](readPhoto))
		if err != nil {
			t.Fatalf("read photo state: %v", err)
		}
		if !s.Busy && cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; photo: %+v", what, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// testPhoto is a 320×240 picture with some texture, carrying EXIF with a GPS
// position, as a phone writes it.
func testPhoto() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 320, 240))
	for y := range 240 {
		for x := range 320 {
			img.Set(x, y, color.RGBA{uint8(80 + x/4), uint8(120 + y/4), 160, 255})
		}
	}
	return phototest.WithSegments(img, phototest.EXIFSegment(phototest.EXIF{Make: "Acme", Model: "Phone 3",
		DateTimeOriginal: "2026:11:20 08:15:00", Lat: 52.2053, Long: 0.1218}))
}

// TestBrowserPhoto uploads a photo with GPS metadata through the file input,
// downloads its safe copy, then drops a whiteboard picture on the drop zone.
func TestBrowserPhoto(t *testing.T) {
	srv, _ := newTestServer(t)
	ctx, urls, mu := browser(t, 1280, 900)
	dir := t.TempDir()
	pic := filepath.Join(dir, "ward.jpg")
	if err := os.WriteFile(pic, testPhoto(), 0o600); err != nil {
		t.Fatal(err)
	}
	downloads := t.TempDir()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("draft"))); err != nil {
		t.Fatalf("open page: %v", err)
	}
	allowDownloads(t, ctx, downloads)
	typeDraft(t, ctx, "Lovely sunrise walk before the early shift")
	waitFor(t, ctx, "the caption checked", func(s pageState) bool { return s.Verdict == "safe" })

	// 1. the file input
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("photo-file"), []string{pic})); err != nil {
		t.Fatalf("upload: %v", err)
	}
	s := waitPhoto(t, ctx, "the photo's verdict", func(s photoState) bool { return s.Verdict == "review" || s.Verdict == "block" })
	if s.Word != "Review" || !strings.Contains(s.Caption, "JPEG 320×240") || !strings.Contains(s.Caption, "has hidden details") {
		t.Errorf("verdict %q, caption %q", s.Word, s.Caption)
	}
	gps := false
	for _, f := range s.Found {
		if f.Type == "GPS" && f.Source == "exif" && strings.Contains(f.Text, "52.2053, 0.1218") && strings.Contains(f.Text, "Where it was taken") {
			gps = true
		}
	}
	if !gps {
		t.Errorf("the GPS position is not shown: %+v", s.Found)
	}
	if len(s.Risks) == 0 || s.Risks[0].Rule != "CONF-011" || !strings.Contains(s.Risks[0].Text, "Location in the photo") ||
		!strings.Contains(s.Risks[0].Text, "Fix:") || !strings.Contains(s.Risks[0].Text, "Medical Protection") {
		t.Errorf("the location finding lacks its title, fix or guidance: %+v", s.Risks)
	}
	if s.Canvas.W != 320 || s.Canvas.H != 240 || !s.Drawn {
		t.Errorf("preview canvas %dx%d, drawn %v", s.Canvas.W, s.Canvas.H, s.Drawn)
	}

	// the safe copy: no metadata, checked again
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("photo-safe"))); err != nil {
		t.Fatal(err)
	}
	name, copyBytes := waitDownload(t, downloads)
	if name != "safe-copy.jpg" || !bytes.HasPrefix(copyBytes, []byte{0xFF, 0xD8}) || bytes.Contains(copyBytes, []byte("Exif\x00\x00")) || bytes.Contains(copyBytes, []byte("Acme")) {
		t.Errorf("download %s (%d bytes) is not a clean JPEG", name, len(copyBytes))
	}
	s = waitPhoto(t, ctx, "the safe copy's summary", func(s photoState) bool { return strings.HasPrefix(s.Safe, "Safe copy downloaded") })
	if !strings.Contains(s.Safe, "hidden details removed") || !strings.Contains(s.Safe, "Checked again: safe") {
		t.Errorf("safe copy status %q", s.Safe)
	}

	// 2. a whiteboard dropped on the drop zone: text read, boxes over it
	var png bytes.Buffer
	if err := pngEncode(&png, phototest.Whiteboard(900, 300, 48, phototest.WhiteboardLines)); err != nil {
		t.Fatal(err)
	}
	drop := `(function () {
	  var bin = atob('` + base64.StdEncoding.EncodeToString(png.Bytes()) + `');
	  var bytes = new Uint8Array(bin.length);
	  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
	  var dt = new DataTransfer();
	  dt.items.add(new File([bytes], 'board.png', { type: 'image/png' }));
	  var zone = document.getElementById('dropzone');
	  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
	  return zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
	})()`
	notCancelled, err := chromedp.Run(ctx, chromedp.Evaluate[bool](drop))
	if err != nil {
		t.Fatal(err)
	}
	if notCancelled {
		t.Error("the drop was not handled (the browser would open the file)")
	}
	s = waitPhoto(t, ctx, "the whiteboard's verdict", func(s photoState) bool {
		return strings.Contains(s.Caption, "PNG 900×300") && s.Verdict != "empty"
	})
	ocr := false
	for _, f := range s.Found {
		ocr = ocr || f.Source == "ocr"
	}
	switch {
	case ocr:
		if s.Verdict != "block" && s.Verdict != "review" {
			t.Errorf("whiteboard with a patient's details: verdict %q", s.Verdict)
		}
		if len(s.Boxes) == 0 {
			t.Error("no boxes drawn over the text read")
		}
		for _, b := range s.Boxes {
			if !b.Inside || b.W <= 0 || b.H <= 0 || !strings.Contains(b.Class, "box-ocr") {
				t.Errorf("box %+v is not drawn over the preview", b)
			}
		}
	case os.Getenv("SCRUBS_REQUIRE_TOOLS") == "1":
		t.Errorf("no text read from the whiteboard (is tesseract installed?): %+v", s)
	default:
		t.Log("tesseract not installed: the whiteboard's text was not read")
	}

	if len(s.CSP) != 0 {
		t.Errorf("Content-Security-Policy violations: %v", s.CSP)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, u := range *urls {
		if !strings.HasPrefix(u, srv.URL+"/") && !strings.HasPrefix(u, "blob:"+srv.URL+"/") {
			t.Errorf("request to another origin: %s", u)
		}
	}
}

// trainingState is what the test reads back from the training page.
type trainingState struct {
	Progress string `json:"progress"`
	Title    string `json:"title"`
	Session  bool   `json:"session"`
	Feedback struct {
		Shown   bool   `json:"shown"`
		Correct string `json:"correct"`
		Verdict string `json:"verdict"`
		Why     string `json:"why"`
		Cites   int    `json:"cites"`
		Text    string `json:"text"`
	} `json:"feedback"`
	Done    bool   `json:"done"`
	Score   string `json:"score"`
	Focus   string `json:"focus"`
	Results *struct {
		Score    int `json:"score"`
		Answered int `json:"answered"`
		Asked    int `json:"asked"`
		Answers  []struct {
			Scenario string `json:"scenario"`
			Chosen   int    `json:"chosen"`
			Best     int    `json:"best"`
			Correct  bool   `json:"correct"`
		} `json:"answers"`
	} `json:"results"`
	CSP []string `json:"csp"`
}

const readTraining = `(function () {
  var fb = document.getElementById('feedback');
  var a = document.activeElement;
  return {
    progress: document.getElementById('progress').textContent,
    title: document.getElementById('scenario-title').textContent,
    session: !document.getElementById('session').hidden,
    feedback: { shown: !fb.hidden, correct: fb.getAttribute('data-correct') || '',
      verdict: document.getElementById('feedback-verdict').textContent,
      why: document.getElementById('feedback-why').textContent,
      cites: document.querySelectorAll('#feedback-cites li').length, text: fb.textContent },
    done: !document.getElementById('done').hidden,
    score: document.getElementById('score').textContent,
    focus: a ? (a.id || a.getAttribute('data-choice') || a.tagName) : '',
    results: window.scrubsTraining.results(),
    csp: window.__csp || []
  };
})()`

func trainingNow(t *testing.T, ctx context.Context) trainingState {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[trainingState](readTraining))
	if err != nil {
		t.Fatalf("read training state: %v", err)
	}
	return s
}

func waitTraining(t *testing.T, ctx context.Context, what string, cond func(trainingState) bool) trainingState {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		s := trainingNow(t, ctx)
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; page: %+v", what, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestBrowserTraining runs the training page through two scenarios with
// the keyboard only, stops, and downloads the results made in the browser.
func TestBrowserTraining(t *testing.T) {
	srv, _ := newTestServer(t)
	ctx, urls, mu := browser(t, 1280, 900)
	downloads := t.TempDir()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("draft")),
		chromedp.Click(chromedp.CSS(`a[href="/training"]`)), chromedp.WaitVisible(chromedp.ID("start"))); err != nil {
		t.Fatalf("open the training page from the main page: %v", err)
	}
	allowDownloads(t, ctx, downloads)
	key := func(k string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
			t.Fatal(err)
		}
	}
	// choose the topic with the keyboard, then start with Enter
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("t-locale"), "uk"), chromedp.SetValue(chromedp.ID("t-count"), "5"),
		chromedp.SendKeys(chromedp.ID("t-name"), "Sam Test"), chromedp.Focus(chromedp.ID("start"))); err != nil {
		t.Fatal(err)
	}
	key(kb.Enter)
	s := waitTraining(t, ctx, "the first scenario", func(s trainingState) bool { return s.Session && s.Title != "" })
	if s.Progress != "Scenario 1 of 5" || s.Focus != "scenario-title" {
		t.Errorf("progress %q, focus on %q", s.Progress, s.Focus)
	}
	first := s.Title

	// scenario 1: the number key
	key("2")
	s = waitTraining(t, ctx, "feedback on the first answer", func(s trainingState) bool { return s.Feedback.Shown })
	checkFeedback := func(s trainingState, chosen int) {
		t.Helper()
		if s.Results == nil || len(s.Results.Answers) == 0 {
			t.Fatal("no answer recorded")
		}
		a := s.Results.Answers[len(s.Results.Answers)-1]
		if a.Chosen != chosen || a.Correct != (a.Chosen == a.Best) || s.Feedback.Correct != fmt.Sprint(a.Correct) {
			t.Errorf("answer %+v, feedback correct=%q", a, s.Feedback.Correct)
		}
		if s.Feedback.Why == "" || s.Feedback.Cites == 0 || s.Focus != "feedback" {
			t.Errorf("feedback without reasons or guidance, or focus on %q: %+v", s.Focus, s.Feedback)
		}
		if a.Correct != strings.Contains(s.Feedback.Verdict, "Best answer") || (!a.Correct && !strings.Contains(s.Feedback.Text, "The best answer:")) {
			t.Errorf("feedback %q does not match the answer %+v", s.Feedback.Text, a)
		}
	}
	checkFeedback(s, 2)
	key("3") // a second key changes nothing
	if again := trainingNow(t, ctx); len(again.Results.Answers) != 1 {
		t.Errorf("a second key press recorded another answer: %+v", again.Results.Answers)
	}
	tabTo := func(id string) {
		t.Helper()
		for range 20 {
			key(kb.Tab)
			if trainingNow(t, ctx).Focus == id {
				return
			}
		}
		t.Fatalf("Tab never reached #%s", id)
	}
	tabTo("next") // past the guidance's links
	key(kb.Enter)
	s = waitTraining(t, ctx, "the second scenario", func(s trainingState) bool { return s.Progress == "Scenario 2 of 5" && !s.Feedback.Shown })
	if s.Title == first {
		t.Error("the second scenario is the first again")
	}

	// scenario 2: Tab to the first choice, Enter
	key(kb.Tab)
	if f := trainingNow(t, ctx).Focus; f != "1" {
		t.Errorf("Tab from the scenario's title went to %q, want the first choice", f)
	}
	key(kb.Enter)
	s = waitTraining(t, ctx, "feedback on the second answer", func(s trainingState) bool { return s.Feedback.Shown })
	checkFeedback(s, 1)

	// stop: Tab past "Next scenario" to "Stop and see my score"
	tabTo("stop")
	key(kb.Enter)
	s = waitTraining(t, ctx, "the score", func(s trainingState) bool { return s.Done })
	correct := 0
	for _, a := range s.Results.Answers {
		if a.Correct {
			correct++
		}
	}
	if want := fmt.Sprintf("You chose the best answer in %d of 2 scenarios (you stopped after 2 of 5).", correct); s.Score != want {
		t.Errorf("score %q, want %q", s.Score, want)
	}
	if s.Results.Score != correct || s.Results.Answered != 2 || s.Results.Asked != 5 {
		t.Errorf("results %+v", s.Results)
	}

	// download my results: a CSV made in the page
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("download-csv"))); err != nil {
		t.Fatal(err)
	}
	key(kb.Enter)
	name, csv := waitDownload(t, downloads)
	lines := strings.Split(strings.TrimSpace(string(csv)), "\r\n")
	if !strings.HasSuffix(name, ".csv") || len(lines) != 3 || lines[0] != "name,started,finished,scenario,category,chosen,best,correct,score,answered,asked" ||
		!strings.HasPrefix(lines[1], "Sam Test,") || !strings.Contains(lines[1], ","+s.Results.Answers[0].Scenario+",") {
		t.Errorf("download %s:\n%s", name, csv)
	}
	if len(s.CSP) != 0 {
		t.Errorf("Content-Security-Policy violations: %v", s.CSP)
	}
	// the page only read: no request sent the answers anywhere
	mu.Lock()
	defer mu.Unlock()
	for _, u := range *urls {
		if !strings.HasPrefix(u, srv.URL+"/") && !strings.HasPrefix(u, "blob:"+srv.URL+"/") {
			t.Errorf("request to another origin: %s", u)
		}
		if strings.Contains(u, "Sam") {
			t.Errorf("the name left the page: %s", u)
		}
	}
}

func pngEncode(w io.Writer, img image.Image) error { return png.Encode(w, img) }
