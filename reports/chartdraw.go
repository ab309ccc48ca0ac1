package reports

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// chartFont is the font of every text of a chart: Liberation Sans, whose
// metrics match Arial and Helvetica.
var chartFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

// Font sizes, in points, and the longest line of a category label.
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

// PlotChart builds the gonum/plot plot of chart c, with its legend to the
// right of the data area, where it hides no bar. Horizontal charts put
// the first category at the top; percent charts have a 0–100 % value axis
// (longer when a value exceeds 100 %); category labels longer than 40
// characters are wrapped on several lines, never cut. A chart without series shows
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

// chartStyle returns black text in the chart font at size.
func chartStyle(size vg.Length) text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    font.From(chartFont, size),
		Handler: plot.DefaultTextHandler,
	}
}

// buildPlot builds the plot of chart c, without legend, and returns the
// legend's entries: the axes, the grid, then the series drawn by the
// plotter of c's kind.
func buildPlot(c ChartData) (*plot.Plot, []legendItem, error) {
	if err := checkChart(c); err != nil {
		return nil, nil, err
	}
	p := newChartPlot(c)
	if len(c.Categories) == 0 || len(c.Series) == 0 {
		showNoData(p)
		return p, nil, nil
	}
	ax := chartAxesOf(c)
	p.Add(chartGrid(ax))
	items, top, err := chartKinds[c.Kind](p, c, ax)
	if err != nil {
		return nil, nil, err
	}
	setChartAxes(p, c, ax, top)
	return p, items, nil
}

// chartKinds draws the series of each kind of chart onto a plot whose
// axes are ax. Each returns the legend's entries and the largest value
// drawn. Adding a kind of chart is one function and one line here.
var chartKinds = map[string]func(p *plot.Plot, c ChartData, ax chartAxes) ([]legendItem, float64, error){
	ChartStackedBars: plotBars,
	ChartGroupedBars: plotBars,
	ChartLines:       plotLines,
}

// checkChart reports a chart that cannot be drawn: a series without a
// value for each category, a value that is not a number, or a kind
// without a plotter.
func checkChart(c ChartData) error {
	n := len(c.Categories)
	for _, s := range c.Series {
		if len(s.Values) != n {
			return fmt.Errorf("reports: chart %s: series %q has %d values for %d categories", c.Name, s.Name, len(s.Values), n)
		}
		for _, v := range s.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("reports: chart %s: series %q has a value that is not a number", c.Name, s.Name)
			}
		}
	}
	if chartKinds[c.Kind] == nil {
		return fmt.Errorf("reports: chart %s: unknown kind %q", c.Name, c.Kind)
	}
	return nil
}

// newChartPlot returns an empty plot with c's title and axis labels in
// the chart fonts.
func newChartPlot(c ChartData) *plot.Plot {
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
	return p
}

// showNoData hides the axes of p and writes "No data to show" in their
// place.
func showNoData(p *plot.Plot) {
	p.HideAxes()
	p.X.Label.Text, p.Y.Label.Text = "", ""
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = 0, 1, 0, 1
	p.Add(chartMessage("No data to show"))
}

// chartAxes is where a chart's categories go: n of them, along the
// vertical axis when horizontal (bars along the horizontal axis), else
// along the horizontal axis.
type chartAxes struct {
	n          int
	horizontal bool
}

// chartAxesOf returns the axes of chart c: line charts are never
// horizontal.
func chartAxesOf(c ChartData) chartAxes {
	return chartAxes{n: len(c.Categories), horizontal: c.Horizontal && c.Kind != ChartLines}
}

// pos is the place of category i on its axis: horizontal charts read
// from the top.
func (ax chartAxes) pos(i int) int {
	if ax.horizontal {
		return ax.n - 1 - i
	}
	return i
}

// chartGrid returns grid lines across the value axis.
func chartGrid(ax chartAxes) *plotter.Grid {
	grid := plotter.NewGrid()
	grid.Horizontal.Color = color.Gray{Y: 0xDD}
	grid.Vertical.Color = color.Gray{Y: 0xDD}
	if ax.horizontal {
		grid.Horizontal.Color = nil
	} else {
		grid.Vertical.Color = nil
	}
	return grid
}

// setChartAxes names the categories on their axis, wrapped at
// maxLabelRunes, and starts the value axis at 0: 0–100 % for percent
// charts, longer when top, the largest value drawn, exceeds 100 %.
func setChartAxes(p *plot.Plot, c ChartData, ax chartAxes, top float64) {
	labels := categoryLabels(c, ax)
	catAxis, valAxis := &p.X, &p.Y
	if ax.horizontal {
		catAxis, valAxis = &p.Y, &p.X
		p.NominalY(labels...)
	} else {
		p.NominalX(labels...)
	}
	catAxis.Min, catAxis.Max = -0.5, float64(ax.n)-0.5
	if c.Percent {
		valAxis.Min, valAxis.Max = 0, 100
		if top > 100+1e-9 {
			valAxis.Max = math.Ceil(top/20) * 20
		}
		valAxis.Tick.Marker = percentTicks(c.p, valAxis.Max)
	} else {
		valAxis.Min = math.Min(0, valAxis.Min)
	}
}

