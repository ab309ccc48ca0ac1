package tagging

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/csv"
	"github.com/grb-toolkit/grb/budget/grid"
	"github.com/grb-toolkit/grb/budget/xlsx"
	"github.com/grb-toolkit/grb/internal/format"
)

// New reads a budget from r (name is used in messages) and prepares it
// for tagging with marker scheme scheme ("" = [DefaultScheme]): every
// sheet that holds lines, its cells, and one TagRow per row that holds
// lines, with the tags of the file's own tag columns as
// [TagRow.FromFile]. opt.Format says whether r is an "xlsx" workbook or
// "csv" text; "" takes data that starts like a zip archive for a
// workbook and anything else for csv (input.OpenTagging tells the format
// of a file as every command does). The input is read into memory.
//
// The error is that of the budget's reader (xlsx.Read, csv.Read); the Tagging is nil when no lines could be
// read.
func New(r io.Reader, name string, opt budget.Options, scheme string) (*Tagging, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("budget: read %s: %w", name, err)
	}
	sc, err := tagScheme(opt.Schemes, scheme)
	if err != nil {
		return nil, err
	}
	var b *budget.Budget
	switch tableFormat(opt.Format, data) {
	case "xlsx":
		b, err = xlsx.Read(bytes.NewReader(data), name, opt)
	case "csv":
		b, err = csv.Read(bytes.NewReader(data), name, opt)
	default:
		return nil, &budget.ParseError{File: name, Err: budget.ErrUnknownFormat}
	}
	if err != nil {
		return nil, err
	}
	format := b.Format
	var delim rune
	if b.CSV != nil {
		delim = b.CSV.Delimiter
	}
	want := map[string]bool{}
	for _, s := range b.Sheets {
		if s.Skipped == "" && s.HeaderRow > 0 {
			want[s.Name] = true
		}
	}
	raw, _, err := rawCells(data, name, format, delim, opt, want)
	if err != nil {
		return nil, err
	}
	t := &Tagging{Budget: b, Source: name, Scheme: sc.ID}
	used := map[string]bool{MarkerSheet: true}
	for _, s := range b.Sheets {
		if !want[s.Name] {
			continue
		}
		ts := TagSheet{
			Name:       uniqueSheetName(s.Name, used),
			Source:     s.Name,
			Cells:      raw[s.Name],
			HeaderRow:  s.HeaderRow,
			HeaderRows: s.HeaderRows,
			Columns:    map[budget.Field]string{},
			Scale:      opt.Scale,
			Currency:   opt.Currency,
			Year:       opt.Year,
			Decimal:    opt.Decimal,
			Phase:      budget.Approved,
		}
		if opt.PhaseSet {
			ts.Phase = opt.Phase
		}
		ts.Cells = tableExtent(b, s, ts.Cells)
		for _, row := range ts.Cells {
			ts.Width = max(ts.Width, len(row))
		}
		for _, c := range s.Columns {
			switch {
			case c.How == "fiscal year":
			case c.Field == budget.FieldObjectives:
				ts.FileObjectives = c.Col
			case c.Field == budget.FieldGenderMarker:
				ts.FileMarker = c.Col
				ts.FileScheme = s.Scheme
			default:
				ts.Columns[c.Field] = budget.ColumnName(c.Col)
			}
		}
		t.Sheets = append(t.Sheets, ts)
	}
	t.Rows = rowsOf(b, func(sheet string) string {
		for _, s := range t.Sheets {
			if s.Source == sheet {
				return s.Name
			}
		}
		return sheet
	})
	for i := range t.Rows {
		l := b.Lines.At(t.Rows[i].Lines[0])
		f := &t.Rows[i].FromFile
		if l.Objectives != nil {
			f.Objectives = slices.Clone(l.Objectives)
			f.ObjectiveSource = l.ObjectiveSource
		}
		if l.Gender.Level.Screened() {
			f.Marker = l.Gender.Level
			f.MarkerSource = l.GenderSource
		}
	}
	return t, nil
}

// tableFormat is the format of a budget to tag: format when given, else
// "xlsx" for data that starts like a workbook and "csv" for anything else.
func tableFormat(format string, data []byte) string {
	switch {
	case format != "":
		return format
	case xlsx.Sniff(data):
		return "xlsx"
	}
	return "csv"
}

// rowsOf groups the lines of b by the row they were read from, in order;
// sheetName maps a line's sheet to the tagging sheet's name.
func rowsOf(b *budget.Budget, sheetName func(string) string) []TagRow {
	var rows []TagRow
	index := map[[2]string]int{}
	for i, l := range b.Lines.All() {
		k := [2]string{l.Pos.Sheet(), strconv.Itoa(l.Pos.Row)}
		if j, ok := index[k]; ok {
			rows[j].Lines = append(rows[j].Lines, i)
			continue
		}
		index[k] = len(rows)
		rows = append(rows, TagRow{Sheet: sheetName(l.Pos.Sheet()), Row: l.Pos.Row, Lines: []int{i}})
	}
	return rows
}

