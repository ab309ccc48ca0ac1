package budget

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Default safety limits; Options overrides them.
const (
	DefaultMaxBytes = 1 << 30   // 1 GiB uncompressed
	DefaultMaxRows  = 5_000_000 // rows in one sheet
)

// Options controls how a budget file is read. The zero value reads every
// visible sheet, detects the header, maps columns by their names, infers
// scale and marker scheme (with a warning naming what it assumed) and
// applies the default safety limits.
type Options struct {
	Sheet     string           // read only this sheet (hidden or not); "" = every visible sheet
	HeaderRow int              // 1-based header row; 0 = detect
	Columns   map[Field]string // field → header text or column letter, overriding recognition
	Scheme    string           // gender-marker scheme id; "" = infer from header and values
	Schemes   *Schemes         // marker schemes; nil = DefaultSchemes()
	Currency  string           // ISO 4217 code when the file states none
	Scale     Scale            // unit of the amounts; 0 = from the title or header, else units
	Decimal   DecimalMark      // how to read "1,234"; AutoDecimal guesses per cell
	Phase     Phase            // phase of a generic "amount" column
	PhaseSet  bool             // Phase was given (else Approved)
	Year      int              // fiscal year when the file states none
	Delimiter rune             // csv delimiter; 0 = sniff
	Tolerance Money            // largest total difference that still matches
	MaxBytes  int64            // uncompressed input limit; 0 = DefaultMaxBytes, <0 = none
	MaxRows   int              // rows per sheet limit; 0 = DefaultMaxRows, <0 = none
	Format    string           // "xlsx", "csv" or "xml" (IATI); "" = from the name and the content

	sizeHint    int64          // bytes in the file, when known; used to size the line slice once
	rowHint     int            // lines of text in a csv file, when counted: an upper bound of its rows
	fromPackage map[Field]bool // Columns taken from a Fiscal Data Package's model
	scaleFrom   string         // where Scale came from, when not a flag
}

