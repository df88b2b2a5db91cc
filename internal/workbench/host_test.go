package workbench_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/workbench"
)

// A remote workbench answers requests addressed to the names it was
// given, and to this machine on its port; any other Host (DNS rebinding)
// is refused. Without a name it does not start.
func TestRemoteHosts(t *testing.T) {
	p := newProject(t)
	if _, err := workbench.New(p, workbench.Options{Addr: "0.0.0.0:8080", Remote: true}); err == nil || !strings.Contains(err.Error(), "--allow-host") {
		t.Errorf("remote without a host name: %v", err)
	}
	s := newServer(t, p, workbench.Options{Addr: "0.0.0.0:8080", Remote: true, AllowHosts: []string{"lingo.example.org", "192.0.2.1"}})
	for host, code := range map[string]int{
		"lingo.example.org:8080": 200, "lingo.example.org": 200, "LINGO.example.org.:443": 200, "192.0.2.1:8080": 200,
		"localhost:8080": 200, "127.0.0.1:8080": 200, "[::1]:8080": 200,
		"evil.example:8080": 421, "evil.example": 421, "lingo.example.org.evil.example": 421, "0.0.0.0:8080": 421,
		"192.0.2.2:8080": 421, "localhost:9999": 421, "": 421,
	} {
		r := httptest.NewRequest("GET", "/api/article/fr/a", nil)
		r.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != code {
			t.Errorf("Host %q: %d, want %d %s", host, w.Code, code, w.Body)
		}
		if code == 421 && !strings.Contains(w.Body.String(), "--allow-host") {
			t.Errorf("Host %q refused with %s", host, w.Body)
		}
	}
	for _, bad := range [][]string{{""}, {"http://lingo.example.org"}, {"lingo.example.org/x"}, {"lingo.example.org:8080"}, {"a b"}} {
		if _, err := workbench.New(p, workbench.Options{Addr: "0.0.0.0:8080", Remote: true, AllowHosts: bad}); err == nil {
			t.Errorf("AllowHosts %q accepted", bad)
		}
	}
	if _, err := workbench.New(p, workbench.Options{Addr: addr, AllowHosts: []string{"lingo.example.org"}}); err == nil {
		t.Error("AllowHosts on a local workbench accepted")
	}
}
