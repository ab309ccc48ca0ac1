package reports

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// fixedTime is written as the workbook's creation and modification time,
// so that the same inputs give the same bytes.
const fixedTime = "2000-01-01T00:00:00Z"

// WriteWorkbook writes report.xlsx: Summary, By objective, By thematic
// area, By ministry, By marker, Trends, Lines, Issues, Reconciliation and
// Methodology sheets. Every table is an Excel table with filters, a frozen
// header, number formats and fitted widths; figures are numbers.
func WriteWorkbook(w io.Writer, r *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f}
	x.styles()
	x.summary(r)
	x.groups("By objective", r, r.ByObjective, true)
	x.groups("By thematic area", r, r.ByArea, false)
	x.groups("By ministry", r, r.ByUnit, false)
	x.levelChart("By ministry", r.ByUnit)
	x.groups("By marker", r, r.ByMarker, false)
	x.trends(r)
	x.execution(r)
	x.changes(r)
	x.compliance(r)
	x.sdg5c1(r)
	x.lines(r)
	x.issues(r)
	x.reconciliation(r)
	x.methodology(r)
	if x.err != nil {
		return x.err
	}
	f.DeleteSheet("Sheet1")
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:    "Gender allocation report",
		Subject:  "Gender-responsive budgeting for the Global Compact for Migration",
		Creator:  "grb",
		Created:  fixedTime,
		Modified: fixedTime,
		Language: "en",
	}); err != nil {
		return err
	}
	// excelize adds the image content types from a map, in random order;
	// sort them so the same report gives the same bytes.
	if ct := f.ContentTypes; ct != nil {
		sort.Slice(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	return f.Write(w)
}

type xlsxWriter struct {
	f                                 *excelize.File
	err                               error
	money, pct, head, text, wrap, int int
	tables                            int
}

func (x *xlsxWriter) styles() {
	money, pct := "#,##0.00", "0.0%"
	x.money = x.style(&excelize.Style{CustomNumFmt: &money})
	x.pct = x.style(&excelize.Style{CustomNumFmt: &pct})
	x.int = x.style(&excelize.Style{NumFmt: 3})
	x.head = x.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	x.wrap = x.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
}

func (x *xlsxWriter) style(s *excelize.Style) int {
	if x.err != nil {
		return 0
	}
	id, err := x.f.NewStyle(s)
	x.err = err
	return id
}

// col is a column of a table: its header, width and cell style.
type col struct {
	name  string
	width float64
	kind  int // 0 text, 1 money, 2 percent, 3 integer
}

// table writes a header and rows to a new sheet as an Excel table with a
// frozen header. A cell is a string, float64, int, budget.Money (written
// as a number of currency units), analysis.Ratio (a fraction, blank when
// undefined) or nil (blank).
func (x *xlsxWriter) table(sheet string, top int, cols []col, rows [][]any) {
	if x.err != nil {
		return
	}
	for c, cl := range cols {
		name, _ := excelize.ColumnNumberToName(c + 1)
		x.set(sheet, fmt.Sprintf("%s%d", name, top), cl.name)
		w := cl.width
		if w == 0 {
			w = 12
		}
		if x.err == nil {
			x.err = x.f.SetColWidth(sheet, name, name, w)
		}
		style := 0
		switch cl.kind {
		case 1:
			style = x.money
		case 2:
			style = x.pct
		case 3:
			style = x.int
		}
		if style != 0 && len(rows) > 0 && x.err == nil {
			x.err = x.f.SetCellStyle(sheet, fmt.Sprintf("%s%d", name, top+1), fmt.Sprintf("%s%d", name, top+len(rows)), style)
		}
	}
	for i, row := range rows {
		for c, v := range row {
			name, _ := excelize.ColumnNumberToName(c + 1)
			x.set(sheet, fmt.Sprintf("%s%d", name, top+1+i), v)
		}
	}
	if x.err != nil {
		return
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	bottom := top + len(rows)
	if len(rows) == 0 {
		bottom = top + 1 // an Excel table needs a data row
	}
	x.tables++
	x.err = x.f.AddTable(sheet, &excelize.Table{
		Range:     fmt.Sprintf("A%d:%s%d", top, last, bottom),
		Name:      fmt.Sprintf("T%d_%s", x.tables, tableName(sheet)),
		StyleName: "TableStyleMedium2",
	})
	if x.err == nil {
		x.err = x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: top, TopLeftCell: fmt.Sprintf("A%d", top+1), ActivePane: "bottomLeft"})
	}
}

