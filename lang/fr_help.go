package lang

// frenchHelp translates the command line's help and usage (cmd/footprint): the commands' and
// flags' texts, cobra's own (usage layout, help and completion commands) and the errors that
// refuse a command line. Placeholders of usage lines are translated too (FILE, OLD, NEW), and
// the texts that name them use the same French words.
var frenchHelp = map[string]string{
	// The usage layout (cmd/footprint/help.go).
	"Usage:":                  "Utilisation :",
	"[command]":               "[commande]",
	"[flags]":                 "[options]",
	"Aliases:":                "Alias :",
	"Examples:":               "Exemples :",
	"Available Commands:":     "Commandes disponibles :",
	"Flags:":                  "Options :",
	"Global Flags:":           "Options globales :",
	"Additional help topics:": "Autres sujets d’aide :",
	"Use %s for more information about a command.": "Utilisez « %s » pour en savoir plus sur une commande.",
	"FILE":         "FICHIER",
	"OLD":          "ANCIEN",
	"NEW":          "NOUVEAU",
	"(default %s)": "(par défaut %s)",
	"help for %s":  "aide pour %s",

	// cobra's help and completion commands. The catalogue reads ${…} as a variable: zsh's
	// "${fpath[1]}" is written "$fpath[1]", the same in zsh.
	"Help about any command": "Aide sur n’importe quelle commande",
	"Help provides help for any command in the application.\nSimply type footprint help [path to command] for full details.":                                   "help donne l’aide de n’importe quelle commande.\nTapez footprint help [chemin de la commande] pour tous les détails.",
	"Generate the autocompletion script for the specified shell":                                                                                               "Génère le script d’autocomplétion pour le shell indiqué",
	"Generate the autocompletion script for %s":                                                                                                                "Génère le script d’autocomplétion pour %s",
	"Generate the autocompletion script for footprint for the specified shell.\nSee each sub-command's help for details on how to use the generated script.\n": "Génère le script d’autocomplétion de footprint pour le shell indiqué.\nL’aide de chaque sous-commande explique comment utiliser le script généré.\n",
	"disable completion descriptions": "désactive les descriptions des complétions",
	"Generate the autocompletion script for the bash shell.\n\nThis script depends on the 'bash-completion' package.\nIf it is not installed already, you can install it via your OS's package manager.\n\nTo load completions in your current shell session:\n\n\tsource <(footprint completion bash)\n\nTo load completions for every new session, execute once:\n\n#### Linux:\n\n\tfootprint completion bash > /etc/bash_completion.d/footprint\n\n#### macOS:\n\n\tfootprint completion bash > $(brew --prefix)/etc/bash_completion.d/footprint\n\nYou will need to start a new shell for this setup to take effect.\n":                                            "Génère le script d’autocomplétion pour le shell bash.\n\nCe script dépend du paquet « bash-completion ».\nS’il n’est pas encore installé, le gestionnaire de paquets de votre système l’installe.\n\nPour charger les complétions dans la session en cours :\n\n\tsource <(footprint completion bash)\n\nPour les charger dans chaque nouvelle session, exécutez une fois :\n\n#### Linux :\n\n\tfootprint completion bash > /etc/bash_completion.d/footprint\n\n#### macOS :\n\n\tfootprint completion bash > $(brew --prefix)/etc/bash_completion.d/footprint\n\nCe réglage prend effet dans un nouveau shell.\n",
	"Generate the autocompletion script for the zsh shell.\n\nIf shell completion is not already enabled in your environment you will need\nto enable it.  You can execute the following once:\n\n\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\nTo load completions in your current shell session:\n\n\tsource <(footprint completion zsh)\n\nTo load completions for every new session, execute once:\n\n#### Linux:\n\n\tfootprint completion zsh > \"${fpath[1]}/_footprint\"\n\n#### macOS:\n\n\tfootprint completion zsh > $(brew --prefix)/share/zsh/site-functions/_footprint\n\nYou will need to start a new shell for this setup to take effect.\n": "Génère le script d’autocomplétion pour le shell zsh.\n\nSi la complétion n’est pas encore activée dans votre environnement, activez-la\nen exécutant une fois :\n\n\techo \"autoload -U compinit; compinit\" >> ~/.zshrc\n\nPour charger les complétions dans la session en cours :\n\n\tsource <(footprint completion zsh)\n\nPour les charger dans chaque nouvelle session, exécutez une fois :\n\n#### Linux :\n\n\tfootprint completion zsh > \"$fpath[1]/_footprint\"\n\n#### macOS :\n\n\tfootprint completion zsh > $(brew --prefix)/share/zsh/site-functions/_footprint\n\nCe réglage prend effet dans un nouveau shell.\n",
	"Generate the autocompletion script for the fish shell.\n\nTo load completions in your current shell session:\n\n\tfootprint completion fish | source\n\nTo load completions for every new session, execute once:\n\n\tfootprint completion fish > ~/.config/fish/completions/footprint.fish\n\nYou will need to start a new shell for this setup to take effect.\n":                                                                                                                                                                                                                                                                                                "Génère le script d’autocomplétion pour le shell fish.\n\nPour charger les complétions dans la session en cours :\n\n\tfootprint completion fish | source\n\nPour les charger dans chaque nouvelle session, exécutez une fois :\n\n\tfootprint completion fish > ~/.config/fish/completions/footprint.fish\n\nCe réglage prend effet dans un nouveau shell.\n",
	"Generate the autocompletion script for powershell.\n\nTo load completions in your current shell session:\n\n\tfootprint completion powershell | Out-String | Invoke-Expression\n\nTo load completions for every new session, add the output of the above command\nto your powershell profile.\n":                                                                                                                                                                                                                                                                                                                                                                   "Génère le script d’autocomplétion pour powershell.\n\nPour charger les complétions dans la session en cours :\n\n\tfootprint completion powershell | Out-String | Invoke-Expression\n\nPour les charger dans chaque nouvelle session, ajoutez la sortie de cette commande\nà votre profil powershell.\n",

	// footprint and its global flags (cmd/footprint/root.go).
	"Greenhouse-gas inventory and 2030 trajectory from activity workbooks":                                                                      "Inventaire des gaz à effet de serre et trajectoire 2030 à partir de classeurs d’activités",
	"configuration file (default ./config.yaml; without one, the built-in defaults with --input, else the built-in demo)":                       "fichier de configuration (par défaut ./config.yaml ; sans fichier, les réglages intégrés avec --input, sinon la configuration de la démo intégrée)",
	"language of the report, export, template and messages: en or fr (default: config language, else en)":                                       "langue du rapport, de l’export, du modèle de saisie et des messages : en ou fr (par défaut : celle de la configuration, sinon en)",
	"activity workbook (repeatable; replaces the config's inputs)":                                                                              "classeur d’activités (répétable ; remplace les entrées de la configuration)",
	"reporting year (default: the config's, else the latest year with data)":                                                                    "année de reporting (par défaut : celle de la configuration, sinon la dernière année avec des données)",
	"treat any rejected row as an error":                                                                                                        "traite toute ligne rejetée comme une erreur",
	"restate past years with the latest dataset version of each year's own factor vintage, and show each year's total as reported and restated": "recalcule les années passées avec la dernière version des jeux de données du millésime de facteurs propre à chaque année, et montre le total de chaque année tel que déclaré et recalculé",

	// calc
	"Compute the inventory and print it as a table, as JSON with --json, or line by line with --lines": "Calcule l’inventaire et l’affiche en tableau, en JSON avec --json, ou ligne par ligne avec --lines",
	"print the JSON document (docs/json.md)":                                                           "affiche le document JSON (docs/json.md)",
	"print every computed line with its provenance (input row, factor vintage, source) as CSV":         "affiche en CSV chaque ligne calculée avec sa provenance (ligne d’entrée, millésime du facteur, source)",
	"Check the config and the inputs; list every problem with its place":                               "Vérifie la configuration et les entrées ; liste chaque problème avec son emplacement",
	"Reads the configuration and every input workbook, computes every row, and lists each problem\nwith its cell, grouped by file and sheet with a count per group, then the totals (errors,\nwarnings, rows). Exits 1 if any row would be rejected or anything else is wrong.": "Lit la configuration et chaque classeur d’entrée, calcule chaque ligne et liste chaque problème\navec sa cellule, par fichier et par feuille avec un décompte par groupe, puis les totaux (erreurs,\navertissements, lignes). Sort avec le code 1 si une ligne serait rejetée ou si quoi que ce soit\nd’autre ne va pas.",

	// report
	"Compute the inventory and trajectory and write <out>/report.html and <out>/footprint-<year>.xlsx": "Calcule l’inventaire et la trajectoire et écrit <out>/report.html et <out>/footprint-<année>.xlsx",
	"folder to write report.html and the Excel export into (default: the config's output.dir)":         "dossier où écrire report.html et l’export Excel (par défaut : output.dir de la configuration)",
	"also write report.pdf, report.html printed on A4 by a Chromium on the PATH":                       "écrit aussi report.pdf, report.html imprimé en A4 par un Chromium du PATH",

	// template
	"Write an input workbook template: headers, dropdowns of activity ids and units, a help sheet": "Écrit un modèle de saisie : en-têtes, menus déroulants des identifiants d’activité et des unités, une feuille d’aide",
	"Writes the workbook a team fills in (docs/user-guide.md): the sheets Energy, Logistics, Materials,\nWaste, Refrigerants, Travel and Instruments with their headers and data validation (activity ids of\nthe library and of the config's custom factors, units, whole-number years, quantities ≥ 0), a Help\nsheet, examples, and a Lists sheet with the poles and sites the inputs use, where the team adds more.\nWith --lang fr (or config language: fr) the sheets, headers, help and dropdown values are in French,\nwhich footprint reads as well; the Instruments sheet keeps its name.\nThe optional Quality, Entity and DataType columns have dropdowns; Entity's lists the config's\norganisation.entities (without an organisation it has none).": "Écrit le classeur que remplit une équipe (docs/user-guide.md) : les feuilles Énergie, Logistique, Matières,\nDéchets, Fluides frigorigènes, Déplacements et Instruments avec leurs en-têtes et leurs validations de données\n(identifiants d’activité de la bibliothèque et des facteurs personnalisés de la configuration, unités, années\nentières, quantités ≥ 0), une feuille Aide, des exemples, et une feuille Listes avec les pôles et les sites\nqu’utilisent les entrées, où l’équipe en ajoute d’autres.\nAvec --lang fr (ou language: fr dans la configuration), feuilles, en-têtes, aide et valeurs des menus sont en\nfrançais, que footprint lit aussi ; la feuille Instruments garde son nom. En anglais, les feuilles s’appellent\nEnergy, Logistics, Materials, Waste, Refrigerants, Travel, Help et Lists.\nLes colonnes facultatives Qualité, Entité et Type de donnée ont des menus ; celui d’Entité liste\norganisation.entities de la configuration (sans organisation, il est vide).",
	"file to write": "fichier à écrire",

	// annotate
	"Write a copy of a workbook with each activity row's tCO2e, scope, factor and source, or its problem": "Écrit une copie d’un classeur avec, pour chaque ligne d’activité, ses tCO2e, son scope, son facteur et sa source, ou son problème",
	"Writes a copy of one input workbook (docs/annotate.md) with columns appended after the last used\ncolumn of each activity sheet: footprint tCO2e (location-based, direct + upstream), footprint tCO2e\nmarket, footprint avoided tCO2e, footprint scope, footprint category, footprint factor id, footprint\nfactor value, footprint factor upstream, footprint factor unit, footprint source, footprint problem\n(the errors that rejected the row). Everything else is left as it is; the copy is still a valid input\nand gives the same totals. A workbook annotated before gets its annotation replaced.": "Écrit une copie d’un classeur d’entrée (docs/annotate.md) avec des colonnes ajoutées après la dernière\ncolonne utilisée de chaque feuille d’activité : footprint tCO2e (selon la localisation, direct + amont),\nfootprint tCO2e market (selon le marché), footprint avoided tCO2e, footprint scope, footprint category,\nfootprint factor id, footprint factor value, footprint factor upstream, footprint factor unit, footprint\nsource, footprint problem (les erreurs qui ont rejeté la ligne). Tout le reste est laissé tel quel ; la\ncopie reste une entrée valide et donne les mêmes totaux. Un classeur déjà annoté voit son annotation\nremplacée.",
	"annotated copy to write (never the input itself)": "copie annotée à écrire (jamais l’entrée elle-même)",

	// init
	"Write a starter config.yaml for your own site and the input template to fill in": "Écrit un config.yaml de départ pour votre propre site et le modèle de saisie à remplir",
	"Writes into --dir a commented config.yaml for your own site (site name, reporting year, inputs,\na target to fill in) and activities.xlsx, the input template `footprint template` writes, which the\nconfig names as its input. A file that exists already is left untouched and named; init never\noverwrites a file. Then fill both in and run `footprint validate` and `footprint report` there.": "Écrit dans --dir un config.yaml commenté pour votre propre site (nom du site, année de reporting,\nentrées, une cible à renseigner) et activities.xlsx, le modèle de saisie qu’écrit `footprint template`,\nque la configuration désigne comme entrée. Un fichier qui existe déjà est laissé intact et nommé ;\ninit n’écrase jamais un fichier. Remplissez ensuite les deux, puis lancez `footprint validate` et\n`footprint report` dans ce dossier.",
	"folder to write config.yaml and activities.xlsx into": "dossier où écrire config.yaml et activities.xlsx",

	// factors
	"Browse the emission-factor library (built in, plus the config's factor files and custom factors) and compare libraries": "Parcourt la bibliothèque de facteurs d’émission (intégrée, plus les fichiers de facteurs et les facteurs personnalisés de la configuration) et compare des bibliothèques",
	"List factors, optionally those matching --search":                                                                       "Liste les facteurs, ou seulement ceux que trouve --search",
	"words to find in ids, English and French names, tags and sources (case and accents ignored)":                            "mots à chercher dans les identifiants, les noms anglais et français, les étiquettes et les sources (sans tenir compte de la casse ni des accents)",
	"print a JSON array of factor objects":                                                                                   "affiche un tableau JSON d’objets facteur",
	"Show every vintage of one factor with its source":                                                                       "Affiche chaque millésime d’un facteur avec sa source",
	"What changed between two factor libraries (factor files, or builtin): changed fields, added and archived factors":       "Ce qui a changé entre deux bibliothèques de facteurs (fichiers de facteurs, ou builtin) : champs modifiés, facteurs ajoutés et archivés",
	"OLD and NEW are factor files or the word builtin. Factors are compared by id and year (the vintage).\nWith --used-by, each change of value or upstream gets the tCO2e it moves in those workbooks' inventory\n(computed with the current config), and the changes are ranked by it. Exit 0 whatever the differences.": "ANCIEN et NOUVEAU sont des fichiers de facteurs ou le mot builtin. Les facteurs sont comparés par identifiant\net année (le millésime). Avec --used-by, chaque changement de valeur ou d’amont reçoit les tCO2e qu’il déplace\ndans l’inventaire de ces classeurs (calculé avec la configuration courante), et les changements sont classés\nselon ce chiffre. Sort avec le code 0 quelles que soient les différences.",
	"workbook(s) whose inventory weighs each change in tCO2e (repeatable, or list them after OLD NEW)":               "classeur(s) dont l’inventaire pèse chaque changement en tCO2e (répétable, ou listez-les après ANCIEN NOUVEAU)",
	`print {"changed", "added", "archived"} as JSON (docs/json.md)`:                                                  `affiche {"changed", "added", "archived"} en JSON (docs/json.md)`,
	"give OLD and NEW: two factor files, or builtin":                                                                 "donnez ANCIEN et NOUVEAU : deux fichiers de facteurs, ou builtin",
	"diff takes OLD and NEW only; more workbooks follow --used-by":                                                   "diff ne prend qu’ANCIEN et NOUVEAU ; d’autres classeurs se donnent après --used-by",
	"Write a factor file from a published release (ADEME Base Carbone, DESNZ) or supplier product footprints (PACT)": "Écrit un fichier de facteurs à partir d’une édition publiée (Base Carbone de l’ADEME, DESNZ) ou d’empreintes produit de fournisseurs (PACT)",
	"Reads one release as its publisher ships it and writes its factors to a factor file, which config\nfactors.files then lists. Factors the built-in library maps keep their built-in ids; others get\nademe.<element id>, desnz.<ID> or pact.<productId>. Each factor keeps its source row, GWP basis,\nsplit by gas, data year and the release's version and publication year, so --restate can use it.": "Lit une édition telle que son éditeur la publie et écrit ses facteurs dans un fichier de facteurs, que\nfactors.files de la configuration liste ensuite. Les facteurs que la bibliothèque intégrée connaît gardent\nleurs identifiants intégrés ; les autres reçoivent ademe.<element id>, desnz.<ID> ou pact.<productId>.\nChaque facteur garde sa ligne source, sa base de PRG, sa répartition par gaz, son année de données, la\nversion et l’année de publication de l’édition, pour que --restate puisse s’en servir.",
	"ADEME Base Carbone export: the CSV as published (';', Windows-1252 or UTF-8) or the xlsx":      "export de la Base Carbone de l’ADEME : le CSV tel que publié (';', Windows-1252 ou UTF-8) ou le xlsx",
	`DESNZ conversion factors flat file: the xlsx, or its "Factors by Category" sheet saved as CSV`: "fichier à plat des facteurs de conversion du DESNZ : le xlsx, ou sa feuille « Factors by Category » enregistrée en CSV",
	"WBCSD PACT ProductFootprint JSON (v2 or v3): one footprint, a list response or an event":       "JSON ProductFootprint du WBCSD PACT (v2 ou v3) : une empreinte, une réponse de liste ou un événement",
	"release version (default: what the file states, else the version in its name)":                 "version de l’édition (par défaut : celle qu’indique le fichier, sinon la version dans son nom)",
	"year the release was published (default: what the file states, else the current year)":         "année de publication de l’édition (par défaut : celle qu’indique le fichier, sinon l’année en cours)",
	"factor file to write (default factors/<source>-<version>.yaml beside the config)":              "fichier de facteurs à écrire (par défaut factors/<source>-<version>.yaml à côté de la configuration)",
	"replace the --out file if it exists":                                                           "remplace le fichier --out s’il existe",

	// A command line refused (cmd/footprint/root.go, help.go): cobra's and pflag's errors,
	// with the names and values they quote.
	"Run 'footprint --help' for usage.":                       "Pour l’aide, lancez « footprint --help ».",
	"Did you mean this?":                                      "Vouliez-vous dire :",
	"unknown command %s for %s":                               "commande inconnue %s pour %s",
	"unknown flag: %s":                                        "option inconnue : %s",
	"unknown shorthand flag: %s in %s":                        "option courte inconnue : %s dans %s",
	"flag needs an argument: %s in %s":                        "l’option attend une valeur : %s dans %s",
	"flag needs an argument: %s":                              "l’option %s attend une valeur",
	"invalid argument %s for %s flag: want a whole number":    "valeur %s invalide pour l’option %s : un nombre entier est attendu",
	"invalid argument %s for %s flag: want true or false":     "valeur %s invalide pour l’option %s : true ou false est attendu",
	"invalid argument %s for %s flag: %s":                     "valeur %s invalide pour l’option %s : %s",
	"invalid argument %s for %s":                              "argument %s invalide pour %s",
	"bad flag syntax: %s":                                     "syntaxe d’option incorrecte : %s",
	"required flag(s) %s not set":                             "option(s) obligatoire(s) manquante(s) : %s",
	"at least one of the flags in the group [%s] is required": "il faut au moins une des options du groupe [%s]",
	"if any flags in the group [%s] are set none of the others can be; [%s] were all set": "les options du groupe [%s] s’excluent mutuellement ; [%s] ont été données ensemble",
	"if any flags in the group [%s] are set they must all be set; missing [%s]":           "les options du groupe [%s] vont ensemble : si l’une est donnée, toutes doivent l’être ; il manque [%s]",
	"accepts %s arg(s), received %s":                                                      "la commande attend %s argument(s), en a reçu %s",
	"accepts at most %s arg(s), received %s":                                              "la commande attend au plus %s argument(s), en a reçu %s",
	"requires at least %s arg(s), only received %s":                                       "la commande attend au moins %s argument(s), n’en a reçu que %s",
	"accepts between %s and %s arg(s), received %s":                                       "la commande attend entre %s et %s arguments, en a reçu %s",
	"--lang: %s is not a language footprint speaks: want en or fr":                        "--lang : %s n’est pas une langue que parle footprint : en ou fr attendu",
}
