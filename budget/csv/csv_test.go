package csv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/unicode"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/grid"
)

// csvTestRow is a row as read by csvReadAll.
type csvTestRow struct {
	N     int
	Cells []string
}

// csvReadAll reads every row of src, copying the reused cell slices.
func csvReadAll(t testing.TB, src *Source) ([]csvTestRow, error) {
	t.Helper()
	it, err := src.Rows("")
	if err != nil {
		t.Fatalf("Rows(\"\") error = %v", err)
	}
	defer it.Close()
	var rows []csvTestRow
	for it.Next() {
		n, cells := it.Row()
		rows = append(rows, csvTestRow{n, append([]string(nil), cells...)})
	}
	return rows, it.Err()
}

func csvUTF16(t *testing.T, e unicode.Endianness, s string) string {
	t.Helper()
	out, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCSVSource(t *testing.T) {
	type row = csvTestRow
	tests := []struct {
		name  string
		in    string
		delim rune // 0 = sniff
		want  budget.CSVFormat
		rows  []row
	}{
		{
			name: "comma",
			in:   "year,vote,approved\n2018,1011,1000\n2019,1011,1200\n",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ','},
			rows: []row{{1, []string{"year", "vote", "approved"}}, {2, []string{"2018", "1011", "1000"}}, {3, []string{"2019", "1011", "1200"}}},
		},
		{
			name: "semicolon with decimal commas",
			in:   "year;vote;approved\n2018;1011;1000,50\n2019;1011;1200\n",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ';'},
			rows: []row{{1, []string{"year", "vote", "approved"}}, {2, []string{"2018", "1011", "1000,50"}}, {3, []string{"2019", "1011", "1200"}}},
		},
		{
			name: "tab",
			in:   "year\tdescription\tapproved\n2018\tHealth, gender unit\t1000\n",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: '\t'},
			rows: []row{{1, []string{"year", "description", "approved"}}, {2, []string{"2018", "Health, gender unit", "1000"}}},
		},
		{
			name: "quoted commas in a semicolon file",
			in:   "\"a, b, c\";\"d, e\"\n\"f, g, h\";\"i\"\n\"j\";\"k, l, m, n\"\n",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ';'},
			rows: []row{{1, []string{"a, b, c", "d, e"}}, {2, []string{"f, g, h", "i"}}, {3, []string{"j", "k, l, m, n"}}},
		},
		{
			name: "quoted semicolons in a comma file",
			in:   "name,objective\n\"Health; WASH\",\"2; 5; 7\"\n\"Jobs; skills\",\"1;2\"\n",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ','},
			rows: []row{{1, []string{"name", "objective"}}, {2, []string{"Health; WASH", "2; 5; 7"}}, {3, []string{"Jobs; skills", "1;2"}}},
		},
		{
			name: "escaped quotes",
			in:   "a,b\n\"say \"\"hi\"\", ok\",2\n",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ','},
			rows: []row{{1, []string{"a", "b"}}, {2, []string{`say "hi", ok`, "2"}}},
		},
		{
			name: "single column",
			in:   "amount\n1\n2\n",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ','},
			rows: []row{{1, []string{"amount"}}, {2, []string{"1"}}, {3, []string{"2"}}},
		},
		{
			name: "tie prefers comma",
			in:   "a,b;c\n",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ','},
			rows: []row{{1, []string{"a", "b;c"}}},
		},
		{
			name: "utf-8 BOM",
			in:   "\xEF\xBB\xBFДатум;Износ\r\n2014-01-01;100\r\n",
			want: budget.CSVFormat{Encoding: "utf-8 (BOM)", Delimiter: ';'},
			rows: []row{{1, []string{"Датум", "Износ"}}, {2, []string{"2014-01-01", "100"}}},
		},
		{
			name: "utf-16le BOM",
			in:   csvUTF16(t, unicode.LittleEndian, "Ministère;Montant\r\nSanté;12\r\n"),
			want: budget.CSVFormat{Encoding: "utf-16le (BOM)", Delimiter: ';'},
			rows: []row{{1, []string{"Ministère", "Montant"}}, {2, []string{"Santé", "12"}}},
		},
		{
			name: "utf-16be BOM",
			in:   csvUTF16(t, unicode.BigEndian, "Ministère\tMontant\nSanté\t12\n"),
			want: budget.CSVFormat{Encoding: "utf-16be (BOM)", Delimiter: '\t'},
			rows: []row{{1, []string{"Ministère", "Montant"}}, {2, []string{"Santé", "12"}}},
		},
		{
			name: "windows-1252",
			in:   "Minist\xE8re;Montant \x80\nSant\xE9;12\n",
			want: budget.CSVFormat{Encoding: "windows-1252", Delimiter: ';'},
			rows: []row{{1, []string{"Ministère", "Montant €"}}, {2, []string{"Santé", "12"}}},
		},
		{
			name: "CRLF",
			in:   "a,b\r\n1,2\r\n3,4",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ','},
			rows: []row{{1, []string{"a", "b"}}, {2, []string{"1", "2"}}, {3, []string{"3", "4"}}},
		},
		{
			name: "multiline quoted field",
			in:   "id,description,amount\n1,\"line one\nline two\nline three\",10\n2,plain,20\n3,\"x\r\ny\",30\r\n4,z,40\n",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ','},
			rows: []row{
				{1, []string{"id", "description", "amount"}},
				{2, []string{"1", "line one\nline two\nline three", "10"}},
				{5, []string{"2", "plain", "20"}},
				{6, []string{"3", "x\ny", "30"}},
				{8, []string{"4", "z", "40"}},
			},
		},
		{
			name: "blank lines are skipped but counted",
			in:   "a,b\n\n1,2\n\r\n3,4\n\n",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ','},
			rows: []row{{1, []string{"a", "b"}}, {3, []string{"1", "2"}}, {5, []string{"3", "4"}}},
		},
		{
			name: "ragged rows",
			in:   "Budget 2018\na,b,c\n1,2,3\n4\n5,6,7,8\n,,\n",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ','},
			rows: []row{
				{1, []string{"Budget 2018"}},
				{2, []string{"a", "b", "c"}},
				{3, []string{"1", "2", "3"}},
				{4, []string{"4"}},
				{5, []string{"5", "6", "7", "8"}},
				{6, []string{"", "", ""}},
			},
		},
		{
			name: "lazy quotes",
			in:   "a,b\n12\" screen,\"unterminated\n",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ','},
			rows: []row{{1, []string{"a", "b"}}, {2, []string{"12\" screen", "unterminated\n"}}},
		},
		{
			name:  "explicit delimiter",
			in:    "a;b,c\n1;2,3\n",
			delim: ';',
			want:  budget.CSVFormat{Encoding: "utf-8", Delimiter: ';'},
			rows:  []row{{1, []string{"a", "b,c"}}, {2, []string{"1", "2,3"}}},
		},
		{
			name: "empty input",
			in:   "",
			want: budget.CSVFormat{Encoding: "utf-8", Delimiter: ','},
		},
		{
			name: "only a BOM and blank lines",
			in:   "\xEF\xBB\xBF\r\n\r\n",
			want: budget.CSVFormat{Encoding: "utf-8 (BOM)", Delimiter: ','},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A one-byte reader checks that nothing is lost or read twice
			// around the sniffing.
			for _, r := range []io.Reader{strings.NewReader(tt.in), iotest.OneByteReader(strings.NewReader(tt.in))} {
				src, err := Open(r, "in.csv", tt.delim, 0)
				if err != nil {
					t.Fatalf("Open() error = %v", err)
				}
				if got := src.Format(); got != tt.want {
					t.Errorf("Format() = %+v, want %+v", got, tt.want)
				}
				rows, err := csvReadAll(t, src)
				if err != nil {
					t.Errorf("Err() = %v, want nil", err)
				}
				if diff := cmp.Diff(tt.rows, rows); diff != "" {
					t.Errorf("rows mismatch (-want +got):\n%s", diff)
				}
				if off, found := src.InvalidUTF8(); found {
					t.Errorf("InvalidUTF8() = %d, true; want false", off)
				}
				if err := src.Close(); err != nil {
					t.Errorf("Close() = %v", err)
				}
			}
		})
	}
}

