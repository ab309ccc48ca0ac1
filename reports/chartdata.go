package reports

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// The kinds of chart PlotChart draws.
const (
	// ChartStackedBars stacks the series on each category: each bar is
	// the sum of the series.
	ChartStackedBars = "stacked-bars"
	// ChartGroupedBars puts the series side by side in each category.
	ChartGroupedBars = "grouped-bars"
	// ChartLines draws each series as a line with points, the categories
	// along the horizontal axis.
	ChartLines = "lines"
)

// ChartData is a chart as plain data: what Charts computes and PlotChart
// draws. The figures are golden-tested as JSON, independently of how
// gonum/plot renders them.
type ChartData struct {
	// p words the chart's text alternative (Alt) in the report's language.
	p       printer
	Name    string `json:"name"` // file name without extension: "gewe-by-objective"
	Kind    string `json:"kind"` // ChartStackedBars, ChartGroupedBars or ChartLines
	Title   string `json:"title"`
	Caption string `json:"caption"` // the data: sources, year, phase, convention
	// XLabel and YLabel label the horizontal and the vertical axis as
	// drawn: for horizontal bars, XLabel labels the values.
	XLabel     string        `json:"x_label"`
	YLabel     string        `json:"y_label"`
	Categories []string      `json:"categories"`
	Series     []ChartSeries `json:"series"`
	Percent    bool          `json:"percent"` // values are per cent (0–100)
	// Horizontal draws bars along the horizontal axis, the first
	// category at the top.
	Horizontal bool `json:"horizontal"`
	// Gaps are the categories (indexes) that have no data: a line chart
	// leaves a gap there, and their values are 0.
	Gaps []int `json:"gaps,omitempty"`
	// Section is, in a report in several currencies, the id of the
	// currency's section the chart belongs to ("currency-aud"), its
	// figures of that currency's lines alone; "" for a chart of the whole.
	Section string `json:"section,omitempty"`
}

// ChartSeries is one series of a chart: a value for each category.
type ChartSeries struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
	Color  string    `json:"color"` // "#RRGGBB"
	// Pattern is drawn over the colour of the series' bars and legend
	// entry, so that a greyscale print tells the series apart: "" (the
	// colour alone), "diagonal", "back-diagonal" or "crosshatch".
	Pattern string `json:"pattern,omitempty"`
}

// The palette, one colour per meaning, used the same way in every chart:
// colour-blind-safe hues, each with at least 3:1 against the white
// background (WCAG 1.4.11), and the DAC levels stacked together
// (principal, significant, not targeted, not screened) of distinct
// lightness, so that a greyscale print keeps them apart; bars are drawn
// with white outlines, so neighbours never touch.
const (
	colorPrincipal   = "#08306B" // navy, 12.8:1
	colorSignificant = "#2B7BBA" // blue, 4.5:1
	colorLimited     = "#006D2C" // green, 6.5:1
	colorPotential   = "#B8860B" // dark gold, 3.3:1
	colorNotTargeted = "#8C8C8C" // grey, 3.4:1
	colorNotScreened = "#7B3294" // purple, 7.7:1
	colorOther       = "#D55E00" // vermilion, 3.9:1
	colorTotal       = "#000000"
)

// chartPalette lists every colour of the charts.
var chartPalette = []string{colorPrincipal, colorSignificant, colorLimited, colorPotential, colorNotTargeted, colorNotScreened, colorOther, colorTotal}

// levelColors gives each marker level its colour of the palette.
var levelColors = map[budget.Level]string{
	budget.Principal:   colorPrincipal,
	budget.Significant: colorSignificant,
	budget.Limited:     colorLimited,
	budget.Potential:   colorPotential,
	budget.NotTargeted: colorNotTargeted,
	budget.NotScreened: colorNotScreened,
}

// levelPatterns gives each marker level its pattern over its colour: the
// levels stacked together alternate between solid and hatched in order
// of grey (principal 42, not screened 74, significant 106, not targeted
// 159 of 255; limited 106 hatched, potential 135 solid), so that a
// greyscale print keeps neighbours in grey apart by texture as well as
// by lightness.
var levelPatterns = map[budget.Level]string{
	budget.Principal:   patternSolid,
	budget.Significant: patternSolid,
	budget.Limited:     patternBackDiagonal,
	budget.Potential:   patternSolid,
	budget.NotTargeted: patternDiagonal,
	budget.NotScreened: patternCrosshatch,
}

