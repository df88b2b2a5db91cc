// Package workbench is lingo serve: the translator's workbench, a local web
// application on a project folder. Its overview lists every article in
// every language with what is left to do (the numbers of lingo status);
// an article's page shows the source and the translation side by side,
// entry by entry in document order, with each entry's kind, section and
// state (missing, stale with the word diff of its source change, failing
// lingo check, reviewed), the findings of lingo check for a translation as
// it is typed, and a preview of the page lingo render would write, with
// the entry being edited highlighted; a finding's Waive button records, as
// lingo accept --check does, the reviewer's waiver of it with the reason
// typed. Saving writes the catalog and runs
// sync under the project's lock, all or nothing, and refuses to overwrite
// a file changed since the page was loaded; text that is not Unicode is
// refused, never decoded to U+FFFD. It uses net/http and html/template
// alone, with its stylesheet and script embedded, and needs no network.
// It answers only requests addressed to the host it was bound to, or on a
// non-local address to the names it was given (no DNS rebinding), and
// every request that changes something must carry the token of the
// process, which its pages hold (no cross-site requests); on a non-local
// address, the pages hold it only for a browser that opened the address
// printed at startup, token included.
package workbench

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lingo-l10n/lingo/internal/check"
	"github.com/lingo-l10n/lingo/internal/htmlpage"
	"github.com/lingo-l10n/lingo/internal/project"
)

//go:embed assets templates
var files embed.FS

// Options configure a workbench.
type Options struct {
	// Addr is the address served (host:port, as the listener has it): the
	// Host header of every request must name it, or localhost.
	Addr string
	// Langs are the languages offered; none means the project's targets.
	Langs []string
	// Remote serves a non-local address: pages hold the token only for a
	// browser that brought it.
	Remote bool
	// AllowHosts are the names (or IP addresses) a remote workbench is
	// reached by: the Host header of every request must be one of them, on
	// any port, or name this machine on the port served. Remote needs at
	// least one; a local workbench takes none.
	AllowHosts []string
	// Token is what every request that changes something must carry; New
	// draws a random one when it is empty.
	Token string
	// LockWait is how long a save waits for another lingo run to release
	// the project (5 seconds when 0).
	LockWait time.Duration
	// Reviewer is who the "reviewed" and "waive" actions record.
	Reviewer string
}

// Server is the workbench of one project, an http.Handler.
type Server struct {
	p    *project.Project
	opts Options
	tmpl *template.Template
	mux  *http.ServeMux
	// mu lets requests that read run together, and a save or a review
	// alone, so that no read sees half of one (other lingo runs are kept
	// apart by the project's lock).
	mu sync.RWMutex
}

// at is the project for request r: a copy of its own, so that requests
// share no state of a command, cancelled when the request is.
func (s *Server) at(r *http.Request) *project.Project { return s.p.WithContext(r.Context()) }

// TokenHeader is the request header that carries the token.
const TokenHeader = "X-Lingo-Token"

// tokenCookie keeps the token in a browser that brought it to a remote
// workbench.
const tokenCookie = "lingo_token"

// IsLocal reports whether addr (host:port) names this machine alone: a
// loopback address or localhost.
func IsLocal(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// New prepares the workbench of p. A non-local Addr without Remote is an
// error, as are Remote without AllowHosts and AllowHosts without Remote.
func New(p *project.Project, opts Options) (*Server, error) {
	if !opts.Remote && !IsLocal(opts.Addr) {
		return nil, fmt.Errorf("%s is not a local address: serving it lets anyone on the network read the project (pass --allow-remote to mean it)", opts.Addr)
	}
	if err := CheckHosts(opts.Remote, opts.AllowHosts); err != nil {
		return nil, err
	}
	opts.AllowHosts = slices.Clone(opts.AllowHosts)
	for i, h := range opts.AllowHosts {
		opts.AllowHosts[i] = hostName(h)
	}
	if len(opts.Langs) == 0 {
		opts.Langs = p.Config.Languages
	}
	if opts.Token == "" {
		b := make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		opts.Token = hex.EncodeToString(b)
	}
	if opts.LockWait == 0 {
		opts.LockWait = 5 * time.Second
	}
	tmpl, err := template.New("").Funcs(template.FuncMap{
		"dir":      htmlpage.Dir,
		"name":     htmlpage.NativeName,
		"percent":  func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) + "%" },
		"contains": slices.Contains[[]string],
	}).ParseFS(files, "templates/*.html")
	if err != nil {
		return nil, err
	}
	s := &Server{p: p, opts: opts, tmpl: tmpl, mux: http.NewServeMux()}
	assets, _ := fs.Sub(files, "assets")
	s.mux.Handle("GET /assets/", http.StripPrefix("/assets/", http.FileServerFS(assets)))
	s.mux.HandleFunc("GET /{$}", s.overview)
	s.mux.HandleFunc("GET /article/{lang}/{slug...}", s.article)
	s.mux.HandleFunc("GET /preview/{lang}/{slug...}", s.preview)
	s.mux.HandleFunc("GET /api/status", s.status)
	s.mux.HandleFunc("GET /api/article/{lang}/{slug...}", s.articleJSON)
	s.mux.HandleFunc("POST /api/check/{lang}/{slug...}", s.check)
	s.mux.HandleFunc("POST /api/preview/{lang}/{slug...}", s.preview)
	s.mux.HandleFunc("POST /api/save/{lang}/{slug...}", s.save)
	s.mux.HandleFunc("POST /api/review/{lang}/{slug...}", s.review)
	s.mux.HandleFunc("POST /api/accept/{lang}/{slug...}", s.accept)
	s.mux.HandleFunc("POST /api/waive/{lang}/{slug...}", s.waive)
	return s, nil
}

