package analysis

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/grb-toolkit/grb/budget"
)

// GapOptions controls Gaps. The zero value analyses the approved phase
// under DACHeadline, with no target, no reference population and no
// deflators.
type GapOptions struct {
	Weighting Weighting    // convention for GEWE money; zero value: DACHeadline
	Phase     budget.Phase // phase analysed (not used by the execution gap)
	PhaseSet  bool         // Phase was given; else Approved

	// Target is the GEWE share to reach, as a fraction (0.15 for the UN
	// 15 %); 0 means none. It is measured under TargetWeighting, whose
	// zero value is PrincipalOnly: the UN 15 % refers to money whose
	// principal objective is gender equality.
	Target          float64
	TargetWeighting Weighting

	// ReferenceWomenShare is the share of women and girls among the
	// target population, as a fraction (0.48); 0 means none.
	ReferenceWomenShare float64

	// Deflators maps a fiscal year to a price index (any base, such as
	// 100 in 2020). Optional: real changes are computed for the years
	// that have one.
	Deflators map[int]float64

	// Context, when not nil, is looked at every few thousand lines:
	// once it is done, Gaps returns its error.
	Context context.Context
}

func (o GapOptions) phase() budget.Phase {
	if o.PhaseSet {
		return o.Phase
	}
	return budget.Approved
}

func weightingOr(w, def Weighting) Weighting {
	if w.Name == "" {
		return def
	}
	return w
}

func (o GapOptions) check() error {
	if !(o.Target >= 0 && o.Target <= 1) {
		return fmt.Errorf("analysis: target %v is outside 0–1 (write 15 %% as 0.15)", o.Target)
	}
	if !(o.ReferenceWomenShare >= 0 && o.ReferenceWomenShare <= 1) {
		return fmt.Errorf("analysis: reference women's share %v is outside 0–1 (write 48 %% as 0.48)", o.ReferenceWomenShare)
	}
	for _, y := range sortedYears(o.Deflators) {
		if v := o.Deflators[y]; !(v > 0) || math.IsInf(v, 0) {
			return fmt.Errorf("analysis: deflator for %d is %v; want a positive price index", y, v)
		}
	}
	return nil
}

func sortedYears(m map[int]float64) []int {
	ys := make([]int, 0, len(m))
	for y := range m {
		ys = append(ys, y)
	}
	sort.Ints(ys)
	return ys
}

// GapResult is the outcome of Gaps. Every section names the weighting
// convention it was computed under.
type GapResult struct {
	Phase     budget.Phase `json:"phase"`
	Weighting string       `json:"weighting"`
	Lines     int          `json:"lines"`

	Target        *TargetGap     `json:"target,omitempty"` // nil when no target was given
	Execution     ExecutionGap   `json:"execution"`
	Beneficiaries BeneficiaryGap `json:"beneficiaries"`
	BlindSpots    BlindSpots     `json:"blind_spots"`
	Concentration Concentration  `json:"concentration"`
	Change        Change         `json:"change"`
	// Notes are NoteGroupedByCurrency, NoteNoPhaseAmount (from the shares
	// by objective), NoteNoYearLines and NoteNoExecution, when they
	// apply; package reports words them.
	Notes []Note `json:"-"`
}

// Exclusion counts the lines left out of a measure for one reason: an
// Exclusion code ([ExclusionNoExecuted], …), which package reports words.
type Exclusion struct {
	Reason ReasonCode `json:"reason"`
	Lines  int        `json:"lines"`
}

