// Command pulumi-language-python is a minimal Pulumi language host for Python programs.
//
// Pulumi's own Python language host lives in a Go module of its own
// (github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3) that the Go module
// proxy reachable here does not serve, so this project builds its own from the pinned
// pulumi sdk/v3 module: the gRPC contract (pulumirpc.LanguageRuntimeServer) and the
// program launcher script `pulumi-language-python-exec` both come from that module.
//
// What it does: Handshake, GetPluginInfo, GetRequiredPlugins/GetRequiredPackages (none:
// the only plugin our programs need is the dynamic provider, found on PATH), Run (starts
// `python -u pulumi-language-python-exec ... PROGRAM` with the stack config in
// PULUMI_CONFIG), About and GetProgramDependencies.
//
// Not implemented: InstallDependencies (the Makefile builds the virtualenv), the
// uv/poetry toolchains, program/package code generation, policy packs, debugger attach.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/cmdutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
)

// execScript is the launcher shipped in the pulumi sdk module, installed beside this binary.
const execScript = "pulumi-language-python-exec"

// userActionableExitCode is the launcher's exit code after it has already shown the user an error.
const userActionableExitCode = 32

func main() {
	tracing := flag.String("tracing", "", "Emit tracing to a Zipkin-compatible tracing endpoint")
	// -logtostderr and -v, which the engine also passes, are registered by the sdk's logging package.
	flag.Parse()

	args := flag.Args()
	if len(args) == 0 {
		cmdutil.Exit(errors.New("missing required engine RPC address argument"))
	}
	host := &pythonHost{engineAddress: args[0], tracing: *tracing}

	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, host)
			return nil
		},
		Options: rpcutil.OpenTracingServerInterceptorOptions(nil),
	})
	if err != nil {
		cmdutil.Exit(fmt.Errorf("could not start language host RPC server: %w", err))
	}
	// The engine reads the port from the first line of stdout.
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		cmdutil.Exit(fmt.Errorf("language host RPC server stopped: %w", err))
	}
}

type pythonHost struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	engineAddress string
	tracing       string
}

func (h *pythonHost) Handshake(
	_ context.Context, _ *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *pythonHost) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

func (h *pythonHost) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *pythonHost) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *pythonHost) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (h *pythonHost) About(_ context.Context, req *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	python, err := pythonCommand(req.GetInfo())
	if err != nil {
		return nil, err
	}
	out, err := exec.Command(python, "--version").Output()
	if err != nil {
		return nil, status.Errorf(codes.FailedPrecondition, "running %s --version: %v", python, err)
	}
	ver := strings.TrimSpace(strings.TrimPrefix(string(out), "Python "))
	return &pulumirpc.AboutResponse{Executable: python, Version: ver}, nil
}

func (h *pythonHost) GetProgramDependencies(
	_ context.Context, req *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	python, err := pythonCommand(req.GetInfo())
	if err != nil {
		return nil, err
	}
	out, err := exec.Command(python, "-m", "pip", "list", "--format=json", "--disable-pip-version-check").Output()
	if err != nil {
		return nil, status.Errorf(codes.FailedPrecondition, "listing packages with %s -m pip: %v", python, err)
	}
	var pkgs []struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if err := json.Unmarshal(out, &pkgs); err != nil {
		return nil, status.Errorf(codes.Internal, "parsing pip list output: %v", err)
	}
	resp := &pulumirpc.GetProgramDependenciesResponse{}
	for _, p := range pkgs {
		resp.Dependencies = append(resp.Dependencies, &pulumirpc.DependencyInfo{Name: p.Name, Version: p.Version})
	}
	return resp, nil
}

func (h *pythonHost) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	info := req.GetInfo()
	python, err := pythonCommand(info)
	if err != nil {
		return nil, err
	}
	script, err := findExecScript()
	if err != nil {
		return nil, err
	}
	config, err := json.Marshal(req.GetConfig())
	if err != nil {
		return nil, status.Errorf(codes.Internal, "encoding config: %v", err)
	}
	secretKeys, err := json.Marshal(req.GetConfigSecretKeys())
	if err != nil {
		return nil, status.Errorf(codes.Internal, "encoding config secret keys: %v", err)
	}

	args := []string{
		"-u", script,
		"--monitor", req.GetMonitorAddress(),
		"--engine", h.engineAddress,
		"--project", req.GetProject(),
		"--stack", req.GetStack(),
		"--pwd", req.GetPwd(),
		"--dry_run", strconv.FormatBool(req.GetDryRun()),
		"--parallel", strconv.Itoa(int(req.GetParallel())),
	}
	if org := req.GetOrganization(); org != "" {
		args = append(args, "--organization", org)
	}
	if root := info.GetRootDirectory(); root != "" {
		args = append(args, "--root_directory", root)
	}
	if h.tracing != "" {
		args = append(args, "--tracing", h.tracing)
	}
	args = append(args, programPath(info, req.GetProgram()))
	args = append(args, req.GetArgs()...)

	cmd := exec.CommandContext(ctx, python, args...)
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	cmd.Env = append(os.Environ(),
		"PULUMI_CONFIG="+string(config),
		"PULUMI_CONFIG_SECRET_KEYS="+string(secretKeys),
	)
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			if exitErr.ExitCode() == userActionableExitCode {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			return &pulumirpc.RunResponse{
				Error: fmt.Sprintf("Program exited with non-zero exit code: %d", exitErr.ExitCode()),
			}, nil
		}
		return &pulumirpc.RunResponse{Error: fmt.Sprintf("Problem executing program (could not run %s): %v", python, err)}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

// programPath is the file or directory the launcher runs: the project's `main`, resolved
// against the program directory.
func programPath(info *pulumirpc.ProgramInfo, legacyProgram string) string {
	if info == nil {
		return legacyProgram
	}
	entry := info.GetEntryPoint()
	if entry == "" {
		entry = "."
	}
	return filepath.Join(info.GetProgramDirectory(), entry)
}

// pythonCommand picks the interpreter: the project's `runtime.options.virtualenv` (relative
// to the project root), else PULUMI_PYTHON_CMD, else python3 on PATH.
func pythonCommand(info *pulumirpc.ProgramInfo) (string, error) {
	if venv := virtualenvOption(info); venv != "" {
		if !filepath.IsAbs(venv) {
			venv = filepath.Join(info.GetRootDirectory(), venv)
		}
		python := filepath.Join(venv, "bin", "python")
		if _, err := os.Stat(python); err != nil {
			return "", status.Errorf(codes.FailedPrecondition,
				"the virtualenv option in Pulumi.yaml is %q, but %s does not exist; run `make venv` to create it",
				virtualenvOption(info), python)
		}
		return python, nil
	}
	if cmd := os.Getenv("PULUMI_PYTHON_CMD"); cmd != "" {
		return cmd, nil
	}
	return "python3", nil
}

func virtualenvOption(info *pulumirpc.ProgramInfo) string {
	if info == nil || info.GetOptions() == nil {
		return ""
	}
	if v, ok := info.GetOptions().GetFields()["virtualenv"]; ok {
		return v.GetStringValue()
	}
	return ""
}

// findExecScript looks for the launcher beside this binary, then on PATH.
func findExecScript() (string, error) {
	if self, err := os.Executable(); err == nil {
		candidate := filepath.Join(filepath.Dir(self), execScript)
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
	}
	path, err := exec.LookPath(execScript)
	if err != nil {
		return "", status.Errorf(codes.FailedPrecondition,
			"%s not found beside the language host or on PATH; run scripts/install-pulumi", execScript)
	}
	return path, nil
}
