package reports

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
	"github.com/grb-toolkit/grb/templates"
)

// chartSample builds the report of the embedded sample budget under
// weighting w (zero: dac_headline).
func chartSample(t *testing.T, w analysis.Weighting) *Report {
	t.Helper()
	b, err := input.Read(bytes.NewReader(templates.SampleBudget()), templates.SampleBudgetName, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build([]*budget.Budget{b}, Options{Weighting: w})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// chartGolden compares got with the golden file, or rewrites it with
// -update.
func chartGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "charts", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (-want +got):\n%s", path, cmp.Diff(string(want), string(got)))
	}
}

func chartByName(t *testing.T, cs []ChartData, name string) ChartData {
	t.Helper()
	for _, c := range cs {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("Charts has no chart %q", name)
	return ChartData{}
}

func chartNear(a, b float64) bool { return math.Abs(a-b) <= 1e-9 }

func TestChartsGolden(t *testing.T) {
	cs := Charts(chartSample(t, analysis.Weighting{}))
	got, err := json.MarshalIndent(cs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	chartGolden(t, "sample.json.golden", append(got, '\n'))
}

func TestChartsSample(t *testing.T) {
	r := chartSample(t, analysis.Weighting{})
	cs := Charts(r)
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
		if !strings.Contains(c.Title+c.Caption, "dac_headline") {
			t.Errorf("chart %s names no convention: %q / %q", c.Name, c.Title, c.Caption)
		}
		if !strings.Contains(c.Caption, "Source: "+templates.SampleBudgetName) {
			t.Errorf("chart %s caption %q does not name the source", c.Name, c.Caption)
		}
		for _, s := range c.Series {
			if len(s.Values) != len(c.Categories) {
				t.Errorf("chart %s series %s: %d values for %d categories", c.Name, s.Name, len(s.Values), len(c.Categories))
			}
		}
	}
	want := []string{"gewe-by-objective", "markers-by-ministry", "execution", "gewe-trend"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("Charts names (-want +got):\n%s", diff)
	}

	// Objectives: principal + significant is the objective's GEWE share
	// under dac_headline, as the analysis computed it.
	obj := chartByName(t, cs, "gewe-by-objective")
	if len(obj.Series) != 2 || obj.Series[0].Name != "Principal" || obj.Series[1].Name != "Significant" {
		t.Fatalf("gewe-by-objective series = %+v, want Principal and Significant", obj.Series)
	}
	if len(obj.Categories) != len(r.ByObjective.Groups) {
		t.Fatalf("gewe-by-objective has %d categories, want the %d objectives", len(obj.Categories), len(r.ByObjective.Groups))
	}
	for i, g := range r.ByObjective.Groups {
		if obj.Categories[i] != g.Keys[0].Label {
			t.Errorf("category %d = %q, want %q", i, obj.Categories[i], g.Keys[0].Label)
		}
		share, _ := g.GEWEShare.Value()
		if got := obj.Series[0].Values[i] + obj.Series[1].Values[i]; !chartNear(got, share*100) {
			t.Errorf("%s: principal + significant = %v %%, want the GEWE share %v %%", g.Keys[0].Label, got, share*100)
		}
	}
	if obj.Categories[6] != "7 Reduce vulnerabilities" {
		t.Errorf("category 6 = %q, want the short label of objective 7", obj.Categories[6])
	}

	// Ministries: each stack is the whole of the ministry's money.
	mc := chartByName(t, cs, "markers-by-ministry")
	if len(mc.Categories) != len(r.ByUnit.Groups) {
		t.Errorf("markers-by-ministry has %d categories, want %d ministries", len(mc.Categories), len(r.ByUnit.Groups))
	}
	for i, cat := range mc.Categories {
		sum := 0.0
		for _, s := range mc.Series {
			sum += s.Values[i]
		}
		if !chartNear(sum, 100) {
			t.Errorf("%s: marker shares add up to %v %%, want 100 %%", cat, sum)
		}
	}
	var levels []string
	for _, s := range mc.Series {
		levels = append(levels, s.Name)
	}
	// The sample has no limited and no potential markers: those series
	// are left out.
	if diff := cmp.Diff([]string{"Principal", "Significant", "Not targeted", "Not screened"}, levels); diff != "" {
		t.Errorf("markers-by-ministry series (-want +got):\n%s", diff)
	}

	// Execution: the sample's focus year 2025 has no executed amounts, so
	// the chart shows 2024 and says why.
	ex := chartByName(t, cs, "execution")
	if diff := cmp.Diff([]string{"2024"}, ex.Categories); diff != "" {
		t.Errorf("execution categories (-want +got):\n%s", diff)
	}
	if !strings.Contains(ex.Caption, "Fiscal year 2025 has no executed amounts yet") {
		t.Errorf("execution caption %q does not say why it shows 2024", ex.Caption)
	}
	if len(ex.Series) != 3 {
		t.Fatalf("execution has %d series, want 3", len(ex.Series))
	}

	// Trend: the headline series is the GEWE share of each year.
	tr := chartByName(t, cs, "gewe-trend")
	if diff := cmp.Diff([]string{"2023", "2024", "2025"}, tr.Categories); diff != "" {
		t.Errorf("gewe-trend categories (-want +got):\n%s", diff)
	}
	for i, g := range r.ByYear.Groups {
		share, _ := g.GEWEShare.Value()
		p, _ := g.Principal.Value()
		if got := tr.Series[2].Values[i]; !chartNear(got, share*100) {
			t.Errorf("gewe-trend %s: GEWE share %v, want %v", tr.Categories[i], got, share*100)
		}
		if got := tr.Series[0].Values[i]; !chartNear(got, p*100) {
			t.Errorf("gewe-trend %s: principal share %v, want %v", tr.Categories[i], got, p*100)
		}
	}
	// The focus year's point is the headline.
	head, _ := r.Headline.Total.GEWEShare.Value()
	if got := tr.Series[2].Values[2]; !chartNear(got, head*100) {
		t.Errorf("gewe-trend 2025 = %v, want the headline %v", got, head*100)
	}
}

// TestChartsConventions checks that the objective chart's stack adds up to
// the GEWE share under every built-in convention, and names it.
func TestChartsConventions(t *testing.T) {
	tests := []struct {
		w      analysis.Weighting
		series []string
	}{
		{analysis.DACHeadline, []string{"Principal", "Significant"}},
		{analysis.PrincipalOnly, []string{"Principal"}},
		{analysis.EU100400, []string{"Principal", "Significant (counted at 40 %)"}},
		{analysis.Attributed, []string{"Declared GEWE amount"}},
	}
	for _, tt := range tests {
		t.Run(tt.w.Name, func(t *testing.T) {
			r := chartSample(t, tt.w)
			c := Charts(r)[0]
			if !strings.Contains(c.Title, tt.w.Name) || !strings.Contains(c.Caption, tt.w.Name) {
				t.Errorf("title %q or caption %q does not name %s", c.Title, c.Caption, tt.w.Name)
			}
			var names []string
			for _, s := range c.Series {
				names = append(names, s.Name)
			}
			if diff := cmp.Diff(tt.series, names); diff != "" {
				t.Fatalf("series (-want +got):\n%s", diff)
			}
			for i, g := range r.ByObjective.Groups {
				sum := 0.0
				for _, s := range c.Series {
					sum += s.Values[i]
				}
				share, _ := g.GEWEShare.Value()
				// GEWE money is rounded to the cent per level; the
				// chart's weighted shares are not: allow a cent.
				if tol := 1 / g.Amount.Float(); math.Abs(sum-share*100) > tol+1e-9 {
					t.Errorf("%s: stack %v %%, want the GEWE share %v %%", g.Keys[0].Label, sum, share*100)
				}
			}
		})
	}
}

func chartLine(year int, lv budget.Level, amounts ...budget.Money) budget.Line {
	l := budget.Line{Year: year, Gender: budget.Marker{Level: lv}, Unit: budget.NewCode("1", "Ministry")}
	for i, m := range amounts {
		if m.Sign() >= 0 {
			l.Amounts.Set(budget.Phase(i), m)
		}
	}
	return l
}

// chartAbsent marks a phase without an amount in chartLine's arguments.
const chartAbsent = -1

// TestChartsNoData builds charts from lines without executed amounts or
// fiscal years: the charts say so and still draw.
func TestChartsNoData(t *testing.T) {
	b := &budget.Budget{Source: "plan.csv", Lines: budget.LinesOf([]budget.Line{
		chartLine(0, budget.Principal, budget.FromCents(chartAbsent), budget.FromCents(100_00)),
		chartLine(0, budget.NotScreened, budget.FromCents(chartAbsent), budget.FromCents(300_00)),
	}...)}
	r, err := Build([]*budget.Budget{b}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs := Charts(r)
	ex := chartByName(t, cs, "execution")
	if len(ex.Series) != 0 || len(ex.Categories) != 0 {
		t.Errorf("execution = %+v, want no data", ex)
	}
	if !strings.Contains(ex.Caption, "No line gives both a budget and an executed amount") {
		t.Errorf("execution caption %q does not say why it is empty", ex.Caption)
	}
	tr := chartByName(t, cs, "gewe-trend")
	if len(tr.Series) != 0 || !strings.Contains(tr.Caption, "there is no trend to show") {
		t.Errorf("gewe-trend = %+v, want no data and a reason", tr)
	}
	obj := chartByName(t, cs, "gewe-by-objective")
	if diff := cmp.Diff([]string{"No GCM objective"}, obj.Categories); diff != "" {
		t.Errorf("gewe-by-objective categories (-want +got):\n%s", diff)
	}
	for _, c := range cs {
		if _, err := PlotChart(c); err != nil {
			t.Errorf("PlotChart(%s): %v", c.Name, err)
		}
		w, h := ChartSize(c)
		var buf bytes.Buffer
		if err := WriteChart(&buf, c, "svg", w, h); err != nil {
			t.Errorf("WriteChart(%s): %v", c.Name, err)
		}
		if len(c.Series) == 0 && !bytes.Contains(buf.Bytes(), []byte("No data to show")) {
			t.Errorf("WriteChart(%s) has no \"No data to show\" message", c.Name)
		}
	}
}

func TestChartAlt(t *testing.T) {
	c := ChartData{
		Title:      "T",
		Caption:    "C.",
		Categories: []string{"A", "B"},
		Series:     []ChartSeries{{Name: "P", Values: []float64{10.4, 0.2}}, {Name: "S", Values: []float64{50, 0}}},
		Percent:    true,
	}
	want := "T. A: P 10 %, S 50 %; B: P <1 %, S 0 %; C."
	if got := c.Alt(); got != want {
		t.Errorf("Alt() = %q, want %q", got, want)
	}
}