// streamTable writes a large table with excelize's StreamWriter, which
// keeps memory flat. Only one sheet of the workbook may be streamed: with
// several, excelize writes their parts in map order and the bytes vary.
func (x *xlsxWriter) streamTable(sheet string, cols []col, rows func(emit func([]any))) {
	if x.err != nil {
		return
	}
	sw, err := x.f.NewStreamWriter(sheet)
	if err != nil {
		x.err = err
		return
	}
	styles := make([]int, len(cols))
	for c, cl := range cols {
		w := cl.width
		if w == 0 {
			w = 12
		}
		if err := sw.SetColWidth(c+1, c+1, w); err != nil {
			x.err = err
			return
		}
		switch cl.kind {
		case 1:
			styles[c] = x.money
		case 2:
			styles[c] = x.pct
		case 3:
			styles[c] = x.int
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		x.err = err
		return
	}
	head := make([]any, len(cols))
	for c, cl := range cols {
		head[c] = cl.name
	}
	n := 1
	if x.err = sw.SetRow("A1", head); x.err != nil {
		return
	}
	buf := make([]any, len(cols))
	rows(func(row []any) {
		if x.err != nil {
			return
		}
		n++
		for c := range buf {
			buf[c] = nil
			if c >= len(row) {
				continue
			}
			v := row[c]
			switch t := v.(type) {
			case budget.Money:
				v = t.Float()
			case string:
				if t == "" {
					v = nil
				}
			}
			if v != nil && styles[c] != 0 {
				v = excelize.Cell{StyleID: styles[c], Value: v}
			}
			buf[c] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		x.err = sw.SetRow(cell, buf)
	})
	if x.err != nil {
		return
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	bottom := max(n, 2)
	x.tables++
	if x.err = sw.AddTable(&excelize.Table{Range: fmt.Sprintf("A1:%s%d", last, bottom), Name: fmt.Sprintf("T%d_%s", x.tables, tableName(sheet)), StyleName: "TableStyleMedium2"}); x.err != nil {
		return
	}
	x.err = sw.Flush()
}

func tableName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (x *xlsxWriter) set(sheet, cell string, v any) {
	if x.err != nil {
		return
	}
	switch t := v.(type) {
	case nil:
		return
	case budget.Money:
		v = t.Float()
	case analysis.Ratio:
		f, ok := t.Value()
		if !ok {
			return
		}
		v = f
	case string:
		if t == "" {
			return
		}
	}
	x.err = x.f.SetCellValue(sheet, cell, v)
}

func (x *xlsxWriter) newSheet(name string) {
	if x.err != nil {
		return
	}
	_, x.err = x.f.NewSheet(name)
}

func (x *xlsxWriter) summary(r *Report) {
	const sheet = "Summary"
	x.newSheet(sheet)
	h := r.Headline
	t := h.Total
	cur := r.Currency()
	focus := "all lines (no fiscal year given)"
	if r.Focus != 0 {
		focus = fmt.Sprintf("fiscal year %d", r.Focus)
	}
	x.set(sheet, "A1", "Gender allocation report")
	x.set(sheet, "A2", fmt.Sprintf("%s, %s amounts, %s. Sources: %s.", focus, r.Phase, orDash(cur), strings.Join(r.Sources(), ", ")))
	if x.err == nil {
		x.err = x.f.SetCellStyle(sheet, "A1", "A1", x.head)
	}
	rows := [][]any{
		{"Budget in scope (" + r.Phase.String() + ")", t.Amount, nil, "", fmt.Sprintf("%d lines", t.Lines)},
	}
	if h.Mixed() {
		// Money in different currencies cannot be added: no headline.
		rows = [][]any{{"Budget in scope (" + r.Phase.String() + ")", nil, nil, "", fmt.Sprintf("%d lines in %s: not added; see the group sheets, one currency per row", t.Lines, strings.Join(h.Currencies, ", "))}}
		h = &analysis.Result{}
	}
	for _, c := range h.Conventions {
		note := weightingByName(c.Weighting).Description
		if c.Weighting == analysis.Attributed.Name && h.AttributedLines == 0 {
			rows = append(rows, []any{"GEWE money", nil, nil, c.Weighting, "no line declares a GEWE amount"})
			continue
		}
		rows = append(rows, []any{"GEWE money", c.GEWE, c.Share, c.Weighting, note})
	}
	if !r.Headline.Mixed() {
		for _, lv := range []budget.Level{budget.Principal, budget.Significant, budget.Limited, budget.Potential, budget.NotTargeted, budget.NotScreened} {
			rows = append(rows, []any{"Marker: " + lv.Label(), t.Level(lv), analysis.Ratio{Num: t.Level(lv), Den: t.Amount}, "", ""})
		}
		rows = append(rows, []any{"Screened for gender (coverage)", t.Amount - t.Level(budget.NotScreened), t.Coverage, "", "money not screened is reported as such, never counted as zero"})
	}
	errs, warns, checked, bad, rejected := 0, 0, 0, 0, 0
	for _, b := range r.Budgets {
		errs += b.Errors()
		warns += len(b.Issues) - b.Errors()
		checked += len(b.Totals)
		bad += len(b.Mismatches())
		for _, l := range b.Ledger {
			if l.Class == budget.RowRejected {
				rejected++
			}
		}
	}
	rows = append(rows,
		[]any{"Data quality: errors", nil, nil, "", fmt.Sprintf("%d errors, %d warnings (see Issues)", errs, warns)},
		[]any{"Data quality: rejected rows", nil, nil, "", fmt.Sprintf("%d rows (see Reconciliation)", rejected)},
		[]any{"Data quality: stated totals", nil, nil, "", fmt.Sprintf("%d checked, %d do not match their lines", checked, bad)},
	)
	x.table(sheet, 4, []col{{"Measure", 34, 0}, {"Amount", 18, 1}, {"Share", 10, 2}, {"Convention", 16, 0}, {"Note", 70, 0}}, rows)
}

func weightingByName(name string) analysis.Weighting {
	w, _ := analysis.LookupWeighting(name)
	return w
}

func (x *xlsxWriter) groups(sheet string, r *Report, res *analysis.Result, chart bool) {
	x.newSheet(sheet)
	cols := []col{}
	for _, d := range res.By {
		cols = append(cols, col{string(d), 36, 0})
	}
	cols = append(cols, col{"Lines", 8, 3})
	for _, p := range budget.Phases() {
		cols = append(cols, col{strings.ToUpper(p.String()[:1]) + p.String()[1:], 16, 1})
	}
	cols = append(cols,
		col{"Share of " + r.Phase.String(), 10, 2},
		col{"Principal", 16, 1}, col{"Significant", 16, 1}, col{"Limited", 14, 1}, col{"Not targeted", 16, 1}, col{"Not screened", 16, 1},
		col{"GEWE (" + res.Weighting + ")", 18, 1}, col{"GEWE share (" + res.Weighting + ")", 14, 2}, col{"Coverage", 10, 2})
	var rows [][]any
	for _, g := range res.Groups {
		var row []any
		for _, k := range g.Keys {
			row = append(row, k.Label)
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
	if chart && len(rows) > 0 && x.err == nil {
		n := len(rows) + 1
		p := len(res.By) + 2 + int(budget.NumPhases) // principal column
		pc, _ := excelize.ColumnNumberToName(p + 1)
		sc, _ := excelize.ColumnNumberToName(p + 2)
		q := func(c string) string { return fmt.Sprintf("'%s'!$%s$2:$%s$%d", sheet, c, c, n) }
		x.err = x.f.AddChart(sheet, fmt.Sprintf("A%d", n+3), &excelize.Chart{
			Type: excelize.BarStacked,
			Series: []excelize.ChartSeries{
				{Name: fmt.Sprintf("'%s'!$%s$1", sheet, pc), Categories: q("A"), Values: q(pc)},
				{Name: fmt.Sprintf("'%s'!$%s$1", sheet, sc), Categories: q("A"), Values: q(sc)},
			},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: fmt.Sprintf("Principal and significant money by GCM objective (%s, %s)", r.Phase, res.Weighting)}}},
			Dimension: excelize.ChartDimension{Width: 900, Height: 600},
			Legend:    excelize.ChartLegend{Position: "bottom"},
		})
	}
}

// levelChart adds a native 100 % stacked bar chart of each group's money
// by marker level, from the group sheet's level columns.
func (x *xlsxWriter) levelChart(sheet string, res *analysis.Result) {
	if x.err != nil || len(res.Groups) == 0 {
		return
	}
	n := len(res.Groups) + 1
	first := len(res.By) + 2 + int(budget.NumPhases) + 1 // the Principal column, 1-based
	var series []excelize.ChartSeries
	for i := 0; i < 5; i++ { // principal, significant, limited, not targeted, not screened
		c, _ := excelize.ColumnNumberToName(first + i)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$1", sheet, c),
			Categories: fmt.Sprintf("'%s'!$A$2:$A$%d", sheet, n),
			Values:     fmt.Sprintf("'%s'!$%s$2:$%s$%d", sheet, c, c, n),
		})
	}
	x.err = x.f.AddChart(sheet, fmt.Sprintf("A%d", n+3), &excelize.Chart{
		Type:      excelize.BarPercentStacked,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Marker composition by ministry (unweighted money by level)"}}},
		Dimension: excelize.ChartDimension{Width: 900, Height: 520},
		Legend:    excelize.ChartLegend{Position: "bottom"},
	})
}

