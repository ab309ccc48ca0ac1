package analysis

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// JoinOptions say how Join sets a government budget beside donor aid.
type JoinOptions struct {
	Phase    budget.Phase
	PhaseSet bool // else Approved
	// Year is the budget's fiscal year joined; 0 joins every line.
	Year int
	// FiscalStart is the month (2–12) the budget's fiscal years begin
	// in; 0 or 1 for calendar years. An aid line falls in the fiscal year
	// its period starts in.
	FiscalStart int
	Context     context.Context
}

// JoinRow is one group of a joined view: the government budget's money,
// the donor aid's, the part of the aid that is in the budget already
// (linked by a country budget-item code), and the money counted once:
// Budget + Aid − OnBudget.
type JoinRow struct {
	Key      Key          `json:"key"`
	Budget   budget.Money `json:"budget"`
	Aid      budget.Money `json:"aid"`
	OnBudget budget.Money `json:"on_budget"`
	Once     budget.Money `json:"once"`
}

// JoinResult is a government budget and donor aid side by side, by GCM
// objective and by gender-marker level, in one currency and one fiscal
// year, each flow counted once.
type JoinResult struct {
	Phase    budget.Phase `json:"phase"`
	Year     int          `json:"year,omitempty"`
	Currency string       `json:"currency"`
	// BudgetLines and AidLines are the lines joined; Linked the aid lines
	// whose country budget-item code is the code of a budget line (its
	// id or programme code), and Codes those codes.
	BudgetLines int       `json:"budget_lines"`
	AidLines    int       `json:"aid_lines"`
	Linked      int       `json:"linked"`
	Codes       []string  `json:"codes,omitempty"`
	ByObjective []JoinRow `json:"by_objective"`
	ByMarker    []JoinRow `json:"by_marker"`
	Total       JoinRow   `json:"total"`
}

// Join sets the government budget gov beside the donor aid aid, by GCM
// objective and by marker level, for opt.Year: aid in the budget's fiscal
// calendar (opt.FiscalStart), split lines apportioned as Shares does. An
// aid line whose activity's country budget-item codes
// (budget.Budget.BudgetItems, by the line's programme code) name a budget
// line's id or programme code is money the budget holds
// already: it is shown as on budget and counted once, in the budget.
// Both must be in one currency (convert them first): money in different
// currencies is never added.
func Join(gov, aid *budget.Budget, opt JoinOptions) (*JoinResult, error) {
	phase := Options{Phase: opt.Phase, PhaseSet: opt.PhaseSet}.phase()
	g := &budget.Budget{Source: gov.Source}
	for i := range gov.Lines.Len() {
		if opt.Year == 0 || gov.Lines.YearAt(i) == opt.Year {
			g.Lines.Append(gov.Lines.At(i))
		}
	}
	a := &budget.Budget{Source: aid.Source}
	for i := range aid.Lines.Len() {
		if opt.Year == 0 || fiscalYearOf(new(aid.Lines.At(i)), opt.FiscalStart) == opt.Year {
			a.Lines.Append(aid.Lines.At(i))
		}
	}
	cs := slices.Compact(slices.Sorted(slices.Values(append(currenciesOf(g), currenciesOf(a)...))))
	if len(cs) > 1 {
		return nil, fmt.Errorf("analysis: the budget and the aid are in %d currencies (%s), which cannot be added: give --to CODE to join them in one", len(cs), strings.Join(cs, ", "))
	}
	res := &JoinResult{Phase: phase, Year: opt.Year, BudgetLines: g.Lines.Len(), AidLines: a.Lines.Len()}
	if len(cs) == 1 {
		res.Currency = cs[0]
	}
	codes := map[string]bool{}
	for i := range g.Lines.Len() {
		for _, c := range []string{g.Lines.At(i).ID, g.Lines.At(i).Programme.Code()} {
			if c = strings.TrimSpace(c); c != "" {
				codes[c] = true
			}
		}
	}
	on := &budget.Budget{Source: aid.Source}
	linked := map[string]bool{}
	for i := range a.Lines.Len() {
		for _, c := range aid.BudgetItems[a.Lines.At(i).Programme.Code()] {
			if codes[c] {
				on.Lines.Append(a.Lines.At(i))
				linked[c] = true
				break
			}
		}
	}
	res.Linked = on.Lines.Len()
	for c := range linked {
		res.Codes = append(res.Codes, c)
	}
	slices.Sort(res.Codes)
	var err error
	sopt := Options{Phase: phase, PhaseSet: true, Context: opt.Context}
	if res.ByObjective, err = joinRows(g, a, on, ByObjective, sopt); err != nil {
		return nil, err
	}
	if res.ByMarker, err = joinRows(g, a, on, ByMarker, sopt); err != nil {
		return nil, err
	}
	tot, err := joinRows(g, a, on, "", sopt)
	if err != nil {
		return nil, err
	}
	res.Total = tot[0]
	return res, nil
}

// joinRows returns the rows of the budget g, aid a and the aid on budget
// on, grouped by dim ("" for the total alone), each row counted once.
func joinRows(g, a, on *budget.Budget, dim Dim, opt Options) ([]JoinRow, error) {
	if dim != "" {
		opt.By = []Dim{dim}
	}
	rows := map[string]*JoinRow{}
	var keys []Group
	for k, b := range []*budget.Budget{g, a, on} {
		r, err := Shares(b, opt)
		if err != nil {
			return nil, err
		}
		gs := r.Groups
		if dim == "" {
			gs = []Group{{Amount: r.Total.Amount, Keys: []Key{{}}}}
		}
		for _, grp := range gs {
			key := grp.Keys[0]
			row, ok := rows[key.Value]
			if !ok {
				zero := budget.FromCents(0)
				row = &JoinRow{Key: key, Budget: zero, Aid: zero, OnBudget: zero}
				rows[key.Value] = row
				keys = append(keys, Group{Keys: []Key{key}})
			}
			switch k {
			case 0:
				row.Budget = grp.Amount
			case 1:
				row.Aid = grp.Amount
			default:
				row.OnBudget = grp.Amount
			}
		}
	}
	if dim != "" {
		sortGroups(keys, []Dim{dim})
	}
	out := make([]JoinRow, 0, len(keys))
	for _, k := range keys {
		row := rows[k.Keys[0].Value]
		sum, ok1 := budget.Add(row.Budget, row.Aid)
		once, ok2 := sum.Sub(row.OnBudget)
		if !ok1 || !ok2 {
			return nil, budget.ErrOverflow
		}
		row.Once = once
		out = append(out, *row)
	}
	return out, nil
}

// periodStart is an IATI budget period's start: "2014-10-01/…".
var periodStart = regexp.MustCompile(`^(\d{4})-(\d{2})-\d{2}/`)

// fiscalYearOf returns the fiscal year, of years beginning in month
// start (0 or 1: calendar years), in which line l's period starts: its
// year, or the year before when its period starts before month start (a
// line of a calendar year starts in January).
func fiscalYearOf(l *budget.Line, start int) int {
	if start <= 1 || l.Year == 0 {
		return l.Year
	}
	month := 1
	if m := periodStart.FindStringSubmatch(l.YearLabel); m != nil {
		month, _ = strconv.Atoi(m[2])
	}
	if month < start {
		return l.Year - 1
	}
	return l.Year
}
