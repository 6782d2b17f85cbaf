"""Growth of time and memory on hostile input shapes (issue 16): sizes 1x, 10x and 100x
of each shape, each within 15x per 10x step.

Each size runs in a fresh child process, which reports its time and the memory it
added: peak resident memory (``VmHWM``) less the resident memory before the work
(after imports and the model load, with free memory handed back to the system and
the peak reset first: ``common.reset_peak_rss``). The encoder is the static tier: the stages
measured here are the reading, the extraction and the pairing, which the encoder
(linear in the sentences, measured by the ``speed`` section) would drown.

Shapes:
- ``repeated_sentences``: one file of ``"Yes," he said.`` repeated on one line, the
  whole report (``build_report``).
- ``number_dense``: one file of short sentences dense with figures, the whole report.
- ``identical_rows``: ``mine_pairs`` on identical vectors of one source (the index list
  every search would read).
- ``near_identical_rows``: ``mine_pairs`` on near-identical vectors of one source and a
  few of another (the search that widened until it read every row).
- ``random_rows``: ``mine_pairs`` on random vectors of 50 sources: the reference. The
  exact index (below ``config.ANN_MIN_ROWS`` rows) reads every row for every query,
  and the IVF index reads √n rows a query, so pairing grows faster than linearly on
  any input; a hostile shape must not grow faster than this.
- ``stray_tags``: the HTML reader on ``<b>`` n times, then ``</i>`` n times.

Shapes found since (each was quadratic), the whole report:
- ``initials``: ``A.`` repeated (every full stop after an initial, so no sentence
  ends).
- ``one_speaker``: two outlets that quote one speaker n times each, in different
  words (each quote was compared with every quote of the other outlet).
- ``copied_repeats``: one sentence repeated, and a copy of its first half (the
  sentence alignment of the copy read every sentence against every other).

Shapes of issue 23, the whole report:
- ``dense_numbers``: one file of n sentences of 2,990 characters of numbers (the slot
  reader read the sentence again for each of its 500 numbers).
- ``one_liners``: n undated one-line articles of one template from 300 outlets (the
  syndication check compared every pair of them).
- ``templated``: n undated four-sentence articles of one template, each with its own
  figures (every article disagrees with every other: the findings themselves grow with
  the square of the articles, and nothing bounds them yet).
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from typing import Any

from .common import ROOT

SHAPES = {
    "repeated_sentences": 600,  # 9.6 KB at 1x
    "number_dense": 250,  # 9 KB at 1x
    "identical_rows": 800,
    "near_identical_rows": 800,
    "random_rows": 800,  # the reference: pairing grows so on any input
    "stray_tags": 4000,  # 28 KB at 1x
    "initials": 3000,  # 9 KB at 1x
    "one_speaker": 50,  # 6 KB at 1x
    "copied_repeats": 400,  # 16 KB at 1x
    "dense_numbers": 1,  # 3 KB at 1x
    "one_liners": 200,  # 200 files at 1x
    "templated": 6,  # 6 files at 1x
}
STEPS = (1, 10, 100)
LIMIT_PER_STEP = 15.0

_CHILD = r"""
import json, sys, tempfile, time
from pathlib import Path
from benchmarks.common import peak_rss_mb, reset_peak_rss, rss_mb

shape, n = sys.argv[1], int(sys.argv[2])
import numpy as np
from crosscheck.ingest import load
from crosscheck.pair import mine_pairs
from crosscheck.pipeline import build_report
folder = Path(tempfile.mkdtemp())
PLACES = ["Leeds", "York", "Bath", "Hull", "Derby", "Ely", "Wells", "Ripon", "Truro", "Exeter"]
if shape in ("one_liners", "templated"):
    for i in range(n):
        if shape == "one_liners":
            text = (f"Officials said that {i * 37 % 399 + 2} people were injured when a fire "
                    f"broke out in {PLACES[i % 10]} on Monday.")
        else:
            text = (f"Officials said {i * 37 % 399 + 2} people were injured in {PLACES[i % 10]}. "
                    f"The fire began at {i % 11 + 1} pm. Crews from {i % 23 + 2} stations "
                    f"attended. The road was closed for {i % 17 + 2} hours.")
        record = {"outlet": f"Outlet {i % 300}", "text": text}
        (folder / f"a{i}.json").write_text(json.dumps(record))
    build_report([folder / "a0.json"], model="static", progress=False)  # loads the model
    work = lambda: build_report([folder], model="static", progress=False)
    size = sum(p.stat().st_size for p in folder.iterdir())
