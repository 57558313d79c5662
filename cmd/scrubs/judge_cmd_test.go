package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cliRisk is a risk as `scrubs check --format json` prints it.
type cliRisk struct {
	Rule        string `json:"rule"`
	Category    string `json:"category"`
	Severity    string `json:"severity"`
	Message     string `json:"message"`
	Fingerprint string `json:"fingerprint"`
	Citations   []struct {
		Document string `json:"document"`
	} `json:"citations"`
}

type cliResult struct {
	Verdict    string    `json:"verdict"`
	Categories []string  `json:"categories"`
	Risks      []cliRisk `json:"risks"`
	Ignored    int       `json:"ignored"`
}

func checkJSON(t *testing.T, args ...string) (int, cliResult) {
	t.Helper()
	code, out, errs := runCLI(t, nil, append([]string{"check", "--format", "json"}, args...)...)
	if code == exitUsage {
		t.Fatalf("check %v: code %d, stderr %q", args, code, errs)
	}
	var res cliResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("check %v: not JSON (%v): %.300s", args, err, out)
	}
	return code, res
}

func (r cliResult) risk(id string) *cliRisk {
	for i := range r.Risks {
		if r.Risks[i].Rule == id {
			return &r.Risks[i]
		}
	}
	return nil
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRulesCommand(t *testing.T) {
	code, out, errs := runCLI(t, nil, "rules")
	if code != exitClean || !strings.Contains(out, "CONF-001") || !strings.Contains(out, "packs: core, ") || !strings.Contains(out, "scrubs rules explain ID") {
		t.Errorf("rules: code %d, stdout %.300q, stderr %q", code, out, errs)
	}
	code, out, _ = runCLI(t, nil, "rules", "--locale", "uk", "--role", "nurse")
	if code != exitClean || !strings.Contains(out, "uk-nmc") || strings.Contains(out, "uk-gmc") || strings.Contains(out, "HIPAA-") {
		t.Errorf("rules for a UK nurse: code %d, %.300q", code, out)
	}

	code, out, errs = runCLI(t, nil, "rules", "explain", "CONF-001")
	if code != exitClean {
		t.Fatalf("explain: code %d, stderr %q", code, errs)
	}
	for _, want := range []string{"CONF-001", "category:  CONFIDENTIALITY", "severity:  block", "citations:\n  - ", "flags, for example:\n  + ", "leaves alone, for example:\n  - ", "core.yaml:"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain CONF-001 lacks %q:\n%s", want, out)
		}
	}
	if code, out2, _ := runCLI(t, nil, "rules", "explain", "conf-001"); code != exitClean || out2 != out {
		t.Errorf("explain in lower case: code %d", code)
	}
	code, out, _ = runCLI(t, nil, "rules", "explain", "CONF-001", "--format", "json")
	var rule struct {
		ID        string `json:"id"`
		Citations []any  `json:"citations"`
		Examples  struct {
			Trigger []string `json:"trigger"`
			Quiet   []string `json:"quiet"`
		} `json:"examples"`
	}
	if err := json.Unmarshal([]byte(out), &rule); code != exitClean || err != nil || rule.ID != "CONF-001" || len(rule.Citations) == 0 || len(rule.Examples.Trigger) == 0 || len(rule.Examples.Quiet) == 0 {
		t.Errorf("explain --format json: code %d, err %v, %.300s", code, err, out)
	}

	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"rules", "explain", "NOPE"}, `no active rule "NOPE"`},
		{[]string{"rules", "explain"}, "usage: scrubs rules explain ID"},
		{[]string{"rules", "explain", "CONF-001", "CONF-002"}, "usage: scrubs rules explain ID"},
		{[]string{"rules", "explain", "HIPAA-A", "--pack", "uk-nmc"}, `no active rule "HIPAA-A"`},
		{[]string{"rules", "CONF-001"}, "did you mean `scrubs rules explain CONF-001`"},
		{[]string{"rules", "--format", "xml"}, `unknown --format "xml"`},
		{[]string{"rules", "--pack", "nope"}, `unknown pack "nope"`},
	} {
		code, out, errs := runCLI(t, nil, bad.args...)
		if code != exitUsage || !strings.Contains(errs, bad.want) || out != "" {
			t.Errorf("%v: code %d, stdout %.100q, stderr %q, want %q", bad.args, code, out, errs, bad.want)
		}
	}

	code, out, errs = runCLI(t, nil, "rules", "--packs", "--format", "json")
	var packs []struct {
		Pack   string `json:"pack"`
		Title  string `json:"title"`
		Active bool   `json:"active"`
	}
	if err := json.Unmarshal([]byte(out), &packs); code != exitClean || err != nil || len(packs) == 0 {
		t.Fatalf("rules --packs --format json: code %d, err %v, stderr %q, %.300s", code, err, errs, out)
	}
	if packs[0].Pack != "core" || !packs[0].Active || packs[0].Title == "" {
		t.Errorf("first pack %+v, want core, active", packs[0])
	}
	code, out, _ = runCLI(t, nil, "rules", "--packs", "--locale", "uk", "--role", "nurse", "--format", "json")
	packs = nil
	if err := json.Unmarshal([]byte(out), &packs); code != exitClean || err != nil {
		t.Fatalf("rules --packs for a nurse: %v", err)
	}
	for _, p := range packs {
		if want := p.Pack == "core" || p.Pack == "uk-nmc" || p.Pack == "uk-law"; p.Active != want {
			t.Errorf("UK nurse: pack %s active %v", p.Pack, p.Active)
		}
	}
	if code, out, _ := runCLI(t, nil, "rules", "--packs"); code != exitClean || !strings.Contains(out, "PACK") || !strings.Contains(out, "core") {
		t.Errorf("rules --packs: code %d, %.200q", code, out)
	}
	code, out, _ = runCLI(t, nil, "rules", "--format", "json")
	var list struct {
		Packs []string `json:"packs"`
		Rules []struct {
			ID string `json:"id"`
		} `json:"rules"`
	}
	if err := json.Unmarshal([]byte(out), &list); code != exitClean || err != nil || len(list.Rules) == 0 || list.Packs[0] != "core" {
		t.Errorf("rules --format json: code %d, err %v", code, err)
	}
}

