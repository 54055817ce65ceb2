"""`EnterpriseUser`: a user of one enterprise, through the v1 enterprise-user methods.

Create is `enterprise/insertEnterpriseUser`, read `enterpriseUser/getEnterpriseUser`, update
`enterpriseUser/updateEnterpriseUser` (only the changed fields), delete
`enterpriseUser/deleteEnterpriseUser`; `role/getUserTypeRoles` maps the role name to its id.
The natural key is the username (an e-mail address, unique in the whole Orchestrator), which
cannot change in place: a new username replaces the user.

The password is a secret input that the API never returns. It is wrapped as a Pulumi secret,
never part of the outputs, never in an error. Drift: the outputs keep a salted SHA-256
fingerprint of the password last written (a secret) and the Orchestrator's `passwordModified`;
a different password in the program, or a `passwordModified` that moved (someone changed the
password by hand), shows as a change of `password`, and `up` writes it again.

`role` is a system role (`role/getUserTypeRoles`) or a custom role of the user's enterprise
(`compositeRole/getByEnterprise`, e.g. a `CustomRole`'s name), looked up by name in that order.

Not implemented: phone numbers, SSH usernames, second factor, deactivation (`isActive`), access level.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
from pulumi.dynamic import CheckFailure, CheckResult, CreateResult
from pydantic import BaseModel, Field, SecretStr, ValidationError, field_validator
from pydantic_core import PydanticCustomError

from ..client import VcoClient
from ..context import Connection, connect
from ..ids import LogicalId, VcoId, logical_id, vco_id
from ..mechanisms import secret_fingerprint
from ..mechanisms.declare import VcoResource
from ..mechanisms.enterprise_object import EnterpriseObjectProvider
from ..mechanisms.errors import VcoResourceError, vco_errors
from ..mechanisms.provider_base import is_unknown
from ..mechanisms.spec import EXAMPLE_ENTERPRISE_ID, EnterpriseId, ResourceArgs, ResourceSpec, register
from ..models.user import EnterpriseUserV1
from ..resolver import UnknownName

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s.]+$"
PASSWORD_MIN = 8  # the emulator's minimum; the real Orchestrator's policy may ask for more


class EnterpriseUserArgs(ResourceArgs):
    """The inputs of an `EnterpriseUser`."""

    enterprise_id: EnterpriseId
    username: str = Field(
        pattern=EMAIL_PATTERN, description="Login name: an e-mail address, unique in the Orchestrator."
    )
    role: str = Field(
        min_length=1,
        description="Role name as `role/getUserTypeRoles` lists it for enterprise users, e.g. "
        "'Enterprise Superuser', 'Enterprise Standard Admin', 'Enterprise Support', 'Enterprise Read Only', "
        "or the name of a custom role of the enterprise (`CustomRole`).",
    )
    password: SecretStr = Field(description=f"Login password, at least {PASSWORD_MIN} characters.")
    first_name: str | None = Field(None, description="First name.")
    last_name: str | None = Field(None, description="Last name.")
    email: str | None = Field(
        None, pattern=EMAIL_PATTERN, description="E-mail address (default: the username)."
    )

    @field_validator("password")
    @classmethod
    def _password_length(cls, value: SecretStr) -> SecretStr:
        if len(value.get_secret_value()) < PASSWORD_MIN:
            raise PydanticCustomError("password", "must have at least {n} characters", {"n": PASSWORD_MIN})
        return value


class EnterpriseUserOutputs(BaseModel):
    vco_id: int = Field(description="The numeric user id (the Pulumi id is its decimal form).")
    enterprise_id: str
    enterprise_vco_id: int
    username: str
    role: str | None = None
    role_id: int | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    is_active: bool | None = None
    password_modified: str | None = Field(
        None, description="When the Orchestrator last saw the password change."
    )
    password_fingerprint: str | None = Field(
        None,
        description="Salted SHA-256 of the password last written (secret), to detect a changed password.",
    )


SPEC = register(
    ResourceSpec(
        name="EnterpriseUser",
        summary="A user of one enterprise with a role. Its Pulumi id is the numeric user id.",
        args=EnterpriseUserArgs,
        outputs=EnterpriseUserOutputs,
        natural_key=("username",),
        replace_on_change=frozenset({"enterprise_id", "username"}),
        server_defaulted=frozenset({"email"}),
        secret_outputs=frozenset({"password", "password_fingerprint"}),
        secret_inputs=frozenset({"password"}),
        delete_before_replace=True,  # usernames are unique in the whole Orchestrator
        fixture={
            "enterprise_id": EXAMPLE_ENTERPRISE_ID,
            "username": "ops@acme.example",
            "role": "Enterprise Standard Admin",
            "password": "correct horse battery",
        },
        example=(
            "ops = velocloud.EnterpriseUser(\n"
            '    "ops",\n'
            "    enterprise_id=acme.id,\n"
            '    username="ops@acme.example",\n'
            '    role="Enterprise Standard Admin",\n'
            '    first_name="Olga",\n'
            '    last_name="Ops",\n'
            '    password=config.require_secret("opsPassword"),\n'
            ")"
        ),
        notes=(
            "The password is always stored as a Pulumi secret (even when given as plain text) and never "
            "appears in the outputs; a password changed in the Orchestrator is detected through "
            "passwordModified and reset by `up`.",
            "A new username or enterprise replaces the user (deleted first: usernames are unique).",
        ),
    )
)


class EnterpriseUserProvider(EnterpriseObjectProvider):
    spec = SPEC

    # -- check and diff --------------------------------------------------------------

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        """As the base check, but a failure about the password never shows its value."""
        result = super().check(olds, news)
        failures = []
        for failure in result.failures or []:
            if failure.property == "password":
                reason = failure.reason.split(" is invalid: ", 1)[-1]
                failure = CheckFailure("password", f"EnterpriseUser field password is invalid: {reason}")
            failures.append(failure)
        return CheckResult(result.inputs, failures)

    def args(self, props: Mapping[str, Any]) -> EnterpriseUserArgs:
        try:
            parsed: EnterpriseUserArgs = super().args(props)
        except ValidationError as exc:  # its text would show the input values, the password among them
            fields = ", ".join(sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]}))
            raise VcoResourceError(f"EnterpriseUser: invalid inputs: {fields}") from None
        return parsed

    def normalise(self, field: str, value: Any) -> Any:
        if field in ("role", "username", "email") and isinstance(value, str):
            return value.casefold()
        return super().normalise(field, value)

    def changed_fields(self, olds: Mapping[str, Any], news: Mapping[str, Any]) -> list[str]:
        changed = [f for f in super().changed_fields(olds, news) if f != "password"]
        password = news.get("password")
        if isinstance(password, SecretStr):
            password = password.get_secret_value()
        if is_unknown(password) or not secret_fingerprint.matches(password, olds.get("password_fingerprint")):
            changed.append("password")
        return changed

    # -- lifecycle -------------------------------------------------------------------

    def create(self, props: dict[str, Any]) -> CreateResult:
        args = self.args(props)
        label = f'EnterpriseUser "{args.username}"'
        vco = connect()
        client = vco.client
        with vco_errors(label):
            enterprise = vco.ids.enterprise(args.enterprise_id)
            folded = args.username.casefold()
            existing = next(
                (u for u in client.v1.get_enterprise_users(enterprise) if u.username.casefold() == folded),
                None,
            )
            if existing is not None and not args.adopt:
                raise VcoResourceError(
                    f"{label}: the enterprise already has this user (id {existing.id}) that this stack does "
                    "not manage; set adopt=True to manage it"
                )
            if existing is None:
                role_id = _role(vco, enterprise, args.role, label)
                body: dict[str, Any] = {
                    "username": args.username,
                    "password": args.password.get_secret_value(),
                    "roleId": role_id,
                }
                for field, key in (
                    ("first_name", "firstName"),
                    ("last_name", "lastName"),
                    ("email", "email"),
                ):
                    if getattr(args, field) is not None:
                        body[key] = getattr(args, field)
                user_id = client.v1.insert_enterprise_user(enterprise, body)
                current = client.v1.get_enterprise_user(enterprise, user_id)
                outs = _outputs(
                    args.enterprise_id, enterprise, current, secret_fingerprint.fingerprint(args.password)
                )
            else:
                olds = _outputs(args.enterprise_id, enterprise, existing, None)  # the password is unknown
                outs = self._apply(vco, olds, args, label) or olds
        return CreateResult(str(outs["vco_id"]), outs)

    def _apply(
        self, vco: Connection, olds: dict[str, Any], args: EnterpriseUserArgs, label: str
    ) -> dict[str, Any] | None:
        """One update with the changed fields; the new outputs, or None if nothing changed."""
        news = args.model_dump(exclude={"adopt"})
        changed = [f for f in self.changed_fields(olds, news) if f not in self.spec.replace_on_change]
        if not changed:
            return None
        update: dict[str, Any] = {}
        for field, key in (("first_name", "firstName"), ("last_name", "lastName"), ("email", "email")):
            if field in changed:
                update[key] = news.get(field)
        if "role" in changed:
            update["roleId"] = _role(vco, vco_id(olds["enterprise_vco_id"]), args.role, label)
        fingerprint = olds.get("password_fingerprint")
        if "password" in changed:
            update["password"] = args.password.get_secret_value()
            fingerprint = secret_fingerprint.fingerprint(args.password)
        enterprise, user = vco_id(olds["enterprise_vco_id"]), vco_id(olds["vco_id"])
        vco.client.v1.update_enterprise_user(enterprise, user, update)
        current = vco.client.v1.get_enterprise_user(enterprise, user)
        return _outputs(logical_id(olds["enterprise_id"]), enterprise, current, fingerprint)

    def fetch(self, vco: Connection, enterprise: VcoId, numeric: VcoId) -> EnterpriseUserV1:
        return vco.client.v1.get_enterprise_user(enterprise, numeric)

    def read_outputs(
        self, vco: Connection, state: Mapping[str, Any], enterprise: VcoId, current: EnterpriseUserV1
    ) -> dict[str, Any]:
        fingerprint = state.get("password_fingerprint")
        known = state.get("password_modified")
        if known is not None and current.password_modified is not None and current.password_modified != known:
            fingerprint = None  # changed outside this stack: `up` sets the declared password again
        return _outputs(logical_id(state["enterprise_id"]), enterprise, current, fingerprint)

    def apply(self, vco: Connection, olds: dict[str, Any], news: dict[str, Any]) -> dict[str, Any] | None:
        return self._apply(vco, olds, self.args(news), self.label_for(news))

    def remove(self, client: VcoClient, enterprise: VcoId, numeric: VcoId) -> None:
        client.v1.delete_enterprise_user(enterprise, numeric)


class EnterpriseUser(VcoResource[EnterpriseUserArgs], provider=EnterpriseUserProvider):
    """A user of an enterprise. `password` is always kept as a Pulumi secret and never output."""

    vco_id: pulumi.Output[int]
    username: pulumi.Output[str]
    role: pulumi.Output[str]
    role_id: pulumi.Output[int]
    password_modified: pulumi.Output[str | None]


def _role(vco: Connection, enterprise: VcoId, name: str, label: str) -> VcoId:
    """The id of the enterprise role with this name (any case): a system role, else a custom role
    of the enterprise (asked afresh: custom roles come and go)."""
    try:
        return vco.ids.role(name).id
    except UnknownName as exc:
        custom = vco.client.v1.get_composite_roles(enterprise)
        match = next((r for r in custom if r.name.casefold() == name.casefold()), None)
        if match is not None:
            return match.id
        allowed = ", ".join(repr(n) for n in [*exc.known, *(r.name for r in custom)])
        raise VcoResourceError(f"{label}: field role: {exc}; allowed: {allowed}") from None


def _outputs(
    enterprise_id: LogicalId, enterprise_vco_id: VcoId, current: EnterpriseUserV1, fingerprint: str | None
) -> dict[str, Any]:
    return {
        "vco_id": current.id,
        "enterprise_id": enterprise_id,
        "enterprise_vco_id": enterprise_vco_id,
        "username": current.username,
        "role": current.role_name,
        "role_id": current.role_id,
        "first_name": current.first_name,
        "last_name": current.last_name,
        "email": current.email,
        "is_active": current.is_active,
        "password_modified": current.password_modified,
        "password_fingerprint": fingerprint,
    }
