package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// InspectOptions controls WriteInspection.
type InspectOptions struct {
	Ledger bool // list the whole ledger (runs of like rows as one record), not only the rows that are not lines
}

// inspectFile writes the file read: its name and format, the Fiscal Data
// Package it came with, the encoding and delimiter of a csv file.
func inspectFile(ew *errWriter, b *budget.Budget) {
	ew.printf("file: %s (%s)\n", b.Source, b.Format)
	if p := b.Package; p != nil {
		ew.printf("Fiscal Data Package: %s", p.Descriptor)
		if p.Title != "" {
			ew.printf(" (%s)", p.Title)
		}
		ew.printf(", resource %q\n", p.Resource)
		for _, n := range p.Notes {
			ew.printf("  model: %s\n", n)
		}
	}
	if b.CSV != nil {
		ew.printf("encoding: %s, delimiter %s\n", b.CSV.Encoding, delimName(b.CSV.Delimiter))
	}
}

// inspectSheet writes what was read from sheet s: why it was skipped,
// or its header, scale, currency, marker scheme, layout, column mapping
// and rows by class.
func inspectSheet(ew *errWriter, b *budget.Budget, s budget.SheetReport) {
	ew.printf("\n%s\n", sheetTitle(s))
	if s.Skipped != "" {
		ew.printf("  skipped: %s\n", s.Skipped)
		return
	}
	if b.Format == "iati" {
		ew.printf("  IATI activities: %d read, one ledger row each (row = the activity's position in the file): %d with lines, %d without budget or spending, %d rejected\n",
			s.Rows, s.Count(budget.RowLine), s.Count(budget.RowNote), s.Count(budget.RowRejected))
		return
	}
	if s.HeaderRow == 0 {
		ew.printf("  no header found: %s rejected\n", format.Count(s.Count(budget.RowRejected), "row"))
		return
	}
	hr := fmt.Sprintf("row %d", s.HeaderRow)
	if s.HeaderRows == 2 {
		hr = fmt.Sprintf("rows %d-%d (group header joined)", s.HeaderRow-1, s.HeaderRow)
	}
	ew.printf("  header: %s\n", hr)
	ew.printf("  scale: %s (%s)\n", s.Scale, s.ScaleFrom)
	cur := s.Currency
	if cur == "" {
		cur = "not stated (use --currency)"
	}
	ew.printf("  currency: %s\n", cur)
	if s.Scheme != "" {
		ew.printf("  gender-marker scheme: %s (%s)\n", s.Scheme, s.SchemeNote)
	}
	if s.Wide {
		ew.printf("  layout: wide (one amount column per fiscal year; each row gives one line per year)\n")
	}
	ew.printf("  columns:\n")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	for _, c := range s.Columns {
		extra := c.How
		if c.Year != 0 {
			extra = fmt.Sprintf("%s %d", c.How, c.Year)
		}
		fmt.Fprintf(tw, "    %s\t%s\t→ %s\t(%s)\n", budget.ColumnName(c.Col), oneLine(c.Header, 50), c.Field, extra)
	}
	tw.Flush()
	var parts []string
	for _, c := range budget.RowClasses() {
		parts = append(parts, fmt.Sprintf("%s %s", thousands(s.Count(c)), c))
	}
	ew.printf("  rows: %s read: %s\n", thousands(s.Rows), strings.Join(parts, ", "))
}

