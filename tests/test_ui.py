"""The chat UI in a real browser (Debian's Chromium through Playwright) and through
gradio_client: answers with citations, the sources panel, the lookup tab, escaping of
HTML from the corpus, errors in the chat, and concurrent questions.

Needs /usr/bin/chromium and CJK fonts (scripts/install.sh --test installs both); a
missing browser fails the test with a message saying so, it is never skipped.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from seiqa.ui import esc, highlight, render_lookup, render_reply, render_sources, serve

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
README_SHOT = ROOT / "docs" / "ui.png"
TIMEOUT = 30_000  # ms, for one answer to show

HTML_LINE = "網頁範例代碼中常見<script>alert('x')</script>標籤，也有<b>粗體</b>標記與<img src=x onerror=alert(2)>圖片標籤。"
UI_CORPUS = {
    "新能源汽車觀察.txt": (
        "新能源汽車產業觀察\n\n"
        "一、產銷規模\n\n"
        "2024年，新能源汽車產銷分別完成1288.8萬輛和1286.6萬輛，同比分別增長34.4%和35.5%。"
        "新能源汽車新車銷量達到汽車新車總銷量的40.9%。\n\n"
        "二、動力電池\n\n"
        "2024年，中國動力電池累計裝車量548.4GWh，同比增長41.5%。寧德時代的全球市占率為37.9%。\n\n"
        "三、網頁安全測試\n\n"
        f"{HTML_LINE}\n"
    ),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(assistant):
    app = serve(assistant, host="127.0.0.1", port=_free_port(), block=False, log_line=lambda m: None)
    return app, f"http://127.0.0.1:{app.server_port}/"


@pytest.fixture(scope="module")
def ui_assistant(tmp_path_factory):
    from seiqa import Assistant

    corpus = tmp_path_factory.mktemp("ui-corpus")
    for rel, text in UI_CORPUS.items():
        (corpus / rel).write_text(text, encoding="utf-8")
    return Assistant.load(corpus=corpus, index=tmp_path_factory.mktemp("ui-index"), log=lambda m: None)


@pytest.fixture(scope="module")
def ui_url(ui_assistant):
    app, url = _start(ui_assistant)
    yield url
    app.close()


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"{CHROMIUM} is missing: the UI tests need Debian's chromium and fonts-noto-cjk "
            "(run `bash scripts/install.sh --test` as root, or apt-get install chromium fonts-noto-cjk)"
        )
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout if shutil.which("fc-list") else ""
    if not fonts.strip():
        pytest.fail("no CJK font is installed: Chinese would render as boxes (apt-get install fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 950}, locale="zh-TW")
    pg = context.new_page()
    dialogs: list[str] = []

    def on_dialog(d):  # an alert() from corpus text would be an XSS
        dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.dialogs = dialogs
    yield pg
    context.close()
    assert not dialogs, f"a dialog fired: {dialogs}"


def _ask(page, question: str):
    from playwright.sync_api import expect

    bots = page.locator('#seiqa-chat [data-testid="bot"]')
    before = bots.count()
    box = page.locator("#seiqa-question textarea")
    box.fill(question)
    page.locator("#seiqa-ask").click()
    expect(bots).to_have_count(before + 1, timeout=TIMEOUT)
    return bots.last


def _open(page, url):
    page.goto(url)
    page.locator("#seiqa-question textarea").wait_for(timeout=TIMEOUT)


# --- pure functions -----------------------------------------------------------------

def test_esc_leaves_no_markup():
    out = esc("<script>alert('x')</script> [a](javascript:x) ${1+1} {{v}} `c` *b*")
    for bad in "<>'\"`$[](){}*":
        assert bad not in out


def test_highlight_marks_answer_and_terms_on_original_offsets():
    text = "2024年，新能源汽車產銷分別完成1288.8萬輛和1286.6萬輛。"
    start = text.index("1286.6萬輛")
    out = highlight(text, 100, [(100 + start, 100 + start + len("1286.6萬輛"))], ("新能源", "汽车"), "keep")
    assert '<mark class="ans">1286.6萬輛</mark>' in out
    assert '<mark class="kw">新能源汽車</mark>' in out  # terms are matched on the normalised text


def test_computed_answer_says_so_with_formula_and_both_sources():
    from seiqa.records import Citation, Result

    sentence_a = "2024年，新能源汽車產銷分別完成1288.8萬輛和1286.6萬輛。"
    sentence_b = "2023年，新能源汽車產銷分別為958.7萬輛和949.5萬輛。"
    cits = [Citation(1, "a.txt", 0, len(sentence_a), sentence_a, "一、<產銷>", 1.0),
            Citation(2, "a.txt", 100, 100 + len(sentence_b), sentence_b, "二、舊數據", 0.9)]
    op = lambda cit, s, fig: {"text": fig, "source_text": fig, "qualifier": "", "sentence": s, "doc": "a.txt",
                              "start": cit.start + s.index(fig), "end": cit.start + s.index(fig) + len(fig),
                              "citation": cit.rank, "computed": False}
    ans = {"type": "diff", "text": "330.1萬輛", "value": 3301000.0, "unit": "輛", "computed": True,
           "formula": "1288.8萬輛 − 958.7萬輛 = 330.1萬輛", "citation": 1,
           "operands": [op(cits[0], sentence_a, "1288.8萬輛"), op(cits[1], sentence_b, "958.7萬輛")]}
    result = Result("2024年新能源汽車產量比2023年多多少？", cits, ans)
    reply = render_reply(result, "t", 2, {})
    assert reply.startswith("<strong>330.1萬輛</strong>")
    assert "計算所得" in reply and "computed" in reply and "1288.8萬輛 − 958.7萬輛 &#61; 330.1萬輛" in reply
    assert 'href="#seiqa-src-2-1"' in reply and 'href="#seiqa-src-2-2"' in reply
    sources = render_sources(result, "s", 2, {}, ("新能源汽车",))
    assert '<mark class="ans">1288.8万辆</mark>' in sources and '<mark class="ans">958.7万辆</mark>' in sources
    assert "&#60;产销&#62;" in sources and "<产销>" not in sources  # section text is escaped too


def test_fact_answer_shows_its_phrase_then_its_sentence():
    from seiqa.records import Citation, Result

    sentence = "西土城站位於北京市海淀區，是北京地鐵10號線的一個車站。"
    cits = [Citation(1, "a.txt", 0, len(sentence), sentence, "", 1.0)]
    ans = {"type": "fact", "text": "北京地鐵10號線", "source_text": "北京地鐵10號線", "sentence": sentence,
           "doc": "a.txt", "start": 13, "end": 21, "citation": 1, "computed": False}
    reply = render_reply(Result("西土城站是哪條線路的車站？", cits, ans), "t", 3, {})
    assert reply.startswith("<strong>北京地鐵10號線</strong>")
    assert f"「{sentence}」" in reply and reply.count('href="#seiqa-src-3-1"') >= 1


def test_lookup_not_in_corpus():
    assert "not in the corpus" in render_lookup("火星", [], {})


# --- in the browser -------------------------------------------------------------------

def test_chat_answer_sources_and_lookup(page, ui_url, tmp_path):
    from playwright.sync_api import expect

    _open(page, ui_url)
    page.screenshot(path=str(tmp_path / "0-start.png"))

    reply = _ask(page, "2024年新能源汽车销量是多少？")
    page.screenshot(path=str(tmp_path / "1-answer.png"), full_page=True)
    expect(reply.locator("strong").first).to_contain_text("1286.6", timeout=TIMEOUT)  # the figure comes first
    expect(reply).to_contain_text("[1]")
    expect(reply.locator("a.seiqa-cite").first).to_have_attribute("href", "#seiqa-src-1-1")
    # the question is Simplified: the answer is shown in Simplified (auto script)
    expect(reply).to_contain_text("万辆")

    sources = page.locator("#seiqa-sources")
    expect(sources).to_contain_text("chars", timeout=TIMEOUT)
    card = sources.locator(".seiqa-src.answer-source").first
    expect(card.locator("blockquote mark.ans")).to_have_text("1286.6万辆")  # shown in the question's script
    expect(card.locator("blockquote mark.kw").first).to_be_visible()
    expect(card).to_contain_text("一、产销规模")  # section path, in the display script

    # the citation link leads to the source; its whole paragraph opens
    reply.locator("a.seiqa-cite").first.click()
    details = card.locator("details.seiqa-para")
    details.locator("summary").click()
    expect(details.locator(".seiqa-para-text")).to_be_visible()
    expect(details.locator(".seiqa-para-text")).to_contain_text("40.9%")
    page.screenshot(path=str(tmp_path / "2-source-open.png"), full_page=True)

    # citation lookup: a Simplified quote of the Traditional text
    page.get_by_role("tab", name="Citation lookup 出處查核").click()
    page.locator("#seiqa-quote textarea").fill("新能源汽车产销分别完成1288.8万辆")
    page.locator("#seiqa-lookup").click()
    found = page.locator("#seiqa-found")
    text = UI_CORPUS["新能源汽車觀察.txt"]
    start = text.index("新能源汽車產銷分別完成1288.8萬輛")
    expect(found).to_contain_text(f"chars {start}–{start + len('新能源汽車產銷分別完成1288.8萬輛')}", timeout=TIMEOUT)
    expect(found).to_contain_text("一、產銷規模")
    expect(found.locator("mark.ans")).to_have_text("新能源汽車產銷分別完成1288.8萬輛")
    page.screenshot(path=str(tmp_path / "3-lookup.png"), full_page=True)

    page.locator("#seiqa-quote textarea").fill("火星上的城市")
    page.locator("#seiqa-lookup").click()
    expect(found).to_contain_text("not in the corpus", timeout=TIMEOUT)


def test_html_in_the_corpus_is_shown_as_text(page, ui_url, tmp_path):
    from playwright.sync_api import expect

    _open(page, ui_url)
    _ask(page, "網頁範例代碼中常見什麼標籤？")
    sources = page.locator("#seiqa-sources")
    expect(sources).to_contain_text("<script>alert('x')</script>", timeout=TIMEOUT)
    expect(sources).to_contain_text("<b>粗體</b>")
    expect(sources).to_contain_text("<img src=x onerror=alert(2)>")
    for root in ("#seiqa-sources", "#seiqa-chat"):
        assert page.locator(f"{root} script, {root} img[onerror], {root} b:text-is('粗體')").count() == 0
    page.locator("#seiqa-sources details.seiqa-para summary").first.click()
    page.wait_for_timeout(300)
    page.screenshot(path=str(tmp_path / "4-html-as-text.png"), full_page=True)
    assert not page.dialogs


def test_errors_show_in_the_chat(page, ui_url, tmp_path):
    from playwright.sync_api import expect

    _open(page, ui_url)
    reply = _ask(page, "   ")
    expect(reply).to_contain_text("empty", timeout=TIMEOUT)
    reply = _ask(page, "？？？")
    expect(reply).to_contain_text("no words")
    reply = _ask(page, "新能源汽車" * 120)  # over-long: answered from the first 500 characters, with a note
    expect(reply).to_contain_text("only the first 500", timeout=TIMEOUT)
    assert "Traceback" not in page.locator("#seiqa-chat").inner_text()
    page.screenshot(path=str(tmp_path / "5-errors.png"), full_page=True)


def test_concurrent_questions(ui_url):
    from gradio_client import Client

    client = Client(ui_url, verbose=False)
    questions = ["2024年新能源汽车销量是多少？", "2024年新能源汽車銷量是多少？"] * 10
    with ThreadPoolExecutor(20) as ex:
        jobs = [client.submit(q, [], 3, "auto", api_name="/ask") for q in questions]
        results = list(ex.map(lambda j: j.result(timeout=120), jobs))
    assert len(results) == 20
    for history, sources, box in results:
        content = history[-1]["content"]  # Gradio 6: a list of {"type": "text", "text": ...}
        reply = content if isinstance(content, str) else "".join(part.get("text", "") for part in content)
        assert reply.startswith("<strong>1286.6万辆</strong>") or reply.startswith("<strong>1286.6萬輛</strong>"), reply
        assert "seiqa-src-1-1" in reply
        assert "1286.6" in sources and box == ""


def test_display_script_and_failures_through_the_api(ui_assistant):
    """The script setting applies to the reply; an exception in the assistant is a
    message in the chat, not a stack trace."""
    from gradio_client import Client

    class Broken:
        def documents(self):
            return ui_assistant.documents()

        def ask(self, question, k=3):
            raise RuntimeError("the index is gone")

        def cite(self, quote):
            raise OSError("disk on fire")

    app, url = _start(ui_assistant)
    broken, broken_url = _start(Broken())
    try:
        history, _, _ = Client(url, verbose=False).predict("2024年新能源汽车销量是多少？", [], 2, "t", api_name="/ask")
        reply = "".join(p["text"] for p in history[-1]["content"])
        assert reply.startswith("<strong>1286.6萬輛</strong>") and "seiqa-src-1-2" in reply
        client = Client(broken_url, verbose=False)
        history, _, _ = client.predict("2024年新能源汽车销量是多少？", [], 3, "auto", api_name="/ask")
        reply = "".join(p["text"] for p in history[-1]["content"])
        assert "could not be answered" in reply and "the index is gone" in reply and "Traceback" not in reply
        assert "lookup failed" in client.predict("新能源", api_name="/cite")
    finally:
        app.close()
        broken.close()


# --- the README's screenshot -----------------------------------------------------------

README_QUESTION = "2024年新能源汽车产量是多少？"


def save_readme_screenshot(browser, url: str, out: Path, question: str = README_QUESTION) -> Path:
    """A screenshot of the chat with one answer and its sources, written to ``out``."""
    context = browser.new_context(viewport={"width": 1400, "height": 860}, locale="zh-TW")
    pg = context.new_page()
    try:
        _open(pg, url)
        reply = _ask(pg, question)
        reply.locator("a.seiqa-cite").first.wait_for(timeout=TIMEOUT)
        pg.locator("#seiqa-sources .seiqa-src").first.wait_for(timeout=TIMEOUT)
        pg.wait_for_timeout(300)
        out.parent.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(out))
    finally:
        context.close()
    return out


def test_readme_screenshot(browser, default_assistant, tmp_path):
    """docs/ui.png is made on the default corpus; it is rewritten when missing or when
    SEIQA_UPDATE_SCREENSHOT=1 (so a test run leaves the work tree unchanged)."""
    app, url = _start(default_assistant)
    try:
        shot = save_readme_screenshot(browser, url, tmp_path / "ui.png")
    finally:
        app.close()
    assert shot.stat().st_size > 10_000
    if not README_SHOT.exists() or os.environ.get("SEIQA_UPDATE_SCREENSHOT") == "1":
        README_SHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, README_SHOT)
