package syncer

// SetRecallTexts sets recallTexts until the returned func restores it, for
// tests.
func SetRecallTexts(n int) (restore func()) {
	old := recallTexts
	recallTexts = n
	return func() { recallTexts = old }
}
