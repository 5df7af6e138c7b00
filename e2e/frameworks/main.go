// Command e2eframeworks wires the services of this module; it exists so
// that every package is used and the module builds as a program.
package main

import (
	"log"
	"net"
	"net/http"

	"github.com/emicklei/go-restful/v3"
	"github.com/gin-gonic/gin"
	"github.com/go-openapi/loads"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	"github.com/valyala/fasthttp"
	"github.com/zeromicro/go-zero/rest"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/e2eframeworks/beegoapp"
	"example.com/e2eframeworks/connectapp"
	"example.com/e2eframeworks/echo5app"
	"example.com/e2eframeworks/echoapp"
	"example.com/e2eframeworks/envapp"
	"example.com/e2eframeworks/fasthttpapp"
	"example.com/e2eframeworks/fiber3app"
	"example.com/e2eframeworks/fiberapp"
	"example.com/e2eframeworks/forkapp"
	"example.com/e2eframeworks/gatewayapp"
	"example.com/e2eframeworks/genapp"
	"example.com/e2eframeworks/genapp/swagger/catalog"
	"example.com/e2eframeworks/genapp/swagger/restapi"
	"example.com/e2eframeworks/genapp/swagger/restapi/operations"
	"example.com/e2eframeworks/ginapp"
	"example.com/e2eframeworks/gozeroapp"
	"example.com/e2eframeworks/grpcapp"
	"example.com/e2eframeworks/hertzapp"
	"example.com/e2eframeworks/irisapp"
	"example.com/e2eframeworks/kratosapp"
	"example.com/e2eframeworks/layeredapp/api"
	"example.com/e2eframeworks/layeredapp/errs"
	"example.com/e2eframeworks/layeredapp/repo"
	"example.com/e2eframeworks/layeredapp/stock"
	"example.com/e2eframeworks/libapp"
	"example.com/e2eframeworks/libapp2"
	"example.com/e2eframeworks/pb"
	"example.com/e2eframeworks/renderapp"
	"example.com/e2eframeworks/restfulapp"
	"example.com/e2eframeworks/statusapp"
	"example.com/e2eframeworks/zrpcapp"
)

func main() {
	g := gin.New()
	ginapp.Routes(g)
	envapp.Routes(g)
	(&libapp.Handler{}).Routes(g)
	(&statusapp.Handler{}).Routes(g)
	e := echo.New()
	echoapp.Routes(e)
	e5 := echo5app.New()
	app := fiber.New(fiber.Config{ErrorHandler: errs.Handler})
	fiberapp.Routes(app)
	mux := http.NewServeMux()
	renderapp.Routes(mux)
	mux.Handle("/lib/", &libapp2.Handler{})
	mux.Handle("/catalog/", http.StripPrefix("/catalog", genapp.Handler(&genapp.Server{Client: http.DefaultClient})))
	forks, err := forkapp.New()
	if err != nil {
		log.Fatal(err)
	}
	forks.Routes(g)
	spec, err := loads.Embedded(restapi.SwaggerJSON, restapi.FlatSwaggerJSON)
	if err != nil {
		log.Fatal(err)
	}
	catalogAPI := operations.NewCatalogAPI(spec)
	(&catalog.Server{Client: http.DefaultClient}).Register(catalogAPI)
	catalogServer := restapi.NewServer(catalogAPI)
	catalogServer.Port = 8090
	catalogServer.ConfigureAPI()
	go func() { log.Fatal(catalogServer.Serve()) }()

	cc, err := grpc.NewClient("inventory.internal:443", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	s := grpc.NewServer()
	grpcapp.Register(s, cc)
	api.Register(s, &stock.Inventory{Client: pb.NewInventoryClient(cc)})
	(&api.Handler{Users: &repo.Users{}}).Routes(g)
	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		log.Fatal(err)
	}
	go func() { log.Fatal(s.Serve(lis)) }()
	go func() { log.Fatal(app.Listen(":8082")) }()
	go func() { log.Fatal(e.Start(":8081")) }()
	go func() { log.Fatal(e5.Start(":8084")) }()
	go func() { log.Fatal(fiber3app.New().Listen(":8085")) }()
	go gozeroapp.Start(rest.RestConf{Port: 8086})
	_ = connectapp.New(nil)
	go hertzapp.New().Spin()
	restful.Add(restfulapp.WebService())
	_ = zrpcapp.New(nil, cc)
	_ = &kratosapp.OrderService{}
	_ = kratosapp.Export
	beegoapp.Routes()
	go func() { log.Fatal(irisapp.New().Listen(":8089")) }()
	go func() { log.Fatal(http.ListenAndServe(":8088", gatewayapp.NewMux(nil))) }()
	go func() { log.Fatal(fasthttp.ListenAndServe(":8087", fasthttpapp.Handler)) }()
	go func() { log.Fatal(http.ListenAndServe(":8083", mux)) }()
	log.Fatal(g.Run(":8080"))
}
