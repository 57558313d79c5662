package detect

import (
	"reflect"
	"testing"

	"github.com/scrubshq/scrubs/internal/text"
)

// TestDetectBatchMatchesDetect runs the development posts, the deid notes
// and the package's hard cases through DetectBatch in batches of several
// sizes and checks that each post gets exactly what Detect gives it alone:
// the order the families see the posts in must not matter.
func TestDetectBatchMatchesDetect(t *testing.T) {
	texts := append(plCorpusTexts(t), "", "   ", "Mrs K in bed 4", "NHS 943 476 5919 DOB 12/03/1951")
	if !testing.Short() {
		texts = append(texts, plDeidTexts(t)...)
	}
	docs := make([]*text.Doc, len(texts))
	for i, s := range texts {
		d, err := text.New(s)
		if err != nil {
			t.Fatal(err)
		}
		docs[i] = d
	}
	eng := New(Options{})
	want := make([][]any, len(docs))
	for i, d := range docs {
		for _, e := range eng.Detect(d) {
			want[i] = append(want[i], e)
		}
	}
	for _, size := range []int{1, 2, 7, 32, 500, len(docs)} {
		for lo := 0; lo < len(docs); lo += size {
			hi := min(lo+size, len(docs))
			outs := eng.DetectBatch(docs[lo:hi])
			if len(outs) != hi-lo {
				t.Fatalf("batch of %d: %d results", hi-lo, len(outs))
			}
			for j, out := range outs {
				var got []any
				for _, e := range out {
					got = append(got, e)
				}
				if !reflect.DeepEqual(got, want[lo+j]) {
					t.Fatalf("batch size %d, post %d %q:\n got %v\nwant %v", size, lo+j, texts[lo+j], got, want[lo+j])
				}
			}
		}
	}
	if got := eng.DetectBatch(nil); len(got) != 0 {
		t.Errorf("DetectBatch(nil) = %v", got)
	}
}
