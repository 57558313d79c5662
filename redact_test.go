package scrubs_test

import (
	"context"
	"encoding/json"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/scrubshq/scrubs"
)

// apiChecker is a checker with every pack, shared by the API tests.
var apiChecker = sync.OnceValue(func() *scrubs.Checker { return scrubs.MustNew(scrubs.Options{}) })

func mustCheck(t *testing.T, c *scrubs.Checker, post string) *scrubs.Result {
	t.Helper()
	res, err := c.Check(context.Background(), post)
	if err != nil {
		t.Fatalf("Check(%q): %v", post, err)
	}
	return res
}

// findRisk returns the risk of rule id, or nil.
func findRisk(res *scrubs.Result, id string) *scrubs.Risk {
	for i := range res.Risks {
		if res.Risks[i].Rule == id {
			return &res.Risks[i]
		}
	}
	return nil
}

func ruleIDs(res *scrubs.Result) []string {
	ids := []string{}
	for _, r := range res.Risks {
		ids = append(ids, r.Rule)
	}
	return ids
}

func TestRedactRiskyPosts(t *testing.T) {
	c := apiChecker()
	ctx := context.Background()
	tests := []struct {
		name, post string
		keep       []string // clinical words that must survive
		gone       []string // identifiers and labels that must not
	}{
		{"named patient with bed, age and town",
			"Lovely Mrs Doris Pickering, 94, in bed 4 from Aylsham, admitted with sepsis.",
			[]string{"sepsis"}, []string{"Pickering", "Doris", "94", "bed 4", "Aylsham"}},
		{"NHS number",
			"NHS number 943 476 5919 for the lady with a hip fracture in bay 2",
			[]string{"hip fracture"}, []string{"943", "5919", "bay 2"}},
		{"derogatory slang about a patient",
			"our frequent flyer Mr Jones from Aylsham is back in bay 3 with sepsis again",
			[]string{"sepsis"}, []string{"frequent flyer", "Jones", "Aylsham", "bay 3"}},
		{"mosaic of details",
			"Had a 94-year-old retired headmaster from Aylsham in tonight after a house fire, what a gent. Burns dressed, on IV fluids.",
			[]string{"Burns dressed", "IV fluids"}, []string{"94", "Aylsham"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := mustCheck(t, c, tt.post)
			if !slices.Contains(before.Categories, "CONFIDENTIALITY") {
				t.Fatalf("the post is not risky to start with: %v", ruleIDs(before))
			}
			red, err := c.Redact(ctx, tt.post, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(red.Changes) == 0 || red.Text == tt.post {
				t.Fatalf("no changes: %q", red.Text)
			}
			if !reflect.DeepEqual(red.Before, before) {
				t.Errorf("Before differs from a plain check of the post")
			}
			for _, r := range red.After.Risks {
				// the post model may still find the story's wording risky
				// (see Redact); no rule may still find it confidential
				if r.Category == "CONFIDENTIALITY" && r.Rule != "MODEL-001" {
					t.Errorf("%q still has %s: %s", red.Text, r.Rule, r.Message)
				}
			}
			if tt.name == "derogatory slang about a patient" && slices.Contains(red.After.Categories, "DEROGATORY") {
				t.Errorf("%q still has a derogatory label: %v", red.Text, ruleIDs(red.After))
			}
			again := mustCheck(t, c, red.Text)
			if !reflect.DeepEqual(again, red.After) {
				t.Errorf("After differs from a fresh check of the redacted text")
			}
			for _, w := range tt.keep {
				if !strings.Contains(red.Text, w) {
					t.Errorf("%q lost the clinical words %q", red.Text, w)
				}
			}
			for _, w := range tt.gone {
				if strings.Contains(red.Text, w) {
					t.Errorf("%q still says %q", red.Text, w)
				}
			}
			for _, ch := range red.Changes {
				if ch.From == "" || ch.Why == "" || ch.Operator == "" || ch.Pass < 1 || ch.Start >= ch.End {
					t.Errorf("change lacks fields: %+v", ch)
				}
				if ch.Pass == 1 && tt.post[ch.Start:ch.End] != ch.From {
					t.Errorf("change %+v: From is not the original post's text %q", ch, tt.post[ch.Start:ch.End])
				}
			}
		})
	}
}

func TestRedactOperators(t *testing.T) {
	c := apiChecker()
	const post = "Lovely Mrs Doris Pickering, 94, in bed 4 from Aylsham, admitted with sepsis."
	for _, op := range []scrubs.Operator{"generalise", "placeholder", "mask", "remove"} {
		red, err := c.Redact(context.Background(), post, op)
		if err != nil {
			t.Fatalf("%s: %v", op, err)
		}
		if strings.Contains(red.Text, "Pickering") || !strings.Contains(red.Text, "sepsis") || slices.Contains(red.After.Categories, "CONFIDENTIALITY") {
			t.Errorf("%s: %q, after %v", op, red.Text, ruleIDs(red.After))
		}
		for _, ch := range red.Changes {
			// risks with neutral wording are always generalised; a forced
			// second pass removes what generalising left
			if ch.Pass == 1 && ch.Operator != op {
				t.Errorf("%s: change %+v used another operator", op, ch)
			}
		}
	}
	if red, _ := c.Redact(context.Background(), post, "placeholder"); !strings.Contains(red.Text, "[NAME]") {
		t.Errorf("placeholder: %q has no [NAME]", red.Text)
	}
	if red, _ := c.Redact(context.Background(), post, "mask"); !strings.Contains(red.Text, "*** ***** *********") {
		t.Errorf("mask: %q does not mask the name letter by letter", red.Text)
	}
}

func TestRedactSafeAndBad(t *testing.T) {
	c := apiChecker()
	ctx := context.Background()
	const safe = "Quiet night on the ward, everyone settled. Proud of this team."
	red, err := c.Redact(ctx, safe, "")
	if err != nil {
		t.Fatal(err)
	}
	if red.Text != safe || len(red.Changes) != 0 || red.Changes == nil || red.After.Verdict != scrubs.Verdict("safe") {
		t.Errorf("safe post: %q, %d changes (nil %v), %s", red.Text, len(red.Changes), red.Changes == nil, red.After.Verdict)
	}
	for _, op := range []scrubs.Operator{"blur", "Generalise", "generalize "} {
		_, err := c.Redact(ctx, "Mrs Pickering in bed 4", op)
		if err == nil || !strings.Contains(err.Error(), "unknown operator") {
			t.Errorf("operator %q: err = %v", op, err)
		}
	}
	if _, err := c.Redact(ctx, "bad \xff", ""); !scrubs.IsInputError(err) {
		t.Errorf("invalid UTF-8: err = %v", err)
	}
	// The redaction is JSON with the field names the CLI documents.
	red, _ = c.Redact(ctx, "Mrs Pickering in bed 4 has sepsis", "")
	b, err := json.Marshal(red)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"text", "changes", "before", "after"} {
		if _, ok := m[k]; !ok {
			t.Errorf("redaction JSON lacks %q: %s", k, b)
		}
	}
}

