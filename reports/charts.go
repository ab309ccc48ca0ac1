package reports

import (
	"bytes"
	"fmt"
	"html"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
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
}

// ChartSeries is one series of a chart: a value for each category.
type ChartSeries struct {
	Name   string    `json:"name"`
	Values []float64 `json:"values"`
	Color  string    `json:"color"` // "#RRGGBB"
}

// The Okabe–Ito colour-blind-safe palette, one colour per meaning, used
// the same way in every chart.
const (
	colorPrincipal   = "#0072B2"
	colorSignificant = "#56B4E9"
	colorLimited     = "#009E73"
	colorPotential   = "#F0E442"
	colorNotTargeted = "#999999"
	colorNotScreened = "#E69F00"
	colorOther       = "#D55E00"
	colorTotal       = "#000000"
)

var levelColors = map[budget.Level]string{
	budget.Principal:   colorPrincipal,
	budget.Significant: colorSignificant,
	budget.Limited:     colorLimited,
	budget.Potential:   colorPotential,
	budget.NotTargeted: colorNotTargeted,
	budget.NotScreened: colorNotScreened,
}

// levelsDown lists the marker levels from principal down to not screened,
// the order of the stacks and the legends.
var levelsDown = []budget.Level{budget.Principal, budget.Significant, budget.Limited, budget.Potential, budget.NotTargeted, budget.NotScreened}

// Charts returns the report's charts, always these four, in this order:
//
//   - "gewe-by-objective": the GEWE share of each GCM objective's money,
//     with each counted marker level stacked (principal and significant
//     under dac_headline);
//   - "markers-by-ministry": the money of each ministry by marker level,
//     stacked to 100 %;
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
// convention (domain reference §3.7) and the phase.
func Charts(r *Report) []ChartData {
	cs := []ChartData{
		objectiveChart(r),
		markerChart(r),
		executionChart(r),
		trendChart(r),
	}
	if r.Track != nil && len(r.Track.Years) > 0 {
		cs = append(cs, sdgChart(r))
	}
	return cs
}

