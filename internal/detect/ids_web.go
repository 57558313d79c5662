package detect

import (
	"net/netip"
	"strings"

	"github.com/scrubshq/scrubs/internal/result"
	"github.com/scrubshq/scrubs/internal/text"
)

// Web identifiers: e-mail addresses, URLs, IP addresses and @handles. They
// are found chunk by chunk (the text between two spaces), and only in chunks
// that hold '@', '.' or ':'.

// web finds the web identifiers of the chunk that token i starts.
func (st *idScan) web(i int) {
	toks := st.doc.Tokens
	var marks uint8 // the idWebAt… bits of the chunk's punctuation
	j := i
	for ; j < len(toks); j++ {
		t := &toks[j]
		if j > i && t.Space {
			break
		}
		marks |= idWebMarks[(int(t.Kind)&7)<<8|int(st.s[t.Start])]
	}
	if marks == 0 {
		return
	}
	at, dot, colon := marks&idWebAt != 0, marks&idWebDot != 0, marks&idWebColon != 0
	cs, ce := toks[i].Start, toks[j-1].End
	var urlish, ipish bool
	if dot || colon {
		urlish, ipish = idWebShape(st.s, cs, ce)
	}
	covered := 0
	if urlish {
		covered = st.urls(cs, ce)
	}
	if at {
		st.emails(cs, ce, covered)
	}
	if ipish {
		st.ips(cs, ce, covered)
	}
}

// The bits of idWebMarks.
const (
	idWebAt    = 1 << iota // an '@' mark
	idWebDot               // a '.' mark
	idWebColon             // a ':' mark
)

// idWebMarks holds, at kind<<8 | first byte, the idWebAt… bit of a token
// that is one of the punctuation marks web looks for: a table read instead
// of a test of the kind and a switch on the byte at each token of a chunk,
// which on real text the branch predictor cannot learn.
var idWebMarks = func() (m [8 << 8]uint8) {
	p := int(text.Punct) << 8
	m[p|'@'], m[p|'.'], m[p|':'] = idWebAt, idWebDot, idWebColon
	return m
}()

// idWebShape tells from the bytes of the chunk [cs, ce) whether urls and ips
// can find anything in it, so that the chunks that merely end a sentence
// ("night.", "Reminder:", "3:30") skip them. Every URL, domain and IPv4
// address holds an inner dot, a '.' followed by a letter, digit or non-ASCII
// byte (idHostEnd needs two labels; a dotted quad needs digits after its
// dots), unless it is a scheme URL, which holds "://"; an IPv6 address holds
// two colons or more.
//
// It finds the dots and colons with the strings package, which reads many
// bytes per step, rather than testing every byte of the chunk, a branch per
// byte that the branch predictor cannot learn on real text.
func idWebShape(s string, cs, ce int) (urlish, ipish bool) {
	chunk := s[cs:ce]
	innerDot := false
	for q := 0; !innerDot; q++ {
		d := strings.IndexByte(chunk[q:], '.')
		if d < 0 {
			break
		}
		q += d
		innerDot = q+1 < len(chunk) && (idIsAlnum(chunk[q+1]) || chunk[q+1] >= 0x80)
	}
	colons := strings.Count(chunk, ":")
	scheme := colons > 0 && strings.Contains(chunk, "://")
	return innerDot || scheme, innerDot || colons >= 2
}

var idURLSchemes = wordSetOf("http", "https", "ftp", "ftps", "sftp")

