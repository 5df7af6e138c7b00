module example.com/memstore

go 1.22
