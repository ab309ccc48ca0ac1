package grid

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/currency"

	"github.com/grb-toolkit/grb/budget"
)

// headerSearchRows is how far down a sheet the header is looked for.
const headerSearchRows = 40

type amountCol struct {
	col       int // 0-based
	phase     budget.Phase
	header    string
	year      int    // wide layout: the column's fiscal year
	yearLabel string // wide layout: the header as written
}

type pendingTotal struct {
	rows     []int
	class    budget.RowClass
	label    string
	how      string
	key      lineKey
	keyed    bool
	from, to int    // positional scope: sheet line indices [from, to)
	idx      []int  // explicit scope: sheet line indices (programme totals)
	scope    string // explicit scope in words
	stated   []optMoney
	cells    [][]string // keyed totals: the rows' cells, in case they cover no line
	ledger   []int      // keyed totals: the rows' ledger entries
}

type optMoney struct {
	v  budget.Money
	ok bool
}

// lineKey is what a keyed subtotal shares with the lines it covers.
type lineKey struct{ year, unit, programme string }

func (k lineKey) String() string {
	var parts []string
	if k.year != "" {
		parts = append(parts, "year "+k.year)
	}
	if k.unit != "" {
		parts = append(parts, "unit "+k.unit)
	}
	if k.programme != "" {
		parts = append(parts, "programme "+k.programme)
	}
	return strings.Join(parts, ", ")
}

type rawRow struct {
	n     int
	cells []string
}

// sheetReader interprets the rows of one sheet.
type sheetReader struct {
	b     *budget.Budget
	opt   *budget.Options
	file  string
	sheet string
	at    budget.Position // the sheet, for pos
	rep   budget.SheetReport

	pre    []rawRow // rows buffered while looking for the header
	header []string
	joined []string
	cols   map[budget.Field]int
	money  map[int]bool // columns read as money
	amts   []amountCol
	gewe   int // column of the GEWE amount, or -1

	scale     budget.Scale
	currency  string
	year      int
	yearLabel string

	start      int // index in b.Lines of the sheet's first line
	ledger0    int // index in b.Ledger of the sheet's first record
	isTotal    []bool
	reclass    map[int]string // line rows found to be programme totals: the ledger reason
	totals     []pendingTotal
	sinceTotal int // sheet line index after the last total row
	sinceGrand int
	markerVals map[string]budget.Marker // the marker codes met, by text
	noAmount   bool                     // the sheet has no header or no amount column: every row is rejected
	counts     bool                     // the sheet has beneficiary columns
	rowBytes   int64                    // text bytes of the rows read so far, to size the line slice
	sized      bool

	vals      []optMoney          // per-row buffer of parsed amounts
	objMemo   map[string]objMemo  // ParseObjectives results by cell text
	codeMemo  map[string]codeText // splitCode results by cell text
	objSource budget.Provenance   // of the objectives read from the column
	lastCodes [3]struct {         // the last unit, programme and parent, interned
		t codeText
		c budget.Code
	}
}

// codeText is a code and name as split from a cell, before interning.
type codeText struct{ code, name string }

type objMemo struct {
	o   []budget.ObjectiveShare
	err error
}

func newSheetReader(b *budget.Budget, opt *budget.Options, file, sheet string, rep budget.SheetReport) *sheetReader {
	return &sheetReader{b: b, opt: opt, file: file, sheet: sheet, at: budget.At(file, sheet, 0, 0), rep: rep, gewe: -1, start: len(b.Lines), ledger0: len(b.Ledger), markerVals: map[string]budget.Marker{}}
}

func (s *sheetReader) pos(row, col int) budget.Position {
	p := s.at // the file and sheet, interned once
	p.Row, p.Col = row, col
	return p
}

// ledger records row n in the ledger and returns the index of its record.
// A row may join the record of the rows above it (see Budget.record), so
// only a total's or subtotal's record can be changed later through the
// index.
func (s *sheetReader) ledger(row int, c budget.RowClass, lines int, reason string) int {
	s.rep.Counts[c]++
	return s.b.Record(budget.RowRecord{Sheet: s.sheet, Row: row, Rows: 1, Class: c, Lines: lines, Reason: reason})
}

