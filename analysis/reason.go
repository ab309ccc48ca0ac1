package analysis

import "github.com/grb-toolkit/grb/budget"

// A ReasonCode names what a result says in words: why a compliance rule
// passes or fails ([Reason]), what a budget shows about an SDG 5.c.1
// answer ([Finding]), or a note on a result ([Note]). Package analysis
// returns the code and the numbers its sentence needs; package reports
// has one sentence for each code, and nothing else words them. The
// reasons lines are left out of a measure ([Exclusion]) are codes too.
type ReasonCode string

// The reasons of a compliance rule ([Reason]).
const (
	// ReasonNoLines: a line share has no lines to count, so it is
	// undefined and the rule cannot pass.
	ReasonNoLines ReasonCode = "no_lines"
	// ReasonNoMoney: the amounts of Phase sum to 0 (or no line has one),
	// so a money share is undefined and the rule cannot pass.
	ReasonNoMoney ReasonCode = "no_money"
	// ReasonAllAtLevel: every one of Measured.Den lines is at Level or
	// above (an every_line rule that passes).
	ReasonAllAtLevel ReasonCode = "all_at_level"
	// ReasonLinesBelow: Missing of Measured.Den lines are below Level,
	// counted by level in Below (an every_line rule that fails).
	ReasonLinesBelow ReasonCode = "lines_below"
	// ReasonLineShare: Measured.Num of Measured.Den lines are at Level or
	// above, against Min; Shortfall more are needed when it fails.
	ReasonLineShare ReasonCode = "line_share"
	// ReasonScreenedLines: Measured.Num of Measured.Den lines are screened
	// for gender, against Min; Missing are not.
	ReasonScreenedLines ReasonCode = "screened_lines"
	// ReasonScreenedMoney: Measured.Num of Measured.Den cents of Phase are
	// screened for gender, against Min; Missing cents are not.
	ReasonScreenedMoney ReasonCode = "screened_money"
	// ReasonMoneyShare: Measured.Num of Measured.Den cents of Phase count
	// under Weighting (at Level or above, or as each line's declared GEWE
	// amount when Attributed), against Min; Shortfall cents are missing
	// when it fails.
	ReasonMoneyShare ReasonCode = "money_share"
	// ReasonGroups: Passed of Groups groups, by the dimensions Scope,
	// pass; every group must. Lowest is the group with the lowest value,
	// and LowestReason says why it passes or fails.
	ReasonGroups ReasonCode = "groups"
)

// The findings of an SDG 5.c.1 comparison ([Finding]). Their numbers are
// those of the [SDG5c1Evidence] they were found in, and the finding's own.
const (
	// FindingTagged (question 2.5): Tagged of the Lines carry a gender
	// marker (with their share of the money, Tags, when defined); ByRules
	// more were tagged by grb's rules and are not counted.
	FindingTagged ReasonCode = "tagged"
	// FindingUntagged (question 2.5): none of the Lines carries a gender
	// marker; ByRules were tagged by grb's rules and are not counted. A
	// file without markers is no evidence that the government does not
	// tag its budget: the finding suggests nothing and contradicts
	// nothing.
	FindingUntagged ReasonCode = "untagged"
	// FindingGEWE (question 1.1): GEWE lines have gender equality as a
	// significant or the principal objective.
	FindingGEWE ReasonCode = "gewe_lines"
	// FindingSexData (question 2.3): SexData lines give beneficiaries by
	// sex.
	FindingSexData ReasonCode = "sex_data"
	// FindingShareNotAnswered (the optional question): no share is stated;
	// the budget gives the evidence's Shares, with NotScreened money in
	// none of them.
	FindingShareNotAnswered ReasonCode = "share_not_answered"
	// FindingShareOutside (the optional question): the Stated share lies
	// outside Low to High (Top with the money not screened) by more than
	// the tolerance. It is a contradiction only when the evidence's
	// WholeBudget says the file covers the whole budget.
	FindingShareOutside ReasonCode = "share_outside"
	// FindingShareWithin (the optional question): the Stated share lies
	// within what the budget allows: the evidence's Shares, with
	// NotScreened money in none of them.
	FindingShareWithin ReasonCode = "share_within"
)

