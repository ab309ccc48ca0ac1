package reports

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"io"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/grb-toolkit/grb/analysis"
)

func TestWriteChartSVG(t *testing.T) {
	c := Charts(chartSample(t, analysis.Weighting{}))[0]
	w, h := ChartSize(c)
	var a, b bytes.Buffer
	if err := WriteChart(&a, c, "svg", w, h); err != nil {
		t.Fatal(err)
	}
	if err := WriteChart(&b, c, "svg", w, h); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("WriteChart wrote different SVG for the same chart")
	}
	chartGolden(t, "gewe-by-objective.svg.golden", a.Bytes())
}

// chartParseXML decodes a whole XML document, returning its first error.
func chartParseXML(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestWriteChartEscapes checks that markup in input text stays text.
func TestWriteChartEscapes(t *testing.T) {
	evil := `<script>alert(1)</script> & "Co" 'x'`
	c := ChartData{
		Name:       "evil",
		Kind:       ChartStackedBars,
		Title:      "Marker composition of " + evil,
		Caption:    "Source: <b>budget</b>.xlsx & co\x01\xff",
		XLabel:     "Share & more",
		Categories: []string{evil, "Ministry of Truth & Love\x07", strings.Repeat("Very long ministry name ", 5)},
		Series: []ChartSeries{
			{Name: "Principal " + evil, Values: []float64{10, 20, 30}, Color: colorPrincipal},
			{Name: "Significant", Values: []float64{5, 5, 5}, Color: colorSignificant},
		},
		Percent:    true,
		Horizontal: true,
	}
	for _, kind := range []string{ChartStackedBars, ChartGroupedBars, ChartLines} {
		c.Kind = kind
		var buf bytes.Buffer
		if err := WriteChart(&buf, c, "svg", 8*vg.Inch, 5*vg.Inch); err != nil {
			t.Fatal(err)
		}
		out := buf.Bytes()
		if bytes.Contains(out, []byte("<script")) || bytes.Contains(out, []byte("<b>")) {
			t.Errorf("%s: SVG contains raw markup from the input", kind)
		}
		if !bytes.Contains(out, []byte("&lt;script&gt;alert(1)&lt;/script&gt; &amp;")) {
			t.Errorf("%s: SVG does not show the label as escaped text", kind)
		}
		if err := chartParseXML(out); err != nil {
			t.Errorf("%s: SVG is not well-formed XML: %v", kind, err)
		}
	}
}

func TestWriteChartPNG(t *testing.T) {
	for _, c := range Charts(chartSample(t, analysis.Weighting{})) {
		w, h := ChartSize(c)
		var buf bytes.Buffer
		if err := WriteChart(&buf, c, "png", w, h); err != nil {
			t.Fatalf("WriteChart(%s, png): %v", c.Name, err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		// Pixels: inches × PNGDPI, rounded.
		wantW := int(float64(w/vg.Inch)*PNGDPI + 0.5)
		wantH := int(float64(h/vg.Inch)*PNGDPI + 0.5)
		if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
			t.Errorf("%s: PNG is %d × %d, want %d × %d", c.Name, b.Dx(), b.Dy(), wantW, wantH)
		}
	}
}

func TestWriteChartErrors(t *testing.T) {
	good := ChartData{Name: "x", Kind: ChartLines, Categories: []string{"a"}, Series: []ChartSeries{{Name: "s", Values: []float64{1}}}}
	tests := []struct {
		name   string
		c      ChartData
		format string
		w, h   vg.Length
	}{
		{"format", good, "gif", 8 * vg.Inch, 5 * vg.Inch},
		{"size", good, "svg", vg.Inch, vg.Inch},
		{"values", ChartData{Name: "x", Kind: ChartLines, Categories: []string{"a", "b"}, Series: []ChartSeries{{Name: "s", Values: []float64{1}}}}, "svg", 8 * vg.Inch, 5 * vg.Inch},
		{"nan", ChartData{Name: "x", Kind: ChartLines, Categories: []string{"a"}, Series: []ChartSeries{{Name: "s", Values: []float64{math.NaN()}}}}, "svg", 8 * vg.Inch, 5 * vg.Inch},
		{"colour", ChartData{Name: "x", Kind: ChartLines, Categories: []string{"a"}, Series: []ChartSeries{{Name: "s", Values: []float64{1}, Color: "red"}}}, "svg", 8 * vg.Inch, 5 * vg.Inch},
		{"kind", ChartData{Name: "x", Kind: "pie"}, "svg", 8 * vg.Inch, 5 * vg.Inch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := WriteChart(io.Discard, tt.c, tt.format, tt.w, tt.h); err == nil {
				t.Errorf("WriteChart(%s) = nil, want an error", tt.name)
			}
		})
	}
}

func TestWrapRunes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"105 Ministry of Education", "105 Ministry of Education"},
		{"103 Ministry of Foreign Affairs (consular services, diaspora)", "103 Ministry of Foreign Affairs\n(consular services, diaspora)"},
		{strings.Repeat("x", 50), strings.Repeat("x", 39) + "-\n" + strings.Repeat("x", 11)},
		{"Министерство иностранных дел и международного сотрудничества", "Министерство иностранных дел и\nмеждународного сотрудничества"},
	}
	for _, tt := range tests {
		if got := chartWrapRunes(tt.in, 40); got != tt.want {
			t.Errorf("chartWrapRunes(%q, 40) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPlotChart checks that PlotChart's plot, legend beside the data,
// renders every sample chart as well-formed SVG through plot's WriterTo.
func TestPlotChart(t *testing.T) {
	for _, c := range Charts(chartSample(t, analysis.Weighting{})) {
		p, err := PlotChart(c)
		if err != nil {
			t.Fatalf("PlotChart(%s): %v", c.Name, err)
		}
		w, h := ChartSize(c)
		wt, err := p.WriterTo(w, h, "svg")
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := wt.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		if err := chartParseXML(buf.Bytes()); err != nil {
			t.Errorf("%s: %v", c.Name, err)
		}
		for _, s := range c.Series {
			if !bytes.Contains(buf.Bytes(), []byte(">"+s.Name+"<")) {
				t.Errorf("%s: no legend entry %q", c.Name, s.Name)
			}
		}
	}
}
