package detect

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

type idWant struct {
	text string
	typ  result.Type
}

type idTestCase struct {
	in   string
	want []idWant // every entity the family keeps at 0.5, in order; none for a safe case
}

func idW(s string, t result.Type) idWant { return idWant{s, t} }

// All values below are synthetic: checksums were computed for these tests.
var idCases = map[string][]idTestCase{
	"nhs": {
		{"NHS number: 943 476 5919", []idWant{idW("943 476 5919", result.NHSNumber)}},
		{"nhs no. 4526018155 on the sticker", []idWant{idW("4526018155", result.NHSNumber)}},
		{"NHS 490-830-1662", []idWant{idW("490-830-1662", result.NHSNumber)}},
		{"Pt DOB 2 March, 413 186 0910", []idWant{idW("413 186 0910", result.NHSNumber)}},
		{"her number is 639 099 6039", []idWant{idW("639 099 6039", result.NHSNumber)}},
		{"Patient 6082462815 in bay 2", []idWant{idW("6082462815", result.NHSNumber)}},
		{"CHI 1503725189", []idWant{idW("1503725189", result.NHSNumber)}},
		{"bed 4 943 476 5919", []idWant{idW("943 476 5919", result.NHSNumber)}},
		// A bare 10-digit run passes modulus 11 one time in eleven: not enough alone.
		{"4526018155", nil},
		// fails modulus 11: no NHS number, but after the cue a mistyped one
		// still points at a record (ID_OTHER)
		{"NHS number: 494 821 9933", []idWant{idW("494 821 9933", result.IDOther)}},
		{"nhs no 736 201 9485 on the board", []idWant{idW("736 201 9485", result.IDOther)}},
		{"NHS 7362019485", []idWant{idW("7362019485", result.IDOther)}},
		{"494 821 9933", nil},                             // no cue: nothing
		{"NHS 111 said call back, ref 494 821 9933", nil}, // a nearer word says what it is
		{"NHS helpline 494 821 9933", nil},                // a phone word
		{"494 821 9933 NHS", nil},                         // the cue must come before
		{"Order 943 476 5919 shipped", nil},
		{"tracking number 4526018155", nil},
		{"Invoice ref 490-830-1662 paid", nil},
		{"timestamp 1700000000", nil},
		{"page id 4131860910", nil},
		{"The price was £943 476 5919", nil},
	},
	"phone": {
		{"call me on 07700 900123", []idWant{idW("07700 900123", result.Phone)}},
		// an extension, glued or written out, belongs to the number
		{"Desk: +1-312-555-0142x318", []idWant{idW("+1-312-555-0142x318", result.Phone)}},
		{"fax 312.555.0199x88 thanks", []idWant{idW("312.555.0199x88", result.Phone)}},
		{"ring (312)555-0142x0135 now", []idWant{idW("(312)555-0142x0135", result.Phone)}},
		{"call 0113 496 0000 ext. 214", []idWant{idW("0113 496 0000 ext. 214", result.Phone)}},
		{"NHS 943 476 5919x2", nil}, // an extension makes no NHS number
		// a local number without its area code, right after a phone word
		{"Phone: 467 3395", []idWant{idW("467 3395", result.Phone)}},
		{"Phone:\n467 3395\n\nE-mail: none", []idWant{idW("467 3395", result.Phone)}},
		{"can someone call me on 9472 7916?", []idWant{idW("9472 7916", result.Phone)}},
		{"they are not answering at 78 651 450", []idWant{idW("78 651 450", result.Phone)}},
		{"Phone: (99) 645-791", []idWant{idW("(99) 645-791", result.Phone)}},
		{"called 3 times, readings 1200 1500", nil}, // the phone word is too far
		// "nhs" near an eleven-digit UK landline says nothing of it (an NHS number has ten digits)
		{"questions to the lead, j.bloggs@nhs.net or 0161 496 0734.", []idWant{idW("j.bloggs@nhs.net", result.Email), idW("0161 496 0734", result.Phone)}},
		{"NHS 943 476 5919 and nhs.net", []idWant{idW("943 476 5919", result.NHSNumber)}},
		{"467 3395", nil}, // no phone word at all
		{"3 x 5 tablets", nil},
	},
	"address numbers": {
		{"lives at 12 Acacia Avenue, Apt. 595, Leeds", []idWant{idW("Apt. 595", result.Street)}},
		{"Flat 3", []idWant{idW("Flat 3", result.Street)}},
		{"felt flat 2 days", nil},
		{"123 Main St, Suite 501", []idWant{idW("Suite 501", result.Street)}},
		{"moved to the endoscopy suite 2 today", nil}, // a hospital's suite, not an address
		{"P.O. Box 242", []idWant{idW("P.O. Box 242", result.Street)}},
		{"PO Box 8144", []idWant{idW("PO Box 8144", result.Street)}},
		{"PSC 0413, Box 8144\nAPO AA 42323", []idWant{idW("Box 8144", result.Street), idW("42323", result.ZIP)}},
		{"Unit 4719 Box 7394\nDPO AP 70942", []idWant{idW("Box 7394", result.Street), idW("70942", result.ZIP)}},
		{"ward unit 4 box 3", nil},
		{"box 4 of gloves", nil},
		{"ZIP: 3520", []idWant{idW("3520", result.ZIP)}},
		{"zip 3520 files", nil}, // a label needs its colon
		// "work#" is a cue although '#' is a token of its own; "to page" a person is no page number
		{"home# 877-160-4432, page Marnie if no answer", []idWant{idW("877-160-4432", result.Phone)}},
		// a note's "SOCIAL:" heading is not social security
		{"SOCIAL:NIECE---716 482-3390", []idWant{idW("716 482-3390", result.Phone)}},
		{"Ring 0113 496 0000 tomorrow", []idWant{idW("0113 496 0000", result.Phone)}},
		{"ward: 020 7946 0018", []idWant{idW("020 7946 0018", result.Phone)}},
		{"+44 (0)113 496 0000", []idWant{idW("+44 (0)113 496 0000", result.Phone)}},
		{"+44 7700 900123", []idWant{idW("+44 7700 900123", result.Phone)}},
		{"07700900123", []idWant{idW("07700900123", result.Phone)}},
		{"Freephone 0800 123 4567", []idWant{idW("0800 123 4567", result.Phone)}},
		{"(312) 555-0142", []idWant{idW("(312) 555-0142", result.Phone)}},
		{"text 312-555-0142", []idWant{idW("312-555-0142", result.Phone)}},
		{"+1 312 555 0142", []idWant{idW("+1 312 555 0142", result.Phone)}},
		{"1-800-555-0199", []idWant{idW("1-800-555-0199", result.Phone)}},
		{"Paris office +33 1 42 68 53 00", []idWant{idW("+33 1 42 68 53 00", result.Phone)}},
		{"fax 020 7946 0019", []idWant{idW("020 7946 0019", result.Phone)}},
		{"BP 120/80, HR 88", nil},
		{"seen 12/03/2024 at 14:30", nil},
		{"shift 0700-1900, 10-20 mins", nil},
		{"NHS 943 476 5919", []idWant{idW("943 476 5919", result.NHSNumber)}},
		{"1,000,000 steps and 2.5 mg", nil},
		{"ISBN 978-3-16-148410-0", nil},
		{"Version 1.2.3.4", nil},
	},
	"nino": {
		{"NI number AB 12 34 56 C", []idWant{idW("AB 12 34 56 C", result.NINumber)}},
		{"my nino is JK123456D", []idWant{idW("JK123456D", result.NINumber)}},
		{"AB 12 34 56 C", []idWant{idW("AB 12 34 56 C", result.NINumber)}},
		{"national insurance: ab 123 456 c", []idWant{idW("ab 123 456 c", result.NINumber)}},
		{"National Insurance number: AB 12 34 56", []idWant{idW("AB 12 34 56", result.NINumber)}},
		{"AB 12 34 56", nil},          // no suffix, no context
		{"DA 12 34 56 C", nil},        // D never starts a NINO
		{"AO 12 34 56 C", nil},        // O is never second
		{"GB 12 34 56 A", nil},        // not allocated
		{"AB 12 34 56 E", nil},        // suffix A-D only
		{"NI number AB 12 34 5", nil}, // five digits
	},
	"postcode": {
		{"lives at LS1 4AP", []idWant{idW("LS1 4AP", result.Postcode)}},
		{"SW1A 1AA", []idWant{idW("SW1A 1AA", result.Postcode)}},
		{"postcode SW1A1AA", []idWant{idW("SW1A1AA", result.Postcode)}},
		{"M1 1AE", []idWant{idW("M1 1AE", result.Postcode)}},
		{"EC1A 1BB and W1A 0AX", []idWant{idW("EC1A 1BB", result.Postcode), idW("W1A 0AX", result.Postcode)}},
		{"GIR 0AA", []idWant{idW("GIR 0AA", result.Postcode)}},
		{"she lives in LS6 now", []idWant{idW("LS6", result.Postcode)}},
		{"postcode area BD7", []idWant{idW("BD7", result.Postcode)}},
		{"from Leeds LS6", []idWant{idW("LS6", result.Postcode)}},
		{"Reading B12 levels", nil},      // a place that is also a common word
		{"moved to SR2 then bay 4", nil}, // side room, not Sunderland
		{"B12 deficiency, lives alone", nil},
		{"drove up the M62", nil},
		{"QA1 1AA", nil},
		{"M1 1CA", nil},
		{"FY10 4PL", nil},
		{"SO1 4QQ", nil},
		{"ABCM11AADEF", nil},
	},
	"zip": {
		{"Chicago, IL 60614", []idWant{idW("60614", result.ZIP)}},
		{"Austin TX 75001-1234", []idWant{idW("75001-1234", result.ZIP)}},
		{"zip code 60614", []idWant{idW("60614", result.ZIP)}},
		{"Springfield, Illinois 62704", []idWant{idW("62704", result.ZIP)}},
		{"lives in New York 10001", []idWant{idW("10001", result.ZIP)}},
		{"2214 Oak Ct, Elk Town, 95758 tonight", []idWant{idW("95758", result.ZIP)}},
		{"Round Rock, 78664", []idWant{idW("78664", result.ZIP)}},
		{"walked 60614 steps", nil},
		{"75001 emails unread", nil},
	},
	"web": {
		{"email jo.bloggs@example.co.uk please", []idWant{idW("jo.bloggs@example.co.uk", result.Email)}},
		{"(sam+work@example.com)", []idWant{idW("sam+work@example.com", result.Email)}},
		{"see https://example.com/path?q=1.", []idWant{idW("https://example.com/path?q=1", result.URL)}},
		{"go to www.example.org/news", []idWant{idW("www.example.org/news", result.URL)}},
		{"facebook.com/jo.bloggs.77", []idWant{idW("facebook.com/jo.bloggs.77", result.URL)}},
		{"my link example.io/r/abc", []idWant{idW("example.io/r/abc", result.URL)}},
		{"bio: linktr.ee/somebody", []idWant{idW("linktr.ee/somebody", result.URL)}},
		{"(https://example.org/a_(b))", []idWant{idW("https://example.org/a_(b)", result.URL)}},
		// a bare domain after a word that sends the reader to it
		{"or visit examplehealth.info", []idWant{idW("examplehealth.info", result.URL)}},
		{"Call us or book at exampleclinic.com. We take cards", []idWant{idW("exampleclinic.com", result.URL)}},
		{"Sign up: walkforgran.org", []idWant{idW("walkforgran.org", result.URL)}},
		{"my blog is nursejo.co.uk", []idWant{idW("nursejo.co.uk", result.URL)}},
		{"details on exampletrust.nhs.uk today", []idWant{idW("exampletrust.nhs.uk", result.URL)}},
		{"go to walkforgran.org", []idWant{idW("walkforgran.org", result.URL)}},
		{"find me at jo-writes.blog", []idWant{idW("jo-writes.blog", result.URL)}},
		{"love working with node.js and ASP.NET", nil},
		{"see my.me", nil}, // a country code that is also a word
		{"e.g. the A&E dept, i.e. obs.com", nil},
		{"Dr.Smith and obs.Normal", nil},
		{"dose 5mg.kg/day", nil},
		{"http://microsoft", nil},
		{"server 192.168.0.1 down", []idWant{idW("192.168.0.1", result.IPAddress)}},
		{"from 2001:db8::8a2e:370:7334", []idWant{idW("2001:db8::8a2e:370:7334", result.IPAddress)}},
		{"gw fe80::1%eth0", []idWant{idW("fe80::1%eth0", result.IPAddress)}},
		{"at 12:34:56 and ratio 1:2:3:4", nil},
		{"MAC aa:bb:cc:dd:ee:ff", nil},
		{"256.1.1.1 and 192.168.1", nil},
		{"std::cout", nil},
		{"@sarah_rn thanks", []idWant{idW("@sarah_rn", result.Username)}},
		{"cc @jess.the.medic.", []idWant{idW("@jess.the.medic", result.Username)}},
		{"see you @5pm", nil},
		// a Reddit username: "u/" and 3 to 20 letters, digits, '_' or '-'
		{"u/night_owl_rn your dad needs a GP review", []idWant{idW("u/night_owl_rn", result.Username)}},
		{"Replying to U/Sam1990: go to A&E", []idWant{idW("U/Sam1990", result.Username)}},
		{"thanks u/ben-the-medic!", []idWant{idW("u/ben-the-medic", result.Username)}},
		{"start at 6 u/hr and recheck", nil},
		{"give 2 u/kg", nil},
		{"had a u/s today", nil},
		{"check u/e tomorrow", nil},
		{"see u/a/b later", nil},
		{"#nursing", nil},
	},
	"ssn": {
		{"SSN 536-90-4399", []idWant{idW("536-90-4399", result.SSN)}},
		{"social 536-90-4399", []idWant{idW("536-90-4399", result.SSN)}},
		{"my social security number is 536 90 4399", []idWant{idW("536 90 4399", result.SSN)}},
		{"536-90-4399", []idWant{idW("536-90-4399", result.SSN)}},
		{"ssn: 536904399", []idWant{idW("536904399", result.SSN)}},
		{"last four of SSN 6612", []idWant{idW("6612", result.SSN)}},
		{"SSN on her chart is wrong (ends 6612) pls fix", []idWant{idW("6612", result.SSN)}},
		{"536904399", nil},
		{"SSN 078-05-1120", nil}, // the wallet-card number
		{"SSN 219-09-9999", nil},
		{"SSN 666-12-3456", nil},
		{"SSN 000-12-3456", nil},
		{"SSN 536-00-4399", nil},
		{"SSN 536-90-0000", nil},
		{"SSN 123456789", nil},
		{"order 536-90-4399", nil},
		{"ITIN 912-70-1234", []idWant{idW("912-70-1234", result.IDOther)}},
		{"tax id 912-89-1234", nil},
	},
	"mrn": {
		{"MRN 4471823", []idWant{idW("4471823", result.MRN)}},
		{"MRN: 20448173, came in", []idWant{idW("20448173", result.MRN)}},
		{"hospital number K1234567", []idWant{idW("K1234567", result.MRN)}},
		{"hosp no RXH1234567", []idWant{idW("RXH1234567", result.MRN)}},
		{"unit number 004512", []idWant{idW("004512", result.MRN)}},
		{"K1234567", nil},
		{"RXH1234567", nil},
		{"unit of 4471823 beds", nil},
	},
	"other": {
		{"Medicare # 4TP2-HJ7-NR86", []idWant{idW("4TP2-HJ7-NR86", result.IDOther)}},
		{"1EG4-TE5-MK73", []idWant{idW("1EG4-TE5-MK73", result.IDOther)}},
		{"NPI: 1865797546", []idWant{idW("1865797546", result.IDOther)}},
		{"provider number 2323194870", []idWant{idW("2323194870", result.IDOther)}},
		{"1865797546", nil},
		{"DEA AK5749114", []idWant{idW("AK5749114", result.IDOther)}},
		{"AK5749114", nil},
		{"DEA AK5749115", nil},
		{"passport 123456789", []idWant{idW("123456789", result.IDOther)}},
		{"passport no. AB1234567", []idWant{idW("AB1234567", result.IDOther)}},
		{"driving licence MORGA607054SM9IJ", []idWant{idW("MORGA607054SM9IJ", result.IDOther)}},
		{"MORGA607054SM9IJ", []idWant{idW("MORGA607054SM9IJ", result.IDOther)}},
		{"MORGA613054SM9IJ", nil},
		{"DL 21947730", []idWant{idW("21947730", result.IDOther)}},
		{"account number 12345678", []idWant{idW("12345678", result.IDOther)}},
		{"sort code 20-00-00", []idWant{idW("20-00-00", result.IDOther)}},
		{"IBAN GB82 WEST 1234 5698 7654 32", []idWant{idW("GB82 WEST 1234 5698 7654 32", result.IDOther)}},
		{"card 4601 8955 5979 7111", []idWant{idW("4601 8955 5979 7111", result.IDOther)}},
		{"4601 8955 5979 7112", nil},
		{"NMC PIN 12A3456E", []idWant{idW("12A3456E", result.IDOther)}},
		{"GMC 1234567", []idWant{idW("1234567", result.IDOther)}},
		{"serial number SN4471823X", []idWant{idW("SN4471823X", result.IDOther)}},
	},
	"vehicle": {
		{"car reg AB12 CDE", []idWant{idW("AB12 CDE", result.Vehicle)}},
		{"AB12 CDE", []idWant{idW("AB12 CDE", result.Vehicle)}},
		{"LN14-HGT", []idWant{idW("LN14-HGT", result.Vehicle)}},
		{"BD62XYZ", []idWant{idW("BD62XYZ", result.Vehicle)}},
		{"reg A123 BCD", []idWant{idW("A123 BCD", result.Vehicle)}},
		{"his car ABC 123D", []idWant{idW("ABC 123D", result.Vehicle)}},
		{"plate 8JKL229", []idWant{idW("8JKL229", result.Vehicle)}},
		{"white Tahoe, plate DKR-5519, sped off", []idWant{idW("DKR-5519", result.Vehicle)}},
		{"licence plate ABC 1234", []idWant{idW("ABC 1234", result.Vehicle)}},
		{"A123 BCD", nil},
		{"ABC 123D was the code", nil},
		{"IB51 ABC", nil},
		{"AB00 ABC", nil},
		{"AB51 AIB", nil},
		{"COVID19 PS5 NHS111 HbA1c", nil},
	},
}

