package yamldoc

import (
	"bytes"
	"strings"
	"testing"
)

type snapDoc struct {
	Name  string
	Count *int
	Tags  []string
}

// An entry is decoded only for the very bytes it was made from.
func TestSnapshotDecode(t *testing.T) {
	zero := 0
	var b bytes.Buffer
	if err := AppendSnapshot(&b, "a.yaml", []byte("name: a\n"), snapDoc{Name: "a\nb", Count: &zero, Tags: []string{}}); err != nil {
		t.Fatal(err)
	}
	if err := AppendSnapshot(&b, "b.yaml", []byte("name: b\n"), snapDoc{Name: "b"}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != 2 {
		t.Fatalf("%d lines, want 2: %q", n, b.String())
	}
	s := ReadSnapshot(b.Bytes())
	tests := []struct {
		file, data string
		ok         bool
		name       string
	}{
		{"a.yaml", "name: a\n", true, "a\nb"},
		{"b.yaml", "name: b\n", true, "b"},
		{"a.yaml", "name: a2\n", false, ""}, // edited since
		{"c.yaml", "name: a\n", false, ""},  // not in the snapshot
	}
	for _, tc := range tests {
		var d snapDoc
		if ok := s.Decode(tc.file, []byte(tc.data), &d); ok != tc.ok || ok && d.Name != tc.name {
			t.Errorf("Decode(%s, %q) = %v %q, want %v %q", tc.file, tc.data, ok, d.Name, tc.ok, tc.name)
		}
	}
	var d snapDoc
	s.Decode("a.yaml", []byte("name: a\n"), &d)
	if d.Count == nil || *d.Count != 0 || d.Tags == nil {
		t.Errorf("a pointer to zero or an empty list did not survive: %+v", d)
	}
	if err := AppendSnapshot(&b, "a\tb.yaml", nil, 1); err == nil {
		t.Error("a file name with a tab was accepted")
	}
}

// ReadSnapshot never panics, and a damaged line is no entry or one whose
// JSON fails to decode.
func FuzzReadSnapshot(f *testing.F) {
	f.Add([]byte("a.yaml\tabc\t{}\n"))
	f.Add([]byte("\t\t\n\n\tx"))
	f.Add([]byte("a.yaml\te3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\t{\"Name\":1}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := ReadSnapshot(data)
		for name, e := range s {
			if strings.ContainsAny(name, "\n\t") || strings.ContainsAny(e.sum, "\n\t") {
				t.Fatalf("bad split: %q %q", name, e.sum)
			}
			var d snapDoc
			s.Decode(name, nil, &d)
		}
	})
}
