package scrubs_test

import (
	"context"
	"fmt"

	"github.com/scrubshq/scrubs"
)

func ExampleChecker_Check() {
	c := scrubs.MustNew(scrubs.Options{})
	res, err := c.Check(context.Background(), "Lovely Mrs Pickering (94yo) in bed 4 asked for a cuppa at 3am")
	if err != nil {
		panic(err)
	}
	fmt.Println("verdict:", res.Verdict)
	for _, e := range res.Entities {
		fmt.Printf("%s %q [%d:%d]\n", e.Type, e.Text, e.Start, e.End)
	}
	// Output:
	// verdict: block
	// NAME_PATIENT "Mrs Pickering" [7:20]
	// AGE "94yo" [22:26]
	// ROOM "bed 4" [31:36]
	// TIME "3am" [58:61]
}

func ExampleChecker_CheckBatch() {
	c := scrubs.MustNew(scrubs.Options{})
	posts := []string{
		"Lovely Mrs Pickering (94yo) in bed 4 asked for a cuppa at 3am",
		"Long night but we got there. Bed now!",
	}
	for i, o := range c.CheckBatch(context.Background(), posts) {
		if o.Err != nil {
			panic(o.Err)
		}
		fmt.Printf("post %d: %s, %d entities\n", i, o.Result.Verdict, len(o.Result.Entities))
	}
	// Output:
	// post 0: block, 4 entities
	// post 1: safe, 0 entities
}
