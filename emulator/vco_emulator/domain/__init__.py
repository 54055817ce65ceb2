"""The emulated Orchestrator's behaviour, independent of HTTP: validation, state, errors."""
