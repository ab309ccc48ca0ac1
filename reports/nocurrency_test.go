package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// noCurrencyBudget has a line in EUR and one that states no currency.
func noCurrencyBudget() *budget.Budget {
	var a, b budget.Line
	a.Amounts.Set(budget.Approved, budget.FromCents(10000))
	a.Currency, a.Year = "EUR", 2024
	b.Amounts.Set(budget.Approved, budget.FromCents(20000))
	b.Year = 2024
	return &budget.Budget{Source: "x.csv", Lines: budget.LinesOf([]budget.Line{a, b}...)}
}

// TestNoCurrencySection: the section of lines with no currency is headed
// in words in each language, never "In –", and says how to give one
// (--currency or a currency column), in report.html, report.xlsx's
// Currencies sheet and grb analyze's text.
func TestNoCurrencySection(t *testing.T) {
	for _, tc := range []struct {
		lang          Lang
		heading, hint string
	}{
		{English, "Lines with no currency stated", "--currency"},
		{French, "Lignes sans monnaie indiquée", "--currency"},
		{Spanish, "Líneas sin moneda indicada", "--currency"},
	} {
		r, err := Build([]*budget.Budget{noCurrencyBudget()}, Options{Lang: tc.lang})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteHTML(&buf, r, nil); err != nil {
			t.Fatal(err)
		}
		html := buf.String()
		i := strings.Index(html, `<section id="currency-none"`)
		if i < 0 {
			t.Fatalf("%s: no section currency-none", tc.lang)
		}
		sec := html[i:]
		sec = sec[:strings.Index(sec, "</section>")]
		if !strings.Contains(sec, ">"+tc.heading+"</h2>") || !strings.Contains(sec, tc.hint) {
			t.Errorf("%s: section currency-none has no heading %q or hint %q:\n%s", tc.lang, tc.heading, tc.hint, sec)
		}
		for _, bad := range []string{"In –", "En –", ">–</h2>", "(, ", "in , "} {
			if strings.Contains(html, bad) {
				t.Errorf("%s: report.html has %q", tc.lang, bad)
			}
		}
		buf.Reset()
		if err := WriteWorkbook(&buf, r); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("Currencies")
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, row := range rows {
			if len(row) > 0 && row[0] == tc.heading {
				found = true
			}
			if len(row) > 0 && (strings.HasSuffix(row[0], "–") || strings.HasSuffix(row[0], " -")) {
				t.Errorf("%s: Currencies row %q", tc.lang, row[0])
			}
		}
		if !found {
			t.Errorf("%s: sheet Currencies has no row %q: %q", tc.lang, tc.heading, rows)
		}
	}

	var secs []CurrencySection
	for _, p := range analysis.SplitCurrencies(noCurrencyBudget()) {
		res, err := analysis.Shares(p.Budget, analysis.Options{})
		if err != nil {
			t.Fatal(err)
		}
		secs = append(secs, CurrencySection{Currency: p.Currency, Shares: res})
	}
	var buf bytes.Buffer
	if err := WriteSectionsText(&buf, "x.csv", secs); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "== Lines with no currency stated: 1 line ==") || !strings.Contains(buf.String(), "--currency") || strings.Contains(buf.String(), "In no currency") {
		t.Errorf("analyze text:\n%s", buf.String())
	}
}

// TestSectionChartsOneCurrency: a report in several currencies has each
// chart once per currency, in that currency's section, its categories of
// that currency's lines alone (no "EUR · …" label of a chart split by
// currency).
func TestSectionChartsOneCurrency(t *testing.T) {
	r, err := Build([]*budget.Budget{noCurrencyBudget()}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	for _, c := range Charts(r) {
		if c.Section != "currency-eur" && c.Section != "currency-none" || !strings.HasPrefix(c.Name, c.Section+"-") {
			t.Errorf("chart %s in section %q", c.Name, c.Section)
		}
		per[c.Section]++
		for _, cat := range c.Categories {
			if strings.Contains(cat, " · ") {
				t.Errorf("chart %s: category %q is split by currency", c.Name, cat)
			}
		}
	}
	if per["currency-eur"] != 4 || per["currency-none"] != 4 {
		t.Errorf("charts per section %v, want 4 each", per)
	}
}
