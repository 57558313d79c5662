package judge

import "testing"

// TestBitsetNext checks next and firstMember on sets across word boundaries.
func TestBitsetNext(t *testing.T) {
	tests := []struct {
		members []int
		n, from int
		want    int
	}{
		{nil, 10, 0, -1},
		{[]int{0}, 10, 0, 0},
		{[]int{3}, 10, 4, -1},
		{[]int{3, 7}, 10, 4, 7},
		{[]int{63, 64}, 130, 0, 63},
		{[]int{63, 64}, 130, 64, 64},
		{[]int{129}, 130, 65, 129},
		{[]int{5, 129}, 130, 130, -1},
	}
	for _, tt := range tests {
		b := newBitset(tt.n)
		for _, m := range tt.members {
			b.add(m)
		}
		if got := b.next(tt.from); got != tt.want {
			t.Errorf("%v.next(%d) = %d, want %d", tt.members, tt.from, got, tt.want)
		}
		want := -1
		if len(tt.members) > 0 {
			want = tt.members[0]
		}
		if got := firstMember(b); got != want {
			t.Errorf("firstMember(%v) = %d, want %d", tt.members, got, want)
		}
	}
}

// TestGate64 checks the gate of a rule on its signals.
func TestGate64(t *testing.T) {
	tests := []struct {
		g     gate64
		fired uint64
		want  bool
	}{
		{gate64{}, 0, true},
		{gate64{when: 0b11}, 0b01, false},
		{gate64{when: 0b11}, 0b111, true},
		{gate64{unless: 0b100}, 0b111, false},
		{gate64{unless: 0b100}, 0b011, true},
		{gate64{any: 0b1100}, 0b0011, false},
		{gate64{any: 0b1100}, 0b0100, true},
		{gate64{when: 1, unless: 2, any: 12}, 0b1001, true},
	}
	for _, tt := range tests {
		if got := tt.g.admits(tt.fired); got != tt.want {
			t.Errorf("%+v.admits(%b) = %v, want %v", tt.g, tt.fired, got, tt.want)
		}
	}
}
