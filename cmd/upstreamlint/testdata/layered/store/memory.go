package store

import (
	"context"

	"example.com/layered/model"
)

// MemUsers is the in-memory repository of the tests and the demo mode.
type MemUsers struct{ Users map[string]*model.User }

func (m *MemUsers) Get(ctx context.Context, id string) (*model.User, error) {
	if u, ok := m.Users[id]; ok {
		return u, nil
	}
	return nil, model.ErrNotFound
}
