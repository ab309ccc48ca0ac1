package tagging

import (
	"os"

	"github.com/grb-toolkit/grb/budget/csv"
	"github.com/grb-toolkit/grb/budget/xlsx"

	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/grid"
)

// MarkerSheet is the name of the hidden sheet that marks a tagging
// workbook.
const MarkerSheet = "grb"

// taggingMagic is the text of cell A1 of the marker sheet.
const taggingMagic = "grb tagging workbook"

// taggingVersion is the format version of the marker sheet.
const taggingVersion = "1"

// Sentinels of [Read]: a file that is not a tagging workbook, and
// a tagging workbook whose hidden "grb" sheet cannot be read.
var (
	ErrNotTagging    = errors.New("not a grb tagging workbook")
	ErrTaggingFormat = errors.New("tagging workbook: unreadable grb sheet")
)

// MaxObjectiveSlots is the number of objective columns (each with a share
// column) of a tagging sheet.
const MaxObjectiveSlots = 3

// The tag columns of a tagging sheet, in order, after the original
// columns. The marker column's header names the scheme: see
// [markerColumnHeader].
const (
	ColObjective1 = iota // GCM objective 1
	ColShare1
	ColObjective2
	ColShare2
	ColObjective3
	ColShare3
	ColMarker          // gender marker, in the workbook's scheme
	ColRationale       // why the marker and objectives were chosen
	ColTaggedBy        // who tagged the line
	ColStatus          // suggested, confirmed or not screened
	ColSuggestedObj    // grb's suggested objectives
	ColSuggestedObjBy  // where that suggestion came from
	ColSuggestedMarker // grb's suggested marker
	ColSuggestedMarkBy // where that suggestion came from
	NumTagColumns
)

// TagColumns returns the headers of the tag columns for a workbook whose
// marker scheme is scheme.
func TagColumns(scheme string) []string {
	return []string{
		"GCM objective 1", "Share 1 (%)",
		"GCM objective 2", "Share 2 (%)",
		"GCM objective 3", "Share 3 (%)",
		markerColumnHeader(scheme),
		"Rationale", "Tagged by", "Status",
		"Suggested objectives", "Objectives suggested by",
		"Suggested marker", "Marker suggested by",
	}
}

// markerColumnHeader is the header of the gender-marker tag column.
func markerColumnHeader(scheme string) string { return "Gender marker (" + scheme + ")" }

// TagStatus is the review state of a row of a tagging workbook.
type TagStatus uint8

// The review states.
const (
	StatusNone        TagStatus = iota // blank: nobody has tagged the row
	StatusSuggested                    // the tags are a suggestion nobody has reviewed yet
	StatusConfirmed                    // a person confirmed the tags
	StatusNotScreened                  // a person decided not to screen the line
)

var statusNames = []string{"", "suggested", "confirmed", "not screened"}

// tagStatuses returns the statuses a person can choose, as written in the
// workbook's Status dropdown.
func tagStatuses() []string { return slices.Clone(statusNames[1:]) }

func (s TagStatus) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("TagStatus(%d)", uint8(s))
}

// ParseTagStatus reads a Status cell: blank, "suggested", "confirmed" or
// "not screened" (case, spaces, hyphens and underscores do not matter).
func ParseTagStatus(s string) (TagStatus, error) {
	k := budget.Normalize(s)
	for i, n := range statusNames {
		if k == n {
			return TagStatus(i), nil
		}
	}
	return 0, fmt.Errorf("budget: status %q: want %s", strings.TrimSpace(s), strings.Join(statusNames[1:], ", "))
}

// Tag is what the tag columns of one row hold, as typed and as parsed.
type Tag struct {
	Status     TagStatus
	Objectives []budget.ObjectiveShare // nil: no objective given (or the cells do not parse)
	Marker     budget.Marker           // in the workbook's scheme; NotScreened when blank or invalid
	Rationale  string
	TaggedBy   string

	// Cells are the tag columns' texts as written, indexed by the Col*
	// constants.
	Cells [NumTagColumns]string
}

