// Command train fits the post model on the project's labelled corpora and
// writes it:
//
//	go generate ./internal/postmodel   (runs: go run ./train -out model.bin)
//
// It reads the development corpus, the blind check corpora that have been
// mined (the newest blind corpora stay out: they measure the model) and the
// mined everyday corpora (safe staff posts with no patient), chooses the
// threshold by five-fold cross-validation on them — the lowest logit in a
// fixed grid whose false-alarm rate on the held-out folds' labelled safe
// posts is at most 3% and on their everyday posts at most 0.5% — and prints
// the cross-validated figures. The same corpora give
// the same model, byte for byte.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/scrubshq/scrubs/internal/eval"
	"github.com/scrubshq/scrubs/internal/postmodel"
	"github.com/scrubshq/scrubs/internal/rules"
)

// trainCorpora are the corpora the model learns from (under eval/corpus).
var trainCorpora = []string{"dev-uk", "dev-us", "blind-uk", "blind-us", "blind2-uk", "blind2-us", "blind3-uk", "blind3-us"}

// everydayCorpora are corpora of everyday staff posts, all safe, that the
// model learns from as well (under eval/corpus): the wording of staff talking
// about their work with no patient in it. The threshold rule reads their
// false alarms apart (see maxEverydayAlarms).
var everydayCorpora = []string{"everyday-uk", "everyday-us", "everyday2-uk", "everyday2-us", "everyday3-uk", "everyday3-us"}

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

// maxEverydayAlarms is the highest cross-validated false-alarm rate on the
// everyday posts the chosen threshold may have: one in 200. Most posts a user
// checks are everyday posts, and the model is a second opinion on top of
// rules that already flag some of them, so the rate the labelled corpora's
// hard safe posts allow (maxFalseAlarms) would flag too many.
const maxEverydayAlarms = 0.005

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
func examples(root string) (ex []postmodel.Example, everyday []bool, err error) {
	for _, name := range append(slices.Clip(trainCorpora), everydayCorpora...) {
		isEveryday := slices.Contains(everydayCorpora, name)
		c, err := eval.Open(filepath.Join(root, "eval", "corpus", name+".jsonl"), eval.FormatJSONL)
		if err != nil {
			return nil, nil, err
		}
		for rec, err := range c.Records {
			if err != nil {
				return nil, nil, err
			}
			e, err := postmodel.ExampleOf(rec.Text, rec.Label == "risky" && rec.Verdict != "safe", rec.Categories)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %v", rec.ID, err)
			}
			ex = append(ex, e)
			everyday = append(everyday, isEveryday)
		}
	}
	return ex, everyday, nil
}

// build trains the model on the corpora under root, with the threshold
// chosen by cross-validation over folds, and returns the model file and a
// report of the cross-validated figures.
func build(root string, folds int) ([]byte, string, error) {
	ex, everyday, err := examples(root)
	if err != nil {
		return nil, "", err
	}
	// cross-validation: fold f holds every folds-th example from f. The
	// figures count three kinds of held-out post apart: risky, labelled
	// safe, everyday (safe).
	const (
		risky = iota
		safe
		everydaySafe
	)
	var total [3]int
	var flagged [3][]int // by kind, the posts at or above each threshold
	for k := range flagged {
		flagged[k] = make([]int, len(thresholds))
	}
	for f := range folds {
		var train []postmodel.Example
		var test []int // indices into ex
		for i, e := range ex {
			if i%folds == f {
				test = append(test, i)
			} else {
				train = append(train, e)
			}
		}
		w := postmodel.Train(train, categories, postmodel.DefaultEpochs, postmodel.DefaultSeed)
		for _, i := range test {
			kind := safe
			switch {
			case ex[i].Risky:
				kind = risky
			case everyday[i]:
				kind = everydaySafe
			}
			total[kind]++
			z := w.Logit(ex[i])
			for t, th := range thresholds {
				if z >= th {
					flagged[kind][t]++
				}
			}
		}
	}
	pos, neg, negEveryday := total[risky], total[safe], total[everydaySafe]
	tp, fp, fpEveryday := flagged[risky], flagged[safe], flagged[everydaySafe]
	chosen := thresholds[len(thresholds)-1]
	var report strings.Builder
	fmt.Fprintf(&report, "%d posts (%d risky, %d everyday), %d-fold cross-validation:\n", len(ex), pos, negEveryday, folds)
	for t := len(thresholds) - 1; t >= 0; t-- {
		fa := float64(fp[t]) / float64(neg)
		faEveryday := float64(fpEveryday[t]) / float64(max(negEveryday, 1))
		fmt.Fprintf(&report, "  logit >= %+.1f: risky recall %.3f (%d/%d), false alarms %.3f (%d/%d), on everyday posts %.3f (%d/%d)\n",
			thresholds[t], float64(tp[t])/float64(pos), tp[t], pos, fa, fp[t], neg, faEveryday, fpEveryday[t], negEveryday)
		if fa <= maxFalseAlarms && faEveryday <= maxEverydayAlarms {
			chosen = thresholds[t]
		}
	}
	fmt.Fprintf(&report, "threshold: logit %+.1f (the lowest with cross-validated false alarms <= %.2f, and <= %.3f on everyday posts)\n", chosen, maxFalseAlarms, maxEverydayAlarms)
	w := postmodel.Train(ex, categories, postmodel.DefaultEpochs, postmodel.DefaultSeed)
	_, b, err := w.Model(chosen)
	if err != nil {
		return nil, "", err
	}
	fmt.Fprintf(&report, "%d buckets\n", len(w.ByBucket))
	return b, report.String(), nil
}
