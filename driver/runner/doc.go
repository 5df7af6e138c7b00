// Package runner is the analysis runner of the standalone driver: [Run]
// analyses the packages of a program one at a time in this process,
// their imports' types from export data, keeps each package's results
// in a cache, and drives the whole-program join of the shared analysis.
// It returns what the linted packages reported as the go/analysis JSON
// tree gives it ([Result]); the driver turns that into findings and
// prints them.
package runner
