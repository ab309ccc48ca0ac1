package csv

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// TestUnclosedQuote: a quote never closed after text on the lines that
// follow it is an error naming the line it opened on and the lines it
// would swallow; quotes that close, a quote left open on the last line,
// and quotes inside unquoted text read as before.
func TestUnclosedQuote(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		delim    rune
		open     int // 0: no error
		lines    int
		records  int // records read when there is no error
	}{
		{"swallows the rows after it", "Programme,Approved\nA,10\n\"B,20\nC,30\nD,40\n", 0, 3, 3, 0},
		{"no final line end", "Programme,Approved\n\"B,20\nC,30", 0, 2, 2, 0},
		{"semicolons, CRLF", "Programme;Approved\r\nA;10\r\nB;\"20\r\nC;30\r\n", 0, 3, 2, 0},
		{"closed on a later line", "Programme,Approved\n\"A\nmulti\",10\nB,20\n", 0, 0, 0, 3},
		{"escaped quotes inside", "Programme,Approved\n\"A \"\"big\"\"\nline\",10\nB,20\n", 0, 0, 0, 3},
		{"closed at the end", "Programme,Approved\nB,\"20\nmore\"", 0, 0, 0, 2},
		{"open on the last line only", "a,b\n12\" screen,\"unterminated\n", 0, 0, 0, 2},
		{"quote inside unquoted text", "Programme,Approved\n12\" screen,10\nB,20\n", 0, 0, 0, 3},
		{"quote kept as text inside quotes", "Programme,Approved\n\"say \"hi\" now\",10\nB,20\n", 0, 0, 0, 3},
		{"given delimiter", "Programme;Approved\n\"A;10\nB;20\n", ';', 2, 2, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := Open(strings.NewReader(tc.in), "q.csv", tc.delim, 0)
			if err != nil {
				t.Fatal(err)
			}
			it, err := src.Rows("")
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for it.Next() {
				n++
			}
			err = it.Err()
			if tc.open == 0 {
				if err != nil || n != tc.records {
					t.Errorf("%d records, %v; want %d records and no error", n, err, tc.records)
				}
				return
			}
			var pe *budget.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrUnclosedQuote) || pe.Row != tc.open {
				t.Fatalf("err = %v, want a ParseError at line %d wrapping ErrUnclosedQuote", err, tc.open)
			}
			want := strings.Join([]string{"line", strconv.Itoa(tc.open), "is never closed, so the", strconv.Itoa(tc.lines), "lines"}, " ")
			if !strings.Contains(err.Error(), want) {
				t.Errorf("err = %v, want it to say %q", err, want)
			}
		})
	}
}
