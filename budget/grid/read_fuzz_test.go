package grid_test

import (
	"bytes"
	"testing"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/csv"
	"github.com/grb-toolkit/grb/internal/readertest"
)

// FuzzRead runs the whole table interpreter (header detection, column
// mapping, amounts, markers, objectives, totals, ledger) over arbitrary
// csv text: it must never panic, and every row read must be in the ledger.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"Ministry,Description,Approved,Executed\nInterior,Shelters,\"1,250.5\",N/A\nSubtotal Interior,,1250.5,\nTotal,,1250.5,\n",
		"Title\nAmounts in thousands\n\nVote,Programme,Amount,Gender marker,GCM objective\n1011 Exec,0702000 Cabinet,100,2,7\n1011 Exec,0702010 Affairs,60,1,\"7 (60%), 16 (40%)\"\n1011 Exec,0702020 Other,40,,3; 7\n",
		"program,value,vote,year\n0605000 Migration,5.25e+08,1021 Interior,2022\n0605030 Refugee Affairs,,1021 Interior,2022\n",
		"Department/Agency;Program;2014-15;2015-16\nHome Affairs;Migration;10;nfp\n;;3;\n",
		"\ufeffCiclo;Clave Ramo;Clave Programa;Partida;Aprobado;Ejercido\n2016;33;I003;612 - EDIFICACION;364900212;N/R\n2016;33;I003;TOTAL DEL PROGRAMA PRESUPUESTARIO;364900212;0\n",
		"Description,Approved,gender_principal\nx,1,TRUE\ny,(2),FALSE\n,,3\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := csv.Read(bytes.NewReader(data), "fuzz.csv", budget.Options{Format: "csv", MaxBytes: 1 << 20, MaxRows: 10000})
		if b == nil {
			if err == nil {
				t.Fatal("nil budget and nil error")
			}
			return
		}
		readertest.CheckLedger(t, b)
		for _, l := range b.Lines.All() {
			total := 0
			for _, o := range l.Objectives {
				total += o.Share
			}
			if len(l.Objectives) > 0 && total != 10000 {
				t.Fatalf("objective shares sum to %d bp", total)
			}
		}
	})
}
