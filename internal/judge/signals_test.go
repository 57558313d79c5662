package judge

import (
	"slices"
	"testing"
)

// TestCoreSignals checks the core pack's confidentiality and boundary
// signals on invented posts, both ways. Signals have no examples of their
// own in the packs (only rules do), and several rules share each of them,
// so a change that makes one fire on the author's own story, or stop firing
// on a told encounter, shows here by name.
func TestCoreSignals(t *testing.T) {
	tests := []struct {
		signal, post string
		want         bool
	}{
		// patient: an encounter told without the word "patient"
		{"patient", "the old boy we scooped up off the slip road at 4am asked me to marry him", true},
		{"patient", "Side room 2 just threw his jelly at the HCA, third time tonight", true},
		{"patient", "Sectioned the lad who does the fish counter at the big supermarket, so sad", true},
		{"patient", "we had a 58F post lap chole on the surgical ward tonight, her son shouted at me for an hour", true},
		{"patient", "Picking up her methadone every morning, the girl from the flats never misses", true},
		// patient, quiet: the author's own story, family, pet, or nobody at all
		{"patient", "Ten years ago I was the patient on this very unit, now I run it", false},
		{"patient", "My nan's in HDU after a fall, keep her in your thoughts x", false},
		{"patient", "Not a patient, just my cat's x-ray, she swallowed a hair bobble", false},
		{"patient", "Staff photo on Ward 5 before handover, no patients in shot", false},
		{"patient", "Happy retirement Bryn, 30 years of nights and never once lost a patient", false},
		{"patient", "Bay 4 just reopened after the deep clean, beds ready", false},
		// the author's own family: a relative sorting the meds, the author's own parent cared for
		{"patient", "Pop's home from the clinic in Duluth!! Uncle Ray's got his meds sorted, Saturday roast at Nana's still on? I'll bring pie", false},
		{"patient", "Looking after my own dad since his stroke and doing nights on top, anyone else a carer at home too?", false},
		// a collection at the counter still tells of a patient
		{"patient", "Collected his methadone at 9 sharp again, the lad from the flats never misses a day", true},
		// a boundary explained away still tells of a patient
		{"patient", "He's not a patient anymore so technically we can go for drinks, right?", true},
		// known_to_reader: the person is known to the reader or the author outside work
		{"known_to_reader", "your old geography teacher was in resus today", true},
		{"known_to_reader", "small world, she's my hairdresser", true},
		{"known_to_reader", "the gent in cubicle 3 is my sister's landlord", true},
		{"known_to_reader", "my colleague's rota is a mess again", false},
		// image: a picture, blurred or not, of a patient or a board of names
		{"image", "POV: bed 9 gent hiding biscuits in his slipper (face blurred, relax)", true},
		{"image", "Pic of the handover board after nights, surnames crossed out obviously", true},
		{"image", "Team photo before the summer do, faces blurred for the shy ones", false},
		{"image", "His face was covered in mud when the crew brought him in, he's fine now", false},
		{"image", "Pic of my dog's x-ray from the vet, he ate a conker", false},
		// celebrity: a newsworthy patient, not a famous visitor
		{"celebrity", "he says he won the jackpot on the lottery back in May", true},
		{"celebrity", "she was a former county cricketer, still bowls in the garden", true},
		{"celebrity", "Our local councillor visited the ward to open the new garden", false},
		// decline: asking where the line is, but not after taking it up
		{"decline", "Is it ever ok to accept a friend request from a former patient?", true},
		{"decline", "What do you all do when a resident's son adds you on Facebook?", true},
		{"decline", "Is it ok to date a former patient? We've been texting since he went home", false},
	}
	j := judgeAll(t)
	for _, tt := range tests {
		o := judgePost(t, j, tt.post)
		if got := slices.Contains(o.Signals, tt.signal); got != tt.want {
			t.Errorf("%s on %q = %v, want %v (signals %v)", tt.signal, tt.post, got, tt.want, o.Signals)
		}
	}
}
