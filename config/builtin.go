package config

import (
	_ "embed" // the built-in defaults and the starter config

	"github.com/footprint/footprint/lang"
)

// Defaults is the configuration of a run that names its own inputs without a config file:
// the site name and header aliases, every other key at its default. It is not the demo's.
//
//go:embed defaults.yaml
var Defaults []byte

// Starter is the commented config.yaml that `footprint init` writes for a site of one's own:
// it loads as it is, and says what to fill in (site, reporting year, inputs, a target).
//
//go:embed starter.yaml
var Starter []byte

// StarterFrench is Starter written for a French team: its comments, and its placeholder
// site (Mon site), in French; the same keys and values otherwise.
//
//go:embed starter.fr.yaml
var StarterFrench []byte

// StarterIn is the starter config of language l.
func StarterIn(l lang.Lang) []byte {
	if l.IsFrench() {
		return StarterFrench
	}
	return Starter
}
