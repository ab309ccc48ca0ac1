package analysis

import (
	"slices"
	"sort"

	"github.com/grb-toolkit/grb/budget"
)

// YearsCheck is a compliance check of each fiscal year of a budget.
type YearsCheck struct {
	Source  string  `json:"source"`
	Profile Profile `json:"profile"`
	Pass    bool    `json:"pass"`   // every year passes
	Failed  int     `json:"failed"` // years with a failing rule
	// Years are the checks of each fiscal year, oldest first; lines that
	// state no year are checked together, last, as year 0.
	Years []*CheckResult `json:"years"`
}

// CheckYears checks each fiscal year of b apart, with Check: the targets
// of the built-in profiles are yearly (EU GAP III counts the new actions
// of a year; the UNDP and UN 15% targets are annual), so lines of
// different years are never judged together. Line rules count actions,
// so an IATI activity with several budget periods in a year counts once
// in that year. A budget whose lines state no year is checked as one.
func CheckYears(b *budget.Budget, p Profile, opt CheckOptions) (*YearsCheck, error) {
	byYear := map[int][]int{} // indexes of the lines of each year
	for i, l := range b.Lines.All() {
		byYear[l.Year] = append(byYear[l.Year], i)
	}
	years := make([]int, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	sort.Slice(years, func(i, j int) bool {
		a, c := years[i], years[j]
		if (a == 0) != (c == 0) {
			return c == 0 // the lines of no stated year last
		}
		return a < c
	})
	if len(years) == 0 {
		years = []int{0}
	}
	out := &YearsCheck{Source: b.Source, Profile: p, Pass: true, Years: []*CheckResult{}}
	var notes []Note
	if !opt.PhaseSet && !p.PhaseSet {
		// As analyze and report do: a budget with no approved money and
		// one other phase with money (disbursements only) is checked in
		// that phase, for every year alike, and says so.
		if pc := ChoosePhase(b, budget.Approved, false); pc.Fallback {
			opt.Phase, opt.PhaseSet = pc.Phase, true
			notes = pc.Notes()
		}
	}
	for _, y := range years {
		sub := *b
		sub.Lines = budget.Lines{}
		sub.Lines.Grow(len(byYear[y]))
		for _, i := range byYear[y] {
			sub.Lines.Append(b.Lines.At(i))
		}
		res, err := Check(&sub, p, opt)
		if err != nil {
			return nil, err
		}
		res.Year = y
		res.Notes = append(slices.Clone(notes), res.Notes...)
		if y != 0 {
			res.YearLabel = yearLabel(&sub.Lines)
		}
		if !res.Pass {
			out.Pass = false
			out.Failed++
		}
		out.Years = append(out.Years, res)
	}
	return out, nil
}

// yearLabel returns the fiscal year as the lines write it, when they
// all write it alike ("2024-25"), else "".
func yearLabel(lines *budget.Lines) string {
	label := lines.YearLabelAt(0)
	for _, l := range lines.All() {
		if l.YearLabel != label {
			return ""
		}
	}
	return label
}
