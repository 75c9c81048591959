"""The library type-checks: public functions are typed, and mypy agrees with them."""

from __future__ import annotations

from reports import REPO


def test_the_library_is_mypy_clean():
    from mypy import api

    packages = [str(REPO / name) for name in ("govkg", "loaders", "graph", "ontology", "queries")]
    report, errors, status = api.run([*packages, "--ignore-missing-imports", "--no-error-summary", "--cache-dir", str(REPO / ".mypy_cache")])
    assert status == 0, report + errors
