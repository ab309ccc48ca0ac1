package iati

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
	act := `<iati-activity><iati-identifier>X-1</iati-identifier><budget><value currency="EUR">100</value></budget></iati-activity>`
	doc := `<iati-activities version="2.03">` + strings.Repeat(act, 5000) + `</iati-activities>`
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b, err := Read(strings.NewReader(doc), "a.xml", budget.Options{Context: ctx})
	if !errors.Is(err, context.Canceled) {
		n := 0
		if b != nil {
			n = b.Lines.Len()
		}
		t.Errorf("cancelled read: %v (%d lines), want context.Canceled", err, n)
	}
}
