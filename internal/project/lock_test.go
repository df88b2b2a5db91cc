package project_test

import (
	"context"
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
