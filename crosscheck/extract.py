"""Sentence → Claim: quantities, quotes with their speakers, dates, and the sentence.

Quotes
    Double quote marks (curly or straight) open and close a quote. An opening mark
    while a quote is open, or the end of a paragraph, closes it: the press convention
    for a quote that runs over several paragraphs leaves the closing mark out.
    The speaker comes from "X said: “…”", "“…,” said X", "“…,” X told …",
    "according to X", "X warned that … “…”", with titles, roles and appositives
    around the name ("Angels general manager Tony Reagins told", "her agent, Mark
    Roesler, said"), or from the line before ("X, director of …, commented,"). A
    pronoun resolves to the last person named before it (``_Resolver``: persons only,
    the speaker of reported speech first, of the gender the article tells); "the
    spokeswoman said" to the person introduced as spokeswoman; "a witness said" to
    nobody. The second half of a split quote, and a quote that opens its sentence with
    no attribution right after an attributed quote or reported speech, keep that
    speaker, but are not "named" by it (``explicit``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .config import MAX_SENTENCE_CHARS
from .dates import find_dates
from .model import Article, Claim, ClaimKind, Quote, Sentence
from .quantities import find_quantities
from .segment import paragraphs
from .slots import NOT_PEOPLE, PERSON_ROLES, SlotReading, elsewhere, read_slot

# Verbs of saying and writing: the attribution of a quote ("…,” X said).
_SPEECH_VERBS = (
    r"(?:was|were) quoted as saying|said|says|say|told|tells|added|adds|insisted|insists|"
    r"warned|warns|explained|admitted|"
    r"acknowledged|claimed|stated|declared|argued|noted|remarked|replied|responded|tweeted|"
    r"wrote|writes|announced|continued|urged|commented|conceded|confirmed|suggested|"
    r"promised|vowed|pledged|predicted|described|called it|saying|adding|admitting|"
    r"insisting|warning|explaining|telling|declaring|arguing|writing|asked|testified|"
    r"implored|shouted|boasted|exclaimed|recalled|stressed|asserted|cautioned|complained|"
    r"joked|lamented|observed|recounted|revealed|reiterated|repeated|answered|agreed|cried|yelled|"
    r"screamed|whispered|muttered|concluded|alleged|quipped|posted|maintained|contended|"
    r"countered|retorted|emphasised|emphasized|elaborated|proclaimed|announces|notes|"
    r"explains|adds|testifies|recalls|warns|argues|concedes|admits|insists|tweets|thundered|"
    r"shot back|fired back|wrote in|blasted|scoffed|mused|pleaded|begged|sighed|asks|asked|"
    r"reported|reports|stating|noting|claiming|announcing|confirming|replying|responding|"
    r"tweeting|commenting|suggesting|urging|recalling|stressing|asserting|cautioning|"
    r"complaining|joking|observing|revealing|answering|asking|shouting|boasting|"
    r"exclaiming|acknowledging|describing|promising|vowing|pledging|predicting|"
    r"remarking|conceding|testifying|posting|concluding|pleading|begging"
)
# Titles before a name, with or without a full stop ("Mr Corbyn", "Sen. Tim Kaine").
_TITLE_WORDS = (
    "Mr|Mrs|Ms|Miss|Dr|Doctor|Msgr|Sir|Lord|Lady|Dame|Prof|Cllr|Rev|Sen|Rep|Gov|Gen|Lt|Sgt|Capt|Col|"
    "Maj|Cmdr|Det|Const|Insp|Supt|Cpl|Pvt|Adm|Atty|Fr|Hon|Pres|Supt|Rt|Del"
)
_TITLE = rf"(?:(?:{_TITLE_WORDS})\.?[ \t]+)"
# A capitalised word, hyphenated or not ("Jean-Pierre", "President-elect"), but not one
# that a hyphen typed for a dash runs on from ("Chela Ortiz-who").
_DASHED = r"(?:who|which|that|and|but|or|the|a|an|he|she|it|they|we|as|at|in|on|of|to|for|with)"
_CAP = rf"[A-Z][\w’']*\w(?:-(?!{_DASHED}\b)[\w’']*\w)*"
_INITIAL = r"[A-Z]\."  # a middle initial: "Adam B. Schiff"
# A name never runs over a line break (a byline above a paragraph is not part of it).
_INITIALS = r"(?:[A-Z]\.){2,3}(?=[ \t]+[A-Z])"  # a first name in initials: "A.J. Smith"
_PARTICLE = r"(?:(?:al|el|ad|as|ash|bin|abu)-)"  # "Abdel Aziz al-Hilu"
# Lower-case words inside a surname: "Anneke de Vries", "Ludwig van Beethoven".
_SURNAME_PARTICLES = r"(?:(?:de|van|von|der|den|du|da|di|del|della|dos|das|la|le|bin|ibn)[ \t]+)"
# An organisation whose name runs on past "of" or "for" ("the Department of Justice",
# "Airlines for America"): its first word says it is one, so "Stephen Fry of Newsweek"
# stays a person of a workplace. It ends its run of capitals and owns nothing ("the
# Office of the Surgeon General's Web site" is not one).
_ORG_HEADS = (
    r"(?:Department|Ministry|Bank|Coalition|Airlines|University|Institute|Council|Office|"
    r"Association|Society|Federation|Union|League|Committee|Board|Bureau|Agency|Commission|"
    r"Court|Church|Centre|Center|Foundation|Alliance|Organisation|Organization|"
    r"Chamber|Academy|College|School|Museum|Party|Government|Secretariat|Authority)"
)
_ORG_WORD = r"[A-Z][\w\-]*\w"  # no apostrophe: an owner is not part of the name
_ORG = (
    rf"{_ORG_HEADS}(?:[ \t]+{_ORG_WORD}){{0,2}}[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    rf"{_ORG_WORD}(?:[ \t]+{_ORG_WORD}){{0,3}}(?![\w’'\-]|[ \t]+[A-Z])"
)
_NAME = (
    rf"(?:{_ORG}|{_TITLE}?(?:{_CAP}|{_INITIALS})"
    rf"(?:[ \t]+(?:{_TITLE}?{_SURNAME_PARTICLES}{{0,2}}{_PARTICLE}?{_CAP}|{_INITIAL})){{0,5}})"
)
# Words that describe a speaker before the name ("said lead prosecutor Eric Nichols",
# "disaster agency spokesman Sutopo Purwo Nugroho told"): lower-case words that are not
# function words, and possessives ("Labour's").
_DESCRIPTOR = (
    r"(?:(?!(?:in|on|at|that|to|for|with|after|before|when|while|and|but|it|he|she|they|we|"
    r"i|this|there|as|by|from|of|not|was|is|had|has|would|will|also|then|later|now|"
    r"yesterday|today|tonight|earlier|recently|again)\b)[a-z0-9][\w’'\-]*|[A-Z][\w\-]*[’']s)"
)
_DESCRIBED = rf"(?:{_DESCRIPTOR}[ \t]+){{0,5}}"
_NAMES = rf"{_NAME}(?:[ \t]+and[ \t]+{_NAME})?"  # "Zadan and Meron": a joint statement
_PRONOUN = r"\b(?:he|she|He|She)\b"
_VERB_RE = re.compile(rf"\b(?:{_SPEECH_VERBS})\b")
_NAME_RE = re.compile(_NAME)
_SUBJECT_OR_PRONOUN = re.compile(rf"{_PRONOUN}|{_NAMES}")
# Comma-delimited stretches before a speech verb that do not hold its subject.
_NOT_A_SUBJECT = re.compile(
    r"\s*(?:$|[a-z]|(?:The|A|An|His|Her|Their|Its|In|On|At|After|Before|When|While|Whilst|"
    r"As|Although|Though|Despite|During|Following|Since|Until|Speaking|Asked|Later|Earlier|"
    r"Meanwhile|If|Because|For|With|Without|From|By|Under|Over|Amid|Among)\b)"
)
# A legislator's party and state after the name: "Durbin (D-Ill.)", "Boehner, R-Ohio,".
_PARTY_STATE = r"(?:\s*\([RDI]-[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?\)|,\s*[RDI]-[A-Z][\w.]*,)"
# Where a person is from, between their name and an appositive: "Senator Charles E.
# Schumer of New York, a Democratic leader …, said".
_OF_PLACE = rf"(?:[ \t]+of[ \t]+{_CAP}(?:[ \t]+{_CAP}){{0,2}})?"
# After a quote: ", said Mr Corbyn" / ", Mr Lavery insisted" / ", he told".
_AFTER_RE = re.compile(
    rf"""^[\s,”"]*(?:
        (?:{_SPEECH_VERBS})\s+(?:the\s+)?{_DESCRIBED}(?P<name1>{_NAMES}|{_PRONOUN})
      | {_DESCRIBED}(?P<name2>{_NAMES}|{_PRONOUN})(?:[’']ll)?{_PARTY_STATE}?\s+(?:will\s+)?
        (?:\w+ly\s+|also\s+|later\s+)?(?:{_SPEECH_VERBS})\b
      | according\s+to\s+(?:the\s+)?{_DESCRIBED}(?P<name3>{_NAMES})
      | (?P<name4>{_NAMES}){_PARTY_STATE}?{_OF_PLACE},[^,“”"\n]{{1,160}},\s*(?:{_SPEECH_VERBS})\b
    )""",
    re.VERBOSE,
)
# Lower-case words after a capitalised run that make it a modifier ("Sudanese
# government spokesman"), not prepositions, adverbs or times ("Rick McGuire of …",
# "Smith later", "Jones yesterday").
_MODIFIES = re.compile(
    r"[ \t]+(?!(?:of|at|from|in|for|with|to|on|during|after|before|about|by|and|or|who|"
    r"that|as|last|this|late|early|yesterday|today|tonight|later|earlier|again|then|"
    r"afterwards|when|while|\w+ly)\b)[a-z]"
)
_APPOSITIVE_NAME = re.compile(rf",[ \t]+(?P<name>{_NAMES})\s*(?:[.,;]|$)")
# "according to police", "…, according to her publicist, Jack Ketsoyan.": the source of
# reported speech (a quote's speaker, and a mention a later pronoun may mean).
_ACCORDING = re.compile(
    rf"\baccording\s+to\s+(?:(?:the|his|her|their|its)\s+)?(?:{_DESCRIPTOR}[ \t]+){{0,4}}?"
    rf"(?:{_DESCRIPTOR},[ \t]+)?(?P<name>{_NAMES})"
)
# Capitalised words that open a sentence or label a person without naming them.
# fmt: off
_NOT_NAMES = {
    "A", "An", "The", "But", "And", "Or", "So", "Yet", "When", "While", "Whilst", "In", "On",
    "At", "After", "Before", "As", "Although", "Though", "However", "This", "That", "These",
    "Those", "Then", "Now", "If", "Because", "Since", "Until", "For", "With", "Without",
    "Speaking", "Asked", "Later", "Earlier", "Meanwhile", "It", "There", "His", "Her", "Their",
    "Our", "We", "They", "He", "She", "I", "You", "Former", "Defeated", "Tory", "Labour",
    "Conservative", "Liberal", "Democrat", "Green", "Republican", "Democratic", "Independent",
    "GOP", "Shadow", "Prime", "Minister", "Chancellor",
    "Secretary", "Mayor", "Leader", "President", "MP", "Candidate", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mr", "Mrs", "Ms", "Miss", "Dr",
    "Sir", "Lord", "Lady", "Dame", "Prof", "Cllr", "Rev",
}
# Capitalised role words before a name: the name is what follows the last of them
# ("Interior Secretary Dirk Kempthorne", "Police Constable Tim Fanning").
_ROLE_WORDS = {
    "Secretary", "Minister", "President", "Chancellor", "Senator", "Representative",
    "Congressman", "Congresswoman", "Governor", "Mayor", "Sheriff", "Undersheriff", "Chief",
    "Director", "Commissioner", "Inspector", "Constable", "Lieutenant", "Sergeant", "Captain",
    "Detective", "Officer", "Spokesman", "Spokeswoman", "Spokesperson", "Judge", "Justice",
    "Attorney", "Prosecutor", "Coach", "Manager", "Leader", "Councillor", "Councilman",
    "Councilwoman", "Professor", "Bishop", "Pope", "King", "Queen", "Prince", "Princess",
    "Ambassador", "Commander", "Colonel", "General", "Admiral", "Marshal", "Superintendent",
    "Deputy", "Chairman", "Chairwoman", "Chair", "Executive", "CEO", "Head", "Founder",
    "Premier", "Sen", "Rep", "Gov", "Gen", "Lt", "Sgt", "Capt", "Col", "Det", "Const",
}
_NOT_NAMES |= _ROLE_WORDS
# fmt: on
_TITLES = set(_TITLE_WORDS.split("|"))
_TITLED = rf"\b(?:{'|'.join(sorted(_TITLES | _ROLE_WORDS))})\.?[ \t]+"  # "President Obama"
# "Simon made clear", "Mr Lavery also appeared": a name that is a sentence subject.
# What a subject does: regular past tenses, the common irregular ones, and auxiliaries
# ("Jeffs stood up", "Ms Page became", "Varoufakis did not go").
_ACTS = (
    r"\w+ed|is|was|has|had|said|says|told|made|went|won|lost|led|spoke|sent|held|gave|took|"
    r"came|stood|sat|ran|rode|began|became|left|got|put|met|saw|knew|thought|felt|found|"
    r"kept|brought|heard|paid|wrote|drove|flew|fell|grew|threw|broke|chose|spent|did|does|"
    r"will|would|could|can|should|must|may|might|insisted"
)
_SUBJECT_RE = re.compile(
    rf"(?P<name>{_NAME}){_PARTY_STATE}?{_OF_PLACE}\s+(?:\w+ly\s+|also\s+|later\s+|then\s+|"
    rf"(?:last|this|next)\s+(?:week|month|year)\s+|"
    rf"(?:in|on|at|for)\s+(?:this|that|the|his|her|its|their)\s+[a-z]\w*\s+)?(?:{_ACTS})\b"
)
# "Gene Smith, who replaced Andy Geiger, said …", "Josh Moore, one of the defense
# lawyers, had reminded …", "David Brock — at the center of … — said": a subject before
# an appositive, between commas or dashes.
_APPOSITIVE_SUBJECT = re.compile(
    rf"(?P<name>{_NAME}){_OF_PLACE}(?:,[^,.;“”\"\n]{{1,100}},|\s*[—–][^—–.;“”\"\n]{{1,160}}[—–])"
    rf"\s+(?:\w+ly\s+|also\s+|later\s+)?(?:had\s+|has\s+)?(?P<verb>{_SPEECH_VERBS}|{_ACTS})\b"
)
# "Her deputy, Simon Blake, said …", "His wife, Eleanor Kettering, stood beside him":
# a subject named in an appositive after a description.
_DESCRIBED_SUBJECT = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?:[A-Z][\w’'-]*)(?:\s+[\w’'-]+){{0,9}},\s+"
    rf"(?P<name>{_NAME}),\s+(?:\w+ly\s+|also\s+)?(?P<verb>{_SPEECH_VERBS}|{_ACTS})\b"
)
FRAGMENT_MAX_WORDS = 8


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # first character inside the marks
    end: int  # one past the last quoted character
    open_mark: int  # offset of the opening mark


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Quoted stretches of ``text``, paragraph by paragraph, tolerant of missing marks."""
    spans: list[QuoteSpan] = []
    for p_start, p_end in paragraphs(text):
        open_at: int | None = None

        def close(end: int, open_mark: int, start: int) -> None:
            s, e = start, end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if re.search(r"\w", text[s:e]):
                spans.append(QuoteSpan(s, e, open_mark))

        for pos in range(p_start, p_end):
            ch = text[pos]
            if ch == "“" or (ch == '"' and open_at is None and _opens(text, pos, p_start, p_end)):
                if open_at is not None:
                    close(pos, open_at - 1, open_at)
                open_at = pos + 1
            elif ch in '”"' and open_at is not None:
                if not text[open_at:pos].strip():
                    continue  # `“"` : a doubled mark, keep the quote open
                close(pos, open_at - 1, open_at)
                open_at = None
        if open_at is not None:
            close(p_end, open_at - 1, open_at)
    return spans


def _opens(text: str, pos: int, p_start: int, p_end: int) -> bool:
    """A straight mark opens a quote after a space, a bracket or a dash; or, where a
    scraper lost the space, between a letter and a word when another mark in the
    paragraph can close it ("Sky News estimates"at least 50 people, "and …"). After a
    stop it is left closed ("my team."Christie said"): one mark there may stand for a
    closing and an opening mark both, and nothing tells which."""
    if pos == p_start or text[pos - 1].isspace() or text[pos - 1] in "([{:—–-":
        return True
    return (
        text[pos - 1].isalpha()
        and pos + 1 < p_end
        and text[pos + 1].isalnum()
        and '"' in text[pos + 1 : p_end]
    )


def speaker_key(name: str) -> str:
    """The lower-case surname that identifies a speaker across outlets ("corbyn"); for
    a joint statement, the surnames sorted and joined by "+" ("meron+zadan"). A name
    written with a hyphen or a space is one name ("Kim Dong-chul", "Kim Dong Chul":
    "chul")."""
    keys = set()
    for one in re.split(r"\s+and\s+", name):
        words = [w for w in one.replace("’", "'").split() if w not in _TITLES]
        if words:
            keys.add(words[-1].lower().removesuffix("'s").rsplit("-", 1)[-1])
    return "+".join(sorted(keys))


def speakers_differ(a: str, b: str) -> bool:
    """True when two speaker keys are both known and share no surname, nor one spelt a
    letter apart ("wetzler" / "welzler": one person, one outlet's slip)."""
    if not (a and b):
        return False
    return not any(_one_letter_apart(x, y) for x in a.split("+") for y in b.split("+"))


def _one_letter_apart(a: str, b: str) -> bool:
    """Equal, or a long word with one letter changed, added or dropped."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] or a[i + 1 :] == b[i:] or a[i:] == b[i + 1 :]


def _clean_name(raw: str) -> str:
    """Drop sentence openers and role words from a capitalised run: "But Mr Lavery" →
    "Mr Lavery", "Tory James Cleverly" → "James Cleverly"."""
    if re.search(r"\s+and\s+", raw):
        parts = [_clean_name(p) for p in re.split(r"\s+and\s+", raw)]
        return " and ".join(p for p in parts if p)
    if re.fullmatch(_ORG, raw):
        return raw  # "Department of Justice": its words are not roles or titles
    words = raw.split()
    # A role before the name describes the speaker: "Interior Secretary Dirk
    # Kempthorne" is Dirk Kempthorne; a title stays with it ("Sen. Tim Kaine").
    roles = [i for i, w in enumerate(words[:-1]) if _is_role(w)]
    if roles:
        last = roles[-1]
        # A title stays with the name it opens ("Lt. Gregg Hastings"); a role goes.
        words = words[last:] if _bare(words[last]) in _TITLES else words[last + 1 :]
    while (
        words
        and _bare(words[0]) in _NOT_NAMES
        and not (_bare(words[0]) in _TITLES and len(words) > 1)
    ):
        words.pop(0)
    owners = [i for i, w in enumerate(words) if w.endswith(("’s", "'s"))]
    if owners and owners[-1] == len(words) - 1:
        return ""  # a possessive ("Labour’s") owns something; it is not the speaker
    if owners:
        words = words[owners[-1] + 1 :]  # "Chicago’s DeShawn Cole" is DeShawn Cole
    if words and (_bare(words[-1]) in _TITLES or _is_role(words[-1])):
        return ""  # "Oregon State Police Lt": a title whose name did not follow
    return " ".join(words)


def _bare(word: str) -> str:
    return word.rstrip(".")


def _is_role(word: str) -> bool:
    """A capitalised role word ("Secretary", "Sen.", "President-elect")."""
    return _bare(word) in _ROLE_WORDS or _bare(word.split("-")[0]) in _ROLE_WORDS


_LABEL = re.compile(rf"\s*(?P<name>{_NAME})\s*:\s*")  # "Forstall: “…”"
_NAME_AT_END = re.compile(rf"({_NAMES})\s*$")
_ELIDED_SUBJECT = re.compile(r"\b(?:but|and|yet|then)\s*$")


def _name_at_end(segment: str) -> str:
    m = _NAME_AT_END.search(segment)
    return _clean_name(m.group(1)) if m else ""


_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+$")


def _speaker_before(before: str) -> tuple[str, bool]:
    """Speaker named before a quote: ``(name, resolve)``; ``resolve`` asks for the
    nearest preceding speaker or subject (a pronoun, or "…, but insisted")."""
    m = _ACCORDING.search(before)
    if m:
        return _clean_name(m["name"]), False
    # not a passive ("he was confirmed by a vote of 98 to nothing")
    verbs = [v for v in _VERB_RE.finditer(before) if not _PASSIVE.search(before, 0, v.start())]
    if not verbs:
        # "Forstall: “Who is taller?”", a transcript's speaker
        label = _LABEL.fullmatch(before) if before.rstrip().endswith(":") else None
        return (_clean_name(label["name"]) if label else ""), False
    subject = before[: verbs[-1].start()]
    if re.search(rf"{_PRONOUN}\s+(?:\w+ly\s+|also\s+|later\s+)?$", subject):
        return "", True
    if verbs[-1].group(0).endswith("ing") and subject.rstrip().endswith(","):
        # "DeGeneres announced it on Twitter, writing: “…”": the clause's subject speaks
        # ("Nudity didn't bother her, she said, explaining": the one who said).
        if re.search(rf"{_PRONOUN}\s+(?:{_SPEECH_VERBS})\b", subject):
            return "", True
        # "Gov. Harold Brinkley claimed …, telling"; not a name after a preposition ("In
        # an interview with Rolling Stone published in September, Trump criticized …")
        for acting in _SUBJECT_RE.finditer(subject):
            name = _clean_name(acting["name"])
            if name and not _PREPOSITION_BEFORE.search(subject, 0, acting.start()):
                return name, False
        for m in _SUBJECT_OR_PRONOUN.finditer(subject):
            if re.fullmatch(_PRONOUN, m.group(0)):
                return "", True
            if _clean_name(m.group(0)) and not _PREPOSITION_BEFORE.search(subject, 0, m.start()):
                return _clean_name(m.group(0)), False
        return "", False
    # The subject stands right before the verb ("Sion Simon said"), or before a comma-
    # delimited appositive ("Sarah Okafor, area manager at the fire service, said",
    # "Stephen Kinnock, the MP for Aberavon …, said", "Ian Lavery, Labour’s campaigns
    # chief, went further … in admitting"), or was elided ("…, but insisted").
    segments = subject.split(",")
    if _ELIDED_SUBJECT.search(segments[-1]) and _INDEFINITE.match(subject):
        return "", False  # "A social psychologist … studied it and concluded that “…”"
    if not subject.strip() or _ELIDED_SUBJECT.search(segments[-1]):
        return "", True
    # "the Rev. Larry Kroon of the Wasilla Bible Church", "Doctor Sokal Pirg of the unit":
    # Kroon and Pirg speak
    # "As Ian Tuttle rightly wrote", "Jeff Weaver also suggested": the adverb goes
    last = re.sub(r"(?:\s+(?:[a-z]\w*ly|also|later|then|again|once|still))+\s*$", " ", segments[-1])
    last = re.sub(rf"(?<=\w)\s+(?:of|from|at)\s+(?:the\s+)?(?:{_CAP}\s*)+$", " ", last)
    if not _name_at_end(last):
        last = re.sub(
            r"(?<=[\w.])\s+(?:of|from|at)\s+(?:the\s+)?(?:[a-z][\w’'-]*\s*){1,3}$", " ", last
        )
    if len(segments) > 1 and re.match(r"\s*(?:a|an|the)\s+[a-z]", last):
        # "Jerry Strickland, a spokesman for Texas Attorney General Greg Abbott told": the
        # appositive describes the name before it, and the names in it are not speaking.
        prior = _name_at_end(segments[-2])
        if prior:
            return prior, False
    if last.strip():
        name = _name_at_end(last)
        if name and _organisation(name):
            # "Ben Stephenson, Controller, BBC Drama Commissioning says": a person named
            # earlier in the clause speaks for the organisation after them.
            person = next(
                (
                    n
                    for seg in reversed(segments[:-1])
                    if (n := _name_at_end(seg)) and _is_person(n)
                ),
                "",
            )
            return person or name, False
        if name or not re.match(r"\s*[a-z]", last):
            return name, False  # named right before the verb, or an unnamed subject
    for segment in reversed(segments[:-1]):
        if _NOT_A_SUBJECT.match(segment):
            continue  # an appositive, a relative clause or an introductory phrase
        name = _name_at_end(segment)
        at = _NAME_AT_END.search(segment)
        if at and _PREPOSITION_BEFORE.search(segment[: at.start()]):
            # "Mayor Eric Garcetti of Los Angeles, speaking to Politico, explained": the
            # person before the place; "Ken Isaacs, Vice President … at Samaritan's
            # Purse, told": a workplace, the person is further back
            placed = _name_at_end(re.sub(rf"\s+(?:of|from)\s+(?:the\s+)?{_NAMES}\s*$", "", segment))
            if placed and _is_person(placed):
                return placed, False
            continue
        if name:
            return name, False
    return "", False


_PREPOSITION_BEFORE = re.compile(r"\b(?:of|at|from|to|for|with|in|on)\s+(?:the\s+)?$")


def _speaker_after(after: str) -> tuple[str, bool]:
    """The attribution after a quote in the forms the one-line patterns (``_AFTER_RE``)
    do not read: a role with capitals before the name ("Angels general manager Tony
    Reagins told"), an appositive ("her agent, Mark Roesler, said"), a name with its
    organisation ("the Rev. Larry Kroon of the Wasilla Bible Church said"), or a role
    and a comma after the verb ("said a government spokesman, Rabie A. Atti").
    ``(name, resolve)`` as :func:`_speaker_before`."""
    verb = _VERB_RE.search(after)
    if verb is None or len(after[: verb.start()].split()) > 12:
        return "", False
    if not after[: verb.start()].strip(" \t,”\"’'"):
        runs = [
            _clean_name(m.group(0))
            for m in re.finditer(_NAMES, after[verb.end() :])
            if not _PREPOSITION_BEFORE.search(after[verb.end() : verb.end() + m.start()])
        ]
        runs = [r for r in runs if r]
        return next((r for r in runs if _is_person(r)), runs[-1] if runs else ""), False
    return _speaker_before(after[: verb.end()])


# An attribution to someone the article does not name there: "“…,” the spokeswoman
# said", "“…,” a volunteer said", "“…,” police said", "“…,” said one resident".
_NOMINAL_AFTER = re.compile(
    rf"""^[\s,”"’]*(?:
        (?:(?:(?P<the>the)|a|an|one|another|two|several)\s+(?:[\w’'-]+\s+){{0,4}}?)?
        (?P<noun>[a-z][\w’'-]*|Republican|Democrat)(?:,[^,“”"\n]{{1,80}},)?\s+
        (?:\w+ly\s+|also\s+)?(?:{_SPEECH_VERBS}|ruled)\b
      | (?:{_SPEECH_VERBS})\s+(?:(?P<the2>the)|a|an|one|another)\s+(?:[a-z0-9][\w’'-]*\s+){{0,3}}?
        (?!(?:on|in|at|of|for|to|from|with|by|after|before|during|about|near|and|who|as)\b)
        (?P<noun2>[a-z0-9][\w’'-]*)\b(?!,?[ \t]+[A-Z])
    )""",
    re.VERBOSE,
)


# Offices whose holder an article names and then calls by the office ("the Florida
# senator", "the Ohio Republican"); not roles an unnamed person holds ("the spokesman").
_OFFICES = frozenset(
    "senator congressman congresswoman governor mayor judge lawmaker candidate nominee "
    "republican democrat lady".split()
)


def _office_described(name: str, after: str, before: str) -> bool:
    """``name`` is no name but an office after "the" in the attribution ("the Alabama
    Republican says", "the No. 2 Senate Democrat said")."""
    if _is_person(name) or _bare(name.split()[-1]).lower() not in _OFFICES:
        return False
    pattern = rf"\b[Tt]he\s+(?:[\w.’'-]+\s+){{0,3}}?{re.escape(name)}\b"
    return bool(re.search(pattern, after) or re.search(pattern, before))


def _introduced_as(noun: str, text: str, before: int) -> str:
    """The last person ``text`` introduces with ``noun`` before offset ``before``
    ("spokeswoman Rachel Dunn", "Rachel Dunn, a spokeswoman for the airport"); "" when
    none."""
    if noun in ("he", "she", "it", "they", "we", "i", "who"):
        return ""
    ends, names = _introductions(noun, text)
    i = bisect.bisect_right(ends, before)
    return next((n for n in reversed(names[:i]) if n), "")


@functools.lru_cache(maxsize=32)
def _introductions(noun: str, text: str) -> tuple[list[int], list[str]]:
    """Where each introduction of a person with ``noun`` ends in ``text``, and the
    person (found once per noun and text)."""
    word = rf"(?i:{re.escape(noun)})"
    pattern = (
        rf"\b{word}[ \t]+(?P<name>{_NAME})"
        # the noun heads the appositive: "Tom Hale, a spokesman for Mayor Lisa Grant" is
        # no mayor
        rf"|(?P<name2>{_NAME}),[ \t]+(?:a|an|the)[ \t]+(?:[\w’'-]+[ \t]+){{0,4}}?{word}\b"
        rf"(?![ \t]+[A-Z])"
    )
    found = [(m.end(), _clean_name(m["name"] or m["name2"])) for m in re.finditer(pattern, text)]
    return [e for e, _ in found], [n for _, n in found]


# How many mentions back a pronoun looks for its person: far enough for any article, and
# a bound on the work in a text of thousands of names none of which fits.
_ANTECEDENTS_BACK = 100


@dataclass
class _Resolver:
    """Remembers who spoke or acted last, to resolve "he said": the people an article
    names as sentence subjects and as speakers (of quotes and of reported speech)."""

    text: str
    mentions: list[tuple[int, str, bool]]  # (offset, name, speaks), sorted by offset
    _genders: dict[str, str] | None = None
    _people: dict[str, bool] = field(default_factory=dict)  # name → a person?
    _full_of: dict[str, str] = field(default_factory=dict)  # name → its full_name

    @classmethod
    def for_text(cls, text: str, quoted: Sequence[tuple[int, int]] = ()) -> _Resolver:
        """Sentence subjects and speakers of reported speech ("Oppal said Blackmore is
        …", "…, said hospital director Hengky Tewu.") of ``text``, outside the
        ``quoted`` spans (a name inside a quote is not who is speaking)."""
        starts = [s for s, _ in quoted]

        def inside(offset: int) -> bool:
            i = bisect.bisect_right(starts, offset) - 1
            return i >= 0 and offset < quoted[i][1]

        found: list[tuple[int, str, bool]] = []
        for m in _SUBJECT_RE.finditer(text):
            if inside(m.start()) or _AFTER_VERB.search(text, max(0, m.start() - 40), m.start()):
                continue  # "said Trend Micro advanced threat researcher …": not a subject
            name = _clean_name(m["name"])
            if name:
                speaks = bool(_VERB_RE.match(text, m.end(0) - len(m.group(0).split()[-1])))
                found.append((m.start(), name, speaks))
        for m in [*_APPOSITIVE_SUBJECT.finditer(text), *_DESCRIBED_SUBJECT.finditer(text)]:
            name = _clean_name(m["name"])
            if _PREPOSITION_BEFORE.search(text, max(0, m.start("name") - 20), m.start("name")):
                continue  # "Under questioning from Hatch, Lew declined …": Lew is the subject
            if name and not inside(m.start()):
                found.append((m.start("name"), name, bool(_VERB_RE.fullmatch(m["verb"]))))
        for m in [*_SOMEONE.finditer(text), *_SOMEONE_ALONE.finditer(text)]:
            if not inside(m.start()):
                found.append((m.start("noun"), "", False))  # nobody the article names
        for pattern, speaks in ((_REPORTED_AFTER, True), (_ACCORDING, True), (_WHO, False)):
            for m in pattern.finditer(text):
                if not inside(m.start()):
                    name = _clean_name(m["name"])
                    if name:
                        found.append((m.start("name"), name, speaks))
        # A name after an article is no one's name but a description or a thing: "a
        # Texas Ranger involved in the raid", "the White House said".
        found = [f for f in found if not _after_article(text, f[0], f[1])]
        found.sort()
        return cls(text, found)

    def add(self, offset: int, name: str) -> None:
        bisect.insort(self.mentions, (offset, name, True))

    def before(self, offset: int, gender: str = "") -> str:
        """The person a pronoun at ``offset`` stands for: the last person named before
        it, or the speaker whose reported speech that person is the subject of ("Oppal
        said Blackmore is alleged …, while Oler is accused …. “…,” he told"); nobody
        when the last person is one the article does not name ("One Mac customer …
        was sceptical. “…,” he said")."""

        def fits(name: str) -> bool:
            return not name or (
                self._person(name) and (not gender or self._gender(name) in ("", gender))
            )

        i = bisect.bisect_left(self.mentions, (offset, "", False)) - 1
        floor = i - _ANTECEDENTS_BACK
        while i > max(floor, -1) and not fits(self.mentions[i][1]):
            i -= 1
        if i <= max(floor, -1):
            return ""
        at, last, speaks = self.mentions[i]
        if not speaks:
            # the nearest speaker before, if the same sentence holds both
            start = _sentence_start(self.text, at, 0)
            j = bisect.bisect_left(self.mentions, (start, "", False))
            for _, n, s in reversed(self.mentions[j:i]):
                if s and n and fits(n):
                    return n
        return last

    def _gender(self, name: str) -> str:
        """ "m" or "f" when the article tells (a title, "Mr Gunness", "Ms. Mendes"; a
        word for a man or a woman right before the name, "actress Tara Reid", "her
        husband, Leroy"); "" when it does not, or says both."""
        if self._genders is None:
            self._genders = _genders(self.text)
        full = self._full(name)
        return self._genders.get(full, "") if len(full.split()) > 1 else ""

    def _full(self, name: str) -> str:
        if name not in self._full_of:
            self._full_of[name] = full_name(name, self.text)
        return self._full_of[name]

    def learn(self, name: str, gender: str) -> None:
        """``name`` is the ``gender`` a pronoun gave them ("“…,” she said" of Anneke
        de Vries), unless the article already tells."""
        if self._genders is None:
            self._genders = _genders(self.text)
        full = self._full(name)
        if gender and len(full.split()) > 1 and full not in self._genders:
            self._genders[full] = gender

    def spoke(self, lo: int, hi: int) -> str:
        """The last speaker the text names between ``lo`` and ``hi``; "" when none."""
        i = bisect.bisect_left(self.mentions, (hi, "", False))
        j = bisect.bisect_left(self.mentions, (lo, "", False))
        return next((n for _, n, speaks in reversed(self.mentions[j:i]) if speaks), "")

    def _person(self, name: str) -> bool:
        """A person, not a place or an organisation: a full or titled name, or a
        surname the article gives in full somewhere ("Oppal", "Wally Oppal"), and not
        a name the article puts after "in" or "at" ("in Gaza City")."""
        if name not in self._people:
            self._people[name] = self._is_person(name)
        return self._people[name]

    def _is_person(self, name: str) -> bool:
        names = _names(self.text)
        if _organisation(name) or name in names.placed:
            return False
        return (
            _is_person(name)
            or any(_is_person(r) for r in names.by_last.get(name.split()[-1], ()))
            # a surname the article gives with a title or a role ("President Obama")
            or (" " not in name and name in names.titled and _bare(name) not in _NOT_NAMES)
        )


_AFTER_VERB = re.compile(rf"\b(?:{_SPEECH_VERBS})\s+(?:the\s+)?{_DESCRIBED}$")
_ARTICLE_BEFORE = re.compile(r"(?:^|[^\w’'-])(?:[Tt]he|[Aa]n?)[ \t]+$")


def _after_article(text: str, offset: int, name: str) -> bool:
    """The mention of ``name`` at ``offset`` (where its match begins) follows "a", "an"
    or "the", and does not open with a title ("the Rev. Larry Kroon" is a name)."""
    if not name or _bare(name.split()[0]) in _TITLES:
        return False
    at = text.find(name, offset, offset + len(name) + 120)
    return at >= 0 and bool(_ARTICLE_BEFORE.search(text, max(0, at - 6), at))


# Words that tell a man or a woman, right before a name ("actress Tara Reid", "her
# husband, Leroy", "Mrs Smith").
_GENDER_WORDS = {
    **dict.fromkeys(
        "mr sir lord man boy father husband son brother grandfather uncle nephew actor "
        "spokesman chairman businessman congressman councilman king prince widower".split(),
        "m",
    ),
    **dict.fromkeys(
        "mrs ms miss lady dame woman girl mother wife daughter sister grandmother aunt "
        "niece actress spokeswoman chairwoman businesswoman congresswoman councilwoman "
        "queen princess widow".split(),
        "f",
    ),
}
_GENDER_WORD = "|".join(sorted(_GENDER_WORDS, key=len, reverse=True))
# The word in any case ("Mr", "Actress"), the name capitalised: "Mr. Doe cited Colorado"
# tells Doe's gender, not Colorado's.
_GENDER_BEFORE = re.compile(
    rf"\b(?P<word>(?i:{_GENDER_WORD}))\b\.?,?[ \t]+"
    rf"(?:[a-z][\w-]*[ \t]+){{0,2}}(?P<name>{_CAP}(?:[ \t]+{_CAP}){{0,3}})"
)

# … or in an appositive right after it: "Dr. Benjamin, an African-American woman, …".
_GENDER_AFTER = re.compile(
    rf"(?P<name>{_CAP}(?:[ \t]+{_CAP}){{0,3}}),[ \t]+(?:a|an|the|his|her)[ \t]+"
    rf"(?:[\w’'-]+[ \t]+){{0,3}}?(?P<word>{_GENDER_WORD})\b"
)


def _genders(text: str) -> dict[str, str]:
    """Per full name, the gender the article tells (see ``_Resolver._gender``)."""
    seen: dict[str, set[str]] = {}
    for m in [*_GENDER_BEFORE.finditer(text), *_GENDER_AFTER.finditer(text)]:
        if m["name"][0].isupper():
            name = full_name(_clean_name(m["name"]), text)
            seen.setdefault(name, set()).add(_GENDER_WORDS[m["word"].lower()])
    return {k: g.pop() for k, g in seen.items() if len(g) == 1}


_SENTENCE_END = re.compile(r"[.!?][”\"’]?(?:\s|$)")
# Reported speech with the speaker after the verb: "…, said local hospital director
# Hengky Tewu." (a quote's own attribution is read by find_quotes); not "…, told AFP.",
# whose name is the listener.
_REPORTED_AFTER = re.compile(
    rf",\s+(?!told\b|tells\b|telling\b)(?:{_SPEECH_VERBS})\s+(?:the\s+)?{_DESCRIBED}"
    rf"(?P<name>{_NAME})\s*[.,]"
)

# "However, one Mac customer from the show floor was sceptical.", "An official looked at
# her and said:": a sentence about a person the article does not name.
_SOMEONE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?:However|But|And|Then|Later|Meanwhile|Still),?\s+)?"
    r"(?:[Aa]|[Aa]n|[Oo]ne|[Aa]nother)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?P<noun>man|woman|boy|girl|person|resident|witness|customer|official|spokesman|"
    r"spokeswoman|spokesperson|source|officer|neighbou?r|worker|employee|student|teacher|"
    r"nurse|passenger|driver|fan|voter|supporter|member|lawyer|analyst|expert|protester|"
    r"survivor|victim|relative|friend|shopper|visitor|tourist|parent|mother|father|juror|"
    r"soldier|guard|diplomat|aide|executive|owner|player|blogger|journalist|reporter|"
    r"villager|farmer|doctor|bystander|onlooker|commuter|user|viewer|listener)s?\b"
)
# A subject the article does not name, opening a sentence: "A social psychologist at
# …", "Another tried guilt", "One asked".
_INDEFINITE = re.compile(r"\s*(?:(?:However|But|And|Then),?\s+)?(?:An?|One|Another)\s+[a-z]")
_SOMEONE_ALONE = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=[.!?][”\"’]\s)|(?<=\n))(?P<noun>One|Another)\s+(?:\w+ly\s+)?"
    rf"(?:{_ACTS})\b"
)
# "… Reunion Pictures' Matthew O'Connor, who coproduced …": a person the sentence
# goes on to tell about, whom the next "he" is likely to mean.
# So does an appositive that introduces them: "Among them was Lisa Wagner, a top
# fundraiser …", "That includes Bill Simmons, a Washington-based donor …".
_WHO = re.compile(rf"(?P<name>{_NAME}),[ \t]+(?:who|an?|part\s+of|one\s+of)\b")

# The name of a work before its quote marks: what follows is a title, not speech.
_WORK_BEFORE = re.compile(
    r"\b(?:book|novel|memoir|memoirs|autobiography|film|movie|documentary|song|album|"
    r"poem|play|titled|entitled|dubbed)\s*,?\s*$"
)


def find_quotes(text: str) -> list[tuple[QuoteSpan, str, bool]]:
    """Every quote in ``text`` with its speaker's name ("" when unknown) and whether
    the attribution names the speaker (rather than "he said", resolved)."""
    spans = find_quote_spans(text)
    resolver = _Resolver.for_text(text, [(s.open_mark, s.end) for s in spans])
    out: list[tuple[QuoteSpan, str, bool]] = []
    for i, span in enumerate(spans):
        next_open = spans[i + 1].open_mark if i + 1 < len(spans) else len(text)
        # The sentence before the quote, earlier quotes in it blanked out: "Jenna Coleman
        # revealed that she is “so excited” to welcome Peter Capaldi …, adding: “…”" is
        # Coleman speaking, not Capaldi.
        sent_start = _sentence_start(text, span.open_mark, 0)
        earlier = i
        while earlier and spans[earlier - 1].end >= sent_start:
            earlier -= 1  # the earlier quotes of this sentence
        before = _blank_quotes(text, sent_start, span.open_mark, spans[earlier:i])
        after = text[min(span.end + 1, len(text)) : _sentence_end(text, span.end + 1, next_open)]
        if _WORK_BEFORE.search(text, max(0, span.open_mark - 40), span.open_mark):
            out.append((span, "", False))  # a title: "in his 1974 book, “An American Life”"
            continue
        name, pronoun, raw = "", False, ""
        # "“…,” said X" attributes; after "“….”" a new sentence has begun.
        m = None if text[span.start : span.end].endswith(".") else _AFTER_RE.match(after)
        if m:
            raw = m["name1"] or m["name2"] or m["name3"] or m["name4"] or ""
            pronoun = bool(re.fullmatch(_PRONOUN, raw))
            if m["name1"] and not pronoun:
                # "said ABC Entertainment Group president Paul Lee, …": the last name of
                # the clause is the person; the runs before it describe them.
                words_ = _clause(after, m.start("name1"))
                found_runs = [
                    r
                    for r in re.finditer(_NAMES, words_)
                    # not the listener: "said … Bensu Elianita to the Associated Press"
                    # nor where they work: "said Rick McGuire of the Alpine Lakes
                    # Protection Society", "said Bonnie Evans at the Texaco station"
                    if not re.search(
                        r"\b(?:to|told|with|for|of|at|from|in)\s+(?:the\s+)?$", words_[: r.start()]
                    )
                    and _clean_name(r.group(0))
                ]
                last_run = found_runs[-1] if found_runs else None
                if last_run and _MODIFIES.match(words_, last_run.end()):
                    # "said a Sudanese government spokesman, Rabie A. Atti": the capitals
                    # describe; the name, if any, is in the appositive after the comma
                    # ("said an Egyptian blogger, who added": nobody named).
                    named = _APPOSITIVE_NAME.match(after, m.start("name1") + len(words_))
                    raw = named["name"] if named else ""
                elif last_run:
                    raw = last_run.group(0)
            name = "" if pronoun else _clean_name(raw) or _surname_alone(raw, text)
        elif not text[span.start : span.end].endswith("."):
            name, pronoun = _speaker_after(after)
        nominal = None if m or name or pronoun else _NOMINAL_AFTER.match(after)
        office = ""
        if nominal:
            # "“…,” the spokeswoman said": the person the article introduced as such, or
            # nobody; "a volunteer said", "police said": nobody named
            noun = nominal["noun"] or nominal["noun2"]
            the = nominal["the"] or nominal["the2"]
            name = _introduced_as(noun, text, span.open_mark) if the else ""
            office = noun.lower() if the and not name and noun.lower() in _OFFICES else ""
        elif not name and not pronoun:
            name, pronoun = _speaker_before(before or _introducing_line(text, sent_start))
        described = name or raw.strip()  # "the committee’s top Republican": no name
        if described and not pronoun and _office_described(described, after, before):
            office, name = described.split()[-1].lower(), ""  # "the Alabama Republican says"
        if office:
            # "the Florida senator told", "the committee's top Republican said": an
            # office holder the article has named, as a pronoun stands for one
            name = resolver.before(span.open_mark, _GENDER_WORDS.get(office, ""))
        explicit = bool(name) and not pronoun
        if nominal or office:
            explicit = False
        elif not name and not pronoun and i and _split(text, spans[i - 1], span):
            # "“…,” said Sen. Margaret Olin, a Democrat …, “and taxpayers …”": the second
            # half of a quote split by its attribution
            _, name, explicit = out[-1]
        elif not name and not pronoun and i and _continues(text, spans[i - 1], span):
            _, name, explicit = out[-1]
        elif not name and not pronoun and _own_attribution(text, span, after):
            pass  # "“…,” Mueller’s spokesperson said": its own speaker, whom it names not
        elif (
            not name
            and not pronoun
            and i
            and not before.strip()
            and _follows(text, spans[i - 1], span)
        ):
            # A quote that opens its sentence with no attribution of its own, right after
            # an attributed one, goes on with that speaker (the press convention); it is
            # not named in its own attribution; unless someone else speaks in between
            # ("“…,” he said. Williams agreed. “…”").
            name = resolver.spoke(spans[i - 1].end, span.open_mark) or out[-1][1]
            explicit = False
        elif not name and not pronoun and not before.strip():
            # … or right after reported speech: "…, said Chan. “A tie-up with AMD …”"
            name = resolver.spoke(_sentence_start(text, max(0, sent_start - 1), 0), sent_start)
            explicit = False
        if pronoun:
            # the pronoun after the quote, else the last one before it ("" when the
            # subject is elided: "…, but insisted")
            said = re.findall(_PRONOUN, after[:60]) or re.findall(_PRONOUN, before)[-1:]
            gender = {"he": "m", "she": "f"}[said[0].lower()] if said else ""
            name = resolver.before(span.open_mark, gender)
            resolver.learn(name, gender)
        if name:
            resolver.add(span.open_mark, name)
        out.append((span, name, explicit))
    return out


_ORGANISATION_WORDS = {
    "Department", "Commission", "Commissioning", "Committee", "Council", "Ministry", "Office",
    "Agency", "Police", "Service", "Services", "University", "College", "Press", "News",
    "Corporation", "Company", "Inc", "Ltd", "Group", "Party", "Association", "Union", "Board",
    "Authority", "Institute", "Foundation", "Bureau", "Court", "Government", "Network",
    "Administration", "Campaign",
}  # fmt: skip


def _organisation(name: str) -> bool:
    """A name of an organisation rather than a person: "BBC Drama Commissioning"."""
    words = name.split()
    return any(w in _ORGANISATION_WORDS or (len(_bare(w)) > 1 and w.isupper()) for w in words)


def _blank_quotes(text: str, start: int, end: int, quotes: Sequence[QuoteSpan]) -> str:
    """``text[start:end]`` with the quotes that lie in it (marks included) as spaces."""
    pieces, at = [], start
    for q in quotes:
        lo, hi = max(q.open_mark, at), min(q.end + 1, end)
        if lo < hi:
            pieces += [text[at:lo], " " * (hi - lo)]
            at = hi
    pieces.append(text[at:end])
    return "".join(pieces)


@dataclass(frozen=True)
class _Names:
    """The names of one text, indexed once so that each look-up costs no more than the
    names it concerns (an article of thousands of names stays linear)."""

    by_last: dict[str, frozenset[str]]  # last word → the runs of two or more words
    by_first: dict[str, frozenset[str]]  # first word → the runs of exactly two words
    titled: frozenset[str]  # words right after a title or a role ("President Obama")
    placed: frozenset[str]  # names after "in", "at" … ("in Gaza City": Gaza, Gaza City)


_PLACED = re.compile(rf"\b(?:in|at|near|outside|across)\s+(?:the\s+)?(?P<run>{_NAME})")


@functools.lru_cache(maxsize=8)
def _names(text: str) -> _Names:
    """The names of ``text``, indexed: every capitalised run as a cleaned name, those
    given only as owners too ("Stephenie Meyer's four-book series")."""
    runs = {_clean_name(re.sub(r"[’']s$", "", m.group(0))) for m in _NAME_RE.finditer(text)}
    by_last: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for r in runs:
        words = r.split()
        if len(words) > 1:
            by_last.setdefault(words[-1], set()).add(r)
        if len(words) == 2:
            by_first.setdefault(words[0], set()).add(r)
    titled: set[str] = set()
    for m in re.finditer(rf"{_TITLED}(?P<word>[\w’'-]+)", text):
        titled |= {m["word"], m["word"].split("-")[0]}
    placed = set()
    for m in _PLACED.finditer(text):
        if m["run"].endswith(("’s", "'s")):
            continue  # "in Hiller's car": an owner, not a place
        words = m["run"].split()
        placed |= {" ".join(words[:k]) for k in range(1, len(words) + 1)}
    return _Names(
        {k: frozenset(v) for k, v in by_last.items()},
        {k: frozenset(v) for k, v in by_first.items()},
        frozenset(titled),
        frozenset(placed),
    )


@functools.lru_cache(maxsize=4096)
def _shared_surname(runs: frozenset[str]) -> bool:
    """Two people of one surname among ``runs`` (their first names have no word in
    common); a surname of more than 50 full names is taken to be shared."""
    sets = ({w for w in r.split()[:-1] if _bare(w) not in _TITLES} for r in runs)
    given = [g for g in sets if g]
    if len(given) > 50:
        return True
    return any(not a & b for i, a in enumerate(given) for b in given[i + 1 :])


def full_name(name: str, text: str) -> str:
    """The fullest form of a speaker's name the article uses: "Corbyn" → "Jeremy
    Corbyn" when "Jeremy Corbyn" appears in ``text``; a first name alone ("Chela") →
    "Chela Ortiz" when the article has one name that opens with it. A name that already
    has a first name keeps it ("Frank Graham" is not "Ramarley Graham"), and a surname
    two people of the article share is left as it is."""
    if not name or " and " in name:
        return name
    words = name.split()
    names = _names(text)
    if len(words) == 1 or all(_bare(w) in _TITLES for w in words[:-1]):
        longer = names.by_last.get(words[-1], frozenset())
        if _shared_surname(longer):
            return name  # two people of one surname: which one is not told
        if longer:  # a first name before a title ("Faud Ali" before "Mr. Ali")
            return max(longer, key=lambda r: (_bare(r.split()[0]) not in _TITLES, len(r), r))
        if len(words) == 1 and name not in names.titled:
            # not a surname ("President Obama" is no "Obama Administration")
            opening = {r for r in names.by_first.get(name, ()) if not _organisation(r)}
            if len(opening) == 1:
                return opening.pop()  # "Chela said" in an article of "Chela Ortiz"
        return name
    # A fuller form of the same first and last name ("Adam Schiff" → "Adam B. Schiff").
    fuller = {
        r for r in names.by_last.get(words[-1], ()) if words[0] in r.split() and len(r) > len(name)
    }
    return max(fuller, key=lambda r: (len(r.split()), r), default=name)


def _is_person(name: str) -> bool:
    """A full name ("Tom Watson"), a titled one ("Mr Lavery"), or a pair of them."""
    return all(len(p.split()) >= 2 for p in re.split(r"\s+and\s+", name)) and not any(
        _bare(w) in _NOT_NAMES and _bare(w) not in _TITLES for w in name.split()
    )


_STOP = re.compile(r"[.!?][”\"’]?\s+")
_MARK = re.compile(r"[.!?]")


@functools.lru_cache(maxsize=8)
def _stops(text: str) -> list[int]:
    """Offsets of the marks that end a sentence of ``text`` ("U.N. spokesman", "Mr.
    Rove": no sentence ends there), found once per text."""
    return [m.start() for m in _STOP.finditer(text) if not _title_stop(text, 0, m.start())]


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence holding ``pos``, not before ``floor``, the line start or
    MAX_SENTENCE_CHARS back (a longer "sentence" is no claim)."""
    lo = max(floor, pos - MAX_SENTENCE_CHARS)
    base = max(lo, text.rfind("\n", lo, pos) + 1)
    stops = _stops(text)
    i = bisect.bisect_left(stops, pos) - 1
    while i >= 0 and stops[i] >= base:
        m = _STOP.match(text, stops[i], pos)  # its white space must begin before pos
        if m:
            return m.end()
        i -= 1
    return base


def _sentence_end(text: str, pos: int, ceiling: int) -> int:
    """End of the sentence from ``pos``: its first full stop that does not end a title
    or an initial ("Mr. Rove said.", "Adam B. Schiff"), not beyond ``ceiling``, the line
    end or MAX_SENTENCE_CHARS on."""
    ceiling = min(ceiling, pos + MAX_SENTENCE_CHARS)
    line_end = text.find("\n", pos, ceiling)
    end = min(ceiling, len(text)) if line_end < 0 else line_end
    for m in _MARK.finditer(text, pos, end):
        if not _title_stop(text, pos, m.start()):
            return m.end()
    return end


def _clause(text: str, pos: int) -> str:
    """``text`` from ``pos`` to the first comma, colon, semicolon or full stop that does
    not end a title or an initial ("commentator Patrick J. Buchanan, a former …")."""
    for m in re.finditer(r"[,.;:!?]", text[pos:]):
        if not _title_stop(text, pos, pos + m.start()):
            return text[pos : pos + m.start()]
    return text[pos:]


def _title_stop(text: str, floor: int, stop: int) -> bool:
    """The mark at ``stop`` is the full stop of a title or an initial ("Mr.", "U.N.",
    "Adam B. Schiff"), not the end of a sentence (the word before it read from no
    earlier than ``floor``)."""
    word = re.search(r"(\w+)$", text[max(floor, stop - 12) : stop])
    if text[stop] != "." or word is None:
        return False
    # ... or of an abbreviation inside a clause ("Sen. Patty Murray, D-Wash., said", "(D-Ill.)",
    # "the No. 2 Senate Democrat")
    return (
        word[1] in _TITLES
        or (len(word[1]) == 1 and word[1].isupper())
        or text[stop + 1 : stop + 2] in (",", ")")
        or (word[1] == "No" and re.match(r"\s*\d", text[stop + 1 : stop + 4]) is not None)
    )


# A sentence that says someone gave out a statement: "Jackson released a statement …".
_STATEMENT = re.compile(
    rf"(?P<name>{_NAME})\s+(?:\w+ly\s+|also\s+|later\s+)?(?:released|issued|put\s+out|"
    r"posted)\s+an?\s+(?:\w+\s+)?statement\b[^“”\"]*$"
)
_WHOLE = re.compile(r"[.!?]\W*$")  # a quote that ends its sentence ("“… at all.”")


def _own_attribution(text: str, span: QuoteSpan, after: str) -> bool:
    """The quote's sentence goes on after it to a verb of saying ("“…,” Mueller’s
    spokesperson said in a statement"): the quote has an attribution of its own."""
    if _WHOLE.search(text, span.start, span.end):
        return False  # "“….” Then …": a new sentence
    verb = _VERB_RE.search(after)
    return verb is not None and len(after[: verb.start()].split()) <= 6


def _continues(text: str, prev: QuoteSpan, span: QuoteSpan) -> bool:
    """True when nothing but closing marks and white space lie between two quotes."""
    return not re.search(r"\w", text[prev.end : span.open_mark])


def _introducing_line(text: str, start: int) -> str:
    """The line before ``start`` when it ends by introducing a quote ("Andrew Wetzler,
    director of the program, commented," / "An official said:"); "" otherwise."""
    above = text[:start].rstrip()  # past a blank line between paragraphs
    line = above[above.rfind("\n") + 1 :]
    if re.search(rf"\b(?:{_SPEECH_VERBS})\s*[,:]$", line) and '"' not in line[-3:]:
        return line
    line = line[_sentence_start(line, max(0, len(line) - 1), 0) :]  # its last sentence
    statement = _STATEMENT.match(line)
    if statement and (name := _clean_name(statement["name"])):
        # "Jackson released a statement through the team later Tuesday." and the quote
        # opens the next paragraph: the statement's words
        return f"{name} said:"
    if not line.endswith(":"):
        return ""
    for m in _SUBJECT_RE.finditer(line):
        # "The UN's Mr Gunness disagreed with the minister:": its subject speaks (not
        # "Ann Kerr of the Daily Sun relished …")
        if not _PREPOSITION_BEFORE.search(line, 0, m.start()):
            return f"{m['name']} said:"
    # "Conor Clarke of Slate magazine relished his dissents:": the first person the line
    # names, not after a preposition
    for m in re.finditer(_NAMES, line):
        name = _clean_name(m.group(0))
        if _is_person(name) and not _PREPOSITION_BEFORE.search(line, 0, m.start()):
            return f"{name} said:"
    return ""


def _split(text: str, prev: QuoteSpan, span: QuoteSpan) -> bool:
    """Only an attribution, inside one sentence, lies between two quotes."""
    between = text[prev.end : span.open_mark]
    return (
        # a quote's first half ends on a comma, not a full stop: "“I was there,” Ann Lee
        # said, “and I saw it”"
        not _WHOLE.search(text, prev.start, prev.end)
        and len(between) < 200
        and "\n" not in between
        and bool(_VERB_RE.search(between))
        and not _sentence_ends(text, prev.end, span.open_mark)
    )


def _follows(text: str, prev: QuoteSpan, span: QuoteSpan) -> bool:
    """Only the previous quote's attribution lies between two quotes: at most one
    sentence ends in between ("“…,” Hacker said. “I tried not to listen.”")."""
    return _sentence_ends(text, prev.end, span.open_mark) <= 1


def _sentence_ends(text: str, lo: int, hi: int) -> int:
    """How many sentences end in ``text[lo:hi]``; the full stop of a title or an
    initial ("Mr. Gray", "A. Atti") ends none."""
    n = 0
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if not _title_stop(text, lo, m.start()):
            n += 1
    return n


def _surname_alone(raw: str, text: str) -> str:
    """A surname that is also a role word ("King said") when the article gives it as
    a person's surname ("Billy King")."""
    name = full_name(raw.strip(), text) if len(raw.split()) == 1 else ""
    return name if name != raw.strip() and _is_person(name) else ""


def is_fragment(text: str, span: QuoteSpan) -> bool:
    """A few quoted words inside someone else's sentence ("a “simple mistake”")."""
    words = len(text[span.start : span.end].split())
    at = span.open_mark
    while at and text[at - 1].isspace():
        at -= 1  # back over the white space before the mark, not copying the text
    introduced = not at or text[at - 1] in ":," or text[span.open_mark - 1] == "\n"
    return words <= FRAGMENT_MAX_WORDS and not introduced


# --- claims ---------------------------------------------------------------------------


_CONTINUES = re.compile(
    r"(?:It|They|That|This)\s+(?!is\b|was\b)[a-z]+"
    # "Five people died and seven were injured in Aceh in the quake and aftershocks"
    r"|.{0,80}\bin\s+the\s+(?:quake|earthquake|attack|blast|bombing|storm|fire|shooting|"
    r"tsunami|aftershocks?)\b(?!\s+(?:on|that|which)\b)"
)


def _part_of(noun: str, whole: SlotReading, whole_noun: str) -> bool:
    """A figure of ``noun`` can be a part of a figure of ``whole_noun`` in ``whole``'s
    role: the same noun, or none, or a kind of people within a count of people."""
    if noun in ("", whole_noun):
        return True
    return whole.role in PERSON_ROLES and noun not in NOT_PEOPLE


def extract(article: Article, sentences: Sequence[Sentence]) -> list[Claim]:
    """All claims of an article: one SENTENCE claim per sentence, plus its quantities,
    dates and quotes. Claims keep offsets into ``article.text``; only text inside the
    given sentences (page furniture already left out) yields claims."""
    text = article.text
    starts = [s.start for s in sentences]
    claims: list[Claim] = []
    # One string per span, shared by every claim that quotes it (a sentence is the
    # text of its SENTENCE claim and the context of each number in it).
    pieces = {(s.start, s.end): s.text for s in sentences}

    def piece(start: int, end: int) -> str:
        return pieces.setdefault((start, end), text[start:end])

    def sentence_of(offset: int) -> Sentence | None:
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and sentences[i].start <= offset < sentences[i].end:
            return sentences[i]
        return None

    def claim(
        kind: ClaimKind, start: int, end: int, first: Sentence, last: Sentence, **payload: object
    ) -> Claim:
        return Claim(
            kind=kind,
            article_id=article.id,
            outlet=article.outlet,
            start=start,
            end=end,
            text=piece(start, end),
            sentence_start=first.start,
            sentence_end=last.end,
            sentence=piece(first.start, last.end),
            sentence_index=first.index,
            **payload,  # type: ignore[arg-type]
        )

    previous_elsewhere = False
    for s in sentences:
        claims.append(claim(ClaimKind.SENTENCE, s.start, s.end, s, s))
        # "In February 2005 a quake hit Zarand. It killed 612 people": a sentence that
        # opens on a pronoun continues the event of the one before it.
        inherited = "other" if previous_elsewhere and _CONTINUES.match(s.text) else ""
        previous_elsewhere = elsewhere(s.text)
        # Found per sentence (an elided noun is inherited within a sentence, no further),
        # then moved to article offsets like every other span.
        whole = None  # the sentence's last figure with a role: a part may name its role
        for q in find_quantities(s.text):
            slot = read_slot(s.text, q.start, q.end, q.noun)
            if slot.role:
                whole = (slot, q.noun)
            elif slot.part and not slot.predicate and whole and _part_of(q.noun, *whole):
                # "17 died in three days, including 12 people in the attack": a part of
                # that toll, with its role and event
                slot = replace(whole[0], part=True)
            q = replace(
                q,
                start=s.start + q.start,
                end=s.start + q.end,
                role=slot.role,
                scope=slot.scope or inherited,
                part=slot.part,
            )
            claims.append(claim(ClaimKind.QUANTITY, q.start, q.end, s, s, quantity=q))
        for d in find_dates(s.text, article.published):
            d = replace(d, start=s.start + d.start, end=s.start + d.end)
            claims.append(claim(ClaimKind.DATE, d.start, d.end, s, s, date=d))
    for span, name, explicit in find_quotes(text):
        first, last = sentence_of(span.start), sentence_of(max(span.start, span.end - 1))
        if first is None or last is None:
            continue  # inside page furniture
        name = full_name(name, text)
        quote = Quote(
            words=text[span.start : span.end],
            speaker=name,
            speaker_key=speaker_key(name),
            fragment=is_fragment(text, span),
            named=explicit and _is_person(name),
        )
        claims.append(claim(ClaimKind.QUOTE, span.start, span.end, first, last, quote=quote))
    claims.sort(key=lambda c: (c.start, c.end, c.kind.value))
    return claims
