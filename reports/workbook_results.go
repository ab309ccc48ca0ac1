package reports

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// summarySheet writes the headline: the money in scope, the GEWE money
// under each convention, the marker levels, coverage and data quality.
func summarySheet(x *xlsxWriter, r *Report) {
	const sheet = "Summary"
	x.newSheet(sheet)
	h := r.Headline
	t := h.Total
	cur := r.Currency()
	p := r.p
	focus := p.S("all lines (no fiscal year given)")
	if r.Focus != 0 {
		focus = p.F("fiscal year %s", y(r.Focus))
	}
	x.set(sheet, "A1", p.S("Gender allocation report"))
	x.set(sheet, "A2", p.F("%s, %s amounts, %s. Sources: %s.", focus, p.phase(r.Phase), orDash(cur), strings.Join(r.Sources(), ", ")))
	if x.err == nil {
		x.err = x.f.SetCellStyle(sheet, "A1", "A1", x.head)
	}
	rows := [][]any{
		{p.F("Budget in scope (%s)", p.phase(r.Phase)), t.Amount, nil, "", p.linesText(t.Lines)},
	}
	if h.Mixed() {
		// Money in different currencies cannot be added: no headline.
		rows = [][]any{{p.F("Budget in scope (%s)", p.phase(r.Phase)), nil, nil, "", p.F("%s in %s: not added; see the group sheets, one currency per row", p.linesText(t.Lines), p.currencyList(h.Currencies))}}
		h = &analysis.Result{}
	}
	for _, c := range h.Conventions {
		note := p.conventionDescription(weightingByName(c.Weighting))
		if c.Weighting == analysis.Attributed.Name && h.AttributedLines == 0 {
			rows = append(rows, []any{p.S("GEWE money"), nil, nil, c.Weighting, p.S("no line declares a GEWE amount")})
			continue
		}
		rows = append(rows, []any{p.S("GEWE money"), c.GEWE, c.Share, c.Weighting, note})
	}
	if !r.Headline.Mixed() {
		for _, lv := range []budget.Level{budget.Principal, budget.Significant, budget.Limited, budget.Potential, budget.NotTargeted, budget.NotScreened} {
			rows = append(rows, []any{p.F("Marker: %s", p.level(lv)), t.Level(lv), analysis.Ratio{Num: t.Level(lv), Den: t.Amount}, "", ""})
		}
		rows = append(rows, []any{p.S("Screened for gender (coverage)"), t.Coverage.Num, t.Coverage, "", p.S("money not screened is reported as such, never counted as zero")})
	}
	errs, warns, checked, bad, rejected := 0, 0, 0, 0, 0
	for _, b := range r.Budgets {
		errs += b.Errors()
		warns += b.Warnings()
		checked += len(b.Totals)
		bad += len(b.Mismatches())
		for _, l := range b.Ledger {
			if l.Class == budget.RowRejected {
				rejected++
			}
		}
	}
	rows = append(rows,
		[]any{p.S("Data quality: errors"), nil, nil, "", p.F("%d errors, %d warnings (see Issues)", errs, warns)},
		[]any{p.S("Data quality: rejected rows"), nil, nil, "", p.F("%d rows (see Reconciliation)", rejected)},
		[]any{p.S("Data quality: stated totals"), nil, nil, "", p.F("%d checked, %d do not match their lines", checked, bad)},
	)
	x.table(sheet, 4, []col{{p.S("Measure"), 34, 0}, {p.S("Amount"), 18, 1}, {p.S("Share"), 10, 2}, {p.S("Convention"), 16, 0}, {p.S("Note"), 70, 0}}, rows)
}

// objectiveSheet writes the analysis by GCM objective, with a chart of
// principal and significant money.
func objectiveSheet(x *xlsxWriter, r *Report) {
	x.groups("By objective", r, r.ByObjective)
	x.principalChart("By objective", r, r.ByObjective)
}

// areaSheet writes the analysis by Migration MPTF thematic area.
func areaSheet(x *xlsxWriter, r *Report) { x.groups("By thematic area", r, r.ByArea) }

// ministrySheet writes the analysis by ministry, with a chart of each
// ministry's marker composition.
func ministrySheet(x *xlsxWriter, r *Report) {
	x.groups("By ministry", r, r.ByUnit)
	x.levelChart("By ministry", r, r.ByUnit)
}

