"""Pulumi resources for VMware SASE / VeloCloud SD-WAN Orchestrators (VCO).

    import pulumi_velocloud as velocloud
    acme = velocloud.Enterprise("acme", name="ACME Corp", description="Managed by Pulumi")

Connection settings come from stack config `velocloud:url` / `velocloud:token` (or the
environment variables `VCO_URL` / `VCO_API_TOKEN`); see `pulumi_velocloud.settings`.
"""

from .lookups import (
    ApplicationInfo,
    EdgeInfo,
    EnterpriseInfo,
    GatewayInfo,
    ObjectGroupInfo,
    ProfileInfo,
    SegmentInfo,
    get_application,
    get_application_output,
    get_edge,
    get_edge_output,
    get_enterprise,
    get_enterprise_output,
    get_gateway,
    get_gateway_output,
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
    CellularArgs,
    DhcpArgs,
    DnsArgs,
    LanNetworkArgs,
    LanPortArgs,
    LocalDnsArgs,
    NtpArgs,
    RoutedInterfaceArgs,
    SegmentSettingsArgs,
    SnmpArgs,
    SnmpV3UserArgs,
    SoftwareUpdateArgs,
    StaticRouteArgs,
)
from .mechanisms.device_settings_routing_inputs import (
    BfdArgs,
    BfdPeerArgs,
    BgpArgs,
    BgpFilterArgs,
    BgpFilterRuleArgs,
    BgpNeighborArgs,
    CloudVpnArgs,
    InterfaceOspfArgs,
    OspfAreaArgs,
    OspfArgs,
    VpnHubArgs,
)
from .resources.address_group import AddressArgs, AddressGroup, AddressGroupArgs
from .resources.alert_configuration import (
    AlertArgs,
    AlertConfiguration,
    AlertConfigurationArgs,
    SmsRecipientArgs,
    WebhookArgs,
)
from .resources.api_token import EnterpriseApiToken, EnterpriseApiTokenArgs
from .resources.business_policy_rule import (
    BusinessPolicyActionArgs,
    BusinessPolicyMatchArgs,
    BusinessPolicyRule,
    BusinessPolicyRuleArgs,
)
from .resources.custom_role import CustomRole, CustomRoleArgs
from .resources.edge import Edge, EdgeArgs, SiteArgs
from .resources.edge_device_settings import EdgeDeviceSettings, EdgeDeviceSettingsArgs
from .resources.edge_reactivation import EdgeReactivation, EdgeReactivationArgs
from .resources.edge_software_image import EdgeSoftwareImage, EdgeSoftwareImageArgs
from .resources.edge_wan_link import EdgeWanLink, EdgeWanLinkArgs
from .resources.enterprise import Enterprise, EnterpriseArgs
from .resources.enterprise_delegation import EnterpriseDelegation, EnterpriseDelegationArgs
from .resources.firewall_rule import FirewallMatchArgs, FirewallRule, FirewallRuleArgs
from .resources.firewall_settings import FirewallSettings, FirewallSettingsArgs
from .resources.hub_cluster import HubCluster, HubClusterArgs
from .resources.non_sdwan_destination import IkeArgs, IpsecArgs, NonSdwanDestination, NonSdwanDestinationArgs
from .resources.one_to_one_nat_rule import OneToOneNatRule, OneToOneNatRuleArgs
from .resources.overlay_flow_control import (
    AdvertiseArgs,
    OverlayFlowControl,
    OverlayFlowControlArgs,
    PartnerGatewayArgs,
    PreferenceArgs,
)
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
    "AdvertiseArgs",
    "AlertArgs",
    "AlertConfiguration",
    "AlertConfigurationArgs",
    "ApplicationInfo",
    "BfdArgs",
    "BfdPeerArgs",
    "BgpArgs",
    "BgpFilterArgs",
    "BgpFilterRuleArgs",
    "BgpNeighborArgs",
    "BusinessPolicyActionArgs",
    "BusinessPolicyMatchArgs",
    "BusinessPolicyRule",
    "BusinessPolicyRuleArgs",
    "CellularArgs",
    "CloudVpnArgs",
    "CustomRole",
    "CustomRoleArgs",
    "DhcpArgs",
    "DnsArgs",
    "Edge",
    "EdgeArgs",
    "EdgeDeviceSettings",
    "EdgeDeviceSettingsArgs",
    "EdgeInfo",
    "EdgeReactivation",
    "EdgeReactivationArgs",
    "EdgeSoftwareImage",
    "EdgeSoftwareImageArgs",
    "EdgeWanLink",
    "EdgeWanLinkArgs",
    "Enterprise",
    "EnterpriseApiToken",
    "EnterpriseApiTokenArgs",
    "EnterpriseArgs",
    "EnterpriseDelegation",
    "EnterpriseDelegationArgs",
    "EnterpriseInfo",
    "EnterpriseUser",
    "EnterpriseUserArgs",
    "FirewallMatchArgs",
    "FirewallRule",
    "FirewallRuleArgs",
    "FirewallSettings",
    "FirewallSettingsArgs",
    "GatewayInfo",
    "HubCluster",
    "HubClusterArgs",
    "IcmpArgs",
    "IkeArgs",
    "InterfaceOspfArgs",
    "IpsecArgs",
    "LanNetworkArgs",
    "LanPortArgs",
    "LocalDnsArgs",
    "NetworkSegment",
    "NetworkSegmentArgs",
    "NonSdwanDestination",
    "NonSdwanDestinationArgs",
    "NtpArgs",
    "ObjectGroupInfo",
    "OneToOneNatRule",
    "OneToOneNatRuleArgs",
    "OspfAreaArgs",
    "OspfArgs",
    "OverlayFlowControl",
    "OverlayFlowControlArgs",
    "PartnerGatewayArgs",
    "PortArgs",
    "PortForwardingRule",
    "PortForwardingRuleArgs",
    "PortGroup",
    "PortGroupArgs",
    "PreferenceArgs",
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
    "SmsRecipientArgs",
    "SnmpArgs",
    "SnmpV3UserArgs",
    "SoftwareUpdateArgs",
    "StaticRouteArgs",
    "VpnHubArgs",
    "WebhookArgs",
    "__version__",
    "get_application",
    "get_application_output",
    "get_edge",
    "get_edge_output",
    "get_enterprise",
    "get_enterprise_output",
    "get_gateway",
    "get_gateway_output",
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
