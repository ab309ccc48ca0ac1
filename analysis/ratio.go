package analysis

import (
	"math"
	"strconv"

	"github.com/grb-toolkit/grb/budget"
)

// Ratio is a share with its numerator and denominator, so that a reader
// can recompute it. Its value is undefined when the denominator is not
// positive: a share of zero, or of a negative total (net reversals or
// repayments), is not a percentage. Undefined says why.
type Ratio struct {
	Num, Den budget.Money
}

// Value returns Num/Den, and false when Den is zero or negative.
func (r Ratio) Value() (float64, bool) {
	if r.Den.Sign() <= 0 {
		return 0, false
	}
	return quo(r.Num, r.Den), true
}

// Undefined says why the ratio is undefined: ReasonBaseZero or
// ReasonBaseNegative; "" when it is defined.
func (r Ratio) Undefined() ReasonCode { return baseReason(r.Den) }

// baseReason says why a share of base, or a change from it, is not a
// percentage: "" when base is positive.
func baseReason(base budget.Money) ReasonCode {
	switch base.Sign() {
	case 0:
		return ReasonBaseZero
	case -1:
		return ReasonBaseNegative
	}
	return ""
}

// MarshalJSON writes {"num":…, "den":…, "value":…}, or with "value":null
// and "undefined" the reason code when the ratio is undefined.
func (r Ratio) MarshalJSON() ([]byte, error) {
	v, ok := r.Value()
	val := "null"
	if ok {
		val = strconv.FormatFloat(v, 'g', -1, 64)
	} else {
		val += `,"undefined":"` + string(r.Undefined()) + `"`
	}
	return []byte(`{"num":` + r.Num.String() + `,"den":` + r.Den.String() + `,"value":` + val + `}`), nil
}

// Float is a number that may be undefined, such as a ratio whose
// denominator is zero or an index over an empty set. OK is false when it
// is undefined, and V is then 0: it is never NaN or infinite.
type Float struct {
	V  float64
	OK bool
}

// defined returns v as a defined Float, or an undefined one when v is NaN
// or infinite.
func defined(v float64) Float {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Float{}
	}
	return Float{V: v, OK: true}
}

// MarshalJSON writes the number, or null when it is undefined.
func (f Float) MarshalJSON() ([]byte, error) {
	if !f.OK {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f.V, 'g', -1, 64), nil
}