// markerSheet writes the analysis by gender-marker level.
func markerSheet(x *xlsxWriter, r *Report) { x.groups("By marker", r, r.ByMarker) }

// groups writes the table of an analysis by group: each group's lines,
// money by phase, share, money by marker level and GEWE money.
func (x *xlsxWriter) groups(sheet string, r *Report, res *analysis.Result) {
	x.newSheet(sheet)
	pr := r.p
	cols := []col{}
	for _, d := range res.By {
		cols = append(cols, col{pr.S(string(d)), 36, 0})
	}
	cols = append(cols, col{pr.S("Lines"), 8, 3})
	for _, p := range budget.Phases() {
		name := pr.phase(p)
		cols = append(cols, col{strings.ToUpper(name[:1]) + name[1:], 16, 1})
	}
	cols = append(cols,
		col{pr.F("Share of %s", pr.phase(r.Phase)), 10, 2},
		col{pr.level(budget.Principal), 16, 1}, col{pr.level(budget.Significant), 16, 1}, col{pr.level(budget.Limited), 14, 1}, col{pr.level(budget.NotTargeted), 16, 1}, col{pr.level(budget.NotScreened), 16, 1},
		col{pr.F("GEWE (%s)", res.Weighting), 18, 1}, col{pr.F("GEWE share (%s)", res.Weighting), 14, 2}, col{pr.S("Coverage"), 10, 2})
	var rows [][]any
	for _, g := range res.Groups {
		var row []any
		for _, k := range g.Keys {
			row = append(row, pr.groupLabel(k))
		}
		row = append(row, g.Lines)
		for _, p := range budget.Phases() {
			if v, ok := g.ByPhase.Get(p); ok {
				row = append(row, v)
			} else {
				row = append(row, nil)
			}
		}
		row = append(row, g.Share, g.Level(budget.Principal), g.Level(budget.Significant), g.Level(budget.Limited), g.Level(budget.NotTargeted), g.Level(budget.NotScreened), g.GEWE, g.GEWEShare, g.Coverage)
		rows = append(rows, row)
	}
	x.table(sheet, 1, cols, rows)
}

// groupRun is a run of consecutive groups of an analysis, [from, to),
// that one native chart may plot: in an analysis split by currency, the
// groups of one currency (cur), whose labels are in column B, column A
// giving the currency; else every group, labels in column A.
type groupRun struct {
	cur      string
	from, to int
	split    bool
}

// groupRuns returns the runs of res's groups a chart may plot: one per
// currency when res is split by currency (its first dimension), so that
// no chart puts money of two currencies on one axis; else one.
func groupRuns(res *analysis.Result) []groupRun {
	if len(res.By) < 2 || res.By[0] != analysis.ByCurrency {
		return []groupRun{{from: 0, to: len(res.Groups)}}
	}
	var out []groupRun
	for i, g := range res.Groups {
		cur := g.Keys[0].Value
		if len(out) == 0 || out[len(out)-1].cur != cur {
			out = append(out, groupRun{cur: cur, from: i, split: true})
		}
		out[len(out)-1].to = i + 1
	}
	return out
}

// title heads a chart of run with title: "In AUD: …" when the run is
// one currency's.
func (run groupRun) title(p printer, title string) string {
	if !run.split {
		return title
	}
	return p.F("%s: %s", p.sectionHeading(run.cur), title)
}

// labelCol is the column of the run's group labels.
func (run groupRun) labelCol() string {
	if run.split {
		return "B"
	}
	return "A"
}

