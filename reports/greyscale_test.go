package reports

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/grb-toolkit/grb/analysis"
)

// greySegment is a bar segment of a rendered chart as a greyscale print
// shows it: its box in pixels, the mean and the spread of its luma.
type greySegment struct {
	name       string
	fill       color.RGBA
	box        image.Rectangle
	mean, std  float64
	fillPixels int
}

// findSegment finds the bar segment filled with col: the rows where at
// least minRun pixels have exactly that colour (the legend's small
// thumbnail has fewer), and the columns those pixels span, inset by 3
// pixels from the white outline.
func findSegment(img image.Image, col color.RGBA, minRun int) (image.Rectangle, int) {
	b := img.Bounds()
	box := image.Rectangle{Min: image.Point{X: b.Max.X, Y: b.Max.Y}}
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		var xs []int
		for x := b.Min.X; x < b.Max.X; x++ {
			if color.RGBAModel.Convert(img.At(x, y)).(color.RGBA) == col {
				xs = append(xs, x)
			}
		}
		xs = largestCluster(xs)
		if len(xs) < minRun {
			continue
		}
		n += len(xs)
		box.Min.X, box.Max.X = min(box.Min.X, xs[0]), max(box.Max.X, xs[len(xs)-1]+1)
		box.Min.Y, box.Max.Y = min(box.Min.Y, y), max(box.Max.Y, y+1)
	}
	return box.Inset(3), n
}

// largestCluster returns the largest run of xs (sorted) whose neighbours
// are at most 20 pixels apart: a segment, hatched or not, without the
// stray pixels of the same colour in text elsewhere on the row.
func largestCluster(xs []int) []int {
	var best []int
	start := 0
	for i := range xs {
		if i+1 == len(xs) || xs[i+1]-xs[i] > 20 {
			if i+1-start > len(best) {
				best = xs[start : i+1]
			}
			start = i + 1
		}
	}
	return best
}

// lumaStats returns the mean and standard deviation of the luma (0–255)
// of the pixels of img in box, converted to grey as a printer does
// (ITU-R 601: 0.299 R + 0.587 G + 0.114 B, Go's color.GrayModel).
func lumaStats(img image.Image, box image.Rectangle) (mean, std float64) {
	var sum, sum2, n float64
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			v := float64(color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y)
			sum += v
			sum2 += v * v
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	mean = sum / n
	return mean, math.Sqrt(math.Max(0, sum2/n-mean*mean))
}

// Printed in greyscale, the four levels of the DAC scheme stacked in the
// markers-by-ministry chart stay apart: their segments' mean greys differ
// by at least minLumaStep of 255, two levels closer than twice that in
// grey differ in texture too (one hatched, one solid), each fill keeps
// 3:1 against the white page, and touching segments are parted by white.
func TestChartGreyscale(t *testing.T) {
	// minLumaStep is a stated minimum: 25 of 255 (10 % of the grey
	// range) tells two solid greys apart on paper. The original palette
	// had significant and not screened 23 apart (106 and 83).
	const minLumaStep = 25
	// hatched is the luma spread above which a segment shows a pattern;
	// a solid fill has none (0, anti-aliasing stays inside the inset).
	const hatched = 15

	mk := chartByName(t, Charts(chartSample(t, analysis.Weighting{})), "markers-by-ministry")
	want := []string{"Principal", "Significant", "Not targeted", "Not screened"}
	if len(mk.Series) != len(want) {
		t.Fatalf("markers-by-ministry has %d series, want the 4 DAC levels %v", len(mk.Series), want)
	}
	// One ministry, a quarter of its money at each level: four segments
	// of the same width side by side.
	c := mk
	c.Categories = []string{"Ministry"}
	c.Series = nil
	for i, s := range mk.Series {
		if s.Name != want[i] {
			t.Fatalf("series %d is %q, want %q", i, s.Name, want[i])
		}
		s.Values = []float64{25}
		c.Series = append(c.Series, s)
	}
	checkGreyscale(t, c, true)

	// Every level, as a scheme with limited and potential levels stacks
	// them: a sixth of the money at each.
	all := c
	all.Series = nil
	for _, lv := range levelsDown {
		all.Series = append(all.Series, ChartSeries{Name: lv.Label(), Color: levelColors[lv], Pattern: levelPatterns[lv], Values: []float64{100.0 / 6}})
	}
	checkGreyscale(t, all, false)
}

