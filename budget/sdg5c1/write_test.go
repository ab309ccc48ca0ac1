package sdg5c1_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget/sdg5c1"
)

func questionnaire(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := sdg5c1.WriteQuestionnaire(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestWriteQuestionnaire(t *testing.T) {
	a, b := questionnaire(t), questionnaire(t)
	if !bytes.Equal(a, b) {
		t.Errorf("two templates differ: the bytes are not deterministic")
	}
	f, err := excelize.OpenReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "Questionnaire" || got[1] != "Instructions" {
		t.Errorf("sheets = %q", got)
	}
	dvs, err := f.GetDataValidations("Questionnaire")
	if err != nil {
		t.Fatal(err)
	}
	if len(dvs) != 2 {
		t.Fatalf("%d data validations, want 2 (answers, share)", len(dvs))
	}
	// The answer cells of the three criteria, under the header on row 8
	// and a label row per criterion.
	if dvs[0].Sqref != "D10:D12 D14:D20 D22:D24" || !strings.Contains(dvs[0].Formula1, "Yes,No") || dvs[0].Type != "list" {
		t.Errorf("answer validation = %+v", dvs[0])
	}
	if dvs[1].Sqref != "D26" || dvs[1].Type != "decimal" {
		t.Errorf("share validation = %+v", dvs[1])
	}
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2000-01-01T00:00:00Z" || props.Modified != props.Created {
		t.Errorf("doc props times %q, %q; want fixed", props.Created, props.Modified)
	}
	// Questions, the year cell and the evidence column.
	for cell, want := range map[string]string{"A6": "Last completed fiscal year", "A8": "ID", "D8": "Answer (Yes/No)", "A18": "2.5", "A26": "optional"} {
		if v, _ := f.GetCellValue("Questionnaire", cell); v != want {
			t.Errorf("%s = %q, want %q", cell, v, want)
		}
	}
	if v, _ := f.GetCellValue("Questionnaire", "E8"); !strings.HasPrefix(v, "Evidence") {
		t.Errorf("E8 = %q, want the evidence column", v)
	}
}
