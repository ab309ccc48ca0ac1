package reports

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendItem is an entry of a legend: a series' name and thumbnails.
type legendItem struct {
	name   string
	thumbs []plot.Thumbnailer
	wide   bool // a line: a wider thumbnail
}

// sideLegend is a legend drawn to the right of the data area: its glyph
// box makes the plot keep room for it.
type sideLegend struct {
	items []legendItem
	sty   text.Style
	gap   vg.Length // between the data area and the legend
}

// rowHeight is the height of a legend entry.
func (l *sideLegend) rowHeight() vg.Length { return l.sty.FontExtents().Height * 1.4 }

// width is the width of the widest legend entry.
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

// legendGap is the space after each entry of a legend row.
const legendGap = vg.Length(16)

// legendThumb is the width of an entry's thumbnail.
func legendThumb(it legendItem) vg.Length {
	if it.wide {
		return 22
	}
	return legendFontSize
}

// legendItemWidth is the width of an entry in a row, with the gap after it.
func legendItemWidth(it legendItem, sty text.Style) vg.Length {
	return legendThumb(it) + 4 + sty.Width(it.name) + legendGap
}

// rowWidth is the width of a row of entries.
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
