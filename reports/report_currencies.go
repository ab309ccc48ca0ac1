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
	out.Lines = budget.Lines{}
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

// sectionHeading heads a currency's section: "In EUR", or for the lines
// that state no currency, words that say so.
func (p printer) sectionHeading(cur string) string {
	if cur == "" {
		return p.S("Lines with no currency stated")
	}
	return p.F("In %s", cur)
}

// currencyList lists currency codes for a sentence, the lines with no
// currency (code "") in words: "no currency stated, EUR".
func (p printer) currencyList(cs []string) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c
		if c == "" {
			out[i] = p.S("no currency stated")
		}
	}
	return strings.Join(out, ", ")
}

// noCurrencyNote says, in the section of lines with no currency, how to
// give them one.
func (p printer) noCurrencyNote() string {
	return p.S("These lines state no currency, so their money is added to no other currency's. To give them one, read the file with --currency CODE (the currency of every line that states none) or add a currency column to it.")
}

// sectionCharts are the charts of a report in several currencies: each
// section's own, then the SDG 5.c.1 chart when there is one.
func sectionCharts(r *Report) []ChartData {
	var cs []ChartData
	for _, s := range r.Sections {
		id := sectionID(s.SectionCurrency)
		for _, c := range Charts(s) {
			c.Name = id + "-" + c.Name
			c.Title = r.p.F("%s: %s", r.p.sectionHeading(s.SectionCurrency), c.Title)
			c.Section = id
			cs = append(cs, c)
		}
	}
	if r.Track != nil && len(r.Track.Years) > 0 {
		c := sdgChart(r)
		c.p = r.p
		cs = append(cs, c)
	}
	return cs
}

// htmlCurrency is a currency's section of report.html; Note, for the
// lines with no currency, says how to give them one.
type htmlCurrency struct {
	ID, Heading, Note, Scope string
	Headlines                []Headline
	Conventions              []htmlConvention
	Tables                   []htmlTable
	Charts                   []htmlChart // the currency's own charts
}

// sectionTables are the tables of a currency's section, each of its own
// lines.
var sectionTables = []func(r *Report, cur string) (htmlTable, bool){yearTable, objectiveTable, areaTable, ministryTable}

// htmlCurrencies returns the currency sections of report.html.
func htmlCurrencies(r *Report) []htmlCurrency {
	var out []htmlCurrency
	for _, s := range r.Sections {
		cur := s.SectionCurrency
		hc := htmlCurrency{ID: sectionID(cur), Heading: r.p.sectionHeading(cur), Scope: s.scopeText(), Headlines: Headlines(s), Conventions: conventionRows(s, cur)}
		for _, table := range sectionTables {
			if t, ok := table(s, cur); ok {
				t.ID = hc.ID + "-" + t.ID
				hc.Tables = append(hc.Tables, t)
			}
		}
		if cur == "" {
			hc.Note = r.p.noCurrencyNote()
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
		rows = append(rows, []any{p.sectionHeading(s.SectionCurrency), t.Amount, t.Lines, t.GEWE, t.GEWEShare,
			t.Level(budget.Principal), t.Level(budget.Significant), t.Level(budget.NotScreened), t.Coverage})
	}
	x.table(sheet, 1, cols, rows)
}
