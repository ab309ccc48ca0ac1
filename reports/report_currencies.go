package reports

import (
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// currencySections sets r.Sections when r's focus lines are in several
// currencies: one report per currency, built from that currency's lines
// of every budget alone, for the same focus year, so that each currency
// has its own headline, conventions and tables and no figure adds
// currencies together. Compliance and SDG 5.c.1 stay with r.
func (r *Report) currencySections(opt Options) error {
	if !r.Headline.Mixed() {
		return nil
	}
	opt.Profile, opt.SDG5c1, opt.Aid = nil, nil, nil
	if r.Focus != 0 {
		opt.Year = r.Focus
	}
	for _, cur := range r.Headline.Currencies {
		bs := make([]*budget.Budget, len(r.Budgets))
		for i, b := range r.Budgets {
			bs[i] = onlyCurrency(b, cur)
		}
		s, err := Build(bs, opt)
		if err != nil {
			return err
		}
		s.SectionCurrency = cur
		r.Sections = append(r.Sections, s)
	}
	return nil
}

// onlyCurrency returns b with only its lines in currency cur.
func onlyCurrency(b *budget.Budget, cur string) *budget.Budget {
	for _, p := range analysis.SplitCurrencies(b) {
		if p.Currency == cur {
			return p.Budget
		}
	}
	out := *b
	out.Lines = nil
	return &out
}

// sectionID is the HTML id of a currency's section: currency-eur, or
// currency-none for lines with no currency.
func sectionID(cur string) string {
	if cur == "" {
		return "currency-none"
	}
	return "currency-" + strings.ToLower(cur)
}

// htmlCurrency is a currency's section of report.html.
type htmlCurrency struct {
	ID, Heading, Scope string
	Headlines          []Headline
	Conventions        []htmlConvention
	Tables             []htmlTable
}

// sectionTables are the tables of a currency's section, each of its own
// lines.
var sectionTables = []func(r *Report, cur string) (htmlTable, bool){yearTable, objectiveTable, areaTable, ministryTable}

// htmlCurrencies returns the currency sections of report.html.
func htmlCurrencies(r *Report) []htmlCurrency {
	var out []htmlCurrency
	for _, s := range r.Sections {
		cur := s.SectionCurrency
		hc := htmlCurrency{ID: sectionID(cur), Heading: r.p.F("In %s", orDash(cur)), Scope: s.scopeText(), Headlines: Headlines(s), Conventions: conventionRows(s, cur)}
		for _, table := range sectionTables {
			if t, ok := table(s, cur); ok {
				t.ID = hc.ID + "-" + t.ID
				hc.Tables = append(hc.Tables, t)
			}
		}
		out = append(out, hc)
	}
	return out
}

// currenciesSheet writes, for a report in several currencies, one row per
// currency with its own figures: the budget in scope, the GEWE money and
// share, the marker levels and coverage, each of that currency's lines
// alone.
func currenciesSheet(x *xlsxWriter, r *Report) {
	if len(r.Sections) == 0 {
		return
	}
	const sheet = "Currencies"
	x.newSheet(sheet)
	p := r.p
	cols := []col{{p.S("Currency"), 12, 0}, {p.F("Budget in scope (%s)", p.phase(r.Phase)), 18, 1}, {p.S("Lines"), 8, 3},
		{p.F("GEWE (%s)", r.Weighting.Name), 18, 1}, {p.F("GEWE share (%s)", r.Weighting.Name), 14, 2},
		{p.level(budget.Principal), 16, 1}, {p.level(budget.Significant), 16, 1}, {p.level(budget.NotScreened), 16, 1}, {p.S("Coverage"), 10, 2}}
	var rows [][]any
	for _, s := range r.Sections {
		t := s.Headline.Total
		rows = append(rows, []any{p.F("In %s", orDash(s.SectionCurrency)), t.Amount, t.Lines, t.GEWE, t.GEWEShare,
			t.Level(budget.Principal), t.Level(budget.Significant), t.Level(budget.NotScreened), t.Coverage})
	}
	x.table(sheet, 1, cols, rows)
}
