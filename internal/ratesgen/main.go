package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

func main() {
	src := flag.String("src", "testdata/source", "`DIR` of the source files")
	out := flag.String("out", "data", "`DIR` the tables are written to")
	flag.Parse()
	files, err := build(os.DirFS(*src))
	if err == nil {
		err = write(*out, files)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ratesgen:", err)
		os.Exit(1)
	}
}

// write writes files into dir.
func write(dir string, files map[string][]byte) error {
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// The source files.
const (
	imfFile = "imf_exchangerates_A_ENDA_USD.csv"
	wbFX    = "wb_PA.NUS.FCRF.csv"
	wbCPI   = "wb_FP.CPI.TOTL.ZG.csv"
	wbGDP   = "wb_NY.GDP.DEFL.KD.ZG.csv"
	dacFile = "oecd_dac_deflators_2020base.csv"
)

// shared names the one country whose IMF series a currency used by
// several countries (or mislabelled) is read from: the currency union
// where the IMF has one (U2 euro area, 7A WAEMU, 5X CEMAC, 5Y ECCU),
// else the issuing country. HTG is Haiti, which the IMF file labels USD
// by mistake. A currency of several countries missing here stops the
// generator.
var shared = map[string]string{
	"AUD": "AU", "BEF": "BE", "CHF": "CH", "DKK": "DK", "EUR": "U2",
	"FRF": "FR", "GBP": "GB", "ITL": "IT", "NLG": "NL", "USD": "US",
	"XAF": "5X", "XCD": "5Y", "XCG": "CW", "XOF": "7A", "XPF": "NC",
	"ZAR": "ZA", "HTG": "HT",
}

// skipped are currencies left out: YDD (South Yemen dinar) is under two
// IMF codes with no issuing country.
var skipped = map[string]bool{"YDD": true}

// wbCode are the World Bank codes of IMF codes that are not ISO 3166
// regions.
var wbCode = map[string]string{"U2": "EMU"}

// dacDonor maps DAC deflator rows to the currency whose amounts they
// deflate; EUR takes the EU Institutions' row. Euro members' own rows
// are kept under their legacy currency.
var dacDonor = map[string]string{
	"Australia": "AUD", "Austria": "ATS", "Belgium": "BEF", "Canada": "CAD",
	"Czech Republic": "CZK", "Denmark": "DKK", "Finland": "FIM", "France": "FRF",
	"Germany": "DEM", "Greece": "GRD", "Hungary": "HUF", "Iceland": "ISK",
	"Ireland": "IEP", "Italy": "ITL", "Japan": "JPY", "Korea": "KRW",
	"Luxembourg": "LUF", "Netherlands": "NLG", "New Zealand": "NZD", "Norway": "NOK",
	"Poland": "PLN", "Portugal": "PTE", "Slovak Republic": "SKK", "Slovenia": "SIT",
	"Spain": "ESP", "Sweden": "SEK", "Switzerland": "CHF", "United Kingdom": "GBP",
	"United States": "USD", "EU Institutions": "EUR",
}

// table is rows of a compact table, keyed by code and year.
type table struct {
	header string
	rows   [][3]string
}

func (t *table) bytes() []byte {
	slices.SortFunc(t.rows, func(a, b [3]string) int {
		return cmpRows(a, b)
	})
	var buf bytes.Buffer
	buf.WriteString(t.header)
	for _, r := range t.rows {
		buf.WriteString(r[0] + "," + r[1] + "," + r[2] + "\n")
	}
	return buf.Bytes()
}

func cmpRows(a, b [3]string) int {
	if c := strings.Compare(a[0], b[0]); c != 0 {
		return c
	}
	return strings.Compare(a[1], b[1])
}

// readCSV reads a whole csv file of fsys.
func readCSV(fsys fs.FS, name string) ([][]string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("%s: no rows", name)
	}
	return recs[1:], nil
}

// build makes the embedded tables from the source files in fsys.
func build(fsys fs.FS) (map[string][]byte, error) {
	imf, err := readCSV(fsys, imfFile)
	if err != nil {
		return nil, err
	}
	cur, err := currencies(imf)
	if err != nil {
		return nil, err
	}
	fxIMF, err := imfRates(imf, cur)
	if err != nil {
		return nil, err
	}
	wb := map[string]string{} // currency → World Bank code
	for c, iso2 := range cur {
		if code := worldBankCode(iso2); code != "" {
			wb[c] = code
		}
	}
	fxWB, err := wbRates(fsys, wb)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{"fx_imf.csv": fxIMF.bytes(), "fx_wb.csv": fxWB.bytes()}
	countries := map[string]bool{}
	for _, code := range wb {
		countries[code] = true
	}
	for name, src := range map[string]string{"cpi_wb.csv": wbCPI, "gdp_wb.csv": wbGDP} {
		t, err := wbSeries(fsys, src, countries)
		if err != nil {
			return nil, err
		}
		out[name] = t.bytes()
	}
	dac, err := dacTable(fsys)
	if err != nil {
		return nil, err
	}
	out["dac_2020.csv"] = dac.bytes()
	out["currencies.csv"] = currencyTable(cur, wb)
	return out, nil
}

// currencies maps each ISO 4217 code of the IMF file to the IMF country
// code its series is read from.
func currencies(imf [][]string) (map[string]string, error) {
	by := map[string]map[string]bool{}
	for _, r := range imf {
		if len(r) < 7 {
			continue
		}
		if by[r[2]] == nil {
			by[r[2]] = map[string]bool{}
		}
		by[r[2]][r[5]] = true
	}
	out := map[string]string{}
	var missing []string
	for c, set := range by {
		switch {
		case skipped[c]:
		case shared[c] != "":
			out[c] = shared[c]
		case len(set) == 1:
			for k := range set {
				out[c] = k
			}
		default:
			missing = append(missing, c)
		}
	}
	out["HTG"] = shared["HTG"]
	if len(missing) > 0 {
		slices.Sort(missing)
		return nil, fmt.Errorf("%s: currencies of several countries with no reference country in shared: %s", imfFile, strings.Join(missing, ", "))
	}
	return out, nil
}

