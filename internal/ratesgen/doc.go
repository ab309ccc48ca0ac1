// Command ratesgen rebuilds the compact tables embedded by budget/rates
// from byte-for-byte copies of their public sources (see
// budget/rates/testdata/source/SOURCE.md). Run it through go generate in
// budget/rates:
//
//	go run ../../internal/ratesgen -src testdata/source -out data
//
// Its test checks that the committed tables are what it makes from the
// committed sources, so the embedded data can be reviewed and reproduced.
package main
