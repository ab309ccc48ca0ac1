package analysis

import "testing"

// BenchmarkShares groups 1,000,000 lines by objective × ministry × marker.
func BenchmarkShares(b *testing.B) {
	bud := genGapLines(1_000_000) // gap_test.go
	opt := Options{By: []Dim{ByObjective, ByUnit, ByMarker}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := Shares(bud, opt)
		if err != nil {
			b.Fatal(err)
		}
		if r.Total.Lines != 1_000_000 {
			b.Fatal(r.Total.Lines)
		}
	}
}
