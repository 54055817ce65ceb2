"""The emulator's application map content: application classes and applications (DPI catalogue).

A real Orchestrator ships an application map of several thousand applications in a few dozen
classes; the emulator seeds a small, realistic subset so that clients can look applications up
by name and rules can match them. What is known (docs/evidence.md section 13): a catalogue entry
has a numeric `id`, a `name`, a `displayName`, a numeric `class`, a `description` and IP/port
mappings; clients look applications up by `displayName` (or `name`) to get the `id` a rule's
`match.appid` holds. What is NOT known: the real ids, names and class numbers. The ones below
are invented (class names follow the categories the Orchestrator's UI shows), so a client must
resolve names live and never hard-code a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Class ids are the positions in this list: v1 answers the class names as an array indexed by id.
APPLICATION_CLASSES: dict[int, str] = {
    0: "Unknown",
    1: "Business Collaboration",
    2: "Cloud Storage",
    3: "Email",
    4: "File Sharing",
    5: "Gaming",
    6: "Infrastructure",
    7: "Instant Messaging",
    8: "Network Service",
    9: "Peer to Peer",
    10: "Social Networking",
    11: "Streaming Media",
    12: "VoIP/Video",
    13: "Web",
    14: "Remote Access",
    15: "Database",
    16: "Business Applications",
}


@dataclass(frozen=True)
class CatalogueEntry:
    """One application of the map: what v1 `application` and v2 `ApplicationResource` show."""

    id: int
    name: str
    display_name: str
    app_class: int
    description: str
    tcp_ports: tuple[int, ...] = ()
    udp_ports: tuple[int, ...] = ()
    subnets: tuple[str, ...] = field(default=())  # known addresses: "first packet routable"


def _app(
    id: int,
    name: str,
    display: str,
    cls: int,
    description: str,
    tcp: tuple[int, ...] = (),
    udp: tuple[int, ...] = (),
    subnets: tuple[str, ...] = (),
) -> CatalogueEntry:
    return CatalogueEntry(id, name, display, cls, description, tcp, udp, subnets)


CATALOGUE: tuple[CatalogueEntry, ...] = (
    _app(
        4,
        "MS_OFFICE365",
        "Microsoft Office 365",
        16,
        "Microsoft's office suite as a service",
        (443,),
        subnets=("13.107.6.152/31", "13.107.18.10/31"),
    ),
    _app(
        8,
        "SALESFORCE",
        "Salesforce",
        16,
        "Customer relationship management service",
        (443,),
        subnets=("13.108.0.0/14",),
    ),
    _app(12, "SAP", "SAP", 16, "SAP enterprise applications", (3200, 3300)),
    _app(15, "SERVICENOW", "ServiceNow", 16, "IT service management", (443,)),
    _app(
        21,
        "MS_TEAMS",
        "Microsoft Teams",
        1,
        "Chat, meetings and calls",
        (443,),
        (3478, 3479, 3480, 3481),
        ("52.112.0.0/14",),
    ),
    _app(24, "WEBEX", "Cisco Webex", 1, "Online meetings", (443,), (9000,), ("170.72.0.0/16",)),
    _app(27, "ZOOM", "Zoom", 1, "Video meetings", (443, 8801), (8801, 8802), ("170.114.0.0/16",)),
    _app(30, "SLACK", "Slack", 7, "Team messaging", (443,)),
    _app(33, "WHATSAPP", "WhatsApp", 7, "Messaging and calls", (443, 5222)),
    _app(40, "DROPBOX", "Dropbox", 2, "File hosting", (443,)),
    _app(43, "BOX", "Box", 2, "Cloud content management", (443,)),
    _app(46, "GOOGLE_DRIVE", "Google Drive", 2, "File storage and synchronisation", (443,)),
    _app(49, "ONEDRIVE", "Microsoft OneDrive", 2, "File hosting", (443,)),
    _app(52, "GMAIL", "Gmail", 3, "Web mail", (443,)),
    _app(55, "IMAP", "IMAP", 3, "Internet Message Access Protocol", (143, 993)),
    _app(58, "SMTP", "SMTP", 3, "Simple Mail Transfer Protocol", (25, 465, 587)),
    _app(61, "POP3", "POP3", 3, "Post Office Protocol", (110, 995)),
    _app(64, "FTP", "FTP", 4, "File Transfer Protocol", (20, 21)),
    _app(67, "SMB", "SMB", 4, "Windows file sharing", (139, 445)),
    _app(70, "NFS", "NFS", 4, "Network File System", (2049,), (2049,)),
    _app(73, "BITTORRENT", "BitTorrent", 9, "Peer-to-peer file distribution", (6881, 6889), (6881,)),
    _app(76, "EMULE", "eMule", 9, "Peer-to-peer file sharing", (4662,), (4672,)),
    _app(80, "STEAM", "Steam", 5, "Game distribution", (27015,), (27015,)),
    _app(83, "XBOX_LIVE", "Xbox Live", 5, "Online gaming", (3074,), (3074,)),
    _app(90, "DNS", "DNS", 8, "Domain Name System", (53,), (53,)),
    _app(92, "DHCP", "DHCP", 8, "Dynamic Host Configuration Protocol", (), (67, 68)),
    _app(94, "NTP", "NTP", 8, "Network Time Protocol", (), (123,)),
    _app(96, "SNMP", "SNMP", 6, "Simple Network Management Protocol", (), (161, 162)),
    _app(98, "SYSLOG", "Syslog", 6, "System logging", (), (514,)),
    _app(100, "LDAP", "LDAP", 6, "Lightweight Directory Access Protocol", (389, 636)),
    _app(102, "KERBEROS", "Kerberos", 6, "Network authentication", (88,), (88,)),
    _app(104, "ICMP", "ICMP", 8, "Internet Control Message Protocol"),
    _app(110, "FACEBOOK", "Facebook", 10, "Social network", (443,)),
    _app(113, "LINKEDIN", "LinkedIn", 10, "Professional social network", (443,)),
    _app(116, "TWITTER", "X (Twitter)", 10, "Microblogging", (443,)),
    _app(119, "INSTAGRAM", "Instagram", 10, "Photo and video sharing", (443,)),
    _app(130, "YOUTUBE", "YouTube", 11, "Video sharing", (443,), (443,)),
    _app(133, "NETFLIX", "Netflix", 11, "Video streaming", (443,)),
    _app(136, "SPOTIFY", "Spotify", 11, "Music streaming", (443, 4070)),
    _app(139, "RTSP", "RTSP", 11, "Real Time Streaming Protocol", (554,), (554,)),
    _app(150, "SIP", "SIP", 12, "Session Initiation Protocol", (5060, 5061), (5060,)),
    _app(153, "RTP", "RTP", 12, "Real-time Transport Protocol", (), (16384, 32767)),
    _app(156, "SKYPE", "Skype", 12, "Voice and video calls", (443,), (3478,)),
    _app(170, "HTTP", "HTTP", 13, "Hypertext Transfer Protocol", (80, 8080)),
    _app(172, "HTTPS", "HTTPS", 13, "HTTP over TLS", (443,)),
    _app(174, "QUIC", "QUIC", 13, "QUIC transport", (), (443,)),
    _app(180, "SSH", "SSH", 14, "Secure Shell", (22,)),
    _app(183, "RDP", "Remote Desktop Protocol", 14, "Microsoft remote desktop", (3389,), (3389,)),
    _app(186, "TELNET", "Telnet", 14, "Remote terminal", (23,)),
    _app(189, "CITRIX", "Citrix", 14, "Citrix virtual apps and desktops", (1494, 2598)),
    _app(200, "MSSQL", "Microsoft SQL Server", 15, "SQL Server database", (1433,), (1434,)),
    _app(203, "MYSQL", "MySQL", 15, "MySQL database", (3306,)),
    _app(206, "ORACLE_DB", "Oracle Database", 15, "Oracle TNS listener", (1521,)),
    _app(209, "POSTGRESQL", "PostgreSQL", 15, "PostgreSQL database", (5432,)),
)

MAP_NAME = "VMware SD-WAN Application Map"
MAP_VERSION = "4.5.0"


def map_document() -> dict[str, Any]:
    """The stored fields of the seeded map (its content is `CATALOGUE`)."""
    return {
        "type": "APPLICATION_MAP",
        "description": "Default application map of the emulated Orchestrator",
        "version": MAP_VERSION,
        "manifest": {"name": MAP_NAME, "description": "DPI application catalogue", "version": MAP_VERSION},
        "fileName": "appmap.json",
        "uploadDetails": {"size": len(CATALOGUE) * 512},
        "contentRefreshed": None,
    }


def application_object(entry: CatalogueEntry) -> dict[str, Any]:
    """An application as the v1 spec's `application` (v2 `ApplicationResource` reuses its fields)."""
    return {
        "id": entry.id,
        "name": entry.name,
        "displayName": entry.display_name,
        "class": entry.app_class,
        "description": entry.description,
        "knownIpPortMapping": {
            "subnets": list(entry.subnets),
            "tcpPorts": list(entry.tcp_ports) if entry.subnets else [],
            "udpPorts": list(entry.udp_ports) if entry.subnets else [],
        },
        "protocolPortMapping": {"tcpPorts": list(entry.tcp_ports), "udpPorts": list(entry.udp_ports)},
    }
