// Package grpcstream: a streaming gRPC method whose send on the client's
// own stream fails answers with that failure's text (buchgr/bazel-remote,
// server/grpc_bytestream.go). The client's stream failed: the text cannot
// reach it, and names none of our dependencies. A client stream's send
// is an upstream's, and stays reported.
package grpcstream

import (
	"context"
	"fmt"

	"example.com/pb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// as protoc-gen-go-grpc generates a client-streaming method
type Upload_WriteServer interface {
	SendAndClose(*pb.Order) error
	Recv() (*pb.GetOrderRequest, error)
	grpc.ServerStream
}

type Upload_PushClient interface {
	Send(*pb.GetOrderRequest) error
	CloseAndRecv() (*pb.Order, error)
	grpc.ClientStream
}

type UnimplementedUploadServer struct{}

func (UnimplementedUploadServer) Write(Upload_WriteServer) error { return nil }

type server struct {
	UnimplementedUploadServer
	push func(context.Context) (Upload_PushClient, error)
}

func (s *server) Write(srv Upload_WriteServer) error {
	req, err := srv.Recv()
	if err != nil {
		return err
	}
	up, err := s.push(srv.Context())
	if err != nil {
		return status.Error(codes.Unavailable, "upstream unavailable")
	}
	if err := up.Send(req); err != nil {
		return status.Error(codes.Internal, fmt.Sprintf("push failed: %v", err)) // want `error text of err is sent with gRPC code Internal`
	}
	if err := srv.SendAndClose(&pb.Order{Id: req.GetId()}); err != nil {
		msg := fmt.Sprintf("WRITE FAILED: %s %v", req.GetId(), err)
		return status.Error(codes.Internal, msg)
	}
	return nil
}
