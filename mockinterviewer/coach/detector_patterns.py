"""Word classes and regular expressions behind :mod:`mockinterviewer.coach.detectors`.

This module holds the shared patterns, normalisation and the assignment patterns; scope
boundaries are in :mod:`~mockinterviewer.coach.detector_scope`, lasting effects in
:mod:`~mockinterviewer.coach.detector_results`, quantities in
:mod:`~mockinterviewer.coach.detector_quantities`, and reflections and "we" actions in
:mod:`~mockinterviewer.coach.detector_reflection`.

Patterns are matched against text normalised by ``detectors.normalise``: lower case, straight
quotes, "n't" spelled "not", "no one" spelled "nobody", dashes spelled " - ", and hesitations and
hedges ("um", "basically", ", like,") removed. They are written as verb classes and argument
frames (who acts, who receives) rather than as the wording of any one answer.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """The set of whitespace-separated words in ``text``.

    Args:
        text: words separated by spaces or newlines.

    Returns:
        The words as a frozen set.
    """
    return frozenset(text.split())


def alt(text: str) -> str:
    """A regex alternation of whitespace-separated words; "_" stands for a space.

    Args:
        text: words separated by spaces or newlines.

    Returns:
        A non-capturing group matching any of the words.
    """
    return "(?:" + "|".join(w.replace("_", " ") for w in text.split()) + ")"


_words, _alt = words, alt


# --- shared -----------------------------------------------------------------------------------

NEGATOR = re.compile(r"\b(?:not|never|nobody|no|none|neither|nor|without|hardly|barely)\b(?!-)")
# Doubt, hope or a plan before a lasting cue: "they might keep it", "hopefully it sticks", "the
# plan is for it to become the standard", "I'd like to think they'll keep using it".
MODAL_DOUBT = re.compile(r"\b(?:might|may|could|would|should|hoped|hoping|planned|planning|"
                         r"wanted|talked about|considered|considering|was going|were going|"
                         r"hopefully|hope|like to think|the plan is|plan was|being considered|"
                         r"(?:recommended|proposed|suggested) (?:it|that|we|they|them)|"
                         r"(?:they|it|we|he|she|that)'ll)\b")
CLAUSE_BREAK = re.compile(r"[.;:!?]| - |, (?:but|so|and|because|then|which|when|while|though)\b"
                          r"|\b(?:but|because|although|though|whereas)\b")

# --- assigned: someone else hands work to the speaker -------------------------------------

_ME_PASSIVE_VERB = _alt(
    """assigned given handed tasked asked told appointed put made chosen picked selected
    handpicked hand-picked tapped nominated brought pulled roped drafted seconded charged
    entrusted detailed volunteered voluntold lumbered saddled landed stuck left trusted hired
    called sent named designated elected delegated allocated allotted reassigned transferred
    moved instructed ordered expected required directed recruited enlisted earmarked pencilled
    penciled lined rostered slotted singled shortlisted tipped"""
)
# "I was / got / had been ... <participle>", also with the subject left out ("Tasked by ...").
ME_PASSIVE = re.compile(
    r"(?:\bi(?: was| got| had been| have been|'ve been|'d been| am|'m| became| ended up|"
    r" found myself| then got| was being| ended up being| got myself)|(?:^|[.:;,] |- )(?:was |got"
    r" )?(?=(?:tasked|assigned|asked|brought|appointed|"
    r"handed|given|charged|drafted|hired) ))(?: \w+ly| then| also| soon| eventually| later| "
    r"suddenly| formally| officially| never| not| once| quickly)* ?(?P<v>" + _ME_PASSIVE_VERB
    + r")\b(?P<rest>.*)"
)
# Someone else at the receiving end of a handing-over ("Our director was given the turnaround",
# "she got asked to cover"): the work went to them, not to the speaker.
OTHER_PASSIVE = re.compile(
    r"^(?:(?:and|so|but|then|um|uh|well)\W+)*(?:(?:our|my|the|his|her|their|a|an)\s+"
    r"(?:[\w'-]+\s+){0,3}?|(?:he|she|they)\s+)(?:was|were|got|had been)\s+"
    r"(?:given|asked|assigned|handed|told|put|made|tasked)\b"
)
# Participles that need a frame after them to mean "handed work": to-infinitive, with, as, for.
PASSIVE_NEEDS_FRAME = _words(
    """asked told trusted hired called sent brought pulled roped drafted expected required
    directed instructed ordered chosen picked selected handpicked hand-picked tapped nominated
    elected named recruited enlisted put made moved left volunteered landed stuck seconded
    transferred reassigned posted earmarked pencilled penciled lined rostered slotted singled
    shortlisted tipped"""
)
PASSIVE_FRAME = re.compile(
    r"^(?:,[\w' -]{1,40},)?(?: (?!(?:for|on|onto|to|with|as|in|into|at|from|about|by)\b)[\w'-]+)"
    r"{0,4}? (?:in |on |onto"
    r" |up |out |over )?(?:by [\w' -]+? )?(?:to (?P<verb>[\w-]+)"
    r"|with\b|as (?:the |a |an )?\w+|for (?:the|this|that|a|an|it)\b|in charge\b|on (?:the|this"
    r"|that|it)\b|onto\b|(?:the )?(?:lead|point|owner|responsible|accountable|head)\b)"
)
# Objects that a boss can hand over without handing over work.
GIFTS = _words(
    """feedback permission approval green light go-ahead nod ok okay thumbs sign-off signoff
    raise bonus promotion award prize praise credit compliment compliments thanks heads-up
    heads warning notice tip tips advice hint reminder update updates answer information info
    lift ride key keys coffee tea drink lunch gift card hug hand break day days time leave
    access login password badge uniform uniforms tour look call ring shout shout-out
    rating score grade mark certificate discount refund benefit space freedom autonomy leeway
    latitude support backing confidence kudos pat smile lecture talking-to telling-off earful
    reprimand appraisal idea pointer pointers overview rundown directions example demo copy
    number email text all-clear clearance reference references recommendation chance break
    contact phone laptop choice option budget headset vest radio light hat helmet form forms
    book books tablet pen coat jacket lanyard parking space locker seat car van desk mentor
    buddy award prize trophy medal scholarship promotion interview shortlist afternoon morning
    evening week weekend holiday holidays off warning p45 payslip notice marching orders"""
)
# Verbs after "asked/told me to" that are not work ("told me to stand easy").
TRIVIAL_TO = _words(
    """repeat clarify wait sit stand relax calm leave rest hurry smile worry breathe introduce
    describe say speak explain justify stay come go keep take be stop slow hold look listen
    think tell answer reply confirm sign wear bring fetch grab meet join call read drink eat
    enjoy try keep use open have get follow had been done finished seen heard eaten"""
)
# ... unless followed by one of these ("told me to go and fix", "asked me to take over").
TRIVIAL_RESCUE = re.compile(
    r"^(?:go (?:and |figure|fix|sort|find|sort|check|see|sit down with|talk|run|get|clean|lead|"
    r"work)|take (?:over|on|charge|care|ownership|the lead|the reins|point|a look at|"
    r"responsibility|it on|it over|the (?:project|job|task|case|account|ticket|returns|backlog)|"
    r"(?:the|this|that|our|my) (?:[\w-]+ ){0,2}?(?:on|over|forward)\b)|"
    r"get (?:the|it|this|that|our) (?!afternoon|day|morning|evening|rest)\w+|"
    r"be (?:in charge|the|responsible|accountable|point|on point|lead)|look (?:into|at|after|"
    r"over)|come (?:in and|up with|and)|keep (?:an eye|track|on top)|stand up|sit down with|"
    r"join (?:the|their|our) (?:[\w-]+ )?(?:project|team|taskforce|task force|working group|"
    r"committee|rollout|review|audit|investigation|effort|pilot)|call (?:every|all|each|back))"
)
_ME_VERB = _alt(
    """asked asks tasked told tells wanted wants needed needs got gets trusted detailed chose
    picked selected handpicked hand-picked tapped nominated appointed named drafted assigned
    brought pulled roped volunteered sent seconded called recruited hired charged entrusted
    instructed ordered directed expected required leaned counted relied designated elected
    enlisted invited put earmarked pencilled penciled singled lined rostered slotted signed
    shortlisted tipped 'd_like would_like 'd_love would_love 'd_prefer would_prefer"""
)
# "<someone> asked / chose / tasked me to ..., with ..., for ..., as ..."
ME_ACTIVE = re.compile(
    r"\b(?P<v>" + _ME_VERB + r")(?: for)? me(?: personally| specifically| directly| again| too)?"
    r"(?: in| on| up| out| over| down| forward)?(?: to (?P<verb>[\w-]+)(?P<after>(?: [\w-]+){0,3})"
    r"|(?P<with> with| for (?:the|this|that|a|an|it)\b| as (?:the |a |an )?\w+))"
)
# Verbs whose "me for ..." / "me as ..." / "me with ..." frame hands over work.
FRAME_VERBS = _words(
    """tasked charged entrusted trusted chose picked selected handpicked hand-picked tapped
    nominated appointed named drafted volunteered recruited hired brought pulled roped seconded
    designated elected enlisted put detailed assigned earmarked pencilled penciled singled lined
    rostered slotted signed shortlisted tipped"""
)
# "<someone> told me I'd be taking over ...", "... said I was going to run ..."
TOLD_ME_I = re.compile(
    r"\b(?:(?:told|tells|informed|said to|let) me(?: know)?|said|says|announced|decided|"
    r"confirmed|explained)(?:,[\w' -]{1,50},)?(?: that)?,? (?:that )?i(?:'d| would| was going to|"
    r"'ll| will| was to| am going to|'m going to| should| had to| needed to)"
    r"(?: be| now| then| also)* (?:taking|take|running|run|leading|lead|owning|own|handling|"
    r"handle|covering|cover|managing|manage|responsible|in charge|accountable|the (?:lead|point|"
    r"owner|new|one (?:to|who))|on point|heading|head|looking after|look after|fixing|fix|"
    r"sorting|sort|coordinating|coordinate|organi[sz]ing|organi[sz]e|stepping|step)\b"
)
# "<someone> gave / handed me <work>", "... assigned me the review".
ME_GIVE = re.compile(
    r"\b(?:gave|give|gives|handed|hands|passed|assigned|assigns|allocated|threw|tossed|sent|"
    r"offered|left|forwarded|delegated|entrusted|set|sets|allotted|chucked|lobbed|flung|palmed|"
    r"dumped|landed|saddled) me(?P<det> the| a| an| some| my| our|"
    r" his| her| their| this| that| these| those| full| sole| overall| complete)?"
    r"(?P<obj>(?: [\w'-]+){1,3})"
)
# "<work> was handed / passed down / delegated to me", "fell to me", "landed on my desk".
TO_ME = re.compile(
    r"\b(?:sent|fell|falls|went|came|defaulted|escalated|routed|moved|turned|landed)"
    r"(?: [\w'-]+){0,6}? (?:over |down |on |off |across |back |along )?"
    r"(?:to|onto|on) me\b(?! (?:to ask|with|and|for|about|asking|saying|first))"
    # transfer verbs: the giver moves the work ("handed the deck over to me and said ...")
    r"|\b(?:handed|passed|given|gave|assigned|reassigned|delegated|transferred|allocated|"
    r"forwarded|offloaded|dumped|pushed|entrusted|threw|tossed|chucked|flung|lobbed|palmed|"
    r"shunted|punted|kicked|bounced|shifted)(?: [\w'-]+){0,6}? (?:over |down |on |off |across |"
    r"back |along )?(?:to|onto) me\b(?! (?:to ask|asking|first))"
    # dumping verbs: "<verb> <work> on me"
    r"|\b(?:dumped|dropped|sprang|offloaded|pushed|foisted|lumped|landed|loaded|heaped|piled|"
    r"shoved|palmed)(?: [\w'-]+){0,5}? (?:on|onto) me\b"
    r"|\b(?:threw|tossed|chucked|flung|lobbed)"
    r"(?: (?:the|it|this|that|[\w-]+ (?:schedule|list|job|task|project|report|work|review|"
    r"backlog|problem|audit|case|account|file|escalation|migration))){1,4}? (?:at|on|onto) me\b"
)
# A hand-over refused is no hand-over.
REFUSED = re.compile(r"\bi (?:said no|declined|refused|turned (?:it|them|him|her|that) down|"
                     r"(?:could not|was not able to) (?:take|accept|commit|fit|do) (?:it|this|that|"
                     r"on|them)|passed on it)\b")
