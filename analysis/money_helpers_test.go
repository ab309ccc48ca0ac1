package analysis

import "github.com/grb-toolkit/grb/budget"

// plus returns the sum of ms; tests never reach Money's range.
func plus(ms ...budget.Money) budget.Money {
	var s budget.Money
	for _, m := range ms {
		s, _ = budget.Add(s, m)
	}
	return s
}

// minus returns a-b.
func minus(a, b budget.Money) budget.Money {
	d, _ := a.Sub(b)
	return d
}

// hugeMoney is 10^20 currency units: two of them overflow Money.
var hugeMoney = func() budget.Money {
	m, _ := budget.FromUnits(1e18).Mul(100)
	return m
}()

// mustParse returns the exact decimal s as Money.
func mustParse(s string) budget.Money {
	m, err := budget.ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}
