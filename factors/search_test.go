package factors

import (
	"slices"
	"strings"
	"testing"
)

func TestSearch(t *testing.T) {
	lib, err := Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string // ids that must be found
		not   []string // ids that must not be found
		none  bool     // nothing found
	}{
		{query: "électricité", want: []string{"fr.electricity.grid", "uk.electricity.grid", "ember.electricity.deu"}},
		{query: "electricite", want: []string{"fr.electricity.grid", "us.electricity.grid.camx"}},
		{query: "ÉLECTRICITÉ", want: []string{"fr.electricity.grid"}},
		{query: "commuting", want: []string{"fr.travel.bus.large-city", "fr.travel.e-bike", "fr.travel.car.electric", "fr.travel.train.regional"}, not: []string{"fr.travel.air.long-haul", "uk.travel.hotel.france"}},
		{query: "domicile-travail", want: []string{"fr.travel.metro.paris", "fr.travel.motorbike", "fr.travel.coach"}, not: []string{"fr.freight.rail"}},
		{query: "fret routier", want: []string{"fr.freight.road.artic-34-40t", "uk.freight.road.hgv", "us.freight.road.truck"}, not: []string{"fr.freight.rail", "fr.freight.sea.container"}},
		// whole words first: "car" is not the beginning of every "Carbone", "bus" not of "business"
		{query: "car", want: []string{"fr.travel.car", "fr.travel.car.electric", "uk.travel.car"}, not: []string{"fr.electricity.grid", "fr.material.steel.primary"}},
		{query: "bus", want: []string{"fr.travel.bus.small-city", "fr.travel.bus.electric"}, not: []string{"fr.travel.car", "fr.travel.train.high-speed"}},
		{query: "granulés", want: []string{"fr.wood.pellets", "fr.wood.pellets.kg"}},
		{query: "ratios monetaires", want: []string{"fr.spend.machinery", "fr.spend.it-services"}, not: []string{"fr.travel.car"}},
		{query: "Machines et équipements", want: []string{"fr.spend.machinery"}},
		{query: "fr.natural-gas.pcs", want: []string{"fr.natural-gas.pcs"}},
		// no whole word: the words are taken as beginnings
		{query: "biomet", want: []string{"fr.biomethane"}},
		// negative: nothing found
		{query: "zzzz", none: true},
		{query: "electricité photovoltaïque", none: true},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := map[string]bool{}
			for _, f := range lib.Search(tt.query) {
				got[f.ID] = true
			}
			if tt.none && len(got) != 0 {
				t.Errorf("found %d factors, want none", len(got))
			}
			for _, id := range tt.want {
				if !got[id] {
					t.Errorf("%s not found", id)
				}
			}
			for _, id := range tt.not {
				if got[id] {
					t.Errorf("%s found, should not be", id)
				}
			}
		})
	}
	if n := len(lib.Search("")); n != len(lib.All()) {
		t.Errorf("empty search finds %d factors, want all %d", n, len(lib.All()))
	}
}

func TestSearchHint(t *testing.T) {
	lib, err := Builtin("AR6")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  string // one of the hints
	}{
		{"electricty", "electricity"},
		{"fr.electricity.grd", "fr.electricity.grid"},
		{"comuting", "commuting"},
		{"domicile-traval", "travail"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := lib.SearchHint(tt.query); !slices.Contains(got, tt.want) {
				t.Errorf("hints %q, want %q among them", got, tt.want)
			}
		})
	}
	if got := lib.SearchHint("qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq"); len(got) != 0 {
		t.Errorf("hints %q for a query near nothing, want none", strings.Join(got, ", "))
	}
}
