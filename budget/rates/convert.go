package rates

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// Decimals is the precision of a converted amount: each amount of each
// line is rounded once, halves away from zero, to 0.01 of its currency,
// after its exact conversion and deflation.
const Decimals = 2

// Options say how Convert converts a budget.
type Options struct {
	To         string // ISO 4217 code of the currency to convert to; "" keeps each line's
	FiscalRule string // End (the default) or Weighted
	// FiscalStart is the month (2–12) fiscal years written as "2015-16"
	// begin in, for Weighted; 0 when unknown.
	FiscalStart int
	// Prices is the base year of constant prices; 0 keeps current prices.
	Prices int
	// Deflator is the series constant prices are computed with: "gdp"
	// (the default), "cpi" or "dac".
	Deflator string
	// Deflators are the user's price indices by year (--deflators); when
	// set they win over Deflator and deflate every line.
	Deflators     map[int]float64
	DeflatorsName string
}

// Convert returns a copy of b whose amounts are converted to opt.To at
// the annual average rate of each line's fiscal year and, when
// opt.Prices is set, deflated to that year's prices; the choices, with
// the rates and indices used and their sources, are recorded as
// decisions. A missing rate or index is an error naming the currency and
// year.
func Convert(b *budget.Budget, t *Table, opt Options) (*budget.Budget, error) {
	if opt.FiscalRule == "" {
		opt.FiscalRule = End
	}
	if opt.Deflator == "" {
		opt.Deflator = "gdp"
	}
	if opt.Prices != 0 && opt.Deflators == nil && opt.Deflator == "dac" && opt.To != "" && opt.To != "USD" {
		return nil, errors.New("DAC deflators are for US dollar figures: use --to USD with --deflator dac")
	}
	c := &converter{t: t, opt: opt, factors: map[factorKey]*big.Rat{}, failed: map[factorKey]error{}, rates: map[key]Value{}, index: map[key]*big.Rat{}, from: map[string]int{}, straddle: map[string]bool{}}
	out := *b
	out.Decisions = slices.Clone(b.Decisions)
	out.Lines = budget.Lines{}
	out.Lines.Grow(b.Lines.Len())
	var probs issues
	for i := range b.Lines.Len() {
		l := b.Lines.At(i)
		f, err := c.factor(&l)
		if err != nil {
			probs.add(err, &l)
			continue
		}
		if l.Amounts, err = scale(l.Amounts, f); err == nil && l.GEWE != nil {
			g, e := scale(*l.GEWE, f)
			l.GEWE, err = &g, e
		}
		if err != nil {
			probs.add(missing(CodeConvertOverflow, l.Currency, l.Year, "a converted amount is beyond what grb can hold: %v", err), &l)
			continue
		}
		if opt.To != "" {
			l.Currency = opt.To
		}
		out.Lines.Append(l)
	}
	if err := probs.err(b.Source); err != nil {
		return nil, err
	}
	c.decide(&out)
	return &out, nil
}

// scale returns every amount of a multiplied by f, rounded to Decimals.
func scale(a budget.Amounts, f *big.Rat) (budget.Amounts, error) {
	var out budget.Amounts
	for _, p := range budget.Phases() {
		m, ok := a.Get(p)
		if !ok {
			continue
		}
		v, ok := roundRat(new(big.Rat).Mul(m.Rat(), f), Decimals)
		if !ok {
			return out, budget.ErrOverflow
		}
		out.Set(p, v)
	}
	return out, nil
}

// roundRat returns r rounded to the given decimals, halves away from
// zero, as Money.
func roundRat(r *big.Rat, decimals int) (budget.Money, bool) {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	n := new(big.Int).Mul(new(big.Int).Abs(r.Num()), scale)
	q, rem := new(big.Int).QuoRem(n, r.Denom(), new(big.Int))
	if rem.Lsh(rem, 1).Cmp(r.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	q.Mul(q, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(budget.MoneyDecimals-decimals)), nil))
	if r.Sign() < 0 {
		q.Neg(q)
	}
	return budget.FromBig(q)
}

// factorKey is what a line's factor depends on.
type factorKey struct{ currency, label string }

// converter converts lines and remembers what it used.
type converter struct {
	t        *Table
	opt      Options
	factors  map[factorKey]*big.Rat
	failed   map[factorKey]error
	rates    map[key]Value    // currency-years whose rate was used
	index    map[key]*big.Rat // price index used, relative to the base year, by currency and year
	from     map[string]int   // lines by original currency
	straddle map[string]bool  // fiscal years over two calendar years
	lines    int
}

