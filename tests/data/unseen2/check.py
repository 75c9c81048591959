"""Consistency check of the unseen2 fixtures' gold (not a test): every `text` is a substring of its
report, every relation end is an annotated canonical name, no duplicate (text, canonical) rows.

Run: python3 tests/data/unseen2/check.py
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).parent


def problems(gold_path: pathlib.Path) -> list[str]:
    name = gold_path.name[: -len(".gold.json")]
    text = next(p for p in HERE.iterdir() if p.name in (name + ".txt", name + ".html")).read_text("utf-8")
    gold = json.loads(gold_path.read_text("utf-8"))
    found = []
    rows = set()
    for e in gold["entities"]:
        if e["text"] not in text:
            found.append(f"entity text not in report: {e['text']}")
        if (e["text"], e["canonical"]) in rows:
            found.append(f"duplicate row: {e['text']} / {e['canonical']}")
        rows.add((e["text"], e["canonical"]))
    for s in gold["statistics"]:
        if s["text"] not in text:
            found.append(f"statistic text not in report: {s['text']}")
    names = {e["canonical"] for e in gold["entities"]}
    for r in gold["relations"]:
        for end in (r["head"], r["tail"]):
            if end not in names:
                found.append(f"relation end not annotated: {end} ({r['type']})")
    return [f"{gold_path.name}: {p}" for p in found]


if __name__ == "__main__":
    all_problems = [p for g in sorted(HERE.glob("*.gold.json")) for p in problems(g)]
    print("\n".join(all_problems) or "ok")
    sys.exit(1 if all_problems else 0)
