package tagging

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/grid"
)

// taggingMagic is the text of cell A1 of the marker sheet.
const taggingMagic = "grb tagging workbook"

// taggingVersion is the format version of the marker sheet.
const taggingVersion = "1"

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
	listed := map[string][]int{} // the rows listing each sheet
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
			if listed[strings.ToLower(s.Name)] = append(listed[strings.ToLower(s.Name)], n); len(listed[strings.ToLower(s.Name)]) > 1 {
				continue
			}
			t.Sheets = append(t.Sheets, s)
		case key == "source":
			t.Source = cell(r, 1)
		case key == "scheme":
			t.Scheme = cell(r, 1)
		case key == "lang":
			t.Lang = cell(r, 1)
		case key == "tag headers":
			t.headers = make([]string, len(r)-1)
			for j := range t.headers {
				t.headers[j] = cell(r, j+1)
			}
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
	for _, s := range t.Sheets {
		// Read once, its lines would be counted once per listing.
		if rs := listed[strings.ToLower(s.Name)]; len(rs) > 1 {
			return nil, bad(rs[1], "sheet %q is listed %d times (rows %s); list each tagging sheet once", s.Name, len(rs), joinInts(rs))
		}
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
// per tagging sheet. madeBy names the command that wrote the workbook;
// a workbook in another language than English records it (lang) and the
// tag headers as written (headers), which Read accepts.
func (t *Tagging) markerSheetRows(madeBy, lang string, headers []string) [][]string {
	rows := [][]string{
		{taggingMagic, taggingVersion},
		{"source", t.Source},
		{"scheme", t.Scheme},
		{"made by", madeBy},
	}
	if lang != "" {
		rows = append(rows, []string{"lang", lang}, append([]string{"tag headers"}, headers...))
	}
	rows = append(rows, nil, recipeHeader())
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

// joinInts writes ns as "7, 8, 9".
func joinInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}
