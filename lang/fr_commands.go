package lang

// frenchCommands translates the commands' output and messages.
var frenchCommands = map[string]string{}
