package grid_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/xlsx"
	"github.com/grb-toolkit/grb/internal/readertest"
)

// markDecision returns the decimal-mark decision of column col, or fails.
func markDecision(t *testing.T, b *budget.Budget, col string) budget.Decision {
	t.Helper()
	for _, d := range b.Decisions {
		if d.Topic == "decimal-mark" && d.Column == col {
			return d
		}
	}
	t.Fatalf("no decimal-mark decision for column %q in %+v", col, b.Decisions)
	return budget.Decision{}
}

func hasIssue(b *budget.Budget, code string) *budget.Issue {
	for i := range b.Issues {
		if b.Issues[i].Code == code {
			return &b.Issues[i]
		}
	}
	return nil
}

// millionsCSV is a column of amounts in millions, mostly with six decimals
// and some with three; the rows with three come first, and far enough down
// that the header is found before them (streaming), and again at the end.
func millionsCSV() (text string, cents int64) {
	var sb strings.Builder
	sb.WriteString("Budget 2024 (KES million)\nProgramme,Approved\n")
	// 60 rows: 46.843 (three decimals) at rows 45 and 60, 12.345678 else.
	for i := 1; i <= 60; i++ {
		v, c := "12.345678", int64(1234567800)
		if i == 45 || i == 60 {
			v, c = "46.843", 4684300000
		}
		fmt.Fprintf(&sb, "P%d,%s\n", i, v)
		cents += c
	}
	return sb.String(), cents
}

// heldCSV has whole numbers, then an ambiguous value read as the streaming
// reader passes it, and only then the evidence that settles it.
func heldCSV() (text string, cents int64) {
	var sb strings.Builder
	sb.WriteString("Programme,Approved\n")
	for i := 1; i <= 60; i++ {
		v, c := "10", int64(1000)
		switch i {
		case 50:
			v, c = "46.843", 4684
		case 55:
			v, c = "1.5", 150
		}
		fmt.Fprintf(&sb, "P%d,%s\n", i, v)
		cents += c
	}
	return sb.String(), cents
}

func TestDecimalMarkPerColumn(t *testing.T) {
	mill, millCents := millionsCSV()
	held, heldCents := heldCSV()
	tests := []struct {
		name     string
		csv      string
		opt      budget.Options
		cents    int64  // approved sum
		exact    string // the sum as an exact decimal, when it is not whole cents
		choice   string // the column's decision
		issue    string // a warning expected, or ""
		evidence string // a part of the decision's evidence
	}{
		{
			name:     "three decimals in a column of six are decimals",
			csv:      mill,
			cents:    millCents,
			choice:   "decimal point",
			evidence: "58 values",
		},
		{
			name:   "ambiguous value held back until the evidence comes",
			csv:    held,
			cents:  heldCents,
			exact:  "628.343", // 58 × 10 + 46.843 + 1.5: the cents above round 46.843
			choice: "decimal point",
		},
		{
			name: "three decimals before the first six",
			csv: "Programme,Approved (KES million)\n" +
				"A,46.843\n" +
				"B,1.5\n",
			cents:  4834300000, // 48.343 million
			choice: "decimal point",
		},
		{
			name: "comma-decimal column",
			csv: "Programa;Aprobado\n" +
				"A;46.843\n" +
				"B;1.234.567,89\n" +
				"C;12,5\n",
			cents:  46843*100 + 123456789 + 1250, // 46.843 is 46,843 here
			choice: "decimal comma",
		},
		{
			name: "all values ambiguous",
			csv: "Programme,Approved\n" +
				"A,\"1,234\"\n" +
				"B,\"2,500\"\n" +
				"C,12\n",
			cents:    (1234 + 2500 + 12) * 100, // today's reading: grouping
			choice:   "decimal point",
			issue:    "decimal-ambiguous",
			evidence: "2 values",
		},
		{
			name: "ambiguous column settled by --decimal",
			csv: "Programme,Approved\n" +
				"A,\"1,234\"\n" +
				"B,\"2,500\"\n",
			opt:    budget.Options{Decimal: budget.DecimalComma},
			exact:  "3.734", // 1.234 and 2.5
			choice: "decimal comma",
		},
		{
			name: "ambiguous column settled by another column of the sheet",
			csv: "Programme,Approved,Executed\n" +
				"A,46.843,1.5\n" +
				"B,2.500,2.25\n",
			exact:  "49.343", // 46.843 and 2.5
			choice: "decimal point",
		},
		{
			name: "both conventions in one column",
			csv: "Programme,Approved\n" +
				"A,\"1,234.56\"\n" +
				"B,\"2,345.50\"\n" +
				"C,\"1.234,56\"\n",
			cents:  123456 + 234550, // the minority value is not read
			choice: "decimal point",
			issue:  "decimal-inconsistent",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := readCSV(t, tt.csv, tt.opt)
			if got, want := readertest.SumPhase(b.Lines, budget.Approved), exactOr(tt.exact, tt.cents); got.Cmp(want) != 0 {
				t.Errorf("approved sum = %s, want %s", got, want)
			}
			d := markDecision(t, b, approvedHeader(tt.csv))
			if d.Choice != tt.choice {
				t.Errorf("decision = %q, want %q (%s)", d.Choice, tt.choice, d.Evidence)
			}
			if !strings.Contains(d.Evidence, tt.evidence) {
				t.Errorf("evidence %q does not say %q", d.Evidence, tt.evidence)
			}
			if tt.issue != "" {
				if hasIssue(b, tt.issue) == nil {
					t.Errorf("no %s warning: %v", tt.issue, b.Issues)
				}
				if !d.Ambiguous || d.Override == "" {
					t.Errorf("decision %+v: want ambiguous, with the flag that settles it", d)
				}
			} else {
				for _, code := range []string{"decimal-ambiguous", "decimal-inconsistent"} {
					if i := hasIssue(b, code); i != nil {
						t.Errorf("unexpected %s: %s", code, i.Message)
					}
				}
			}
			checkOneMark(t, b, tt.csv)
		})
	}
}