// ReadFile reads a budget file. It is the only function of the package
// that opens a budget file. A Fiscal Data Package (its datapackage.json, or
// the folder that holds it) is read as the csv file it describes, with the
// columns, currency, scale and phases of its model (see Package.Apply);
// Budget.Package then says what was taken from it.
func ReadFile(name string, opt Options) (*Budget, error) {
	if IsPackage(name) {
		p, err := ReadPackage(name)
		if err != nil {
			return nil, err
		}
		p.Apply(&opt)
		b, err := ReadFile(p.Data, opt)
		if b != nil {
			b.Package = p
		}
		return b, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		opt.sizeHint = st.Size()
	}
	// For a csv, counting its lines first (a fast byte scan) lets the line
	// slice be allocated once at its final size: growing a slice of a
	// million lines would hold two copies at once.
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".csv" || ext == ".tsv" || ext == ".txt" {
		if n, err := countLines(f); err == nil {
			opt.rowHint = n
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
	}
	return Read(f, name, opt)
}

// Read reads a budget from r; name is used in messages and to tell the
// format. The returned Budget is non-nil whenever err is nil, and also
// when the file could be opened but yielded no lines (err then wraps
// ErrNoHeader or ErrNoAmountColumn and b.Issues says why).
func Read(r io.Reader, name string, opt Options) (*Budget, error) {
	if opt.MaxBytes == 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxRows == 0 {
		opt.MaxRows = DefaultMaxRows
	}
	if opt.MaxBytes < 0 {
		opt.MaxBytes = 0
	}
	if opt.MaxRows < 0 {
		opt.MaxRows = 0
	}
	if opt.Schemes == nil {
		opt.Schemes = DefaultSchemes()
	}
	if !opt.PhaseSet {
		opt.Phase = Approved
	}
	if opt.Scheme != "" {
		if _, ok := opt.Schemes.Lookup(opt.Scheme); !ok {
			return nil, fmt.Errorf("budget: %w %q", ErrUnknownScheme, opt.Scheme)
		}
	}
	br := bufio.NewReaderSize(r, 64<<10)
	format := opt.Format
	if format == "" {
		format = detectFormat(name, br)
	}
	b := &Budget{Source: name, Format: format, Tolerance: opt.Tolerance}
	if format == "xml" || format == "iati" {
		// IATI activities are not a table: readIATI builds the lines.
		b.Format = "iati"
		if err := readIATI(b, br, name, &opt); err != nil {
			return nil, err
		}
		return b, nil
	}
	var src tableSource
	var csvSrc *csvSource
	switch format {
	case "xlsx":
		s, err := newXLSXSource(br, name, opt.MaxBytes, opt.MaxRows)
		if err != nil {
			return nil, err
		}
		src = s
	case "csv":
		s, err := newCSVSource(br, name, opt.Delimiter, opt.MaxBytes)
		if err != nil {
			return nil, err
		}
		f := s.Format()
		b.CSV = &f
		src, csvSrc = s, s
	default:
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w: want .xlsx, .csv or IATI .xml (tab- or semicolon-separated text is read as csv)", ErrUnknownFormat)}
	}
	defer src.Close()

	sheets := src.Sheets()
	found := false
	for _, sh := range sheets {
		if opt.Sheet != "" && sh.Name != opt.Sheet {
			continue
		}
		found = true
		rep := SheetReport{Name: sh.Name, Hidden: sh.Hidden}
		if sh.Hidden && opt.Sheet == "" {
			rep.Skipped = "hidden sheet (name it with --sheet to read it)"
			b.Sheets = append(b.Sheets, rep)
			b.issue(Warning, "sheet-hidden", At(name, sh.Name, 0, 0), "", "", "hidden sheet skipped; name it with --sheet to read it", nil)
			continue
		}
		it, err := src.Rows(sh.Name)
		if err != nil {
			return nil, err
		}
		sr := newSheetReader(b, &opt, name, sh.Name, rep)
		err = sr.read(it)
		it.Close()
		if err != nil {
			return nil, err
		}
	}
	if csvSrc != nil {
		if off, bad := csvSrc.InvalidUTF8(); bad {
			b.issue(Warning, "encoding-invalid", At(name, "", 0, 0), "", "UTF-8 text throughout", fmt.Sprintf("bytes that are not UTF-8 from byte %d on were read as U+FFFD (the start of the file looked like UTF-8); re-save the file as UTF-8", off), nil)
		}
	}
	if !found && format == "csv" {
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w %q: a csv file has no sheets (drop --sheet)", ErrNoSuchSheet, opt.Sheet)}
	}
	if !found {
		names := make([]string, len(sheets))
		for i, s := range sheets {
			names[i] = s.Name
		}
		return nil, &ParseError{File: name, Sheet: opt.Sheet, Err: fmt.Errorf("%w (the workbook has %s)", ErrNoSuchSheet, strings.Join(names, ", "))}
	}
	if len(b.Lines) == 0 {
		for _, s := range b.Sheets {
			if s.HeaderRow > 0 {
				return b, nil
			}
		}
		return b, &ParseError{File: name, Err: fmt.Errorf("%w in any sheet: name the columns with --column FIELD=HEADER or a mapping file", ErrNoHeader)}
	}
	return b, nil
}

// countLines counts the newlines of r, plus one for a last line without
// one.
func countLines(r io.Reader) (int, error) {
	buf := make([]byte, 256<<10)
	n, last := 0, byte('\n')
	for {
		k, err := r.Read(buf)
		if k > 0 {
			n += bytes.Count(buf[:k], []byte{'\n'})
			last = buf[k-1]
		}
		if err == io.EOF {
			if last != '\n' {
				n++
			}
			return n, nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// detectFormat tells xlsx from csv and XML by the zip signature, then by
// an XML declaration or <iati-activities> root at the start (after an
// optional byte-order mark and white space), then by the name.
func detectFormat(name string, br *bufio.Reader) string {
	if head, _ := br.Peek(4); bytes.Equal(head, []byte("PK\x03\x04")) {
		return "xlsx"
	}
	head, _ := br.Peek(512)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	if bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<iati-activities")) {
		return "xml"
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xml":
		return "xml"
	case ".xlsx", ".xlsm":
		return "xlsx"
	case ".csv", ".tsv", ".txt", "":
		return "csv"
	}
	return ""
}

func (b *Budget) issue(sev Severity, code string, pos Position, found, expected, msg string, err error) {
	b.Issues = append(b.Issues, Issue{Code: code, Severity: sev, Pos: pos, Found: found, Expected: expected, Message: msg, Err: err})
}

// errMsg strips the "budget: " prefix of our own errors for issue messages.
func errMsg(err error) string {
	return strings.TrimPrefix(err.Error(), "budget: ")
}
