"""Fact slots: what a number is a fact about.

Two numbers are compared only when they are about the same fact: the same thing
counted, in the same role, in the same event. "Ten officers dead" and "Five police
officers were killed" fill one slot (officers, killed); "six people were shot" and "two
people were killed" fill two (shot, killed); "in 2004 a tsunami killed 170,000 people"
is about another event than this week's earthquake, and "hoped to kill hundreds" about
none.

:func:`read_slot` reads, from the sentence around a number, three things the
comparison needs (:class:`SlotReading`):

- ``role``: the predicate the number fills ("killed", "injured", "shot", "arrested",
  "votes", ...), from the lexicon :data:`ROLE_WORDS`, found in the patterns news uses:
  a verb before the number ("killing at least 10", "kills 1"), the number's noun ("12
  deaths", "4,000 votes"), a predicate after its noun phrase ("three bank workers
  dead", "four others were injured"), "left N dead", "death toll rose to N", and
  predicates of several words ("were pronounced dead", "were rushed to hospital",
  "suffered minor injuries");
- ``scope``: "" for the story's own event; ``"year:2004"`` when the clause dates the
  fact to a year ("in 2004", "since 1990"); ``"other"`` for another event (round-ups
  "days after", history "last year", "years ago", "previous"); ``"recent"`` for the
  recent past ("last week", "three days ago"), which crosscheck/facts.py reads as the
  story's own event in a follow-up; ``"hypothetical"`` for what did not happen ("could
  kill", "hoped to kill", "threatened to");
- ``part``: the number counts part of the slot's total, so it is a lower bound: "four
  others", "including two children", "two of them", "seriously injured", "taken to
  hospital", "died at the scene", one item of a list ("two men and two women"),
  "another 5".

:func:`occasion_day` reads the day of the week a figure is said of ("46 were arrested
Wednesday night"), not the day it is reported on ("said on Monday"): two figures of two
days are two occasions.

The lexicon lives in the tables below; every decision about a word is made there.
Standard library only. A figure of another event, a year's history or a hypothetical
has no slot at all (crosscheck/facts.py compares only scope "", and "recent" where it
reads it as the story's).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from . import config

# --- the lexicon ------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """A closed word class, written as one string of space-separated words."""
    return frozenset(text.split())


#: Predicates (verbs and adjectives, lower case) → the role they name. A role is a
#: slot's predicate: "killing 10", "three dead", "four others were injured".
ROLE_WORDS: dict[str, str] = {
    # deaths
    **dict.fromkeys(
        _words(
            "kill kills killed killing dead die dies died dying perished perish murdered murdering "
            "drowned executed slain massacred massacring slaughtered slaughtering butchered"
        ),
        "killed",
    ),
    # injuries
    **dict.fromkeys(
        _words(
            "injure injures injured injuring wound wounds wounded wounding hurt hurting "
            "hospitalised hospitalized"
        ),
        "injured",
    ),
    "shot": "shot",
    "shoots": "shot",
    "shooting": "shot",
    "missing": "missing",
    **dict.fromkeys(_words("arrest arrests arrested arresting detained detaining"), "arrested"),
    **dict.fromkeys(_words("charged charging"), "charged"),
    **dict.fromkeys(_words("accused suspected"), "accused"),
    **dict.fromkeys(
        _words("assaulted assaulting raped abused molested attacked"),
        "assaulted",
    ),
    **dict.fromkeys(_words("kidnapped kidnapping abducted abducting"), "kidnapped"),
    **dict.fromkeys(_words("evacuate evacuated evacuating"), "evacuated"),
    **dict.fromkeys(_words("rescue rescued rescuing"), "rescued"),
    **dict.fromkeys(_words("displaced homeless fled flee fleeing"), "displaced"),
    **dict.fromkeys(_words("attended attending attend"), "attended"),
    **dict.fromkeys(_words("damaged destroyed collapsed flattened razed"), "damaged"),
    **dict.fromkeys(_words("stolen stole stealing"), "stolen"),
    # munitions: "dropped four bombs", "Nine bombs were dropped", "fired 13 shots"
    **dict.fromkeys(_words("dropped dropping"), "dropped"),
    **dict.fromkeys(_words("fired firing launched"), "fired"),
}

#: Nouns (singular, as crosscheck/quantities.py gives a number's noun) that are the
#: role itself: "12 deaths", "4,000 votes", "200 evacuees".
ROLE_NOUNS: dict[str, str] = {
    **dict.fromkeys(_words("death fatality life dead body"), "killed"),
    **dict.fromkeys(_words("injury injured wounded"), "injured"),
    "casualty": "casualties",  # dead and injured together
    "missing": "missing",
    "arrest": "arrested",
    "evacuee": "evacuated",
    "hostage": "kidnapped",
    "suspect": "accused",
    "vote": "votes",
    "seat": "seats",
    "attendee": "attended",
}

#: Roles of a developing figure: a later report that raises or lowers it updates it.
#: Damage is tallied as it is surveyed, as casualties are.
DEVELOPING = _words(
    "killed injured shot casualties missing arrested charged accused kidnapped evacuated "
    "rescued displaced votes damaged"
)

#: Roles whose figure is someone's: votes and seats are won, held or needed by a party,
#: a candidate or a bill. Without a holder, two such figures are as often two sets
#: ("needed 51 votes" and "passed with 68 votes"; one candidate's 35 percent and
#: another's 12) as one.
HELD = _words("votes seats")

#: Roles that count people: their noun says which people, or nothing ("10 killed").
PERSON_ROLES = _words(
    "killed injured shot casualties missing arrested charged accused assaulted kidnapped "
    "evacuated rescued displaced attended children"
)

#: Nouns that a role counting people cannot count: times, measures, things ("five
#: decades", "seven life sentences", "two counts"). A number with one of them has no
#: slot under such a role.
NOT_PEOPLE = _words(
    "second minute hour day week month year decade century time mile kilometre kilometer km "
    "metre meter foot feet yard inch pound dollar euro cent percent point shot round bullet hit "
    "count charge sentence game match run goal page magnitude"
)

#: Nouns that name people in general. Any other noun names a kind of people or thing,
#: which is a part of the general count ("five officers" of "ten people").
GENERIC_PEOPLE = _words(
    "people person persons individual individuals victim victims life lives death deaths "
    "fatality fatalities casualty casualties injury injuries toll"
)

#: Nouns before "of" that give the number after it its role: "the deaths of two women".
_OF_ROLES = {
    **dict.fromkeys(
        _words("deaths death slayings slaying killings killing murders murder bodies"),
        "killed",
    ),
    **dict.fromkeys(_words("injuries injury wounding"), "injured"),
    **dict.fromkeys(_words("arrest arrests"), "arrested"),
    **dict.fromkeys(_words("evacuation rescue"), "evacuated"),
}

#: Charges that counts are of: "two counts of murder", "three counts of vehicular homicide".
_CHARGES = _words(
    "murder homicide manslaughter assault kidnapping robbery rape fraud theft burglary "
    "arson attempted"
)

#: Nouns before "of" whose number counts their children: "a mother of 12".
_PARENTS = _words("mother father parent mom mum dad grandmother grandfather")

#: After "shot": these make the shooting a killing ("shot dead", "shot and killed").
_SHOT_DEAD = ("dead", "to death", "and killed", "fatally")

#: Words that stand between a noun phrase and its predicate ("were", "have been",
#: "are feared").
_LINKS = _words(
    "was were is are be been being has have had have reportedly also all later were confirmed "
    "feared believed reported thought said left now already still who that to"
)

#: An adverb before an injury that names a part of the injured ("seriously injured").
_GRADE = _words(
    "seriously critically severely badly gravely slightly lightly mildly moderately fatally"
)

#: Verbs "to death" that kill no one: "were sentenced to death", "scared to death".
_NOT_KILLED = _words("sentenced condemned scared frightened bored worried")
#: Predicates of several words that make their people part of the injured: those
#: hospitalised, taken to hospital ("were rushed to", "sent six people to"), treated,
#: or graded ("suffered serious injuries"); the rest were hurt less or treated where
#: they were.
_HOSPITALISED = _words("hospitalised hospitalized")
_SENT = _words("taken rushed transported airlifted flown sent")
_HOSPITALS = _words("hospital hospitals trauma medical clinic infirmary")
_SUFFERED = _words("suffered sustained suffering sustaining")
_HURT_NOUNS = _words("injuries injury wounds wound burns")
_HURT_GRADES = _words("serious critical severe life-threatening minor slight light moderate grave")

#: Words before a number that make it part of a larger count.
_PART_BEFORE = _words("including includes among another additional further first last")
#: Words right after a number that make it part of a larger count.
_PART_AFTER = _words("other others more")

#: A noun phrase after the number ends at these.
_PHRASE_END = _words(
    ", ; : . ( ) and or but in on at of for from by with after before during when while as who "
    "which that whose than since because"
)

#: Phrases after a number that put it in another event ("nine injured last week").
_OTHER_AFTER = (
    r"ago|since|prior|so\s+far|last\s+(?:week|month|year|summer|winter|spring|autumn|fall)"
    r"|a\s+year\s+earlier"
    r"|earlier\s+this\s+(?:week|month|year)|in\s+the\s+past|previous(?:ly)?"
)
#: ... and before it: round-ups ("days after five officers were killed"), history.
_OTHER_EVENT = re.compile(
    rf"\b(?:(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before|since|earlier)"
    rf"|{_OTHER_AFTER}|history|since"
    r"|(?:last|past)\s+(?:[\w-]+\s+)?(?:years?|decades?)"  # "in the last two years, a man who"
    r"|another\s+(?:attack|shooting|quake|earthquake|blast|bombing|incident|fire|crash)"
    r"|separate|similar|prior|elsewhere|in\s+(?:early\s+|late\s+|mid-?)?(?:January|February|March|April|June"
    r"|July|August|September|October|November|December)(?!\s+\d)"
    # a toll of the whole war or campaign, not of this event
    r"|conflict|war|offensive)\b",
    re.IGNORECASE,
)
#: The scope of a figure said of the recent past ("last week's rampage that killed 12",
#: "shot two men three days ago"): another event than the story's in a report that
#: gives the slot a figure of its own, the story's own event in a follow-up that gives
#: none (crosscheck/facts.py decides, with the whole article in sight).
RECENT = "recent"
_RECENT = re.compile(
    r"\b(?:last\s+(?:week|month)|earlier\s+this\s+(?:week|month)"
    r"|(?:a|one|two|three|four|five|six|several|few|\d+)\s+(?:days?|weeks?)\s+ago)\b",
    re.IGNORECASE,
)
#: A round-up opens a clause that holds the number: "Thursday's shooting came just
#: weeks after a driver ... fatally shot eight people".
_ROUND_UP = re.compile(
    r"\b(?:days?|weeks?|months?|years?|decades?)\s+(?:after|before)\b", re.IGNORECASE
)
_OTHER_AFTER_RE = re.compile(
    rf"^[^.;:]{{0,30}}?\b(?:{_OTHER_AFTER})\b"
    # a cumulative toll ("have been killed so far in the 12 days of the offensive")
    r"|^[^.;:]{0,50}?\b(?:so\s+far|(?:of|in|during)\s+the\s+(?:[\w-]+\s+){0,2}"
    r"(?:conflict|war|offensive))\b",
    re.IGNORECASE,
)
#: Phrases before a number that make it what did not (or not yet) happen. Case kept:
#: "may" is a modal, "May" a month.
_HYPOTHETICAL = re.compile(
    r"\b(?:[Cc]ould|[Ww]ould|[Mm]ight|may|[Ii]f|[Uu]nless|(?:hoped|planned|plotted|"
    r"threatened|intended|wanted|aimed|tried|attempted|vowed|expected|set|likely|designed)"
    r"\s+to|fear(?:ed|s)?\s+that|risk(?:ed|s)?)\b"
)
#: A year the clause dates the fact to: "in 2004", "since 1990", "in March 2011", "the
#: 2004 tsunami".
_YEAR = re.compile(
    r"\b(?:(?i:in|since|during|until|by|of|from|back\s+in)\s+(?:(?:early|late|mid)[\s-]+)?"
    r"(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?|(?i:the)\s+)((?:19|20)\d\d)\b"
    r"(?!\s*(?:[-–]|to)\s*\d)",
)

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]")


@dataclass(frozen=True, slots=True)
class SlotReading:
    """What the sentence says about one of its numbers: see the module docstring."""

    role: str = ""
    scope: str = ""
    part: bool = False
    # The number's noun phrase has a predicate of its own that names no role ("14 others
    # were trapped"): it takes no role from another figure of its sentence.
    predicate: bool = False


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence read once for all its numbers: its tokens (lower-cased, with their
    offsets), where they start and end, and its years (see ``_YEAR``)."""

    tokens: tuple[tuple[str, int, int], ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    words: frozenset[str]
    years: tuple[tuple[int, int, int, int, str], ...]  # start(1), end(1), start, end, year


@functools.lru_cache(maxsize=64)
def _read(sentence: str) -> _Sentence:
    tokens = tuple((m.group(0).lower(), m.start(), m.end()) for m in _TOKEN.finditer(sentence))
    years = tuple(
        (m.start(1), m.end(1), m.start(), m.end(), m.group(1)) for m in _YEAR.finditer(sentence)
    )
    return _Sentence(
        tokens,
        tuple(t[1] for t in tokens),
        tuple(t[2] for t in tokens),
        frozenset(t[0] for t in tokens),
        years,
    )


def _clause_start(sentence: str, start: int) -> int:
    """Where the clause holding offset ``start`` begins: after the last ";", ":" or
    dash before it (a headline's two halves are two clauses)."""
    cut = max(sentence.rfind(c, 0, start) for c in (";", ":", " – ", " — ", " - "))
    return cut + 1 if cut >= 0 else 0


def read_slot(sentence: str, start: int, end: int, noun: str = "") -> SlotReading:
    """The slot reading of the number at ``sentence[start:end]`` (its hedge included,
    as :func:`crosscheck.quantities.find_quantities` spans it); ``noun``: the noun it
    counts, singular ("officer"), "" when none."""
    read = _read(sentence)  # once for all the sentence's numbers
    before = list(read.tokens[: bisect.bisect_right(read.ends, start)])
    after = list(read.tokens[bisect.bisect_left(read.starts, end) :])
    role, part = _role(before, after, noun)
    if not part and not _is_age(before, after, read.words):
        part = _is_part(before, after, noun)
    predicate = not role and _own_predicate([w for w, _, _ in after])
    return SlotReading(role, _scope(sentence, start, end, before), part, predicate)


def _own_predicate(words_after: list[str]) -> bool:
    """Something other than the end of the phrase follows the number's noun phrase (and
    the list items that continue it): a predicate of its own ("14 others were trapped")."""
    rest = _skip_list(words_after[len(_phrase(words_after)) :])
    return bool(rest) and rest[0] not in _PHRASE_END


def _scope(sentence: str, start: int, end: int, before: list[tuple[str, int, int]]) -> str:
    """The event a number belongs to. A cue of another event or of what did not
    happen counts when it stands close before the number (``config.SCOPE_REACH`` words, within
    its clause) or right after it: "days after five officers were killed", "could rise
    to 20", "nine injured last week"; not "a man who was fired last week walked into
    his office with a shotgun on Monday and shot three people". A year dates the fact
    when its clause opens with it or it follows the number in the same phrase."""
    clause_start = _clause_start(sentence, start)
    near = [t for t in before[-config.SCOPE_REACH :] if t[1] >= clause_start]
    window = sentence[near[0][1] : start] if near else ""
    # An opener before the first comma scopes the whole sentence: "Earlier this year,
    # Amy Bishop ... left three professors dead".
    opener = sentence[clause_start:start].split(",", 1)
    opener_text = opener[0] if len(opener) > 1 and len(opener[0].split()) <= 6 else ""
    if _HYPOTHETICAL.search(window):
        return "hypothetical"
    cues = [
        (m.string, m.start(), m.end())
        for text, rule in (
            (window.rsplit(",", 1)[-1], _OTHER_EVENT),  # a comma closes the cue's phrase
            (opener_text, _OTHER_EVENT),
            (sentence[end:], _OTHER_AFTER_RE),
        )
        for m in rule.finditer(text)
    ]
    if _in_round_up(sentence[clause_start:start]):
        return "other"
    if cues:
        # Only "last week", "days ago" and the like: the recent past, which a
        # follow-up report names its own incident by (see ``RECENT``).
        recent = all(_RECENT.search(text[max(0, lo - 16) : hi]) for text, lo, hi in cues)
        return RECENT if recent else "other"
    for start1, end1, y_start, y_end, year in _read(sentence).years:
        if start1 < end and start < end1:
            continue  # the number is the year
        if y_end <= start and y_start >= clause_start:
            return f"year:{year}"
        if y_start >= end and not re.search(r"[,;:]", sentence[end:y_start]):
            return f"year:{year}"
    return ""


def elsewhere(sentence: str) -> bool:
    """The sentence is about another event than the story's: it dates itself to a year
    or opens on a cue of another event ("In April last year an 8.6-magnitude quake
    struck ...")."""
    year = _YEAR.search(sentence)
    return bool(year and year.start() < 40) or bool(_OTHER_EVENT.search(sentence[:60]))


def _in_round_up(before: str) -> bool:
    """The text before a number opens a round-up clause that runs to it: no comma in
    between but those of a place name ("Manchester, Conn.,")."""
    cues = list(_ROUND_UP.finditer(before))
    if not cues:
        return False
    rest = before[cues[-1].end() :]
    for comma in re.finditer(",", rest):
        before_comma = rest[: comma.start()].split()
        after_comma = rest[comma.end() :].split()
        word_before = before_comma[-1] if before_comma else ""
        word_after = after_comma[0] if after_comma else ""
        place = word_before[:1].isupper() and (
            word_before.endswith(".") or word_after[:1].isupper()
        )
        if not place:
            return False
    return True


def _role(
    before: list[tuple[str, int, int]], after: list[tuple[str, int, int]], noun: str
) -> tuple[str, bool]:
    """``(role, part)``: the role the number fills and whether a grade ("seriously
    injured") makes it part of that role's count."""
    words_after = [w for w, _, _ in after]
    back = [w for w, _, _ in before[-6:]]
    if back[-1:] == ["of"] and len(back) > 1 and back[-2] in _OF_ROLES:
        return _OF_ROLES[back[-2]], False  # "the deaths of two women"
    if back[-1:] == ["of"] and len(back) > 1 and back[-2] in _PARENTS:
        return "children", False  # "a mother of 12" counts her children
    if noun == "count" and words_after[1:2] == ["of"]:
        # "seven counts of first-degree murder": charges, one slot per charge
        charge = next((w for w in words_after[2:7] if w in _CHARGES), "")
        return (f"counts:{charge}" if charge else ""), False
    of_at = (
        len(back) - 1
        if back[-1:] == ["of"]
        else len(back) - 2
        if back[-2:] == ["of", "the"]
        else -1
    )
    if of_at > 0 and _is_number_word(back[of_at - 1]):
        return "", False  # "two of the three victims died": three is the whole, not the dead
    if _is_age(before, after):
        return "", False
    # A verb right before the number: "killing 10", "kills 1", "injuring at least 30".
    if before:
        prev = before[-1][0]
        if prev in ROLE_WORDS and prev not in ("accused", "suspected"):
            role = ROLE_WORDS[prev]
            if role == "shot" and back[-2:-1] == ["fatally"]:
                return "killed", False  # "fatally shot eight people"
            if role == "shot" and _starts(words_after, _SHOT_DEAD, skip_phrase=True):
                role = "killed"
            return role, False
        # "the death toll rose to 10", "the toll stands at 12"
        if back[-2:] in (["to", "death"], ["gunned", "down"]):
            return "killed", False  # "shot to death one person", "gunned down two women"
        toll = _toll_subject(before) if prev in _TOLL_BEFORE else None
        if toll is not None:
            # "the death toll from his assault on the capital rose to four": the toll is
            # the subject of the verb the number completes, however far back in its
            # clause; or the number follows it ("the death toll above 680", "a toll of 12")
            return ("injured" if toll in ("injury", "injured") else "killed"), False
        # "left 3 dead", "leaving two people injured": the predicate follows the phrase.
        if prev in {"left", "leaving", "leaves"}:
            phrase = _phrase(words_after)
            rest = words_after[len(phrase) :]
            if rest and rest[0] in ROLE_WORDS:
                return ROLE_WORDS[rest[0]], False
        # "the crash sent six people to the hospital": those taken there, injured.
        if prev in _SENT and _to_hospital(words_after[len(_phrase(words_after)) :]):
            return "injured", True
    # The number's own noun names the role: "12 deaths", "4,000 votes", "80 injured".
    if noun in ROLE_NOUNS:
        return ROLE_NOUNS[noun], False
    # A predicate after the noun phrase: "three bank workers dead", "four others were
    # injured", "Five people died", "10 killed", "40 Hurt".
    phrase = _phrase(words_after)
    rest = _skip_list(words_after[len(phrase) :])
    grade = passive = False
    while rest and (rest[0] in _LINKS or rest[0] in _GRADE or rest[0].endswith("ly")):
        grade = grade or rest[0] in _GRADE
        passive = passive or rest[0] in _BE
        rest = rest[1:]
    if rest and rest[0] in _DOES_TO and not passive and _opens_object(rest[1:]):
        return "", False  # "two gunmen killed 12 people": the number counts who did it
    if rest and rest[0] in ROLE_WORDS:
        role = ROLE_WORDS[rest[0]]
        if role == "shot" and (
            (grade and "fatally" in words_after) or _starts(rest[1:], _SHOT_DEAD)
        ):
            return "killed", False
        if grade and "fatally" in words_after[: len(phrase) + 6] and role == "injured":
            return "killed", False
        # "seriously injured" and "hospitalized" are part of the injured; "died at the
        # scene", of the dead (others died later in hospital).
        part = (grade and role == "injured") or rest[0] in _HOSPITALISED
        return role, part or (role == "killed" and _at_scene(rest[1:]))
    return _casualty_phrase(rest)


def _casualty_phrase(rest: list[str]) -> tuple[str, bool]:
    """The role a predicate of several words gives the noun phrase before it, and
    whether it counts only part of those in the role: "were pronounced dead" (killed;
    "at the scene", part of them), "were taken to the hospital", "suffered minor
    injuries", "were treated for burns" (part of the injured: others were hurt less, or
    treated where they were); ("", False) for none."""
    if rest[:2] == ["pronounced", "dead"]:
        return "killed", _at_scene(rest[2:])
    if rest[:2] == ["gunned", "down"] or (
        rest[:1] and rest[0] not in _NOT_KILLED and rest[1:3] == ["to", "death"]
    ):
        return "killed", False  # "were gunned down", "were stabbed to death"
    if rest[:1] and rest[0] in _SENT and _to_hospital(rest[1:]):
        return "injured", True
    if rest[:1] and rest[0] in _SUFFERED | {"treated"}:
        words = rest[1:7]
        hurt = next((i for i, w in enumerate(words) if w in _HURT_NOUNS), -1)
        if hurt >= 0 and not any(w in _PHRASE_END - {"for"} for w in words[:hurt]):
            return "injured", rest[0] == "treated" or any(w in _HURT_GRADES for w in words[:hurt])
    return "", False


def _at_scene(words: list[str]) -> bool:
    return words[:3] == ["at", "the", "scene"]


def _to_hospital(words: list[str]) -> bool:
    """``words`` open with "to" and a hospital: "to the hospital", "to area hospitals",
    "to a trauma center", "to St. Mary's Hospital"."""
    if words[:1] != ["to"]:
        return False
    for w in words[1:6]:
        if w in _HOSPITALS:
            return True
        if w in _PHRASE_END:
            return False
    return False


#: Forms of "be": a role word after one is said of the noun phrase ("were killed").
_BE = _words("was were is are be been being")
#: Verbs of a role that take an object: after a noun phrase without a form of "be" and
#: before an object, they make the phrase the doer ("four bombers who killed 52").
_DOES_TO = _words(
    "kill kills killed killing murder murders murdered injure injures injured wound wounds "
    "wounded shoot shoots shot attacked assaulted abducted kidnapped arrested rescued evacuated "
    "massacred slaughtered butchered"
)
#: Words that open an object: a determiner, a possessive, a pronoun, a vague amount.
_OBJECT_OPENS = _words(
    "the a an his her their its our my your him them us me himself herself themselves "
    "dozens hundreds thousands scores several many"
)


def _opens_object(words: list[str]) -> bool:
    """``words`` start with an object: a number, "at least 12", "the officer", "them"."""
    return bool(words) and (
        words[0] in _OBJECT_OPENS
        or _is_number_word(words[0])
        or words[:2] in (["at", "least"], ["more", "than"])
    )


def _skip_list(rest: list[str]) -> list[str]:
    """``rest`` without the list items or apposition that continue a noun phrase, up
    to its predicate: "[two men] and two women were wounded", "[three people], a man
    and two women, were killed"."""
    if rest[:1] == ["and"] and _item(rest[1:]):
        return _skip_list(rest[1 + _item(rest[1:]) :])
    if rest[:1] == [","]:
        if _item(rest[1:]):
            return _skip_list(rest[1 + _item(rest[1:]) :])
        if rest[1:2] and rest[1] in _LINKS:
            return rest[1:]  # "two women, were killed"
    return rest


def _after_items(rest: list[str]) -> list[str]:
    """``rest`` after the list items that start it (each after "and" or a comma)."""
    while rest[:1] in (["and"], [","]) and _item(rest[1:]):
        rest = rest[1 + _item(rest[1:]) :]
    return rest


def _item(words: list[str]) -> int:
    """How many words a list item at the start of ``words`` has ("a man", "two
    female students"); 0 when none starts there."""
    if not words or not (
        words[0] in {"a", "an", "one", "another"}
        or words[0] in _NUMBER_WORDS
        or words[0][:1].isdigit()
    ):
        return 0
    return 1 + len(_phrase(words[1:]))


_TOLL_VERBS = frozenset(
    "rise rose risen rises climb climbed climbs jump jumped jumps stand stands stood reach "
    "reached reaches hit hits increase increased increases grow grew".split()
)
_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "(", ")"})
_TOLL_LINKS = frozenset(
    "from of in at among has had is was now could may might will would be expected likely "
    "set".split()
)
#: Words right before a number that a toll may give its role to.
_TOLL_BEFORE = frozenset({"to", "at", "reached", "hit", "toll", "of"})


