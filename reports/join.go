package reports

import (
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
)

// join sets r.Join: the focus year's government budget beside the donor
// aid of opt.Aid, in the budget's fiscal calendar.
func (r *Report) join(all *budget.Budget, opt Options) error {
	if opt.Aid == nil {
		return nil
	}
	j, err := analysis.Join(all, opt.Aid, analysis.JoinOptions{Phase: r.Phase, PhaseSet: true, Year: r.Focus, FiscalStart: opt.FiscalStart, Context: r.ctx})
	if err != nil {
		return err
	}
	r.Join, r.Aid = j, opt.Aid
	return nil
}

// joinCaption says what the joined tables set side by side, and which
// aid is counted once.
func (r *Report) joinCaption(by string) string {
	j := r.Join
	p := r.p
	s := p.F("%s, in %s: the government budget (%s) and donor aid (%s), %s", r.scopeTitle(), orDash(j.Currency), strings.Join(r.Sources(), ", "), strings.Join(r.AidSources(), ", "), by)
	if j.Linked > 0 {
		s += "; " + p.F("aid in the budget already, linked to its lines by country budget-item code (%s; %s), is counted once, in the budget", strings.Join(j.Codes, ", "), p.linesText(j.Linked))
	}
	return s
}

// joinHead is the header of the joined tables.
func (r *Report) joinHead(first string) []htmlCell {
	var out []htmlCell
	for i, h := range []string{first, r.p.S("Government budget"), r.p.S("Donor aid"), r.p.S("Of which in the budget"), r.p.S("Counted once")} {
		out = append(out, htmlCell{Text: h, Num: i > 0})
	}
	return out
}

// joinRow is one row of a joined table.
func (r *Report) joinRow(label string, row analysis.JoinRow, total bool) htmlRow {
	f := r.p.f
	return htmlRow{Total: total, Cells: []htmlCell{{Text: label}, {Text: f.Money(row.Budget), Num: true}, {Text: f.Money(row.Aid), Num: true}, {Text: f.Money(row.OnBudget), Num: true}, {Text: f.Money(row.Once), Num: true}}}
}

// joinObjectiveTable is the government budget and donor aid by GCM
// objective, when the report joins them.
func joinObjectiveTable(r *Report, _ string) (htmlTable, bool) {
	if r.Join == nil {
		return htmlTable{}, false
	}
	t := htmlTable{ID: "budget-and-aid", Heading: r.p.S("Government budget and donor aid"), Caption: r.joinCaption(r.p.S("by GCM objective")), Head: r.joinHead(r.p.S("GCM objective"))}
	for _, row := range r.Join.ByObjective {
		t.Rows = append(t.Rows, r.joinRow(r.p.groupLabel(row.Key), row, false))
	}
	t.Rows = append(t.Rows, r.joinRow(r.p.S("Total"), r.Join.Total, true))
	return t, true
}

// joinMarkerTable is the government budget and donor aid by gender
// marker level, when the report joins them.
func joinMarkerTable(r *Report, _ string) (htmlTable, bool) {
	if r.Join == nil {
		return htmlTable{}, false
	}
	t := htmlTable{ID: "budget-and-aid-marker", Heading: r.p.S("Government budget and donor aid, by gender marker"), Caption: r.joinCaption(r.p.S("by gender marker")), Head: r.joinHead(r.p.S("Gender marker"))}
	for _, row := range r.Join.ByMarker {
		t.Rows = append(t.Rows, r.joinRow(r.p.groupLabel(row.Key), row, false))
	}
	t.Rows = append(t.Rows, r.joinRow(r.p.S("Total"), r.Join.Total, true))
	return t, true
}

// joinSheet writes the government budget and donor aid side by side, by
// GCM objective, then by gender marker, then the total, when the report
// joins them.
func joinSheet(x *xlsxWriter, r *Report) {
	if r.Join == nil {
		return
	}
	const sheet = "Budget and aid"
	x.newSheet(sheet)
	p := r.p
	cols := []col{{p.S("View"), 16, 0}, {p.S("Group"), 36, 0}, {p.S("Government budget"), 18, 1}, {p.S("Donor aid"), 18, 1}, {p.S("Of which in the budget"), 18, 1}, {p.S("Counted once"), 18, 1}}
	var rows [][]any
	add := func(view string, rs []analysis.JoinRow) {
		for _, row := range rs {
			rows = append(rows, []any{view, p.groupLabel(row.Key), row.Budget, row.Aid, row.OnBudget, row.Once})
		}
	}
	add(p.S("GCM objective"), r.Join.ByObjective)
	add(p.S("Gender marker"), r.Join.ByMarker)
	t := r.Join.Total
	rows = append(rows, []any{p.S("Total"), "", t.Budget, t.Aid, t.OnBudget, t.Once})
	x.table(sheet, 1, cols, rows)
}
