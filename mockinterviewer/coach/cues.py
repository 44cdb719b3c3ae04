"""Discourse cues for STAR segments, written as general spoken-English patterns.

Each label has weighted regular expressions matched against a lower-cased unit of speech. They
encode how people signal where they are in a story ("my goal was", "I traced", "as a result",
"looking back"); the learned model (:mod:`mockinterviewer.coach.segmodel`) adds the vocabulary of
the content library on top.
"""

from __future__ import annotations

import re

from mockinterviewer.content.model import SEGMENT_LABELS

_I_VERBS = (
    r"pulled|traced|wrote|built|added|ran|analy[sz]ed|reproduced|set up|created|met|talked|reached"
    r"|proposed|dug|measured|profiled|debugged|shipped|submitted|coordinated|implemented|designed"
    r"|migrated|refactored|automated|scheduled|presented|convinced|paired|reviewed|wrote up|rolled"
    r"|started|began|looked|checked|found|called|asked|interviewed|gathered|collected|sketched"
    r"|prototyped|tested|benchmarked|instrumented|split|moved|replaced|rewrote|drafted|organi[sz]ed"
    r"|mapped|compared|went through|sat down|walked|showed|put together|deployed|fixed|patched"
    r"|escalated|opened|filed|mentored|coached|sent|grouped|bisected|narrowed|isolated|deleted"
    r"|removed|cut|negotiated|pushed|documented|volunteered|spent|used|read|combed|dove|dived"
)

CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "situation": (
        (r"\b(at|in) my (last|previous|old|current|first) (job|company|role|team|employer)\b", 2.5),
        (r"\b(last|this past|a few|two|three|several) (year|years|months|quarter|summer|winter)\b",
         1.0),
        (r"\bback (in|when)\b", 1.5),
        (r"\bwhen i was (a|an|on|at|working)\b", 2.0),
        (r"\bi was (working|leading|on|part of|a|an|one of|responsible for)\b", 1.0),
        (r"\bwhile (i was|working|reviewing|reading|looking|on)\b", 1.5),
        (r"\b(there was|there were|we had|our team had|our team (was|owned))\b", 1.2),
        (r"\b(was|were) (getting|causing|dropping|failing|losing|taking|running|growing)\b", 1.0),
        (r"\b(i noticed|i saw|i spotted|i realized|i discovered)\b", 0.8),
        (r"\b(our|the) (service|system|app|product|platform|team|company|customers?)\b", 0.5),
        (r"\b(context|background)\b", 1.5),
        (r"\b(used to|kept|every (week|day|night|morning))\b", 0.6),
    ),
    "task": (
        (r"\b(my|the|our) (goal|job|task|aim|objective|challenge|mission) (was|became)\b", 3.0),
        (r"\bi (needed|had|wanted|decided|set out|chose|resolved) to\b", 2.0),
        (r"\b(nobody|no one|no-one) (had )?(asked|assigned|owned|told)\b", 2.5),
        (r"\b(not|wasn't|was not|isn't) (my|our) (team|job|area|responsibility|project|code|"
         r"service|problem|remit)\b", 2.5),
        (r"\b(outside|beyond) (my|our) (team|remit|scope|role|area|responsibilit)", 2.5),
        (r"\bno (ticket|owner|one owned|alert|alarm|jira)\b", 1.0),
        (r"\b(i|my manager|my lead|my boss) (was )?(asked|told|assigned|tasked)\b", 1.5),
        (r"\bi was (asked|told|assigned|given|tasked)\b", 2.0),
        (r"\b(take|took|taking) ownership\b", 2.0),
        (r"\b(on my own initiative|without being asked|i volunteered)\b", 2.0),
        (r"\b(responsible for|it was up to me|it fell to me|my part was)\b", 1.5),
        (r"\bso (i|my) (decided|goal|plan|job)\b", 1.5),
        (r"\b(needed to|had to) (be|get|find|make|ship|fix|cut|reduce|decide)\b", 0.8),
        (r"\b(by|before) (the )?(end of|deadline|launch|next)\b", 0.5),
        (r"\bi (decided|concluded|judged|believed|figured) (that|it)\b", 1.0),
        (r"\b(set|gave) myself\b|\b(took on|made it) (the |my |a )?(goal|job|responsibility|"
         r"task)\b", 2.0),
        (r"\bit was my (job|call|decision|responsibility)\b|\b(was|were) mine\b", 2.0),
        (r"\bi (owned|was accountable for)\b", 1.2),
        (r"\bthe (ticket|roadmap|runbook|plan|spec|brief) (only )?(said|covered|asked)\b", 1.5),
        (r"\bi (offered|volunteered) to\b", 1.5),
        (r"\b(could not|couldn't|cannot|can't) (move|slip|wait|be missed)\b", 1.0),
        # Less usual ways of saying the same: a goal as a pseudo-cleft ("what had to happen
        # was"), a role or remit ("my part in this was"), a duty that lands on the speaker ("it
        # landed on me"), or a promise ("I signed up to").
        (r"\bwhat (had|needed) to (happen|change|be done)\b|\bwhat (i|we) (had|needed|wanted|"
         r"was asked|were asked|set out|was trying|were trying) to\b", 2.0),
        (r"\b(my|our) (part|role|piece|share|remit|mandate|brief|assignment|responsibility|"
         r"priority|focus|target|deadline|commitment)( (in|on) (this|that|it|the \w+))? (was|"
         r"became|covered|meant|would be)\b", 2.0),
        (r"\bthe (ask|brief|bar|target|requirement|deadline|question|point|priority|mandate) "
         r"(was|became|i set)\b", 1.5),
        (r"\b(landed|fell|came down|was left) (on|to) me\b|\b(it|this|that) was (on|down to|up "
         r"to) me\b|\bon my (plate|shoulders)\b|\bmy name (on|against) it\b", 2.0),
        (r"\bi (promised|signed up|undertook|made it my (goal|job|mission)) to\b"
         r"|\bi (took|picked) (it|this|that|the \w+) (on|up) (myself|as mine)\b", 2.0),
    ),
    "action": (
        (rf"\b(first|then|next|after that|so|and|also),? i ({_I_VERBS})\b", 2.5),
        (rf"^(so )?i ({_I_VERBS})\b", 2.0),
        (rf"\bi ({_I_VERBS})\b", 1.2),
        (r"\b(first|firstly|to start|i started by|i began by|step one)\b", 1.5),
        (rf"\b(first|then|next|after that|so|and|also),? we ({_I_VERBS})\b", 1.5),
        (rf"^(so )?we (also )?({_I_VERBS})\b", 1.5),
        (r"\b(then|next|after that|afterwards|once that|after i)\b", 0.8),
        (r"\bwe (built|wrote|added|fixed|shipped|deployed|worked|decided|met|ran|tried|looked|"
         r"traced|found|implemented|rolled|moved|created|set up|did|figured)\b", 1.5),
        (r"\b(root cause|pull request|the fix|a fix|prototype|dashboard|script|query|test|tests|"
         r"design doc|proposal|migration|rollout|rollback|feature flag|retry|cache|index)\b", 0.6),
        (r"\b(so that|in order to|to make sure|to confirm)\b", 0.5),
    ),
    "result": (
        (r"\b(as a result|in the end|in the end,|ultimately|the result was|the outcome was|"
         r"the impact was|end result|at the end)\b", 3.0),
        (r"\b(went|dropped|fell|rose|grew|came) (from|down|up)\b", 2.0),
        (r"\b(reduced|cut|improved|increased|decreased|saved|lowered|raised|doubled|halved|"
         r"eliminated|recovered|shortened|sped up)\b", 1.2),
        (r"\b(percent|%|per cent|per week|per month|a week|a month|a year|dollars|\$)", 1.5),
        (r"\b(adopted|became the (standard|default)|rolled out to|now uses?|since then|still "
         r"(uses?|runs?|in use)|other teams|every team|copied)\b", 1.5),
        (r"\b(shipped on time|launched|went live|hit the|met the|missed the|finished)\b", 0.8),
        (r"\b(the team|my manager|customers|users) (was|were|got|now|stopped|started)\b", 0.5),
        (r"\b(zero|no more|never again|haven't had)\b", 0.8),
        (r"^(after|once) (the|this|my|our) (change|release|fix|launch|rollout|migration|switch)\b",
         2.0),
        (r"\b(stopped|no longer) (complaining|failing|timing out|crashing|breaking|happening|"
         r"paging|waiting)\b", 1.5),
        (r"\b(it|that|the \w+) (worked|works) (again|fine|now|well)?\b", 0.8),
        (r"\b(went away|got better|disappeared|(was|were) resolved|looked better|felt (a lot )?"
         r"(faster|better)|paid off)\b", 1.2),
    ),
    "reflection": (
        (r"\b(looking back|in hindsight|in retrospect|on reflection|thinking back|"
         r"with hindsight|if i did it again|if i could do it again|if i were to)\b", 3.5),
        (r"\b(i learned|i learnt|the lesson|my lesson|lesson i|taught me|what i took away|"
         r"my takeaway|the takeaway|i took away|i realized that)\b", 3.0),
        (r"\b(next time|going forward|these days|since then i|now i (always|make|ask|start|"
         r"check|write|try))\b", 2.0),
        (r"\bi (would|'d|should have|could have|wish)\b", 1.8),
        (r"\b(i'd|would have|should have|could have)\b", 1.2),
        (r"\b(always|never) (ask|check|start|write|make|assume)\b", 1.2),
        (r"\b(the (real|deeper|bigger|underlying) (problem|issue|gap|cause|lesson))\b", 1.5),
        (r"\b(is|are) (important|key|essential|crucial)\b", 1.0),
    ),
}

