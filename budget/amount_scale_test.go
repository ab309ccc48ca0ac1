package budget

import "testing"

func TestScaleFromText(t *testing.T) {
	tests := []struct {
		in     string
		want   Scale
		wantOK bool
	}{
		// English.
		{"in thousands", Thousands, true},
		{"Amounts in thousands of USD", Thousands, true},
		{"Budget (thousands)", Thousands, true},
		{"(Thousands)", Thousands, true},
		{"Thousands", Thousands, true},
		{"THOUSANDS OF DOLLARS", Thousands, true},
		{"Approved budget ($'000)", Thousands, true},
		{"$'000", Thousands, true},
		{"'000", Thousands, true},
		{"KES ’000", Thousands, true},
		{"USD'000", Thousands, true},
		{"(000s)", Thousands, true},
		{"Expenditure (000)", Thousands, true},
		{"Amount USD 000", Thousands, true},
		{"$000", Thousands, true},
		{"(in '000 USD)", Thousands, true},
		{"Revised, thousands", Thousands, true},
		{"($K)", Thousands, true},
		{"k€", Thousands, true},
		{"in millions of USD", Millions, true},
		{"in USD millions", Millions, true},
		{"in US$ millions", Millions, true},
		{"USD million", Millions, true},
		{"US$ m", Millions, true},
		{"£m", Millions, true},
		{"$MM", Millions, true},
		{"€ millions", Millions, true},
		{"Millions", Millions, true},
		{"Population (millions)", Millions, true},
		{"millions of current US dollars", Millions, true},
		{"Budget 2020 (USD mln)", Millions, true},
		{"in billions", Billions, true},
		{"USD bn", Billions, true},
		{"Total bn", Billions, true},
		{"(billions of dollars)", Billions, true},
		{"trillions", Trillions, true},

		// Spanish.
		{"en miles de pesos", Thousands, true},
		{"Miles de pesos", Thousands, true},
		{"MILES DE PESOS CORRIENTES", Thousands, true},
		{"Cifras en miles", Thousands, true},
		{"millones de pesos", Millions, true},
		{"en millones", Millions, true},
		{"En Millones de Colones", Millions, true},
		{"Presupuesto (millones de soles)", Millions, true},
		{"en millón de dólares", Millions, true},
		{"MDP", Millions, true},
		{"miles de millones", Billions, true},
		{"en miles de millones de pesos", Billions, true},
		{"mil millones de dólares", Billions, true},
		{"Billones de pesos", Trillions, true},

		// French.
		{"en milliers d'euros", Thousands, true},
		{"en milliers d’euros", Thousands, true},
		{"milliers", Thousands, true},
		{"Montant (en k€)", Thousands, true},
		{"millions d'euros", Millions, true},
		{"en millions de francs CFA", Millions, true},
		{"en milliards", Billions, true},
		{"Crédits (milliards FCFA)", Billions, true},

		// Portuguese.
		{"R$ milhões", Millions, true},
		{"em milhares de reais", Thousands, true},

		// Accents and case, decomposed accents.
		{"EN MILLÓNES", Millions, true},
		{"en millo\u0301n de pesos", Millions, true},

		// The first statement wins.
		{"in thousands; population in millions", Thousands, true},

		// No scale stated.
		{"", 0, false},
		{"Amount", 0, false},
		{"Budget in USD", 0, false},
		{"Millennium Development Goals", 0, false},
		{"Thousand Islands programme", 0, false},
		{"One Million Women project", 0, false},
		{"Thousands of migrants supported", 0, false},
		{"Investment in thousands of schools", 0, false},
		{"Millones de personas migrantes", 0, false},
		{"Miles", 0, false},
		{"Road length (miles)", 0, false},
		{"Length (m)", 0, false},
		{"Rainfall (mm)", 0, false},
		{"Amount (K)", 0, false},
		{"Code 000", 0, false},
		{"Total 1'000", 0, false},
		{"Programme mil", 0, false},
		{"Millionaire", 0, false},
		{"Thousandth", 0, false},
		{"Multimillion programme", 0, false},
		{"Miles Davis Fund", 0, false},
		{"in thousands of (dollars)", 0, false},    // "of" then a bracket: not "of dollars"
		{"thousands of, dollars", Thousands, true}, // alone between punctuation
	}
	for _, tt := range tests {
		got, ok := ScaleFromText(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("ScaleFromText(%q) = %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestParseScaleName(t *testing.T) {
	tests := []struct {
		in   string
		want Scale
	}{
		{"units", Units},
		{"unit", Units},
		{"Thousands", Thousands},
		{"thousand", Thousands},
		{" millions ", Millions},
		{"BILLIONS", Billions},
		{"trillions", Trillions},
		{"1", Units},
		{"1000", Thousands},
		{"1000000", Millions},
		{"1000000000", Billions},
		{"100000", Scale(100000)},
	}
	for _, tt := range tests {
		got, err := ParseScaleName(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseScaleName(%q) = %v, %v, want %v, nil", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "0", "-1000", "thousandz", "1e3", "k", "1,000"} {
		if got, err := ParseScaleName(in); err == nil {
			t.Errorf("ParseScaleName(%q) = %v, nil, want an error", in, got)
		}
	}
}

func TestScaleString(t *testing.T) {
	tests := []struct {
		s    Scale
		want string
	}{
		{Units, "units"},
		{Thousands, "thousands"},
		{Millions, "millions"},
		{Billions, "billions"},
		{Trillions, "trillions"},
		{Scale(100000), "100000"},
		{Scale(0), "Scale(0)"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("Scale(%d).String() = %q, want %q", int64(tt.s), got, tt.want)
		}
	}
	for _, s := range []Scale{Units, Thousands, Millions, Billions, Trillions, 100000} {
		var got Scale
		b, _ := s.MarshalText()
		if err := got.UnmarshalText(b); err != nil || got != s {
			t.Errorf("Scale %v: UnmarshalText(MarshalText()) = %v, %v, want %v, nil", s, got, err, s)
		}
	}
}
