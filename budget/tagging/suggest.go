package tagging

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// SuggestOptions says where [Tagging.Suggest] takes suggestions from. The
// zero value suggests only the tags of the budget file's own columns.
type SuggestOptions struct {
	Rules    *Rules      // tagging rules; nil: none
	Previous *CarryIndex // an earlier tagged budget to carry tags from; nil: none
}

// SuggestSummary says what [Tagging.Suggest] did.
type SuggestSummary struct {
	Rows      int // rows that hold lines
	Kept      int // rows confirmed or marked not screened: left as they are
	Carried   int // rows with a suggestion carried from the earlier budget
	FromFile  int // rows with a suggestion from the budget file's own tag columns
	FromRules int // rows with a suggestion made by rules
	None      int // rows with no suggestion
	Prefilled int // rows whose tag columns were filled with the suggestion (status "suggested")
	// Conflicts lists the rows where rules, or earlier lines, disagree.
	Conflicts []SuggestConflict
	// RuleRows counts, for each rule that made part of a suggestion, the
	// rows it made it for, by rule id.
	RuleRows map[string]int
}

// SuggestConflict is a row where grb left part of a suggestion empty
// because its sources disagree.
type SuggestConflict struct {
	Pos   budget.Position // the row
	Label string          // the row's programme and description, for people
	Note  string
}

// Suggest computes a suggestion for every row of t, part by part
// (objectives, marker), from the first source that gives that part:
//
//  1. a tag carried from the earlier budget (opt.Previous);
//  2. the budget file's own tag columns ([TagRow.FromFile]);
//  3. the rules (opt.Rules).
//
// Rows whose status is confirmed or not screened are never changed. The
// tag columns of any other row are filled with the suggestion, and its
// status set to "suggested", when they are blank or still hold the
// row's previous suggestion unchanged; what a person typed there is kept.
func (t *Tagging) Suggest(opt SuggestOptions) SuggestSummary {
	sc, err := tagScheme(nil, t.Scheme)
	if err != nil {
		sc = nil
	}
	var sum SuggestSummary
	memo := map[string]string{}
	for i := range t.Rows {
		row := &t.Rows[i]
		sum.Rows++
		l := &t.Budget.Lines[row.Lines[0]]
		old := row.Suggested
		s, from, rules := suggestLine(l, &row.FromFile, opt, sc, memo)
		row.Suggested = s
		for _, id := range rules {
			if sum.RuleRows == nil {
				sum.RuleRows = map[string]int{}
			}
			sum.RuleRows[id]++
		}
		switch from {
		case budget.Carried:
			sum.Carried++
		case budget.FromColumn:
			sum.FromFile++
		case budget.FromRule:
			sum.FromRules++
		default:
			sum.None++
		}
		if s.ObjectiveConflict != "" || s.MarkerConflict != "" {
			var parts []string
			switch {
			case s.ObjectiveConflict == s.MarkerConflict:
				parts = append(parts, s.ObjectiveConflict)
			default:
				if s.ObjectiveConflict != "" {
					parts = append(parts, "objectives: "+s.ObjectiveConflict)
				}
				if s.MarkerConflict != "" {
					parts = append(parts, "marker: "+s.MarkerConflict)
				}
			}
			sum.Conflicts = append(sum.Conflicts, SuggestConflict{
				Pos:   budget.At(t.Budget.Source, row.Sheet, row.Row, 0),
				Label: suggestLineLabel(l),
				Note:  strings.Join(parts, "; "),
			})
		}
		if row.Tag.Status == StatusConfirmed || row.Tag.Status == StatusNotScreened {
			sum.Kept++
			continue
		}
		if !row.Tag.Empty() && !row.Tag.holds(old, sc) {
			continue // a person typed something: keep it
		}
		if row.Tag.prefill(s, sc) {
			sum.Prefilled++
		}
	}
	return sum
}

// SuggestLines suggests tags for lines from opt alone: a carried tag,
// else the rules. The lines' own tags are ignored, so that rules can be
// evaluated against hand-made tags.
func SuggestLines(lines []budget.Line, opt SuggestOptions) []Suggestion {
	out := make([]Suggestion, len(lines))
	memo := map[string]string{}
	for i := range lines {
		out[i], _, _ = suggestLine(&lines[i], nil, opt, nil, memo)
	}
	return out
}

