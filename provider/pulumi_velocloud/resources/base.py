"""What every VCO dynamic provider shares: connection config, the client, check, diff, errors.

The provider object is pickled into each resource's state, so it holds no state at all:
`configure()` stores the stack config in this module (per provider process) and the
client is built lazily from it on first use. `serialize_as_secret_always = False` is safe
because nothing secret is ever captured in the pickle.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, ClassVar

from pulumi.dynamic import CheckFailure, CheckResult, ConfigureRequest, DiffResult, ResourceProvider
from pydantic import BaseModel, ValidationError

from ..client import VcoClient, client_for
from ..client.errors import Unauthorized, VcoError
from ..settings import SettingsError, resolve_settings

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"  # pulumi.runtime.rpc.UNKNOWN: a value not known at preview
PROVIDER_KEY = "__provider"
CONFIG_KEYS = (
    "url",
    "token",
    "tokenFile",
    "insecure",
    "caBundle",
    "maxInFlight",
    "connectTimeout",
    "readTimeout",
    "maxAttempts",
    "retryDeadline",
    "asyncTimeout",
)

_config: dict[str, str] = {}
_config_lock = threading.Lock()


class VcoResourceError(Exception):
    """An error a Pulumi user sees: it names the resource and what the Orchestrator said."""


def set_connection_config(config: Mapping[str, Any]) -> None:
    """Remember the `velocloud:*` stack config for this provider process."""
    with _config_lock:
        _config.clear()
        _config.update({k: str(v) for k, v in config.items() if v is not None})


def current_client() -> VcoClient:
    with _config_lock:
        config = dict(_config)
    return client_for(resolve_settings(config))


def is_unknown(value: Any) -> bool:
    return isinstance(value, str) and value == UNKNOWN


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


class VcoProvider(ResourceProvider):
    """Base of the dynamic providers; subclasses set `kind`, `args_model` and the CRUD methods."""

    serialize_as_secret_always = False

    kind: ClassVar[str]
    args_model: ClassVar[type[BaseModel]]
    replace_on_change: ClassVar[frozenset[str]] = frozenset()
    delete_before_replace: ClassVar[bool] = False

    def configure(self, req: ConfigureRequest) -> None:
        set_connection_config({f"velocloud:{k}": req.config.get(f"velocloud:{k}") for k in CONFIG_KEYS})

    # -- check -----------------------------------------------------------------------

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        """Validate the inputs against `args_model` without calling the API."""
        inputs = {k: v for k, v in news.items() if k != PROVIDER_KEY}
        known = {k: v for k, v in inputs.items() if not is_unknown(v)}
        failures: list[CheckFailure] = []
        try:
            self.args_model.model_validate(known)
        except ValidationError as exc:
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else "(inputs)"
                if field in inputs and is_unknown(inputs[field]):
                    continue
                path = ".".join(str(p) for p in err["loc"]) or field
                value = _get_path(known, err["loc"])
                shown = "missing" if err["type"] == "missing" else f"{value!r}"
                failures.append(
                    CheckFailure(
                        field,
                        f"{self.kind} field {path} = {shown} is invalid: {err['msg']}",
                    )
                )
        return CheckResult(news, failures)

    # -- diff ------------------------------------------------------------------------

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        """Compare the desired inputs with the last-read outputs, field by field."""
        changed = self.changed_fields(olds, news)
        replaces = sorted(f for f in changed if f in self.replace_on_change)
        return DiffResult(
            changes=bool(changed),
            replaces=replaces,
            delete_before_replace=self.delete_before_replace if replaces else None,
        )

    def changed_fields(self, olds: Mapping[str, Any], news: Mapping[str, Any]) -> list[str]:
        fields = self.args_model.model_fields
        changed = []
        for name in fields:
            new = news.get(name)
            if is_unknown(new) or self.normalise(name, new) != self.normalise(name, olds.get(name)):
                changed.append(name)
        return changed

    def normalise(self, field: str, value: Any) -> Any:
        """The comparable form of a field value; subclasses add server defaults."""
        if value == "":
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return round(float(value), 6)
        return value

    def args(self, props: Mapping[str, Any]) -> Any:
        """The validated inputs as the resource's Args model."""
        return self.args_model.model_validate(
            {k: v for k, v in props.items() if k in self.args_model.model_fields}
        )


def _get_path(data: Mapping[str, Any], loc: tuple[int | str, ...]) -> Any:
    value: Any = data
    for part in loc:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value
