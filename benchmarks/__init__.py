"""crosscheck's benchmark suite: speed, accuracy on public data, and scaling.

Run it with ``python -m benchmarks [--quick] [--json FILE]``; the figures are explained
in ``reports/benchmarks.md``. Every section is a plain function that returns a dict of
numbers (``speed.encoder_vs_pipeline``, ``accuracy.number_specs``, ``ecb.pair_recall``,
...), so the smoke test can run each one on tiny inputs.
"""
