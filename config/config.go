// Package config reads footprint's configuration: the YAML file (checked strictly, so an
// unknown key or a wrong type is an error naming the key and its line), FOOTPRINT_* environment
// variables and command-line overrides, in that order of precedence. It owns the shape of
// config.yaml and its defaults; it does not read workbooks or compute anything.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/footprint/footprint/lang"

	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/factors"
	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"
)

// Config is the whole configuration. Field names are the YAML keys.
type Config struct {
	Inputs []string `yaml:"inputs" mapstructure:"inputs"`
	Site   string   `yaml:"site" mapstructure:"site"`
	// Country is the organisation's (ISO 3166-1 alpha-2) and Sites give each site's, for the
	// default electricity mix of ESRS E1-5 (country.go).
	Country       string         `yaml:"country" mapstructure:"country"`
	Sites         []SiteConf     `yaml:"sites" mapstructure:"sites"`
	ReportingYear int            `yaml:"reporting_year" mapstructure:"reporting_year"`
	Output        Output         `yaml:"output" mapstructure:"output"`
	Columns       []ColumnAlias  `yaml:"columns" mapstructure:"columns"`
	Factors       FactorsConfig  `yaml:"factors" mapstructure:"factors"`
	Scope2        Scope2         `yaml:"scope2" mapstructure:"scope2"`
	Trajectory    TrajectoryConf `yaml:"trajectory" mapstructure:"trajectory"`
	// Intensity lists the denominators of emission intensities (docs/configuration.md#intensity), see intensity.go.
	Intensity []IntensityConf `yaml:"intensity" mapstructure:"intensity"`
	// FreshnessYears: a factor more than this many years older than the activity year is
	// warned about (docs/configuration.md#uncertainty-and-freshness).
	FreshnessYears int `yaml:"freshness_years" mapstructure:"freshness_years"`
	// Quality and UncertaintyDefaultPct drive the uncertainty analysis (docs/configuration.md#uncertainty-and-freshness).
	Quality               QualityConf `yaml:"quality" mapstructure:"quality"`
	UncertaintyDefaultPct float64     `yaml:"uncertainty_default_pct" mapstructure:"uncertainty_default_pct"`
	// Organisation and ESRS: consolidation and the E1-6 disclosures (organisation.go, esrs.go).
	Organisation OrganisationConf `yaml:"organisation" mapstructure:"organisation"`
	ESRS         ESRSConf         `yaml:"esrs" mapstructure:"esrs"`
	// Energy and Revenue feed ESRS E1-5 (energy.go).
	Energy  EnergyConf    `yaml:"energy" mapstructure:"energy"`
	Revenue []RevenueConf `yaml:"revenue" mapstructure:"revenue"`
	// Language is the language of the report, the export, the template and the command
	// output: en (default) or fr.
	Language string `yaml:"language" mapstructure:"language"`
	// Demo marks the demo's configuration: its site, organisation, targets, levers, credits
	// and intensities are illustrative, and every output of a run with it says so. It has no
	// FOOTPRINT_DEMO variable, so no environment can take the label away.
	Demo bool `yaml:"demo" mapstructure:"demo"`

	// Dir is the folder of the config file; relative input paths are resolved against it.
	Dir string `yaml:"-" mapstructure:"-"`
	// Path is the config file read, or "" for a built-in one: the demo (Demo is set) or the
	// built-in defaults.
	Path string `yaml:"-" mapstructure:"-"`
}

type Output struct {
	Dir string `yaml:"dir" mapstructure:"dir"`
}

// ColumnAlias gives other header spellings for a canonical column.
type ColumnAlias struct {
	Column  string   `yaml:"column" mapstructure:"column"`
	Aliases []string `yaml:"aliases" mapstructure:"aliases"`
}

type FactorsConfig struct {
	GWP    string         `yaml:"gwp" mapstructure:"gwp"`
	Custom []CustomFactor `yaml:"custom" mapstructure:"custom"`
	// Files are factor files (factorfile.go), paths relative to the config file's folder:
	// they add vintages and versions to the library's ids.
	Files []string `yaml:"files" mapstructure:"files"`

	// files are the factors read from Files by Load, checked.
	files []factors.Factor
}

