package reports

import (
	"context"
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
	// WholeBudget says the budgets cover the government's whole budget
	// (analysis.SDG5c1Options.WholeBudget).
	WholeBudget bool
	// Year, when not 0, is the focus year; else focusYear's rule chooses
	// it.
	Year int
	// Synthetic says that the budgets are invented (the demo's sample):
	// every page of the report says so on its first screen.
	Synthetic bool
	// Lang is the language of the report (English when empty): its
	// sentences, headers, captions, numbers and objective titles.
	Lang Lang
	// Compare, when not nil, is an earlier version of the (last) budget:
	// the Changes sheet and the findings compare the last budget with it
	// instead of with the budget before it. Its lines are in no other
	// figure.
	Compare *budget.Budget
	// Aid, when not nil, is donor aid (IATI files) set beside the
	// budgets' focus year by GCM objective and marker (Report.Join), in
	// the budgets' fiscal calendar: fiscal years beginning in month
	// FiscalStart (0 or 1: calendar years).
	Aid         *budget.Budget
	FiscalStart int
	// Context, when not nil, is looked at by the analyses and by the
	// Lines sheet writer every few thousand lines: once it is done, Build
	// and WriteWorkbook return its error.
	Context context.Context
}

// Report is what grb writes about one or more budgets: the budgets as
// read, and the analyses of the focus year that every output shares, so
// that the workbook, the charts and the HTML page show the same figures.
type Report struct {
	Budgets   []*budget.Budget
	Weighting analysis.Weighting
	Phase     budget.Phase
	// Focus is the fiscal year the headline and the group tables
	// describe: Options.Year when given, else the year with the most
	// money screened for gender (see focusYear); 0 when the lines carry
	// no year (then all lines are described). FocusAsked says it was
	// Options.Year.
	Focus      int
	FocusAsked bool
	// FocusRule says how focusYear chose Focus: focusScreened,
	// focusMoney or focusLatest; "" when it did not.
	FocusRule string
	Lines     *budget.Budget // the focus year's lines, from every budget
	// Synthetic is Options.Synthetic.
	Synthetic bool
	// Lang is Options.Lang, the language of every sentence, header and
	// number of the report; p words it.
	Lang Lang
	p    printer
	ctx  context.Context // Options.Context; nil when none
	// Like compares the focus year with the fiscal year before it on the
	// lines screened in both; nil when the lines carry no year.
	Like *LikeForLike
	// CutCells counts, by sheet, the text cells of report.xlsx longer than
	// Excel's 32,767 characters, which Excel cannot hold and were cut;
	// WriteWorkbook sets it, and its Methodology sheet says it.
	CutCells map[string]int

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
	// Diff compares the last budget with Compared, when given, else the
	// last two budgets given, when there are two or more.
	Diff *analysis.DiffResult
	// Compared is Options.Compare: the earlier version Diff compares with.
	Compared *budget.Budget
	// Compliance is the check of Options.Profile; SDG5c1 the scored
	// questionnaires and Track their tracking table.
	Compliance *analysis.CheckResult
	SDG5c1     []*analysis.SDG5c1Result
	Track      *analysis.SDG5c1Track
	Warnings   []string
	// Sections are, when the focus lines are in several currencies, one
	// report per currency of its lines alone (see currencySections);
	// SectionCurrency is the currency of a section.
	Sections        []*Report
	SectionCurrency string
	// Join sets the focus year's lines beside the donor aid of Aid
	// (Options.Aid), each flow counted once; nil without aid.
	Join *analysis.JoinResult
	Aid  *budget.Budget
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
	r := &Report{Budgets: budgets, Weighting: w, Phase: phase, Synthetic: opt.Synthetic, Lang: opt.Lang, p: newPrinter(opt.Lang), ctx: opt.Context, Compared: opt.Compare}
	all := r.scope(opt.Year)
	if err := r.shares(all); err != nil {
		return nil, err
	}
	r.gaps(all)
	if err := r.join(all, opt); err != nil {
		return nil, err
	}
	if err := r.cancelled(); err != nil {
		return nil, err
	}
	if opt.Profile != nil {
		if err := r.check(*opt.Profile, opt.PhaseSet); err != nil {
			return nil, err
		}
	}
	if err := r.scoreSDG5c1(opt.SDG5c1, all, opt.WholeBudget); err != nil {
		return nil, err
	}
	r.diff()
	r.Like = r.likeForLike(all)
	if err := r.currencySections(opt); err != nil {
		return nil, err
	}
	if err := r.cancelled(); err != nil {
		return nil, err
	}
	return r, nil
}

// cancelled returns the error of the report's context once it is done.
func (r *Report) cancelled() error {
	if r.ctx == nil {
		return nil
	}
	return r.ctx.Err()
}

