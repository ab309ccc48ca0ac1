// Package rates holds the exchange rates and price deflators shipped with
// grb, offline, and converts a budget's money with them: to one currency
// at the annual average rate of each line's fiscal year, and to the
// constant prices of a base year. It must not import the readers,
// analysis or reports: commands convert a budget after reading it.
//
// The tables in data/ are compact forms of public sources (IMF IFS annual
// average rates, World Bank WDI official exchange rates, CPI and GDP
// deflator inflation, OECD DAC deflators), each file headed by its source
// and attribution. They are rebuilt from byte-for-byte copies of the
// sources in testdata/source by internal/ratesgen:
//
//	go generate ./budget/rates
//
// and a test of that command checks that the committed tables are what it
// makes. Rates are kept as the decimals the sources write and used as
// exact rationals; a converted amount is rounded once, to the cent.
package rates

//go:generate go run ../../internal/ratesgen -src testdata/source -out data
