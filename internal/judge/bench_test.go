package judge

import (
	"github.com/scrubshq/scrubs/internal/result"
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

// typicalPosts are ten short posts like those `scrubs bench` generates: most
// are harmless, a few carry identifiers.
var typicalPosts = []string{
	"Another long night shift done 😴 coffee please #nhs #nightshift",
	"Lovely Mrs Pickering (84yo) in bed 7 asked for a cuppa at 3am, made my night",
	"Reminder: flu jabs for staff in the atrium Tuesday 4/10, bring your ID badge",
	"Huge congrats to Okafor on passing her OSCE!! so proud 🎉",
	"Can't believe the staffing on the ward again, 2 nurses for 28 patients. Something has to change.",
	"pt in bay 3 kept pulling his cannula out lol what a night",
	"Anyone know a good physio near Leeds? asking for my mum",
	"Great teaching session on sepsis today, the NEWS2 update is worth reading.",
	"Happy retirement Sister Hughes, 40 years on the ward! We'll miss you x",
	"NHS no 9434765919 on the handover sheet again, guys please shred them",
}

// BenchmarkJudgeTypical and BenchmarkDetectTypical compare the judgement
// with the identifier engine on typical short posts (the must-show: judgement
// may at most halve the engine's throughput).
func BenchmarkJudgeTypical(b *testing.B) {
	j := judgeAll(b)
	docs := make([]*text.Doc, len(typicalPosts))
	ents := make([][]result.Entity, len(typicalPosts))
	size := 0
	for i, p := range typicalPosts {
		docs[i], _ = text.New(p)
		ents[i] = engine.Detect(docs[i])
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i := range docs {
			j.Judge(docs[i], ents[i])
		}
	}
}

func BenchmarkDetectTypical(b *testing.B) {
	size := 0
	for _, p := range typicalPosts {
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range typicalPosts {
			doc, _ := text.New(p)
			engine.Detect(doc)
		}
	}
}

// BenchmarkFindTypical measures the phrase pass alone on the typical posts.
func BenchmarkFindTypical(b *testing.B) {
	j := judgeAll(b)
	views := make([]*phrase.View, len(typicalPosts))
	for i, p := range typicalPosts {
		doc, _ := text.New(p)
		views[i] = phrase.NewView(doc)
	}
	var dst []phrase.Match
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range views {
			dst = j.set.Phrases.Find(v, dst[:0])
		}
	}
}
