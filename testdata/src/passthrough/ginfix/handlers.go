package ginfix

import "github.com/gin-gonic/gin"

// This file does not import net/http: the helper the fix adds spells
// the statuses as literals.

func badJSON(c *gin.Context) {
	resp, err := fetch(c.Param("id"))
	if err != nil {
		c.AbortWithStatus(502)
		return
	}
	defer resp.Body.Close()
	c.JSON(resp.StatusCode, gin.H{"reserved": true}) // want `upstream status resp.StatusCode is forwarded`
}

func badAbort(c *gin.Context) {
	resp, err := fetch(c.Param("id"))
	if err != nil {
		c.AbortWithStatus(502)
		return
	}
	if resp.StatusCode >= 400 {
		c.AbortWithStatusJSON(resp.StatusCode, gin.H{"error": "inventory failed"}) // want `upstream status resp.StatusCode is forwarded`
		return
	}
	c.Status(resp.StatusCode) // want `upstream status resp.StatusCode is forwarded`
}

// No fix: merged with 404, a decision only the programmer can finish.
func badMergedNoFix(c *gin.Context) {
	code := 404
	if resp, err := fetch(c.Param("id")); err == nil {
		code = resp.StatusCode
	}
	c.JSON(code, gin.H{"found": code != 404}) // want `upstream status code is forwarded`
}
