module example.com/upstreamlint-example

go 1.22
