package format_test

import (
	"fmt"

	"github.com/grb-toolkit/grb/budget"
	"github.com/grb-toolkit/grb/internal/format"
)

func Example() {
	fmt.Println(format.MoneyIn(budget.FromCents(123456780), "USD"))
	m, _ := budget.ParseMoney("506.551191581")
	fmt.Println(format.Money(m))
	fmt.Println(format.Percent(100 * 0.1234))
	fmt.Println(format.BasisPoints(1250))
	fmt.Println(format.Count(3, "line"), format.Plural(3, "is", "are"))
	fmt.Println(format.List([]string{"significant", "principal"}, "or"))
	// Output:
	// 1,234,567.80 USD
	// 506.55
	// 12.3%
	// 12.5%
	// 3 lines are
	// significant or principal
}
