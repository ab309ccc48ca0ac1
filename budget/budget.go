package budget

import (
	"fmt"
	"slices"
	"strings"
)

// RowClass is what an input row turned out to be.
type RowClass uint8

// The row classes of the ledger.
const (
	RowLine     RowClass = iota // a line item (or, in a wide layout, several)
	RowSubtotal                 // a subtotal or programme total, checked against the lines it covers
	RowTotal                    // a grand total, checked against all lines of the sheet
	RowHeader                   // the column header (one or two rows)
	RowTitle                    // title block above the header
	RowNote                     // text below or inside the table that is not a line (a footnote)
	RowBlank                    // an empty row
	RowRejected                 // a row that could not be used, with its reason
	numRowClasses
)

var rowClassNames = [numRowClasses]string{"line", "subtotal", "total", "header", "title", "note", "blank", "rejected"}

// RowClasses lists the classes in ledger order.
func RowClasses() []RowClass {
	out := make([]RowClass, numRowClasses)
	for i := range out {
		out[i] = RowClass(i)
	}
	return out
}

func (c RowClass) String() string {
	if c < numRowClasses {
		return rowClassNames[c]
	}
	return fmt.Sprintf("RowClass(%d)", uint8(c))
}

// MarshalText implements encoding.TextMarshaler.
func (c RowClass) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// RowRecord is the ledger entry of a run of input rows: Rows consecutive
// rows from Row, of one class, each giving Lines line items, for one
// reason. Rows that nothing tells apart share a record, so a sheet of a
// million plain lines is one record; every total or subtotal row has a
// record of its own.
type RowRecord struct {
	Sheet  string   `json:"sheet,omitempty"`
	Row    int      `json:"row"`  // the first row, 1-based
	Rows   int      `json:"rows"` // how many rows, at least 1
	Class  RowClass `json:"class"`
	Lines  int      `json:"lines,omitempty"`  // line items made from each row
	Reason string   `json:"reason,omitempty"` // why a row was rejected, or how a total was recognised
}

// Last returns the last row of the record.
func (r RowRecord) Last() int { return r.Row + max(r.Rows, 1) - 1 }

// Record adds r to the ledger and returns the index of its record. r
// joins the last record when both are of the same sheet, class, lines per
// row and reason, and r's rows follow on; totals and subtotals never join,
// so their records can be changed later through the index. Readers call
// it for every input row.
func (b *Budget) Record(r RowRecord) int {
	r.Rows = max(r.Rows, 1)
	if n := len(b.Ledger); n > 0 && r.Class != RowSubtotal && r.Class != RowTotal {
		last := &b.Ledger[n-1]
		if last.Class == r.Class && last.Sheet == r.Sheet && last.Lines == r.Lines && last.Reason == r.Reason && last.Last()+1 == r.Row {
			last.Rows += r.Rows
			return n - 1
		}
	}
	b.Ledger = append(b.Ledger, r)
	return len(b.Ledger) - 1
}

// TotalCheck compares a total stated in the file with the sum of the lines
// it covers.
type TotalCheck struct {
	Pos     Position // the (first) total row
	Rows    []int    // every total row taken together in this check
	Class   RowClass // RowSubtotal or RowTotal
	Label   string   // the label found on the row
	How     string   // how it was recognised: "label", "programme code", "arithmetic"
	Scope   string   // which lines it covers, in words
	Covered int      // number of lines covered
	Amounts []TotalAmount
	// Tolerance is the rounding this check allows beyond the budget's
	// tolerance: a total of a flattened hierarchy repeats the rounded sum
	// of its rows, each figure off by up to half a unit of its last digit.
	Tolerance Money `json:",omitempty"`
}

// TotalAmount is one compared column of a total.
type TotalAmount struct {
	Column   string `json:"column"` // header of the amount column
	Phase    Phase  `json:"phase"`
	Stated   Money  `json:"stated"`
	Computed Money  `json:"computed"`
}

// Diff returns computed minus stated. A difference outside Money's range
// (two amounts near ±1.7e20 of opposite signs) is returned as computed.
func (a TotalAmount) Diff() Money {
	d, ok := a.Computed.Sub(a.Stated)
	if !ok {
		return a.Computed
	}
	return d
}

