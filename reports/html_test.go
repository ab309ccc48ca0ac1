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
	for i := range b.Lines {
		if b.Lines[i].Year == r.Focus {
			b.Lines[i].Unit = budget.NewCode(b.Lines[i].Unit.Code(), `Ministry <b>"Interior"</b> & <script>alert(1)</script>`)
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
