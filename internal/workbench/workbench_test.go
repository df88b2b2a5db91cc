package workbench_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/workbench"
)

const addr = "127.0.0.1:8080"

// article is the source of the test project: a heading, a paragraph with a
// dose, a list item.
const article = `# Aftercare

Take 2 tablets after the session.

- Rest for 3 days.
`

// newProject writes a project with one article translated into French,
// synced, and returns it.
func newProject(t *testing.T) *project.Project {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "lingo.toml"), "source = \"en\"\nlanguages = [\"fr\", \"ar\"]\n")
	write(t, filepath.Join(dir, "content", "a.md"), article)
	p, err := project.Open(filepath.Join(dir, "lingo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	fr := p.CatalogPath("fr", "a")
	// The entries are in document order: the heading, the paragraph, the
	// list item.
	data := string(read(t, fr))
	for _, tr := range []string{"Soins", "Prenez 2 comprimés après la séance.", "Reposez-vous 3 jours."} {
		data = strings.Replace(data, `other = ""`, "other = '"+tr+"'", 1)
	}
	write(t, fr, data)
	if _, err := p.Sync(p.Config.Languages, project.SyncOptions{}); err != nil {
		t.Fatal(err)
	}
	return p
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func newServer(t *testing.T, p *project.Project, opts workbench.Options) *workbench.Server {
	t.Helper()
	if opts.Addr == "" {
		opts.Addr = addr
	}
	opts.Reviewer = "Dr. Test"
	s, err := workbench.New(p, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// do sends a request to s as a browser on this machine would, with the
// token when withToken, and returns the response.
func do(t *testing.T, s *workbench.Server, method, path string, body any, withToken bool) *httptest.ResponseRecorder {
	t.Helper()
	var b []byte
	if body != nil {
		var err error
		if b, err = json.Marshal(body); err != nil {
			t.Fatal(err)
		}
	}
	r := httptest.NewRequest(method, path, bytes.NewReader(b))
	r.Host = addr
	if withToken {
		r.Header.Set(workbench.TokenHeader, s.Token())
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

func decode[T any](t *testing.T, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("%d %s: %v", w.Code, w.Body, err)
	}
	return v
}

func view(t *testing.T, s *workbench.Server) project.ArticleView {
	t.Helper()
	w := do(t, s, "GET", "/api/article/fr/a", nil, false)
	if w.Code != 200 {
		t.Fatalf("article: %d %s", w.Code, w.Body)
	}
	return decode[project.ArticleView](t, w)
}

// makeStale changes the list item's source text (3 days → 4 days).
func makeStale(t *testing.T, p *project.Project) {
	t.Helper()
	path := filepath.Join(p.Config.ContentDir(), "a.md")
	write(t, path, strings.Replace(article, "Rest for 3 days.", "Rest for 4 days.", 1))
}

func TestOverview(t *testing.T) {
	p := newProject(t)
	makeStale(t, p)
	s := newServer(t, p, workbench.Options{})
	w := do(t, s, "GET", "/", nil, false)
	if w.Code != 200 {
		t.Fatalf("overview: %d %s", w.Code, w.Body)
	}
	page := w.Body.String()
	for _, want := range []string{`href="/article/fr/a"`, `href="/article/ar/a"`,
		`data-lang="fr" data-slug="a" data-missing="0" data-stale="1" data-translated="2" data-messages="3"`,
		`data-lang="ar" data-slug="a" data-missing="3" data-stale="0" data-translated="0" data-messages="3"`} {
		if !strings.Contains(page, want) {
			t.Errorf("overview lacks %s", want)
		}
	}
	// Beside each article, its reading level: the source's grade, and
	// each translation's over its current entries, as lingo status has them.
	levels, err := p.ReadingLevels([]string{"fr", "ar"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<small class="reading" data-lang="en">en: ` + html.EscapeString(levels[0].Source.Summary()) + `</small>`,
		`<small class="reading" data-lang="fr">` + html.EscapeString(levels[0].In("fr").Summary()) + `, over 2/3 entries</small>`,
		`<small class="reading" data-lang="ar">no text, over 0/3 entries</small>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("overview lacks %s", want)
		}
	}
	if !strings.HasPrefix(levels[0].Source.Summary(), "grade ") {
		t.Errorf("source level %q, want a grade", levels[0].Source.Summary())
	}
	// The same numbers as lingo status, article by article and in all.
	status, err := p.Status([]string{"fr", "ar"})
	if err != nil {
		t.Fatal(err)
	}
	got := decode[struct {
		Articles []project.ArticleStats `json:"articles"`
		Totals   []project.Stats        `json:"totals"`
	}](t, do(t, s, "GET", "/api/status", nil, false))
	for i, st := range status {
		if got.Totals[i] != st || len(got.Articles) != 1 || got.Articles[0].Langs[i] != st {
			t.Errorf("%s: overview %+v, article %+v; lingo status %+v", st.Lang, got.Totals[i], got.Articles[0].Langs[i], st)
		}
	}
}

func TestArticle(t *testing.T) {
	p := newProject(t)
	makeStale(t, p)
	s := newServer(t, p, workbench.Options{})
	v := view(t, s)
	if len(v.Entries) != 3 || v.FileHash == "" || v.Dir != "ltr" {
		t.Fatalf("view: %d entries, hash %q, dir %s", len(v.Entries), v.FileHash, v.Dir)
	}
	kinds := []string{"Heading (level 1)", "Paragraph", "List item"}
	states := []string{"current", "current", "stale"}
	for i, e := range v.Entries {
		if e.Kind != kinds[i] || e.State != states[i] {
			t.Errorf("entry %d: %s %s, want %s %s", i, e.Kind, e.State, kinds[i], states[i])
		}
	}
	stale := v.Entries[2]
	if stale.Section != "Aftercare" || stale.Old != "Rest for 3 days." || stale.Translation != "Reposez-vous 3 jours." {
		t.Errorf("stale entry: %+v", stale)
	}
	var diff []string
	for _, op := range stale.Diff {
		diff = append(diff, op.Op+op.Words)
	}
	if got := strings.Join(diff, "|"); got != "=Rest for|-3|+4|=days." {
		t.Errorf("diff %s", got)
	}
	// The page: side by side, the field with lang and dir, the diff, the
	// token.
	w := do(t, s, "GET", "/article/fr/a", nil, false)
	page := w.Body.String()
	for _, want := range []string{`<textarea lang="fr" dir="ltr"`, `<del>3</del> <ins>4</ins>`, `data-state="stale"`,
		`<meta name="lingo-token" content="` + s.Token() + `">`, `<p class="text" lang="en" dir="ltr">Rest for 4 days.</p>`} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks %s", want)
		}
	}
	// Right to left for Arabic.
	w = do(t, s, "GET", "/article/ar/a", nil, false)
	if !strings.Contains(w.Body.String(), `<textarea lang="ar" dir="rtl"`) || !strings.Contains(w.Body.String(), `<iframe id="preview" title="preview of the page in العربية" lang="ar" dir="rtl"`) {
		t.Error("the Arabic page has no right-to-left field and preview")
	}
	for path, code := range map[string]int{"/article/de/a": 404, "/article/fr/nope": 404, "/api/article/fr/nope": 404} {
		if w := do(t, s, "GET", path, nil, false); w.Code != code {
			t.Errorf("%s: %d, want %d", path, w.Code, code)
		}
	}
}

type checkAnswer struct {
	Findings []struct {
		Check, Severity, Message string
	}
	Failing bool
}

func TestCheckAsYouType(t *testing.T) {
	p := newProject(t)
	s := newServer(t, p, workbench.Options{})
	id := view(t, s).Entries[1].ID
	w := do(t, s, "POST", "/api/check/fr/a", map[string]any{"id": id, "text": "Prenez 3 comprimés après la séance."}, true)
	got := decode[checkAnswer](t, w)
	if !got.Failing || len(got.Findings) == 0 || got.Findings[0].Check != "numbers" {
		t.Errorf("a wrong number: %+v", got)
	}
	w = do(t, s, "POST", "/api/check/fr/a", map[string]any{"id": id, "text": "Prenez 2 comprimés après la séance."}, true)
	if got := decode[checkAnswer](t, w); got.Failing || len(got.Findings) != 0 {
		t.Errorf("fixed: %+v", got)
	}
	// Nothing was written.
	if v := view(t, s); v.Entries[1].Translation != "Prenez 2 comprimés après la séance." {
		t.Errorf("check wrote %q", v.Entries[1].Translation)
	}
}

func TestSave(t *testing.T) {
	p := newProject(t)
	makeStale(t, p)
	s := newServer(t, p, workbench.Options{})
	v := view(t, s)
	e := v.Entries[2]
	w := do(t, s, "POST", "/api/save/fr/a", map[string]any{"id": e.ID, "text": "Reposez-vous 4 jours.", "file_hash": v.FileHash, "source_hash": e.SourceHash}, true)
	if w.Code != 200 {
		t.Fatalf("save: %d %s", w.Code, w.Body)
	}
	got := decode[struct {
		FileHash string            `json:"file_hash"`
		Entry    project.EntryView `json:"entry"`
		Stats    project.Stats     `json:"stats"`
	}](t, w)
	if got.Entry.State != "current" || got.Entry.Translation != "Reposez-vous 4 jours." || got.Stats.Stale != 0 || got.FileHash == v.FileHash {
		t.Errorf("after save: %+v", got)
	}
	data := string(read(t, p.CatalogPath("fr", "a")))
	if !strings.Contains(data, `other = "Reposez-vous 4 jours."`) || strings.Contains(data, "STALE") {
		t.Errorf("catalog on disk:\n%s", data)
	}
	// lingo status agrees, and a second sync changes nothing.
	st, err := p.Status([]string{"fr"})
	if err != nil || st[0].Translated != 3 || st[0].Stale != 0 {
		t.Errorf("status after save: %+v %v", st, err)
	}
	if written, err := p.Sync([]string{"fr"}, project.SyncOptions{}); err != nil || len(written) != 0 {
		t.Errorf("sync after save wrote %v (%v)", written, err)
	}
	// Reviewed, as lingo review records it.
	w = do(t, s, "POST", "/api/review/fr/a", map[string]any{"id": e.ID, "file_hash": got.FileHash}, true)
	if w.Code != 200 {
		t.Fatalf("review: %d %s", w.Code, w.Body)
	}
	if r := decode[struct {
		Entry project.EntryView `json:"entry"`
	}](t, w); !r.Entry.Reviewed || r.Entry.ReviewedBy != "Dr. Test" {
		t.Errorf("after review: %+v", r.Entry)
	}
	// A missing entry cannot be reviewed: refused, with lingo review's reason.
	ar := newServer(t, p, workbench.Options{Langs: []string{"ar"}})
	arv := decode[project.ArticleView](t, do(t, ar, "GET", "/api/article/ar/a", nil, false))
	w = do(t, ar, "POST", "/api/review/ar/a", map[string]any{"id": arv.Entries[2].ID, "file_hash": arv.FileHash}, true)
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "not translated yet") {
		t.Errorf("review of a missing entry: %d %s", w.Code, w.Body)
	}
}

// An edit made in a text editor since the page was loaded is never
// overwritten; nor is a translation made for a source text that changed.
func TestSaveConflict(t *testing.T) {
	p := newProject(t)
	s := newServer(t, p, workbench.Options{})
	v := view(t, s)
	e := v.Entries[1]
	path := p.CatalogPath("fr", "a")
	edited := strings.Replace(string(read(t, path)), "Prenez 2 comprimés", "Prenez deux (2) comprimés", 1)
	write(t, path, edited)
	w := do(t, s, "POST", "/api/save/fr/a", map[string]any{"id": e.ID, "text": "Avalez 2 comprimés.", "file_hash": v.FileHash, "source_hash": e.SourceHash}, true)
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "changed on disk") {
		t.Errorf("save over an edited file: %d %s", w.Code, w.Body)
	}
	if string(read(t, path)) != edited {
		t.Error("the edited catalog was overwritten")
	}
	v = view(t, s)
	makeStale(t, p)
	e = v.Entries[2]
	w = do(t, s, "POST", "/api/save/fr/a", map[string]any{"id": e.ID, "text": "Reposez-vous 3 jours !", "file_hash": v.FileHash, "source_hash": e.SourceHash}, true)
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "text of this entry changed") {
		t.Errorf("save for an old source text: %d %s", w.Code, w.Body)
	}
}