func TestCSVSourceSheets(t *testing.T) {
	src, err := Open(strings.NewReader("a,b\n"), "in.csv", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]grid.SheetInfo{{Name: ""}}, src.Sheets()); diff != "" {
		t.Errorf("Sheets() mismatch (-want +got):\n%s", diff)
	}
	if _, err := src.Rows("Sheet1"); !errors.Is(err, budget.ErrNoSuchSheet) {
		t.Errorf("Rows(\"Sheet1\") error = %v, want ErrNoSuchSheet", err)
	}
	if _, err := src.Rows(""); err != nil {
		t.Fatalf("Rows(\"\") error = %v", err)
	}
	if _, err := src.Rows(""); err == nil {
		t.Errorf("second Rows(\"\") error = nil, want an error")
	}
}

func TestCSVSourceBadDelimiter(t *testing.T) {
	for _, d := range []rune{'"', '\n', '\r', utf8.RuneError} {
		if _, err := Open(strings.NewReader("a,b\n"), "in.csv", d, 0); err == nil {
			t.Errorf("Open(delim %q) error = nil, want an error", d)
		}
	}
}

func TestCSVSourceMaxBytes(t *testing.T) {
	in := "a,b\n1,2\n3,4\n5,6\n" // 16 bytes
	tests := []struct {
		name     string
		in       string
		max      int64
		wantRows int
		wantErr  bool
	}{
		{"no limit", in, 0, 4, false},
		{"exactly at limit", in, 16, 4, false},
		{"one byte over", in, 15, 3, true},
		{"mid record", in, 10, 2, true},
		{"before first row", in, 2, 0, true},
		{"bom not counted", "\xEF\xBB\xBF" + in, 16, 4, false},
		{"large input", strings.Repeat("1,2,3\n", 100000), 100000, 16666, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Open(strings.NewReader(tt.in), "in.csv", 0, tt.max)
			if err != nil {
				t.Fatalf("Open() error = %v", err)
			}
			rows, err := csvReadAll(t, src)
			if len(rows) != tt.wantRows {
				t.Errorf("read %d rows, want %d", len(rows), tt.wantRows)
			}
			if !tt.wantErr {
				if err != nil {
					t.Errorf("Err() = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, budget.ErrLimit) {
				t.Fatalf("Err() = %v, want ErrLimit", err)
			}
			var pe *budget.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Err() = %T, want *ParseError", err)
			}
			if pe.File != "in.csv" {
				t.Errorf("ParseError.File = %q, want %q", pe.File, "in.csv")
			}
			if msg := err.Error(); !strings.Contains(msg, "--max-bytes") || !strings.Contains(msg, fmt.Sprint(tt.max)) {
				t.Errorf("Err() = %q, want the limit and --max-bytes in it", msg)
			}
		})
	}
}

