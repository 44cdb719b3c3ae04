"""Wider families of wording for :mod:`mockinterviewer.coach.detectors`.

Lasting effects said inside long result sentences (scale-out to N sites, adoption by others,
institutionalisation, persistence "since", later second-order outcomes), quantities given as
approximations or time spans, and work handed over through a job, a target or a deadline.
"""

from __future__ import annotations

import re

_NUM = (r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
        r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|"
        r"a dozen|dozens|hundreds|thousands)")
_SPAN = r"(?:days?|weeks?|wks|months?|years?|yrs?|quarters?|terms?|seasons?|hours?|hrs?|min|mins)"

# --- lasting effect ---------------------------------------------------------------------------

# Scale-out: "went out to all six properties", "retired at all three depots".
SCALE_OUT = re.compile(
    r"\b(?:to|at|on|across|for|into|throughout) (?:all (?:of )?(?:the |our |their )?|every |"
    r"the other (?!teams?\b)|both (?:the |our )?|the rest of the |(?:the |our )?" + _NUM
    + r" other )(?:" + _NUM + r" )?(?:other )?(?!(?:of|them|it|these|those|that|this|day|time|"
    r"along|week|night|morning)\b)[a-z][\w-]+"
)
# Adoption by someone other than the speaker: "the day shift adopted", "they copy our way".
ADOPTED = re.compile(
    r"\b(?:(?:adopted|adopt|copied|copy|copies)(?! (?:an? |in\b))|switched over|"
    r"picked (?:it|them|this|that) up|"
    r"took (?:it|them|this|that) up|followed suit|borrowed)\b"
)
SAME_WAY = re.compile(
    r"\bthe same (?:[\w'-]+ ){0,3}?(?:way|rule|approach|format|template|checklist|method|"
    r"process|exercise|system|setup|set-up)\b(?!.*\b(?:as before|problem|issue)\b)"
    r"|\b(?:use|used|using|do|run|follow) (?:it|the same|them)(?: \w+){0,3} (?:too|also|as well)"
)
_INSTITUTION = (r"(?:plan|plans|schedule|suite|matrix|knowledge base|runbook|onboarding|course|"
                r"letters?|analysis|checklist|template|process|pipeline|policy|handbook|manual|"
                r"training|standard|standards|rota|wiki|playbook|guide|menu|induction|sop|"
                r"standing orders|regulations|procedures|protocols|curriculum|syllabus)")
INSTITUTED = re.compile(
    r"\b(?:changed|updated|rewrote|amended) (?:the |our |their |its )?(?:[\w-]+ ){0,2}?(?:policy|"
    r"policies|rules?|system|process|procedure|guidelines?|protocol|sop|calibration)\b"
    r"|\b(?:brought in|introduced|made) (?:[\w'-]+ ){0,6}?(?:an? |the )?(?:standing |new |"
    r"permanent )?(?:rule|policy|requirement|sign-off step|step on)\b"
    r"|\b(?:added|went|put|got \w+ed|printed|written) (?:[\w'-]+ ){0,6}?(?:to|into|in|on|for) "
    r"(?:the |our |their |its |a |the \w+'s )?(?:[\w'-]+ ){0,4}?" + _INSTITUTION + r"\b"
    r"|\bbecame (?:the |a |an |part of |our |their |something )(?!(?:problem|issue|clear|"
    r"obvious|apparent|mess|nightmare)\b)"
    r"|\b(?:is|are|'s) now (?:an? |the )?(?:item|part|step|page|line|section|feature|rule)\b"
    r"|\breplaced (?:our|the|their) (?:[\w-]+ ){0,3}?(?:budget|process|system|forms?|tool|"
    r"template|model|sheets?|method|spreadsheet)\b|\bmade it the\b"
)
PERSISTED = re.compile(
    r"\b(?:has|have|'s|'ve) (?:been|held|had|stayed|kept|matched|run)\b[^.;]*\bsince\b"
    r"|\b(?:have|has) not (?:had|seen)\b[^.;]{0,50}\bsince\b|\bwhere (?:it|its|it's|it has) "
    r"stayed\b|\b(?:continues|continued)\b[^.;]{0,40}\b(?:until|till) (?:today|now)\b"
    r"|\bstill (?:does|comes|do|running|runs)\b|\b(?:he|she|hes|shes|they)(?:'s| is| are)? "
    r"(?:now|kind of one of)\b|\b(?:one of the regulars|how we \w+) now\b|\bkept (?:the|it|them)"
    r"\b[^.;]{0,40}\b(?:for the next|every|since)\b|\bkeep using\b"
    r"|\bnow (?:(?:i|we|they|he|she|it) )?(?!(?:is|was|has|does|seems|looks|feels|means|sits|"
    r"lives|this|thus|needs)\b)[a-z]{3,}s\b(?! (?:later|ago)\b)"
    r"|\b(?:started|began) (?:\w+ing|on the)\b[^.;]{0,60}\b(?:every|each|too|also|as well|from "
    r"day one|for all)\b"
)
# A change that held for a stated time after the fix: "it kept the pumps running through two whole
# winters", "it's been running for eighteen months", "years on, the fix is holding", "we have not
# missed a deadline in the four years since".
_HELD_SPAN = (r"(?:for|through|over|across|in) (?:the |all )?(?:last |past |next |following )?"
              r"(?:[a-z\d]+ )?(?:whole |full |straight )?(?:years?|months?|winters?|summers?|"
              r"seasons?|terms?)\b")