// groupsWithMoney returns the groups of res that have money in the
// phase, with their chart labels, and how many were left out.
func groupsWithMoney(res *analysis.Result, d analysis.Dim) (groups []*analysis.Group, labels []string, skipped int) {
	for i := range res.Groups {
		g := &res.Groups[i]
		if g.Amount == 0 {
			skipped++
			continue
		}
		groups = append(groups, g)
		labels = append(labels, chartLabel(res, g, d))
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

func objectiveChart(r *Report) ChartData {
	w := r.Weighting
	c := ChartData{
		Name:       "gewe-by-objective",
		Kind:       ChartStackedBars,
		Title:      fmt.Sprintf("GEWE share by GCM objective, %s (%s)", w.Name, chartPhaseYear(r.Phase, r.Focus)),
		XLabel:     "Share of the objective's money (%)",
		YLabel:     "GCM objective",
		Percent:    true,
		Horizontal: true,
		Categories: []string{},
		Series:     []ChartSeries{},
	}
	groups, labels, skipped := groupsWithMoney(r.ByObjective, analysis.ByObjective)
	c.Categories = append(c.Categories, labels...)
	if w.Attributed {
		s := ChartSeries{Name: "Declared GEWE amount", Color: colorPrincipal}
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
			s := ChartSeries{Name: lv.Label(), Color: levelColors[lv]}
			if bp != 10000 {
				s.Name += " (counted at " + format.BasisPointsSpaced(bp) + ")"
			}
			for _, g := range groups {
				// The level's money as the convention counts it, as a
				// share of the objective's money: the stack adds up to
				// the objective's GEWE share.
				v := float64(g.Level(lv)) / float64(g.Amount) * 100
				if bp != 10000 {
					v = v * float64(bp) / 10000
				}
				s.Values = append(s.Values, v)
			}
			c.Series = append(c.Series, s)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s; %s. Each bar is the share of the objective's money; a line serving several objectives is split by its shares; not-screened money counts as not GEWE.",
		sourceYearPhase(r, r.Focus, r.Phase.String()+" amounts"), countedPhrase(w))
	if skipped > 0 {
		fmt.Fprintf(&b, " %s with no %s money left out.", format.CountOf(skipped, "objective", "objectives"), r.Phase)
	}
	if len(groups) == 0 {
		fmt.Fprintf(&b, " No line has %s money: there is nothing to show.", r.Phase)
		c.Categories, c.Series = []string{}, []ChartSeries{}
	}
	c.Caption = b.String()
	return c
}

func markerChart(r *Report) ChartData {
	c := ChartData{
		Name:       "markers-by-ministry",
		Kind:       ChartStackedBars,
		Title:      fmt.Sprintf("Gender-marker composition by ministry, unweighted (%s)", chartPhaseYear(r.Phase, r.Focus)),
		XLabel:     "Share of the ministry's money (%)",
		YLabel:     "Ministry",
		Percent:    true,
		Horizontal: true,
		Categories: []string{},
		Series:     []ChartSeries{},
	}
	groups, labels, skipped := groupsWithMoney(r.ByUnit, analysis.ByUnit)
	c.Categories = append(c.Categories, labels...)
	for _, lv := range levelsDown {
		s := ChartSeries{Name: lv.Label(), Color: levelColors[lv], Values: []float64{}}
		some := false
		for _, g := range groups {
			m := g.Level(lv)
			some = some || m != 0
			s.Values = append(s.Values, float64(m)/float64(g.Amount)*100)
		}
		if some { // a level no ministry has adds nothing to the stacks
			c.Series = append(c.Series, s)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s; each ministry's money by gender-marker level, before weighting (under %s, %s).",
		sourceYearPhase(r, r.Focus, r.Phase.String()+" amounts"), r.Weighting.Name, strings.TrimSuffix(countedPhrase(r.Weighting), " under "+r.Weighting.Name))
	if skipped > 0 {
		fmt.Fprintf(&b, " %s with no %s money left out.", format.CountOf(skipped, "ministry", "ministries"), r.Phase)
	}
	if len(groups) == 0 {
		fmt.Fprintf(&b, " No line has %s money: there is nothing to show.", r.Phase)
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
		Title:      fmt.Sprintf("Execution rate, GEWE-marked vs other lines, %s (executed ÷ budget%s)", w.Name, chartYear(year)),
		XLabel:     "Executed ÷ revised or approved budget (%)",
		YLabel:     "Fiscal year",
		Percent:    true,
		Horizontal: true,
		Categories: []string{},
		Series:     []ChartSeries{},
	}
	if r.Execution != nil {
		t := r.Execution.Execution.Total
		names := [3]string{"GEWE-marked lines", "Other screened lines", "Not-screened lines"}
		colors := [3]string{colorPrincipal, colorOther, colorNotScreened}
		for k, e := range []analysis.Execution{t.GEWE, t.Other, t.NotScreened} {
			v, ok := e.Rate.Value()
			if !ok || e.Lines == 0 {
				continue
			}
			c.Series = append(c.Series, ChartSeries{Name: fmt.Sprintf("%s (%d)", names[k], e.Lines), Values: []float64{v * 100}, Color: colors[k]})
		}
	}
	if len(c.Series) > 0 {
		if year != 0 {
			c.Categories = []string{strconv.Itoa(year)}
		} else {
			c.Categories = []string{"All lines"}
			c.YLabel = ""
		}
	}
	var b strings.Builder
	b.WriteString(sourceYearPhase(r, year, "executed money ÷ the revised budget, or the approved budget where there is none, of the lines that give both (number of lines in brackets)"))
	fmt.Fprintf(&b, "; GEWE-marked lines are those %s.", geweMarkedPhrase(w))
	if r.Focus != 0 && year != 0 && year != r.Focus {
		fmt.Fprintf(&b, " Fiscal year %d has no executed amounts yet: %d is the latest year with some.", r.Focus, year)
	}
	if len(c.Series) == 0 {
		b.WriteString(" No line gives both a budget and an executed amount: the execution rate cannot be shown.")
	}
	c.Caption = b.String()
	return c
}

func trendChart(r *Report) ChartData {
	w := r.Weighting
	c := ChartData{
		Name:       "gewe-trend",
		Kind:       ChartLines,
		Title:      fmt.Sprintf("GEWE share by fiscal year, %s (%s amounts)", w.Name, r.Phase),
		XLabel:     "Fiscal year",
		YLabel:     "Share of the year's money (%)",
		Percent:    true,
		Categories: []string{},
		Series:     []ChartSeries{},
	}
	var groups []*analysis.Group
	var years []string
	var empty []string
	for i := range r.ByYear.Groups {
		g := &r.ByYear.Groups[i]
		y := chartKey(r.ByYear, g, analysis.ByYear)
		if y.Value == "" {
			continue // no fiscal year: not on a time axis
		}
		if g.Amount == 0 {
			empty = append(empty, y.Value)
			continue
		}
		groups = append(groups, g)
		years = append(years, y.Value)
		c.Categories = append(c.Categories, chartLabel(r.ByYear, g, analysis.ByYear))
	}
	if len(groups) > 0 {
		p := ChartSeries{Name: "Principal", Color: colorPrincipal}
		s := ChartSeries{Name: "Significant", Color: colorSignificant}
		h := ChartSeries{Name: "GEWE share under " + w.Name, Color: colorTotal}
		for _, g := range groups {
			p.Values = append(p.Values, chartPercent(g.Principal))
			s.Values = append(s.Values, chartPercent(g.Significant))
			h.Values = append(h.Values, chartPercent(g.GEWEShare))
		}
		c.Series = []ChartSeries{p, s, h}
	}
	var b strings.Builder
	b.WriteString("Source: " + chartSources(r))
	switch len(years) {
	case 0:
	case 1:
		fmt.Fprintf(&b, ", fiscal year %s", years[0])
	default:
		fmt.Fprintf(&b, ", fiscal years %s–%s", years[0], years[len(years)-1])
	}
	fmt.Fprintf(&b, ", %s amounts; GEWE share: %s; principal and significant: each level's share of the year's money.", r.Phase, countedPhrase(w))
	if len(empty) > 0 {
		fmt.Fprintf(&b, " No %s money in %s: left out.", r.Phase, strings.Join(empty, ", "))
	}
	switch {
	case len(groups) == 0:
		fmt.Fprintf(&b, " No line has both a fiscal year and %s money: there is no trend to show.", r.Phase)
	case len(groups) == 1:
		b.WriteString(" Only one fiscal year: give budgets of several years for a trend.")
	}
	c.Caption = b.String()
	return c
}

// Alt returns a text alternative to the chart for people who cannot see
// it: the title, then each category with its values in whole per cent
// ("1 Data: Principal 1 %, Significant 78 %"), then the caption.
func (c ChartData) Alt() string {
	var b strings.Builder
	b.WriteString(c.Title)
	b.WriteString(".")
	if len(c.Series) == 0 {
		b.WriteString(" No data.")
	}
	for i, cat := range c.Categories {
		b.WriteString(" " + cat + ":")
		for k, s := range c.Series {
			if k > 0 {
				b.WriteString(",")
			}
			v := 0.0
			if i < len(s.Values) {
				v = s.Values[i]
			}
			b.WriteString(" " + s.Name + " " + chartValue(v, c.Percent))
		}
		b.WriteString(";")
	}
	if c.Caption != "" {
		b.WriteString(" " + c.Caption)
	}
	return chartText(b.String())
}

// geweMarkedPhrase says which lines count as GEWE-marked under w.
func geweMarkedPhrase(w analysis.Weighting) string {
	if w.Attributed {
		return "declaring an approved GEWE amount (" + w.Name + ")"
	}
	var lv []string
	for _, l := range levelsDown {
		if w.Weight(l) > 0 {
			lv = append(lv, strings.ToLower(l.Label()))
		}
	}
	if len(lv) == 0 {
		return "with a marker counted under " + w.Name + " (none is)"
	}
	return "marked " + chartOr(lv) + ", the levels " + w.Name + " counts"
}

// countedPhrase says how convention w counts money: "principal and
// significant counted in full under dac_headline".
func countedPhrase(w analysis.Weighting) string {
	if w.Attributed {
		return "the GEWE amount declared on each line counted under " + w.Name
	}
	var names, weighted []string
	full := true
	for _, lv := range levelsDown {
		bp := w.Weight(lv)
		if bp <= 0 {
			continue
		}
		name := strings.ToLower(lv.Label())
		names = append(names, name)
		weighted = append(weighted, name+" at "+format.BasisPointsSpaced(bp))
		full = full && bp == 10000
	}
	switch {
	case len(names) == 0:
		return "no money counted under " + w.Name
	case full:
		return chartAnd(names) + " counted in full under " + w.Name
	}
	return chartAnd(weighted) + " counted under " + w.Name
}

func chartAnd(s []string) string { return format.List(s, "and") }
func chartOr(s []string) string  { return format.List(s, "or") }

// chartPercent returns r as a percentage, 0 when it is undefined.
func chartPercent(r analysis.Ratio) float64 {
	v, _ := r.Value()
	return v * 100
}

func chartPhaseYear(p budget.Phase, year int) string {
	return p.String() + chartYear(year)
}

func chartYear(year int) string {
	if year == 0 {
		return ""
	}
	return ", " + strconv.Itoa(year)
}

func chartSources(r *Report) string {
	var s []string
	for _, n := range r.Sources() {
		if n != "" {
			s = append(s, n)
		}
	}
	if len(s) == 0 {
		return "unnamed input"
	}
	return strings.Join(s, ", ")
}

// sourceYearPhase begins a caption: "Source: a.xlsx, fiscal year 2025,
// approved amounts".
func sourceYearPhase(r *Report, year int, what string) string {
	y := "all lines (no fiscal year given)"
	if year != 0 {
		y = "fiscal year " + strconv.Itoa(year)
	}
	return "Source: " + chartSources(r) + ", " + y + ", " + what
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
func chartLabel(res *analysis.Result, g *analysis.Group, d analysis.Dim) string {
	label := chartKey(res, g, d).Label
	if d != analysis.ByCurrency {
		for _, x := range res.By {
			if x == analysis.ByCurrency {
				label = chartKey(res, g, analysis.ByCurrency).Label + " · " + label
			}
		}
	}
	return label
}

// Chart drawing.

var chartFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

// Font sizes, in points, and the longest category label drawn.
const (
	titleFontSize   = 13
	axisFontSize    = 11
	tickFontSize    = 10
	legendFontSize  = 10
	captionFontSize = 9
	valueFontSize   = 9
	maxLabelRunes   = 40

	// PNGDPI is the resolution of PNG charts: twice the usual 96 dots per
	// inch, so that they stay sharp on high-density screens and in print.
	PNGDPI = 192
)

// ChartSize returns a size that fits chart c: 8 inches wide, and tall
// enough for a readable row per bar of a horizontal chart.
func ChartSize(c ChartData) (width, height vg.Length) {
	width, height = 8*vg.Inch, 5*vg.Inch
	if c.Horizontal {
		rows := len(c.Categories)
		if c.Kind == ChartGroupedBars {
			rows *= max(1, len(c.Series))
		}
		height = max(4*vg.Inch, 2.6*vg.Inch+vg.Length(rows)*0.3*vg.Inch)
	}
	return width, height
}

type legendItem struct {
	name   string
	thumbs []plot.Thumbnailer
	wide   bool // a line: a wider thumbnail
}

// PlotChart builds the gonum/plot plot of chart c, with its legend to the
// right of the data area, where it hides no bar. Horizontal charts put
// the first category at the top; percent charts have a 0–100 % value axis
// (longer when a value exceeds 100 %); category labels longer than 40
// characters are shortened with an ellipsis. A chart without series shows
// "No data to show". The caption is not drawn.
//
// WriteChart draws the same plot with the legend and the caption below
// it, which leaves the bars the whole width: prefer it for files and
// pages.
func PlotChart(c ChartData) (*plot.Plot, error) {
	p, items, err := buildPlot(c)
	if err != nil {
		return nil, err
	}
	if len(items) > 0 {
		sty := chartStyle(legendFontSize)
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
		gap := vg.Length(12)
		if c.Horizontal && c.Kind != ChartLines {
			gap += 30 // room for the value labels at the end of the bars
		}
		p.Add(&sideLegend{items: items, sty: sty, gap: gap})
	}
	return p, nil
}

// sideLegend is a legend drawn to the right of the data area: its glyph
// box makes the plot keep room for it.
type sideLegend struct {
	items []legendItem
	sty   text.Style
	gap   vg.Length // between the data area and the legend
}

func (l *sideLegend) rowHeight() vg.Length { return l.sty.FontExtents().Height * 1.4 }

func (l *sideLegend) width() vg.Length {
	var w vg.Length
	for _, it := range l.items {
		w = max(w, legendThumb(it)+4+l.sty.Width(it.name))
	}
	return w
}

// GlyphBoxes implements plot.GlyphBoxer.
func (l *sideLegend) GlyphBoxes(*plot.Plot) []plot.GlyphBox {
	h := vg.Length(len(l.items)) * l.rowHeight()
	return []plot.GlyphBox{{X: 1, Y: 1, Rectangle: vg.Rectangle{
		Min: vg.Point{X: l.gap, Y: -h},
		Max: vg.Point{X: l.gap + l.width(), Y: 0},
	}}}
}

// Plot implements plot.Plotter.
func (l *sideLegend) Plot(c draw.Canvas, _ *plot.Plot) {
	x := c.Max.X + l.gap
	y := c.Max.Y - l.rowHeight()/2
	for _, it := range l.items {
		drawLegendItem(c, it, l.sty, x, y)
		y -= l.rowHeight()
	}
}

// drawLegendItem draws a legend entry, its thumbnail's left edge at x and
// its middle at y.
func drawLegendItem(c draw.Canvas, it legendItem, sty text.Style, x, y vg.Length) {
	tw := legendThumb(it)
	th := vg.Length(legendFontSize)
	icon := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
		Min: vg.Point{X: x, Y: y - th/2},
		Max: vg.Point{X: x + tw, Y: y + th/2},
	}}
	for _, t := range it.thumbs {
		t.Thumbnail(&icon)
	}
	c.FillText(sty, vg.Point{X: x + tw + 4, Y: y}, it.name)
}

func chartStyle(size vg.Length) text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    font.From(chartFont, size),
		Handler: plot.DefaultTextHandler,
	}
}

