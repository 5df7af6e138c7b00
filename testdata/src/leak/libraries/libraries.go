// Package libraries: the errors of the database, cache and HTTP client
// libraries services use are dependency errors without configuration
// (issue 13, part 3), reported at any status as database/sql's are.
package libraries

import (
	"context"
	"errors"
	"net/http"
	"net/smtp"

	"github.com/gin-gonic/gin"
	"github.com/go-resty/resty/v2"
	redigo "github.com/gomodule/redigo/redis"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"gorm.io/gorm"
)

type User struct{ ID, Name string }

type handler struct {
	db    *gorm.DB
	x     *sqlx.DB
	rdb   *redis.Client
	users *mongo.Collection
	api   *resty.Client
}

func (h *handler) gormFirst(c *gin.Context) {
	var u User
	if err := h.db.WithContext(c).Where("id = ?", c.Param("id")).First(&u).Error; err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	c.JSON(http.StatusOK, u)
}

// The result of a chain kept in a variable, its Error read later.
func (h *handler) gormCreate(c *gin.Context) {
	u := User{Name: c.Query("name")}
	res := h.db.Create(&u)
	if res.Error != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": res.Error.Error()}) // want `dependency error res.Error.Error\(\) is sent to the client`
		return
	}
	c.JSON(http.StatusCreated, u)
}

// gorm's not-found sentinel is our decision to make: silent.
func (h *handler) gormNotFound(c *gin.Context) {
	var u User
	err := h.db.First(&u, c.Param("id")).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		c.JSON(http.StatusNotFound, gin.H{"error": err.Error()})
		return
	}
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "database unavailable"})
		return
	}
	c.JSON(http.StatusOK, u)
}

func (h *handler) sqlxGet(w http.ResponseWriter, r *http.Request) {
	var u User
	if err := h.x.GetContext(r.Context(), &u, "SELECT id, name FROM users WHERE id = $1", r.URL.Query().Get("id")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
}

func (h *handler) redisGet(c *gin.Context) {
	v, err := h.rdb.Get(context.Background(), "k:"+c.Param("k")).Result()
	if err != nil {
		c.String(http.StatusServiceUnavailable, "cache: %v", err) // want `dependency error err is sent to the client`
		return
	}
	c.String(http.StatusOK, v)
}

// redis.Nil, a constant of the library: silent.
func (h *handler) redisMiss(c *gin.Context) {
	v, err := h.rdb.Get(c, "k").Result()
	if err == redis.Nil {
		c.JSON(http.StatusNotFound, gin.H{"error": err.Error()})
		return
	}
	if err != nil {
		c.JSON(http.StatusServiceUnavailable, gin.H{"error": "cache unavailable"})
		return
	}
	c.String(http.StatusOK, v)
}

func (h *handler) redisErr(c *gin.Context) {
	cmd := h.rdb.Get(c, "k")
	if err := cmd.Err(); err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
	}
}

func (h *handler) mongoFindOne(c *gin.Context) {
	var u User
	err := h.users.FindOne(c, map[string]string{"_id": c.Param("id")}).Decode(&u)
	if err == mongo.ErrNoDocuments {
		c.JSON(http.StatusNotFound, gin.H{"error": err.Error()}) // silent: the library's sentinel
		return
	}
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	c.JSON(http.StatusOK, u)
}

func (h *handler) restyGet(c *gin.Context) {
	resp, err := h.api.R().Get("http://billing.internal/v1/charge")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	if resp.StatusCode() >= 400 {
		c.JSON(http.StatusBadGateway, gin.H{"error": resp.String()}) // want `upstream error body gin.H{…} is sent to the client`
		return
	}
	c.Data(http.StatusOK, "application/json", resp.Body()) // silent: data on success
}

// An SMTP error carries the mail server's reply (or its address).
func (h *handler) invite(c *gin.Context) {
	msg := []byte("Subject: invitation\r\n\r\nwelcome")
	if err := smtp.SendMail("mail.internal:587", nil, "noreply@example.com", []string{c.Query("to")}, msg); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	c.Status(http.StatusNoContent)
}

// redigo: the error of a command, through its reply helper.
func (h *handler) session(c *gin.Context, pool *redigo.Pool) {
	conn := pool.Get()
	defer conn.Close()
	user, err := redigo.String(conn.Do("HGET", "session:"+c.Query("sid"), "user"))
	if err == redigo.ErrNil {
		c.JSON(http.StatusUnauthorized, gin.H{"error": "no session"})
		return
	}
	if err != nil {
		c.JSON(http.StatusUnauthorized, gin.H{"error": err.Error()}) // want `dependency error err.Error\(\) is sent to the client`
		return
	}
	c.JSON(http.StatusOK, gin.H{"user": user})
}
