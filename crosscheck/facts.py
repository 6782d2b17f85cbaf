"""Figures as facts of a story: each number with a fact slot (crosscheck/slots.py) is
compared with the numbers other outlets give for the same slot, wherever in their
articles they stand, not only inside sentences that read alike.

A *slot* is the role a number fills, the event it belongs to, what it counts and whose
it is: ``(role, scope, what, unit, subject)``. People in general ("10 killed", "ten
people", "victims") have ``what = ""``; a kind of people or thing has its noun
("officer", "village"). An article's *reading* of a slot is the intersection of what
it states there; a part ("four others", "including two children") only says *at
least* so many. Two articles read a slot differently when their readings do not
overlap; a kind of people ("five officers") is a part of the people in general, so it
conflicts only with a total below it.

Articles are compared only where they tell one story: some sentence of one is paired
with a sentence of the other (the pairing's threshold, within the date window). Two
figures said of different days of the week are two occasions, and an article that
states the other's figure in some mention does not contradict it. A
developing figure (casualties, arrests, votes: ``slots.DEVELOPING``) that differs
between articles published on different days is an ``update``, with the figure's
timeline; so is one that differs between two undated articles whose order nothing
tells (an earlier and a later count as often as not); otherwise the difference is a
``quantity_conflict``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from . import config
from .compare import describe, fmt_interval, in_parentheses, plural, quantity_severity, side
from .model import (
    Article,
    Claim,
    Fact,
    FactValue,
    Finding,
    FindingKind,
    Interval,
    Quantity,
    Severity,
)
from .quantities import VAGUE
from .slots import (
    DEVELOPING,
    GENERIC_PEOPLE,
    HELD,
    NOT_PEOPLE,
    PERSON_ROLES,
    RECENT,
    WEEKDAY,
    occasion_day,
)

SlotKey = tuple[str, str, str, str, str]  # role, scope, what, unit, subject

# What a role counts, for a slot's name ("people killed", "votes").
_ROLE_NAMES = {
    "killed": "killed",
    "injured": "injured",
    "shot": "shot",
    "casualties": "dead and injured",
    "missing": "missing",
    "arrested": "arrested",
    "charged": "charged",
    "accused": "accused",
    "assaulted": "assaulted",
    "kidnapped": "kidnapped or held",
    "evacuated": "evacuated",
    "rescued": "rescued",
    "displaced": "displaced",
    "attended": "attending",
    "votes": "votes",
    "seats": "seats",
    "damaged": "damaged",
    "stolen": "stolen",
    "dropped": "dropped",
    "fired": "fired",
    "children": "children of",
}


def slot_key(c: Claim) -> SlotKey | None:
    """The slot of a quantity claim, or None when it has none that can be compared
    across articles: no role, another event or a hypothetical, or a bare count of
    nothing named for a role that does not count people."""
    q = c.quantity
    if q is None or not q.role or q.scope or in_parentheses(c):
        return None  # no role; another event, a year's history, a hypothetical; a conversion
    if q.role in PERSON_ROLES:
        if q.unit or q.noun in NOT_PEOPLE or _FRACTIONAL.search(q.text):
            return None  # money, times, measures, or "6.7": not a count of people
        if q.noun in ("other", "others"):
            what = "other"  # "four others were injured": compared as such, and as a part
        elif q.role == "children" or not q.noun or q.noun in GENERIC_PEOPLE | _ROLE_NOUNS:
            what = ""
        else:
            what = q.noun
    else:
        if not q.noun and not q.unit:
            return None
        if q.role in HELD and not q.subject:
            return None  # whose votes or seats? without a holder, no slot to compare
        what = q.noun
    # Who did it does not split a count of people: "Israel killed 40" and "the strike
    # killed 40" are one toll, and a place before the verb ("in Athens left three dead")
    # reads as a subject.
    subject = "" if q.role in PERSON_ROLES else q.subject.lower()
    return (q.role, q.scope, what, q.unit, subject)


def developing_slot(c: Claim) -> bool:
    """The claim gives a figure of a developing slot (a toll, arrests, votes): one a
    later report may raise or lower; said of the story's event or of the recent past
    (a follow-up's "last week's shooting killed two")."""
    key = _unscoped_key(c) if c.quantity and c.quantity.scope == RECENT else slot_key(c)
    return key is not None and key[0] in DEVELOPING


# "6.7" counts no people ("a 6.7-magnitude quake killed"); "1.5 million" does.
_FRACTIONAL = re.compile(r"\d\.\d(?!.*\b(?:million|billion|thousand|m|bn|k)\b)", re.IGNORECASE)

# Nouns that are the role itself ("1 dead", "2 hurt"): the count is of people.
_ROLE_NOUNS = frozenset("dead hurt injured wounded killed missing".split())


def reading(c: Claim) -> Interval:
    """The interval a mention says of its slot: a part is a lower bound, and so is a
    vague amount ("dozens injured" is said of 30 as of 249)."""
    assert c.quantity is not None
    q = c.quantity
    i = q.interval
    if q.noun in ("other", "others") and q.hedge not in VAGUE:
        return i  # "N others" against another "N others" (as a part: see _as_compared)
    if q.part or q.hedge in VAGUE:
        return Interval(i.low, math.inf, i.low_open, True)
    return i


def _intersect(a: Interval, b: Interval) -> Interval | None:
    """The numbers in both intervals; None when there are none."""
    if not a.overlaps(b):
        return None
    if a.low != b.low:
        lo, lo_open = (a.low, a.low_open) if a.low > b.low else (b.low, b.low_open)
    else:
        lo, lo_open = a.low, a.low_open or b.low_open
    if a.high != b.high:
        hi, hi_open = (a.high, a.high_open) if a.high < b.high else (b.high, b.high_open)
    else:
        hi, hi_open = a.high, a.high_open or b.high_open
    return Interval(lo, hi, lo_open, hi_open)


@dataclass(frozen=True)
class _Read:
    """One article's reading of one slot and the mention that states it best."""

    article: str
    interval: Interval
    mention: Claim


def readings(claims: Iterable[Claim]) -> dict[SlotKey, _Read]:
    """One article's reading of each slot: the intersection of its mentions in text
    order, leaving out a mention that contradicts those before it (the headline and
    lead state the story's figure; a later figure for the same slot is more often
    another fact, read as this one, than the article contradicting itself), with the
    narrowest mention it kept."""
    by_slot: dict[SlotKey, list[Claim]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: c.start):
        key = slot_key(c)
        if key is not None:
            by_slot[key].append(c)
    out = {}
    for key, mentions in by_slot.items():
        interval = reading(mentions[0])
        kept = [mentions[0]]
        for m in mentions[1:]:
            both = _intersect(interval, reading(m))
            if both is not None:
                interval = both
                kept.append(m)
        best = min(kept, key=lambda m: _witness(reading(m), interval, m.start))
        out[key] = _Read(best.article_id, interval, best)
    return out


def _witness(i: Interval, whole: Interval, start: int) -> tuple[bool, float, float, int]:
    """How well a mention stands for its article's reading ``whole``: the one that
    states it exactly, else the narrowest, the highest lower bound, the first."""
    return (i != whole, i.high - i.low, -i.low, start)


def _comparable(x: SlotKey, y: SlotKey) -> str:
    """How two slots compare: "same" (one slot), "part" (``x`` is a kind of the
    people ``y`` counts in general), "whole" (the reverse) or "" (not at all)."""
    if x[:2] != y[:2] or x[3:] != y[3:]:
        return ""
    if x[2] == y[2]:
        return "same"
    if x[0] in PERSON_ROLES and not y[2]:
        return "part"
    if x[0] in PERSON_ROLES and not x[2]:
        return "whole"
    return ""


def _whole_of_its_own(
    how: str,
    kx: SlotKey,
    read_a: Mapping[SlotKey, _Read],
    ky: SlotKey,
    read_b: Mapping[SlotKey, _Read],
) -> bool:
    """The article of the part (a kind of people, "six children") gives the people in
    general a figure of its own ("11 dead"): that whole is what it says of the total,
    compared with the other's whole; its part, set against the other's total, is one
    scene of the event against all of it, not a second reading of the total."""
    if how == "part":
        return (kx[0], kx[1], "", *kx[3:]) in read_a
    if how == "whole":
        return (ky[0], ky[1], "", *ky[3:]) in read_b
    return False


def _beyond_the_whole(x: Interval, y: Interval, how: str) -> bool:
    """A kind of people counted more than ``PART_MAX_RATIO`` times the other's whole
    ("tens of thousands of civilians" killed in a war a background paragraph recalls,
    against a bombing's three dead): a part so far beyond the total is of another event,
    not a second reading of this one."""
    part, whole = (x, y) if how == "part" else (y, x)
    return part.low > whole.high * config.PART_MAX_RATIO


def _as_compared(x: Interval, y: Interval, how: str) -> tuple[Interval, Interval]:
    """The two readings as they are compared: a kind of people (the "part" side) only
    says that the people in general are at least as many."""
    if how == "part":
        x = Interval(x.low, math.inf, x.low_open, True)
    elif how == "whole":
        y = Interval(y.low, math.inf, y.low_open, True)
    return x, y


def slot_name(key: SlotKey) -> str:
    """A reader's name for a slot: "people killed", "officers killed", "votes (Labour)"."""
    role, scope, what, unit, subject = key
    if role.startswith("counts:"):
        return f"counts of {role[7:]} charged"
    name = _ROLE_NAMES.get(role, role)
    if role == "children":
        pass  # "children of" a parent the sentence names
    elif role in PERSON_ROLES:
        name = f"{plural(what) if what else 'people'} {name}"
    elif what and what not in (role, role.rstrip("s")):
        name = f"{plural(what)} {name}"
    if unit and unit != "share":
        name += f" ({unit})"
    if subject:
        name += f", {subject}"
    if scope.startswith("year:"):
        name += f", in {scope[5:]}"
    return name


def compare_facts(
    articles: Mapping[str, Article],
    claims: Iterable[Claim],
    links: Iterable[tuple[str, str]],
    sources: Mapping[str, str],
    undated_update: bool = True,
    followups: Iterable[tuple[str, str]] = (),
) -> tuple[list[Finding], list[Fact]]:
    """Findings between linked articles of different sources whose readings of a
    slot disagree, and the facts (per slot, per story: the linked articles' readings,
    who agrees, who is the outlier) read by two or more sources.

    ``links``: article id pairs that tell one story; ``sources``: article id → source
    (outlet, lower case); ``undated_update``: a developing figure that differs between
    two undated articles is an update (False: a conflict, as a draft checked before
    publishing against coverage of unknown time); ``followups``: article id pairs
    published further apart than the pairing window that still tell one incident (a
    follow-up weeks later): only their developing figures are compared, as updates."""
    per_article: dict[str, list[Claim]] = defaultdict(list)
    every: dict[str, list[Claim]] = defaultdict(list)  # every figure, by article
    figures: dict[tuple[str, int], list[Claim]] = defaultdict(list)  # every figure, by sentence
    for c in _follow_up_figures(claims):
        if c.quantity is not None:
            figures[(c.article_id, c.sentence_index)].append(c)
            every[c.article_id].append(c)
            if slot_key(c) is not None:
                per_article[c.article_id].append(c)
    words = {a: _word_starts(articles[a].text) for a in per_article}
    findings: list[Finding] = []
    pairs = sorted({(min(p), max(p)) for p in links if p[0] != p[1]})
    later = sorted({(min(p), max(p)) for p in followups if p[0] != p[1]} - set(pairs))
    for (a, b), followup in [(p, False) for p in pairs] + [(p, True) for p in later]:
        if sources[a] == sources[b] or a not in per_article or b not in per_article:
            continue
        # Each side's figures read by the other: a figure said of a place the other
        # article never names is about something it does not cover ("more than a dozen
        # were killed by a quake in eastern China").
        read_a = readings(m for m in per_article[a] if _known(m, words[b]))
        read_b = readings(m for m in per_article[b] if _known(m, words[a]))
        for kx, x in sorted(read_a.items()):
            for ky, y in sorted(read_b.items()):
                how = _comparable(kx, ky)
                if not how or _whole_of_its_own(how, kx, read_a, ky, read_b):
                    continue
                if followup and kx[0] not in DEVELOPING:
                    continue  # weeks apart, only a developing figure is one fact still
                xi, yi = _as_compared(x.interval, y.interval, how)
                if how != "same" and _beyond_the_whole(x.interval, y.interval, how):
                    continue
                # Readings that agree need nothing more. Those that do not are two
                # occasions, or one article also states the other's figure (a figure
                # not compared, of a place the other never names, still states it).
                if (
                    xi.overlaps(yi)
                    or _other_occasion(x.mention, y.mention, figures, every)
                    or _other_day(x.mention, y.mention, articles)
                    or _states(every[a], kx, yi)
                    or _states(every[b], ky, xi)
                ):
                    continue
                key = kx if how != "part" else ky
                f = _finding(x, y, xi, yi, key, articles, undated_update)
                if f is not None:
                    findings.append(f)
    # The facts: each article's figures as the other linked articles of its story read
    # them (names that at least one of them knows).
    linked: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        linked[a].add(b)
        linked[b].add(a)
    read = {
        a: readings(m for m in cs if any(_known(m, words[o]) for o in linked[a] if o in words))
        for a, cs in per_article.items()
    }
    return findings, _facts(read, pairs, sources, articles)


def _follow_up_figures(claims: Iterable[Claim]) -> list[Claim]:
    """``claims``, with each figure said of the recent past ("last week's rampage that
    killed 12", "shot two men three days ago") read as of the story's own event where
    its article gives that role no figure of its own: a follow-up names its incident by
    when it happened; a report of a new one that recalls last week's tells both."""
    claims = list(claims)
    own = {(c.article_id, key[0]) for c in claims if (key := slot_key(c)) is not None}
    out = []
    for c in claims:
        q = c.quantity
        if q is not None and q.scope == RECENT:
            mine = replace(c, quantity=replace(q, scope=""))
            key = slot_key(mine)
            if key is not None and (c.article_id, key[0]) not in own:
                c = mine
        out.append(c)
    return out


def _states(mentions: Iterable[Claim], key: SlotKey, interval: Interval) -> bool:
    """Some mention of the slot, said of the whole, of a part it names or of a kind of
    its people, more than one (not a vague amount), gives the other's figure: the
    article states it too, whatever its reading ("17 died, including 12 at the
    magazine" against "12 killed"; "more than 70,000 civilians have been killed"
    against "left more than 70,000 dead"; "at least 22 houses were damaged in the
    district … 10 houses in Takengon" against "10 houses"; "more than 50 killed" in the
    schools and housing, "more than 40" at the school, against the school's 42). An
    open bound states the figures near it, up to ``QUANTITY_MEDIUM_RATIO`` times ("at
    least one dead" does not state 24). A mention read as of another event or time
    states it too ("last week's rampage that killed 12" against "12 killed"): the
    article gives the figure, whatever event it was read as of, and which of the two is
    another event is what nothing settles."""
    for m in mentions:
        q = m.quantity
        if q is None or q.hedge in VAGUE:
            continue
        own = _unscoped_key(m)
        if own != key and not (own and _comparable(own, key) == "part" and q.interval.low > 1):
            # Another slot. A kind of people ("70,000 civilians") states the whole; one
            # person of a kind ("a landslide killed one man") is a scene of the event.
            continue
        if q.part:
            # A part it names ("17 died, including 12 at the magazine") may be the
            # other's whole figure: the other outlet counted that part.
            if q.interval.overlaps(interval):
                return True
            continue
        r = reading(m)
        if math.isinf(r.high):
            r = Interval(r.low, r.low * config.QUANTITY_MEDIUM_RATIO, r.low_open, False)
        if r.overlaps(interval):
            return True
    return False


def _unscoped_key(m: Claim) -> SlotKey | None:
    """The slot of a mention as if it were of the story's own event."""
    q = m.quantity
    if q is None or not q.scope:
        return slot_key(m)
    return slot_key(replace(m, quantity=replace(q, scope="")))


def _other_occasion(
    x: Claim,
    y: Claim,
    figures: Mapping[tuple[str, int], Sequence[Claim]],
    every: Mapping[str, Sequence[Claim]],
) -> bool:
    """The two mentions' sentences each give another figure of one kind, and those
    differ: two occasions ("a 5.6 magnitude quake ... injuring five" and "a 5.2 quake
    has injured three" are two quakes). A sentence that gives no measure of its event
    (a magnitude) has its article's first ("Five wounded by quake" in an article of a
    5.6 quake)."""

    def others(m: Claim) -> list[Quantity]:
        return [
            c.quantity
            for c in figures.get((m.article_id, m.sentence_index), ())
            if c.quantity is not None and c.start != m.start and c.quantity.noun
        ]

    def first_measure(m: Claim, noun: str) -> list[Quantity]:
        found = [c for c in every.get(m.article_id, ()) if c.quantity and c.quantity.noun == noun]
        first = min(found, key=lambda c: c.start, default=None)
        return [first.quantity] if first and first.quantity else []

    fx, fy = others(x), others(y)
    for this, that, m in ((fx, fy, x), (fy, fx, y)):
        for q in that:
            kind = [p for p in this if (p.noun, p.unit) == (q.noun, q.unit)]
            if not kind and q.noun in _EVENT_MEASURES:
                kind = first_measure(m, q.noun)
            if kind and not any(p.interval.overlaps(q.interval) for p in kind):
                return True
    return False


# Measures that tell one event from another of its kind: a quake's magnitude.
_EVENT_MEASURES = frozenset({"magnitude"})


def _other_day(x: Claim, y: Claim, articles: Mapping[str, Article]) -> bool:
    """The two claims are said of different days of the week: two occasions ("46 were
    arrested Wednesday night" and, after "a vigil turned violent Monday night", "one
    person was arrested")."""

    def day(c: Claim) -> str:
        text = articles[c.article_id].text
        return occasion_day(text, c.sentence_start, c.start, c.end, c.sentence_end)

    dx, dy = day(x), day(y)
    return bool(dx and dy and dx != dy)


_DAYS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Mon Tue Tues Wed Thu Thur "
    "Thurs Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
# A place the figure is said of: "in eastern China", "at Yida camp", "off Banda Aceh";
# or the event it is said of: "during Rwanda, where close to a million were massacred".
_PLACE = re.compile(
    r"\b(?:in|at|near|from|off|outside|inside|across|during|(?:north|south|east|west)(?:east|west)?"
    r"\s+of)\s+(?:(?:the|a|an|[a-z]+ern|central|"
    r"northeast|northwest|southeast|southwest|rural|suburban|downtown)\s+){0,2}"
    r"(?:(?:city|town|village|province|district|region|county|state|camp)\s+of\s+)?"
    r"((?:[A-Z][\w'’.-]+\s*){1,3})"
)


def _word_starts(text: str) -> frozenset[str]:
    """The first four letters of every word of a text, lower case ("Phila." and
    "Philadelphia", "Iran's" and "Iran" are one)."""
    return frozenset(w[:4].lower() for w in re.findall(r"[A-Za-z]+", text))


def _anchors(c: Claim) -> tuple[str, ...]:
    """Where a mention's sentence puts its figure: the places it names after a
    preposition of place ("in eastern China", "at Yida camp")."""
    out = [w for m in _PLACE.finditer(c.sentence) for w in re.findall(r"[A-Za-z]+", m.group(1))]
    return tuple(w for w in out if len(w) >= 3 and w not in _DAYS)


def _known(c: Claim, words: frozenset[str]) -> bool:
    """Every place the mention's sentence names is in the other article too (by its
    first four letters). Days and months, written out or short ("Dec."), are not places:
    a later report names days the first did not know yet (see :func:`_order`)."""
    return all(t[:4].lower() in words for t in _anchors(c))


def _finding(
    x: _Read,
    y: _Read,
    xi: Interval,
    yi: Interval,
    key: SlotKey,
    articles: Mapping[str, Article],
    undated_update: bool = True,
) -> Finding | None:
    """The finding for two readings ``xi``, ``yi`` (as compared) that do not overlap."""
    ratio = xi.gap_ratio(yi)
    if ratio < config.QUANTITY_MIN_RATIO:
        return None  # a hedge apart ("over four" and "four")
    qx, qy = x.mention.quantity, y.mention.quantity
    assert qx is not None and qy is not None
    ax, ay = articles[x.article], articles[y.article]
    sides = (side(x.mention, ax), side(y.mention, ay))
    name = slot_name(key)
    order = _order(ax, ay)
    undated = not (ax.published or ay.published)
    if key[0] in DEVELOPING and not order and undated and undated_update:
        # Two undated reports of a developing figure: an earlier and a later count as
        # often as a contradiction, and nothing tells which. Not a conflict; the lower
        # figure first, as tolls rise.
        (lo, lq, li, la), (hi, hq, hi_i, ha) = sorted(
            [(x, qx, xi, ax), (y, qy, yi, ay)], key=lambda r: (r[2].low, r[2].high)
        )
        return Finding(
            FindingKind.UPDATE,
            Severity.LOW,
            f"{name}: {la.outlet} gives {describe(lq)}, {ha.outlet} {describe(hq)}: undated "
            "reports of a developing figure, an earlier and a later count or a conflict",
            (side(lo.mention, la), side(hi.mention, ha)),
            detail=f"{fmt_interval(li)} / {fmt_interval(hi_i)}",
            subtype=key[0],
        )
    if key[0] in DEVELOPING and order:
        (early, ei, ea), (late, li, la) = [(x, xi, ax), (y, yi, ay)][:: 1 if order > 0 else -1]
        assert early.mention.quantity and late.mention.quantity
        if ea.published and la.published:
            when = (f" on {ea.published}", f" on {la.published}")
        else:
            when = ("", f" in a later report (it names {_later_days(ea, la)})")
        return Finding(
            FindingKind.UPDATE,
            Severity.LOW,
            f"{name}: {ea.outlet} gave {early.mention.quantity.text}{when[0]}, "
            f"{la.outlet} {late.mention.quantity.text}{when[1]}",
            (side(early.mention, ea), side(late.mention, la)),
            detail=f"{fmt_interval(ei)} → {fmt_interval(li)}",
            subtype=key[0],
        )
    return Finding(
        FindingKind.QUANTITY_CONFLICT,
        quantity_severity(ratio),
        f"{name}: {ax.outlet} says {describe(qx)} {fmt_interval(xi)}; {ay.outlet} says "
        f"{describe(qy)} {fmt_interval(yi)}: the ranges do not overlap",
        sides,
        detail=f"ratio {ratio:.2f}" if not math.isinf(ratio) else "ratio ∞",
        subtype=key[0],
    )


def _order(a: Article, b: Article) -> int:
    """1 when ``b`` is the later report, -1 when ``a`` is, 0 when it cannot be told:
    by publication day; between undated articles, by the days of the week they name,
    when one names every day the other does and more ("Saturday's shooting" and
    "Monday's vigil" against "Saturday", "Monday" and "Wednesday night")."""
    if a.published and b.published:
        return (a.published < b.published) - (a.published > b.published)
    if a.published or b.published:
        return 0
    da, db = _days_named(a.text), _days_named(b.text)
    if da and da < db:
        return 1
    if db and db < da:
        return -1
    return 0


def _days_named(text: str) -> frozenset[str]:
    return frozenset(WEEKDAY.findall(text))


def _later_days(early: Article, late: Article) -> str:
    return ", ".join(sorted(_days_named(late.text) - _days_named(early.text)))


def _facts(
    read: Mapping[str, Mapping[SlotKey, _Read]],
    pairs: Sequence[tuple[str, str]],
    sources: Mapping[str, str],
    articles: Mapping[str, Article],
) -> list[Fact]:
    """Per story (articles joined by links) and slot: every article's reading, the
    outlets that share the value most of them allow, and the others."""
    parent = {a: a for a in read}

    def root(a: str) -> str:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in pairs:
        if a in parent and b in parent:
            parent[root(b)] = root(a)
    stories: dict[str, list[str]] = defaultdict(list)
    for a in sorted(read):
        stories[root(a)].append(a)
    out = []
    for members in stories.values():
        slots: dict[SlotKey, list[_Read]] = defaultdict(list)
        for a in members:
            for key, r in read[a].items():
                slots[key].append(r)
        for key, rs in sorted(slots.items()):
            if len({sources[r.article] for r in rs}) < 2:
                continue
            rs.sort(key=lambda r: (_published(articles[r.article]), r.article))
            agree, outliers = _consensus(rs, sources)
            out.append(
                Fact(
                    slot=slot_name(key),
                    values=tuple(
                        FactValue(r.interval, side(r.mention, articles[r.article])) for r in rs
                    ),
                    agree=agree,
                    outliers=outliers,
                )
            )
    return out


def _published(a: Article) -> str:
    return a.published.isoformat() if a.published else "~"


def _consensus(
    rs: Sequence[_Read], sources: Mapping[str, str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The outlets whose readings contain the value that the most outlets' readings
    contain (ties: the smaller value), and the outlets whose readings do not."""
    outlets_of: dict[float, set[str]] = {}
    for r in rs:
        for point in (r.interval.low, r.interval.high):
            if math.isinf(point):
                continue
            covering = {
                sources[s.article] for s in rs if s.interval.overlaps(Interval(point, point))
            }
            outlets_of[point] = covering
    if not outlets_of:
        return (), ()
    best = max(sorted(outlets_of), key=lambda p: len(outlets_of[p]))
    agree = outlets_of[best]
    if len(agree) < 2:
        return (), ()  # no two outlets agree: nobody is the outlier
    others = {sources[r.article] for r in rs} - agree
    outlet_name = {sources[r.article]: r.mention.outlet for r in rs}
    return (
        tuple(sorted(outlet_name[o] for o in agree)),
        tuple(sorted(outlet_name[o] for o in others)),
    )
