package analysis

import (
	"errors"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

func bigMoney(t *testing.T, s string) budget.Money {
	t.Helper()
	m, err := budget.ParseMoney(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func overflowLine(m budget.Money, lv budget.Level) budget.Line {
	l := budget.Line{Currency: "XOF", Gender: budget.Marker{Level: lv}}
	l.Amounts.Set(budget.Approved, m)
	return l
}

// The GEWE money of a group whose weighted levels add up past Money's
// range is an error naming it, not a sum with a level left out.
func TestSharesGEWEOverflow(t *testing.T) {
	p := bigMoney(t, "160000000000000000000")
	n := bigMoney(t, "-160000000000000000000")
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		overflowLine(p, budget.Principal),
		overflowLine(n, budget.NotScreened),
		overflowLine(p, budget.Significant),
	}...)}
	_, err := Shares(b, Options{})
	if !errors.Is(err, budget.ErrOverflow) || !strings.Contains(err.Error(), "GEWE") {
		t.Errorf("Shares: error %v, want a money overflow naming the GEWE money", err)
	}
}

// The SDG 5.c.1 evidence of a budget whose amounts cannot be added is an
// error, not a share of tagged money left out in silence.
func TestSDG5c1EvidenceOverflow(t *testing.T) {
	p := bigMoney(t, "160000000000000000000")
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{overflowLine(p, budget.Principal), overflowLine(p, budget.NotScreened)}...)}
	_, err := ScoreSDG5c1(&sdg5c1.Questionnaire{}, SDG5c1Options{Budget: b})
	if !errors.Is(err, budget.ErrOverflow) || !strings.Contains(err.Error(), "approved") {
		t.Errorf("ScoreSDG5c1: error %v, want a money overflow naming the approved amounts", err)
	}
}
