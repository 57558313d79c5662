package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/incident"
)

var updateIncident = flag.Bool("update-incident", false, "rewrite the incident golden files in testdata/incident")

// incidentPaths gives, for each incident type, a path through its questions
// that collects many of its steps.
var incidentPaths = []struct{ typ, answers string }{
	{"post-disclosed", "who-posted=colleague,identifiable=yes,serious-harm=yes,how-many=one"},
	{"patient-photo", "who-shared=me,consent=no,serious-harm=yes,how-many=under-500"},
	{"colleague-bullied", "your-role=witness,who-posting=colleague,threats=yes"},
	{"defamatory-post", "who-posted=public,replied=yes,allegation=yes,threats=no"},
	{"patient-contact", "contact-kind=about-care,already-connected=yes"},
	{"records-snooping", "who-accessed=me,shared=yes,serious-harm=yes,how-many=500-or-more"},
	{"lost-device", "stolen=yes,what-lost=work-device,encrypted=no,serious-harm=no,how-many=500-or-more"},
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "incident", name)
	if *updateIncident {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/scrubs -run Incident -update-incident to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output (rerun with -update-incident if the change is meant):\n%s", path, got)
	}
}

// TestIncidentGolden runs every incident type in the UK and the US with
// answers given by flag, and compares the Markdown and JSON plans with the
// golden files.
func TestIncidentGolden(t *testing.T) {
	for _, p := range incidentPaths {
		for _, locale := range []string{"uk", "us"} {
			for _, format := range []string{"markdown", "json"} {
				code, out, errs := runCLI(t, nil, "incident", "--type", p.typ, "--locale", locale, "--answers", p.answers, "--aware", "2026-11-24T09:00", "--format", format)
				if code != exitClean {
					t.Fatalf("%s %s: exit %d: %s", p.typ, locale, code, errs)
				}
				if errs != "" {
					t.Errorf("%s %s: stderr %q with every answer given", p.typ, locale, errs)
				}
				ext := map[string]string{"markdown": "md", "json": "json"}[format]
				golden(t, p.typ+"-"+locale+"."+ext, out)
				if format == "json" {
					var plan incident.Plan
					if err := json.Unmarshal([]byte(out), &plan); err != nil {
						t.Fatal(err)
					}
					for _, s := range plan.Steps {
						if len(s.Citations) == 0 {
							t.Errorf("%s %s: step %s has no citation", p.typ, locale, s.ID)
						}
					}
				}
			}
		}
	}
}

// TestIncidentStdin answers the same questions on standard input, by number,
// in line mode, for every type in both locales, and checks the plan is the
// one the flags give.
func TestIncidentStdin(t *testing.T) {
	lib, err := incident.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range incidentPaths {
		in, err := lib.Incident(p.typ)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, kv := range strings.Split(p.answers, ",") {
			k, v, _ := strings.Cut(kv, "=")
			q := in.Question(k)
			for i, a := range q.Answers {
				if a.Value == v {
					lines = append(lines, strconv.Itoa(i+1))
				}
			}
		}
		for _, locale := range []string{"uk", "us"} {
			_, want, _ := runCLI(t, nil, "incident", p.typ, "--locale", locale, "--answers", p.answers, "--format", "json")
			stdin := strings.NewReader(strings.Join(lines, "\n") + "\n")
			code, got, errs := runCLI(t, stdin, "incident", p.typ, "--locale", locale, "--format", "json")
			if code != exitClean || got != want {
				t.Errorf("%s %s: exit %d, stdin plan differs from the flag plan; stderr:\n%s", p.typ, locale, code, errs)
			}
			first := in.Question(in.Start)
			if !strings.Contains(errs, first.Text) || !strings.Contains(errs, "  1) ") {
				t.Errorf("%s %s: the questions were not shown on stderr: %q", p.typ, locale, errs)
			}
		}
	}
}

