package scrubs

import (
	"slices"
	"strings"
	"testing"
)

func TestReadBaseline(t *testing.T) {
	const a, b = "CONF-001:0123456789abcdef", "RESP-002:fedcba9876543210"
	tests := []struct {
		name, in string
		want     []string
		err      string
	}{
		{"scan json", `{"archive":"x.zip","risky":[{"risks":[{"fingerprint":"` + a + `"},{"fingerprint":"` + b + `"}]},{"risks":[{"fingerprint":"` + a + `"}]}]}`, []string{a, b}, ""},
		{"jsonl", `{"id":1,"risks":[{"fingerprint":"` + a + `"}]}` + "\n" + `{"id":2,"risks":[]}` + "\n" + `{"id":3,"risks":[{"fingerprint":"` + b + `"}]}` + "\n", []string{a, b}, ""},
		{"check json", "\n  {\"verdict\":\"block\",\"risks\":[{\"fingerprint\":\"" + b + "\"}]}", []string{b}, ""},
		{"ignore file", "# reviewed\n" + a + " # my own cat\n", []string{a}, ""},
		{"empty", "   \n", nil, ""},
		{"broken json", `{"risky":[{"risks":`, nil, "value 1 is not a scrubs report"},
		{"wrong type", `{"risks":"CONF-001"}`, nil, "value 1 is not a scrubs report"},
		{"not a fingerprint", "hello\n", nil, "not a fingerprint"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadBaseline(strings.NewReader(tc.in), "base")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}
