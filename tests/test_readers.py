"""Readers: every input form becomes a validated Article; bad input names what was wrong."""

import codecs
import datetime as dt
import json
import re

import pytest

from newsgraph.errors import BadArticle
from newsgraph.model import Article
from newsgraph.readers import Overrides, article_from_fields, parse_published, read_jsonl, read_path

HTML = """<html><head><title>Kim hails ties</title>
<meta property="article:published_time" content="2024-06-12"></head>
<body><nav>Home | World</nav><article><h1>Kim hails ties</h1>
<p>North Korean leader Kim Jong Un on Wednesday hailed his country's ties with Russia, state media said.</p>
<p>President Vladimir Putin is expected to visit Pyongyang in the coming days, according to Yonhap.</p>
</article><footer>Copyright 2024</footer></body></html>"""


def test_readers_parse_published_forms():
    assert parse_published("2024-06-12") == dt.date(2024, 6, 12)
    assert parse_published("2024-06-12T08:30:00Z").tzinfo is not None
    assert parse_published(None) is None


@pytest.mark.parametrize("bad", ["yesterday", "2024-13-01", "12/06/2024", 20240612])
def test_readers_bad_published_names_value(bad):
    with pytest.raises(BadArticle, match=r"E002.*published") as info:
        parse_published(bad)
    assert str(bad) in str(info.value)


def test_readers_plain_text_file_takes_stem_as_id(tmp_path):
    path = tmp_path / "story-1.txt"
    path.write_text("Russia and China held talks on Monday.", encoding="utf-8")
    [(_line, article)] = list(read_path(path, overrides=Overrides(published="2024-01-02", source="AP")))
    assert isinstance(article, Article)
    assert (article.id, article.source, article.published) == ("story-1", "AP", dt.date(2024, 1, 2))


def test_readers_html_main_text_title_and_date(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [(_, article)] = list(read_path(path))
    assert "hailed his country's ties with Russia" in article.text
    assert "Copyright" not in article.text and "Home | World" not in article.text
    assert article.title == "Kim hails ties"
    assert article.published == dt.date(2024, 6, 12)


def test_readers_json_article_with_text_file(tmp_path):
    (tmp_path / "a.txt").write_text("Putin visited Hanoi.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"text_file": "a.txt", "published": "2024-06-20"}))
    [(_, article)] = list(read_path(tmp_path / "a.json"))
    assert article.text == "Putin visited Hanoi." and article.id == "a"


def test_readers_json_article_with_html_field():
    article = article_from_fields({"html": HTML, "source": "X"}, where="t")
    assert article.source == "X" and "Kim Jong Un" in article.text and article.title == "Kim hails ties"


def test_readers_overrides_win_over_file_metadata():
    article = article_from_fields({"text": "x y", "source": "A", "published": "2020-01-01"}, where="t",
                                  overrides=Overrides(source="B", published="2021-02-03"))
    assert (article.source, article.published) == ("B", dt.date(2021, 2, 3))


def test_readers_jsonl_reports_bad_lines_and_keeps_going():
    lines = ['{"text": "One.", "id": "a"}', "{not json", '{"text": "   "}', "", '{"text": "Two.", "id": "b"}',
             '{"text": "Three.", "published": "June"}', '["a list"]']
    results = list(read_jsonl(lines))
    good = [(n, a.id) for n, a in results if isinstance(a, Article)]
    bad = {n: str(e) for n, e in results if isinstance(e, BadArticle)}
    assert good == [(1, "a"), (5, "b")]
    assert set(bad) == {2, 3, 6, 7}
    assert "E005" in bad[2] and "line 2" in bad[2]
    assert "E001" in bad[3]
    assert "E002" in bad[6] and "'June'" in bad[6]
    assert "E006" in bad[7]


def test_readers_missing_file(tmp_path):
    with pytest.raises(BadArticle, match="E003.*no such file"):
        list(read_path(tmp_path / "nope.txt"))


def test_readers_undecodable_bytes_named_with_offset(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 in Paris".encode("latin-1"))
    with pytest.raises(BadArticle, match=r"E004.*0xe9 at offset 3"):
        list(read_path(path))


def test_readers_empty_text(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text(" \n\t ", encoding="utf-8")
    with pytest.raises(BadArticle, match="E001"):
        list(read_path(path))


def test_readers_wrong_field_type():
    with pytest.raises(BadArticle, match="E007.*'source'"):
        article_from_fields({"text": "x", "source": ["AFP"]}, where="t")


def test_readers_jsonl_streams_lines_and_keeps_going_after_a_bad_byte(tmp_path):
    """A JSONL corpus is read line by line: a line that is not UTF-8 is its own error (with its file offset), the
    lines after it are read, and a raw U+2028 inside a JSON string does not split a line (str.splitlines would)."""
    good = json.dumps({"id": "a", "text": "Talks\u2028resumed in Geneva."}, ensure_ascii=False).encode("utf-8")
    bad = b'{"id": "b", "text": "Caf\xe9 talks"}'
    last = json.dumps({"id": "c", "text": "Putin visited Hanoi."}).encode("utf-8")
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + good + b"\n" + bad + b"\r\n\n" + last + b"\n")
    items = list(read_path(path))
    assert [n for n, _ in items] == [1, 2, 4]
    assert items[0][1].text == "Talks\u2028resumed in Geneva." and items[2][1].id == "c"
    assert isinstance(items[1][1], BadArticle)
    offset = len(codecs.BOM_UTF8 + good + b"\n") + bad.index(b"\xe9")
    assert re.search(rf"E004.*line 2.*0xe9 at offset {offset}", str(items[1][1]))
