package detect

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/scrubshq/scrubs/internal/text"
)

// TestNmCPU prints the thread CPU time per post of the name and proper-noun families
// (NM_CPU=iterations; skipped without it): steadier than the benchmarks' wall time on a
// busy machine.
func TestNmCPU(t *testing.T) {
	iters, _ := strconv.Atoi(os.Getenv("NM_CPU"))
	if iters == 0 {
		t.Skip("NM_CPU not set")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	sets := []struct {
		name  string
		texts []string
	}{{"synth", nmSynthTexts}, {"short", nmShortTexts}, {"names4", []string{nmBenchText(4)}},
		{"dense", []string{nmBenchText(1)}}, {"corpus", plCorpusTexts(t)}, {"deid", plDeidTexts(t)}}
	for _, set := range sets {
		docs := make([]*text.Doc, len(set.texts))
		for i, s := range set.texts {
			docs[i], _ = text.New(s)
		}
		for _, det := range []Detector{nameDetector{}, properDetector{}} {
			var out []Candidate
			n := iters
			switch set.name {
			case "synth":
			case "short":
				n = iters * 10
			default:
				n = max(1, iters/200)
			}
			best := time.Duration(1 << 62)
			for round := 0; round < 5; round++ {
				t0 := nmThreadCPU()
				for it := 0; it < n; it++ {
					for _, d := range docs {
						out = det.Detect(d, out[:0])
					}
				}
				best = min(best, nmThreadCPU()-t0)
			}
			fmt.Printf("cpu %-7s %-13s %8.1f ns/post\n", set.name, det.Name(), float64(best)/float64(n*len(docs)))
		}
	}
}

// nmThreadCPU returns the CPU time of the calling thread.
func nmThreadCPU() time.Duration {
	var ts syscall.Timespec
	// CLOCK_THREAD_CPUTIME_ID is 3 on Linux.
	syscall.Syscall(syscall.SYS_CLOCK_GETTIME, 3, uintptr(unsafe.Pointer(&ts)), 0)
	return time.Duration(ts.Nano())
}
