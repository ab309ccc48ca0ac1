package reports

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The patterns drawn over a bar's colour, the second channel that tells
// the marker levels apart in a greyscale print (ChartSeries.Pattern).
const (
	patternSolid        = ""              // the colour alone
	patternDiagonal     = "diagonal"      // white lines rising to the right
	patternBackDiagonal = "back-diagonal" // white lines falling to the right
	patternCrosshatch   = "crosshatch"    // thin black lines both ways
)

// hatch is how a pattern is drawn: lines at these angles (degrees from
// the horizontal), this far apart (measured across them), in this colour
// and width.
type hatch struct {
	angles  []float64
	spacing vg.Length
	sty     draw.LineStyle
}

// hatches are the patterns. White lines a sixth of the way apart lighten
// a colour's grey by about 15 % of the remaining way to white; the
// crosshatch's thin black lines darken it by a tenth: the levels' greys
// then stay at least 25 of 255 apart (TestChartGreyscale).
var hatches = map[string]hatch{
	patternDiagonal:     {angles: []float64{45}, spacing: 6, sty: draw.LineStyle{Color: color.White, Width: 1}},
	patternBackDiagonal: {angles: []float64{-45}, spacing: 5, sty: draw.LineStyle{Color: color.White, Width: 1}},
	patternCrosshatch:   {angles: []float64{45, -45}, spacing: 9, sty: draw.LineStyle{Color: color.Black, Width: 0.5}},
}

// drawHatch draws pattern over rectangle r of canvas c, inset by inset
// (the bar's outline stays clear). The lines are placed from the canvas'
// origin, so the same pattern lines up across bars. An unknown pattern
// or the solid one draws nothing.
func drawHatch(c draw.Canvas, r vg.Rectangle, pattern string, inset vg.Length) {
	h, ok := hatches[pattern]
	if !ok {
		return
	}
	r.Min.X, r.Min.Y = r.Min.X+inset, r.Min.Y+inset
	r.Max.X, r.Max.Y = r.Max.X-inset, r.Max.Y-inset
	if r.Max.X <= r.Min.X || r.Max.Y <= r.Min.Y {
		return
	}
	clip := draw.Canvas{Canvas: c.Canvas, Rectangle: r}
	for _, a := range h.angles {
		lines := hatchLines(r, a, h.spacing)
		if len(lines) > 0 {
			clip.StrokeLines(h.sty, clip.ClipLinesXY(lines...)...)
		}
	}
}

// hatchLines are the lines at angle (degrees) spacing apart that cross
// r, each long enough to span it; the caller clips them to r.
func hatchLines(r vg.Rectangle, angle float64, spacing vg.Length) [][]vg.Point {
	rad := angle * math.Pi / 180
	dx, dy := math.Cos(rad), math.Sin(rad)
	// A line is the points p with p·n = k·spacing, n its unit normal.
	nx, ny := -dy, dx
	var lo, hi float64
	for i, p := range []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}} {
		v := float64(p.X)*nx + float64(p.Y)*ny
		if i == 0 || v < lo {
			lo = v
		}
		if i == 0 || v > hi {
			hi = v
		}
	}
	s := float64(spacing)
	diag := float64(r.Max.X-r.Min.X) + float64(r.Max.Y-r.Min.Y)
	cx, cy := float64(r.Min.X+r.Max.X)/2, float64(r.Min.Y+r.Max.Y)/2
	var lines [][]vg.Point
	for k := math.Ceil(lo / s); k*s <= hi; k++ {
		// The point of the line nearest the centre, then both ways.
		off := k*s - (cx*nx + cy*ny)
		px, py := cx+off*nx, cy+off*ny
		lines = append(lines, []vg.Point{
			{X: vg.Length(px - diag*dx), Y: vg.Length(py - diag*dy)},
			{X: vg.Length(px + diag*dx), Y: vg.Length(py + diag*dy)},
		})
	}
	return lines
}
