package tagging

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/grid"
	"github.com/grb-toolkit/grb/budget/xlsx"
)

// Read reads a tagging workbook from r (name is used in messages).
// Every tagging sheet is read as its source was, so the lines, totals and
// reading issues are the source's, at the same cells; objectives and
// markers come from the tag columns instead of any columns of the source:
//
//   - a confirmed row's lines get its objectives and marker, with the
//     provenance of the suggestion they equal, or Manual;
//   - a row marked not screened gets its objectives, if any, and no marker;
//   - the lines of any other row are untagged: a suggestion nobody has
//     confirmed is not a tag.
//
// The tag headers may be in English or in the language the workbook was
// written in (WriteOptions.Words), as its hidden sheet records; t.Lang
// is that language.
//
// Reading issues of the tag columns themselves (an objective outside the
// list, a marker not of the scheme) are in the Budget's Issues;
// [Check] lists what is missing or inconsistent. A file that is not
// a tagging workbook gives an error wrapping [ErrNotTagging]; one whose
// hidden sheet cannot be read, [ErrTaggingFormat]. opt gives the
// safety limits, the schemes and the tolerance; the rest comes from the
// workbook. The input is read into memory.
func Read(r io.Reader, name string, opt budget.Options) (*Tagging, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("budget: read %s: %w", name, err)
	}
	if opt.Schemes == nil {
		opt.Schemes = budget.DefaultSchemes()
	}
	marker, sheets, err := markerSheet(data, name, opt)
	if err != nil {
		return nil, err
	}
	t, err := parseMarkerSheet(marker, name, sheets)
	if err != nil {
		return nil, err
	}
	sc, err := tagScheme(opt.Schemes, t.Scheme)
	if err != nil {
		return nil, &budget.ParseError{File: name, Sheet: MarkerSheet, Err: err}
	}
	want := map[string]bool{}
	for _, s := range t.Sheets {
		want[s.Name] = true
	}
	raw, pcts, _, err := rawCellsPercents(data, name, "xlsx", 0, opt, want)
	if err != nil {
		return nil, err
	}
	if err := t.checkColumns(name); err != nil {
		return nil, err
	}
	if err := t.checkTagHeaders(name, raw, sc); err != nil {
		return nil, err
	}
	if t.Budget, err = t.readSheets(data, name, opt, sc, raw); err != nil {
		return nil, err
	}
	t.Rows = rowsOf(t.Budget, func(s string) string { return s })
	fileSchemes := map[string]*budget.Scheme{}
	for i := range t.Rows {
		row := &t.Rows[i]
		s := t.sheetNamed(row.Sheet)
		var cells []string
		if row.Row-1 < len(raw[s.Name]) {
			cells = raw[s.Name][row.Row-1]
		}
		cell := func(col int) string {
			if col >= 1 && col <= len(cells) {
				return strings.TrimSpace(cells[col-1])
			}
			return ""
		}
		for c := 0; c < NumTagColumns; c++ {
			row.Tag.Cells[c] = cell(s.TagCol(c))
		}
		typedShares(&row.Tag, s, row.Row, pcts[s.Name])
		row.Tag.parse(sc)
		row.Suggested = parseSuggestion(row.Tag.Cells, sc)
		row.FromFile = fileTags(s, cell, opt.Schemes, fileSchemes)
		t.applyTag(row, sc)
	}
	return t, nil
}

// typedShares reads the share cells of a tag on row n of s that hold a
// number under a percentage format as the user typed them: 0.6 shown as
// 60% is "60%", which the share columns read as 60 (a bare number there
// is already a per cent).
func typedShares(tag *Tag, s *TagSheet, n int, pcts map[grid.CellPos]bool) {
	for i := 0; i < MaxObjectiveSlots; i++ {
		c := ColShare1 + 2*i
		if !pcts[grid.CellPos{Row: n, Col: s.TagCol(c) - 1}] {
			continue
		}
		if v, ok := grid.TypedPercent(tag.Cells[c]); ok {
			tag.Cells[c] = v
		}
	}
}

