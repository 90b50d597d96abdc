"""The loopback outlet web: rounds, placeholders, conditional GET, status overrides, raw bytes, addresses."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from crawler.demo.server import OutletWeb


def _write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)


@pytest.fixture
def web_root(tmp_path: Path) -> Path:
    root = tmp_path / "web"
    _write(root / "config.toml.tmpl", "[database]\npath = '{{db}}'\nweb = '{{web}}'\nfeed = '{{base:beta}}/f.rss'\n")
    _write(root / "alpha/round1/index.html", "<a href='{{base}}/a.html'>home</a> <a href='{{base:beta}}/'>b</a>")
    _write(root / "alpha/round1/a.html", "first")
    _write(root / "alpha/round1/old.html", "going away")
    _write(root / "alpha/round1/robots.txt", "User-agent: *\nDisallow: /intern/\n")
    _write(root / "alpha/round2/a.html", "second")
    _write(root / "alpha/round2/new.html", "added")
    _write(root / "alpha/round2/old.html.gone", "")
    _write(root / "alpha/round1/cp.html", "<p>Größe Übergänge Straße</p>".encode("cp1252"))
    _write(root / "alpha/round1/fails.html", "never shown as 200")
    _write(root / "alpha/site.toml",
           '["/fails.html"]\nstatus = 500\n\n["cp.html"]\nheaders = { Content-Type = "text/html; charset=windows-1252" }\n')
    _write(root / "beta/round1/index.html", "beta home {{base}}")
    _write(root / "beta/round1/f.rss", "<rss/>")
    _write(root / "seeds/x.txt", "not a site: no round1 folder")
    return root


def _get(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> tuple[int, bytes, dict[str, str]]:
    req = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read(), dict(resp.headers.items())
    except urllib.error.HTTPError as err:
        return err.code, err.read(), dict(err.headers.items())


def test_each_site_gets_its_own_loopback_address_on_one_port(web_root: Path) -> None:
    with OutletWeb(web_root) as web:
        assert web.sites == ["alpha", "beta"]
        assert web.base("alpha") == f"http://127.0.0.2:{web.port}"
        assert web.base("beta") == f"http://127.0.0.3:{web.port}"
        assert _get(web.base("beta") + "/")[1].startswith(b"beta home")
        assert _get(web.base("alpha") + "/a.html")[1] == b"first"


def test_first_host_moves_the_addresses(web_root: Path) -> None:
    with OutletWeb(web_root, first_host=40) as web:
        assert web.base("beta").startswith("http://127.0.0.41:")
        assert _get(web.base("beta") + "/f.rss")[0] == 200


def test_round_two_overlays_round_one_and_gone_files_answer_404(web_root: Path) -> None:
    with OutletWeb(web_root) as web:
        base = web.base("alpha")
        assert _get(base + "/new.html")[0] == 404
        assert _get(base + "/old.html")[1] == b"going away"
        web.round = 2
        assert _get(base + "/a.html")[1] == b"second"
        assert _get(base + "/new.html")[1] == b"added"
        assert _get(base + "/old.html")[0] == 404
        assert _get(base + "/")[0] == 200  # round 1 files still answer in round 2
        assert _get(base + "/missing.html")[0] == 404


def test_placeholders_are_filled_with_this_and_other_site_bases(web_root: Path) -> None:
    with OutletWeb(web_root) as web:
        body = _get(web.base("alpha") + "/")[1].decode()
        assert f"href='{web.base('alpha')}/a.html'" in body
        assert f"href='{web.base('beta')}/'" in body
        assert "{{" not in body


def test_render_config_fills_db_web_and_site_bases(web_root: Path, tmp_path: Path) -> None:
    with OutletWeb(web_root) as web:
        dest = web.render_config(tmp_path / "x.db", tmp_path / "cfg" / "storywatch.toml")
        text = dest.read_text()
    assert f"path = '{(tmp_path / 'x.db').resolve().as_posix()}'" in text
    assert f"web = '{web_root.resolve().as_posix()}'" in text
    assert f"feed = '{web.base('beta')}/f.rss'" in text


def test_etag_and_last_modified_answer_304(web_root: Path) -> None:
    with OutletWeb(web_root) as web:
        url = web.base("alpha") + "/a.html"
        status, _, headers = _get(url)
        assert status == 200 and headers["ETag"].startswith('"')
        assert _get(url, {"If-None-Match": headers["ETag"]})[0] == 304
        assert _get(url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
        assert _get(url, {"If-None-Match": '"other"'})[0] == 200
        web.round = 2  # the file changed: the old validators no longer match
        assert _get(url, {"If-None-Match": headers["ETag"]})[0] == 200
        assert _get(url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 200


def test_unchanged_file_keeps_its_validators_in_round_two(web_root: Path) -> None:
    with OutletWeb(web_root) as web:
        url = web.base("alpha") + "/robots.txt"
        _, _, first = _get(url)
        web.round = 2
        _, _, second = _get(url)
        assert (first["ETag"], first["Last-Modified"]) == (second["ETag"], second["Last-Modified"])
        assert first["Content-Type"] == "text/plain"


def test_status_override_and_request_log(web_root: Path) -> None:
    with OutletWeb(web_root) as web:
        assert _get(web.base("alpha") + "/fails.html")[0] == 500
        _get(web.base("beta") + "/nothing?utm_source=x")
        web.round = 2
        _get(web.base("alpha") + "/a.html", method="HEAD")
        records = [(r.site, r.method, r.path, r.status, r.round) for r in web.requests]
        assert records == [
            ("alpha", "GET", "/fails.html", 500, 1),
            ("beta", "GET", "/nothing?utm_source=x", 404, 1),
            ("alpha", "HEAD", "/a.html", 200, 2),
        ]
        web.clear_requests()
        assert web.requests == []


def test_windows_1252_bytes_are_served_unchanged_with_the_configured_header(web_root: Path) -> None:
    with OutletWeb(web_root) as web:
        status, body, headers = _get(web.base("alpha") + "/cp.html")
    assert status == 200
    assert body == "<p>Größe Übergänge Straße</p>".encode("cp1252")
    assert headers["Content-Type"] == "text/html; charset=windows-1252"


def test_gzip_when_accepted_and_default_content_types(web_root: Path) -> None:
    with OutletWeb(web_root) as web:
        status, body, headers = _get(web.base("alpha") + "/a.html", {"Accept-Encoding": "gzip, deflate"})
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body) == b"first"
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert _get(web.base("beta") + "/f.rss")[2]["Content-Type"] == "application/rss+xml"


def test_head_sends_headers_without_body(web_root: Path) -> None:
    with OutletWeb(web_root) as web:
        status, body, headers = _get(web.base("alpha") + "/a.html", method="HEAD")
    assert (status, body, headers["Content-Length"]) == (200, b"", "5")


def test_paths_cannot_escape_the_site_folder(web_root: Path) -> None:
    with OutletWeb(web_root) as web:
        assert _get(web.base("alpha") + "/../beta/round1/f.rss")[0] == 404
        assert _get(web.base("alpha") + "/%2e%2e/%2e%2e/config.toml.tmpl")[0] == 404


def test_client_hanging_up_does_not_stop_the_server(web_root: Path) -> None:
    import socket

    with OutletWeb(web_root) as web:
        sock = socket.create_connection(("127.0.0.2", web.port))
        sock.sendall(b"GET /a.html HTTP/1.1\r\nHost: x\r\n")  # incomplete request, then gone
        sock.close()
        assert _get(web.base("alpha") + "/a.html")[0] == 200
