package main

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// mixedActivity is an IATI 2.03 activity with one approved budget for
// 2023 in currency cur, and a gender marker of significance sig ("" for
// none).
func mixedActivity(id, cur, amount, sig string) string {
	marker := ""
	if sig != "" {
		marker = fmt.Sprintf(`<policy-marker vocabulary="1" code="1" significance="%s"/>`, sig)
	}
	return fmt.Sprintf(`<iati-activity default-currency="%s">
  <iati-identifier>XM-1-%s</iati-identifier>
  <reporting-org ref="XM-1" type="10"><narrative>Donor</narrative></reporting-org>
  <title><narrative>Activity %s</narrative></title>
  %s
  <budget type="1"><period-start iso-date="2023-01-01"/><period-end iso-date="2023-12-31"/><value value-date="2023-01-01">%s</value></budget>
</iati-activity>`, cur, id, id, marker, amount)
}

// writeMixedIATI writes an IATI file whose activities are in AUD, CHF,
// NOK and XOF, and returns its name. By hand, approved 2023:
//
//	AUD: 1,000 principal + 3,000 not screened = 4,000; GEWE 1,000
//	CHF: 500 significant; GEWE 500
//	NOK: 2,000 not targeted; GEWE 0
//	XOF: 300,000 principal; GEWE 300,000
//
// The four added, 306,500, mean nothing and must appear nowhere.
func writeMixedIATI(t *testing.T, dir string) string {
	t.Helper()
	doc := `<?xml version="1.0" encoding="UTF-8"?>` + "\n<iati-activities version=\"2.03\">\n" + strings.Join([]string{
		mixedActivity("1", "AUD", "1000", "2"),
		mixedActivity("2", "CHF", "500", "1"),
		mixedActivity("3", "NOK", "2000", "0"),
		mixedActivity("4", "XOF", "300000", "2"),
		mixedActivity("5", "AUD", "3000", ""),
	}, "\n") + "\n</iati-activities>\n"
	name := filepath.Join(dir, "aid.xml")
	if err := os.WriteFile(name, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

type currencyWant struct {
	cur          string
	lines        int
	amount, gewe string
}

var mixedWant = []currencyWant{
	{"AUD", 2, "4000.00", "1000.00"},
	{"CHF", 1, "500.00", "500.00"},
	{"NOK", 1, "2000.00", "0.00"},
	{"XOF", 1, "300000.00", "300000.00"},
}

// TestAnalyzeCurrencySections: without --to, analyze gives each currency
// of a mixed file its own section (json, text, csv), each computed from
// that currency's lines alone, with its own headline and gaps; nothing
// adds the currencies together.
func TestAnalyzeCurrencySections(t *testing.T) {
	dir := t.TempDir()
	name := writeMixedIATI(t, dir)
	r := runGrb(t, []string{"grb", "analyze", name, "--format", "json"})
	if r.code != 0 {
		t.Fatalf("json: exit %d: %s", r.code, r.stderr)
	}
	var out struct {
		Shares     json.RawMessage `json:"shares"`
		Currencies []struct {
			Currency string `json:"currency"`
			Shares   struct {
				Currencies []string `json:"currencies"`
				Total      struct {
					Lines  int         `json:"lines"`
					Amount json.Number `json:"amount"`
					GEWE   json.Number `json:"gewe"`
				} `json:"total"`
			} `json:"shares"`
			Gaps *struct {
				Lines int `json:"lines"`
			} `json:"gaps"`
		} `json:"currencies"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v: %s", err, r.stdout)
	}
	if out.Shares != nil {
		t.Errorf("a top-level shares across currencies: %s", out.Shares)
	}
	if len(out.Currencies) != len(mixedWant) {
		t.Fatalf("%d currency sections, want %d: %s", len(out.Currencies), len(mixedWant), r.stdout)
	}
	for i, w := range mixedWant {
		c := out.Currencies[i]
		tot := c.Shares.Total
		if c.Currency != w.cur || tot.Lines != w.lines || string(tot.Amount) != w.amount || string(tot.GEWE) != w.gewe || len(c.Shares.Currencies) != 1 || c.Gaps == nil || c.Gaps.Lines != w.lines {
			t.Errorf("section %d: %s %d lines, %s, GEWE %s, gaps %+v; want %+v", i, c.Currency, tot.Lines, tot.Amount, tot.GEWE, c.Gaps, w)
		}
	}
	if strings.Contains(r.stderr, "no gender gaps") {
		t.Errorf("gaps refused: %s", r.stderr)
	}

	r = runGrb(t, []string{"grb", "analyze", name})
	if r.code != 0 {
		t.Fatalf("text: exit %d: %s", r.code, r.stderr)
	}
	for _, w := range []string{"Headline (4,000.00 AUD approved in 2 lines)", "Headline (500.00 CHF approved in 1 line)", "Headline (2,000.00 NOK approved in 1 line)", "Headline (300,000.00 XOF approved in 1 line)"} {
		if !strings.Contains(r.stdout, w) {
			t.Errorf("text lacks %q:\n%s", w, r.stdout)
		}
	}
	r = runGrb(t, []string{"grb", "analyze", name, "--format", "csv"})
	if r.code != 0 {
		t.Fatalf("csv: exit %d: %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "currency,lines,") {
		t.Fatalf("csv: want a header and one total row per currency:\n%s", r.stdout)
	}
	for i, w := range mixedWant {
		if !strings.HasPrefix(lines[i+1], fmt.Sprintf("%s,%d,", w.cur, w.lines)) || !strings.Contains(lines[i+1], ","+w.amount+",") {
			t.Errorf("csv row %d = %q, want %+v", i+1, lines[i+1], w)
		}
	}
	for _, s := range []string{"306,500", "306500"} {
		if strings.Contains(r.stdout, s) {
			t.Errorf("the currencies were added: %s", s)
		}
	}
}

// TestReportCurrencySections: without --to, report.html and report.xlsx
// give each currency of a mixed file its own section, whose headline
// figures name the currency; no table adds the currencies together.
func TestReportCurrencySections(t *testing.T) {
	dir := t.TempDir()
	name := writeMixedIATI(t, dir)
	outDir := filepath.Join(dir, "out")
	r := runGrb(t, []string{"grb", "report", name, "-o", outDir})
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	page, err := os.ReadFile(filepath.Join(outDir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, w := range mixedWant {
		id := `<section id="currency-` + strings.ToLower(w.cur) + `"`
		i := strings.Index(html, id)
		if i < 0 {
			t.Errorf("report.html has no section %s", id)
			continue
		}
		sec := html[i:]
		if j := strings.Index(sec[1:], `<section`); j >= 0 {
			sec = sec[:j]
		}
		if !strings.Contains(sec, w.cur) || !strings.Contains(sec, "In "+w.cur) {
			t.Errorf("section %s does not name %s", id, w.cur)
		}
	}
	if !strings.Contains(html, "AUD 4,000") && !strings.Contains(html, "4,000 AUD") && !strings.Contains(html, "AUD 4 thousand") && !strings.Contains(html, "AUD 4.0 thousand") {
		t.Errorf("report.html has no AUD headline figure")
	}
	for _, s := range []string{"306,500", "306.5 thousand", "306 thousand"} {
		if strings.Contains(html, s) {
			t.Errorf("report.html adds the currencies: %s", s)
		}
	}

	f, err := excelize.OpenFile(filepath.Join(outDir, "report.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			for i, c := range row {
				if c == "306500" {
					t.Errorf("sheet %s adds the currencies: %v", sheet, row)
				}
				if sheet == "Currencies" && i+1 < len(row) && strings.HasPrefix(c, "In ") {
					found[strings.TrimPrefix(c, "In ")+" "+row[i+1]] = true
				}
			}
		}
	}
	for _, w := range mixedWant {
		if !found[w.cur+" "+strings.TrimSuffix(w.amount, ".00")] {
			t.Errorf("sheet Currencies has no budget of %s %s (found %v)", w.cur, w.amount, found)
		}
	}
}

// TestReportCurrencyCharts: without --to, each currency's section of
// report.html has its own charts, of its lines alone; the chart files are
// one set per currency; report.xlsx's native charts each plot the rows of
// one currency. No chart puts money or shares of two currencies on one
// axis.
func TestReportCurrencyCharts(t *testing.T) {
	dir := t.TempDir()
	name := writeMixedIATI(t, dir)
	outDir := filepath.Join(dir, "out")
	r := runGrb(t, []string{"grb", "report", name, "-o", outDir})
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	codes := []string{"AUD", "CHF", "NOK", "XOF"}
	// others returns the codes other than cur found in s.
	others := func(s, cur string) []string {
		var out []string
		for _, c := range codes {
			if c != cur && strings.Contains(s, c) {
				out = append(out, c)
			}
		}
		return out
	}
	page, err := os.ReadFile(filepath.Join(outDir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	for _, cur := range codes {
		id := "currency-" + strings.ToLower(cur)
		i := strings.Index(html, `<section id="`+id+`"`)
		if i < 0 {
			t.Fatalf("no section %s", id)
		}
		sec := html[i:]
		sec = sec[:strings.Index(sec, "</section>")]
		for _, chart := range []string{"gewe-by-objective", "markers-by-ministry", "execution", "gewe-trend"} {
			fig := `<figure id="chart-` + id + "-" + chart + `"`
			j := strings.Index(sec, fig)
			if j < 0 {
				t.Errorf("section %s has no chart %s", id, chart)
				continue
			}
			f := sec[j:]
			f = f[:strings.Index(f, "</figure>")]
			if o := others(f, cur); len(o) > 0 {
				t.Errorf("chart %s of %s names %v", chart, cur, o)
			}
		}
	}
	if i := strings.Index(html, `<section id="charts"`); i >= 0 {
		sec := html[i:]
		sec = sec[:strings.Index(sec, "</section>")]
		if strings.Contains(sec, "<figure") || strings.Contains(sec, "No chart: no budget line is covered") {
			t.Errorf("the page's own charts section has a chart or says there is none:\n%s", sec)
		}
	}

	files, err := os.ReadDir(filepath.Join(outDir, "charts"))
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	for _, f := range files {
		n := f.Name()
		cur := ""
		for _, c := range codes {
			if strings.HasPrefix(n, "currency-"+strings.ToLower(c)+"-") {
				cur = c
			}
		}
		if cur == "" {
			t.Errorf("chart file %s is of no one currency", n)
			continue
		}
		per[cur]++
		if strings.HasSuffix(n, ".svg") {
			b, err := os.ReadFile(filepath.Join(outDir, "charts", n))
			if err != nil {
				t.Fatal(err)
			}
			if o := others(string(b), cur); len(o) > 0 {
				t.Errorf("chart file %s names %v", n, o)
			}
		}
	}
	for _, c := range codes {
		if per[c] != 8 { // four charts, as svg and png
			t.Errorf("%d chart files of %s, want 8", per[c], c)
		}
	}

	checkXLSXChartsOneCurrency(t, filepath.Join(outDir, "report.xlsx"), 8)
}

// checkXLSXChartsOneCurrency checks that each native chart of the
// workbook name plots rows of one currency (column A of its group sheet),
// its categories from column B, and that it has want charts.
func checkXLSXChartsOneCurrency(t *testing.T, name string, want int) {
	t.Helper()
	zr, err := zip.OpenReader(name)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := excelize.OpenFile(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref := regexp.MustCompile(`<c:cat>.*?<c:f>'([^']+)'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)</c:f>`)
	n := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
			continue
		}
		n++
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ref.FindAllStringSubmatch(string(b), -1) {
			sheet, col := m[1], m[2]
			first, _ := strconv.Atoi(m[3])
			last, _ := strconv.Atoi(m[4])
			if col != "B" {
				t.Errorf("%s: categories from %s!%s, want column B (column A is the currency)", zf.Name, sheet, col)
			}
			curs := map[string]bool{}
			for row := first; row <= last; row++ {
				v, err := f.GetCellValue(sheet, "A"+strconv.Itoa(row))
				if err != nil {
					t.Fatal(err)
				}
				curs[v] = true
			}
			if len(curs) != 1 {
				t.Errorf("%s: rows %d–%d of %s are in %d currencies %v", zf.Name, first, last, sheet, len(curs), curs)
			}
		}
	}
	if n != want {
		t.Errorf("report.xlsx has %d native charts, want %d", n, want)
	}
}
