// Package memo remembers what a pure function of a text returned, for
// work that reads the same texts many times over a short while: one
// article's source texts, checked in each of its languages. A Map keeps
// every key it was asked for, so it lives as long as that work and is
// then dropped; it is safe for concurrent use.
package memo

import "sync"

// Map is the results of one function by key. The zero Map is ready.
type Map[T any] struct {
	mu sync.Mutex
	m  map[string]T
}

// Get is the result for key, computed by f the first time. f runs
// outside the lock and may run twice when two goroutines ask at once;
// both get a result of f, which the callers do not change.
func (m *Map[T]) Get(key string, f func() T) T {
	m.mu.Lock()
	v, ok := m.m[key]
	m.mu.Unlock()
	if ok {
		return v
	}
	v = f()
	m.mu.Lock()
	if m.m == nil {
		m.m = map[string]T{}
	}
	m.m[key] = v
	m.mu.Unlock()
	return v
}

// Len is how many keys m holds.
func (m *Map[T]) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.m)
}
