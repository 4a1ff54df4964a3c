package factors

//go:generate go run ./gen -src ../../shared/factor-sources -out library.json -mix gridmix.csv -desnz-paths mapping/desnz_paths.csv
