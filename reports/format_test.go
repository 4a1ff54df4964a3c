package reports

import "testing"

func TestPrintable(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Lyon – Pôle Nord", "Lyon – Pôle Nord"},
		{"terminal title", "\x1b]0;pwned\x07Site", `\x1b]0;pwned\aSite`},
		{"C1 control", "a\u009bb", `a\u009bb`},
		{"bidi override", "abc\u202edef", `abc\u202edef`},
		{"bidi isolate", "x\u2066y\u2069", `x\u2066y\u2069`},
		{"newline and tab", "a\nb\tc", `a\nb\tc`},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"not UTF-8", "a\xffb", `a\xffb`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Printable(tt.in); got != tt.want {
				t.Errorf("Printable(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
