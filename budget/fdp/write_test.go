package fdp

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/grb-toolkit/grb/budget"
)

const noAmount = -1 << 62

func exportLine(year int, unit, prog, desc, cur string, g budget.Level, obj []budget.ObjectiveShare, amounts ...int64) budget.Line {
	l := budget.Line{Year: year, Unit: budget.NewCode("U"+unit[:1], unit), Programme: budget.NewCode(prog, "Programme "+prog), Description: desc, Currency: cur,
		Gender: budget.NewMarker(g, "", ""), Objectives: obj}
	for i, a := range amounts {
		if a != noAmount {
			l.Amounts.Set(budget.Phase(i), budget.FromCents(a))
		}
	}
	return l
}

// handLines: split objectives, not screened, negative amounts, several
// years, a limited marker (written as 0), a proposed amount.
func handLines(cur2 string) []budget.Line {
	split := []budget.ObjectiveShare{{Objective: 7, Share: 6000}, {Objective: 16, Share: 4000}}
	three := []budget.ObjectiveShare{{Objective: 1, Share: 3334}, {Objective: 2, Share: 3333}, {Objective: 3, Share: 3333}}
	return []budget.Line{
		exportLine(2022, "Interior", "P1", "Migrant reception", "USD", budget.Principal, split, 1, 100000, 120000, 90050),
		exportLine(2023, "Interior", "P1", "Migrant reception", "USD", budget.Principal, split, noAmount, 110000, noAmount, noAmount),
		exportLine(2022, "Interior", "P1", "Border posts", "USD", budget.NotScreened, nil, noAmount, 50000, noAmount, -2500),
		exportLine(2022, "Labour", "P2", "Skills, jobs; \"youth\"", cur2, budget.Significant, three, noAmount, -7000, noAmount, noAmount),
		exportLine(2023, "Labour", "P2", "Coordination", cur2, budget.Limited, []budget.ObjectiveShare{{Objective: 0, Share: 10000}}, noAmount, 1, noAmount, 2),
		exportLine(2024, "Labour", "P2", "Draft only", "USD", budget.NotTargeted, nil, 999, noAmount, noAmount, noAmount),
	}
}

type totalKey struct {
	Year     int
	Currency string
	Marker   string
	Phase    budget.Phase
	Obj      int
}

// totals sums every phase by year, currency, exported marker and GCM
// objective (each objective's line amount, once per objective).
func totals(t *testing.T, lines []budget.Line) map[totalKey]string {
	t.Helper()
	sums := map[totalKey]*budget.Sum{}
	for _, l := range lines {
		mk := "none"
		if s, ok := l.Gender.Level.DAC(); ok {
			mk = string(rune('0' + s))
		}
		objs := []int{-1}
		for _, o := range l.Objectives {
			objs = append(objs, o.Objective*100000+o.Share)
		}
		for _, ph := range budget.Phases() {
			m, ok := l.Amounts.Get(ph)
			if !ok {
				continue
			}
			for _, o := range objs {
				k := totalKey{l.Year, l.Currency, mk, ph, o}
				if sums[k] == nil {
					sums[k] = &budget.Sum{}
				}
				sums[k].Add(m)
			}
		}
	}
	out := map[totalKey]string{}
	for k, s := range sums {
		v, err := s.Value()
		if err != nil {
			t.Fatal(err)
		}
		out[k] = v.String()
	}
	return out
}

func TestWriteReadBack(t *testing.T) {
	for _, tt := range []struct {
		name, cur2     string
		currencyColumn bool
	}{
		{"one currency", "USD", false},
		{"several currencies", "EUR", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lines := handLines(tt.cur2)
			dir := t.TempDir()
			var desc, data bytes.Buffer
			sum, err := Write(&desc, &data, lines, WriteOptions{Name: "test-budget", Title: "Test budget"})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Lines != 6 || sum.Currencies[0] != "EUR" && tt.currencyColumn {
				t.Errorf("summary %+v", sum)
			}
			if err := os.WriteFile(filepath.Join(dir, "datapackage.json"), desc.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, DataFile), data.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			header, _, _ := strings.Cut(data.String(), "\n")
			if got := strings.Contains(header, ",currency"); got != tt.currencyColumn {
				t.Errorf("header %q: currency column %v, want %v", header, got, tt.currencyColumn)
			}
			var d map[string]any
			if err := json.Unmarshal(desc.Bytes(), &d); err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{`"classificationType": "gcm-objective"`, `"classificationType": "gender-marker"`, `"phase": "adjusted"`, `"factor": 1`, `"23": "Strengthen international cooperation`} {
				if !strings.Contains(desc.String(), want) {
					t.Errorf("datapackage.json lacks %s", want)
				}
			}
			b, err := ReadFile(dir, budget.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(totals(t, lines), totals(t, b.Lines.Slice())); diff != "" {
				t.Errorf("read back, totals by year, currency, marker, phase and objective differ (-export +read):\n%s", diff)
			}
			for _, i := range b.Issues {
				t.Errorf("read back: %s %s %s", i.Severity, i.Code, i.Message)
			}
		})
	}
}

func TestWriteNoYear(t *testing.T) {
	l := exportLine(0, "U", "P", "d", "USD", budget.NotScreened, nil, noAmount, 100)
	_, err := Write(&bytes.Buffer{}, &bytes.Buffer{}, []budget.Line{l}, WriteOptions{})
	if err == nil || !strings.Contains(err.Error(), "--year") {
		t.Errorf("a line without a fiscal year: err %v, want one naming --year", err)
	}
}

// TestWriteReadBackThreeDecimals checks a package whose amounts all have
// exactly three decimals (46.843, as exact Money writes them): the
// schema's decimalChar decides the mark, so they are not read as 46,843.
func TestWriteReadBackThreeDecimals(t *testing.T) {
	var lines []budget.Line
	for i, s := range []string{"46.843", "1.234", "7.001"} {
		l := exportLine(2024, "Health", "P1", fmt.Sprintf("line %d", i), "USD", budget.Principal, nil, noAmount, noAmount, noAmount, noAmount)
		m, err := budget.ParseMoney(s)
		if err != nil {
			t.Fatal(err)
		}
		l.Amounts.Set(budget.Approved, m)
		lines = append(lines, l)
	}
	dir := t.TempDir()
	var desc, data bytes.Buffer
	if _, err := Write(&desc, &data, lines, WriteOptions{Name: "three", Title: "Three decimals"}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "datapackage.json"), desc.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, DataFile), data.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := ReadFile(dir, budget.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var sum budget.Sum
	for _, l := range b.Lines.All() {
		m, _ := l.Amounts.Get(budget.Approved)
		sum.Add(m)
	}
	if v, _ := sum.Value(); v.String() != "55.078" {
		t.Errorf("approved sum = %s, want 55.078 (issues %v)", v, b.Issues)
	}
}
