package reports

import (
	"fmt"
	"io"
)

// errWriter keeps the first write error, in the manner of bufio.Writer:
// the text writers print without checking each write, and return err at
// the end.
type errWriter struct {
	w   io.Writer
	err error
}

// Write writes p unless an earlier write failed.
func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// printf writes a formatted text, as fmt.Fprintf.
func (e *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(e, format, args...)
}