// factor returns what a line's amounts are multiplied by.
func (c *converter) factor(l *budget.Line) (*big.Rat, error) {
	c.lines++
	c.from[l.Currency]++
	k := factorKey{l.Currency, l.YearLabel + "|" + strconv.Itoa(l.Year)}
	if f, ok := c.factors[k]; ok {
		return f, nil
	}
	if err, ok := c.failed[k]; ok {
		return nil, err
	}
	f, err := c.compute(l)
	if err != nil {
		c.failed[k] = err
		return nil, err
	}
	c.factors[k] = f
	return f, nil
}

// compute returns what the amounts of a line of l's currency and fiscal
// year are multiplied by.
func (c *converter) compute(l *budget.Line) (*big.Rat, error) {
	shares, err := calendarShares(l, c.opt.FiscalRule, c.opt.FiscalStart)
	if err != nil {
		return nil, err
	}
	if len(shares) > 1 || (c.opt.FiscalRule == End && shares[0].year != l.Year && l.Year != 0) {
		c.straddle[l.YearLabel] = true
	}
	f := big.NewRat(1, 1)
	if c.opt.To != "" && l.Currency != c.opt.To {
		if l.Currency == "" {
			return nil, missing(CodeCurrencyMissing, "", l.Year, "the line states no currency, so it cannot be converted to %s (give --currency)", c.opt.To)
		}
		if f, err = c.cross(l.Currency, shares); err != nil {
			return nil, err
		}
	}
	if c.opt.Prices != 0 {
		d, err := c.deflate(l.Currency, shares)
		if err != nil {
			return nil, err
		}
		f.Mul(f, d)
	}
	return f, nil
}

// cross returns the month-weighted average of the rates from currency
// from to c.opt.To over the calendar years of shares.
func (c *converter) cross(from string, shares []share) (*big.Rat, error) {
	sum, months := new(big.Rat), 0
	for _, s := range shares {
		rf, err := c.t.PerUSD(from, s.year)
		if err != nil {
			return nil, err
		}
		rt, err := c.t.PerUSD(c.opt.To, s.year)
		if err != nil {
			return nil, err
		}
		c.rates[key{from, s.year}], c.rates[key{c.opt.To, s.year}] = rf, rt
		x := new(big.Rat).Quo(rt.Rat(), rf.Rat())
		sum.Add(sum, x.Mul(x, big.NewRat(int64(s.months), 1)))
		months += s.months
	}
	return sum.Quo(sum, big.NewRat(int64(months), 1)), nil
}

// deflate returns I[base] ÷ I[fiscal year] for amounts of currency cur
// (the target currency when converting), I of a fiscal year being the
// month-weighted average of its calendar years' indices.
func (c *converter) deflate(cur string, shares []share) (*big.Rat, error) {
	if c.opt.To != "" && c.opt.Deflator != "dac" {
		cur = c.opt.To
	}
	sum, months := new(big.Rat), 0
	for _, s := range shares {
		i, err := c.indexOf(cur, s.year)
		if err != nil {
			return nil, err
		}
		sum.Add(sum, new(big.Rat).Mul(i, big.NewRat(int64(s.months), 1)))
		months += s.months
	}
	return sum.Quo(big.NewRat(int64(months), 1), sum), nil
}

// indexOf returns the price index of cur in year relative to the base
// year (1 in the base year).
func (c *converter) indexOf(cur string, year int) (*big.Rat, error) {
	if i, ok := c.index[key{cur, year}]; ok {
		return i, nil
	}
	base := c.opt.Prices
	var i *big.Rat
	switch {
	case c.opt.Deflators != nil:
		b, ok1 := c.opt.Deflators[base]
		v, ok2 := c.opt.Deflators[year]
		if !ok1 || !ok2 {
			y := map[bool]int{true: year, false: base}[ok1]
			return nil, missing(CodeDeflatorMissing, "", y, "%s has no price index for %d", c.opt.DeflatorsName, y)
		}
		i = new(big.Rat).Quo(floatRat(v), floatRat(b))
	case c.opt.Deflator == "dac":
		b, err := c.t.DAC(cur, base)
		if err != nil {
			return nil, err
		}
		v, err := c.t.DAC(cur, year)
		if err != nil {
			return nil, err
		}
		i = new(big.Rat).Quo(v.Rat(), b.Rat())
	default:
		var err error
		if i, err = c.chain(cur, year); err != nil {
			return nil, err
		}
	}
	c.index[key{cur, year}] = i
	return i, nil
}

