package main

import (
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/budget"
)

// readFlags are the flags of every command that reads a budget file.
func readFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "sheet", Usage: "read only `SHEET` (hidden sheets are read only when named)"},
		&cli.IntFlag{Name: "header-row", Usage: "the header is on row `N`", DefaultText: "detected"},
		&cli.StringSliceFlag{Name: "column", Usage: "read column `FIELD=HEADER` (a header text or a column letter) as FIELD; repeatable. Fields: " + fieldList()},
		&cli.StringFlag{Name: "mapping", Usage: "read sheet, header row, columns, scheme, currency and scale from a YAML `FILE`"},
		&cli.StringFlag{Name: "scheme", Usage: "gender-marker `SCHEME` of the marker column (see grb schemes); default: inferred, with a warning"},
		&cli.StringFlag{Name: "schemes", Usage: "add or override marker schemes from a YAML `FILE`"},
		&cli.StringFlag{Name: "currency", Usage: "ISO 4217 `CODE` of the amounts when the file does not state it"},
		&cli.StringFlag{Name: "scale", Usage: "amounts are in `UNIT`: units, thousands, millions or billions (default: from the title or header, else units)"},
		&cli.StringFlag{Name: "decimal", Value: "auto", Usage: "decimal `MARK` of amounts written as text: auto, point or comma"},
		&cli.StringFlag{Name: "amount-phase", Value: "approved", Usage: "budget `PHASE` of a generic amount column: proposed, approved, revised or executed"},
		&cli.StringFlag{Name: "level", Value: "leaves", Usage: "where rows or activities are parents of others in the file, count `LEVEL`: leaves, parents or all"},
		&cli.IntFlag{Name: "year", Usage: "fiscal `YEAR` of lines when the file does not state it", DefaultText: "from the file"},
		&cli.StringFlag{Name: "delimiter", Usage: "csv `DELIMITER`: comma, semicolon or tab (default: sniffed)"},
		&cli.StringFlag{Name: "hierarchy", Value: "auto", Usage: "`MODE` for rows that repeat the sums of the rows under them (a flattened hierarchy): auto reads them as subtotals, off reads every row as a line"},
		&cli.StringFlag{Name: "tolerance", Value: "0", Usage: "largest `AMOUNT` by which a stated total may differ from its lines and still match"},
		&cli.Int64Flag{Name: "max-bytes", Value: budget.DefaultMaxBytes, Usage: "refuse inputs that unzip or decode to more than `N` bytes (-1 = no limit)"},
		&cli.IntFlag{Name: "max-rows", Value: budget.DefaultMaxRows, Usage: "refuse sheets of more than `N` rows (-1 = no limit)"},
	}
}

func fieldList() string {
	var s []string
	for _, f := range budget.Fields() {
		s = append(s, string(f))
	}
	return strings.Join(s, ", ")
}

func loadSchemes(c *cli.Context) (*budget.Schemes, error) {
	s := budget.DefaultSchemes()
	if name := c.String("schemes"); name != "" {
		f, err := openFlagFile("schemes", name)
		if err != nil {
			return nil, err
		}
		user, err := budget.ParseSchemes(f)
		f.Close()
		if err != nil {
			return nil, usagef("--schemes %s: %v", name, err)
		}
		s = s.With(user)
	}
	return s, nil
}

// readOptions copies the reading flags into budget.Options, in one place.
func readOptions(c *cli.Context) (budget.Options, error) {
	var opt budget.Options
	var err error
	if opt.Schemes, err = loadSchemes(c); err != nil {
		return opt, err
	}
	opt.Sheet = c.String("sheet")
	opt.HeaderRow = c.Int("header-row")
	opt.Scheme = c.String("scheme")
	if opt.Scheme != "" {
		if _, ok := opt.Schemes.Lookup(opt.Scheme); !ok {
			return opt, usagef("--scheme %q: unknown scheme (grb schemes lists them)", opt.Scheme)
		}
	}
	opt.Currency = strings.ToUpper(c.String("currency"))
	if s := c.String("scale"); s != "" {
		if opt.Scale, err = budget.ParseScaleName(s); err != nil {
			return opt, usagef("--scale: %v", err)
		}
	}
	if opt.Decimal, err = budget.ParseDecimalMark(c.String("decimal")); err != nil {
		return opt, usagef("--decimal: %v", err)
	}
	if c.IsSet("amount-phase") {
		if opt.Phase, err = budget.ParsePhase(c.String("amount-phase")); err != nil {
			return opt, usagef("--amount-phase: %v", err)
		}
		opt.PhaseSet = true
	}
	if opt.Hierarchy, err = budget.ParseHierarchyMode(c.String("hierarchy")); err != nil {
		return opt, usagef("--hierarchy: %v", err)
	}
	if opt.Level, err = budget.ParseRecordLevel(c.String("level")); err != nil {
		return opt, usagef("--level: %v", err)
	}
	opt.Year = c.Int("year")
	if d := c.String("delimiter"); d != "" {
		if opt.Delimiter, err = budget.ParseDelimiter(d); err != nil {
			return opt, usagef("--delimiter: %v", err)
		}
	}
	tol, ok, err := budget.ParseAmount(c.String("tolerance"), budget.Units, budget.DecimalPoint)
	if err != nil || !ok || tol.Sign() < 0 {
		return opt, usagef("--tolerance %q: want a non-negative amount such as 0.5", c.String("tolerance"))
	}
	opt.Tolerance = tol
	opt.MaxBytes = c.Int64("max-bytes")
	opt.MaxRows = c.Int("max-rows")
	opt.Context = c.Context
	for _, kv := range c.StringSlice("column") {
		k, v, found := strings.Cut(kv, "=")
		if !found || strings.TrimSpace(v) == "" {
			return opt, usagef("--column %q: want FIELD=HEADER, such as approved=Aprobado", kv)
		}
		f, err := budget.ParseField(k)
		if err != nil {
			return opt, usagef("--column: %v", err)
		}
		if opt.Columns == nil {
			opt.Columns = map[budget.Field]string{}
		}
		opt.Columns[f] = strings.TrimSpace(v)
	}
	if name := c.String("mapping"); name != "" {
		f, err := openFlagFile("mapping", name)
		if err != nil {
			return opt, err
		}
		f.Close()
		m, err := budget.ReadMappingFile(name)
		if err != nil {
			return opt, usagef("--mapping: %v", err)
		}
		if err := m.Apply(&opt); err != nil {
			return opt, usagef("--mapping %s: %v", name, err)
		}
	}
	return opt, nil
}