func (s *sheetReader) read(it Rows) error {
	for it.Next() {
		n, cells := it.Row()
		s.rep.Rows++
		if s.header != nil {
			s.row(n, cells)
			if !s.sized {
				s.presize(cells)
			}
			continue
		}
		s.pre = append(s.pre, rawRow{n, append([]string(nil), cells...)})
		if (s.opt.HeaderRow > 0 && n >= s.opt.HeaderRow) || (s.opt.HeaderRow == 0 && len(s.pre) >= headerSearchRows) {
			if err := s.findHeader(); err != nil {
				return err
			}
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	if s.header == nil {
		if err := s.findHeader(); err != nil {
			return err
		}
	}
	s.finish()
	s.b.Sheets = append(s.b.Sheets, s.rep)
	return nil
}

// presize grows the line and ledger slices once, from the file size and
// the bytes of the first rows, so that a large csv is not copied over and
// over as it grows (csv only: an xlsx file's size says little about its
// rows).
func (s *sheetReader) presize(cells []string) {
	for _, c := range cells {
		s.rowBytes += int64(len(c)) + 1
	}
	if s.rep.Rows < 1000 {
		return
	}
	s.sized = true
	if s.opt.SizeHint <= 0 || s.b.Format != "csv" || s.rowBytes == 0 {
		return
	}
	est := int(s.opt.SizeHint/(s.rowBytes/int64(s.rep.Rows))) * 21 / 20
	if s.opt.RowHint > 0 {
		est = s.opt.RowHint // counted: an upper bound, and close
	}
	if est > 1<<26 {
		est = 1 << 26
	}
	lines := est
	if s.rep.Wide {
		lines *= len(s.amts)
	}
	grow := func(have int, want int) int { return max(0, want-have) }
	s.b.Lines = slices.Grow(s.b.Lines, grow(len(s.b.Lines), lines))
	s.isTotal = slices.Grow(s.isTotal, grow(len(s.isTotal), lines))
}

// findHeader picks the header among the buffered rows, maps the columns and
// replays the rows below it. A sheet without a header has every row
// rejected, so nothing is lost silently.
func (s *sheetReader) findHeader() error {
	pre := s.pre
	s.pre = nil
	hi := -1
	if s.opt.HeaderRow > 0 {
		for i, r := range pre {
			if r.n == s.opt.HeaderRow {
				hi = i
			}
		}
	} else {
		best, bestMoney := 0, false
		for i, r := range pre {
			n, money := headerScore(r.cells)
			n += s.userHeaderHits(r.cells)
			if n >= 2 && (n > best || (n == best && money && !bestMoney)) {
				hi, best, bestMoney = i, n, money
			}
		}
	}
	if len(pre) == 0 {
		s.rep.Skipped = "empty sheet"
		s.header = []string{}
		return nil
	}
	if hi < 0 {
		s.header = []string{}
		s.noHeader(pre, "no header row found: no row in the first rows names at least two known columns (see `grb inspect`; name them with --column FIELD=HEADER or a mapping file)")
		return nil
	}
	s.header = pre[hi].cells
	s.rep.HeaderRow = pre[hi].n
	s.rep.HeaderRows = 1
	s.joined = append([]string(nil), s.header...)
	group := -1
	if hi > 0 && isGroupRow(pre[hi-1].cells, s.header) {
		group = hi - 1
		s.rep.HeaderRows = 2
		fill := ""
		g := pre[group].cells
		for c := range s.joined {
			if c < len(g) && strings.TrimSpace(g[c]) != "" {
				fill = strings.TrimSpace(g[c])
			}
			if fill != "" {
				s.joined[c] = fill + " / " + strings.TrimSpace(s.joined[c])
			}
		}
	}
	// Title rows: blank or title; they may state the scale, currency and year.
	var titles []string
	for i := 0; i < hi; i++ {
		r := pre[i]
		switch {
		case i == group:
			s.ledger(r.n, budget.RowHeader, 0, "group header joined to the header below")
			titles = append(titles, r.cells...)
		case blank(r.cells):
			s.ledger(r.n, budget.RowBlank, 0, "")
		default:
			s.ledger(r.n, budget.RowTitle, 0, "")
			titles = append(titles, r.cells...)
		}
	}
	s.ledger(pre[hi].n, budget.RowHeader, 0, "")
	if err := s.mapColumns(); err != nil {
		return err
	}
	s.sheetContext(titles)
	if len(s.amts) == 0 {
		msg := "no amount column: none of the headers reads as an amount, a budget phase (approved, executed, …) or a fiscal year; name one with --column approved=HEADER"
		s.b.AddIssue(budget.Error, "no-amount-column", s.pos(s.rep.HeaderRow, 0), strings.Join(nonEmpty(s.header), " | "), "an amount column", msg, budget.ErrNoAmountColumn)
		for _, r := range pre[hi+1:] {
			s.reject(r.n, r.cells, "sheet has no amount column")
		}
		s.rep.HeaderRow = 0
		s.header = []string{}
		s.noAmount = true
		return nil
	}
	for _, r := range pre[hi+1:] {
		s.row(r.n, r.cells)
	}
	return nil
}

func (s *sheetReader) noHeader(rows []rawRow, reason string) {
	s.b.AddIssue(budget.Error, "no-header", s.at, "", "a header row naming the columns", reason, budget.ErrNoHeader)
	s.noAmount = true
	for _, r := range rows {
		s.reject(r.n, r.cells, "sheet has no recognisable header")
	}
}

func (s *sheetReader) reject(n int, cells []string, reason string) {
	if blank(cells) {
		s.ledger(n, budget.RowBlank, 0, "")
		return
	}
	s.ledger(n, budget.RowRejected, 0, reason)
}

// userHeaderHits counts cells equal to a header the user named.
func (s *sheetReader) userHeaderHits(cells []string) int {
	n := 0
	for _, h := range s.opt.Columns {
		for _, c := range cells {
			if c != "" && budget.Normalize(c) == budget.Normalize(h) {
				n += 2
			}
		}
	}
	return n
}

// isGroupRow reports whether row, just above the header, holds group
// labels over it (such as "Amounts" above "Approved | Executed").
func isGroupRow(row, header []string) bool {
	n, h := len(nonEmpty(row)), len(nonEmpty(header))
	return n >= 2 && n < h
}

var letters = regexp.MustCompile(`^[A-Za-z]{1,3}$`)

// mapColumns recognises the columns, then applies the user's mapping.
func (s *sheetReader) mapColumns() error {
	s.cols = map[budget.Field]int{}
	var maps []budget.ColumnMapping
	assigned := map[int]bool{}
	for _, a := range mapColumns(s.header, s.joined) {
		s.cols[a.field] = a.col
	}
	// The user's mapping wins over recognition.
	for _, f := range budget.Fields() {
		h, ok := s.opt.Columns[f]
		if !ok {
			continue
		}
		col := s.findColumn(h)
		for col >= len(s.header) { // a column letter beyond the header's last cell
			s.header = append(s.header, "")
			s.joined = append(s.joined, "")
		}
		if col < 0 {
			return &budget.ParseError{File: s.file, Sheet: s.sheet, Row: s.rep.HeaderRow, Err: fmt.Errorf("column %q for %s not found in the header (it has: %s)", h, f, strings.Join(nonEmpty(s.header), " | "))}
		}
		for g, c := range s.cols {
			if c == col || g == f {
				delete(s.cols, g)
			}
		}
		s.cols[f] = col
		assigned[col] = true
	}
	// Money columns; a generic amount reads as the default phase unless
	// that phase has a column of its own.
	s.money = map[int]bool{}
	for _, p := range budget.Phases() {
		if c, ok := s.cols[budget.Field(p.String())]; ok {
			s.amts = append(s.amts, amountCol{col: c, phase: p, header: strings.TrimSpace(s.header[c])})
		}
	}
	if c, ok := s.cols[budget.FieldAmount]; ok {
		if _, taken := s.cols[budget.Field(s.opt.Phase.String())]; taken {
			s.b.AddIssue(budget.Warning, "column-unused", s.pos(s.rep.HeaderRow, c+1), s.header[c], "", fmt.Sprintf("amount column not used: phase %s already has a column of its own", s.opt.Phase), nil)
			delete(s.cols, budget.FieldAmount)
		} else {
			s.amts = append(s.amts, amountCol{col: c, phase: s.opt.Phase, header: strings.TrimSpace(s.header[c])})
		}
	}
	if len(s.amts) == 0 {
		for c, h := range s.header {
			if y, ok := ParseYearHeader(h); ok && !mapped(s.cols, c) {
				s.amts = append(s.amts, amountCol{col: c, phase: s.opt.Phase, header: h, year: y, yearLabel: strings.TrimSpace(h)})
				s.rep.Wide = true
			}
		}
	}
	sort.Slice(s.amts, func(i, j int) bool { return s.amts[i].col < s.amts[j].col })
	for _, a := range s.amts {
		s.money[a.col] = true
	}
	if c, ok := s.cols[budget.FieldGEWEAmount]; ok {
		s.gewe = c
		s.money[c] = true
	}
	for f, c := range s.cols {
		how := "recognised"
		if assigned[c] {
			how = "given"
			if from := s.opt.ColumnsFrom[f]; from != "" {
				how = from
			}
		}
		maps = append(maps, budget.ColumnMapping{Col: c + 1, Header: s.joined[c], Field: f, How: how})
	}
	for _, a := range s.amts {
		if a.yearLabel != "" {
			maps = append(maps, budget.ColumnMapping{Col: a.col + 1, Header: a.header, Field: budget.Field(a.phase.String()), How: "fiscal year", Year: a.year})
		}
	}
	sort.Slice(maps, func(i, j int) bool { return maps[i].Col < maps[j].Col })
	s.rep.Columns = maps
	for _, f := range []budget.Field{budget.FieldWomen, budget.FieldMen, budget.FieldGirls, budget.FieldBoys, budget.FieldOtherSex} {
		if _, ok := s.cols[f]; ok {
			s.counts = true
		}
	}
	return nil
}

func mapped(cols map[budget.Field]int, c int) bool {
	for _, v := range cols {
		if v == c {
			return true
		}
	}
	return false
}

// findColumn finds a column by letter ("K") or by header text.
func (s *sheetReader) findColumn(h string) int {
	want := budget.Normalize(h)
	for c := range s.header {
		if budget.Normalize(s.header[c]) == want || budget.Normalize(s.joined[c]) == want {
			return c
		}
	}
	if letters.MatchString(h) {
		col := 0
		for _, r := range strings.ToUpper(h) {
			col = col*26 + int(r-'A'+1)
		}
		return col - 1
	}
	for c := range s.header {
		if want != "" && budget.ContainsWords(budget.Normalize(s.joined[c]), want) {
			return c
		}
	}
	return -1
}

var fiscalYearText = regexp.MustCompile(`(?i)\b(?:fiscal year|financial year|budget year|budget|fy|ejercicio(?: fiscal)?|a[ñn]o fiscal|presupuesto(?: de egresos)?|exercice(?: budg[ée]taire)?)\s*:?\s*((?:19|20)\d\d)\b`)

var isoToken = regexp.MustCompile(`\b[A-Z]{3}\b`)

// sheetContext takes the scale, currency and fiscal year from the flags,
// else from the title rows and the header.
func (s *sheetReader) sheetContext(titles []string) {
	texts := append(append([]string(nil), titles...), s.header...)
	s.scale, s.rep.ScaleFrom = budget.Units, "default: the file states no scale"
	if s.opt.Scale != 0 {
		s.scale, s.rep.ScaleFrom = s.opt.Scale, cmp.Or(s.opt.ScaleFrom, "option")
	} else {
		for _, t := range texts {
			if sc, ok := budget.ScaleFromText(t); ok {
				s.scale, s.rep.ScaleFrom = sc, fmt.Sprintf("text %q", strings.TrimSpace(t))
				break
			}
		}
	}
	s.rep.Scale = s.scale
	s.currency = strings.ToUpper(s.opt.Currency)
	if s.currency == "" {
		for _, t := range texts {
			for _, tok := range isoToken.FindAllString(t, -1) {
				if _, err := currency.ParseISO(tok); err == nil {
					s.currency = tok
					break
				}
			}
			if s.currency != "" {
				break
			}
		}
	}
	s.rep.Currency = s.currency
	s.year = s.opt.Year
	if s.year == 0 {
		for _, t := range texts {
			if m := fiscalYearText.FindStringSubmatch(t); m != nil {
				s.year, _ = strconv.Atoi(m[1])
				s.yearLabel = m[1]
				break
			}
		}
		if s.year == 0 {
			if m := regexp.MustCompile(`(?i)^fy ?((?:19|20)\d\d)$`).FindStringSubmatch(strings.TrimSpace(s.sheet)); m != nil {
				s.year, _ = strconv.Atoi(m[1])
				s.yearLabel = m[1]
			}
		}
	} else {
		s.yearLabel = strconv.Itoa(s.year)
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func cell(cells []string, c int) string {
	if c < 0 || c >= len(cells) {
		return ""
	}
	return strings.TrimSpace(cells[c])
}

func (s *sheetReader) get(cells []string, f budget.Field) (string, int) {
	c, ok := s.cols[f]
	if !ok {
		return "", -1
	}
	return cell(cells, c), c
}

var (
	subtotalWords = []string{"subtotal", "sub total", "subtotales", "sous total", "total parcial", "total partiel"}
	grandWords    = []string{"grand total", "gran total", "total general", "total global", "total generale", "overall total", "total budget", "total"}
	totalWords    = []string{"total", "totales", "totaux", "totals"}
)

// totalLabel looks for a total or subtotal label in the row's text cells.
func (s *sheetReader) totalLabel(cells []string) (label string, col int, class budget.RowClass, ok bool) {
	for c, v := range cells {
		if s.money[c] {
			continue
		}
		if !mayBeTotal(v) {
			continue
		}
		h := budget.Normalize(v)
		if h == "" {
			continue
		}
		for _, w := range subtotalWords {
			if h == w || strings.HasPrefix(h, w+" ") {
				return strings.TrimSpace(v), c, budget.RowSubtotal, true
			}
		}
		for _, w := range grandWords {
			if h == w {
				return strings.TrimSpace(v), c, budget.RowTotal, true
			}
		}
		for _, w := range totalWords {
			if strings.HasPrefix(h, w+" ") {
				return strings.TrimSpace(v), c, budget.RowSubtotal, true
			}
		}
	}
	return "", -1, 0, false
}

// mayBeTotal is a cheap test that rules out most cells before the costly
// normalisation: every total label starts with one of these letters.
func mayBeTotal(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i] | 0x20 // ASCII lower case
		if c >= 'a' && c <= 'z' {
			if i+3 > len(v) {
				return false
			}
			w := [3]byte{c, v[i+1] | 0x20, v[i+2] | 0x20} // no allocation, unlike strings.ToLower
			switch string(w[:]) {
			case "sub", "tot", "sou", "gra", "ove":
				return true
			}
			return false
		}
		if v[i] >= 0x80 {
			return true // a non-ASCII first letter: let normalize decide
		}
	}
	return false
}

// row classifies one row below the header.
func (s *sheetReader) row(n int, cells []string) {
	if s.noAmount {
		s.reject(n, cells, "sheet has no amount column")
		return
	}
	if blank(cells) {
		s.ledger(n, budget.RowBlank, 0, "")
		return
	}
	if len(s.vals) != len(s.amts) {
		s.vals = make([]optMoney, len(s.amts))
	}
	vals := s.vals
	clear(vals)
	var bad []budget.Issue
	anyAmount := false
	for i, a := range s.amts {
		t := cell(cells, a.col)
		m, ok, err := budget.ParseAmount(t, s.scale, s.opt.Decimal)
		if err != nil {
			reason := strings.TrimPrefix(budget.IssueText(err), "amount "+strconv.Quote(t)+": ")
			bad = append(bad, budget.Issue{Code: "amount-invalid", Severity: budget.Error, Pos: s.pos(n, a.col+1), Found: t, Expected: "an amount such as 1234.56, 1,234.56, 1.234,56 or (1 234), or a blank/N/A for none", Message: fmt.Sprintf("%s: %s", a.header, reason), Err: err})
			continue
		}
		vals[i] = optMoney{m, ok}
		anyAmount = anyAmount || ok
	}
	if label, lc, class, ok := s.totalLabel(cells); ok {
		if len(bad) > 0 {
			s.b.Issues = append(s.b.Issues, bad...)
			s.ledger(n, budget.RowRejected, 0, "total row with an invalid amount")
			return
		}
		s.addTotal(n, cells, label, lc, class, vals)
		return
	}
	text := 0
	for c, v := range cells {
		if !s.money[c] && strings.TrimSpace(v) != "" {
			text++
		}
	}
	if text == 0 {
		if len(bad) > 0 {
			s.b.Issues = append(s.b.Issues, bad...)
			s.ledger(n, budget.RowRejected, 0, "invalid amount on a row without any label")
			return
		}
		s.arithmeticTotal(n, vals)
		return
	}
	if !anyAmount && len(bad) == 0 && text == 1 && len(nonEmpty(cells)) == 1 {
		s.ledger(n, budget.RowNote, 0, "")
		return
	}
	if len(bad) > 0 {
		s.b.Issues = append(s.b.Issues, bad...)
		s.ledger(n, budget.RowRejected, 0, "invalid amount: "+bad[0].Pos.String())
		return
	}
	s.addLinesAt(n, cells, vals, -1)
}

var codeName = regexp.MustCompile(`^([0-9][0-9A-Za-z.\-/]*)\s*[-–—:]?\s+(\S.*)$`)

// splitCode is the package's splitCode, remembered per text.
func (s *sheetReader) splitCode(v string) codeText {
	if c, ok := s.codeMemo[v]; ok {
		return c
	}
	var c codeText
	c.code, c.name = splitCode(v)
	if s.codeMemo == nil {
		s.codeMemo = map[string]codeText{}
	}
	if len(s.codeMemo) < 100000 {
		s.codeMemo[v] = c
	}
	return c
}

// code returns the Code of t, interned once for the lines that follow with
// the same texts (most lines repeat the unit and programme of the line
// above).
func (s *sheetReader) code(t codeText, k int) budget.Code {
	if m := &s.lastCodes[k]; m.t != t || m.c.IsZero() {
		m.t, m.c = t, budget.NewCode(t.code, t.name)
	}
	return s.lastCodes[k].c
}

// splitCode splits "0702010 Management of Cabinet Affairs" into its code
// and name.
func splitCode(s string) (code, name string) {
	if m := codeName.FindStringSubmatch(s); m != nil {
		return m[1], strings.TrimSpace(m[2])
	}
	if codeOnly.MatchString(s) {
		return s, ""
	}
	return "", s
}

var codeOnly = regexp.MustCompile(`^[0-9][0-9A-Za-z.\-/]*$`)

func (s *sheetReader) lineYear(cells []string, n int) (int, string) {
	t, c := s.get(cells, budget.FieldYear)
	if c < 0 || t == "" {
		return s.year, s.yearLabel
	}
	if y, ok := ParseYearCell(t); ok {
		return y, t
	}
	s.b.AddIssue(budget.Warning, "year-invalid", s.pos(n, c+1), t, "a fiscal year such as 2024, 2024-25 or FY2024", "fiscal year not understood; the line has no year", nil)
	return 0, t
}

func (s *sheetReader) codes(cells []string) (unit, prog, parent budget.Code) {
	var u, p, pa codeText
	u.code, _ = s.get(cells, budget.FieldUnitCode)
	u.name, _ = s.get(cells, budget.FieldUnitName)
	if v, c := s.get(cells, budget.FieldUnit); c >= 0 && v != "" {
		t := s.splitCode(v)
		if u.code == "" {
			u.code = t.code
		}
		if u.name == "" {
			u.name = t.name
		}
	}
	p.code, _ = s.get(cells, budget.FieldProgrammeCode)
	p.name, _ = s.get(cells, budget.FieldProgrammeName)
	if _, c := s.get(cells, budget.FieldProgrammeCode); c < 0 && p.name != "" {
		p = s.splitCode(p.name)
	}
	if v, c := s.get(cells, budget.FieldParent); c >= 0 && v != "" {
		pa.code, pa.name = splitCode(v)
	}
	return s.code(u, 0), s.code(p, 1), s.code(pa, 2)
}

// addLinesAt makes the line items of a row; led is the row's ledger entry
// when it has one already (a promoted total), else -1.
func (s *sheetReader) addLinesAt(n int, cells []string, vals []optMoney, led int) {
	anyAmount := false
	for _, v := range vals {
		anyAmount = anyAmount || v.ok
	}
	var l budget.Line
	l.Pos = s.pos(n, 0)
	l.ID, _ = s.get(cells, budget.FieldID)
	l.Year, l.YearLabel = s.lineYear(cells, n)
	l.Unit, l.Programme, l.Parent = s.codes(cells)
	l.Description, _ = s.get(cells, budget.FieldDescription)
	l.Currency = s.currency
	if v, c := s.get(cells, budget.FieldCurrency); c >= 0 && v != "" {
		u := strings.ToUpper(v)
		if _, err := currency.ParseISO(u); err != nil {
			s.b.AddIssue(budget.Warning, "currency-invalid", s.pos(n, c+1), v, "an ISO 4217 code such as USD, EUR or MXN", "currency code not recognised", nil)
		}
		l.Currency = u
	}
	if s.gewe >= 0 {
		t := cell(cells, s.gewe)
		if m, ok, err := budget.ParseAmount(t, s.scale, s.opt.Decimal); err != nil {
			s.b.AddIssue(budget.Error, "amount-invalid", s.pos(n, s.gewe+1), t, "an amount", "GEWE amount: "+budget.IssueText(err), err)
		} else if ok {
			l.GEWE = new(budget.Amounts)
			l.GEWE.Set(s.opt.Phase, m)
		}
	}
	if v, c := s.get(cells, budget.FieldObjectives); c >= 0 && v != "" {
		m, ok := s.objMemo[v]
		if !ok {
			m.o, m.err = budget.ParseObjectives(v)
			if s.objMemo == nil {
				s.objMemo = map[string]objMemo{}
			}
			if len(s.objMemo) < 10000 {
				s.objMemo[v] = m
			}
		}
		o, err := m.o, m.err
		if err != nil {
			s.b.AddIssue(budget.Error, "objective-invalid", s.pos(n, c+1), v, "GCM objectives 1–23, such as 7, \"3; 7\" or \"7 (60%), 16 (40%)\"", budget.IssueText(err), err)
		} else {
			l.Objectives = o
			if s.objSource == (budget.Provenance{}) {
				s.objSource = budget.NewProvenance(budget.FromColumn, s.header[c]) // interned once per sheet
			}
			l.ObjectiveSource = s.objSource
		}
	}
	if v, c := s.get(cells, budget.FieldGenderMarker); c >= 0 && v != "" {
		m, ok := s.markerVals[v]
		if !ok {
			m = budget.NewMarker(budget.NotScreened, v, "") // the level and scheme come once the sheet is read
			s.markerVals[v] = m
		}
		l.Gender = m
	}
	hr, _ := s.get(cells, budget.FieldHumanRights)
	cs, _ := s.get(cells, budget.FieldChildSensitivity)
	if hr != "" || cs != "" {
		l.Other = &budget.OtherMarkers{HumanRights: hr, ChildSensitivity: cs}
	}
	if s.counts {
		ben := budget.Beneficiaries{
			Women: s.count(cells, n, budget.FieldWomen), Men: s.count(cells, n, budget.FieldMen),
			Girls: s.count(cells, n, budget.FieldGirls), Boys: s.count(cells, n, budget.FieldBoys),
			Other: s.count(cells, n, budget.FieldOtherSex),
		}
		if ben.Any() {
			l.Beneficiaries = &ben
		}
	}
	if !anyAmount {
		s.b.AddIssue(budget.Warning, "line-no-amount", s.pos(n, 0), "", "an amount in at least one phase", "line has no amount in any column (blank, N/A or similar): it counts as absent, not zero", nil)
	}
	made := 0
	if !s.rep.Wide {
		for i, a := range s.amts {
			if vals[i].ok {
				l.Amounts.Set(a.phase, vals[i].v)
			}
		}
		s.appendLine(l)
		made = 1
	} else {
		for i, a := range s.amts {
			if !vals[i].ok {
				continue
			}
			w := l
			w.Year, w.YearLabel = a.year, a.yearLabel
			w.Amounts.Set(a.phase, vals[i].v)
			s.appendLine(w)
			made++
		}
		if made == 0 {
			s.appendLine(l)
			made = 1
		}
	}
	if led < 0 {
		s.ledger(n, budget.RowLine, made, "")
		return
	}
	r := &s.b.Ledger[led]
	r.Class, r.Lines = budget.RowLine, made
	s.rep.Counts[budget.RowLine]++
}

func (s *sheetReader) appendLine(l budget.Line) {
	s.b.Lines = append(s.b.Lines, l)
	s.isTotal = append(s.isTotal, false)
}

func (s *sheetReader) count(cells []string, n int, f budget.Field) budget.Count {
	v, c := s.get(cells, f)
	if c < 0 || v == "" {
		return budget.Count{}
	}
	m, ok, err := budget.ParseAmount(v, budget.Units, s.opt.Decimal)
	if err != nil || (ok && (m < 0 || m%100 != 0)) {
		s.b.AddIssue(budget.Warning, "count-invalid", s.pos(n, c+1), v, "a whole number of people", "beneficiary count not understood; left blank", nil)
		return budget.Count{}
	}
	if !ok {
		return budget.Count{}
	}
	return budget.Count{N: int64(m / 100), OK: true}
}

// addTotal records a labelled total or subtotal row.
func (s *sheetReader) addTotal(n int, cells []string, label string, lc int, class budget.RowClass, vals []optMoney) {
	sheetLines := len(s.b.Lines) - s.start
	t := pendingTotal{rows: []int{n}, class: class, label: label, how: "label", stated: append([]optMoney(nil), vals...)}
	if class == budget.RowSubtotal {
		// Classification cells on the row (other than the label's) say
		// which lines the subtotal covers.
		var k lineKey
		if c, ok := s.cols[budget.FieldYear]; ok && c != lc {
			k.year = cell(cells, c)
		}
		unit, prog, _ := s.codes(cells)
		if c, ok := s.cols[budget.FieldUnitCode]; ok && c != lc {
			k.unit = unit.Code()
		}
		if k.unit == "" {
			if c, ok := s.cols[budget.FieldUnitName]; ok && c != lc {
				k.unit = unit.Name()
			}
		}
		if c, ok := s.cols[budget.FieldProgrammeCode]; ok && c != lc {
			k.programme = prog.Code()
		}
		if k.programme == "" {
			if c, ok := s.cols[budget.FieldProgrammeName]; ok && c != lc {
				k.programme = prog.Label()
			}
		}
		if k != (lineKey{}) {
			t.key, t.keyed = k, true
			for i := range s.totals {
				if p := &s.totals[i]; p.keyed && p.key == k {
					p.rows = append(p.rows, n)
					for j := range p.stated {
						if vals[j].ok {
							p.stated[j].v += vals[j].v
							p.stated[j].ok = true
						}
					}
					p.cells = append(p.cells, append([]string(nil), cells...))
					p.ledger = append(p.ledger, s.ledger(n, class, 0, "total of "+k.String()))
					return
				}
			}
			t.cells = [][]string{append([]string(nil), cells...)}
			t.from, t.to = s.sinceTotal, sheetLines
			s.totals = append(s.totals, t)
			t := &s.totals[len(s.totals)-1]
			t.ledger = []int{s.ledger(n, class, 0, "total of "+k.String())}
			return
		}
		t.from, t.to = s.sinceTotal, sheetLines
	} else {
		t.from, t.to = s.sinceGrand, sheetLines
		s.sinceGrand = sheetLines
	}
	s.sinceTotal = sheetLines
	s.totals = append(s.totals, t)
	s.ledger(n, class, 0, "label "+strconv.Quote(label))
}

// arithmeticTotal handles a row with amounts and no text at all: it is a
// subtotal if it equals the sum of the lines since the last total, and is
// rejected otherwise.
func (s *sheetReader) arithmeticTotal(n int, vals []optMoney) {
	sheetLines := len(s.b.Lines) - s.start
	from := s.sinceTotal
	any := false
	for i, a := range s.amts {
		if !vals[i].ok {
			continue
		}
		any = true
		sum, _, err := s.sumLines(from, sheetLines, a, nil)
		if err != nil || sum != vals[i].v || sheetLines == from {
			s.ledger(n, budget.RowRejected, 0, fmt.Sprintf("amounts without any label or classification, and %s %s is not the sum of the %d lines above it (%s)", a.header, vals[i].v, sheetLines-from, sum))
			s.b.AddIssue(budget.Error, "row-unlabelled", s.pos(n, a.col+1), vals[i].v.String(), "a line with a description or classification, or a subtotal equal to the lines above", "row has amounts but no label, and is not a subtotal of the lines above it", nil)
			return
		}
	}
	if !any {
		s.ledger(n, budget.RowBlank, 0, "")
		return
	}
	s.totals = append(s.totals, pendingTotal{rows: []int{n}, class: budget.RowSubtotal, how: "arithmetic", from: from, to: sheetLines, stated: append([]optMoney(nil), vals...)})
	s.sinceTotal = sheetLines
	s.ledger(n, budget.RowSubtotal, 0, "unlabelled row equal to the sum of the lines above it")
}

// sumLines sums column a over the sheet lines [from, to), or over idx when
// given, skipping lines that turned out to be programme totals.
func (s *sheetReader) sumLines(from, to int, a amountCol, idx []int) (budget.Money, int, error) {
	var sum budget.Sum
	n := 0
	add := func(i int) {
		if s.isTotal[i] {
			return
		}
		l := &s.b.Lines[s.start+i]
		if a.yearLabel != "" && l.YearLabel != a.yearLabel {
			return
		}
		n++
		if v, ok := l.Amounts.Get(a.phase); ok {
			sum.Add(v)
		}
	}
	if idx != nil {
		for _, i := range idx {
			add(i)
		}
	} else {
		for i := from; i < to; i++ {
			add(i)
		}
	}
	v, err := sum.Value()
	return v, n, err
}

// finish resolves the marker scheme, finds programme totals by their codes,
// checks every total, and drops total lines from the line items.
func (s *sheetReader) finish() {
	if s.rep.Skipped != "" || s.noAmount {
		return
	}
	if !s.rep.Wide {
		s.programmeTotals()
	}
	var checks []pendingTotal
	for _, t := range s.totals {
		if t.keyed && len(s.keyedScope(t.key)) == 0 {
			s.promote(t)
			continue
		}
		checks = append(checks, t)
	}
	s.resolveMarkers()
	for _, t := range checks {
		s.check(t)
	}
	// Drop programme totals from the line items.
	if len(s.isTotal) > 0 {
		keep := s.b.Lines[:s.start]
		for i, l := range s.b.Lines[s.start:] {
			if !s.isTotal[i] {
				keep = append(keep, l)
			}
		}
		s.b.Lines = keep
		sheetLines := s.b.Lines[s.start:]
		byRow := func(a, b budget.Line) int { return cmp.Compare(a.Pos.Row, b.Pos.Row) }
		if !slices.IsSortedFunc(sheetLines, byRow) {
			slices.SortStableFunc(sheetLines, byRow)
		}
	}
	s.reclassify()
}

// reclassify turns the ledger rows of the lines found to be programme
// totals into subtotal rows, splitting the runs of line rows that hold
// them. It runs last, as it moves records: an index returned by ledger is
// no longer valid after it.
func (s *sheetReader) reclassify() {
	if len(s.reclass) == 0 {
		return
	}
	all := slices.Sorted(maps.Keys(s.reclass))
	seg := s.b.Ledger[s.ledger0:]
	out := make([]budget.RowRecord, 0, len(seg)+2*len(all))
	for _, r := range seg {
		i, _ := slices.BinarySearch(all, r.Row)
		j, _ := slices.BinarySearch(all, r.Last()+1)
		rows := all[i:j]
		if len(rows) == 0 {
			out = append(out, r)
			continue
		}
		next := r.Row
		for _, n := range rows {
			if n > next {
				run := r
				run.Row, run.Rows = next, n-next
				out = append(out, run)
			}
			out = append(out, budget.RowRecord{Sheet: r.Sheet, Row: n, Rows: 1, Class: budget.RowSubtotal, Reason: s.reclass[n]})
			next = n + 1
		}
		if next <= r.Last() {
			run := r
			run.Row, run.Rows = next, r.Last()-next+1
			out = append(out, run)
		}
	}
	s.b.Ledger = append(s.b.Ledger[:s.ledger0], out...)
}

func (s *sheetReader) check(t pendingTotal) {
	var idx []int
	scope := ""
	switch {
	case t.keyed:
		idx = s.keyedScope(t.key)
		scope = "lines of " + t.key.String()
	case t.idx != nil:
		idx = t.idx
		scope = t.scope
	case t.class == budget.RowTotal:
		scope = "all lines of the sheet above it"
		if t.from > 0 {
			scope = "lines since the previous total"
		}
	default:
		scope = "lines since the previous total or subtotal"
	}
	c := budget.TotalCheck{Pos: s.pos(t.rows[0], 0), Rows: t.rows, Class: t.class, Label: t.label, How: t.how, Scope: scope}
	for i, a := range s.amts {
		if !t.stated[i].ok {
			continue
		}
		sum, n, err := s.sumLines(t.from, t.to, a, idx)
		if err != nil {
			s.b.AddIssue(budget.Error, "total-overflow", c.Pos, "", "", "sum of lines overflows", err)
			continue
		}
		c.Covered = n
		c.Amounts = append(c.Amounts, budget.TotalAmount{Column: a.header, Phase: a.phase, Stated: t.stated[i].v, Computed: sum})
	}
	if len(c.Amounts) == 0 && idx != nil {
		c.Covered = len(idx)
	}
	s.b.Totals = append(s.b.Totals, c)
	if !c.OK(s.b.Tolerance) {
		for _, a := range c.Amounts {
			if d := a.Diff(); d < -s.b.Tolerance || d > s.b.Tolerance {
				s.b.AddIssue(budget.Warning, "total-mismatch", c.Pos, a.Stated.String(), fmt.Sprintf("%s, the sum of the %d lines it covers (%s); difference %s", a.Computed, c.Covered, scope, d), fmt.Sprintf("%s total %q does not equal its lines", a.Column, c.Label), nil)
			}
		}
	}
}

// keyedScope returns the sheet lines that share the key of a subtotal.
func (s *sheetReader) keyedScope(k lineKey) []int {
	idx := []int{}
	for i := 0; i < len(s.isTotal); i++ {
		l := &s.b.Lines[s.start+i]
		if s.isTotal[i] || !l.Pos.SameSheet(s.at) {
			continue
		}
		if k.year != "" && l.YearLabel != k.year {
			continue
		}
		if k.unit != "" && l.Unit.Code() != k.unit && l.Unit.Name() != k.unit {
			continue
		}
		if k.programme != "" && l.Programme.Code() != k.programme && l.Programme.Label() != k.programme {
			continue
		}
		idx = append(idx, i)
	}
	return idx
}

// promote turns total rows that cover no line into line items: a
// programme reported only by its total is the finest figure the file has,
// and dropping it would lose money.
func (s *sheetReader) promote(t pendingTotal) {
	for i, cells := range t.cells {
		led := t.ledger[i]
		s.rep.Counts[budget.RowSubtotal]--
		n := t.rows[i]
		vals := make([]optMoney, len(s.amts))
		for j, a := range s.amts {
			m, ok, err := budget.ParseAmount(cell(cells, a.col), s.scale, s.opt.Decimal)
			if err == nil {
				vals[j] = optMoney{m, ok}
			}
		}
		s.addLinesAt(n, cells, vals, led)
		r := &s.b.Ledger[led]
		r.Reason = "total row of " + t.key.String() + " with no item rows below it: read as a line"
	}
}

// resolveMarkers chooses the marker scheme of the sheet and reads each
// line's marker under it.
func (s *sheetReader) resolveMarkers() {
	c, ok := s.cols[budget.FieldGenderMarker]
	if !ok {
		return
	}
	header := strings.TrimSpace(s.header[c])
	var scheme *budget.Scheme
	if s.opt.Scheme != "" {
		scheme, _ = s.opt.Schemes.Lookup(s.opt.Scheme)
		s.rep.Scheme, s.rep.SchemeNote = scheme.ID, "option"
	} else if len(s.markerVals) > 0 {
		vals := make([]string, 0, len(s.markerVals))
		for v := range s.markerVals {
			vals = append(vals, v)
		}
		sort.Strings(vals)
		inf := s.opt.Schemes.Infer(header, vals)
		if inf.Scheme == "" {
			// A header that names its scheme is believed even when some
			// values are not codes of it; those values are errors below.
			if h := s.opt.Schemes.Infer(header, nil); h.ByHeader {
				sc, _ := s.opt.Schemes.Lookup(h.Scheme)
				var bad []string
				for _, v := range vals {
					if _, err := sc.Parse(v); err != nil {
						bad = append(bad, strconv.Quote(v))
					}
				}
				h.Reason = fmt.Sprintf("scheme %q chosen from the header %q; values %s are not codes of it and are reported below", h.Scheme, header, strings.Join(bad, ", "))
				inf = h
			}
		}
		if inf.Scheme == "" {
			s.b.AddIssue(budget.Error, "scheme-unknown", s.pos(s.rep.HeaderRow, c+1), strings.Join(vals, ", "), "codes of one marker scheme (see `grb schemes`), or --scheme", inf.Reason, budget.ErrUnknownScheme)
		} else {
			scheme, _ = s.opt.Schemes.Lookup(inf.Scheme)
			s.rep.Scheme, s.rep.SchemeNote = scheme.ID, inf.Reason
			s.b.AddIssue(budget.Warning, "scheme-assumed", s.pos(s.rep.HeaderRow, c+1), "", "--scheme or a mapping file naming the scheme", inf.Reason, nil)
		}
	}
	if scheme == nil {
		return
	}
	// Each code is read once; the lines take the result.
	type parsed struct {
		m   budget.Marker
		err error
	}
	read := make(map[budget.Marker]parsed, len(s.markerVals))
	for v, m := range s.markerVals {
		lv, err := scheme.Parse(v)
		read[m] = parsed{budget.NewMarker(lv, v, scheme.ID), err}
	}
	src := budget.NewProvenance(budget.FromColumn, s.header[c])
	sheetLines := len(s.b.Lines) - s.start
	for i := 0; i < sheetLines; i++ {
		l := &s.b.Lines[s.start+i]
		p, ok := read[l.Gender]
		if !ok {
			continue // no code on the line
		}
		if p.err != nil {
			s.b.AddIssue(budget.Error, "marker-invalid", s.pos(l.Pos.Row, c+1), l.Gender.Raw(), "a code of scheme "+scheme.ID, budget.IssueText(p.err), p.err)
			continue
		}
		l.Gender, l.GenderSource = p.m, src
	}
}

// programmeTotals finds lines whose programme code is the parent of other
// lines' codes in the same year and unit (Kenya's 0702000 above 0702010,
// 0702020): such a line is a programme total, not a line item.
func (s *sheetReader) programmeTotals() {
	sheetLines := len(s.b.Lines) - s.start
	type group struct{ year, unit string }
	codes := map[group]map[string][]int{}
	for i := 0; i < sheetLines; i++ {
		l := &s.b.Lines[s.start+i]
		c := l.Programme.Code()
		if len(c) < 4 || !allDigits(c) {
			continue
		}
		g := group{l.YearLabel, l.Unit.Label()}
		if codes[g] == nil {
			codes[g] = map[string][]int{}
		}
		codes[g][c] = append(codes[g][c], i)
	}
	type parent struct {
		g      group
		code   string
		prefix string
	}
	// The level width is read from the data: each code that has children
	// when all its trailing zeros are dropped votes for that many zeros,
	// and the most common count wins (Kenya: 0702000 over 0702010, three
	// zeros). A code with at least that many zeros is the parent of the
	// codes that share the rest: 0210000 is the parent of 0210xxx, not of
	// 0211xxx, and 0711000 of 0711100.
	votes := map[int]int{}
	for _, m := range codes {
		for c := range m {
			if z := trailingZeros(c); z > 0 && z < len(c) && hasChild(m, c, c[:len(c)-z]) {
				votes[z]++
			}
		}
	}
	width, best := 0, 0
	for z, n := range votes {
		if n > best || (n == best && z < width) {
			width, best = z, n
		}
	}
	var parents []parent
	for g, m := range codes {
		for c := range m {
			if width == 0 || trailingZeros(c) < width || width >= len(c) {
				continue
			}
			if p := c[:len(c)-width]; hasChild(m, c, p) {
				parents = append(parents, parent{g, c, p})
			}
		}
	}
	// Deepest first, so an outer total covers leaf lines only.
	sort.Slice(parents, func(i, j int) bool {
		a, b := parents[i], parents[j]
		if len(a.prefix) != len(b.prefix) {
			return len(a.prefix) > len(b.prefix)
		}
		if a.g != b.g {
			return a.g.year+"\x00"+a.g.unit < b.g.year+"\x00"+b.g.unit
		}
		return a.code < b.code
	})
	var found []pendingTotal
	for _, p := range parents {
		var kids []int
		for c, idx := range codes[p.g] {
			if c == p.code || len(c) != len(p.code) || !strings.HasPrefix(c, p.prefix) {
				continue
			}
			for _, i := range idx {
				if !s.isTotal[i] {
					kids = append(kids, i)
				}
			}
		}
		if len(kids) == 0 {
			continue
		}
		sort.Ints(kids)
		for _, pi := range codes[p.g][p.code] {
			s.isTotal[pi] = true
		}
		pi := codes[p.g][p.code][0]
		pl := &s.b.Lines[s.start+pi]
		parent := pl.Programme // a copy: the line itself is dropped later
		for _, k := range kids {
			if kl := &s.b.Lines[s.start+k]; kl.Parent.IsZero() {
				kl.Parent = parent
			}
		}
		t := pendingTotal{class: budget.RowSubtotal, label: pl.Programme.Label(), how: "programme code", idx: kids,
			scope: fmt.Sprintf("sub-programmes %s* of %s, %s", p.prefix, p.g.unit, p.g.year)}
		for _, i := range codes[p.g][p.code] {
			l := &s.b.Lines[s.start+i]
			t.rows = append(t.rows, l.Pos.Row)
			if _, done := s.reclass[l.Pos.Row]; !done {
				if s.reclass == nil {
					s.reclass = map[int]string{}
				}
				s.reclass[l.Pos.Row] = "programme total: code " + p.code + " is the parent of the sub-programmes below"
				s.rep.Counts[budget.RowLine]--
				s.rep.Counts[budget.RowSubtotal]++
			}
		}
		t.stated = make([]optMoney, len(s.amts))
		for j, a := range s.amts {
			for _, i := range codes[p.g][p.code] {
				if v, ok := s.b.Lines[s.start+i].Amounts.Get(a.phase); ok {
					t.stated[j].v += v
					t.stated[j].ok = true
				}
			}
		}
		found = append(found, t)
	}
	sort.Slice(found, func(i, j int) bool { return found[i].rows[0] < found[j].rows[0] })
	s.totals = append(s.totals, found...)
}

// hasChild reports whether codes has a code other than parent, of the
// same length, that starts with prefix.
func hasChild[V any](codes map[string]V, parent, prefix string) bool {
	for c := range codes {
		if c != parent && len(c) == len(parent) && strings.HasPrefix(c, prefix) {
			return true
		}
	}
	return false
}

func trailingZeros(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '0' {
		n++
	}
	return n
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
