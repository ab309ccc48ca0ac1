package reports

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// TestIssueCountsWithMore: issues past the per-kind cap are counted on one
// summary issue (Issue.More); the counts of errors and warnings count them
// all. 100,000 errors and no warning printed "100000 errors, -98999
// warnings".
func TestIssueCountsWithMore(t *testing.T) {
	b := &budget.Budget{Source: "b.xlsx"}
	for range budget.MaxIssuesPerCode + 500 {
		b.AddIssue(budget.Error, "tag-unconfirmed", budget.At("b.xlsx", "S", 2, 1), "", "", "not confirmed", nil)
	}
	b.AddIssue(budget.Warning, "scale-guessed", budget.At("b.xlsx", "S", 1, 1), "", "", "a warning", nil)
	want := budget.MaxIssuesPerCode + 500
	var out bytes.Buffer
	if err := WriteIssues(&out, b, IssueOptions{Max: 5}); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := WriteIssues(&out, b, IssueOptions{Max: 1}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "… and 1,001 more (--max-issues 0 lists all)") {
		t.Errorf("the issues not listed: %q", out.String())
	}
	if !strings.HasSuffix(out.String(), ": 0 lines, 1,500 errors, 1 warning\n") {
		t.Errorf("summary line: %q", out.String()[strings.LastIndex(strings.TrimSuffix(out.String(), "\n"), "\n")+1:])
	}
	out.Reset()
	if err := WriteIssuesJSON(&out, b); err != nil {
		t.Fatal(err)
	}
	var v struct{ Errors, Warnings int }
	if err := json.Unmarshal(out.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Errors != want || v.Warnings != 1 {
		t.Errorf("JSON: %d errors, %d warnings; want %d and 1", v.Errors, v.Warnings, want)
	}
}

// TestExecTextGroupsThousands: the lines behind an execution rate read as
// counts do ("(294,842)", not "(294842)").
func TestExecTextGroupsThousands(t *testing.T) {
	e := analysis.Execution{Lines: 294842, Rate: analysis.Ratio{Num: budget.FromUnits(997), Den: budget.FromUnits(1000)}, Band: "A"}
	if got, want := execText(e), "99.7% A (294,842)"; got != want {
		t.Errorf("execText = %q, want %q", got, want)
	}
}

// TestInspectRowsGroupThousands: inspect's row counts read as counts do.
func TestInspectRowsGroupThousands(t *testing.T) {
	b := &budget.Budget{Source: "b.csv", Format: "csv"}
	b.Sheets = append(b.Sheets, budget.SheetReport{Rows: 100001, HeaderRow: 1})
	b.Sheets[0].Counts[budget.RowLine] = 100000
	b.Sheets[0].Counts[budget.RowHeader] = 1
	var out bytes.Buffer
	if err := WriteInspection(&out, b, InspectOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "rows: 100,001 read: 100,000 line, ") {
		t.Errorf("inspect:\n%s", out.String())
	}
}

// TestQualityTableGroupsThousands: the HTML report's data-quality table
// writes its counts as the other tables do ("100,000").
func TestQualityTableGroupsThousands(t *testing.T) {
	r := hostileLinesReport(t)
	b := *r.Budgets[0]
	for b.Lines.Len() < 1500 {
		for i := range b.Lines.Len() {
			b.Lines.Append(b.Lines.At(i))
		}
	}
	r.Budgets = []*budget.Budget{&b}
	tb, _ := qualityTable(r, "")
	if got, want := tb.Rows[0].Cells[1].Text, format.Thousands(strconv.Itoa(b.Lines.Len())); got != want {
		t.Errorf("lines %q, want %q", got, want)
	}
}
