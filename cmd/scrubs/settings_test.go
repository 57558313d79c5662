package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs/internal/advice"
)

func TestSettingsCommand(t *testing.T) {
	s, err := advice.EmbeddedSettings()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Platforms {
		code, out, errs := runCLI(t, nil, "settings", p.ID)
		if code != exitClean {
			t.Fatalf("%s: exit %d: %s", p.ID, code, errs)
		}
		for _, want := range []string{strings.ToUpper(p.Name) + ": PRIVACY SETTINGS TO REVIEW", p.Items[0].Setting, "Where: ", "Choose: ", "Why: ", "Source: ", "ON EVERY PLATFORM"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s text lacks %q", p.ID, want)
			}
		}
		if n := strings.Count(out, "\n* "); n != len(p.Items)+len(s.Basics) {
			t.Errorf("%s text: %d settings, want %d", p.ID, n, len(p.Items)+len(s.Basics))
		}
		code, out, _ = runCLI(t, nil, "settings", p.ID, "--format", "markdown")
		if code != exitClean || !strings.HasPrefix(out, "# "+p.Name+": privacy settings to review") || strings.Count(out, "\n### ") != len(p.Items)+len(s.Basics) {
			t.Errorf("%s markdown: exit %d\n%s", p.ID, code, out)
		}
		code, out, _ = runCLI(t, nil, "settings", "--format", "json", p.ID)
		var got struct {
			Platform advice.Platform  `json:"platform"`
			Basics   []advice.Setting `json:"basics"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil || code != exitClean {
			t.Fatalf("%s json: exit %d, %v", p.ID, code, err)
		}
		if got.Platform.ID != p.ID || len(got.Platform.Items) != len(p.Items) || len(got.Basics) != len(s.Basics) {
			t.Errorf("%s json: %+v", p.ID, got.Platform)
		}
		for _, it := range got.Platform.Items {
			if len(it.Citations) == 0 || it.Citations[0].Document == "" {
				t.Errorf("%s json: setting %q without citation", p.ID, it.Setting)
			}
		}
	}
	// A label the notes have not verified says so.
	_, out, _ := runCLI(t, nil, "settings", "linkedin")
	if !strings.Contains(out, "[label not verified]") {
		t.Error("linkedin: no unverified label marked")
	}
	_, out, _ = runCLI(t, nil, "settings", "Twitter")
	if !strings.Contains(out, "X (TWITTER)") {
		t.Errorf("twitter alias: %s", out)
	}
}

func TestSettingsErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"settings", "myspace"}, `unknown platform "myspace"; platforms: facebook, instagram, linkedin, tiktok, x`},
		{[]string{"settings", "facebok"}, `(did you mean "facebook"?)`},
		{[]string{"settings"}, "name one platform: facebook, instagram, x, linkedin, tiktok"},
		{[]string{"settings", "x", "tiktok"}, "name one platform"},
		{[]string{"settings", "x", "--format", "csv"}, `unknown --format "csv"`},
	}
	for _, c := range cases {
		code, out, errs := runCLI(t, nil, c.args...)
		if code != exitUsage || out != "" || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, errs, c.want)
		}
	}
}
