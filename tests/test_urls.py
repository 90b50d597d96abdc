"""URL normalisation: every variant of an article's address is one key; only configured hosts are allowed."""

import pytest

from crawler.urls import HostAllowList, host_of, normalize_url, variant_keys


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.example.de/politik/assad-123.html",
        "HTTPS://WWW.EXAMPLE.DE/politik/assad-123.html",
        "https://www.example.de:443/politik/assad-123.html",
        "https://www.example.de/politik/assad-123.html#kommentare",
        "https://www.example.de/politik/assad-123.html?utm_source=twitter&utm_medium=social",
        "https://www.example.de/politik/assad-123.html?fbclid=IwAR0abc&wt_mc=rss.politik",
        "https://www.example.de/politik/assad-123.html?at_medium=sm&at_campaign=x&xtor=RSS-1",
    ],
)
def test_tracking_parameters_ports_fragments_and_case_normalise_away(variant):
    assert normalize_url(variant) == "https://www.example.de/politik/assad-123.html"


def test_query_parameters_that_select_content_are_kept_and_sorted():
    assert normalize_url("http://x.de/artikel?b=2&id=7&utm_term=z") == "http://x.de/artikel?b=2&id=7"


def test_non_default_port_is_kept():
    assert normalize_url("http://127.0.0.2:8123/a.html") == "http://127.0.0.2:8123/a.html"


@pytest.mark.parametrize(
    "amp, plain",
    [
        ("https://x.de/amp/politik/a-1.html", "https://x.de/politik/a-1.html"),
        ("https://x.de/politik/a-1.amp.html", "https://x.de/politik/a-1.html"),
        ("https://x.de/print/politik/a-1.html", "https://x.de/politik/a-1.html"),
    ],
)
def test_amp_and_print_variants_name_the_plain_article_as_a_key(amp, plain):
    keys = variant_keys(amp)
    assert keys[0] == normalize_url(amp)
    assert plain in keys


def test_allow_list_takes_configured_hosts_with_www_twin_on_any_port():
    allow = HostAllowList(["https://www.example.de/", "http://127.0.0.3:8000/feed.xml"])
    assert allow.allows("https://example.de/x.html")
    assert allow.allows("http://www.example.de:8080/x.html")
    assert allow.allows("http://127.0.0.3:9999/a")
    assert not allow.allows("https://evil.example.de/x.html")
    assert not allow.allows("http://127.0.0.1:8000/a")
    assert not allow.allows("http://169.254.169.254/latest/meta-data")
    assert not allow.allows("file:///etc/passwd")
    assert host_of("https://WWW.Example.de:8443/") == "example.de"