// A save while another lingo run holds the project waits, then says so.
func TestSaveLocked(t *testing.T) {
	p := newProject(t)
	s := newServer(t, p, workbench.Options{LockWait: 200 * time.Millisecond})
	v := view(t, s)
	other, err := project.Open(p.Config.Path)
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := other.Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	e := v.Entries[1]
	body := map[string]any{"id": e.ID, "text": "Avalez 2 comprimés.", "file_hash": v.FileHash, "source_hash": e.SourceHash}
	w := do(t, s, "POST", "/api/save/fr/a", body, true)
	if w.Code != http.StatusLocked || !strings.Contains(w.Body.String(), "another lingo run") {
		t.Errorf("save while locked: %d %s", w.Code, w.Body)
	}
	unlock()
	if w := do(t, s, "POST", "/api/save/fr/a", body, true); w.Code != 200 {
		t.Errorf("save once unlocked: %d %s", w.Code, w.Body)
	}
}

// Requests that change something need the token; requests to another
// host (DNS rebinding) are refused.
func TestTokenAndHost(t *testing.T) {
	p := newProject(t)
	s := newServer(t, p, workbench.Options{})
	v := view(t, s)
	e := v.Entries[1]
	before := read(t, p.CatalogPath("fr", "a"))
	body := map[string]any{"id": e.ID, "text": "Avalez 2 comprimés.", "file_hash": v.FileHash, "source_hash": e.SourceHash}
	if w := do(t, s, "POST", "/api/save/fr/a", body, false); w.Code != http.StatusForbidden {
		t.Errorf("save without the token: %d %s", w.Code, w.Body)
	}
	b, _ := json.Marshal(body)
	r := httptest.NewRequest("POST", "/api/save/fr/a", bytes.NewReader(b))
	r.Host = addr
	r.Header.Set(workbench.TokenHeader, strings.Repeat("0", len(s.Token())))
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusForbidden {
		t.Errorf("save with a wrong token: %d", w.Code)
	}
	if !bytes.Equal(read(t, p.CatalogPath("fr", "a")), before) {
		t.Error("a refused save wrote the catalog")
	}
	for _, host := range []string{"evil.example:8080", "evil.example", "127.0.0.1:9999", "localhost.evil.example:8080"} {
		r := httptest.NewRequest("GET", "/api/article/fr/a", nil)
		r.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != http.StatusMisdirectedRequest {
			t.Errorf("Host %s: %d", host, w.Code)
		}
	}
	for _, host := range []string{"localhost:8080", "127.0.0.1:8080", "[::1]:8080"} {
		r := httptest.NewRequest("GET", "/api/article/fr/a", nil)
		r.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != 200 {
			t.Errorf("Host %s: %d", host, w.Code)
		}
	}
}