func (x *xlsxWriter) trends(r *Report) {
	const sheet = "Trends"
	x.newSheet(sheet)
	var rows [][]any
	for _, g := range r.ByYear.Groups {
		rows = append(rows, []any{g.Keys[0].Label, g.Lines, g.Amount, g.Level(budget.Principal), g.Level(budget.Significant), g.GEWE, g.GEWEShare, g.Coverage})
	}
	x.table(sheet, 1, []col{{"Fiscal year", 12, 0}, {"Lines", 8, 3}, {r.Phase.String(), 18, 1}, {"Principal", 16, 1}, {"Significant", 16, 1}, {"GEWE (" + r.ByYear.Weighting + ")", 18, 1}, {"GEWE share (" + r.ByYear.Weighting + ")", 14, 2}, {"Coverage", 10, 2}}, rows)
}

func (x *xlsxWriter) execution(r *Report) {
	const sheet = "Execution"
	x.newSheet(sheet)
	var rows [][]any
	if g := r.Execution; g != nil {
		e := g.Execution
		for i, u := range append(append([]analysis.ExecutionRow(nil), e.Units...), e.Total) {
			label := u.Label
			if i == len(e.Units) {
				label = "Total"
			}
			row := []any{label}
			for _, ex := range []analysis.Execution{u.All, u.GEWE, u.Other, u.NotScreened} {
				row = append(row, ex.Lines, ex.Rate.Den, ex.Rate.Num, ex.Rate, ex.Band)
			}
			if u.Gap.OK {
				row = append(row, u.Gap.V/100)
			} else {
				row = append(row, nil)
			}
			rows = append(rows, row)
		}
	}
	cols := []col{{"Unit (fiscal year " + fmt.Sprint(r.ExecYear) + ")", 34, 0}}
	for _, grp := range []string{"All", "GEWE (" + r.Weighting.Name + ")", "Other screened", "Not screened"} {
		cols = append(cols, col{grp + " lines", 9, 3}, col{grp + " budget", 16, 1}, col{grp + " executed", 16, 1}, col{grp + " rate", 10, 2}, col{grp + " band", 8, 0})
	}
	cols = append(cols, col{"Gap GEWE − other (points)", 12, 2})
	x.table(sheet, 1, cols, rows)
}

