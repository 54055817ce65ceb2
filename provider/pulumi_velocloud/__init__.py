"""Pulumi resources for VMware SASE / VeloCloud SD-WAN Orchestrators (VCO).

    import pulumi_velocloud as velocloud
    acme = velocloud.Enterprise("acme", name="ACME Corp", description="Managed by Pulumi")

Connection settings come from stack config `velocloud:url` / `velocloud:token` (or the
environment variables `VCO_URL` / `VCO_API_TOKEN`); see `pulumi_velocloud.settings`.
"""

__version__ = "0.1.0"

from .lookups import EdgeInfo, EnterpriseInfo, ProfileInfo, get_edge, get_enterprise, get_profile, list_edges
from .resources.business_policy_rule import (
    BusinessPolicyActionArgs,
    BusinessPolicyMatchArgs,
    BusinessPolicyRule,
    BusinessPolicyRuleArgs,
)
from .resources.edge import Edge, EdgeArgs, SiteArgs
from .resources.enterprise import Enterprise, EnterpriseArgs
from .resources.firewall_rule import FirewallMatchArgs, FirewallRule, FirewallRuleArgs
from .resources.firewall_settings import FirewallSettings, FirewallSettingsArgs
from .resources.profile import Profile, ProfileArgs
from .settings import Settings, SettingsError, resolve_settings

__all__ = [
    "BusinessPolicyActionArgs",
    "BusinessPolicyMatchArgs",
    "BusinessPolicyRule",
    "BusinessPolicyRuleArgs",
    "Edge",
    "EdgeArgs",
    "EdgeInfo",
    "Enterprise",
    "EnterpriseArgs",
    "EnterpriseInfo",
    "FirewallMatchArgs",
    "FirewallRule",
    "FirewallRuleArgs",
    "FirewallSettings",
    "FirewallSettingsArgs",
    "Profile",
    "ProfileArgs",
    "ProfileInfo",
    "Settings",
    "SettingsError",
    "SiteArgs",
    "__version__",
    "get_edge",
    "get_enterprise",
    "get_profile",
    "list_edges",
    "resolve_settings",
]