// uniqueSheetName returns name, or name with a number, so that it is not
// in used (compared case-insensitively, as Excel does) and fits Excel's
// 31-character limit; it records the result in used.
func uniqueSheetName(name string, used map[string]bool) string {
	if strings.TrimSpace(name) == "" {
		name = "Tagging"
	}
	taken := func(n string) bool {
		for u := range used {
			if strings.EqualFold(u, n) {
				return true
			}
		}
		return false
	}
	// cut shortens s to n characters, without the spaces the cut may
	// leave at its end: the marker sheet's recipe trims them, and a sheet
	// named with a trailing space would not be found again on reading.
	cut := func(s string, n int) string {
		r := []rune(s)
		if len(r) > n {
			r = r[:n]
		}
		return strings.TrimSpace(string(r))
	}
	out := cut(name, 31)
	for i := 2; taken(out); i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		out = cut(name, 31-len(suffix)) + suffix
	}
	used[out] = true
	return out
}

// rawCells reads the cells of the sheets in want (all sheets when want is
// nil) from data, an .xlsx workbook or a csv file as format says. It also
// reports which sheets exist and whether each is hidden.
func rawCells(data []byte, name, format string, delim rune, opt budget.Options, want map[string]bool) (map[string][][]string, []grid.SheetInfo, error) {
	out, _, sheets, err := rawCellsPercents(data, name, format, delim, opt, want)
	return out, sheets, err
}

// rawCellsPercents is rawCells, with the cells of each sheet that hold a
// number under a percentage format (a share typed "60%", stored as 0.6).
func rawCellsPercents(data []byte, name, format string, delim rune, opt budget.Options, want map[string]bool) (map[string][][]string, map[string]map[grid.CellPos]bool, []grid.SheetInfo, error) {
	maxBytes, maxRows := opt.MaxBytes, opt.MaxRows
	if maxBytes == 0 {
		maxBytes = budget.DefaultMaxBytes
	}
	if maxRows == 0 {
		maxRows = budget.DefaultMaxRows
	}
	maxBytes, maxRows = max(maxBytes, 0), max(maxRows, 0)
	var src grid.Source
	switch format {
	case "xlsx":
		s, err := xlsx.Open(bytes.NewReader(data), name, maxBytes, maxRows)
		if err != nil {
			return nil, nil, nil, err
		}
		src = s
	case "csv":
		s, err := csv.Open(bytes.NewReader(data), name, delim, maxBytes)
		if err != nil {
			return nil, nil, nil, err
		}
		src = s
	default:
		return nil, nil, nil, &budget.ParseError{File: name, Err: budget.ErrUnknownFormat}
	}
	defer src.Close()
	out, pcts, err := grid.CellsWithPercents(src, want)
	if err != nil {
		return nil, nil, nil, err
	}
	return out, pcts, src.Sheets(), nil
}

// The tagging copy of a sheet holds its table and what lies close to it:
// rows up to maxTrailRows below the last row of the table and columns up
// to maxTrailCols right of its widest header or mapped column. A stray
// cell at XFD1048576 once made the copy a million rows by 16,384 columns
// (gigabytes, and no room for the tag columns).
const (
	maxTrailRows = 1000
	maxTrailCols = 256
)

// tableExtent returns cells cut to the table of sheet s and its
// surroundings, with a decision saying how many cells were left out.
func tableExtent(b *budget.Budget, s budget.SheetReport, cells [][]string) [][]string {
	lastRow, width := s.HeaderRow, 0
	for _, r := range b.Ledger {
		if r.Sheet == s.Name && r.Class != budget.RowBlank && r.Class != budget.RowNote {
			lastRow = max(lastRow, r.Last())
		}
	}
	for r := max(s.HeaderRow-max(s.HeaderRows, 1), 0); r < min(s.HeaderRow, len(cells)); r++ {
		width = max(width, len(cells[r]))
	}
	for _, c := range s.Columns {
		width = max(width, c.Col)
	}
	rows, cols := lastRow+maxTrailRows, width+maxTrailCols
	left := 0
	for r, row := range cells {
		for c, v := range row {
			if (r >= rows || c >= cols) && strings.TrimSpace(v) != "" {
				left++
			}
		}
		if r < rows && len(row) > cols {
			cells[r] = row[:cols]
		}
	}
	if len(cells) > rows {
		cells = cells[:rows]
	}
	if left > 0 {
		b.Decide(budget.Decision{Sheet: s.Name, Topic: "tagging-copy",
			Choice:   fmt.Sprintf("the tagging sheet copies rows 1–%d and columns A–%s of the source sheet", rows, budget.ColumnName(cols)),
			Evidence: fmt.Sprintf("%s lie further than %d rows below the table (which ends at row %d) or %d columns right of its header; they are not lines and are left out", format.Count(left, "cell"), maxTrailRows, lastRow, maxTrailCols)})
	}
	return cells
}
