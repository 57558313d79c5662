package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/scrubshq/scrubs/internal/result"
)

// encodeWhole is what the streaming writers must reproduce byte for byte.
func encodeWhole(t *testing.T, v any, indent string) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestStreamingMatchesEncodingJSON(t *testing.T) {
	ents := []result.Entity{
		{Start: 0, End: 10, Text: "Mrs O'Hara", Type: result.NamePatient, Confidence: 0.99, Reason: "title + surname <list> & cue"},
		{Start: 14, End: 19, Text: "bed 4", Type: result.Room, Confidence: 0.85, Reason: "ROOM: 'bed' + number", Box: &result.Box{X: 1, Y: 2, W: 3, H: 4}},
		{Start: 20, End: 26, Text: "Zoë ✓\u2028", Type: result.NameOther, Confidence: 0.5, Source: "ocr"},
	}
	risk := result.Risk{Category: "CONFIDENTIALITY", Rule: "CONF-001", Title: "A patient named", Severity: "block", Confidence: 0.9,
		Message: "says \"who\" <b>", Fix: "remove", Citations: []result.Citation{{Document: "GMC Confidentiality", Year: 2017, Paragraph: "17"}, {Document: "NMC Code", Unverified: true}},
		Spans: []result.Span{{Start: 0, End: 10}}, Fingerprint: "abc", Replacement: "a patient"}
	cases := map[string]any{
		"empty result":     &result.Result{},
		"empty slices":     &result.Result{Verdict: result.Safe, Categories: []string{}, Entities: []result.Entity{}, Risks: []result.Risk{}},
		"full result":      &result.Result{Verdict: result.Block, Categories: []string{"CONFIDENTIALITY", "PROFESSIONALISM"}, Entities: ents, Risks: []result.Risk{risk, risk}, Anonymity: &result.Anonymity{K: 1.5, Place: "a town", Details: []result.Detail{{Kind: "age", Label: "94"}}, Explanation: "x"}, Signals: []string{"patient"}, Ignored: 2},
		"line":             LineOf("id-1", &result.Result{Verdict: result.Review, Categories: []string{}, Entities: ents[:1], Risks: []result.Risk{}}),
		"line numeric id":  LineOf(42.5, &result.Result{Entities: ents}),
		"line null id":     LineOf(nil, &result.Result{}),
		"error line":       ErrorLine{ID: nil, Line: 7, Error: "not a JSON object: <bad>"},
		"not a struct":     []int{1, 2},
		"struct by value":  result.Result{Verdict: result.Safe, Entities: ents},
		"one entity alone": ents[1],
	}
	for name, v := range cases {
		for _, indent := range []string{"", "  "} {
			var got bytes.Buffer
			if err := writeStream(&got, v, indent); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if want := encodeWhole(t, v, indent); got.String() != want {
				t.Errorf("%s (indent %q):\n got %s\nwant %s", name, indent, got.String(), want)
			}
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestStreamingReportsWriteErrors(t *testing.T) {
	r := &result.Result{Verdict: result.Safe, Entities: make([]result.Entity, 5000)}
	if err := WriteJSON(failWriter{}, r); err == nil {
		t.Fatal("WriteJSON to a failing writer: no error")
	}
	if err := WriteLine(failWriter{}, LineOf(1, r)); err == nil {
		t.Fatal("WriteLine to a failing writer: no error")
	}
}

// tagged exercises the struct tags writeStream must read as encoding/json does.
type tagged struct {
	Plain    string
	Named    int            `json:"named"`
	Skipped  string         `json:"-"`
	Dash     string         `json:"-,"`
	NoInt    int            `json:"no_int,omitempty"`
	NoBool   bool           `json:"no_bool,omitempty"`
	NoPtr    *int           `json:"no_ptr,omitempty"`
	NoMap    map[string]int `json:"no_map,omitempty"`
	Struct   result.Span    `json:"struct,omitempty"`
	Zero     result.Span    `json:"zero,omitzero"`
	Floats   []float64      `json:"floats"`
	Nested   [][]string     `json:"nested"`
	private  int
	AnyValue any `json:"any"`
}

func TestStreamingReadsTagsAsEncodingJSON(t *testing.T) {
	one := 1
	for _, v := range []tagged{
		{},
		{Plain: "p", Named: 3, Skipped: "s", Dash: "d", NoInt: 1, NoBool: true, NoPtr: &one, NoMap: map[string]int{"a": 1},
			Struct: result.Span{Start: 1, End: 2}, Zero: result.Span{End: 1}, Floats: []float64{0.1, 1e21}, Nested: [][]string{{"a"}, {}}, private: 1, AnyValue: map[string]any{"k": []int{1}}},
	} {
		for _, indent := range []string{"", "  "} {
			var got bytes.Buffer
			if err := writeStream(&got, v, indent); err != nil {
				t.Fatal(err)
			}
			if want := encodeWhole(t, v, indent); got.String() != want {
				t.Errorf("indent %q:\n got %s\nwant %s", indent, got.String(), want)
			}
		}
	}
}
