// Package format is the one set of formatters of grb's pipeline, below
// every stage that prints: reports, cmd/grb and budget's messages use it
// for money with thousands separators, percentages, counts with their
// nouns, and lists, so that a number reads the same wherever it appears
// and a translation has one place to change. It is a leaf: it imports
// the standard library only, never budget, analysis, reports or cmd, and
// package analysis, which returns numbers, does not import it.
//
// It takes plain numbers (money as any int64 type that prints itself as
// a decimal, such as budget.Money) and returns strings; it never writes.
// Percentages come in two units, said in each function's doc: the
// Percent and BasisPoints functions take a value in per cent (12.5 means
// 12.5 %) or basis points, so that callers keep the arithmetic that
// produced it, and [Share] and [PercentAgainst] take a fraction (0.125).
//
// Where two copies of a formatter differed, both behaviours are kept as
// named variants: [PercentExact] and [PercentExactSpaced] ("15%" in
// sentences, "15 %" on charts), [BasisPoints] and [BasisPointsWhole]
// ("12.5%", or "12%" as the workbook prints weights), [Percent] and
// [PercentRounded] (one decimal, or none, as the tagging evaluation
// prints), [Count] and [CountOf] (a regular plural, or one given).
package format