// CustomFactor is a factor given in config (docs/configuration.md#factors, contract). A list entry, never a map
// key, so ids keep their case and dots.
type CustomFactor struct {
	ID             string   `yaml:"id" mapstructure:"id"`
	Name           string   `yaml:"name,omitempty" mapstructure:"name"`
	Value          *float64 `yaml:"value" mapstructure:"value"`
	Unit           string   `yaml:"unit" mapstructure:"unit"`
	Upstream       float64  `yaml:"upstream,omitempty" mapstructure:"upstream"`
	Scope          int      `yaml:"scope,omitempty" mapstructure:"scope"`
	Category       int      `yaml:"category,omitempty" mapstructure:"category"`
	Kind           string   `yaml:"kind,omitempty" mapstructure:"kind"`
	Year           int      `yaml:"year,omitempty" mapstructure:"year"`
	Source         string   `yaml:"source" mapstructure:"source"`
	Region         string   `yaml:"region,omitempty" mapstructure:"region"`
	UncertaintyPct *float64 `yaml:"uncertainty_pct,omitempty" mapstructure:"uncertainty_pct"`
	BiogenicCO2    float64  `yaml:"biogenic_co2,omitempty" mapstructure:"biogenic_co2"`
	PCSPerPCI      float64  `yaml:"pcs_per_pci,omitempty" mapstructure:"pcs_per_pci"`
	// DataYear is the year the data is for, as its source states it (0: unknown).
	DataYear int `yaml:"data_year,omitempty" mapstructure:"data_year"`
	// GWP is the GWP set the value rests on (AR4, AR5 or AR6), when its source states it;
	// without it, the factor's emissions count as resting on no stated basis (by_gwp).
	GWP string `yaml:"gwp,omitempty" mapstructure:"gwp"`
	// Gases is the value's split by gas, in kgCO2e per unit on the GWP basis: with gwp, the
	// factor is recomputed on the configured GWP set as built-in factors are.
	Gases *GasesConf `yaml:"gases,omitempty" mapstructure:"gases"`
	// Carrier is the energy the factor measures (electricity, heat, steam, cooling, fuel):
	// instruments and residual mixes of that carrier apply to it. A Scope 2 factor in an
	// energy unit without one is electricity.
	Carrier string `yaml:"carrier,omitempty" mapstructure:"carrier"`
	// Version and Published name a dataset version of the vintage and the year it was
	// published: several entries with one id and one year are versions of that vintage, and
	// restatement (--restate) takes the latest published.
	Version   string `yaml:"version,omitempty" mapstructure:"version"`
	Published int    `yaml:"published,omitempty" mapstructure:"published"`
	// SourceRow is the row of the published dataset the value comes from (an ADEME element
	// id, a DESNZ row id); the factor's id when not given.
	SourceRow string `yaml:"source_row,omitempty" mapstructure:"source_row"`
	// Dataset and License name the published dataset a file's factor comes from and its
	// licence, as imported: reports cite and credit them as for built-in factors.
	Dataset string `yaml:"dataset,omitempty" mapstructure:"dataset"`
	License string `yaml:"license,omitempty" mapstructure:"license"`
	// NameFR and Tags are the factor's French name and the more words a search finds it by.
	NameFR string   `yaml:"name_fr,omitempty" mapstructure:"name_fr"`
	Tags   []string `yaml:"tags,omitempty" mapstructure:"tags"`
	// UpstreamGWP is the GWP basis of the upstream part, when it differs from gwp.
	UpstreamGWP string `yaml:"upstream_gwp,omitempty" mapstructure:"upstream_gwp"`
	// SpendBased marks a factor per unit of money (its rows are spend-based data); Primary a
	// supplier-specific one, such as a supplier's product footprint (its rows are primary data).
	SpendBased bool `yaml:"spend_based,omitempty" mapstructure:"spend_based"`
	Primary    bool `yaml:"primary,omitempty" mapstructure:"primary"`
	// EnergyMWh and EnergyClass (ESRS E1-5) and BegesPoste, as built-in factors carry them.
	EnergyMWh   float64 `yaml:"energy_mwh,omitempty" mapstructure:"energy_mwh"`
	EnergyClass string  `yaml:"energy_class,omitempty" mapstructure:"energy_class"`
	BegesPoste  string  `yaml:"beges_poste,omitempty" mapstructure:"beges_poste"`
}

// GasesConf is a factor's split by gas (factors.Gases), kgCO2e per unit.
type GasesConf struct {
	CO2         float64 `yaml:"co2" mapstructure:"co2"`
	CH4         float64 `yaml:"ch4" mapstructure:"ch4"`
	CH4Fossil   float64 `yaml:"ch4_fossil,omitempty" mapstructure:"ch4_fossil"`
	CH4Biogenic float64 `yaml:"ch4_biogenic,omitempty" mapstructure:"ch4_biogenic"`
	N2O         float64 `yaml:"n2o" mapstructure:"n2o"`
	HFC         float64 `yaml:"hfc,omitempty" mapstructure:"hfc"`
	PFC         float64 `yaml:"pfc,omitempty" mapstructure:"pfc"`
	SF6         float64 `yaml:"sf6,omitempty" mapstructure:"sf6"`
	NF3         float64 `yaml:"nf3,omitempty" mapstructure:"nf3"`
	Other       float64 `yaml:"other,omitempty" mapstructure:"other"`
}

