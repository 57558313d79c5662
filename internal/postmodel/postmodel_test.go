package postmodel

import (
	"bytes"
	"math"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

func TestFeatures(t *testing.T) {
	cases := []struct {
		in   string
		want []string // the text of each feature, in order
	}{
		{"Bed 12, again!", []string{"Bed", "12", "Bed 12", "again"}}, // "," breaks "12 again"
		{"the Guy in bed 4 😂", []string{"the", "Guy", "the Guy", "in", "Guy in", "bed", "in bed", "4", "bed 4", "😂", "4 😂"}},
		{"#NHS @someone hi", []string{"#NHS", "@someone", "#NHS @someone", "hi", "@someone hi"}},
		{"", nil},
	}
	for _, c := range cases {
		doc, err := text.New(c.in)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range Features(doc, nil) {
			if f.Start < 0 || f.End > len(doc.Norm) || f.Start >= f.End || f.Bucket >= Buckets {
				t.Fatalf("%q: bad feature %+v", c.in, f)
			}
			got = append(got, doc.Norm[f.Start:f.End])
		}
		if len(got) != len(c.want) {
			t.Fatalf("%q: got %q, want %q", c.in, got, c.want)
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: feature %d is %q, want %q", c.in, i, got[i], c.want[i])
			}
		}
	}
}

// TestFeaturesFold checks that case and the digits of a number do not
// change a feature: "Bed 12" and "bed 7" share both their features.
func TestFeaturesFold(t *testing.T) {
	buckets := func(s string) []uint32 {
		doc, err := text.New(s)
		if err != nil {
			t.Fatal(err)
		}
		var out []uint32
		for _, f := range Features(doc, nil) {
			out = append(out, f.Bucket)
		}
		return out
	}
	a, b := buckets("Bed 12"), buckets("bed 7")
	if len(a) != 3 || len(b) != 3 || a[0] != b[0] || a[1] != b[1] || a[2] != b[2] {
		t.Errorf("Bed 12 %v and bed 7 %v differ", a, b)
	}
}

// toyExamples are invented posts: risky ones about a patient, safe ones not.
func toyExamples(t *testing.T) []Example {
	var ex []Example
	add := func(s string, risky bool, cats ...string) {
		e, err := ExampleOf(s, risky, cats)
		if err != nil {
			t.Fatal(err)
		}
		ex = append(ex, e)
	}
	for range 5 {
		add("the lad in bed 3 tonight lol", true, "CONFIDENTIALITY")
		add("the woman in bay 2 kept shouting lol", true, "CONFIDENTIALITY", "DEROGATORY")
		add("lovely walk with the dog today", false)
		add("proud of our team today", false)
	}
	return ex
}

func TestTrainAndScore(t *testing.T) {
	ex := toyExamples(t)
	cats := []string{"CONFIDENTIALITY", "DEROGATORY"}
	w := Train(ex, cats, 30, 1)
	again := Train(ex, cats, 30, 1)
	m, file, err := w.Model(0)
	if err != nil {
		t.Fatal(err)
	}
	if _, file2, _ := again.Model(0); !bytes.Equal(file, file2) {
		t.Fatal("the same examples and seed gave two models")
	}
	score := func(s string) Score {
		doc, err := text.New(s)
		if err != nil {
			t.Fatal(err)
		}
		return m.Score(Features(doc, nil))
	}
	risky, safe := score("the man in bed 9 tonight lol"), score("a walk with the dog")
	if risky.Logit < m.Threshold || safe.Logit >= m.Threshold {
		t.Errorf("logits: risky post %.2f, safe post %.2f, threshold %.2f", risky.Logit, safe.Logit, m.Threshold)
	}
	if risky.Category != "CONFIDENTIALITY" {
		t.Errorf("category %q, want CONFIDENTIALITY", risky.Category)
	}
	if len(risky.Top) == 0 || len(risky.Top) > topN {
		t.Errorf("top features: %+v", risky.Top)
	}
	if p := risky.Probability(); p <= 0.5 || p >= 1 {
		t.Errorf("probability %.3f", p)
	}
	// the model file keeps the weights to 1/4096
	if math.Abs(float64(m.bias[0])-w.Bias[0]) > 1e-6 {
		t.Errorf("bias %v read back as %v", w.Bias[0], m.bias[0])
	}
}

func TestDefault(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Categories) == 0 || len(m.buckets) == 0 {
		t.Fatalf("empty model: %d categories, %d buckets", len(m.Categories), len(m.buckets))
	}
	for _, c := range m.Categories {
		if c == "DISCLAIMER" {
			t.Error("the model scores DISCLAIMER, which is advice")
		}
	}
}

func TestReadRejects(t *testing.T) {
	ex := toyExamples(t)
	_, good, err := Train(ex, []string{"CONFIDENTIALITY"}, 2, 1).Model(1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Read(good); err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"empty":       nil,
		"no magic":    []byte("hello"),
		"truncated":   good[:len(good)-3],
		"header only": good[:len(magic)+10],
		"extra bytes": append(bytes.Clone(good), 0),
	}
	for name, b := range cases {
		if _, err := Read(b); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(magic))
	if b, err := Default(); err == nil && b != nil {
		f.Add(embedded[:min(len(embedded), 400)])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Read(b)
		if err != nil {
			return
		}
		// a model that reads must score without a panic
		doc, err := text.New("the man in bed 4")
		if err != nil {
			t.Fatal(err)
		}
		m.Score(Features(doc, nil))
	})
}