// categoryLabels are the category names as drawn on their axis, in the
// axis's order.
func categoryLabels(c ChartData, ax chartAxes) []string {
	labels := make([]string, ax.n)
	for i, s := range c.Categories {
		labels[ax.pos(i)] = chartWrapRunes(chartText(s), maxLabelRunes)
	}
	return labels
}

// plotBars draws a stacked or grouped bar chart: a bar chart per series,
// stacked on the previous one or beside it, then the values at the end
// of the bars.
func plotBars(p *plot.Plot, c ChartData, ax chartAxes) ([]legendItem, float64, error) {
	stacked := c.Kind == ChartStackedBars
	var prev *plotter.BarChart
	var items []legendItem
	for k, s := range c.Series {
		bc, err := seriesBars(c, s, ax)
		if err != nil {
			return nil, 0, err
		}
		b := &chartBars{BarChart: bc, frac: 0.7, group: 0, groups: 1, pattern: s.Pattern}
		if stacked {
			if prev != nil {
				bc.StackOn(prev)
				b.below = prev
			}
			prev = bc
		} else {
			b.group, b.groups = k, len(c.Series)
		}
		p.Add(b)
		items = append(items, legendItem{name: chartText(s.Name), thumbs: []plot.Thumbnailer{b}})
	}
	labelValues := groupedValueLabels
	if stacked {
		labelValues = stackedValueLabels
	}
	xys, texts, top := labelValues(c, ax)
	if err := addValueLabels(p, c, ax, xys, texts); err != nil {
		return nil, 0, err
	}
	return items, top, nil
}

// seriesBars returns the bars of series s in its colour, in category
// order along the axis.
func seriesBars(c ChartData, s ChartSeries, ax chartAxes) (*plotter.BarChart, error) {
	vals := make(plotter.Values, ax.n)
	for i, v := range s.Values {
		vals[ax.pos(i)] = v
	}
	bc, err := plotter.NewBarChart(vals, 1)
	if err != nil {
		return nil, fmt.Errorf("reports: chart %s: %v", c.Name, err)
	}
	col, err := chartColor(s.Color)
	if err != nil {
		return nil, fmt.Errorf("reports: chart %s: series %q: %v", c.Name, s.Name, err)
	}
	bc.Color = col
	// A white outline parts each bar from its neighbours (stacked
	// segments never touch), whatever their colours.
	bc.LineStyle.Width = vg.Points(1)
	bc.LineStyle.Color = color.White
	bc.Horizontal = ax.horizontal
	return bc, nil
}

// stackedValueLabels returns the place and text of each stack's total,
// none when every stack of a percent chart makes 100 %, and the largest
// total.
func stackedValueLabels(c ChartData, ax chartAxes) (plotter.XYs, []string, float64) {
	totals := make([]float64, ax.n)
	for _, s := range c.Series {
		for i, v := range s.Values {
			totals[i] += v
		}
	}
	top := 0.0
	full := true
	for _, t := range totals {
		top = math.Max(top, t)
		full = full && math.Abs(t-100) < 0.5
	}
	if c.Percent && full {
		return nil, nil, top
	}
	var xys plotter.XYs
	var texts []string
	for i, t := range totals {
		xys = append(xys, plotter.XY{X: float64(ax.pos(i)), Y: t})
		texts = append(texts, c.p.chartValue(t, c.Percent))
	}
	return xys, texts, top
}

// groupedValueLabels returns the place and text of the value of each bar
// of a grouped chart, and the largest value.
func groupedValueLabels(c ChartData, ax chartAxes) (plotter.XYs, []string, float64) {
	var xys plotter.XYs
	var texts []string
	top := 0.0
	g := len(c.Series)
	for k, s := range c.Series {
		off := (float64(k) - float64(g-1)/2) * 0.7 / float64(g)
		if ax.horizontal {
			off = -off // the first series at the top
		}
		for i, v := range s.Values {
			top = math.Max(top, v)
			xys = append(xys, plotter.XY{X: float64(ax.pos(i)) + off, Y: v})
			texts = append(texts, c.p.chartValue(v, c.Percent))
		}
	}
	return xys, texts, top
}

// addValueLabels writes texts at the end of the bars at xys, given with
// the category along X.
func addValueLabels(p *plot.Plot, c ChartData, ax chartAxes, xys plotter.XYs, texts []string) error {
	if len(xys) == 0 {
		return nil
	}
	if ax.horizontal {
		for i := range xys {
			xys[i].X, xys[i].Y = xys[i].Y, xys[i].X
		}
	}
	lb, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: texts})
	if err != nil {
		return fmt.Errorf("reports: chart %s: %v", c.Name, err)
	}
	for i := range lb.TextStyle {
		lb.TextStyle[i] = chartStyle(valueFontSize)
		if ax.horizontal {
			lb.TextStyle[i].XAlign = draw.XLeft
			lb.TextStyle[i].YAlign = draw.YCenter
		} else {
			lb.TextStyle[i].XAlign = draw.XCenter
			lb.TextStyle[i].YAlign = draw.YBottom
		}
	}
	if ax.horizontal {
		lb.Offset = vg.Point{X: 3}
	} else {
		lb.Offset = vg.Point{Y: 2}
	}
	p.Add(lb)
	return nil
}

