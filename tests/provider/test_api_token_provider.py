"""EnterpriseApiToken provider, called in-process against the emulator server: the value works,
is shown once, and a token revoked by hand reads as gone."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import SecretStr

from pulumi_velocloud.client import VcoClient
from pulumi_velocloud.client.errors import Unauthorized
from pulumi_velocloud.mechanisms.errors import VcoResourceError
from pulumi_velocloud.resources.api_token import EnterpriseApiTokenProvider
from pulumi_velocloud.resources.user import EnterpriseUserProvider
from pulumi_velocloud.settings import Settings
from vco_emulator.process import EmulatorProcess


@pytest.fixture
def user(enterprise: dict[str, Any]) -> dict[str, Any]:
    created = EnterpriseUserProvider().create(
        {
            "enterprise_id": enterprise["logical_id"],
            "username": "automation@acme.example",
            "role": "Enterprise Standard Admin",
            "password": "correct horse battery",
        }
    )
    assert created.outs is not None
    return {"id": created.id, **created.outs}


def works(vco: EmulatorProcess, token: str, enterprise_vco_id: int) -> bool:
    client = VcoClient(Settings(url=vco.url, token=SecretStr(token), max_attempts=1))
    try:
        client.v1.get_enterprise(enterprise_vco_id)
        return True
    except Unauthorized:
        return False
    finally:
        client.session.close()


def test_token_lifecycle(
    enterprise: dict[str, Any], user: dict[str, Any], client: VcoClient, vco: EmulatorProcess
) -> None:
    p = EnterpriseApiTokenProvider()
    news = {
        "enterprise_id": enterprise["logical_id"],
        "user_id": user["id"],
        "name": "ci",
        "lifetime_days": 30,
    }
    created = p.create(news)
    outs = created.outs
    assert outs is not None and created.id == outs["token_uuid"]
    assert outs["state"] == "ENABLED" and outs["user_id"] == user["vco_id"] and outs["expiration"]
    assert works(vco, outs["token"], enterprise["vco_id"])
    assert p.diff(created.id, outs, news).changes is False
    read = p.read(created.id, outs)
    assert read.outs == outs, "refresh keeps the value it can never read again"

    changed = {**news, "lifetime_days": 60}
    assert p.diff(created.id, outs, changed).replaces == ["lifetime_days"]

    # revoked by hand: gone, so `up` makes a new one
    client.v1.revoke_api_token(outs["enterprise_vco_id"], outs["vco_id"])
    assert p.read(created.id, outs).id is None
    assert not works(vco, outs["token"], enterprise["vco_id"])

    again = p.create(news)
    assert again.outs is not None and again.outs["token"] != outs["token"]
    p.delete(again.id, again.outs)
    assert not works(vco, again.outs["token"], enterprise["vco_id"])
    assert p.read(again.id, again.outs).id is None
    p.delete(again.id, again.outs)  # revoked already: success


def test_token_cannot_be_adopted_and_errors_name_it(enterprise: dict[str, Any], user: dict[str, Any]) -> None:
    p = EnterpriseApiTokenProvider()
    news = {"enterprise_id": enterprise["logical_id"], "user_id": user["id"], "name": "ci", "adopt": True}
    with pytest.raises(
        VcoResourceError, match=r'EnterpriseApiToken "ci": an existing API token cannot be adopted'
    ):
        p.create(news)
    failures = p.check({}, {**news, "adopt": False, "lifetime_days": 0, "user_id": "x"}).failures
    reasons = " | ".join(f.reason for f in failures)
    assert "lifetime_days = 0" in reasons and "user_id = 'x'" in reasons