def _toll_subject(before: list[tuple[str, int, int]]) -> str | None:
    """The word before "toll" ("death", "injury", "") when "toll" is the subject of a
    verb of rising or standing that comes before the number in its clause, or when a
    death or injury toll stands right before the number ("the death toll above 680", "a
    death toll of 12"); else None."""
    clause: list[str] = []
    for w, _, _ in reversed(before[-16:]):
        if w in _CLAUSE_BREAKS:
            break
        clause.append(w)
    clause.reverse()
    if "toll" not in clause:
        return None
    i = clause.index("toll")
    after = clause[i + 1 :]
    if after in ([], ["of"]):
        # "the death toll above 680", "a death toll of 12"; not "a toll of 5 dollars"
        kind = clause[i - 1] if i else ""
        return kind if kind in ("death", "injury", "casualty") else None
    if not (after[0] in _TOLL_VERBS or after[0] in _TOLL_LINKS):
        return None  # "a toll road", "toll booths": not a count of anyone
    if not _TOLL_VERBS & set(after):
        return None
    if after[:1] == ["of"] and {"injured", "wounded"} & set(after[1:3]):
        return "injured"  # "the toll of the injured climbed to 40"
    return clause[i - 1] if i else ""


def _is_age(
    before: list[tuple[str, int, int]],
    after: list[tuple[str, int, int]],
    words: frozenset[str] = frozenset({"ages", "aged"}),
) -> bool:
    """An age: "Yvonne Hiller, 43, is charged", "two men, ages 47 and 48", "five men
    aged 23, 26, 27, 28 and 58" (the list after "aged", however long). ``words``: the
    sentence's words (no list to walk back through when it has no "ages" or "aged")."""
    back = [w for w, _, _ in before[-3:]]
    if {"ages", "aged", "age"} & set(back):
        return True
    i = len(before)
    while (
        {"ages", "aged"} & words
        and i
        and (before[i - 1][0] in {",", "and"} or before[i - 1][0][:1].isdigit())
    ):
        i -= 1
    if i < len(before) and i and before[i - 1][0] in {"ages", "aged"}:
        return True
    return back[-1:] == [","] and [w for w, _, _ in after[:1]] in ([","], [")"], ["."], [])


