package mt

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// libre is a LibreTranslate-compatible server that answers each request
// with the next of answers (status, body), then echoes the texts.
func libre(t *testing.T, answers ...func(w http.ResponseWriter)) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		if r.URL.Path != "/translate" || r.Method != http.MethodPost {
			http.NotFound(w, r)
			return
		}
		var req struct {
			Q              []string `json:"q"`
			Source, Target string
			Format         string
			APIKey         string `json:"api_key"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Format != "html" || req.Source != "en" || req.Target != "es" {
			http.Error(w, `{"error": "bad request"}`, http.StatusBadRequest)
			return
		}
		if i < len(answers) {
			answers[i](w)
			return
		}
		out := make([]string, len(req.Q))
		for k, q := range req.Q {
			out[k] = strings.ToUpper(q) + req.APIKey
		}
		json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func status(code int, body string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		w.Write([]byte(body))
	}
}

// The LibreTranslate engine tries again on 429 and 5xx with a growing
// wait, and gives a clear error on what it cannot use: an error status
// once retries are spent, a client error at once, an answer that is not
// its JSON, a server that does not answer in time or at all.
func TestLibreTranslateErrors(t *testing.T) {
	slow := func(w http.ResponseWriter) { time.Sleep(300 * time.Millisecond) }
	for _, tc := range []struct {
		name    string
		answers []func(http.ResponseWriter)
		retries int
		want    string // "" for success
		calls   int32
	}{
		{"ok", nil, 0, "", 1},
		{"429 then ok", []func(http.ResponseWriter){status(429, `{"error": "Too many requests"}`)}, 3, "", 2},
		{"500 twice then ok", []func(http.ResponseWriter){status(500, `{"error": "boom"}`), status(502, "bad gateway")}, 3, "", 3},
		{"500 past the retries", []func(http.ResponseWriter){status(500, `{"error": "boom"}`), status(500, `{"error": "boom"}`)}, 1,
			"libretranslate answered 500 Internal Server Error: boom", 2},
		{"400 is not tried again", []func(http.ResponseWriter){status(400, `{"error": "es is not supported"}`)}, 3,
			"libretranslate answered 400 Bad Request: es is not supported", 1},
		{"bad JSON", []func(http.ResponseWriter){status(200, `{"translatedText": [1, 2`)}, 3, "its answer is not the JSON expected", 1},
		{"too few translations", []func(http.ResponseWriter){status(200, `{"translatedText": ["uno"]}`)}, 3, "1 translations for 2 texts", 1},
		{"timeout", []func(http.ResponseWriter){slow, slow}, 1, "did not answer within 100ms", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, calls := libre(t, tc.answers...)
			e, err := New(context.Background(), Options{Engine: LibreTranslate, Source: "en", Target: "es", URL: srv.URL,
				Key: "k", Retries: tc.retries, Backoff: time.Millisecond, Timeout: 100 * time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			out, err := e.Translate(context.Background(), []string{"uno", "dos"})
			switch {
			case tc.want == "" && (err != nil || !slices.Equal(out, []string{"UNOk", "DOSk"})):
				t.Errorf("Translate = %q, %v", out, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("Translate error = %v, want %q", err, tc.want)
			}
			if got := calls.Load(); got != tc.calls {
				t.Errorf("%d requests, want %d", got, tc.calls)
			}
		})
	}
}

// A server that is down is named, with what to check.
func TestLibreTranslateDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	e, err := New(context.Background(), Options{Engine: LibreTranslate, Source: "en", Target: "es", URL: "http://" + addr, Retries: 2, Backoff: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.Translate(context.Background(), []string{"uno"})
	if err == nil || !strings.Contains(err.Error(), "libretranslate at http://"+addr+" does not answer (is it running?)") {
		t.Errorf("Translate error = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Translate(ctx, []string{"uno"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
