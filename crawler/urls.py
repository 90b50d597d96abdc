"""URL normalisation and the host allow-list: one article, one URL, only configured hosts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that only track where a click came from; they never select content.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "ref", "ref_src", "cmp", "cmpid", "ncid", "ocid", "wt_mc", "wt.mc_id", "wt_zmc", "wt_mc_id",
        "wtmc", "wtrid", "xtor", "icid", "int_cmp", "sara_ecid", "sara_ref", "s_cid", "ito", "ftag", "smid", "smtyp",
        "trk", "trkcampaign", "dicbo", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
        # variant markers: the page they select carries a canonical link to the plain article
        "amp", "outputtype", "print",
    }
)
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "hsa_", "oly_", "vero_", "__")
DEFAULT_PORTS = {"http": 80, "https": 443}
_AMP_PATH = re.compile(r"(?:^|/)amp(?:/|$)|\.amp(?=\.html?$|$)|-amp(?=\.html?$)", re.IGNORECASE)
_PRINT_PATH = re.compile(r"(?:^|/)(?:print|druck|drucken|druckversion)(?:/|$)", re.IGNORECASE)


@lru_cache(maxsize=16384)
def normalize_url(url: str) -> str:
    """The one form a URL is stored and compared in: lower-case host, no default port, no fragment, no tracking.

    A pure function, cached: a page's URL is normalised when it is found, claimed, stored and compared, and
    w3lib's canonicalisation was a twentieth of the crawl's main-process CPU."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower() or "http"
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING_PARAMS and not k.lower().startswith(TRACKING_PREFIXES)
    ]
    path = parts.path or "/"
    rebuilt = urlunsplit((scheme, netloc, path, urlencode(query), ""))
    return canonicalize_url(rebuilt, keep_fragments=False)


def variant_keys(url: str) -> list[str]:
    """The normalised URL and the plain-article URLs its AMP or print variant most likely stands for."""
    norm = normalize_url(url)
    keys = [norm]
    parts = urlsplit(norm)
    for pattern in (_AMP_PATH, _PRINT_PATH):
        stripped = pattern.sub(lambda m: "/" if m.group(0).startswith("/") and m.group(0).endswith("/") else "",
                               parts.path)
        stripped = re.sub(r"//+", "/", stripped) or "/"
        if stripped != parts.path:
            keys.append(urlunsplit((parts.scheme, parts.netloc, stripped, parts.query, "")))
    return keys


def host_of(url: str) -> str:
    """Host name without port and without a leading 'www.'."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def same_site(a: str, b: str) -> bool:
    return host_of(a) == host_of(b) and host_of(a) != ""


class HostAllowList:
    """The hosts named by the configured URLs, each with its `www.` twin, on any port."""

    def __init__(self, urls: Iterable[str]) -> None:
        self._hosts = frozenset(h for h in (host_of(u) for u in urls) if h)

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        return host_of(url) in self._hosts

    def __contains__(self, url: str) -> bool:
        return self.allows(url)

    @property
    def hosts(self) -> frozenset[str]:
        return self._hosts
