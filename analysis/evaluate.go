package analysis

import (
	"fmt"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/mat"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

// Score counts, for one class (a GCM objective or a marker level), the
// lines where a suggestion and the true tag agree or not.
type Score struct {
	Label     string `json:"label"`     // "7", "General", "principal", or "all" for a micro-average
	True      int    `json:"true"`      // lines whose true tag has the class
	Suggested int    `json:"suggested"` // lines suggested the class
	TP        int    `json:"tp"`        // both
	FP        int    `json:"fp"`        // suggested, not true
	FN        int    `json:"fn"`        // true, not suggested
}

// Precision returns TP/(TP+FP), and false when nothing was suggested.
func (s Score) Precision() (float64, bool) { return evalRatio(s.TP, s.TP+s.FP) }

// Recall returns TP/(TP+FN), and false when the class is never true.
func (s Score) Recall() (float64, bool) { return evalRatio(s.TP, s.TP+s.FN) }

// F1 returns the harmonic mean of precision and recall,
// 2TP/(2TP+FP+FN), and false when the class is neither true nor
// suggested.
func (s Score) F1() (float64, bool) { return evalRatio(2*s.TP, 2*s.TP+s.FP+s.FN) }

func evalRatio(num, den int) (float64, bool) {
	if den == 0 {
		return 0, false
	}
	return float64(num) / float64(den), true
}

// Confusion is a confusion matrix of marker levels: Counts[i][j] is the
// number of lines whose true level is Levels[i] and whose suggested level
// is Levels[j]. budget.NotScreened as a suggested level means that nothing
// was suggested; lines without a true marker are not counted.
type Confusion struct {
	Levels []budget.Level `json:"levels"`
	Counts [][]int        `json:"counts"`
}

// Mistake is a line where the suggestion and the true tag differ.
type Mistake struct {
	Pos   budget.Position `json:"position"`
	Label string          `json:"label"` // the line's programme and description
	// What differs: "objectives", "marker" or both.
	Objectives bool `json:"objectives"`
	Marker     bool `json:"marker"`

	TrueObjectives      []budget.ObjectiveShare `json:"true_objectives"`
	SuggestedObjectives []budget.ObjectiveShare `json:"suggested_objectives"`
	TrueMarker          budget.Level            `json:"true_marker"`
	SuggestedMarker     budget.Level            `json:"suggested_marker"`
	// Source says what made the suggestion or, with NoSuggestion, why
	// there is none (the rules' conflict); package reports words the two.
	Source       string `json:"source,omitempty"`
	NoSuggestion bool   `json:"no_suggestion,omitempty"`
}

// Evaluation compares suggested tags with true ones, line by line.
type Evaluation struct {
	Lines int `json:"lines"` // lines compared

	// Objectives scores each objective that is true or suggested for some
	// line, in objective order; a line may have several. Shares are not
	// compared. AllObjectives sums them (a micro-average).
	Objectives    []Score `json:"objectives"`
	AllObjectives Score   `json:"all_objectives"`
	// ExactObjectives counts the lines whose suggested set of objectives is
	// exactly the true one (both empty included).
	ExactObjectives int `json:"exact_objectives"`

	// MarkerLines counts the lines with a true marker; only they are
	// scored for the marker.
	MarkerLines int     `json:"marker_lines"`
	Markers     []Score `json:"markers"` // by level, principal first
	// MarkerCorrect counts the scored lines whose suggested level is the
	// true one (the trace of the confusion matrix).
	MarkerCorrect int       `json:"marker_correct"`
	Confusion     Confusion `json:"confusion"`

	Mistakes []Mistake `json:"mistakes"`
}

// Evaluate compares suggestions with the true tags of lines: suggested[i]
// is the suggestion for truth[i]. A true line without objectives counts as
// serving none (a suggestion there is a false positive); a true line
// without a gender marker is not scored for the marker. It is an error
// for the slices to differ in length.
func Evaluate(truth []budget.Line, suggested []tagging.Suggestion) (*Evaluation, error) {
	if len(truth) != len(suggested) {
		return nil, fmt.Errorf("analysis: %d lines but %d suggestions", len(truth), len(suggested))
	}
	ev := &Evaluation{Lines: len(truth)}
	ev.scoreObjectives(truth, suggested)
	ev.scoreMarkers(truth, suggested)
	ev.Mistakes = mistakes(truth, suggested)
	return ev, nil
}

// scoreObjectives sets the objective scores of ev: one score per
// objective number, and their micro-average.
func (ev *Evaluation) scoreObjectives(truth []budget.Line, suggested []tagging.Suggestion) {
	var obj [24]Score
	for i := range truth {
		t, s := evalObjectives(truth[i].Objectives), evalObjectives(suggested[i].Objectives)
		if slices.Equal(t, s) {
			ev.ExactObjectives++
		}
		tallyObjectives(&obj, t, s)
	}
	ev.AllObjectives.Label = "all"
	for n := range obj {
		if obj[n].True+obj[n].Suggested == 0 {
			continue
		}
		obj[n].Label = evalObjectiveLabel(n)
		ev.Objectives = append(ev.Objectives, obj[n])
		ev.AllObjectives.True += obj[n].True
		ev.AllObjectives.Suggested += obj[n].Suggested
		ev.AllObjectives.TP += obj[n].TP
		ev.AllObjectives.FP += obj[n].FP
		ev.AllObjectives.FN += obj[n].FN
	}
}

// tallyObjectives counts one line, whose true objectives are t and
// suggested ones s, in the score of each objective.
func tallyObjectives(obj *[24]Score, t, s []int) {
	for _, n := range t {
		obj[n].True++
		if slices.Contains(s, n) {
			obj[n].TP++
		} else {
			obj[n].FN++
		}
	}
	for _, n := range s {
		obj[n].Suggested++
		if !slices.Contains(t, n) {
			obj[n].FP++
		}
	}
}

// scoreMarkers sets the marker scores of ev from a confusion matrix over
// every level, true × suggested.
func (ev *Evaluation) scoreMarkers(truth []budget.Line, suggested []tagging.Suggestion) {
	levels := budget.Levels() // NotScreened first: "nothing suggested"
	k := len(levels)
	cm := mat.NewDense(k, k, nil)
	for i := range truth {
		tl := truth[i].Gender.Level
		if !tl.Screened() {
			continue
		}
		ev.MarkerLines++
		sl := suggested[i].Marker
		cm.Set(int(tl), int(sl), cm.At(int(tl), int(sl))+1)
	}
	ones := mat.NewVecDense(k, nil)
	for i := 0; i < k; i++ {
		ones.SetVec(i, 1)
	}
	var trueCount, suggCount mat.VecDense
	trueCount.MulVec(cm, ones)     // row sums: lines with each true level
	suggCount.MulVec(cm.T(), ones) // column sums: lines suggested each level
	ev.MarkerCorrect = int(mat.Trace(cm))
	ev.Confusion = confusion(cm, levels, &trueCount, &suggCount)
	ev.Markers = markerScores(cm, levels, &trueCount, &suggCount)
}

// confusion returns the rows and columns of cm for the levels that occur,
// true or suggested, in ascending order.
func confusion(cm *mat.Dense, levels []budget.Level, trueCount, suggCount *mat.VecDense) Confusion {
	var c Confusion
	for _, l := range levels {
		if trueCount.AtVec(int(l)) > 0 || suggCount.AtVec(int(l)) > 0 {
			c.Levels = append(c.Levels, l)
		}
	}
	for _, tl := range c.Levels {
		row := make([]int, len(c.Levels))
		for j, sl := range c.Levels {
			row[j] = int(cm.At(int(tl), int(sl)))
		}
		c.Counts = append(c.Counts, row)
	}
	return c
}

// markerScores returns the score of each level that is true or suggested
// for some line, principal first; "nothing suggested" is not a class.
func markerScores(cm *mat.Dense, levels []budget.Level, trueCount, suggCount *mat.VecDense) []Score {
	var scores []Score
	for i := len(levels) - 1; i >= 1; i-- {
		l := levels[i]
		tp := int(cm.At(int(l), int(l)))
		t, s := int(trueCount.AtVec(int(l))), int(suggCount.AtVec(int(l)))
		if t+s == 0 {
			continue
		}
		scores = append(scores, Score{Label: l.String(), True: t, Suggested: s, TP: tp, FP: s - tp, FN: t - tp})
	}
	return scores
}

// mistakes returns the lines whose suggestion differs from the true tags.
func mistakes(truth []budget.Line, suggested []tagging.Suggestion) []Mistake {
	var out []Mistake
	for i := range truth {
		if m, ok := mistake(&truth[i], &suggested[i]); ok {
			out = append(out, m)
		}
	}
	return out
}

// mistake compares the suggestion s for line l with its true tags, and
// reports whether they differ.
func mistake(l *budget.Line, s *tagging.Suggestion) (Mistake, bool) {
	m := Mistake{
		Pos:                 l.Pos.WholeRow(),
		Label:               evalLineLabel(l),
		TrueObjectives:      l.Objectives,
		SuggestedObjectives: s.Objectives,
		TrueMarker:          l.Gender.Level,
		SuggestedMarker:     s.Marker,
	}
	m.Objectives = !slices.Equal(evalObjectives(l.Objectives), evalObjectives(s.Objectives))
	m.Marker = l.Gender.Level.Screened() && l.Gender.Level != s.Marker
	if !m.Objectives && !m.Marker {
		return m, false
	}
	m.Source, m.NoSuggestion = mistakeSource(m, s)
	return m, true
}

// mistakeSource returns what made the suggestion s behind mistake m or,
// with none true, the conflict that left the rules without one.
func mistakeSource(m Mistake, s *tagging.Suggestion) (source string, none bool) {
	switch {
	case m.Objectives && s.Objectives != nil:
		return s.ObjectiveSource.Detail(), false
	case m.Objectives && s.ObjectiveConflict != "":
		return s.ObjectiveConflict, true
	case m.Marker && s.Marker.Screened():
		return s.MarkerSource.Detail(), false
	case m.Marker && s.MarkerConflict != "":
		return s.MarkerConflict, true
	}
	return "", false
}

// evalObjectives returns the objective numbers of o, sorted.
func evalObjectives(o []budget.ObjectiveShare) []int {
	out := make([]int, 0, len(o))
	for _, s := range o {
		if s.Objective >= 0 && s.Objective <= 23 {
			out = append(out, s.Objective)
		}
	}
	slices.Sort(out)
	return out
}

func evalObjectiveLabel(n int) string {
	if n == 0 {
		return "General"
	}
	return strconv.Itoa(n)
}

// evalLineLabel names a line for people: its programme and description.
func evalLineLabel(l *budget.Line) string {
	s := l.Programme.Label()
	if l.Description != "" && l.Description != l.Programme.Name() {
		if s != "" {
			s += " / "
		}
		s += l.Description
	}
	if s == "" {
		s = l.Unit.Label()
	}
	return s
}