func buildPlot(c ChartData) (*plot.Plot, []legendItem, error) {
	n := len(c.Categories)
	for _, s := range c.Series {
		if len(s.Values) != n {
			return nil, nil, fmt.Errorf("reports: chart %s: series %q has %d values for %d categories", c.Name, s.Name, len(s.Values), n)
		}
		for _, v := range s.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, nil, fmt.Errorf("reports: chart %s: series %q has a value that is not a number", c.Name, s.Name)
			}
		}
	}
	switch c.Kind {
	case ChartStackedBars, ChartGroupedBars, ChartLines:
	default:
		return nil, nil, fmt.Errorf("reports: chart %s: unknown kind %q", c.Name, c.Kind)
	}

	p := plot.New()
	p.Title.Text = chartText(c.Title)
	p.Title.TextStyle.Font = font.From(chartFont, titleFontSize)
	p.Title.Padding = 6
	p.Legend.TextStyle.Font = font.From(chartFont, legendFontSize)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(chartFont, axisFontSize)
		a.Tick.Label.Font = font.From(chartFont, tickFontSize)
	}
	p.X.Label.Text = chartText(c.XLabel)
	p.Y.Label.Text = chartText(c.YLabel)

	if n == 0 || len(c.Series) == 0 {
		p.HideAxes()
		p.X.Label.Text, p.Y.Label.Text = "", ""
		p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
		p.Add(chartMessage("No data to show"))
		return p, nil, nil
	}

	horizontal := c.Horizontal && c.Kind != ChartLines
	// pos is the place of category i on the axis: horizontal charts read
	// from the top.
	pos := func(i int) int {
		if horizontal {
			return n - 1 - i
		}
		return i
	}
	labels := make([]string, n)
	for i, s := range c.Categories {
		labels[pos(i)] = chartShorten(chartText(s), maxLabelRunes)
	}
	catAxis, valAxis := &p.X, &p.Y
	if horizontal {
		catAxis, valAxis = &p.Y, &p.X
	}

	grid := plotter.NewGrid()
	grid.Horizontal.Color = color.Gray{Y: 0xDD}
	grid.Vertical.Color = color.Gray{Y: 0xDD}
	if horizontal || c.Kind == ChartLines {
		grid.Horizontal.Color = nil
	}
	if !horizontal {
		grid.Vertical.Color = nil
	}
	if c.Kind == ChartLines {
		grid.Horizontal.Color = color.Gray{Y: 0xDD}
	}
	p.Add(grid)

	var items []legendItem
	top := 0.0 // the largest value drawn: bar ends and points
	switch c.Kind {
	case ChartStackedBars, ChartGroupedBars:
		stacked := c.Kind == ChartStackedBars
		var prev *plotter.BarChart
		totals := make([]float64, n)
		for k, s := range c.Series {
			vals := make(plotter.Values, n)
			for i, v := range s.Values {
				vals[pos(i)] = v
				if stacked {
					totals[i] += v
				} else {
					top = math.Max(top, v)
				}
			}
			bc, err := plotter.NewBarChart(vals, 1)
			if err != nil {
				return nil, nil, fmt.Errorf("reports: chart %s: %v", c.Name, err)
			}
			col, err := chartColor(s.Color)
			if err != nil {
				return nil, nil, fmt.Errorf("reports: chart %s: series %q: %v", c.Name, s.Name, err)
			}
			bc.Color = col
			bc.LineStyle.Width = 0
			bc.Horizontal = horizontal
			b := &chartBars{BarChart: bc, frac: 0.7, group: 0, groups: 1}
			if stacked {
				if prev != nil {
					bc.StackOn(prev)
				}
				prev = bc
			} else {
				b.group, b.groups = k, len(c.Series)
			}
			p.Add(b)
			items = append(items, legendItem{name: chartText(s.Name), thumbs: []plot.Thumbnailer{bc}})
		}
		// Label the bars with their values, unless every stack makes 100 %.
		var xys plotter.XYs
		var texts []string
		if stacked {
			full := true
			for _, t := range totals {
				top = math.Max(top, t)
				full = full && math.Abs(t-100) < 0.5
			}
			if !(c.Percent && full) {
				for i, t := range totals {
					xys = append(xys, plotter.XY{X: float64(pos(i)), Y: t})
					texts = append(texts, chartValue(t, c.Percent))
				}
			}
		} else {
			g := len(c.Series)
			for k, s := range c.Series {
				off := (float64(k) - float64(g-1)/2) * 0.7 / float64(g)
				if horizontal {
					off = -off // the first series at the top
				}
				for i, v := range s.Values {
					xys = append(xys, plotter.XY{X: float64(pos(i)) + off, Y: v})
					texts = append(texts, chartValue(v, c.Percent))
				}
			}
		}
		if len(xys) > 0 {
			if horizontal {
				for i := range xys {
					xys[i].X, xys[i].Y = xys[i].Y, xys[i].X
				}
			}
			lb, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: texts})
			if err != nil {
				return nil, nil, fmt.Errorf("reports: chart %s: %v", c.Name, err)
			}
			for i := range lb.TextStyle {
				lb.TextStyle[i] = chartStyle(valueFontSize)
				if horizontal {
					lb.TextStyle[i].XAlign = draw.XLeft
					lb.TextStyle[i].YAlign = draw.YCenter
				} else {
					lb.TextStyle[i].XAlign = draw.XCenter
					lb.TextStyle[i].YAlign = draw.YBottom
				}
			}
			if horizontal {
				lb.Offset = vg.Point{X: 3}
			} else {
				lb.Offset = vg.Point{Y: 2}
			}
			p.Add(lb)
		}
	case ChartLines:
		shapes := []draw.GlyphDrawer{draw.CircleGlyph{}, draw.PyramidGlyph{}, draw.BoxGlyph{}, draw.TriangleGlyph{}, draw.RingGlyph{}, draw.SquareGlyph{}}
		for k, s := range c.Series {
			xys := make(plotter.XYs, n)
			for i, v := range s.Values {
				xys[i] = plotter.XY{X: float64(i), Y: v}
				top = math.Max(top, v)
			}
			l, sc, err := plotter.NewLinePoints(xys)
			if err != nil {
				return nil, nil, fmt.Errorf("reports: chart %s: %v", c.Name, err)
			}
			col, err := chartColor(s.Color)
			if err != nil {
				return nil, nil, fmt.Errorf("reports: chart %s: series %q: %v", c.Name, s.Name, err)
			}
			l.Color = col
			l.Width = 2
			sc.Color = col
			sc.Radius = 3.5
			sc.Shape = shapes[k%len(shapes)]
			p.Add(l, sc)
			items = append(items, legendItem{name: chartText(s.Name), thumbs: []plot.Thumbnailer{l, sc}, wide: true})
		}
	}

	// Axes: categories by name, values from 0.
	if horizontal {
		p.NominalY(labels...)
	} else {
		p.NominalX(labels...)
	}
	catAxis.Min, catAxis.Max = -0.5, float64(n)-0.5
	if c.Percent {
		valAxis.Min, valAxis.Max = 0, 100
		if top > 100+1e-9 {
			valAxis.Max = math.Ceil(top/20) * 20
		}
		valAxis.Tick.Marker = percentTicks(valAxis.Max)
	} else {
		valAxis.Min = math.Min(0, valAxis.Min)
	}
	return p, items, nil
}

