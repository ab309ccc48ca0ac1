package analysis

import (
	"strconv"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// genLines makes n lines over 120 units, all marker levels, a third of
// them split between two objectives.
func genLines(n int) *budget.Budget {
	b := &budget.Budget{Lines: make([]budget.Line, n)}
	units := make([]string, 120)
	for i := range units {
		units[i] = strconv.Itoa(100 + i)
	}
	levels := budget.Levels()
	for i := range b.Lines {
		l := &b.Lines[i]
		l.Unit.Code = units[i%len(units)]
		l.Currency = "USD"
		l.Year = 2025
		l.Amounts.Set(budget.Approved, budget.Money(100000+i%99991))
		l.Amounts.Set(budget.Executed, budget.Money(90000+i%88883))
		l.Gender.Level = levels[i%len(levels)]
		o := 1 + i%23
		if i%3 == 0 {
			l.Objectives = []budget.ObjectiveShare{{Objective: o, Share: 6000}, {Objective: 1 + (o+7)%23, Share: 4000}}
		} else {
			l.Objectives = []budget.ObjectiveShare{{Objective: o, Share: 10000}}
		}
	}
	return b
}

// BenchmarkShares groups 1,000,000 lines by objective × ministry × marker.
func BenchmarkShares(b *testing.B) {
	bud := genLines(1_000_000)
	opt := Options{By: []Dim{ByObjective, ByUnit, ByMarker}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := Shares(bud, opt)
		if err != nil {
			b.Fatal(err)
		}
		if r.Total.Lines != 1_000_000 {
			b.Fatal(r.Total.Lines)
		}
	}
}
