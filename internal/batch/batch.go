// Package batch runs a function over a stream of items on all cores and
// hands the results back in input order, with bounded memory.
package batch

import (
	"context"
	"runtime"
)

// Ordered reads items from in, applies fn to each on `workers` goroutines
// (all cores when workers <= 0) and calls emit with the results in the order
// the items came. At most about 4×workers items are in flight, so memory stays
// bounded whatever the stream's length. It returns the first error from emit,
// or ctx's error.
func Ordered[In, Out any](ctx context.Context, workers int, in <-chan In, fn func(In) Out, emit func(Out) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		item In
		done chan Out
	}
	jobs := make(chan job, workers*2)
	queue := make(chan chan Out, workers*4)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	for range workers {
		go func() {
			for j := range jobs {
				j.done <- fn(j.item)
			}
		}()
	}
	go func() {
		defer close(queue)
		defer close(jobs)
		for item := range in {
			done := make(chan Out, 1)
			select {
			case queue <- done:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{item, done}:
			case <-ctx.Done():
				return
			}
		}
	}()
	for done := range queue {
		var out Out
		select {
		case out = <-done:
		case <-ctx.Done():
			drain(queue)
			return ctx.Err()
		}
		if err := emit(out); err != nil {
			cancel()
			drain(queue)
			return err
		}
	}
	return ctx.Err()
}

func drain[T any](q <-chan T) {
	go func() {
		for range q {
		}
	}()
}
