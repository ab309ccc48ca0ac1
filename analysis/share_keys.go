package analysis

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// Dim is a dimension to group lines by.
type Dim string

// The dimensions.
const (
	ByObjective Dim = "objective" // GCM objective; split lines apportioned by their shares
	ByArea      Dim = "area"      // Migration MPTF thematic area (provisional mapping)
	ByUnit      Dim = "unit"      // administrative unit: ministry, vote, agency
	ByProgramme Dim = "programme"
	ByYear      Dim = "year"
	ByMarker    Dim = "marker" // canonical gender-marker level
	ByCurrency  Dim = "currency"
)

var dimAliases = map[string]Dim{
	"objective": ByObjective, "objectives": ByObjective, "gcm": ByObjective, "obj": ByObjective,
	"area": ByArea, "thematic_area": ByArea, "thematic": ByArea, "theme": ByArea,
	"unit": ByUnit, "ministry": ByUnit, "vote": ByUnit, "agency": ByUnit,
	"programme": ByProgramme, "program": ByProgramme,
	"year": ByYear, "fiscal_year": ByYear,
	"marker": ByMarker, "gender": ByMarker, "level": ByMarker,
	"currency": ByCurrency,
}

// ParseDims parses a comma-separated list of dimensions such as
// "objective,ministry,marker".
func ParseDims(s string) ([]Dim, error) {
	var out []Dim
	seen := map[Dim]bool{}
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		d, ok := dimAliases[f]
		if !ok {
			return nil, fmt.Errorf("analysis: unknown dimension %q (want objective, area, unit/ministry, programme, year, marker or currency)", f)
		}
		if seen[d] {
			return nil, fmt.Errorf("analysis: dimension %q given twice", f)
		}
		seen[d] = true
		out = append(out, d)
	}
	return out, nil
}

var objValues = func() []string {
	v := make([]string, 24)
	for i := range v {
		v[i] = strconv.Itoa(i)
	}
	return v
}()

// part is a portion of a line in one group: its keys and its weight among
// the line's parts.
type part struct {
	keys   [maxDims]string
	weight int
}

const maxDims = 7

func hasDim(ds []Dim, d Dim) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// lineParts lists the groups line l falls in, with their weights.
func lineParts(dst, scratch []part, l *budget.Line, by []Dim, areas map[int][]int) ([]part, []part) {
	dst = append(dst, part{weight: 1})
	for d, dim := range by {
		switch dim {
		case ByObjective, ByArea:
			if len(l.Objectives) == 0 {
				for i := range dst {
					dst[i].keys[d] = ""
				}
				continue
			}
			next := scratch[:0]
			for _, p := range dst {
				for _, o := range l.Objectives {
					if dim == ByObjective {
						q := p
						q.keys[d] = objValue(o.Objective)
						q.weight = p.weight * o.Share
						next = append(next, q)
						continue
					}
					as := areas[o.Objective]
					if len(as) == 0 {
						q := p
						q.keys[d] = "0"
						q.weight = p.weight * o.Share * 12 // 12: divisible by 1..4 areas
						next = append(next, q)
						continue
					}
					for _, a := range as {
						q := p
						q.keys[d] = strconv.Itoa(a)
						q.weight = p.weight * o.Share * 12 / len(as)
						next = append(next, q)
					}
				}
			}
			dst, scratch = merge(next), dst[:0]
		default:
			v := dimValue(dim, l)
			for i := range dst {
				dst[i].keys[d] = v
			}
		}
	}
	return dst, scratch
}

// merge adds up parts with the same keys.
func merge(ps []part) []part {
	out := ps[:0]
	for _, p := range ps {
		found := false
		for i := range out {
			if out[i].keys == p.keys {
				out[i].weight += p.weight
				found = true
				break
			}
		}
		if !found {
			out = append(out, p)
		}
	}
	return out
}

func objValue(o int) string {
	if o >= 0 && o < len(objValues) {
		return objValues[o]
	}
	return strconv.Itoa(o)
}

func dimValue(d Dim, l *budget.Line) string {
	switch d {
	case ByUnit:
		if l.Unit.Code() != "" {
			return l.Unit.Code()
		}
		return l.Unit.Name()
	case ByProgramme:
		if l.Programme.Code() != "" {
			return l.Programme.Code()
		}
		return l.Programme.Name()
	case ByYear:
		if l.Year == 0 {
			return ""
		}
		if l.Year >= 1900 && l.Year < 2100 {
			return yearStrings[l.Year-1900]
		}
		return strconv.Itoa(l.Year)
	case ByMarker:
		return l.Gender.Level.String()
	case ByCurrency:
		return l.Currency
	}
	return ""
}

var yearStrings = func() []string {
	v := make([]string, 200)
	for i := range v {
		v[i] = strconv.Itoa(1900 + i)
	}
	return v
}()

// keysOf builds the keys of a new group, with labels, from its first line.
func keysOf(vals [maxDims]string, by []Dim, l *budget.Line, areas map[int][]int) []Key {
	keys := make([]Key, len(by))
	for i, d := range by {
		v := vals[i]
		k := Key{Dim: d, Value: v, Label: v}
		switch d {
		case ByObjective:
			if v == "" {
				k.Label = "No GCM objective"
			} else if n, err := strconv.Atoi(v); err == nil {
				if o, ok := budget.ObjectiveByNumber(n); ok {
					k.Label = v + " " + o.Short
				}
			}
		case ByArea:
			switch v {
			case "":
				k.Label = "No GCM objective"
			case "0":
				k.Label = "General (not in a thematic area)"
			default:
				for _, a := range budget.ThematicAreas() {
					if strconv.Itoa(a.Number) == v {
						k.Label = "TA" + v + " " + a.Name
					}
				}
			}
		case ByUnit:
			k.Label = orNone(l.Unit.Label(), "No unit")
		case ByProgramme:
			k.Label = orNone(l.Programme.Label(), "No programme")
		case ByYear:
			k.Label = orNone(v, "No year")
		case ByMarker:
			k.Label = l.Gender.Level.Label()
		case ByCurrency:
			k.Label = orNone(v, "No currency")
		}
		keys[i] = k
	}
	return keys
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// objectiveAreas maps each objective to its thematic areas.
func objectiveAreas() map[int][]int {
	m := map[int][]int{}
	for _, a := range budget.ThematicAreas() {
		for _, o := range a.Objectives {
			m[o] = append(m[o], a.Number)
		}
	}
	return m
}

// sortGroups orders groups by their keys: objectives, areas and years by
// number, markers by level (principal first), others by value; "none"
// last.
func sortGroups(gs []Group, by []Dim) {
	sort.Slice(gs, func(i, j int) bool {
		for d := range by {
			a, b := gs[i].Keys[d].Value, gs[j].Keys[d].Value
			if a == b {
				continue
			}
			if a == "" || b == "" {
				return b == ""
			}
			switch by[d] {
			case ByObjective, ByArea, ByYear:
				x, e1 := strconv.Atoi(a)
				y, e2 := strconv.Atoi(b)
				if e1 == nil && e2 == nil {
					return x < y
				}
			case ByMarker:
				x, _ := budget.ParseLevel(a)
				y, _ := budget.ParseLevel(b)
				return x > y
			}
			return a < b
		}
		return false
	})
}