// scope sets the fiscal years of the report, its focus year (year, when
// not 0) and the focus lines, and returns every line of every budget.
func (r *Report) scope(year int) *budget.Budget {
	all := &budget.Budget{}
	years := map[int]bool{}
	if len(r.Budgets) == 1 {
		all.Lines = r.Budgets[0].Lines // read where they are: nothing here writes a line
	} else {
		n := 0
		for _, b := range r.Budgets {
			n += b.Lines.Len()
		}
		all.Lines.Grow(n)
	}
	for _, b := range r.Budgets {
		if len(r.Budgets) > 1 {
			for _, l := range b.Lines.All() {
				all.Lines.Append(l)
			}
		}
		for i := range b.Lines.Len() {
			if y := b.Lines.YearAt(i); y != 0 {
				years[y] = true
			}
		}
	}
	for y := range years {
		r.Years = append(r.Years, y)
	}
	sort.Ints(r.Years)
	r.Lines = all
	switch {
	case year != 0:
		r.Focus, r.FocusAsked = year, true
		r.Lines = linesOfYear(&all.Lines, r.Focus)
	case len(r.Years) > 0:
		r.Focus, r.FocusRule = focusYear(r.Years, &all.Lines, r.Phase)
		r.Lines = linesOfYear(&all.Lines, r.Focus)
	}
	return all
}

// focusYear returns, of years (ascending), the latest year whose money
// screened for gender in the phase is at least half that of the year with
// the most; when no money is screened, the latest year whose money is at
// least half that of the year with the most; when no year has money, the
// latest. A near-empty year (the tail of an aid file, a stray future line,
// a budget not yet executed) is so never the focus, and of years of
// comparable size the latest is.
func focusYear(years []int, lines *budget.Lines, phase budget.Phase) (int, string) {
	screened := map[int]*budget.Sum{}
	money := map[int]*budget.Sum{}
	for _, y := range years {
		screened[y], money[y] = &budget.Sum{}, &budget.Sum{}
	}
	for i := range lines.Len() {
		l := new(lines.At(i))
		v, ok := l.Amounts.Get(phase)
		if !ok || l.Year == 0 {
			continue
		}
		money[l.Year].Add(v)
		if l.Gender.Level != budget.NotScreened {
			screened[l.Year].Add(v)
		}
	}
	if y, ok := latestLarge(years, screened); ok {
		return y, focusScreened
	}
	if y, ok := latestLarge(years, money); ok {
		return y, focusMoney
	}
	return years[len(years)-1], focusLatest
}

// latestLarge returns the latest of years whose sum is positive and at
// least half the largest sum, and false when no sum is positive; a sum
// that overflowed is the largest.
func latestLarge(years []int, sums map[int]*budget.Sum) (int, bool) {
	best := budget.FromCents(0)
	for _, y := range years {
		v, err := sums[y].Value()
		if err != nil {
			return y, true
		}
		if v.Cmp(best) > 0 {
			best = v
		}
	}
	if best.Sign() <= 0 {
		return 0, false
	}
	for i := len(years) - 1; i >= 0; i-- {
		v, _ := sums[years[i]].Value()
		if twice, ok := v.Mul(2); !ok || twice.Cmp(best) >= 0 {
			return years[i], true
		}
	}
	return 0, false
}

// How focusYear chose the focus year.
const (
	focusScreened = "screened" // the most money screened for gender
	focusMoney    = "money"    // no money screened: the most money
	focusLatest   = "latest"   // no money: the latest year
)

// largest returns the year of the largest positive sum, the later on a
// tie, and false when no sum is positive; a sum that overflowed counts as
// the largest.
func largest(years []int, sums map[int]*budget.Sum) (int, bool) {
	best, found := budget.FromCents(0), 0
	for _, y := range years {
		v, err := sums[y].Value()
		if err != nil {
			return y, true
		}
		if v.Sign() > 0 && v.Cmp(best) >= 0 {
			best, found = v, y
		}
	}
	return found, found != 0
}

// linesOfYear returns a budget of the lines of fiscal year y.
func linesOfYear(lines *budget.Lines, y int) *budget.Budget {
	n := 0
	for i := range lines.Len() {
		if lines.YearAt(i) == y {
			n++
		}
	}
	if n == lines.Len() {
		return &budget.Budget{Lines: *lines} // every line: read where they are
	}
	b := &budget.Budget{}
	b.Lines.Grow(n)
	for i := range lines.Len() {
		if lines.YearAt(i) == y {
			b.Lines.Append(lines.At(i))
		}
	}
	return b
}

// shares runs the share analyses: the focus lines in total and by each
// dimension, and every line by fiscal year.
func (r *Report) shares(all *budget.Budget) error {
	for _, a := range []struct {
		dst *(*analysis.Result)
		b   *budget.Budget
		by  []analysis.Dim
	}{
		{&r.Headline, r.Lines, nil},
		{&r.ByObjective, r.Lines, []analysis.Dim{analysis.ByObjective}},
		{&r.ByArea, r.Lines, []analysis.Dim{analysis.ByArea}},
		{&r.ByUnit, r.Lines, []analysis.Dim{analysis.ByUnit}},
		{&r.ByMarker, r.Lines, []analysis.Dim{analysis.ByMarker}},
		{&r.ByUnitLevel, r.Lines, []analysis.Dim{analysis.ByUnit, analysis.ByMarker}},
		{&r.ByYear, all, []analysis.Dim{analysis.ByYear}},
	} {
		res, err := analysis.Shares(a.b, analysis.Options{Weighting: r.Weighting, Phase: r.Phase, PhaseSet: true, By: a.by, Context: r.ctx})
		if err != nil {
			return err
		}
		*a.dst = res
	}
	return nil
}

