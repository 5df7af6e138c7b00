module example.com/statushelper

go 1.22

require (
	example.com/pb v1.0.0
	github.com/bufbuild/connect-go v1.0.0
	google.golang.org/grpc v1.0.0
)
