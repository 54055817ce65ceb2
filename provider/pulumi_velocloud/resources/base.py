"""What every VCO dynamic provider shares: connection config, the client, check, diff, errors.

The provider object is pickled into each resource's state, so it holds no state at all:
`configure()` stores the stack config in this module (per provider process) and the
client is built lazily from it on first use. `serialize_as_secret_always = False` is safe
because nothing secret is ever captured in the pickle.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

import pulumi
from pulumi.dynamic import CheckFailure, CheckResult, ConfigureRequest, DiffResult, ResourceProvider
from pulumi.output import Unknown
from pydantic import BaseModel, ValidationError

from ..client import VcoClient, client_for
from ..client.errors import Unauthorized, VcoError
from ..settings import CONFIG_KEYS, SettingsError, resolve_settings
from .spec import ResourceSpec

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"  # pulumi.runtime.rpc.UNKNOWN: a value not known at preview
PROVIDER_KEY = "__provider"

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
    """Whether a value (or anything inside it) is not known yet, as at `pulumi preview`."""
    if isinstance(value, Unknown) or (isinstance(value, str) and value == UNKNOWN):
        return True
    if isinstance(value, dict):
        return any(is_unknown(v) for v in value.values())
    if isinstance(value, list):
        return any(is_unknown(v) for v in value)
    return False


SECRET_MARKERS = ("password", "passphrase", "community", "secret", "token", "key")


def looks_secret(loc: Sequence[int | str]) -> bool:
    """Whether a field path names something secret-looking (its value is never shown)."""
    return any(isinstance(p, str) and any(m in p.lower() for m in SECRET_MARKERS) for p in loc)


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


class VcoProvider(ResourceProvider):
    """Base of the dynamic providers; subclasses set `spec` and the CRUD methods."""

    serialize_as_secret_always = False

    spec: ClassVar[ResourceSpec]

    def configure(self, req: ConfigureRequest) -> None:
        set_connection_config({f"velocloud:{k}": req.config.get(f"velocloud:{k}") for k in CONFIG_KEYS})

    # -- check -----------------------------------------------------------------------

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        """Validate the inputs against the spec's Args model without calling the API."""
        inputs = {k: v for k, v in news.items() if k != PROVIDER_KEY}
        known = {k: v for k, v in inputs.items() if not is_unknown(v) and v is not None}
        failures: list[CheckFailure] = []
        try:
            self.spec.args.model_validate(known)
        except ValidationError as exc:
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else "(inputs)"
                if is_unknown(inputs.get(field)):
                    continue  # judged once the value is known, at `up`
                path = ".".join(str(p) for p in err["loc"]) or field
                if err["type"] == "missing":
                    shown = " = missing"
                elif not err["loc"] or looks_secret(err["loc"]):
                    shown = ""  # never echo a whole input bag, or a secret, into the CLI or CI logs
                else:
                    shown = f" = {_get_path(known, err['loc'])!r}"
                failures.append(
                    CheckFailure(field, f"{self.spec.name} field {path}{shown} is invalid: {err['msg']}")
                )
        return CheckResult(news, failures)

    # -- diff ------------------------------------------------------------------------

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        """Compare the desired inputs with the last-read outputs, field by field."""
        changed = self.changed_fields(olds, news)
        replaces = sorted(f for f in changed if f in self.spec.replace_on_change)
        return DiffResult(
            changes=bool(changed),
            replaces=replaces,
            delete_before_replace=self.spec.delete_before_replace if replaces else None,
        )

    def changed_fields(self, olds: Mapping[str, Any], news: Mapping[str, Any]) -> list[str]:
        """The managed inputs whose desired value differs from the last-read output.

        Inputs the Orchestrator defaults are compared only when the user sets them.
        """
        changed = []
        fields = self.spec.args.model_fields
        for name in self.spec.managed_fields:
            new = news.get(name)
            if new is None and name in self.spec.server_defaulted:
                continue
            if new is None and not fields[name].is_required():
                new = fields[name].default  # an unset input means its declared default
            if is_unknown(new) or self.normalise(name, new) != self.normalise(name, olds.get(name)):
                changed.append(name)
        return changed

    def normalise(self, field: str, value: Any) -> Any:
        """The comparable form of a field value; subclasses add their own rules."""
        if value == "":
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return round(float(value), 6)
        return value

    def args(self, props: Mapping[str, Any]) -> Any:
        """The validated inputs as the resource's Args model."""
        fields = self.spec.args.model_fields
        return self.spec.args.model_validate(
            {k: v for k, v in props.items() if k in fields and v is not None}
        )


def resource_options(
    spec: ResourceSpec, opts: pulumi.ResourceOptions | None
) -> pulumi.ResourceOptions | None:
    """`opts` plus the spec's secret outputs, which Pulumi then encrypts in the state."""
    if not spec.secret_outputs:
        return opts
    secrets = pulumi.ResourceOptions(additional_secret_outputs=sorted(spec.secret_outputs))
    return pulumi.ResourceOptions.merge(opts, secrets)


def resource_props(
    spec: ResourceSpec, resource_name: str, args: BaseModel | None, kwargs: dict[str, Any]
) -> dict[str, Any]:
    """The property bag of a new resource: every input (None when unset) and every output."""
    inputs = dict(kwargs) if args is None else {**args.model_dump(exclude_defaults=True), **kwargs}
    unknown = sorted(set(inputs) - set(spec.args.model_fields))
    if unknown:
        raise TypeError(
            f"{spec.name} {resource_name!r}: unknown input(s) {', '.join(unknown)}; "
            f"valid inputs: {', '.join(spec.args.model_fields)}"
        )
    props = {field: inputs.get(field) for field in spec.args.model_fields}
    props.update({field: None for field in spec.outputs.model_fields if field not in props})
    return props


def _get_path(data: Mapping[str, Any], loc: tuple[int | str, ...]) -> Any:
    value: Any = data
    for part in loc:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value
