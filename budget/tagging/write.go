package tagging

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
)

// WriteOptions controls Write.
type WriteOptions struct {
	Schemes *budget.Schemes // marker schemes; nil: budget.DefaultSchemes()
	MadeBy  string          // the command that made the workbook, recorded in it; "" = "grb"
}

// The names of the sheets Write adds around the tagging sheets
// (with a number added if the budget has a sheet of that name).
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
// The same input gives the same bytes.
func Write(w io.Writer, t *Tagging, opt WriteOptions) error {
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
	instructions := uniqueSheetName(InstructionsSheet, used)
	reference := uniqueSheetName(ReferenceSheet, used)
	if err := f.SetSheetName("Sheet1", instructions); err != nil {
		return fmt.Errorf("reports: tagging workbook: %v", err)
	}
	rowsBySheet := map[string][]*TagRow{}
	for i := range t.Rows {
		r := &t.Rows[i]
		rowsBySheet[r.Sheet] = append(rowsBySheet[r.Sheet], r)
	}
	for i := range t.Sheets {
		s := &t.Sheets[i]
		if _, err := f.NewSheet(s.Name); err != nil {
			return fmt.Errorf("reports: tagging workbook: sheet %q: %v", s.Name, err)
		}
		if err := writeTagSheet(f, st, s, rowsBySheet[s.Name], sc, reference); err != nil {
			return fmt.Errorf("reports: tagging workbook: sheet %q: %v", s.Name, err)
		}
	}
	if err := writeInstructions(f, st, instructions, reference, t, sc); err != nil {
		return fmt.Errorf("reports: tagging workbook: instructions: %v", err)
	}
	if err := writeReferenceSheet(f, st, reference); err != nil {
		return fmt.Errorf("reports: tagging workbook: reference: %v", err)
	}
	if _, err := f.NewSheet(MarkerSheet); err != nil {
		return fmt.Errorf("reports: tagging workbook: %v", err)
	}
	for r, row := range t.markerSheetRows(madeBy) {
		for c, v := range row {
			if v == "" {
				continue
			}
			if err := f.SetCellStr(MarkerSheet, cellRef(c+1, r+1), v); err != nil {
				return fmt.Errorf("reports: tagging workbook: %v", err)
			}
		}
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
		Title:          "GCM and gender tagging workbook for " + baseName(t.Source),
		Subject:        "Tagging of budget lines by Global Compact for Migration objective and gender marker",
		Description:    "Made by " + madeBy + " from " + baseName(t.Source) + ". Fill in the yellow columns; see the Instructions sheet.",
		Creator:        "grb",
		LastModifiedBy: "grb",
		Language:       "en",
		Created:        workbookTime,
		Modified:       workbookTime,
	}); err != nil {
		return fmt.Errorf("reports: tagging workbook: %v", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("reports: write tagging workbook: %w", err)
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
func setCell(f *excelize.File, sheet, ref, v string) error {
	if plainNumber.MatchString(v) {
		return f.SetCellDefault(sheet, ref, v)
	}
	return f.SetCellStr(sheet, ref, v)
}

// writeTagSheet writes one tagging sheet.
func writeTagSheet(f *excelize.File, st *workbookStyles, s *TagSheet, rows []*TagRow, sc *budget.Scheme, reference string) error {
	name := s.Name
	if err := writeOriginalCells(f, st, s); err != nil {
		return err
	}
	if err := writeTagHeader(f, st, s, sc); err != nil {
		return err
	}
	for _, r := range rows {
		if err := writeTagRow(f, st, s, r, sc); err != nil {
			return err
		}
	}
	// Column widths.
	widths := []float64{9, 8, 9, 8, 9, 8, 12, 40, 16, 14, 22, 45, 18, 45, 12, 12, 30, 12}
	for c, wd := range widths {
		col := budget.ColumnName(s.TagCol(c))
		if err := f.SetColWidth(name, col, col, wd); err != nil {
			return err
		}
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: s.HeaderRow, TopLeftCell: cellRef(1, s.HeaderRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if len(rows) > 0 {
		if err := addTagValidation(f, name, s, rows, sc, reference); err != nil {
			return err
		}
	}
	return f.ProtectSheet(name, &excelize.SheetProtectionOptions{
		SelectLockedCells:   true,
		SelectUnlockedCells: true,
		FormatColumns:       true,
		FormatRows:          true,
		AutoFilter:          true,
	})
}

// writeOriginalCells copies the source sheet's cells, and styles its
// header row.
func writeOriginalCells(f *excelize.File, st *workbookStyles, s *TagSheet) error {
	for r, row := range s.Cells {
		for c, v := range row {
			if v == "" {
				continue
			}
			if err := setCell(f, s.Name, cellRef(c+1, r+1), v); err != nil {
				return err
			}
		}
	}
	if s.HeaderRow > 0 {
		return f.SetCellStyle(s.Name, cellRef(1, s.HeaderRow), cellRef(max(s.Width, 1), s.HeaderRow), st.header)
	}
	return nil
}

// writeTagHeader writes the headers of the tag columns (and their group
// labels, over a two-row header), styled as inputs and suggestions.
func writeTagHeader(f *excelize.File, st *workbookStyles, s *TagSheet, sc *budget.Scheme) error {
	name := s.Name
	for c, h := range TagColumns(sc.ID) {
		if err := f.SetCellStr(name, cellRef(s.TagCol(c), s.HeaderRow), h); err != nil {
			return err
		}
	}
	if s.HeaderRows == 2 {
		// Label the tag columns in the group header row too, so that the
		// source's last group label (such as "Revised budget") does not
		// run on over them when the header rows are joined.
		for _, g := range []struct {
			col   int
			label string
		}{{ColObjective1, "Tags: fill in"}, {ColSuggestedObj, "grb's suggestions"}} {
			if err := f.SetCellStr(name, cellRef(s.TagCol(g.col), s.HeaderRow-1), g.label); err != nil {
				return err
			}
		}
	}
	first, lastInput, lastCol := s.TagCol(ColObjective1), s.TagCol(ColStatus), s.TagCol(NumTagColumns-1)
	if err := f.SetCellStyle(name, cellRef(first, s.HeaderRow), cellRef(lastInput, s.HeaderRow), st.tagHeader); err != nil {
		return err
	}
	return f.SetCellStyle(name, cellRef(lastInput+1, s.HeaderRow), cellRef(lastCol, s.HeaderRow), st.suggestHeader)
}

// writeTagRow writes the tag and suggestion cells of a row that holds
// lines, the tag cells unlocked for input.
func writeTagRow(f *excelize.File, st *workbookStyles, s *TagSheet, r *TagRow, sc *budget.Scheme) error {
	name := s.Name
	first, lastInput, lastCol := s.TagCol(ColObjective1), s.TagCol(ColStatus), s.TagCol(NumTagColumns-1)
	if err := f.SetCellStyle(name, cellRef(first, r.Row), cellRef(lastInput, r.Row), st.input); err != nil {
		return err
	}
	if err := f.SetCellStyle(name, cellRef(lastInput+1, r.Row), cellRef(lastCol, r.Row), st.suggestion); err != nil {
		return err
	}
	for c := ColObjective1; c <= ColStatus; c++ {
		v := r.Tag.Cells[c]
		if v == "" {
			continue
		}
		ref := cellRef(s.TagCol(c), r.Row)
		var err error
		switch {
		case c == ColRationale || c == ColTaggedBy || c == ColStatus:
			err = f.SetCellStr(name, ref, v)
		case isShareCol(c):
			// A share read as typed ("60%") is written as the per cent
			// the column holds (60), a number.
			err = setCell(f, name, ref, strings.TrimSpace(strings.TrimSuffix(v, "%")))
		default:
			err = setCell(f, name, ref, v)
		}
		if err != nil {
			return err
		}
	}
	for c, v := range suggestionCells(r.Suggested, sc) {
		if v == "" {
			continue
		}
		ref := cellRef(s.TagCol(ColSuggestedObj+c), r.Row)
		var err error
		if ColSuggestedObj+c == ColConfidence || ColSuggestedObj+c == ColMigration {
			err = setCell(f, name, ref, v) // a number, so that the column sorts
		} else {
			err = f.SetCellStr(name, ref, v)
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

// markerMeanings writes the scheme's codes and labels on one line:
// "2 = Principal, 1 = Significant, 0 = Not targeted".
func markerMeanings(sc *budget.Scheme) string {
	parts := make([]string, len(sc.Codes))
	for i, c := range sc.Codes {
		parts[i] = c.Code + " = " + c.Label
	}
	return strings.Join(parts, ", ")
}

// addTagValidation adds the dropdowns and range checks of the tag columns
// over the rows below the header.
func addTagValidation(f *excelize.File, name string, s *TagSheet, rows []*TagRow, sc *budget.Scheme, reference string) error {
	top, bottom := s.HeaderRow+1, s.HeaderRow+1
	for _, r := range rows {
		bottom = max(bottom, r.Row)
	}
	span := func(c int) string {
		col := budget.ColumnName(s.TagCol(c))
		return fmt.Sprintf("%s%d:%s%d", col, top, col, bottom)
	}
	objectives := excelize.NewDataValidation(true)
	shares := excelize.NewDataValidation(true)
	for i := 0; i < MaxObjectiveSlots; i++ {
		objectives.SetSqref(span(ColObjective1 + 2*i))
		shares.SetSqref(span(ColShare1 + 2*i))
	}
	if err := objectives.SetDropList(objectiveList()); err != nil {
		return err
	}
	objectives.SetInput("GCM objective", "Choose 1-23 from the list, or 0 for General (the Compact as a whole). The "+reference+" sheet lists them. Leave blank if the line serves no objective.")
	objectives.SetError(excelize.DataValidationErrorStyleStop, "Not a GCM objective", "Choose an objective from the list: 1-23, or 0 for General.")
	// 60 and 60% (stored as 0.6 under a percentage format) are both
	// in range; grb reads each as the user typed it.
	if err := shares.SetRange(0.0001, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	shares.SetInput("Share of the line (%)", "Per cent of the line's money for the objective to the left: type 60 or 60%, both read as 60 %. Leave blank for one objective (100%) or for an equal split.")
	shares.SetError(excelize.DataValidationErrorStyleStop, "Not a share", "Enter a percentage above 0 and up to 100, such as 60 or 60%.")
	marker := excelize.NewDataValidation(true)
	marker.SetSqref(span(ColMarker))
	if err := marker.SetDropList(markerList(sc)); err != nil {
		return err
	}
	marker.SetInput("Gender marker ("+sc.ID+")", truncate(markerMeanings(sc)+". See the Instructions sheet.", 250))
	marker.SetError(excelize.DataValidationErrorStyleStop, "Not a marker code", truncate("Choose a code of the "+sc.ID+" scheme from the list: "+markerMeanings(sc)+".", 250))
	status := excelize.NewDataValidation(true)
	status.SetSqref(span(ColStatus))
	if err := status.SetDropList(tagStatuses()); err != nil {
		return err
	}
	status.SetInput("Status", "confirmed: the tags are checked. not screened: the line is deliberately not assessed. suggested: grb's suggestion, not yet checked.")
	status.SetError(excelize.DataValidationErrorStyleStop, "Not a status", "Choose suggested, confirmed or not screened from the list.")
	for _, dv := range []*excelize.DataValidation{objectives, shares, marker, status} {
		if err := f.AddDataValidation(name, dv); err != nil {
			return err
		}
	}
	return nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// levelMeaning explains each canonical marker level in plain words (after
// OECD DAC, UN Women, EU and Migration MPTF sources in budget/data/schemes.yaml).
var levelMeaning = map[budget.Level]string{
	budget.Principal:   "Gender equality is the main objective of the line: the line would not exist without it, and its expected results are built around it. Say why in the Rationale column.",
	budget.Significant: "Gender equality is an important and deliberate objective of the line, but not the main reason for it.",
	budget.Limited:     "The line makes a limited contribution to gender equality; it is not counted as gender-focused.",
	budget.Potential:   "The line may help gender equality, but it is not yet clear how; check again later.",
	budget.NotTargeted: "The line was checked and does not target gender equality.",
}

// writeInstructions writes the Instructions sheet.
func writeInstructions(f *excelize.File, st *workbookStyles, name, reference string, t *Tagging, sc *budget.Scheme) error {
	var sheets []string
	for _, s := range t.Sheets {
		sheets = append(sheets, s.Name)
	}
	type line struct {
		a, b  string
		style int
	}
	lines := []line{
		{"How to tag this budget", "", st.title},
		{"Budget", baseName(t.Source) + " (sheets: " + strings.Join(sheets, ", ") + ")", st.wrap},
		{"Gender marker scheme", sc.Name + " (" + sc.ID + ")", st.wrap},
		{"", "", 0},
		{"What to do", "", st.bold},
		{"1.", "Go to the budget sheet. The budget's own columns are protected so they cannot be changed by mistake. The yellow columns on the right are yours to fill in, on every row that is a budget line (totals and headings have none).", st.wrap},
		{"2.", "For each line, choose the Global Compact for Migration objectives it serves (up to three) and the gender marker, from the dropdown lists. The " + reference + " sheet lists the 23 objectives.", st.wrap},
		{"3.", "If grb suggested tags, they are already in the yellow columns with Status \"suggested\", and the grey columns say where each suggestion came from (a rule and the words it matched, last year's tags, or the budget file's own columns). Check each one: change it if it is wrong.", st.wrap},
		{"4.", "Write in Rationale why you chose the marker. It is required for a principal marker, and useful for every tag.", st.wrap},
		{"5.", "Write your name in Tagged by, then set Status to \"confirmed\". If a line is deliberately not assessed, set Status to \"not screened\" and leave the marker blank.", st.wrap},
		{"6.", "Return the workbook. \"grb validate\" on it lists every line still to do and every problem, each with its cell.", st.wrap},
		{"", "", 0},
		{"Objectives and shares", "", st.bold},
		{"One objective", "Choose it in GCM objective 1 and leave the shares blank: the whole line counts for it.", st.wrap},
		{"Several objectives", "Use GCM objective 1, 2 and 3, and give each a share in per cent, such as 60 and 40; the shares must add up to 100. Blank shares split the line equally.", st.wrap},
		{"General (0)", "The line serves the Compact as a whole, such as coordination or a national implementation plan.", st.wrap},
		{"No objective", "Leave the objective columns blank if the line serves no GCM objective. It still needs a gender marker.", st.wrap},
		{"", "", 0},
		{"Status", "", st.bold},
		{"suggested", "grb's suggestion, not yet checked by anyone. It is not counted as a tag.", st.wrap},
		{"confirmed", "You checked the tags and stand by them.", st.wrap},
		{"not screened", "The line is deliberately not assessed for gender equality. This is different from a marker meaning \"not targeted\", which says the line was assessed.", st.wrap},
		{"", "", 0},
		{"Gender marker codes (" + sc.ID + ")", "", st.bold},
	}
	for _, c := range sc.Codes {
		lines = append(lines, line{c.Code + " = " + c.Label, levelMeaning[c.Level], st.wrap})
	}
	lines = append(lines,
		line{"(blank)", "Not screened: nobody has assessed the line. Use it only with Status \"not screened\".", st.wrap},
		line{"", "", 0},
		line{"Good to know", "", st.bold},
		line{"•", "A principal marker is not better than a significant one: lines that target gender equality and lines that build it into a wider aim both count.", st.wrap},
		line{"•", "The marker records intent when the budget is planned; it is not a measure of the money actually spent on gender equality.", st.wrap},
		line{"•", "Do not add, remove or move rows or columns of the budget sheet: grb reads the lines back from where they are.", st.wrap},
	)
	if sc.Provisional {
		lines = append(lines, line{"•", "The codes of the " + sc.ID + " scheme are provisional: grb could not check them against the scheme's own documents.", st.wrap})
	}
	for i, l := range lines {
		r := i + 1
		if l.a != "" {
			if err := f.SetCellStr(name, cellRef(1, r), l.a); err != nil {
				return err
			}
		}
		if l.b != "" {
			if err := f.SetCellStr(name, cellRef(2, r), l.b); err != nil {
				return err
			}
		}
		if l.style != 0 {
			if err := f.SetCellStyle(name, cellRef(1, r), cellRef(2, r), l.style); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(name, "A", "A", 28); err != nil {
		return err
	}
	return f.SetColWidth(name, "B", "B", 100)
}

// writeReferenceSheet lists General and the 23 objectives.
func writeReferenceSheet(f *excelize.File, st *workbookStyles, name string) error {
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	for c, h := range []string{"Objective", "Short label", "Title (A/RES/73/195, para. 16)"} {
		if err := f.SetCellStr(name, cellRef(c+1, 1), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(name, "A1", "C1", st.header); err != nil {
		return err
	}
	for i, o := range budget.Objectives() {
		r := i + 2
		if err := f.SetCellInt(name, cellRef(1, r), int64(o.Number)); err != nil {
			return err
		}
		if err := f.SetCellStr(name, cellRef(2, r), o.Short); err != nil {
			return err
		}
		if err := f.SetCellStr(name, cellRef(3, r), o.Title); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(name, "A", "A", 10); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "B", "B", 34); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "C", "C", 110); err != nil {
		return err
	}
	return f.ProtectSheet(name, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true})
}
