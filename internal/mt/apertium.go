package mt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// Batch limits of the apertium binary: one process translates up to this
// many messages, or about this many bytes, at a time.
const (
	batchTexts = 500
	batchBytes = 256 << 10
)

// apertiumEngine runs the apertium binary, one process per batch.
type apertiumEngine struct {
	bin, pair, version string
	opts               Options
	runs               int // apertium processes run so far
}

func newApertium(ctx context.Context, opts Options) (*apertiumEngine, error) {
	bin := opts.Command
	if bin == "" {
		bin = "apertium"
	}
	path, err := exec.LookPath(bin)
	if err != nil {
		return nil, fmt.Errorf("the apertium binary is not installed (Debian: apt-get install apertium %s): %w",
			packageOf(cmpPair(opts)), err)
	}
	e := &apertiumEngine{bin: path, pair: cmpPair(opts), opts: opts}
	out, err := exec.CommandContext(ctx, path, "-l").Output()
	if err != nil {
		return nil, fmt.Errorf("apertium -l: %w", err)
	}
	have := strings.Fields(string(out))
	found := false
	for _, p := range have {
		found = found || p == e.pair
	}
	if !found {
		return nil, &PairError{Engine: Apertium, Pair: e.pair, Package: packageOf(e.pair), Have: have}
	}
	e.version = e.pair
	if v, err := exec.CommandContext(ctx, "dpkg-query", "-W", "-f=${Version}", packageOf(e.pair)).Output(); err == nil && len(v) > 0 {
		e.version += " " + string(v)
	}
	return e, nil
}

// cmpPair is the pair opts name, or Apertium's for its languages.
func cmpPair(opts Options) string {
	if opts.Pair != "" {
		return opts.Pair
	}
	return ApertiumPair(opts.Source, opts.Target)
}

func (e *apertiumEngine) Name() string    { return Apertium }
func (e *apertiumEngine) Version() string { return e.version }

// Translate runs one apertium process per batch of texts (in its HTML
// format, which keeps elements and their attributes).
func (e *apertiumEngine) Translate(ctx context.Context, texts []string) ([]string, error) {
	var res []string
	for _, b := range batches(texts, batchTexts, batchBytes) {
		out, err := halves(b, func(in string) (string, error) { return e.run(ctx, in) })
		if err != nil {
			return nil, err
		}
		res = append(res, out...)
	}
	return res, nil
}

// run is one apertium process over in.
func (e *apertiumEngine) run(ctx context.Context, in string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, e.opts.Timeout)
	defer cancel()
	e.runs++
	cmd := exec.CommandContext(ctx, e.bin, "-f", "html", e.pair)
	cmd.Stdin = strings.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return "", fmt.Errorf("apertium %s took longer than %s", e.pair, e.opts.Timeout)
		}
		return "", fmt.Errorf("apertium %s: %w: %s", e.pair, err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}
