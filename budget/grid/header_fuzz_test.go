package grid

import (
	"bytes"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

// FuzzHeader runs header recognition over arbitrary header cells (joined
// by a unit separator): no panic, and no field or column is used twice.
func FuzzHeader(f *testing.F) {
	for _, s := range []string{
		"Fiscal year\x1fVote code\x1fMinistry\x1fApproved\x1fGender marker (OECD DAC)",
		"Ciclo de Recurso\x1fClave Ramo\x1fDescripción Programa\x1fAprobado\x1fEjercido\x1fPagado SHCP",
		"Portfolio\x1fDepartment/Agency\x1fAppropriation type\x1f2014-15\x1fFY2016",
		"ProjectID\x1fProjectBudget\x1fgender_principal",
		"Montant (en milliers d'euros)\x1fMinistère\x1fObjectif PMM",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cells := bytes.Split([]byte(s), []byte{0x1f})
		header := make([]string, len(cells))
		for i, c := range cells {
			header[i] = string(c)
			budget.Normalize(header[i])
			ParseYearHeader(header[i])
		}
		headerScore(header)
		fields := map[budget.Field]bool{}
		cols := map[int]bool{}
		for _, a := range mapColumns(header, header) {
			if fields[a.field] || cols[a.col] || a.col < 0 || a.col >= len(header) {
				t.Fatalf("assignment %+v repeats a field or column, or is out of range", a)
			}
			fields[a.field], cols[a.col] = true, true
		}
	})
}
