package judge

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/phrase"
	"github.com/scrubshq/scrubs/internal/text"
)

const benchPost = "Absolute carnage in A&E tonight 😩 lovely Mrs Pickering (94yo) from Aylsham back in bay 3 bed 4 " +
	"after another fall, her son Darren rang at 0300. Shout out to Dr Okafor and Sister Bell for keeping " +
	"us going. NHS no 943 476 5919 on the board lol #nhs #nightshift"

// BenchmarkJudge measures the judgement of one 280-character post with every
// pack on (the entities are found once, outside the loop).
func BenchmarkJudge(b *testing.B) {
	j := judgeAll(b)
	doc, _ := text.New(benchPost)
	ents := engine.Detect(doc)
	b.ReportAllocs()
	for b.Loop() {
		j.Judge(doc, ents)
	}
}

// BenchmarkFind measures the one pass that finds every phrase of every rule.
func BenchmarkFind(b *testing.B) {
	j := judgeAll(b)
	doc, _ := text.New(benchPost)
	v := phrase.NewView(doc)
	var dst []phrase.Match
	b.ReportAllocs()
	for b.Loop() {
		dst = j.set.Phrases.Find(v, dst[:0])
	}
}

// BenchmarkDetect measures the identifier engine on the same post, for comparison.
func BenchmarkDetect(b *testing.B) {
	doc, _ := text.New(benchPost)
	b.ReportAllocs()
	for b.Loop() {
		engine.Detect(doc)
	}
}
