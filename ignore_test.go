package scrubs_test

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs"
)

func TestReadIgnore(t *testing.T) {
	const file = `# findings the team agreed are fine
CONF-001:0123456789abcdef
  RESP-002:fedcba9876543210   # "frequent flyer" is the airline here

HIPAA-C90:00000000ffffffff # reason, with # inside
CON-001-B:a1b2c3d4e5f60789 trailing words are a reason too
	# indented comment
`
	got, err := scrubs.ReadIgnore(strings.NewReader(file), ".scrubsignore")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"CONF-001:0123456789abcdef", "RESP-002:fedcba9876543210", "HIPAA-C90:00000000ffffffff", "CON-001-B:a1b2c3d4e5f60789"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got, err := scrubs.ReadIgnore(strings.NewReader(""), "empty"); err != nil || len(got) != 0 {
		t.Errorf("empty file: %q, %v", got, err)
	}
	if got, err := scrubs.ReadIgnore(strings.NewReader("# only\n\n   \n"), "comments"); err != nil || len(got) != 0 {
		t.Errorf("only comments: %q, %v", got, err)
	}

	bad := []struct {
		file, want string
	}{
		{"CONF-001:0123456789abcdef\nnot-a-fingerprint\n", `.scrubsignore:2: "not-a-fingerprint" is not a fingerprint`},
		{"# c\n\nCONF-001:0123456789ABCDEF\n", ".scrubsignore:3:"},            // upper-case hex
		{"CONF-001:0123456789abcde\n", ".scrubsignore:1:"},                    // 15 digits
		{"CONF-001:0123456789abcdef0\n", ".scrubsignore:1:"},                  // 17 digits
		{"conf-001:0123456789abcdef\n", ".scrubsignore:1:"},                   // lower-case rule
		{"CONF001:0123456789abcdef\n", ".scrubsignore:1:"},                    // no dash in the rule
		{"CONF-001 0123456789abcdef\n", `.scrubsignore:1: "CONF-001" is not`}, // space, not colon
		{"\n\n\n0123456789abcdef\n", ".scrubsignore:4:"},
		{strings.Repeat("x", 70<<10) + "\n", ".scrubsignore:1:"}, // a line too long to scan
	}
	for _, b := range bad {
		_, err := scrubs.ReadIgnore(strings.NewReader(b.file), ".scrubsignore")
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%.40q: err = %v, want %q", b.file, err, b.want)
		}
	}

	path := filepath.Join(t.TempDir(), "ignore")
	if err := os.WriteFile(path, []byte("RESP-002:fedcba9876543210 # ok\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, err := scrubs.ReadIgnoreFile(path); err != nil || !reflect.DeepEqual(got, []string{"RESP-002:fedcba9876543210"}) {
		t.Errorf("ReadIgnoreFile: %q, %v", got, err)
	}
	if err := os.WriteFile(path, []byte("\nnope\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := scrubs.ReadIgnoreFile(path); err == nil || !strings.Contains(err.Error(), path+":2:") {
		t.Errorf("ReadIgnoreFile of a bad file: %v, want it to name %s:2", err, path)
	}
	if _, err := scrubs.ReadIgnoreFile(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("missing file: no error")
	}
}

const ignorePost = "Lovely Mrs Doris Pickering, 94, in bed 4 from Aylsham, admitted with sepsis."

func TestIgnoreOption(t *testing.T) {
	res := mustCheck(t, apiChecker(), ignorePost)
	conf1, conf2 := findRisk(res, "CONF-001"), findRisk(res, "CONF-002")
	if conf1 == nil || conf2 == nil {
		t.Fatalf("want CONF-001 and CONF-002, got %v", ruleIDs(res))
	}
	if res.Ignored != 0 {
		t.Errorf("Ignored = %d with no ignore list", res.Ignored)
	}

	c := scrubs.MustNew(scrubs.Options{Ignore: []string{conf1.Fingerprint, "RESP-002:0000000000000000"}})
	got := mustCheck(t, c, ignorePost)
	if findRisk(got, "CONF-001") != nil {
		t.Errorf("CONF-001 still shows: %v", ruleIDs(got))
	}
	if got.Ignored != 1 {
		t.Errorf("Ignored = %d, want 1", got.Ignored)
	}
	if r := findRisk(got, "CONF-002"); r == nil || r.Fingerprint != conf2.Fingerprint {
		t.Errorf("CONF-002 should still show, unchanged: %v", ruleIDs(got))
	}
	if len(got.Risks) != len(res.Risks)-1 || !reflect.DeepEqual(got.Entities, res.Entities) {
		t.Errorf("ignoring one risk changed more: %v → %v", ruleIDs(res), ruleIDs(got))
	}
	// Another post with the same rule but another finding is not ignored.
	if other := mustCheck(t, c, "Mr Albert Jones in bed 7 has a hip fracture"); findRisk(other, "CONF-001") == nil || other.Ignored != 0 {
		t.Errorf("another post's CONF-001 was ignored: %v, ignored %d", ruleIDs(other), other.Ignored)
	}

	// Ignoring every risk makes the post safe, and counts them all.
	var all []string
	for _, r := range res.Risks {
		all = append(all, r.Fingerprint)
	}
	quiet := mustCheck(t, scrubs.MustNew(scrubs.Options{Ignore: all}), ignorePost)
	if len(quiet.Risks) != 0 || quiet.Verdict != "safe" || quiet.Ignored != len(all) || len(quiet.Categories) != 0 {
		t.Errorf("all ignored: %v, verdict %s, ignored %d of %d", ruleIDs(quiet), quiet.Verdict, quiet.Ignored, len(all))
	}
}

func fingerprints(res *scrubs.Result) map[string]string {
	out := map[string]string{}
	for _, r := range res.Risks {
		out[r.Rule] = r.Fingerprint
	}
	return out
}

func TestFingerprintStable(t *testing.T) {
	c := apiChecker()
	const base = "Quiet night on the ward but lovely Mrs Doris Pickering in bed 4 has sepsis and is doing well, such a relief for all of us."
	orig := fingerprints(mustCheck(t, c, base))
	if orig["CONF-001"] == "" {
		t.Fatalf("no CONF-001: %v", orig)
	}
	for _, edited := range []string{
		base + " Off home to sleep now, see you all soon.",
		base + "\n\n#nursing #nightshift",
		"Update: " + base,
		strings.Replace(base, "such a relief for all of us", "such a relief for all of us and for her family, who have been brilliant", 1),
	} {
		got := fingerprints(mustCheck(t, c, edited))
		for rule, fp := range orig {
			if got[rule] != fp {
				t.Errorf("%s fingerprint changed from %s to %q when the post became %q", rule, fp, got[rule], edited)
			}
		}
	}
	// A change to the finding itself changes the fingerprint.
	for _, changed := range []string{
		strings.Replace(base, "Mrs Doris Pickering", "Mrs Edna Smith", 1),
		strings.Replace(base, "bed 4", "bed 7", 1),
	} {
		got := fingerprints(mustCheck(t, c, changed))
		if got["CONF-001"] == "" || got["CONF-001"] == orig["CONF-001"] {
			t.Errorf("CONF-001 fingerprint %q did not change for %q", got["CONF-001"], changed)
		}
	}
	// A fingerprint is the same on every check.
	if again := fingerprints(mustCheck(t, c, base)); !reflect.DeepEqual(again, orig) {
		t.Errorf("fingerprints differ between two checks: %v vs %v", orig, again)
	}
}

func TestPacksChosen(t *testing.T) {
	tests := []struct {
		opts        scrubs.Options
		has, hasNot []string
	}{
		{scrubs.Options{Locale: "uk", Role: "nurse"}, []string{"core", "uk-nmc"}, []string{"uk-gmc", "us-hipaa", "us-ncsbn", "au-ahpra"}},
		{scrubs.Options{Locale: "uk", Role: "doctor"}, []string{"core", "uk-gmc"}, []string{"uk-nmc", "us-hipaa"}},
		{scrubs.Options{Locale: "us"}, []string{"core", "us-hipaa"}, []string{"uk-nmc", "uk-gmc", "au-ahpra"}},
		{scrubs.Options{Packs: []string{"uk-gmc"}}, []string{"core", "uk-gmc"}, []string{"uk-nmc", "us-hipaa"}},
		{scrubs.Options{}, []string{"core", "uk-nmc", "uk-gmc", "us-hipaa", "au-ahpra"}, nil},
	}
	for _, tt := range tests {
		c, err := scrubs.New(tt.opts)
		if err != nil {
			t.Errorf("%+v: %v", tt.opts, err)
			continue
		}
		packs := c.Packs()
		if packs[0] != "core" {
			t.Errorf("%+v: packs %v do not start with core", tt.opts, packs)
		}
		for _, p := range tt.has {
			if !slices.Contains(packs, p) {
				t.Errorf("%+v: packs %v lack %s", tt.opts, packs, p)
			}
		}
		for _, p := range tt.hasNot {
			if slices.Contains(packs, p) {
				t.Errorf("%+v: packs %v include %s", tt.opts, packs, p)
			}
		}
	}
	for _, bad := range []scrubs.Options{{Packs: []string{"nope"}}, {Packs: []string{"core", "uk-nmcc"}}, {Locale: "xx"}} {
		if _, err := scrubs.New(bad); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
	if _, err := scrubs.New(scrubs.Options{Packs: []string{"nope"}}); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("unknown pack: error %v does not name it", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustNew with an unknown pack did not panic")
		}
	}()
	scrubs.MustNew(scrubs.Options{Packs: []string{"nope"}})
}

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "org.yaml")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const orgConfig = `organisation: St Elsewhere NHS Trust
terms:
  wards: [Nightingale]
allow: [St Elsewhere Hospital]
`

