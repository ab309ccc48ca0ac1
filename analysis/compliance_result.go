package analysis

import (
	"math/big"
	"strconv"

	"github.com/grb-toolkit/grb/budget"
)

// Measured is a measured value with its numerator and denominator: amounts
// of money (UnitAmount) or a number of lines as whole units (UnitLines).
type Measured struct {
	Unit Unit
	// Num and Den are amounts of money, or (UnitLines) counts of lines as
	// whole units.
	Num, Den budget.Money
}

// lines returns a count of lines held as whole units.
func lines(m budget.Money) int64 {
	c, _ := m.Cents()
	return c / 100
}

// Lines returns Num and Den as counts of lines (UnitLines).
func (m Measured) Lines() (num, den int64) { return lines(m.Num), lines(m.Den) }

// Value returns Num/Den, and false when Den is 0.
func (m Measured) Value() (float64, bool) {
	if m.Den.IsZero() {
		return 0, false
	}
	return quo(m.Num, m.Den), true
}

// MarshalJSON writes {"unit":…, "num":…, "den":…, "value":… or null},
// money as exact decimals.
func (m Measured) MarshalJSON() ([]byte, error) {
	num, den := m.Num.String(), m.Den.String()
	if m.Unit != UnitAmount {
		n, d := m.Lines()
		num, den = strconv.FormatInt(n, 10), strconv.FormatInt(d, 10)
	}
	val := "null"
	if v, ok := m.Value(); ok {
		val = strconv.FormatFloat(v, 'g', -1, 64)
	}
	return []byte(`{"unit":"` + string(m.Unit) + `","num":` + num + `,"den":` + den + `,"value":` + val + `}`), nil
}

// meets reports whether m is at least min basis points, exactly: a value
// on the threshold passes. An undefined value does not.
func (m Measured) meets(min int) bool {
	if m.Den.IsZero() {
		return false
	}
	// Num/Den ≥ min/10000  ⇔  Num·10000 ≥ min·Den (for Den > 0).
	l := new(big.Int).Mul(m.Num.Big(), big.NewInt(10000))
	r := new(big.Int).Mul(big.NewInt(int64(min)), m.Den.Big())
	if m.Den.Sign() < 0 {
		return l.Cmp(r) <= 0
	}
	return l.Cmp(r) >= 0
}

// shortfall returns how much Num must grow, Den unchanged, to meet min:
// min·Den/10000 − Num rounded up to a whole line (UnitLines) or to the
// finest unit the amounts are written in (at least the cent), or 0.
func (m Measured) shortfall(min int) budget.Money {
	if m.Den.Sign() <= 0 {
		return budget.Money{}
	}
	need := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(int64(min)), m.Den.Big()), big.NewInt(10000))
	need.Sub(need, new(big.Rat).SetInt(m.Num.Big()))
	if need.Sign() <= 0 {
		return budget.Money{}
	}
	d := 0
	if m.Unit == UnitAmount {
		d = finest(m.Num, m.Den)
	}
	u := budget.Unit(d).Big()
	q, r := new(big.Int).QuoRem(need.Num(), new(big.Int).Mul(need.Denom(), u), new(big.Int))
	if r.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	v, ok := budget.FromBig(q.Mul(q, u))
	if !ok {
		return budget.Money{}
	}
	return v
}

// exactly reports whether m equals min basis points exactly.
func (m Measured) exactly(min int) bool {
	return new(big.Int).Mul(m.Num.Big(), big.NewInt(10000)).Cmp(new(big.Int).Mul(big.NewInt(int64(min)), m.Den.Big())) == 0
}

// lower reports whether a is a lower value than b; an undefined value is
// the lowest.
func lower(a, b Measured) bool {
	va, oka := a.Value()
	vb, okb := b.Value()
	if !oka || !okb {
		return !oka && okb
	}
	return va < vb
}

// LineRef is a budget line that drives a failure.
type LineRef struct {
	Index       int             `json:"index"` // in Budget.Lines
	Pos         budget.Position `json:"position"`
	Unit        string          `json:"unit,omitempty"` // administrative unit label
	Description string          `json:"description"`
	Amount      budget.Money    `json:"amount"` // in the phase checked; 0 when absent
	HasAmount   bool            `json:"has_amount"`
	Level       budget.Level    `json:"level"`
	Raw         string          `json:"marker,omitempty"` // the marker as written
}

// GroupCheck is a rule judged within one group of lines.
type GroupCheck struct {
	Keys     []Key    `json:"keys"`
	Pass     bool     `json:"pass"`
	Measured Measured `json:"measured"`
	Why      Reason   `json:"-"` // package reports writes it as "why", in words
}

// RuleResult is the outcome of one rule.
type RuleResult struct {
	Rule Rule `json:"rule"`
	Pass bool `json:"pass"`
	// Measured is the measured value: for a rule with Per, that of the
	// lowest group (the one furthest below, or closest to, the
	// threshold).
	Measured Measured     `json:"measured"`
	Why      Reason       `json:"-"` // package reports writes it as "why", in words
	Groups   []GroupCheck `json:"groups,omitempty"`
	// Lines are the lines that drive a failure, largest amount first:
	// the lines below the level (not screened, for coverage; without a
	// declared GEWE amount, for the attributed weighting), in the groups
	// that fail. Empty when the rule passes. Every such line is listed;
	// writers cap the listing.
	Lines []LineRef `json:"lines"`
}

// CheckResult is the outcome of Check.
type CheckResult struct {
	Source     string       `json:"source"` // the budget's file name
	Profile    Profile      `json:"profile"`
	Year       int          `json:"year,omitempty"`       // the fiscal year checked, with CheckYears; 0: every line, or the lines of no stated year
	YearLabel  string       `json:"year_label,omitempty"` // as the lines write it, such as "2024-25"
	Phase      budget.Phase `json:"phase"`
	Lines      int          `json:"lines"`
	Pass       bool         `json:"pass"`       // every rule passes
	Failed     int          `json:"failed"`     // rules that fail, advisory rules apart
	Advisory   int          `json:"advisory"`   // advisory rules below their aim: reported, not failing the check
	Unverified int          `json:"unverified"` // rules whose threshold is unverified
	Rules      []RuleResult `json:"rules"`
	// Notes are NoteJudgedPerCurrency and NoteNoAmount, when they apply;
	// package reports writes them as "warnings", in words.
	Notes []Note `json:"-"`
	// InputErrors counts the budget's issues of severity Error: rows or
	// values that could not be read and are not in the figures.
	InputErrors int `json:"input_errors"`
}
