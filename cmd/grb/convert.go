package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/rates"
	"github.com/grb-toolkit/grb/internal/format"
)

// conversionFlags are the flags of the commands that analyse (analyze,
// report, check) that convert currencies and prices.
func conversionFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "to", Usage: "convert every amount to the currency `CODE` (USD, EUR, …) at the annual average rate of the line's fiscal year (IMF IFS, World Bank WDI after 2024)"},
		&cli.StringFlag{Name: "rate-source", Value: rates.DefaultRateSource, Usage: "the embedded exchange rates `SOURCE`: imf+wb (IMF IFS, then World Bank WDI for the years after it), imf or wb; --rates wins over it"},
		&cli.StringFlag{Name: "rates", Usage: "exchange rates from a csv (currency,year,rate) or YAML (EUR: {2023: 0.9248}) `FILE`, in units per US dollar; they win over the embedded ones"},
		&cli.StringFlag{Name: "fiscal-year-rate", Value: rates.End, Usage: "`RULE` for a fiscal year over two calendar years: end (the rate and price index of the year it ends in) or weighted (by the months of each year it covers)"},
		&cli.IntFlag{Name: "fiscal-year-start", Usage: "the `MONTH` (2–12) fiscal years written as 2015-16 begin in, for --fiscal-year-rate weighted"},
		&cli.StringFlag{Name: "prices", Usage: "`PRICES`: current (the default) or constant:YEAR, deflating every amount to that year's prices"},
		&cli.StringFlag{Name: "deflator", Value: "gdp", Usage: "price `SERIES` for --prices: gdp (World Bank GDP deflator), cpi (World Bank consumer prices) or dac (OECD DAC deflators, with --to USD)"},
		&cli.StringFlag{Name: "deflators", Usage: "price indices by fiscal year from a YAML `FILE` (2024: 100.0), for real changes; with --prices they win over --deflator"},
	}
}

// converted applies --to and --prices to b.
func converted(c *cli.Context, b *budget.Budget) (*budget.Budget, error) {
	opt := rates.Options{To: strings.ToUpper(c.String("to")), FiscalRule: c.String("fiscal-year-rate"), FiscalStart: c.Int("fiscal-year-start"), Deflator: c.String("deflator")}
	if opt.FiscalRule != rates.End && opt.FiscalRule != rates.Weighted {
		return nil, usagef("--fiscal-year-rate %q: want end or weighted", opt.FiscalRule)
	}
	if opt.Deflator != "gdp" && opt.Deflator != "cpi" && opt.Deflator != "dac" {
		return nil, usagef("--deflator %q: want gdp, cpi or dac", opt.Deflator)
	}
	if opt.To != "" && (len(opt.To) != 3 || strings.Trim(opt.To, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "") {
		return nil, usagef("--to %q: want an ISO 4217 currency code such as USD", c.String("to"))
	}
	var err error
	if opt.Prices, err = parsePrices(c.String("prices")); err != nil {
		return nil, err
	}
	if opt.To == "" && opt.Prices == 0 {
		return b, nil
	}
	if opt.Prices != 0 && opt.Deflator == "dac" && opt.To != "" && opt.To != "USD" && c.String("deflators") == "" {
		return nil, usagef("--deflator dac: DAC deflators are for US dollar figures: use --to USD")
	}
	t, err := rateTable(c.String("rate-source"), c.String("rates"))
	if err != nil {
		return nil, err
	}
	if name := c.String("deflators"); name != "" && opt.Prices != 0 {
		f, err := openFlagFile("deflators", name)
		if err != nil {
			return nil, err
		}
		opt.Deflators, err = analysis.ParseDeflators(f)
		f.Close()
		if err != nil {
			return nil, usagef("--deflators %s: %v", name, err)
		}
		opt.DeflatorsName = name
	}
	out, err := rates.Convert(b, t, opt)
	var ce *rates.Error
	if errors.As(err, &ce) {
		return nil, err // its issues name the currencies and years
	}
	if err != nil {
		return nil, fmt.Errorf("%w (--to %s%s)", err, opt.To, map[bool]string{true: ", --prices " + c.String("prices")}[opt.Prices != 0])
	}
	return out, nil
}

// parsePrices reads --prices: 0 for current prices, else the base year.
func parsePrices(p string) (int, error) {
	switch {
	case p == "" || p == "current":
		return 0, nil
	case strings.HasPrefix(p, "constant:"):
		y, err := strconv.Atoi(strings.TrimPrefix(p, "constant:"))
		if err != nil || y < 1900 || y > 2200 {
			return 0, usagef("--prices %q: want constant:YEAR, such as constant:2023", p)
		}
		return y, nil
	}
	return 0, usagef("--prices %q: want current or constant:YEAR", p)
}

// rateTable returns the embedded tables with the rates of source
// (--rate-source), the rates of the user's file name (--rates) winning
// when it is set.
func rateTable(source, name string) (*rates.Table, error) {
	t, err := rates.Embedded()
	if err != nil {
		return nil, err
	}
	if t, err = t.WithRateSource(source); err != nil {
		return nil, usagef("--rate-source %q: want %s", source, format.List(rates.RateSources(), "or"))
	}
	if name == "" {
		return t, nil
	}
	f, err := openFlagFile("rates", name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if t, err = t.WithRates(f, name); err != nil {
		return nil, usagef("--rates %s: %v", name, err)
	}
	return t, nil
}

// convertIssues applies the conversion flags to b for validate: the
// problems of a conversion that cannot be made are added to b's issues,
// and the converted budget is not kept (validate lists problems).
func convertIssues(c *cli.Context, b *budget.Budget) error {
	_, err := converted(c, b)
	var ce *rates.Error
	if errors.As(err, &ce) {
		b.AppendIssues(ce.Issues...)
		return nil
	}
	return err
}