// urls finds scheme URLs, www. addresses and bare domains with a known TLD
// in the chunk [cs, ce); it returns the end of the last URL found.
func (st *idScan) urls(cs, ce int) (covered int) {
	low := st.low[:ce]
	found := false
	for k := cs; k < ce; {
		idx := strings.Index(low[k:], "://")
		if idx < 0 {
			break
		}
		idx += k
		b := idx
		for b > cs && idIsLetter(low[b-1]) {
			b--
		}
		if idURLSchemes.has(low[b:idx]) && (b == 0 || !idWordAt(st.s, b-1)) && idx+3 < ce && idURLHostOK(low, idx+3, ce) {
			e := idURLEnd(st.s, b, ce)
			st.emit(b, e, result.URL, 0.92, "URL: "+low[b:idx]+":// address")
			covered, found = e, true
			k = e
			continue
		}
		k = idx + 3
	}
	for k := cs; k < ce; {
		idx := strings.Index(low[k:], "www.")
		if idx < 0 {
			break
		}
		idx += k
		if idx < covered || idx > cs && idWordAt(st.s, idx-1) {
			k = idx + 4
			continue
		}
		if he, tld, ok := idHostEnd(low, idx+4, ce); ok && tld != "" {
			e := idURLEnd(st.s, idx, ce)
			if e < he {
				e = he
			}
			st.emit(idx, e, result.URL, 0.88, "URL: www. address")
			covered, found = e, true
			k = e
			continue
		}
		k = idx + 4
	}
	if found {
		return covered
	}
	// A bare domain at the start of the chunk (after opening punctuation).
	h := cs
	for h < ce && strings.IndexByte("([{<\"'", st.s[h]) >= 0 {
		h++
	}
	if h >= ce || !idIsAlnum(st.s[h]) {
		return 0
	}
	he, tld, ok := idHostEnd(low, h, ce)
	if !ok || he < ce && low[he] == '@' || !idKnownTLD.has(tld) && (len(tld) != 2 || idUnitTLD.has(tld)) {
		return 0
	}
	e := he
	path := false
	if e < ce && low[e] == ':' && e+1 < ce && idIsDigit(low[e+1]) {
		e++
		for e < ce && idIsDigit(low[e]) {
			e++
		}
	}
	if e+1 < ce && low[e] == '/' && (idIsAlnum(low[e+1]) || low[e+1] == '@' || low[e+1] == '~') {
		path = true
		e = idURLEnd(st.s, h, ce)
	}
	if e < ce && idWordAt(st.s, e) {
		return 0
	}
	host := low[h:he]
	switch {
	case path && idSocialHost(host):
		st.emit(h, e, result.URL, 0.92, "URL: social media link")
	case path && idKnownTLD.has(tld):
		st.emit(h, e, result.URL, 0.8, "URL: domain with known TLD and path")
	case path:
		st.emit(h, e, result.URL, 0.7, "URL: domain with country TLD and path")
	case idSecondLevel(host):
		// "nursejo.co.uk": a name under a national second-level domain is an
		// address whatever comes before it
		st.emit(h, e, result.URL, 0.7, "URL: bare domain under "+host[strings.LastIndexByte(host[:len(host)-len(tld)-1], '.')+1:])
	case idCommonTLD.has(tld) && idWebCue.has(idWordBefore(low, cs)):
		// "visit example.info", "book at example.com", "Sign up: example.org":
		// a word that sends the reader somewhere makes a bare domain an address.
		st.emit(h, e, result.URL, 0.7, "URL: bare domain after '"+idWordBefore(low, cs)+"'")
	case idKnownTLD.has(tld):
		st.emit(h, e, result.URL, 0.35, "URL: bare domain, no path")
		return 0
	default:
		return 0
	}
	return e
}

// idCommonTLD are the generic and UK/US top-level domains a bare domain
// after a web cue may end in: the two-letter country codes that are also
// words ("is", "me", "at", "in") are left out.
var idCommonTLD = wordSetOf("com", "org", "net", "info", "gov", "edu", "uk", "us", "io", "biz", "app",
	"health", "care", "clinic", "online", "site", "website", "blog")

// idWebCue are words that send the reader to an address: before a bare
// domain they make it a URL ("visit", "book at", "sign up:", "details at").
var idWebCue = wordSetOf("visit", "at", "see", "via", "website", "site", "web", "online", "up",
	"details", "register", "book", "donate", "info", "page", "link", "here", "go", "to", "blog")