func TestIncidentLineMode(t *testing.T) {
	// No type: the menu of incidents comes first; answers by number, label
	// or value; a wrong line is asked again.
	stdin := strings.NewReader("7\nmaybe\nno\nPaper records, notes or a handover sheet\nyes\n1\n")
	code, out, errs := runCLI(t, stdin, "incident", "--locale", "au")
	if code != exitClean {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"What happened?", `"maybe" is not one of the answers`, "Was it stolen?"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	for _, want := range []string{"INCIDENT PLAN: Patient records or a device were lost", "Look for the records", "Notifiable Data Breaches", "within 30 days of becoming aware", "Source: "} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	// Some answers by flag, the rest on stdin.
	code, out, errs = runCLI(t, strings.NewReader("2\n"), "incident", "patient-contact", "--answers", "contact-kind=friend-request", "--format", "json")
	if code != exitClean || strings.Contains(errs, "What kind of contact") || !strings.Contains(errs, "Are you already connected") {
		t.Errorf("mixed: exit %d, stderr %q", code, errs)
	}
	var plan incident.Plan
	if err := json.Unmarshal([]byte(out), &plan); err != nil || len(plan.Answers) != 2 || plan.Answers[1].Answer != "no" {
		t.Errorf("mixed: %v %+v", err, plan.Answers)
	}
}

func TestIncidentAnswersFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "answers.yaml")
	body := "type: lost-device\nstolen: false\nwhat-lost: personal-device\nencrypted: yes\n"
	if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, nil, "incident", "--answers-file", file, "--locale", "us", "--format", "json")
	if code != exitClean {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var plan incident.Plan
	if err := json.Unmarshal([]byte(out), &plan); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, s := range plan.Steps {
		ids[s.ID] = true
	}
	if plan.Incident != "lost-device" || !ids["encrypted-low-risk"] || ids["us-notify-individuals"] || ids["police-theft"] {
		t.Errorf("plan %s with steps %v", plan.Incident, ids)
	}
	// --answers overrides the file.
	code, out, errs = runCLI(t, nil, "incident", "--answers-file", file, "--answers", "encrypted=no,serious-harm=no,how-many=one", "--locale", "us", "--format", "json")
	if code != exitClean || !strings.Contains(out, `"us-notify-individuals"`) || errs != "" {
		t.Errorf("override: exit %d, stderr %q\n%s", code, errs, out)
	}
	// An answer the path does not use is reported.
	code, _, errs = runCLI(t, nil, "incident", "--answers-file", file, "--answers", "how-many=one")
	if code != exitClean || !strings.Contains(errs, "not asked on this path, so not used: how-many") {
		t.Errorf("unused: exit %d, stderr %q", code, errs)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("stolen: [yes]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errs = runCLI(t, nil, "incident", "lost-device", "--answers-file", bad)
	if code != exitUsage || !strings.Contains(errs, "bad.yaml:1:") {
		t.Errorf("bad file: exit %d, %q", code, errs)
	}
}

func TestIncidentErrors(t *testing.T) {
	cases := []struct {
		args   []string
		stdin  string
		stderr string
	}{
		{[]string{"incident", "lost-devise"}, "", `unknown incident type "lost-devise" (did you mean "lost-device"?); types: post-disclosed, patient-photo`},
		{[]string{"incident", "lost-device", "--answers", "stolen"}, "", `--answers: "stolen" is not QUESTION=ANSWER`},
		{[]string{"incident", "lost-device", "--answers", "stolen=perhaps"}, "", `"perhaps" is not an answer to stolen; answer 1 or yes, 2 or no`},
		{[]string{"incident", "lost-device", "--answers", "stolenn=yes"}, "", `incident lost-device has no question "stolenn" (did you mean "stolen"?)`},
		{[]string{"incident", "lost-device", "--answers", "stolen=yes"}, "", `no answer to "What was lost?" on standard input; answer with --answers what-lost=paper|work-device|personal-device`},
		{[]string{"incident", "lost-device", "--locale", "fr", "--answers", "stolen=yes"}, "", `unknown locale "fr"`},
		{[]string{"incident", "lost-device", "--aware", "yesterday"}, "", `--aware: cannot read time "yesterday"`},
		{[]string{"incident", "lost-device", "--format", "xml"}, "", `unknown --format "xml" (want text, markdown, json)`},
		{[]string{"incident", "lost-device", "patient-photo"}, "", `unexpected argument "patient-photo"`},
		{[]string{"incident", "lost-device", "--type", "patient-photo"}, "", "two incident types given"},
		{[]string{"incident"}, "", `no answer to "What happened?" on standard input; answer with --type post-disclosed|`},
		{[]string{"incident", "lost-device"}, "x\ny\nz\nq\nw\n", `no usable answer to "Was it stolen?" after 5 tries`},
		{[]string{"incident", "--answers-file", "/nonexistent/a.yaml"}, "", "no such file"},
	}
	for _, c := range cases {
		code, out, errs := runCLI(t, strings.NewReader(c.stdin), c.args...)
		if code != exitUsage || !strings.Contains(errs, c.stderr) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", c.args, code, out, errs, c.stderr)
		}
	}
}

func TestIncidentList(t *testing.T) {
	code, out, _ := runCLI(t, nil, "incident", "--list")
	if code != exitClean || !strings.Contains(out, "records-snooping") || !strings.Contains(out, "Records were looked at without a care reason") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	code, out, _ = runCLI(t, nil, "incident", "--list", "--format", "json")
	var rows []map[string]string
	if err := json.Unmarshal([]byte(out), &rows); err != nil || code != exitClean || len(rows) != 7 {
		t.Errorf("json list: exit %d, %v, %d rows", code, err, len(rows))
	}
}

// TestIncidentAllLocales builds the text plan of every type in Australia
// too (the golden files cover the UK and the US).
func TestIncidentAllLocales(t *testing.T) {
	for _, p := range incidentPaths {
		code, out, errs := runCLI(t, nil, "incident", p.typ, "--locale", "au", "--answers", p.answers, "--aware", "2026-11-24T09:00:00+11:00")
		if code != exitClean || !strings.Contains(out, "locale: au") || !strings.Contains(out, "became aware: 2026-11-24T09:00:00+11:00") {
			t.Errorf("%s au: exit %d\n%s%s", p.typ, code, out, errs)
		}
		if strings.Contains(out, "UK GDPR") || strings.Contains(out, "HIPAA") {
			t.Errorf("%s au: UK or US law in an Australian plan:\n%s", p.typ, out)
		}
	}
}
