package lang

// french is the French catalogue: English text, as the code writes it, to its French
// translation, with the same fmt verbs in the same order.
var french = map[string]string{}
