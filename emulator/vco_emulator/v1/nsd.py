"""v1 non-SD-WAN destination (NSD) helpers: enterprise/getEnterpriseUseNSDPolicy,
setEnterpriseUseNSDPolicy, getNSDConfiguration, generateNsdViaEdgeServiceConfiguration.

- the NSD policy flag is an enterprise property (`domain/enterprise_properties.py`; its name
  is a guess), answered as the spec's `enterprise_property`;
- getNSDConfiguration (the spec's summary: "update NSD BGP configuration") takes a destination's
  `id` and an optional `_update.data` (the BGP settings, merged into the destination document's
  `bgp`) and answers the spec's `upstream_api_response` with the destination's `bgp` as JSON text
  (the content of `responseData` is a guess: the spec says only "string");
- generateNsdViaEdgeServiceConfiguration answers a default `nvs_from_edge_service_provider_data`
  for a provider: the defaults a sample run against a real VCO writes (docs/evidence.md
  section 9); Zscaler is a cloud security service (`CSS`), the others data centres, IKEv1
  routers speak IKE protocol version 1.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import Field

from ..domain import enterprise_properties, enterprise_services, enterprises
from ..domain.auth import Principal
from ..domain.errors import FieldError, InvalidRequest
from ..domain.validation import StrictModel, parse
from ..store import Tx
from .enterprise_switches import property_answer, set_flag
from .rpc import method

Provider = Literal["genericIKEv2Router", "genericIKEv1Router", "microsoftAzureVirtualWan", "Zscaler"]


class _NsdUpdate(StrictModel):
    data: dict[str, Any] | None = None


class _NsdConfiguration(StrictModel):
    enterpriseId: int | None = None
    id: int
    update: _NsdUpdate | None = Field(None, alias="_update")


class _Generate(StrictModel):
    enterpriseId: int | None = None
    provider: Provider


_POLICY = "enterprise/getEnterpriseUseNSDPolicy", "enterprise/setEnterpriseUseNSDPolicy"


@method(_POLICY[0])
def get_use_nsd_policy(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return property_answer(tx, principal, params, enterprise_properties.USE_NSD_POLICY, _POLICY[0])


@method(_POLICY[1])
def set_use_nsd_policy(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    return set_flag(tx, principal, params, enterprise_properties.USE_NSD_POLICY, _POLICY[1])


@method("enterprise/getNSDConfiguration")
def get_nsd_configuration(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_NsdConfiguration, params, what="enterprise/getNSDConfiguration params")
    service = enterprise_services.find_service(tx, principal, req.enterpriseId, id=req.id)
    if service is None:
        raise InvalidRequest(
            f"non-SD-WAN destination {req.id} not found in this enterprise", [FieldError("id", "not found")]
        )
    document = dict(service.data.get("data") or {})
    if req.update is not None and req.update.data is not None:
        bgp = {**(document.get("bgp") or {}), **req.update.data}
        service = enterprise_services.update_service(
            tx, principal, service, {"data": {**document, "bgp": bgp}}
        )
        document = dict(service.data.get("data") or {})
    return {
        "statusCode": 200,
        "contentType": "application/json",
        "responseData": json.dumps(document.get("bgp") or {"enabled": False}),
    }


@method("enterprise/generateNsdViaEdgeServiceConfiguration")
def generate_nsd_via_edge(tx: Tx, principal: Principal, params: dict[str, Any]) -> dict[str, Any]:
    req = parse(_Generate, params, what="enterprise/generateNsdViaEdgeServiceConfiguration params")
    enterprises.get_enterprise(tx, principal, id=req.enterpriseId)
    return default_nvs_document(req.provider)


def default_nvs_document(provider: str) -> dict[str, Any]:
    """A new destination via edges for `provider`, with the defaults real writers use."""
    ikev1 = provider == "genericIKEv1Router"

    def server() -> dict[str, Any]:
        return {
            "nvsPublicIp": "",
            "localLinkIp": "",
            "peerLinkIp": "",
            "IKEPROP": {
                "encryptionAlgorithm": "Any",
                "authenticationAlgorithm": "SHA_256",
                "authenticationMethod": "PSK",
                "DHGroup": 14,
                "PFS": 0,
                "lifeTimeSeconds": 86400,
                "dpdTimeoutSeconds": 20,
                "protocolVersion": 1 if ikev1 else 2,
            },
            "IPSECPROP": {
                "encryptionAlgorithm": "AES_256_CBC",
                "authenticationAlgorithm": "SHA_256",
                "lifeTimeSeconds": 28800,
                "ipsecTunnelType": "ROUTE",
                "protocol": "ESP_AUTH",
            },
        }

    return {
        "enabled": True,
        "provider": provider,
        "type": provider,
        "tunnelMode": "ACTIVE_HOT_STANDBY",
        "providerCategory": "CSS" if provider == "Zscaler" else "DATACENTER",
        "tunnelingProtocol": "IPSEC",
        "sharedIkeAuth": False,
        "automateDeployment": False,
        "primaryServer": server(),
        "keepBackupServerConnected": False,
        "peerSubnets": {"alwaysReachable": False, "subnets": []},
        "sourceSubnets": {"subnets": []},
        "bgp": {"enabled": False},
    }