// Empty reports whether no objective, share or marker is written.
func (t Tag) Empty() bool {
	for c := ColObjective1; c <= ColMarker; c++ {
		if strings.TrimSpace(t.Cells[c]) != "" {
			return false
		}
	}
	return true
}

// Suggestion is grb's proposal for a row: carried forward from an earlier
// tagged budget, read from the budget file's own tag columns, or made by
// rules. Each part has its provenance; a part with a Conflict note was
// left empty on purpose.
type Suggestion struct {
	Objectives      []budget.ObjectiveShare
	ObjectiveSource budget.Provenance
	Marker          budget.Level
	MarkerSource    budget.Provenance
	// Conflicts say why a part was left empty: rules that disagree, or
	// earlier lines that disagree.
	ObjectiveConflict, MarkerConflict string
}

// Empty reports whether the suggestion proposes nothing.
func (s Suggestion) Empty() bool { return s.Objectives == nil && s.Marker == budget.NotScreened }

// TagRow is a row of a tagging sheet that holds line items (several, in a
// layout with one amount column per fiscal year).
type TagRow struct {
	Sheet string // sheet of the tagging workbook
	Row   int    // 1-based, the same row as in the source sheet
	Lines []int  // indexes in the Tagging's Budget.Lines

	Tag       Tag        // the tag columns
	FromFile  Suggestion // tags in the budget file's own columns, if any
	Suggested Suggestion // grb's suggestion
}

// TagSheet is one sheet of a tagging workbook: a copy of a source sheet,
// and how to read it back.
type TagSheet struct {
	Name   string     // in the tagging workbook
	Source string     // in the source file ("" for a csv file)
	Cells  [][]string // original cells by row: Cells[0] is row 1; trailing empty cells dropped
	Width  int        // original columns; the tag columns start at column Width+1

	HeaderRow  int                     // 1-based
	HeaderRows int                     // 2 when a group header row above was joined in
	Columns    map[budget.Field]string // field → column letter, as the source was read (objectives and gender marker excepted)
	Scale      budget.Scale            // given when the source was read; 0: from the title or the default
	Currency   string                  // given when the source was read
	Year       int                     // given when the source was read
	Decimal    budget.DecimalMark
	Phase      budget.Phase // of a generic amount column

	// The source's own objectives and gender-marker columns (1-based; 0
	// when it has none), and that marker column's scheme.
	FileObjectives, FileMarker int
	FileScheme                 string
}

// TagCol returns the 1-based column of tag column c (a Col* constant).
func (s *TagSheet) TagCol(c int) int { return s.Width + 1 + c }

// Tagging is a budget being tagged: its lines, the sheets they were read
// from and, for each row that holds lines, the tags and suggestions.
type Tagging struct {
	Budget *budget.Budget
	Source string // the budget file the workbook was made from
	Scheme string // the gender-marker scheme of the tag columns
	Sheets []TagSheet
	Rows   []TagRow
}

// DefaultScheme is the marker scheme of a tagging workbook unless the
// institution chooses another.
const DefaultScheme = "oecd_dac"

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
		l := &b.Lines[t.Rows[i].Lines[0]]
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

// tagScheme looks up the tag scheme, DefaultScheme when id is "".
func tagScheme(s *budget.Schemes, id string) (*budget.Scheme, error) {
	if s == nil {
		s = budget.DefaultSchemes()
	}
	if id == "" {
		id = DefaultScheme
	}
	sc, ok := s.Lookup(id)
	if !ok {
		return nil, fmt.Errorf("budget: %w %q", budget.ErrUnknownScheme, id)
	}
	return sc, nil
}

