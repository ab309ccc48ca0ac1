package xlsx

import (
	"io"
)

// readAhead inflates a part on its own goroutine, a few chunks ahead of
// the scanner, so that on two cores one inflates while the other scans.
// The scanner reads it as any io.Reader; Close stops the goroutine and
// then closes the part.
type readAhead struct {
	rc   io.ReadCloser
	full chan aheadChunk // chunks inflated, in order
	free chan []byte     // buffers the scanner is done with
	done chan struct{}   // closed by Close
	gone chan struct{}   // closed when the goroutine has returned
	cur  []byte          // the unread rest of the chunk being read
	buf  []byte          // the buffer of that chunk, to hand back
	err  error           // the error after cur, once it is read
}

type aheadChunk struct {
	b   []byte
	err error
}

// Chunks ahead and their size: a quarter of a megabyte keeps the
// goroutines' hand-overs rare; four of them let inflation run ahead.
const (
	aheadChunks    = 4
	aheadChunkSize = 256 << 10
)

// aheadMin is the size of the smallest part read ahead: below it a
// goroutine saves nothing. (A variable for the tests.)
var aheadMin uint64 = 4 << 20

func newReadAhead(rc io.ReadCloser) *readAhead {
	r := &readAhead{rc: rc, full: make(chan aheadChunk, aheadChunks), free: make(chan []byte, aheadChunks),
		done: make(chan struct{}), gone: make(chan struct{})}
	for range aheadChunks {
		r.free <- make([]byte, aheadChunkSize)
	}
	go r.inflate()
	return r
}

// inflate fills free buffers from the part until its end, an error or
// Close.
func (r *readAhead) inflate() {
	defer close(r.gone)
	for {
		var b []byte
		select {
		case b = <-r.free:
		case <-r.done:
			return
		}
		n, err := io.ReadFull(r.rc, b)
		if err == io.ErrUnexpectedEOF {
			err = io.EOF
		}
		select {
		case r.full <- aheadChunk{b[:n], err}:
		case <-r.done:
			return
		}
		if err != nil {
			return
		}
	}
}

func (r *readAhead) Read(p []byte) (int, error) {
	for len(r.cur) == 0 {
		if r.err != nil {
			return 0, r.err
		}
		if r.buf != nil {
			r.free <- r.buf[:cap(r.buf)]
			r.buf = nil
		}
		c := <-r.full
		r.cur, r.buf, r.err = c.b, c.b, c.err
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// Close stops the inflating goroutine, waits for it, and closes the part.
func (r *readAhead) Close() error {
	select {
	case <-r.done:
	default:
		close(r.done)
	}
	<-r.gone
	return r.rc.Close()
}