// chartBars is a bar chart whose bars take a fixed fraction of the space of a
// category, whatever the size of the canvas: plotter.BarChart's width is
// a length, which this computes when drawing.
type chartBars struct {
	*plotter.BarChart
	frac          float64 // share of a category's space taken by its bars
	group, groups int     // this chart's place among side-by-side charts
}

// Plot implements plot.Plotter.
func (b *chartBars) Plot(c draw.Canvas, plt *plot.Plot) {
	trX, trY := plt.Transforms(&c)
	step := trX(1) - trX(0)
	if b.Horizontal {
		step = trY(1) - trY(0)
	}
	if step < 0 {
		step = -step
	}
	b.Width = step * vg.Length(b.frac) / vg.Length(b.groups)
	off := (vg.Length(b.group) - vg.Length(b.groups-1)/2) * b.Width
	if b.Horizontal {
		off = -off // the first series at the top
	}
	b.Offset = off
	b.BarChart.Plot(c, plt)
}

// chartMessage is a plotter that writes a text in the middle of the data area.
type chartMessage string

// Plot implements plot.Plotter.
func (m chartMessage) Plot(c draw.Canvas, _ *plot.Plot) {
	sty := chartStyle(axisFontSize + 1)
	sty.Color = color.Gray{Y: 0x44}
	sty.XAlign, sty.YAlign = draw.XCenter, draw.YCenter
	c.FillText(sty, c.Center(), string(m))
}

