package input

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

const taggedSource = `Programme,Description,Approved
0605030,Reception of refugees,500
0605030,Legal aid for refugee women,300
`

// writeFiles writes a csv budget, the tagging workbook made from it (its
// first row confirmed as objective 7, marker 2) and a plain copy of the
// budget under another name, into a temporary folder.
func writeFiles(t *testing.T) (csvName, tagName string) {
	t.Helper()
	dir := t.TempDir()
	csvName = filepath.Join(dir, "budget.csv")
	if err := os.WriteFile(csvName, []byte(taggedSource), 0o644); err != nil {
		t.Fatal(err)
	}
	tg, err := tagging.New(strings.NewReader(taggedSource), csvName, budget.Options{}, "")
	if err != nil {
		t.Fatal(err)
	}
	tg.Rows[0].Tag.Cells[tagging.ColObjective1] = "7"
	tg.Rows[0].Tag.Cells[tagging.ColMarker] = "2"
	tg.Rows[0].Tag.Cells[tagging.ColStatus] = "confirmed"
	var buf bytes.Buffer
	if err := tagging.Write(&buf, tg, tagging.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	tagName = filepath.Join(dir, "tagging.xlsx")
	if err := os.WriteFile(tagName, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return csvName, tagName
}

func TestDetect(t *testing.T) {
	csvName, tagName := writeFiles(t)
	dir := filepath.Dir(csvName)
	if err := os.WriteFile(filepath.Join(dir, "datapackage.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]Format{csvName: CSV, tagName: Tagging, dir: DataPackage} {
		if got, err := Detect(name); err != nil || got != want {
			t.Errorf("Detect(%s) = %q, %v; want %q", filepath.Base(name), got, err, want)
		}
	}
	if _, err := Detect(filepath.Join(dir, "missing.csv")); err == nil {
		t.Errorf("Detect(missing file): no error")
	}
}

// A tagging workbook read through the one way in gives its confirmed
// tags, as grb analyze reads it; naming a sheet reads the plain workbook
// it also is.
func TestReadFileTagging(t *testing.T) {
	_, tagName := writeFiles(t)
	b, err := ReadFile(tagName, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Lines.Len() != 2 || b.Lines.GenderAt(0).Level != budget.Principal || len(b.Lines.At(0).Objectives) != 1 || b.Lines.GenderAt(1).Level.Screened() {
		t.Errorf("lines %+v; want the first tagged principal with one objective, the second untagged", b.Lines)
	}
	data, err := os.ReadFile(tagName)
	if err != nil {
		t.Fatal(err)
	}
	br, err := Read(bytes.NewReader(data), tagName, budget.Options{})
	if err != nil || br.Lines.Len() != 2 || br.Lines.GenderAt(0) != b.Lines.GenderAt(0) {
		t.Errorf("Read and ReadFile differ: %v, %+v", err, br)
	}
	plain, err := ReadFile(tagName, budget.Options{Sheet: b.Sheets[0].Name})
	if err != nil {
		t.Fatal(err)
	}
	// The plain workbook's tag columns are recognised as columns; the
	// tagging workbook's tags are the confirmed ones.
	if got, want := b.Lines.At(0).GenderSource.Source(), budget.Manual; got != want {
		t.Errorf("tagging workbook: marker from %s, want %s", got, want)
	}
	if plain.Lines.Len() != 2 || plain.Lines.At(0).GenderSource.Source() != budget.FromColumn {
		t.Errorf("with a sheet named: lines %+v; want the plain workbook's, tags from its columns", plain.Lines)
	}
}

// OpenTagging reads a tagging workbook as it is, and prepares any other
// budget.
func TestOpenTagging(t *testing.T) {
	csvName, tagName := writeFiles(t)
	fresh, err := OpenTagging(csvName, budget.Options{}, "un_gem")
	if err != nil || fresh.Scheme != "un_gem" || len(fresh.Rows) != 2 {
		t.Fatalf("OpenTagging(csv) = %+v, %v", fresh, err)
	}
	back, err := OpenTagging(tagName, budget.Options{}, "")
	if err != nil || back.Rows[0].Tag.Status != tagging.StatusConfirmed {
		t.Fatalf("OpenTagging(workbook) = %+v, %v", back, err)
	}
}

// ReadReviewed keeps the reviewed rows of a tagging workbook only, and
// every line of any other budget.
func TestReadReviewed(t *testing.T) {
	csvName, tagName := writeFiles(t)
	for name, want := range map[string]int{tagName: 1, csvName: 2} {
		b, err := ReadReviewed(name, budget.Options{})
		if err != nil || b.Lines.Len() != want {
			t.Errorf("ReadReviewed(%s): %v, %d lines; want %d", filepath.Base(name), err, b.Lines.Len(), want)
		}
	}
}
