package knowledge

// The dependency client libraries services use, known without
// configuration (issue 13): the error results of their functions and
// methods are dependency errors, as those of -upstreamfacts.deps packages
// are. One row per library; a path matches itself and the packages below
// it. Only client packages are listed: a package that parses the client's
// own input (mongo's bson/primitive.ObjectIDFromHex of a URL parameter,
// say) does no I/O, and its errors are about the request.
var DependencyLibraries = PathPrefixes{List: []string{
	"gorm.io/gorm",                         // gorm v2; chain calls keep their error in DB.Error (below)
	"github.com/jinzhu/gorm",               // gorm v1, likewise
	"github.com/jmoiron/sqlx",              // sqlx
	"github.com/jackc/pgx/v4",              // pgx v4 (pgxpool below it)
	"github.com/jackc/pgx/v5",              // pgx v5 (pgxpool, pgconn below it)
	"github.com/jackc/pgconn",              // pgx v4's connection layer
	"github.com/go-redis/redis/v8",         // go-redis v8: Cmd.Err, Cmd.Result
	"github.com/redis/go-redis/v9",         // go-redis v9
	"github.com/gomodule/redigo",           // redigo: Conn.Do and its reply helpers (redis.String(conn.Do(…)))
	"go.mongodb.org/mongo-driver/mongo",    // mongo-driver v1 (not bson)
	"go.mongodb.org/mongo-driver/v2/mongo", // mongo-driver v2
	"github.com/go-resty/resty/v2",         // resty v2 (its responses below)
	"resty.dev/v3",                         // resty v3 (its responses by their shape: shapes.HTTPResponseType)
	"github.com/imroc/req/v3",              // req v3 (likewise)
	"entgo.io/ent/dialect",                 // ent: the SQL driver and sqlgraph under the generated client
	"github.com/uptrace/bun",               // bun (its drivers below it)
	"github.com/aws/aws-sdk-go-v2/service", // AWS SDK v2 service clients (s3, dynamodb, sqs, …)
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager",
	"github.com/aws/aws-sdk-go-v2/feature/s3/transfermanager",
	"cloud.google.com/go/storage", // Google Cloud client libraries
	"cloud.google.com/go/pubsub",
	"cloud.google.com/go/firestore",
	"cloud.google.com/go/bigquery",
	"cloud.google.com/go/spanner",
	"cloud.google.com/go/datastore",
	"cloud.google.com/go/secretmanager",
	"google.golang.org/api",                  // Google REST clients; their errors are *googleapi.Error
	"github.com/minio/minio-go/v7",           // MinIO/S3 client (its Object's Stat, Read, Seek too)
	"net/smtp",                               // SMTP: its errors carry the server's replies
	"github.com/elastic/go-elasticsearch/v7", // elastic's clients
	"github.com/elastic/go-elasticsearch/v8",
	"github.com/elastic/go-elasticsearch/v9",
	"github.com/olivere/elastic/v7",
	"k8s.io/client-go/kubernetes", // client-go: calls to the kube-apiserver
	"k8s.io/client-go/dynamic",
	"k8s.io/client-go/rest",
	"k8s.io/client-go/discovery",
}}

// ErrorFields are fields of library types that hold the error of the I/O
// the call returning the value did: gorm's chain calls return a *DB whose
// Error says how the query went (db.First(&u).Error).
var ErrorFields = map[string]string{
	"gorm.io/gorm.DB":           "Error",
	"github.com/jinzhu/gorm.DB": "Error",
}

// HTTP client libraries: their request methods return a response (an
// upstream value, for passthrough and leak) and an error, and the
// response's accessors read its status, body and header. The method
// names are checked against the real module (e2e/frameworks).
func init() {
	rows := rowSet{Sources: map[string][]Kind{}, Flows: map[string][]Flow{}}
	for _, pkg := range []string{"github.com/go-resty/resty/v2"} {
		for _, m := range []string{"Get", "Head", "Post", "Put", "Patch", "Delete", "Options", "Send", "Execute"} {
			rows.Sources["(*"+pkg+".Request)."+m] = []Kind{KindResponse, KindDepError}
		}
		resp := "(*" + pkg + ".Response)."
		rows.Flows[resp+"StatusCode"] = []Flow{res(0, 0, "StatusCode")}
		rows.Flows[resp+"Status"] = []Flow{res(0, 0, "Status")}
		rows.Flows[resp+"Body"] = []Flow{res(0, 0, "Body")}
		rows.Flows[resp+"String"] = []Flow{res(0, 0, "Body")}
		rows.Flows[resp+"RawBody"] = []Flow{res(0, 0, "Body")}
		rows.Flows[resp+"Header"] = []Flow{res(0, 0, "Header")}
	}
	register(rows) // through its check: a row registered twice panics
}

// ResponseFailureChecks are the methods HTTP client libraries give their
// responses to test the status (resty v2's IsError and IsSuccess, resty
// v3's IsStatusFailure and IsStatusSuccess, req's IsErrorState and
// IsSuccessState), with whether they return true when the upstream
// failed. The receiver must be an HTTP response by shape
// (shapes.HTTPResponseType).
var ResponseFailureChecks = map[string]bool{
	"IsError":         true,
	"IsErrorState":    true,
	"IsStatusFailure": true,
	"IsSuccess":       false,
	"IsSuccessState":  false,
	"IsStatusSuccess": false,
}