// Token is the token requests that change something must carry.
func (s *Server) Token() string { return s.opts.Token }

// ServeHTTP answers a request addressed to the workbench's host; a request
// that is not a GET must carry the token.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r.Host) {
		msg := "lingo serve answers requests to " + s.opts.Addr + " only"
		if s.opts.Remote {
			_, port, _ := net.SplitHostPort(s.opts.Addr)
			msg = fmt.Sprintf("lingo serve answers requests addressed to %s (--allow-host) or to localhost:%s, not to %q", strings.Join(s.opts.AllowHosts, ", "), port, r.Host)
		}
		http.Error(w, msg, http.StatusMisdirectedRequest)
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("X-Frame-Options", "SAMEORIGIN")
	w.Header().Set("Referrer-Policy", "no-referrer")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		if !s.validToken(r.Header.Get(TokenHeader)) {
			writeError(w, http.StatusForbidden, "this request needs the token of lingo serve: open the address it printed at startup")
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// hostAllowed reports whether a request's Host names one of AllowHosts
// (on any port), or the address served or localhost on its port. An
// unspecified address (0.0.0.0) names no host.
func (s *Server) hostAllowed(host string) bool {
	want, port, err := net.SplitHostPort(s.opts.Addr)
	if err != nil {
		return false
	}
	samePort := port == "80"
	if h, p, err := net.SplitHostPort(host); err == nil {
		host, samePort = h, p == port
	}
	host = hostName(host)
	if host == "" {
		return false
	}
	if slices.Contains(s.opts.AllowHosts, host) {
		return true
	}
	if ip := net.ParseIP(want); ip != nil && ip.IsUnspecified() {
		want = ""
	}
	return samePort && (host == hostName(want) || host == "localhost" || host == "127.0.0.1" || host == "::1")
}

// hostName is a host as Host headers are compared: lower case, without
// the brackets of an IPv6 address or a final dot.
func hostName(host string) string {
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	return strings.TrimSuffix(strings.ToLower(host), ".")
}

// CheckHosts refuses AllowHosts (names) that do not go with remote, or
// that are not a host name or IP address as a browser's Host header holds
// it (no scheme, port or path; punycode for a name that is not ASCII).
func CheckHosts(remote bool, names []string) error {
	switch {
	case remote && len(names) == 0:
		return errors.New("--allow-remote needs --allow-host NAME, the host names (or addresses) browsers reach the workbench by: any other Host is refused (no DNS rebinding)")
	case !remote && len(names) > 0:
		return errors.New("--allow-host needs --allow-remote: a local workbench answers localhost only")
	}
	for _, name := range names {
		h := hostName(name)
		if net.ParseIP(h) != nil {
			continue
		}
		if h == "" || strings.ContainsFunc(h, func(r rune) bool {
			return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '-' || r == '.' || r == '_')
		}) {
			return fmt.Errorf("--allow-host %q: want a host name or IP address, as in the Host header (no scheme, port or path; punycode for a name that is not ASCII)", name)
		}
	}
	return nil
}

func (s *Server) validToken(t string) bool {
	return t != "" && subtle.ConstantTimeCompare([]byte(t), []byte(s.opts.Token)) == 1
}

// pageToken is the token a page may hold: always on a local workbench; on
// a remote one, only for a browser that brought it (in the query, once,
// then in a cookie).
func (s *Server) pageToken(w http.ResponseWriter, r *http.Request) string {
	if !s.opts.Remote {
		return s.opts.Token
	}
	if s.validToken(r.URL.Query().Get("token")) {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.opts.Token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		return s.opts.Token
	}
	if c, err := r.Cookie(tokenCookie); err == nil && s.validToken(c.Value) {
		return s.opts.Token
	}
	return ""
}

