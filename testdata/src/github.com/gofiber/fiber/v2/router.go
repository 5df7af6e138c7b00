package fiber

// Router defines all router handle interface, including app and group
// router (a subset of its methods).
type Router interface {
	Use(args ...interface{}) Router

	Get(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router

	Add(method, path string, handlers ...Handler) Router

	Group(prefix string, handlers ...Handler) Router
}
