// Package knowledge is what upstreamlint knows of the standard library,
// the frameworks and the client libraries, as tables: which calls return
// upstream values (sources), which move them on (flows, fills), which
// answer the client (sinks), whose errors are about the client's input,
// which request contexts handlers answer through, and how each framework
// answers the errors its handlers return. The engine (package analyzer)
// reads the tables; it holds no framework's name, nor do the checks
// (TestNoFrameworkOutsideTables holds them to it).
//
// Keys are full function names as printed by (*types.Func).FullName on
// the generic origin: "net/http.Get", "(*net/http.Client).Do",
// "(net/http.ResponseWriter).WriteHeader". Argument indices count the
// receiver of a method as argument 0. The standard library's rows are in
// stdlib.go, writers.go and clientinput.go; each framework or library has
// a file of its own (gin.go, fiber.go, libraries.go, …) that registers
// its rows at init, and register rejects a row registered twice. e2e's
// TestKnowledgeKeysExist holds every key against the real modules.
package knowledge
