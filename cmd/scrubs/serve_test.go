package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/scrubshq/scrubs/internal/server"
	"github.com/scrubshq/scrubs/internal/store"
	"github.com/scrubshq/scrubs/internal/store/storetest"
)

func TestServeAdminKeys(t *testing.T) {
	db := filepath.Join(t.TempDir(), "keys.db")
	code, out, errs := runCLI(t, nil, "admin", "create-key", "--name", "ci", "--db", db)
	if code != exitClean || !regexp.MustCompile(`^scrubs_[0-9a-f]{12}_[a-z2-7]{52}\n$`).MatchString(out) {
		t.Fatalf("create-key: %d %q %q", code, out, errs)
	}
	id := strings.Split(out, "_")[1]
	tests := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{[]string{"admin", "list-keys", "--db", db}, exitClean, id + "  ci", ""},
		{[]string{"admin", "revoke-key", id, "--db", db}, exitClean, "", "revoked"},
		{[]string{"admin", "list-keys", "--db", db}, exitClean, "revoked", ""},
		{[]string{"admin", "revoke-key", id, "--db", db}, exitUsage, "", "not found"},
		{[]string{"admin", "rotate", "--db", db}, exitUsage, "", "unknown admin command"},
		{[]string{"admin", "revoke-key", "--db", db}, exitUsage, "", "usage"},
		{[]string{"admin"}, exitUsage, "", "usage"},
		{[]string{"serve", "extra"}, exitUsage, "", "unexpected argument"},
	}
	for _, tt := range tests {
		code, out, errs := runCLI(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.inStdout) || !strings.Contains(errs, tt.inStderr) {
			t.Errorf("%v: code %d, stdout %q, stderr %q", tt.args, code, out, errs)
		}
	}
}

// serveProc is `scrubs serve` running as a subprocess.
type serveProc struct {
	cmd    *exec.Cmd
	url    string
	mu     sync.Mutex
	stderr strings.Builder
	done   chan struct{} // closed when stderr is read to its end
}

func (p *serveProc) log() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.String()
}

