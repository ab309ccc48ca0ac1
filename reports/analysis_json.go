package reports

import (
	"io"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// WriteAnalysisJSON writes the shares, gaps and diff of `grb analyze` as
// one indented JSON object: {"shares": …, "gaps": …, "diff": …,
// "budget_and_aid": …, "decisions": […]}, diff, budget_and_aid (the
// government budget beside donor aid, j) and decisions left out when
// empty. Each result's notes and the reasons lines are left
// out of a measure are written in words ("warnings", "reason"), as the
// text writers word them.
func WriteAnalysisJSON(w io.Writer, r *analysis.Result, g *analysis.GapResult, d *analysis.DiffResult, j *JoinView, decisions []budget.Decision) error {
	v := struct {
		Shares *sharesJSON `json:"shares"`
		Gaps   *gapsJSON   `json:"gaps"`
		Diff   *diffJSON   `json:"diff,omitempty"`
		Join   *JoinView   `json:"budget_and_aid,omitempty"`
		// Decisions are the choices made on evidence while reading and
		// converting: a converted figure's rates, sources and vintages.
		Decisions []budget.Decision `json:"decisions,omitempty"`
	}{Join: j, Decisions: decisions}
	if r != nil {
		v.Shares = &sharesJSON{Result: r, Warnings: notesText(r.Notes)}
	}
	if g != nil {
		v.Gaps = newGapsJSON(g)
	}
	if d != nil {
		v.Diff = &diffJSON{DiffResult: d, Warnings: notesText(d.Notes)}
	}
	return WriteJSON(w, v)
}

// sharesJSON is an analysis.Result with its notes in words, last.
type sharesJSON struct {
	*analysis.Result
	Warnings []string `json:"warnings,omitempty"`
}

// diffJSON is an analysis.DiffResult with its notes in words, last.
type diffJSON struct {
	*analysis.DiffResult
	Warnings []string `json:"warnings,omitempty"`
}

// gapsJSON is an analysis.GapResult, field for field in its order, with
// the reasons lines are left out of a measure and its notes in words.
// TestGapsJSONFields fails when the two part.
type gapsJSON struct {
	Phase         budget.Phase           `json:"phase"`
	Weighting     string                 `json:"weighting"`
	Lines         int                    `json:"lines"`
	Target        *analysis.TargetGap    `json:"target,omitempty"`
	Execution     executionGapJSON       `json:"execution"`
	Beneficiaries beneficiaryGapJSON     `json:"beneficiaries"`
	BlindSpots    analysis.BlindSpots    `json:"blind_spots"`
	Concentration analysis.Concentration `json:"concentration"`
	Change        analysis.Change        `json:"change"`
	Warnings      []string               `json:"warnings,omitempty"`
}

func newGapsJSON(g *analysis.GapResult) *gapsJSON {
	b := g.Beneficiaries
	return &gapsJSON{
		Phase: g.Phase, Weighting: g.Weighting, Lines: g.Lines, Target: g.Target,
		Execution: executionGapJSON{ExecutionGap: g.Execution, Excluded: exclusionsJSON(g.Execution.Excluded)},
		Beneficiaries: beneficiaryGapJSON{
			Lines: b.Lines, Partial: b.Partial, Excluded: exclusionsJSON(b.Excluded),
			Women: b.Women, Men: b.Men, Girls: b.Girls, Boys: b.Boys, Other: b.Other,
			Female: b.Female, Male: b.Male, Total: b.Total,
			FemaleShare: b.FemaleShare, Reference: b.Reference, Gap: b.Gap,
			MoneyLines: b.MoneyLines, FemaleFunded: b.FemaleFunded, MaleFunded: b.MaleFunded,
			FemaleMoney: b.FemaleMoney, MaleMoney: b.MaleMoney, OtherMoney: b.OtherMoney,
			PerFemale: b.PerFemale, PerMale: b.PerMale, FemaleToMale: b.FemaleToMale,
		},
		BlindSpots: g.BlindSpots, Concentration: g.Concentration, Change: g.Change,
		Warnings: notesText(g.Notes),
	}
}

// executionGapJSON is an analysis.ExecutionGap with the reasons lines
// are left out in words (Excluded is its last field).
type executionGapJSON struct {
	analysis.ExecutionGap
	Excluded []exclusionJSON `json:"excluded,omitempty"`
}

// beneficiaryGapJSON is an analysis.BeneficiaryGap, field for field in
// its order, with the reasons lines are left out in words.
type beneficiaryGapJSON struct {
	Lines        int             `json:"lines"`
	Partial      int             `json:"partial"`
	Excluded     []exclusionJSON `json:"excluded,omitempty"`
	Women        int64           `json:"women"`
	Men          int64           `json:"men"`
	Girls        int64           `json:"girls"`
	Boys         int64           `json:"boys"`
	Other        int64           `json:"other"`
	Female       int64           `json:"female"`
	Male         int64           `json:"male"`
	Total        int64           `json:"total"`
	FemaleShare  analysis.Float  `json:"female_share"`
	Reference    float64         `json:"reference"`
	Gap          analysis.Float  `json:"gap_points"`
	MoneyLines   int             `json:"money_lines"`
	FemaleFunded int64           `json:"female_funded"`
	MaleFunded   int64           `json:"male_funded"`
	FemaleMoney  float64         `json:"female_money"`
	MaleMoney    float64         `json:"male_money"`
	OtherMoney   float64         `json:"other_money"`
	PerFemale    analysis.Float  `json:"per_female"`
	PerMale      analysis.Float  `json:"per_male"`
	FemaleToMale analysis.Float  `json:"female_to_male"`
}

// exclusionJSON is an analysis.Exclusion with its reason in words.
type exclusionJSON struct {
	Reason string `json:"reason"`
	Lines  int    `json:"lines"`
}

func exclusionsJSON(xs []analysis.Exclusion) []exclusionJSON {
	if xs == nil {
		return nil
	}
	out := make([]exclusionJSON, len(xs))
	for i, x := range xs {
		out[i] = exclusionJSON{Reason: exclusionText(x.Reason), Lines: x.Lines}
	}
	return out
}