// levelsDown lists the marker levels from principal down to not screened,
// the order of the stacks and the legends.
var levelsDown = []budget.Level{budget.Principal, budget.Significant, budget.Limited, budget.Potential, budget.NotTargeted, budget.NotScreened}

// Charts returns the report's charts, these four, in this order:
//
//   - "gewe-by-objective": the GEWE share of each GCM objective's money,
//     with each counted marker level stacked (principal and significant
//     under dac_headline);
//   - "markers-by-ministry": the money of each ministry by marker level,
//     stacked to 100 %; a budget of more than maxChartCategories
//     ministries has this chart in parts of at most that many ministries,
//     "markers-by-ministry-1", "markers-by-ministry-2"…, so that each
//     stays readable and prints on a page;
//   - "execution": executed ÷ approved money of GEWE-marked lines, other
//     screened lines and not-screened lines, over the lines that give
//     both amounts, in the focus year or, when no focus line has an
//     executed amount (a year still running), in the latest earlier year
//     that has some, which the title and the caption name;
//   - "gewe-trend": the principal, significant and GEWE shares over the
//     fiscal years.
//
// A chart without data has no series and says why in its caption, so that
// a page showing every chart explains each gap; PlotChart draws it with a
// "No data to show" message. Every title or caption names the weighting
// convention (OECD DAC, UN or EU, as the weighting names) and the phase.
//
// A report whose lines are in several currencies (r.Sections) has these
// charts once per currency, each of that currency's lines alone, named
// after its section ("currency-aud-gewe-by-objective"), its title headed
// by the section's ("In AUD: …"): no chart puts money or shares of two
// currencies on one axis. The SDG 5.c.1 chart, of no currency, follows.
func Charts(r *Report) []ChartData {
	if len(r.Sections) > 0 {
		return sectionCharts(r)
	}
	cs := []ChartData{objectiveChart(r)}
	cs = append(cs, splitChart(r.p, markerChart(r), r.p.S("ministries"))...)
	cs = append(cs, executionChart(r), trendChart(r))
	if r.Track != nil && len(r.Track.Years) > 0 {
		cs = append(cs, sdgChart(r))
	}
	for i := range cs {
		cs[i].p = r.p
	}
	return cs
}

// groupsWithMoney returns the groups of res that have money in the
// phase, with their chart labels, and how many were left out.
func groupsWithMoney(p printer, res *analysis.Result, d analysis.Dim) (groups []*analysis.Group, labels []string, skipped int) {
	for i := range res.Groups {
		g := &res.Groups[i]
		if g.Amount.IsZero() {
			skipped++
			continue
		}
		groups = append(groups, g)
		labels = append(labels, chartLabel(p, res, g, d))
	}
	return groups, labels, skipped
}

// sdgChart tracks SDG 5.c.1 questionnaires: the share of Yes answers of
// each criterion, by year, against the share each needs (2/3, 4/7, 2/3).
func sdgChart(r *Report) ChartData {
	c := ChartData{
		Name:       "sdg5c1-tracking",
		Kind:       ChartGroupedBars,
		Title:      "SDG 5.c.1: Yes answers by criterion and year",
		XLabel:     "Yes answers (% of the criterion's questions)",
		YLabel:     "Fiscal year",
		Percent:    true,
		Horizontal: true,
	}
	questions := [3]float64{3, 7, 3}
	names := [3]string{"1 Programmes and allocations (2 of 3 needed)", "2 Planning, tracking and assessment (4 of 7 needed)", "3 Transparency (2 of 3 needed)"}
	colors := [3]string{colorPrincipal, colorSignificant, colorLimited}
	for k := range names {
		c.Series = append(c.Series, ChartSeries{Name: names[k], Color: colors[k]})
	}
	var cls []string
	for _, y := range r.Track.Years {
		label := y.YearLabel
		if label == "" {
			label = y.Source
		}
		c.Categories = append(c.Categories, label)
		for k := range c.Series {
			c.Series[k].Values = append(c.Series[k].Values, 100*float64(y.Yes[k])/questions[k])
		}
		cls = append(cls, fmt.Sprintf("%s: case %s, %s", label, y.Case, y.Classification))
	}
	c.Caption = "Source: the SDG 5.c.1 questionnaires given (" + strings.Join(cls, "; ") + "). A criterion is met with 2 of 3, 4 of 7 and 2 of 3 Yes answers; all three met fully meets the requirements, one or two approaches them, none does not meet them."
	return c
}

