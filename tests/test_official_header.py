"""The 版头 of a 公文 keeps every line it prints: several 签发人 lines (joint documents), a second
份号/密级/紧急程度 line, and many repeated 发文字号 lines (each line looked at once, not once per repeat)."""

from __future__ import annotations

import bulletin_format as bf
from bulletin_format import clean, segment
from bulletin_format.audit import lost_characters
from bulletin_format.readers import read

BODY = """关于做好春季安全生产工作的通知

各市人民政府，省政府各部门：
为切实做好春季安全生产工作，现将有关事项通知如下。
某某省人民政府　某某省军区
2024年3月1日
"""


def test_every_signer_line_of_a_joint_document_is_kept():
    text = "某政发〔2024〕5号　　　　签发人：张三\n签发人：李四　王五\n" + BODY
    assert bf.parse(text, normalize=False).header.signer == "张三 李四 王五"
    doc = bf.parse(text)
    # names stay apart after normalisation: the gap between two names becomes one U+3000
    assert doc.header.signer == "张三\u3000李四\u3000王五"
    assert not lost_characters(text, doc)


def test_a_repeated_signer_line_is_recorded_not_doubled():
    text = "某政发〔2024〕5号　　　　签发人：张三\n签发人：张三\n" + BODY
    doc = bf.parse(text)
    assert doc.header.signer == "张三"
    assert ("张三", "repeated_signer") in [(r.text, r.reason) for r in doc.removed]
    assert not lost_characters(text, doc)


def test_a_second_mark_line_is_recorded_and_a_conflict_warned():
    text = "000123\n000124\n机密★1年\n秘密\n特急\n特急\n某政发〔2024〕5号\n" + BODY
    doc = bf.parse(text)
    h = doc.header
    assert (h.copy_number, h.secrecy, h.urgency) == ("000123", "机密★1年", "特急")
    removed = [(r.text, r.reason) for r in doc.removed]
    assert ("000124", "conflicting_mark") in removed
    assert ("秘密", "conflicting_mark") in removed
    assert ("特急", "repeated_mark") in removed
    assert sum("版头" in w for w in doc.warnings) == 2  # the two conflicts, not the repeat
    assert not lost_characters(text, doc)


def test_a_mark_the_header_already_holds_is_recorded():
    text = "特急　000123\n特急\n某政发〔2024〕5号\n" + BODY
    doc = bf.parse(text)
    assert doc.header.urgency == "特急" and doc.header.copy_number == "000123"
    assert ("特急", "repeated_mark") in [(r.text, r.reason) for r in doc.removed]


class CountingList(list):
    """A list that counts how often it is walked from the start."""

    walks = 0

    def __iter__(self):
        CountingList.walks += 1
        return super().__iter__()


def test_repeated_doc_number_lines_are_not_rescanned():
    # each repeated 发文字号 line used to walk every input line again: 40,000 lines took 10 s
    n = 600
    text = "关于做好春季安全生产工作的通知\n" + "某政发〔2024〕5号\n" * n + BODY.split("\n", 2)[2]
    state = read(text)
    clean.run(state)
    state.lines = CountingList(state.lines)
    CountingList.walks = 0
    doc = segment.run(state)
    assert doc.header.doc_number == "某政发〔2024〕5号"
    assert sum(r.reason == "repeated_doc_number" for r in doc.removed) == n - 1
    assert CountingList.walks < 20, CountingList.walks  # was one walk per repeated line
