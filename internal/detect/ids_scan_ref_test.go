package detect

import (
	"os"
	"strings"

	"github.com/scrubshq/scrubs/internal/benchdata"
)

// idScanRefTexts are the texts on which the token scans of the identifier,
// date and proper-noun families are compared with their every-token
// references: the synthetic posts, real tweets, the identifier vectors and
// the deid notes when present, and hand-made edge cases, each also upper-
// and lower-cased.
func idScanRefTexts() []string {
	texts := append(benchdata.Posts(400),
		"", "'", "'92", "MI '92", "@2330", "@ 2330", "#1", "3rd", "SR2", "94yo", "72M", "90s", "x's", "Tuesday's post",
		"DOB 01/02/45 at 0300", "NHS no: 943 476 5919", "(312) 555-0142x769", "+44 (0)20 7946 0018", "www.x.com",
		"a@b.co", "http://a.b/c", "::1", "1.2.3.4", "Dr: K. Vellandi", "Mavis: nurse!", "Castlebrook's director",
		"social: ray visited", "husband radovan.", "BEA KOLARIC AWARE", "my new Cloudstep clogs", "from Lubec",
		strings.Repeat("word ", 70)+"on 3rd May 2024 at 0300", strings.Repeat("12 ", 130)+"@0300",
		strings.Repeat("a. ", 64)+"Tuesday", "‘92 — ２０２４-０３-１２ «May» 3rd")
	for _, p := range []string{idVectorsPath, "../../../shared/data/external/davidson-hate-offensive/labeled_data.csv",
		"../../../shared/data/external/physionet-deid-gold/id.text"} {
		if data, err := os.ReadFile(p); err == nil {
			lines := strings.Split(string(data), "\n")
			texts = append(texts, lines[:min(len(lines), 6000)]...)
		}
	}
	out := make([]string, 0, 3*len(texts))
	for _, s := range texts {
		out = append(out, s, strings.ToUpper(s), strings.ToLower(s))
	}
	return out
}
