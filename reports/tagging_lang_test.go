package reports

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

// langTagSource is a small budget to tag: its tag columns are G
// (objective 1), H (share 1), I–L (objectives and shares 2 and 3), M
// (marker), N (rationale), O (tagged by) and P (status).
const langTagSource = `Vote,Programme code,Programme,Description,Approved,Executed
1021,0605020,Immigration Services,Immigration services,1000,900
1021,0605030,Refugee Affairs,Reception of refugees,500,450
1021,0605030,Refugee Affairs,Legal aid for refugee women,300,300
1212,0912010,Gender Mainstreaming,Gender mainstreaming in ministries,200,150
1011,0702010,Cabinet Affairs,Cabinet office,2000,1900
,,,Total,4000,3700
`

// langTemplate writes the tagging workbook of langTagSource, with the
// default rules' suggestions, its words in l.
func langTemplate(t *testing.T, l Lang) []byte {
	t.Helper()
	tg, err := tagging.New(strings.NewReader(langTagSource), "budget.csv", budget.Options{}, "")
	if err != nil {
		t.Fatal(err)
	}
	tg.Suggest(tagging.SuggestOptions{Rules: tagging.DefaultRules()})
	var buf bytes.Buffer
	if err := tagging.Write(&buf, tg, tagging.WriteOptions{MadeBy: "test", Lang: string(l), Words: TaggingWords(l)}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// langFill tags the workbook as a person does, whatever its language,
// and reads it back.
func langFill(t *testing.T, data []byte) *tagging.Tagging {
	t.Helper()
	return langRead(t, langFilled(t, data))
}

// langRead reads a returned tagging workbook.
func langRead(t *testing.T, data []byte) *tagging.Tagging {
	t.Helper()
	tg, err := tagging.Read(bytes.NewReader(data), "returned.xlsx", budget.Options{})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return tg
}

// langFilled tags the workbook as a person does, whatever its language.
func langFilled(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[1] // the budget's sheet, after the instructions
	for c, v := range map[string]any{
		"G2": 5, "M2": "1", "N2": "services for migrant women", "O2": "Ana", "P2": "confirmed",
		"G3": 7, "H3": 60, "I3": 16, "J3": 40, "M3": "2", "N3": "legal aid", "O3": "Ana", "P3": "confirmed",
		"P4": "not screened",
		"M6": "0", "O6": "Ana", "P6": "confirmed",
	} {
		if err := f.SetCellValue(sheet, c, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readBack is what a tagging workbook read back says: each row's tags and
// every line.
func readBack(tg *tagging.Tagging) []string {
	var out []string
	for _, r := range tg.Rows {
		out = append(out, fmt.Sprintf("%s!%d: %v %v %v %q %q", r.Sheet, r.Row, r.Tag.Status, r.Tag.Objectives, r.Tag.Marker, r.Tag.Rationale, r.Tag.TaggedBy))
	}
	for _, l := range tg.Budget.Lines.All() {
		out = append(out, fmt.Sprintf("%+v", l))
	}
	return out
}

// The tagging workbook in French and Spanish: instructions, sheet names,
// tag headers, dropdown prompts and messages and the document's
// properties in the language; the codes a person chooses (objectives,
// marker codes, statuses) stay the same, and the workbook, tagged the
// same way, reads back to the same tags and lines as the English one,
// also when grb writes it again (in its own language) and it is read once
// more.
func TestTaggingWorkbookLang(t *testing.T) {
	en := readBack(langFill(t, langTemplate(t, English)))
	english := map[string]string{ // cell or item → the English text
		"title":  "How to tag this budget",
		"G1":     "GCM objective 1",
		"M1":     "Gender marker (oecd_dac)",
		"P1":     "Status",
		"prompt": "GCM objective",
		"error":  "Not a GCM objective",
	}
	for _, l := range []Lang{French, Spanish} {
		t.Run(string(l), func(t *testing.T) {
			data := langTemplate(t, l)
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheets := f.GetSheetList()
			if len(sheets) != 4 || sheets[0] == "Instructions" || sheets[2] == "Reference" {
				t.Errorf("sheets %v, want the instructions and the reference named in %s", sheets, l)
			}
			got := map[string]string{}
			got["title"], _ = f.GetCellValue(sheets[0], "A1")
			for _, c := range []string{"G1", "M1", "P1"} {
				got[c], _ = f.GetCellValue(sheets[1], c)
			}
			dvs, err := f.GetDataValidations(sheets[1])
			if err != nil || len(dvs) == 0 {
				t.Fatalf("no data validations: %v", err)
			}
			got["prompt"], got["error"] = *dvs[0].PromptTitle, *dvs[0].ErrorTitle
			for k, v := range english {
				if got[k] == "" || got[k] == v {
					t.Errorf("%s = %q, want it in %s", k, got[k], l)
				}
			}
			for _, d := range dvs {
				// Excel refuses a workbook whose prompt or error title is
				// over 32 characters, or message over 255.
				for _, txt := range []struct {
					s   *string
					max int
				}{{d.PromptTitle, 32}, {d.ErrorTitle, 32}, {d.Prompt, 255}, {d.Error, 255}} {
					if txt.s != nil && len([]rune(*txt.s)) > txt.max {
						t.Errorf("validation %s: %q is %d characters, Excel allows %d", d.Sqref, *txt.s, len([]rune(*txt.s)), txt.max)
					}
				}
				if d.Type == "list" && strings.Contains(d.Formula1, "confirmed") && d.Formula1 != `"suggested,confirmed,not screened"` {
					t.Errorf("status list %s, want the statuses grb reads", d.Formula1)
				}
			}
			if p, _ := f.GetDocProps(); p.Language != string(l) {
				t.Errorf("document language %q, want %q", p.Language, l)
			}

			tg := langFill(t, data)
			if tg.Lang != string(l) {
				t.Errorf("read back language %q, want %q", tg.Lang, l)
			}
			if diff := cmp.Diff(en, readBack(tg)); diff != "" {
				t.Errorf("read back differs from English (-en +%s):\n%s", l, diff)
			}
			// Written again (as grb tag does with a returned workbook), in
			// the workbook's language, and read once more: the same.
			var again bytes.Buffer
			if err := tagging.Write(&again, tg, tagging.WriteOptions{MadeBy: "test", Words: TaggingWords(Lang(tg.Lang))}); err != nil {
				t.Fatal(err)
			}
			tg2, err := tagging.Read(bytes.NewReader(again.Bytes()), "returned.xlsx", budget.Options{})
			if err != nil {
				t.Fatalf("Read again: %v", err)
			}
			if diff := cmp.Diff(readBack(tg), readBack(tg2)); diff != "" {
				t.Errorf("written again and read (-first +again):\n%s", diff)
			}
		})
	}
}

// Every text of the tagging workbook has its French and Spanish words in
// the catalogs.
func TestTaggingWordsComplete(t *testing.T) {
	keys := map[string]bool{}
	record := func(key string, args ...any) string {
		keys[key] = true
		return fmt.Sprintf(key, args...)
	}
	for _, sc := range budget.DefaultSchemes().All() {
		tg, err := tagging.New(strings.NewReader(langTagSource), "budget.csv", budget.Options{}, sc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := tagging.Write(&bytes.Buffer{}, tg, tagging.WriteOptions{Words: record}); err != nil {
			t.Fatal(err)
		}
	}
	if len(keys) < 40 {
		t.Fatalf("the workbook asked for %d texts, want the instructions, headers and prompts (40 or more)", len(keys))
	}
	var missing []string
	for k := range keys {
		for _, l := range []Lang{French, Spanish} {
			if _, ok := translations[l][k]; !ok {
				missing = append(missing, fmt.Sprintf("%s: %q", l, k))
			}
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no translation of %s", m)
	}
}

// A French and a Spanish tagging workbook, tagged and re-saved by
// LibreOffice, read back as the English one does.
func TestTaggingLangLibreOffice(t *testing.T) {
	exe := soffice(t)
	en := readBack(langFill(t, langTemplate(t, English)))
	for _, l := range []Lang{French, Spanish} {
		dir := t.TempDir()
		in := filepath.Join(dir, "returned.xlsx")
		if err := os.WriteFile(in, langFilled(t, langTemplate(t, l)), 0o644); err != nil {
			t.Fatal(err)
		}
		back, err := os.ReadFile(convert(t, exe, in, "xlsx", filepath.Join(dir, "lo")))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(en, readBack(langRead(t, back))); diff != "" {
			t.Errorf("%s, re-saved by LibreOffice, read back differs from English (-en +%s):\n%s", l, l, diff)
		}
	}
}
