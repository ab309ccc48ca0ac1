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
	fx      map[key]Value
	cpi     map[key]Value // by World Bank country code: annual % change
	gdp     map[key]Value
	dac     map[key]Value // by currency: index, 2020 = 100
	country map[string]string
}

var embedded = sync.OnceValues(func() (*Table, error) {
	t := &Table{country: map[string]string{}}
	var err error
	load := func(name, source string) map[key]Value {
		if err != nil {
			return nil
		}
		var m map[key]Value
		m, err = readTable(dataFS, "data/"+name, source)
		return m
	}
	imf, wb := load("fx_imf.csv", SourceIMF), load("fx_wb.csv", SourceWB)
	t.cpi, t.gdp, t.dac = load("cpi_wb.csv", SourceCPI), load("gdp_wb.csv", SourceGDP), load("dac_2020.csv", SourceDAC)
	if err != nil {
		return nil, err
	}
	t.fx = imf
	for k, v := range wb {
		if _, ok := t.fx[k]; !ok {
			t.fx[k] = v
		}
	}
	recs, err := readCSV(dataFS, "data/currencies.csv")
	for _, r := range recs {
		t.country[r[0]] = r[2]
	}
	return t, err
})

// Embedded returns the tables shipped with grb.
func Embedded() (*Table, error) { return embedded() }

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
// of cur per US dollar. A missing rate is an error naming both.
func (t *Table) PerUSD(cur string, year int) (Value, error) {
	if v, ok := t.fx[key{cur, year}]; ok {
		return v, nil
	}
	if cur == "USD" {
		return Value{"1", sourceUSD}, nil
	}
	return Value{}, fmt.Errorf("no exchange rate for %s in %d (give one with --rates FILE)", cur, year)
}

// Percent returns the annual % change of series (cpi or gdp) for the
// country of currency cur in year.
func (t *Table) Percent(series, cur string, year int) (Value, error) {
	m := map[string]map[key]Value{"cpi": t.cpi, "gdp": t.gdp}[series]
	c := t.country[cur]
	if c == "" {
		return Value{}, fmt.Errorf("no %s series for %s: its country has none in the World Bank tables (give --deflators FILE)", series, cur)
	}
	if v, ok := m[key{c, year}]; ok {
		return v, nil
	}
	return Value{}, fmt.Errorf("no %s inflation for %s (%s) in %d (give --deflators FILE)", strings.ToUpper(series), cur, c, year)
}

// DAC returns the DAC deflator (2020 = 100) of the donor whose currency
// is cur, in year.
func (t *Table) DAC(cur string, year int) (Value, error) {
	if v, ok := t.dac[key{cur, year}]; ok {
		return v, nil
	}
	return Value{}, fmt.Errorf("no DAC deflator for %s in %d: the OECD table has DAC donors only, to 2021 (give --deflators FILE)", cur, year)
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
	out.fx = make(map[key]Value, len(t.fx)+len(rows))
	for k, v := range t.fx {
		out.fx[k] = v
	}
	for _, row := range rows {
		y, err := strconv.Atoi(strings.TrimSpace(row[1]))
		v, ok := new(big.Rat).SetString(strings.TrimSpace(row[2]))
		if err != nil || !ok || v.Sign() <= 0 {
			return nil, fmt.Errorf("rate %q of %s in %q: want a year and a positive number of units per US dollar", row[2], row[0], row[1])
		}
		cur := strings.ToUpper(strings.TrimSpace(row[0]))
		out.fx[key{cur, y}] = Value{strings.TrimSpace(row[2]), "user rates " + name}
	}
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
