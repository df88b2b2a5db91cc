package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/lingo-l10n/lingo/internal/atomicfile"
)

// ErrExists is returned by Init when the project already has a lingo.toml.
var ErrExists = errors.New("already exists")

// Init creates a project in dir: lingo.toml, the content and locales
// folders, and a .gitignore that keeps lingo's lock and cache out of version
// control (Ignored). It never overwrites: an existing lingo.toml is an
// error, and existing folders and an existing .gitignore are left as they
// are (a .gitignore is the project's: lingo adds no line to it; see
// MissingIgnores). It returns the paths it created.
func Init(dir, cfgPath string, cfg *Config) ([]string, error) {
	if _, err := os.Stat(cfgPath); err == nil {
		return nil, fmt.Errorf("%s: %w; nothing written", cfgPath, ErrExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	var created []string
	for _, d := range []string{cfg.Content, cfg.Locales} {
		path := filepath.Join(dir, d)
		if _, err := os.Stat(path); err == nil {
			continue
		}
		if err := os.MkdirAll(path, 0o755); err != nil {
			return created, err
		}
		created = append(created, d+"/")
	}
	if err := atomicfile.WriteFile(cfgPath, cfg.Marshal()); err != nil {
		return created, err
	}
	created = append(created, filepath.Base(cfgPath))
	ignore := filepath.Join(filepath.Dir(cfgPath), ".gitignore")
	if _, err := os.Lstat(ignore); errors.Is(err, fs.ErrNotExist) {
		text := "# lingo: the lock a running lingo holds, and its cache (both rebuilt as needed).\n" + strings.Join(Ignored, "\n") + "\n"
		if err := atomicfile.WriteFile(ignore, []byte(text)); err != nil {
			return created, err
		}
		created = append(created, ".gitignore")
	}
	return created, nil
}

// Ignored are the .gitignore lines of the files lingo keeps at a project's
// root that are not to be committed: the lock and the cache.
var Ignored = []string{"/.lingo.lock", "/.lingo/"}

// MissingIgnores returns the lines of Ignored that the .gitignore in dir
// does not have, word for word; none when it has no .gitignore.
func MissingIgnores(dir string) []string {
	data, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		return nil
	}
	have := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		have[strings.TrimSpace(line)] = true
	}
	var out []string
	for _, l := range Ignored {
		if !have[l] && !have[strings.TrimPrefix(l, "/")] {
			out = append(out, l)
		}
	}
	return out
}