// principalChart adds native stacked bar charts of each group's
// principal and significant money, from the group sheet's level columns:
// one chart, or in an analysis split by currency one per currency, each
// on a page of its own below the table.
func (x *xlsxWriter) principalChart(sheet string, r *Report, res *analysis.Result) {
	if x.err != nil || len(res.Groups) == 0 {
		return
	}
	p := len(res.By) + 2 + int(budget.NumPhases) // principal column
	pc, _ := excelize.ColumnNumberToName(p + 1)
	sc, _ := excelize.ColumnNumberToName(p + 2)
	at := len(res.Groups) + 4 // below the table and a blank row
	for _, run := range groupRuns(res) {
		q := func(c string) string { return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, c, run.from+2, c, run.to+1) }
		// The chart starts a page of its own, sized to fit one.
		if x.err = x.f.InsertPageBreak(sheet, fmt.Sprintf("A%d", at)); x.err != nil {
			return
		}
		cat, val := chartAxesXLSX(false)
		x.err = x.f.AddChart(sheet, fmt.Sprintf("A%d", at), &excelize.Chart{
			XAxis: cat, YAxis: val,
			Type: excelize.BarStacked,
			Series: []excelize.ChartSeries{
				{Name: fmt.Sprintf("'%s'!$%s$1", sheet, pc), Categories: q(run.labelCol()), Values: q(pc), Fill: seriesFill(colorPrincipal)},
				{Name: fmt.Sprintf("'%s'!$%s$1", sheet, sc), Categories: q(run.labelCol()), Values: q(sc), Fill: seriesFill(colorSignificant)},
			},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: run.title(r.p, r.p.F("Principal and significant money by GCM objective (%s, %s)", r.p.phase(r.Phase), res.Weighting))}}},
			Dimension: excelize.ChartDimension{Width: 900, Height: 600},
			Legend:    excelize.ChartLegend{Position: "bottom"},
		})
		if x.err != nil {
			return
		}
		at += 600/20 + 2 // rows of 20 pixels, and two blank ones
	}
}

// levelChart adds native 100 % stacked bar charts of each group's money
// by marker level, from the group sheet's level columns: one chart of at
// most maxChartCategories groups (as report.html splits its chart), each
// on a page of its own below the table and tall enough for its bars; in
// an analysis split by currency, each currency's groups apart.
func (x *xlsxWriter) levelChart(sheet string, r *Report, res *analysis.Result) {
	if x.err != nil || len(res.Groups) == 0 {
		return
	}
	at := len(res.Groups) + 3                             // the row of the first chart: below the table and a blank row
	levels := len(res.By) + 2 + int(budget.NumPhases) + 1 // the Principal column, 1-based
	for _, run := range groupRuns(res) {
		n := run.to - run.from
		parts := (n + maxChartCategories - 1) / maxChartCategories
		size := (n + parts - 1) / parts
		for from := 0; from < n && x.err == nil; from += size {
			rows := min(size, n-from)
			height := max(520, 160+22*rows)
			title := r.p.F("Gender-marker composition by ministry, unweighted (%s)", r.p.chartPhaseYear(r.Phase, r.Focus))
			if parts > 1 {
				title += ", " + r.p.F("%s %s–%s of %s", r.p.S("ministries"), r.p.f.Int(int64(from+1)), r.p.f.Int(int64(from+rows)), r.p.f.Int(int64(n)))
			}
			first := run.from + from + 2 // the sheet row of the part's first group
			x.levelChartPart(sheet, run.title(r.p, title), run.labelCol(), levels, at, first, first+rows-1, height)
			at += (height+19)/20 + 2 // rows of 20 pixels, and two blank ones
		}
	}
}

// levelChartPart adds the chart of the group rows first to last (1-based
// sheet rows) at row at, height pixels tall, after a page break, titled
// title, the groups' labels in column label; levels is the sheet's first
// level column (1-based).
func (x *xlsxWriter) levelChartPart(sheet, title, label string, levels, at, first, last, height int) {
	var series []excelize.ChartSeries
	for i, lv := range []budget.Level{budget.Principal, budget.Significant, budget.Limited, budget.NotTargeted, budget.NotScreened} {
		c, _ := excelize.ColumnNumberToName(levels + i)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$1", sheet, c),
			Categories: fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, label, first, label, last),
			Values:     fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, c, first, c, last),
			Fill:       seriesFill(levelColors[lv]),
		})
	}
	x.err = x.f.InsertPageBreak(sheet, fmt.Sprintf("A%d", at))
	if x.err != nil {
		return
	}
	cat, val := chartAxesXLSX(true)
	x.err = x.f.AddChart(sheet, fmt.Sprintf("A%d", at), &excelize.Chart{
		XAxis: cat, YAxis: val,
		Type:      excelize.BarPercentStacked,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		Dimension: excelize.ChartDimension{Width: 900, Height: uint(height)},
		Legend:    excelize.ChartLegend{Position: "bottom"},
	})
}

// seriesFill is a chart series' fill in colour hex ("#RRGGBB") of the
// palette, which keeps 3:1 against white, instead of the spreadsheet
// theme's colours.
func seriesFill(hex string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{strings.TrimPrefix(hex, "#")}}
}