// idSecondLevel reports whether host is a name under a UK, Australian or
// New Zealand second-level domain ("x.co.uk", "x.nhs.uk", "x.org.au").
func idSecondLevel(host string) bool {
	d := strings.LastIndexByte(host, '.')
	if d < 0 {
		return false
	}
	switch host[d+1:] {
	case "uk", "au", "nz":
	default:
		return false
	}
	s := strings.LastIndexByte(host[:d], '.')
	if s <= 0 {
		return false
	}
	switch host[s+1 : d] {
	case "co", "org", "nhs", "ac", "gov", "me", "ltd", "plc", "net", "sch", "com", "police":
		return true
	}
	return false
}

// idWordBefore returns the lower-case word that ends right before byte p
// of low, past spaces and one colon or dash ("Sign up: x.org" gives "up");
// "" when punctuation of another kind comes first.
func idWordBefore(low string, p int) string {
	q := p
	for q > 0 && low[q-1] == ' ' {
		q--
	}
	if q > 0 && (low[q-1] == ':' || low[q-1] == '-') {
		q--
		for q > 0 && low[q-1] == ' ' {
			q--
		}
	}
	e := q
	for q > 0 && idIsLower(low[q-1]) {
		q--
	}
	if e-q > 12 {
		return ""
	}
	return low[q:e]
}

// idURLHostOK reports whether a URL host starts at p: a dotted name, an IP
// literal or localhost ("http://microsoft" is not a URL).
func idURLHostOK(low string, p, ce int) bool {
	if low[p] == '[' {
		return true
	}
	if _, _, ok := idHostEnd(low, p, ce); ok {
		return true
	}
	return strings.HasPrefix(low[p:ce], "localhost") && (p+9 == ce || !idIsAlnum(low[p+9]))
}

// idHostEnd reads dot-separated labels from p; it returns the end of the host
// and its last label (TLD) when the host has at least two labels and the TLD
// is alphabetic (or an xn-- label).
func idHostEnd(low string, p, ce int) (end int, tld string, ok bool) {
	labels := 0
	q := p
	lastStart := p
	for {
		ls := q
		for q < ce && (idIsAlnum(low[q]) || low[q] == '-' || low[q] >= 0x80) {
			q++
		}
		if q-p > 253 {
			return 0, "", false // longer than any host name
		}
		if q == ls || low[ls] == '-' || low[q-1] == '-' {
			if labels >= 2 && q == ls {
				// "example.com." : the dot ends a sentence.
				q = ls - 1
				break
			}
			return 0, "", false
		}
		labels++
		lastStart = ls
		if q+1 < ce && low[q] == '.' && (idIsAlnum(low[q+1]) || low[q+1] >= 0x80) {
			q++
			continue
		}
		break
	}
	if labels < 2 {
		return 0, "", false
	}
	tld = low[lastStart:q]
	if strings.HasPrefix(tld, "xn--") {
		return q, tld, true
	}
	if len(tld) < 2 {
		return 0, "", false
	}
	for i := 0; i < len(tld); i++ {
		if !idIsLower(tld[i]) {
			return 0, "", false
		}
	}
	return q, tld, true
}

// idURLEnd returns where a URL starting at from ends within the chunk: its end
// less trailing punctuation and unbalanced closing brackets.
func idURLEnd(s string, from, ce int) int {
	// Bracket balance: opening minus closing, for (), [] and <>.
	var bal [3]int
	for i := from; i < ce; i++ {
		switch s[i] {
		case '(':
			bal[0]++
		case ')':
			bal[0]--
		case '[':
			bal[1]++
		case ']':
			bal[1]--
		case '<':
			bal[2]++
		case '>':
			bal[2]--
		}
	}
	e := ce
	for e > from {
		c := s[e-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '*':
			e--
			continue
		case ')', ']', '>':
			k := strings.IndexByte(")]>", c)
			if bal[k] < 0 {
				bal[k]++
				e--
				continue
			}
		}
		break
	}
	return e
}

