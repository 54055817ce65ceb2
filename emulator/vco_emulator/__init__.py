"""A local VMware SASE / VeloCloud Orchestrator (VCO) for tests, demos and CI.

A real HTTP server over a SQLite store that speaks the v2 REST API (`/api/sdwan/v2`) and
the v1 portal API (`/portal/rest/...`, JSON-RPC on `/portal/`). See `emulator/COVERAGE.md`
for what is implemented.
"""

__version__ = "0.1.0"
