package tagging

import (
	"archive/zip"
	"cmp"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
)

// WriteOptions controls Write.
type WriteOptions struct {
	Schemes *budget.Schemes // marker schemes; nil: budget.DefaultSchemes()
	MadeBy  string          // the command that made the workbook, recorded in it; "" = "grb"
	// Words words the workbook's text for people (the instructions, the
	// sheet names Instructions and Reference, the tag headers, the
	// dropdowns' prompts and messages, the document's properties) in a
	// language: it formats an English message key with args as
	// fmt.Sprintf does, in that language (reports.TaggingWords gives
	// grb's French and Spanish). nil is English. The values a person
	// chooses (objective numbers, marker codes, statuses) are the same in
	// every language.
	Words func(key string, args ...any) string
	// Lang is the language of Words ("fr", "es"), recorded in the
	// workbook; "" is the Tagging's Lang, which is "" (English) for a new
	// one.
	Lang string
}

// The names of the sheets Write adds around the tagging sheets
// (with a number added if the budget has a sheet of that name), in
// English; in the workbook's language when it has other words
// (WriteOptions.Words).
const (
	InstructionsSheet = "Instructions"
	ReferenceSheet    = "Reference"
)

// workbookTime is the creation and modification time written in every
// tagging workbook, so that the same input gives the same bytes.
const workbookTime = "2025-01-01T00:00:00Z"

// Write writes t as a tagging workbook (.xlsx) to w:
//
//   - an Instructions sheet, in plain language: the steps, the objective
//     and share columns, the statuses, and what each marker code of the
//     workbook's scheme means;
//   - each tagging sheet: the source sheet's cells at their rows and
//     columns, protected against changes, and to their right the tag
//     columns ([TagColumns]), unlocked on the rows that hold lines,
//     with dropdown lists (Excel data validation) that accept exactly the
//     objectives 0–23, the scheme's marker codes and the statuses, and
//     grb's suggestion columns, read-only;
//   - a Reference sheet listing General and the 23 GCM objectives;
//   - a hidden sheet "grb" that marks the workbook as a tagging workbook and
//     says how to read it back ([Read]).
//
// Its words for people are in the language of opt.Words (English when
// nil); the hidden sheet then records the language and the tag headers as
// written, which Read accepts as well as the English ones.
//
// The same input gives the same bytes.
func Write(w io.Writer, t *Tagging, opt WriteOptions) error {
	return writeWorkbook(w, t, opt, false)
}