// trendsSheet writes the GEWE share of each fiscal year.
func trendsSheet(x *xlsxWriter, r *Report) {
	const sheet = "Trends"
	x.newSheet(sheet)
	var rows [][]any
	for _, g := range r.ByYear.Groups {
		rows = append(rows, []any{r.p.groupLabel(g.Keys[0]), g.Lines, g.Amount, g.Level(budget.Principal), g.Level(budget.Significant), g.GEWE, g.GEWEShare, g.Coverage})
	}
	p := r.p
	x.table(sheet, 1, []col{{p.S("Fiscal year"), 12, 0}, {p.S("Lines"), 8, 3}, {p.phase(r.Phase), 18, 1}, {p.level(budget.Principal), 16, 1}, {p.level(budget.Significant), 16, 1}, {p.F("GEWE (%s)", r.ByYear.Weighting), 18, 1}, {p.F("GEWE share (%s)", r.ByYear.Weighting), 14, 2}, {p.S("Coverage"), 10, 2}}, rows)
}

// executionSheet writes the execution rates of each unit in the latest
// fiscal year with executed amounts.
func executionSheet(x *xlsxWriter, r *Report) {
	const sheet = "Execution"
	x.newSheet(sheet)
	var rows [][]any
	if g := r.Execution; g != nil {
		e := g.Execution
		for i, u := range append(append([]analysis.ExecutionRow(nil), e.Units...), e.Total) {
			label := u.Label
			if i == len(e.Units) {
				label = r.p.S("Total")
			}
			row := []any{label}
			for _, ex := range []analysis.Execution{u.All, u.GEWE, u.Other, u.NotScreened} {
				row = append(row, ex.Lines, ex.Rate.Den, ex.Rate.Num, ex.Rate, ex.Band)
			}
			if u.Gap.OK {
				row = append(row, u.Gap.V)
			} else {
				row = append(row, nil)
			}
			rows = append(rows, row)
		}
	}
	p := r.p
	cols := []col{{p.F("Unit (fiscal year %s)", y(r.ExecYear)), 34, 0}}
	for _, grp := range []string{p.S("All"), p.F("GEWE (%s)", r.Weighting.Name), p.S("Other screened"), p.S("Not screened")} {
		cols = append(cols, col{p.F("%s lines", grp), 9, 3}, col{p.F("%s budget", grp), 16, 1}, col{p.F("%s executed", grp), 16, 1}, col{p.F("%s rate", grp), 10, 2}, col{p.F("%s band", grp), 8, 0})
	}
	cols = append(cols, col{p.S("Gap GEWE − other (points)"), 12, 4})
	x.table(sheet, 1, cols, rows)
}

// changesSheet writes what changed between the last two budgets given,
// and the decomposition of the change of GEWE money; with one budget, a
// sentence that says so.
func changesSheet(x *xlsxWriter, r *Report) {
	const sheet = "Changes"
	x.newSheet(sheet)
	p := r.p
	d := r.Diff
	if d == nil {
		x.set(sheet, "A1", p.S("The report was given one budget, so there are no changes to show: to compare two versions of a budget, give the earlier with --compare (grb report new.xlsx --compare old.xlsx); two fiscal years (grb report 2024.xlsx 2025.xlsx) are compared too."))
		return
	}
	var rows [][]any
	lv := func(ls []budget.Level) string {
		var s []string
		for _, l := range ls {
			s = append(s, p.level(l))
		}
		return strings.Join(s, " / ")
	}
	add := func(kind string, items []analysis.DiffItem) {
		for _, it := range items {
			rows = append(rows, []any{kind, it.Key, it.Unit.Label(), it.Programme.Label(), it.Description, it.Old, it.New, diffMoney(it.New, it.Old),
				lv(it.OldLevels), lv(it.NewLevels), it.OldGEWE, it.NewGEWE, it.AmountEffect, it.RemarkEffect})
		}
	}
	add(p.S("added"), d.Added)
	add(p.S("cut"), d.Cut)
	add(p.S("amount changed"), d.Changed)
	add(p.S("re-marked"), d.Remarked)
	add(p.S("re-tagged"), d.Retagged)
	c := d.GEWEChange
	for _, t := range []struct {
		name string
		v    budget.Money
	}{{p.S("GEWE change: net"), c.Net}, {p.S("GEWE change: added"), c.Added}, {p.S("GEWE change: cut (subtracted)"), c.Cut}, {p.S("GEWE change: amounts"), c.Amount}, {p.S("GEWE change: re-marking"), c.Remarking}, {p.S("GEWE change: ambiguous matches"), c.Ambiguous}} {
		rows = append(rows, []any{p.S("summary"), t.name, "", "", "", nil, nil, t.v, "", "", nil, nil, nil, nil})
	}
	x.table(sheet, 1, []col{{p.S("Change"), 14, 0}, {p.S("Key"), 40, 0}, {p.S("Unit"), 24, 0}, {p.S("Programme"), 24, 0}, {p.S("Description"), 36, 0}, {p.S("Old"), 16, 1}, {p.S("New"), 16, 1}, {p.S("Difference"), 16, 1},
		{p.S("Old marker"), 12, 0}, {p.S("New marker"), 12, 0}, {p.S("Old GEWE"), 16, 1}, {p.S("New GEWE"), 16, 1}, {p.S("Amount effect"), 16, 1}, {p.S("Re-marking effect"), 16, 1}}, rows)
}

