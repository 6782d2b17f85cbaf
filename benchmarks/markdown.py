"""The results of a run as Markdown tables, for ``reports/benchmarks.md``."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate


def _table(rows: list[list[Any]], headers: list[str]) -> str:
    return tabulate(rows, headers=headers, tablefmt="github")


def render(results: dict[str, Any], headline: list[tuple[str, Any, str]]) -> str:
    """Markdown for one run: machine and command, the headline figures with their
    targets, then each section's details."""
    m = results.get("machine", {})
    d = results.get("details", {})
    out = [
        f"Measured {m.get('date', '?')} on {m.get('nproc', '?')} × {m.get('cpu', '?')}, "
        f"{m.get('memory', '?')} RAM, Python {m.get('python', '?')}, torch {m.get('torch', '?')} "
        f"({m.get('torch_threads', '?')} threads); load average "
        f"{m.get('load_average_1m', '?')} at the start, {m.get('load_average_1m_end', '?')} at "
        f"the end. Command: `{results.get('command', '?')}` ({results.get('elapsed_s', '?')} s).",
        "",
    ]
    rows = []
    for key, ok, target in headline:
        if key in results:
            value = results[key]
            verdict = "" if ok is None or value is None else ("ok" if ok(value) else "**missed**")
            rows.append([f"`{key}`", value, target, verdict])
    out += [_table(rows, ["figure", "value", "target", ""]), ""]

    if "speed" in d:
        s = d["speed"]
        out += [
            f"**Speed** ({s['articles']} articles, {s['texts_embedded']} texts embedded; "
            f"encoder runs {s.get('encoder_runs_s', '?')} s, pipeline runs "
            f"{s.get('pipeline_runs_s', '?')} s). "
            "Where the pipeline's best run goes:",
            "",
            _table([[k, v] for k, v in s["pipeline_breakdown_s"].items()], ["stage", "seconds"]),
            "",
        ]
    if "faiss" in d:
        f = d["faiss"]
        out += [
            f"**Pairing** ({f['vectors']} sentence vectors): `mine_pairs` {f['mine_pairs_s']} s, "
            f"`paraphrase_mining_embeddings` {f['paraphrase_mining_s']} s; pairs ≥ "
            f"{f['min_score']} across sources: {f['paraphrase_mining_pairs']} by paraphrase "
            f"mining (top_k={f['top_k']}), {f['mine_pairs_pairs']} by mine_pairs "
            f"(k={f['k']}), {f['mine_pairs_only']} found only by mine_pairs.",
            "",
        ]
    if "specs" in d:
        s = d["specs"]
        rows = [[k, v["passed"], v["total"], v["rate"]] for k, v in s["by_source"].items()]
        out += [
            f"**Number specs**: {s['number_spec_passed']}/{s['number_spec_total']} in scope; "
            f"{s['number_spec_out_of_scope']} cases out of scope.",
            "",
            _table(rows, ["source", "passed", "in scope", "rate"]),
            "",
            "Out of scope, by category (cases):",
            "",
            _table([[k, v] for k, v in s["out_of_scope_categories"].items()], ["category", "n"]),
            "",
        ]
    if "vitaminc" in d:
        v = d["vitaminc"]
        rows = [
            [name, v[name]["accuracy"], v[name]["refutes_precision"], v[name]["refutes_recall"],
             v[name]["predicted_conflicts"]]
            for name in ("library", "pipeline", "relaxed", "min_ratio_1")
        ]  # fmt: skip
        out += [
            f"**VitaminC**: {v['vitaminc_n']} of {v['pairs_in_sample']} SUPPORTS/REFUTES pairs "
            f"have a quantity on both sides ({v['vitaminc_refutes']} REFUTES; majority "
            f"baseline {v['majority_baseline']}); {v['same_slot_pairs']} have two numbers "
            f"for the same counted noun, {v['relaxed_slot_pairs']} with a noun missing on "
            f"one side allowed; {v['paired_at_quantity_min']} reach the similarity at which "
            "the pipeline compares numbers.",
            "",
            _table(rows, ["decider", "accuracy", "REFUTES precision", "REFUTES recall", "flagged"]),
            "",
            "Why the library rule misses REFUTES pairs: "
            + ", ".join(f"{k} {n}" for k, n in v["missed_refutes_why"].items())
            + ".",
            "",
        ]
    if "seeds" in d:
        s = d["seeds"]
        out += [
            f"**Seeds**: must_find {s['seeds_must_find_found']}/{s['seeds_must_find_total']}, "
            f"false alarms {s['seeds_false_alarms']}/{s['seeds_must_not_flag_total']}, "
            f"corroborated {s['seeds_must_corroborate']}/{s['seeds_must_corroborate_total']}, "
            f"{s['seeds_conflicts']} conflicts in all.",
            "",
        ]
    if "ecb_pairs" in d:
        e = d["ecb_pairs"]
        out += [
            f"**ECB+ pairing** ({e['topics']} topics, {e['sentences']} sentences, "
            f"{e['ecb_gold_pairs']} gold pairs): recall {e['ecb_pair_recall']} at "
            f"SENTENCE_PAIR_MIN, {e['ecb_pair_recall_at_quantity_min']} among pairs reaching "
            f"QUANTITY_PAIR_MIN, {e['ecb_pair_recall_at_near_paraphrase']} among pairs "
            f"reaching NEAR_PARAPHRASE_MIN; {e['ecb_gold_cosine_reaches_min']} of gold pairs "
            f"reach SENTENCE_PAIR_MIN at all. {e['ecb_proposed_pairs']} pairs proposed, "
            f"{e['ecb_proposed_gold_share']} of them gold, "
            f"{e['ecb_proposed_cross_event_share']} joining two different events.",
            "",
        ]
    if "ecb_conflicts" in d:
        e = d["ecb_conflicts"]
        out += [
            f"**ECB+ conflicts** ({e['topics']} topics, {e['articles']} articles): "
            f"{e['ecb_cross_event_conflicts']} cross-event over "
            f"{e['cross_event_article_pairs']} cross-event article pairs "
            f"({_kinds(e['cross_event_by_kind'])}); {e['ecb_same_event_conflicts']} "
            f"same-event over {e['same_event_article_pairs']} pairs "
            f"({_kinds(e['same_event_by_kind'])}).",
            "",
        ]
        if e["cross_event_examples"]:
            out += ["Cross-event conflicts (false alarms by construction):", ""]
            out += [f"- {x}" for x in e["cross_event_examples"]] + [""]
        if e.get("same_event_examples"):
            out += ["Same-event conflicts (first few; unlabelled):", ""]
            out += [f"- {x}" for x in e["same_event_examples"]] + [""]
    if "realnews" in d:
        r = d["realnews"]
        rec = r["recall"]
        rows = [
            [k, v["cases"], v["found"], v["recall"], v["right_kind"]]
            for k, v in rec.items()
            if isinstance(v, dict)
        ]
        p = r["precision"]
        verdicts = ", ".join(f"{n} {v}" for v, n in sorted(p["verdicts"].items()))
        by_kind = [
            [k, *(v.get(x, 0) for x in ("true", "arguable", "false"))]
            for k, v in p["by_kind"].items()
        ]
        out += [
            f"**Real news** ({r['stories']} ECB+ stories, {r['cases']} changes): recall per kind "
            f"of change (found: a conflict on the changed words against an article that "
            f"carries the fact; right kind: of the kind the change calls for). A copy "
            f"corroborated its original {rec['copy_corroborations']} times.",
            "",
            _table(rows, ["change", "cases", "found", "recall", "right kind"]),
            "",
            f"Untouched stories: {p['realnews_conflicts']} conflicts and updates, "
            f"{p['realnews_judged']} "
            f"judged by hand ({verdicts}), share false {p['realnews_false_share']}; "
            f"{p['realnews_unjudged']} not judged yet.",
            "",
            _table(by_kind, ["kind", "true", "arguable", "false"]),
            "",
        ]
    if "speakers" in d:
        sp = d["speakers"]
        rows = [
            [f"{axis}: {k}", v["quotes"], v["right"], v["none"], v["wrong"], v["wrong_named"]]
            for axis, table in (("form", sp["by_form"]), ("position", sp["by_position"]))
            for k, v in table.items()
        ]
        out += [
            f"**Speakers** ({sp['speakers_quotes']} hand-annotated direct quotes): right "
            f"{sp['speakers_right']}, wrong {sp['speakers_wrong']} (named in the attribution: "
            f"{sp['speakers_wrong_named']}).",
            "",
            _table(rows, ["attribution", "quotes", "right", "none", "wrong", "wrong named"]),
            "",
        ]
    if "check" in d:
        c = d["check"]
        rows = [
            [n, s["check_s"], s["first_check_s"], s["store_build_s"], s["same_speaker_quotes"]]
            for n, s in c["stores"].items()
        ]
        out += [
            f"**Check** (a real {c['draft_sentences']}-sentence ECB+ article):",
            "",
            _table(
                rows,
                ["store articles", "warm check s", "first check s", "build s", "same-speaker"],
            ),
            "",
        ]
        if "cold_breakdown_s" in c:
            out += [
                f"Cold CLI check: {c['cold_cli_check_s']} s. Parts (own subprocesses):",
                "",
                _table([[k, v] for k, v in c["cold_breakdown_s"].items()], ["part", "seconds"]),
                "",
            ]
    if "scaling" in d:
        s = d["scaling"]
        out += [
            "**Scaling** (a synthetic year of news, one subprocess per size):",
            "",
            tabulate(s["scaling"], headers="keys", tablefmt="github"),
            "",
        ]
        if s.get("growth"):
            out += [
                "Growth from one size to the next (1.0 a step of the corpus is linear):",
                "",
                tabulate(s["growth"], headers="keys", tablefmt="github"),
                "",
            ]
    if "ann" in d:
        out += [
            "**Approximate search** (IVF against exact, all-against-all on MiniLM vectors "
            "of ECB+ sentences):",
            "",
            tabulate(d["ann"]["rows"], headers="keys", tablefmt="github"),
            "",
        ]
    return "\n".join(out)


def _kinds(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {n}" for k, n in counts.items()) or "none"