// A non-local address needs Remote; then a page holds the token only for
// a browser that brought it.
func TestRemote(t *testing.T) {
	p := newProject(t)
	for _, a := range []string{"0.0.0.0:8080", ":8080", "192.0.2.1:8080", "example.com:80"} {
		if _, err := workbench.New(p, workbench.Options{Addr: a}); err == nil {
			t.Errorf("%s without Remote: served", a)
		}
	}
	for _, a := range []string{"127.0.0.1:8080", "localhost:0", "[::1]:8080"} {
		if !workbench.IsLocal(a) {
			t.Errorf("%s is not local", a)
		}
	}
	s := newServer(t, p, workbench.Options{Addr: "0.0.0.0:8080", Remote: true, AllowHosts: []string{"192.0.2.1"}, Token: "secret-token"})
	token := regexp.MustCompile(`<meta name="lingo-token" content="([^"]*)">`)
	get := func(path string, cookie *http.Cookie) *httptest.ResponseRecorder {
		r := httptest.NewRequest("GET", path, nil)
		r.Host = "192.0.2.1:8080"
		if cookie != nil {
			r.AddCookie(cookie)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w
	}
	if m := token.FindStringSubmatch(get("/article/fr/a", nil).Body.String()); m == nil || m[1] != "" {
		t.Errorf("a remote page without the token holds %v", m)
	}
	w := get("/?token=secret-token", nil)
	if m := token.FindStringSubmatch(w.Body.String()); m == nil || m[1] != "secret-token" {
		t.Errorf("a remote page opened with the token holds %v", m)
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("cookies %v", cookies)
	}
	if m := token.FindStringSubmatch(get("/article/fr/a", cookies[0]).Body.String()); m == nil || m[1] != "secret-token" {
		t.Errorf("a remote page with the cookie holds %v", m)
	}
}

func TestPreview(t *testing.T) {
	p := newProject(t)
	s := newServer(t, p, workbench.Options{})
	id := view(t, s).Entries[1].ID
	w := do(t, s, "GET", "/preview/fr/a?mark="+id, nil, false)
	page := w.Body.String()
	if w.Code != 200 || !strings.Contains(page, `<p><mark id="lingo-mark">Prenez 2 comprimés après la séance.</mark></p>`) || !strings.Contains(page, `<html lang="fr" dir="ltr">`) {
		t.Errorf("preview: %d\n%s", w.Code, page)
	}
	// A draft shows as it would be published; one that fails check shows
	// the source text in its place, as lingo render would.
	w = do(t, s, "POST", "/api/preview/fr/a", map[string]any{"id": id, "text": "Prenez 2 comprimés, pas plus.", "mark": id}, true)
	if !strings.Contains(w.Body.String(), `<mark id="lingo-mark">Prenez 2 comprimés, pas plus.</mark>`) {
		t.Errorf("preview of a draft:\n%s", w.Body)
	}
	w = do(t, s, "POST", "/api/preview/fr/a", map[string]any{"id": id, "text": "Prenez 5 comprimés.", "mark": id}, true)
	if !strings.Contains(w.Body.String(), `<mark id="lingo-mark">Take 2 tablets after the session.</mark>`) {
		t.Errorf("preview of a failing draft:\n%s", w.Body)
	}
	// The heading is marked too; no mark is left anywhere else.
	w = do(t, s, "GET", "/preview/fr/a?mark="+view(t, s).Entries[0].ID, nil, false)
	if !strings.Contains(w.Body.String(), `<h1><mark id="lingo-mark">Soins</mark></h1>`) || strings.ContainsAny(w.Body.String(), "\ue000\ue001") {
		t.Errorf("preview with the heading marked:\n%s", w.Body)
	}
	// The Arabic page, nothing translated, is previewed right to left.
	w = do(t, s, "GET", "/preview/ar/a", nil, false)
	if !strings.Contains(w.Body.String(), `<html lang="ar" dir="rtl">`) {
		t.Errorf("Arabic preview:\n%s", w.Body)
	}
}

// TestPreviewAfterBuild: after a build, whose record of pages is in the
// output folder, preview after preview answers (a preview reads no record
// and holds no file open).
func TestPreviewAfterBuild(t *testing.T) {
	p := newProject(t)
	if _, err := p.Build(context.Background(), project.NoProgress{}); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, p, workbench.Options{})
	for i := range 3 {
		if w := do(t, s, "GET", "/preview/fr/a", nil, false); w.Code != 200 {
			t.Fatalf("preview %d: %d\n%s", i, w.Code, w.Body)
		}
	}
}

