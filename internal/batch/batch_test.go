package batch

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestOrderedKeepsOrder(t *testing.T) {
	for _, workers := range []int{0, 1, 3, 8} {
		in := make(chan int)
		go func() {
			defer close(in)
			for i := range 1000 {
				in <- i
			}
		}()
		var got []int
		err := Ordered(context.Background(), workers, in, func(i int) int {
			if i%7 == 0 {
				time.Sleep(time.Microsecond * 50) // finish out of order
			}
			return i * 2
		}, func(v int) error { got = append(got, v); return nil })
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1000 {
			t.Fatalf("workers %d: got %d results", workers, len(got))
		}
		for i, v := range got {
			if v != i*2 {
				t.Fatalf("workers %d: result %d = %d", workers, i, v)
			}
		}
	}
}

func TestOrderedStopsOnEmitError(t *testing.T) {
	in := make(chan int)
	stop := make(chan struct{})
	go func() {
		defer close(in)
		for i := 0; ; i++ {
			select {
			case in <- i:
			case <-stop:
				return
			}
		}
	}()
	boom := errors.New("boom")
	n := 0
	err := Ordered(context.Background(), 2, in, func(i int) int { return i }, func(int) error {
		n++
		if n == 10 {
			return boom
		}
		return nil
	})
	close(stop)
	if !errors.Is(err, boom) || n != 10 {
		t.Fatalf("err %v after %d", err, n)
	}
}

func TestOrderedCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			in <- i
		}
		cancel()
		close(in)
	}()
	err := Ordered(ctx, 2, in, func(i int) int { return i }, func(int) error { return nil })
	if err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
}

func TestOrderedChunksKeepsOrder(t *testing.T) {
	for _, workers := range []int{1, 2, 5} {
		in := make(chan int, 100)
		go func() {
			defer close(in)
			for i := range 5000 {
				in <- i
			}
		}()
		var got []int
		err := OrderedChunks(context.Background(), workers, in, func(items []int) []int {
			if len(items) == 0 || len(items) > maxChunk {
				t.Errorf("chunk of %d items", len(items))
			}
			out := make([]int, len(items))
			for i, v := range items {
				out[i] = v + 1
			}
			return out
		}, func(v int) error { got = append(got, v); return nil })
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 5000 {
			t.Fatalf("workers %d: %d results", workers, len(got))
		}
		for i, v := range got {
			if v != i+1 {
				t.Fatalf("workers %d: result %d = %d", workers, i, v)
			}
		}
	}
}

func TestGroups(t *testing.T) {
	keys := []string{"uk", "us", "", "uk", "au", "us", "uk"}
	got := Groups(len(keys), func(i int) (string, bool) { return keys[i], keys[i] != "" })
	want := [][]int{{0, 3, 6}, {1, 5}, {4}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Groups = %v, want %v", got, want)
	}
	if got := Groups(0, func(int) (int, bool) { return 0, true }); got != nil {
		t.Errorf("no items: %v", got)
	}
}
