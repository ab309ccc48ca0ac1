package grid

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/grb-toolkit/grb/budget"
)

// hr builds a row with one approved amount in cents.
func hr(label string, cents budget.Money) HierarchyRow {
	var a budget.Amounts
	a.Set(budget.Approved, cents)
	return HierarchyRow{Label: label, Amounts: a}
}

// hrs builds a row with the given phases; a nil entry is a missing phase.
func hrs(label string, proposed, approved *budget.Money) HierarchyRow {
	var a budget.Amounts
	if proposed != nil {
		a.Set(budget.Proposed, *proposed)
	}
	if approved != nil {
		a.Set(budget.Approved, *approved)
	}
	return HierarchyRow{Label: label, Amounts: a}
}

func mp(m budget.Money) *budget.Money { return &m }

func withCode(r HierarchyRow, code string) HierarchyRow { r.Code = code; return r }
func withLevel(r HierarchyRow, l int) HierarchyRow      { r.Level = l; return r }

func approved(a budget.Amounts) budget.Money {
	m, _ := a.Get(budget.Approved)
	return m
}

func roles(res *HierarchyResult) []string {
	out := make([]string, len(res.Rows))
	for i, r := range res.Rows {
		out[i] = r.Role.String()
	}
	return out
}

func TestHierarchyLiteral(t *testing.T) {
	tests := []struct {
		name       string
		rows       []HierarchyRow
		opt        HierarchyOptions
		roles      []string
		leaves     budget.Money
		candidate  budget.Money
		order      HierarchyOrder
		tolUses    int
		unresolved int
	}{{
		name: "totals first, three levels, labels only",
		rows: []HierarchyRow{hr("Capital budget", 10000), hr("Health", 6000), hr("Clinics", 4000), hr("Hospitals", 2000),
			hr("Education", 4000), hr("Schools", 1000), hr("Universities", 3000)},
		roles:  []string{"grand-total", "subtotal", "leaf", "leaf", "subtotal", "leaf", "leaf"},
		leaves: 10000, candidate: 10000, order: HierarchyTotalsFirst,
	}, {
		name: "totals last with codes (Kenya programme layout), single child",
		rows: []HierarchyRow{withCode(hr("Cabinet", 700), "0702010"), withCode(hr("Surveys", 300), "0702030"),
			withCode(hr("Cabinet Affairs", 1000), "0702000"), withCode(hr("Printing", 55), "0603010"),
			withCode(hr("Printing", 55), "0603000")},
		roles:  []string{"leaf", "leaf", "subtotal", "leaf", "subtotal"},
		leaves: 1055, candidate: 1055, order: HierarchyTotalsLast,
	}, {
		name:   "one row equals the next two by chance: unresolved, counted, listed",
		rows:   []HierarchyRow{hr("Roads", 5000), hr("Bridges", 3000), hr("Ports", 2000), hr("Rail", 700)},
		roles:  []string{"unresolved", "leaf", "leaf", "leaf"},
		leaves: 10700, candidate: 5700, order: HierarchyNone, unresolved: 1,
	}, {
		name:   "the label says total: subtotal on one block",
		rows:   []HierarchyRow{hr("Total transport", 5000), hr("Bridges", 3000), hr("Ports", 2000), hr("Rail", 700)},
		roles:  []string{"subtotal", "leaf", "leaf", "leaf"},
		leaves: 5700, candidate: 5700, order: HierarchyTotalsFirst,
	}, {
		name:   "placeholder repeating its parent",
		rows:   []HierarchyRow{hr("Programme X", 100), hr("n/a", 100), hr("Programme Y", 50)},
		roles:  []string{"leaf", "placeholder", "leaf"},
		leaves: 150, candidate: 150, order: HierarchyNone,
	}, {
		name: "negative leaves (reversals)",
		rows: []HierarchyRow{hr("All", 5000), hr("Loans", 8000), hr("Disbursed", 10000), hr("Repaid", -2000),
			hr("Write-backs", -3000)},
		roles:  []string{"grand-total", "subtotal", "leaf", "leaf", "leaf"},
		leaves: 5000, candidate: 5000, order: HierarchyTotalsFirst,
	}, {
		name: "rounded repeated totals need the tolerance",
		rows: []HierarchyRow{hr("All", 1000), hr("A", 334), hr("a1", 167), hr("a2", 167), hr("B", 667),
			hr("b1", 333), hr("b2", 333)},
		opt:    HierarchyOptions{Tolerance: HierarchyTolerance{LastDigit: 1}},
		roles:  []string{"grand-total", "subtotal", "leaf", "leaf", "subtotal", "leaf", "leaf"},
		leaves: 1000, candidate: 1000, order: HierarchyTotalsFirst, tolUses: 2,
	}, {
		name: "same rows without tolerance: the grand total no longer adds up",
		rows: []HierarchyRow{hr("All", 1000), hr("A", 334), hr("a1", 167), hr("a2", 167), hr("B", 667),
			hr("b1", 333), hr("b2", 333)},
		roles:  []string{"leaf", "unresolved", "leaf", "leaf", "leaf", "unresolved", "leaf"},
		leaves: 3001, candidate: 2334, order: HierarchyNone, unresolved: 2,
	}, {
		name:   "zeros are never totals on arithmetic alone",
		rows:   []HierarchyRow{hr("A", 0), hr("B", 0), hr("C", 0), hr("D", 5)},
		roles:  []string{"leaf", "leaf", "leaf", "leaf"},
		leaves: 5, candidate: 5, order: HierarchyNone,
	}, {
		name:   "single child equal to its parent, no evidence: unresolved",
		rows:   []HierarchyRow{hr("Roads", 3000), hr("Bridges", 3000), hr("Ports", 500)},
		roles:  []string{"unresolved", "leaf", "leaf"},
		leaves: 6500, candidate: 3500, order: HierarchyNone, unresolved: 1,
	}, {
		name: "levels contradict: no subtotal",
		rows: []HierarchyRow{withLevel(hr("Roads", 5000), 2), withLevel(hr("Bridges", 3000), 2),
			withLevel(hr("Ports", 2000), 2)},
		roles:  []string{"leaf", "leaf", "leaf"},
		leaves: 10000, candidate: 10000, order: HierarchyNone,
	}, {
		name: "levels agree: subtotal on one block",
		rows: []HierarchyRow{withLevel(hr("Roads", 5000), 1), withLevel(hr("Bridges", 3000), 2),
			withLevel(hr("Ports", 2000), 2), withLevel(hr("Rail", 100), 1)},
		roles:  []string{"subtotal", "leaf", "leaf", "leaf"},
		leaves: 5100, candidate: 5100, order: HierarchyTotalsFirst,
	}, {
		name: "header of aggregates over leaves kept elsewhere (OECD DAC2a layout)",
		rows: []HierarchyRow{hr("All Recipients", 9500), hr("Africa, Total", 6000), hr("Asia, Total", 3500),
			hr("LDCs, Total", 6500), hr("Other income", 3000), hr("Angola", 1000), hr("China", 3000),
			hr("Kenya", 5000), hr("Nepal", 500)},
		roles:  []string{"grand-total", "aggregate", "aggregate", "aggregate", "aggregate", "leaf", "leaf", "leaf", "leaf"},
		leaves: 9500, candidate: 9500, order: HierarchyTotalsFirst,
	}, {
		// A last row equal to the sum of the others, with no label, code,
		// level or structure, could be a line of a flat budget (150, 350,
		// 500): it is counted and listed, not dropped.
		name:   "grand total last, on arithmetic alone: unresolved",
		rows:   []HierarchyRow{hr("A", 10), hr("B", 20), hr("C", 30), hr("D", 40), hr("Sum", 100)},
		roles:  []string{"leaf", "leaf", "unresolved", "leaf", "unresolved"},
		leaves: 200, candidate: 70, order: HierarchyNone, unresolved: 2,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Hierarchy(tt.rows, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.roles, roles(res)); diff != "" {
				t.Errorf("roles (-want +got):\n%s", diff)
			}
			if got := approved(res.Leaves); got != tt.leaves {
				t.Errorf("leaves = %v, want %v", got, tt.leaves)
			}
			if got := approved(res.Candidate); got != tt.candidate {
				t.Errorf("candidate = %v, want %v", got, tt.candidate)
			}
			if res.Order != tt.order {
				t.Errorf("order = %v, want %v", res.Order, tt.order)
			}
			if res.ToleranceUses != tt.tolUses {
				t.Errorf("tolerance uses = %d, want %d", res.ToleranceUses, tt.tolUses)
			}
			if len(res.Unresolved) != tt.unresolved {
				t.Errorf("unresolved = %+v, want %d", res.Unresolved, tt.unresolved)
			}
		})
	}
}

