package grid

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// Read interprets the sheets of src into b: every visible sheet, or only
// opt.Sheet (hidden or not). name is the file's name, for positions. opt
// must have its defaults set (budget.Options.WithDefaults). A hidden sheet
// that is skipped is noted in b. Read returns an error wrapping
// budget.ErrNoSuchSheet when opt.Sheet is not in src, and one wrapping
// budget.ErrNoHeader when no sheet has a header and no line was read (b
// then says why).
func Read(b *budget.Budget, src Source, name string, opt *budget.Options) error {
	sheets := src.Sheets()
	found := false
	for _, sh := range sheets {
		if opt.Sheet != "" && sh.Name != opt.Sheet {
			continue
		}
		found = true
		rep := budget.SheetReport{Name: sh.Name, Hidden: sh.Hidden}
		if sh.Hidden && opt.Sheet == "" {
			rep.Skipped = "hidden sheet (name it with --sheet to read it)"
			b.Sheets = append(b.Sheets, rep)
			b.AddIssue(budget.Warning, "sheet-hidden", budget.At(name, sh.Name, 0, 0), "", "", "hidden sheet skipped; name it with --sheet to read it", nil)
			continue
		}
		it, err := src.Rows(sh.Name)
		if err != nil {
			return err
		}
		sr := newSheetReader(b, opt, name, sh.Name, rep)
		m := b.Mark()
		err = sr.read(it)
		it.Close()
		b.Own(m) // the source's text may be let go: b keeps none of it
		if err != nil {
			return err
		}
	}
	if !found {
		names := make([]string, len(sheets))
		for i, s := range sheets {
			names[i] = s.Name
		}
		return &budget.ParseError{File: name, Sheet: opt.Sheet, Err: fmt.Errorf("%w (the workbook has %s)", budget.ErrNoSuchSheet, strings.Join(names, ", "))}
	}
	return nil
}

// CheckLines returns an error wrapping budget.ErrNoHeader when b has no
// line and no sheet of it had a header; nil otherwise. A reader calls it
// last, so that b says why.
func CheckLines(b *budget.Budget, name string) error {
	if b.Lines.Len() > 0 {
		return nil
	}
	for _, s := range b.Sheets {
		if s.HeaderRow > 0 {
			return nil
		}
	}
	return &budget.ParseError{File: name, Err: fmt.Errorf("%w in any sheet: name the columns with --column FIELD=HEADER or a mapping file", budget.ErrNoHeader)}
}

// Cells returns the cell texts of the sheets of src in want (every sheet
// when want is nil), by row: cells[0] is row 1, with trailing empty cells
// dropped.
func Cells(src Source, want map[string]bool) (map[string][][]string, error) {
	out, _, err := CellsWithPercents(src, want)
	return out, err
}

// CellsWithPercents is Cells, and also gives, for each sheet read, the
// cells that hold a number shown as a percentage (when the source's Rows
// implement Percents; none otherwise). Their text is the stored value
// (0.6): [TypedPercent] gives what the user typed.
func CellsWithPercents(src Source, want map[string]bool) (map[string][][]string, map[string]map[CellPos]bool, error) {
	out, pcts := map[string][][]string{}, map[string]map[CellPos]bool{}
	for _, sh := range src.Sheets() {
		if want != nil && !want[sh.Name] {
			continue
		}
		it, err := src.Rows(sh.Name)
		if err != nil {
			return nil, nil, err
		}
		var rows [][]string
		pr, _ := it.(Percents)
		for it.Next() {
			n, cells := it.Row()
			for c := 0; pr != nil && c < len(cells); c++ {
				if cells[c] != "" && pr.IsPercent(c) {
					if pcts[sh.Name] == nil {
						pcts[sh.Name] = map[CellPos]bool{}
					}
					pcts[sh.Name][CellPos{n, c}] = true
				}
			}
			for len(rows) < n {
				rows = append(rows, nil)
			}
			end := len(cells)
			for end > 0 && strings.TrimSpace(cells[end-1]) == "" {
				end--
			}
			rows[n-1] = slices.Clone(cells[:end])
		}
		err = it.Err()
		it.Close()
		if err != nil {
			return nil, nil, err
		}
		out[sh.Name] = rows
	}
	return out, pcts, nil
}

// TypedPercent returns the text a user typed for a number v stored under
// a percentage format: "0.6" is "60%", "0.125" is "12.5%" (to 15
// significant digits, as a spreadsheet shows it). ok is false when v is
// not a finite number.
func TypedPercent(v string) (string, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f*100, 0) {
		return "", false
	}
	g, _ := strconv.ParseFloat(strconv.FormatFloat(f*100, 'g', 15, 64), 64)
	return strconv.FormatFloat(g, 'f', -1, 64) + "%", true
}
