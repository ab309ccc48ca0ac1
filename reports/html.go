package reports

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/templates"
)

// HTMLChart is a chart rendered as SVG for the HTML report.
type HTMLChart struct {
	Name, Title, Caption string
	Alt                  string // text alternative for people who cannot see the chart
	SVG                  []byte // an SVG document written by grb (gonum/plot)
}

var reportTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Parse(templates.ReportHTML()))
})

type htmlPage struct {
	tr        printer
	Lang      string // the lang attribute of the page
	Title     string
	Name      string
	Kicker    string
	Synthetic string
	Headlines []Headline
	// HeadlinesLabel names the headline figures for screen readers;
	// Footnote names the convention of the headline share.
	HeadlinesLabel string
	Footnote       string
	MainChart      *htmlChart
	Glossary       []htmlDef
	// Currencies are the sections of a report in several currencies, one
	// per currency.
	Currencies  []htmlCurrency
	Scope       string
	Sources     []string
	AidSources  []string // the donor aid files set beside the budget
	Findings    []string
	Conventions []htmlConvention
	Charts      []htmlChart
	// ChartsIn are, in a report in several currencies, the sections
	// whose charts are in them, which the page's charts section lists.
	ChartsIn []htmlCurrency
	Tables   []htmlTable
	Method   []htmlDef
}

// T words a static text of the template in the page's language: the
// template writes {{$.T "Key findings"}}.
func (p htmlPage) T(key string) string { return p.tr.S(key) }

type htmlConvention struct{ Name, Counts, Money, Share string }

type htmlChart struct {
	Name, Title, Caption, Alt string
	Takeaway                  string     // the one-line text alternative
	Data                      *htmlTable // the chart's values, its detail
	SVG                       template.HTML
}

type htmlTable struct {
	ID, Heading, Caption string
	Head                 []htmlCell
	Rows                 []htmlRow
}

type htmlRow struct {
	Cells []htmlCell
	Total bool
}

type htmlCell struct {
	Text string
	Num  bool
}

type htmlDef struct{ Term, Def string }

