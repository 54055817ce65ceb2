"""The base of every VCO dynamic provider: configure, check and diff from the resource's spec.

The provider object is pickled into each resource's state, so it holds no state at all:
`configure()` hands the stack config to the process's `ProviderContext`, and CRUD methods
get the client and the id resolver from `connect()`. `serialize_as_secret_always = False`
is safe because nothing secret is ever captured in the pickle. Not done here: CRUD (each
resource's provider), errors shown to the user (`errors.py`), the `Resource` class (`declare.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, ClassVar

from pulumi.dynamic import CheckFailure, CheckResult, ConfigureRequest, DiffResult, ResourceProvider
from pulumi.output import Unknown
from pydantic import ValidationError

from ..context import configure_from
from ..secret_scan import is_secret_path, merge_secrets
from .engine_watchdog import start_engine_watchdog
from .provider_workers import widen_host_workers
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


CHECKED_AT = "__velocloudCheckedAt"
SECRETS_KEY = "__velocloudSecrets"  # secret leaves of free-form inputs, split off by `declare.split_scanned`


def checked_at(olds: Mapping[str, Any], now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> str:
    """The value of the `CHECKED_AT` input: kept from the old inputs, else the time of this check.

    The engine records the checked inputs in a create's pending operation before the create is
    sent, so this is the earliest the create can have been sent (local clock): the proof
    `velocloud recover` needs to claim what an interrupted run created. Kept on later checks so
    that an existing resource's inputs do not change run after run.
    """
    kept = olds.get(CHECKED_AT)
    return kept if isinstance(kept, str) and kept else now().strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def shown_value(loc: Sequence[int | str], value: Any, error_type: str) -> bool:
    """Whether `check` may print the value of an invalid input at `loc`.

    Never: a secret-looking path, anything inside a raw section (`extra`), the text under a key
    the model does not know (it may be a misspelled secret name; numbers and booleans are shown),
    or a whole object or list (it may hold any of these).
    """
    return not (
        not loc
        or is_secret_path(loc)
        or "extra" in loc
        or (error_type == "extra_forbidden" and not isinstance(value, int | float))
        or isinstance(value, dict | list)
    )


class VcoProvider(ResourceProvider):
    """Base of the dynamic providers; subclasses set `spec` and the CRUD methods."""

    serialize_as_secret_always = False

    spec: ClassVar[ResourceSpec]

    def configure(self, req: ConfigureRequest) -> None:
        configure_from(req.config)
        widen_host_workers()  # Pulumi's host serves 4 requests at once; see provider_workers
        start_engine_watchdog()  # the host exits once a killed engine has left it behind

    def label_for(self, state: Mapping[str, Any], fallback: str = "") -> str:
        """How errors name the resource: its kind and its name (the last part of its natural key)."""
        return f'{self.spec.name} "{state.get(self.spec.natural_key[-1], fallback)}"'

    # -- check -----------------------------------------------------------------------

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        """Validate the inputs against the spec's Args model without calling the API; add `CHECKED_AT`."""
        inputs = {k: v for k, v in news.items() if not k.startswith("__")}
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
                value = _get_path(known, err["loc"])
                if err["type"] == "missing":
                    shown = " = missing"
                elif shown_value(err["loc"], value, err["type"]):
                    shown = f" = {value!r}"
                else:
                    shown = ""  # never a secret, a raw section or a whole bag in the CLI or CI logs
                failures.append(
                    CheckFailure(field, f"{self.spec.name} field {path}{shown} is invalid: {err['msg']}")
                )
        return CheckResult({**news, CHECKED_AT: checked_at(olds)}, failures)

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
        """The validated inputs as the resource's Args model (secret leaves put back in place)."""
        fields = self.spec.args.model_fields
        return self.spec.args.model_validate(
            {k: v for k, v in with_secrets(props).items() if k in fields and v is not None}
        )


def with_secrets(props: Mapping[str, Any]) -> dict[str, Any]:
    """`props` with the secret leaves split off by `declare.split_scanned` merged back."""
    out = dict(props)
    secrets = props.get(SECRETS_KEY)
    if isinstance(secrets, dict):
        for field, leaves in secrets.items():
            if field in out and isinstance(leaves, dict):
                out[field] = merge_secrets(out[field], leaves)
    return out


def _get_path(data: Mapping[str, Any], loc: tuple[int | str, ...]) -> Any:
    value: Any = data
    for part in loc:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value