// rowsOf groups the lines of b by the row they were read from, in order;
// sheetName maps a line's sheet to the tagging sheet's name.
func rowsOf(b *budget.Budget, sheetName func(string) string) []TagRow {
	var rows []TagRow
	index := map[[2]string]int{}
	for i, l := range b.Lines {
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

func (t *Tagging) sheetNamed(name string) *TagSheet {
	for i := range t.Sheets {
		if t.Sheets[i].Name == name {
			return &t.Sheets[i]
		}
	}
	return nil
}

// Reviewed returns t's budget with the lines of the rows a person
// reviewed only (confirmed or not screened): the lines whose tags can be
// trusted, to carry forward or to evaluate suggestions against.
func (t *Tagging) Reviewed() *budget.Budget {
	b := *t.Budget
	b.Lines = nil
	for _, r := range t.Rows {
		if r.Tag.Status == StatusConfirmed || r.Tag.Status == StatusNotScreened {
			for _, i := range r.Lines {
				b.Lines = append(b.Lines, t.Budget.Lines[i])
			}
		}
	}
	return &b
}

// Sheet returns the tagging sheet of row r.
func (t *Tagging) Sheet(r *TagRow) *TagSheet { return t.sheetNamed(r.Sheet) }

// uniqueSheetName returns name, or name with a number, so that it is not
// in used (compared case-insensitively, as Excel does) and fits Excel's
// 31-character limit; it records the result in used.
func uniqueSheetName(name string, used map[string]bool) string {
	if name == "" {
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
	cut := func(s string, n int) string {
		r := []rune(s)
		if len(r) > n {
			r = r[:n]
		}
		return string(r)
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
			return nil, nil, err
		}
		src = s
	case "csv":
		s, err := csv.Open(bytes.NewReader(data), name, delim, maxBytes)
		if err != nil {
			return nil, nil, err
		}
		src = s
	default:
		return nil, nil, &budget.ParseError{File: name, Err: budget.ErrUnknownFormat}
	}
	defer src.Close()
	out, err := grid.Cells(src, want)
	if err != nil {
		return nil, nil, err
	}
	return out, src.Sheets(), nil
}

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
	raw, _, err := rawCells(data, name, "xlsx", 0, opt, want)
	if err != nil {
		return nil, err
	}
	for i := range t.Sheets {
		s := &t.Sheets[i]
		for _, f := range budget.Fields() {
			if c, ok := s.Columns[f]; ok {
				if n := columnNumber(c); n < 1 || n > s.Width {
					return nil, &budget.ParseError{File: name, Sheet: MarkerSheet, Err: fmt.Errorf("%w: sheet %q: column %q for %s is not one of its %d original columns", ErrTaggingFormat, s.Name, c, f, s.Width)}
				}
			}
		}
	}
	// The tag columns must be where the marker sheet says: a column added,
	// removed or moved would make every tag land in the wrong place.
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
			if budget.Normalize(found) != budget.Normalize(headers[c]) {
				return nil, &budget.ParseError{File: name, Sheet: s.Name, Row: s.HeaderRow, Col: col,
					Err: fmt.Errorf("%w: want the tag column %q here, found %q: were columns added, removed or moved?", ErrTaggingFormat, headers[c], found)}
			}
		}
	}
	b := &budget.Budget{Source: name, Format: "xlsx", Tolerance: opt.Tolerance}
	for i := range t.Sheets {
		s := &t.Sheets[i]
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
		sb, err := xlsx.Read(bytes.NewReader(data), name, ropt)
		if sb == nil {
			return nil, err
		}
		b.Sheets = append(b.Sheets, sb.Sheets...)
		b.Lines = append(b.Lines, sb.Lines...)
		b.Ledger = append(b.Ledger, sb.Ledger...)
		b.Totals = append(b.Totals, sb.Totals...)
		b.Issues = append(b.Issues, sb.Issues...)
		cells := raw[s.Name]
		s.Cells = make([][]string, len(cells))
		for r, row := range cells {
			s.Cells[r] = slices.Clone(row[:min(len(row), s.Width)])
			for len(s.Cells[r]) > 0 && strings.TrimSpace(s.Cells[r][len(s.Cells[r])-1]) == "" {
				s.Cells[r] = s.Cells[r][:len(s.Cells[r])-1]
			}
		}
	}
	t.Budget = b
	t.Rows = rowsOf(b, func(s string) string { return s })
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
		row.Tag.parse(sc)
		row.Suggested = parseSuggestion(row.Tag.Cells, sc)
		// The budget file's own tag columns, as read when the workbook
		// was made.
		if s.FileObjectives > 0 {
			if o, err := budget.ParseObjectives(cell(s.FileObjectives)); err == nil && o != nil {
				row.FromFile.Objectives = o
				row.FromFile.ObjectiveSource = budget.NewProvenance(budget.FromColumn, headerText(s, s.FileObjectives))
			}
		}
		if s.FileMarker > 0 && s.FileScheme != "" {
			fs, ok := fileSchemes[s.FileScheme]
			if !ok {
				fs, _ = opt.Schemes.Lookup(s.FileScheme)
				fileSchemes[s.FileScheme] = fs
			}
			if fs != nil {
				if l, err := fs.Parse(cell(s.FileMarker)); err == nil && l.Screened() {
					row.FromFile.Marker = l
					row.FromFile.MarkerSource = budget.NewProvenance(budget.FromColumn, headerText(s, s.FileMarker))
				}
			}
		}
		t.applyTag(row, sc)
	}
	return t, nil
}