func percentTicks(max float64) plot.ConstantTicks {
	step := 20.0
	if max > 200 {
		step = 50
	}
	var t plot.ConstantTicks
	for v := 0.0; v <= max+1e-9; v += step {
		t = append(t, plot.Tick{Value: v, Label: format.PercentExactSpaced(v)})
	}
	return t
}

func chartValue(v float64, pct bool) string {
	if !pct {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	switch {
	case v > 0 && v < 1:
		return "<1 %"
	case v < 0 && v > -1:
		return ">−1 %"
	}
	return format.PercentExactSpaced(math.Round(v))
}

func chartColor(s string) (color.Color, error) {
	if s == "" {
		return color.Black, nil
	}
	if len(s) != 7 || s[0] != '#' {
		return nil, fmt.Errorf("colour %q is not #RRGGBB", s)
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return nil, fmt.Errorf("colour %q is not #RRGGBB", s)
	}
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xFF}, nil
}

// chartText makes s safe to draw: valid UTF-8 without control
// characters, which XML (and so SVG) cannot carry, on one line. The SVG
// writer escapes markup (<, >, &, quotes) itself.
func chartText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < 0x20 || (r >= 0x7F && r < 0xA0) || r == 0xFFFE || r == 0xFFFF:
			return -1
		}
		return r
	}, s)
}

