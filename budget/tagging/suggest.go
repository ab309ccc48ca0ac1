package tagging

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging/model"
)

// SuggestOptions says where [Tagging.Suggest] takes suggestions from. The
// zero value suggests only the tags of the budget file's own columns.
type SuggestOptions struct {
	Rules    *Rules      // tagging rules; nil: none
	Previous *CarryIndex // an earlier tagged budget to carry tags from; nil: none
	// Model suggests the marker of every line the other sources leave
	// without one, and gives each marker suggestion its confidence; nil:
	// none.
	Model *model.Model
	// Migration scores every line's relevance to migration; a related
	// line left without objectives is for review. nil: none.
	Migration *model.MigrationModel
}

// SuggestSummary says what [Tagging.Suggest] did.
type SuggestSummary struct {
	Rows      int // rows that hold lines
	Kept      int // rows confirmed or marked not screened: left as they are
	Carried   int // rows with a suggestion carried from the earlier budget
	FromFile  int // rows with a suggestion from the budget file's own tag columns
	FromRules int // rows with a suggestion made by rules
	FromModel int // rows whose only suggestion is the model's marker
	ForReview int // rows for review: rules that disagree, a marker less sure than the model's threshold, or migration-related without objectives
	// MigrationForReview counts the rows the migration model finds
	// related that have no suggested objectives.
	MigrationForReview int
	None               int // rows with no suggestion
	Prefilled          int // rows whose tag columns were filled with the suggestion (status "suggested")
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
	made := t.suggestRows(opt, sc)
	for i := range t.Rows {
		row := &t.Rows[i]
		sum.Rows++
		l := t.Budget.Lines.At(row.Lines[0])
		old := row.Suggested
		s, from, rules := made[i].s, made[i].from, made[i].rules
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
		case budget.FromModel:
			sum.FromModel++
		default:
			sum.None++
		}
		if s.ForReview {
			sum.ForReview++
		}
		if migrationForReview(s) {
			sum.MigrationForReview++
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
				Label: suggestLineLabel(&l),
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

// madeSuggestion is suggestLine's result for one row.
type madeSuggestion struct {
	s     Suggestion
	from  budget.TagSource
	rules []string
}

// suggestWorkers is how many rows' suggestions are made at once; 0: one
// per core. A row's suggestion depends on its line alone (the rules, the
// models and the carried tags are only read), so the result is the same
// as one at a time, row for row.
var suggestWorkers = 0

// suggestBlock is how many rows a worker takes at a time.
var suggestBlock = 256

// suggestRows makes the suggestion of every row, on every core: the trained
// models' scoring is most of the time of grb tag.
func (t *Tagging) suggestRows(opt SuggestOptions, sc *budget.Scheme) []madeSuggestion {
	made := make([]madeSuggestion, len(t.Rows))
	workers := cmp.Or(suggestWorkers, runtime.GOMAXPROCS(0))
	block := suggestBlock
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(min(workers, (len(t.Rows)+block-1)/block), 1) {
		wg.Go(func() {
			memo := map[string]string{} // each worker's own
			for {
				from := int(next.Add(int64(block))) - block
				if from >= len(t.Rows) {
					return
				}
				for i := from; i < min(from+block, len(t.Rows)); i++ {
					row := &t.Rows[i]
					m := &made[i]
					l := t.Budget.Lines.At(row.Lines[0])
					m.s, m.from, m.rules = suggestLine(&l, &row.FromFile, opt, sc, memo)
				}
			}
		})
	}
	wg.Wait()
	return made
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
	var b suggestionBuilder
	if opt.Previous != nil {
		b.carried(opt.Previous, l)
	}
	if file != nil {
		b.fromFile(file)
	}
	if opt.Rules != nil && (b.s.Objectives == nil || b.s.Marker == budget.NotScreened) {
		b.fromRules(opt.Rules.apply(l, lineRuleText(l, memo)))
	}
	if opt.Model != nil {
		b.fromModel(opt.Model, l)
	}
	if opt.Migration != nil {
		b.migration(opt.Migration, l)
	}
	b.conflicts()
	if sc != nil {
		b.inScheme(sc)
	}
	b.s.Objectives = slices.Clone(b.s.Objectives)
	return b.s, b.from, b.rules
}

// suggestionBuilder makes a suggestion part by part: each source fills
// only the parts still empty.
type suggestionBuilder struct {
	s     Suggestion
	notes []string         // why a part was left empty
	rules []string         // the ids of the rules that made a part
	from  budget.TagSource // the source of the first part filled
}

// use records src as the source of a part, if it is the first.
func (b *suggestionBuilder) use(src budget.TagSource) {
	if b.from == budget.Untagged {
		b.from = src
	}
}

// carried fills the parts carried from an earlier tagged budget.
func (b *suggestionBuilder) carried(prev *CarryIndex, l *budget.Line) {
	c, ok := prev.Lookup(l)
	switch {
	case !ok:
		return
	case c.Conflict != "":
		b.notes = append(b.notes, c.Conflict)
		return
	}
	if c.Objectives != nil {
		b.s.Objectives, b.s.ObjectiveSource = c.Objectives, c.Provenance()
		b.use(budget.Carried)
	}
	if c.Level.Screened() {
		b.s.Marker, b.s.MarkerSource = c.Level, c.Provenance()
		b.use(budget.Carried)
	}
}

// fromFile fills the empty parts from the budget file's own tags.
func (b *suggestionBuilder) fromFile(file *Suggestion) {
	if b.s.Objectives == nil && file.Objectives != nil {
		b.s.Objectives, b.s.ObjectiveSource = file.Objectives, file.ObjectiveSource
		b.use(budget.FromColumn)
	}
	if b.s.Marker == budget.NotScreened && file.Marker.Screened() {
		b.s.Marker, b.s.MarkerSource = file.Marker, file.MarkerSource
		b.use(budget.FromColumn)
	}
}

// fromRules fills the empty parts from the rules' result, and notes the
// rules' conflicts on the parts that stay empty.
func (b *suggestionBuilder) fromRules(res RuleResult) {
	if b.s.Objectives == nil && res.Objectives != nil {
		b.s.Objectives, b.s.ObjectiveSource = res.Objectives, res.ObjectiveSource
		if res.ObjectivesForReview { // rules that disagree: both, for review
			b.s.ObjectiveConflict = strings.TrimPrefix(res.ObjectiveSource.Detail(), conflictDetailPrefix)
			b.s.ForReview = true
			b.rules = append(b.rules, res.ObjectiveRules...)
		} else {
			b.rules = append(b.rules, res.ObjectiveRule)
		}
		b.use(budget.FromRule)
	}
	if b.s.Marker == budget.NotScreened && res.Marker.Screened() {
		b.s.Marker, b.s.MarkerSource = res.Marker, res.MarkerSource
		if !slices.Contains(b.rules, res.MarkerRule) {
			b.rules = append(b.rules, res.MarkerRule)
		}
		b.use(budget.FromRule)
	}
	for _, c := range res.Conflicts {
		if (c.Aspect == "objectives" && b.s.Objectives == nil) || (c.Aspect == "marker" && b.s.Marker == budget.NotScreened) {
			b.notes = append(b.notes, c.String())
		}
	}
}

// conflicts writes the notes on the parts left empty: a rule conflict on
// its part, a carry conflict on both.
func (b *suggestionBuilder) conflicts() {
	s := &b.s
	for _, n := range b.notes {
		switch {
		case strings.HasPrefix(n, "marker:"):
			// Rules that disagree are reported with their candidates even
			// when the model then chose a marker: that line is for review.
			if s.Marker == budget.NotScreened || s.MarkerSource.Source() == budget.FromModel {
				s.MarkerConflict = strings.TrimSpace(strings.TrimPrefix(n, "marker:"))
				s.ForReview = s.ForReview || s.Marker.Screened()
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
}

// inScheme drops, with a note, a marker level scheme sc has no code for.
func (b *suggestionBuilder) inScheme(sc *budget.Scheme) {
	s := &b.s
	if !s.Marker.Screened() {
		return
	}
	if _, ok := levelCode(sc, s.Marker); !ok {
		s.MarkerConflict = fmt.Sprintf("the suggested level %s (%s) has no code in scheme %s", s.Marker, s.MarkerSource.Detail(), sc.ID)
		s.Marker, s.MarkerSource = budget.NotScreened, budget.Provenance{}
	}
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