func (x *xlsxWriter) changes(r *Report) {
	const sheet = "Changes"
	x.newSheet(sheet)
	var rows [][]any
	if d := r.Diff; d != nil {
		add := func(kind string, items []analysis.DiffItem) {
			for _, it := range items {
				rows = append(rows, []any{kind, it.Key, it.Unit.Label(), it.Programme.Label(), it.Description, it.Old, it.New, it.New - it.Old,
					levels(it.OldLevels), levels(it.NewLevels), it.OldGEWE, it.NewGEWE, it.AmountEffect, it.RemarkEffect})
			}
		}
		add("added", d.Added)
		add("cut", d.Cut)
		add("amount changed", d.Changed)
		add("re-marked", d.Remarked)
		add("re-tagged", d.Retagged)
		c := d.GEWEChange
		for _, t := range []struct {
			name string
			v    budget.Money
		}{{"GEWE change: net", c.Net}, {"GEWE change: added", c.Added}, {"GEWE change: cut (subtracted)", c.Cut}, {"GEWE change: amounts", c.Amount}, {"GEWE change: re-marking", c.Remarking}, {"GEWE change: ambiguous matches", c.Ambiguous}} {
			rows = append(rows, []any{"summary", t.name, "", "", "", nil, nil, t.v, "", "", nil, nil, nil, nil})
		}
	}
	x.table(sheet, 1, []col{{"Change", 14, 0}, {"Key", 40, 0}, {"Unit", 24, 0}, {"Programme", 24, 0}, {"Description", 36, 0}, {"Old", 16, 1}, {"New", 16, 1}, {"Difference", 16, 1},
		{"Old marker", 12, 0}, {"New marker", 12, 0}, {"Old GEWE", 16, 1}, {"New GEWE", 16, 1}, {"Amount effect", 16, 1}, {"Re-marking effect", 16, 1}}, rows)
}

