package reports_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/reports"
)

// complianceFailure checks un-15 on 13 not-targeted lines of 1.00 to
// 13.00 and one principal line of 1.00: 1.00 of 92.00 is 1.1 %, so the
// rule fails and all 13 lines drive it.
func complianceFailure(t *testing.T) *analysis.CheckResult {
	t.Helper()
	b := &budget.Budget{Source: "b.csv"}
	add := func(desc string, cents budget.Money, lv budget.Level) {
		var l budget.Line
		l.Description = desc
		l.Amounts.Set(budget.Approved, cents)
		l.Gender.Level = lv
		l.Pos = budget.At("b.csv", "", b.Lines.Len()+2, 0)
		b.Lines.Append(l)
	}
	add("principal", budget.FromCents(100), budget.Principal)
	for i := 1; i <= 13; i++ {
		add(fmt.Sprintf("line %02d", i), budget.FromCents(int64(i*100)), budget.NotTargeted)
	}
	p, err := analysis.LookupProfile("un-15")
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Check(b, p, analysis.CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestWriteComplianceTextCap(t *testing.T) {
	r := complianceFailure(t)
	var buf bytes.Buffer
	if err := reports.WriteComplianceText(&buf, r, reports.ComplianceOptions{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	// Largest first: line 13 (13.00) down to line 04 (4.00) are the ten
	// listed; lines 03, 02, 01 are counted.
	for _, want := range []string{
		"principal-15  1.1% (1.00 of 92.00)  ≥ 15% (unverified)  FAIL",
		"lines below principal, largest first (10 of 13):",
		"line 13", "line 04",
		"… and 3 more lines (--max-lines 0 or --format json lists every one)",
		"The rule fails.",
		"Unverified thresholds",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "line 03") {
		t.Errorf("output lists line 03 beyond the cap of 10:\n%s", out)
	}
	if strings.Index(out, "line 13") > strings.Index(out, "line 04") {
		t.Errorf("lines are not largest first:\n%s", out)
	}

	buf.Reset()
	if err := reports.WriteComplianceText(&buf, r, reports.ComplianceOptions{MaxLines: -1}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "line 01") || strings.Contains(buf.String(), "more line") {
		t.Errorf("MaxLines -1 does not list every line:\n%s", buf.String())
	}
}

func TestWriteComplianceJSONListsAll(t *testing.T) {
	var buf bytes.Buffer
	if err := reports.WriteComplianceJSON(&buf, complianceFailure(t)); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Pass  bool
		Rules []struct {
			Lines []struct{ Description string }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Pass || len(v.Rules) != 1 || len(v.Rules[0].Lines) != 13 || v.Rules[0].Lines[0].Description != "line 13" {
		t.Errorf("JSON = %s", buf.String())
	}
}