// gaps runs the gap analyses of the focus lines, of every line (the
// change over the years) and of the latest fiscal year with executed
// amounts. An analysis that fails adds a warning.
func (r *Report) gaps(all *budget.Budget) {
	gopt := analysis.GapOptions{Weighting: r.Weighting, Phase: r.Phase, PhaseSet: true, Context: r.ctx}
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
	r.ExecYear = latestExecutedYear(r.Years, &all.Lines)
	if r.ExecYear != 0 {
		r.Execution = gaps(linesOfYear(&all.Lines, r.ExecYear))
	} else if len(r.Years) == 0 {
		r.Execution = r.Gaps
	}
}

// latestExecutedYear returns the latest of years, which are ascending,
// in which a line has an executed amount; 0 when there is none.
func latestExecutedYear(years []int, lines *budget.Lines) int {
	latest := 0
	for _, y := range years {
		for i := range lines.Len() {
			if _, ok := lines.AmountsAt(i).Get(budget.Executed); ok && lines.YearAt(i) == y {
				latest = y
				break
			}
		}
	}
	return latest
}

// check checks the focus lines, with the issues of every budget, against
// compliance profile p.
func (r *Report) check(p analysis.Profile, phaseSet bool) error {
	focus := *r.Lines
	focus.Source = strings.Join(r.Sources(), ", ")
	for _, b := range r.Budgets {
		focus.Issues = append(focus.Issues, b.Issues...)
	}
	c, err := analysis.Check(&focus, p, analysis.CheckOptions{Phase: r.Phase, PhaseSet: phaseSet})
	if err != nil {
		return err
	}
	r.Compliance = c
	return nil
}

// scoreSDG5c1 scores the SDG 5.c.1 questionnaires with every line as
// evidence, and tracks them over the years.
func (r *Report) scoreSDG5c1(qs []*sdg5c1.Questionnaire, all *budget.Budget, whole bool) error {
	for _, q := range qs {
		s, err := analysis.ScoreSDG5c1(q, analysis.SDG5c1Options{Budget: all, Phase: r.Phase, PhaseSet: true, WholeBudget: whole})
		if err != nil {
			return err
		}
		r.SDG5c1 = append(r.SDG5c1, s)
	}
	if len(r.SDG5c1) > 0 {
		r.Track = analysis.TrackSDG5c1(r.SDG5c1)
	}
	return nil
}

// diff compares the last budget with the earlier version given
// (Options.Compare), else the last two budgets given, when there are two
// or more. A comparison that fails adds a warning.
func (r *Report) diff() {
	old := r.diffOld()
	if old == nil {
		return
	}
	d, err := analysis.Diff(old, r.Budgets[len(r.Budgets)-1], analysis.DiffOptions{Weighting: r.Weighting, Phase: r.Phase, PhaseSet: true, Context: r.ctx})
	if err != nil {
		r.Warnings = append(r.Warnings, err.Error())
		return
	}
	r.Diff = d
}

// diffOld returns the budget the last one is compared with: Compared,
// else the one before it; nil when there is none.
func (r *Report) diffOld() *budget.Budget {
	if r.Compared != nil {
		return r.Compared
	}
	if n := len(r.Budgets); n >= 2 {
		return r.Budgets[n-2]
	}
	return nil
}

// Currency returns the currency of the focus lines, or "" when they have
// none or several.
func (r *Report) Currency() string {
	cur := ""
	for i := range r.Lines.Lines.Len() {
		c := r.Lines.Lines.CurrencyAt(i)
		if i > 0 && c != cur {
			return ""
		}
		cur = c
	}
	return cur
}

// Sources returns the input names.
// Only file names are given, never the folders of the machine that read
// them.
func (r *Report) Sources() []string {
	var s []string
	for _, b := range r.Budgets {
		s = append(s, fileName(b.Source))
	}
	return s
}

// AidSources returns the file names of the donor aid set beside the
// budget (Options.Aid), in the order given; none without aid.
func (r *Report) AidSources() []string {
	if r.Aid == nil {
		return nil
	}
	return sourceFiles(r.Aid.Source)
}

// fileName is the last element of a path as typed, with either slash.
func fileName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 && i < len(p)-1 {
		return p[i+1:]
	}
	return p
}

// weightingByName returns the built-in weighting convention called name,
// or the zero Weighting.
func weightingByName(name string) analysis.Weighting {
	w, _ := analysis.LookupWeighting(name)
	return w
}