// ReadFile reads the tagging workbook name, as Read does.
func ReadFile(name string, opt budget.Options) (*Tagging, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return Read(bytes.NewReader(data), name, opt)
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
	} else if strings.HasPrefix(cells[ColSuggestedObjBy], conflictPrefix) {
		s.ObjectiveConflict = strings.TrimPrefix(cells[ColSuggestedObjBy], conflictPrefix)
	}
	if l, err := sc.Parse(cells[ColSuggestedMarker]); err == nil && l.Screened() {
		s.Marker = l
		s.MarkerSource = parseProvenance(cells[ColSuggestedMarkBy])
	} else if strings.HasPrefix(cells[ColSuggestedMarkBy], conflictPrefix) {
		s.MarkerConflict = strings.TrimPrefix(cells[ColSuggestedMarkBy], conflictPrefix)
	}
	return s
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
		l := &t.Budget.Lines[li]
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

// parseMarkerSheet reads the recipe of a tagging workbook.
func parseMarkerSheet(rows [][]string, name string, sheets []grid.SheetInfo) (*Tagging, error) {
	bad := func(row int, format string, args ...any) error {
		return &budget.ParseError{File: name, Sheet: MarkerSheet, Row: row, Err: fmt.Errorf("%w: "+format, append([]any{ErrTaggingFormat}, args...)...)}
	}
	cell := func(r []string, i int) string {
		if i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	if v := cell(rows[0], 1); v != taggingVersion {
		return nil, bad(1, "format version %q, want %s (made by a newer grb?)", v, taggingVersion)
	}
	t := &Tagging{}
	exists := map[string]bool{}
	for _, s := range sheets {
		exists[s.Name] = true
	}
	var cols []string
	for i, r := range rows[1:] {
		n := i + 2
		switch key := cell(r, 0); {
		case cols != nil && key != "":
			s, err := parseRecipe(cols, r)
			if err != nil {
				return nil, bad(n, "%v", err)
			}
			if !exists[s.Name] {
				return nil, bad(n, "sheet %q is not in the workbook", s.Name)
			}
			t.Sheets = append(t.Sheets, s)
		case key == "source":
			t.Source = cell(r, 1)
		case key == "scheme":
			t.Scheme = cell(r, 1)
		case key == "sheet":
			cols = make([]string, len(r))
			for j := range r {
				cols[j] = cell(r, j)
			}
		}
	}
	if len(t.Sheets) == 0 {
		return nil, bad(0, "no tagging sheets listed")
	}
	return t, nil
}

// recipeColumns are the columns of the sheet table of the marker sheet.
var recipeColumns = []string{"sheet", "source sheet", "header row", "header rows", "width", "columns", "scale", "currency", "year", "decimal", "amount phase", "file objectives", "file marker", "file scheme"}

// recipeHeader returns the header of the marker sheet's table of tagging
// sheets; TagSheet.recipe gives its rows.
func recipeHeader() []string { return slices.Clone(recipeColumns) }

// recipe returns the row of the marker sheet that records how to read s.
func (s *TagSheet) recipe() []string {
	var cols []string
	for _, f := range budget.Fields() {
		if c, ok := s.Columns[f]; ok {
			cols = append(cols, string(f)+"="+c)
		}
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	scale := ""
	if s.Scale != 0 {
		scale = s.Scale.String()
	}
	fileCol := func(c int) string {
		if c == 0 {
			return ""
		}
		return budget.ColumnName(c)
	}
	return []string{s.Name, s.Source, num(s.HeaderRow), num(s.HeaderRows), num(s.Width), strings.Join(cols, "; "),
		scale, s.Currency, num(s.Year), s.Decimal.String(), s.Phase.String(), fileCol(s.FileObjectives), fileCol(s.FileMarker), s.FileScheme}
}

// markerSheetRows returns the rows of the hidden marker sheet of t: the
// magic text and format version, the source file, the scheme and one row
// per tagging sheet. madeBy names the command that wrote the workbook.
func (t *Tagging) markerSheetRows(madeBy string) [][]string {
	rows := [][]string{
		{taggingMagic, taggingVersion},
		{"source", t.Source},
		{"scheme", t.Scheme},
		{"made by", madeBy},
		nil,
		recipeHeader(),
	}
	for i := range t.Sheets {
		rows = append(rows, t.Sheets[i].recipe())
	}
	return rows
}

func parseRecipe(cols, r []string) (TagSheet, error) {
	v := map[string]string{}
	for i, c := range cols {
		if i < len(r) {
			v[c] = strings.TrimSpace(r[i])
		}
	}
	s := TagSheet{Name: v["sheet"], Source: v["source sheet"], Columns: map[budget.Field]string{}, FileScheme: v["file scheme"]}
	num := func(key string) (int, error) {
		if v[key] == "" {
			return 0, nil
		}
		n, err := strconv.Atoi(v[key])
		if err != nil || n < 0 {
			return 0, fmt.Errorf("%s %q: want a whole number", key, v[key])
		}
		return n, nil
	}
	var err error
	if s.HeaderRow, err = num("header row"); err != nil {
		return s, err
	}
	if s.HeaderRows, err = num("header rows"); err != nil {
		return s, err
	}
	if s.Width, err = num("width"); err != nil {
		return s, err
	}
	if s.Year, err = num("year"); err != nil {
		return s, err
	}
	if s.Name == "" || s.HeaderRow == 0 {
		return s, errors.New("no sheet name or header row")
	}
	for _, kv := range strings.Split(v["columns"], ";") {
		k, c, ok := strings.Cut(strings.TrimSpace(kv), "=")
		if !ok {
			continue
		}
		f, err := budget.ParseField(k)
		if err != nil {
			return s, errors.New(budget.IssueText(err))
		}
		s.Columns[f] = strings.TrimSpace(c)
	}
	if v["scale"] != "" {
		if s.Scale, err = budget.ParseScaleName(v["scale"]); err != nil {
			return s, errors.New(budget.IssueText(err))
		}
	}
	s.Currency = v["currency"]
	if s.Decimal, err = budget.ParseDecimalMark(v["decimal"]); err != nil {
		return s, errors.New(budget.IssueText(err))
	}
	if s.Phase, err = budget.ParsePhase(v["amount phase"]); err != nil {
		return s, errors.New(budget.IssueText(err))
	}
	s.FileObjectives, s.FileMarker = max(columnNumber(v["file objectives"]), 0), max(columnNumber(v["file marker"]), 0)
	return s, nil
}

// columnNumber reads column letters ("K", "AB") as a 1-based column: 0
// for "", -1 for anything but up to three letters.
func columnNumber(letters string) int {
	letters = strings.ToUpper(strings.TrimSpace(letters))
	if len(letters) > 3 {
		return -1
	}
	c := 0
	for _, r := range letters {
		if r < 'A' || r > 'Z' {
			return -1
		}
		c = c*26 + int(r-'A'+1)
	}
	return c
}