_COMPILED: dict[str, tuple[tuple[re.Pattern[str], float], ...]] = {
    label: tuple((re.compile(p), w) for p, w in CUES[label]) for label in SEGMENT_LABELS
}

# Phrases that begin a new clause and usually a new segment: a long unit is split before them.
BOUNDARY_STARTERS = re.compile(
    r"^(so|and so|but|as a result|in the end|looking back|in hindsight|my goal|the goal|"
    r"i learned|first|then|after that|the result|ultimately|nobody asked|no one asked|"
    r"what i learned|the lesson|next time|if i did)$"
)


# Openers that almost always start a new segment when they begin a unit.
OPENERS: dict[str, re.Pattern[str]] = {
    "task": re.compile(r"^(so |and |but )?(my goal|the goal|my job was|my task|the task was|"
                       r"nobody asked|no one asked|nobody had asked|i decided to|i needed to)\b"),
    "action": re.compile(r"^(so )?(first|firstly|i started by|i began by|to start|step one)\b"),
    "result": re.compile(r"^(so |and )?(as a result|in the end|the result|the outcome|ultimately|"
                         r"by the end|overall the|the impact)\b"),
    "reflection": re.compile(r"^(so |and )?(looking back|in hindsight|in retrospect|on reflection|"
                             r"the (main |big |biggest |real )?lesson|what i learned|i learned|"
                             r"i learnt|my takeaway|the takeaway|what i took away|if i did it "
                             r"again|if i could do it again|next time|thinking back)\b"),
}
OPENER_BONUS = 2.5

