package grid

import (
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// TestPhaseSynonyms: what ministries write over their amount columns
// maps to the phase it means, and a longer phrase that names another
// phase wins over "Presupuesto".
func TestPhaseSynonyms(t *testing.T) {
	for h, want := range map[string]budget.Field{
		"Presupuesto":             budget.FieldApproved,
		"Presupuesto original":    budget.FieldApproved,
		"Presupuesto ejercido":    budget.FieldExecuted,
		"Presupuesto devengado":   budget.FieldExecuted,
		"Proyecto de presupuesto": budget.FieldProposed,
		"Original estimate":       budget.FieldApproved,
		"Revised estimates":       budget.FieldRevised,
		"Out-turn":                budget.FieldExecuted,
		"Crédits ouverts":         budget.FieldApproved,
		"Exécuté":                 budget.FieldExecuted,
		"Réalisé":                 budget.FieldExecuted,
	} {
		as := mapColumns([]string{h}, []string{h})
		if len(as) != 1 || as[0].field != want {
			t.Errorf("%q: %+v, want %s", h, as, want)
		}
	}
}