// riskyPosts each carry at least one risk.
var riskyPosts = []string{
	"Lovely Mrs Doris Pickering, 94, in bed 4 from Aylsham, admitted with sepsis.",
	"NHS number 943 476 5919 for the lady with a hip fracture in bay 2",
	"two frequent flyers on the ward again tonight",
	"Had a 94-year-old retired headmaster from Aylsham in tonight after a house fire, what a gent",
	"check out this x-ray from tonight 😂 how did he even get that up there",
	"Wife Mary called on 617-555-0142 about her husband in bed 4, admitted 3/7/24",
	"Ｍｒｓ Ｐｉｃｋｅｒｉｎｇ in bed 4 ＮＨＳ ９４３ ４７６ ５９１９ 🎉",
}

var fingerprintShape = regexp.MustCompile(`^([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+):[0-9a-f]{16}$`)

// TestRiskContract checks that every risk, under several profiles, carries
// what the JSON contract promises, and survives a JSON round trip.
func TestRiskContract(t *testing.T) {
	severities := []string{"block", "high", "medium", "low", "info"}
	profiles := []scrubs.Options{{}, {Locale: "uk", Role: "nurse"}, {Locale: "uk", Role: "doctor"}, {Locale: "us", Role: "nurse"}, {Locale: "au", Role: "doctor"}}
	for _, opts := range profiles {
		c := scrubs.MustNew(opts)
		for _, post := range riskyPosts {
			res := mustCheck(t, c, post)
			if len(res.Risks) == 0 {
				t.Errorf("%+v: %q has no risk", opts, post)
			}
			for _, r := range res.Risks {
				where := opts.Locale + "/" + opts.Role + " " + r.Rule + " in " + post
				if r.Category == "" || r.Rule == "" || r.Title == "" || r.Message == "" || r.Fix == "" {
					t.Errorf("%s: missing category, rule, title, message or fix: %+v", where, r)
				}
				if !slices.Contains(severities, r.Severity) {
					t.Errorf("%s: severity %q", where, r.Severity)
				}
				if r.Confidence <= 0 || r.Confidence > 1 {
					t.Errorf("%s: confidence %g", where, r.Confidence)
				}
				if len(r.Citations) == 0 {
					t.Errorf("%s: no citation", where)
				}
				for _, ci := range r.Citations {
					if ci.Document == "" {
						t.Errorf("%s: citation without a document: %+v", where, ci)
					}
				}
				if m := fingerprintShape.FindStringSubmatch(r.Fingerprint); m == nil || m[1] != r.Rule {
					t.Errorf("%s: fingerprint %q", where, r.Fingerprint)
				}
				if r.Spans == nil {
					t.Errorf("%s: nil spans (want [] for a post-wide risk)", where)
				}
				for _, sp := range r.Spans {
					if sp.Start < 0 || sp.End > len(post) || sp.Start >= sp.End {
						t.Errorf("%s: span %+v outside the %d-byte text", where, sp, len(post))
					}
				}
				if strings.Contains(r.Message, "{") || strings.Contains(r.Fix, "{") {
					t.Errorf("%s: unfilled placeholder in %q / %q", where, r.Message, r.Fix)
				}
				if !slices.Contains(res.Categories, r.Category) {
					t.Errorf("%s: category %s not in the result's categories %v", where, r.Category, res.Categories)
				}
			}
			b, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			var back scrubs.Result
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(&back, res) {
				t.Errorf("%q: JSON round trip changed the result:\n%s", post, b)
			}
		}
	}
}