func TestIdentifierCases(t *testing.T) {
	for fam, cases := range idCases {
		for _, c := range cases {
			doc, cands := idFind(t, c.in, 0.5)
			var got []idWant
			for _, x := range cands {
				got = append(got, idWant{doc.Norm[x.Start:x.End], x.Type})
			}
			if fmt.Sprint(got) != fmt.Sprint(c.want) {
				t.Errorf("%s: %q\n got  %v\n want %v\n all  %v", fam, c.in, got, c.want, idDetector{}.Detect(doc, nil))
			}
		}
	}
}

// TestIdentifierReasons checks that a Reason names the rule and the context.
func TestIdentifierReasons(t *testing.T) {
	cases := []struct{ in, want string }{
		{"NHS no 943 476 5919", "NHS number: modulus 11 valid, 3-3-4 + context 'NHS no'"},
		{"943 476 5919", "NHS number: modulus 11 valid, 3-3-4, no context"},
		{"CHI 1503725189", "CHI number: modulus 11 valid, DDMMYY date + context 'CHI'"},
		{"fax 020 7946 0019", "fax: UK number format + context 'fax'"},
		{"MRN 4471823", "MRN: record number + context 'MRN'"},
		{"national insurance AB 12 34 56 C", "NI number: valid prefix and suffix + context 'national insurance'"},
	}
	for _, c := range cases {
		_, cands := idFind(t, c.in, 0.5)
		if len(cands) != 1 || cands[0].Reason != c.want {
			t.Errorf("%q: got %v, want reason %q", c.in, cands, c.want)
		}
	}
}

