package scrubs_test

import (
	"context"
	"encoding/csv"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs"
)

// A typical short post (about 280 bytes).
const shortPost = "Absolute carnage in A&E tonight 😩 lovely Mrs Pickering (94yo) from Aylsham back in bay 3 bed 4 " +
	"after another fall, her son Darren rang at 0300. Shout out to Dr Okafor and Sister Bell for keeping " +
	"us going. NHS no 943 476 5919 on the board lol #nhs #nightshift"

func benchCheck(b *testing.B, posts []string) { benchPosts(b, scrubs.Options{}, posts, 0) }

// benchPosts checks posts with a checker of opts, one by one with Check
// (size 0) or in batches of size with CheckBatch.
func benchPosts(b *testing.B, opts scrubs.Options, posts []string, size int) {
	c := scrubs.MustNew(opts)
	ctx := context.Background()
	total := 0
	for _, p := range posts {
		total += len(p)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if size == 0 {
			for _, p := range posts {
				if _, err := c.Check(ctx, p); err != nil {
					b.Fatal(err)
				}
			}
			continue
		}
		for lo := 0; lo < len(posts); lo += size {
			for _, o := range c.CheckBatch(ctx, posts[lo:min(lo+size, len(posts))]) {
				if o.Err != nil {
					b.Fatal(o.Err)
				}
			}
		}
	}
}

// BenchmarkCheckShort checks one 280-character post.
func BenchmarkCheckShort(b *testing.B) { benchCheck(b, []string{shortPost}) }

// BenchmarkCheckLong checks one 1 MB text.
func BenchmarkCheckLong(b *testing.B) {
	benchCheck(b, []string{strings.Repeat(shortPost+"\n", (1<<20)/len(shortPost))})
}

// BenchmarkCheckDeid checks every note of the PhysioNet deid development half.
func BenchmarkCheckDeid(b *testing.B) {
	data, err := os.ReadFile("../shared/data/external/physionet-deid-gold/id.text")
	if err != nil {
		b.Skip("deid corpus not beside the project:", err)
	}
	var notes []string
	for _, rec := range strings.Split(string(data), "||||END_OF_RECORD") {
		if i := strings.Index(rec, "||||\n"); i >= 0 {
			notes = append(notes, rec[i+5:])
		}
	}
	benchCheck(b, notes)
}

// benchCorpus runs the posts of the labelled corpora, entities only, one by
// one with Check or in batches of size with CheckBatch (size 0).
func benchCorpus(b *testing.B, size int) {
	benchPosts(b, scrubs.Options{EntitiesOnly: true}, corpusTexts(b), size)
}

// BenchmarkCorpusOneByOne checks the corpora's staff posts one at a time;
// BenchmarkCorpusBatch32 in batches of 32, as check --format jsonl, scan and
// bench do (docs/BENCHMARKS.md compares them).
func BenchmarkCorpusOneByOne(b *testing.B) { benchCorpus(b, 0) }

// BenchmarkCorpusBatch32: see BenchmarkCorpusOneByOne.
func BenchmarkCorpusBatch32(b *testing.B) { benchCorpus(b, 32) }

// BenchmarkTweetsBatch32 checks the 24,783 real tweets of the Davidson corpus
// beside the project (about 85 bytes each, the shortest typical posts),
// entities only, in batches of 32 as scrubs bench does.
func BenchmarkTweetsBatch32(b *testing.B) {
	f, err := os.Open("../shared/data/external/davidson-hate-offensive/labeled_data.csv")
	if err != nil {
		b.Skip("Davidson corpus not beside the project:", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		b.Fatal(err)
	}
	col := slices.Index(head, "tweet")
	if col < 0 {
		b.Fatal("no tweet column")
	}
	var tweets []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		tweets = append(tweets, rec[col])
	}
	benchPosts(b, scrubs.Options{EntitiesOnly: true}, tweets, 32)
}
