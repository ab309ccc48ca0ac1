package analysis

import (
	"context"
	"errors"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// Item 11 of issue 13: the loops over lines check the context themselves,
// so Ctrl-C stops an analysis of a large budget.
func TestAnalysisCancelled(t *testing.T) {
	lines := make([]budget.Line, 100000)
	for i := range lines {
		lines[i].Amounts.Set(budget.Approved, budget.FromCents(int64(i%1000+1)*100))
		lines[i].Currency = "EUR"
		lines[i].ID = string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676%26)) + string(rune('a'+i/17576%26))
	}
	b := &budget.Budget{Lines: budget.LinesOf(lines...)}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Shares(b, Options{Context: ctx}); !errors.Is(err, context.Canceled) {
		t.Errorf("Shares: err %v, want context.Canceled", err)
	}
	if _, err := Gaps(b, GapOptions{Context: ctx}); !errors.Is(err, context.Canceled) {
		t.Errorf("Gaps: err %v, want context.Canceled", err)
	}
	if _, err := Diff(b, b, DiffOptions{Context: ctx}); !errors.Is(err, context.Canceled) {
		t.Errorf("Diff: err %v, want context.Canceled", err)
	}
	// No context is no cancellation: callers that give none are unchanged.
	if _, err := Shares(b, Options{}); err != nil {
		t.Errorf("Shares without a context: %v", err)
	}
}