// The notes on a result ([Note]): on a compliance check, an SDG 5.c.1
// comparison, shares, gaps or a diff.
const (
	// NoteJudgedPerCurrency (compliance): the lines are in N currencies,
	// so amount rules are judged within each.
	NoteJudgedPerCurrency ReasonCode = "judged_per_currency"
	// NoteNoAmount (compliance): N lines have no amount of Phase; they
	// count in line rules only.
	NoteNoAmount ReasonCode = "no_amount"
	// NoteNoLineYears (SDG 5.c.1): the budget's lines carry no fiscal
	// year, so every line is compared.
	NoteNoLineYears ReasonCode = "no_line_years"
	// NoteNoQuestionnaireYear (SDG 5.c.1): the questionnaire gives no
	// fiscal year, so every line is compared.
	NoteNoQuestionnaireYear ReasonCode = "no_questionnaire_year"
	// NoteNoLinesOfYear (SDG 5.c.1): the budget has no lines of fiscal
	// year Year; it has Years.
	NoteNoLinesOfYear ReasonCode = "no_lines_of_year"
	// NoteNoLines (SDG 5.c.1): the budget has no lines.
	NoteNoLines ReasonCode = "budget_empty"
	// NoteShareCurrencies (SDG 5.c.1): the lines are in N currencies, so
	// the share of the budget cannot be computed.
	NoteShareCurrencies ReasonCode = "share_currencies"
	// NoteNoMoney (SDG 5.c.1): there is no money of Phase, so the share of
	// the budget is undefined.
	NoteNoMoney ReasonCode = "share_no_money"
	// NoteSameYear (SDG 5.c.1 tracking): Sources[0] and Sources[1] both
	// answer for fiscal year Year.
	NoteSameYear ReasonCode = "same_year"
	// NoteNoYear (SDG 5.c.1 tracking): Sources[0] gives no fiscal year and
	// is listed last.
	NoteNoYear ReasonCode = "no_year"
	// NoteGroupedByCurrency (shares): the lines are in N currencies, so
	// they are grouped by currency first.
	NoteGroupedByCurrency ReasonCode = "grouped_by_currency"
	// NoteNoPhaseAmount (shares): no line has an amount of Phase, so
	// every share is undefined.
	NoteNoPhaseAmount ReasonCode = "no_phase_amount"
	// NotePhaseFallback (shares): the phase Asked (not given by the
	// user) has no money and Phase is the only phase that has, in N
	// lines, so Phase is analysed ([ChoosePhase]).
	NotePhaseFallback ReasonCode = "phase_fallback"
	// NotePhaseElsewhere (shares): Phase has no money, and the phases
	// Phases have; Phase is kept because the user gave it, or because
	// more than one other phase has money.
	NotePhaseElsewhere ReasonCode = "phase_elsewhere"
	// NoteNoYearLines (gaps): N lines have no fiscal year and are left
	// out of the change by year.
	NoteNoYearLines ReasonCode = "no_year_lines"
	// NoteNoExecution (gaps): no line has both an executed amount and an
	// approved or revised one, so execution rates are undefined.
	NoteNoExecution ReasonCode = "no_execution"
	// NoteOldYears, NoteNewYears (diff): the old (new) budget has lines of
	// the fiscal years Years (0: no year), so lines of different years
	// with the same key cannot be paired.
	NoteOldYears ReasonCode = "old_years"
	NoteNewYears ReasonCode = "new_years"
	// NoteAmbiguousKeys (diff): N keys match more than one line on a
	// side, and their lines are not paired.
	NoteAmbiguousKeys ReasonCode = "ambiguous_keys"
)

// The reasons a share or a change is undefined: it is not a percentage
// when its base is not positive ([Ratio.Undefined], [Delta].Why).
const (
	// ReasonBaseZero: the base (the denominator, or the old amount of a
	// change) is zero.
	ReasonBaseZero ReasonCode = "base_zero"
	// ReasonBaseNegative: the base is negative (net reversals or
	// repayments): a share of it or a change from it has no meaning as a
	// percentage.
	ReasonBaseNegative ReasonCode = "base_negative"
)

// The reasons lines are left out of a measure ([Exclusion]).
const (
	// ExclusionNoExecuted: the line has no executed amount.
	ExclusionNoExecuted ReasonCode = "no_executed"
	// ExclusionNoBudget: the line has an executed amount but no approved
	// or revised one.
	ExclusionNoBudget ReasonCode = "no_budget"
	// ExclusionNoCounts: the line has no beneficiary count.
	ExclusionNoCounts ReasonCode = "no_counts"
	// ExclusionNegativeCount: the line has a negative beneficiary count.
	ExclusionNegativeCount ReasonCode = "negative_count"
)

// Reason says why a compliance rule, or one group of its lines, passes or
// fails: a code and the values its sentence needs. Each code's comment
// names the fields it uses.
type Reason struct {
	Code ReasonCode
	// Measured is the value judged: the whole budget's, one group's
	// (InGroup), or the lowest group's (ReasonGroups).
	Measured Measured
	Pass     bool
	Phase    budget.Phase
	// The rule's terms: the threshold in basis points, the lowest level
	// that counts, and the weighting convention by name (Attributed: it
	// counts each line's declared GEWE amount).
	Min        int
	Level      budget.Level
	Weighting  string
	Attributed bool
	// InGroup says that Measured is one group's money, not the whole
	// budget's; OnThreshold that it is exactly Min, which passes.
	InGroup     bool
	OnThreshold bool
	// Shortfall is how many more lines (whole units) or how much more
	// money would meet Min (0 when it
	// passes); Missing how many are not counted (Den − Num): below Level,
	// or not screened.
	Shortfall budget.Money
	Missing   budget.Money
	// Below counts the lines below Level by level, highest level first
	// (ReasonLinesBelow).
	Below []LevelCount
	// Passed of Groups groups pass, grouped by Scope; Lowest is the
	// lowest group, and LowestReason why it passes or fails
	// (ReasonGroups).
	Passed, Groups int
	Scope          []Dim
	Lowest         []Key
	LowestReason   *Reason
}

// LevelCount is a number of lines at one marker level.
type LevelCount struct {
	Level budget.Level
	Lines int
}

// Note is a remark on a result that its numbers alone do not make: a code
// and its values. Each code's comment names the fields it uses.
type Note struct {
	Code    ReasonCode
	N       int // a number of currencies or lines
	Phase   budget.Phase
	Year    int
	Years   []int
	Sources []string
	Asked   budget.Phase   // the phase asked for (NotePhaseFallback)
	Phases  []budget.Phase // phases with money (NotePhaseElsewhere)
}