// inspectLedger writes the row ledger: the rows other than lines, titles,
// headers and blanks, or with opt.Ledger every run of like rows.
func inspectLedger(ew *errWriter, b *budget.Budget, opt InspectOptions) {
	ew.printf("\nrow ledger")
	if !opt.Ledger {
		ew.printf(" (rows other than lines, titles, headers and blanks; --ledger lists them all)")
	}
	ew.printf(":\n")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  sheet\trows\tclass\tlines\treason\n")
	shown := 0
	for _, r := range b.Ledger {
		if !opt.Ledger {
			switch r.Class {
			case budget.RowLine, budget.RowTitle, budget.RowHeader, budget.RowBlank:
				continue
			}
		}
		shown++
		rows := strconv.Itoa(r.Row)
		if r.Rows > 1 {
			rows += "–" + strconv.Itoa(r.Last())
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%d\t%s\n", sheetName(r.Sheet), rows, r.Class, r.Rows*r.Lines, oneLine(r.Reason, 100))
	}
	tw.Flush()
	if shown == 0 {
		ew.printf("  (none)\n")
	}
}

// inspectTotals writes the reconciliation of the stated totals and
// subtotals against the lines they cover: the mismatches, or with
// opt.Ledger every check.
func inspectTotals(ew *errWriter, b *budget.Budget, opt InspectOptions) {
	ew.printf("\nreconciliation of stated totals (tolerance %s)", b.Tolerance)
	if !opt.Ledger {
		ew.printf("; mismatches only, --ledger lists every check")
	}
	ew.printf(":\n")
	if len(b.Totals) == 0 {
		ew.printf("  no total or subtotal rows found\n")
	} else {
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
		ok, bad, rows := 0, 0, 0
		row := func(format string, args ...any) {
			if rows == 0 {
				fmt.Fprintf(tw, "  sheet\trow\tlabel\tcolumn\tlines\tstated\tcomputed\tdifference\tstatus\t\n")
			}
			rows++
			fmt.Fprintf(tw, format, args...)
		}
		for _, c := range b.Totals {
			if c.OK(b.Tolerance) {
				ok++
			} else {
				bad++
			}
			if len(c.Amounts) == 0 && opt.Ledger {
				row("  %s\t%d\t%s\t-\t%d\t-\t-\t-\tno amounts\t\n", sheetName(c.Pos.Sheet()), c.Pos.Row, oneLine(c.Label, 40), c.Covered)
			}
			for _, a := range c.Amounts {
				st := "ok"
				if !(budget.TotalCheck{Amounts: []budget.TotalAmount{a}}).OK(b.Tolerance) {
					st = "MISMATCH"
				} else if !opt.Ledger {
					continue
				}
				row("  %s\t%d\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t\n", sheetName(c.Pos.Sheet()), c.Pos.Row, oneLine(c.Label, 40), oneLine(a.Column, 24), c.Covered, format.Money(a.Stated), format.Money(a.Computed), format.Money(a.Diff()), st)
			}
		}
		tw.Flush()
		ew.printf("  %d stated totals checked: %d match their lines, %d do not\n", ok+bad, ok, bad)
	}
}

// inspectLineTotals writes the exact sums of the lines by sheet and
// currency, in each phase.
func inspectLineTotals(ew *errWriter, b *budget.Budget) {
	ew.printf("\nline totals by sheet and currency (exact sums of line items; totals and subtotals excluded):\n")
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "  sheet\tcurrency\tlines\tproposed\tapproved\trevised\texecuted\t\n")
	for _, t := range lineTotals(b) {
		fmt.Fprintf(tw, "  %s\t%s\t%d", sheetName(t.sheet), orDash(t.currency), t.n)
		for _, p := range budget.Phases() {
			if t.n2[p] == 0 {
				fmt.Fprintf(tw, "\t-")
				continue
			}
			v, err := t.sum[p].Value()
			if err != nil {
				fmt.Fprintf(tw, "\toverflow")
				continue
			}
			fmt.Fprintf(tw, "\t%s", format.Money(v))
		}
		fmt.Fprintf(tw, "\t\n")
	}
	tw.Flush()
}

// WriteInspection writes what was read from a budget file: the sheets, the
// header and column mapping, the row ledger, the reconciliation of stated
// totals against their lines, and the totals by sheet and currency.
func WriteInspection(w io.Writer, b *budget.Budget, opt InspectOptions) error {
	ew := &errWriter{w: w}
	inspectFile(ew, b)
	for _, s := range b.Sheets {
		inspectSheet(ew, b, s)
	}
	inspectLedger(ew, b, opt)
	inspectTotals(ew, b, opt)
	inspectLineTotals(ew, b)
	inspectDecisions(ew, b.Decisions)
	errs := b.Errors()
	ew.printf("\n%s; %s, %s (grb validate lists them)\n", format.Count(b.Lines.Len(), "line"), format.Count(errs, "error"), format.Count(b.Warnings(), "warning"))
	return ew.err
}

