package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
)

// stubCharts stands in for the rendered charts in the HTML golden, so the
// golden follows the page, not gonum/plot's drawing (charts_test.go has the
// chart goldens).
func stubCharts(r *Report) []HTMLChart {
	var out []HTMLChart
	for _, c := range Charts(r) {
		out = append(out, HTMLChart{Name: c.Name, Title: c.Title, Caption: c.Caption, Alt: c.Alt(),
			SVG: []byte(`<?xml version="1.0"?>` + "\n" + `<svg xmlns="http://www.w3.org/2000/svg"><title>` + c.Name + `</title></svg>`)})
	}
	return out
}

// TestHTMLGolden renders report.html for the sample with one description
// and one ministry name holding markup, and compares it with
// testdata/report.html.golden (go test ./reports -update rewrites it).
func TestHTMLGolden(t *testing.T) {
	r := sampleReport(t)
	b := r.Budgets[0]
	for i := range b.Lines.Len() {
		if l := b.Lines.At(i); l.Year == r.Focus {
			l.Unit = budget.NewCode(l.Unit.Code(), `Ministry <b>"Interior"</b> & <script>alert(1)</script>`)
			b.Lines.Set(i, l)
			break
		}
	}
	r, err := Build([]*budget.Budget{b}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r, stubCharts(r)); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	if strings.Contains(got, "<script>") || !strings.Contains(got, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("markup from the input is not escaped")
	}
	if !strings.Contains(got, `<html lang="en">`) || strings.Count(got, "<figure") != 4 {
		t.Errorf("page lacks lang or its four figures")
	}
	golden := filepath.Join("testdata", "report.html.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update)", err)
	}
	if d := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); d != "" {
		t.Errorf("report.html differs from %s (-want +got):\n%s", golden, d)
	}
}

// TestHTMLFirstScreen: the page opens with the budget's name, its fiscal
// year and currency, the headline figures and then the main chart, with no
// jargon before the chart; the jargon is in the glossary; the demo says
// SYNTHETIC on its first screen.
func TestHTMLFirstScreen(t *testing.T) {
	r := sampleReport(t)
	r.Synthetic = true
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r, stubCharts(r)); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	end := strings.Index(page, `id="findings"`)
	chart := strings.Index(page, `<figure id="chart-gewe-by-objective"`)
	heads := strings.Index(page, `id="headlines"`)
	if end < 0 || chart < 0 || heads < 0 || !(heads < chart && chart < end) {
		t.Fatalf("first screen out of order: headlines at %d, main chart at %d, findings at %d", heads, chart, end)
	}
	body := page[strings.Index(page, "<body>"):]
	first := body[:strings.Index(body, `id="findings"`)]
	first = first[:strings.Index(first, `<figure`)] // the chart's own caption may name its convention
	for _, w := range []string{"SYNTHETIC", "Republic of Examplia", "Fiscal year 2025", "USD", "USD 300 million",
		"marked with gender equality as a principal or significant objective", "screened for gender", "GCM objective", "since 2024"} {
		if !strings.Contains(first, w) {
			t.Errorf("first screen lacks %q", w)
		}
	}
	for _, w := range []string{"dac_headline", "eu_100_40_0", "principal_only", "GEWE", "band C", "in scope", "299,969,200.00"} {
		if strings.Contains(first, w) {
			t.Errorf("first screen has jargon or an exact amount %q", w)
		}
	}
	if n := strings.Count(first, `class="figure"`); n < 4 || n > 5 {
		t.Errorf("%d headline figures, want 4 or 5", n)
	}
	gl := page[strings.Index(page, `id="glossary"`):]
	for _, w := range []string{"dac_headline", "eu_100_40_0", "Band", "In scope", "GEWE"} {
		if !strings.Contains(gl, w) {
			t.Errorf("glossary lacks %q", w)
		}
	}
	if strings.Count(page, `content="default-src 'none'`) != 1 || strings.Contains(page, "<script") {
		t.Errorf("the page lost its CSP or has a script")
	}
	if !strings.Contains(page, `id="by-year"`) {
		t.Errorf("no table of every fiscal year")
	}
}
