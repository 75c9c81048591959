"""Consistency check of a fixture folder's gold files (run by hand, not a test): every `text` is a substring
of its report, every relation end is an annotated canonical name, no duplicate (text, canonical) rows.

    python tools/check_gold.py tests/data/unseen tests/data/unseen2
"""
import json
import pathlib
import sys


def problems(gold_path: pathlib.Path) -> list[str]:
    """What is wrong with one gold file against the report beside it."""
    name = gold_path.name[: -len(".gold.json")]
    text = next(p for p in gold_path.parent.iterdir() if p.name in (name + ".txt", name + ".html")).read_text("utf-8")
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
    if len(sys.argv) < 2:
        sys.exit("usage: python tools/check_gold.py FOLDER [FOLDER ...]")
    folders = [pathlib.Path(a) for a in sys.argv[1:]]
    all_problems = [p for folder in folders for g in sorted(folder.glob("*.gold.json")) for p in problems(g)]
    print("\n".join(all_problems) or "ok")
    sys.exit(1 if all_problems else 0)
