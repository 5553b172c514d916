"""The chat UI (Gradio 6): ask questions, read answers with numbered citations, check
the sources, look a quote up in the corpus.

    from seiqa import Assistant
    from seiqa.ui import serve
    serve(Assistant.load(corpus="corpus", index="index"))   # http://127.0.0.1:7860

Security: every piece of corpus text and every question is escaped here before it is
put in HTML or Markdown (:func:`esc`), so a document holding ``<script>`` or
``<img onerror=...>`` shows it as text. The chatbot also keeps Gradio's HTML
sanitiser on, allows no custom tags and renders no LaTeX.

Concurrency: one Assistant is loaded once and shared by every session; it is safe to
call from several threads (the embedder serialises its tokenizer, documents are read
once under a lock).
"""
from __future__ import annotations

import bisect
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .assistant import MAX_QUESTION_CHARS, QuestionError, clean_question
from .normalise import detect_script, normalise, to_script
from .question import analyse
from .records import Document, Paragraph, Result

if TYPE_CHECKING:  # gradio is an optional dependency (the "ui" extra)
    import gradio as gr

    from .assistant import Assistant

log = logging.getLogger("seiqa.ui")

EXAMPLES = [
    "2024年新能源汽车产量是多少？",
    "2024年新能源汽車銷量同比增長多少？",
    "2024年新能源汽车出口多少辆？",
    "截至2024年底，国家高新区数量是多少？",
    "合肥以什么为口号？",
]

SCRIPTS = [("自動 auto (as asked)", "auto"), ("繁體 Traditional", "t"), ("简体 Simplified", "s")]
DEFAULT_K = 3
NOT_FOUND_LABEL = "文件中沒有找到答案 / not found in the documents"

# Characters that mean something to HTML, to Markdown, to a JS template literal or to
# Handlebars (Gradio's gr.HTML templates), written as numeric character references in
# one pass: the browser shows them as the characters, no parser treats them as syntax.
_ESCAPE = {ord(c): f"&#{ord(c)};" for c in "&<>\"'`$\\{}[]()*_#!|~+-=:^"}


def esc(text: Any) -> str:
    """Escape text for HTML *and* Markdown: safe between tags and in a quoted attribute."""
    return str(text).translate(_ESCAPE)


def _script_of(question: str, script: str) -> str:
    if script in ("s", "t"):
        return script
    try:
        return detect_script(question) if question else "t"
    except Exception:  # noqa: BLE001 - display only
        return "t"


def _show(text: str, script: str) -> str:
    """Text in the display script (display only: never used for offsets)."""
    try:
        return to_script(text, script)
    except Exception:  # noqa: BLE001 - display only
        return text


def _ui(text: str, script: str) -> str:
    """A UI label written in Traditional, in the display script, escaped."""
    return esc(_show(text, script))


# --- highlighting ------------------------------------------------------------------

