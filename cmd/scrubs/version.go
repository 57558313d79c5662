package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/scrubshq/scrubs"
)

func runVersion(_ context.Context, e *env, _ []string) (int, error) {
	fmt.Fprintf(e.stdout, "scrubs %s (%s, %s/%s)\n", scrubs.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitClean, nil
}
