package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/advice"
)

func TestAdviceCommand(t *testing.T) {
	points, err := advice.EmbeddedAdvice()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, nil, "advice")
	if code != exitClean {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, p := range points {
		if !strings.Contains(out, strings.ToUpper(p.Title)+"  ("+p.ID+")") {
			t.Errorf("text lacks point %s", p.ID)
		}
	}
	if strings.Count(out, "  Source: ") < len(points) {
		t.Errorf("text: fewer sources than points")
	}
	code, out, _ = runCLI(t, nil, "advice", "--format", "markdown")
	if code != exitClean || strings.Count(out, "\n## ") != len(points) || !strings.Contains(out, "## A post cannot be recalled once it has been shared") {
		t.Errorf("markdown: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, nil, "advice", "--format", "json")
	var got []advice.Point
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitClean || len(got) != len(points) {
		t.Fatalf("json: exit %d, %v, %d points", code, err, len(got))
	}
	for _, p := range got {
		if len(p.Citations) == 0 {
			t.Errorf("json: point %s without citation", p.ID)
		}
	}
	// One point by id.
	code, out, _ = runCLI(t, nil, "advice", "email-or-phone")
	if code != exitClean || !strings.Contains(out, "USE WORK EMAIL OR THE TELEPHONE") || strings.Contains(out, "CANNOT BE RECALLED") {
		t.Errorf("one point: exit %d\n%s", code, out)
	}
	code, _, errs = runCLI(t, nil, "advice", "email-or-fone")
	if code != exitUsage || !strings.Contains(errs, `no advice "email-or-fone" (did you mean "email-or-phone"?)`) {
		t.Errorf("unknown id: exit %d, %q", code, errs)
	}
	code, _, errs = runCLI(t, nil, "advice", "--format", "html")
	if code != exitUsage || !strings.Contains(errs, `unknown --format "html"`) {
		t.Errorf("bad format: exit %d, %q", code, errs)
	}
}
