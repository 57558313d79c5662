// Command train fits the post model on the project's labelled corpora and
// writes it:
//
//	go generate ./internal/postmodel   (runs: go run ./train -out model.bin)
//
// It reads the development corpus and the blind check corpora that have been
// mined (the newest blind corpus stays out: it measures the model), chooses
// the threshold by five-fold cross-validation on them — the lowest logit in
// a fixed grid whose false-alarm rate on the held-out folds' safe posts is
// at most 3% — and prints the cross-validated figures. The same corpora give
// the same model, byte for byte.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/scrubshq/scrubs/internal/eval"
	"github.com/scrubshq/scrubs/internal/postmodel"
	"github.com/scrubshq/scrubs/internal/rules"
)

// trainCorpora are the corpora the model learns from (under eval/corpus).
var trainCorpora = []string{"dev-uk", "dev-us", "blind-uk", "blind-us", "blind2-uk", "blind2-us", "blind3-uk", "blind3-us"}

// categories are the risk categories the model scores: every category but
// DISCLAIMER, which is advice, never a reason to flag a post.
var categories = func() (cs []string) {
	for _, c := range rules.Categories {
		if c != "DISCLAIMER" {
			cs = append(cs, c)
		}
	}
	return cs
}()

// thresholds are the logits cross-validation chooses from.
var thresholds = []float64{-1, -0.5, 0, 0.5, 1, 1.5, 2, 3}

// maxFalseAlarms is the highest cross-validated false-alarm rate the chosen
// threshold may have.
const maxFalseAlarms = 0.03

func main() {
	out := flag.String("out", "model.bin", "where to write the model")
	root := flag.String("root", "../..", "the repository root")
	flag.Parse()
	log.SetFlags(0)
	b, report, err := build(*root, 5)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%swrote %s: %d bytes\n", report, *out, len(b))
}

// examples reads the training corpora under root.
func examples(root string) ([]postmodel.Example, error) {
	var ex []postmodel.Example
	for _, name := range trainCorpora {
		c, err := eval.Open(filepath.Join(root, "eval", "corpus", name+".jsonl"), eval.FormatJSONL)
		if err != nil {
			return nil, err
		}
		for rec, err := range c.Records {
			if err != nil {
				return nil, err
			}
			e, err := postmodel.ExampleOf(rec.Text, rec.Label == "risky" && rec.Verdict != "safe", rec.Categories)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", rec.ID, err)
			}
			ex = append(ex, e)
		}
	}
	return ex, nil
}

// build trains the model on the corpora under root, with the threshold
// chosen by cross-validation over folds, and returns the model file and a
// report of the cross-validated figures.
func build(root string, folds int) ([]byte, string, error) {
	ex, err := examples(root)
	if err != nil {
		return nil, "", err
	}
	// cross-validation: fold f holds every folds-th example from f
	tp := make([]int, len(thresholds))
	fp := make([]int, len(thresholds))
	pos, neg := 0, 0
	for f := range folds {
		var train, test []postmodel.Example
		for i, e := range ex {
			if i%folds == f {
				test = append(test, e)
			} else {
				train = append(train, e)
			}
		}
		w := postmodel.Train(train, categories, postmodel.DefaultEpochs, postmodel.DefaultSeed)
		for _, e := range test {
			z := w.Logit(e)
			if e.Risky {
				pos++
			} else {
				neg++
			}
			for t, th := range thresholds {
				if z >= th {
					if e.Risky {
						tp[t]++
					} else {
						fp[t]++
					}
				}
			}
		}
	}
	chosen := thresholds[len(thresholds)-1]
	var report strings.Builder
	fmt.Fprintf(&report, "%d posts (%d risky), %d-fold cross-validation:\n", len(ex), pos, folds)
	for t := len(thresholds) - 1; t >= 0; t-- {
		fa := float64(fp[t]) / float64(neg)
		fmt.Fprintf(&report, "  logit >= %+.1f: risky recall %.3f (%d/%d), false alarms %.3f (%d/%d)\n",
			thresholds[t], float64(tp[t])/float64(pos), tp[t], pos, fa, fp[t], neg)
		if fa <= maxFalseAlarms {
			chosen = thresholds[t]
		}
	}
	fmt.Fprintf(&report, "threshold: logit %+.1f (the lowest with cross-validated false alarms <= %.2f)\n", chosen, maxFalseAlarms)
	w := postmodel.Train(ex, categories, postmodel.DefaultEpochs, postmodel.DefaultSeed)
	_, b, err := w.Model(chosen)
	if err != nil {
		return nil, "", err
	}
	fmt.Fprintf(&report, "%d buckets\n", len(w.ByBucket))
	return b, report.String(), nil
}
