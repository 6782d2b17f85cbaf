"""Who said it: one row per attribution form of the speaker dev set
(benchmarks/speakers_dev.jsonl), written as one short article each. The speaker is the
one crosscheck reports (``Quote.speaker``, its fullest form in the article); "" when
the article names nobody, never a guess."""

from __future__ import annotations

import pytest

from crosscheck.engine import extract_one
from crosscheck.model import Article

# (form, article, the last quote's speaker)
# fmt: off
FORMS = [
    ("plain name after", "“We will win,” Corbyn said.", "Corbyn"),
    ("said + plain name", "“We will win,” said Jeremy Corbyn.", "Jeremy Corbyn"),
    ("honorific with a full stop", "Karl Rove spoke first. “It was close,” Mr. Rove said.", "Karl Rove"),
    ("title with a full stop", "“We are ready,” said Sen. Tim Kaine.", "Sen. Tim Kaine"),
    ("role before the name", "“It was a riot,” said vice presidential candidate Mike Pence.", "Mike Pence"),
    ("name before the quote", "Trump told the crowd: “We will build it.”", "Trump"),
    ("pronoun", "Wally Oppal said two men were arrested. “This has been complex,” he said.", "Wally Oppal"),
    ("pronoun, the speaker not the subject he spoke of",
     "Wally Oppal said Blackmore is alleged to have 20 wives, while Oler is accused of "
     "having two. “This has been complex,” he told The Canadian Press.", "Wally Oppal"),
    ("pronoun after reported speech with the speaker after the verb",
     "Among the dead was a girl, said hospital director Hengky Tewu. “Our ambulances are "
     "picking up two more,” he said.", "Hengky Tewu"),
    ("pronoun, never a place",
     "Mr Peres retorted that Israel was fighting other wars. “Europe must open its eyes,” he said.",
     "Mr Peres"),
    ("pronoun with no person before it", "Israel was fighting. “We must go on,” he said.", ""),
    ("pronoun after a person an appositive introduces",
     "Romney lost donors. Among them was Lisa Wagner, a top fundraiser in 2012. “I have raised "
     "a million dollars,” she said.", "Lisa Wagner"),
    ("pronoun after a person introduced as part of a group",
     "Her converts included Bill Kunkler, part of a wealthy family. “I will work for Jeb,” he "
     "said.", "Bill Kunkler"),
    ("a gender word tells the capitalised name after it, not a place further on",
     "Jane Roe met John Doe. Mr. Doe cited Colorado. Actress Jane Roe spoke. Later Colorado "
     "said it would act. “We won,” he said.", "John Doe"),
    ("continuation after an attributed quote",
     "“There was someone in the building,” Nigel Hacker said. “I tried not to listen.”", "Nigel Hacker"),
    ("split quote", "“I was there,” Ann Lee said, “and I saw it all happen.”", "Ann Lee"),
    ("according to", "The fire was deliberate, according to Sarah Okafor: “It was set.”", "Sarah Okafor"),
    ("an organisation named past 'for'", "“Fares will rise,” Airlines for America said.",
     "Airlines for America"),
    ("an organisation named past 'of'", "“We are reviewing it,” said the Department of Justice.",
     "Department of Justice"),
    ("a person of a workplace is the person", "“It is done,” said Stephen Fry of Newsweek.",
     "Stephen Fry"),
    ("according to a role, then the name",
     "The singer is resting, according to her manager, Paul Brenn: “She needs quiet.”", "Paul Brenn"),
    ("according to an owner's role, then the name",
     "It was set on purpose, according to the county's fire chief, Dana Ruiz: “Someone lit it.”",
     "Dana Ruiz"),
    ("the person, not where they work",
     "“We will see them in court,” said Andrew Welzler of the NRDC.", "Andrew Welzler"),
    ("an appositive names the speaker's boss, who is not speaking",
     "Jerry Strickland, a spokesman for Attorney General Greg Abbott told TIME: “We stand ready.”",
     "Jerry Strickland"),
    ("a full name is not swapped for another person of the surname",
     "Ramarley Graham was shot last year. “It never seems to end,” said Frank Graham.", "Frank Graham"),
    ("a first name alone, given in full elsewhere",
     "Chela Ortiz married him in May. “We could never repay them,” Chela said.", "Chela Ortiz"),
    ("nobody named", "“Stay down,” someone shouted from the crowd.", ""),
    ("pronoun after a sentence whose subject acts with an irregular verb",
     "“We filed the appeal,” Mr Dunmore said. Rosa Kell stood up and walked to the bench. "
     "“I want the court to hear me,” she said.", "Rosa Kell"),
    ("pronoun after a long description before an appositive name",
     "“We have a plan,” Mr Dunmore said. The head of the county water board, Ivo Stant, "
     "said the pipes were old. “They are older than I am,” he said.", "Ivo Stant"),
    ("pronoun after a person with a relative clause",
     "“We have a plan,” Mr Dunmore said. The news surprised the builder Ivo Stant, who "
     "signed the contract in May. “Nobody told me,” he said.", "Ivo Stant"),
    ("pronoun after according to, with a role and a comma",
     "The singer is resting, according to her manager, Paul Brenn. “She needs quiet,” he said.",
     "Paul Brenn"),
    ("surname with a lower-case particle",
     "Museum director Anneke de Vries arrived at nine. “The door was open,” she said.",
     "Anneke de Vries"),
    ("a capitalised adjective before the role, the name after the comma",
     "“We do not want war,” said a Nordland government spokesman, Erik T. Voss.", "Erik T. Voss"),
    ("a capitalised adjective before the role, nobody named",
     "“The line is down,” said a Nordland blogger, who asked not to be named.", ""),
    ("a middle initial after the verb and a role",
     "“Nothing heroic about it,” said commentator Paul J. Brenn, a former aide.", "Paul J. Brenn"),
    ("the person before an appositive that names their workplace",
     "Ken Osei, Vice President of programmes at Hope's Harvest, told reporters the camp was hit by "
     "a “terrifying attack.”", "Ken Osei"),
    ("a title of a work, nobody's speech",
     "Paul Brenn wrote about it in his 1999 book, “A Long Way Down.”", ""),
    ("pronoun after an unnamed person",
     "“It will last five years,” Jan Roth said. However, one customer at the shop was "
     "sceptical. “It might only last two,” he said.", ""),
    ("an unnamed subject of an elided attribution",
     "Mira Sand said she pushed through the crowd. An officer looked at her and said: "
     "“I am very sorry.”", ""),
    ("the gender a pronoun gave, for a later pronoun",
     "Director Ana Kerr said the window was smashed. “They knew what they wanted,” she said. "
     "Guard Tom Pell was on duty. “I heard the glass,” he said. “It is a sad day,” she added.",
     "Ana Kerr"),
    ("an owner after a preposition is no place",
     "“We are sorry,” Mr Dunmore said. Police searched the car at Ann Kerr's home. Kerr "
     "said she was away. “I was at my sister's,” she said.", "Ann Kerr"),
    ("the noun heads the appositive",
     "“We are short of guards,” Tom Hale, a spokesman for Mayor Lisa Grant, said. Grant "
     "called it a national problem. “Every city has it,” the mayor said.", "Lisa Grant"),
    ("pronoun after a surname the article gives with a title",
     "“We agreed,” Mr Dunmore said. President Okafor met the envoys on Monday. Okafor noted "
     "that the talks were long. “We feel confident,” he said.", "Okafor"),
    ("pronoun, never a name after an article",
     "“We will appeal,” Mr Dunmore said. Later the Blue Lantern said it would pay. “We "
     "will pay for the roof,” he said.", "Mr Dunmore"),
    ("pronoun, never a description after 'a'",
     "Tom Pell was heard on the tape. Then a Texas Ranger found a second tape. “Don't talk,” "
     "he says.", "Tom Pell"),
    ("a person of a place before an appositive",
     "“It works,” Senator Ann Kerr of New York, a leader of the talks, said of the plan. "
     "“It will pass.”", "Ann Kerr"),
    ("an office after 'the', the person the article named",
     "Senator Tom Pell spoke last. “We need more time,” the Ohio Republican said.",
     "Tom Pell"),
    ("an office after 'the' with lower-case words",
     "Tom Pell, a Republican, spoke last. “We need more time,” the Ohio senator told "
     "reporters.", "Tom Pell"),
    ("the subject, not a name after a preposition",
     "In an interview with Rolling Stone published in May, Dunmore mocked his rival, saying, "
     "“Look at that face.”", "Dunmore"),
    ("pronoun after a subject set off by dashes",
     "“We expected it,” Ann Kerr said. Former reporter Tom Pell — at the centre of three "
     "campaign groups, including one that Kerr funds — said he was not worried. “They will "
     "stay,” he said.", "Tom Pell"),
    ("pronoun after a subject with party and state",
     "“No deal,” Sen. Ann Kerr, D-Wash., said. Rep. Tom Pell wants a vote. Pell, R-Ohio, last "
     "week has signaled a change. “This should be the year,” he told reporters.", "Rep. Tom Pell"),
    ("a new speaker after a whole quote, a passive verb between",
     "Ann Kerr once said of him, “He made a difference. Some of it good.” Vice President "
     "Tom R. Pell says he regrets his vote — he was confirmed by 98 to nothing — “because he "
     "was so effective.”", "Tom R. Pell"),
    ("pronoun, the subject and not a name after a preposition",
     "“It is default,” Tom Pell said. Sen. Ann Kerr asked first. Under questioning from Kerr, "
     "Pell declined to say how "
     "large a rise he wants, telling the committee it must pass. “The longest is the best,” "
     "he said.", "Tom Pell"),
    ("an adverb between the name and the verb",
     "As Ann Kerr rightly wrote in 2015, “Many of us are mad as hell.”", "Ann Kerr"),
    ("a person of a place, then an appositive, then the verb",
     "Mayor Ann Kerr of Los Angeles, speaking to reporters, explained: “We must act now.”",
     "Ann Kerr"),
    ("party and state before an appositive, after the quote",
     "“We have closed the border,” Sen. Ann Kerr (R-S.C.), a member of the group, said "
     "proudly.", "Sen. Ann Kerr"),
    ("a speech announced for later", "“We must face these fears,” Kerr will say.", "Kerr"),
    ("a quote with an attribution of its own that names nobody does not go on with the last",
     "Tom Pell said he was “looking into it.” Now it is with the police. “We referred the "
     "matter at once,” Kerr’s spokesperson said in a statement.", ""),
    ("an office with a capital after 'the'",
     "Sen. Ann Kerr (R-Utah) told the panel it was wrong. The panel sat for two hours. "
     "“It is disconcerting,” the "
     "committee’s top Republican said.", "Sen. Ann Kerr"),
    ("an office, an appositive, then the verb",
     "Judge Tom Pell said he would go ahead. The hearing ended at noon. “The need for speed "
     "calls for the trial date,” "
     "the district court judge, an appointee of the last president, ruled.", "Tom Pell"),
    ("a state's abbreviation ends no sentence",
     "“There is a right way to do it,” Sen. Ann Kerr, R-Ga., said Sunday.", "Sen. Ann Kerr"),
    ("'No.' and a number end no sentence",
     "Senator Tom Pell gave advice. Asked about it, the No. 2 Senate Democrat said: “If "
     "it is fixed, it will decide the race.”", "Tom Pell"),
    ("a line that introduces the quote, above a blank line",
     "Ann Kerr of the Daily Sun relished his dissents:\n\n“His style is equal parts anger and "
     "pageantry.”", "Ann Kerr"),
    ("the introducing line's last sentence, not a subject before it",
     "A scholar at the University of Kent studied the archive. Ann Kerr described him at more "
     "length:\n\n“He comes in like a knight.”", "Ann Kerr"),
    ("an unnamed subject whose verb is elided",
     "Tom Pell wrote most of them. A social psychologist at the University of Kent studied the "
     "archive and concluded that “he communicates a sense of urgency.”", ""),
    ("a pronoun after 'another' who is not named",
     "Ann Kerr was well received. “You must run,” said one woman. “I want to vote for you.” "
     "Another tried guilt, telling Kerr that it was on her list. “You can't deny me that,” she "
     "added.", ""),
    ("pronoun after a subject with a short phrase before its verb",
     "Ann Kerr leads the party. Tom Pell, the alliance's head, urged caution. But Kerr in "
     "this area called for better ties. “There has to be a process,” she said.", "Ann Kerr"),
    ("an office after 'the' stands for the subject of a place, not a person before",
     "House Speaker Tom Pell confirmed the vote. Sen. Ann Kerr of Texas faulted the "
     "president. The new No. 2 Senate Republican also said that “it may be necessary to "
     "shut down the government.”", "Sen. Ann Kerr"),
    ("a long appositive between the name and the verb after the quote",
     "“The thing that stuns me is that the secret lasted this long,” Ann Kerr, who oversaw "
     "almost 400 stories on the affair when she was the paper's executive editor, said "
     "afterwards.", "Ann Kerr"),
    ("a statement released in the paragraph before the quote",
     "Tom Pell was stopped on Monday.\n\nPell released a statement through the team later "
     "Tuesday.\n\n“Yesterday I was stopped by an officer. I look forward to clearing my "
     "name.”", "Tom Pell"),
    ("a pronoun's speech announced for later",
     "Ann Kerr went to Davos. “They see their towns change,” she’ll say.", "Ann Kerr"),
]
# fmt: on


