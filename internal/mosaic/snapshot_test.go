package mosaic

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/scrubshq/scrubs/internal/yamldoc"
)

// The embedded snapshot must be what tables.yaml decodes to today.
func TestTablesSnapshotIsFresh(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSnapshot(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), tablesSnapshot) {
		t.Fatal("tables.snapshot does not match tables.yaml: run go generate ./internal/mosaic")
	}
}

// The tables read from the snapshot are those decoded from YAML, and the
// estimators compiled from either are the same.
func TestTablesSnapshotMatchesYAML(t *testing.T) {
	want, err := decodeTables(tablesYAML)
	if err != nil {
		t.Fatal(err)
	}
	var got Tables
	if !yamldoc.ReadSnapshot(tablesSnapshot).Decode("tables.yaml", tablesYAML, &got) {
		t.Fatal("the snapshot was not used")
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("the snapshot's tables differ from the YAML's")
	}
	fromSnap, err := New()
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := Parse(tablesYAML)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromSnap.t, fromYAML.t) || len(fromSnap.owners) != len(fromYAML.owners) || fromSnap.set.Len() != fromYAML.set.Len() {
		t.Fatal("the estimators differ")
	}
	for i := range fromSnap.owners {
		a, b := fromSnap.owners[i], fromYAML.owners[i]
		if a.kind != b.kind || a.sex != b.sex || (a.row == nil) != (b.row == nil) || a.row != nil && a.row.Label != b.row.Label {
			t.Fatalf("owner %d differs: %+v vs %+v", i, a, b)
		}
	}
}