// compliance writes the Compliance sheet when the report has a profile.
func (x *xlsxWriter) compliance(r *Report) {
	c := r.Compliance
	if c == nil {
		return
	}
	const sheet = "Compliance"
	x.newSheet(sheet)
	var rows [][]any
	for _, rr := range c.Rules {
		v, ok := rr.Measured.Value()
		var measured any
		if ok {
			measured = v
		}
		status := "FAIL"
		if rr.Pass {
			status = "pass"
		}
		ver := ""
		if rr.Rule.Unverified {
			ver = "unverified threshold"
		}
		rows = append(rows, []any{c.Profile.Name, rr.Rule.ID, ruleTitle(rr.Rule), measured, float64(rr.Rule.Min) / 10000, status, ver, len(rr.Lines), ruleWhy(rr.Why)})
	}
	x.table(sheet, 1, []col{{"Profile", 10, 0}, {"Rule", 14, 0}, {"Requirement", 50, 0}, {"Measured", 11, 2}, {"Threshold", 11, 2}, {"Result", 8, 0}, {"Verified?", 20, 0}, {"Lines behind a failure", 12, 3}, {"Why", 90, 0}}, rows)
}

// sdg5c1 writes the SDG 5.c.1 sheet when questionnaires were given.
func (x *xlsxWriter) sdg5c1(r *Report) {
	if r.Track == nil {
		return
	}
	const sheet = "SDG 5.c.1"
	x.newSheet(sheet)
	var rows [][]any
	for _, y := range r.Track.Years {
		row := []any{y.YearLabel, y.Source, y.Yes[0], y.Yes[1], y.Yes[2], y.Case, y.Classification.String(), y.NotAnswered, y.Contradictions}
		if y.StatedShare != nil {
			row = append(row, *y.StatedShare/100)
		} else {
			row = append(row, nil)
		}
		rows = append(rows, row)
	}
	x.table(sheet, 1, []col{{"Fiscal year", 12, 0}, {"Questionnaire", 28, 0}, {"Criterion 1 yes (of 3)", 10, 3}, {"Criterion 2 yes (of 7)", 10, 3}, {"Criterion 3 yes (of 3)", 10, 3},
		{"Case", 6, 0}, {"Classification", 26, 0}, {"Not answered", 10, 3}, {"Contradictions with the budget", 14, 3}, {"Stated share for gender equality", 14, 2}}, rows)
}

