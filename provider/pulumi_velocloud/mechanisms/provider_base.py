"""The base of every VCO dynamic provider: configure, check and diff from the resource's spec.

The provider object is pickled into each resource's state, so it holds no state at all:
`configure()` hands the stack config to the process's `ProviderContext`, and CRUD methods
get the client and the id resolver from `connect()`. `serialize_as_secret_always = False`
is safe because nothing secret is ever captured in the pickle. Not done here: CRUD (each
resource's provider), errors shown to the user (`errors.py`), the `Resource` class (`declare.py`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from pulumi.dynamic import CheckFailure, CheckResult, ConfigureRequest, DiffResult, ResourceProvider
from pulumi.output import Unknown
from pydantic import ValidationError

from ..context import configure_from
from .spec import ResourceSpec

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"  # pulumi.runtime.rpc.UNKNOWN: a value not known at preview
PROVIDER_KEY = "__provider"


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


class VcoProvider(ResourceProvider):
    """Base of the dynamic providers; subclasses set `spec` and the CRUD methods."""

    serialize_as_secret_always = False

    spec: ClassVar[ResourceSpec]

    def configure(self, req: ConfigureRequest) -> None:
        configure_from(req.config)

    def label_for(self, state: Mapping[str, Any], fallback: str = "") -> str:
        """How errors name the resource: its kind and its name (the last part of its natural key)."""
        return f'{self.spec.name} "{state.get(self.spec.natural_key[-1], fallback)}"'

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


def _get_path(data: Mapping[str, Any], loc: tuple[int | str, ...]) -> Any:
    value: Any = data
    for part in loc:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value
