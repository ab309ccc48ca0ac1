package reports

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/grb-toolkit/grb/analysis"
	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

// CurrencySection is the analysis of the lines of one currency of a
// budget in several: its shares and gaps, computed from those lines
// alone.
type CurrencySection struct {
	Currency string              // "" for the lines that state none
	Shares   *analysis.Result    // the shares of the currency's lines
	Gaps     *analysis.GapResult // nil when they could not be computed
}

// currencyText names a section's currency: its code, or "no currency".
func currencyText(cur string) string {
	if cur == "" {
		return "no currency"
	}
	return cur
}

// sectionCurrencies lists the currencies of secs.
func sectionCurrencies(secs []CurrencySection) []string {
	out := make([]string, len(secs))
	for i, s := range secs {
		out[i] = s.Currency
	}
	return out
}

// currencyCodes lists currency codes, "no currency" for "".
func currencyCodes(cs []string) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = currencyText(c)
	}
	return out
}

// WriteSectionsText writes the analysis of a budget in several
// currencies, one section per currency, each with its own headline
// (naming the currency), groups and gaps. Nothing adds the currencies
// together.
func WriteSectionsText(w io.Writer, source string, secs []CurrencySection) error {
	ew := &errWriter{w: w}
	ew.printf("%s: %d currencies (%s), each analysed on its own lines: money in different currencies is never added (--to CODE converts them to one; --where currency=CODE analyses one).\n", source, len(secs), strings.Join(currencyCodes(sectionCurrencies(secs)), ", "))
	for _, s := range secs {
		if s.Currency == "" {
			ew.printf("\n== Lines with no currency stated: %s ==\n", format.Count(s.Shares.Total.Lines, "line"))
			ew.printf("These lines state no currency: give them one with --currency CODE, or a currency column in the file.\n")
		} else {
			ew.printf("\n== In %s: %s ==\n", s.Currency, format.Count(s.Shares.Total.Lines, "line"))
		}
		writeShares(ew, source+", "+currencyText(s.Currency), s.Shares, s.Currency)
		if ew.err == nil && s.Gaps != nil {
			ew.err = WriteGapsText(ew, s.Gaps)
		}
	}
	return ew.err
}

// WriteSectionsCSV writes the shares tables of a budget in several
// currencies as one table whose first column is the currency: each
// currency's groups and its own total row.
func WriteSectionsCSV(w io.Writer, secs []CurrencySection) error {
	cw := csv.NewWriter(w)
	if len(secs) == 0 {
		return nil
	}
	cw.Write(append([]string{"currency"}, sharesCSVHead(secs[0].Shares)...))
	for _, s := range secs {
		for _, rec := range sharesCSVRecords(s.Shares) {
			cw.Write(csvSafe(append([]string{s.Currency}, rec...)))
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteSectionsJSON writes the analysis of a budget in several currencies
// as one JSON object: {"currencies": [{"currency", "shares", "gaps"}…],
// "diff", "decisions"}; no figure adds the currencies together.
func WriteSectionsJSON(w io.Writer, secs []CurrencySection, d *analysis.DiffResult, decisions []budget.Decision) error {
	type section struct {
		Currency string      `json:"currency"`
		Shares   *sharesJSON `json:"shares"`
		Gaps     *gapsJSON   `json:"gaps"`
	}
	v := struct {
		Note       string            `json:"note"`
		Currencies []section         `json:"currencies"`
		Diff       *diffJSON         `json:"diff,omitempty"`
		Decisions  []budget.Decision `json:"decisions,omitempty"`
	}{Decisions: decisions, Currencies: []section{}}
	v.Note = fmt.Sprintf("the lines are in %d currencies (%s): each is analysed on its own lines, and money in different currencies is never added", len(secs), strings.Join(currencyCodes(sectionCurrencies(secs)), ", "))
	for _, s := range secs {
		sec := section{Currency: s.Currency, Shares: &sharesJSON{Result: s.Shares, Warnings: notesText(s.Shares.Notes)}}
		if s.Gaps != nil {
			sec.Gaps = newGapsJSON(s.Gaps)
		}
		v.Currencies = append(v.Currencies, sec)
	}
	if d != nil {
		v.Diff = &diffJSON{DiffResult: d, Warnings: notesText(d.Notes)}
	}
	return WriteJSON(w, v)
}