// objectiveChart shows the GEWE share of each GCM objective's money, each
// counted marker level stacked (the declared amount under attributed).
func objectiveChart(r *Report) ChartData {
	w := r.Weighting
	c := ChartData{
		Name:       "gewe-by-objective",
		Kind:       ChartStackedBars,
		Title:      r.p.F("GEWE share by GCM objective, %s (%s)", w.Name, r.p.chartPhaseYear(r.Phase, r.Focus)),
		XLabel:     r.p.S("Share of the objective's money (%)"),
		YLabel:     r.p.S("GCM objective"),
		Percent:    true,
		Horizontal: true,
		Categories: []string{},
		Series:     []ChartSeries{},
	}
	groups, labels, skipped := groupsWithMoney(r.p, r.ByObjective, analysis.ByObjective)
	c.Categories = append(c.Categories, labels...)
	if w.Attributed {
		s := ChartSeries{Name: r.p.S("Declared GEWE amount"), Color: colorPrincipal}
		for _, g := range groups {
			s.Values = append(s.Values, chartPercent(g.GEWEShare))
		}
		c.Series = append(c.Series, s)
	} else {
		for _, lv := range levelsDown {
			bp := w.Weight(lv)
			if bp <= 0 {
				continue
			}
			s := ChartSeries{Name: r.p.level(lv), Color: levelColors[lv], Pattern: levelPatterns[lv]}
			if bp != 10000 {
				s.Name = r.p.F("%s (counted at %s)", s.Name, r.p.f.BasisPointsSpaced(bp))
			}
			for _, g := range groups {
				// The level's money as the convention counts it, as a
				// share of the objective's money: the stack adds up to
				// the objective's GEWE share.
				v := ratio(g.Level(lv), g.Amount) * 100
				if bp != 10000 {
					v = v * float64(bp) / 10000
				}
				s.Values = append(s.Values, v)
			}
			c.Series = append(c.Series, s)
		}
	}
	var b strings.Builder
	b.WriteString(r.p.F("%s; %s. Each bar is the share of the objective's money; a line serving several objectives is split by its shares; money not screened for gender is in no bar, since whether it is marked is unknown.",
		r.p.sourceYearPhase(r, r.Focus, r.p.F("%s amounts", r.p.phase(r.Phase))), r.p.countedPhrase(w, true)))
	if skipped > 0 {
		b.WriteString(r.p.F(" %s with no %s money left out.", r.p.f.CountOf(int64(skipped), r.p.S("objective"), r.p.S("objectives")), r.p.phase(r.Phase)))
	}
	if len(groups) == 0 {
		b.WriteString(r.p.F(" No line has %s money: there is nothing to show.", r.p.phase(r.Phase)))
		c.Categories, c.Series = []string{}, []ChartSeries{}
	}
	c.Caption = b.String()
	return c
}

// markerChart shows each ministry's money by marker level, before
// weighting, stacked to 100 %.
func markerChart(r *Report) ChartData {
	c := ChartData{
		Name:       "markers-by-ministry",
		Kind:       ChartStackedBars,
		Title:      r.p.F("Gender-marker composition by ministry, unweighted (%s)", r.p.chartPhaseYear(r.Phase, r.Focus)),
		XLabel:     r.p.S("Share of the ministry's money (%)"),
		YLabel:     r.p.S("Ministry"),
		Percent:    true,
		Horizontal: true,
		Categories: []string{},
		Series:     []ChartSeries{},
	}
	groups, labels, skipped := groupsWithMoney(r.p, r.ByUnit, analysis.ByUnit)
	c.Categories = append(c.Categories, labels...)
	for _, lv := range levelsDown {
		s := ChartSeries{Name: r.p.level(lv), Color: levelColors[lv], Pattern: levelPatterns[lv], Values: []float64{}}
		some := false
		for _, g := range groups {
			m := g.Level(lv)
			some = some || !m.IsZero()
			s.Values = append(s.Values, ratio(m, g.Amount)*100)
		}
		if some { // a level no ministry has adds nothing to the stacks
			c.Series = append(c.Series, s)
		}
	}
	var b strings.Builder
	b.WriteString(r.p.F("%s; each ministry's money by gender-marker level, before weighting (under %s, %s).",
		r.p.sourceYearPhase(r, r.Focus, r.p.F("%s amounts", r.p.phase(r.Phase))), r.Weighting.Name, r.p.countedPhrase(r.Weighting, false)))
	if skipped > 0 {
		b.WriteString(r.p.F(" %s with no %s money left out.", r.p.f.CountOf(int64(skipped), r.p.S("ministry"), r.p.S("ministries")), r.p.phase(r.Phase)))
	}
	if len(groups) == 0 {
		b.WriteString(r.p.F(" No line has %s money: there is nothing to show.", r.p.phase(r.Phase)))
	}
	c.Caption = b.String()
	return c
}

