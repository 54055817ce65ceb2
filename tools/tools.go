//go:build tools

// Package tools pins the Pulumi CLI build: `go install` of these packages
// from inside this module builds them at the versions go.mod requires.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