// ReadFile reads the tagging workbook name, as Read does.
func ReadFile(name string, opt budget.Options) (*Tagging, error) {
	if ok, err := hasMarkerSheet(name); err != nil || !ok {
		if err == nil {
			err = fmt.Errorf("budget: %s: %w (it has no hidden sheet %q)", name, ErrNotTagging, MarkerSheet)
		}
		return nil, err
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Read(bytes.NewReader(data), name, opt)
}

// hasMarkerSheet reports whether the workbook in file name lists the
// marker sheet, reading its list of sheets only: a budget workbook of a
// million lines is not read into memory just to learn that it is not a
// tagging workbook. A file that is not a workbook is not one either.
func hasMarkerSheet(name string) (bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	src, err := xlsx.Open(f, name, 0, 0)
	if err != nil {
		return true, nil // let the full reading say what is wrong
	}
	defer src.Close()
	for _, s := range src.Sheets() {
		if strings.EqualFold(s.Name, MarkerSheet) {
			return true, nil
		}
	}
	return false, nil
}

// Sniff reports whether data is a tagging workbook: an .xlsx workbook
// with the marker sheet and its magic text. It reads the marker sheet
// only.
func Sniff(data []byte) bool {
	_, _, err := markerSheet(data, "", budget.Options{})
	return err == nil
}

// markerSheet returns the rows of the marker sheet of the workbook data,
// and the workbook's sheets; an error wrapping ErrNotTagging when data is
// not a tagging workbook. Reading only that sheet is cheap.
func markerSheet(data []byte, name string, opt budget.Options) ([][]string, []grid.SheetInfo, error) {
	if !xlsx.Sniff(data) {
		return nil, nil, fmt.Errorf("budget: %s: %w (not an .xlsx workbook)", name, ErrNotTagging)
	}
	raw, sheets, err := rawCells(data, name, "xlsx", 0, opt, map[string]bool{MarkerSheet: true})
	if err != nil {
		return nil, nil, err
	}
	marker, ok := raw[MarkerSheet]
	if !ok || len(marker) == 0 || len(marker[0]) == 0 || marker[0][0] != taggingMagic {
		return nil, nil, fmt.Errorf("budget: %s: %w (it has no hidden sheet %q)", name, ErrNotTagging, MarkerSheet)
	}
	return marker, sheets, nil
}

// checkColumns checks that the marker sheet maps fields to original
// columns of each sheet.
func (t *Tagging) checkColumns(name string) error {
	for i := range t.Sheets {
		s := &t.Sheets[i]
		for _, f := range budget.Fields() {
			if c, ok := s.Columns[f]; ok {
				if n := columnNumber(c); n < 1 || n > s.Width {
					return &budget.ParseError{File: name, Sheet: MarkerSheet, Err: fmt.Errorf("%w: sheet %q: column %q for %s is not one of its %d original columns", ErrTaggingFormat, s.Name, c, f, s.Width)}
				}
			}
		}
	}
	return nil
}

// checkTagHeaders checks that the tag columns are where the marker sheet
// says: a column added, removed or moved would make every tag land in the
// wrong place.
func (t *Tagging) checkTagHeaders(name string, raw map[string][][]string, sc *budget.Scheme) error {
	headers := TagColumns(sc.ID)
	for i := range t.Sheets {
		s := &t.Sheets[i]
		var header []string
		if s.HeaderRow <= len(raw[s.Name]) {
			header = raw[s.Name][s.HeaderRow-1]
		}
		for c := ColObjective1; c <= ColStatus; c++ {
			col, found := s.TagCol(c), ""
			if col <= len(header) {
				found = header[col-1]
			}
			if budget.Normalize(found) != budget.Normalize(headers[c]) && !t.headerAsWritten(c, found) {
				return &budget.ParseError{File: name, Sheet: s.Name, Row: s.HeaderRow, Col: col,
					Err: fmt.Errorf("%w: want the tag column %q here, found %q: were columns added, removed or moved?", ErrTaggingFormat, headers[c], found)}
			}
		}
	}
	return nil
}

// headerAsWritten reports whether found is the header of tag column c as
// Write wrote it in the workbook's language.
func (t *Tagging) headerAsWritten(c int, found string) bool {
	return c < len(t.headers) && t.headers[c] != "" && budget.Normalize(found) == budget.Normalize(t.headers[c])
}

// readSheets reads each tagging sheet as its source was read, with the
// objectives and markers of the tag columns, into one Budget, and keeps
// each sheet's original cells.
func (t *Tagging) readSheets(data []byte, name string, opt budget.Options, sc *budget.Scheme, raw map[string][][]string) (*budget.Budget, error) {
	b := &budget.Budget{Source: name, Format: "xlsx", Tolerance: opt.Tolerance}
	for i := range t.Sheets {
		s := &t.Sheets[i]
		sb, err := xlsx.Read(bytes.NewReader(data), name, s.readOptions(opt, sc))
		if sb == nil {
			return nil, err
		}
		b.Sheets = append(b.Sheets, sb.Sheets...)
		for _, l := range sb.Lines.All() {
			b.Lines.Append(l)
		}
		b.Ledger = append(b.Ledger, sb.Ledger...)
		b.Totals = append(b.Totals, sb.Totals...)
		b.AppendIssues(sb.Issues...)
		s.Cells = originalCells(raw[s.Name], s.Width)
	}
	return b, nil
}

// readOptions are the options that read s as its source was read, with
// the tag columns' objectives and marker (in scheme sc).
func (s *TagSheet) readOptions(opt budget.Options, sc *budget.Scheme) budget.Options {
	ropt := opt
	ropt.Sheet = s.Name
	ropt.HeaderRow = s.HeaderRow
	ropt.Scheme = sc.ID
	ropt.Scale, ropt.Currency, ropt.Year, ropt.Decimal = s.Scale, s.Currency, s.Year, s.Decimal
	ropt.Phase, ropt.PhaseSet = s.Phase, true
	ropt.Format = "xlsx"
	ropt.Columns = map[budget.Field]string{}
	for f, c := range s.Columns {
		ropt.Columns[f] = c
	}
	ropt.Columns[budget.FieldObjectives] = budget.ColumnName(s.TagCol(ColObjective1))
	ropt.Columns[budget.FieldGenderMarker] = budget.ColumnName(s.TagCol(ColMarker))
	return ropt
}

// originalCells returns the cells of the original columns (the first
// width) of a tagging sheet's rows, without trailing blanks.
func originalCells(cells [][]string, width int) [][]string {
	out := make([][]string, len(cells))
	for r, row := range cells {
		out[r] = slices.Clone(row[:min(len(row), width)])
		for len(out[r]) > 0 && strings.TrimSpace(out[r][len(out[r])-1]) == "" {
			out[r] = out[r][:len(out[r])-1]
		}
	}
	return out
}

// fileTags returns the tags of the budget file's own tag columns on a row
// of s (cell gives the row's cells), as read when the workbook was made.
// fileSchemes remembers the schemes looked up.
func fileTags(s *TagSheet, cell func(int) string, schemes *budget.Schemes, fileSchemes map[string]*budget.Scheme) Suggestion {
	var f Suggestion
	if s.FileObjectives > 0 {
		if o, err := budget.ParseObjectives(cell(s.FileObjectives)); err == nil && o != nil {
			f.Objectives = o
			f.ObjectiveSource = budget.NewProvenance(budget.FromColumn, headerText(s, s.FileObjectives))
		}
	}
	if s.FileMarker == 0 || s.FileScheme == "" {
		return f
	}
	fs, ok := fileSchemes[s.FileScheme]
	if !ok {
		fs, _ = schemes.Lookup(s.FileScheme)
		fileSchemes[s.FileScheme] = fs
	}
	if fs != nil {
		if l, err := fs.Parse(cell(s.FileMarker)); err == nil && l.Screened() {
			f.Marker = l
			f.MarkerSource = budget.NewProvenance(budget.FromColumn, headerText(s, s.FileMarker))
		}
	}
	return f
}

// headerText returns the header of column col of a tagging sheet.
func headerText(s *TagSheet, col int) string {
	if s.HeaderRow >= 1 && s.HeaderRow <= len(s.Cells) && col <= len(s.Cells[s.HeaderRow-1]) {
		if h := strings.TrimSpace(s.Cells[s.HeaderRow-1][col-1]); h != "" {
			return "column " + h
		}
	}
	return "column " + budget.ColumnName(col)
}

// parse fills the parsed fields of t from its cells. Cells that do not
// parse leave the field empty; Check reports them.
func (t *Tag) parse(sc *budget.Scheme) {
	t.Status, _ = ParseTagStatus(t.Cells[ColStatus])
	t.Rationale = t.Cells[ColRationale]
	t.TaggedBy = t.Cells[ColTaggedBy]
	t.Objectives, _ = slotObjectives(t.Cells)
	t.Marker = budget.Marker{}
	if raw := t.Cells[ColMarker]; raw != "" {
		if l, err := sc.Parse(raw); err == nil {
			t.Marker = budget.NewMarker(l, raw, sc.ID)
		}
	}
}

// slotObjectives combines the objective and share columns into objective
// shares, as ParseObjectives reads "7 (60%), 16 (40%)". It returns nil,
// nil when no slot is filled.
func slotObjectives(cells [NumTagColumns]string) ([]budget.ObjectiveShare, error) {
	var parts []string
	for i := 0; i < MaxObjectiveSlots; i++ {
		obj, share := strings.TrimSpace(cells[ColObjective1+2*i]), strings.TrimSpace(cells[ColShare1+2*i])
		switch {
		case obj == "" && share == "":
			continue
		case obj == "":
			return nil, fmt.Errorf("share %s has no objective", share)
		case share == "":
			parts = append(parts, obj)
		default:
			if _, err := strconv.ParseFloat(strings.TrimSuffix(share, "%"), 64); err != nil {
				return nil, fmt.Errorf("share %q is not a number", share)
			}
			parts = append(parts, fmt.Sprintf("%s (%s%%)", obj, strings.TrimSuffix(share, "%")))
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	o, err := budget.ParseObjectives(strings.Join(parts, ", "))
	if err != nil {
		return nil, err
	}
	return o, nil
}

// parseSuggestion reads grb's suggestion columns back.
func parseSuggestion(cells [NumTagColumns]string, sc *budget.Scheme) Suggestion {
	var s Suggestion
	if o, err := budget.ParseObjectives(cells[ColSuggestedObj]); err == nil && o != nil {
		s.Objectives = o
		s.ObjectiveSource = parseProvenance(cells[ColSuggestedObjBy])
		if c, ok := strings.CutPrefix(cells[ColSuggestedObjBy], conflictDetailPrefix); ok {
			s.ObjectiveConflict = c
		}
	} else if strings.HasPrefix(cells[ColSuggestedObjBy], conflictPrefix) {
		s.ObjectiveConflict = strings.TrimPrefix(cells[ColSuggestedObjBy], conflictPrefix)
	}
	if l, err := sc.Parse(cells[ColSuggestedMarker]); err == nil && l.Screened() {
		s.Marker = l
		s.MarkerSource = parseProvenance(cells[ColSuggestedMarkBy])
	} else if strings.HasPrefix(cells[ColSuggestedMarkBy], conflictPrefix) {
		s.MarkerConflict = strings.TrimPrefix(cells[ColSuggestedMarkBy], conflictPrefix)
	}
	if v, err := strconv.ParseFloat(cells[ColConfidence], 64); err == nil && s.Marker.Screened() {
		s.MarkerConfidence = v
		if r := markerWords(cells[ColReasons]); r != "" {
			s.MarkerReasons = strings.Split(r, ", ")
		}
	}
	s.ForReview = budget.Normalize(cells[ColReview]) == reviewFor
	if v, err := strconv.ParseFloat(strings.TrimSpace(cells[ColMigration]), 64); err == nil {
		s.Migration = &MigrationRelevance{Score: v}
		if _, w, ok := strings.Cut(cells[ColReasons], migrationWordsPrefix); ok && strings.TrimSpace(w) != "" {
			s.Migration.Words = strings.Split(strings.TrimSpace(w), ", ")
		}
	}
	return s
}

// markerWords returns the marker model's words of a Words cell: before
// the migration model's.
func markerWords(cell string) string {
	if i := strings.Index(cell, migrationWordsPrefix); i >= 0 {
		cell = strings.TrimSuffix(strings.TrimSpace(cell[:i]), ";")
	}
	return strings.TrimSpace(cell)
}

// conflictPrefix starts a "suggested by" cell that explains why nothing
// was suggested.
const conflictPrefix = "no suggestion: "

// conflictText writes a conflict note for a "suggested by" cell. A
// provenance is written as its Detail, which starts with "rule ",
// "carried from " or "column ".
func conflictText(note string) string { return conflictPrefix + note }

// parseProvenance reads a "suggested by" cell back.
func parseProvenance(s string) budget.Provenance {
	switch {
	case strings.HasPrefix(s, "rule "):
		return budget.NewProvenance(budget.FromRule, s)
	case strings.HasPrefix(s, "carried "):
		return budget.NewProvenance(budget.Carried, s)
	case strings.HasPrefix(s, "model:"):
		return budget.NewProvenance(budget.FromModel, s)
	case strings.HasPrefix(s, "column "):
		return budget.NewProvenance(budget.FromColumn, s)
	case s == "":
		return budget.Provenance{}
	}
	return budget.NewProvenance(budget.Manual, s)
}

// applyTag sets the tags of a row's lines from its tag columns.
func (t *Tagging) applyTag(row *TagRow, sc *budget.Scheme) {
	tag := row.Tag
	who := ""
	if tag.TaggedBy != "" {
		who = " by " + tag.TaggedBy
	}
	for _, li := range row.Lines {
		l := t.Budget.Lines.At(li)
		l.Objectives, l.ObjectiveSource = nil, budget.Provenance{}
		l.Gender, l.GenderSource = budget.Marker{}, budget.Provenance{}
		switch tag.Status {
		case StatusConfirmed:
			if tag.Objectives != nil {
				l.Objectives = slices.Clone(tag.Objectives)
				l.ObjectiveSource = confirmedSource(row.Suggested.ObjectiveSource, slices.Equal(tag.Objectives, row.Suggested.Objectives), who)
			}
			if tag.Marker.Level.Screened() {
				l.Gender = tag.Marker
				l.GenderSource = confirmedSource(row.Suggested.MarkerSource, tag.Marker.Level == row.Suggested.Marker, who)
			}
		case StatusNotScreened:
			if tag.Objectives != nil {
				l.Objectives = slices.Clone(tag.Objectives)
				l.ObjectiveSource = budget.NewProvenance(budget.Manual, "tagged"+who)
			}
		}
		t.Budget.Lines.Set(li, l)
	}
}

// confirmedSource is the provenance of a confirmed tag: that of the
// suggestion it equals, or Manual.
func confirmedSource(suggested budget.Provenance, same bool, who string) budget.Provenance {
	if same && suggested.Source() != budget.Untagged {
		return budget.NewProvenance(suggested.Source(), suggested.Detail()+"; confirmed"+who)
	}
	return budget.NewProvenance(budget.Manual, "tagged"+who)
}
