package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err))
}

// Exit statuses; see doc.go.
const (
	exitOK      = 0
	exitInvalid = 1 // the input has errors, or a command failed
	exitUsage   = 2 // bad flags or arguments
	exitFail    = 3 // a compliance rule failed (grb check)
)

// exitCode is the one place where an error becomes an exit status.
func exitCode(err error) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintln(os.Stderr, "grb:", err)
		return exitUsage
	case errors.Is(err, errHasErrors):
		return exitInvalid // the issues were printed already
	default:
		fmt.Fprintln(os.Stderr, "grb:", err)
		return exitInvalid
	}
}