const riskyPost = "Lovely Mrs Doris Pickering, 94, in bed 4 from Aylsham, admitted with sepsis."

func TestRedactCommand(t *testing.T) {
	code, out, errs := runCLI(t, nil, "redact", "--format", "json", riskyPost)
	var red struct {
		Text    string `json:"text"`
		Changes []struct {
			From, To, Why, Operator string
			Start, End, Pass        int
		} `json:"changes"`
		Before *cliResult `json:"before"`
		After  *cliResult `json:"after"`
	}
	if err := json.Unmarshal([]byte(out), &red); err != nil {
		t.Fatalf("redact --format json: not JSON (%v), code %d, stderr %q", err, code, errs)
	}
	if red.Text == "" || strings.Contains(red.Text, "Pickering") || !strings.Contains(red.Text, "sepsis") || len(red.Changes) == 0 || red.After == nil || red.Before == nil {
		t.Fatalf("redact: %.500s", out)
	}
	if code != exitClean || red.After.Verdict != "safe" || red.Before.Verdict == "safe" {
		t.Errorf("redact: code %d, before %s, after %s", code, red.Before.Verdict, red.After.Verdict)
	}
	for _, c := range red.Changes {
		if c.From == "" || c.Why == "" || c.Operator == "" || c.Pass < 1 {
			t.Errorf("change lacks fields: %+v", c)
		}
	}

	// Text output: the rewritten post, the changes and the re-check.
	code, out, _ = runCLI(t, nil, "redact", "--operator", "placeholder", riskyPost)
	if code != exitClean || !strings.Contains(out, "[NAME]") || !strings.Contains(out, "re-check: safe") || !strings.Contains(out, "NAME_PATIENT") {
		t.Errorf("redact text: code %d, %q", code, out)
	}
	code, out, _ = runCLI(t, strings.NewReader("quiet night, all settled"), "redact")
	if code != exitClean || !strings.Contains(out, "no changes") {
		t.Errorf("redact of a safe post: code %d, %q", code, out)
	}
	code, _, errs = runCLI(t, nil, "redact", "--operator", "blur", riskyPost)
	if code != exitUsage || !strings.Contains(errs, `unknown operator "blur"`) {
		t.Errorf("bad operator: code %d, stderr %q", code, errs)
	}
}