type lineTotal struct {
	sheet, currency string
	n               int
	n2              [budget.NumPhases]int
	sum             [budget.NumPhases]budget.Sum
}

func lineTotals(b *budget.Budget) []*lineTotal {
	idx := map[[2]string]*lineTotal{}
	var out []*lineTotal
	for i := range b.Lines.Len() {
		lv := b.Lines.At(i)
		l := &lv
		k := [2]string{l.Pos.Sheet(), l.Currency}
		t := idx[k]
		if t == nil {
			t = &lineTotal{sheet: k[0], currency: k[1]}
			idx[k] = t
			out = append(out, t)
		}
		t.n++
		for _, p := range budget.Phases() {
			if v, ok := l.Amounts.Get(p); ok {
				t.sum[p].Add(v)
				t.n2[p]++
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].sheet != out[j].sheet {
			return false // keep sheet order
		}
		return out[i].currency < out[j].currency
	})
	return out
}

func sheetTitle(s budget.SheetReport) string {
	name := "sheet " + fmt.Sprintf("%q", s.Name)
	if s.Name == "" {
		name = "table"
	}
	if s.Hidden {
		name += " (hidden)"
	}
	return name + ":"
}

func sheetName(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func delimName(r rune) string {
	switch r {
	case ',':
		return "comma"
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return fmt.Sprintf("%q", r)
}

// oneLine shortens s to n runes on one line.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// IssueOptions controls WriteIssues.
type IssueOptions struct {
	Max int // list at most Max issues (0 = all); the count is always printed
}

// WriteIssues writes the issues of a budget, errors first, each with its
// position, code, what was found and what was expected.
func WriteIssues(w io.Writer, b *budget.Budget, opt IssueOptions) error {
	ew := &errWriter{w: w}
	issues := sortedIssues(b)
	for i, is := range issues {
		if opt.Max > 0 && i == opt.Max {
			ew.printf("… and %s more (--max-issues 0 lists all)\n", thousands(len(issues)-opt.Max))
			break
		}
		ew.printf("%s\n", is.Error())
	}
	errs := b.Errors()
	ew.printf("%s: %s, %s, %s\n", b.Source, format.Count(b.Lines.Len(), "line"), format.Count(errs, "error"), format.Count(b.Warnings(), "warning"))
	return ew.err
}

// sortedIssues orders issues errors first, then by position: sheet in
// file order, row, column.
func sortedIssues(b *budget.Budget) []budget.Issue {
	sheet := map[string]int{}
	for i, s := range b.Sheets {
		sheet[s.Name] = i
	}
	out := append([]budget.Issue(nil), b.Issues...)
	sort.SliceStable(out, func(i, j int) bool {
		a, c := out[i], out[j]
		if a.Severity != c.Severity {
			return a.Severity > c.Severity
		}
		if a.Pos.Sheet() != c.Pos.Sheet() {
			return sheet[a.Pos.Sheet()] < sheet[c.Pos.Sheet()]
		}
		if a.Pos.Row != c.Pos.Row {
			return a.Pos.Row < c.Pos.Row
		}
		return a.Pos.Col < c.Pos.Col
	})
	return out
}

// issueJSON is the JSON shape of a validation report.
type issueJSON struct {
	File     string         `json:"file"`
	Lines    int            `json:"lines"`
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Issues   []budget.Issue `json:"issues"`
	// Decisions are what was decided on evidence while reading.
	Decisions []budget.Decision `json:"decisions,omitempty"`
}

// WriteIssuesJSON writes the issues of a budget as one JSON object.
func WriteIssuesJSON(w io.Writer, b *budget.Budget) error {
	errs := b.Errors()
	v := issueJSON{File: b.Source, Lines: b.Lines.Len(), Errors: errs, Warnings: b.Warnings(), Issues: sortedIssues(b), Decisions: b.Decisions}
	if v.Issues == nil {
		v.Issues = []budget.Issue{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// thousands writes n with its thousands grouped, as counts in words are.
func thousands(n int) string { return format.Thousands(strconv.Itoa(n)) }