func TestHierarchyPhasesMustAllAgree(t *testing.T) {
	rows := []HierarchyRow{
		hrs("Total health", mp(100), mp(90)),
		hrs("Clinics", mp(60), mp(50)),
		hrs("Hospitals", mp(40), mp(41)), // approved 50+41 = 91, not 90
	}
	res, err := Hierarchy(rows, HierarchyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The label says total but the block does not add up: unresolved (rule 7).
	if diff := cmp.Diff([]string{"unresolved", "leaf", "leaf"}, roles(res)); diff != "" {
		t.Errorf("roles (-want +got):\n%s", diff)
	}
	// A missing phase is not checked: the total has no approved amount.
	rows[0] = hrs("Total health", mp(100), nil)
	res, err = Hierarchy(rows, HierarchyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"grand-total", "leaf", "leaf"}, roles(res)); diff != "" {
		t.Errorf("roles with a missing phase (-want +got):\n%s", diff)
	}
}

func TestHierarchyOverflow(t *testing.T) {
	rows := []HierarchyRow{hr("a", 1<<62), hr("b", 1<<62), hr("c", 1<<62)}
	if _, err := Hierarchy(rows, HierarchyOptions{}); err != budget.ErrOverflow {
		t.Errorf("err = %v, want %v", err, budget.ErrOverflow)
	}
}

func TestHierarchyLabels(t *testing.T) {
	for _, tt := range []struct {
		label        string
		total, place bool
	}{
		{"Africa, Total", true, false}, {"TOTAL GENERAL", true, false}, {"Sous-total programme", true, false},
		{"Subtotales", true, false}, {"Totalizador", false, false}, {"n/a", false, true}, {" — ", false, true},
		{"", false, true}, {"Ninguno", false, true}, {"Néant", false, true}, {"None of the above", false, false},
	} {
		if got := HierarchyTotalWord(tt.label); got != tt.total {
			t.Errorf("HierarchyTotalWord(%q) = %v", tt.label, got)
		}
		if got := HierarchyPlaceholderLabel(tt.label); got != tt.place {
			t.Errorf("HierarchyPlaceholderLabel(%q) = %v", tt.label, got)
		}
	}
}