def _phrase(words: list[str]) -> list[str]:
    """The noun phrase at the start of ``words`` (up to four words)."""
    out = []
    for w in words[:4]:
        if (
            w in _PHRASE_END
            or w in _LINKS
            or w in ROLE_WORDS
            or w in _SUFFERED
            or w in _GRADE
            or w.endswith("ly")
        ):
            break
        out.append(w)
    return out


def _starts(words: list[str], phrases: tuple[str, ...], skip_phrase: bool = False) -> bool:
    if skip_phrase:
        words = words[len(_phrase(words)) :]
    text = " ".join(words[:3])
    return any(text.startswith(p) for p in phrases)


def _is_part(
    before: list[tuple[str, int, int]], after: list[tuple[str, int, int]], noun: str
) -> bool:
    """The number counts part of a larger count (see :data:`_PART_BEFORE`, ...)."""
    words_after = [w for w, _, _ in after]
    back = [w for w, _, _ in before[-3:]]
    if noun in ("other", "others") or (words_after and words_after[0] in _PART_AFTER):
        return True
    if any(w in _PART_BEFORE for w in back):
        return True
    if words_after[:1] == ["of"] and (
        words_after[1:2] in (["them"], ["whom"], ["the"], ["those"])
        or (len(words_after) > 1 and _is_number_word(words_after[1]))
    ):
        return True  # "two of them", "one of the victims", "28 of 41 passes"
    # One item of a list: "two men and two women", "two officers and a deputy"; not
    # a total before its parts: "three people, a man and two women, were killed".
    phrase = _phrase(words_after)
    rest = words_after[len(phrase) :]
    if phrase and rest[:1] in (["and"], [","]) and _item(rest[1:]):
        apposition = rest[0] == "," and _after_items(rest)[:1] == [","]
        if not apposition:
            return True
    return bool(back and back[-1] in {"and", ","} and _list_before(before))