// idKnownTLD lists the top-level domains accepted for bare domains (URLs with
// a scheme or www. take any TLD).
var idKnownTLD = func() *wordTable[bool] {
	m := map[string]bool{}
	for _, t := range strings.Fields(`com org net edu gov mil int info biz io co uk us ca au nz ie de fr es
		it nl be ch at se no dk fi pl pt gr cz hu ro jp cn kr in br mx ar za ru il sg hk tw eu
		me tv ly gl gg ai app dev site online shop store blog news health xyz club live tech page
		link social wales scot london nhs ac fm ws cc ph my id vn th tr ua ng ke ee lt lv sk si hr rs
		bg is lu li mt cy md gg je im pro mobi name travel media studio design fun today world
		academy agency care clinic doctor nurse dental fit fitness health life love network space
		website works`) {
		m[t] = true
	}
	return newWordTable(m)
}()

// idUnitTLD are two-letter country TLDs that are also units ("mg.kg/day").
var idUnitTLD = wordSetOf("kg", "mg", "ml", "mm", "cm", "km", "hr", "ms", "pm", "am", "st")

var idSocialHosts = []string{
	"facebook.com", "fb.com", "instagram.com", "twitter.com", "x.com", "tiktok.com", "linkedin.com",
	"youtube.com", "youtu.be", "reddit.com", "threads.net", "snapchat.com", "wa.me", "t.me",
	"bsky.app", "mastodon.social", "pinterest.com", "tumblr.com", "twitch.tv", "fb.me", "m.facebook.com",
}

func idSocialHost(h string) bool {
	for _, s := range idSocialHosts {
		if h == s || strings.HasSuffix(h, "."+s) {
			return true
		}
	}
	return false
}

// emails finds addresses around each '@' of the chunk.
func (st *idScan) emails(cs, ce, covered int) {
	s := st.s
	for k := cs; k < ce; {
		idx := strings.IndexByte(s[k:ce], '@')
		if idx < 0 {
			return
		}
		a := k + idx
		k = a + 1
		if a < covered || a == cs {
			continue
		}
		l := a
		for l > cs && a-l < 64 && idLocalChar(s[l-1]) {
			l--
		}
		if l > cs && idLocalChar(s[l-1]) {
			continue // longer than any local part
		}
		for l < a && s[l] == '.' {
			l++
		}
		if l == a || s[a-1] == '.' {
			continue
		}
		he, tld, ok := idHostEnd(st.low, a+1, ce)
		if !ok || tld == "" || idWordAt(s, he) {
			continue
		}
		st.emit(l, he, result.Email, 0.95, "e-mail address")
		k = he
	}
}

func idLocalChar(c byte) bool {
	return idIsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'' || c >= 0x80
}

// ips finds IPv4 and IPv6 addresses in the chunk.
func (st *idScan) ips(cs, ce, covered int) {
	s := st.s
	for q := cs; q < ce; q++ {
		if q < covered {
			continue
		}
		c := s[q]
		var prev byte
		if q > 0 {
			prev = s[q-1]
		}
		if (idIsHex(c) || c == ':') && !idIsAlnum(prev) && prev != ':' && prev != '.' {
			if e := st.ipv6(q, ce); e > q {
				q = e - 1
				continue
			}
		}
		if idIsDigit(c) && !idIsAlnum(prev) && prev != '.' {
			if e := st.ipv4(q, ce); e > q {
				q = e - 1
				continue
			}
		}
	}
}