// Requests that read run together, while a save runs alone: many views and
// checks beside a save, under the race detector, all answer, and every
// view shows the entry either as it was or as saved.
func TestConcurrentRequests(t *testing.T) {
	p := newProject(t)
	makeStale(t, p)
	s := newServer(t, p, workbench.Options{})
	v := view(t, s)
	e := v.Entries[2]
	var wg sync.WaitGroup
	codes := make(chan int, 41)
	seen := make(chan string, 20)
	for range 20 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			w := do(t, s, "GET", "/api/article/fr/a", nil, false)
			codes <- w.Code
			if w.Code == 200 {
				seen <- decode[project.ArticleView](t, w).Entries[2].Translation
			}
		}()
		go func() {
			defer wg.Done()
			codes <- do(t, s, "POST", "/api/check/fr/a", map[string]any{"id": e.ID, "text": "Reposez-vous 5 jours."}, true).Code
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		codes <- do(t, s, "POST", "/api/save/fr/a", map[string]any{"id": e.ID, "text": "Reposez-vous 4 jours.", "file_hash": v.FileHash, "source_hash": e.SourceHash}, true).Code
	}()
	wg.Wait()
	close(codes)
	close(seen)
	for c := range codes {
		if c != 200 {
			t.Errorf("a request answered %d", c)
		}
	}
	for tr := range seen {
		if tr != e.Translation && tr != "Reposez-vous 4 jours." {
			t.Errorf("a view showed %q: neither the entry as it was nor as saved", tr)
		}
	}
	if got := view(t, s).Entries[2].Translation; got != "Reposez-vous 4 jours." {
		t.Errorf("after the save: %q", got)
	}
}
