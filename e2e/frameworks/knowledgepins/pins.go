// Package knowledgepins imports the libraries whose functions upstreamlint's
// knowledge tables name and that no service of this module uses, so that
// go.mod pins them and e2e's TestKnowledgeKeysExist checks those rows
// against their real API.
package knowledgepins

import (
	_ "github.com/asaskevich/govalidator"
	_ "github.com/bufbuild/connect-go"
	_ "github.com/dgrijalva/jwt-go"
	_ "github.com/go-faster/jx"
	_ "github.com/go-openapi/swag"
	_ "github.com/goccy/go-json"
	_ "github.com/gofrs/uuid"
	_ "github.com/golang-jwt/jwt"
	_ "github.com/golang-jwt/jwt/v5"
	_ "github.com/gorilla/schema"
	_ "github.com/gorilla/websocket"
	_ "github.com/lestrrat-go/jwx/v2/jwt"
	_ "github.com/lestrrat-go/jwx/v3/jwt"
	_ "github.com/minio/websocket"
	_ "github.com/pkg/errors"
	_ "github.com/satori/go.uuid"
	_ "github.com/segmentio/encoding/json"
)
