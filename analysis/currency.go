package analysis

import "github.com/grb-toolkit/grb/budget"

// CurrencyPart is the lines of a budget in one currency.
type CurrencyPart struct {
	Currency string // "" for the lines that state none
	Budget   *budget.Budget
}

// SplitCurrencies returns b's lines by currency, one budget each, in the
// order of the currency codes (lines with no currency first), each line
// in its order in b: money in different currencies is never added, so a
// budget in several currencies is analysed one part at a time. The parts
// keep b's source, decisions, ledger, totals and issues, which describe
// the file as read. A budget of one currency (or none) is one part, b
// itself.
func SplitCurrencies(b *budget.Budget) []CurrencyPart {
	cs := currenciesOf(b)
	if len(cs) <= 1 {
		cur := ""
		if len(cs) == 1 {
			cur = cs[0]
		}
		return []CurrencyPart{{Currency: cur, Budget: b}}
	}
	idx := make(map[string]int, len(cs))
	parts := make([]CurrencyPart, len(cs))
	for i, c := range cs {
		idx[c] = i
		part := *b
		part.Lines = budget.Lines{}
		parts[i] = CurrencyPart{Currency: c, Budget: &part}
	}
	for i := range b.Lines.Len() {
		p := parts[idx[b.Lines.CurrencyAt(i)]].Budget
		p.Lines.Append(b.Lines.At(i))
	}
	return parts
}