HELD_FOR = re.compile(
    r"\b(?:it|that|this|the (?:fix|change|new [\w-]+|system|process|rota|checklist|tool|rule|"
    r"routine|schedule|scheme))(?: has|'s)? been (?:running|working|holding|in use|used|in place)"
    r"\b[^.;]{0,40}\b" + _HELD_SPAN
    + r"|\b(?:it|that|this|the (?:fix|change)|the new (?:[\w-]+ ){0,2}?[\w-]+)(?: has)? kept "
    r"(?:the |our |its |it |them |us )?"
    r"(?:[\w-]+ ){0,3}?(?:running|going|working|dry|clean|safe|open|on time)\b[^.;]{0,20}\b"
    + _HELD_SPAN
    + r"|\b(?:years|months|a year|a decade|two years|three years) on,"
    r"|\b(?:have|has) not (?:missed|had|lost|seen|needed)\b[^.;]{0,50}\b(?:years?|months?) "
    r"since\b")

LATER = re.compile(
    r"\b(?:after that|afterwards|after this|after the postmortem|from then on|later|"
    r"the (?:following|next) (?:year|term|season|quarter)|the year after|(?:a|one|two|three|four|"
    r"five|six|\d+) (?:years?|months?|terms?|seasons?) later)\b,?(?: [\w'-]+,?){0,5}? "
    r"(?:started|began|added|made|moved|changed|rolled|brought|promoted|introduced|asked|"
    r"adopted|copied|used|kept|set|put|caught|was (?:teaching|promoted|my)|led|became|"
    r"(?:he|she|they) (?:was|were|moved|started))\b"
    r"|\b(?:the year after|the following year)\W*$"
    r"|\b(?:sent|brought) (?:me|us) (?:into )?(?:" + _NUM + r"|more|other)\b"
    r"|\bhad (?:the |all |our |every )?(?:other )?[\w-]+(?: [\w-]+){0,3} (?:do|use|set up|"
    r"follow|copy|run|adopt) (?:it|the same|their)\b"
)

# --- quantified -------------------------------------------------------------------------------

QUANTITY = re.compile(
    r"(?:^|\s)~\s?\d|\b(?:about|around|roughly|nearly|almost|approximately|more than|less than|"
    r"just under|just over) (?:a |an )?" + _NUM + r"\b(?! or\b)"
    r"|\b(?:a|an|" + _NUM + r") (?:day|week|month|year|quarter|hour|minute)s?'s\b"
    r"|\bwithin (?:about |around |roughly |just |only |less than |under )?(?:a|an|" + _NUM
    + r") " + _SPAN + r"\b|\bzero (?!(?:step|stage)\b)[a-z]+"
)

# --- assigned ---------------------------------------------------------------------------------

HANDED = re.compile(
    r"\b(?:my|our) (?:job|task|target|brief|assignment|remit) was (?:to|\d|" + _NUM + r")\b"
    r"|\b(?:team|group|department|unit|squad) (?:was|were|got) (?:asked|told|tasked) to\b"
    r"|\bgave me (?:a|an|one|" + _NUM + r") " + _SPAN + r" to\b"
    r"|\btold (?:all |every |each )?(?:the |our )?(?:\w+ )?(?:managers|leads|supervisors|staff|"
    r"teams?|nurses|engineers) to\b|\bhad me (?:doing|do|take|run|look|handle|on)\b"
    r"|\b(?:asked|told|needed) (?:me|us|my team|our team) to (?:get|come back|come up|make|build|"
    r"find|sort|look|put|bring)\b"
    r"|\b(?:director|manager|lead|boss|head|cfo|ceo|vp|chief|supervisor|owner|client) (?:\w+ )?"
    r"wanted (?:me |us |the \w+ |[\w-]+ )?(?:to|under)\b"
)