// WriteHTML writes report.html: one self-contained page (inline CSS and
// SVG, no script, no network) with the findings in sentences, the
// conventions, the charts, the key tables and the methodology. Every string
// from an input file goes through html/template and is escaped.
func WriteHTML(w io.Writer, r *Report, charts []HTMLChart) error {
	cur := r.Currency()
	data := map[string]ChartData{}
	for _, d := range Charts(r) {
		data[d.Name] = d
	}
	p := htmlPage{tr: r.p, Lang: string(r.p.langOr()), Title: r.scopeTitle(), Scope: r.scopeText(), Sources: r.Sources(), AidSources: r.AidSources(), Findings: Findings(r),
		Name: r.Name(), Kicker: r.p.pageKicker(r.Focus, r.Phase, cur), Headlines: Headlines(r), HeadlinesLabel: r.p.headlinesLabel(),
		Footnote: r.p.conventionFootnote(r.Weighting), Glossary: r.p.glossary()}
	if r.Synthetic {
		p.Synthetic = r.p.syntheticBanner()
	}
	p.Conventions = conventionRows(r, cur)
	p.Currencies = htmlCurrencies(r)
	for _, c := range charts {
		hc := htmlChart{Name: c.Name, Title: c.Title, Caption: c.Caption, Alt: c.Alt, Takeaway: c.Title, SVG: inlineSVG(c.SVG)}
		if d, ok := data[c.Name]; ok {
			hc.Takeaway, hc.Data = r.p.chartTakeaway(d), r.p.chartTable(d)
		}
		if d, ok := data[c.Name]; ok && d.Section != "" {
			p.addSectionChart(d.Section, hc)
			continue
		}
		if c.Name == mainChart && p.MainChart == nil {
			p.MainChart = &hc
			continue
		}
		p.Charts = append(p.Charts, hc)
	}
	for _, s := range p.Currencies {
		if len(s.Charts) > 0 {
			p.ChartsIn = append(p.ChartsIn, s)
		}
	}
	for _, table := range htmlTables {
		if t, ok := table(r, cur); ok {
			if len(r.Sections) > 0 && isSectionTable(t.ID) {
				continue // each currency's section has its own, of its lines
			}
			p.Tables = append(p.Tables, t)
		}
	}
	p.Method = methodology(r)
	var buf bytes.Buffer
	if err := reportTemplate().Execute(&buf, p); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// addSectionChart adds chart c to the currency section whose id is id.
func (p *htmlPage) addSectionChart(id string, c htmlChart) {
	for i := range p.Currencies {
		if p.Currencies[i].ID == id {
			p.Currencies[i].Charts = append(p.Currencies[i].Charts, c)
			return
		}
	}
}

// conventionRows are the rows of the conventions table: the GEWE money
// and share under each convention, in currency cur; a row that says why
// there is none when r's lines are in several currencies.
func conventionRows(r *Report, cur string) []htmlConvention {
	h := r.Headline
	if h.Mixed() {
		return []htmlConvention{{Name: "–", Counts: r.p.F("not shown: the lines are in %s, which cannot be added", r.p.currencyList(h.Currencies)), Money: "–", Share: "–"}}
	}
	var out []htmlConvention
	for _, c := range h.Conventions {
		wt := weightingByName(c.Weighting)
		conv := htmlConvention{Name: c.Weighting, Counts: r.p.conventionDescription(wt), Money: r.p.f.MoneyIn(c.GEWE, cur), Share: r.p.f.Share(c.Share.Value())}
		if c.Weighting == analysis.Attributed.Name && h.AttributedLines == 0 {
			conv.Money, conv.Share = "–", r.p.S("n/a (no line declares a GEWE amount)")
		}
		out = append(out, conv)
	}
	return out
}

// isSectionTable reports whether the table of that id is one of
// sectionTables: a table of money that a report in several currencies
// shows in each currency's section instead.
func isSectionTable(id string) bool {
	switch id {
	case "by-year", "by-objective", "by-area", "by-ministry":
		return true
	}
	return false
}

// htmlTables are the tables of report.html, in their order. Each returns
// its table, or false when the report has nothing for it (no compliance
// profile, no questionnaire). Adding a table to the page is one function
// and one line here.
var htmlTables = []func(r *Report, cur string) (htmlTable, bool){
	yearTable,
	objectiveTable,
	areaTable,
	ministryTable,
	executionTable,
	joinObjectiveTable,
	joinMarkerTable,
	complianceTable,
	sdgTable,
	qualityTable,
}

// mainChart is the chart of the first screen.
const mainChart = "gewe-by-objective"

// yearTable is every fiscal year read, with its money, the share
// screened and the shares marked for gender equality, of all the money
// and of the screened money.
func yearTable(r *Report, cur string) (htmlTable, bool) {
	if len(r.Years) == 0 || r.Headline.Mixed() {
		return htmlTable{}, false
	}
	t := htmlTable{ID: "by-year", Heading: r.p.yearHeading(), Caption: r.p.yearCaption(r.Phase, r.Weighting, r.Focus)}
	for i, h := range r.p.yearHead(r.Phase, cur) {
		t.Head = append(t.Head, htmlCell{Text: h, Num: i > 0})
	}
	for _, g := range r.ByYear.Groups {
		if g.Keys[0].Value == "" {
			continue
		}
		scr := analysis.Ratio{Num: g.GEWE, Den: screenedMoney(g)}
		label := g.Keys[0].Value
		if g.Keys[0].Value == fmt.Sprint(r.Focus) {
			label = r.p.focusLabel(label)
		}
		t.Rows = append(t.Rows, htmlRow{Cells: []htmlCell{{Text: label}, {Text: r.p.f.Int(int64(g.Lines)), Num: true}, {Text: r.p.f.Money(g.Amount), Num: true},
			{Text: r.p.f.Share(g.Coverage.Value()), Num: true}, {Text: r.p.f.Money(g.GEWE), Num: true},
			{Text: r.p.f.Share(g.GEWEShare.Value()), Num: true}, {Text: r.p.f.Share(scr.Value()), Num: true}}})
	}
	return t, true
}

// objectiveTable is the analysis by GCM objective.
func objectiveTable(r *Report, cur string) (htmlTable, bool) {
	return groupTable("by-objective", r.p.S("By GCM objective"), r.ByObjective, r, cur), true
}

// areaTable is the analysis by Migration MPTF thematic area.
func areaTable(r *Report, cur string) (htmlTable, bool) {
	return groupTable("by-area", r.p.S("By Migration MPTF thematic area (provisional mapping)"), r.ByArea, r, cur), true
}

// ministryTable is the analysis by ministry.
func ministryTable(r *Report, cur string) (htmlTable, bool) {
	return groupTable("by-ministry", r.p.S("By ministry or administrative unit"), r.ByUnit, r, cur), true
}

// inlineSVG drops the XML prolog of an SVG document so that it can sit in
// HTML. The SVG is grb's own output (gonum/plot escapes its text), so it is
// trusted markup.
func inlineSVG(svg []byte) template.HTML {
	s := string(svg)
	if i := strings.Index(s, "<svg"); i > 0 {
		s = s[i:]
	}
	return template.HTML(s)
}

func (r *Report) scopeTitle() string {
	if r.Focus != 0 {
		return r.p.F("fiscal year %s, %s amounts", y(r.Focus), r.p.phase(r.Phase))
	}
	return r.p.F("all lines, %s amounts", r.p.phase(r.Phase))
}

func (r *Report) scopeText() string {
	total := r.p.f.MoneyIn(r.Headline.Total.Amount, r.Currency())
	if r.Headline.Mixed() {
		total = r.p.F("in %s, not added", r.p.currencyList(r.Headline.Currencies))
	}
	if r.Focus != 0 {
		return r.p.F("Fiscal year %s, %s amounts (%s)", y(r.Focus), r.p.phase(r.Phase), total)
	}
	return r.p.F("All lines, %s amounts (%s)", r.p.phase(r.Phase), total)
}

func groupTable(id, heading string, res *analysis.Result, r *Report, cur string) htmlTable {
	t := htmlTable{ID: id, Heading: heading,
		Caption: heading + ". " + r.p.F("%s: money, share of the total, marker composition and GEWE money under %s", r.scopeText(), res.Weighting)}
	head := []string{r.p.S("Group"), r.p.S("Lines"), r.p.moneyHead(r.Phase, cur), r.p.S("Share"), r.p.S("Principal"), r.p.S("Significant"), r.p.S("Not screened"), r.p.F("GEWE (%s)", res.Weighting), r.p.F("GEWE share (%s)", res.Weighting)}
	for i, h := range head {
		t.Head = append(t.Head, htmlCell{Text: strings.TrimSpace(h), Num: i > 0})
	}
	row := func(label string, g analysis.Group, total bool) htmlRow {
		return htmlRow{Total: total, Cells: []htmlCell{
			{Text: label}, {Text: r.p.f.Int(int64(g.Lines)), Num: true}, {Text: r.p.f.Money(g.Amount), Num: true}, {Text: r.p.f.Share(g.Share.Value()), Num: true},
			{Text: r.p.f.Share(g.Principal.Value()), Num: true}, {Text: r.p.f.Share(g.Significant.Value()), Num: true}, {Text: r.p.f.Share(g.NotScreened.Value()), Num: true},
			{Text: r.p.f.Money(g.GEWE), Num: true}, {Text: r.p.f.Share(g.GEWEShare.Value()), Num: true},
		}}
	}
	for _, g := range res.Groups {
		t.Rows = append(t.Rows, row(r.p.groupLabel(g.Keys[0]), g, false))
	}
	t.Rows = append(t.Rows, row(r.p.S("Total"), res.Total, true))
	return t
}

// executionTable is the execution rate of each ministry, when lines give
// both a budget and an executed amount.
func executionTable(r *Report, _ string) (htmlTable, bool) {
	if r.Execution == nil || r.Execution.Execution.Total.All.Lines == 0 {
		return htmlTable{}, false
	}
	e := r.Execution.Execution
	t := htmlTable{ID: "execution", Heading: r.p.S("Was it spent? Execution by ministry"),
		Caption: r.p.F("Fiscal year %s: executed ÷ revised (or approved) budget; band A within 5 %%, B 10 %%, C 15 %%, D beyond; lines in brackets", y(r.ExecYear))}
	for i, h := range []string{r.p.S("Ministry"), r.p.S("All lines"), r.p.F("GEWE-marked (%s)", e.Weighting), r.p.S("Other screened"), r.p.S("Not screened"), r.p.S("Gap (points)")} {
		t.Head = append(t.Head, htmlCell{Text: h, Num: i > 0})
	}
	rows := append(append([]analysis.ExecutionRow(nil), e.Units...), e.Total)
	for i, u := range rows {
		label := u.Label
		if i == len(rows)-1 {
			label = r.p.S("Total")
		}
		t.Rows = append(t.Rows, htmlRow{Total: i == len(rows)-1, Cells: []htmlCell{
			{Text: label}, {Text: r.p.execText(u.All), Num: true}, {Text: r.p.execText(u.GEWE), Num: true},
			{Text: r.p.execText(u.Other), Num: true}, {Text: r.p.execText(u.NotScreened), Num: true}, {Text: r.p.points(u.Gap), Num: true},
		}})
	}
	return t, true
}

// complianceTable is the check of each rule of the compliance profile,
// when the report has one.
func complianceTable(r *Report, _ string) (htmlTable, bool) {
	if r.Compliance == nil {
		return htmlTable{}, false
	}
	c := r.Compliance
	p := r.p
	t := htmlTable{ID: "compliance", Heading: p.F("Compliance: %s", p.profileText(c.Profile.Title)),
		Caption: p.F("%s. %d of %d rules pass", p.profileText(c.Profile.Description), len(c.Rules)-c.Failed, len(c.Rules))}
	for i, h := range []string{p.S("Rule"), p.S("Requirement"), p.S("Measured"), p.S("Threshold"), p.S("Result"), p.S("Why")} {
		t.Head = append(t.Head, htmlCell{Text: h, Num: i == 2 || i == 3})
	}
	for _, rr := range c.Rules {
		measured := p.f.Share(rr.Measured.Value())
		res := p.S("FAIL")
		if rr.Pass {
			res = p.S("pass")
		}
		if rr.Rule.Unverified {
			res += p.S(" (threshold unverified)")
		}
		t.Rows = append(t.Rows, htmlRow{Cells: []htmlCell{{Text: rr.Rule.ID}, {Text: p.ruleTitle(rr.Rule)}, {Text: measured, Num: true},
			{Text: p.f.Percent(float64(rr.Rule.Min) / 100), Num: true}, {Text: res}, {Text: p.ruleWhy(rr.Why)}}})
	}
	return t, true
}

// sdgTable is the SDG 5.c.1 tracking table, when questionnaires were
// given.
func sdgTable(r *Report, _ string) (htmlTable, bool) {
	if r.Track == nil {
		return htmlTable{}, false
	}
	p := r.p
	t := htmlTable{ID: "sdg5c1", Heading: p.S("SDG indicator 5.c.1: systems to track and make public allocations for gender equality"),
		Caption: p.S("Criteria met at 2 of 3, 4 of 7 and 2 of 3 Yes answers; all three: fully meets; one or two: approaches; none: does not meet")}
	for i, h := range []string{p.S("Fiscal year"), p.S("Questionnaire"), p.S("Criterion 1"), p.S("Criterion 2"), p.S("Criterion 3"), p.S("Case"), p.S("Classification"), p.S("Contradictions with the budget")} {
		t.Head = append(t.Head, htmlCell{Text: h, Num: i >= 2 && i <= 4 || i == 7})
	}
	for _, y := range r.Track.Years {
		t.Rows = append(t.Rows, htmlRow{Cells: []htmlCell{{Text: y.YearLabel}, {Text: fileName(y.Source)},
			{Text: fmt.Sprintf("%d/3", y.Yes[0]), Num: true}, {Text: fmt.Sprintf("%d/7", y.Yes[1]), Num: true}, {Text: fmt.Sprintf("%d/3", y.Yes[2]), Num: true},
			{Text: y.Case}, {Text: p.S(y.Classification.String())}, {Text: fmt.Sprint(y.Contradictions), Num: true}}})
	}
	return t, true
}

// qualityTable is what was read from each file and the checks of its
// stated totals.
func qualityTable(r *Report, _ string) (htmlTable, bool) {
	t := htmlTable{ID: "quality", Heading: r.p.S("Data quality"), Caption: r.p.S("What was read from each file, and the checks of stated totals")}
	for i, h := range []string{r.p.S("File"), r.p.S("Lines"), r.p.S("Subtotal and total rows"), r.p.S("Totals that do not match"), r.p.S("Rejected rows"), r.p.S("Errors"), r.p.S("Warnings")} {
		t.Head = append(t.Head, htmlCell{Text: h, Num: i > 0})
	}
	for _, b := range r.Budgets {
		tot, rej := 0, 0
		for _, s := range b.Sheets {
			tot += s.Count(budget.RowSubtotal) + s.Count(budget.RowTotal)
			rej += s.Count(budget.RowRejected)
		}
		t.Rows = append(t.Rows, htmlRow{Cells: []htmlCell{
			{Text: fileName(b.Source)}, {Text: r.p.f.Int(int64(b.Lines.Len())), Num: true}, {Text: r.p.f.Int(int64(tot)), Num: true},
			{Text: r.p.f.Int(int64(len(b.Mismatches()))), Num: true}, {Text: r.p.f.Int(int64(rej)), Num: true},
			{Text: r.p.f.Int(int64(b.Errors())), Num: true}, {Text: r.p.f.Int(int64(b.Warnings())), Num: true},
		}})
	}
	return t, true
}

func methodology(r *Report) []htmlDef {
	p := r.p
	defs := []htmlDef{
		{p.S("Lines in scope"), p.F("Budget line items read from the files, without their subtotal and total rows, which are checked against the lines they cover and never added. The headline, the tables and the first two charts describe %s; the trend covers every fiscal year read.", r.scopeTitle())},
		{p.S("Gender marker"), p.S("Each line's marker, in whatever scheme its institution uses (OECD DAC 0/1/2, UN GEM 0–3, UNDP GEN0–3, EU G0–G2, Migration MPTF A–D, …), is mapped to one canonical level: principal, significant, limited, potential, not targeted, or not screened. A blank marker means not screened, which is reported as unknown, never counted as zero.")},
		{p.S("Split lines"), p.S("A line that serves several GCM objectives is shared between them by its stated shares, cent by cent, so that the groups add up exactly to the total.")},
		{p.S("Thematic areas"), p.S("The Migration MPTF groups the 23 objectives into five thematic areas. The mapping used here is provisional until confirmed against the Fund's documents; an objective in several areas is shared equally among them.")},
	}
	for _, w := range analysis.Weightings() {
		defs = append(defs, htmlDef{p.F("Convention %s", w.Name), p.F("%s. Source: %s.", p.conventionDescription(w), w.Source)})
	}
	defs = append(defs, htmlDef{p.S("Coverage"), p.S("The share of money that was screened for gender at all (any marker, including not targeted).")})
	if aid := r.AidSources(); len(aid) > 0 {
		defs = append(defs, htmlDef{p.S("Donor aid"), p.F("%s: IATI activities set beside the budget in the tables “Government budget and donor aid”, never added to the budget's own figures; aid whose country budget-item code (vocabulary 2 or 3) is a budget line's id or programme code is counted once, in the budget.", strings.Join(aid, ", "))})
	}
	return append(defs, reportDecisions(r)...)
}
