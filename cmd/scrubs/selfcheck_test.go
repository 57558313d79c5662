package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/selfcheck"
)

func TestSelfcheckCommand(t *testing.T) {
	cases := []struct {
		answers string
		total   int
		primary bool
	}{
		{"1,1,1,1,1,1", 6, false},
		{"4,4,4,1,1,1", 15, false},
		{"4,4,4,4,1,1", 18, true},
		{"3,3,3,3,3,3", 18, false},
		{"3,3,3,3,3,4", 19, true},
		{"5,5,5,5,5,5", 30, true},
	}
	for _, c := range cases {
		code, out, errs := runCLI(t, nil, "selfcheck", "--answers", c.answers, "--format", "json", "--locale", "us")
		if code != exitClean {
			t.Fatalf("%s: exit %d: %s", c.answers, code, errs)
		}
		var r selfcheck.Result
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		if r.Total != c.total || r.AbovePrimary != c.primary || len(r.Signposts) != 1 || r.Signposts[0].Locale != "us" {
			t.Errorf("%s: total %d primary %v signposts %v", c.answers, r.Total, r.AbovePrimary, r.Signposts)
		}
		if errs != "" {
			t.Errorf("%s: stderr %q with --answers", c.answers, errs)
		}
	}
	code, out, _ := runCLI(t, nil, "selfcheck", "--answers", "4 4 4 4 1 1")
	for _, want := range []string{"NOT A DIAGNOSIS", "total              18 of 30", "[REACHED] Often or very often", "[not reached] A total of 19", "UK: ", "US: ", "AU: ", "Practitioner Health", "Employee Assistance Program", "Andreassen CS et al."} {
		if code != exitClean || !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

func TestSelfcheckLineMode(t *testing.T) {
	// Answers by number and by label; a bad line is asked again.
	stdin := strings.NewReader("1\nrarely\n9\n3\n4\nVery often\n5\n")
	code, out, errs := runCLI(t, stdin, "selfcheck", "--format", "json", "--locale", "uk")
	if code != exitClean {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r selfcheck.Result
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	var scores []int
	for _, a := range r.Answers {
		scores = append(scores, a.Score)
	}
	if r.Total != 20 || len(scores) != 6 || scores[2] != 3 || scores[5] != 5 {
		t.Errorf("scores %v total %d", scores, r.Total)
	}
	for _, want := range []string{"not a diagnosis", "1/6. During the past twelve months, how often", "6/6.", `"9" is not one of the answers`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	code, _, errs = runCLI(t, strings.NewReader("1\n2\n"), "selfcheck")
	if code != exitUsage || !strings.Contains(errs, "answer with --answers 1,2,3,4,5,1") {
		t.Errorf("short stdin: exit %d, %q", code, errs)
	}
}

func TestSelfcheckErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"selfcheck", "--answers", "1,2,3"}, "--answers: 3 answers given; give 6"},
		{[]string{"selfcheck", "--answers", "1,2,3,4,5,0"}, `answer 6 is "0"`},
		{[]string{"selfcheck", "--format", "markdown", "--answers", "1,1,1,1,1,1"}, `unknown --format "markdown" (want text, json)`},
		{[]string{"selfcheck", "--locale", "de", "--answers", "1,1,1,1,1,1"}, `unknown --locale "de"`},
		{[]string{"selfcheck", "extra"}, `unexpected argument "extra"`},
	}
	for _, c := range cases {
		code, out, errs := runCLI(t, nil, c.args...)
		if code != exitUsage || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, errs, c.want)
		}
	}
}
