package factors

// EditDistance is the Levenshtein distance over bytes between a and b, the measure Suggest
// uses: other "did you mean" hints (entity names) rank their candidates with it too.
func EditDistance(a, b string) int { return editDistance(a, b) }
