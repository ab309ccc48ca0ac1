package reports

import (
	"fmt"

	"github.com/grb-toolkit/grb/budget"
)

// sheetRows is the most rows a sheet holds, header included: Excel's
// limit (a variable for tests).
var sheetRows = 1 << 20

// linesSheetNames returns the sheets the lines of r are written to: Lines,
// then, when they pass the row limit of a sheet, Lines 2, Lines 3…
func linesSheetNames(r *Report) []string {
	n := 0
	for _, b := range r.Budgets {
		n += b.Lines.Len()
	}
	names := []string{"Lines"}
	for i := 2; n > len(names)*(sheetRows-1); i++ {
		names = append(names, fmt.Sprintf("Lines %d", i))
	}
	return names
}

// linesSheet writes every line read, streamed, continued on further
// sheets past the row limit of one (linesSheetNames; the Methodology
// sheet says so). excelize writes streamed sheets in an order that
// varies; sortedZip puts them in one order, so the bytes do not vary.
func linesSheet(x *xlsxWriter, r *Report) {
	per := sheetRows - 1
	for i, sheet := range linesSheetNames(r) {
		x.newSheet(sheet)
		linesTable(x, r, sheet, i*per, (i+1)*per)
	}
}

// linesTable writes the lines from (counted over every budget) up to
// before to sheet.
func linesTable(x *xlsxWriter, r *Report, sheet string, from, before int) {
	cols := []col{{"File", 24, 0}, {"Sheet", 12, 0}, {"Row", 7, 3}, {"Year", 8, 0}, {"Unit code", 10, 0}, {"Unit", 28, 0}, {"Programme code", 12, 0}, {"Programme", 28, 0}, {"Description", 40, 0},
		{"Proposed", 16, 1}, {"Approved", 16, 1}, {"Revised", 16, 1}, {"Executed", 16, 1}, {"Currency", 9, 0},
		{"GCM objectives", 18, 0}, {"Objectives from", 22, 0}, {"Gender marker", 14, 0}, {"Marker as written", 10, 0}, {"Marker scheme", 12, 0}, {"Marker from", 22, 0},
		{"Women", 9, 3}, {"Men", 9, 3}, {"Girls", 9, 3}, {"Boys", 9, 3}}
	x.streamTable(sheet, cols, func(emit func([]any)) {
		row := make([]any, 0, len(cols))
		objText := map[string]string{}
		at := 0 // lines before b
		for _, b := range r.Budgets {
			lo, hi := max(from-at, 0), min(before-at, b.Lines.Len())
			at += b.Lines.Len()
			for i := lo; i < hi; i++ {
				if (i-lo)%4096 == 0 && x.err == nil {
					if x.err = r.cancelled(); x.err != nil {
						return // Ctrl-C: stop at once
					}
				}
				lv := b.Lines.At(i)
				l := &lv
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

// issuesSheet writes the validation issues of every budget, errors first.
func issuesSheet(x *xlsxWriter, r *Report) {
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

// reconciliationSheet writes each stated total or subtotal of every
// budget against the sum of the lines it covers.
func reconciliationSheet(x *xlsxWriter, r *Report) {
	const sheet = "Reconciliation"
	x.newSheet(sheet)
	var rows [][]any
	for _, b := range r.Budgets {
		for _, c := range b.Totals {
			for _, a := range c.Amounts {
				st := "ok"
				if !(budget.TotalCheck{Amounts: []budget.TotalAmount{a}}).OK(b.Tolerance) {
					st = "MISMATCH"
				}
				rows = append(rows, []any{b.Source, c.Pos.Sheet(), c.Pos.Row, c.Class.String(), c.Label, c.How, c.Scope, a.Column, c.Covered, a.Stated, a.Computed, a.Diff(), st})
			}
		}
	}
	x.table(sheet, 1, []col{{"File", 24, 0}, {"Sheet", 12, 0}, {"Row", 7, 3}, {"Class", 10, 0}, {"Label", 30, 0}, {"Recognised by", 14, 0}, {"Covers", 36, 0}, {"Column", 14, 0}, {"Lines", 8, 3}, {"Stated", 18, 1}, {"Computed", 18, 1}, {"Difference", 16, 1}, {"Status", 11, 0}}, rows)
}

// rowLedgerSheet writes the row ledger, summed per sheet: a sheet of its
// own, not below the reconciliation, keeps both tables filterable.
func rowLedgerSheet(x *xlsxWriter, r *Report) {
	const sheet = "Row ledger"
	x.newSheet(sheet)
	var rows [][]any
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
	x.table(sheet, 1, cols, rows)
}