// writeWorkbook is Write; with model, the tagging sheets' cells go through
// excelize's model (the tests' oracle) instead of being written row by
// row into their parts.
func writeWorkbook(w io.Writer, t *Tagging, opt WriteOptions, model bool) error {
	schemes := opt.Schemes
	if schemes == nil {
		schemes = budget.DefaultSchemes()
	}
	sc, ok := schemes.Lookup(t.Scheme)
	if !ok {
		return fmt.Errorf("reports: unknown marker scheme %q", t.Scheme)
	}
	madeBy := opt.MadeBy
	if madeBy == "" {
		madeBy = "grb"
	}
	tr := words(opt.Words)
	lang := ""
	if tr != nil {
		lang = cmp.Or(opt.Lang, t.Lang)
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newWorkbookStyles(f)
	if err != nil {
		return fmt.Errorf("reports: tagging workbook: %v", err)
	}
	used := map[string]bool{MarkerSheet: true}
	for _, s := range t.Sheets {
		used[s.Name] = true
	}
	// InstructionsSheet and ReferenceSheet, in the workbook's language.
	instructions := uniqueSheetName(tr.F("Instructions"), used)
	reference := uniqueSheetName(tr.F("Reference"), used)
	if err := f.SetSheetName("Sheet1", instructions); err != nil {
		return fmt.Errorf("reports: tagging workbook: %v", err)
	}
	rowsBySheet := map[string][]*TagRow{}
	for i := range t.Rows {
		r := &t.Rows[i]
		rowsBySheet[r.Sheet] = append(rowsBySheet[r.Sheet], r)
	}
	streamed := map[string]sheetRows{}
	for i := range t.Sheets {
		s := &t.Sheets[i]
		if _, err := f.NewSheet(s.Name); err != nil {
			return fmt.Errorf("reports: tagging workbook: sheet %q: %v", s.Name, err)
		}
		rows, err := writeTagSheet(f, tr, st, s, rowsBySheet[s.Name], sc, reference, model)
		if err != nil {
			return fmt.Errorf("reports: tagging workbook: sheet %q: %v", s.Name, err)
		}
		if !model {
			streamed[s.Name] = rows
		}
	}
	if err := writeInstructions(f, tr, st, instructions, reference, t, sc); err != nil {
		return fmt.Errorf("reports: tagging workbook: instructions: %v", err)
	}
	if err := writeReferenceSheet(f, tr, lang, st, reference); err != nil {
		return fmt.Errorf("reports: tagging workbook: reference: %v", err)
	}
	if _, err := f.NewSheet(MarkerSheet); err != nil {
		return fmt.Errorf("reports: tagging workbook: %v", err)
	}
	var headers []string
	if lang != "" {
		headers = tagColumnsIn(tr, sc.ID)
	}
	if err := setRows(f, MarkerSheet, t.markerSheetRows(madeBy, lang, headers)); err != nil {
		return fmt.Errorf("reports: tagging workbook: %v", err)
	}
	if err := f.SetSheetVisible(MarkerSheet, false); err != nil {
		return fmt.Errorf("reports: tagging workbook: %v", err)
	}
	if len(t.Sheets) > 0 {
		if idx, err := f.GetSheetIndex(t.Sheets[0].Name); err == nil {
			f.SetActiveSheet(idx)
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          tr.F("GCM and gender tagging workbook for %s", baseName(t.Source)),
		Subject:        tr.F("Tagging of budget lines by Global Compact for Migration objective and gender marker"),
		Description:    tr.F("Made by %s from %s. Fill in the yellow columns; see the Instructions sheet.", madeBy, baseName(t.Source)),
		Creator:        "grb",
		LastModifiedBy: "grb",
		Language:       cmp.Or(lang, "en"),
		Created:        workbookTime,
		Modified:       workbookTime,
	}); err != nil {
		return fmt.Errorf("reports: tagging workbook: %v", err)
	}
	streamSheets(f, streamed)
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("reports: write tagging workbook: %w", err)
	}
	return nil
}

// streamSheets has the rows of the sheets named in rows written into their
// parts as f is written (tagZip).
func streamSheets(f *excelize.File, rows map[string]sheetRows) {
	parts := map[string]sheetRows{}
	for id, name := range f.GetSheetMap() {
		if r, ok := rows[name]; ok {
			// excelize names a sheet's part by its id (File.NewSheet);
			// tagZip fails if one is not found.
			parts["xl/worksheets/sheet"+strconv.Itoa(id)+".xml"] = r
		}
	}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		return &tagZip{zw: zip.NewWriter(w), sheets: parts, done: map[string]bool{}}
	})
}

// setRows writes the texts of rows into sheet, from A1.
func setRows(f *excelize.File, sheet string, rows [][]string) error {
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			if err := f.SetCellStr(sheet, cellRef(c+1, r+1), v); err != nil {
				return err
			}
		}
	}
	return nil
}

// baseName returns the last element of a slash- or backslash-separated
// path, so that a workbook does not record the folders of its input.
func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

type workbookStyles struct {
	header, tagHeader, suggestHeader int
	input, suggestion, wrap, title   int
	bold                             int
}