# "I was handed the keys and told to get it open": a second, elliptical passive.
ELLIPTICAL = re.compile(r"\bi (?:was|got)\b[^.;]*? (?:and|then|and then) (?:was |got )?(?:told|"
                        r"asked|tasked|instructed|ordered|expected) to (?P<verb>[\w-]+)")
DETERMINERS = _words("the a an my our his her their this that these those him them us me it")
# Heads of an indefinite object that is work ("gave me a project") - a definite one is enough.
WORK_NOUNS = _words(
    """task tasks project projects job assignment case cases ticket tickets brief target
    deadline challenge problem audit list report piece account client portfolio
    territory area role responsibility remit mandate workstream stream backlog investigation
    analysis plan proposal budget rota schedule campaign launch migration rollout course
    module class group team patient patients route routes region store site shift caseload
    story feature bug issue spreadsheet dashboard process"""
)
IDIOM = re.compile(
    r"\b(?:put|landed|dropped|dumped|fell|came|ended up|was|were|got|threw|plonked|placed|"
    r"shoved|pushed|offloaded|loaded|went)(?: [\w'-]+){0,6}? (?:on|onto|in|into) my (?:plate|desk|"
    r"lap|shoulders|inbox|queue|to-do list|todo list|list)\b|\bvoluntold\b|\bi inherited\b"
    r"|\bmy (?:assignment|brief|mandate|orders) (?:from|was)\b"
    r"|\bmade me (?:the |a |an |our |their )?(?:[\w-]+ ){0,2}?(?:point|lead|owner|responsible|"
    r"accountable|in charge|head|coordinator|champion|captain|contact|manager|supervisor|go-to|"
    r"liaison|chair|rep|representative|officer|person|boss)\b"
    r"|\bput me (?:in charge|on|onto|forward|in front of|down for)\b(?! (?:the spot|hold|notice|"
    r"edge|speaker|mute|the back foot))"
)
SPEECH_YOURS = re.compile(
    r"\b(?:said|says|say|goes|went|told me|made (?:it )?clear|announced|decided|confirmed)(?: "
    r"to me)?,? (?:that )?(?:[\w'-]+,? ){0,5}?[\w-]+(?:'s| is| was| were| would be| will be| are)"
    r" (?:all"
    r" )?(?:yours|"
    r"mine|on me|on you|my (?:job|responsibility|baby|project|problem|task|call)|your (?:job|"
    r"responsibility|baby|project|problem|task|call))\b"
)
_TASK_VERB = (
    r"(?:take|taking|own|owning|run|running|lead|leading|handle|handling|cover|covering|fix|"
    r"fixing|sort|sorting|figure|look|manage|managing|deal|dealing|in charge|drive|driving|"
    r"coordinate|coordinating|organi[sz]e|organi[sz]ing|go|get|pick|be in charge|be responsible|"
    r"are responsible|are in charge|are on|'re on|are the|'re the|now own|now run|doing (?:the|"
    r"this|that|our)(?! best)|do (?:the|this|that|our))"
)
SPEECH_YOU = re.compile(
    r"(?:\b(?:said|says|say|goes|go|went|asked|asks|told me|messaged|texted|emailed|wrote)"
    r"|\b(?:was|were|is|goes) like|\bwas(?=,? (?:hey|so|okay|ok|look|listen|right)\b)"
    r"|\b(?:ask|request|instruction|message|brief|order|orders|word|email|note|text)"
    r"(?: from [\w' ]+?)? was)(?: to me)?[,:]? (?:[\w'-]+,? ){0,8}?"
    r"(?:you|you're|you are|you'll|you will|can you|could you|would you|will you|i need you to|"
    r"i want you to|we need you to|i'd like you to)(?: \w+){0,2}? " + _TASK_VERB + r"\b"
)
WANTED_THAT_I = re.compile(
    r"\b(?:requested|asked|insisted|decided|wanted|suggested|agreed|specified|ruled)"
    r" (?:that )?i (?:personally |should |would |take |be )?"
    r"(?:manage|own|lead|run|handle|take|cover|look|sort|fix|be|coordinate|organi[sz]e|deal)\b"
)
ASKED_IF_I = re.compile(
    r"\b(?:asked|asks|wanted to know|checked)(?: me)?,? (?:if|whether|would|could|can|will)"
    r"(?: i| me)? ?(?:could|would|'d|can|might|was able to|was willing to|wanted to|mind|be able"
    r" to|be willing to|'d mind|would mind)(?: mind| be able to| be willing to)? (?P<verb>[\w-]+)"
    r"(?P<after>(?: [\w-]+){0,3})"
)
# Work handed to the speaker, said from the giver's side ("made it my job", "landed with me").
AGENT_GIVES = re.compile(
    r"\bmade (?:it|this|that|the \w+) (?:my|our) (?:job|responsibility|task|problem|priority|"
    r"mission|project|baby)\b"
    r"|\b(?:landed|ended up|wound up|sat|rested|stayed|stopped|was left|fell) with me\b"
    r"|\bi was the (?:one|person|guy|girl|man|woman|[\w-]+) (?:that |whom )?(?:they|he|she|"
    r"management|leadership|the \w+|my \w+|(?!who\b|that\b)[\w-]+) (?:chose|picked|selected|asked|"
    r"sent|wanted|"
    r"trusted|tapped|nominated|assigned|appointed|called|needed|gave it to|handed it to)\b"
    r"|\bput (?:my|our) name (?:forward|down|in|up|against|to|on|for)\b"
    r"|\b(?:asked|requested|called|wanted|named) for me (?:by name|specifically|personally|in "
    r"particular)\b|\b(?:wanted|needed|wants|needs|requested|put|stuck) me on (?:it|this|that)\b"
    r"(?! (?:call|phone|hold|speaker|mute)\b)"
    r"|\b(?:wanted|needed|wants|needs|requested|put|placed|stuck|chose|picked|assigned|tapped|"
    r"drafted|pulled|moved|reassigned|posted|seconded|rostered) me (?:on|onto|for|to) (?:the|this|"
    r"that|his|her|their|our|a|an) (?:[\w-]+ ){0,3}?(?:project|team|case|account|rota|audit|"
    r"review|job|task|problem|workstream|bid|launch|rollout|committee|group|board|investigation|"
    r"migration|programme|program|initiative|pilot|issue|contract|client|ward|unit|desk|line)\b"
)