// Gaps computes the gender gaps of b: the gap to a target share, the
// execution gap between GEWE and other lines, the beneficiary gap, the
// GCM objectives without GEWE money, the concentration of GEWE money
// across objectives and the change by fiscal year. The package
// documentation defines each measure.
//
// Money is summed exactly; floats appear only in ratios and indexes. Gaps
// returns an error when the options are out of range, when b mixes
// currencies, or when a sum of money overflows.
func Gaps(b *budget.Budget, opt GapOptions) (*GapResult, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	if err := oneCurrency("budget", b); err != nil {
		return nil, err
	}
	w := weightingOr(opt.Weighting, DACHeadline)
	phase := opt.phase()
	res := &GapResult{Phase: phase, Weighting: w.Name, Lines: b.Lines.Len()}

	if opt.Target > 0 {
		tw := weightingOr(opt.TargetWeighting, PrincipalOnly)
		r, err := Shares(b, Options{Weighting: tw, Phase: phase, PhaseSet: true, Context: opt.Context})
		if err != nil {
			return nil, err
		}
		res.Target = targetGap(r.Total, tw.Name, opt.Target)
	}

	// By objective and by year read the lines apart: one on each core.
	var byYear *Result
	var errYear error
	var wg sync.WaitGroup
	wg.Go(func() {
		byYear, errYear = Shares(b, Options{By: []Dim{ByYear}, Weighting: w, Phase: phase, PhaseSet: true, Context: opt.Context})
	})
	byObj, err := Shares(b, Options{By: []Dim{ByObjective}, Weighting: w, Phase: phase, PhaseSet: true, Context: opt.Context})
	wg.Wait()
	if err != nil {
		return nil, err
	}
	res.Notes = append(res.Notes, byObj.Notes...)
	res.BlindSpots = blindSpots(byObj)
	if res.Concentration, err = concentration(byObj); err != nil {
		return nil, err
	}

	if errYear != nil {
		return nil, errYear
	}
	if res.Change, err = change(byYear, phase, opt.Deflators); err != nil {
		return nil, err
	}
	if res.Change.NoYear > 0 {
		res.Notes = append(res.Notes, Note{Code: NoteNoYearLines, N: res.Change.NoYear})
	}

	if err := lineGaps(opt.Context, res, b, w, phase, opt.ReferenceWomenShare); err != nil {
		return nil, err
	}
	if res.Execution.Total.All.Lines == 0 && b.Lines.Len() > 0 {
		res.Notes = append(res.Notes, Note{Code: NoteNoExecution})
	}
	return res, nil
}

// oneCurrency returns an error when the lines of bs use more than one
// currency: every measure here adds money.
func oneCurrency(what string, bs ...*budget.Budget) error {
	seen := map[string]bool{}
	for _, b := range bs {
		for i := range b.Lines.Len() {
			seen[b.Lines.CurrencyAt(i)] = true
		}
	}
	if len(seen) <= 1 {
		return nil
	}
	cs := make([]string, 0, len(seen))
	for c := range seen {
		cs = append(cs, orNone(c, "none"))
	}
	sort.Strings(cs)
	return fmt.Errorf("analysis: the %s mixes currencies (%s): analyse one currency at a time (--where currency=CODE)", what, strings.Join(cs, ", "))
}

// lineGaps computes the execution and beneficiary gaps in one pass over
// the lines.
func lineGaps(ctx context.Context, res *GapResult, b *budget.Budget, w Weighting, phase budget.Phase, ref float64) error {
	var a adder
	exec := newExecutionTally(w)
	var ben beneficiaryTally
	for i := range b.Lines.Len() {
		if err := cancelled(ctx, i); err != nil {
			return err
		}
		lv := b.Lines.At(i)
		l := &lv
		exec.add(&a, l)
		ben.add(&a, l, phase)
	}
	if err := a.err(); err != nil {
		return err
	}
	res.Execution = exec.result()
	res.Beneficiaries = ben.result(&a, ref)
	return a.err()
}

// objectiveGroups indexes the groups of a by-objective result by
// objective number; untagged is the group of lines with no objective.
func objectiveGroups(r *Result) (byNum map[int]*Group, untagged *Group) {
	byNum = map[int]*Group{}
	for i := range r.Groups {
		g := &r.Groups[i]
		v := g.Keys[0].Value
		if v == "" {
			untagged = g
			continue
		}
		if n, err := strconv.Atoi(v); err == nil {
			byNum[n] = g
		}
	}
	return byNum, untagged
}
