"""Replays ``crosscheck check FILE --store DIR`` step by step in a fresh process and
prints the seconds of each step as JSON. Run by :func:`benchmarks.check.cold_cli`::

    python -m benchmarks.cold STORE_DIR FILE
"""

from __future__ import annotations

import json
import sys
import time


def main(store_dir: str, path: str) -> dict[str, float]:
    steps: dict[str, float] = {}
    last = time.perf_counter()

    def step(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        steps[name] = round(now - last, 3)
        last = now

    import crosscheck.cli  # noqa: F401  (what `crosscheck --help` costs)

    step("step_import_cli")
    import sentence_transformers  # noqa: F401

    step("step_import_sentence_transformers")
    from crosscheck.embed import Embedder
    from crosscheck.pipeline import check
    from crosscheck.report import render_check
    from crosscheck.store import Store

    step("step_import_pipeline")
    store = Store.open(store_dir)
    embedder = Embedder(store.model)
    step("step_open_store")
    embedder._load()
    step("step_load_model")
    results, warnings = check([path], store, embedder)
    step("step_first_check")
    render_check(results, "json", embedder.name, warnings)
    step("step_render")
    store.close()
    steps["step_total"] = round(sum(steps.values()), 3)
    return steps


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
