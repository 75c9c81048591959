"""Extraction output as a baseline: record ``govkg extract --format json`` of a corpus, compare later runs byte for byte.

A refactor of the rules must not change what they find. Record before, compare after:

    python -m bench.baseline record DIR            # every report under tests/data/ and 1,000 synthetic ones (seed 0)
    python -m bench.baseline compare DIR           # same inputs; lists every file whose JSON differs
    python -m bench.baseline compare DIR --model M # the same through ``govkg extract --model M``

Each report's JSON is written to ``DIR/<group>/<name>.json`` exactly as the CLI prints it
(through click's test runner, in this process, so the run takes a minute, not an hour).
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SYNTHETIC = 1000


def inputs(synthetic: int = SYNTHETIC) -> Iterator[tuple[str, Path]]:
    """(group, path) of every report under tests/data/ (bad files included: their errors are output too) and the synthetic corpus."""
    from bench.common import corpus

    for path in sorted((ROOT / "tests" / "data").rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".html", ".pdf", ".docx"):
            yield "tests-data", path
    for path in corpus(synthetic, seed=0):
        yield "synthetic", path


def cli_output(path: Path, model: str | None = None) -> str:
    """What ``govkg extract PATH --format json`` prints (stdout, then the exit code and any error)."""
    from click.testing import CliRunner

    from govkg.cli import cli

    args = ["extract", str(path), "--format", "json", *(["--model", model] if model else [])]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    out = result.stdout
    if result.exit_code:
        out += f"\n[exit {result.exit_code}] {result.stderr.strip()}\n"
    return out


def _target(folder: Path, group: str, path: Path) -> Path:
    name = path.relative_to(ROOT / "tests" / "data") if group == "tests-data" else Path(path.name)
    return folder / group / (str(name).replace("/", "__") + ".json")


def record(folder: Path, synthetic: int = SYNTHETIC) -> int:
    count = 0
    for group, path in inputs(synthetic):
        target = _target(folder, group, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(cli_output(path), encoding="utf-8")
        count += 1
    print(f"recorded {count} outputs in {folder}")
    return 0


def compare(folder: Path, synthetic: int = SYNTHETIC, model: str | None = None, show: int = 3) -> int:
    differing: list[Path] = []
    count = 0
    for group, path in inputs(synthetic):
        target = _target(folder, group, path)
        now = cli_output(path, model)
        count += 1
        before = target.read_text(encoding="utf-8") if target.exists() else ""
        if now != before:
            differing.append(target)
            if len(differing) <= show:
                diff = difflib.unified_diff(before.splitlines(), now.splitlines(), str(target), "now", lineterm="", n=2)
                print("\n".join(list(diff)[:60]))
    print(f"{count} outputs compared, {len(differing)} differ")
    for target in differing[:50]:
        print(f"  {target}")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["record", "compare"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--synthetic", type=int, default=SYNTHETIC, help="how many synthetic reports (seed 0)")
    parser.add_argument("--model", help="compare the output of `govkg extract --model MODEL`")
    args = parser.parse_args(argv)
    if args.action == "record":
        return record(args.folder, args.synthetic)
    return compare(args.folder, args.synthetic, args.model)


if __name__ == "__main__":
    sys.exit(main())
