package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeAllowHost: a remote workbench needs the names it is reached
// by (--allow-host), and --allow-host means nothing without --allow-remote:
// both are usage errors, before anything is served.
func TestServeAllowHost(t *testing.T) {
	dir := newProject(t)
	for _, tt := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"--allow-remote"}, "--allow-remote needs --allow-host"},
		{[]string{"--allow-host", "lingo.example.org"}, "--allow-host needs --allow-remote"},
		{[]string{"--allow-remote", "--allow-host", "http://lingo.example.org/"}, `--allow-host "http://lingo.example.org/"`},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			// Served by mistake, it stops when the test's wait ends.
			ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
			defer cancel()
			code, stdout, stderr := runBuffers(ctx, append([]string{"-C", dir, "serve", "--addr", "127.0.0.1:0"}, tt.args...)...)
			if code != ExitUsage || stdout != "" || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", code, stdout, stderr, tt.stderr)
			}
		})
	}
}

// TestServeRemote serves a remote workbench on a free port: it prints the
// address under the first --allow-host name, answers requests addressed
// to it and refuses any other Host, and stops with exit 0 when cancelled.
func TestServeRemote(t *testing.T) {
	dir := newProject(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	out, w := io.Pipe()
	var errw strings.Builder
	done := make(chan int, 1)
	go func() {
		defer w.Close()
		done <- run(ctx, []string{"lingo", "-C", dir, "serve", "--addr", "127.0.0.1:0", "--allow-remote", "--allow-host", "lingo.example.org", "--allow-host", "192.0.2.1"},
			IO{In: strings.NewReader(""), Out: w, Err: &errw})
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	go io.Copy(io.Discard, out)
	if err != nil {
		cancel()
		t.Fatalf("lingo serve printed %q (%v); stderr %s", line, err, errw.String())
	}
	m := regexp.MustCompile(`^lingo serve: (http://lingo\.example\.org:(\d+)/\?token=\w+)\n$`).FindStringSubmatch(line)
	if m == nil {
		cancel()
		t.Fatalf("lingo serve printed %q", line)
	}
	u, _ := url.Parse(m[1])
	for host, want := range map[string]int{u.Host: 200, "192.0.2.1:" + m[2]: 200, "127.0.0.1:" + m[2]: 200, "evil.example:" + m[2]: http.StatusMisdirectedRequest} {
		req, _ := http.NewRequestWithContext(ctx, "GET", "http://127.0.0.1:"+m[2]+"/api/status", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
	cancel()
	if code := <-done; code != ExitOK {
		t.Errorf("exit %d after Ctrl-C: %s", code, errw.String())
	}
}