def _list_before(before: list[tuple[str, int, int]]) -> bool:
    """An item of a list stands right before this one's "and" ("a man and two
    women", "two officers and three"): a number or an article, then at most three words
    of its noun phrase, none a predicate ("Five people died and seven" is two facts)."""
    words = [w for w, _, _ in before[-5:-1]]
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w in ROLE_WORDS or w in _LINKS or w in _PHRASE_END:
            return False
        if w in {"a", "an", "one"} or w[:1].isdigit() or w in _NUMBER_WORDS:
            return True
    return False


def _is_number_word(w: str) -> bool:
    return w[:1].isdigit() or w in _NUMBER_WORDS or w in {"one", "none", "all", "some", "most"}


_NUMBER_WORDS = _words("two three four five six seven eight nine ten eleven twelve dozen")


# --- the day of an occasion -------------------------------------------------------------

WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# A day the figure is reported on, not the day of what it counts: "by Monday", "said on
# Monday", and any day in a sentence where a toll "rose to" or "stood at" the figure.
_REPORT_DAY = re.compile(
    r"\b(?:by|as of|until|till|through|since|said|says|told \w+|reported|announced|"
    r"confirmed|added)\s+(?:on\s+)?(?:late\s+|early\s+)?$",
    re.IGNORECASE,
)
_RUNNING_TOTAL = re.compile(
    r"\b(?:rose|risen|rising|climbed|reached|stood|stands|bringing|brought|raised|"
    r"jumped|increased|now)\b",
    re.IGNORECASE,
)


