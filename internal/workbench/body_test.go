package workbench_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/lingo-l10n/lingo/internal/project"
	"github.com/lingo-l10n/lingo/internal/workbench"
)

// doRaw sends body as it is, with the token, as a client that is not a
// browser could.
func doRaw(t *testing.T, s *workbench.Server, path string, body []byte) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest("POST", path, bytes.NewReader(body))
	r.Host = addr
	r.Header.Set(workbench.TokenHeader, s.Token())
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

// A request whose text is not Unicode is refused with the byte where it
// stops being so, not saved with U+FFFD in its place; so is a JSON escape
// of half a surrogate pair (\ud800), which no character is. A pair is one
// character, and saved.
func TestSaveNotUnicode(t *testing.T) {
	p := newProject(t)
	s := newServer(t, p, workbench.Options{})
	v := view(t, s)
	e := v.Entries[1]
	path := p.CatalogPath("fr", "a")
	before := read(t, path)
	body := func(text string) []byte {
		return []byte(`{"id":"` + e.ID + `","file_hash":"` + v.FileHash + `","source_hash":"` + e.SourceHash + `","text":"` + text + `"}`)
	}
	// at is where the problem starts, counting from byte 1 of the body:
	// after the @ of text.
	at := func(text string) string {
		return "byte " + strconv.Itoa(len(body(""))-2+strings.Index(text, "@")+2)
	}
	for _, tt := range []struct{ name, text, want string }{
		{"invalid UTF-8", "Prenez @\xff 2 comprimés.", "invalid UTF-8"},
		{"a surrogate in UTF-8", "Prenez @\xed\xa0\x80 2 comprimés.", "invalid UTF-8"},
		{"a cut sequence", "Prenez 2 comprim@\xc3", "invalid UTF-8"},
		{"a lone high surrogate", `Prenez @\ud800 2 comprimés.`, `\ud800`},
		{"a high surrogate before another escape", `Prenez @\uD83D\u0041 2 comprimés.`, `\uD83D`},
		{"a high surrogate at the end", `Prenez 2 comprimés.@\ud83d`, `\ud83d`},
		{"a lone low surrogate", `Prenez @\udc00 2 comprimés.`, `\udc00`},
		{"two high surrogates", `Prenez @\ud83d\ud83d\ude00`, `\ud83d`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, api := range []string{"save", "check", "preview", "review"} {
				w := doRaw(t, s, "/api/"+api+"/fr/a", body(tt.text))
				if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), tt.want) || !strings.Contains(w.Body.String(), at(tt.text)) {
					t.Errorf("%s: %d %.200s, want 400 naming %s at %s", api, w.Code, w.Body, tt.want, at(tt.text))
				}
			}
			if !bytes.Equal(read(t, path), before) {
				t.Fatalf("the catalog was written:\n%s", read(t, path))
			}
		})
	}
	// An escaped backslash before "ud800" is no escape; a pair is a character.
	w := doRaw(t, s, "/api/save/fr/a", body(`Prenez 2 comprimés \\ud800 \ud83d\ude00.`))
	if w.Code != 200 {
		t.Fatalf("a valid pair: %d %s", w.Code, w.Body)
	}
	if got := decode[struct {
		Entry project.EntryView `json:"entry"`
	}](t, w).Entry.Translation; got != `Prenez 2 comprimés \ud800 😀.` {
		t.Errorf("saved %q", got)
	}
}

// A body past 4 MiB is refused as too large, not read to its end.
func TestBodyTooLarge(t *testing.T) {
	s := newServer(t, newProject(t), workbench.Options{})
	w := doRaw(t, s, "/api/check/fr/a", []byte(`{"id":"x","text":"`+strings.Repeat("a", 4<<20)+`"}`))
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("a 4 MiB text: %d %.200s", w.Code, w.Body)
	}
}