func newWorkbookStyles(f *excelize.File) (*workbookStyles, error) {
	var st workbookStyles
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	styles := []struct {
		dst *int
		s   excelize.Style
	}{
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.tagHeader, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFD966"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: border}},
		{&st.suggestHeader, excelize.Style{Font: &excelize.Font{Bold: true, Italic: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: border}},
		{&st.input, excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}, Border: border, Protection: &excelize.Protection{Locked: false}}},
		{&st.suggestion, excelize.Style{Font: &excelize.Font{Italic: true, Color: "404040"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Border: border}},
		{&st.wrap, excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&st.bold, excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
	}
	for _, s := range styles {
		id, err := f.NewStyle(&s.s)
		if err != nil {
			return nil, err
		}
		*s.dst = id
	}
	return &st, nil
}

func cellRef(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// plainNumber matches a number as a spreadsheet stores one: an optional
// minus, digits without a leading zero, an optional fraction and
// exponent ("99.98999999999999", "1E+3", "12.50"). Codes such as
// "0605020" do not match.
var plainNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)

// setCell writes cell text read from a budget: a numeric cell holding the
// very text when it is a number (so that reading the workbook gives the
// same text, and a number stays a number whatever digits the source
// wrote), else a text cell.
func setCell(cw cellWriter, col, row int, v string) error {
	if plainNumber.MatchString(v) {
		return cw.num(col, row, v)
	}
	return cw.str(col, row, v)
}

// writeTagSheet sets up one tagging sheet in f (widths, frozen header,
// dropdowns, protection) and returns its rows, which the workbook's zip
// writer writes into the sheet's part; with model, it writes the rows'
// cells into f instead.
func writeTagSheet(f *excelize.File, w words, st *workbookStyles, s *TagSheet, rows []*TagRow, sc *budget.Scheme, reference string, model bool) (sheetRows, error) {
	name := s.Name
	rows = slices.Clone(rows)
	slices.SortStableFunc(rows, func(a, b *TagRow) int { return a.Row - b.Row })
	out := sheetRows{lastRow: max(len(s.Cells), s.HeaderRow), lastCol: s.TagCol(NumTagColumns - 1)}
	if len(rows) > 0 {
		out.lastRow = max(out.lastRow, rows[len(rows)-1].Row)
	}
	if model {
		if err := writeTagCells(modelCells{f, name}, func(int) error { return nil }, w, st, s, rows, sc, out.lastRow); err != nil {
			return out, err
		}
	} else {
		out.write = func(o io.Writer) error {
			rw := &rowWriter{row: 1}
			return writeTagCells(rw, func(int) error { return rw.flush(o) }, w, st, s, rows, sc, out.lastRow)
		}
	}
	// Column widths.
	widths := []float64{9, 8, 9, 8, 9, 8, 12, 40, 16, 14, 22, 45, 18, 45, 12, 12, 30, 12}
	for c, wd := range widths {
		col := budget.ColumnName(s.TagCol(c))
		if err := f.SetColWidth(name, col, col, wd); err != nil {
			return out, err
		}
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: s.HeaderRow, TopLeftCell: cellRef(1, s.HeaderRow+1), ActivePane: "bottomLeft"}); err != nil {
		return out, err
	}
	if len(rows) > 0 {
		if err := addTagValidation(f, w, name, s, rows, sc, reference); err != nil {
			return out, err
		}
	}
	return out, f.ProtectSheet(name, &excelize.SheetProtectionOptions{
		SelectLockedCells:   true,
		SelectUnlockedCells: true,
		FormatColumns:       true,
		FormatRows:          true,
		AutoFilter:          true,
	})
}

// writeTagCells writes the cells of tagging sheet s to cw, row by row from
// row 1 to last: the source's cells, the tag headers, and the tag and
// suggestion cells of the rows that hold lines (rows, sorted by row);
// next is called at the end of each row.
func writeTagCells(cw cellWriter, next func(row int) error, w words, st *workbookStyles, s *TagSheet, rows []*TagRow, sc *budget.Scheme, last int) error {
	i := 0
	for r := 1; r <= last; r++ {
		if err := writeOriginalRow(cw, st, s, r); err != nil {
			return err
		}
		if err := writeTagHeader(cw, w, st, s, sc, r); err != nil {
			return err
		}
		for ; i < len(rows) && rows[i].Row == r; i++ {
			if err := writeTagRow(cw, st, s, rows[i], sc); err != nil {
				return err
			}
		}
		if err := next(r); err != nil {
			return err
		}
	}
	return nil
}