// complianceSheet writes the Compliance sheet when the report has a profile.
func complianceSheet(x *xlsxWriter, r *Report) {
	c := r.Compliance
	if c == nil {
		return
	}
	const sheet = "Compliance"
	x.newSheet(sheet)
	p := r.p
	var rows [][]any
	for _, rr := range c.Rules {
		v, ok := rr.Measured.Value()
		var measured any
		if ok {
			measured = v
		}
		status := p.S("FAIL")
		if rr.Pass {
			status = p.S("pass")
		}
		ver := ""
		if rr.Rule.Unverified {
			ver = p.S("unverified threshold")
		}
		rows = append(rows, []any{c.Profile.Name, rr.Rule.ID, p.ruleTitle(rr.Rule), measured, float64(rr.Rule.Min) / 10000, status, ver, len(rr.Lines), p.ruleWhy(rr.Why), p.profileText(rr.Rule.Note)})
	}
	x.table(sheet, 1, []col{{p.S("Profile"), 10, 0}, {p.S("Rule"), 14, 0}, {p.S("Requirement"), 50, 0}, {p.S("Measured"), 11, 2}, {p.S("Threshold"), 11, 2}, {p.S("Result"), 8, 0}, {p.S("Verified?"), 20, 0}, {p.S("Lines behind a failure"), 12, 3}, {p.S("Why"), 90, 0}, {p.S("Note"), 60, 0}}, rows)
}

// sdgTrackingSheet writes the SDG 5.c.1 sheet when questionnaires were given.
func sdgTrackingSheet(x *xlsxWriter, r *Report) {
	if r.Track == nil {
		return
	}
	const sheet = "SDG 5.c.1"
	x.newSheet(sheet)
	var rows [][]any
	for _, y := range r.Track.Years {
		row := []any{y.YearLabel, y.Source, y.Yes[0], y.Yes[1], y.Yes[2], y.Case, r.p.S(y.Classification.String()), y.NotAnswered, y.Contradictions}
		if y.StatedShare != nil {
			row = append(row, *y.StatedShare/100)
		} else {
			row = append(row, nil)
		}
		rows = append(rows, row)
	}
	p := r.p
	x.table(sheet, 1, []col{{p.S("Fiscal year"), 12, 0}, {p.S("Questionnaire"), 28, 0}, {p.S("Criterion 1 yes (of 3)"), 10, 3}, {p.S("Criterion 2 yes (of 7)"), 10, 3}, {p.S("Criterion 3 yes (of 3)"), 10, 3},
		{p.S("Case"), 6, 0}, {p.S("Classification"), 26, 0}, {p.S("Not answered"), 10, 3}, {p.S("Contradictions with the budget"), 14, 3}, {p.S("Stated share for gender equality"), 14, 2}}, rows)
}

