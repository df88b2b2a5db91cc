package project

// IsTempFile is isTempFile, for tests.
var IsTempFile = isTempFile
