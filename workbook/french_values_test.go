package workbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
)

// readBook reads one workbook into an Input of rows, without calculating.
func readBook(t *testing.T, sheets ...sheet) *emissions.Input {
	t.Helper()
	in := &emissions.Input{}
	Read(in, "fr.xlsx", bytes.NewReader(workbook(t, sheets...)), Options{DefaultSite: "Main"})
	return in
}

// A sheet headed in French is filled in French: the values of its optional columns are read
// in French as in English, whatever their case, accents, gender or number, and each column
// still refuses a word it does not know.
func TestFrenchValues(t *testing.T) {
	frHeader := []any{"Année", "Activité", "Quantité", "Unité", "Scope", "Méthode", "Qualité", "Type de donnée"}
	type want struct{ method, quality, dataType string }
	tests := []struct {
		name                     string
		method, quality, dataTyp string
		want                     *want // nil: the row is rejected
	}{
		{"Qualité mesuré", "", "mesuré", "", &want{"", emissions.QualityMeasured, ""}},
		{"Qualité Mesurée", "", "Mesurée", "", &want{"", emissions.QualityMeasured, ""}},
		{"Qualité mesuree without accent", "", "MESUREE", "", &want{"", emissions.QualityMeasured, ""}},
		{"Qualité calculé", "", "calculé", "", &want{"", emissions.QualityCalculated, ""}},
		{"Qualité estimées", "", "Estimées", "", &want{"", emissions.QualityEstimated, ""}},
		{"Qualité English still read", "", "Measured", "", &want{"", emissions.QualityMeasured, ""}},
		{"Qualité unknown", "", "approximatif", "", nil},
		{"Type de donnée primaire", "", "", "primaire", &want{"", "", emissions.DataPrimary}},
		{"Type de donnée Secondaires", "", "", "Secondaires", &want{"", "", emissions.DataSecondary}},
		{"Type de donnée monétaire", "", "", "Monétaire", &want{"", "", emissions.DataSpendBased}},
		{"Type de donnée donnée primaire", "", "", "donnée primaire", &want{"", "", emissions.DataPrimary}},
		{"Type de donnée spend-based", "", "", "spend_based", &want{"", "", emissions.DataSpendBased}},
		{"Type de donnée unknown", "", "", "tertiaire", nil},
		{"Méthode marché", "marché", "", "", &want{emissions.MethodMarket, "", ""}},
		{"Méthode Marche", "Marche", "", "", &want{emissions.MethodMarket, "", ""}},
		{"Méthode localisation", "Localisation", "", "", &want{emissions.MethodLocation, "", ""}},
		{"Méthode selon le marché", "selon le marché", "", "", &want{emissions.MethodMarket, "", ""}},
		{"Méthode location-based", "location-based", "", "", &want{emissions.MethodLocation, "", ""}},
		{"Méthode unknown", "mixte", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := readBook(t, sheet{"Énergie", [][]any{frHeader, {2024, "Supplier figure", 2, "tCO2e", 2, tt.method, tt.quality, tt.dataTyp}}})
			if tt.want == nil {
				if len(in.Activities) != 0 || !strings.Contains(problemText(in), "want") {
					t.Fatalf("read %+v, problems %s; want the row rejected", in.Activities, problemText(in))
				}
				return
			}
			if len(in.Activities) != 1 {
				t.Fatalf("rows %d, problems %s", len(in.Activities), problemText(in))
			}
			a := in.Activities[0]
			if got := (want{a.Method, a.Quality, a.DataType}); got != *tt.want {
				t.Errorf("read method %q quality %q data type %q, want %+v", got.method, got.quality, got.dataType, *tt.want)
			}
		})
	}
}

