package reports

import (
	"fmt"
	"sort"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

// Options controls Build.
type Options struct {
	Weighting analysis.Weighting // zero: DACHeadline
	Phase     budget.Phase       // phase analysed
	PhaseSet  bool               // else Approved
	// Profile, when set, adds a compliance check of the focus lines.
	Profile *analysis.Profile
	// SDG5c1 are filled SDG 5.c.1 questionnaires, scored with the budgets
	// as evidence.
	SDG5c1 []*sdg5c1.Questionnaire
}

// Report is what grb writes about one or more budgets: the budgets as
// read, and the analyses of the focus year that every output shares, so
// that the workbook, the charts and the HTML page show the same figures.
type Report struct {
	Budgets   []*budget.Budget
	Weighting analysis.Weighting
	Phase     budget.Phase
	// Focus is the latest fiscal year with money in the phase analysed,
	// which the headline and the group tables describe; 0 when the lines
	// carry no year (then all lines are described).
	Focus int
	Lines *budget.Budget // the focus year's lines, from every budget

	Headline    *analysis.Result // focus lines, total only
	ByObjective *analysis.Result
	ByArea      *analysis.Result
	ByUnit      *analysis.Result
	ByMarker    *analysis.Result
	ByUnitLevel *analysis.Result // unit × marker, for the composition chart
	ByYear      *analysis.Result // every line, by year: the trend
	Years       []int            // fiscal years present, ascending

	// Gaps are the gender gaps of the focus lines; Execution those of the
	// latest fiscal year with executed amounts (ExecYear), for the
	// execution gap; Change the year-over-year change over every line.
	Gaps      *analysis.GapResult
	Execution *analysis.GapResult
	ExecYear  int
	Change    *analysis.GapResult
	// Diff compares the last two budgets given, when there are two or
	// more.
	Diff *analysis.DiffResult
	// Compliance is the check of Options.Profile; SDG5c1 the scored
	// questionnaires and Track their tracking table.
	Compliance *analysis.CheckResult
	SDG5c1     []*analysis.SDG5c1Result
	Track      *analysis.SDG5c1Track
	Warnings   []string
}

// Build reads nothing and writes nothing: it runs the standard analyses
// over the budgets for the outputs to present.
func Build(budgets []*budget.Budget, opt Options) (*Report, error) {
	if len(budgets) == 0 {
		return nil, fmt.Errorf("reports: no budget")
	}
	w := opt.Weighting
	if w.Name == "" {
		w = analysis.DACHeadline
	}
	phase := budget.Approved
	if opt.PhaseSet {
		phase = opt.Phase
	}
	r := &Report{Budgets: budgets, Weighting: w, Phase: phase}
	all := &budget.Budget{}
	years := map[int]bool{}
	for _, b := range budgets {
		all.Lines = append(all.Lines, b.Lines...)
		for i := range b.Lines {
			if y := b.Lines[i].Year; y != 0 {
				years[y] = true
			}
		}
	}
	for y := range years {
		r.Years = append(r.Years, y)
	}
	sort.Ints(r.Years)
	r.Lines = all
	if len(r.Years) > 0 {
		// The focus is the latest year with money in the phase (a year of
		// lines without it, such as a budget not yet executed, or a stray
		// future line, says nothing); failing that, the latest year.
		r.Focus = r.Years[len(r.Years)-1]
		latest := 0
		for i := range all.Lines {
			l := &all.Lines[i]
			if v, ok := l.Amounts.Get(phase); ok && v != 0 && l.Year > latest {
				latest = l.Year
			}
		}
		if latest != 0 {
			r.Focus = latest
		}
		r.Lines = &budget.Budget{}
		for i := range all.Lines {
			if all.Lines[i].Year == r.Focus {
				r.Lines.Lines = append(r.Lines.Lines, all.Lines[i])
			}
		}
	}
	aopt := analysis.Options{Weighting: w, Phase: phase, PhaseSet: true}
	var err error
	run := func(dst **analysis.Result, b *budget.Budget, by ...analysis.Dim) {
		if err != nil {
			return
		}
		o := aopt
		o.By = by
		*dst, err = analysis.Shares(b, o)
	}
	run(&r.Headline, r.Lines)
	run(&r.ByObjective, r.Lines, analysis.ByObjective)
	run(&r.ByArea, r.Lines, analysis.ByArea)
	run(&r.ByUnit, r.Lines, analysis.ByUnit)
	run(&r.ByMarker, r.Lines, analysis.ByMarker)
	run(&r.ByUnitLevel, r.Lines, analysis.ByUnit, analysis.ByMarker)
	run(&r.ByYear, all, analysis.ByYear)
	if err != nil {
		return nil, err
	}
	gopt := analysis.GapOptions{Weighting: w, Phase: phase, PhaseSet: true}
	gaps := func(b *budget.Budget) *analysis.GapResult {
		g, err := analysis.Gaps(b, gopt)
		if err != nil {
			r.Warnings = append(r.Warnings, err.Error())
			return nil
		}
		return g
	}
	r.Gaps = gaps(r.Lines)
	r.Change = gaps(all)
	// The execution gap of the latest year that has executed amounts.
	for _, y := range r.Years {
		for i := range all.Lines {
			if _, ok := all.Lines[i].Amounts.Get(budget.Executed); ok && all.Lines[i].Year == y {
				r.ExecYear = y
				break
			}
		}
	}
	if r.ExecYear != 0 {
		ex := &budget.Budget{}
		for i := range all.Lines {
			if all.Lines[i].Year == r.ExecYear {
				ex.Lines = append(ex.Lines, all.Lines[i])
			}
		}
		r.Execution = gaps(ex)
	} else if len(r.Years) == 0 {
		r.Execution = r.Gaps
	}
	if opt.Profile != nil {
		focus := *r.Lines
		focus.Source = strings.Join(r.Sources(), ", ")
		for _, b := range budgets {
			focus.Issues = append(focus.Issues, b.Issues...)
		}
		c, err := analysis.Check(&focus, *opt.Profile, analysis.CheckOptions{Phase: phase, PhaseSet: opt.PhaseSet})
		if err != nil {
			return nil, err
		}
		r.Compliance = c
	}
	for _, q := range opt.SDG5c1 {
		s, err := analysis.ScoreSDG5c1(q, analysis.SDG5c1Options{Budget: all, Phase: phase, PhaseSet: true})
		if err != nil {
			return nil, err
		}
		r.SDG5c1 = append(r.SDG5c1, s)
	}
	if len(r.SDG5c1) > 0 {
		r.Track = analysis.TrackSDG5c1(r.SDG5c1)
	}
	if n := len(budgets); n >= 2 {
		d, err := analysis.Diff(budgets[n-2], budgets[n-1], analysis.DiffOptions{Weighting: w, Phase: phase, PhaseSet: true})
		if err != nil {
			r.Warnings = append(r.Warnings, err.Error())
		} else {
			r.Diff = d
		}
	}
	return r, nil
}

// Currency returns the currency of the focus lines, or "" when they have
// none or several.
func (r *Report) Currency() string {
	cur := ""
	for i := range r.Lines.Lines {
		c := r.Lines.Lines[i].Currency
		if i > 0 && c != cur {
			return ""
		}
		cur = c
	}
	return cur
}

// Sources returns the input names.
func (r *Report) Sources() []string {
	var s []string
	for _, b := range r.Budgets {
		s = append(s, b.Source)
	}
	return s
}
