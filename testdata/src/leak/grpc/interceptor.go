package grpc

import (
	"context"
	"errors"
	"fmt"

	"example.com/pb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// Server interceptors answer for every method: what they return is the
// client's answer (flipt's error interceptor, an authentication
// interceptor calling the identity service).

// errorInterceptor turns every error a method returns into a status with
// its text, Internal unless the error says otherwise.
func errorInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	resp, err := handler(ctx, req)
	if err == nil {
		return resp, nil
	}
	return resp, mapError(err)
}

var errInvalid = errors.New("invalid")

func mapError(err error) error {
	if _, ok := status.FromError(err); ok {
		return err
	}
	if errors.Is(err, errInvalid) {
		return status.Error(codes.InvalidArgument, "invalid request")
	}
	return status.Error(codes.Internal, err.Error()) // want `error text of err is sent with gRPC code Internal by mapError, which service methods return \(1 call\)`
}

// authInterceptor asks the identity service, and puts its error's text
// into the message of a status of its own.
type authInterceptor struct {
	inv pb.InventoryClient
}

func (a *authInterceptor) Unary() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if _, err := a.inv.GetItem(ctx, &pb.GetItemRequest{Id: "session"}); err != nil {
			return nil, status.Error(codes.Unauthenticated, fmt.Sprintf("invalid session: %v", err)) // want `dependency error status.Error\(codes.Unauthenticated, fmt.Sprintf\("invalid se… is returned to the gRPC client`
		}
		return handler(ctx, req)
	}
}

// quietInterceptor answers with texts of its own: silent.
func quietInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	resp, err := handler(ctx, req)
	if err != nil {
		return nil, status.Error(codes.Internal, "internal error")
	}
	return resp, nil
}

var _ = []grpc.UnaryServerInterceptor{errorInterceptor, quietInterceptor}

// mapKinds keeps its own codes for the errors it knows, and Internal
// with the text for every other (flipt's handleError).
func mapKinds(err error) error {
	if _, ok := status.FromError(err); ok {
		return err
	}
	code := codes.Internal
	switch {
	case errors.Is(err, errInvalid):
		code = codes.InvalidArgument
	case errors.Is(err, errNotFound):
		code = codes.NotFound
	}
	return status.Error(code, err.Error()) // want `error text of err is sent with gRPC code Internal by mapKinds, which service methods return \(1 call\)`
}

func kindsInterceptor(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	resp, err := handler(ctx, req)
	return resp, mapKinds(err)
}

var _ grpc.UnaryServerInterceptor = kindsInterceptor

// routeInterceptor hands some methods to helpers of its own shape: each
// helper's return is the finding, once.
type router struct {
	inv pb.InventoryClient
}

func (a *router) intercept(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	switch info.FullMethod {
	case "/orders.Orders/GetOrder":
		return a.checkStock(ctx, req, info, handler)
	default:
		return handler(ctx, req)
	}
}

func (a *router) checkStock(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	if _, err := a.inv.GetItem(ctx, &pb.GetItemRequest{Id: "stock"}); err != nil {
		return nil, fmt.Errorf("no stock: %v", err) // want `dependency error fmt.Errorf\("no stock: %v", err\) is returned to the gRPC client`
	}
	return handler(ctx, req)
}
