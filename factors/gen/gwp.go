package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

const (
	gwpFile        = "ipcc-gwp/globalwarmingpotentials.csv"
	gwpSupplFile   = "ipcc-gwp/metrics_supplement_cleaned.csv"
	gwpSupplColumn = "GWP100"
)

// gwpTable holds openclimatedata's globalwarmingpotentials.csv (GWP100 per species and
// assessment report) and chrisroadmap's copy of AR6 WG1 Table 7.SM.7 (for species the first
// file lacks, such as HFO-1234yf).
type gwpTable struct {
	path, supplPath string
	columns         map[string]int      // column name → index
	species         map[string][]string // species → its row
	suppl           map[string]float64  // acronym or formula → AR6 GWP100
}

func loadGWP(dir string) (*gwpTable, error) {
	g := &gwpTable{path: filepath.Join(dir, gwpFile), supplPath: filepath.Join(dir, gwpSupplFile),
		columns: map[string]int{}, species: map[string][]string{}, suppl: map[string]float64{}}
	f, err := os.Open(g.path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", g.path, err)
	}
	for i, h := range header {
		g.columns[h] = i
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g.path, err)
		}
		name := rec[0]
		if prev, dup := g.species[name]; dup && strings.Join(prev, ",") != strings.Join(rec, ",") {
			// The file lists CH4 and N2O twice; the copies must agree.
			return nil, fmt.Errorf("%s: species %s appears twice with different values", g.path, name)
		}
		g.species[name] = rec
	}
	return g, g.loadSuppl()
}

func (g *gwpTable) loadSuppl() error {
	f, err := os.Open(g.supplPath)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s: header: %w", g.supplPath, err)
	}
	acr, formula, val := -1, -1, -1
	for i, h := range header {
		switch h {
		case "Acronym":
			acr = i
		case "Formula":
			formula = i
		case gwpSupplColumn:
			val = i
		}
	}
	if acr < 0 || formula < 0 || val < 0 {
		return fmt.Errorf("%s: want columns Acronym, Formula and %s", g.supplPath, gwpSupplColumn)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", g.supplPath, err)
		}
		v, err := strconv.ParseFloat(rec[val], 64)
		if err != nil {
			continue // rows without a GWP100 are not used
		}
		for _, k := range []string{rec[acr], rec[formula]} {
			if k != "" {
				g.suppl[k] = v
			}
		}
	}
}

// value is the GWP100 of species under set ("AR5" or "AR6"), from column <set>GWP100.
func (g *gwpTable) value(species, set string) (float64, error) {
	column := set + "GWP100"
	i, ok := g.columns[column]
	if !ok {
		return 0, fmt.Errorf("%s: no column %s", g.path, column)
	}
	rec, ok := g.species[species]
	if !ok {
		return 0, fmt.Errorf("%s: no species %s", g.path, species)
	}
	if i >= len(rec) || strings.TrimSpace(rec[i]) == "" {
		return 0, fmt.Errorf("%s: species %s has no %s", g.path, species, column)
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(rec[i]), 64)
	if err != nil {
		return 0, fmt.Errorf("%s: species %s %s %q is not a number", g.path, species, column, rec[i])
	}
	return v, nil
}

// supplement is the AR6 GWP100 of a species of Table 7.SM.7 by acronym or formula.
func (g *gwpTable) supplement(key string) (float64, error) {
	v, ok := g.suppl[key]
	if !ok {
		return 0, fmt.Errorf("%s: no species %s with a %s", g.supplPath, key, gwpSupplColumn)
	}
	return v, nil
}