// lineShapes are the point shapes of the series of a line chart, in turn.
var lineShapes = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.PyramidGlyph{}, draw.BoxGlyph{}, draw.TriangleGlyph{}, draw.RingGlyph{}, draw.SquareGlyph{}}

// plotLines draws a line chart: each series as a line with points, the
// categories along the horizontal axis.
func plotLines(p *plot.Plot, c ChartData, _ chartAxes) ([]legendItem, float64, error) {
	var items []legendItem
	top := 0.0
	for k, s := range c.Series {
		col, err := chartColor(s.Color)
		if err != nil {
			return nil, 0, fmt.Errorf("reports: chart %s: series %q: %v", c.Name, s.Name, err)
		}
		var thumbs []plot.Thumbnailer
		for _, xys := range lineSegments(c, s) {
			for _, xy := range xys {
				top = math.Max(top, xy.Y)
			}
			l, sc, err := plotter.NewLinePoints(xys)
			if err != nil {
				return nil, 0, fmt.Errorf("reports: chart %s: %v", c.Name, err)
			}
			l.Color = col
			l.Width = 2
			sc.Color = col
			sc.Radius = 3.5
			sc.Shape = lineShapes[k%len(lineShapes)]
			p.Add(l, sc)
			if thumbs == nil {
				thumbs = []plot.Thumbnailer{l, sc}
			}
		}
		if thumbs != nil {
			items = append(items, legendItem{name: chartText(s.Name), thumbs: thumbs, wide: true})
		}
	}
	return items, top, nil
}

// lineSegments are the runs of s's points between c's gaps: a line is
// not drawn across a category without data.
func lineSegments(c ChartData, s ChartSeries) []plotter.XYs {
	gap := map[int]bool{}
	for _, i := range c.Gaps {
		gap[i] = true
	}
	var segs []plotter.XYs
	var cur plotter.XYs
	for i, v := range s.Values {
		if gap[i] {
			if len(cur) > 0 {
				segs = append(segs, cur)
			}
			cur = nil
			continue
		}
		cur = append(cur, plotter.XY{X: float64(i), Y: v})
	}
	if len(cur) > 0 {
		segs = append(segs, cur)
	}
	return segs
}

// chartBars is a bar chart whose bars take a fixed fraction of the space of a
// category, whatever the size of the canvas: plotter.BarChart's width is
// a length, which this computes when drawing.
type chartBars struct {
	*plotter.BarChart
	frac          float64 // share of a category's space taken by its bars
	group, groups int     // this chart's place among side-by-side charts
	// pattern is drawn over each bar's colour (ChartSeries.Pattern).
	pattern string
	below   *plotter.BarChart // the bars this one is stacked on, if any
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
	if _, ok := hatches[b.pattern]; !ok {
		return
	}
	trCat, trVal := trX, trY
	if b.Horizontal {
		trCat, trVal = trY, trX
	}
	for i, v := range b.Values {
		at := trCat(b.XMin + float64(i))
		lo, hi := trVal(b.below.BarHeight(i)), trVal(b.below.BarHeight(i)+v)
		r := vg.Rectangle{Min: vg.Point{X: at - b.Width/2 + b.Offset, Y: min(lo, hi)}, Max: vg.Point{X: at + b.Width/2 + b.Offset, Y: max(lo, hi)}}
		if b.Horizontal {
			r = vg.Rectangle{Min: vg.Point{X: r.Min.Y, Y: r.Min.X}, Max: vg.Point{X: r.Max.Y, Y: r.Max.X}}
		}
		drawHatch(c, r, b.pattern, b.LineStyle.Width/2)
	}
}

// Thumbnail implements plot.Thumbnailer: the bar's colour and pattern.
func (b *chartBars) Thumbnail(c *draw.Canvas) {
	b.BarChart.Thumbnail(c)
	drawHatch(*c, c.Rectangle, b.pattern, b.LineStyle.Width/2)
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

// percentTicks marks a percent axis from 0 to max every 20 % (every 50 %
// beyond 200 %).
func percentTicks(p printer, max float64) plot.ConstantTicks {
	step := 20.0
	if max > 200 {
		step = 50
	}
	var t plot.ConstantTicks
	for v := 0.0; v <= max+1e-9; v += step {
		t = append(t, plot.Tick{Value: v, Label: p.f.PercentExactSpaced(v)})
	}
	return t
}

// chartColor parses a "#RRGGBB" colour; "" is black.
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
