package fdp

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/grb-toolkit/grb/budget"
)

// A Fiscal Data Package export is a datapackage.json and one csv file,
// DataFile, that grb's own reader (ReadFile) reads back to the same lines'
// money, years, currencies, gender markers and GCM objectives:
//
//   - One csv row per line: id (when lines have one), year, unit code and
//     name, programme code and name, description, currency (only when the
//     lines are in several currencies, or some have none), one column per
//     phase present (the exact decimal text of budget.Money, point as
//     decimal mark, no grouping; blank when absent), GCM objectives and
//     the gender marker.
//   - The model: one measure per phase (approved, adjusted for revised,
//     proposed, executed) with factor 1 and, when the lines share one, the
//     currency; dimensions for the year (datetime), the unit
//     (administrative classification), the programme (activity) and the
//     line (fact); and the two tag columns as classifications of custom
//     types with their codelists: "gcm-objective" (0–23 and their titles;
//     a cell such as "7 (60.00%), 16 (40.00%)", as budget.ParseObjectives
//     reads it) and "gender-marker" (the OECD DAC significance 2, 1, 0 of
//     budget.Level.DAC, blank when not screened).

// DataFile is the name of the csv file of an export, beside its
// datapackage.json.
const DataFile = "budget.csv"

// The headers of the tag columns: recognised by grb's header synonyms,
// the marker's naming its scheme.
const (
	objectivesHeader = "GCM objectives"
	markerHeader     = "gender marker (OECD DAC)"
)

// ErrNoYear reports lines with money but no fiscal year.
var ErrNoYear = errors.New("lines without a fiscal year")

// WriteOptions name the package.
type WriteOptions struct {
	Name  string // the package's name (lower case, - . _ only); "grb-budget" when empty
	Title string
}

// WriteSummary says what an export holds.
type WriteSummary struct {
	Lines      int
	Currencies []string // "" for lines with none
	Years      []int
	Phases     []budget.Phase
}

// Write writes the descriptor to desc and the csv data to data. It
// returns an error wrapping ErrNoYear, and writes nothing, when a line
// with money has no fiscal year.
func Write(desc, data io.Writer, lines []budget.Line, opt WriteOptions) (WriteSummary, error) {
	var sum WriteSummary
	curs, years, phases, hasID, noYear := map[string]bool{}, map[int]bool{}, map[budget.Phase]bool{}, false, 0
	for i := range lines {
		l := &lines[i]
		curs[l.Currency], years[l.Year], hasID = true, true, hasID || l.ID != ""
		for _, ph := range budget.Phases() {
			if _, ok := l.Amounts.Get(ph); ok {
				phases[ph] = true
				if l.Year == 0 {
					noYear++
					break
				}
			}
		}
	}
	if noYear > 0 {
		return sum, fmt.Errorf("%w: %d with money; give the year with --year", ErrNoYear, noYear)
	}
	for _, ph := range budget.Phases() {
		if phases[ph] {
			sum.Phases = append(sum.Phases, ph)
		}
	}
	sum.Lines, sum.Years = len(lines), slices.Sorted(mapKeys(years))
	sum.Currencies = slices.Sorted(mapKeys(curs))
	currency := ""
	if len(sum.Currencies) == 1 {
		currency = sum.Currencies[0]
	}
	cols := columns(hasID, len(sum.Currencies) > 1, sum.Phases)
	if err := writeData(data, lines, cols); err != nil {
		return sum, err
	}
	return sum, writeDescriptor(desc, opt, cols, currency)
}

func mapKeys[K comparable](m map[K]bool) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// column is one csv column: its header, its Table Schema type and how a
// line fills it.
type column struct {
	name, typ string
	phase     budget.Phase
	isMoney   bool
	value     func(l *budget.Line) string
}

func columns(hasID, currency bool, phases []budget.Phase) []column {
	var cs []column
	if hasID {
		cs = append(cs, column{name: "id", typ: "string", value: func(l *budget.Line) string { return l.ID }})
	}
	cs = append(cs,
		column{name: "year", typ: "integer", value: func(l *budget.Line) string { return strconv.Itoa(l.Year) }},
		column{name: "unit_code", typ: "string", value: func(l *budget.Line) string { return l.Unit.Code() }},
		column{name: "unit_name", typ: "string", value: func(l *budget.Line) string { return l.Unit.Name() }},
		column{name: "programme_code", typ: "string", value: func(l *budget.Line) string { return l.Programme.Code() }},
		column{name: "programme_name", typ: "string", value: func(l *budget.Line) string { return l.Programme.Name() }},
		column{name: "description", typ: "string", value: func(l *budget.Line) string { return l.Description }},
	)
	if currency {
		cs = append(cs, column{name: "currency", typ: "string", value: func(l *budget.Line) string { return l.Currency }})
	}
	for _, ph := range phases {
		cs = append(cs, column{name: ph.String(), typ: "number", phase: ph, isMoney: true, value: func(l *budget.Line) string {
			if m, ok := l.Amounts.Get(ph); ok {
				return m.String()
			}
			return ""
		}})
	}
	return append(cs,
		column{name: objectivesHeader, typ: "string", value: objectivesCell},
		column{name: markerHeader, typ: "string", value: func(l *budget.Line) string {
			if s, ok := l.Gender.Level.DAC(); ok {
				return strconv.Itoa(s)
			}
			return ""
		}},
	)
}

// objectivesCell writes a line's objectives as ParseObjectives reads
// them: "7" alone, or "7 (60.00%), 16 (40.00%)".
func objectivesCell(l *budget.Line) string {
	if len(l.Objectives) == 1 && l.Objectives[0].Share == 10000 {
		return strconv.Itoa(l.Objectives[0].Objective)
	}
	s := ""
	for i, o := range l.Objectives {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%d (%d.%02d%%)", o.Objective, o.Share/100, o.Share%100)
	}
	return s
}

func writeData(w io.Writer, lines []budget.Line, cols []column) error {
	cw := csv.NewWriter(w)
	row := make([]string, len(cols))
	for i, c := range cols {
		row[i] = c.name
	}
	if err := cw.Write(row); err != nil {
		return err
	}
	for i := range lines {
		for j, c := range cols {
			row[j] = c.value(&lines[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
