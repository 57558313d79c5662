module github.com/scrubshq/scrubs

go 1.26.8

require golang.org/x/text v0.43.0

require gopkg.in/yaml.v3 v3.0.1