func hasEntity(res *scrubs.Result, typ scrubs.EntityType, text string) bool {
	for _, e := range res.Entities {
		if e.Type == typ && e.Text == text {
			return true
		}
	}
	return false
}

func TestOrgConfig(t *testing.T) {
	c, err := scrubs.New(scrubs.Options{Config: writeConfig(t, orgConfig)})
	if err != nil {
		t.Fatal(err)
	}
	plain := apiChecker()

	const ward = "patient on Nightingale is doing well after her hip fracture"
	if res := mustCheck(t, plain, ward); hasEntity(res, "WARD", "Nightingale") {
		t.Fatalf("without the config Nightingale is already a WARD; the test proves nothing")
	}
	res := mustCheck(t, c, ward)
	if !hasEntity(res, "WARD", "Nightingale") {
		t.Errorf("config ward: entities %+v", res.Entities)
	}
	for _, e := range res.Entities {
		if e.Text != ward[e.Start:e.End] {
			t.Errorf("entity %+v does not match the text", e)
		}
	}

	const hosp = "patient at St Elsewhere Hospital is doing well after her hip fracture"
	if res := mustCheck(t, plain, hosp); !hasEntity(res, "HOSPITAL", "St Elsewhere Hospital") || res.Ignored != 0 {
		t.Fatalf("without the config: entities %+v, ignored %d", res.Entities, res.Ignored)
	}
	res = mustCheck(t, c, hosp)
	for _, e := range res.Entities {
		if e.Type == "HOSPITAL" {
			t.Errorf("allowed hospital still found: %+v", e)
		}
	}
	if res.Ignored != 1 {
		t.Errorf("allowed hospital: Ignored = %d, want 1", res.Ignored)
	}

	// A config's packs choose the packs when the options do not.
	c, err = scrubs.New(scrubs.Options{Config: writeConfig(t, "packs: [uk-gmc]\n")})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Packs(); !reflect.DeepEqual(got, []string{"core", "uk-gmc"}) {
		t.Errorf("config packs: %v", got)
	}

	// A bad config is refused, naming the file and the line.
	bad := "testdata/bad-config.yaml" // the rule with kind regexx starts on line 3
	_, err = scrubs.New(scrubs.Options{Config: bad})
	if err == nil || !strings.Contains(err.Error(), bad+":3:") || !strings.Contains(err.Error(), "regexx") {
		t.Errorf("bad rule: err = %v, want %s:3: and the reason", err, bad)
	}
	unknown := writeConfig(t, "organisation: x\ncolour: red\n")
	if _, err = scrubs.New(scrubs.Options{Config: unknown}); err == nil || !strings.Contains(err.Error(), unknown+":2:") {
		t.Errorf("unknown field: err = %v, want %s:2:", err, unknown)
	}
	if _, err = scrubs.New(scrubs.Options{Config: filepath.Join(t.TempDir(), "missing.yaml")}); err == nil {
		t.Error("missing config: no error")
	}
}
