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

// TestReadAheadSameRows reads a workbook whose sheet part is read ahead
// and again with reading ahead off: the same rows.
func TestReadAheadSameRows(t *testing.T) {
	name := perfFile(t, t.TempDir(), 20_000)
	read := func() [][]string {
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
		if _, ahead := it.(*sheetRows).rc.(*readAhead); ahead != (aheadMin < 1<<40) {
			t.Fatalf("read ahead %v, want %v", ahead, aheadMin < 1<<40)
		}
		var rows [][]string
		for it.Next() {
			_, cells := it.Row()
			rows = append(rows, slices.Clone(cells))
		}
		if err := it.Err(); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	defer func(m uint64) { aheadMin = m }(aheadMin)
	aheadMin = 1 << 20
	ahead := read()
	aheadMin = 1 << 62
	plain := read()
	if len(plain) != 20_001 || !slices.EqualFunc(ahead, plain, slices.Equal) {
		t.Errorf("read ahead: %d rows, plain: %d rows; want the same 20,001", len(ahead), len(plain))
	}
}
