import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "corpus"

os.environ.setdefault("HF_HUB_OFFLINE", "1")

SMALL_CORPUS = {
    "能源/新能源汽車.txt": (
        "新能源汽車產業報告\n\n一、產業概況\n\n（一）產銷規模\n"
        "2024年，新能源汽車產銷分別完成1288.8萬輛和1286.6萬輛，同比分別增長34.4%和35.5%。\n\n"
        "（二）動力電池\n動力電池裝車量累計548.4GWh，同比增長41.5%。\n\n"
        "二、區域布局\n長三角地區形成了完整的新能源汽車產業鏈，上海、合肥和常州是重要的生產基地。\n"
    ),
    "光伏.md": (
        "# 光伏產業\n\n## 裝機\n\n2024年全國光伏新增裝機277.57GW，創歷史新高。\n\n"
        "## 出口\n\n光伏組件出口約235.9GW，主要市場為歐洲和亞洲。\n"
    ),
}


def write_corpus(folder: Path, files: dict[str, str] = SMALL_CORPUS) -> Path:
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def corpus_writer():
    return write_corpus


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def default_assistant(tmp_path_factory):
    from seiqa import Assistant

    return Assistant.load(corpus=DEFAULT_CORPUS, index=tmp_path_factory.mktemp("index-default"))