_SPEECH = (r"\b(?:said|says|goes|went|told me|texted|messaged|emailed|wrote|was like|is like|"
           r"rang to say|came over and said)(?: to me)?[,:]?")
# Hand-over formulas in reported speech: "said, over to you", "it's your baby now".
SPEECH_HANDOFF = re.compile(
    _SPEECH + r" (?:[\w'-]+,? ){0,6}?(?:over to you|(?:it's |this is |that's )?(?:all )?yours now"
    r"|your (?:baby|problem|show|call|project) now|take it from here|run with (?:it|this)|you're up"
    r"|you're on (?:it|this)|it's on you|it's over to you)\b"
)
# Reported imperatives and requests: "said, take this forward", "said, can you own the rota".
SPEECH_ORDER = re.compile(
    _SPEECH + r" (?:[\w'-]+,? ){0,8}?(?:(?:i|we) (?:need|want|'d like|would like) you to |"
    r"(?:can|could|would|will) you |you need to |you'll |you're going to |please )?(?P<verb>take|"
    r"run|own|handle|sort|fix|lead|drive|do|pick|manage|cover|organi[sz]e|coordinate|write|build|"
    r"draft|plan|deal|chair|quarterback|head|look after|look into|get|redo|rewrite|redesign|"
    r"review|audit|check|put together|pull together|(?:sort|set|pull|fill|write|draw|clean|"
    r"follow|chase|tidy|round|wrap|map|carve|work) (?:up|out))(?P<after>"
    r"(?: [\w-]+){0,3})"
)
# A request frame takes any work verb: "said, I need you to untangle the contracts".
SPEECH_ASK = re.compile(
    _SPEECH + r" (?:[\w'-]+,? ){0,8}?(?:(?:i|we) (?:need|want|'d like|would like) you to|(?:can|"
    r"could|would|will) you|you need to|you're going to) (?P<verb>[\w-]+)"
    r"(?P<after>(?: [\w-]+){0,3})"
)
REQUEST_TAIL = re.compile(r"^ (?:over|on|forward|charge|care|ownership|up|out|(?:the|this|that|"
                          r"it|our|my|these|those|all|everything)\b)(?! easy| slow| as)")
