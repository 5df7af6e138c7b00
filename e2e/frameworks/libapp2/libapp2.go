// Package libapp2 uses the dependency client libraries whose rows in
// analyzer/libraries.go are import paths only: pgx v5, go-redis v8,
// mongo-driver v2, jinzhu/gorm, resty v3, ent's SQL driver, bun,
// the AWS SDK v2, Google Cloud Storage, the Google REST clients,
// elastic v8, minio-go v7, net/smtp and redigo. Each handler sends the library's error with a client-error
// status, so that only the dependency rule (not the server-error status
// rule) can report it: a finding proves the row matches the real module.
// req v3 is not here: the module proxy does not serve it.
package libapp2

import (
	"bytes"
	"net/http"
	"net/smtp"

	"cloud.google.com/go/storage"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/elastic/go-elasticsearch/v8"
	"github.com/go-redis/redis/v8"
	redigo "github.com/gomodule/redigo/redis"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jinzhu/gorm"
	"github.com/minio/minio-go/v7"
	"github.com/uptrace/bun"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	drive "google.golang.org/api/drive/v3"
	"resty.dev/v3"
)

type Handler struct {
	PG     *pgxpool.Pool
	Redis  *redis.Client
	Mongo  *mongo.Collection
	Gorm   *gorm.DB
	Resty  *resty.Client
	Ent    *entsql.Driver
	Bun    *bun.DB
	S3     *s3.Client
	GCS    *storage.Client
	Drive  *drive.Service
	Search *elasticsearch.Client
	Minio  *minio.Client
	Redigo *redigo.Pool
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := r.URL.Query().Get("id")
	switch r.URL.Path {
	case "/pgx":
		var name string
		if err := h.PG.QueryRow(ctx, "SELECT name FROM users WHERE id = $1", id).Scan(&name); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
		}
	case "/redis8":
		if _, err := h.Redis.Get(ctx, "k:"+id).Result(); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
		}
	case "/mongo2":
		var doc bson.M
		if err := h.Mongo.FindOne(ctx, bson.M{"_id": id}).Decode(&doc); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
		}
	case "/jinzhu":
		var u struct{ ID string }
		if err := h.Gorm.Where("id = ?", id).First(&u).Error; err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
		}
	case "/resty3":
		if _, err := h.Resty.R().Get("http://users.internal/v1/users/" + id); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
		}
	case "/ent":
		var rows entsql.Rows
		if err := h.Ent.Query(ctx, "SELECT name FROM users WHERE id = $1", []any{id}, &rows); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
		}
	case "/bun":
		var name string
		if err := h.Bun.NewSelect().Table("users").Column("name").Where("id = ?", id).Scan(ctx, &name); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
		}
	case "/s3":
		if _, err := h.S3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("files"), Key: aws.String(id)}); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
		}
	case "/gcs":
		if _, err := h.GCS.Bucket("files").Object(id).Attrs(ctx); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
		}
	case "/drive":
		if _, err := h.Drive.Files.Get(id).Context(ctx).Do(); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
		}
	case "/search":
		if _, err := h.Search.Search(h.Search.Search.WithBody(bytes.NewReader([]byte(`{}`)))); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
		}
	case "/minio":
		if _, err := h.Minio.StatObject(ctx, "files", id, minio.StatObjectOptions{}); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
		}
	case "/redigo":
		conn := h.Redigo.Get()
		defer conn.Close()
		if _, err := redigo.String(conn.Do("GET", "k:"+id)); err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
		}
	case "/smtp":
		if err := smtp.SendMail("mail.internal:587", nil, "noreply@example.com", []string{id}, []byte("hello")); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
		}
	}
}
