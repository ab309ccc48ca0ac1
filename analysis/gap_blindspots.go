package analysis

import (
	"github.com/grb-toolkit/grb/budget"
)

// ObjectiveMoney is the money of one GCM objective (0 for General).
type ObjectiveMoney struct {
	Objective   int          `json:"objective"`
	Label       string       `json:"label"`
	Lines       int          `json:"lines"`
	Amount      budget.Money `json:"amount"`
	GEWE        budget.Money `json:"gewe"`
	NotScreened budget.Money `json:"not_screened"`
}

// BlindSpots lists the GCM objectives that get money but no GEWE money,
// and those that get no money.
type BlindSpots struct {
	Weighting string `json:"weighting"`
	// NoGEWE are objectives with a positive amount and no positive GEWE
	// money. NotScreened tells how much of it nobody assessed.
	NoGEWE []ObjectiveMoney `json:"no_gewe"`
	// NoBudget are objectives whose amount is not positive (usually: no
	// line serves them).
	NoBudget []ObjectiveMoney `json:"no_budget"`
	// Untagged is the money of lines with no GCM objective.
	Untagged      budget.Money `json:"untagged"`
	UntaggedLines int          `json:"untagged_lines"`
}

func blindSpots(r *Result) BlindSpots {
	bs := BlindSpots{Weighting: r.Weighting}
	byNum, untagged := objectiveGroups(r)
	if untagged != nil {
		bs.Untagged, bs.UntaggedLines = untagged.Amount, untagged.Lines
	}
	for _, o := range budget.Objectives() {
		om := ObjectiveMoney{Objective: o.Number, Label: o.Short}
		if g := byNum[o.Number]; g != nil {
			om.Lines, om.Amount, om.GEWE, om.NotScreened = g.Lines, g.Amount, g.GEWE, g.Level(budget.NotScreened)
		}
		switch {
		case om.Amount.Sign() <= 0:
			bs.NoBudget = append(bs.NoBudget, om)
		case om.GEWE.Sign() <= 0:
			bs.NoGEWE = append(bs.NoGEWE, om)
		}
	}
	return bs
}
