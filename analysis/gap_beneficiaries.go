package analysis

import (
	"github.com/grb-toolkit/grb/budget"
)

// BeneficiaryGap compares the women and girls among the counted
// beneficiaries with a reference population, and the money per female
// and per male beneficiary.
type BeneficiaryGap struct {
	Lines    int         `json:"lines"`   // lines with at least one count
	Partial  int         `json:"partial"` // of which some of women, men, girls, boys are absent (counted 0)
	Excluded []Exclusion `json:"excluded,omitempty"`

	Women int64 `json:"women"`
	Men   int64 `json:"men"`
	Girls int64 `json:"girls"`
	Boys  int64 `json:"boys"`
	Other int64 `json:"other"`

	Female int64 `json:"female"` // women + girls
	Male   int64 `json:"male"`   // men + boys
	Total  int64 `json:"total"`  // female + male + other
	// FemaleShare is Female ÷ Total.
	FemaleShare Float   `json:"female_share"`
	Reference   float64 `json:"reference"` // ReferenceWomenShare; 0 = none
	// Gap is (FemaleShare − Reference) × 100 in percentage points;
	// undefined without a reference.
	Gap Float `json:"gap_points"`

	// MoneyLines are the lines with counts, a positive total count and
	// an amount in the phase. Each line's amount is shared among its
	// beneficiaries: FemaleMoney = Σ amount × female ÷ total over these
	// lines, likewise MaleMoney and OtherMoney (currency units, floats:
	// these are estimates, not ledger sums).
	MoneyLines   int     `json:"money_lines"`
	FemaleFunded int64   `json:"female_funded"` // female beneficiaries of MoneyLines
	MaleFunded   int64   `json:"male_funded"`
	FemaleMoney  float64 `json:"female_money"`
	MaleMoney    float64 `json:"male_money"`
	OtherMoney   float64 `json:"other_money"`
	PerFemale    Float   `json:"per_female"`     // FemaleMoney ÷ FemaleFunded
	PerMale      Float   `json:"per_male"`       // MaleMoney ÷ MaleFunded
	FemaleToMale Float   `json:"female_to_male"` // PerFemale ÷ PerMale
}

// beneficiaryTally accumulates the beneficiary gap line by line.
type beneficiaryTally struct {
	gap                 BeneficiaryGap
	noCounts, negCounts int
}

// count returns c's number, 0 when it is absent.
func count(c budget.Count) int64 {
	if c.OK {
		return c.N
	}
	return 0
}

// anyNegative reports whether one of bn's counts is negative.
func anyNegative(bn *budget.Beneficiaries) bool {
	return bn.Women.N < 0 || bn.Men.N < 0 || bn.Girls.N < 0 || bn.Boys.N < 0 || bn.Other.N < 0
}

// partial reports whether one of bn's women, men, girls or boys is absent.
func partial(bn *budget.Beneficiaries) bool {
	return !bn.Women.OK || !bn.Men.OK || !bn.Girls.OK || !bn.Boys.OK
}

// add counts the beneficiaries of line l, or the reason it is left out,
// and shares its amount in the phase among them.
func (t *beneficiaryTally) add(a *adder, l *budget.Line, phase budget.Phase) {
	bn := l.Beneficiaries
	if bn == nil || !bn.Any() {
		t.noCounts++
		return
	}
	if anyNegative(bn) {
		t.negCounts++
		return
	}
	bg := &t.gap
	bg.Lines++
	if partial(bn) {
		bg.Partial++
	}
	bg.Women = a.addN(bg.Women, count(bn.Women))
	bg.Men = a.addN(bg.Men, count(bn.Men))
	bg.Girls = a.addN(bg.Girls, count(bn.Girls))
	bg.Boys = a.addN(bg.Boys, count(bn.Boys))
	bg.Other = a.addN(bg.Other, count(bn.Other))
	f := a.addN(count(bn.Women), count(bn.Girls))
	m := a.addN(count(bn.Men), count(bn.Boys))
	n := a.addN(a.addN(f, m), count(bn.Other))
	amt, ok := l.Amounts.Get(phase)
	if !ok || n == 0 {
		return
	}
	bg.MoneyLines++
	bg.FemaleFunded = a.addN(bg.FemaleFunded, f)
	bg.MaleFunded = a.addN(bg.MaleFunded, m)
	perHead := amt.Float() / float64(n)
	bg.FemaleMoney += perHead * float64(f)
	bg.MaleMoney += perHead * float64(m)
	bg.OtherMoney += perHead * float64(count(bn.Other))
}

// result returns the beneficiary gap with its totals, shares and money
// per head, against the reference women's share ref (0: none).
func (t *beneficiaryTally) result(a *adder, ref float64) BeneficiaryGap {
	bg := t.gap
	bg.Reference = ref
	if t.noCounts > 0 {
		bg.Excluded = append(bg.Excluded, Exclusion{Reason: ExclusionNoCounts, Lines: t.noCounts})
	}
	if t.negCounts > 0 {
		bg.Excluded = append(bg.Excluded, Exclusion{Reason: ExclusionNegativeCount, Lines: t.negCounts})
	}
	bg.Female = a.addN(bg.Women, bg.Girls)
	bg.Male = a.addN(bg.Men, bg.Boys)
	bg.Total = a.addN(a.addN(bg.Female, bg.Male), bg.Other)
	if bg.Total > 0 {
		bg.FemaleShare = defined(float64(bg.Female) / float64(bg.Total))
		if ref > 0 {
			bg.Gap = defined((bg.FemaleShare.V - ref) * 100)
		}
	}
	if bg.FemaleFunded > 0 {
		bg.PerFemale = defined(bg.FemaleMoney / float64(bg.FemaleFunded))
	}
	if bg.MaleFunded > 0 {
		bg.PerMale = defined(bg.MaleMoney / float64(bg.MaleFunded))
	}
	if bg.PerFemale.OK && bg.PerMale.OK && bg.PerMale.V != 0 {
		bg.FemaleToMale = defined(bg.PerFemale.V / bg.PerMale.V)
	}
	return bg
}