// approvedHeader returns the header of the approved column of text.
func approvedHeader(text string) string {
	for _, h := range []string{"Approved (KES million)", "Aprobado", "Approved"} {
		if strings.Contains(text, h) {
			return h
		}
	}
	return ""
}

// checkOneMark checks that every amount of a column was read with the
// column's one decimal mark: re-read with that mark forced, the file gives
// the same lines.
func checkOneMark(t *testing.T, b *budget.Budget, text string) {
	t.Helper()
	d := markDecision(t, b, approvedHeader(text))
	mark := budget.DecimalPoint
	if d.Choice == "decimal comma" {
		mark = budget.DecimalComma
	}
	forced := readCSV(t, text, budget.Options{Decimal: mark})
	if forced.Lines.Len() != b.Lines.Len() {
		t.Fatalf("%d lines with the mark forced, %d without", forced.Lines.Len(), b.Lines.Len())
	}
	for i := range b.Lines.Len() {
		got, _ := b.Lines.AmountsAt(i).Get(budget.Approved)
		want, _ := forced.Lines.AmountsAt(i).Get(budget.Approved)
		if got.Cmp(want) != 0 {
			t.Errorf("row %d: %s read as %s, but %s with %s: the column was read two ways", b.Lines.RowAt(i), "Approved", got, want, mark)
		}
	}
}

func TestDecimalMarkXLSX(t *testing.T) {
	tests := []struct {
		name  string
		rows  [][]any
		cents int64
		exact string // the sum as an exact decimal, when it is not whole cents
		issue string
	}{
		{
			name:  "text cells: three decimals in a column of six",
			rows:  [][]any{{"Programme", "Approved (KES million)"}, {"A", "46.843"}, {"B", "12.345678"}},
			cents: 4684300000 + 1234567800,
		},
		{
			name:  "numeric cells carry no ambiguity",
			rows:  [][]any{{"Programme", "Approved (KES million)"}, {"A", 46.843}, {"B", 2.5}, {"C", 1.125}},
			cents: 4684300000 + 250000000 + 112500000,
		},
		{
			name:  "numeric cells only with three decimals",
			rows:  [][]any{{"Programme", "Approved"}, {"A", 46.843}, {"B", 1.125}},
			exact: "47.968", // 46.843 + 1.125, every digit kept
		},
		{
			name:  "numeric cells in a column of decimal-comma text",
			rows:  [][]any{{"Programa", "Aprobado"}, {"A", "1.234,5"}, {"B", 46.843}, {"C", 1234.5}},
			exact: "2515.843", // 1234.5 + 46.843 + 1234.5
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			xl := readertest.BuildXLSX(t, map[string][][]any{"S": tt.rows}, nil)
			b, err := xlsx.Read(bytes.NewReader(xl), "x.xlsx", budget.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := readertest.SumPhase(b.Lines, budget.Approved), exactOr(tt.exact, tt.cents); got.Cmp(want) != 0 {
				t.Errorf("approved sum = %s, want %s", got, want)
			}
			for _, code := range []string{"decimal-ambiguous", "decimal-inconsistent", "amount-invalid"} {
				if i := hasIssue(b, code); i != nil && code != tt.issue {
					t.Errorf("unexpected %s: %s", code, i.Message)
				}
			}
		})
	}
}

// exactOr returns the exact decimal exact, or cents when exact is "".
func exactOr(exact string, cents int64) budget.Money {
	if exact == "" {
		return budget.FromCents(cents)
	}
	m, err := budget.ParseMoney(exact)
	if err != nil {
		panic(err)
	}
	return m
}