func startServe(t *testing.T, bin, dsn string) *serveProc {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", dsn, "--quiet", "--no-web")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	urlc := make(chan string, 1)
	p := &serveProc{cmd: cmd, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`url=(http://\S+)`)
		sent := false
		for sc.Scan() {
			p.mu.Lock()
			p.stderr.WriteString(sc.Text() + "\n")
			p.mu.Unlock()
			if m := re.FindStringSubmatch(sc.Text()); m != nil && !sent {
				urlc <- m[1]
				sent = true
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	select {
	case p.url = <-urlc:
		return p
	case <-time.After(60 * time.Second):
		t.Fatal("scrubs serve did not start")
	}
	return nil
}

func (p *serveProc) send(method, path, key, body string) (int, []byte, error) {
	req, err := http.NewRequest(method, p.url+path, strings.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// TestServeKill9KeepsAcknowledgedWrites kills `scrubs serve` with SIGKILL in
// the middle of a stream of writes, restarts it, and checks that every write
// it had acknowledged is there.
func TestServeKill9KeepsAcknowledgedWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := filepath.Join(t.TempDir(), "scrubs")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, db := range storetest.DBs(t) {
		t.Run(db.Name, func(t *testing.T) {
			out, err := exec.Command(bin, "admin", "create-key", "--db", db.DSN).Output()
			if err != nil {
				t.Fatal(err)
			}
			key := strings.TrimSpace(string(out))
			p := startServe(t, bin, db.DSN)

			var mu sync.Mutex
			acked := map[string]bool{}
			var maxRev atomic.Int64
			var n atomic.Int64
			stop := make(chan struct{})
			var wg sync.WaitGroup
			for w := range 4 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; ; i++ {
						select {
						case <-stop:
							return
						default:
						}
						if w == 0 && i%5 == 0 { // settings writes among the list writes
							body := fmt.Sprintf(`{"locale":"uk","role":"nurse","config":"organisation: Trust %d\n"}`, i)
							status, b, err := p.send("PUT", "/v1/org/settings", key, body)
							if err != nil {
								return // killed
							}
							if status == 200 {
								var st struct{ Revision int64 }
								json.Unmarshal(b, &st)
								for cur := maxRev.Load(); st.Revision > cur && !maxRev.CompareAndSwap(cur, st.Revision); cur = maxRev.Load() {
								}
							}
							continue
						}
						fp := fmt.Sprintf("KILL-TEST:%04x%012x", w, i)
						status, _, err := p.send("POST", "/v1/org/ignore", key, `{"fingerprint":"`+fp+`","reason":"kill test"}`)
						if err != nil {
							return // killed
						}
						if status == 201 {
							mu.Lock()
							acked[fp] = true
							mu.Unlock()
							n.Add(1)
						}
					}
				}()
			}
			// Wait for both kinds of write to be acknowledged: under load the settings
			// writes (one in five of one worker's) could all still be in flight when the
			// list writes reached 200, and the kill came before any was acknowledged.
			deadline := time.Now().Add(30 * time.Second)
			for (n.Load() < 200 || maxRev.Load() == 0) && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			if err := p.cmd.Process.Kill(); err != nil { // SIGKILL, mid-stream
				t.Fatal(err)
			}
			p.cmd.Wait()
			close(stop)
			wg.Wait()
			if len(acked) == 0 || maxRev.Load() == 0 {
				t.Fatalf("no write was acknowledged before the kill (%d list, revision %d)", len(acked), maxRev.Load())
			}

			p2 := startServe(t, bin, db.DSN)
			status, b, err := p2.send("GET", "/v1/org/ignore", key, "")
			if err != nil || status != 200 {
				t.Fatalf("after restart: %d %v %s", status, err, b)
			}
			var list struct {
				Ignore []struct{ Fingerprint string }
			}
			if err := json.Unmarshal(b, &list); err != nil {
				t.Fatal(err)
			}
			have := map[string]bool{}
			for _, ig := range list.Ignore {
				have[ig.Fingerprint] = true
			}
			lost := 0
			for fp := range acked {
				if !have[fp] {
					lost++
				}
			}
			if lost > 0 {
				t.Errorf("%d of %d acknowledged list writes lost", lost, len(acked))
			}
			status, b, err = p2.send("GET", "/v1/org/settings", key, "")
			if err != nil || status != 200 {
				t.Fatalf("settings after restart: %d %v", status, err)
			}
			var st struct {
				Revision int64
				Config   string
			}
			json.Unmarshal(b, &st)
			if st.Revision < maxRev.Load() || !strings.Contains(st.Config, "organisation: Trust") {
				t.Errorf("settings after restart: revision %d (acknowledged %d), config %q", st.Revision, maxRev.Load(), st.Config)
			}
			t.Logf("%d list writes and settings up to revision %d acknowledged before SIGKILL; all there after restart", len(acked), maxRev.Load())
		})
	}
}

// TestServeGracefulShutdown sends SIGTERM while a long request is in
// flight: the request still gets its answer and the server exits cleanly.
func TestServeGracefulShutdown(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := filepath.Join(t.TempDir(), "scrubs")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	p := startServe(t, bin, filepath.Join(t.TempDir(), "g.db"))
	long := strings.Repeat("Mrs Pickering in bed 4 is 94 today and her son Mark visited from Leeds. ", 120)
	var items []string
	for i := range 100 {
		items = append(items, fmt.Sprintf(`{"id":%d,"text":"%s"}`, i, long))
	}
	body := `{"items":[` + strings.Join(items, ",") + `]}`
	type answer struct {
		status int
		body   []byte
		err    error
	}
	ans := make(chan answer, 1)
	go func() {
		st, b, err := p.send("POST", "/v1/check/batch", "", body)
		ans <- answer{st, b, err}
	}()
	time.Sleep(50 * time.Millisecond)
	sent := time.Now()
	select {
	case a := <-ans:
		t.Fatalf("the request finished (%d) before SIGTERM was sent: nothing was in flight", a.status)
	default:
	}
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	a := <-ans
	t.Logf("the request in flight was answered %v after SIGTERM", time.Since(sent).Round(time.Millisecond))
	if a.err != nil || a.status != 200 {
		t.Fatalf("the request in flight got %d %v: %.200s", a.status, a.err, a.body)
	}
	var res struct{ Results []any }
	if err := json.Unmarshal(a.body, &res); err != nil || len(res.Results) != 100 {
		t.Fatalf("%d results, %v", len(res.Results), err)
	}
	<-p.done
	if err := p.cmd.Wait(); err != nil {
		t.Errorf("exit: %v\n%s", err, p.log())
	}
	if log := p.log(); !strings.Contains(log, "shutting down") || !strings.Contains(log, "msg=stopped") {
		t.Errorf("log:\n%s", log)
	}
	if _, _, err := p.send("GET", "/healthz", "", ""); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

func TestServeLoadgen(t *testing.T) {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(server.Config{Store: st, QuietRequests: true, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close(context.Background())
	ts := httptest.NewServer(srv)
	defer ts.Close()
	tests := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{[]string{"loadgen", "--url", ts.URL, "--duration", "500ms", "--concurrency", "2", "--format", "json"}, exitClean, `"errors": 0`, ""},
		{[]string{"loadgen", "--url", ts.URL, "--duration", "300ms", "--concurrency", "1"}, exitClean, "checks/s", ""},
		{[]string{"loadgen", "--url", "http://192.0.2.1:8080"}, exitUsage, "", "must be on this machine"},
		{[]string{"loadgen", "--url", ts.URL, "--duration", "2h"}, exitUsage, "", "--duration"},
		{[]string{"loadgen", "--url", ts.URL, "--concurrency", "0"}, exitUsage, "", "--concurrency"},
		{[]string{"loadgen", "--url", "ftp://127.0.0.1"}, exitUsage, "", "not an http URL"},
	}
	for _, tt := range tests {
		code, out, errs := runCLI(t, nil, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.inStdout) || !strings.Contains(errs, tt.inStderr) {
			t.Errorf("%v: code %d, stdout %q, stderr %q", tt.args, code, out, errs)
		}
	}
}
