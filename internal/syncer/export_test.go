package syncer

// SetRecallTexts sets recallTexts until the returned func restores it, for
// tests.
func SetRecallTexts(n int) (restore func()) {
	old := recallTexts
	recallTexts = n
	return func() { recallTexts = old }
}

// SetIndexLimits sets indexTexts and staleUnits until the returned func
// restores them, for tests: a few articles then behave as many.
func SetIndexLimits(texts, units int) (restore func()) {
	oldTexts, oldUnits := indexTexts, staleUnits
	indexTexts, staleUnits = texts, units
	return func() { indexTexts, staleUnits = oldTexts, oldUnits }
}