# "I was to redesign the timetable": "be to" of instruction.
BE_TO = re.compile(r"\bi (?:was|am|'m|were) (?:then |now |also |first )?to (?P<verb>[\w-]+)"
                   r"(?P<after>(?: [\w-]+){0,3})")
BE_TO_NOT = _words("blame thank be say")
# "wanted me heading up the refit", "had me running the night shift".
ME_GERUND = re.compile(
    r"\b(?:wanted|wants|needed|needs|'d like|would like|had|has|got|gets|put|set) me "
    r"(?:\w+ly )?(?:heading|leading|running|owning|handling|covering|managing|coordinating|"
    r"organi[sz]ing|sorting|fixing|looking after|taking (?:over|on|charge)|writing|drafting|"
    r"building|planning|chairing|training|mentoring|overseeing|supervising)\b"
)
# The giver's side, checked with an agent other than the speaker.
AGENT_HANDS = (SPEECH_HANDOFF, ME_GERUND)
# Hiring is not hand-over: "they gave me the job after two interviews".
HIRE_NOUNS = _words("job position role post place offer contract apprenticeship internship")
HIRE_FRAME = re.compile(r"^ (?:of|to|for|on|as|in charge|with)\b")


# --- normalising and tokens -----------------------------------------------------------------

HEDGES = re.compile(
    r"\b(?:um+|uh+|erm|er|ah|hmm|eh|basically|honestly|actually|literally|really|just|kind of|"
    r"sort of|pretty much|frankly|to be honest|you know|i mean)\b,?(?=[ .,;!?]|$)"
)
TOKEN = re.compile(
    r"[$£€]?\d[\d,.]*(?:-\d[\d,.]*)?(?:%|-[a-z]+(?:-[a-z]+)*|[a-z]+)?|[a-z]+\d[a-z\d]*"
    r"|[a-z]+(?:['-][a-z]+)*|[%/+]"
)
# Applied in order by ``detectors.normalise``.
NORMALISE_STEPS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r) for p, r in (
        (r"(?<=[a-z]s)'(?= [a-z])", "'s"),  # plural possessive: "the engineers' job"
        (r"[“”\"]|(?<![a-z])'|'(?![a-z])", " "),
        (r"\s*[—–]\s*|\s+-+\s+|--", " - "),  # dashes: clause breaks
        (r"\bno[- ]one\b", "nobody"),
        # "tasked our flight, and specifically me, with": the speaker singled out
        (r"\b(?:our|the|my) [\w-]+,? (?:and |but )?(?:specifically|especially|particularly|"
         r"in particular|mainly|above all|mostly) me,?", "me"),
        (r"\bcan't\b|\bcannot\b", "can not"),
        (r"\bwon't\b", "will not"),
        (r"\bshan't\b", "shall not"),
        (r"n't\b", " not"),
        (r"\b(was|were|is|goes|go|went|'s) like,? ", r"\1 like: "),  # quotative "like"
        (r"\blike, |(?<=,) like (?=[a-z0-9])", " "),  # hedging "like,": not the verb
        (HEDGES.pattern, " "),
        (r"\s+([,.;:!?])", r"\1"),
        (r"([,;:])(?:\s*[,;:])+", r"\1"),
        (r"\s+", " "),
        (r"\b([a-z']+),? \1\b", r"\1"),  # repeated words: "we, we called"
    )
)
HANDED_OVER = (TO_ME, IDIOM, SPEECH_YOURS, SPEECH_YOU, WANTED_THAT_I, TOLD_ME_I)
# "I was seconded to the payroll team": a posting is a hand-over.
MOVE_FRAME = re.compile(r"^ (?:over |across |temporarily )?(?:to|into|onto) (?:the|a|an|our|their|"
                        r"another|[\w-]+'s)\b(?! (?:hospital|a&e|home|doctor|gp)\b)")
MOVE_VERBS = _words("seconded transferred reassigned posted moved sent")
ON_THE_SPOT = re.compile(r" on (?:the spot|hold|notice)")
# First words after "I was given/assigned" that make the object definite or a frame.
PASSIVE_OBJECT_OK = _words("to with as responsibility ownership charge the this that my our it")
FOR_GIFT = re.compile(r"(?: [\w'-]+){0,3}? for (?:the |an? )?(?:[\w-]+ )?(?:"
                      + "|".join(sorted(GIFTS)) + r")\b")
INFINITIVE_AFTER = re.compile(r"(?: [\w'-]+){0,4}? to (\w+)")
WORK_VERBS = _words("assigned assigns allocated delegated entrusted")
NP_STOP = _words("to for so that which on in at by from with of after before when about regarding "
                 "around")
PERMISSION_WORDS = _words("green go-ahead thumbs heads-up all-clear")