// chartShorten cuts s to at most n characters, at a space when there is one
// near the end, and marks the cut with an ellipsis.
func chartShorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := n - 1
	for i := cut; i > n*2/3; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:-–(") + "…"
}

// chartWrap breaks s into lines no wider than width in style sty.
func chartWrap(s string, sty text.Style, width vg.Length) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if line != "" && sty.Width(try) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// WriteChart draws chart c as format "svg" or "png" on a width × height
// canvas and writes it to w: the title at the top, the plot, the legend
// below the plot and the caption at the bottom, so that the file stands
// alone. PNG charts are PNGDPI dots per inch: an 8 × 5 inch chart is
// 1536 × 960 pixels. ChartSize gives a size that suits the chart.
//
// Text from input files (ministry names, file names) is escaped in SVG
// output and cannot add markup. SVG text names the Liberation Sans font
// with the metric-compatible Arial, Helvetica and sans-serif as
// fallbacks. The output depends only on c, the format and the size.
func WriteChart(w io.Writer, c ChartData, format string, width, height vg.Length) error {
	if width < 2*vg.Inch || height < 2*vg.Inch {
		return fmt.Errorf("reports: chart %s: %v × %v is too small (want at least 2 × 2 inches)", c.Name, width, height)
	}
	var cw vg.CanvasWriterTo
	switch format {
	case "svg":
		cw = vgsvg.New(width, height)
	case "png":
		cw = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(PNGDPI))}
	default:
		return fmt.Errorf("reports: chart %s: unknown format %q (want svg or png)", c.Name, format)
	}
	p, items, err := buildPlot(c)
	if err != nil {
		return err
	}
	dc := draw.New(cw)
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())

	const margin = vg.Length(10)
	inner := width - 2*margin
	title := chartWrap(p.Title.Text, p.Title.TextStyle, inner)
	p.Title.Text = strings.Join(title, "\n")

	capSty := chartStyle(captionFontSize)
	capSty.Color = color.Gray{Y: 0x33}
	capSty.XAlign, capSty.YAlign = draw.XLeft, draw.YTop
	capLines := chartWrap(chartText(c.Caption), capSty, inner)
	capH := vg.Length(0)
	if len(capLines) > 0 {
		capH = capSty.Height(strings.Join(capLines, "\n")) + margin
	}

	legSty := chartStyle(legendFontSize)
	legSty.XAlign, legSty.YAlign = draw.XLeft, draw.YCenter
	rows := legendRows(items, legSty, inner)
	rowH := legSty.FontExtents().Height * 1.4
	legH := vg.Length(0)
	if len(rows) > 0 {
		legH = vg.Length(len(rows))*rowH + margin/2
	}

	plotArea := draw.Crop(dc, margin, -margin, margin+capH+legH, -margin)
	if plotArea.Max.Y-plotArea.Min.Y < vg.Inch {
		return fmt.Errorf("reports: chart %s: %v × %v is too small for its legend and caption", c.Name, width, height)
	}
	p.Draw(plotArea)

	// Legend rows, centred under the plot.
	y := margin + capH + legH - rowH/2
	for _, row := range rows {
		x := margin + (inner-rowWidth(row, legSty))/2
		for _, it := range row {
			drawLegendItem(dc, it, legSty, x, y)
			x += legendItemWidth(it, legSty)
		}
		y -= rowH
	}

	if len(capLines) > 0 {
		dc.FillText(capSty, vg.Point{X: margin, Y: margin + capH - margin/2}, strings.Join(capLines, "\n"))
	}

	if format != "svg" {
		_, err = cw.WriteTo(w)
		return err
	}
	var buf bytes.Buffer
	if _, err := cw.WriteTo(&buf); err != nil {
		return err
	}
	out := bytes.ReplaceAll(buf.Bytes(), []byte("font-family:Liberation Sans;"), []byte("font-family:'Liberation Sans',Arial,Helvetica,sans-serif;"))
	_, err = w.Write(svgDescribe(out, c))
	return err
}

