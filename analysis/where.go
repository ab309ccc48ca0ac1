package analysis

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// Filter keeps the lines whose Dim has Value: a fiscal year (as a number,
// such as 2024, or as written, such as 2024-25), a currency, a unit or a
// programme (its code or its name), or a marker level. Values compare
// without regard to case.
type Filter struct {
	Dim   Dim
	Value string
}

// filterDims are the dimensions a Filter may name. Objective and area are
// left out: a line split between objectives is not one objective's.
var filterDims = map[Dim]bool{ByYear: true, ByCurrency: true, ByUnit: true, ByProgramme: true, ByMarker: true}

// ParseFilters parses FIELD=VALUE arguments (the --where flag), one
// filter each: year, currency, unit (or ministry), programme or marker,
// each named at most once. A line is kept when every filter holds.
func ParseFilters(args []string) ([]Filter, error) {
	var out []Filter
	seen := map[Dim]bool{}
	for _, a := range args {
		k, v, ok := strings.Cut(a, "=")
		v = strings.TrimSpace(v)
		if !ok || v == "" {
			return nil, fmt.Errorf("analysis: filter %q: want FIELD=VALUE, such as year=2024 or currency=GBP", a)
		}
		d, known := dimAliases[strings.ToLower(strings.TrimSpace(k))]
		if !known || !filterDims[d] {
			return nil, fmt.Errorf("analysis: filter %q: unknown field %q (want year, currency, unit, programme or marker)", a, k)
		}
		if seen[d] {
			return nil, fmt.Errorf("analysis: filter %q: %s given twice", a, d)
		}
		seen[d] = true
		switch d {
		case ByYear:
			if _, err := strconv.Atoi(v); err != nil && !strings.ContainsAny(v, "-/") {
				return nil, fmt.Errorf("analysis: filter %q: want a fiscal year such as 2024 or 2024-25", a)
			}
		case ByMarker:
			if _, err := budget.ParseLevel(v); err != nil {
				return nil, fmt.Errorf("analysis: filter %q: %v", a, err)
			}
		}
		out = append(out, Filter{Dim: d, Value: v})
	}
	return out, nil
}

// String returns "field=value".
func (f Filter) String() string { return string(f.Dim) + "=" + f.Value }

// Match reports whether line l holds f.
func (f Filter) Match(l *budget.Line) bool {
	eq := func(s string) bool { return s != "" && strings.EqualFold(s, f.Value) }
	switch f.Dim {
	case ByYear:
		return (l.Year != 0 && strconv.Itoa(l.Year) == f.Value) || eq(l.YearLabel)
	case ByCurrency:
		return eq(l.Currency)
	case ByUnit:
		return eq(l.Unit.Code()) || eq(l.Unit.Name()) || eq(l.Unit.Label())
	case ByProgramme:
		return eq(l.Programme.Code()) || eq(l.Programme.Name()) || eq(l.Programme.Label())
	case ByMarker:
		lv, err := budget.ParseLevel(f.Value)
		return err == nil && l.Gender.Level == lv
	}
	return false
}

// Where returns a copy of b holding only the lines that hold every
// filter, with a "filter" decision saying how many were kept, so that
// the methodology shows it. The file's ledger, totals and issues are
// b's: they describe the file as read. b itself is not changed; with no
// filters, Where returns b.
func Where(b *budget.Budget, fs []Filter) *budget.Budget {
	if len(fs) == 0 {
		return b
	}
	out := *b
	out.Lines = budget.Lines{}
	for i := range b.Lines.Len() {
		keep := true
		for _, f := range fs {
			if !f.Match(new(b.Lines.At(i))) {
				keep = false
				break
			}
		}
		if keep {
			out.Lines.Append(b.Lines.At(i))
		}
	}
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.String()
	}
	out.Decisions = append(append([]budget.Decision(nil), b.Decisions...), budget.Decision{
		Topic:    "filter",
		Choice:   "only the lines where " + strings.Join(names, " and "),
		Evidence: fmt.Sprintf("%d of %d lines kept", out.Lines.Len(), b.Lines.Len()),
		Override: "--where",
	})
	return &out
}