func TestCheckNurseCitations(t *testing.T) {
	code, res := checkJSON(t, "--locale", "uk", "--role", "nurse", riskyPost)
	if code != exitFound || res.Verdict != "block" || len(res.Risks) == 0 {
		t.Fatalf("code %d, %+v", code, res)
	}
	for _, r := range res.Risks {
		nmc := false
		for _, c := range r.Citations {
			nmc = nmc || strings.Contains(c.Document, "NMC")
			if strings.HasPrefix(c.Document, "GMC") || strings.Contains(c.Document, "HIPAA") {
				t.Errorf("%s cites %q, from a pack a UK nurse does not use", r.Rule, c.Document)
			}
		}
		if !nmc {
			t.Errorf("%s has no NMC citation: %+v", r.Rule, r.Citations)
		}
		if strings.HasPrefix(r.Rule, "HIPAA-") || strings.HasPrefix(r.Rule, "GMC-") {
			t.Errorf("UK nurse got %s", r.Rule)
		}
	}
}

func TestCheckIgnoreFlag(t *testing.T) {
	_, res := checkJSON(t, riskyPost)
	conf1 := res.risk("CONF-001")
	if conf1 == nil || res.risk("CONF-002") == nil {
		t.Fatalf("want CONF-001 and CONF-002: %+v", res.Risks)
	}
	ignore := writeFile(t, ".scrubsignore", "# agreed with the IG lead\n"+conf1.Fingerprint+"  # test\n")
	code, got := checkJSON(t, "--ignore", ignore, riskyPost)
	if got.risk("CONF-001") != nil || got.risk("CONF-002") == nil || got.Ignored != 1 || code != exitFound {
		t.Errorf("--ignore: code %d, ignored %d, risks %+v", code, got.Ignored, got.Risks)
	}
	// The text report says how many were ignored too.
	if _, out, _ := runCLI(t, nil, "check", "--ignore", ignore, riskyPost); !strings.Contains(out, "ignored") {
		t.Errorf("text report does not mention the ignored finding: %q", out)
	}
	bad := writeFile(t, "bad-ignore", "\n"+conf1.Fingerprint+"\nnot a fingerprint\n")
	code, _, errs := runCLI(t, nil, "check", "--ignore", bad, riskyPost)
	if code != exitUsage || !strings.Contains(errs, bad+":3:") {
		t.Errorf("bad ignore file: code %d, stderr %q", code, errs)
	}
	code, _, errs = runCLI(t, nil, "check", "--ignore", filepath.Join(t.TempDir(), "missing"), riskyPost)
	if code != exitUsage || errs == "" {
		t.Errorf("missing ignore file: code %d, stderr %q", code, errs)
	}
}

