package analysis

import "github.com/grb-toolkit/grb/budget"

// PhaseChoice is the budget phase analysed and why: the phase asked for
// (by the user, or approved by default), and, when it has no money, the
// phases that have.
type PhaseChoice struct {
	Phase budget.Phase // the phase analysed
	Asked budget.Phase // the phase asked for
	Given bool         // the user gave Asked (--phase)
	// Fallback says that Asked, not given, has no money and Phase is the
	// only phase that has: Phase is analysed instead, in Lines lines.
	Fallback bool
	Lines    int
	// Others are the phases with money, in phase order, when Asked has
	// none.
	Others []budget.Phase
}

// ChoosePhase returns the phase to analyse in b. A phase has money when
// some line has a non-zero amount of it. When asked has none, given is
// false (the user did not choose it) and exactly one other phase has
// money, that phase is analysed; otherwise asked is kept, and the phases
// that have money are named.
func ChoosePhase(b *budget.Budget, asked budget.Phase, given bool) PhaseChoice {
	var lines [budget.NumPhases]int
	for i := range b.Lines.Len() {
		for _, p := range budget.Phases() {
			if m, ok := b.Lines.AmountsAt(i).Get(p); ok && !m.IsZero() {
				lines[p]++
			}
		}
	}
	pc := PhaseChoice{Phase: asked, Asked: asked, Given: given}
	if lines[asked] > 0 || b.Lines.Len() == 0 {
		return pc
	}
	for _, p := range budget.Phases() {
		if lines[p] > 0 {
			pc.Others = append(pc.Others, p)
		}
	}
	if !given && len(pc.Others) == 1 {
		pc.Phase, pc.Fallback, pc.Lines = pc.Others[0], true, lines[pc.Others[0]]
	}
	return pc
}

// Notes are the notes the choice makes: NotePhaseFallback when another
// phase is analysed, NotePhaseElsewhere when the phase asked for is kept
// though it has no money and others have.
func (pc PhaseChoice) Notes() []Note {
	switch {
	case pc.Fallback:
		return []Note{{Code: NotePhaseFallback, Phase: pc.Phase, Asked: pc.Asked, N: pc.Lines}}
	case len(pc.Others) > 0:
		return []Note{{Code: NotePhaseElsewhere, Phase: pc.Phase, Phases: pc.Others}}
	}
	return nil
}
