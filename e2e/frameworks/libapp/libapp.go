// Package libapp uses the dependency client libraries upstreamlint knows
// without configuration: gorm, sqlx, go-redis, mongo-driver and resty.
package libapp

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-resty/resty/v2"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
	"gorm.io/gorm"
)

type User struct{ ID, Name string }

type Handler struct {
	DB    *gorm.DB
	X     *sqlx.DB
	Cache *redis.Client
	Users *mongo.Collection
	API   *resty.Client
}

func (h *Handler) Routes(r gin.IRouter) {
	r.GET("/gorm/:id", h.gormFirst)
	r.GET("/sqlx/:id", h.sqlxGet)
	r.GET("/redis/:k", h.redisGet)
	r.GET("/mongo/:id", h.mongoFind)
	r.GET("/resty", h.restyGet)
}

func (h *Handler) gormFirst(c *gin.Context) {
	var u User
	err := h.DB.WithContext(c).Where("id = ?", c.Param("id")).First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		c.JSON(http.StatusNotFound, gin.H{"error": err.Error()}) // silent: the sentinel
		return
	}
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, u)
}

func (h *Handler) sqlxGet(c *gin.Context) {
	var u User
	if err := h.X.GetContext(c, &u, "SELECT id, name FROM users WHERE id = $1", c.Param("id")); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, u)
}

func (h *Handler) redisGet(c *gin.Context) {
	v, err := h.Cache.Get(c, "k:"+c.Param("k")).Result()
	if err != nil {
		c.String(http.StatusServiceUnavailable, "cache: %v", err)
		return
	}
	c.String(http.StatusOK, v)
}

func (h *Handler) mongoFind(c *gin.Context) {
	var u User
	err := h.Users.FindOne(c, map[string]string{"_id": c.Param("id")}).Decode(&u)
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, u)
}

func (h *Handler) restyGet(c *gin.Context) {
	resp, err := h.API.R().Get("http://billing.internal/v1/charge")
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()})
		return
	}
	if resp.StatusCode() != http.StatusOK {
		c.JSON(resp.StatusCode(), gin.H{"error": "billing failed"})
		return
	}
	c.Data(http.StatusOK, "application/json", resp.Body())
}
