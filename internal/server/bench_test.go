package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scrubshq/scrubs"
	"github.com/scrubshq/scrubs/internal/server"
	"github.com/scrubshq/scrubs/internal/store"
)

var benchPosts = []string{
	`{"text":"Lovely sunny day for a walk by the river after a long week","locale":"uk","role":"nurse"}`,
	`{"text":"Mrs Pickering in bed 4 is 94 today, bless her","locale":"uk","role":"nurse"}`,
	`{"text":"Third night shift in a row, send coffee","locale":"uk","role":"nurse"}`,
	`{"text":"pt in bay 2 kept asking for his wife all night, broke my heart","locale":"uk","role":"nurse"}`,
}

// BenchmarkCheckHandler measures POST /v1/check in process (no network):
// the handler's cost over the check itself (BenchmarkCheckEngine).
func BenchmarkCheckHandler(b *testing.B) {
	st, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(server.Config{Store: st, QuietRequests: true, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close(context.Background())
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			req := httptest.NewRequest("POST", "/v1/check", strings.NewReader(benchPosts[i%len(benchPosts)]))
			req.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, req)
			if w.Code != http.StatusOK {
				b.Fatalf("status %d", w.Code)
			}
			i++
		}
	})
}

// BenchmarkCheckEngine is the check alone, for comparison.
func BenchmarkCheckEngine(b *testing.B) {
	c := scrubs.MustNew(scrubs.Options{Locale: "uk", Role: "nurse"})
	posts := []string{"Lovely sunny day for a walk by the river after a long week", "Mrs Pickering in bed 4 is 94 today, bless her",
		"Third night shift in a row, send coffee", "pt in bay 2 kept asking for his wife all night, broke my heart"}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := c.Check(context.Background(), posts[i%len(posts)]); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
