package tagging

import (
	"fmt"
	"slices"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// CarryIndex holds the tagged lines of an earlier budget (last year's
// tagging workbook, read with [Read], or a budget with tag columns)
// so that their tags can be carried forward to the lines of a new budget
// that have the same line id or programme code.
//
// Only tags someone stands behind are carried: in a tagging workbook, the
// confirmed rows (Read leaves the lines of other rows untagged); in
// any other budget, the tags read from its columns.
type CarryIndex struct {
	lines    []carrySource
	byID     map[string][]int
	byProgDo map[[2]string][]int // programme code and normalised description
	byProg   map[string][]int
}

type carrySource struct {
	objectives []budget.ObjectiveShare
	gender     budget.Level
	pos        budget.Position
}

// NewCarryIndex indexes the tagged lines of prev: those with objectives
// or a screened gender marker.
func NewCarryIndex(prev *budget.Budget) *CarryIndex {
	x := &CarryIndex{byID: map[string][]int{}, byProgDo: map[[2]string][]int{}, byProg: map[string][]int{}}
	seen := map[budget.Position]bool{}
	for _, l := range prev.Lines.All() {
		if l.Objectives == nil && !l.Gender.Level.Screened() {
			continue
		}
		pos := l.Pos.WholeRow()
		if seen[pos] {
			continue // the other years of a row in a wide layout
		}
		seen[pos] = true
		i := len(x.lines)
		x.lines = append(x.lines, carrySource{objectives: l.Objectives, gender: l.Gender.Level, pos: pos})
		if id := strings.TrimSpace(l.ID); id != "" {
			x.byID[id] = append(x.byID[id], i)
		}
		if p := strings.TrimSpace(l.Programme.Code()); p != "" {
			x.byProg[p] = append(x.byProg[p], i)
			k := [2]string{p, budget.Normalize(l.Description)}
			x.byProgDo[k] = append(x.byProgDo[k], i)
		}
	}
	return x
}

// Len returns the number of tagged rows indexed.
func (x *CarryIndex) Len() int { return len(x.lines) }

// CarriedTag is a tag carried forward from an earlier budget.
type CarriedTag struct {
	Objectives []budget.ObjectiveShare // nil when the earlier line had none
	Level      budget.Level            // NotScreened when the earlier line had no marker
	From       budget.Position         // file, sheet and row of the earlier line
	By         string                  // "line id", "programme code and description" or "programme code"
	// Conflict is set, and nothing else, when the earlier lines with the
	// same key disagree: nothing is carried, and a person decides.
	Conflict string
}

// Provenance returns the provenance of a carried tag:
// "carried from tagged-2025.xlsx:Tagging!12 (same programme code)".
func (c CarriedTag) Provenance() budget.Provenance {
	return budget.NewProvenance(budget.Carried, fmt.Sprintf("carried from %s (same %s)", c.From, c.By))
}

// Lookup finds the earlier tag for l: by line id when l has one, else by
// programme code and description, else by programme code alone. It uses
// the first key that finds earlier lines; when those lines do not all have
// the same tag, the result has only a Conflict. ok is false when no key
// finds anything.
func (x *CarryIndex) Lookup(l *budget.Line) (c CarriedTag, ok bool) {
	var found []int
	switch id, p := strings.TrimSpace(l.ID), strings.TrimSpace(l.Programme.Code()); {
	case id != "" && len(x.byID[id]) > 0:
		found, c.By = x.byID[id], "line id"
	case p != "" && len(x.byProgDo[[2]string{p, budget.Normalize(l.Description)}]) > 0:
		found, c.By = x.byProgDo[[2]string{p, budget.Normalize(l.Description)}], "programme code and description"
	case p != "" && len(x.byProg[p]) > 0:
		found, c.By = x.byProg[p], "programme code"
	default:
		return CarriedTag{}, false
	}
	first := x.lines[found[0]]
	for _, i := range found[1:] {
		o := x.lines[i]
		if !slices.Equal(o.objectives, first.objectives) || o.gender != first.gender {
			return CarriedTag{By: c.By, Conflict: fmt.Sprintf("earlier lines with the same %s disagree: %s has %s, %s has %s",
				c.By, first.pos, carryTagText(first), o.pos, carryTagText(o))}, true
		}
	}
	c.Objectives = slices.Clone(first.objectives)
	c.Level = first.gender
	c.From = first.pos
	return c, true
}

func carryTagText(s carrySource) string {
	obj := "no objective"
	if s.objectives != nil {
		obj = "objectives " + budget.FormatObjectives(s.objectives)
	}
	return obj + " and marker " + s.gender.String()
}
