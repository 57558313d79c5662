package scrubs_test

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// Three posts about the same patient: each alone narrows her down to
// hundreds or thousands of people, together to less than one. They share
// the bed ("bay 3"), which is how the last post links to the others.
var historyPosts = []string{
	"our lovely lady from Aylsham is back in bay 3",
	"the lady in bay 3 is 94 and used to be the head teacher",
}

const historyLast = "the lady in bay 3 was hurt in a house fire at home"

func TestCheckWithHistory(t *testing.T) {
	c := apiChecker()
	ctx := context.Background()
	for _, p := range append(historyPosts, historyLast) {
		if r := findRisk(mustCheck(t, c, p), "CONF-002"); r != nil {
			t.Fatalf("%q alone already has CONF-002: %s", p, r.Message)
		}
	}
	alone := mustCheck(t, c, historyLast)

	res, err := c.CheckWithHistory(ctx, historyLast, historyPosts)
	if err != nil {
		t.Fatal(err)
	}
	r := findRisk(res, "CONF-002")
	if r == nil {
		t.Fatalf("no CONF-002 with the history: %v", ruleIDs(res))
	}
	if !strings.Contains(r.Message, "earlier post") || !strings.Contains(r.Message, `"bay 3"`) || !strings.Contains(r.Message, "Aylsham") {
		t.Errorf("message %q does not say the earlier posts, the shared detail and the place", r.Message)
	}
	for _, sp := range r.Spans {
		if sp.Start < 0 || sp.End > len(historyLast) || sp.Start >= sp.End {
			t.Errorf("span %+v outside the post (%d bytes)", sp, len(historyLast))
		}
	}
	if r.Fingerprint == "" || len(r.Citations) == 0 || r.Severity != "block" || r.Category != "CONFIDENTIALITY" {
		t.Errorf("history risk lacks fields: %+v", r)
	}
	if res.Verdict != "block" || res.Anonymity == nil || res.Anonymity.K > 5 {
		t.Errorf("verdict %s, anonymity %+v", res.Verdict, res.Anonymity)
	}
	// The post's own findings are kept as they were.
	if !reflect.DeepEqual(res.Entities, alone.Entities) || len(res.Risks) != len(alone.Risks)+1 {
		t.Errorf("history changed the post's own findings: %v → %v", ruleIDs(alone), ruleIDs(res))
	}

	// One earlier post can be enough; the message says so in the singular.
	one, err := c.CheckWithHistory(ctx, historyLast, historyPosts[:1])
	if err != nil {
		t.Fatal(err)
	}
	if r := findRisk(one, "CONF-002"); r == nil || !strings.HasPrefix(r.Message, "Together with an earlier post ") {
		t.Errorf("one earlier post: %v", r)
	}

	// Posts with nothing in common, or not about a patient, do not count.
	unrelated := []string{
		"lovely gent from Norwich in bay 7 went home today",
		"quiet shift, new rota out, head teacher at my kid's school is 94 years young lol",
		"bad \xff utf-8 is skipped",
		"",
	}
	res, err = c.CheckWithHistory(ctx, historyLast, unrelated)
	if err != nil {
		t.Fatal(err)
	}
	if findRisk(res, "CONF-002") != nil || !reflect.DeepEqual(res, alone) {
		t.Errorf("unrelated history changed the result: %v", ruleIDs(res))
	}
	// No history: the plain check.
	for _, h := range [][]string{nil, {}} {
		if res, err := c.CheckWithHistory(ctx, historyLast, h); err != nil || !reflect.DeepEqual(res, alone) {
			t.Errorf("no history (%v): %v, %v", h, ruleIDs(res), err)
		}
	}
	// A post that identifies the patient alone keeps its own CONF-002, once.
	const full = "Had a 94-year-old retired headmaster from Aylsham in tonight after a house fire, what a gent"
	res, err = c.CheckWithHistory(ctx, full, historyPosts)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range res.Risks {
		if r.Rule == "CONF-002" {
			n++
			if strings.Contains(r.Message, "earlier post") {
				t.Errorf("own CONF-002 says earlier posts: %q", r.Message)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d CONF-002 risks, want 1", n)
	}
	// The linked posts are in the most recent 50: older ones fall out.
	var long []string
	long = append(long, historyPosts...)
	for i := 0; i < 50; i++ {
		long = append(long, "all quiet tonight, proud of the team")
	}
	if res, err := c.CheckWithHistory(ctx, historyLast, long); err != nil || findRisk(res, "CONF-002") != nil {
		t.Errorf("posts older than the last 50 still counted: %v, %v", ruleIDs(res), err)
	}
	// Bad input in the post itself is an input error.
	if _, err := c.CheckWithHistory(ctx, "bad \xff", historyPosts); err == nil {
		t.Error("invalid UTF-8 post: no error")
	}
}