elif shape in ("repeated_sentences", "number_dense", "initials", "one_speaker", "copied_repeats",
               "dense_numbers"):
    if shape == "repeated_sentences":
        text = '"Yes," he said. ' * n
    elif shape == "number_dense":
        text = " ".join(f"{i} of {i + 7} were hurt. {3 * i} people and 4.5% of {i}0,000 came."
                        for i in range(n))
    elif shape == "initials":
        text = "A. " * n
    elif shape == "dense_numbers":
        text = "\n\n".join(
            " ".join(str((i * 7919 + j * 104729) % 99999 + 1) for j in range(600))[:2990] + "."
            for i in range(n))
    elif shape == "one_speaker":
        text = "".join(f'"We will rebuild the bridge by {i % 28 + 1} May," Mr Aa Bb said. '
                       for i in range(n))
        (folder / "b.txt").write_text("".join(
            f'Mr Aa Bb told reporters: "The crossing opens again on {i % 28 + 1} June." '
            for i in range(n)))
    else:
        text = '"He said," Mr Aa Bb said. ' * n
        (folder / "b.txt").write_text(text[: len(text) // 2])
    (folder / "a.txt").write_text(text)
    build_report([folder], model="static", progress=False)  # loads the model
    work = lambda: build_report([folder], model="static", progress=False)
    size = sum(p.stat().st_size for p in folder.iterdir())
elif shape in ("identical_rows", "near_identical_rows", "random_rows"):
    rng = np.random.default_rng(16)
    base = rng.normal(size=384).astype(np.float32)
    if shape == "identical_rows":
        v = np.tile(base, (n, 1))
        sources = ["one"] * n
    elif shape == "random_rows":
        v = rng.normal(size=(n, 384)).astype(np.float32)
        sources = [f"s{i % 50}" for i in range(n)]
    else:
        v = base + 0.01 * rng.normal(size=(n, 384)).astype(np.float32)
        v = np.vstack([v, rng.normal(size=(10, 384)).astype(np.float32)])
        sources = ["one"] * n + ["two"] * 10
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    work = lambda: mine_pairs(v, sources, 5, 0.5)
    size = n
else:
    page = folder / "stray.html"
    page.write_text("<html><body>" + "<b>" * n + "</i>" * n + "<p>Labour lost 275 seats.</p>"
                    "</body></html>")
    work = lambda: load([page])
    size = page.stat().st_size
reset_peak_rss()
before = rss_mb()
start = time.perf_counter()
work()
seconds = time.perf_counter() - start
print(json.dumps({"size": size, "seconds": round(seconds, 3),
                  "added_mb": round(max(0.0, peak_rss_mb() - before), 1)}))
"""


def _one(shape: str, n: int, timeout_s: float) -> dict[str, Any]:
    try:
        done = subprocess.run(
            [sys.executable, "-c", _CHILD, shape, str(n)],
            capture_output=True,
            text=True,
            timeout=timeout_s,
            cwd=ROOT,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return {"n": n, "timed_out_s": timeout_s}
    return {"n": n, **json.loads(done.stdout.strip().splitlines()[-1])}


def growth(shapes: dict[str, int] = SHAPES, timeout_s: float = 600) -> dict[str, Any]:
    """Per shape and size: time and added memory, and the ratio per 10x step (memory
    counted from 1 MB, so that a few hundred KB of noise reads as no growth)."""
    out: dict[str, Any] = {}
    worst = 0.0
    for shape, base in shapes.items():
        runs = [_one(shape, base * step, timeout_s) for step in STEPS]
        steps = []
        for a, b in itertools.pairwise(runs):
            if "seconds" not in a or "seconds" not in b:
                steps.append({"time": None, "memory": None})
                worst = float("inf")
                continue
            time_ratio = b["seconds"] / max(a["seconds"], 0.01)
            memory_ratio = max(b["added_mb"], 1.0) / max(a["added_mb"], 1.0)
            if shape != "random_rows":
                worst = max(worst, time_ratio, memory_ratio)
            steps.append({"time": round(time_ratio, 2), "memory": round(memory_ratio, 2)})
        out[shape] = {"runs": runs, "per_10x": steps}
    reference = out.get("random_rows", {}).get("runs", [])
    versus = [
        h["seconds"] / max(r["seconds"], 0.01)
        for shape in ("identical_rows", "near_identical_rows")
        for h, r in zip(out.get(shape, {}).get("runs", []), reference, strict=False)
        if "seconds" in h and "seconds" in r
    ]
    return {
        "hostile_worst_growth_per_10x": round(worst, 2),
        "hostile_rows_vs_random_rows": round(max(versus, default=0.0), 2),
        "shapes": out,
    }


def render(result: dict[str, Any]) -> str:
    """The growth table, as Markdown."""
    lines = [
        "| shape | 1x | 10x | 100x | time per 10x | memory per 10x |",
        "|---|---|---|---|---|---|",
    ]
    for shape, v in result["shapes"].items():
        cells = [
            f"{r['seconds']} s, +{r['added_mb']} MB" if "seconds" in r else "timed out"
            for r in v["runs"]
        ]
        t = " / ".join(str(x["time"]) for x in v["per_10x"])
        m = " / ".join(str(x["memory"]) for x in v["per_10x"])
        lines.append(f"| {shape} | {' | '.join(cells)} | {t} | {m} |")
    return "\n".join(lines)
