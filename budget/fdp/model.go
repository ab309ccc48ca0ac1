package fdp

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/currency"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/grid"
)

// fdpPhases maps the specification's phases to grb's.
var fdpPhases = map[string]budget.Phase{"proposed": budget.Proposed, "approved": budget.Approved, "adjusted": budget.Revised, "executed": budget.Executed}

// measures takes the money columns, their phases, currency and scale.
func (p pkg) measures(ms map[string]fdpMeasure, inData func(string, string) bool, problem func(string, ...any)) {
	set := measureSet{byPhase: map[budget.Phase][]string{}, currencies: map[string]bool{}, factors: map[budget.Scale]bool{}}
	for _, name := range slices.Sorted(maps.Keys(ms)) {
		p.measure(&set, name, ms[name], inData, problem)
	}
	p.moneyColumns(&set, problem)
	if set.revenue == len(ms) {
		problem("every measure is revenue: grb reads spending")
	}
	switch len(set.currencies) {
	case 0:
	case 1:
		p.Currency = slices.Sorted(maps.Keys(set.currencies))[0]
		p.note("currency: %s", p.Currency)
	default:
		problem("measures in several currencies (%s): grb reads one currency per file", strings.Join(slices.Sorted(maps.Keys(set.currencies)), ", "))
	}
	switch len(set.factors) {
	case 0:
	case 1:
		for f := range set.factors {
			p.Scale = f
		}
		p.note("scale: factor %d (%s)", int64(p.Scale), p.Scale)
	default:
		problem("measures with different factors: grb reads one scale per file")
	}
}

// measureSet is what the measures of a model say, gathered before the
// columns, currency and scale are chosen.
type measureSet struct {
	byPhase        map[budget.Phase][]string // source columns by phase
	noPhase, years []string                  // source columns without a phase, plain or fiscal years
	revenue        int                       // measures left out as revenue
	currencies     map[string]bool
	factors        map[budget.Scale]bool
}

// measure adds the measure name to set, or notes why it is left out.
func (p pkg) measure(set *measureSet, name string, m fdpMeasure, inData func(string, string) bool, problem func(string, ...any)) {
	what := fmt.Sprintf("measure %q", name)
	switch {
	case m.Source == "":
		problem("%s has no source column", what)
		return
	case !inData(what, m.Source):
		return
	case strings.EqualFold(m.Direction, "revenue"):
		p.note("%s (%s) is revenue: left out, grb reads spending", what, m.Source)
		set.revenue++
		return
	}
	if c := strings.ToUpper(strings.TrimSpace(m.Currency)); c != "" {
		if _, err := currency.ParseISO(c); err != nil {
			problem("%s: currency %q is not an ISO 4217 code", what, m.Currency)
		} else {
			set.currencies[c] = true
		}
	}
	if m.Factor != "" {
		f, err := strconv.ParseInt(m.Factor.String(), 10, 64)
		if err != nil || f < 1 {
			problem("%s: factor %s: want a whole number such as 1000", what, m.Factor)
		} else {
			set.factors[budget.Scale(f)] = true
		}
	}
	switch ph, ok := fdpPhases[strings.ToLower(m.Phase)]; {
	case ok:
		set.byPhase[ph] = append(set.byPhase[ph], m.Source)
	case m.Phase != "":
		problem("%s: phase %q: want proposed, approved, adjusted or executed", what, m.Phase)
	default:
		if _, y := grid.ParseYearHeader(m.Source); y {
			set.years = append(set.years, m.Source)
		} else {
			set.noPhase = append(set.noPhase, m.Source)
		}
	}
}

// moneyColumns takes the money columns: one per phase, or one without a
// phase, or fiscal-year columns.
func (p pkg) moneyColumns(set *measureSet, problem func(string, ...any)) {
	for _, ph := range budget.Phases() {
		cols := set.byPhase[ph]
		switch {
		case len(cols) == 1:
			p.Columns[budget.Field(ph.String())] = cols[0]
			p.note("money: column %q, %s", cols[0], ph)
		case len(cols) > 1:
			problem("several measures of phase %s (%s): grb reads one column per phase, or one per fiscal year", ph, strings.Join(cols, ", "))
		}
	}
	noPhase, years := set.noPhase, set.years
	switch {
	case len(noPhase) == 1 && len(years) == 0:
		p.Columns[budget.FieldAmount] = noPhase[0]
		p.note("money: column %q, phase not given (read as --amount-phase, default approved)", noPhase[0])
	case len(noPhase) > 1:
		problem("measures %s have no phase: give each a phase (proposed, approved, adjusted or executed)", strings.Join(noPhase, ", "))
	case len(years) > 0 && len(set.byPhase) == 0 && len(noPhase) == 0:
		p.note("money: fiscal-year columns %s, phase not given (read as --amount-phase, default approved)", strings.Join(years, ", "))
	case len(years) > 0:
		problem("measures %s are fiscal years without a phase, beside measures with one: give them a phase", strings.Join(years, ", "))
	}
}