// chain returns the index of year relative to the base year, chained
// from the annual % changes of the years between them.
func (c *converter) chain(cur string, year int) (*big.Rat, error) {
	i := big.NewRat(1, 1)
	lo, hi := min(year, c.opt.Prices), max(year, c.opt.Prices)
	for y := lo + 1; y <= hi; y++ {
		v, err := c.t.Percent(c.opt.Deflator, cur, y)
		if err != nil {
			return nil, err
		}
		g := new(big.Rat).Quo(v.Rat(), big.NewRat(100, 1))
		i.Mul(i, g.Add(g, big.NewRat(1, 1)))
	}
	if year < c.opt.Prices {
		i.Inv(i)
	}
	return i, nil
}

// floatRat returns the decimal a user wrote for v (the shortest that
// reads back as v) as an exact rational.
func floatRat(v float64) *big.Rat {
	r, _ := new(big.Rat).SetString(strconv.FormatFloat(v, 'g', -1, 64))
	return r
}

// decide records the conversion's choices on b.
func (c *converter) decide(b *budget.Budget) {
	if c.opt.To != "" {
		b.Decide(budget.Decision{Topic: "currency", Choice: fmt.Sprintf("amounts converted to %s at the annual average rate of each line's fiscal year, exactly, then rounded to %s per amount; %s", c.opt.To, budget.Unit(Decimals), c.t.RateSourceText()), Evidence: c.rateEvidence(), Override: "--to CODE; --rate-source " + strings.Join(RateSources(), "|") + "; --rates FILE (units per US dollar) wins over the embedded tables"})
	}
	rule := "the rates and price indices of the calendar year a fiscal year ends in"
	if c.opt.FiscalRule == Weighted {
		rule = "the average of the calendar years' rates and price indices, weighted by the months of each the fiscal year covers"
	}
	if len(c.straddle) > 0 {
		labels := sortedKeys(c.straddle)
		b.Decide(budget.Decision{Topic: "fiscal-year-rate", Choice: rule, Evidence: fmt.Sprintf("%d fiscal years straddle two calendar years: %s", len(labels), clip(labels, 5)), Override: "--fiscal-year-rate end|weighted, --fiscal-year-start MONTH"})
	}
	if c.opt.Prices != 0 {
		b.Decide(budget.Decision{Topic: "prices", Choice: fmt.Sprintf("constant %d prices (base year %d)", c.opt.Prices, c.opt.Prices), Evidence: c.priceEvidence(), Override: "--prices constant:YEAR, --deflator cpi|gdp|dac, --deflators FILE"})
	}
}

// rateEvidence lists the rates used, by currency and year, with their
// sources.
func (c *converter) rateEvidence() string {
	var parts []string
	for _, cur := range sortedKeys(c.from) {
		parts = append(parts, format.Count(c.from[cur], "line")+" "+currencyName(cur))
	}
	s := strings.Join(parts, ", ") + "; rates in units per US dollar: "
	bySource := map[string][]string{}
	for _, k := range sortedRateKeys(c.rates) {
		v := c.rates[k]
		bySource[v.Source] = append(bySource[v.Source], fmt.Sprintf("%s %d %s", k.code, k.year, v.Text))
	}
	var srcs []string
	for _, src := range sortedKeys(bySource) {
		srcs = append(srcs, strings.Join(bySource[src], ", ")+" ("+src+")")
	}
	return s + strings.Join(srcs, "; ")
}

// priceEvidence names the price series and the indices used.
func (c *converter) priceEvidence() string {
	src := map[string]string{"cpi": SourceCPI, "gdp": SourceGDP, "dac": SourceDAC}[c.opt.Deflator]
	if c.opt.Deflators != nil {
		src = "user price indices " + c.opt.DeflatorsName
	}
	var parts []string
	for _, k := range sortedRateKeys(c.index) {
		cur := k.code
		if ctry := c.t.Country(cur); ctry != "" && c.opt.Deflators == nil && c.opt.Deflator != "dac" {
			cur += " (" + ctry + ")"
		}
		parts = append(parts, fmt.Sprintf("%s %d %s", cur, k.year, c.index[k].FloatString(6)))
	}
	return fmt.Sprintf("%s; price index relative to %d, by the currency of the amounts: %s", src, c.opt.Prices, strings.Join(parts, ", "))
}

func currencyName(c string) string {
	if c == "" {
		return "with no currency"
	}
	return "in " + c
}

func clip(s []string, n int) string {
	if len(s) <= n {
		return strings.Join(s, ", ")
	}
	return strings.Join(s[:n], ", ") + fmt.Sprintf(" and %d more", len(s)-n)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func sortedRateKeys[V any](m map[key]V) []key {
	out := make([]key, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b key) int {
		if c := strings.Compare(a.code, b.code); c != 0 {
			return c
		}
		return a.year - b.year
	})
	return out
}
