// Package analysis is the second stage of grb's pipeline: it takes a
// *budget.Budget and computes allocation shares, gender gaps and
// compliance measures with gonum, returning plain structs that carry
// their denominators and the weighting convention that produced them.
//
// The computations arrive with the analysis issue; this package exists
// now so that the layering (cmd → reports → analysis → budget) is fixed
// from the start.
package analysis