// executionChart shows the execution rates of the gap analysis
// (Report.Execution): GEWE-marked, other screened and not-screened lines,
// in the latest fiscal year with executed amounts.
func executionChart(r *Report) ChartData {
	w := r.Weighting
	year := r.ExecYear
	c := ChartData{
		Name:       "execution",
		Kind:       ChartGroupedBars,
		Title:      r.p.F("Execution rate, GEWE-marked vs other lines, %s (executed ÷ budget%s)", w.Name, chartYear(year)),
		XLabel:     r.p.S("Executed ÷ revised or approved budget (%)"),
		YLabel:     r.p.S("Fiscal year"),
		Percent:    true,
		Horizontal: true,
		Categories: []string{},
		Series:     []ChartSeries{},
	}
	if r.Execution != nil {
		t := r.Execution.Execution.Total
		names := [3]string{r.p.S("GEWE-marked lines"), r.p.S("Other screened lines"), r.p.S("Not-screened lines")}
		colors := [3]string{colorPrincipal, colorOther, colorNotScreened}
		for k, e := range []analysis.Execution{t.GEWE, t.Other, t.NotScreened} {
			v, ok := e.Rate.Value()
			if !ok || e.Lines == 0 {
				continue
			}
			c.Series = append(c.Series, ChartSeries{Name: names[k] + " (" + r.p.f.Int(int64(e.Lines)) + ")", Values: []float64{v * 100}, Color: colors[k]})
		}
	}
	if len(c.Series) > 0 {
		if year != 0 {
			c.Categories = []string{strconv.Itoa(year)}
		} else {
			c.Categories = []string{r.p.S("All lines")}
			c.YLabel = ""
		}
	}
	var b strings.Builder
	b.WriteString(r.p.sourceYearPhase(r, year, r.p.S("executed money ÷ the revised budget, or the approved budget where there is none, of the lines that give both (number of lines in brackets)")))
	b.WriteString(r.p.F("; GEWE-marked lines are those %s.", r.p.geweMarkedPhrase(w)))
	if r.Focus != 0 && year != 0 && year != r.Focus {
		b.WriteString(r.p.F(" Fiscal year %s has no executed amounts yet: %s is the latest year with some.", y(r.Focus), y(year)))
	}
	if len(c.Series) == 0 {
		b.WriteString(r.p.S(" No line gives both a budget and an executed amount: the execution rate cannot be shown."))
	}
	c.Caption = b.String()
	return c
}

