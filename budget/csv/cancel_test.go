package csv

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// A read whose context is cancelled (Ctrl-C) stops with the context's
// error, not after the whole file.
func TestReadCancelled(t *testing.T) {
	text := "Description,Approved\n" + strings.Repeat("a line,100\n", 20000)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(strings.NewReader(text), "a.csv", budget.Options{Context: ctx}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled read: %v, want context.Canceled", err)
	}
}
