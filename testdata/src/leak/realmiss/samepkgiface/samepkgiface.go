// Package samepkgiface: a miss seen on real "clean architecture" services:
// the handler calls a service interface, whose only implementation, in
// the same package, calls a repository interface, whose only
// implementation, in the same package, queries database/sql.
package samepkgiface

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
)

type City struct{ Name string }

type CityRepository interface {
	GetCities(ctx context.Context) ([]City, error)
}

type CityService interface {
	FetchCities(ctx context.Context) ([]City, error)
}

type mariaDBRepository struct{ db *sql.DB }

func (r *mariaDBRepository) GetCities(ctx context.Context) ([]City, error) {
	rows, err := r.db.QueryContext(ctx, "SELECT name FROM cities")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []City
	for rows.Next() {
		var c City
		if err := rows.Scan(&c.Name); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

type cityService struct{ repo CityRepository }

func (s *cityService) FetchCities(ctx context.Context) ([]City, error) {
	return s.repo.GetCities(ctx)
}

type CityHandler struct{ service CityService }

func (h *CityHandler) getCities(w http.ResponseWriter, r *http.Request) {
	cities, err := h.service.FetchCities(r.Context())
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		json.NewEncoder(w).Encode(map[string]string{"status": "fail", "message": err.Error()}) // want `dependency error`
		return
	}
	json.NewEncoder(w).Encode(cities)
}
