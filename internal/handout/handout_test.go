package handout

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestUndate(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"both", "<</Title (Soins)\n/CreationDate (D:20261206070412+00'00')\n/ModDate (D:20261206070412+00'00')>>",
			"<</Title (Soins)\n" + blank("/CreationDate (D:20261206070412+00'00')") + "\n" + blank("/ModDate (D:20261206070412+00'00')") + ">>"},
		{"no space, escaped paren", `/CreationDate(D:2026\)x)/Producer (Skia/PDF m148)`, blank(`/CreationDate(D:2026\)x)`) + "/Producer (Skia/PDF m148)"},
		{"none", "/Title (CreationDate)", "/Title (CreationDate)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(Undate([]byte(tc.in)))
			if got != tc.want {
				t.Errorf("Undate:\n got %q\nwant %q", got, tc.want)
			}
			if len(got) != len(tc.in) {
				t.Errorf("length %d, want %d: the cross-reference offsets would break", len(got), len(tc.in))
			}
		})
	}
}

func blank(s string) string { return strings.Repeat(" ", len(s)) }

func TestFooterHTML(t *testing.T) {
	got, err := footerHTML(Footer{Lang: "ar", Dir: "rtl", Start: "Clinic <A&B>", Pages: "صفحة {page} من {pages}", End: "v1 <b>"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`lang="ar" dir="rtl"`, "Clinic &lt;A&amp;B&gt;",
		`صفحة <span class="pageNumber"></span> من <span class="totalPages"></span>`, "v1 &lt;b&gt;", "font: 8pt"} {
		if !strings.Contains(got, want) {
			t.Errorf("footer lacks %q:\n%s", want, got)
		}
	}
	for _, bad := range []string{"date", "url", "title"} {
		if strings.Contains(got, `class="`+bad+`"`) {
			t.Errorf("footer prints the browser's %s", bad)
		}
	}
}

func TestFind(t *testing.T) {
	t.Setenv(EnvBinary, "/opt/chrome/chrome")
	if got := Find("/usr/bin/chromium"); got != "/opt/chrome/chrome" {
		t.Errorf("Find with $%s = %q, want the variable's", EnvBinary, got)
	}
	t.Setenv(EnvBinary, "")
	if got := Find("/usr/local/bin/chromium"); got != "/usr/local/bin/chromium" {
		t.Errorf("Find(configured) = %q, want the configured binary", got)
	}
}

func TestStartMissing(t *testing.T) {
	for _, bin := range []string{"", filepath.Join(t.TempDir(), "chromium")} {
		_, err := Start(context.Background(), bin)
		var me *MissingError
		if !errors.As(err, &me) {
			t.Fatalf("Start(%q) = %v, want a *MissingError", bin, err)
		}
		for _, want := range []string{"apt-get install chromium", "[pdf] chromium", EnvBinary} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not say %q", err, want)
			}
		}
	}
}

// TestPrint prints a page twice, in parallel tabs of one browser, and
// once with its context cancelled; it skips without Chromium.
func TestPrint(t *testing.T) {
	bin := Find("")
	if bin == "" {
		t.Skip("no Chromium (Debian's chromium package)")
	}
	ctx := context.Background()
	p, err := Start(ctx, bin)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	page := []byte(`<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Soins</title></head><body><header>Langues</header><h1>Soins après la séance</h1><p>Reposez-vous.</p></body></html>`)
	job := Job{Paper: "Letter", Footer: Footer{Lang: "fr", Dir: "ltr", Start: "Clinique", Pages: "Page {page} sur {pages}", End: "version 3f2a"}}
	pdfs := make([][]byte, 2)
	errs := make(chan error, 2)
	for i := range pdfs {
		go func() {
			var err error
			pdfs[i], err = p.Print(ctx, page, job)
			errs <- err
		}()
	}
	for range pdfs {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.HasPrefix(pdfs[0], []byte("%PDF-")) || !bytes.Equal(pdfs[0], pdfs[1]) {
		t.Errorf("two prints of one page differ, or are not PDFs (%d and %d bytes)", len(pdfs[0]), len(pdfs[1]))
	}
	for _, bad := range []string{"CreationDate", "ModDate", "file://"} {
		if bytes.Contains(pdfs[0], []byte(bad)) {
			t.Errorf("the PDF holds %s", bad)
		}
	}
	if _, err := p.Print(ctx, page, Job{Paper: "A3"}); err == nil || !strings.Contains(err.Error(), "A4 or Letter") {
		t.Errorf("paper A3: %v, want an error", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := p.Print(cancelled, page, job); !errors.Is(err, context.Canceled) {
		t.Errorf("Print with its context cancelled = %v, want context.Canceled", err)
	}
}
