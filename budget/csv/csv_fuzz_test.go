package csv

import (
	"bytes"
	"errors"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

func FuzzCSVSource(f *testing.F) {
	seeds := []string{
		"\xEF\xBB\xBFДатум на објавување;Буџет;Износ\r\n2014-01-01T00:00:00;Оригинал;1000\r\n",
		"program,value,vote,year,text\n0702010 Management,1636071111,1011,2018,\"Cabinet, affairs\"\n",
		"a,\"multi\nline\",c\n1,\"say \"\"hi\"\"\",3\n\"unterminated,4\n",
		"\xFF\xFEa\x00;\x00b\x00\r\x00\n\x001\x00;\x002\x00\n\x00",
		"\xFE\xFF\x00a\x00\t\x00b\x00\n\x00\xD8\x00",
		"Minist\xE8re;Montant \x80\nSant\xE9;12,5\n\x81\x8D\x8F\x90\x9D\xFF\n",
		"\xC3\x28,\xE2\x82,\xF0\x9F\x98\n\r\n\r\r\n\"\"\"\n",
		"",
	}
	for _, s := range seeds {
		f.Add([]byte(s), uint16(0))
		f.Add([]byte(s), uint16(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, data []byte, limit uint16) {
		src, err := Open(bytes.NewReader(data), "fuzz.csv", 0, int64(limit))
		if err != nil {
			t.Fatalf("Open() error = %v", err)
		}
		switch d := src.Format().Delimiter; d {
		case ',', ';', '\t':
		default:
			t.Fatalf("sniffed delimiter %q", d)
		}
		it, err := src.Rows("")
		if err != nil {
			t.Fatal(err)
		}
		// Each row starts on a new line, so there are at most as many rows
		// as lines; decoding can at most triple the size (U+FFFD for a byte).
		maxRows := 3*len(data) + 1
		last, rows := 0, 0
		for it.Next() {
			n, cells := it.Row()
			if n <= last {
				t.Fatalf("row number %d after %d, want increasing", n, last)
			}
			if len(cells) == 0 {
				t.Fatalf("row %d has no cells", n)
			}
			last = n
			if rows++; rows > maxRows {
				t.Fatalf("more than %d rows from %d bytes", maxRows, len(data))
			}
		}
		if err := it.Err(); err != nil {
			if _, ok := err.(*budget.ParseError); !ok {
				t.Fatalf("Err() = %T %v, want a *ParseError", err, err)
			}
			if limit == 0 && !errors.Is(err, ErrUnclosedQuote) {
				t.Fatalf("Err() = %v without a limit", err)
			}
		}
		if it.Next() {
			t.Fatal("Next() = true after the end")
		}
		it.Close()
		src.Close()
	})
}
