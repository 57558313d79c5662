// Package benchdata holds the synthetic posts the benchmarks share, so that
// `scrubs bench` and the per-family benchmarks measure the same typical posts.
// All names, places and numbers in it are invented.
package benchdata

import "fmt"

// Posts builds n varied short posts from ten templates, deterministic for a
// given n, with identifiers in about a third of them: the corpus of `scrubs
// bench` and of the families' benchmarks on typical posts.
func Posts(n int) []string {
	templates := []string{
		"Another long night shift done 😴 coffee please #nhs #nightshift",
		"Lovely Mrs %s (%dyo) in bed %d asked for a cuppa at 3am, made my night",
		"Reminder: flu jabs for staff in the atrium %s %d/%d, bring your ID badge",
		"Huge congrats to %s on passing her OSCE!! so proud 🎉",
		"Can't believe the staffing on the ward again, 2 nurses for 28 patients. Something has to change.",
		"pt in bay %d kept pulling his cannula out lol what a night",
		"Anyone know a good physio near %s? asking for my mum",
		"Great teaching session on sepsis today, the NEWS2 update is worth reading.",
		"Happy retirement Sister %s, 40 years on the ward! We'll miss you x",
		"NHS no %d on the handover sheet again, guys please shred them",
	}
	names := []string{"Pickering", "Okafor", "Hughes", "Patel", "Kowalski", "Brennan", "Adeyemi", "Campbell"}
	places := []string{"Leeds", "Aylsham", "Bath", "Swansea", "Derry", "Inverness", "Norwich", "Truro"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	out := make([]string, n)
	for i := range out {
		t := templates[i%len(templates)]
		switch i % len(templates) {
		case 1:
			out[i] = fmt.Sprintf(t, names[i%8], 60+i%35, 1+i%20)
		case 2:
			out[i] = fmt.Sprintf(t, days[i%5], 1+i%28, 1+i%12)
		case 3, 8:
			out[i] = fmt.Sprintf(t, names[(i/3)%8])
		case 5:
			out[i] = fmt.Sprintf(t, 1+i%6)
		case 6:
			out[i] = fmt.Sprintf(t, places[i%8])
		case 9:
			out[i] = fmt.Sprintf(t, 9434765919)
		default:
			out[i] = t
		}
	}
	return out
}
