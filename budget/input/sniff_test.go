package input

import "testing"

func TestSniff(t *testing.T) {
	tests := []struct {
		name, head string
		want       Format
	}{
		{"a.xml", "", IATI},
		{"a.XML", "<foo/>", IATI},
		{"a.csv", "<?xml version=\"1.0\"?><iati-activities/>", IATI},
		{"download", "\ufeff \r\n<iati-activities version=\"2.03\">", IATI},
		{"a.txt", "<iati-activity>", CSV}, // neither a declaration nor the root
		{"a.csv", "a,b\n1,2\n", CSV},
		{"a.csv", "PK\x03\x04", XLSX},
		{"a.pdf", "%PDF", Unknown},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.head), tt.name); got != tt.want {
			t.Errorf("sniff(%q, %q) = %q, want %q", tt.head, tt.name, got, tt.want)
		}
	}
}
