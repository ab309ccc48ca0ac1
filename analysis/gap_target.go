package analysis

import (
	"math/big"

	"github.com/grb-toolkit/grb/budget"
)

// TargetGap compares the GEWE share with a target.
type TargetGap struct {
	Weighting string  `json:"weighting"` // the convention the target is measured under
	Target    float64 `json:"target"`    // as a fraction: 0.15
	Share     Ratio   `json:"share"`     // GEWE money ÷ total money
	// Gap is (share − target) × 100, in percentage points: negative
	// below the target. Undefined when the total is not positive.
	Gap Float `json:"gap_points"`
	Met bool  `json:"met"`
	// Needed is the GEWE money missing to reach the target with the
	// total unchanged (money moved to, or re-marked as, gender
	// equality): ⌈target × total − GEWE⌉, rounded up to the cent; 0 when
	// the target is met or the total is not positive.
	Needed budget.Money `json:"needed"`
}

func targetGap(g Group, name string, target float64) *TargetGap {
	t := &TargetGap{Weighting: name, Target: target, Share: Ratio{Num: g.GEWE, Den: g.Amount}}
	if g.Amount.Sign() <= 0 {
		return t
	}
	t.Gap = defined((quo(g.GEWE, g.Amount) - target) * 100)
	need := new(big.Rat).Mul(decimalRat(target), ratMoney(g.Amount))
	need.Sub(need, ratMoney(g.GEWE))
	if need.Sign() <= 0 {
		t.Met = true
		return t
	}
	// up to the cent: need × 100, rounded up
	need.Mul(need, big.NewRat(100, 1))
	q, m := new(big.Int).QuoRem(need.Num(), need.Denom(), new(big.Int))
	if m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	t.Needed, _ = budget.FromBig(q.Mul(q, budget.FromCents(1).Big())) // ≤ target × total ≤ total
	return t
}
