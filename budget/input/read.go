package input

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/csv"
	"github.com/grb-toolkit/grb/budget/fdp"
	"github.com/grb-toolkit/grb/budget/iati"
	"github.com/grb-toolkit/grb/budget/tagging"
	"github.com/grb-toolkit/grb/budget/xlsx"
	"github.com/grb-toolkit/grb/internal/files"
)

// Format is a kind of input file, as Detect tells it.
type Format string

// The formats grb reads.
const (
	Unknown     Format = ""
	XLSX        Format = "xlsx"        // an .xlsx workbook
	CSV         Format = "csv"         // comma-, semicolon- or tab-separated text
	IATI        Format = "iati"        // IATI activities (XML)
	DataPackage Format = "datapackage" // a Fiscal Data Package: a datapackage.json, or its folder
	Tagging     Format = "tagging"     // a tagging workbook made by grb (an .xlsx workbook with its hidden "grb" sheet)
)

// sniffBytes is how much of a file its format is told from.
const sniffBytes = 512

// Detect tells the format of the named file: a Fiscal Data Package (a
// folder holding a datapackage.json, or a .json descriptor), then, from
// its first bytes, an .xlsx workbook (a tagging workbook when it holds
// grb's hidden sheet) or IATI XML, then, from its name, csv. It returns
// Unknown, with no error, for a file it cannot tell.
//
// Like every way in, it refuses a path that is not a regular file once
// its links are followed (files.Check), without reading it.
func Detect(name string) (Format, error) {
	if fdp.IsPackage(name) {
		return DataPackage, nil
	}
	head, err := readHead(name)
	if err != nil {
		return Unknown, err
	}
	f := sniff(head, name)
	if f == XLSX {
		data, err := files.ReadFile(name, budget.DefaultMaxBytes)
		if err != nil {
			return Unknown, err
		}
		if tagging.Sniff(data) {
			return Tagging, nil
		}
	}
	return f, nil
}

// sniff tells xlsx from csv and XML by the zip signature, then by an XML
// declaration or <iati-activities> root at the start (after an optional
// byte-order mark and white space), then by the name.
func sniff(head []byte, name string) Format {
	switch {
	case xlsx.Sniff(head):
		return XLSX
	case iati.Sniff(head):
		return IATI
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xml":
		return IATI
	case ".xlsx", ".xlsm":
		return XLSX
	case ".csv", ".tsv", ".txt", "":
		return CSV
	}
	return Unknown
}

// formatOption is the format opt.Format names: "xlsx", "csv", or "xml"
// or "iati" for IATI; Unknown when it names none.
func formatOption(s string) Format {
	switch s {
	case "xlsx":
		return XLSX
	case "csv":
		return CSV
	case "xml", "iati":
		return IATI
	}
	return Unknown
}

// readHead returns the first bytes of the named file, once files.Check
// allows it (of any size).
func readHead(name string) ([]byte, error) {
	f, err := files.Open(name, -1)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// A short or unreadable file gives what could be read: the reader of
	// the format it is taken for says what is wrong.
	head := make([]byte, sniffBytes)
	n, _ := io.ReadFull(f, head)
	return head[:n], nil
}

// ReadFile reads the budget file name, whatever its format (see Detect).
// It is the one way in: every command of grb reads a budget through it.
//
//   - A Fiscal Data Package (its datapackage.json, or the folder that
//     holds it) is read as the csv file it describes, with the columns,
//     currency, scale and phases of its model; Budget.Package then says
//     what was taken from it.
//   - A tagging workbook is read back as its hidden sheet says, with the
//     tags of its confirmed rows (tagging.Read), unless opt.Sheet names a
//     sheet: then it is read as the plain workbook it also is.
//   - opt.Format, when set, says the format instead of the file's content
//     and name.
//
// Before any of it is read, name (and a package's data file) must be a
// regular file once its links are followed, no larger than opt.MaxBytes
// (see CheckFile).
//
// The returned Budget is non-nil whenever err is nil, and also when the
// file could be opened but yielded no lines (err then wraps
// budget.ErrNoHeader or budget.ErrNoAmountColumn and b.Issues says why).
func ReadFile(name string, opt budget.Options) (*budget.Budget, error) {
	if err := CheckFile(name, opt.MaxBytes); err != nil {
		return nil, err
	}
	return noted(readFile(name, opt))
}