// OK reports whether every compared amount matches within tol.
func (c TotalCheck) OK(tol Money) bool {
	if c.Tolerance.Cmp(tol) > 0 {
		tol = c.Tolerance
	}
	for _, a := range c.Amounts {
		if !a.Within(tol) {
			return false
		}
	}
	return true
}

// Within reports whether computed and stated differ by at most tol.
func (a TotalAmount) Within(tol Money) bool {
	d, ok := a.Computed.Sub(a.Stated)
	if !ok {
		return false
	}
	if d.Sign() < 0 {
		if d, ok = d.Neg(); !ok {
			return false
		}
	}
	return d.Cmp(tol) <= 0
}

// SheetReport says how one sheet was read.
type SheetReport struct {
	Name      string
	Hidden    bool
	Skipped   string // why the sheet was not read; empty when it was
	HeaderRow int    // 1-based; 0 when no header was found
	// HeaderRows is 2 when a group header row above was joined in.
	HeaderRows int
	Columns    []ColumnMapping
	Scale      Scale
	ScaleFrom  string // where the scale came from: "option", the text that states it, or the default
	Currency   string
	Scheme     string // gender-marker scheme used for the marker column
	SchemeNote string // how the scheme was chosen
	Wide       bool   // fiscal years are columns, unpivoted into lines
	Counts     [numRowClasses]int
	Rows       int // rows read
	// Title is the text of the sheet's first title row above the header
	// ("Republic of Examplia — Migration-related budget lines, fiscal
	// year 2025"); empty when the sheet has none.
	Title string
}

// Count returns the number of rows of class c.
func (s SheetReport) Count(c RowClass) int { return s.Counts[c] }

// ColumnMapping is a column and the field it was read as.
type ColumnMapping struct {
	Col    int    // 1-based
	Header string // as written (group header joined in)
	Field  Field
	How    string // "recognised", "given" (by --column or a mapping file), "datapackage.json", "fiscal year"
	Year   int    // for fiscal-year columns of a wide layout
}

// Budget is what was read from one file.
type Budget struct {
	Source string
	Format string     // "xlsx", "csv" or "iati"
	CSV    *CSVFormat // for csv files
	// BudgetItems are, for an IATI file, the country-budget-items codes
	// of each activity that has some, by the activity's identifier (its
	// lines' programme code), each code once: the government budget
	// lines the activity is part of. Nil when no activity has any.
	BudgetItems map[string][]string
	// Package is the Fiscal Data Package the csv file was read from, with
	// what its model said; nil for a plain file.
	Package *Package
	Sheets  []SheetReport
	Lines   Lines
	Ledger  []RowRecord
	Totals  []TotalCheck
	Issues  []Issue
	// Decisions are the decisions made on evidence while reading, in the
	// order they were made.
	Decisions []Decision
	// Tolerance is the largest difference between a stated total and the
	// sum of its lines that counts as a match.
	Tolerance Money

	tally issueTally // issues added, by kind (see AppendIssues)
}

// Errors reports the number of issues of severity Error, counting those
// not listed one by one (Issue.More).
func (b *Budget) Errors() int {
	n := 0
	for _, i := range b.Issues {
		if i.Severity == Error {
			n += i.Count()
		}
	}
	return n
}

// Warnings reports the number of issues that are not errors, counting
// those not listed one by one (Issue.More).
func (b *Budget) Warnings() int {
	n := 0
	for _, i := range b.Issues {
		if i.Severity != Error {
			n += i.Count()
		}
	}
	return n
}

// Mismatches returns the total checks that do not match.
func (b *Budget) Mismatches() []TotalCheck {
	var out []TotalCheck
	for _, c := range b.Totals {
		if !c.OK(b.Tolerance) {
			out = append(out, c)
		}
	}
	return out
}

// AddIssue appends an issue to b.Issues: its severity, stable code,
// position, what was found and expected, the message, and the sentinel
// error it wraps (or nil). Readers call it for every problem they find;
// past MaxIssuesPerCode issues of one code and severity they are counted,
// not listed (see AppendIssues).
func (b *Budget) AddIssue(sev Severity, code string, pos Position, found, expected, msg string, err error) {
	b.AppendIssues(Issue{Code: code, Severity: sev, Pos: pos, Found: found, Expected: expected, Message: msg, Err: err})
}

