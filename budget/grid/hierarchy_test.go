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
		rows: []HierarchyRow{hr("Capital budget", budget.FromCents(10000)), hr("Health", budget.FromCents(6000)), hr("Clinics", budget.FromCents(4000)), hr("Hospitals", budget.FromCents(2000)),
			hr("Education", budget.FromCents(4000)), hr("Schools", budget.FromCents(1000)), hr("Universities", budget.FromCents(3000))},
		roles:  []string{"grand-total", "subtotal", "leaf", "leaf", "subtotal", "leaf", "leaf"},
		leaves: budget.FromCents(10000), candidate: budget.FromCents(10000), order: HierarchyTotalsFirst,
	}, {
		name: "totals last with codes (Kenya programme layout), single child",
		rows: []HierarchyRow{withCode(hr("Cabinet", budget.FromCents(700)), "0702010"), withCode(hr("Surveys", budget.FromCents(300)), "0702030"),
			withCode(hr("Cabinet Affairs", budget.FromCents(1000)), "0702000"), withCode(hr("Printing", budget.FromCents(55)), "0603010"),
			withCode(hr("Printing", budget.FromCents(55)), "0603000")},
		roles:  []string{"leaf", "leaf", "subtotal", "leaf", "subtotal"},
		leaves: budget.FromCents(1055), candidate: budget.FromCents(1055), order: HierarchyTotalsLast,
	}, {
		name:   "one row equals the next two by chance: unresolved, counted, listed",
		rows:   []HierarchyRow{hr("Roads", budget.FromCents(5000)), hr("Bridges", budget.FromCents(3000)), hr("Ports", budget.FromCents(2000)), hr("Rail", budget.FromCents(700))},
		roles:  []string{"unresolved", "leaf", "leaf", "leaf"},
		leaves: budget.FromCents(10700), candidate: budget.FromCents(5700), order: HierarchyNone, unresolved: 1,
	}, {
		name:   "the label says total: subtotal on one block",
		rows:   []HierarchyRow{hr("Total transport", budget.FromCents(5000)), hr("Bridges", budget.FromCents(3000)), hr("Ports", budget.FromCents(2000)), hr("Rail", budget.FromCents(700))},
		roles:  []string{"subtotal", "leaf", "leaf", "leaf"},
		leaves: budget.FromCents(5700), candidate: budget.FromCents(5700), order: HierarchyTotalsFirst,
	}, {
		name:   "placeholder repeating its parent",
		rows:   []HierarchyRow{hr("Programme X", budget.FromCents(100)), hr("n/a", budget.FromCents(100)), hr("Programme Y", budget.FromCents(50))},
		roles:  []string{"leaf", "placeholder", "leaf"},
		leaves: budget.FromCents(150), candidate: budget.FromCents(150), order: HierarchyNone,
	}, {
		name: "negative leaves (reversals)",
		rows: []HierarchyRow{hr("All", budget.FromCents(5000)), hr("Loans", budget.FromCents(8000)), hr("Disbursed", budget.FromCents(10000)), hr("Repaid", budget.FromCents(-2000)),
			hr("Write-backs", budget.FromCents(-3000))},
		roles:  []string{"grand-total", "subtotal", "leaf", "leaf", "leaf"},
		leaves: budget.FromCents(5000), candidate: budget.FromCents(5000), order: HierarchyTotalsFirst,
	}, {
		name: "rounded repeated totals need the tolerance",
		rows: []HierarchyRow{hr("All", budget.FromCents(1000)), hr("A", budget.FromCents(334)), hr("a1", budget.FromCents(167)), hr("a2", budget.FromCents(167)), hr("B", budget.FromCents(667)),
			hr("b1", budget.FromCents(333)), hr("b2", budget.FromCents(333))},
		opt:    HierarchyOptions{Tolerance: HierarchyTolerance{LastDigit: budget.FromCents(1)}},
		roles:  []string{"grand-total", "subtotal", "leaf", "leaf", "subtotal", "leaf", "leaf"},
		leaves: budget.FromCents(1000), candidate: budget.FromCents(1000), order: HierarchyTotalsFirst, tolUses: 2,
	}, {
		name: "same rows without tolerance: the grand total no longer adds up",
		rows: []HierarchyRow{hr("All", budget.FromCents(1000)), hr("A", budget.FromCents(334)), hr("a1", budget.FromCents(167)), hr("a2", budget.FromCents(167)), hr("B", budget.FromCents(667)),
			hr("b1", budget.FromCents(333)), hr("b2", budget.FromCents(333))},
		roles:  []string{"leaf", "unresolved", "leaf", "leaf", "leaf", "unresolved", "leaf"},
		leaves: budget.FromCents(3001), candidate: budget.FromCents(2334), order: HierarchyNone, unresolved: 2,
	}, {
		name:   "zeros are never totals on arithmetic alone",
		rows:   []HierarchyRow{hr("A", budget.FromCents(0)), hr("B", budget.FromCents(0)), hr("C", budget.FromCents(0)), hr("D", budget.FromCents(5))},
		roles:  []string{"leaf", "leaf", "leaf", "leaf"},
		leaves: budget.FromCents(5), candidate: budget.FromCents(5), order: HierarchyNone,
	}, {
		name:   "single child equal to its parent, no evidence: unresolved",
		rows:   []HierarchyRow{hr("Roads", budget.FromCents(3000)), hr("Bridges", budget.FromCents(3000)), hr("Ports", budget.FromCents(500))},
		roles:  []string{"unresolved", "leaf", "leaf"},
		leaves: budget.FromCents(6500), candidate: budget.FromCents(3500), order: HierarchyNone, unresolved: 1,
	}, {
		name: "levels contradict: no subtotal",
		rows: []HierarchyRow{withLevel(hr("Roads", budget.FromCents(5000)), 2), withLevel(hr("Bridges", budget.FromCents(3000)), 2),
			withLevel(hr("Ports", budget.FromCents(2000)), 2)},
		roles:  []string{"leaf", "leaf", "leaf"},
		leaves: budget.FromCents(10000), candidate: budget.FromCents(10000), order: HierarchyNone,
	}, {
		name: "levels agree: subtotal on one block",
		rows: []HierarchyRow{withLevel(hr("Roads", budget.FromCents(5000)), 1), withLevel(hr("Bridges", budget.FromCents(3000)), 2),
			withLevel(hr("Ports", budget.FromCents(2000)), 2), withLevel(hr("Rail", budget.FromCents(100)), 1)},
		roles:  []string{"subtotal", "leaf", "leaf", "leaf"},
		leaves: budget.FromCents(5100), candidate: budget.FromCents(5100), order: HierarchyTotalsFirst,
	}, {
		name: "header of aggregates over leaves kept elsewhere (OECD DAC2a layout)",
		rows: []HierarchyRow{hr("All Recipients", budget.FromCents(9500)), hr("Africa, Total", budget.FromCents(6000)), hr("Asia, Total", budget.FromCents(3500)),
			hr("LDCs, Total", budget.FromCents(6500)), hr("Other income", budget.FromCents(3000)), hr("Angola", budget.FromCents(1000)), hr("China", budget.FromCents(3000)),
			hr("Kenya", budget.FromCents(5000)), hr("Nepal", budget.FromCents(500))},
		roles:  []string{"grand-total", "aggregate", "aggregate", "aggregate", "aggregate", "leaf", "leaf", "leaf", "leaf"},
		leaves: budget.FromCents(9500), candidate: budget.FromCents(9500), order: HierarchyTotalsFirst,
	}, {
		// A last row equal to the sum of the others, with no label, code,
		// level or structure, could be a line of a flat budget (150, 350,
		// 500): it is counted and listed, not dropped.
		name:   "grand total last, on arithmetic alone: unresolved",
		rows:   []HierarchyRow{hr("A", budget.FromCents(10)), hr("B", budget.FromCents(20)), hr("C", budget.FromCents(30)), hr("D", budget.FromCents(40)), hr("Sum", budget.FromCents(100))},
		roles:  []string{"leaf", "leaf", "unresolved", "leaf", "unresolved"},
		leaves: budget.FromCents(200), candidate: budget.FromCents(70), order: HierarchyNone, unresolved: 2,
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
		hrs("Total health", mp(budget.FromCents(100)), mp(budget.FromCents(90))),
		hrs("Clinics", mp(budget.FromCents(60)), mp(budget.FromCents(50))),
		hrs("Hospitals", mp(budget.FromCents(40)), mp(budget.FromCents(41))), // approved 50+41 = 91, not 90
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
	rows[0] = hrs("Total health", mp(budget.FromCents(100)), nil)
	res, err = Hierarchy(rows, HierarchyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"grand-total", "leaf", "leaf"}, roles(res)); diff != "" {
		t.Errorf("roles with a missing phase (-want +got):\n%s", diff)
	}
}

func TestHierarchyOverflow(t *testing.T) {
	big, _ := budget.FromUnits(1 << 62).Mul(30)
	rows := []HierarchyRow{hr("a", big), hr("b", big), hr("c", big)}
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