// svgDescribe adds the chart's title and caption, escaped, as the <title>
// and <desc> of an SVG document, which screen readers announce.
func svgDescribe(svg []byte, c ChartData) []byte {
	i := bytes.Index(svg, []byte("<svg"))
	if i < 0 {
		return svg
	}
	j := bytes.IndexByte(svg[i:], '>')
	if j < 0 {
		return svg
	}
	at := i + j + 1
	meta := "\n<title>" + html.EscapeString(chartText(c.Title)) + "</title>\n<desc>" + html.EscapeString(chartText(c.Caption)) + "</desc>"
	out := make([]byte, 0, len(svg)+len(meta))
	out = append(out, svg[:at]...)
	out = append(out, meta...)
	return append(out, svg[at:]...)
}

const legendGap = vg.Length(16)

func legendThumb(it legendItem) vg.Length {
	if it.wide {
		return 22
	}
	return legendFontSize
}

func legendItemWidth(it legendItem, sty text.Style) vg.Length {
	return legendThumb(it) + 4 + sty.Width(it.name) + legendGap
}

func rowWidth(row []legendItem, sty text.Style) vg.Length {
	var w vg.Length
	for _, it := range row {
		w += legendItemWidth(it, sty)
	}
	return w - legendGap
}

// legendRows flows the legend items into rows no wider than width.
func legendRows(items []legendItem, sty text.Style, width vg.Length) [][]legendItem {
	var rows [][]legendItem
	var row []legendItem
	var w vg.Length
	for _, it := range items {
		iw := legendItemWidth(it, sty)
		if len(row) > 0 && w+iw-legendGap > width {
			rows = append(rows, row)
			row, w = nil, 0
		}
		row = append(row, it)
		w += iw
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}
