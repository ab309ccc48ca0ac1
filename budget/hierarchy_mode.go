package budget

import (
	"fmt"
	"strings"
)

// HierarchyMode says whether readers look for flattened hierarchies: rows
// that repeat the sum of the rows under (or above) them, with labels only.
type HierarchyMode uint8

// The hierarchy modes.
const (
	// HierarchyAuto reads rows found, on evidence, to repeat the sums of
	// blocks of rows as subtotals, and warns where the evidence is too weak.
	HierarchyAuto HierarchyMode = iota
	// HierarchyOff reads every row with an amount as a line, as written.
	HierarchyOff
)

// String returns "auto" or "off".
func (m HierarchyMode) String() string {
	if m == HierarchyOff {
		return "off"
	}
	return "auto"
}

// ParseHierarchyMode parses "auto" (or "") and "off".
func ParseHierarchyMode(s string) (HierarchyMode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return HierarchyAuto, nil
	case "off", "none", "flat":
		return HierarchyOff, nil
	}
	return HierarchyAuto, fmt.Errorf("hierarchy %q: want auto or off", s)
}
