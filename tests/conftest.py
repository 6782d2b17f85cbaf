"""Shared fixtures: the embedding model loads once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crosscheck.embed import Embedder

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def require_shared(*parts: str) -> Path:
    """A path under ``../shared``; skips the test when it is absent, except under CI
    (``CI=true``), where its absence is a failure: acceptance tests never skip silently."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        reason = f"{path} is absent: the shared material beside the checkout is needed"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: this must not be skipped)")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    model = Embedder()
    model.encode(["warm up"])
    return model
