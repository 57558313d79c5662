package phrase

import "testing"

func TestASCIINoApostrophe(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", true},
		{"bed 4", true},
		{"a long night shift done, coffee please", true},
		{"can't", false},
		{"a long night shift done, can't", false},
		{"café", false},
		{"a long night shift done café", false},
		{"a long night shift done\u2019", false},
	}
	for _, tt := range tests {
		if got := asciiNoApostrophe(tt.s); got != tt.want {
			t.Errorf("asciiNoApostrophe(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