@pytest.mark.parametrize(("form", "text", "speaker"), FORMS, ids=[f[0] for f in FORMS])
def test_speaker_of_each_form(form: str, text: str, speaker: str) -> None:
    quotes = [c.quote for c in extract_one(Article("a", "A", text)).claims if c.quote]
    assert quotes, form
    assert quotes[-1].speaker == speaker, form


@pytest.mark.parametrize(
    "text",
    [
        # a description by state and party names nobody: no misattribution is built on it
        "“The House will not take it up,” the Ohio Republican said.",
        "“It is now apparent,” said the Kentucky Republican.",
    ],
)
def test_a_party_description_is_not_a_named_speaker(text: str) -> None:
    (quote,) = [c.quote for c in extract_one(Article("a", "A", text)).claims if c.quote]
    assert not quote.named


def test_a_continued_quote_is_not_named_in_its_own_attribution() -> None:
    # It goes on with the speaker, but a misattribution is never built on it.
    text = "“There was someone in the building,” Nigel Hacker said. “I tried not to listen.”"
    first, second = [c.quote for c in extract_one(Article("a", "A", text)).claims if c.quote]
    assert first.named and not second.named
    assert second.speaker == "Nigel Hacker"


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("wetzler", "welzler", False),  # one person, one outlet's slip
        ("mcdermott", "mcdermot", False),
        ("smith", "butler", True),
        ("obama", "osama", True),  # short names: a letter makes another person
        ("meron+zadan", "zadan", False),  # a joint statement and one of its speakers
        ("corbyn", "", False),  # an unresolved speaker differs from nobody
    ],
)
def test_speakers_differ(a: str, b: str, differ: bool) -> None:
    from crosscheck.extract import speakers_differ

    assert speakers_differ(a, b) is differ
