package xlsx

import (
	"bytes"
	"errors"
	"io"
	"math/rand"
	"os"
	"slices"
	"testing"
	"testing/iotest"

	"github.com/grb-toolkit/grb/budget/grid"
)

type closeCounter struct {
	io.Reader
	closed int
}

func (c *closeCounter) Close() error { c.closed++; return nil }

// TestReadAhead checks the read-ahead reader gives the bytes of its part
// in order, whatever their size against its chunks, then the part's own
// error, and that Close stops it at any point and closes the part once.
func TestReadAhead(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{0, 1, aheadChunkSize - 1, aheadChunkSize, aheadChunkSize + 1, 7 * aheadChunkSize / 2, 10 * aheadChunkSize} {
		data := make([]byte, n)
		rng.Read(data)
		cc := &closeCounter{Reader: bytes.NewReader(data)}
		r := newReadAhead(cc)
		if err := iotest.TestReader(r, data); err != nil {
			t.Errorf("%d bytes: %v", n, err)
		}
		if err := r.Close(); err != nil || cc.closed != 1 {
			t.Errorf("%d bytes: Close = %v, part closed %d times", n, err, cc.closed)
		}
	}
	// The part's error comes after its bytes.
	boom := errors.New("boom")
	data := make([]byte, 3*aheadChunkSize/2)
	r := newReadAhead(&closeCounter{Reader: io.MultiReader(bytes.NewReader(data), iotest.ErrReader(boom))})
	got, err := io.ReadAll(r)
	if !errors.Is(err, boom) || len(got) != len(data) {
		t.Errorf("ReadAll = %d bytes, %v; want %d bytes, then boom", len(got), err, len(data))
	}
	r.Close()
	// Closed half-way, with chunks waiting, it stops.
	cc := &closeCounter{Reader: bytes.NewReader(make([]byte, 20*aheadChunkSize))}
	r = newReadAhead(cc)
	r.Read(make([]byte, 100))
	if err := r.Close(); err != nil || cc.closed != 1 {
		t.Errorf("Close half-way = %v, part closed %d times", err, cc.closed)
	}
}

// TestReadAheadSameRows reads a workbook whose sheet is inflated and
// scanned ahead (readAhead, aheadRows) and again with neither: the same
// rows, cells, cell types, percentages and shared strings, row by row.
func TestReadAheadSameRows(t *testing.T) {
	name := perfFile(t, t.TempDir(), 20_000)
	type rowInfo struct {
		n           int
		cells       []string
		number, pct []bool
	}
	read := func(ahead bool) ([]rowInfo, int) {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		src, err := Open(f, name, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		it, err := src.Rows("Budget")
		if err != nil {
			t.Fatal(err)
		}
		defer it.Close()
		if _, ok := it.(*aheadRows); ok != ahead {
			t.Fatalf("scanned ahead: %v, want %v", ok, ahead)
		}
		var rows []rowInfo
		count := 0
		for it.Next() {
			n, cells := it.Row()
			ri := rowInfo{n: n, cells: slices.Clone(cells)}
			for c := range len(cells) + 1 {
				ri.number = append(ri.number, it.(grid.CellTypes).IsNumber(n, c))
				ri.pct = append(ri.pct, it.(grid.Percents).IsPercent(c))
			}
			if n == 1 {
				count = it.(grid.RowCount).RowCount()
			}
			rows = append(rows, ri)
		}
		if err := it.Err(); err != nil {
			t.Fatal(err)
		}
		return rows, count
	}
	defer func(m uint64) { aheadMin = m }(aheadMin)
	aheadMin = 1 << 20
	ahead, countAhead := read(true)
	aheadMin = 1 << 62
	plain, countPlain := read(false)
	if len(plain) != 20_001 || len(ahead) != len(plain) || countAhead != countPlain {
		t.Fatalf("ahead: %d rows (RowCount %d), plain: %d rows (RowCount %d); want the same 20,001", len(ahead), countAhead, len(plain), countPlain)
	}
	for i := range plain {
		a, p := ahead[i], plain[i]
		if a.n != p.n || !slices.Equal(a.cells, p.cells) || !slices.Equal(a.number, p.number) || !slices.Equal(a.pct, p.pct) {
			t.Fatalf("row %d differs:\nahead %+v\nplain %+v", p.n, a, p)
		}
	}
}
