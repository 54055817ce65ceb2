"""Errors a Pulumi user sees: `VcoResourceError`, and `vco_errors` turning client errors into it.

Every message names the resource (its label) and what went wrong, never a secret or a whole
answer from the Orchestrator. Not done here: mapping HTTP answers to typed errors (`client/`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pydantic import ValidationError

from ..client.errors import Unauthorized, VcoError
from ..settings import SettingsError


class VcoResourceError(Exception):
    """An error a Pulumi user sees: it names the resource and what the Orchestrator said."""


@contextmanager
def vco_errors(label: str) -> Iterator[None]:
    """Re-raise client errors as `VcoResourceError` prefixed with the resource label."""
    try:
        yield
    except Unauthorized as exc:
        hint = "check velocloud:token / velocloud:tokenFile (or VCO_API_TOKEN / VCO_API_TOKEN_FILE)"
        raise VcoResourceError(f"{label}: {exc}; {hint}") from None
    except VcoError as exc:
        raise VcoResourceError(f"{label}: {exc}") from None
    except SettingsError as exc:
        raise VcoResourceError(f"{label}: {exc}") from None
    except ValidationError as exc:  # an answer of an unexpected shape: say where, never the payload
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors(include_input=False)
        )
        raise VcoResourceError(
            f"{label}: the Orchestrator answered in an unexpected shape ({problems})"
        ) from None
    except (KeyError, TypeError) as exc:
        raise VcoResourceError(
            f"{label}: the Orchestrator answered in an unexpected shape ({type(exc).__name__}: {exc})"
        ) from None