// TestIdentifierConfidence pins the confidence policy for NHS numbers: a
// checksum alone never earns high confidence.
func TestIdentifierConfidence(t *testing.T) {
	conf := func(s string) float64 {
		doc, _ := text.New(s)
		best := 0.0
		for _, c := range (idDetector{}).Detect(doc, nil) {
			if c.Type == result.NHSNumber && c.Confidence > best {
				best = c.Confidence
			}
		}
		return best
	}
	if c := conf("4526018155"); c >= 0.5 || c == 0 {
		t.Errorf("plain 10 digits without context: %.2f, want a low candidate < 0.5", c)
	}
	if c := conf("452 601 8155"); c < 0.55 || c > 0.65 {
		t.Errorf("3-3-4 without context: %.2f, want about 0.6", c)
	}
	if c := conf("NHS no 452 601 8155"); c < 0.85 {
		t.Errorf("3-3-4 with NHS context: %.2f, want ≥ 0.85", c)
	}
	if c := conf("ref 452 601 8155"); c >= 0.5 {
		t.Errorf("3-3-4 after 'ref': %.2f, want < 0.5", c)
	}
}

func TestIdentifierChecks(t *testing.T) {
	b := func(s string) []byte { return []byte(s) }
	if !nhsMod11(b("9434765919")) || nhsMod11(b("9991234560")) || nhsMod11(b("0000000000")) {
		t.Error("nhsMod11")
	}
	if !npiValid(b("1234567893")) || npiValid(b("1234567890")) {
		t.Error("npiValid")
	}
	if !deaValid(b("BB1388568")) || deaValid(b("BG8207031")) {
		t.Error("deaValid")
	}
	if !mbiValid(b("1EG4TE5MK73")) || mbiValid(b("1SG4TE5MK73")) {
		t.Error("mbiValid")
	}
	if !ibanValid(b("GB82WEST12345698765432")) || ibanValid(b("GB83WEST12345698765432")) {
		t.Error("ibanValid")
	}
	if ssnCheck(b("078051120")) != ssnInvalid || ssnCheck(b("536904399")) != ssnValid || ssnCheck(b("123456789")) != ssnSample {
		t.Error("ssnCheck")
	}
	for _, o := range []string{"M1", "B33", "CR2", "DN55", "W1A", "EC1A", "SW1A", "BX1", "BS0"} {
		if !outwardValid(b(o)) {
			t.Errorf("outward %s should be valid", o)
		}
	}
	for _, o := range []string{"Q1", "LI10", "A9Q", "FY10", "SO1", "M0", "M1A", "E1A"} {
		if outwardValid(b(o)) {
			t.Errorf("outward %s should be invalid", o)
		}
	}
}

