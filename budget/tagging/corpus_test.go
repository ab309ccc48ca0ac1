package tagging

import (
	"strings"
	"testing"

	"github.com/grb-toolkit/grb/budget"
)

func TestCorpusLinesTestSplitOnly(t *testing.T) {
	const corpus = "source_id,group_id,publisher,marker_scheme,language,title,description,context_title,gender_marker,split,purpose_codes,migration_kw_hint\r\n" +
		"A,GA,SE-6,iati_dac,en,Women's shelters,Legal aid,,2,test,15170,\r\n" +
		"B,GB,XM-DAC-41114,undp_gen_mapped,fr,Appui,,Projet X,0,train,,\r\n" +
		"C,GC,XM-DAC-41114,undp_gen_mapped,es,Apoyo,Mujeres,Proyecto Y,1,test,,\r\n"
	lines, iati, err := CorpusLines(strings.NewReader(corpus), "c.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 2 || lines[0].ID != "A" || lines[1].ID != "C" {
		t.Fatalf("lines %+v, want A and C (the test split)", lines)
	}
	if lines[0].Gender.Level != budget.Principal || lines[1].Gender.Level != budget.Significant {
		t.Errorf("levels %v, %v", lines[0].Gender.Level, lines[1].Gender.Level)
	}
	if !iati[0] || iati[1] {
		t.Errorf("iati %v, want [true false]", iati)
	}
	if got, want := LineText(&lines[1]), "Apoyo \n Mujeres \n Proyecto Y"; got != want {
		t.Errorf("text %q, want %q (as the model was trained)", got, want)
	}
	if lines[1].Pos.Row != 4 {
		t.Errorf("row %d, want 4", lines[1].Pos.Row)
	}
}