func idIsHex(c byte) bool { return idIsDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// ipv4 reads a dotted quad at p; it returns its end, or 0.
func (st *idScan) ipv4(p, ce int) int {
	s := st.s
	q := p
	for part := 0; part < 4; part++ {
		if part > 0 {
			if q >= ce || s[q] != '.' {
				return 0
			}
			q++
		}
		v, n := 0, 0
		for q < ce && idIsDigit(s[q]) && n < 4 {
			v = v*10 + int(s[q]-'0')
			q++
			n++
		}
		if n == 0 || n > 3 || v > 255 {
			return 0
		}
	}
	if idWordAt(s, q) || q+1 < len(s) && s[q] == '.' && idIsDigit(s[q+1]) {
		return 0
	}
	st.ipEmit(p, q, "IPv4 address: valid octets")
	return q
}

// ipv6 reads an IPv6 address (with an optional embedded IPv4 and zone) at p.
func (st *idScan) ipv6(p, ce int) int {
	s := st.s
	q := p
	colons := 0
	for q < ce && (idIsHex(s[q]) || s[q] == ':' || s[q] == '.') {
		if s[q] == ':' {
			colons++
		}
		q++
	}
	if colons < 2 {
		return 0
	}
	for q > p && (s[q-1] == '.' || s[q-1] == ':' && (q-2 < p || s[q-2] != ':')) {
		q--
	}
	e := q
	if q < ce && s[q] == '%' {
		z := q + 1
		for z < ce && idIsAlnum(s[z]) {
			z++
		}
		if z > q+1 {
			e = z
		}
	}
	if idWordAt(s, e) {
		return 0
	}
	addr, err := netip.ParseAddr(s[p:e])
	if err != nil || !addr.Is6() {
		return 0
	}
	if addr.IsUnspecified() && e-p == 2 {
		st.emit(p, e, result.IPAddress, 0.1, "IPv6 unspecified address '::'")
		return e
	}
	st.ipEmit(p, e, "IPv6 address: valid")
	return e
}

func (st *idScan) ipEmit(start, end int, reason string) {
	from, to := st.tokRange(start, end)
	bef, aft := st.ctx(from, to, 4, 2)
	cx := bef | aft
	conf := 0.8
	cue := ""
	if cx&idCueIP != 0 {
		conf += 0.15
		cue = st.idCueText(from, to, 4, 2, idCueIP)
	}
	if cx&idCueVersion != 0 {
		conf -= 0.45
	}
	if cx&(idCueRef|idCuePhone) != 0 {
		conf -= 0.2
	}
	st.emit(start, end, result.IPAddress, conf, idWithCue(reason, cue))
}

// redditUser matches a Reddit username at word token i, "u" glued to a slash:
// "u/night_owl_rn", "U/sam1990". The name is 3 to 20 letters, digits, '_' or '-'
// with a letter among them, and ends the chunk (or meets a mark that is not a
// slash); a number before it makes it a unit ("10 u/min", "2 u/kg"), and "u/s"
// (ultrasound) and "u/e" are too short.
func (st *idScan) redditUser(i int) bool {
	t := st.doc.Tokens[i]
	if c := st.s[t.Start]; c != 'u' && c != 'U' {
		return false
	}
	if i > 0 && st.doc.Tokens[i-1].Kind == text.Number {
		return false
	}
	s := st.s
	end, letter := t.End+1, false
	for ; end < len(s); end++ {
		c := s[end]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			letter = true
		} else if !idIsDigit(c) && c != '_' && c != '-' {
			break
		}
	}
	n := end - t.End - 1
	if n < 3 || n > 20 || !letter || end < len(s) && (s[end] == '/' || s[end] == '@') {
		return false
	}
	st.emit(t.Start, end, result.Username, 0.85, "Reddit username (u/…)")
	return true
}

// username: an @handle (a Mention token), not a time ("@5pm") or a domain.
func (st *idScan) username(i int) {
	t := st.doc.Tokens[i]
	body := st.low[t.Start+1 : t.End]
	if body == "" || idIsDigit(body[0]) && len(body) <= 6 {
		return
	}
	allDigits := true
	for k := 0; k < len(body); k++ {
		if !idIsDigit(body[k]) {
			allDigits = false
			break
		}
	}
	if allDigits {
		return
	}
	switch body {
	case "everyone", "here", "channel", "all":
		return
	}
	// Handles may hold dots ("@jess.the.medic"); a final dot ends the sentence.
	end := t.End
	for end+1 < len(st.s) && st.s[end] == '.' && (idIsAlnum(st.s[end+1]) || st.s[end+1] == '_') {
		end += 2
		for end < len(st.s) && (idIsAlnum(st.s[end]) || st.s[end] == '_') {
			end++
		}
	}
	st.emit(t.Start, end, result.Username, 0.9, "@handle")
}