// CheckFile applies grb's one rule for input files (package files) to
// name before any of it is read: it must be a regular file once its
// symbolic links are followed (a Fiscal Data Package's folder or
// descriptor is checked, with its data file, when the package is read),
// of no more than maxBytes bytes (0: budget.DefaultMaxBytes, <0: any).
func CheckFile(name string, maxBytes int64) error {
	if fdp.IsPackage(name) {
		return nil
	}
	_, err := files.Check(name, maxBytes)
	return err
}

// noted records what every budget read is told about its money, whatever
// its format: its negative amounts (noteNegatives) and the sums that
// cannot be made (checkSums).
func noted(b *budget.Budget, err error) (*budget.Budget, error) {
	if b != nil {
		noteNegatives(b)
		checkSums(b)
	}
	return b, err
}

func readFile(name string, opt budget.Options) (*budget.Budget, error) {
	if opt.Sheet == "" {
		if t, ok, err := readTaggingFile(name, opt); ok || err != nil {
			if t == nil {
				return nil, err
			}
			return t.Budget, nil
		}
	}
	if fdp.IsPackage(name) {
		return fdp.ReadFile(name, opt)
	}
	head, err := readHead(name)
	if err != nil {
		return nil, err
	}
	format := formatOption(opt.Format)
	if format == Unknown {
		format = sniff(head, name)
	}
	switch format {
	case XLSX:
		return xlsx.ReadFile(name, opt)
	case CSV:
		return csv.ReadFile(name, opt)
	case IATI:
		return iati.ReadFile(name, opt)
	}
	return nil, unknownFormat(name, opt)
}

// Read reads a budget from r, whatever its format, as ReadFile does (but
// for a Fiscal Data Package, which is a folder of files); name is used in
// messages and to tell the format.
func Read(r io.Reader, name string, opt budget.Options) (*budget.Budget, error) {
	return noted(read(r, name, opt))
}

func read(r io.Reader, name string, opt budget.Options) (*budget.Budget, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(sniffBytes)
	if opt.Sheet == "" && xlsx.Sniff(head) {
		data, err := io.ReadAll(br)
		if err != nil {
			return nil, fmt.Errorf("budget: read %s: %w", name, err)
		}
		t, err := tagging.Read(bytes.NewReader(data), name, opt)
		switch {
		case err == nil:
			return t.Budget, nil
		case !errors.Is(err, tagging.ErrNotTagging):
			return nil, err
		}
		br = bufio.NewReader(bytes.NewReader(data))
	}
	format := formatOption(opt.Format)
	if format == Unknown {
		format = sniff(head, name)
	}
	switch format {
	case XLSX:
		return xlsx.Read(br, name, opt)
	case CSV:
		return csv.Read(br, name, opt)
	case IATI:
		return iati.Read(br, name, opt)
	}
	return nil, unknownFormat(name, opt)
}

// unknownFormat is the error of a file of no format grb reads; a bad
// option is reported first, as every reader does.
func unknownFormat(name string, opt budget.Options) error {
	if _, err := opt.WithDefaults(); err != nil {
		return err
	}
	return &budget.ParseError{File: name, Err: fmt.Errorf("%w: want .xlsx, .csv or IATI .xml (tab- or semicolon-separated text is read as csv)", budget.ErrUnknownFormat)}
}

// readTaggingFile reads name as a tagging workbook; ok is false, with no
// error, when name is not one. Only a file that starts like an .xlsx
// workbook is read here; any other file is not read beyond its first
// bytes.
func readTaggingFile(name string, opt budget.Options) (t *tagging.Tagging, ok bool, err error) {
	if head, err := readHead(name); err != nil || !xlsx.Sniff(head) {
		return nil, false, nil
	}
	t, err = tagging.ReadFile(name, opt)
	switch {
	case errors.Is(err, tagging.ErrNotTagging):
		return nil, false, nil
	case err != nil:
		return nil, true, err
	}
	return t, true, nil
}
