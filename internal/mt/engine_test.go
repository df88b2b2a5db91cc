package mt

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lingo-l10n/lingo/internal/article"
	"github.com/lingo-l10n/lingo/internal/markdown"
	"github.com/lingo-l10n/lingo/internal/testcorpus"
)

// sample is what the engines translate in these tests: a message with
// strong emphasis, a link and a code span.
const sample = "Take **5 mg** of the [red medicine](https://example.org/dose) with `water` before meals.\n"

// apertiumEngineT is the apertium binary with eng-spa, which .ci/run
// installs; the tests fail without it, as they do without xmllint.
func apertiumEngineT(tb testing.TB) *apertiumEngine {
	tb.Helper()
	e, err := New(context.Background(), Options{Engine: Apertium, Source: "en", Target: "es"})
	if err != nil {
		tb.Fatalf("%v (.ci/run installs apertium apertium-eng-spa)", err)
	}
	return e.(*apertiumEngine)
}

// The apertium binary drafts a message, keeping its markup, in one
// process for the whole batch; a pair it lacks names the package.
func TestApertium(t *testing.T) {
	e := apertiumEngineT(t)
	if e.Version() == "" || !strings.HasPrefix(e.Version(), "eng-spa") {
		t.Errorf("Version = %q", e.Version())
	}
	m := segment(t, sample)
	texts := []string{m.HTML, m.HTML, "Second message."}
	out, err := e.Translate(context.Background(), texts)
	if err != nil {
		t.Fatal(err)
	}
	if e.runs != 1 {
		t.Errorf("%d apertium processes for one batch", e.runs)
	}
	d := m.Decode(out[0])
	for _, want := range []string{"**5 mg**", "](https://example.org/dose)", "`water`", "Toma"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("draft %q lacks %q", d.Text, want)
		}
	}
	_, err = New(context.Background(), Options{Engine: Apertium, Source: "en", Target: "fr"})
	var pe *PairError
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "apt-get install apertium-eng-fra") {
		t.Errorf("New(en→fr) = %v, want a PairError naming apertium-eng-fra", err)
	}
}

// freePort is a loopback port nothing listens on.
func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TestAPY starts apertium-apy (Apertium's HTTP server, Debian's
// apertium-apy) on a free loopback port and drafts through it.
func TestAPY(t *testing.T) {
	bin, err := exec.LookPath("apertium-apy")
	if err != nil {
		t.Skip("apertium-apy is not installed: .ci/run installs it (apt-get install apertium-apy)")
	}
	port := freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin, "-p", fmt.Sprint(port), "/usr/share/apertium/modes")
	cmd.Dir = t.TempDir()
	log, err := os.Create(filepath.Join(cmd.Dir, "apy.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); cmd.Wait() })
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	for start := time.Now(); ; time.Sleep(200 * time.Millisecond) {
		resp, err := http.Get(url + "/listPairs")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Since(start) > 60*time.Second {
			data, _ := os.ReadFile(log.Name())
			t.Fatalf("apertium-apy did not answer on %s: %v\n%s", url, err, data)
		}
	}
	e, err := New(context.Background(), Options{Engine: ApertiumAPY, Source: "en", Target: "es", URL: url})
	if err != nil {
		t.Fatal(err)
	}
	m := segment(t, sample)
	out, err := e.Translate(context.Background(), []string{m.HTML, "Second message."})
	if err != nil {
		t.Fatal(err)
	}
	d := m.Decode(out[0])
	for _, want := range []string{"**5 mg**", "](https://example.org/dose)", "`water`", "Toma"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("draft %q lacks %q", d.Text, want)
		}
	}
	if len(d.Marks) == 0 || d.Marks[0].Word != "mg" {
		t.Errorf("marks = %v, want mg unknown", d.Marks)
	}
	if e.Version() != "eng-spa" {
		t.Errorf("Version = %q", e.Version())
	}
	if _, err := New(context.Background(), Options{Engine: ApertiumAPY, Source: "en", Target: "fr", URL: url}); err == nil ||
		!strings.Contains(err.Error(), "has no language pair eng-fra") {
		t.Errorf("New(en→fr) = %v", err)
	}
}

// corpusMessages are the first n messages of the Hugo docs corpus, encoded.
func corpusMessages(tb testing.TB, n int) []Message {
	tb.Helper()
	dir := testcorpus.Dir(tb, "hugo-docs", "en")
	var msgs []Message
	p := markdown.New(markdown.Options{})
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") || len(msgs) >= n {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		segs, err := p.Segments(src)
		if err != nil {
			return err
		}
		for i := range segs {
			if len(msgs) < n && segs[i].Kind != article.KindUnknown {
				msgs = append(msgs, Encode(&segs[i]))
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return msgs
}

// BenchmarkDraft1000 drafts 1,000 messages of the Hugo docs with the
// apertium binary, batched (processes/op: one per batch of 500), beside
// BenchmarkApertiumAlone, the engine's own time on the same text.
func BenchmarkDraft1000(b *testing.B) {
	msgs := corpusMessages(b, 1000)
	texts := make([]string, len(msgs))
	for i, m := range msgs {
		texts[i] = m.HTML
	}
	e := apertiumEngineT(b)
	b.ResetTimer()
	for b.Loop() {
		out, err := e.Translate(context.Background(), texts)
		if err != nil {
			b.Fatal(err)
		}
		for i, m := range msgs {
			m.Decode(out[i])
		}
	}
	b.ReportMetric(float64(e.runs)/float64(b.N), "processes/op")
	b.ReportMetric(float64(len(texts)), "entries/op")
}

// BenchmarkApertiumAlone is `apertium -f html eng-spa` on the text
// BenchmarkDraft1000 sends, in one process: the engine's own time.
func BenchmarkApertiumAlone(b *testing.B) {
	msgs := corpusMessages(b, 1000)
	texts := make([]string, len(msgs))
	for i, m := range msgs {
		texts[i] = m.HTML
	}
	in := join(texts)
	apertiumEngineT(b)
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command("apertium", "-f", "html", "eng-spa")
		cmd.Stdin = strings.NewReader(in)
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
	}
}
