package analysis

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
