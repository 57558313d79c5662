// Package batch runs a function over a stream of items on all cores and
// hands the results back in input order, with bounded memory.
package batch

import (
	"context"
	"runtime"
)

// maxChunk is the most items handed to a worker at once. Items already
// waiting in the input are taken together, so that a fast stream of short
// posts pays the channel hand-offs once per chunk rather than once per post;
// an item that arrives alone still goes at once (no waiting to fill a
// chunk), so interactive streams keep their latency. At 128 rather than 32,
// a worker checking short posts wakes the goroutines that feed it and read
// its results a quarter as often (+3% on real tweets, one worker;
// docs/BENCHMARKS.md).
const maxChunk = 128

// Ordered reads items from in, applies fn to each on `workers` goroutines
// (all cores when workers <= 0) and calls emit with the results in the order
// the items came. At most about 4×workers chunks of up to 128 items are in
// flight, so memory stays bounded whatever the stream's length. It returns
// the first error from emit, or ctx's error.
func Ordered[In, Out any](ctx context.Context, workers int, in <-chan In, fn func(In) Out, emit func(Out) error) error {
	return OrderedChunks(ctx, workers, in, func(items []In) []Out {
		outs := make([]Out, len(items))
		for i, it := range items {
			outs[i] = fn(it)
		}
		return outs
	}, emit)
}

// OrderedChunks is Ordered for a function that takes a whole chunk of items
// (up to 128, as they come) and returns one result per item, in order: for
// work that is cheaper done over many items together, such as
// scrubs.Checker.CheckBatch. fn must return exactly len(items) results.
func OrderedChunks[In, Out any](ctx context.Context, workers int, in <-chan In, fn func([]In) []Out, emit func(Out) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		items []In
		done  chan []Out
	}
	jobs := make(chan job, workers*2)
	queue := make(chan chan []Out, workers*4)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	for range workers {
		go func() {
			for j := range jobs {
				outs := fn(j.items)
				if len(outs) != len(j.items) {
					panic("batch: OrderedChunks' fn returned a result count that differs from its items'")
				}
				j.done <- outs
			}
		}()
	}
	go func() {
		defer close(queue)
		defer close(jobs)
		for {
			item, ok := <-in
			if !ok {
				return
			}
			chunk := []In{item}
			open := true
		fill:
			for len(chunk) < maxChunk {
				select {
				case it, more := <-in:
					if !more {
						open = false
						break fill
					}
					chunk = append(chunk, it)
				default:
					break fill
				}
			}
			done := make(chan []Out, 1)
			select {
			case queue <- done:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{chunk, done}:
			case <-ctx.Done():
				return
			}
			if !open {
				return
			}
		}
	}()
	for done := range queue {
		var outs []Out
		select {
		case outs = <-done:
		case <-ctx.Done():
			drain(queue)
			return ctx.Err()
		}
		for _, out := range outs {
			if err := emit(out); err != nil {
				cancel()
				drain(queue)
				return err
			}
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

// Groups returns the indexes 0..n-1 whose key is given (ok), grouped by
// key: each group in increasing order, the groups in the order of their
// first index. It is how a chunk of posts is split by the checker (locale,
// role, packs) each one needs before CheckBatch.
func Groups[K comparable](n int, key func(i int) (K, bool)) [][]int {
	var groups [][]int
	at := map[K]int{} // the group of a key
	for i := range n {
		k, ok := key(i)
		if !ok {
			continue
		}
		g, seen := at[k]
		if !seen {
			g = len(groups)
			at[k] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	return groups
}