// IssueText returns the text of err for an issue's message: without the
// "budget: " prefix of the package's own errors.
func IssueText(err error) string {
	return strings.TrimPrefix(err.Error(), "budget: ")
}

// CSVFormat describes how a csv file was decoded (reported by `grb inspect`).
type CSVFormat struct {
	// Encoding is one of "utf-8", "utf-8 (BOM)", "utf-16le (BOM)",
	// "utf-16be (BOM)" and "windows-1252".
	Encoding string
	// Delimiter is the field separator: ',', ';' or '\t' when sniffed, or
	// the delimiter the caller asked for.
	Delimiter rune
}

// Package is what grb takes from a Fiscal Data Package descriptor: the csv
// file to read and how to read it. Package fdp reads it; Budget.Package
// keeps it to say where the columns, currency and scale came from.
type Package struct {
	Descriptor string // the datapackage.json
	Title      string
	Resource   string // name of the resource read
	Data       string // its csv file

	Columns  map[Field]string // field → column header, from the model
	Phase    Phase            // phase of measures that are fiscal years or have no phase
	PhaseSet bool
	Currency string
	Scale    Scale  // the measures' factor; 0 when not given
	Year     int    // from a constant date dimension; 0 when not given
	Scheme   string // gender-marker scheme of a "gender-marker" classification; "" when not given
	// Lines says every data row is a line item (a package grb exported,
	// "grb": {"rows": "lines"}): no row is read as a total or subtotal.
	Lines     bool
	Delimiter rune // from the resource's csv dialect; 0 when not given
	// Decimal is the decimal mark the resource's schema declares for its
	// number fields (Table Schema's decimalChar, "." when a number field
	// does not say); AutoDecimal when it declares none or several.
	Decimal DecimalMark

	// Notes say how the model was applied: each measure and dimension
	// read, and what was left out and why.
	Notes []string
}

// Mark is where the records of a budget end at some point of its reading
// (see Own).
type Mark struct{ sheets, ledger, totals, issues, decisions int }

// Mark returns where b's records end now.
func (b *Budget) Mark() Mark {
	return Mark{len(b.Sheets), len(b.Ledger), len(b.Totals), len(b.Issues), len(b.Decisions)}
}

// Own makes the texts of the records added to b since m (sheet reports,
// ledger rows, totals, issues and decisions) copies of their own: texts a
// reader took from its source as they were (a cell's text is a part of
// an .xlsx workbook's shared-string table, most of the memory of reading
// one) would otherwise hold the source's text alive as long as b.
// Lines copy their texts as they are set.
func (b *Budget) Own(m Mark) {
	own := map[string]string{}
	cp := func(s *string) {
		if *s == "" {
			return
		}
		c, ok := own[*s]
		if !ok {
			c = strings.Clone(*s)
			own[c] = c
		}
		*s = c
	}
	for i := range b.Sheets[min(m.sheets, len(b.Sheets)):] {
		r := &b.Sheets[m.sheets+i]
		for _, s := range []*string{&r.Name, &r.Skipped, &r.ScaleFrom, &r.Currency, &r.Scheme, &r.SchemeNote, &r.Title} {
			cp(s)
		}
		r.Columns = slices.Clone(r.Columns)
		for j := range r.Columns {
			cp(&r.Columns[j].Header)
			cp(&r.Columns[j].How)
		}
	}
	for i := range b.Ledger[min(m.ledger, len(b.Ledger)):] {
		r := &b.Ledger[m.ledger+i]
		cp(&r.Sheet)
		cp(&r.Reason)
	}
	for i := range b.Totals[min(m.totals, len(b.Totals)):] {
		t := &b.Totals[m.totals+i]
		cp(&t.Label)
		cp(&t.How)
		cp(&t.Scope)
	}
	for i := range b.Issues[min(m.issues, len(b.Issues)):] {
		is := &b.Issues[m.issues+i]
		for _, s := range []*string{&is.Code, &is.Found, &is.Expected, &is.Message, &is.Currency} {
			cp(s)
		}
	}
	for i := range b.Decisions[min(m.decisions, len(b.Decisions)):] {
		d := &b.Decisions[m.decisions+i]
		for _, s := range []*string{&d.Sheet, &d.Column, &d.Topic, &d.Choice, &d.Evidence, &d.Override} {
			cp(s)
		}
	}
}