// The refrigerant register's Status and Quality, and the Instruments sheet's Carrier, are read
// in French too.
func TestFrenchRegisterAndInstrumentValues(t *testing.T) {
	regHeader := []any{"Année", "Équipement", "Gaz", "Charge (kg)", "Rechargé (kg)", "Récupéré (kg)", "Qualité", "Statut"}
	statuses := []struct{ status, want string }{
		{"En service", emissions.StatusInService},
		{"neuve", emissions.StatusNew},
		{"Installée", emissions.StatusNew},
		{"retirée", emissions.StatusRetired},
		{"RETIREE", emissions.StatusRetired},
		{"Mise au rebut", emissions.StatusRetired},
		{"hors-service", emissions.StatusRetired},
		{"démantelée", emissions.StatusRetired},
	}
	for _, s := range statuses {
		t.Run("Statut "+s.status, func(t *testing.T) {
			in := readBook(t, sheet{"Registre", [][]any{regHeader, {2024, "groupe froid", "R-410A", 10, 12, 1, "estimée", s.status}}})
			if len(in.Refrigerants) != 1 {
				t.Fatalf("rows %d, problems %s", len(in.Refrigerants), problemText(in))
			}
			if r := in.Refrigerants[0]; r.Status != s.want {
				t.Errorf("status %q, want %q", r.Status, s.want)
			}
			if q := in.Activities[0].Quality; q != emissions.QualityEstimated {
				t.Errorf("quality %q, want estimated", q)
			}
		})
	}
	insHeader := []any{"Année", "Site", "Instrument", "Quantité", "Unité", "Facteur", "Vecteur"}
	carriers := []struct{ carrier, want string }{
		{"Électricité", factors.CarrierElectricity},
		{"electricite", factors.CarrierElectricity},
		{"Chaleur", factors.CarrierHeat},
		{"vapeur", factors.CarrierSteam},
		{"Froid", factors.CarrierCooling},
	}
	for _, c := range carriers {
		t.Run("Vecteur "+c.carrier, func(t *testing.T) {
			in := readBook(t, sheet{"Instruments", [][]any{insHeader, {2024, "Main", "GO", 5, "MWh", 0, c.carrier}}})
			if len(in.Instruments) != 1 || in.Instruments[0].Carrier != c.want {
				t.Fatalf("instruments %+v, problems %s; want carrier %s", in.Instruments, problemText(in), c.want)
			}
		})
	}
}

// A header naming Comment twice (Commentaire and Notes, both its spellings in a config) keeps
// the sheet: the first is read, the other warned about once. Quantity named twice is still
// an error: footprint cannot tell which figure counts.
func TestRepeatedCommentColumn(t *testing.T) {
	aliases := Aliases{ColComment: {"Notes"}}
	read := func(t *testing.T, rows [][]any) *emissions.Input {
		in := &emissions.Input{}
		Read(in, "c.xlsx", bytes.NewReader(workbook(t, sheet{"Energy", rows})), Options{DefaultSite: "Main", Aliases: aliases})
		return in
	}
	in := read(t, [][]any{
		{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Commentaire", "Notes"},
		{2024, "Main", "P", "test.steel", 1, "t", "from invoices", "ignored"},
		{2024, "Main", "P", "test.steel", 2, "t", "second", "also ignored"},
	})
	if len(in.Activities) != 2 || in.Activities[0].Comment != "from invoices" {
		t.Fatalf("activities %+v, problems %s", in.Activities, problemText(in))
	}
	ps := in.Problems.List()
	if len(ps) != 1 || ps[0].Cell != "H1" || ps[0].Message != `column H "Notes" is another Comment column: only G "Commentaire" is read` {
		t.Fatalf("problems %s, want one warning on H1", problemText(in))
	}
	if in.Problems.Errors() != 0 {
		t.Errorf("the repeated Comment is an error: %s", problemText(in))
	}

	in = read(t, [][]any{
		{"Year", "Site", "Pole", "Activity", "Quantity", "Unit", "Quantité"},
		{2024, "Main", "P", "test.steel", 1, "t", 2},
	})
	if len(in.Activities) != 0 || !strings.Contains(problemText(in), "column Quantity appears twice in the header row (E1 and G1)") {
		t.Errorf("two Quantity columns: activities %+v, problems %s", in.Activities, problemText(in))
	}
}