func TestCSVSourceInvalidUTF8Later(t *testing.T) {
	head := strings.Repeat("year,vote,description,amount\n", 4000) // > 64 KiB of ASCII
	in := head + "2018,1011,Minist\xE8re,10\n2019,1012,ok,20\n"
	src, err := Open(strings.NewReader(in), "in.csv", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := src.Format(), (budget.CSVFormat{Encoding: "utf-8", Delimiter: ','}); got != want {
		t.Errorf("Format() = %+v, want %+v", got, want)
	}
	rows, err := csvReadAll(t, src)
	if err != nil {
		t.Fatalf("Err() = %v", err)
	}
	if got, want := len(rows), 4002; got != want {
		t.Fatalf("read %d rows, want %d", got, want)
	}
	if diff := cmp.Diff([]string{"2018", "1011", "Minist\uFFFDre", "10"}, rows[4000].Cells); diff != "" {
		t.Errorf("row 4001 mismatch (-want +got):\n%s", diff)
	}
	off, found := src.InvalidUTF8()
	if want := int64(len(head) + len("2018,1011,Minist")); !found || off != want {
		t.Errorf("InvalidUTF8() = %d, %v; want %d, true", off, found, want)
	}

	// With a BOM, the offset counts the BOM's bytes too.
	src, err = Open(strings.NewReader("\xEF\xBB\xBFa;b\n\xFF;c\n"), "in.csv", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := csvReadAll(t, src); err != nil {
		t.Fatalf("Err() = %v", err)
	}
	if off, found := src.InvalidUTF8(); !found || off != 7 {
		t.Errorf("InvalidUTF8() with BOM = %d, %v; want 7, true", off, found)
	}
}

func TestCSVSourceDamagedUTF8(t *testing.T) {
	// Mostly Cyrillic UTF-8 with one stray byte: still UTF-8, not Windows-1252.
	in := strings.Repeat("Датум;Износ;Опис\n", 50) + "2014;\x9F;x\n"
	src, err := Open(strings.NewReader(in), "in.csv", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := src.Format(), (budget.CSVFormat{Encoding: "utf-8", Delimiter: ';'}); got != want {
		t.Errorf("Format() = %+v, want %+v", got, want)
	}
	rows, err := csvReadAll(t, src)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows[0].Cells[0], "Датум"; got != want {
		t.Errorf("first cell = %q, want %q", got, want)
	}
	if off, found := src.InvalidUTF8(); !found || off != int64(len(in)-4) {
		t.Errorf("InvalidUTF8() = %d, %v; want %d, true", off, found, len(in)-4)
	}
}

func TestCSVSourceUTF8AcrossChunks(t *testing.T) {
	// Multi-byte runes cut at every possible buffer boundary must come
	// through intact and not be reported as invalid.
	var b strings.Builder
	for i := 0; b.Len() < 200<<10; i++ {
		fmt.Fprintf(&b, "%d;Министерство за финансии €%d;𝔊%d\n", i, i, i)
	}
	in := b.String()
	for _, r := range []io.Reader{strings.NewReader(in), iotest.HalfReader(strings.NewReader(in))} {
		src, err := Open(r, "in.csv", 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csvReadAll(t, src)
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		for _, r := range rows {
			got.WriteString(strings.Join(r.Cells, ";") + "\n")
		}
		if got.String() != in {
			t.Errorf("rows differ from the input")
		}
		if off, found := src.InvalidUTF8(); found {
			t.Errorf("InvalidUTF8() = %d, true; want false", off)
		}
	}
}

func TestCSVSourceReadError(t *testing.T) {
	boom := errors.New("disk on fire")

	// An error while sniffing is returned by Open.
	if _, err := Open(iotest.ErrReader(boom), "in.csv", 0, 0); !errors.Is(err, boom) {
		t.Errorf("Open() error = %v, want %v", err, boom)
	}

	// A later error stops the rows and is returned by Err.
	big := strings.Repeat("1,2,3\n", 20000)
	src, err := Open(io.MultiReader(strings.NewReader(big), iotest.ErrReader(boom)), "in.csv", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csvReadAll(t, src)
	if !errors.Is(err, boom) {
		t.Errorf("Err() = %v, want %v", err, boom)
	}
	var pe *budget.ParseError
	if !errors.As(err, &pe) || pe.File != "in.csv" {
		t.Errorf("Err() = %#v, want a *ParseError for in.csv", err)
	}
	if len(rows) != 20000 {
		t.Errorf("read %d rows, want 20000", len(rows))
	}
}

func TestCSVSourceWrapSyntaxError(t *testing.T) {
	// LazyQuotes leaves encoding/csv almost nothing to reject, so check the
	// mapping of its errors directly.
	s := &Source{name: "in.csv"}
	err := s.wrapErr(&csv.ParseError{StartLine: 3, Line: 4, Column: 7, Err: csv.ErrQuote}, 2)
	var pe *budget.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("wrapErr() = %T, want *ParseError", err)
	}
	if pe.File != "in.csv" || pe.Row != 4 || pe.Col != 0 {
		t.Errorf("wrapErr() = %+v, want File in.csv, Row 4, Col 0", pe)
	}
	if !errors.Is(err, csv.ErrQuote) {
		t.Errorf("wrapErr() = %v, want it to wrap csv.ErrQuote", err)
	}
}

func TestCSVSniffDelimiter(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		atEOF bool
		want  rune
	}{
		{"empty", "", true, ','},
		{"semicolons beat irregular commas", "a;b;c\n1,5;2;3\n4;5,25;6,1\n7;8;9\n", true, ';'},
		{"tabs beat commas in text", "a\tb\tc\td\n1\tx, y\t2\t3\n4\tz\t5\t6\n", true, '\t'},
		{"newline in quotes", "a,b\n\"x;\ny;z\",2\n3,4\n", true, ','},
		{"partial last record ignored", "a;b\n1;2\n3,4,5,6,7,8", false, ';'},
		{"title line", "Budget 2018, revised\nvote;programme;amount\n1;2;3\n4;5;6\n", true, ';'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniffCSVDelimiter([]byte(tt.text), tt.atEOF); got != tt.want {
				t.Errorf("sniffCSVDelimiter(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// csvRealDir is the shared folder of real public data files.
var csvRealDir = filepath.Join("..", "..", "shared", "data", "real")

func TestCSVSourceRealFiles(t *testing.T) {
	if _, err := os.Stat(csvRealDir); err != nil {
		t.Skipf("real data folder %s not available: %v", csvRealDir, err)
	}
	tests := []struct {
		path      string
		format    budget.CSVFormat
		firstCell string
		dataRows  int
	}{
		{"macedonia-budget-2014-fdp/MFBudzetIRebalansNaRMmk-MK.csv", budget.CSVFormat{Encoding: "utf-8 (BOM)", Delimiter: ';'}, "Датум на објавување", 10391},
		{"kenya-programme-budget-2018-2022/kenya_budget.csv", budget.CSVFormat{Encoding: "utf-8", Delimiter: ','}, "program", 3051},
		{"crs-uk-gender-one/UK_oda_CRS_gender.csv", budget.CSVFormat{Encoding: "utf-8", Delimiter: ','}, "year", 8671},
		{"au-budget-2015-16-fdp/data/201505181230budget1516.csv", budget.CSVFormat{Encoding: "utf-8", Delimiter: ','}, "Portfolio", 1608},
		{"eutf-africa-projects-objectives/EUTF-Projects-Database-2022-01.csv", budget.CSVFormat{Encoding: "utf-8", Delimiter: ','}, "ProjectID", 253},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			f, err := os.Open(filepath.Join(csvRealDir, tt.path))
			if err != nil {
				t.Skipf("real file not available: %v", err)
			}
			defer f.Close()
			src, err := Open(f, filepath.Base(tt.path), 0, 0)
			if err != nil {
				t.Fatalf("Open() error = %v", err)
			}
			defer src.Close()
			if got := src.Format(); got != tt.format {
				t.Errorf("Format() = %+v, want %+v", got, tt.format)
			}
			it, err := src.Rows("")
			if err != nil {
				t.Fatal(err)
			}
			defer it.Close()
			rows, last, header, width := 0, 0, 0, 0
			for it.Next() {
				n, cells := it.Row()
				if n <= last {
					t.Fatalf("row number %d after %d, want increasing", n, last)
				}
				last = n
				rows++
				if rows == 1 {
					header = len(cells)
					if n != 1 {
						t.Errorf("header row number = %d, want 1", n)
					}
					if cells[0] != tt.firstCell {
						t.Errorf("header first cell = %q, want %q", cells[0], tt.firstCell)
					}
				} else if len(cells) != header {
					width++
				}
			}
			if err := it.Err(); err != nil {
				t.Fatalf("Err() = %v", err)
			}
			if got, want := rows, tt.dataRows+1; got != want {
				t.Errorf("read %d rows, want %d (%d data rows + header)", got, want, tt.dataRows)
			}
			if width != 0 {
				t.Errorf("%d rows have a different number of cells than the header's %d", width, header)
			}
			if off, found := src.InvalidUTF8(); found {
				t.Errorf("InvalidUTF8() = %d, true; want false", off)
			}
		})
	}
}

// csvBenchData builds an in-memory budget csv of n rows.
func csvBenchData(n int) []byte {
	var b bytes.Buffer
	b.WriteString("year,vote,programme,description,approved,executed,marker,objective\r\n")
	descs := []string{
		"Management of Cabinet Affairs",
		`"Migration, refugees and border management"`,
		"Gender equality and women's empowerment programme",
		`"Health services; ""maternal"" care"`,
	}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%d,%d,%07d,%s,%d.%02d,%d,%d,GCM%d\r\n",
			2018+i%5, 1011+i%90, 702010+i%700, descs[i%len(descs)],
			1000000+i*37, i%100, 900000+i*31, i%3, 1+i%23)
	}
	return b.Bytes()
}

func BenchmarkCSVSource(b *testing.B) {
	data := csvBenchData(100000)
	b.Run("source", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			src, err := Open(bytes.NewReader(data), "bench.csv", 0, 0)
			if err != nil {
				b.Fatal(err)
			}
			it, _ := src.Rows("")
			rows := 0
			for it.Next() {
				rows++
			}
			if err := it.Err(); err != nil || rows != 100001 {
				b.Fatalf("rows = %d, err = %v", rows, err)
			}
		}
	})
	// The baseline: encoding/csv alone, with the same settings.
	b.Run("encoding-csv", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			r := csv.NewReader(bytes.NewReader(data))
			r.FieldsPerRecord, r.LazyQuotes, r.ReuseRecord = -1, true, true
			rows := 0
			for {
				_, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				rows++
			}
			if rows != 100001 {
				b.Fatalf("rows = %d", rows)
			}
		}
	})
}

func TestCountLines(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{{"", 0}, {"a", 1}, {"a\n", 1}, {"a\nb", 2}, {"a\r\nb\r\n", 2}, {"\n\n", 2}} {
		if got, err := CountLines(strings.NewReader(tt.in)); err != nil || got != tt.want {
			t.Errorf("CountLines(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}
