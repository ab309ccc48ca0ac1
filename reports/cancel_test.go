package reports

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// Item 11 of issue 13: Build and the Lines sheet writer check the context
// of Options, so Ctrl-C stops a report of a large budget.
func TestReportCancelled(t *testing.T) {
	lines := make([]budget.Line, 50000)
	for i := range lines {
		lines[i].Amounts.Set(budget.Approved, budget.FromCents(int64(i%1000+1)*100))
		lines[i].Currency = "EUR"
		lines[i].Description = "line"
	}
	bs := []*budget.Budget{{Source: "big.csv", Lines: budget.LinesOf(lines...)}}
	done, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Build(bs, Options{Context: done}); !errors.Is(err, context.Canceled) {
		t.Errorf("Build: err %v, want context.Canceled", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r, err := Build(bs, Options{Context: ctx})
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := WriteWorkbook(&bytes.Buffer{}, r); !errors.Is(err, context.Canceled) {
		t.Errorf("WriteWorkbook after cancel: err %v, want context.Canceled", err)
	}
}
