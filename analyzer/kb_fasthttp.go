package analyzer

// fasthttp (github.com/valyala/fasthttp): the writer types fiber v2 is
// built on.

func init() {
	register(knowledge{
		WriterTypes: [][2]string{{"github.com/valyala/fasthttp", "RequestCtx"}},
		BodyWriters: []string{"(*github.com/valyala/fasthttp.Response).BodyWriter"},
	})
}