// suggestLine suggests tags for l, part by part: carried from
// opt.Previous, else from file (the budget file's own tags; nil: none),
// else from opt.Rules. With a scheme sc, a marker level the scheme has no
// code for is dropped with a note. It also returns the source of the
// first part it filled (Untagged when none), and the ids of the rules that
// made a part.
func suggestLine(l *budget.Line, file *Suggestion, opt SuggestOptions, sc *budget.Scheme, memo map[string]string) (Suggestion, budget.TagSource, []string) {
	var s Suggestion
	var notes, rules []string
	from := budget.Untagged
	use := func(src budget.TagSource) {
		if from == budget.Untagged {
			from = src
		}
	}
	if opt.Previous != nil {
		if c, ok := opt.Previous.Lookup(l); ok {
			if c.Conflict != "" {
				notes = append(notes, c.Conflict)
			} else {
				if c.Objectives != nil {
					s.Objectives, s.ObjectiveSource = c.Objectives, c.Provenance()
					use(budget.Carried)
				}
				if c.Level.Screened() {
					s.Marker, s.MarkerSource = c.Level, c.Provenance()
					use(budget.Carried)
				}
			}
		}
	}
	if file != nil {
		if s.Objectives == nil && file.Objectives != nil {
			s.Objectives, s.ObjectiveSource = file.Objectives, file.ObjectiveSource
			use(budget.FromColumn)
		}
		if s.Marker == budget.NotScreened && file.Marker.Screened() {
			s.Marker, s.MarkerSource = file.Marker, file.MarkerSource
			use(budget.FromColumn)
		}
	}
	if opt.Rules != nil && (s.Objectives == nil || s.Marker == budget.NotScreened) {
		res := opt.Rules.apply(l, lineRuleText(l, memo))
		if s.Objectives == nil && res.Objectives != nil {
			s.Objectives, s.ObjectiveSource = res.Objectives, res.ObjectiveSource
			rules = append(rules, res.ObjectiveRule)
			use(budget.FromRule)
		}
		if s.Marker == budget.NotScreened && res.Marker.Screened() {
			s.Marker, s.MarkerSource = res.Marker, res.MarkerSource
			if !slices.Contains(rules, res.MarkerRule) {
				rules = append(rules, res.MarkerRule)
			}
			use(budget.FromRule)
		}
		for _, c := range res.Conflicts {
			if (c.Aspect == "objectives" && s.Objectives == nil) || (c.Aspect == "marker" && s.Marker == budget.NotScreened) {
				notes = append(notes, c.String())
			}
		}
	}
	for _, n := range notes {
		switch {
		case strings.HasPrefix(n, "marker:"):
			if s.Marker == budget.NotScreened {
				s.MarkerConflict = strings.TrimSpace(strings.TrimPrefix(n, "marker:"))
			}
		case strings.HasPrefix(n, "objectives:"):
			if s.Objectives == nil {
				s.ObjectiveConflict = strings.TrimSpace(strings.TrimPrefix(n, "objectives:"))
			}
		default: // a carry conflict concerns both parts
			if s.Objectives == nil {
				s.ObjectiveConflict = n
			}
			if s.Marker == budget.NotScreened {
				s.MarkerConflict = n
			}
		}
	}
	if s.Marker.Screened() && sc != nil {
		if _, ok := levelCode(sc, s.Marker); !ok {
			s.MarkerConflict = fmt.Sprintf("the suggested level %s (%s) has no code in scheme %s", s.Marker, s.MarkerSource.Detail(), sc.ID)
			s.Marker, s.MarkerSource = budget.NotScreened, budget.Provenance{}
		}
	}
	s.Objectives = slices.Clone(s.Objectives)
	return s, from, rules
}

// suggestLineLabel names a line for people: its programme and description.
func suggestLineLabel(l *budget.Line) string {
	parts := []string{}
	if p := l.Programme.Label(); p != "" {
		parts = append(parts, p)
	}
	if l.Description != "" && l.Description != l.Programme.Name() {
		parts = append(parts, l.Description)
	}
	return strings.Join(parts, " / ")
}

// holds reports whether the tag columns hold exactly the suggestion s.
func (t *Tag) holds(s Suggestion, sc *budget.Scheme) bool {
	var want Tag
	want.prefill(s, sc)
	for c := ColObjective1; c <= ColMarker; c++ {
		if budget.Normalize(t.Cells[c]) != budget.Normalize(want.Cells[c]) {
			return false
		}
	}
	return true
}

// prefill writes the suggestion s into the tag columns, with status
// "suggested", or clears them when s is empty. It reports whether it wrote
// anything.
func (t *Tag) prefill(s Suggestion, sc *budget.Scheme) bool {
	for c := ColObjective1; c <= ColMarker; c++ {
		t.Cells[c] = ""
	}
	t.Objectives, t.Marker = nil, budget.Marker{}
	wrote := false
	if len(s.Objectives) > 0 && len(s.Objectives) <= MaxObjectiveSlots {
		for i, o := range s.Objectives {
			t.Cells[ColObjective1+2*i] = strconv.Itoa(o.Objective)
			if len(s.Objectives) > 1 {
				t.Cells[ColShare1+2*i] = sharePercent(o.Share)
			}
		}
		t.Objectives = slices.Clone(s.Objectives)
		wrote = true
	}
	if s.Marker.Screened() && sc != nil {
		if c, ok := levelCode(sc, s.Marker); ok {
			t.Cells[ColMarker] = c.Code
			t.Marker = budget.NewMarker(s.Marker, c.Code, sc.ID)
			wrote = true
		}
	}
	t.Status = StatusNone
	if wrote {
		t.Status = StatusSuggested
	}
	t.Cells[ColStatus] = t.Status.String()
	return wrote
}

// sharePercent writes a share in basis points as a percentage number for a
// share cell: 6000 → "60", 3334 → "33.34".
func sharePercent(bp int) string {
	s := strconv.Itoa(bp / 100)
	if f := bp % 100; f != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%02d", f), "0")
	}
	return s
}

// levelCode returns the code of scheme sc for canonical level l: the first
// code of the scheme at that level. ok is false when the scheme has no code
// for the level (UN "limited" in the OECD DAC scheme).
func levelCode(sc *budget.Scheme, l budget.Level) (budget.SchemeCode, bool) {
	for _, c := range sc.Codes {
		if c.Level == l {
			return c, true
		}
	}
	return budget.SchemeCode{}, false
}