func TestCheckHistoryFlag(t *testing.T) {
	const last = "the lady in bay 3 was hurt in a house fire at home"
	_, alone := checkJSON(t, last)
	if alone.risk("CONF-002") != nil {
		t.Fatalf("the last post alone has CONF-002")
	}
	hist := writeFile(t, "history.jsonl", `{"text":"our lovely lady from Aylsham is back in bay 3","date":"2024-05-01"}`+"\n\n"+
		`{"text":"the lady in bay 3 is 94 and used to be the head teacher"}`+"\n")
	code, res := checkJSON(t, "--history", hist, last)
	r := res.risk("CONF-002")
	if code != exitFound || r == nil || !strings.Contains(r.Message, "earlier post") {
		t.Errorf("--history: code %d, risks %+v", code, res.Risks)
	}
	unrelated := writeFile(t, "unrelated.jsonl", `{"text":"lovely gent from Norwich in bay 7 went home today"}`+"\n")
	if _, res := checkJSON(t, "--history", unrelated, last); res.risk("CONF-002") != nil {
		t.Errorf("unrelated history raised CONF-002")
	}
	for _, bad := range []struct{ body, want string }{
		{`{"text":"ok"}` + "\nnot json\n", ":2: want a JSON object"},
		{`{"post":"no text field"}` + "\n", ":1: want a JSON object"},
	} {
		path := writeFile(t, "bad.jsonl", bad.body)
		code, _, errs := runCLI(t, nil, "check", "--history", path, last)
		if code != exitUsage || !strings.Contains(errs, path+bad.want) {
			t.Errorf("bad history %q: code %d, stderr %q", bad.body, code, errs)
		}
	}
	code, _, errs := runCLI(t, strings.NewReader(`{"text":"x"}`), "check", "--format", "jsonl", "--history", hist)
	if code != exitUsage || !strings.Contains(errs, "--history goes with one post") {
		t.Errorf("--history with jsonl: code %d, stderr %q", code, errs)
	}
}

func TestCheckConfigFlag(t *testing.T) {
	good := writeFile(t, "org.yaml", "organisation: St Elsewhere NHS Trust\nterms:\n  wards: [Nightingale]\n")
	code, out, errs := runCLI(t, nil, "check", "--config", good, "--format", "json", "patient on Nightingale is doing well")
	if code == exitUsage || !strings.Contains(out, `"type": "WARD"`) {
		t.Errorf("--config: code %d, stderr %q, %.300s", code, errs, out)
	}
	bad := "../../testdata/bad-config.yaml" // the rule with kind regexx starts on line 3
	for _, cmd := range []string{"check", "redact", "rules"} {
		args := []string{cmd, "--config", bad}
		if cmd != "rules" {
			args = append(args, "hello")
		}
		code, out, errs := runCLI(t, nil, args...)
		if code != exitUsage || !strings.Contains(errs, bad+":3:") || !strings.Contains(errs, "regexx") || out != "" {
			t.Errorf("%s --config bad: code %d, stdout %.100q, stderr %q", cmd, code, out, errs)
		}
	}
	if code, _, errs := runCLI(t, nil, "check", "--config", filepath.Join(t.TempDir(), "missing.yaml"), "hi"); code != exitUsage || errs == "" {
		t.Errorf("missing config: code %d, stderr %q", code, errs)
	}
}

func TestCheckExitCodes(t *testing.T) {
	tests := []struct {
		args    []string
		code    int
		verdict string
	}{
		{[]string{"quiet night on the ward, all patients settled"}, exitClean, "safe"},
		{[]string{"two frequent flyers on the ward again tonight"}, exitFound, "review"},
		{[]string{riskyPost}, exitFound, "block"},
		{[]string{"--locale", "uk", "--role", "nurse", riskyPost}, exitFound, "block"},
	}
	for _, tt := range tests {
		code, res := checkJSON(t, tt.args...)
		if code != tt.code || res.Verdict != tt.verdict {
			t.Errorf("%v: code %d verdict %s, want %d %s", tt.args, code, res.Verdict, tt.code, tt.verdict)
		}
		// Text output exits the same way.
		if code2, _, _ := runCLI(t, nil, append([]string{"check"}, tt.args...)...); code2 != tt.code {
			t.Errorf("%v (text): code %d, want %d", tt.args, code2, tt.code)
		}
	}
	for _, args := range [][]string{
		{"check", "--locale", "xx", "hi"},
		{"check", "--pack", "nope", "hi"},
		{"check", "--role"},
		{"check", "--file", "a.txt", "and text"},
		{"redact", "--format", "xml", "hi"},
		{"rules", "explain", "NOPE"},
	} {
		if code, _, errs := runCLI(t, nil, args...); code != exitUsage || errs == "" {
			t.Errorf("%v: code %d, stderr %q, want %d", args, code, errs, exitUsage)
		}
	}
	if code, _, _ := runCLI(t, nil, "check", "-h"); code != exitClean {
		t.Errorf("check -h: code %d", code)
	}
}