type Scope2 struct {
	ResidualMix []ResidualMix `yaml:"residual_mix" mapstructure:"residual_mix"`
}

// ResidualMix is the market-based factor, kgCO2e/kWh, of the energy of one carrier
// (electricity when blank) that instruments leave uncovered in one year.
type ResidualMix struct {
	Year    int      `yaml:"year" mapstructure:"year"`
	Value   *float64 `yaml:"value" mapstructure:"value"`
	Source  string   `yaml:"source" mapstructure:"source"`
	Site    string   `yaml:"site" mapstructure:"site"`
	Carrier string   `yaml:"carrier" mapstructure:"carrier"`
}

// TrajectoryConf is the trajectory section (docs/configuration.md#trajectory, contract).
type TrajectoryConf struct {
	BaseYear     int          `yaml:"base_year" mapstructure:"base_year"`
	TargetYear   int          `yaml:"target_year" mapstructure:"target_year"`
	Scope2Method string       `yaml:"scope2_method" mapstructure:"scope2_method"`
	Targets      []TargetConf `yaml:"targets" mapstructure:"targets"`
	Levers       []LeverConf  `yaml:"levers" mapstructure:"levers"`
	Projection   Projection   `yaml:"projection" mapstructure:"projection"`
	Neutrality   Neutrality   `yaml:"neutrality" mapstructure:"neutrality"`
	// BasePolicy: structural changes and base-year recalculation (neutrality.go).
	BasePolicy BasePolicyConf `yaml:"base_year_policy" mapstructure:"base_year_policy"`
}

type TargetConf struct {
	Name         string   `yaml:"name" mapstructure:"name"`
	Scopes       []int    `yaml:"scopes" mapstructure:"scopes"`
	Pathway      string   `yaml:"pathway" mapstructure:"pathway"`
	ReductionPct *float64 `yaml:"reduction_pct" mapstructure:"reduction_pct"`
	// Milestones are the target's reductions at years after the target year (2050), shown in
	// the E1-6 table (esrs.go); the trajectory itself ends at the target year.
	Milestones []MilestoneConf `yaml:"milestones" mapstructure:"milestones"`
	// Intensity names an entry of the intensity list: the target is then on tCO2e per unit
	// of it, not on absolute emissions (see intensity.go).
	Intensity string `yaml:"intensity" mapstructure:"intensity"`
	// StartYear is when a new target's period starts (ESRS E1 AR 25 base-year age check).
	StartYear int `yaml:"start_year" mapstructure:"start_year"`
}

type LeverConf struct {
	Name            string         `yaml:"name" mapstructure:"name"`
	Activities      []string       `yaml:"activities" mapstructure:"activities"`
	ReductionPct    float64        `yaml:"reduction_pct" mapstructure:"reduction_pct"`
	StartYear       int            `yaml:"start_year" mapstructure:"start_year"`
	FullYear        int            `yaml:"full_year" mapstructure:"full_year"`
	CostEURPerTCO2e *float64       `yaml:"cost_eur_per_tco2e" mapstructure:"cost_eur_per_tco2e"`
	Adds            []AdditionConf `yaml:"adds" mapstructure:"adds"`
}

type AdditionConf struct {
	Activity       string  `yaml:"activity" mapstructure:"activity"`
	PerUnitRemoved float64 `yaml:"per_unit_removed" mapstructure:"per_unit_removed"`
	Unit           string  `yaml:"unit" mapstructure:"unit"`
}

type Projection struct {
	GrowthPct float64 `yaml:"growth_pct" mapstructure:"growth_pct"`
}

// defaults are set on every scalar key so that FOOTPRINT_* variables override them (viper
// only looks up environment variables for keys it knows).
var defaults = map[string]any{
	"inputs":                           []string{},
	"site":                             "Main site",
	"country":                          "",
	"reporting_year":                   0,
	"language":                         "",
	"output.dir":                       "out",
	"factors.gwp":                      "AR6",
	"trajectory.scope2_method":         "market",
	"trajectory.base_year":             0,
	"trajectory.target_year":           2030,
	"trajectory.projection.growth_pct": 0,
	"trajectory.neutrality.year":       0,
	"freshness_years":                  emissions.DefaultFreshnessYears,
	"quality.measured":                 2.0,
	"quality.calculated":               10.0,
	"quality.estimated":                30.0,
	"uncertainty_default_pct":          20.0,
	"organisation.name":                "",
	"organisation.consolidation":       "",
}

