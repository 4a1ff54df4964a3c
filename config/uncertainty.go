package config

import (
	"github.com/footprint/footprint/emissions"
	"github.com/footprint/footprint/emissions/analysis"

	"github.com/footprint/footprint/lang"
)

// QualityConf gives the uncertainty, in % (half-width of the 95 % interval), of activity data
// by the value of the Quality column (docs/methodology.md#uncertainty-monte-carlo).
type QualityConf struct {
	Measured   float64 `yaml:"measured" mapstructure:"measured"`
	Calculated float64 `yaml:"calculated" mapstructure:"calculated"`
	Estimated  float64 `yaml:"estimated" mapstructure:"estimated"`
}

// maxUncertaintyPct bounds a configured uncertainty: beyond it a percentage is a typing
// mistake (1000 % already means "within a factor of eleven").
const maxUncertaintyPct = 1000

func (c *Config) validateUncertainty(bad func(key, format string, args ...any)) {
	check := func(key string, v float64) {
		if !(v >= 0 && v <= maxUncertaintyPct) {
			bad(key, lang.Key("%v: want a percentage from 0 to %d (the half-width of the 95 %% interval)"), v, maxUncertaintyPct)
		}
	}
	check("quality.measured", c.Quality.Measured)
	check("quality.calculated", c.Quality.Calculated)
	check("quality.estimated", c.Quality.Estimated)
	check("uncertainty_default_pct", c.UncertaintyDefaultPct)
}

// UncertaintyOptions returns what the uncertainty analysis takes from the configuration.
func (c *Config) UncertaintyOptions() analysis.UncertaintyOptions {
	return analysis.UncertaintyOptions{
		Method: c.Trajectory.Scope2Method,
		QualityPct: map[string]float64{
			emissions.QualityMeasured:   c.Quality.Measured,
			emissions.QualityCalculated: c.Quality.Calculated,
			emissions.QualityEstimated:  c.Quality.Estimated,
		},
		DefaultPct: c.UncertaintyDefaultPct,
	}
}
