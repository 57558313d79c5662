package scrubs_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/eval"
)

// corpusTexts returns the text of every post of the project's labelled
// corpora (eval/corpus/*.jsonl).
func corpusTexts(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("eval/corpus/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	var texts []string
	for _, name := range files {
		corpus, err := eval.Open(name, eval.FormatJSONL)
		if err != nil {
			t.Fatal(err)
		}
		for r, err := range corpus.Records {
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, r.Text)
		}
	}
	return texts
}

// TestCheckBatchMatchesCheck checks that CheckBatch gives every post what
// Check gives it alone, whatever the batch size, on every labelled post, the
// fuzz seeds, a long text checked in pieces and inputs Check refuses.
func TestCheckBatchMatchesCheck(t *testing.T) {
	texts := append(corpusTexts(t), fuzzSeeds...)
	texts = append(texts, "bad \xff", strings.Repeat("Mrs Pickering in bed 4 from Aylsham.\n", 3000),
		strings.Repeat("a", scrubs.MaxTextBytes+1), "")
	opts := []scrubs.Options{{}, {EntitiesOnly: true}}
	if testing.Short() {
		opts = opts[:1]
	}
	for _, o := range opts {
		c := scrubs.MustNew(o)
		ctx := context.Background()
		want := make([]scrubs.Checked, len(texts))
		for i, s := range texts {
			want[i].Result, want[i].Err = c.Check(ctx, s)
		}
		for _, size := range []int{1, 5, 32, len(texts)} {
			for lo := 0; lo < len(texts); lo += size {
				hi := min(lo+size, len(texts))
				got := c.CheckBatch(ctx, texts[lo:hi])
				if len(got) != hi-lo {
					t.Fatalf("batch of %d: %d outcomes", hi-lo, len(got))
				}
				for j, g := range got {
					w := want[lo+j]
					if (g.Err == nil) != (w.Err == nil) || g.Err != nil && g.Err.Error() != w.Err.Error() {
						t.Fatalf("%+v size %d post %d: err %v, want %v", o, size, lo+j, g.Err, w.Err)
					}
					if !reflect.DeepEqual(g.Result, w.Result) {
						t.Fatalf("%+v size %d post %d %.60q:\n got %+v\nwant %+v", o, size, lo+j, texts[lo+j], g.Result, w.Result)
					}
				}
			}
		}
	}
}

func TestCheckBatchCancelled(t *testing.T) {
	c := scrubs.MustNew(scrubs.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for i, o := range c.CheckBatch(ctx, []string{"Mrs K in bed 4", "x"}) {
		if o.Err == nil || o.Result != nil {
			t.Errorf("post %d: %+v, want the context's error", i, o)
		}
	}
	if got := c.CheckBatch(context.Background(), nil); len(got) != 0 {
		t.Errorf("no posts: %v", got)
	}
}
