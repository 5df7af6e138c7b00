package knowledge

// ErrorPages are the calls registering handlers that run with an error
// status already written (knowledge.ErrorPages).
var ErrorPages = map[string]int{}
