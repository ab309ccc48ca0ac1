package reports

import (
	"bytes"
	"fmt"
	"html"
	"image/color"
	"io"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
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
