package project_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lingo-l10n/lingo/internal/config"
	"github.com/lingo-l10n/lingo/internal/project"
)

// TestLock checks that a second run waits for the first and gives up with
// a clear message, and that the lock is free again once released.
func TestLock(t *testing.T) {
	cfg := config.Default("en", nil)
	cfg.Dir = t.TempDir()
	p := project.New(cfg)
	unlock, err := p.Lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if _, err := project.New(cfg).Lock(ctx); err == nil || !strings.Contains(err.Error(), "another lingo run") {
		t.Fatalf("second lock: %v, want a wait that gives up", err)
	}
	unlock()
	again, err := project.New(cfg).Lock(context.Background())
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	again()
}

// TestLockLeftovers: the temporary file of a write a killed run left is
// removed by the next run; after a run that ended, the folders are not
// searched again.
func TestLockLeftovers(t *testing.T) {
	cfg := config.Default("en", nil)
	cfg.Dir = t.TempDir()
	p := project.New(cfg)
	if err := os.MkdirAll(filepath.Join(cfg.Dir, ".lingo", "cache"), 0o755); err != nil {
		t.Fatal(err)
	}
	temp := filepath.Join(cfg.LocalesDir(), "fr", ".a.fr.toml1234567")
	leave := func() {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(temp), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(temp, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lock := func() func() {
		t.Helper()
		unlock, err := p.Lock(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return unlock
	}
	exists := func() bool {
		_, err := os.Stat(temp)
		return err == nil
	}

	leave()
	lock()() // the first run: no run is known to have ended before it
	if exists() {
		t.Fatal("the first run left a temporary file in place")
	}
	leave() // as a run that ended would not
	lock()()
	if !exists() {
		t.Fatal("a run after one that ended searched the folders")
	}
	lock()()
	// Killed, a run would not have let go of the lock: the system frees
	// it, and the mark a run leaves when it lets go is not there.
	if err := os.Remove(filepath.Join(cfg.Dir, ".lingo", "cache", "ended")); err != nil {
		t.Fatal(err)
	}
	if !exists() {
		t.Fatal("searched the folders after a run that ended")
	}
	lock()()
	if exists() {
		t.Fatal("the run after a killed one left its temporary file")
	}
}
