package detect

import (
	"testing"

	"github.com/scrubshq/scrubs/internal/benchdata"
)

// BenchmarkPlacesSynth runs the family on the short posts of `scrubs bench`.
func BenchmarkPlacesSynth(b *testing.B) { benchPlacesDocs(b, benchdata.Posts(1000)) }