def _term_spans(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where the question's key words stand in ``text``, matched on its normalised form
    (same length as the text, so the offsets are the text's)."""
    norm = normalise(text)
    spans = []
    for t in terms:
        if len(t) < 2:
            continue
        i = norm.find(t)
        while i >= 0:
            spans.append((i, i + len(t)))
            i = norm.find(t, i + len(t))
    return spans


def highlight(
    text: str,
    base: int,
    answer_spans: Sequence[tuple[int, int]],
    terms: Sequence[str],
    script: str,
) -> str:
    """``text`` (which starts at document offset ``base``) as escaped HTML: the answer
    spans (document offsets) in <mark class="ans">, the key words in <mark class="kw">,
    each run converted to the display script on its own."""
    label = [0] * len(text)
    for s, e in _term_spans(text, terms):
        for i in range(s, e):
            label[i] = 1
    for s, e in answer_spans:
        for i in range(max(s - base, 0), min(e - base, len(text))):
            label[i] = 2
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and label[j] == label[i]:
            j += 1
        run = esc(_show(text[i:j], script))
        if label[i] == 2:
            out.append(f'<mark class="ans">{run}</mark>')
        elif label[i] == 1:
            out.append(f'<mark class="kw">{run}</mark>')
        else:
            out.append(run)
        i = j
    return "".join(out)


def _answer_spans(ans: dict[str, Any] | None, doc: str) -> list[tuple[int, int]]:
    """Document offsets of the answer (or of a computed answer's operands) in ``doc``."""
    if not ans:
        return []
    parts = ans.get("operands") or [ans]
    return [
        (int(p["start"]), int(p["end"]))
        for p in parts
        if p.get("doc") == doc and p.get("start") is not None and p.get("end") is not None
    ]


def _paragraph(doc: Document | None, start: int, end: int) -> Paragraph | None:
    if doc is None or not doc.paragraphs:
        return None
    starts = [p.start for p in doc.paragraphs]
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and doc.paragraphs[i].start <= start and end <= doc.paragraphs[i].end:
        return doc.paragraphs[i]
    return None


def _short(text: str, n: int = 80) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def anchor(turn: int, rank: int) -> str:
    return f"seiqa-src-{turn}-{rank}"


# --- the reply (chat message) ------------------------------------------------------

def _cite_link(turn: int, rank: int) -> str:
    return f'<a href="#{anchor(turn, rank)}" class="seiqa-cite">&#91;{rank}&#93;</a>'


def _figure(ans: dict[str, Any], script: str) -> str:
    text = _show(ans.get("source_text") or ans.get("text") or "", script)
    qualifier = _show((ans.get("qualifier") or "").replace("|", " "), script)
    return f"{qualifier} {text}".strip()


def _title(docs: dict[str, Document], rel: str) -> str:
    d = docs.get(rel)
    return d.title if d is not None and d.title else rel


def render_reply(result: Result, script: str, turn: int, docs: dict[str, Document], note: str = "") -> str:
    """The chat reply for one answer, as Markdown with inline HTML (all text escaped)."""
    ans = result.answer
    lines = []
    if note:
        lines.append(f"<em>⚠ {esc(note)}</em>")
    if ans is None:
        reason = result.reason or "no passage states this"
        lines.append(f"<strong>{_ui('文件中沒有找到答案', script)} / not found in the documents</strong>")
        lines.append(f"<em>{esc(reason)}</em>")
    elif ans.get("computed"):
        formula = _show(ans.get("formula") or "", script)
        lines.append(f"<strong>{esc(_show(ans.get('text') or '', script))}</strong>")
        lines.append(f"{_ui('計算所得', script)} / computed: <code>{esc(formula)}</code>")
        for op in ans.get("operands") or []:
            rank = op.get("citation")
            link = _cite_link(turn, rank) if rank is not None else ""
            lines.append(
                f"• <strong>{esc(_figure(op, script))}</strong> — "
                f"「{esc(_show(op.get('sentence') or '', script))}」 {link}"
            )
    elif ans.get("type") == "fact":
        rank = ans.get("citation")
        phrase = ans.get("source_text") or ans.get("text") or ""
        link = _cite_link(turn, rank) if rank is not None else ""
        lines.append(f"<strong>{esc(_show(phrase, script))}</strong> " + ("" if ans.get("sentence", phrase) != phrase else link))
        if ans.get("sentence") and ans["sentence"] != phrase:  # the phrase, then the sentence it stands in
            lines.append(f"「{esc(_show(ans['sentence'], script))}」 {link}")
    else:
        rank = ans.get("citation")
        lines.append(f"<strong>{esc(_figure(ans, script))}</strong>")
        if ans.get("sentence"):
            lines.append(
                f"「{esc(_show(ans['sentence'], script))}」 " + (_cite_link(turn, rank) if rank is not None else "")
            )
    if result.citations:
        lines.append("")
        lines.append(f"<strong>{_ui('引用', script)} / citations</strong>")
        many = len({c.doc for c in result.citations}) > 1 or len(docs) > 1
        for c in result.citations:
            where = [_title(docs, c.doc)] if many else []
            if c.section:
                where.append(c.section.split(" › ")[-1])  # the full path is in the sources panel
            where_html = " › ".join(esc(_show(w, script)) for w in where)
            lines.append(f"{_cite_link(turn, c.rank)} {where_html} · chars {c.start}–{c.end}")
    return "\n".join(lines)


# --- the sources panel -------------------------------------------------------------

def render_sources(
    result: Result, script: str, turn: int, docs: dict[str, Document], terms: Sequence[str] = ()
) -> str:
    """One card per citation: title, section path, offsets, the passage with the answer
    and the key words marked, and the whole paragraph in a <details>."""
    cards = [
        f'<div class="seiqa-sources-head">{_ui("來源", script)} / sources — '
        f"「{esc(_short(result.question))}」</div>"
    ]
    if not result.citations:
        cards.append(f'<p class="seiqa-empty">{_ui("沒有找到相關段落", script)} / no passage retrieved</p>')
    for c in result.citations:
        spans = _answer_spans(result.answer, c.doc)
        doc = docs.get(c.doc)
        cls = "seiqa-src answer-source" if any(s < c.end and e > c.start for s, e in spans) else "seiqa-src"
        passage = highlight(c.text, c.start, spans, terms, script)
        para = _paragraph(doc, c.start, c.end)
        more = ""
        if para is not None and doc is not None:
            ptext = doc.text[para.start : para.end]
            more = (
                f'<details class="seiqa-para"><summary>{_ui("整段", script)} / whole paragraph '
                f"(chars {para.start}–{para.end})</summary>"
                f'<div class="seiqa-para-text">{highlight(ptext, para.start, spans, terms, script)}</div></details>'
            )
        section = esc(_show(c.section, script)) if c.section else "—"
        cards.append(
            f'<div class="{cls}" id="{anchor(turn, c.rank)}">'
            f'<div class="seiqa-src-title"><span class="seiqa-rank">&#91;{c.rank}&#93;</span> '
            f"<strong>{esc(_show(_title(docs, c.doc), script))}</strong></div>"
            f'<div class="seiqa-src-meta">{section}<br>{esc(c.doc)} · chars {c.start}–{c.end} · score {c.score}</div>'
            f'<blockquote class="seiqa-passage">{passage}</blockquote>{more}</div>'
        )
    return "\n".join(cards)


SOURCES_PLACEHOLDER = (
    '<div class="seiqa-sources-head">來源 / sources</div>'
    '<p class="seiqa-empty">Ask a question: the passages it is answered from show here.</p>'
)

# Scoped by gr.HTML to the component. No "${" or "{{" in here: the template is a JS
# template literal run through Handlebars.
SOURCES_CSS = """
.seiqa-sources-head { font-weight: 600; margin-bottom: 0.5em; }
.seiqa-src { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 0.6em 0.8em; margin-bottom: 0.7em; }
.seiqa-src.answer-source { border-color: #d9a400; }
.seiqa-src:target { outline: 3px solid #4a7dff; }
.seiqa-src-meta { color: var(--body-text-color-subdued); font-size: 0.85em; }
.seiqa-passage { margin: 0.5em 0; padding-left: 0.7em; border-left: 3px solid var(--border-color-primary); white-space: pre-wrap; }
mark.ans { background: #ffd84d; color: #000; padding: 0 1px; }
mark.kw { background: #d6e8ff; color: #000; }
.seiqa-para summary { cursor: pointer; color: var(--link-text-color); }
.seiqa-para-text { white-space: pre-wrap; margin-top: 0.4em; }
.seiqa-empty { color: var(--body-text-color-subdued); }
.seiqa-error { color: #b00020; font-weight: 600; }
"""

APP_CSS = """
.seiqa-cite { text-decoration: none; font-weight: 600; }
mark.ans { background: #ffd84d; color: #000; }
"""


# --- citation lookup ---------------------------------------------------------------

def render_lookup(quote: str, locations: list, docs: dict[str, Document]) -> str:
    if not locations:
        return (
            f'<p class="seiqa-error">不在語料中 / not in the corpus: 「{esc(quote)}」</p>'
        )
    out = [f'<div class="seiqa-sources-head">{len(locations)} × 「{esc(quote)}」</div>']
    for i, loc in enumerate(locations, start=1):
        doc = docs.get(loc.doc)
        para = _paragraph(doc, loc.start, loc.end)
        if para is not None and doc is not None:
            passage = highlight(doc.text[para.start : para.end], para.start, [(loc.start, loc.end)], (), "keep")
        else:
            passage = f'<mark class="ans">{esc(loc.text)}</mark>'
        out.append(
            f'<div class="seiqa-src seiqa-loc"><div class="seiqa-src-title"><span class="seiqa-rank">{i}.</span> '
            f"<strong>{esc(_title(docs, loc.doc))}</strong></div>"
            f'<div class="seiqa-src-meta">{esc(loc.section) or "—"}<br>{esc(loc.doc)} · '
            f'<span class="seiqa-offsets">chars {loc.start}–{loc.end}</span></div>'
            f'<div class="seiqa-src-meta">{_ui("原文", "t")} / as written: 「{esc(loc.text)}」</div>'
            f'<blockquote class="seiqa-passage">{passage}</blockquote></div>'
        )
    return "\n".join(out)


# --- the app -----------------------------------------------------------------------

def _error(msg: str) -> str:
    return f'<span class="seiqa-error">⚠ {esc(msg)}</span>'


def build_app(
    assistant: Assistant,
    *,
    extra_tabs: Sequence[Callable[[Assistant], None]] = (),
    concurrency_limit: int = 4,
) -> gr.Blocks:
    """The Gradio app over one shared, already loaded Assistant.

    ``extra_tabs``: callables that each add a ``gr.Tab`` (called inside the app's
    ``gr.Tabs``), e.g. the batch evaluation tab. Endpoints: ``/ask`` (question,
    history, k, script) -> (history, sources html, ""), ``/cite`` (quote) -> html.
    """
    import gradio as gr

    documents = assistant.documents

    def respond(question: str, history: list | None, k: float | None, script: str | None):
        history = list(history or [])
        question = question if isinstance(question, str) else ""
        turn = sum(1 for m in history if isinstance(m, dict) and m.get("role") == "assistant") + 1
        if question.strip():
            history.append({"role": "user", "content": esc(question.strip())})
        notes: list[str] = []
        try:
            q = clean_question(question, warn=notes.append)
            k = int(max(1, min(10, int(k or DEFAULT_K))))
            shown = _script_of(q, script or "auto")
            result = assistant.ask(q, k=k)
            terms = analyse(q).terms
            reply = render_reply(result, shown, turn, documents(), note="; ".join(notes))
            sources = render_sources(result, shown, turn, documents(), terms)
        except QuestionError as e:
            reply, sources = _error(str(e)), gr.skip()
        except Exception as e:  # noqa: BLE001 - never a stack trace in the chat
            log.exception("question failed: %r", question[:200])
            reply = _error(f"the question could not be answered ({type(e).__name__}: {e})")
            sources = gr.skip()
        history.append({"role": "assistant", "content": reply})
        return history, sources, ""

    def lookup(quote: str) -> str:
        quote = quote if isinstance(quote, str) else ""
        if not quote.strip():
            return _error("paste a quote from a document, e.g. 新能源汽车产销分别完成1288.8万辆")
        if len(quote) > 20 * MAX_QUESTION_CHARS:
            return _error(f"the quote has {len(quote)} characters; paste at most {20 * MAX_QUESTION_CHARS}")
        try:
            return render_lookup(quote.strip(), assistant.cite(quote), documents())
        except Exception as e:  # noqa: BLE001
            log.exception("lookup failed")
            return _error(f"the lookup failed ({type(e).__name__}: {e})")

    with gr.Blocks(title="seiqa", analytics_enabled=False) as app:
        gr.Markdown("## seiqa — 問答附出處 / answers with verifiable citations")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            label="Chat",
                            elem_id="seiqa-chat",
                            height=520,
                            sanitize_html=True,
                            allow_tags=False,
                            latex_delimiters=[],
                            render_markdown=True,
                            line_breaks=True,
                            buttons=["copy"],
                            feedback_options=None,
                            placeholder="問一個問題（繁體或简体）/ ask a question in Chinese",
                        )
                        with gr.Row():
                            box = gr.Textbox(
                                placeholder="例如 2024年新能源汽车产量是多少？",
                                show_label=False,
                                lines=1,
                                max_lines=4,
                                scale=5,
                                elem_id="seiqa-question",
                                autofocus=True,
                            )
                            send = gr.Button("Ask 提問", variant="primary", scale=1, elem_id="seiqa-ask")
                        with gr.Accordion("Settings 設定", open=False):
                            k = gr.Slider(1, 10, value=DEFAULT_K, step=1, label="top-k citations", elem_id="seiqa-k")
                            script = gr.Radio(
                                SCRIPTS, value="auto", label="Display script 字體", elem_id="seiqa-script"
                            )
                        gr.Examples(EXAMPLES, inputs=[box], label="Examples 範例")
                    with gr.Column(scale=2):
                        sources = gr.HTML(
                            SOURCES_PLACEHOLDER,
                            elem_id="seiqa-sources",
                            css_template=SOURCES_CSS,
                            js_on_load=None,
                            padding=True,
                            container=True,
                        )
                inputs = [box, chatbot, k, script]
                outputs = [chatbot, sources, box]
                box.submit(respond, inputs, outputs, api_name="ask", concurrency_limit=concurrency_limit)
                send.click(respond, inputs, outputs, api_visibility="private", concurrency_limit=concurrency_limit)
            with gr.Tab("Citation lookup 出處查核", id="lookup"):
                gr.Markdown("Paste a quote (繁體 or 简体, any punctuation) to see where it stands in the corpus.")
                quote = gr.Textbox(label="Quote 引文", lines=2, elem_id="seiqa-quote")
                find = gr.Button("Look up 查核", variant="primary", elem_id="seiqa-lookup")
                found = gr.HTML(
                    "", elem_id="seiqa-found", css_template=SOURCES_CSS, js_on_load=None, padding=True
                )
                find.click(lookup, [quote], [found], api_name="cite", concurrency_limit=concurrency_limit)
                quote.submit(lookup, [quote], [found], api_visibility="private", concurrency_limit=concurrency_limit)
            # The "Batch evaluation" tab goes here (passed in through extra_tabs).
            for add_tab in extra_tabs:
                add_tab(assistant)
    return app


def launch_options() -> dict[str, Any]:
    """Arguments for ``app.launch`` that Gradio 6 no longer takes in gr.Blocks: the CSS
    and a theme with local fonts only (no web fonts fetched)."""
    import gradio as gr

    fonts = ["Noto Sans CJK SC", "Noto Sans CJK TC", "PingFang SC", "Microsoft YaHei", "system-ui", "sans-serif"]
    theme = gr.themes.Default(font=fonts, font_mono=["Noto Sans Mono CJK SC", "ui-monospace", "monospace"])
    return {"css": APP_CSS, "theme": theme}


def serve(
    assistant: Assistant,
    host: str = "127.0.0.1",
    port: int = 7860,
    share: bool = False,
    *,
    block: bool = True,
    app: gr.Blocks | None = None,
    log_line: Callable[[str], None] = lambda m: print(f"seiqa: {m}", file=sys.stderr, flush=True),
) -> gr.Blocks:
    """Start the UI on ``host:port`` (127.0.0.1 by default: this machine only). With
    ``block=False`` the server runs in a background thread and the app is returned
    (``app.close()`` stops it)."""
    if app is None:
        from .ui_eval import batch_tab  # the "Batch evaluation" tab

        app = build_app(assistant, extra_tabs=[batch_tab])
    app.launch(
        server_name=host,
        server_port=port,
        share=share,
        prevent_thread_lock=True,
        quiet=True,
        show_error=False,
        ssr_mode=False,
        inbrowser=False,
        **launch_options(),
    )
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{app.server_port}/"
    if getattr(app, "share_url", None):
        url += f" (public: {app.share_url})"
    log_line(f"UI running on {url} — press Ctrl+C to stop")
    if block:
        try:
            app.block_thread()
        except KeyboardInterrupt:
            pass
        finally:
            app.close()
    return app
