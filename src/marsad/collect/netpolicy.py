"""Which addresses the fetcher may reach: public unicast only, unless allow-listed.

Rules over :mod:`ipaddress`, plus the one name lookup (``getaddrinfo``). Nothing here
connects: the fetcher then connects to the very address checked here (see
:mod:`marsad.collect.fetch`).
"""

from __future__ import annotations

import ipaddress
import socket

from marsad.core.errors import BlockedAddress, FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
CGNAT = ipaddress.ip_network("100.64.0.0/10")


def _embedded_v4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip.teredo is not None:
            return ip.teredo[1]
    return None


def is_public(ip: IPAddress) -> bool:
    """True when ``ip`` is a globally routable unicast address."""
    inner = _embedded_v4(ip)
    if inner is not None and not is_public(inner):
        return False
    if isinstance(ip, ipaddress.IPv4Address) and ip in CGNAT:
        return False
    return ip.is_global and not (
        ip.is_multicast
        or ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_unspecified
    )


class AddressPolicy:
    """Decides which hosts and addresses the fetcher may reach."""

    def __init__(self, allow: tuple[str, ...]) -> None:
        self.hosts: set[str] = set()
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for entry in allow:
            try:
                self.networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                self.hosts.add(entry.lower().rstrip("."))

    def host_allowed(self, host: str) -> bool:
        return host.lower().rstrip(".") in self.hosts

    def ip_allowed(self, ip: IPAddress) -> bool:
        return is_public(ip) or any(ip in net for net in self.networks if net.version == ip.version)

    def resolve(self, host: str, port: int) -> IPAddress:
        """Resolve ``host`` and return the address to pin, or raise BlockedAddress."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(f"cannot resolve host {host[:200]!r}") from exc
        ips = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
        if not ips:
            raise FetchError(f"cannot resolve host {host[:200]!r}")
        if not self.host_allowed(host):
            for ip in ips:
                if not self.ip_allowed(ip):
                    raise BlockedAddress(
                        f"refused to fetch from {host[:200]} ({ip}): not a public address; "
                        "allow it with MARSAD_FETCH_ALLOW if you mean it"
                    )
        return ips[0]