// lang is the request's language, one of those offered; else it answers
// 404 and returns "".
func (s *Server) lang(w http.ResponseWriter, r *http.Request) string {
	lang := r.PathValue("lang")
	if !slices.Contains(s.opts.Langs, lang) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("%s is not a language of this workbench %v", lang, s.opts.Langs))
		return ""
	}
	return lang
}

type overviewData struct {
	Langs    []string
	Articles []project.ArticleStats
	Totals   []project.Stats
	Token    string
}

func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	arts, totals, err := s.at(r).ArticleStatus(s.opts.Langs)
	s.mu.RUnlock()
	if err != nil {
		fail(w, err)
		return
	}
	s.render(w, "overview.html", overviewData{Langs: s.opts.Langs, Articles: arts, Totals: totals, Token: s.pageToken(w, r)})
}

func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	s.mu.RLock()
	arts, totals, err := s.at(r).ArticleStatus(s.opts.Langs)
	s.mu.RUnlock()
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, map[string]any{"articles": arts, "totals": totals})
}

type articleData struct {
	*project.ArticleView
	Langs    []string
	Token    string
	Reviewer string
	Remote   bool
}

// view is the article a request names, in its language, as the workbench
// shows it; it has answered the request when ok is false.
func (s *Server) view(w http.ResponseWriter, r *http.Request) (v *project.ArticleView, ok bool) {
	lang := s.lang(w, r)
	if lang == "" {
		return nil, false
	}
	s.mu.RLock()
	v, err := s.at(r).View(lang, r.PathValue("slug"))
	s.mu.RUnlock()
	if err != nil {
		fail(w, err)
		return nil, false
	}
	return v, true
}

func (s *Server) article(w http.ResponseWriter, r *http.Request) {
	if v, ok := s.view(w, r); ok {
		s.render(w, "article.html", articleData{ArticleView: v, Langs: s.opts.Langs, Token: s.pageToken(w, r), Reviewer: s.opts.Reviewer, Remote: s.opts.Remote})
	}
}

func (s *Server) articleJSON(w http.ResponseWriter, r *http.Request) {
	if v, ok := s.view(w, r); ok {
		writeJSON(w, v)
	}
}

// draftRequest is the body of check, preview, save and review.
type draftRequest struct {
	ID         string   `json:"id"`
	Text       *string  `json:"text"`        // the translation typed; nil: as on disk
	Mark       string   `json:"mark"`        // preview: the entry to highlight
	FileHash   string   `json:"file_hash"`   // save, review: the catalog's hash when the page loaded it
	SourceHash string   `json:"source_hash"` // save: the hash of the source text shown
	IDs        []string `json:"ids"`         // review
	Check      string   `json:"check"`       // waive: the check whose finding is waived
	Why        string   `json:"why"`         // waive: why
}

// readDraft reads the JSON body of a request. Text that is not Unicode
// (invalid UTF-8, an escape of half a surrogate pair) is refused with its
// position, never decoded to U+FFFD.
func readDraft(w http.ResponseWriter, r *http.Request) (*draftRequest, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if mb := (*http.MaxBytesError)(nil); errors.As(err, &mb) {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("bad request: more than %d bytes", mb.Limit))
		return nil, false
	}
	if err == nil {
		err = notUnicode(body)
	}
	var d draftRequest
	if err == nil {
		err = json.Unmarshal(body, &d)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad request: "+err.Error())
		return nil, false
	}
	return &d, true
}

// maxBody is the most a request body may hold.
const maxBody = 4 << 20

// edit reads the language and the draft of a request that checks, saves
// or reviews an entry; needText refuses a draft without a text. It has
// answered the request when ok is false.
func (s *Server) edit(w http.ResponseWriter, r *http.Request, needText bool) (lang string, d *draftRequest, ok bool) {
	if lang = s.lang(w, r); lang == "" {
		return "", nil, false
	}
	if d, ok = readDraft(w, r); !ok {
		return "", nil, false
	}
	if needText && d.Text == nil {
		writeError(w, http.StatusBadRequest, "bad request: no text")
		return "", nil, false
	}
	return lang, d, true
}

func (s *Server) check(w http.ResponseWriter, r *http.Request) {
	lang, d, ok := s.edit(w, r, true)
	if !ok {
		return
	}
	s.mu.RLock()
	found, err := s.at(r).CheckDraft(lang, r.PathValue("slug"), project.Draft{ID: d.ID, Text: *d.Text})
	s.mu.RUnlock()
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, map[string]any{"id": d.ID, "findings": found, "failing": failing(found)})
}

func failing(found []check.Finding) bool {
	return slices.ContainsFunc(found, func(f check.Finding) bool { return f.Severity == check.Error })
}