# --- vetoes and gates for the sentence model's vote (see detectors.py) -------------------------

# The scope model's vote counts only with a word that can name a remit or who owns the work.
REMIT_WORD = re.compile(
    r"\b(?:jobs?|roles?|remit|responsib\w*|areas?|department|dept|teams?|turf|patch|lane|mandate|"
    r"brief|scope|own|owned|owners?|belong\w*|asked|duty|duties|plate|theirs|mine|business|"
    r"concern|problem|headache|call|pay ?grade|desk|domain|territory|side|contract|spare|weekend|"
    r"evening|lunch|free time|volunteer\w*|initiative|bat|accord|off|outside|beyond|another|other|"
    r"else's|nobody's|no one's|someone)\b")


# Senses the rules never needed a pattern for, because none of theirs matched them.
TOLD_NEWS = re.compile(r"\btold (?:me|us) (?:that |the |about |how |what |it |they |he |she |we |"
                       r"there |our |my )")
SPEAKER_ACTS = re.compile(r"^(?:so |and |then |um |uh )*i (?!was\b|got\b|were\b|had been\b|"
                           r"ended up\b|found myself\b|'d been\b|am\b|'m\b|wasn't\b)[a-z]+ed\b")
# Honours, thanks and praise are given to the speaker, but they are not work ("the director
# thanked me for the staffing review").
HONOUR = re.compile(r"\b(?:award|prize|employee of the (?:month|year)|promotion|pay rise|raise|"
                     r"bonus|medal|commendation|shout-?out)\b|\bwith (?:a |one |an )?(?:quick )?"
                     r"(?:question|query)\b|\b(?:thanked|praised|congratulated|complimented) "
                     r"(?:me|us)\b")
MINE = re.compile(r"\b(?:my|our)(?: [a-z]+'s)? (?:job|jobs|role|remit|responsibilit\w*|area|"
                   r"department|unit|team|scope|problem|patch|lane|duty|duties|"
                   r"job description)\b|\b(?:our|my) (?:department|team|unit|ward|store|shift)\b")
BECAME_TROUBLE = re.compile(r"\bbecame (?:a |an |the )?(?:real |big |bigger |huge )?(?:problem|"
                             r"issue|headache|nightmare|mess|bottleneck|risk|worry|concern)")

# An amount said without a numeral in a Result: a fraction, a multiple or zero.
FRACTION_OR_NONE = re.compile(
    r"\b(?:half|halved|halving|doubled|tripled|quadrupled|a third|a quarter|two thirds|"
    r"three quarters|zero|none of|not a single|not one)\b")
# How long, said without a number of its own: "within the hour", "two days early", "more than a
# year", "every week since", "twice since", "the first time in months", "not lose a single day".
# Said after an outcome these measure it. Vaguer spans ("a few weeks later", "nobody got hurt")
# were tried too: the writers of the training answers heard them as no number as often as not.
_SPAN = r"(?:minutes?|hours?|days?|nights?|weeks?|months?|years?|shifts?|terms?|seasons?)"
TIME_AMOUNT = re.compile("|".join((
    rf"\bwithin (?:the|a|an|one|two|three|a few|a couple of|\d+) {_SPAN}\b",
    rf"\b(?:a|an|one|two|three|four|five|six|few|couple of|\d+) (?:\w+ )?{_SPAN} "
    r"(?:early|earlier|ahead|sooner)\b",
    rf"\b(?:more than|over|nearly|almost|under|less than|inside) (?:a|an|one|two|three|\d+) "
    rf"{_SPAN}\b",
    rf"\b(?:every|each) {_SPAN} since\b",
    r"\b(?:twice|three times|four times|\d+ times) (?:since|over|in|a|that)\b",
    rf"\bfirst time in {_SPAN}\b",
    r"\bnot (?:lose|miss|drop) a single\b|\ba single (?:\w+ )?(?:day|shift|one|complaint|error|"
    r"incident|case)\b",
)))
# A four-digit year ("in 2021"): a date, not an amount.
YEAR = re.compile(r"(?:19|20)\d\d")
# Whose people are counted ("two of my teammates").
OWNERS = frozenset({"my", "our", "the", "his", "her", "their"})