# What any Task states, in broader strokes than the weighted task cues: a duty or a need ("had
# to", "I needed"), an intent or a decision ("I wanted", "I made the call"), a goal or a role
# named and defined ("the question in front of me was"), ownership ("on me", "I owned"), an
# assignment ("my manager wanted"), a time box ("one week to"), or a boundary ("nobody else
# would"). Guessing, agreeing or assuming a cause is not among them. The decoder opens a Task
# segment only over units that hold such a statement (or a task cue, or a sure learned model).
TASK_EVIDENCE = re.compile(
    r"\b(had|needed|need|needs|has|have|got|must|was supposed|were supposed|was expected|"
    r"were expected|wanted|want|meant|aimed|intended|planned|hoped|chose|decided|resolved|"
    r"set out|promised|volunteered|offered|committed|determined) to\b"
    r"|\bi (wanted|needed|decided|chose|resolved|aimed|intended|planned|promised|volunteered|"
    r"committed|made (the|a|my) (call|decision)|gave myself|set myself|owned|took (it|this|that) "
    r"(on|upon myself)|took on|was (responsible|accountable|in charge|on the hook))\b"
    r"|\b(decide|decided|deciding|decision|call) (to|whether|if|on|that)\b"
    r"|\b(goal|goals|aim|objective|target|mission|mandate|brief|job|task|role|part|"
    r"responsibility|priority|focus|challenge|question|ask|deadline|plan|bar|remit|assignment|"
    r"charge|point|commitment|success|requirement|expectation|purpose|intent|ambition|idea)"
    r"( [a-z']+){0,5} (was|were|became|meant|is)\b"
    r"|\b(was|were|became|is) (my|our) (\w+ )?(goal|aim|objective|target|mission|job|task|role|"
    r"part|responsibility|priority|focus|problem|project|call)\b"
    r"|\bwhat ([a-z']+ ){1,3}(had|needed|wanted|expected|cared|care|asked for|set out|was "
    r"asked|were asked|was trying)\b|\bi was the (one|only one|person|owner)\b"
    r"|\b(signed up|committed|took on|took over|put my hand up)\b"
    r"|\b(brought|hired|pulled|called|drafted) (in|on) to\b|\bon (my|our) (list|radar|roadmap)\b"
    r"|\bthing (that )?(mattered|counted)\b|\bmattered (most|to me|to us)\b"
    r"|\bwhat (had|needed) to\b|\bwhat mattered\b"
    r"|\b(on|upon) (me|myself)\b|\bon (my plate|my shoulders|the hook)\b|\bfell (on|to) me\b"
    r"|\b(became|become|was|is) (mine|my (job|problem|project|call|responsibility|priority))\b"
    r"|\bmy (own )?(problem|project|call|decision|responsibility) to\b"
    r"|\b(own|owned|owning|ownership|responsible|accountable|in charge)\b"
    r"|\b(it|that) (would|was going to|had to) be me\b|\bstep(ped)? (in|up)\b"
    r"|\b(asked|told|assigned|tasked|expected|needed|wanted|gave|handed) (me|us)\b"
    r"|\b(manager|lead|boss|director|leadership|pm|vp|cto|client|customer)s? (\w+ )?(wanted|"
    r"expected|needed|asked|required)\b|\b(expected|wanted|needed|required)( \w+){1,4} from me\b"
    r"|\b(one|two|three|four|five|six|a|an|\d+) (more )?(hour|hours|day|days|week|weeks|weekend|"
    r"month|months|sprint|sprints|quarter) to\b"
    r"|\b(nobody|no one|no-one)( else)? (had |ever |was going to |would |wanted to )?(ask|asked|"
    r"assign|assigned|own|owned|told|chase|fix|fixed|look|looked|take|took|pick|picked|touch)\b"
)


def _normalise(text: str) -> str:
    low = " " + re.sub(r"[^a-z0-9%$'\s]", " ", text.lower().replace("’", "'")) + " "
    return re.sub(r"\s+", " ", low).strip()


def states_task(text: str) -> bool:
    """Whether a unit of speech states what a Task states (see ``TASK_EVIDENCE``).

    Args:
        text: the unit's text.

    Returns:
        True for a goal, duty, decision, boundary or assignment statement.
    """
    return bool(TASK_EVIDENCE.search(_normalise(text)))


def cue_scores(text: str) -> dict[str, float]:
    """Scores a unit of speech against each label's cues.

    Args:
        text: the unit's text.

    Returns:
        Label -> summed weight of the cues found (each pattern counted once).
    """
    low = _normalise(text)
    out: dict[str, float] = {}
    for label, patterns in _COMPILED.items():
        out[label] = sum(w for p, w in patterns if p.search(low))
        opener = OPENERS.get(label)
        if opener is not None and opener.search(low):
            out[label] += OPENER_BONUS
    return out
