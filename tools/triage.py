"""Why explicit relations are missed or spurious on fixture groups, and which entities are wrong.

Counts missed and spurious explicit relations by relation type and by cause, entity false
negatives and positives by type, and percentage checks that disagree with the gold (false alarms on
consistent or unverifiable rates, planted inconsistencies missed, stated checks not made), over the groups of ``tools/score_fixtures.py``. ``--show`` lists
the items themselves, and is refused for the final test sets and held-out, which are never read.

    python tools/triage.py [--show] GROUP…      (e.g. --show dev3 dev4 dev5 dev6 dev7, the tuning sets)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from score_fixtures import groups  # noqa: E402

from govkg.errors import GovKGError  # noqa: E402
from govkg.loaders.evaluate import ENTITY_TYPES, answers, entity_matches, names_of, ranges_overlap  # noqa: E402
from govkg.loaders.extract import extract_report  # noqa: E402
from govkg.loaders.model import Extraction  # noqa: E402
from govkg.loaders.text import read_report  # noqa: E402

UNREAD = frozenset({"unseen", "unseen2", "unseen4", "unseen7", "unseen8", "held-out"})
"""Groups whose items nobody tuning the rules may see: only their counts are printed."""


@dataclass(frozen=True)
class Item:
    """One error: a missed or spurious relation, or an entity false negative or positive."""

    kind: str
    type: str
    cause: str
    what: str


def triage(extraction: Extraction, gold: dict[str, Any], text: str = "") -> list[Item]:
    """Every error of one extraction against its gold, each with its type and cause."""
    gold_entities, matches = entity_matches(extraction, gold)
    predicted = [e for e in extraction.entities if e.mentions]
    by_id = {e.id: e for e in predicted}
    surfaces = {e.id: names_of(e) for e in predicted}
    found: dict[str, set[str]] = {}
    rows: dict[str, list[dict[str, Any]]] = {}
    canonicals: dict[str, set[str]] = {}
    for i, g in enumerate(gold_entities):
        found.setdefault(g["canonical"], set()).update(matches[i])
        rows.setdefault(g["canonical"], []).append(g)
        for id_ in matches[i]:
            canonicals.setdefault(id_, set()).add(g["canonical"])

    def typed_otherwise(canonical: str) -> list[str]:
        """Predicted entities that are this gold entity under another type."""
        return sorted({f"{e.name}:{e.type}" for e in predicted for g in rows.get(canonical, [])
                       if e.type != g["type"] and answers(e, surfaces[e.id], g)})

    def between(heads: set[str], tails: set[str]) -> list[str]:
        return [p.type for p in extraction.relations if p.source in heads and p.target in tails]

    items: list[Item] = []
    for r in gold["relations"]:
        if r.get("implicit"):
            continue
        heads, tails = found.get(r["head"], set()), found.get(r["tail"], set())
        if r["type"] in between(heads, tails):
            continue
        wrong = [w for end, ids in ((r["head"], heads), (r["tail"], tails)) if not ids for w in typed_otherwise(end)]
        if wrong:
            cause = "endpoint with wrong type"
        elif not heads and not tails:
            cause = "head and tail missing"
        elif not heads:
            cause = "head missing"
        elif not tails:
            cause = "tail missing"
        elif r["type"] in between(tails, heads):
            cause = "wrong direction"
        elif between(heads, tails) or between(tails, heads):
            cause = "other relation type"
        else:
            cause = "both found, relation missing"
        items.append(Item("missed", r["type"], cause, f"{r['head']} → {r['tail']}" + (f"  [{', '.join(wrong)}]" if wrong else "")))
    annotated = {(r["type"], r["head"], r["tail"]) for r in gold["relations"]}
    for p in extraction.relations:
        if p.implicit:
            continue
        heads, tails = canonicals.get(p.source, set()), canonicals.get(p.target, set())
        if any((p.type, h, t) in annotated for h in heads for t in tails):
            continue
        pairs = {(h, t) for h in heads for t in tails}
        if not heads and not tails:
            cause = "head and tail not in gold"
        elif not heads:
            cause = "head not in gold"
        elif not tails:
            cause = "tail not in gold"
        elif any((p.type, t, h) in annotated for h, t in pairs):
            cause = "wrong direction"
        elif any((h, t) in pairs or (t, h) in pairs for _, h, t in annotated):
            cause = "other relation type"
        else:
            cause = "both in gold, relation not annotated"
        source, target = by_id.get(p.source), by_id.get(p.target)
        evidence = p.evidence.sentence[:60] if p.evidence else ""
        items.append(Item("spurious", p.type, cause, f"{source.name if source else p.source} → {target.name if target else p.target}  «{evidence}»"))
    for i, g in enumerate(gold_entities):
        if not matches[i]:
            other = typed_otherwise(g["canonical"])
            items.append(Item("entity FN", g["type"], "typed otherwise" if other else "not found",
                              f"{g['text']} ({g['canonical']})" + (f"  [{', '.join(other)}]" if other else "")))
    matched = set().union(*matches.values()) if matches else set()
    for e in predicted:
        if e.type in ENTITY_TYPES and e.id not in matched:
            items.append(Item("entity FP", e.type, "", f"{e.name}  «{e.mentions[0].text}»"))
    return items + statistics_items(extraction, gold, text)


def statistics_items(extraction: Extraction, gold: dict[str, Any], text: str) -> list[Item]:
    """Percentage checks that disagree with the gold: false alarms, planted ones missed, checks not made."""
    items = []
    for g in gold.get("statistics", []):
        start = text.find(g["text"])
        if start < 0:
            continue
        found = [s for s in extraction.statistics if s.unit == "%" and abs(s.value - float(g["value"])) < 1e-9
                 and ranges_overlap(s.start, s.end, start, start + len(g["text"]))]
        if not found:
            continue
        flagged = any(s.consistent is False for s in found)
        what = f"{g['text']}  «{g.get('measure', '')}»"
        if g.get("consistent") is False and g.get("verifiable") is not False:
            if not flagged:
                items.append(Item("planted missed", "Statistic", "", what))
        elif flagged:
            items.append(Item("false alarm", "Statistic", "unverifiable" if g.get("verifiable") is False else "consistent", what))
        elif "check" in g and all(s.consistent is None for s in found):
            items.append(Item("check not made", "Statistic", "", what))
    return items


def group_items(paths: list[Path]) -> list[tuple[str, Item]]:
    """The errors of every report of a group, by report name (a refused report counts as all missed)."""
    out: list[tuple[str, Item]] = []
    for path in paths:
        gold = json.loads(path.with_name(f"{path.stem}.gold.json").read_text(encoding="utf-8"))
        try:
            report = read_report(path)
            extraction = extract_report(report)
        except GovKGError:
            out.append((path.name, Item("refused", "", "", path.name)))
            continue
        out.extend((path.name, item) for item in triage(extraction, gold, report.text))
    return out


def summary(items: list[Item]) -> list[str]:
    """Aggregate lines: counts by type and by cause for each kind of error."""
    lines = []
    for kind in ("refused", "missed", "spurious", "entity FN", "entity FP", "false alarm", "planted missed", "check not made"):
        these = [i for i in items if i.kind == kind]
        if not these:
            continue
        lines.append(f"{kind}: {len(these)}")
        lines.append("  by type:  " + ", ".join(f"{t} {n}" for t, n in Counter(i.type for i in these).most_common()))
        if any(i.cause for i in these):
            lines.append("  by cause: " + ", ".join(f"{c} {n}" for c, n in Counter(i.cause for i in these).most_common()))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="+", metavar="GROUP")
    parser.add_argument("--show", action="store_true", help="list the items, not only the counts")
    args = parser.parse_args(argv)
    every = groups()
    if args.show and (refused := sorted(UNREAD.intersection(args.groups))):
        parser.error(f"--show is refused for {', '.join(refused)}: final and held-out sets are scored, never read")
    if unknown := [g for g in args.groups if g not in every]:
        parser.error(f"unknown group(s) {', '.join(unknown)}; known: {', '.join(every)}")
    for name in args.groups:
        found = group_items(every[name])
        print(f"== {name}")
        print("\n".join(summary([item for _, item in found])))
        if args.show:
            for report, item in sorted(found, key=lambda x: (x[1].kind, x[1].type, x[1].cause, x[0])):
                print(f"  {item.kind:9s} {item.type:16s} {item.cause:28s} {report[:24]:24s} {item.what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