// FuzzIdentifiers checks that every candidate lies inside the text, on rune
// boundaries, with a confidence in (0, 1) and a reason.
func FuzzIdentifiers(f *testing.F) {
	for _, cases := range idCases {
		for _, c := range cases {
			f.Add(c.in)
		}
	}
	f.Add("+44 (0)")
	f.Add("(((1234")
	f.Add("::ffff:1.2.3.4%")
	f.Add("@\u00e9\u00e9.x")
	f.Add("a@b.c\u00e9d")
	f.Add("NHS ９４３ ４７６ ５９１９")
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := text.New(s)
		if err != nil {
			return
		}
		for _, c := range (idDetector{}).Detect(doc, nil) {
			if c.Start < 0 || c.End > len(doc.Norm) || c.Start >= c.End {
				t.Fatalf("%q: candidate out of range %+v", s, c)
			}
			if !utf8.RuneStart(doc.Norm[c.Start]) || c.End < len(doc.Norm) && !utf8.RuneStart(doc.Norm[c.End]) {
				t.Fatalf("%q: candidate not on rune boundaries %+v", s, c)
			}
			if c.Confidence <= 0 || c.Confidence >= 1 || c.Reason == "" {
				t.Fatalf("%q: bad confidence or reason %+v", s, c)
			}
		}
	})
}

func BenchmarkIdentifiers(b *testing.B) {
	var sb strings.Builder
	for _, cases := range idCases {
		for _, c := range cases {
			sb.WriteString(c.in)
			sb.WriteString(". Pt seen on the ward today, obs stable, family updated and happy with plan. ")
		}
	}
	for sb.Len() < 64<<10 {
		sb.WriteString("Long shift but a good one: handover at 7, two admissions, one discharge home with the district nurses. ")
	}
	doc, err := text.New(sb.String())
	if err != nil {
		b.Fatal(err)
	}
	d := idDetector{}
	b.SetBytes(int64(len(doc.Norm)))
	b.ResetTimer()
	var out []Candidate
	for i := 0; i < b.N; i++ {
		out = d.Detect(doc, out[:0])
	}
}