// writeOriginalRow copies the source sheet's cells of row r, and styles
// them when r is the header row.
func writeOriginalRow(cw cellWriter, st *workbookStyles, s *TagSheet, r int) error {
	if r <= len(s.Cells) {
		for c, v := range s.Cells[r-1] {
			if v == "" {
				continue
			}
			if err := setCell(cw, c+1, r, v); err != nil {
				return err
			}
		}
	}
	if s.HeaderRow > 0 && r == s.HeaderRow {
		return cw.style(1, max(s.Width, 1), r, st.header)
	}
	return nil
}

// writeTagHeader writes, in row r, the headers of the tag columns (and
// their group labels, over a two-row header), styled as inputs and
// suggestions.
func writeTagHeader(cw cellWriter, w words, st *workbookStyles, s *TagSheet, sc *budget.Scheme, r int) error {
	if s.HeaderRows == 2 && r == s.HeaderRow-1 {
		// Label the tag columns in the group header row too, so that the
		// source's last group label (such as "Revised budget") does not
		// run on over them when the header rows are joined.
		for _, g := range []struct {
			col   int
			label string
		}{{ColObjective1, w.F("Tags: fill in")}, {ColSuggestedObj, w.F("grb's suggestions")}} {
			if err := cw.str(s.TagCol(g.col), r, g.label); err != nil {
				return err
			}
		}
	}
	if r != s.HeaderRow {
		return nil
	}
	for c, h := range tagColumnsIn(w, sc.ID) {
		if err := cw.str(s.TagCol(c), r, h); err != nil {
			return err
		}
	}
	first, lastInput, lastCol := s.TagCol(ColObjective1), s.TagCol(ColStatus), s.TagCol(NumTagColumns-1)
	if err := cw.style(first, lastInput, r, st.tagHeader); err != nil {
		return err
	}
	return cw.style(lastInput+1, lastCol, r, st.suggestHeader)
}

// writeTagRow writes the tag and suggestion cells of a row that holds
// lines, the tag cells unlocked for input.
func writeTagRow(cw cellWriter, st *workbookStyles, s *TagSheet, r *TagRow, sc *budget.Scheme) error {
	first, lastInput, lastCol := s.TagCol(ColObjective1), s.TagCol(ColStatus), s.TagCol(NumTagColumns-1)
	if err := cw.style(first, lastInput, r.Row, st.input); err != nil {
		return err
	}
	if err := cw.style(lastInput+1, lastCol, r.Row, st.suggestion); err != nil {
		return err
	}
	for c := ColObjective1; c <= ColStatus; c++ {
		v := r.Tag.Cells[c]
		if v == "" {
			continue
		}
		col := s.TagCol(c)
		var err error
		switch {
		case c == ColRationale || c == ColTaggedBy || c == ColStatus:
			err = cw.str(col, r.Row, v)
		case isShareCol(c):
			// A share read as typed ("60%") is written as the per cent
			// the column holds (60), a number.
			err = setCell(cw, col, r.Row, strings.TrimSpace(strings.TrimSuffix(v, "%")))
		default:
			err = setCell(cw, col, r.Row, v)
		}
		if err != nil {
			return err
		}
	}
	for c, v := range suggestionCells(r.Suggested, sc) {
		if v == "" {
			continue
		}
		col := s.TagCol(ColSuggestedObj + c)
		var err error
		if ColSuggestedObj+c == ColConfidence || ColSuggestedObj+c == ColMigration {
			err = setCell(cw, col, r.Row, v) // a number, so that the column sorts
		} else {
			err = cw.str(col, r.Row, v)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// isShareCol reports whether tag column c is a share column.
func isShareCol(c int) bool {
	return c >= ColShare1 && c < ColShare1+2*MaxObjectiveSlots && (c-ColShare1)%2 == 0
}

// objectiveList returns the values of the objective dropdown: "0" to
// "23".
func objectiveList() []string {
	out := make([]string, 0, 24)
	for _, o := range budget.Objectives() {
		out = append(out, strconv.Itoa(o.Number))
	}
	return out
}

// markerList returns the values of the marker dropdown: the codes of the
// scheme, in the scheme's order.
func markerList(sc *budget.Scheme) []string {
	out := make([]string, len(sc.Codes))
	for i, c := range sc.Codes {
		out[i] = c.Code
	}
	return out
}
