"""`storywatch extract`: JSONL / JSON / text output, order, errors, exit codes, URLs, --config rules."""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler import extract_command
from crawler.cleaning import paragraph_hash
from storage import open_database
from storage.boilerplate import record_paragraphs

PAGES = Path(__file__).resolve().parent / "pages"
DE = PAGES / "de_regional_dpa.html"
EN = PAGES / "en_wire_reuters.html"
FIELDS = {"input", "url", "canonical_url", "title", "author", "published", "language", "source", "agency", "text"}
PROMO = "Hören Sie die Rundschau jetzt auch als Podcast auf allen Plattformen."
EXTRA = "Rundschau-Plus: Die Kolumne von Hans Beispiel erscheint jeden Samstag."
BODY = ("Der Stadtrat hat am Dienstagabend mit knapper Mehrheit beschlossen, das alte Hallenbad bis zum Jahr 2027 zu "
        "sanieren, statt es abzureißen und an anderer Stelle einen Neubau zu errichten. Die Kosten trägt zum Teil "
        "das Land, den Rest finanziert die Stadt über einen Kredit.")
LOCAL_PAGE = f"<html lang='de'><body><article><h1>Hallenbad</h1><p>{BODY}</p><p>{PROMO}</p><p>{EXTRA}</p>" \
             "</article></body></html>"


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    extract_command.add_arguments(parser)
    return extract_command.run(parser.parse_args(list(argv)))


def test_jsonl_gives_one_object_per_input_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(EN.read_bytes()))
    missing = str(tmp_path / "nope.html")
    code = run("--jsonl", str(DE), missing, str(gz))
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 2  # a missing file is a bad argument, and the other inputs are still extracted
    assert [obj["input"] for obj in lines] == [str(DE), missing, str(gz)]
    assert set(lines[0]) == FIELDS and lines[0]["agency"] == "dpa"
    assert set(lines[1]) == {"input", "error"} and "not_found" in lines[1]["error"]
    assert lines[2]["title"] == "Harbour authority approves second container terminal"


def test_json_prints_one_object_and_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("--json", str(EN), "--url", "https://news.coastal-ledger.example/x") == 0
    obj = json.loads(capsys.readouterr().out)
    assert set(obj) == FIELDS
    assert obj["url"] == "https://news.coastal-ledger.example/x"
    assert obj["input"] == str(EN)


@pytest.mark.parametrize("argv", [
    ("--json", str(DE), str(EN)),
    ("--url", "https://x.example/a", str(DE), str(EN)),
    ("--url", "not-a-url", str(DE)),
])
def test_bad_arguments_exit_two(argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(*argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error" in err


@pytest.mark.parametrize("form", [(), ("--jsonl",)], ids=["text", "jsonl"])
def test_a_missing_file_or_a_folder_exits_2_with_one_line_each_and_keeps_the_other_output(
        tmp_path: Path, form: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "nope.html")
    assert run(*form, missing, str(DE), str(tmp_path)) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"storywatch extract: error: no such file: {missing}",
                                         f"storywatch extract: error: is a directory: {tmp_path}"]
    assert "Hafenbrücke in Nordstadt wird ein Jahr lang gesperrt" in captured.out  # the good input's output
    if form:
        assert [json.loads(line)["input"] for line in captured.out.splitlines()] == [missing, str(DE), str(tmp_path)]


def test_an_input_that_is_read_but_gives_no_article_exits_1_not_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav><a href='/'>Start</a></nav></body></html>", encoding="utf-8")
    assert run("--jsonl", str(DE), str(empty)) == 1
    assert capsys.readouterr().err == ""


def test_text_form_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(str(DE)) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"== {DE}\n")
    assert "title: Hafenbrücke in Nordstadt wird ein Jahr lang gesperrt" in out
    assert "Bei einer Prüfung im Winter" in out


def test_page_without_article_is_an_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "nav.html"
    empty.write_text("<html><body><nav><a href='/'>Start</a></nav></body></html>")
    assert run("--jsonl", str(empty)) == 1
    obj = json.loads(capsys.readouterr().out)
    assert obj["input"] == str(empty) and obj["error"].startswith("empty")


@pytest.fixture()
def server() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path != "/hallenbad.html":
                self.send_error(404)
                return
            assert "storywatch" in self.headers.get("User-Agent", "")
            body = LOCAL_PAGE.encode("cp1252")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=windows-1252")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_urls_are_fetched_and_failures_reported(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = f"{server}/hallenbad.html", f"{server}/missing.html"
    assert run("--jsonl", good, bad) == 1
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["input"] == good and first["url"] == good
    assert "abzureißen" in first["text"]  # the page's charset header was honoured
    assert second == {"input": bad, "error": "http_404: Not Found"}


def test_config_applies_source_patterns_and_learned_boilerplate(
        server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(tmp_path / "store.db")
    for _ in range(3):
        record_paragraphs(db, "127.0.0.1", [paragraph_hash(PROMO)], {paragraph_hash(PROMO): PROMO})
    db.close()
    config = tmp_path / "storywatch.toml"
    config.write_text(f"""
[database]
path = "store.db"

[[sources]]
name = "Rundschau"
url = "{server}/"
drop_patterns = ['^Rundschau-Plus:']

[[stories]]
id = "hallenbad"
title = "Hallenbad"
query = "Hallenbad"
""")
    page = f"{server}/hallenbad.html"
    assert run("--jsonl", page) == 0
    stateless = json.loads(capsys.readouterr().out)["text"]
    assert PROMO in stateless and EXTRA in stateless
    assert run("--jsonl", "--config", str(config), page) == 0
    configured = json.loads(capsys.readouterr().out)["text"]
    assert PROMO not in configured and EXTRA not in configured and "abzureißen" in configured


def test_bad_config_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[database\n")
    assert run("--config", str(config), str(DE)) == 2
    assert "bad.toml" in capsys.readouterr().err
