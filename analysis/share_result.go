package analysis

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/grb-toolkit/grb/budget"
)

// Key is one coordinate of a group.
type Key struct {
	Dim   Dim    `json:"dim"`
	Value string `json:"value"` // stable value: "7", "101", "principal", "" for none
	Label string `json:"label"` // for people: "7 Reduce vulnerabilities", "No GCM objective"
}

// Group is the money of one group of lines, in the analysed phase unless
// said otherwise.
type Group struct {
	Keys  []Key `json:"keys,omitempty"`
	Lines int   `json:"lines"` // lines that put money in the group (a split line counts in each of its groups)
	// ByPhase is the money of every phase, with the number of lines that
	// give it: a phase no line gives is absent, not zero.
	ByPhase PhaseAmounts `json:"by_phase"`
	Amount  budget.Money `json:"amount"`
	Share   Ratio        `json:"share"` // Amount ÷ total amount
	// ByLevel is the money by canonical marker level, indexed by
	// budget.Level.
	ByLevel     LevelAmounts `json:"by_level"`
	GEWE        budget.Money `json:"gewe"`       // weighted under the result's convention
	GEWEShare   Ratio        `json:"gewe_share"` // GEWE ÷ Amount
	Principal   Ratio        `json:"principal"`  // principal money ÷ Amount
	Significant Ratio        `json:"significant"`
	Coverage    Ratio        `json:"coverage"` // screened money ÷ Amount
	NotScreened Ratio        `json:"not_screened"`
	attributed  budget.Money
}

// PhaseAmounts is money by budget phase and the number of lines giving
// each phase.
type PhaseAmounts struct {
	Sum   [budget.NumPhases]budget.Money
	Lines [budget.NumPhases]int
}

// Get returns the money of phase p, and false when no line gives it.
func (a PhaseAmounts) Get(p budget.Phase) (budget.Money, bool) {
	return a.Sum[p], a.Lines[p] > 0
}

// MarshalJSON writes {"approved": {"sum": …, "lines": …}, …}, leaving out
// phases no line gives.
func (a PhaseAmounts) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	first := true
	for _, p := range budget.Phases() {
		if a.Lines[p] == 0 {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		fmt.Fprintf(&b, "%q:{\"sum\":%s,\"lines\":%d}", p.String(), a.Sum[p], a.Lines[p])
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// LevelAmounts is money by canonical marker level, indexed by
// budget.Level.
type LevelAmounts []budget.Money

// MarshalJSON writes {"not_screened": …, …, "principal": …} in level order.
func (a LevelAmounts) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, m := range a {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(budget.Level(i).String()) + ":" + m.String())
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// Level returns the group's money at level l.
func (g *Group) Level(l budget.Level) budget.Money { return g.ByLevel[l] }

// Convention is the gender share of the whole budget under one weighting.
type Convention struct {
	Weighting string       `json:"weighting"`
	GEWE      budget.Money `json:"gewe"`
	Share     Ratio        `json:"share"`
}

// Result is the outcome of Shares.
type Result struct {
	Phase       budget.Phase `json:"phase"`
	Weighting   string       `json:"weighting"`
	By          []Dim        `json:"by"`
	Total       Group        `json:"total"`
	Groups      []Group      `json:"groups"`
	Conventions []Convention `json:"conventions"` // the total under every built-in convention
	// Currencies lists the currencies of the lines. With more than one,
	// Total and Conventions add money in different currencies and mean
	// nothing: writers do not show them, and each group's Share is of its
	// currency's total.
	Currencies []string `json:"currencies"`
	// AttributedLines counts the lines that declare a GEWE amount in the
	// phase, the basis of the attributed convention.
	AttributedLines int `json:"attributed_lines"`
	// Notes are NoteGroupedByCurrency and NoteNoPhaseAmount, when they
	// apply; package reports words them.
	Notes []Note `json:"-"`
}

// Mixed reports whether the lines are in more than one currency, so that
// Total and Conventions add money that cannot be added.
func (r *Result) Mixed() bool { return len(r.Currencies) > 1 }
