// Package analysis is the second stage of grb's pipeline. It takes the
// *budget.Budget that package budget read (stage 1) and computes
// allocation shares, gender gaps, compliance checks, SDG 5.c.1 scores and
// the differences between two versions of a budget, as plain structs
// that package reports renders (stage 3). It imports budget, gonum and
// yaml (for profile and weighting files) only: never reports, templates,
// cmd, internal/format, excelize, gonum/plot or urfave/cli; it reads no
// files and formats nothing.
//
// It returns numbers and reason codes, never sentences: where a result
// says why (a compliance rule's pass or fail, what a budget shows about a
// 5.c.1 answer, a note on a result), it gives a [ReasonCode] with the
// values its sentence needs ([Reason], [Finding], [Note]), and package
// reports words it, so that the words can be translated in one place.
// The notes of [Shares], [Gaps] and [Diff] are [Note] codes too, and the
// reasons lines are left out of a measure are [Exclusion] codes. Every
// result carries its denominators and names the weighting convention
// that produced it; output order is deterministic.
//
// Money is summed exactly, as 128-bit integers of 10^-18 currency units
// ([budget.Money]): every sum is the exact decimal sum of the amounts as
// written. Floats appear
// only in ratios and indexes, computed with gonum's floats and stat
// packages; a ratio of money is a [Ratio] holding both sums, and a float
// that may be undefined is a [Float] with an OK flag, never NaN. "Points"
// below are percentage points. Amounts are those of the analysed phase
// (approved unless set); a line that does not give the phase counts 0.
// The weighting conventions are those of the OECD DAC, UN and EU sources
// each [Weighting] names.
//
// # Shares and coverage
//
// [Shares] groups the lines by the dimensions asked for (GCM objective,
// MPTF thematic area, unit, programme, year, marker level, currency) and
// gives, for each group g of a budget with total amount T:
//
//	share(g)      = amount(g) ÷ T
//	GEWE share(g) = GEWE(g) ÷ amount(g)
//	coverage(g)   = (amount(g) − not-screened amount(g)) ÷ amount(g)
//
// A line split between GCM objectives (shares in basis points adding to
// 10000) is apportioned by the largest-remainder method: each part gets
// ⌊amount × share ÷ 10000⌋ in the smallest unit the amount is written in
// (the cent for 1234.56, 10^-9 for 506.551191581; never coarser than the
// cent), and the units left over go to the parts with the largest
// remainders, earliest first, so the parts add up to the line exactly. A negative amount is apportioned by its absolute
// value and the parts negated. An objective that belongs to several
// thematic areas shares its part equally among them (the mapping is
// provisional). Coverage is a data-quality measure: a line with no marker
// is "not screened", which is not the same as "not targeted".
//
// # Weighting conventions
//
// GEWE money is the money counted as gender-relevant under a
// [Weighting], a weight in basis points by marker level:
//
//	dac_headline    principal 100 %, significant 100 %  upper bound; OECD DAC
//	principal_only  principal 100 %                     lower bound; UN 15 %
//	eu_100_40_0     principal 100 %, significant 40 %   EU Rio and cohesion policy
//	attributed      the GEWE amount each line declares  UN pooled funds
//
// Other levels count 0, and not-screened money always counts 0. For a
// group, GEWE = Σ over levels of weight × amount at that level, exactly
// (a weight in basis points adds at most four decimals; past Money's 18
// they are rounded half away from zero). Users can add conventions, such as
// graded weights, with [ParseWeightings]. No single international rule
// exists, so no gender share is shown without the name of its convention.
//
// # Target gap
//
// With a target t (0.15 for the UN 15 %) measured under the target's
// weighting (principal_only unless set), total T and GEWE money G:
//
//	gap    = (G ÷ T − t) × 100 points, negative below the target
//	needed = t × T − G rounded up to the cent, 0 when the target is met
//
// needed is the GEWE money missing with the total unchanged: money moved
// to gender equality, or re-marked. New money counted in full would also
// raise the total; reaching t that way takes (t × T − G) ÷ (1 − t). The
// target is taken as the decimal it is written as, so G = 0.2 × T meets a
// target of 0.2 exactly.
//
// # Execution rate and gap
//
// A line is measured when it has an executed amount E and a budget B: its
// revised amount if it has one, else its approved amount. Lines without
// either are left out and counted by reason. For a set S of measured
// lines:
//
//	rate(S) = Σ E ÷ Σ B over S
//	gap     = (rate(GEWE lines) − rate(other screened lines)) × 100 points
//
// GEWE lines are those the weighting counts (a weight above 0 at their
// level; under attributed, lines declaring a non-zero GEWE amount); the
// rates of the not-screened lines and of all lines are given too, for
// the whole budget and for each administrative unit. A rate is a ratio
// of sums, so large lines weigh more. Negative amounts, such as a cut
// recorded as its own line, enter the sums with their sign; a rate is
// undefined when its budget is not positive. Each rate gets a band:
//
//	A  |rate − 1| ≤ 5 %
//	B  |rate − 1| ≤ 10 %
//	C  |rate − 1| ≤ 15 %
//	D  beyond
//
// These are PEFA-style bands, as in PI-1/PI-2 of the PEFA framework:
// deviation within 5/10/15 %. They are not a PEFA score: PEFA measures
// outturn against the original approved budget over three years, while
// grb uses the revised amount where a line has one. Bands are decided
// exactly.
//
// # Beneficiary gap
//
// Over the lines with at least one beneficiary count (an absent count of
// women, men, girls or boys counts 0, and such lines are reported as
// partial; lines with a negative count are left out):
//
//	female share = Σ (women + girls) ÷ Σ (women + men + girls + boys + other)
//	gap          = (female share − reference share) × 100 points
//
// Money per beneficiary by sex shares each line's amount A among its
// beneficiaries in proportion to its counts (F female, M male, N in all,
// other included), over lines with N > 0 and an amount:
//
//	per female = Σ (A × F ÷ N) ÷ Σ F
//	per male   = Σ (A × M ÷ N) ÷ Σ M
//	ratio      = per female ÷ per male
//
// Dividing the money of all counted lines by all women and by all men
// would charge every line to both sexes; the formula above charges each
// line once. The money sums here are float estimates, not ledger sums.
//
// # Blind spots
//
// For objective 0 (General, the Compact as a whole) and each GCM
// objective 1–23, with split lines apportioned as in Shares: an objective
// with a positive amount and no positive GEWE money is a blind spot
// (listed with its amount and how much of it is not screened); an
// objective whose amount is not positive has no budget. Money with no
// objective is reported apart.
//
// # Concentration
//
// Over the n objectives with positive GEWE money g_i (objectives with
// negative net GEWE money are left out and reported; untagged money does
// not count), with p_i = g_i ÷ Σ g:
//
//	HHI       = Σ p_i²                 from 1/n (even) to 1 (one objective)
//	entropy   = −Σ p_i ln p_i ÷ ln n   from 0 (one objective) to 1 (even)
//	effective = 1 ÷ HHI                number of equally funded objectives
//
// With n = 0 all three are undefined; with n = 1, HHI is 1 and the
// normalised entropy 0.
//
// # Change by year
//
// Lines are grouped by fiscal year (lines with no year are left out and
// counted). For each pair of consecutive years t−1, t that both have
// money in the phase, for the total and for the GEWE money x:
//
//	change = x_t − x_t−1
//	rel    = change ÷ x_t−1, undefined when x_t−1 ≤ 0
//
// and the GEWE share's change in points. A missing year breaks the
// chain: there is no change across it. These are nominal. When the
// deflators give a price index I for a year, its real amount is
// x × I_base ÷ I_year, rounded to the cent, in the prices of the base
// year: the latest year with money in the phase and an index. Real
// changes are given when both years have an index.
//
// # Version diff
//
// [Diff] matches the lines of two budgets by ID, or by unit, programme
// and description, or aggregates them by unit and programme. Items on
// one side only are added or cut; an item on both sides is kept, and
// listed as changed (amount), re-marked (marker levels, or a non-zero
// re-marking effect) or re-tagged (GCM objectives). A key that several
// lines carry on one side while the other side has it too is ambiguous:
// reported, never paired. In Diff, a line's GEWE money is its own
// weighted amount, exactly, so totals under eu_100_40_0 equal Shares'.
//
// The change in GEWE money is decomposed as
//
//	net = added − cut + amount + re-marking + ambiguous
//
// where added and cut are the GEWE money of added and cut items, and
// ambiguous is the new minus the old GEWE money of ambiguous keys. A kept
// item with old amount A0 and GEWE money G0, new A1 and G1, is valued at
// C, its new amount under its old marking:
//
//	line, level weighting     C = w_old × A1
//	attributed, or programme  C = round(G0 × A1 ÷ A0), or G1 when A0 = 0
//	amount effect             = C − G0
//	re-marking effect         = G1 − C
//
// where round is to the finest unit the three amounts are written in
// (at least the cent), halves away from zero; w_old × A1 is exact.
//
// For a programme the re-marking effect is the change of its mix of
// markers. Each line of either budget falls in exactly one of added or
// cut, kept and ambiguous, and the two effects of a kept item add up to
// G1 − G0, so the terms add up to the net change exactly.
//
// # Compliance, SDG 5.c.1 and tagging evaluation
//
// [Check] evaluates a compliance [Profile] (YAML data; built-in ones for
// the Migration MPTF, the UN 15 %, UNDP and EU GAP III, unverified
// thresholds flagged) on a budget: each rule's measured share with its
// numerator and denominator, pass or fail (a value exactly on the
// threshold passes), why as a [Reason], and the lines that drive a
// failure. [ScoreSDG5c1]
// scores an SDG 5.c.1 questionnaire as the indicator's metadata says
// (criteria met at 2 of 3, 4 of 7 and 2 of 3 Yes; cases A–H) and, given a
// budget, reports contradictions between the answers and the budget's
// tagging as [Finding] codes; [TrackSDG5c1] orders several years. [Evaluate] compares
// suggested tags with hand-tagged ones: precision, recall and F1 per
// objective and marker level, and a confusion matrix.
package analysis
