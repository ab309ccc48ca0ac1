package tagging

import (
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// TestDefaultRulesContext: names, and phrases where a migration word
// means something else, suggest no migration objective; the same words
// in their migration sense still do, in English, French and Spanish.
func TestDefaultRulesContext(t *testing.T) {
	rs := DefaultRules()
	for _, tt := range []struct {
		text string
		want string // objectives; "" none
	}{
		{"Médecins Sans Frontières: emergency health care in Ituri", ""},
		{"Support to Médecins Sans Frontières emergency health response", ""},
		{"Doctors without Borders: cholera response", ""},
		{"Médicos sin Fronteras: atención de salud de emergencia", ""},
		{"Reporters sans frontières : liberté de la presse", ""},
		{"Supply of military identity cards", ""},
		{"Cartes d’identité militaires", ""},
		{"Carnés de identidad militar", ""},
		{"Combating the international trafficking of small arms", ""},
		{"Lutte contre le trafic illicite d’armes légères", ""},
		{"Control del tráfico de armas pequeñas", ""},
		{"Illicit trafficking in firearms and ammunition", ""},
		// the migration sense still matches
		{"Gestion des frontières au Niger", "11"},
		{"National identity cards and passports", "4"},
		{"Trafficking in persons: victim support", "10"},
	} {
		res := rs.Apply(&budget.Line{Description: tt.text})
		if got := budget.FormatObjectives(res.Objectives); got != tt.want {
			t.Errorf("%q: objectives %q, want %q (matches %v)", tt.text, got, tt.want, res.Matches)
		}
	}
}