def occasion_day(text: str, sentence_start: int, start: int, end: int, sentence_end: int) -> str:
    """The day of the week that what ``text[start:end]`` says is said of: the day its
    sentence (``text[sentence_start:sentence_end]``) names nearest before it, else the
    first after it ("46 were arrested Wednesday night"), else the last one its paragraph
    names before the sentence; "" when there is none. A day something is only reported
    on does not count (see ``_REPORT_DAY``). A paragraph ends at a blank line: a day
    named paragraphs before ("On Tuesday, police in Bulgaria arrested a man") is the
    day of what that paragraph tells; a text without blank lines is one paragraph."""

    def days(lo: int, hi: int) -> list[str]:
        return [
            m.group()
            for m in WEEKDAY.finditer(text, lo, hi)
            if not _REPORT_DAY.search(text, max(0, m.start() - 30), m.start())
        ]

    if not _RUNNING_TOTAL.search(text, sentence_start, start):
        if before := days(sentence_start, start):
            return before[-1]
        if after := days(end, sentence_end):
            return after[0]
    earlier = days(_paragraph_start(text, sentence_start), sentence_start)
    return earlier[-1] if earlier else ""


def _paragraph_start(text: str, at: int) -> int:
    """Where the paragraph holding ``text[at]`` begins: after the last blank line before
    it (a line of whitespace only), else at the start of the text."""
    start = 0
    for m in _BLANK_LINE.finditer(text, 0, at):
        start = m.end()
    return start


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
