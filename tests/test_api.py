"""The public API: every kind of source gives the same Document; convert returns and writes."""

from __future__ import annotations

import errno
import io
import json
import os
import stat
from pathlib import Path

import jsonschema
import pytest

import bulletin_format as bf
from bulletin_format.errors import ProfileError, WriterOptionError
from bulletin_format.writers.json_writer import schema

from .conftest import SEEDS

SEED = SEEDS[1]


def comparable(doc: bf.Document) -> dict:
    data = doc.to_dict()
    data.pop("source")
    return data


def test_every_kind_of_source_gives_the_same_document():
    want = comparable(bf.parse(SEED))
    raw = SEED.read_bytes()
    assert comparable(bf.parse(str(SEED))) == want
    assert comparable(bf.parse(raw)) == want
    assert comparable(bf.parse(raw.decode("utf-8"))) == want
    with SEED.open("rb") as fh:
        assert comparable(bf.parse(fh)) == want
    assert comparable(bf.parse(io.BytesIO(raw))) == want


def test_source_info_says_where_the_text_came_from():
    doc = bf.parse(SEED)
    assert doc.source.path == str(SEED) and doc.source.format == "text"
    assert doc.source.encoding == "utf-8" and doc.source.evidence == "utf-8"
    assert bf.parse(SEED.read_text(encoding="utf-8")).source.evidence == "text"


def test_convert_returns_json_and_writes_it(tmp_path):
    out = tmp_path / "sub" / "doc.json"
    text = bf.convert(SEED, output=out)
    assert out.read_text(encoding="utf-8") == text
    data = json.loads(text)
    jsonschema.validate(data, schema())
    assert data["articles"][0]["title_lines"][0] == "省委召开先进性教育活动工作会议"
    assert not list(tmp_path.rglob("*.part"))  # the temporary file of the atomic write is gone


def test_convert_to_docx_returns_bytes(tmp_path):
    data = bf.convert(SEED, to="docx", output=tmp_path / "doc.docx")
    assert data[:2] == b"PK" and (tmp_path / "doc.docx").read_bytes() == data


def test_output_is_deterministic():
    assert bf.convert(SEED) == bf.convert(SEED)
    assert bf.convert(SEED, to="docx") == bf.convert(SEED, to="docx")


def test_json_round_trips_through_the_model():
    doc = bf.parse(SEED)
    assert bf.Document.from_dict(json.loads(bf.convert(SEED))).to_dict() == doc.to_dict()


def test_bad_calls_are_typed():
    with pytest.raises(bf.OutputFormatError, match="unknown output format"):
        bf.convert(SEED, to="pdf")
    with pytest.raises(TypeError, match="unknown option"):
        bf.parse(SEED, colour="red")
    with pytest.raises(bf.UnsupportedSourceError):
        bf.parse(12345)
    with pytest.raises(bf.UnsupportedSourceError, match="no such file"):
        bf.parse("missing-file.txt")
    assert issubclass(bf.EmptyInputError, bf.BulletinFormatError)


# --- the path-or-text rule for a str --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["关于做好春节期间工作的通知.html", "报告.txt", "missing", "missing-file.txt"])
def test_a_one_line_str_is_a_path_and_a_missing_one_is_an_error(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(bf.InputNotFoundError, match=r"no such file.*text="):
        bf.parse(name)
    with pytest.raises(bf.InputNotFoundError):
        bf.convert(name, to="docx")


def test_a_one_line_str_naming_a_file_reads_the_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "报告.txt").write_bytes(SEED.read_bytes())
    assert comparable(bf.parse("报告.txt")) == comparable(bf.parse(SEED))


def test_text_and_path_say_which_explicitly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "missing").write_text("这是一个文件的内容，而不是它的名字。\n", encoding="utf-8")
    one_line = bf.parse(text="missing")  # the word itself, though a file of that name exists
    assert one_line.articles[0].title == "missing" or "missing" in json.dumps(one_line.to_dict())
    assert "这是一个文件的内容" in json.dumps(bf.parse(path="missing").to_dict(), ensure_ascii=False)
    assert bf.convert(text="第一行\n第二行\n") == bf.convert("第一行\n第二行\n")
    with pytest.raises(bf.OptionError, match="exactly one"):
        bf.parse("a\n", text="b")
    with pytest.raises(bf.OptionError, match="exactly one"):
        bf.parse()


