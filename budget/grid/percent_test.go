package grid

import "testing"

func TestTypedPercent(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"0.6", "60%"},
		{"0.125", "12.5%"},
		{"1", "100%"},
		{"0.59999999999999998", "60%"},
		{"1.5E-3", "0.15%"},
		{"0", "0%"},
		{"-0.25", "-25%"},
		{"0.333333333333333", "33.3333333333333%"},
	} {
		if got, ok := TypedPercent(c.in); !ok || got != c.want {
			t.Errorf("TypedPercent(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
	for _, in := range []string{"", "abc", "NaN", "1e308"} {
		if got, ok := TypedPercent(in); ok {
			t.Errorf("TypedPercent(%q) = %q, want not ok", in, got)
		}
	}
}
