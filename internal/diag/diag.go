// Package diag is lingo's error for bad input at a place in a file: a path,
// a 1-based line and byte column, and what is wrong, printed the way
// compilers and editors expect ("path:line:col: msg"). Every parser in lingo
// reports its problems with it, so the CLI shows them one way and maps them
// to exit code 2 in one place.
package diag

import (
	"errors"
	"fmt"
)

// Error is a problem at a position of a file. Path may be empty while the
// error travels up from a parser that does not know the file's name; Line
// and Col are 0 when the problem concerns the whole file.
type Error struct {
	Path      string
	Line, Col int
	Msg       string
	Err       error // the cause, if any, for errors.Is
}

// Error returns "path:line:col: msg", leaving out what is unknown.
func (e *Error) Error() string {
	switch {
	case e.Line == 0 && e.Path == "":
		return e.Msg
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	case e.Path == "":
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Position returns the line and column of the error.
func (e *Error) Position() (int, int) { return e.Line, e.Col }

// In names the file err happened in: a *Error without a path gets path, and
// any other error becomes a *Error of the whole file.
func In(path string, err error) error {
	if err == nil {
		return nil
	}
	var de *Error
	if errors.As(err, &de) {
		if de.Path != "" {
			return err
		}
		named := *de
		named.Path = path
		return &named
	}
	return &Error{Path: path, Msg: err.Error(), Err: err}
}
