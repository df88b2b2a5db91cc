package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/lingo-l10n/lingo/internal/atomicfile"
)

// ErrExists is returned by Init when the project already has a lingo.toml.
var ErrExists = errors.New("already exists")

// Init creates a project in dir: lingo.toml and the content and locales
// folders. It never overwrites: an existing lingo.toml is an error, and
// existing folders are left as they are. It returns the paths it created.
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
	return append(created, filepath.Base(cfgPath)), nil
}