// preview answers GET /preview/{lang}/{slug}?mark=ID with the page from
// the catalog on disk, and POST /api/preview/... with the page a draft
// would give.
func (s *Server) preview(w http.ResponseWriter, r *http.Request) {
	lang := s.lang(w, r)
	if lang == "" {
		return
	}
	mark := r.URL.Query().Get("mark")
	var draft *project.Draft
	if r.Method == http.MethodPost {
		d, ok := readDraft(w, r)
		if !ok {
			return
		}
		mark = d.Mark
		if d.Text != nil {
			draft = &project.Draft{ID: d.ID, Text: *d.Text}
		}
	}
	s.mu.RLock()
	page, err := s.at(r).Preview(lang, r.PathValue("slug"), draft, mark)
	s.mu.RUnlock()
	if err != nil {
		fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// The page is lingo's sanitized output: it runs no script.
	w.Header().Set("Content-Security-Policy", "script-src 'none'; object-src 'none'")
	w.Write(page)
}

func (s *Server) save(w http.ResponseWriter, r *http.Request) {
	s.change(w, r, true, func(ctx context.Context, p *project.Project, lang, slug string, d *draftRequest) error {
		return p.SaveEntry(ctx, lang, slug, project.Draft{ID: d.ID, Text: *d.Text}, d.FileHash, d.SourceHash)
	})
}

func (s *Server) review(w http.ResponseWriter, r *http.Request) {
	s.change(w, r, false, func(ctx context.Context, p *project.Project, lang, slug string, d *draftRequest) error {
		ids := d.IDs
		if len(ids) == 0 && d.ID != "" {
			ids = []string{d.ID}
		}
		return p.ReviewEntries(ctx, lang, slug, ids, s.opts.Reviewer, d.FileHash)
	})
}

// accept takes a machine draft as its translator's own, after reading.
func (s *Server) accept(w http.ResponseWriter, r *http.Request) {
	s.change(w, r, false, func(ctx context.Context, p *project.Project, lang, slug string, d *draftRequest) error {
		return p.AcceptDraft(ctx, lang, slug, d.ID, d.FileHash, d.SourceHash)
	})
}

// waive records, as lingo accept --check does, the reviewer's waiver of
// one check's finding on one entry.
func (s *Server) waive(w http.ResponseWriter, r *http.Request) {
	s.change(w, r, false, func(ctx context.Context, p *project.Project, lang, slug string, d *draftRequest) error {
		return p.WaiveEntry(ctx, lang, slug, d.ID, d.Check, s.opts.Reviewer, d.Why, d.FileHash)
	})
}

// change runs one change of an entry the request asks for (needText: it
// carries the entry's text), holding the workbench's write lock and
// waiting at most LockWait for the project's, then answers with the entry
// as it now stands.
func (s *Server) change(w http.ResponseWriter, r *http.Request, needText bool, do func(ctx context.Context, p *project.Project, lang, slug string, d *draftRequest) error) {
	lang, d, ok := s.edit(w, r, needText)
	if !ok {
		return
	}
	slug := r.PathValue("slug")
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.LockWait)
	defer cancel()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := do(ctx, s.at(r), lang, slug, d); err != nil {
		fail(w, err)
		return
	}
	s.answerEntry(w, lang, slug, d.ID)
}

// answerEntry answers a save or a review with the catalog's new hash and
// the entry as it now stands.
func (s *Server) answerEntry(w http.ResponseWriter, lang, slug, id string) {
	v, err := s.p.View(lang, slug)
	if err != nil {
		fail(w, err)
		return
	}
	out := map[string]any{"file_hash": v.FileHash, "stats": v.Stats, "page_kind": v.PageKind, "published_percent": v.Published}
	for _, e := range v.Entries {
		if e.ID == id {
			out["entry"] = e
		}
	}
	writeJSON(w, out)
}

func (s *Server) render(w http.ResponseWriter, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// Inline styles: the preview, a srcdoc frame under this policy, is a
	// page of lingo render with its stylesheet inline. No inline script.
	w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'")
	if err := s.tmpl.ExecuteTemplate(w, name, data); err != nil {
		fmt.Fprintf(w, "<p>%s</p>", template.HTMLEscapeString(err.Error()))
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]string{"error": msg})
}

// fail answers err with its status: 404 for an unknown article, 409 for a
// conflict with the files on disk, 423 while another lingo run holds the
// project, 500 otherwise.
func fail(w http.ResponseWriter, err error) {
	var conflict *project.ConflictError
	var locked *project.LockedError
	switch {
	case errors.Is(err, project.ErrNoArticle):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.As(err, &conflict):
		writeError(w, http.StatusConflict, err.Error())
	case errors.As(err, &locked):
		writeError(w, http.StatusLocked, err.Error())
	default:
		writeError(w, http.StatusInternalServerError, err.Error())
	}
}
