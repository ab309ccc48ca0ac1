// Package format holds grb's one set of formatters for the words it
// prints: money with thousands separators, percentages, counts with their
// nouns, and lists. It serves every package that prints (reports, cmd/grb,
// and budget's messages), so that a number reads the same wherever it
// appears and a translation has one place to change.
//
// It is a leaf: it imports the standard library only, never budget,
// analysis, reports or cmd, so that any of them can use it. It takes
// plain numbers (money as any int64 type that prints itself as a decimal,
// such as budget.Money) and returns strings; it never writes.
//
// Percentages come in two units, said in each function's name: the
// Percent functions take a value already in per cent (12.5 means 12.5 %),
// so that callers keep the arithmetic that produced it, and
// [Share] and [PercentAgainst] take a fraction (0.125).
package format