// dimensions takes the columns of the year, the administrative unit, the
// programme and the line identifier from the typed dimensions; the others
// are left to header recognition.
func (p pkg) dimensions(ds map[string]fdpDimension, inData func(string, string) bool, problem func(string, ...any)) {
	admin := false
	for _, d := range ds {
		admin = admin || (d.DimensionType == "classification" && d.ClassificationType == "administrative")
	}
	claims := map[budget.Field][]string{}
	take := map[string]dimensionTarget{}
	var untyped, other []string
	for _, name := range slices.Sorted(maps.Keys(ds)) {
		d := ds[name]
		if d.ClassificationType == "gender-marker" && d.Scheme != "" {
			p.Scheme = d.Scheme
			p.note("gender-marker scheme: %s (dimension %q)", d.Scheme, name)
		}
		t, ok := d.target(admin)
		switch {
		case ok:
			take[name] = t
			claims[t.code] = append(claims[t.code], name)
		case d.DimensionType == "":
			untyped = append(untyped, name)
		default:
			other = append(other, fmt.Sprintf("%s (%s)", name, strings.TrimSpace(d.DimensionType+" "+d.ClassificationType)))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(take)) {
		t := take[name]
		if others := claims[t.code]; len(others) > 1 {
			if others[0] == name {
				p.note("dimensions %s are all %s: left to header recognition", strings.Join(others, ", "), t.code)
			}
			continue
		}
		p.dimension(name, ds[name], t, inData, problem)
	}
	if len(other) > 0 {
		p.note("dimensions %s: not fields of grb's, left to header recognition", strings.Join(other, ", "))
	}
	if len(untyped) > 0 {
		p.note("dimensions without a dimensionType (%s): left to header recognition", strings.Join(untyped, ", "))
	}
}

// dimensionTarget is the fields a dimension is read as: its code, its
// name, or both in one column.
type dimensionTarget struct {
	code, name, both budget.Field
}

// target returns the fields of a typed dimension grb reads; admin says
// whether the model has an administrative classification (then an entity
// is not the unit).
func (d fdpDimension) target(admin bool) (dimensionTarget, bool) {
	switch {
	case d.DimensionType == "datetime":
		return dimensionTarget{code: budget.FieldYear}, true
	case d.DimensionType == "classification" && d.ClassificationType == "administrative",
		d.DimensionType == "entity" && !admin:
		return dimensionTarget{budget.FieldUnitCode, budget.FieldUnitName, budget.FieldUnit}, true
	case d.DimensionType == "activity":
		return dimensionTarget{budget.FieldProgrammeCode, budget.FieldProgrammeName, budget.FieldProgrammeName}, true
	case d.DimensionType == "fact":
		return dimensionTarget{code: budget.FieldID}, true
	}
	return dimensionTarget{}, false
}

// dimension takes the columns (or the constant fiscal year) of the
// dimension name as the fields t.
func (p pkg) dimension(name string, d fdpDimension, t dimensionTarget, inData func(string, string) bool, problem func(string, ...any)) {
	what := fmt.Sprintf("dimension %q", name)
	code, label, constant := d.keys(problem, what)
	switch {
	case constant != "" && t.code == budget.FieldYear:
		if y, ok := grid.ParseYearHeader(constant); ok {
			p.Year = y
			p.note("fiscal year: %d (constant of %s)", y, what)
		} else {
			problem("%s: constant %q is not a fiscal year", what, constant)
		}
		return
	case constant != "":
		p.note("%s: constant %q not read (grb reads a constant fiscal year only)", what, constant)
		return
	}
	if code == "" || !inData(what, code) || (label != "" && !inData(what, label)) {
		return
	}
	switch {
	case label != "" && t.name != "":
		p.Columns[t.code], p.Columns[t.name] = code, label
		p.note("%s: code %q, name %q (%s)", fieldNoun(t.code), code, label, what)
	case t.both != "" && len(d.Attributes) == 1:
		// One attribute, such as "0702010 Cabinet Affairs": code and
		// name are split from the text, as for a recognised column.
		p.Columns[t.both] = code
		p.note("%s: column %q (%s)", fieldNoun(t.code), code, what)
	default:
		p.Columns[t.code] = code
		p.note("%s: column %q (%s)", fieldNoun(t.code), code, what)
	}
}

// keys returns the source column of the dimension's primary key, the
// column of its label (the attribute that is labelfor the key), and the
// key's constant when it has one instead of a column.
func (d fdpDimension) keys(problem func(string, ...any), what string) (code, label, constant string) {
	var pk []string
	if len(d.PrimaryKey) > 0 {
		var one string
		if json.Unmarshal(d.PrimaryKey, &one) == nil {
			pk = []string{one}
		} else if json.Unmarshal(d.PrimaryKey, &pk) != nil {
			problem("%s: primaryKey: want an attribute name or a list of them", what)
			return "", "", ""
		}
	}
	names := slices.Sorted(maps.Keys(d.Attributes))
	key := ""
	switch {
	case len(pk) > 0:
		key = pk[len(pk)-1] // the finest level of a composite key
	case len(names) == 1:
		key = names[0]
	default:
		problem("%s: no primaryKey among %d attributes", what, len(names))
		return "", "", ""
	}
	a, ok := d.Attributes[key]
	if !ok {
		problem("%s: primaryKey %q is not one of its attributes", what, key)
		return "", "", ""
	}
	if a.Source == "" && len(a.Constant) > 0 {
		var s string
		if json.Unmarshal(a.Constant, &s) != nil {
			s = string(a.Constant) // a number
		}
		return "", "", strings.TrimSpace(s)
	}
	for _, n := range names {
		if d.Attributes[n].Labelfor == key && d.Attributes[n].Source != "" {
			label = d.Attributes[n].Source
			break
		}
	}
	return a.Source, label, ""
}

// fieldNoun names a field a dimension was read as, for the notes.
func fieldNoun(f budget.Field) string {
	switch f {
	case budget.FieldYear:
		return "fiscal year"
	case budget.FieldUnitCode:
		return "administrative unit"
	case budget.FieldProgrammeCode:
		return "programme"
	case budget.FieldID:
		return "line id"
	}
	return string(f)
}