// checkGreyscale renders c, a chart of one stacked bar, and checks its
// segments as greyscale print shows them: strict, every two at least
// minLumaStep apart in grey, and in texture too when closer than twice
// that; else every two apart in grey or in texture.
func checkGreyscale(t *testing.T, c ChartData, strict bool) {
	t.Helper()
	const minLumaStep, hatched = 25, 15 // as TestChartGreyscale says
	var buf bytes.Buffer
	if err := WriteChart(&buf, c, "png", 8*vg.Inch, 4*vg.Inch); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}

	var segs []greySegment
	for _, s := range c.Series {
		col, err := chartColor(s.Color)
		if err != nil {
			t.Fatal(err)
		}
		fill := color.RGBAModel.Convert(col).(color.RGBA)
		// A sixth of the data area is some 200 pixels wide; the
		// legend's thumbnail is 27.
		box, n := findSegment(img, fill, 100)
		if box.Empty() {
			t.Fatalf("%s: no segment of colour %s in the chart", s.Name, s.Color)
		}
		mean, std := lumaStats(img, box)
		segs = append(segs, greySegment{name: s.Name, fill: fill, box: box, mean: mean, std: std, fillPixels: n})
		if k := contrast(t, s.Color, "#FFFFFF"); k < 3 {
			t.Errorf("%s: fill %s has %.2f:1 against white, want at least 3:1", s.Name, s.Color, k)
		}
	}
	for i := range segs {
		t.Logf("%-13s fill %v: grey %.0f ± %.0f", segs[i].name, segs[i].fill, segs[i].mean, segs[i].std)
		for j := i + 1; j < len(segs); j++ {
			a, b := segs[i], segs[j]
			d := math.Abs(a.mean - b.mean)
			sameTexture := (a.std >= hatched) == (b.std >= hatched)
			if !strict {
				if d < minLumaStep && sameTexture {
					t.Errorf("%s (grey %.0f ± %.0f) and %s (grey %.0f ± %.0f) are %.0f apart in greyscale with the same texture, want %d apart or one hatched", a.name, a.mean, a.std, b.name, b.mean, b.std, d, minLumaStep)
				}
				continue
			}
			if d < minLumaStep {
				t.Errorf("%s (grey %.0f) and %s (grey %.0f) are %.0f apart in greyscale, want at least %d", a.name, a.mean, b.name, b.mean, d, minLumaStep)
			}
			if d < 2*minLumaStep && sameTexture {
				t.Errorf("%s (grey %.0f ± %.0f) and %s (grey %.0f ± %.0f) are close in grey and have the same texture: hatch one of them", a.name, a.mean, a.std, b.name, b.mean, b.std)
			}
		}
	}
	// Touching segments: a white column parts each from the next, along
	// the bar's middle row.
	for i := 0; i+1 < len(segs); i++ {
		a, b := segs[i], segs[i+1]
		y := (a.box.Min.Y + a.box.Max.Y) / 2
		white := false
		for x := a.box.Max.X; x < b.box.Min.X; x++ {
			if color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y >= 245 {
				white = true
			}
		}
		if !white {
			t.Errorf("%s and %s touch without a white gap (x %d–%d, y %d)", a.name, b.name, a.box.Max.X, b.box.Min.X, y)
		}
	}
	if t.Failed() {
		t.Log(fmt.Sprintf("segments: %+v", segs))
	}
}
