// Package repo implements the api package's Users on gorm.
package repo

import (
	"context"

	"gorm.io/gorm"
)

type Users struct{ DB *gorm.DB }

func (u *Users) UserName(ctx context.Context, id string) (string, error) {
	var row struct{ Name string }
	if err := u.DB.WithContext(ctx).Table("users").First(&row, "id = ?", id).Error; err != nil {
		return "", err
	}
	return row.Name, nil
}
