package detect

// Validators for structured identifiers: checksums and allocation rules.
// Each takes ASCII bytes (digits as '0'..'9', letters as written) and does
// not allocate.

func idIsDigit(c byte) bool  { return '0' <= c && c <= '9' }
func idIsUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func idIsLower(c byte) bool  { return 'a' <= c && c <= 'z' }
func idIsLetter(c byte) bool { return idIsUpper(c) || idIsLower(c) }
func idIsAlnum(c byte) bool  { return idIsDigit(c) || idIsLetter(c) }
func idUpper(c byte) byte {
	if idIsLower(c) {
		return c - 'a' + 'A'
	}
	return c
}

// idAllSame reports whether every byte of d is the same.
func idAllSame(d []byte) bool {
	for _, c := range d[1:] {
		if c != d[0] {
			return false
		}
	}
	return true
}

// nhsMod11 reports whether ten digits pass the NHS modulus 11 check (NHS Data
// Dictionary): weights 10..2 on the first nine digits, check = 11 - sum mod 11,
// 11 becomes 0 and 10 makes the number invalid. Scottish CHI numbers use the
// same check.
func nhsMod11(d []byte) bool {
	if len(d) != 10 || idAllSame(d) {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(d[i]-'0') * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && check == int(d[9]-'0')
}

// chiDate reports whether the first six digits are a DDMMYY date, as a
// Scottish CHI number starts.
func chiDate(d []byte) bool {
	if len(d) < 6 {
		return false
	}
	day := int(d[0]-'0')*10 + int(d[1]-'0')
	mon := int(d[2]-'0')*10 + int(d[3]-'0')
	return idDayMonthOK(day, mon)
}

func idDayMonthOK(day, mon int) bool {
	if mon < 1 || mon > 12 || day < 1 {
		return false
	}
	switch mon {
	case 2:
		return day <= 29
	case 4, 6, 9, 11:
		return day <= 30
	}
	return day <= 31
}

// nhsAllocated reports whether ten digits fall in a range the NHS numbering
// services allocate: England and Wales 400-499 and 600-799 million, Northern
// Ireland H&C 320-399 million, Scotland a CHI (DDMMYY prefix).
func nhsAllocated(d []byte) bool {
	switch d[0] {
	case '4', '6', '7':
		return true
	case '3':
		if d[1] >= '2' {
			return true
		}
	}
	return chiDate(d)
}

// idLuhn reports whether the digits pass the Luhn (mod 10) check.
func idLuhn(d []byte) bool {
	sum, dbl := 0, false
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if dbl {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		dbl = !dbl
	}
	return sum%10 == 0
}

// npiValid checks a US National Provider Identifier: ten digits starting 1 or
// 2 whose Luhn check runs over the 80840 prefix (ISO 7812 health card issuer).
func npiValid(d []byte) bool {
	if len(d) != 10 || (d[0] != '1' && d[0] != '2') || idAllSame(d[:9]) {
		return false
	}
	// The prefix 80840 adds a fixed 24 to the Luhn sum.
	sum, dbl := 24, false
	for i := 9; i >= 0; i-- {
		v := int(d[i] - '0')
		if dbl {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		dbl = !dbl
	}
	return sum%10 == 0
}

// ssnRule is the outcome of checking nine digits as a US SSN.
type ssnRule uint8

const (
	ssnInvalid ssnRule = iota
	ssnValid
	ssnSample // the well-known example 123-45-6789: valid shape, needs context
)

// ssnCheck applies the SSA allocation rules: area not 000, 666 or 900-999,
// group not 00, serial not 0000, not one digit repeated, and not a number
// known to have been published (the Woolworth wallet card 078-05-1120, the
// advertised 219-09-9999 and 457-55-5462).
func ssnCheck(d []byte) ssnRule {
	if len(d) != 9 || idAllSame(d) {
		return ssnInvalid
	}
	area := string(d[:3])
	if area == "000" || area == "666" || d[0] == '9' {
		return ssnInvalid
	}
	if d[3] == '0' && d[4] == '0' {
		return ssnInvalid
	}
	if d[5] == '0' && d[6] == '0' && d[7] == '0' && d[8] == '0' {
		return ssnInvalid
	}
	switch string(d) {
	case "078051120", "219099999", "457555462":
		return ssnInvalid
	case "123456789":
		return ssnSample
	}
	if string(d[:8]) == "98765432" {
		return ssnInvalid
	}
	return ssnValid
}

// itinValid checks a US ITIN: 9XX-GG-XXXX with the group in 50-65, 70-88,
// 90-92 or 94-99.
func itinValid(d []byte) bool {
	if len(d) != 9 || d[0] != '9' {
		return false
	}
	g := int(d[3]-'0')*10 + int(d[4]-'0')
	return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || g >= 94
}

// deaValid checks a DEA registration number: a registrant-type letter, a
// letter (or 9), seven digits whose last is (d1+d3+d5 + 2*(d2+d4+d6)) mod 10.
func deaValid(b []byte) bool {
	if len(b) != 9 {
		return false
	}
	switch idUpper(b[0]) {
	case 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'P', 'R', 'S', 'T', 'U', 'X':
	default:
		return false
	}
	if !idIsLetter(b[1]) && b[1] != '9' {
		return false
	}
	for _, c := range b[2:] {
		if !idIsDigit(c) {
			return false
		}
	}
	d := b[2:]
	sum := int(d[0]-'0') + int(d[2]-'0') + int(d[4]-'0') + 2*(int(d[1]-'0')+int(d[3]-'0')+int(d[5]-'0'))
	return sum%10 == int(d[6]-'0')
}

// mbiValid checks the 11 characters of a Medicare Beneficiary Identifier
// (CMS format: positions 1,4,7,10,11 numeric, 1 not zero; 2,5,8,9 alphabetic;
// 3 and 6 alphanumeric; letters S, L, O, I, B, Z never used).
func mbiValid(b []byte) bool {
	if len(b) != 11 {
		return false
	}
	alpha := func(c byte) bool {
		c = idUpper(c)
		if !idIsUpper(c) {
			return false
		}
		switch c {
		case 'S', 'L', 'O', 'I', 'B', 'Z':
			return false
		}
		return true
	}
	num := idIsDigit
	an := func(c byte) bool { return num(c) || alpha(c) }
	return b[0] >= '1' && b[0] <= '9' && alpha(b[1]) && an(b[2]) && num(b[3]) &&
		alpha(b[4]) && an(b[5]) && num(b[6]) && alpha(b[7]) && alpha(b[8]) &&
		num(b[9]) && num(b[10])
}

// ninoPrefixValid applies the HMRC prefix rules for a National Insurance
// number: first letter not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V;
// BG, GB, KN, NK, NT, TN and ZZ not allocated.
func ninoPrefixValid(a, b byte) bool {
	a, b = idUpper(a), idUpper(b)
	if !idIsUpper(a) || !idIsUpper(b) {
		return false
	}
	switch a {
	case 'D', 'F', 'I', 'Q', 'U', 'V':
		return false
	}
	switch b {
	case 'D', 'F', 'I', 'O', 'Q', 'U', 'V':
		return false
	}
	switch string([]byte{a, b}) {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return true
}

// dvlaValid checks the 16 characters of a GB (DVLA) driving licence number:
// surname (letters padded with 9), decade digit, month (01-12, +50 for
// women), day, year digit, two initials (second may be 9), a digit and two
// check characters.
func dvlaValid(b []byte) bool {
	if len(b) != 16 || !idIsLetter(b[0]) {
		return false
	}
	pad := false
	for _, c := range b[1:5] {
		switch {
		case c == '9':
			pad = true
		case idIsLetter(c) && !pad:
		default:
			return false
		}
	}
	for _, c := range b[5:11] {
		if !idIsDigit(c) {
			return false
		}
	}
	mon := int(b[6]-'0')*10 + int(b[7]-'0')
	if mon > 50 {
		mon -= 50
	}
	day := int(b[8]-'0')*10 + int(b[9]-'0')
	if !idDayMonthOK(day, mon) {
		return false
	}
	if !idIsLetter(b[11]) || !(idIsLetter(b[12]) || b[12] == '9') || !idIsDigit(b[13]) {
		return false
	}
	return idIsAlnum(b[14]) && idIsAlnum(b[15])
}

// ibanValid checks an IBAN (spaces removed, upper case): country letters,
// two check digits, 11-30 alphanumerics, and the ISO 7064 mod 97-10 check.
func ibanValid(b []byte) bool {
	if len(b) < 15 || len(b) > 34 || !idIsUpper(b[0]) || !idIsUpper(b[1]) || !idIsDigit(b[2]) || !idIsDigit(b[3]) {
		return false
	}
	rem := 0
	add := func(c byte) bool {
		switch {
		case idIsDigit(c):
			rem = (rem*10 + int(c-'0')) % 97
		case idIsUpper(c):
			v := int(c-'A') + 10
			rem = (rem*100 + v) % 97
		default:
			return false
		}
		return true
	}
	for _, c := range b[4:] {
		if !add(c) {
			return false
		}
	}
	for _, c := range b[:4] {
		add(c)
	}
	return rem == 1
}

// cardPrefixOK reports whether digits start like a payment card of that length
// (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro).
func cardPrefixOK(d []byte) bool {
	n := len(d)
	p2 := int(d[0]-'0')*10 + int(d[1]-'0')
	p4 := p2*100 + int(d[2]-'0')*10 + int(d[3]-'0')
	switch {
	case d[0] == '4':
		return n == 13 || n == 16 || n == 19
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720:
		return n == 16
	case p2 == 34 || p2 == 37:
		return n == 15
	case p4 == 6011 || p2 == 65 || (p4 >= 6440 && p4 <= 6499):
		return n >= 16
	case p2 == 35:
		return n >= 16
	case p2 == 30 || p2 == 36 || p2 == 38:
		return n == 14 || n == 16
	case p2 == 62:
		return n >= 16
	case p2 == 50 || (p2 >= 56 && p2 <= 69):
		return n >= 12
	}
	return false
}

// UK postcode rules (Royal Mail PAF conventions).

// postcodeAreas lists the UK postcode areas, including the non-geographic BX.
var postcodeAreas = func() map[string]bool {
	m := map[string]bool{}
	for _, a := range []string{
		"AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB",
		"CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN",
		"DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD",
		"HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY",
		"L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG",
		"NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM",
		"S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY",
		"TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN",
		"WR", "WS", "WV", "YO", "ZE",
	} {
		m[a] = true
	}
	return m
}()

// Areas whose districts are all one digit, all two digits, or include 0.
var (
	pcSingleDigit  = map[string]bool{"BR": true, "FY": true, "HA": true, "HD": true, "HG": true, "HR": true, "HS": true, "HX": true, "JE": true, "LD": true, "SM": true, "SR": true, "WC": true, "WN": true, "ZE": true}
	pcDoubleDigit  = map[string]bool{"AB": true, "LL": true, "SO": true}
	pcZeroDistrict = map[string]bool{"BL": true, "BS": true, "CM": true, "CR": true, "FY": true, "HA": true, "PR": true, "SL": true, "SS": true}
)

// outwardValid checks an upper-case outward code (A9, A99, A9A, AA9, AA99,
// AA9A) against the area list, the letters allowed in each position, the
// district rules and the central London sub-districts.
func outwardValid(o []byte) bool {
	n := len(o)
	if n < 2 || n > 4 || !idIsUpper(o[0]) {
		return false
	}
	al := 1
	if idIsUpper(o[1]) {
		al = 2
	}
	area := string(o[:al])
	if !postcodeAreas[area] {
		return false
	}
	rest := o[al:]
	if len(rest) == 0 || len(rest) > 2 || !idIsDigit(rest[0]) {
		return false
	}
	var sub byte
	digits := 1
	if len(rest) == 2 {
		switch {
		case idIsDigit(rest[1]):
			digits = 2
		case idIsUpper(rest[1]):
			sub = rest[1]
		default:
			return false
		}
	}
	if digits == 2 && pcSingleDigit[area] {
		return false
	}
	if digits == 1 && pcDoubleDigit[area] {
		return false
	}
	if digits == 1 && rest[0] == '0' && !pcZeroDistrict[area] {
		return false
	}
	if sub != 0 {
		d := rest[0]
		switch area {
		case "W":
			return d == '1' && isPC3(sub)
		case "E":
			return d == '1' && sub == 'W'
		case "N":
			return d == '1' && (sub == 'C' || sub == 'P')
		case "EC":
			return d >= '1' && d <= '4' && isPC4(sub)
		case "SW", "WC":
			return (d == '1' || (area == "WC" && d == '2')) && isPC4(sub)
		case "NW":
			return d == '1' && sub == 'W'
		case "SE":
			return d == '1' && sub == 'P'
		}
		return false
	}
	return true
}

// isPC3 and isPC4: letters allowed in the third position (A9A) and fourth
// position (AA9A) of an outward code.
func isPC3(c byte) bool {
	switch c {
	case 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'P', 'S', 'T', 'U', 'W':
		return true
	}
	return false
}

func isPC4(c byte) bool {
	switch c {
	case 'A', 'B', 'E', 'H', 'M', 'N', 'P', 'R', 'V', 'W', 'X', 'Y':
		return true
	}
	return false
}

// inwardValid checks an upper-case inward code: a digit and two letters, not
// C, I, K, M, O or V.
func inwardValid(in []byte) bool {
	if len(in) != 3 || !idIsDigit(in[0]) {
		return false
	}
	for _, c := range in[1:] {
		switch c {
		case 'C', 'I', 'K', 'M', 'O', 'V':
			return false
		}
		if !idIsUpper(c) {
			return false
		}
	}
	return true
}

// UK vehicle registration rules (DVLA).

// plateMemoryOK: the first letter of a current-style plate is a region letter
// (not I, J, Q, T, U, Z); the second a DVLA office letter (not I, Q, Z).
func plateMemoryOK(a, b byte) bool {
	switch a {
	case 'I', 'J', 'Q', 'T', 'U', 'Z':
		return false
	}
	switch b {
	case 'I', 'Q', 'Z':
		return false
	}
	return idIsUpper(a) && idIsUpper(b)
}

// plateAgeOK: the age identifier of a current plate, 02-29 (March) or 51-79
// (September); 01 and 50 were never issued.
func plateAgeOK(d1, d2 byte) bool {
	v := int(d1-'0')*10 + int(d2-'0')
	return (v >= 2 && v <= 29) || (v >= 51 && v <= 79)
}

// plateRandomOK: the random letters never use I or Q.
func plateRandomOK(b []byte) bool {
	for _, c := range b {
		if !idIsUpper(c) || c == 'I' || c == 'Q' {
			return false
		}
	}
	return true
}

// plateYearLetterOK: the year letter of prefix and suffix plates (I, O, Q, U
// and Z were not used).
func plateYearLetterOK(c byte) bool {
	switch c {
	case 'I', 'O', 'Q', 'U', 'Z':
		return false
	}
	return idIsUpper(c)
}
