package tagging_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

// renameSheet returns the workbook data with its sheet named from renamed
// to, in workbook.xml, past the checks of the library that wrote it.
func renameSheet(t *testing.T, data []byte, from, to string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/workbook.xml" {
			b = bytes.ReplaceAll(b, []byte(`name="`+from+`"`), []byte(`name="`+to+`"`))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// A source sheet whose name passes Excel's 31 characters (written by a
// program that does not check) gives a tagging workbook that reads back.
func TestLongSheetNameRoundTrip(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range strings.Split(strings.TrimSpace(tagSource), "\n") {
		for c, v := range strings.Split(row, ",") {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue("Sheet1", cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	long := "Migration-related budget lines FY2025 (approved)"
	src := renameSheet(t, buf.Bytes(), "Sheet1", long)
	tg, err := tagging.New(bytes.NewReader(src), "long.xlsx", budget.Options{}, "")
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	var out bytes.Buffer
	if err := tagging.Write(&out, tg, tagging.WriteOptions{MadeBy: "test"}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	back, err := tagging.Read(bytes.NewReader(out.Bytes()), "work.xlsx", budget.Options{})
	if err != nil {
		t.Fatalf("Read back: %v", err)
	}
	if back.Budget.Lines.Len() != 5 {
		t.Errorf("%d lines read back, want 5", back.Budget.Lines.Len())
	}
}

// A marker sheet that lists one tagging sheet three times is an error
// naming the sheet, not every line read three times.
func TestMarkerSheetListsSheetTwice(t *testing.T) {
	_, data := makeTemplate(t, "budget.csv", tagSource, nil)
	f := openXLSX(t, data)
	rows, err := f.GetRows(tagging.MarkerSheet)
	if err != nil {
		t.Fatal(err)
	}
	last := rows[len(rows)-1]
	for k := 1; k <= 2; k++ {
		for c, v := range last {
			cell, _ := excelize.CoordinatesToCellName(c+1, len(rows)+k)
			if err := f.SetCellValue(tagging.MarkerSheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	tg, err := tagging.Read(bytes.NewReader(saveXLSX(t, f)), "work.xlsx", budget.Options{})
	if err == nil {
		t.Fatalf("read %d lines, want an error naming sheet %q listed three times", tg.Budget.Lines.Len(), last[0])
	}
	if !strings.Contains(err.Error(), `"`+last[0]+`"`) || !strings.Contains(err.Error(), "3 times") {
		t.Errorf("error %v, want one naming sheet %q and its 3 listings", err, last[0])
	}
}