// imfRates keeps the IMF rows of each currency's reference country.
func imfRates(imf [][]string, cur map[string]string) (*table, error) {
	t := &table{header: "# Source: International Monetary Fund. IFS annual average, national currency per US dollar (codeforIATI/imf-exchangerates, November 2025 scrape); transformed: one reference country per currency.\ncurrency,year,rate\n"}
	byCountry := map[string]string{}
	for c, k := range cur {
		byCountry[k] = c
	}
	for _, r := range imf {
		if len(r) < 7 {
			continue
		}
		c, ok := byCountry[r[5]]
		if !ok || (r[2] != c && r[5] != "HT") {
			continue // a legacy-currency row of a reference country
		}
		y, err := strconv.Atoi(strings.TrimSuffix(r[0], "-12-31"))
		if err != nil {
			return nil, fmt.Errorf("%s: date %q", imfFile, r[0])
		}
		t.rows = append(t.rows, [3]string{c, strconv.Itoa(y), r[1]})
	}
	return t, nil
}

// worldBankCode is the World Bank code of an IMF country code, or "".
func worldBankCode(iso2 string) string {
	if c, ok := wbCode[iso2]; ok {
		return c
	}
	reg, err := language.ParseRegion(iso2)
	if err != nil || !reg.IsCountry() {
		return ""
	}
	if c := reg.ISO3(); c != "ZZZ" {
		return c
	}
	return ""
}

// wbRates keeps the World Bank rates of every year the file gives, for
// each currency's reference country, except a euro member's rows from
// the year it joined: a row equal to the euro area's (EMU) rate of its
// year is a euro rate, not one of the member's legacy currency (Germany
// 1999 is in euros, DEM stops in 1998).
func wbRates(fsys fs.FS, wb map[string]string) (*table, error) {
	recs, err := readCSV(fsys, wbFX)
	if err != nil {
		return nil, err
	}
	byCode := map[string]string{}
	for c, code := range wb {
		byCode[code] = c
	}
	euro := map[string]string{} // year → the euro area's rate
	for _, r := range recs {
		if len(r) == 4 && r[1] == wbCode[shared["EUR"]] {
			euro[r[2]] = r[3]
		}
	}
	t := &table{header: "# Source: The World Bank: World Development Indicators: Official exchange rate (LCU per US$, period average) [PA.NUS.FCRF] (datasets/world-development-indicators, July 2026), CC BY 4.0; transformed: the reference country of each currency, every year; a euro member's rows at the euro area's rate left out.\ncurrency,year,rate\n"}
	for _, r := range recs {
		if len(r) != 4 {
			return nil, fmt.Errorf("%s: row %q", wbFX, strings.Join(r, ","))
		}
		c, ok := byCode[r[1]]
		if !ok || c != "EUR" && euro[r[2]] == r[3] {
			continue
		}
		if _, err := strconv.Atoi(r[2]); err != nil {
			return nil, fmt.Errorf("%s: year %q", wbFX, r[2])
		}
		t.rows = append(t.rows, [3]string{c, r[2], r[3]})
	}
	return t, nil
}

// wbSeries keeps the rows of a WDI inflation file for the given countries.
func wbSeries(fsys fs.FS, name string, countries map[string]bool) (*table, error) {
	recs, err := readCSV(fsys, name)
	if err != nil {
		return nil, err
	}
	ind := map[string]string{wbCPI: "Inflation, consumer prices (annual %) [FP.CPI.TOTL.ZG]", wbGDP: "Inflation, GDP deflator (annual %) [NY.GDP.DEFL.KD.ZG]"}[name]
	t := &table{header: "# Source: The World Bank: World Development Indicators: " + ind + " (datasets/world-development-indicators, July 2026), CC BY 4.0; transformed: countries of the currency table only.\ncountry,year,percent\n"}
	for _, r := range recs {
		if len(r) == 4 && countries[r[1]] {
			t.rows = append(t.rows, [3]string{r[1], r[2], r[3]})
		}
	}
	return t, nil
}

// dacTable reads the DAC deflators (2020 = 100), one row per donor.
func dacTable(fsys fs.FS) (*table, error) {
	f, err := fsys.Open(dacFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dacFile, err)
	}
	t := &table{header: "# Source: OECD, DAC deflators for total DAC and individual countries, 2020 = 100, applicable to US dollar figures (pydeflate's copy of Deflators-base-2020.xls, May 2022); transformed: one row per donor and year, keyed by the donor's currency.\ncurrency,year,index\n"}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", dacFile, err)
		}
		c, ok := dacDonor[rec[0]]
		if !ok {
			continue
		}
		for i := 1; i < len(rec) && i < len(head); i++ {
			if _, err := strconv.Atoi(head[i]); err != nil || rec[i] == "" {
				continue
			}
			t.rows = append(t.rows, [3]string{c, head[i], rec[i]})
		}
	}
	return t, nil
}

// currencyTable lists each currency's IMF and World Bank codes.
func currencyTable(cur, wb map[string]string) []byte {
	t := &table{header: "# grb's choice of one reference country per ISO 4217 code, made from the IMF table's Country code column (see internal/ratesgen).\ncurrency,imf,worldbank\n"}
	for c, iso2 := range cur {
		t.rows = append(t.rows, [3]string{c, iso2, wb[c]})
	}
	return t.bytes()
}
