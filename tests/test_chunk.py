import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seiqa.chunk import ChunkSettings, chunk_document, chunk_spans, sentences
from seiqa.ingest import structure
from seiqa.records import Document

CJK = "的是新能源汽車產量銷售同比增長億元萬臺全球第一"


def doc_of(text: str) -> Document:
    _, paras = structure(text)
    return Document("d.txt", text, "0", "t", tuple(paras))


def test_sentences_split_at_chinese_marks_and_keep_quotes():
    text = "他說：「好。」然後走了！真的嗎？是的；結束"
    spans = sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == ["他說：「好。」", "然後走了！", "真的嗎？", "是的；", "結束"]


def test_chunks_hold_whole_sentences_within_size():
    sent = "新能源汽車產銷兩旺。"  # 10 chars
    text = sent * 10
    spans = chunk_spans(text, 0, len(text), ChunkSettings(size=35, overlap=10))
    for s, e in spans:
        assert e - s <= 35
        assert text[s:e].endswith("。") and (s == 0 or text[s - 1] == "。")
    # consecutive chunks overlap by one whole sentence (10 <= overlap)
    assert all(b[0] == a[1] - 10 for a, b in zip(spans, spans[1:]))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)


def test_long_sentence_cut_at_clause_marks_not_inside_numbers():
    text = "第一部分的內容很長很長，" * 5 + "產量達到1288.8萬臺。"
    spans = chunk_spans(text, 0, len(text), ChunkSettings(size=30, overlap=0))
    pieces = [text[s:e] for s, e in spans]
    assert "".join(pieces) == text
    assert all(not (text[e - 1].isdigit() and e < len(text) and text[e].isdigit()) for _, e in spans)


def test_settings_are_validated():
    with pytest.raises(ValueError):
        ChunkSettings(size=10)
    with pytest.raises(ValueError):
        ChunkSettings(size=100, overlap=100)


def test_chunks_never_cross_paragraphs():
    text = "第一段。很長的句子。\n\n第二段開始。第二段結束。"
    doc = doc_of(text)
    chunks = chunk_document(doc, ChunkSettings(size=200, overlap=0))
    assert [c.text for c in chunks] == ["第一段。很長的句子。", "第二段開始。第二段結束。"]
    assert [c.paragraph for c in chunks] == [0, 1]


text_strategy = st.text(alphabet=CJK + "。！？；，、\n 　" + string.digits + ".%", max_size=600)


@settings(max_examples=200, deadline=None)
@given(text=text_strategy, size=st.integers(20, 120), overlap_frac=st.floats(0, 0.9))
def test_offsets_invariant_and_coverage_on_random_text(text, size, overlap_frac):
    cs = ChunkSettings(size=size, overlap=int(size * overlap_frac))
    doc = doc_of(text)
    chunks = chunk_document(doc, cs)
    for c in chunks:
        assert text[c.start : c.end] == c.text
        para = doc.paragraphs[c.paragraph]
        assert para.start <= c.start < c.end <= para.end
    # every non-space character of every paragraph is in some chunk
    covered = set()
    for c in chunks:
        covered.update(range(c.start, c.end))
    for p in doc.paragraphs:
        for i in range(p.start, p.end):
            if not text[i].isspace():
                assert i in covered
