package mt

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// HTTP batch limits: one request carries up to this many messages, or
// about this many bytes.
const (
	httpTexts = 100
	httpBytes = 64 << 10
)

// client sends an engine's requests, trying again on a 429, a 5xx or no
// answer.
type client struct {
	http *http.Client
	opts Options
	name string // the engine, for errors
}

func newClient(name string, opts Options) (*client, error) {
	u, err := url.Parse(opts.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s: url %q: want an http(s) address", name, opts.URL)
	}
	if opts.Backoff == 0 {
		opts.Backoff = 500 * time.Millisecond
	}
	return &client{http: &http.Client{Timeout: opts.Timeout}, opts: opts, name: name}, nil
}

// StatusError is an engine's answer that is not a success.
type StatusError struct {
	Engine string
	Code   int
	Msg    string
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s answered %d %s: %s", e.Engine, e.Code, http.StatusText(e.Code), e.Msg)
}

// post sends body (form or JSON) to path and decodes the JSON answer into
// v, trying again as Options say.
func (c *client) post(ctx context.Context, path, contentType string, body []byte, v any) error {
	var last error
	wait := c.opts.Backoff
	for try := 0; ; try++ {
		retry, after, err := c.once(ctx, path, contentType, body, v)
		if err == nil {
			return nil
		}
		last = err
		if !retry || try >= c.opts.Retries {
			return last
		}
		if after > 0 {
			wait = min(after, 30*time.Second)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// once is one request: whether to try again (and after how long the
// server asked), or the answer decoded into v.
func (c *client) once(ctx context.Context, path, contentType string, body []byte, v any) (bool, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(c.opts.URL, "/")+path, bytes.NewReader(body))
	if err != nil {
		return false, 0, err
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return false, 0, ctx.Err()
		}
		var ne interface{ Timeout() bool }
		if errors.As(err, &ne) && ne.Timeout() {
			return true, 0, fmt.Errorf("%s at %s did not answer within %s: %w", c.name, c.opts.URL, c.opts.Timeout, err)
		}
		return true, 0, fmt.Errorf("%s at %s does not answer (is it running?): %w", c.name, c.opts.URL, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return true, 0, fmt.Errorf("%s at %s: reading its answer: %w", c.name, c.opts.URL, err)
	}
	if resp.StatusCode != http.StatusOK {
		retry := resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500
		after := time.Duration(0)
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
			after = time.Duration(s) * time.Second
		}
		return retry, after, &StatusError{Engine: c.name, Code: resp.StatusCode, Msg: errorText(data)}
	}
	if err := json.Unmarshal(data, v); err != nil {
		return false, 0, fmt.Errorf("%s at %s: its answer is not the JSON expected: %w", c.name, c.opts.URL, err)
	}
	return false, 0, nil
}

// errorText is the message of an engine's error answer: its JSON
// "error", "explanation" or "message", else the body's start.
func errorText(data []byte) string {
	var e struct{ Error, Explanation, Message string }
	if json.Unmarshal(data, &e) == nil {
		for _, s := range []string{e.Error, e.Explanation, e.Message} {
			if s != "" {
				return s
			}
		}
	}
	s := strings.TrimSpace(string(data))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// apyEngine is Apertium's HTTP server, apertium-apy: /translate with a
// langpair, in its HTML format, many messages a request.
type apyEngine struct {
	c    *client
	pair string // "eng|spa"
}

func newAPY(ctx context.Context, opts Options) (*apyEngine, error) {
	c, err := newClient(ApertiumAPY, opts)
	if err != nil {
		return nil, err
	}
	pair := cmpPair(opts)
	e := &apyEngine{c: c, pair: strings.Replace(pair, "-", "|", 1)}
	var listed struct {
		ResponseData []struct{ SourceLanguage, TargetLanguage string }
	}
	if err := c.post(ctx, "/listPairs", "application/x-www-form-urlencoded", nil, &listed); err != nil {
		return nil, err
	}
	var have []string
	for _, p := range listed.ResponseData {
		have = append(have, p.SourceLanguage+"-"+p.TargetLanguage)
		if p.SourceLanguage+"|"+p.TargetLanguage == e.pair {
			return e, nil
		}
	}
	return nil, &PairError{Engine: ApertiumAPY + " at " + opts.URL, Pair: pair, Package: packageOf(pair), Have: have}
}

func (e *apyEngine) Name() string    { return ApertiumAPY }
func (e *apyEngine) Version() string { return strings.Replace(e.pair, "|", "-", 1) }

func (e *apyEngine) Translate(ctx context.Context, texts []string) ([]string, error) {
	var res []string
	for _, b := range batches(texts, httpTexts, httpBytes) {
		out, err := halves(b, func(in string) (string, error) {
			form := url.Values{"langpair": {e.pair}, "q": {in}, "markUnknown": {"yes"}}
			var r struct {
				ResponseData *struct {
					TranslatedText *string `json:"translatedText"`
				} `json:"responseData"`
			}
			if err := e.c.post(ctx, "/translate", "application/x-www-form-urlencoded", []byte(form.Encode()), &r); err != nil {
				return "", err
			}
			if r.ResponseData == nil || r.ResponseData.TranslatedText == nil {
				return "", fmt.Errorf("%s at %s: its answer has no responseData.translatedText", ApertiumAPY, e.c.opts.URL)
			}
			return *r.ResponseData.TranslatedText, nil
		})
		if err != nil {
			return nil, err
		}
		res = append(res, out...)
	}
	return res, nil
}

// libreEngine is a LibreTranslate-compatible API: POST /translate with a
// list of texts in its HTML format.
type libreEngine struct {
	c              *client
	source, target string
}

func newLibre(opts Options) (*libreEngine, error) {
	c, err := newClient(LibreTranslate, opts)
	if err != nil {
		return nil, err
	}
	e := &libreEngine{c: c, source: baseOf(opts.Source), target: baseOf(opts.Target)}
	if opts.Pair != "" {
		e.source, e.target, _ = strings.Cut(opts.Pair, "-")
	}
	return e, nil
}

// baseOf is a tag's language ("pt-BR" → "pt").
func baseOf(tag string) string {
	base, _, _ := strings.Cut(tag, "-")
	return base
}

func (e *libreEngine) Name() string    { return LibreTranslate }
func (e *libreEngine) Version() string { return e.source + "-" + e.target }

func (e *libreEngine) Translate(ctx context.Context, texts []string) ([]string, error) {
	var res []string
	for _, b := range batches(texts, httpTexts, httpBytes) {
		req := map[string]any{"q": b, "source": e.source, "target": e.target, "format": "html"}
		if e.c.opts.Key != "" {
			req["api_key"] = e.c.opts.Key
		}
		body, err := json.Marshal(req)
		if err != nil {
			return nil, err
		}
		var r struct {
			TranslatedText []string `json:"translatedText"`
		}
		if err := e.c.post(ctx, "/translate", "application/json", body, &r); err != nil {
			return nil, err
		}
		if len(r.TranslatedText) != len(b) {
			return nil, fmt.Errorf("%s at %s: %d translations for %d texts", LibreTranslate, e.c.opts.URL, len(r.TranslatedText), len(b))
		}
		res = append(res, r.TranslatedText...)
	}
	return res, nil
}