func (x *xlsxWriter) lines(r *Report) {
	const sheet = "Lines"
	x.newSheet(sheet)
	cols := []col{{"File", 24, 0}, {"Sheet", 12, 0}, {"Row", 7, 3}, {"Year", 8, 0}, {"Unit code", 10, 0}, {"Unit", 28, 0}, {"Programme code", 12, 0}, {"Programme", 28, 0}, {"Description", 40, 0},
		{"Proposed", 16, 1}, {"Approved", 16, 1}, {"Revised", 16, 1}, {"Executed", 16, 1}, {"Currency", 9, 0},
		{"GCM objectives", 18, 0}, {"Objectives from", 22, 0}, {"Gender marker", 14, 0}, {"Marker as written", 10, 0}, {"Marker scheme", 12, 0}, {"Marker from", 22, 0},
		{"Women", 9, 3}, {"Men", 9, 3}, {"Girls", 9, 3}, {"Boys", 9, 3}}
	x.streamTable(sheet, cols, func(emit func([]any)) {
		row := make([]any, 0, len(cols))
		objText := map[string]string{}
		for _, b := range r.Budgets {
			for i := range b.Lines {
				l := &b.Lines[i]
				row = append(row[:0], l.Pos.File(), l.Pos.Sheet(), l.Pos.Row, l.YearLabel, l.Unit.Code(), l.Unit.Name(), l.Programme.Code(), l.Programme.Name(), l.Description)
				for _, p := range budget.Phases() {
					if v, ok := l.Amounts.Get(p); ok {
						row = append(row, v)
					} else {
						row = append(row, nil)
					}
				}
				// Objective text is shared by many lines: format it once.
				key := fmt.Sprint(l.Objectives)
				ot, ok := objText[key]
				if !ok {
					ot = budget.FormatObjectives(l.Objectives)
					objText[key] = ot
				}
				row = append(row, l.Currency, ot, provenance(l.ObjectiveSource), l.Gender.Level.Label(), l.Gender.Raw(), l.Gender.Scheme(), provenance(l.GenderSource))
				if bn := l.Beneficiaries; bn != nil {
					for _, c := range []budget.Count{bn.Women, bn.Men, bn.Girls, bn.Boys} {
						if c.OK {
							row = append(row, c.N)
						} else {
							row = append(row, nil)
						}
					}
				}
				emit(row)
			}
		}
	})
}

func provenance(p budget.Provenance) string {
	if p.Source() == budget.Untagged {
		return ""
	}
	return p.String()
}

func (x *xlsxWriter) issues(r *Report) {
	const sheet = "Issues"
	x.newSheet(sheet)
	var rows [][]any
	for _, b := range r.Budgets {
		for _, is := range sortedIssues(b) {
			rows = append(rows, []any{is.Severity.String(), is.Code, is.Pos.String(), is.Found, is.Expected, is.Message})
		}
	}
	x.table(sheet, 1, []col{{"Severity", 10, 0}, {"Code", 18, 0}, {"Position", 36, 0}, {"Found", 20, 0}, {"Expected", 40, 0}, {"Message", 80, 0}}, rows)
}

