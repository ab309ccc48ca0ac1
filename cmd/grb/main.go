package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/grb-toolkit/grb/internal/format"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args, os.Stdout, os.Stderr)
	stop()
	os.Exit(report(err, os.Stderr))
}

// Exit statuses; see doc.go.
const (
	exitOK      = 0
	exitInvalid = 1 // the input has errors, or a command failed
	exitUsage   = 2 // bad flags or arguments
	exitRule    = 3 // grb check: a compliance rule fails
)

// report writes err for the user, unless it was printed already, and
// returns the exit status: the one place where an error becomes one.
func report(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
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
