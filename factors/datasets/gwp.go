package datasets

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

const (
	GWPSupplColumn = "GWP100"
)

// GWPTable holds openclimatedata's globalwarmingpotentials.csv (GWP100 per species and
// assessment report) and chrisroadmap's copy of AR6 WG1 Table 7.SM.7 (for species the first
// file lacks, such as HFO-1234yf).
type GWPTable struct {
	path, supplPath string
	columns         map[string]int      // column name → index
	species         map[string][]string // species → its row
	suppl           map[string]float64  // acronym or formula → AR6 GWP100
}

// LoadGWP reads openclimatedata's table (path) and the AR6 supplement (supplPath).
func LoadGWP(path, supplPath string) (*GWPTable, error) {
	g := &GWPTable{path: path, supplPath: supplPath,
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

func (g *GWPTable) loadSuppl() error {
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
		case GWPSupplColumn:
			val = i
		}
	}
	if acr < 0 || formula < 0 || val < 0 {
		return fmt.Errorf("%s: want columns Acronym, Formula and %s", g.supplPath, GWPSupplColumn)
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

// Value is the GWP100 of species under set ("AR5" or "AR6"), from column <set>GWP100.
func (g *GWPTable) Value(species, set string) (float64, error) {
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

// Supplement is the AR6 GWP100 of a species of Table 7.SM.7 by acronym or formula.
func (g *GWPTable) Supplement(key string) (float64, error) {
	v, ok := g.suppl[key]
	if !ok {
		return 0, fmt.Errorf("%s: no species %s with a %s", g.supplPath, key, GWPSupplColumn)
	}
	return v, nil
}
