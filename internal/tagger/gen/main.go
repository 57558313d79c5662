// Command gen trains the tagger's model on synthetic examples and writes it:
//
//	go generate ./internal/tagger   (runs: go run ./gen -out model.bin)
//
// The examples come from internal/tagger/synth (templates filled from the
// lexicon's name and place lists) with a fixed seed, so the same source
// always gives the same model, byte for byte. No evaluation corpus is read.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/scrubshq/scrubs/internal/lexicon"
	"github.com/scrubshq/scrubs/internal/tagger"
	"github.com/scrubshq/scrubs/internal/tagger/synth"
)

func main() {
	out := flag.String("out", "model.bin", "where to write the model")
	root := flag.String("root", "../..", "the repository root (for the lexicon's text lists)")
	n := flag.Int("n", tagger.DefaultExamples, "training examples")
	held := flag.Int("held", 5000, "held-out synthetic examples to report token scores on")
	epochs := flag.Int("epochs", tagger.DefaultEpochs, "training epochs")
	seed := flag.Uint64("seed", tagger.DefaultSeed, "seed of the generator and of the shuffling")
	flag.Parse()
	log.SetFlags(0)
	start := time.Now()
	lists, err := synth.LoadLists(*root)
	if err != nil {
		log.Fatal(err)
	}
	gen := synth.Generate(lists, *seed, *n)
	digest := Digest(gen, *n, *epochs, *seed)
	train := examples(gen)
	test := examples(synth.Generate(lists, *seed+1000, *held))
	w := tagger.Train(train, *epochs, *seed)
	data := w.Marshal(digest)
	m, err := tagger.Parse(string(data))
	if err != nil {
		log.Fatal(err)
	}
	sc := tagger.Evaluate(m, test)
	for _, l := range []tagger.Label{tagger.Name, tagger.Loc} {
		fmt.Fprintf(os.Stderr, "held-out synthetic tokens %-4s precision %.3f recall %.3f\n", l, sc[l].Precision(), sc[l].Recall())
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "trained on %d examples, %d epochs, in %v: %s (%d bytes)\n", len(train), *epochs, time.Since(start).Round(time.Millisecond), *out, len(data))
}

// Digest is the digest recorded in the model for these settings and examples.
func Digest(gen []synth.Example, n, epochs int, seed uint64) [32]byte {
	texts := make([]string, len(gen))
	spans := make([][]tagger.GoldSpan, len(gen))
	for i, e := range gen {
		texts[i] = e.Text
		spans[i] = goldSpans(e)
	}
	// The lexicon's facts are features too: a new lexicon makes a new model.
	lex := lexicon.Digest()
	return tagger.TrainingDigest(fmt.Sprintf("n=%d epochs=%d seed=%d lexicon=%x", n, epochs, seed, lex[:8]), texts, spans)
}

func goldSpans(e synth.Example) []tagger.GoldSpan {
	spans := make([]tagger.GoldSpan, 0, len(e.Spans))
	for _, s := range e.Spans {
		l := tagger.Name
		if s.Label == synth.Loc {
			l = tagger.Loc
		}
		spans = append(spans, tagger.GoldSpan{Start: s.Start, End: s.End, Label: l})
	}
	return spans
}

func examples(in []synth.Example) []tagger.Example {
	out := make([]tagger.Example, 0, len(in))
	for _, e := range in {
		ex, err := tagger.NewExample(e.Text, goldSpans(e))
		if err != nil {
			log.Fatal(err)
		}
		out = append(out, ex)
	}
	return out
}
