// The business-code convention spread over 20 handlers: one finding, at
// Result, counting them.
package envelopefix

import "github.com/gin-gonic/gin"

func handler1(c *gin.Context) { Result(ERROR, nil, "handler 1 failed", c) }

func handler2(c *gin.Context) { Result(ERROR, nil, "handler 2 failed", c) }

func handler3(c *gin.Context) { Result(ERROR, nil, "handler 3 failed", c) }

func handler4(c *gin.Context) { Result(ERROR, nil, "handler 4 failed", c) }

func handler5(c *gin.Context) { Result(ERROR, nil, "handler 5 failed", c) }

func handler6(c *gin.Context) { Result(ERROR, nil, "handler 6 failed", c) }

func handler7(c *gin.Context) { Result(ERROR, nil, "handler 7 failed", c) }

func handler8(c *gin.Context) { Result(ERROR, nil, "handler 8 failed", c) }

func handler9(c *gin.Context) { Result(ERROR, nil, "handler 9 failed", c) }

func handler10(c *gin.Context) { Result(ERROR, nil, "handler 10 failed", c) }

func handler11(c *gin.Context) { Result(ERROR, nil, "handler 11 failed", c) }

func handler12(c *gin.Context) { Result(ERROR, nil, "handler 12 failed", c) }

func handler13(c *gin.Context) { Result(ERROR, nil, "handler 13 failed", c) }

func handler14(c *gin.Context) { Result(ERROR, nil, "handler 14 failed", c) }

func handler15(c *gin.Context) { Result(ERROR, nil, "handler 15 failed", c) }

func handler16(c *gin.Context) { Result(ERROR, nil, "handler 16 failed", c) }

func handler17(c *gin.Context) { Result(ERROR, nil, "handler 17 failed", c) }

func handler18(c *gin.Context) { Result(ERROR, nil, "handler 18 failed", c) }

func handler19(c *gin.Context) { Result(ERROR, nil, "handler 19 failed", c) }

func handler20(c *gin.Context) { Result(ERROR, nil, "handler 20 failed", c) }
