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
		t = append(t, plot.Tick{Value: v, Label: strconv.FormatFloat(v, 'f', -1, 64) + " %"})
	}
	return t
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