// methodologySheet writes the weighting conventions, the marker
// crosswalks and the definitions of the measures.
func methodologySheet(x *xlsxWriter, r *Report) {
	const sheet = "Methodology"
	x.newSheet(sheet)
	p := r.p
	var rows [][]any
	for _, w := range analysis.Weightings() {
		rows = append(rows, []any{p.S("Weighting"), w.Name, weightText(w), p.conventionDescription(w), w.Source})
	}
	for _, s := range budget.DefaultSchemes().All() {
		for _, c := range s.Codes {
			note := s.Name
			if s.Provisional {
				note += " (provisional)"
			}
			rows = append(rows, []any{p.S("Marker crosswalk"), s.ID + " " + c.Code, p.level(c.Level), note, oneLine(s.Source, 200)})
		}
	}
	for _, d := range []struct{ term, def string }{
		{p.S("Share"), p.S("a group's money in the analysed phase divided by the money of all lines in scope")},
		{p.S("GEWE money"), p.S("money counted as serving gender equality under a named weighting convention: Σ over marker levels of (money at that level × the convention's weight)")},
		{p.S("Coverage"), p.S("money screened for gender (any marker, including not targeted) divided by all money; not-screened money is never counted as zero")},
		{p.S("Split lines"), p.S("a line serving several GCM objectives is apportioned by its shares, cent by cent (largest remainder), so groups add up to the total exactly")},
		{p.S("Thematic areas"), p.S("Migration MPTF thematic areas group the objectives (provisional mapping, to be confirmed); an objective in several areas is shared equally among them")},
		{p.S("Totals"), p.S("subtotal and total rows are not line items; each is checked against the lines it covers (sheet Reconciliation)")},
	} {
		rows = append(rows, []any{p.S("Definition"), d.term, "", d.def, ""})
	}
	if names := linesSheetNames(r); len(names) > 1 {
		rows = append(rows, []any{"Definition", "Lines sheets", strings.Join(names, ", "), fmt.Sprintf("the lines are more than one sheet holds (%s rows under its header): they continue, in order, on the sheets %s", format.Thousands(strconv.Itoa(sheetRows-1)), format.List(names[1:], "and")), ""})
	}
	if len(x.cut) > 0 {
		rows = append(rows, cutRow(x.cut))
	}
	for _, b := range r.Budgets {
		rows = append(rows, []any{p.S("Sources"), p.S("Government budget"), fileName(b.Source), p.S("a budget file read; the report's figures are of its lines"), ""})
	}
	for _, name := range r.AidSources() {
		rows = append(rows, []any{p.S("Sources"), p.S("Donor aid"), name, p.S("IATI activities set beside the budget (sheet Budget and aid), never added to its figures; aid whose country budget-item code (vocabulary 2 or 3) is a budget line's id or programme code is counted once, in the budget"), ""})
	}
	bs := r.Budgets
	if r.Aid != nil {
		bs = append(slices.Clip(bs), r.Aid)
	}
	for _, b := range bs {
		for _, in := range b.Decisions {
			rows = append(rows, []any{"Read " + strings.Join(sourceFiles(b.Source), ", "), in.Topic, decisionWhere(in), decisionText(in), ""})
		}
	}
	x.table(sheet, 1, []col{{p.S("Topic"), 18, 0}, {p.S("Name"), 24, 0}, {p.S("Value"), 30, 0}, {p.S("Meaning"), 80, 0}, {p.S("Source"), 60, 0}}, rows)
}

func weightText(w analysis.Weighting) string {
	if w.Attributed {
		return "declared GEWE amount per line"
	}
	var parts []string
	for _, lv := range []budget.Level{budget.Principal, budget.Significant, budget.Limited, budget.Potential, budget.NotTargeted} {
		parts = append(parts, strings.ToLower(lv.Label())+" "+format.BasisPointsWhole(w.Weight(lv)))
	}
	return strings.Join(parts, ", ")
}

// diffMoney returns a-b; past Money's range it returns a.
func diffMoney(a, b budget.Money) budget.Money {
	if d, ok := a.Sub(b); ok {
		return d
	}
	return a
}

// cutRow returns the Methodology row that says how many text cells, of
// which sheets, were longer than Excel's 32,767 characters and were cut.
func cutRow(cut map[string]int) []any {
	sheets := make([]string, 0, len(cut))
	n := 0
	for s, k := range cut {
		sheets = append(sheets, s)
		n += k
	}
	sort.Strings(sheets)
	where := make([]string, len(sheets))
	for i, s := range sheets {
		where[i] = fmt.Sprintf("%s: %d", s, cut[s])
	}
	cells := "cells were"
	if n == 1 {
		cells = "cell was"
	}
	return []any{"Definition", "Cut cells", strings.Join(where, "; "), fmt.Sprintf("%d text %s longer than the 32,767 characters an Excel cell holds and %s cut to that length here; the input file holds the whole text", n, cells, map[bool]string{true: "was", false: "were"}[n == 1]), ""}
}
