package rates

import (
	"bytes"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/grb-toolkit/grb/budget"
)

//go:embed data/*.csv
var dataFS embed.FS

// The sources of the embedded tables, as a converted figure names them.
const (
	SourceIMF = "IMF IFS annual average rates (Source: International Monetary Fund), November 2025 vintage"
	SourceWB  = "World Bank WDI official exchange rate PA.NUS.FCRF (CC BY 4.0), July 2026 vintage"
	SourceCPI = "World Bank WDI consumer price inflation FP.CPI.TOTL.ZG (CC BY 4.0), July 2026 vintage, annual % changes chained"
	SourceGDP = "World Bank WDI GDP deflator inflation NY.GDP.DEFL.KD.ZG (CC BY 4.0), July 2026 vintage, annual % changes chained"
	SourceDAC = "OECD DAC deflators (2020 = 100, for US dollar figures), May 2022 vintage"
	sourceUSD = "1 by definition"
)

// Value is one number of a table: the decimal its source writes and the
// source it comes from.
type Value struct {
	Text   string // as the source writes it: "1.33116", "2.86684433333333E-08"
	Source string
}

// Rat returns v as an exact rational.
func (v Value) Rat() *big.Rat {
	r, ok := new(big.Rat).SetString(v.Text)
	if !ok {
		panic("rates: table value " + strconv.Quote(v.Text) + " is not a number") // checked when read
	}
	return r
}

// key is a code (currency or country) and a year.
type key struct {
	code string
	year int
}

// Table holds exchange rates (units of a currency per US dollar, annual
// average) and price series. The zero Table is empty; [Embedded] returns
// the tables shipped with grb.
type Table struct {
	fx      map[key]Value // the rates used: the source's, then the user's
	imf, wb map[key]Value // the embedded rate tables
	user    map[key]Value // from the user's files, winning over the source
	source  string        // the rate source: one of RateSources
	users   []string      // the user's rate files
	cpi     map[key]Value // by World Bank country code: annual % change
	gdp     map[key]Value
	dac     map[key]Value // by currency: index, 2020 = 100
	country map[string]string
}

var embedded = sync.OnceValues(func() (*Table, error) {
	t := &Table{country: map[string]string{}, source: DefaultRateSource}
	var err error
	load := func(name, source string) map[key]Value {
		if err != nil {
			return nil
		}
		var m map[key]Value
		m, err = readTable(dataFS, "data/"+name, source)
		return m
	}
	t.imf, t.wb = load("fx_imf.csv", SourceIMF), load("fx_wb.csv", SourceWB)
	t.cpi, t.gdp, t.dac = load("cpi_wb.csv", SourceCPI), load("gdp_wb.csv", SourceGDP), load("dac_2020.csv", SourceDAC)
	if err != nil {
		return nil, err
	}
	t.rebuild()
	recs, err := readCSV(dataFS, "data/currencies.csv")
	for _, r := range recs {
		t.country[r[0]] = r[2]
	}
	return t, err
})

// Embedded returns the tables shipped with grb, with the default rate
// source.
func Embedded() (*Table, error) { return embedded() }

// DefaultRateSource is the rate source of the embedded tables: the IMF's
// rates, then the World Bank's for the years after the IMF table's last.
const DefaultRateSource = "imf+wb"

// rateSources are the choices of WithRateSource, in the order RateSources
// lists them, with the tables each takes, first table first.
var rateSources = []struct {
	name   string
	tables []string
}{
	{DefaultRateSource, []string{SourceIMF, SourceWB}},
	{"imf", []string{SourceIMF}},
	{"wb", []string{SourceWB}},
}

// RateSources returns the names WithRateSource takes: imf+wb (the
// default), imf and wb.
func RateSources() []string {
	out := make([]string, len(rateSources))
	for i, s := range rateSources {
		out[i] = s.name
	}
	return out
}

// WithRateSource returns a copy of t whose exchange rates come from the
// embedded tables that source names (one of RateSources): imf+wb takes
// the IMF's rate where it has one and the World Bank's after it, imf and
// wb one table only (the World Bank's every year from 1960). Rates from
// the user's files still win.
func (t *Table) WithRateSource(source string) (*Table, error) {
	if !slices.Contains(RateSources(), source) {
		return nil, fmt.Errorf("rate source %q: want %s", source, strings.Join(RateSources(), ", "))
	}
	out := *t
	out.source = source
	out.rebuild()
	return &out, nil
}

// RateSource returns the name of t's rate source.
func (t *Table) RateSource() string { return t.source }

// RateSourceText says where t's rates come from, with their vintages:
// "rate source imf: IMF IFS annual average rates (…), November 2025
// vintage".
func (t *Table) RateSourceText() string {
	var tables []string
	for _, s := range rateSources {
		if s.name == t.source {
			tables = s.tables
		}
	}
	s := "rate source " + t.source + ": " + strings.Join(tables, "; then, for the years after it, ")
	if len(t.users) > 0 {
		s += "; the rates of " + strings.Join(t.users, ", ") + " win over them"
	}
	return s
}

// sourceText names t's rate tables in an error message.
func (t *Table) sourceText() string {
	s := "the rate source " + t.source
	if len(t.users) > 0 {
		s += " and " + strings.Join(t.users, ", ")
	}
	return s
}

// rebuild sets t.fx from the tables of t.source, then the user's rates.
func (t *Table) rebuild() {
	t.fx = make(map[key]Value, len(t.imf)+len(t.wb)+len(t.user))
	merge := func(m map[key]Value) {
		for k, v := range m {
			if _, ok := t.fx[k]; !ok {
				t.fx[k] = v
			}
		}
	}
	for k, v := range t.user {
		t.fx[k] = v
	}
	switch t.source {
	case "imf":
		merge(t.imf)
	case "wb":
		merge(t.wb)
	default:
		merge(t.imf)
		merge(t.wb)
	}
}

