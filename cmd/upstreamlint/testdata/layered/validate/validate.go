// Package validate checks the client's input: its errors are ours.
package validate

import "errors"

type Names struct{}

func (Names) Check(name string) error {
	if name == "" {
		return errors.New("name is empty")
	}
	return nil
}
