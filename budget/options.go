package budget

import (
	"context"
	"fmt"
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
	Decimal   DecimalMark      // how to read "1,234"; AutoDecimal: decided per column from its values
	Phase     Phase            // phase of a generic "amount" column
	PhaseSet  bool             // Phase was given (else Approved)
	Year      int              // fiscal year when the file states none
	Delimiter rune             // csv delimiter; 0 = sniff
	Tolerance Money            // largest total difference that still matches
	MaxBytes  int64            // uncompressed input limit; 0 = DefaultMaxBytes, <0 = none
	MaxRows   int              // rows per sheet limit; 0 = DefaultMaxRows, <0 = none
	Format    string           // "xlsx", "csv" or "xml" (IATI); "" = from the name and the content
	// Hierarchy says whether rows repeating the sums of the rows under
	// them (a flattened hierarchy) are read as subtotals; the zero value
	// looks for them.
	Hierarchy HierarchyMode
	Level     RecordLevel // which level of parent and child records is counted; zero = leaves

	// Context, when set, interrupts a read: the readers check it every
	// few thousand rows or activities and return its error (Interrupted).
	Context context.Context

	// ColumnsFrom says where columns of Columns came from when they were
	// not given by the user, such as "datapackage.json": the inspection
	// report names it instead of "given". Set by package fdp.
	ColumnsFrom map[Field]string
	// ScaleFrom says where Scale came from when it was not given by the
	// user, such as "datapackage.json factor"; "" reports "option".
	ScaleFrom string

	// SizeHint is the size of the file in bytes, when known, and RowHint
	// the lines of text in a csv file, when counted (an upper bound of its
	// rows). They only size the line slice once (the csv and IATI
	// readers' ReadFile set them from the file); wrong hints cost memory
	// or time, never correctness.
	SizeHint int64
	RowHint  int
}

// WithDefaults returns opt with its zero fields set to their documented
// defaults, as every reader applies them before reading: the safety
// limits (a negative limit becomes 0, meaning none), DefaultSchemes and
// the Approved phase. It returns an error wrapping ErrUnknownScheme when
// opt.Scheme names no scheme.
func (opt Options) WithDefaults() (Options, error) {
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
			return opt, fmt.Errorf("budget: %w %q", ErrUnknownScheme, opt.Scheme)
		}
	}
	return opt, nil
}

// checkEvery is how many rows or activities a reader reads between two
// looks at Options.Context.
const checkEvery = 4096

// Interrupted returns the error of opt.Context once it is done, checked
// only when n, a count of rows read, is a multiple of a few thousand (so
// that a reader may call it for every row); nil otherwise.
func (opt *Options) Interrupted(n int) error {
	if opt.Context == nil || n%checkEvery != 0 {
		return nil
	}
	return opt.Context.Err()
}
