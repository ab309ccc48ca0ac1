package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// joinFiles writes a government budget (csv, USD 2024) and an aid file
// (IATI, USD) whose first activity names the budget line 0702010 in its
// country-budget-items. By hand, approved 2024:
//
//	budget: 0702010 obj 7 principal 1,000; 0703 obj 11 not targeted 500
//	aid:    A1 → 0702010, obj 7 principal 300 (on budget: counted once)
//	        A2 obj 7 significant 200; A3 (2023) 999, another year
//	obj 7:  budget 1,000, aid 500, of which in the budget 300, once 1,200
//	obj 11: budget 500, once 500
//	principal:    budget 1,000, aid 300, of which in the budget 300, once 1,000
//	significant:  budget 0, aid 200, once 200; not targeted: 500, 0, once 500
//	total: budget 1,500, aid 500, in the budget 300, once 1,700
func joinFiles(t *testing.T, aidCur string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	gov := filepath.Join(dir, "budget.csv")
	csv := "Fiscal year,Line ID,Ministry,Line description,Approved,Currency,GCM objective(s),Gender marker (OECD DAC)\n" +
		"2024,0702010,Interior,Shelters for migrant women,1000,USD,7,2\n" +
		"2024,0703,Interior,Border posts,500,USD,11,0\n"
	act := func(id, year, amount, sig, obj, items string) string {
		return `<iati-activity default-currency="` + aidCur + `"><iati-identifier>XM-1-` + id + `</iati-identifier>
<reporting-org ref="XM-1" type="10"><narrative>Donor</narrative></reporting-org><title><narrative>Aid ` + id + `</narrative></title>
<policy-marker vocabulary="1" code="1" significance="` + sig + `"/>
<tag vocabulary="99" vocabulary-uri="https://undocs.org/A/RES/73/195" code="` + obj + `"/>` + items + `
<budget type="1"><period-start iso-date="` + year + `-01-01"/><period-end iso-date="` + year + `-12-31"/><value value-date="` + year + `-01-01">` + amount + `</value></budget>
</iati-activity>`
	}
	aid := filepath.Join(dir, "aid.xml")
	doc := `<?xml version="1.0" encoding="UTF-8"?>` + "\n<iati-activities version=\"2.03\">\n" +
		act("1", "2024", "300", "2", "7", `<country-budget-items vocabulary="2"><budget-item code="0702010"/></country-budget-items>`) + "\n" +
		act("2", "2024", "200", "1", "7", "") + "\n" +
		act("3", "2023", "999", "2", "7", "") + "\n</iati-activities>\n"
	if err := os.WriteFile(gov, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(aid, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return gov, aid
}

// TestReportJoinBudgetAid: grb report BUDGET AID --to USD shows the
// government budget and donor aid side by side per GCM objective and
// marker, an activity linked to a budget line by its country budget-item
// code counted once; the rest of the report describes the budget alone.
func TestReportJoinBudgetAid(t *testing.T) {
	gov, aid := joinFiles(t, "USD")
	out := filepath.Join(filepath.Dir(gov), "out")
	r := runGrb(t, []string{"grb", "report", gov, aid, "--to", "USD", "-o", out})
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	i := strings.Index(html, `<section id="budget-and-aid"`)
	if i < 0 {
		t.Fatalf("report.html has no budget-and-aid section")
	}
	sec := html[i:]
	sec = sec[:strings.Index(sec, "</section>")]
	for _, w := range []string{"1,700.00", "1,200.00", "300.00", "aid.xml", "0702010"} {
		if !strings.Contains(sec, w) {
			t.Errorf("the joined section lacks %q", w)
		}
	}
	if strings.Contains(html, "2,000.00") || strings.Contains(html, "2,999.00") {
		t.Errorf("the aid is added to the budget's own figures")
	}
	f, err := excelize.OpenFile(filepath.Join(out, "report.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Budget and aid", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, row := range rows {
		if len(row) > 2 {
			got[row[0]+"|"+row[1]] = strings.Join(row[2:], "|")
		}
	}
	for k, w := range map[string]string{"Total|": "1500|500|300|1700", "GCM objective|7 Reduce vulnerabilities": "1000|500|300|1200", "GCM objective|11 Manage borders": "500|0|0|500", "Gender marker|Principal": "1000|300|300|1000", "Gender marker|Significant": "0|200|0|200", "Gender marker|Not targeted": "500|0|0|500"} {
		if got[k] != w {
			t.Errorf("Budget and aid %s: %q, want %q (rows %q)", k, got[k], w, rows)
		}
	}
}

// TestReportJoinCurrencies: a budget and aid in two currencies are not
// joined without --to, and the message says so.
func TestReportJoinCurrencies(t *testing.T) {
	gov, aid := joinFiles(t, "NOK")
	r := runGrb(t, []string{"grb", "report", gov, aid, "-o", filepath.Join(filepath.Dir(gov), "out")})
	if r.code == 0 || !strings.Contains(r.stderr, "--to") || !strings.Contains(r.stderr, "NOK") {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
}