@pytest.mark.parametrize(
    "text", ["<p>一行HTML，没有换行。</p>", "  <html><body><p>页面</p></body></html>", "一行\r", "  ", "正文\x00",
             "各单位要认真贯彻落实。" * 400],  # one line longer than any path (4,096 characters)
)
def test_markup_blank_and_strs_with_a_line_break_are_text(text):
    try:
        doc = bf.parse(text)
    except (bf.EmptyInputError, bf.BinaryInputError) as error:  # text: empty, or holding a NUL
        assert not text.strip() or "\x00" in text, error
    else:
        assert doc.source.path is None


def test_special_files_say_what_they_are(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(bf.NotAFileError, match="FIFO"):
        bf.parse(fifo)  # never opened: reading a FIFO could wait forever
    with pytest.raises(bf.NotAFileError, match="folder"):
        bf.parse(tmp_path)
    with pytest.raises(bf.NotAFileError, match="character device"):
        bf.parse("/dev/null")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(bf.NotAFileError, match="loop"):
        bf.parse(loop)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    with pytest.raises(bf.InputNotFoundError, match="link to a missing file"):
        bf.parse(dangling)


# --- untyped exceptions that reached users --------------------------------------------------------------


def test_lone_surrogates_in_text_are_replaced_and_reported(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace("会议", "会\udcb9议", 1)
    out = tmp_path / "s.json"
    result = bf.convert(text, output=out)
    result.encode("utf-8")  # valid UTF-8 JSON, not a str holding surrogates
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["source"]["replaced"] == 1 and "\ufffd" in result
    assert any("surrogate" in w for w in data["warnings"])
    bf.convert(text, to="docx", output=tmp_path / "s.docx")


def test_a_file_name_that_is_not_utf8_converts(tmp_path):
    name = os.fsdecode("关于".encode("gbk") + b".txt")  # an archive unpacked from a GBK system
    path = tmp_path / name
    path.write_bytes(SEED.read_bytes())
    text = bf.convert(path, output=tmp_path / "out.json")
    text.encode("utf-8")
    assert json.loads(text)["source"]["path"].endswith("\\xb9\\xd8\\xd3\\xda.txt")


def test_output_that_is_a_folder_is_refused_before_any_work(tmp_path):
    with pytest.raises(bf.OutputError, match="folder"):
        bf.convert(tmp_path / "missing-input.txt", output=tmp_path)  # the input is not even looked at


def test_a_full_disk_is_an_output_error(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(bf.OutputError, match=r"No space left.*disk is full"):
        bf.convert(SEED, output=tmp_path / "a.json")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("options", "error"),
    [({"chinese": "xx"}, bf.ChineseConversionError), ({"chinese": "simplified", "opencc_config": "nonesuch"},
     bf.ChineseConversionError), ({"normalize": "yes"}, bf.OptionError), ({"max_bytes": 0}, bf.OptionError),
     ({"colour": "red"}, bf.UnknownOptionError)],
)
def test_options_are_checked_before_the_input_is_read(options, error, tmp_path):
    with pytest.raises(error):
        bf.parse(tmp_path / "missing.txt", **options)  # the option error, not "no such file"
    assert issubclass(error, bf.BulletinFormatError) and issubclass(error, ValueError)


# --- outputs: atomic, with the modes any program's output gets -------------------------------------------


def test_new_outputs_respect_the_umask_and_existing_ones_keep_their_mode(tmp_path):
    old = os.umask(0o022)
    try:
        bf.convert(SEED, output=tmp_path / "a.json")
        assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o644
        os.umask(0o077)
        bf.convert(SEED, output=tmp_path / "b.json")
        assert stat.S_IMODE((tmp_path / "b.json").stat().st_mode) == 0o600
        (tmp_path / "a.json").chmod(0o640)
        bf.convert(SEED, to="docx", output=tmp_path / "a.json")
        assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o640
    finally:
        os.umask(old)


# --- typing ---------------------------------------------------------------------------------------------

TYPED_USE = '''
import bulletin_format as bf

json_text: str = bf.convert("page.html")
also_json: str = bf.convert("page.html", "json")
docx_bytes: bytes = bf.convert("page.html", to="docx")
positional: bytes = bf.convert("page.html", "docx")
doc: bf.Document = bf.parse(text="正文")
rendered: bytes = bf.render(doc, "docx")
'''


def test_the_package_is_typed_and_convert_has_overloads(tmp_path):
    api = pytest.importorskip("mypy.api")
    import bulletin_format

    assert (Path(bulletin_format.__file__).parent / "py.typed").is_file()
    (tmp_path / "use.py").write_text(TYPED_USE, encoding="utf-8")
    out, err, status = api.run(["--strict", "--no-incremental", "--cache-dir", os.devnull, str(tmp_path / "use.py")])
    assert status == 0, out + err
    (tmp_path / "wrong.py").write_text('import bulletin_format as bf\nx: bytes = bf.convert("a.html")\n',
                                       encoding="utf-8")
    out, _, status = api.run(["--strict", "--no-incremental", "--cache-dir", os.devnull, str(tmp_path / "wrong.py")])
    assert status == 1 and "incompatible types" in out.lower()


def test_a_writer_option_no_writer_takes_fails_before_any_work(tmp_path):
    with pytest.raises(bf.UnknownOptionError, match="colour"):
        bf.convert(tmp_path / "missing.txt", to="json", colour="red")  # not "no such file": checked first
    with pytest.raises(bf.UnknownOptionError, match="profile"):
        bf.convert(SEED, to="json", profile="gbt9704-2012")  # a DOCX option given to the JSON writer


@pytest.mark.parametrize(
    ("to", "options", "error"),
    [("json", {"indent": "2"}, WriterOptionError), ("json", {"indent": 2.5}, WriterOptionError),
     ("json", {"indent": -1}, WriterOptionError), ("json", {"indent": 10**9}, WriterOptionError),  # filled memory
     ("docx", {"profile": "../schema"}, ProfileError), ("docx", {"profile": {"size.body_pt": -1}}, ProfileError),
     ("docx", {"seal": "yes"}, WriterOptionError)],
)
def test_writer_option_values_are_checked_before_the_input_is_read(to, options, error, tmp_path):
    with pytest.raises(error):
        bf.convert(tmp_path / "missing.txt", to=to, **options)  # the option error, not "no such file"
    with pytest.raises(error):
        bf.render(bf.parse(SEED), to, **options)
    assert issubclass(error, bf.BulletinFormatError)


@pytest.mark.parametrize("to", ["json", "md", "txt", "docx"])
def test_render_refuses_an_option_its_writer_does_not_take(to):
    doc = bf.parse(SEED)
    with pytest.raises(WriterOptionError, match="indnet") as caught:
        bf.render(doc, to, indnet=2)  # was TypeError: write() got an unexpected keyword argument
    assert isinstance(caught.value, bf.BulletinFormatError)
    assert bf.render(doc, "json", indent=None).count("\n") == 1 and bf.render(doc, "json", indent=0)  # one line


def test_every_error_the_library_raises_is_a_public_name():
    """A caller catches any error by its name on the package (bf.ProfileError, bf.OutputCollisionError …)."""
    import inspect as inspect_module

    from bulletin_format import batch, errors

    defined = {cls for module in (errors, batch) for _, cls in inspect_module.getmembers(module, inspect_module.isclass)
               if issubclass(cls, bf.BulletinFormatError) and cls.__module__ == module.__name__}
    assert {c.__name__ for c in defined} - set(bf.__all__) == set()
    assert all(getattr(bf, c.__name__) is c for c in defined)