// readCSV reads a table file: '#' comment lines, a header, then rows of
// three fields.
func readCSV(fsys fs.FS, name string) ([][]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = 3
	recs, err := r.ReadAll()
	if err != nil || len(recs) == 0 {
		return nil, fmt.Errorf("rates: %s: %v", name, err)
	}
	return recs[1:], nil
}

// readTable reads a table file into values by code and year.
func readTable(fsys fs.FS, name, source string) (map[key]Value, error) {
	recs, err := readCSV(fsys, name)
	if err != nil {
		return nil, err
	}
	m := make(map[key]Value, len(recs))
	for _, r := range recs {
		y, err := strconv.Atoi(r[1])
		if _, ok := new(big.Rat).SetString(r[2]); err != nil || !ok {
			return nil, fmt.Errorf("rates: %s: row %q", name, strings.Join(r, ","))
		}
		m[key{r[0], y}] = Value{r[2], source}
	}
	return m, nil
}

// PerUSD returns the annual average rate of currency cur in year: units
// of cur per US dollar. A missing rate is an error naming both, with the
// issue code rate-missing, or currency-unknown when no year has one.
func (t *Table) PerUSD(cur string, year int) (Value, error) {
	if v, ok := t.fx[key{cur, year}]; ok {
		return v, nil
	}
	if cur == "USD" {
		return Value{"1", sourceUSD}, nil
	}
	for k := range t.fx {
		if k.code == cur {
			return Value{}, missing(CodeRateMissing, cur, year, "no exchange rate for %s in %d in %s (give one with --rates FILE)", cur, year, t.sourceText())
		}
	}
	return Value{}, missing(CodeCurrencyUnknown, cur, year, "no exchange rate for %s in any year in %s: not a currency the tables know (give its rates with --rates FILE)", cur, t.sourceText())
}

// Percent returns the annual % change of series (cpi or gdp) for the
// country of currency cur in year.
func (t *Table) Percent(series, cur string, year int) (Value, error) {
	m := map[string]map[key]Value{"cpi": t.cpi, "gdp": t.gdp}[series]
	c := t.country[cur]
	if c == "" {
		return Value{}, missing(CodeDeflatorMissing, cur, year, "no %s series for %s: its country has none in the World Bank tables (give --deflators FILE)", series, cur)
	}
	if v, ok := m[key{c, year}]; ok {
		return v, nil
	}
	return Value{}, missing(CodeDeflatorMissing, cur, year, "no %s inflation for %s (%s) in %d (give --deflators FILE)", strings.ToUpper(series), cur, c, year)
}

// DAC returns the DAC deflator (2020 = 100) of the donor whose currency
// is cur, in year.
func (t *Table) DAC(cur string, year int) (Value, error) {
	if v, ok := t.dac[key{cur, year}]; ok {
		return v, nil
	}
	return Value{}, missing(CodeDeflatorMissing, cur, year, "no DAC deflator for %s in %d: the OECD table has DAC donors only, to 2021 (give --deflators FILE)", cur, year)
}

// Country returns the World Bank code of the country whose price series
// deflate amounts in currency cur, or "".
func (t *Table) Country(cur string) string { return t.country[cur] }

// WithRates returns a copy of t whose rates from the user's file r win
// over t's. name says the format: a .csv file has the header
// currency,year,rate; a .yaml or .yml file maps currency to year to rate
// (EUR: {2023: 0.9248}). Rates are units of the currency per US dollar.
func (t *Table) WithRates(r io.Reader, name string) (*Table, error) {
	var rows [][3]string
	var err error
	switch {
	case strings.HasSuffix(strings.ToLower(name), ".csv"):
		rows, err = userCSV(r)
	default:
		rows, err = userYAML(r)
	}
	if err != nil {
		return nil, err
	}
	out := *t
	out.user = make(map[key]Value, len(t.user)+len(rows))
	for k, v := range t.user {
		out.user[k] = v
	}
	out.users = append(slices.Clone(t.users), name)
	for _, row := range rows {
		y, err := strconv.Atoi(strings.TrimSpace(row[1]))
		v, ok := new(big.Rat).SetString(strings.TrimSpace(row[2]))
		if err != nil || !ok || v.Sign() <= 0 {
			return nil, fmt.Errorf("rate %q of %s in %q: want a year and a positive number of units per US dollar", row[2], row[0], row[1])
		}
		cur := strings.ToUpper(strings.TrimSpace(row[0]))
		out.user[key{cur, y}] = Value{strings.TrimSpace(row[2]), "user rates " + name}
	}
	out.rebuild()
	return &out, nil
}

// userCSV reads user rates as csv: currency,year,rate. A file larger than
// budget.MaxYAMLBytes, the bound of every settings file, is refused.
func userCSV(r io.Reader) ([][3]string, error) {
	data, err := io.ReadAll(io.LimitReader(r, budget.MaxYAMLBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > budget.MaxYAMLBytes {
		return nil, fmt.Errorf("the file is larger than %d bytes: %w", budget.MaxYAMLBytes, budget.ErrLimit)
	}
	c := csv.NewReader(bytes.NewReader(data))
	c.Comment = '#'
	c.FieldsPerRecord = 3
	recs, err := c.ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 || strings.ToLower(strings.Join(recs[0], ",")) != "currency,year,rate" {
		return nil, errors.New("want a header currency,year,rate")
	}
	out := make([][3]string, 0, len(recs)-1)
	for _, rec := range recs[1:] {
		out = append(out, [3]string{rec[0], rec[1], rec[2]})
	}
	return out, nil
}