func (x *xlsxWriter) reconciliation(r *Report) {
	const sheet = "Reconciliation"
	x.newSheet(sheet)
	var rows [][]any
	for _, b := range r.Budgets {
		for _, c := range b.Totals {
			for _, a := range c.Amounts {
				st := "ok"
				if d := a.Diff(); d < -b.Tolerance || d > b.Tolerance {
					st = "MISMATCH"
				}
				rows = append(rows, []any{b.Source, c.Pos.Sheet(), c.Pos.Row, c.Class.String(), c.Label, c.How, c.Scope, a.Column, c.Covered, a.Stated, a.Computed, a.Diff(), st})
			}
		}
	}
	x.table(sheet, 1, []col{{"File", 24, 0}, {"Sheet", 12, 0}, {"Row", 7, 3}, {"Class", 10, 0}, {"Label", 30, 0}, {"Recognised by", 14, 0}, {"Covers", 36, 0}, {"Column", 14, 0}, {"Lines", 8, 3}, {"Stated", 18, 1}, {"Computed", 18, 1}, {"Difference", 16, 1}, {"Status", 11, 0}}, rows)
	// The row ledger, summed per sheet, below nothing else: a second sheet
	// keeps both tables filterable.
	const ledger = "Row ledger"
	x.newSheet(ledger)
	rows = nil
	for _, b := range r.Budgets {
		for _, s := range b.Sheets {
			row := []any{b.Source, s.Name, s.Rows}
			for _, c := range budget.RowClasses() {
				row = append(row, s.Count(c))
			}
			row = append(row, s.Skipped)
			rows = append(rows, row)
		}
	}
	cols := []col{{"File", 24, 0}, {"Sheet", 14, 0}, {"Rows read", 10, 3}}
	for _, c := range budget.RowClasses() {
		cols = append(cols, col{c.String(), 10, 3})
	}
	cols = append(cols, col{"Skipped because", 40, 0})
	x.table(ledger, 1, cols, rows)
}

func (x *xlsxWriter) methodology(r *Report) {
	const sheet = "Methodology"
	x.newSheet(sheet)
	var rows [][]any
	for _, w := range analysis.Weightings() {
		rows = append(rows, []any{"Weighting", w.Name, weightText(w), w.Description, w.Source})
	}
	for _, s := range budget.DefaultSchemes().All() {
		for _, c := range s.Codes {
			note := s.Name
			if s.Provisional {
				note += " (provisional)"
			}
			rows = append(rows, []any{"Marker crosswalk", s.ID + " " + c.Code, c.Level.Label(), note, oneLine(s.Source, 200)})
		}
	}
	for _, d := range []struct{ term, def string }{
		{"Share", "a group's money in the analysed phase divided by the money of all lines in scope"},
		{"GEWE money", "money counted as serving gender equality under a named weighting convention: Σ over marker levels of (money at that level × the convention's weight)"},
		{"Coverage", "money screened for gender (any marker, including not targeted) divided by all money; not-screened money is never counted as zero"},
		{"Split lines", "a line serving several GCM objectives is apportioned by its shares, cent by cent (largest remainder), so groups add up to the total exactly"},
		{"Thematic areas", "Migration MPTF thematic areas group the objectives (provisional mapping, to be confirmed); an objective in several areas is shared equally among them"},
		{"Totals", "subtotal and total rows are not line items; each is checked against the lines it covers (sheet Reconciliation)"},
	} {
		rows = append(rows, []any{"Definition", d.term, "", d.def, ""})
	}
	x.table(sheet, 1, []col{{"Topic", 18, 0}, {"Name", 24, 0}, {"Value", 30, 0}, {"Meaning", 80, 0}, {"Source", 60, 0}}, rows)
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
