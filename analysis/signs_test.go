package analysis

import (
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

func TestRatioOverNonPositiveBase(t *testing.T) {
	c := budget.FromCents
	for _, tc := range []struct {
		name   string
		r      Ratio
		ok     bool
		v      float64
		reason ReasonCode
	}{
		{"positive base", Ratio{c(25), c(100)}, true, 0.25, ""},
		{"negative part of a positive base", Ratio{c(-25), c(100)}, true, -0.25, ""},
		{"zero base", Ratio{c(25), c(0)}, false, 0, ReasonBaseZero},
		{"negative base", Ratio{c(-25), c(-100)}, false, 0, ReasonBaseNegative},
		{"positive part of a negative base", Ratio{c(25), c(-100)}, false, 0, ReasonBaseNegative},
	} {
		v, ok := tc.r.Value()
		if ok != tc.ok || v != tc.v || tc.r.Undefined() != tc.reason {
			t.Errorf("%s: Value() = %v, %v, Undefined() = %q; want %v, %v, %q", tc.name, v, ok, tc.r.Undefined(), tc.v, tc.ok, tc.reason)
		}
	}
}

func TestRelChange(t *testing.T) {
	c := budget.FromCents
	for _, tc := range []struct {
		name     string
		old, new budget.Money
		ok       bool
		v        float64
		why      ReasonCode
	}{
		{"rise", c(100), c(150), true, 0.5, ""},
		{"fall to zero from a positive base", c(100), c(0), true, -1, ""},
		{"from zero", c(0), c(100), false, 0, ReasonBaseZero},
		{"negative to positive", c(-500), c(0), false, 0, ReasonBaseNegative},
		{"negative to more negative", c(-500), c(-900), false, 0, ReasonBaseNegative},
	} {
		var a adder
		d := delta(&a, tc.old, tc.new)
		if d.Rel.OK != tc.ok || d.Rel.V != tc.v || d.Why != tc.why {
			t.Errorf("%s: Rel = %+v, Why = %q; want %v %v %q", tc.name, d.Rel, d.Why, tc.ok, tc.v, tc.why)
		}
		if d.Abs.Cmp(mustSub(t, tc.new, tc.old)) != 0 {
			t.Errorf("%s: Abs = %s", tc.name, d.Abs)
		}
	}
}

func mustSub(t *testing.T, a, b budget.Money) budget.Money {
	t.Helper()
	d, ok := a.Sub(b)
	if !ok {
		t.Fatal("overflow")
	}
	return d
}

// TestChangeByYearNegativeTotal: a year whose total is negative (net
// repayments) gives no percentage change and no change of share, with the
// reason.
func TestChangeByYearNegativeTotal(t *testing.T) {
	c := budget.FromCents
	line := func(year int, lv budget.Level, m budget.Money) budget.Line {
		l := gapLine("A", lv, []pm{appr(m)})
		l.Year = year
		return l
	}
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		line(2020, budget.Principal, c(-800)), line(2020, budget.NotTargeted, c(300)), // total -500
		line(2021, budget.Principal, c(200)), line(2021, budget.NotTargeted, c(800)), // total 1000
		line(2022, budget.Principal, c(0)), line(2022, budget.NotTargeted, c(0)), // total 0
	}...)}
	g, err := Gaps(b, GapOptions{Phase: budget.Approved, PhaseSet: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Change.Changes) != 2 {
		t.Fatalf("changes = %+v", g.Change.Changes)
	}
	ch := g.Change.Changes[0]
	if ch.Total.Rel.OK || ch.Total.Why != ReasonBaseNegative || ch.GEWE.Rel.OK || ch.GEWE.Why != ReasonBaseNegative {
		t.Errorf("2020→2021: total %+v %q, GEWE %+v %q; want undefined over a negative base", ch.Total.Rel, ch.Total.Why, ch.GEWE.Rel, ch.GEWE.Why)
	}
	if ch.Share.OK || ch.ShareWhy != ReasonBaseNegative {
		t.Errorf("2020→2021 share: %+v %q; want undefined, %q", ch.Share, ch.ShareWhy, ReasonBaseNegative)
	}
	if g.Change.Years[0].Share.Undefined() != ReasonBaseNegative {
		t.Errorf("2020 share: %+v; want undefined over a negative base", g.Change.Years[0].Share)
	}
	ch = g.Change.Changes[1]
	if !ch.Total.Rel.OK || ch.Total.Rel.V != -1 || ch.Total.Why != "" {
		t.Errorf("2021→2022 total: %+v %q; want -100%%", ch.Total.Rel, ch.Total.Why)
	}
	if ch.Share.OK || ch.ShareWhy != ReasonBaseZero {
		t.Errorf("2021→2022 share: %+v %q; want undefined, %q", ch.Share, ch.ShareWhy, ReasonBaseZero)
	}
}

// TestSharesNegativeTotal: the share of a group in a negative total is not
// a percentage.
func TestSharesNegativeTotal(t *testing.T) {
	c := budget.FromCents
	b := &budget.Budget{Lines: budget.LinesOf([]budget.Line{
		gapLine("A", budget.Principal, []pm{appr(c(300))}),
		gapLine("B", budget.NotTargeted, []pm{appr(c(-1000))}),
	}...)}
	r, err := Shares(b, Options{By: []Dim{ByUnit}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total.GEWEShare.Undefined() != ReasonBaseNegative {
		t.Errorf("total GEWE share: %+v; want undefined over a negative base", r.Total.GEWEShare)
	}
	for _, g := range r.Groups {
		if _, ok := g.Share.Value(); ok {
			t.Errorf("group %v: share of a negative total %+v is defined", g.Keys, g.Share)
		}
	}
}
