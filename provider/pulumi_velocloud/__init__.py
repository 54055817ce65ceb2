"""Pulumi resources for VMware SASE / VeloCloud SD-WAN Orchestrators (VCO).

    import pulumi_velocloud as velocloud
    acme = velocloud.Enterprise("acme", name="ACME Corp", description="Managed by Pulumi")

Connection settings come from stack config `velocloud:url` / `velocloud:token` (or the
environment variables `VCO_URL` / `VCO_API_TOKEN`); see `pulumi_velocloud.settings`.
"""

from .lookups import (
    EdgeInfo,
    EnterpriseInfo,
    ObjectGroupInfo,
    ProfileInfo,
    SegmentInfo,
    get_edge,
    get_edge_output,
    get_enterprise,
    get_enterprise_output,
    get_object_group,
    get_object_group_output,
    get_profile,
    get_profile_output,
    get_segment,
    get_segment_output,
    list_edges,
    list_edges_output,
)
from .mechanisms.device_settings_inputs import (
    DhcpArgs,
    DnsArgs,
    LanNetworkArgs,
    LocalDnsArgs,
    NtpArgs,
    RoutedInterfaceArgs,
    SegmentSettingsArgs,
    SnmpArgs,
    SnmpV3UserArgs,
    SoftwareUpdateArgs,
    StaticRouteArgs,
)
from .resources.address_group import AddressArgs, AddressGroup, AddressGroupArgs
from .resources.api_token import EnterpriseApiToken, EnterpriseApiTokenArgs
from .resources.business_policy_rule import (
    BusinessPolicyActionArgs,
    BusinessPolicyMatchArgs,
    BusinessPolicyRule,
    BusinessPolicyRuleArgs,
)
from .resources.edge import Edge, EdgeArgs, SiteArgs
from .resources.edge_device_settings import EdgeDeviceSettings, EdgeDeviceSettingsArgs
from .resources.edge_wan_link import EdgeWanLink, EdgeWanLinkArgs
from .resources.enterprise import Enterprise, EnterpriseArgs
from .resources.firewall_rule import FirewallMatchArgs, FirewallRule, FirewallRuleArgs
from .resources.firewall_settings import FirewallSettings, FirewallSettingsArgs
from .resources.non_sdwan_destination import IkeArgs, IpsecArgs, NonSdwanDestination, NonSdwanDestinationArgs
from .resources.one_to_one_nat_rule import OneToOneNatRule, OneToOneNatRuleArgs
from .resources.port_forwarding_rule import PortForwardingRule, PortForwardingRuleArgs
from .resources.port_group import IcmpArgs, PortArgs, PortGroup, PortGroupArgs
from .resources.profile import Profile, ProfileArgs
from .resources.profile_device_settings import ProfileDeviceSettings, ProfileDeviceSettingsArgs
from .resources.segment import NetworkSegment, NetworkSegmentArgs
from .resources.user import EnterpriseUser, EnterpriseUserArgs
from .settings import Settings, SettingsError, resolve_settings
from .version import __version__

__all__ = [
    "AddressArgs",
    "AddressGroup",
    "AddressGroupArgs",
    "BusinessPolicyActionArgs",
    "BusinessPolicyMatchArgs",
    "BusinessPolicyRule",
    "BusinessPolicyRuleArgs",
    "DhcpArgs",
    "DnsArgs",
    "Edge",
    "EdgeArgs",
    "EdgeDeviceSettings",
    "EdgeDeviceSettingsArgs",
    "EdgeInfo",
    "EdgeWanLink",
    "EdgeWanLinkArgs",
    "Enterprise",
    "EnterpriseApiToken",
    "EnterpriseApiTokenArgs",
    "EnterpriseArgs",
    "EnterpriseInfo",
    "EnterpriseUser",
    "EnterpriseUserArgs",
    "FirewallMatchArgs",
    "FirewallRule",
    "FirewallRuleArgs",
    "FirewallSettings",
    "FirewallSettingsArgs",
    "IcmpArgs",
    "IkeArgs",
    "IpsecArgs",
    "LanNetworkArgs",
    "LocalDnsArgs",
    "NetworkSegment",
    "NetworkSegmentArgs",
    "NonSdwanDestination",
    "NonSdwanDestinationArgs",
    "NtpArgs",
    "ObjectGroupInfo",
    "OneToOneNatRule",
    "OneToOneNatRuleArgs",
    "PortArgs",
    "PortForwardingRule",
    "PortForwardingRuleArgs",
    "PortGroup",
    "PortGroupArgs",
    "Profile",
    "ProfileArgs",
    "ProfileDeviceSettings",
    "ProfileDeviceSettingsArgs",
    "ProfileInfo",
    "RoutedInterfaceArgs",
    "SegmentInfo",
    "SegmentSettingsArgs",
    "Settings",
    "SettingsError",
    "SiteArgs",
    "SnmpArgs",
    "SnmpV3UserArgs",
    "SoftwareUpdateArgs",
    "StaticRouteArgs",
    "__version__",
    "get_edge",
    "get_edge_output",
    "get_enterprise",
    "get_enterprise_output",
    "get_object_group",
    "get_object_group_output",
    "get_profile",
    "get_profile_output",
    "get_segment",
    "get_segment_output",
    "list_edges",
    "list_edges_output",
    "resolve_settings",
]
