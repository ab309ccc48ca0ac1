package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"github.com/grb-toolkit/grb/internal/files"
	"github.com/grb-toolkit/grb/internal/format"
)

// interruptGrace is how long an interrupted run has to stop by itself
// (the readers check the context every few thousand rows) before it is
// stopped.
const interruptGrace = 400 * time.Millisecond

// softMemoryLimit is the heap size the collector works to stay under
// unless GOMEMLIMIT says otherwise: a soft limit (debug.SetMemoryLimit),
// so that a large or hostile input costs collection time rather than
// memory. It never stops a run: when the live data of an input is larger,
// the collector's share of the time is capped and the heap grows past it.
const softMemoryLimit = 800 << 20

// limitMemory sets softMemoryLimit, unless the environment sets a limit.
func limitMemory(getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}

func main() {
	limitMemory(os.Getenv)
	// A closed stdout (grb … | head) makes writes fail with EPIPE instead
	// of killing grb half-way through its files.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		<-ctx.Done()
		stop() // a second Ctrl-C kills at once
		select {
		case <-done:
		case <-time.After(interruptGrace):
			files.Cleanup()
			fmt.Fprintln(os.Stderr, "grb: interrupted")
			os.Exit(exitInterrupted)
		}
	}()
	stdout := &pipeWriter{w: os.Stdout}
	err := run(ctx, os.Args, stdout, os.Stderr)
	if stdout.broken && (err == nil || errors.Is(err, syscall.EPIPE)) {
		err = errBrokenPipe
	}
	close(done)
	stop()
	os.Exit(report(err, os.Stderr))
}

// Exit statuses; see doc.go.
const (
	exitOK          = 0
	exitInvalid     = 1   // the input has errors, or a command failed
	exitUsage       = 2   // bad flags or arguments
	exitRule        = 3   // grb check: a compliance rule fails
	exitInterrupted = 130 // Ctrl-C (128 + SIGINT)
	exitBrokenPipe  = 141 // stdout was closed by its reader (128 + SIGPIPE)
)

// errBrokenPipe means stdout was closed by its reader: grb ends quietly.
var errBrokenPipe = errors.New("stdout closed")

// pipeWriter notes that its writer failed with EPIPE.
type pipeWriter struct {
	w      io.Writer
	broken bool
}

func (p *pipeWriter) Write(b []byte) (int, error) {
	n, err := p.w.Write(b)
	if errors.Is(err, syscall.EPIPE) {
		p.broken = true
	}
	return n, err
}

// report writes err for the user, unless it was printed already, and
// returns the exit status: the one place where an error becomes one.
func report(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled):
		files.Cleanup()
		fmt.Fprintln(stderr, "grb: interrupted")
		return exitInterrupted
	case errors.Is(err, errBrokenPipe):
		return exitBrokenPipe
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, "grb:", format.Visible(err.Error()))
		return exitUsage
	case errors.Is(err, errHasErrors):
		return exitInvalid // the issues were printed already
	case errors.Is(err, errRuleFailed):
		return exitRule // the failing rules were printed already
	default:
		fmt.Fprintln(stderr, "grb:", format.Visible(err.Error()))
		return exitInvalid
	}
}
