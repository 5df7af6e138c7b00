// Package kubernetes is a stub of client-go's clientset: calls to the
// kube-apiserver.
package kubernetes

import "context"

type Pod struct{ Name string }

type Clientset struct{}

func NewForConfigOrDie(c interface{}) *Clientset { return &Clientset{} }

func (c *Clientset) Pods(ctx context.Context, namespace string) ([]Pod, error) { return nil, nil }
