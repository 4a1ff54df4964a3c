package lang

// frenchTemplate translates the input template and its help.
var frenchTemplate = map[string]string{}
