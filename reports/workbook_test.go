package reports

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"gonum.org/v1/plot/vg"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
	"github.com/grb-toolkit/grb/budget/sdg5c1"
	"github.com/grb-toolkit/grb/templates"
)

func sampleReport(t testing.TB) *Report {
	t.Helper()
	b, err := input.Read(bytes.NewReader(templates.SampleBudget()), templates.SampleBudgetName, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build([]*budget.Budget{b}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func writeAndOpen(t *testing.T, r *Report) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteWorkbook(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

// number reads a numeric cell.
func number(t *testing.T, f *excelize.File, sheet, cell string) float64 {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q, want a number", sheet, cell, v)
	}
	return x
}

func closeTo(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// TestWorkbookSample reopens report.xlsx and checks its figures against
// the analysis of the embedded sample.
func TestWorkbookSample(t *testing.T) {
	r := sampleReport(t)
	f, data := writeAndOpen(t, r)
	want := []string{"Summary", "By objective", "By thematic area", "By ministry", "By marker", "Trends", "Execution", "Changes", "Lines", "Issues", "Reconciliation", "Row ledger", "Methodology"}
	got := f.GetSheetList()
	if len(got) != len(want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sheet %d = %q, want %q", i, got[i], want[i])
		}
	}
	// Summary: row 5 is the budget in scope, rows 6-9 the conventions.
	if v := number(t, f, "Summary", "B5"); !closeTo(v, r.Headline.Total.Amount.Float()) {
		t.Errorf("Summary!B5 = %v, want %v", v, r.Headline.Total.Amount.Float())
	}
	for i, c := range r.Headline.Conventions[:3] {
		row := strconv.Itoa(6 + i)
		if name, _ := f.GetCellValue("Summary", "D"+row); name != c.Weighting {
			t.Errorf("Summary!D%s = %q, want %q", row, name, c.Weighting)
		}
		share, _ := c.Share.Value()
		if v := number(t, f, "Summary", "C"+row); !closeTo(v, share) {
			t.Errorf("Summary!C%s (%s share) = %v, want %v", row, c.Weighting, v, share)
		}
		if v := number(t, f, "Summary", "B"+row); !closeTo(v, c.GEWE.Float()) {
			t.Errorf("Summary!B%s (%s money) = %v, want %v", row, c.Weighting, v, c.GEWE.Float())
		}
	}
	// By objective: one row per group, in order, with the group's money.
	for i, g := range r.ByObjective.Groups {
		row := strconv.Itoa(i + 2)
		if label, _ := f.GetCellValue("By objective", "A"+row); label != g.Keys[0].Label {
			t.Errorf("By objective!A%s = %q, want %q", row, label, g.Keys[0].Label)
		}
		if v := number(t, f, "By objective", "D"+row); !closeTo(v, g.Amount.Float()) { // D: approved
			t.Errorf("By objective!D%s = %v, want %v", row, v, g.Amount.Float())
		}
		if v := number(t, f, "By objective", "M"+row); !closeTo(v, g.GEWE.Float()) { // M: GEWE
			t.Errorf("By objective!M%s = %v, want %v", row, v, g.GEWE.Float())
		}
	}
	// Lines: every line of the sample, with its source row.
	rows, err := f.GetRows("Lines")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != 296 {
		t.Errorf("Lines has %d rows, want 296 lines", len(rows)-1)
	}
	// Execution: the sample's latest year with executed amounts is 2024;
	// the Total row's GEWE rate is the analysis's.
	if r.ExecYear != 2024 || r.Execution == nil {
		t.Fatalf("execution year %d, want 2024", r.ExecYear)
	}
	last := strconv.Itoa(len(r.Execution.Execution.Units) + 2)
	want24, _ := r.Execution.Execution.Total.GEWE.Rate.Value()
	if v := number(t, f, "Execution", "J"+last); !closeTo(v, want24) { // J: GEWE rate
		t.Errorf("Execution!J%s = %v, want %v", last, v, want24)
	}
	// Real Excel tables with filters, and frozen headers; Changes has a
	// sentence for one budget (TestWorkbookChangesWords).
	for _, s := range want {
		if s == "Changes" {
			continue
		}
		tables, err := f.GetTables(s)
		if err != nil || len(tables) != 1 {
			t.Errorf("%s: %d tables (%v), want 1", s, len(tables), err)
		}
	}
	panes, err := f.GetPanes("Lines")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Lines panes %+v (%v), want the header frozen", panes, err)
	}
	// A native chart on By objective (a chart part in the package).
	if !bytes.Contains(data, []byte("xl/charts/chart1.xml")) || !bytes.Contains(data, []byte("xl/charts/chart2.xml")) {
		t.Errorf("the workbook lacks its two native charts")
	}
	// Same inputs, same bytes.
	var again bytes.Buffer
	if err := WriteWorkbook(&again, sampleReport(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again.Bytes()) {
		t.Errorf("two writes of the same report differ")
	}
}

// TestWorkbookChanges builds a report of two versions, the sample's
// FY2023 and FY2024 sheets: the Changes sheet ends with the decomposition
// of the GEWE change, whose net equals the change of the totals.
func TestWorkbookChanges(t *testing.T) {
	var bs []*budget.Budget
	for _, sheet := range []string{"FY2023", "FY2024"} {
		b, err := input.Read(bytes.NewReader(templates.SampleBudget()), templates.SampleBudgetName, budget.Options{Sheet: sheet})
		if err != nil {
			t.Fatal(err)
		}
		bs = append(bs, b)
	}
	r, err := Build(bs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Diff == nil {
		t.Fatal("no diff for two budgets")
	}
	f, _ := writeAndOpen(t, r)
	rows, err := f.GetRows("Changes")
	if err != nil {
		t.Fatal(err)
	}
	var net string
	for _, row := range rows {
		if len(row) > 7 && row[1] == "GEWE change: net" {
			net = row[7]
		}
	}
	want, _ := r.Diff.NewGEWE.Sub(r.Diff.OldGEWE)
	if v, err := strconv.ParseFloat(strings.ReplaceAll(net, ",", ""), 64); err != nil || !closeTo(v, want.Float()) {
		t.Errorf("Changes net = %q, want %s", net, want)
	}
	if r.Diff.GEWEChange.Net != want {
		t.Errorf("decomposition net %s, want %s", r.Diff.GEWEChange.Net, want)
	}
}

// TestWorkbookReal checks the workbook of a real budget: Kenya's lines by
// ministry, against the analysis.
func TestWorkbookReal(t *testing.T) {
	p := filepath.Join("..", "..", "shared", "data", "real", "kenya-programme-budget-2018-2022", "kenya_budget.csv")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real data not available (%s): %v", p, err)
	}
	b, err := input.ReadFile(p, budget.Options{Currency: "KES"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build([]*budget.Budget{b}, Options{Weighting: analysis.PrincipalOnly})
	if err != nil {
		t.Fatal(err)
	}
	if r.Focus != 2022 {
		t.Errorf("focus year %d, want 2022, the latest in the file", r.Focus)
	}
	f, _ := writeAndOpen(t, r)
	var sum float64
	for i, g := range r.ByUnit.Groups {
		row := strconv.Itoa(i + 2)
		v := number(t, f, "By ministry", "D"+row)
		if !closeTo(v, g.Amount.Float()) {
			t.Errorf("By ministry!D%s = %v, want %v", row, v, g.Amount.Float())
		}
		sum += v
	}
	if math.Abs(sum-r.ByUnit.Total.Amount.Float()) > 0.5 {
		t.Errorf("ministries sum to %v, total %v", sum, r.ByUnit.Total.Amount.Float())
	}
	if name, _ := f.GetCellValue("By ministry", "N1"); name != "GEWE share (principal_only)" {
		t.Errorf("By ministry!N1 = %q, want the convention in the header", name)
	}
}

// TestWorkbookCompliance adds a profile: the Compliance sheet shows each
// rule's measured value and result as the check gives them.
func TestWorkbookCompliance(t *testing.T) {
	b, err := input.Read(bytes.NewReader(templates.SampleBudget()), templates.SampleBudgetName, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := analysis.LookupProfile("un-15")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build([]*budget.Budget{b}, Options{Profile: &p})
	if err != nil {
		t.Fatal(err)
	}
	if r.Compliance == nil || len(r.Compliance.Rules) != 1 {
		t.Fatalf("compliance %+v, want one un-15 rule", r.Compliance)
	}
	rr := r.Compliance.Rules[0]
	// un-15 counts principal money of the focus year (2025) under
	// principal_only: the headline's principal_only share.
	want, _ := r.Headline.Conventions[1].Share.Value()
	got, _ := rr.Measured.Value()
	if r.Headline.Conventions[1].Weighting != "principal_only" || !closeTo(got, want) {
		t.Errorf("un-15 measured %v, want the principal_only share %v", got, want)
	}
	f, _ := writeAndOpen(t, r)
	if v := number(t, f, "Compliance", "D2"); !closeTo(v, got) {
		t.Errorf("Compliance!D2 = %v, want %v", v, got)
	}
	if res, _ := f.GetCellValue("Compliance", "F2"); (res == "pass") != rr.Pass {
		t.Errorf("Compliance!F2 = %q, pass = %v", res, rr.Pass)
	}
}

// TestReportSDG5c1 adds two years of questionnaires: the SDG 5.c.1 sheet
// and the tracking chart show each year's Yes answers and case.
func TestReportSDG5c1(t *testing.T) {
	b, err := input.Read(bytes.NewReader(templates.SampleBudget()), templates.SampleBudgetName, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "3.1", "3.2", "3.3"}
	q := func(year int, answers string) *sdg5c1.Questionnaire {
		qq := &sdg5c1.Questionnaire{Source: fmt.Sprintf("5c1-%d.xlsx", year), Year: year, YearLabel: strconv.Itoa(year)}
		for i, id := range ids {
			a := sdg5c1.QuestionAnswer{ID: id, Found: true, Answer: sdg5c1.No}
			if answers[i] == 'y' {
				a.Answer = sdg5c1.Yes
			}
			qq.Answers = append(qq.Answers, a)
		}
		return qq
	}
	// 2023: 2/3, 3/7, 2/3 → criteria 1 and 3 met: case F, approaches.
	// 2024: 2/3, 4/7, 2/3 → all three met: case A, fully meets.
	r, err := Build([]*budget.Budget{b}, Options{SDG5c1: []*sdg5c1.Questionnaire{
		q(2024, "yyn"+"yyyynnn"+"yyn"),
		q(2023, "yyn"+"yyynnnn"+"yyn"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Track == nil || len(r.Track.Years) != 2 || r.Track.Years[0].Case != "F" || r.Track.Years[1].Case != "A" {
		t.Fatalf("track %+v, want 2023 case F then 2024 case A", r.Track)
	}
	var chart *ChartData
	for _, c := range Charts(r) {
		if c.Name == "sdg5c1-tracking" {
			chart = &c
		}
	}
	if chart == nil || len(chart.Categories) != 2 || chart.Series[1].Values[0] != 300.0/7 || chart.Series[1].Values[1] != 400.0/7 {
		t.Fatalf("tracking chart %+v, want criterion 2 at 3/7 then 4/7", chart)
	}
	if err := WriteChart(io.Discard, *chart, "svg", 8*vg.Inch, 4*vg.Inch); err != nil {
		t.Fatal(err)
	}
	f, _ := writeAndOpen(t, r)
	if v, _ := f.GetCellValue("SDG 5.c.1", "F3"); v != "A" {
		t.Errorf("SDG 5.c.1!F3 = %q, want case A for 2024", v)
	}
}

// TestFindingsMixedCurrencies: no sum across currencies is stated.
func TestFindingsMixedCurrencies(t *testing.T) {
	var a, b budget.Line
	a.Amounts.Set(budget.Approved, budget.FromCents(100))
	a.Currency = "USD"
	b.Amounts.Set(budget.Approved, budget.FromCents(100))
	b.Currency = "EUR"
	r, err := Build([]*budget.Budget{{Source: "x.xml", Lines: budget.LinesOf([]budget.Line{a, b}...)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := Findings(r)
	if len(f) != 1 || !strings.Contains(f[0], "2 currencies (EUR, USD), which cannot be added") {
		t.Errorf("findings %q", f)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r, nil); err != nil || strings.Contains(buf.String(), "2.00 USD") {
		t.Errorf("HTML states a sum across currencies (err %v)", err)
	}
}

// TestReportSheetsOneEach checks the contract of reportSheets: each
// function adds exactly one sheet, when the report has something for it,
// in the workbook's order.
func TestReportSheetsOneEach(t *testing.T) {
	b, err := input.Read(bytes.NewReader(templates.SampleBudget()), templates.SampleBudgetName, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := analysis.LookupProfile("un-15")
	if err != nil {
		t.Fatal(err)
	}
	q := &sdg5c1.Questionnaire{Source: "5c1.xlsx", Year: 2024, YearLabel: "2024"}
	r, err := Build([]*budget.Budget{b}, Options{Profile: &p, SDG5c1: []*sdg5c1.Questionnaire{q}})
	if err != nil {
		t.Fatal(err)
	}
	// Currencies is only for a report in several currencies, Budget and
	// aid for one with donor aid: the sample has neither, and their
	// functions add nothing (see cmd/grb TestReportCurrencySections and
	// TestReportJoinBudgetAid).
	optional := map[string]bool{"Currencies": true, "Budget and aid": true}
	want := []string{"Sheet1", "Summary", "Currencies", "Budget and aid", "By objective", "By thematic area", "By ministry", "By marker", "Trends", "Execution", "Changes", "Compliance", "SDG 5.c.1", "Lines", "Issues", "Reconciliation", "Row ledger", "Methodology"}
	if len(reportSheets) != len(want)-1 {
		t.Fatalf("%d sheet functions, want %d", len(reportSheets), len(want)-1)
	}
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f}
	x.styles()
	var skipped []string
	for i, sheet := range reportSheets {
		sheet(x, r)
		if x.err != nil {
			t.Fatalf("sheet function %d: %v", i, x.err)
		}
		got := f.GetSheetList()
		if optional[want[i+1]] && len(got) == i+1-len(skipped) {
			skipped = append(skipped, want[i+1])
			continue
		}
		if k := i + 2 - len(skipped); len(got) != k || got[k-1] != want[i+1] {
			t.Fatalf("after sheet function %d: sheets %q, want %q", i, got, want[:i+2])
		}
	}
}
