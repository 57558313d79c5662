package server

import (
	"slices"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
)

// TestMetricsVerdictLabel checks that only the known verdicts become label
// values: anything else is counted as "other".
func TestMetricsVerdictLabel(t *testing.T) {
	m := newMetrics()
	for _, v := range []string{"safe", "review", "block", "Mrs Pickering in bed 4"} {
		m.check(v)
	}
	ch := make(chan prometheus.Metric, 16)
	m.checks.Collect(ch)
	close(ch)
	var got []string
	for pm := range ch {
		var d dto.Metric
		if err := pm.Write(&d); err != nil {
			t.Fatal(err)
		}
		for _, l := range d.GetLabel() {
			got = append(got, l.GetValue())
		}
	}
	slices.Sort(got)
	if want := []string{"block", "other", "review", "safe"}; !slices.Equal(got, want) {
		t.Errorf("verdict labels %v, want %v", got, want)
	}
}