// trendChart shows the principal, significant and GEWE shares of each
// fiscal year.
func trendChart(r *Report) ChartData {
	w := r.Weighting
	c := ChartData{
		Name:       "gewe-trend",
		Kind:       ChartLines,
		Title:      r.p.F("GEWE share by fiscal year, %s (%s amounts)", w.Name, r.p.phase(r.Phase)),
		XLabel:     r.p.S("Fiscal year"),
		YLabel:     r.p.S("Share of the year's money (%)"),
		Percent:    true,
		Categories: []string{},
		Series:     []ChartSeries{},
	}
	groups, years, gaps, empty := trendYears(r)
	for i, g := range groups {
		if g == nil {
			c.Gaps = append(c.Gaps, i)
			c.Categories = append(c.Categories, years[i])
			continue
		}
		c.Categories = append(c.Categories, chartLabel(r.p, r.ByYear, g, analysis.ByYear))
	}
	if len(groups) > 0 {
		p := ChartSeries{Name: r.p.level(budget.Principal), Color: colorPrincipal}
		s := ChartSeries{Name: r.p.F("GEWE share under %s", w.Name), Color: colorTotal}
		sig := ChartSeries{Name: r.p.level(budget.Significant), Color: colorSignificant}
		for _, g := range groups {
			var pv, sv, hv float64
			if g != nil {
				pv, sv, hv = chartPercent(g.Principal), chartPercent(g.Significant), chartPercent(g.GEWEShare)
			}
			p.Values = append(p.Values, pv)
			sig.Values = append(sig.Values, sv)
			s.Values = append(s.Values, hv)
		}
		c.Series = []ChartSeries{p, sig, s}
	}
	var b strings.Builder
	b.WriteString(r.p.F("Source: %s", r.p.chartSources(r)))
	switch len(years) {
	case 0:
	case 1:
		b.WriteString(r.p.F(", fiscal year %s", years[0]))
	default:
		b.WriteString(r.p.F(", fiscal years %s–%s", years[0], years[len(years)-1]))
	}
	b.WriteString(r.p.F(", %s amounts; GEWE share: %s; principal and significant: each level's share of the year's money.", r.p.phase(r.Phase), r.p.countedPhrase(w, true)))
	if len(gaps) > 0 {
		b.WriteString(r.p.F(" No %s money in %s: a gap in the lines.", r.p.phase(r.Phase), r.p.list(gaps)))
	}
	if len(empty) > 0 {
		b.WriteString(r.p.F(" No %s money in %s: left out.", r.p.phase(r.Phase), strings.Join(empty, ", ")))
	}
	switch {
	case len(groups) == 0:
		b.WriteString(r.p.F(" No line has both a fiscal year and %s money: there is no trend to show.", r.p.phase(r.Phase)))
	case len(groups) == 1:
		b.WriteString(r.p.S(" Only one fiscal year: give budgets of several years for a trend."))
	}
	c.Caption = b.String()
	return c
}

// trendYears are the trend's years in order, with their groups: every
// year from the first to the last with money, a year without money (or
// not read at all) with a nil group, named in gaps; empty names the
// years read without money outside that range. When the money is split
// by currency a year has a group per currency, and only the years with
// money are given, in the analysis's order.
func trendYears(r *Report) (groups []*analysis.Group, years, gaps, empty []string) {
	byYear := map[int]*analysis.Group{}
	first, last, split := 0, 0, false
	for _, d := range r.ByYear.By {
		split = split || d == analysis.ByCurrency
	}
	for i := range r.ByYear.Groups {
		g := &r.ByYear.Groups[i]
		v := chartKey(r.ByYear, g, analysis.ByYear).Value
		if v == "" {
			continue // no fiscal year: not on a time axis
		}
		if g.Amount.IsZero() {
			empty = append(empty, v)
			continue
		}
		yr, err := strconv.Atoi(v)
		if split || err != nil {
			groups, years = append(groups, g), append(years, v)
			continue
		}
		byYear[yr] = g
		if first == 0 || yr < first {
			first = yr
		}
		last = max(last, yr)
	}
	if split || len(byYear) == 0 {
		return groups, years, nil, empty
	}
	var outside []string
	for _, v := range empty {
		if yr, err := strconv.Atoi(v); err != nil || yr < first || yr > last {
			outside = append(outside, v)
		}
	}
	for yr := first; yr <= last; yr++ {
		groups, years = append(groups, byYear[yr]), append(years, strconv.Itoa(yr))
		if byYear[yr] == nil {
			gaps = append(gaps, strconv.Itoa(yr))
		}
	}
	return groups, years, gaps, outside
}

// chartPercent returns r as a percentage, 0 when it is undefined.
func chartPercent(r analysis.Ratio) float64 {
	v, _ := r.Value()
	return v * 100
}

// chartKey returns g's key for dimension d.
func chartKey(res *analysis.Result, g *analysis.Group, d analysis.Dim) analysis.Key {
	for i, x := range res.By {
		if x == d && i < len(g.Keys) {
			return g.Keys[i]
		}
	}
	return analysis.Key{}
}

// chartLabel returns the label of g's key for d, after the currency when
// the analysis had to split the money by currency.
func chartLabel(p printer, res *analysis.Result, g *analysis.Group, d analysis.Dim) string {
	label := p.groupLabel(chartKey(res, g, d))
	if d != analysis.ByCurrency {
		for _, x := range res.By {
			if x == analysis.ByCurrency {
				label = chartKey(res, g, analysis.ByCurrency).Label + " · " + label
			}
		}
	}
	return label
}

// ratio returns a/b as a float64 for a chart, 0 when b is zero.
func ratio(a, b budget.Money) float64 {
	v, _ := analysis.Ratio{Num: a, Den: b}.Value()
	return v
}
