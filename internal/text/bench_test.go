package text

import "testing"

var benchPosts = map[string]string{
	// A typical 70-byte post, plain ASCII.
	"ascii70": "Lovely Mrs Hughes (72yo) in bed 4 asked for a cuppa at 3am, made my n",
	// A 70-byte post with an emoji, which takes the non-ASCII path.
	"emoji70": "Another long night shift done 😴 coffee please #nhs #nightshift",
	// A 70-byte post with a curly apostrophe, which normalisation folds.
	"curly70": "Can’t believe Mrs Hughes (72yo) asked for a cuppa at 3am, made my nig",
	// A 280-byte post with curly quotes, an emoji and a dash.
	"mixed280": "Absolute legend on bay 3 tonight \u2013 Mrs Edna Pritchard, 94, from Aylsham, told me she\u2019s been a dinner lady " +
		"at the village school for 40 yrs and still does the crossword every morning 🥰 love my job #nhs #nightshift. " +
		"NHS no 943 476 5919 on the sheet, shred it pls!",
	// A 280-byte post, plain ASCII.
	"ascii280": "Can't believe the staffing on the ward again, 2 nurses for 28 patients. Something has to change. " +
		"Happy retirement Sister Okafor, 40 years on the ward! We'll miss you x. Reminder: flu jabs for staff in " +
		"the atrium Monday 3/4, bring your ID badge. pt in bay 2 kept pulling his cannula out lol",
}

func BenchmarkNew(b *testing.B) {
	for _, name := range []string{"ascii70", "emoji70", "curly70", "ascii280", "mixed280"} {
		s := benchPosts[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
