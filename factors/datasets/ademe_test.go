package datasets

import "testing"

// TestADEMEModifiedYear: the CSV export writes "Date de modification" as a date, the xlsx
// export holds an Excel serial date (element 25775 of Base_Carbone_V23.6-v2.xlsx: 44365, which
// the CSV subset writes 2021-06-18).
func TestADEMEModifiedYear(t *testing.T) {
	tests := []struct {
		modified string
		want     int
		wantErr  bool
	}{
		{"2021-06-18", 2021, false},
		{"44365", 2021, false},
		{"", 0, false},
		{"juin 2021", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.modified, func(t *testing.T) {
			e := &ADEMEElement{ADEMELine: ADEMELine{ID: "25775", Modified: tt.modified}}
			got, err := e.ModifiedYear()
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ModifiedYear() = %d, %v; want %d (error %v)", got, err, tt.want, tt.wantErr)
			}
		})
	}
}
