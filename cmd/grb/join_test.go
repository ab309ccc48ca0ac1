package main

import (
	"encoding/json"
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

// joinFilesVocab is joinFiles with two more 2024 activities naming the
// budget line 0703 (objective 11, not targeted): A4 by vocabulary 1
// (IATI's own categories, not the recipient's budget: not a link), 100;
// A5 by vocabulary 3 (another country system: a link), 50. By hand,
// approved 2024:
//
//	obj 7:  budget 1,000, aid 500, in the budget 300, once 1,200
//	obj 11: budget 500, aid 150, in the budget 50, once 600
//	not targeted: budget 500, aid 150, in the budget 50, once 600
//	total: budget 1,500, aid 650, in the budget 350, once 1,800
func joinFilesVocab(t *testing.T) (string, string) {
	t.Helper()
	gov, aid := joinFiles(t, "USD")
	doc, err := os.ReadFile(aid)
	if err != nil {
		t.Fatal(err)
	}
	act := func(id, amount, vocab string) string {
		return `<iati-activity default-currency="USD"><iati-identifier>XM-1-` + id + `</iati-identifier>
<reporting-org ref="XM-1" type="10"><narrative>Donor</narrative></reporting-org><title><narrative>Aid ` + id + `</narrative></title>
<policy-marker vocabulary="1" code="1" significance="0"/>
<tag vocabulary="99" vocabulary-uri="https://undocs.org/A/RES/73/195" code="11"/>
<country-budget-items vocabulary="` + vocab + `"><budget-item code="0703"/></country-budget-items>
<budget type="1"><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value value-date="2024-01-01">` + amount + `</value></budget>
</iati-activity>
`
	}
	s := strings.Replace(string(doc), "</iati-activities>", act("4", "100", "1")+act("5", "50", "3")+"</iati-activities>", 1)
	if err := os.WriteFile(aid, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return gov, aid
}

// TestAnalyzeJoinBudgetAid: grb analyze BUDGET AID --to USD sets the
// government budget and donor aid side by side, in text and JSON, with
// the same guard as report: aid linked to a budget line by a country
// budget-item code of vocabulary 2 or 3 counts once; vocabulary 1 does
// not link. The budget's own analysis describes the budget alone.
func TestAnalyzeJoinBudgetAid(t *testing.T) {
	gov, aid := joinFilesVocab(t)
	r := runGrb(t, []string{"grb", "analyze", gov, aid, "--to", "USD"})
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	i := strings.Index(r.stdout, "Government budget and donor aid")
	if i < 0 {
		t.Fatalf("analyze text has no joined view:\n%s", r.stdout)
	}
	own, joined := r.stdout[:i], r.stdout[i:]
	for _, w := range []string{"aid.xml", "0702010", "0703", "1,500.00", "650.00", "350.00", "1,800.00", "1,200.00", "600.00"} {
		if !strings.Contains(joined, w) {
			t.Errorf("the joined view lacks %q:\n%s", w, joined)
		}
	}
	if strings.Contains(own, "650.00") || strings.Contains(own, "2,150.00") || !strings.Contains(own, "1,500.00") {
		t.Errorf("the budget's own analysis is not of the budget alone:\n%s", own)
	}

	r = runGrb(t, []string{"grb", "analyze", gov, aid, "--to", "USD", "--format", "json"})
	if r.code != 0 {
		t.Fatalf("json: exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Shares struct {
			Total struct {
				Amount json.Number `json:"amount"`
			} `json:"total"`
		} `json:"shares"`
		Join *struct {
			Year     int      `json:"year"`
			Currency string   `json:"currency"`
			Linked   int      `json:"linked"`
			Codes    []string `json:"codes"`
			Budget   []string `json:"budget_files"`
			Aid      []string `json:"aid_files"`
			Total    struct {
				Budget   json.Number `json:"budget"`
				Aid      json.Number `json:"aid"`
				OnBudget json.Number `json:"on_budget"`
				Once     json.Number `json:"once"`
			} `json:"total"`
			ByObjective []struct {
				Key struct {
					Value string `json:"value"`
				} `json:"key"`
				Budget   json.Number `json:"budget"`
				Aid      json.Number `json:"aid"`
				OnBudget json.Number `json:"on_budget"`
				Once     json.Number `json:"once"`
			} `json:"by_objective"`
		} `json:"budget_and_aid"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v:\n%s", err, r.stdout)
	}
	if out.Join == nil {
		t.Fatalf("no budget_and_aid in:\n%s", r.stdout)
	}
	j := out.Join
	if j.Year != 2024 || j.Currency != "USD" || j.Linked != 2 || strings.Join(j.Codes, ",") != "0702010,0703" {
		t.Errorf("budget_and_aid: year %d currency %s linked %d codes %v; want 2024 USD 2 [0702010 0703]", j.Year, j.Currency, j.Linked, j.Codes)
	}
	if strings.Join(j.Budget, ",") != "budget.csv" || strings.Join(j.Aid, ",") != "aid.xml" {
		t.Errorf("budget_and_aid files: %v and %v; want budget.csv and aid.xml", j.Budget, j.Aid)
	}
	if got := string(j.Total.Budget) + "|" + string(j.Total.Aid) + "|" + string(j.Total.OnBudget) + "|" + string(j.Total.Once); got != "1500.00|650.00|350.00|1800.00" {
		t.Errorf("budget_and_aid total %s, want 1500.00|650.00|350.00|1800.00", got)
	}
	want := map[string]string{"7": "1000.00|500.00|300.00|1200.00", "11": "500.00|150.00|50.00|600.00"}
	for _, row := range j.ByObjective {
		got := string(row.Budget) + "|" + string(row.Aid) + "|" + string(row.OnBudget) + "|" + string(row.Once)
		if w, ok := want[row.Key.Value]; ok && got != w {
			t.Errorf("budget_and_aid objective %s: %s, want %s", row.Key.Value, got, w)
		}
		delete(want, row.Key.Value)
	}
	if len(want) > 0 {
		t.Errorf("budget_and_aid lacks objectives %v", want)
	}
	if string(out.Shares.Total.Amount) != "1500.00" {
		t.Errorf("shares total %s, want the budget's 1500.00 alone", out.Shares.Total.Amount)
	}
}

// TestAnalyzeJoinCurrencies: without --to, a budget and aid in two
// currencies are not joined, and the message says so.
func TestAnalyzeJoinCurrencies(t *testing.T) {
	gov, aid := joinFiles(t, "NOK")
	r := runGrb(t, []string{"grb", "analyze", gov, aid})
	if r.code == 0 || !strings.Contains(r.stderr, "--to") || !strings.Contains(r.stderr, "NOK") {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
}

// TestReportNamesAidFiles: report.html's footer lists the aid files among
// its sources, and report.xlsx's Methodology names them, not only the
// joined table's caption.
func TestReportNamesAidFiles(t *testing.T) {
	gov, aid := joinFiles(t, "USD")
	aid2 := filepath.Join(filepath.Dir(aid), "aid-two.xml")
	doc, err := os.ReadFile(aid)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(aid2, []byte(strings.ReplaceAll(string(doc), "XM-1-", "XM-2-")), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(filepath.Dir(gov), "out")
	r := runGrb(t, []string{"grb", "report", gov, aid, aid2, "--to", "USD", "-o", out})
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	foot := html[strings.Index(html, "<footer>"):]
	for _, w := range []string{"budget.csv", "aid.xml", "aid-two.xml"} {
		if !strings.Contains(foot, w) {
			t.Errorf("report.html footer lacks %q: %s", w, foot)
		}
	}
	if strings.Contains(html, filepath.Dir(aid)) {
		t.Errorf("report.html names the aid files' folder")
	}
	f, err := excelize.OpenFile(filepath.Join(out, "report.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Methodology")
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, row := range rows {
		for _, cell := range row {
			for _, w := range []string{"aid.xml", "aid-two.xml"} {
				if cell == w {
					found[w] = true
				}
			}
		}
	}
	if !found["aid.xml"] || !found["aid-two.xml"] {
		t.Errorf("report.xlsx Methodology names the aid files %v, want aid.xml and aid-two.xml", found)
	}
}
