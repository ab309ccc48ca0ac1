package input_test

import (
	"fmt"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/input"
)

func Example() {
	const csv = `Ministry of Examples, budget 2025
Amounts in thousands of USD

Ministry,Description,Approved,Executed,GCM objective,Gender marker (OECD DAC)
Interior,Shelters for migrant women,"1,250.5",1100,7,2
Interior,Border posts,300,N/A,11,0
Subtotal Interior,,1550.5,1100,,
Labour,Migrant workers' helpline,80,75,"6 (50%), 7 (50%)",
Total,,1630.5,1175,,
`
	b, err := input.Read(strings.NewReader(csv), "examples.csv", budget.Options{Scheme: "oecd_dac"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range b.Lines.All() {
		approved, _ := l.Amounts.Get(budget.Approved)
		executed, ok := l.Amounts.Get(budget.Executed)
		exec := "absent"
		if ok {
			exec = executed.String()
		}
		fmt.Printf("row %d %-28s %s %s approved %s executed %s, objectives %s, marker %s\n",
			l.Pos.Row, l.Description, l.Currency, fmt.Sprint(l.Year), approved, exec,
			budget.FormatObjectives(l.Objectives), l.Gender.Level)
	}
	for _, c := range b.Totals {
		fmt.Printf("row %d %s: %s stated %s, lines %s\n", c.Pos.Row, c.Label, c.Amounts[0].Column, c.Amounts[0].Stated, c.Amounts[0].Computed)
	}
	// Output:
	// row 5 Shelters for migrant women   USD 2025 approved 1250500.00 executed 1100000.00, objectives 7, marker principal
	// row 6 Border posts                 USD 2025 approved 300000.00 executed absent, objectives 11, marker not_targeted
	// row 8 Migrant workers' helpline    USD 2025 approved 80000.00 executed 75000.00, objectives 6 (50%), 7 (50%), marker not_screened
	// row 7 Subtotal Interior: Approved stated 1550500.00, lines 1550500.00
	// row 9 Total: Approved stated 1630500.00, lines 1630500.00
}
