package tagging_test

import (
	"fmt"
	"strings"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/budget/tagging"
)

func ExampleRules_Apply() {
	rules, err := tagging.ParseRules(strings.NewReader(`
rules:
  - id: refugees
    priority: 10
    keywords: {en: [refugee, refugees], es: [refugiados], fr: [réfugiés]}
    objectives: "7"
  - id: violence
    priority: 10
    keywords: {es: [violencia contra las mujeres]}
    objectives: "7"
    marker: principal
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	line := budget.Line{
		Programme:   budget.NewCode("E015", "PREVENCIÓN DE LA VIOLENCIA CONTRA LAS MUJERES"),
		Description: "Albergues para REFUGIADOS y solicitantes de asilo",
	}
	res := rules.Apply(&line)
	fmt.Println(budget.FormatObjectives(res.Objectives), res.Marker)
	fmt.Println(res.ObjectiveSource.Detail())
	fmt.Println(res.MarkerSource.Detail())
	// Output:
	// 7 principal
	// rule refugees: "refugiados" in description
	// rule violence: "violencia contra las mujeres" in programme
}