// Options say where the configuration comes from.
type Options struct {
	// Path is the --config flag; "" means ./config.yaml, or a built-in configuration when
	// absent: the demo, or the built-in defaults with OwnInputs.
	Path string
	// Builtin is the demo configuration used when no file is found.
	Builtin []byte
	// OwnInputs says the run names its own inputs (--input, FOOTPRINT_INPUTS) or makes the
	// user's own files (template, init): without a config file the built-in defaults apply
	// (Defaults), never the demo's site, targets, levers, credits or organisation.
	OwnInputs bool
	// Overrides are flag values, by key ("reporting_year", "inputs", "output.dir"): they win
	// over the file and the environment.
	Overrides map[string]any
	// Env looks up environment variables (os.LookupEnv when nil); tests inject their own.
	Env func(string) (string, bool)
}

// Load reads the configuration. Every problem found is returned, joined, each naming the
// file, and the key and line where it applies.
func Load(opts Options) (*Config, error) {
	env := opts.Env
	if env == nil {
		env = os.LookupEnv
	}
	if _, ok := env("FOOTPRINT_INPUTS"); ok {
		opts.OwnInputs = true
	}
	early := earlyLang(opts, env)
	path, data, err := locate(opts, early)
	if err != nil {
		return nil, err
	}
	name := path
	if name == "" {
		name = BuiltinName(opts.OwnInputs)
	}
	if err := strictYAML(early, name, data); err != nil {
		return nil, err
	}
	v := viper.New()
	v.SetConfigType("yaml")
	for k, d := range defaults {
		v.SetDefault(k, d)
	}
	if err := v.ReadConfig(bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for k := range defaults {
		envName := "FOOTPRINT_" + strings.ToUpper(strings.ReplaceAll(k, ".", "_"))
		if val, ok := env(envName); ok {
			if k == "inputs" {
				v.Set(k, splitList(val))
			} else {
				v.Set(k, val)
			}
		}
	}
	for k, val := range opts.Overrides {
		v.Set(k, val)
	}
	var c Config
	if err := v.UnmarshalExact(&c, viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(
		mapstructure.StringToTimeDurationHookFunc(), mapstructure.StringToSliceHookFunc(","), dateAsText))); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c.Path = path
	if path != "" {
		c.Dir = filepath.Dir(path)
	}
	errs := c.validate(name, data)
	errs = append(errs, c.readFactorFiles(name)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &c, nil
}

func locate(opts Options, l lang.Lang) (path string, data []byte, err error) {
	if opts.Path != "" {
		data, err = os.ReadFile(opts.Path)
		if err != nil {
			return "", nil, fmt.Errorf("%s%w", l.T("config %s: ", opts.Path), unwrapPathError(err))
		}
		return opts.Path, data, nil
	}
	data, err = os.ReadFile("config.yaml")
	if err == nil {
		return "config.yaml", data, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return "", nil, fmt.Errorf("%s%w", l.T("config %s: ", "config.yaml"), unwrapPathError(err))
	}
	if opts.OwnInputs {
		return "", Defaults, nil
	}
	return "", opts.Builtin, nil
}

// BuiltinName is how messages name the built-in configuration a run without a config file
// takes: the built-in defaults when it names its own inputs, else the demo's.
func BuiltinName(ownInputs bool) string {
	if ownInputs {
		return "built-in defaults"
	}
	return "built-in demo config"
}

// Name is how messages name the configuration: its file, or the built-in one it is.
func (c *Config) Name() string {
	switch {
	case c.Path != "":
		return c.Path
	case c.Demo:
		return BuiltinName(false)
	}
	return BuiltinName(true)
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// strictYAML decodes data into Config refusing unknown keys and wrong types, so the message
// carries the line; viper alone reports neither lines nor, for nested lists, the key. The
// messages are in l.
func strictYAML(l lang.Lang, name string, data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c Config
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			errs := make([]error, len(te.Errors))
			for i, e := range te.Errors {
				errs[i] = errors.New(l.T("%s: %s", name, explainYAML(l, data, strings.TrimPrefix(e, "yaml: "))))
			}
			return errors.Join(errs...)
		}
		return errors.New(l.T("%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: ")))
	}
	return nil
}

// dateAsText keeps a date written unquoted in YAML (retirement_date: 2030-01-15), which the
// YAML reader turns into a time, as the text the user wrote.
func dateAsText(from, to reflect.Type, data any) (any, error) {
	if t, ok := data.(time.Time); ok && to.Kind() == reflect.String {
		return t.Format(time.DateOnly), nil
	}
	return data, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// InputPaths returns the input paths resolved against the config file's folder.
func (c *Config) InputPaths() []string {
	out := make([]string, len(c.Inputs))
	for i, p := range c.Inputs {
		if filepath.IsAbs(p) || c.Dir == "" {
			out[i] = p
		} else {
			out[i] = filepath.Join(c.Dir, p)
		}
	}
	return out
}

// Lang is the configured language (checked by Load); English when none is set.
func (c *Config) Lang() lang.Lang {
	l, _ := lang.Parse(c.Language)
	return l
}
