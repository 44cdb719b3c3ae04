"""Word classes and regular expressions behind :mod:`mockinterviewer.coach.detectors`.

Patterns are matched against text normalised by ``detectors.normalise``: lower case, straight
quotes, "n't" spelled "not", "no one" spelled "nobody", dashes spelled " - ", and hesitations and
hedges ("um", "basically", ", like,") removed. They are written as verb classes and argument
frames (who acts, who receives) rather than as the wording of any one answer.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _alt(text: str) -> str:
    """A regex alternation of whitespace-separated words; "_" stands for a space."""
    return "(?:" + "|".join(w.replace("_", " ") for w in text.split()) + ")"


# --- shared -----------------------------------------------------------------------------------

NEGATOR = re.compile(r"\b(?:not|never|nobody|no|none|neither|nor|without|hardly|barely)\b(?!-)")
MODAL_DOUBT = re.compile(r"\b(?:might|may|could|would|should|hoped|hoping|planned|planning|"
                         r"wanted|talked about|considered|considering|was going|were going)\b")
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

# --- scope boundary: outside the speaker's remit, or self-started -------------------------

_DOMAIN = (
    r"(?:job|jobs|lane|area|problem|responsibility|responsibilities|department|dept|team|remit|"
    r"call|store|district|business|place|role|system|project|code|service|patch|domain|concern|"
    r"shift|scope|thing|brief|wheelhouse|specialty|speciality|field|unit|ward|site|division|"
    r"function|branch|section|queue|ticket|tickets|backlog|beat|turf|territory|portfolio|account|"
    r"client|contract|workstream|duties|duty|job description|jd|pay grade|paygrade|mandate|fight|"
    r"circus|bailiwick|purview|jurisdiction|decision|battle|fire|mess|module|product|process|"
    r"stuff|issue|work|task|patients?|class|classes|students?|customers?|kit|equipment|gear|list|"
    r"radar|plate|books|watch|to-do list|kpis?|targets?|objectives?|list of (?:duties|tasks|"
    r"jobs|responsibilities)|trade|craft|gig|shout|specialism|expertise|profession|discipline|"
    r"skill ?set|station|department's)"
)
SCOPE_PATTERNS = (
    # "not my job", "wasn't in my job description", "not part of my responsibilities"
    r"\bnot(?: \w+ly| exactly| even| remotely| at all| part of| in| on| within| under| for| of)*"
    r" (?:my|our)(?: own)?(?: [\w-]+'s)? " + _DOMAIN + r"\b",
    r"\bnot(?: (?!only)\w+ly| exactly| even)* (?:mine|ours)\b|\bnot (?:for )?me to (?:fix|decide|"
    r"sort|do|"
    r"touch|change|handle)\b|\bleast of all (?:me|mine|us)\b",
    r"\b(?:none|neither|nothing|no part|no bit) of (?:it|this|that|them|those)\b(?: [\w-]+){0,2}? "
    r"(?:my|our)(?: own)? " + _DOMAIN + r"\b",
    r"\b(?:was|is|were|are) (?:the |a |an )?[\w-]+'s,? not (?:the |a |an )?(?:[\w-]+'s|mine|ours|"
    r"me|us)\b|\b[\w-]+'s (?:job|problem|call|decision)(?: really| strictly| officially)?,? "
    r"(?:strictly,? |really,? |officially,? )?not (?:mine|ours|me|us|the [\w-]+'s|a [\w-]+'s|"
    r"my|our)\b",
    r"\b(?:an?|the) [\w-]+ (?:thing|issue|problem|job|matter|question|decision|task|call|"
    r"responsibility|system|area),? not (?:an?|the|my|our) [\w-]+ (?:thing|issue|problem|job|"
    r"matter|question|decision|task|call|responsibility|system|area)\b",
    r"\bmy (?:contract|role|job|remit|brief|position|post|title|job title|training|background) "
    r"(?:was|is|covered|covers) (?:for |in |about |as |on )?[\w -]+?,? not (?:for |in |about |as "
    r"|on )?[\w-]+|\bi (?:was|am|'m) (?:hired|employed|paid|brought in|contracted|trained|there) "
    r"(?:for|to|as) [\w -]+?,? not\b",
    r"\b(?:was|is|were|are|sat|sits|lay|lies|rested|rests|fell|falls|belonged|belongs)(?: \w+ly)?"
    r" (?:up to|for|on|down to|with|under) (?:the |a |an )?[\w -]+?,? not (?:with |for |under |on )?"
    r"(?:me|us|mine|ours|my|our)\b",
    r"\b[\w-]+'s (?:job|problem|call|decision|responsibility|area|remit|domain|thing)(?: [\w-]+)"
    r"{1,4}?,? (?:strictly,? |really,? )?not (?:(?:the |a |an )?(?:[\w-]+ )?[\w-]+'s|mine|ours)\b",
    # "far outside what a temp is expected to do", "not what I was hired for"
    r"\b(?:outside|beyond|above|over and above)(?: of)? what (?:[\w'-]+ ){1,4}?(?:is|was|are|were|"
    r"am|'m|gets?|got) ?(?:expected|paid|hired|supposed|meant|required|employed|trained|asked)\b",
    r"\bnot what (?:i|we) (?:was |were |am |are |had been |'m |'re )?(?:hired|paid|employed|"
    r"brought in|there|trained|contracted|taken on|signed up|recruited) (?:for|to do|to)\b",
    # "my role did not cover vendor management"
    r"\b(?:my|our) (?:role|job|remit|contract|brief|job description|duties|position|post|team) "
    r"(?:did|does) not (?:cover|include|extend to|involve|stretch to|touch|mention)\b",
    # "miles away from my job as a gate agent"
    r"\b(?:miles|far|a long way|a world|worlds|well) (?:away )?(?:from|removed from) (?:my|our)"
    r"(?: own)? " + _DOMAIN + r"\b",
    # the ask that never came; the boss who never knew
    r"\b(?:the|an?|any) (?:formal |official )?(?:ask|request|instruction|brief|ticket|mandate|"
    r"order|orders|go-ahead|sign-off) (?:never|did not) (?:came|come|arrived|arrive|materiali[sz]ed"
    r"|existed|exist|happened|happen)\b",
    r"\bnot something (?:my |the |our )?[\w ]{0,20}?(?:knew|had asked|asked|wanted|requested|"
    r"approved|signed off|knew about)\b|\b(?:my|our|the) (?:manager|boss|lead|supervisor|head|"
    r"line manager|team lead)s? (?:did not|never) (?:know|knew|ask|asked|request)\b"
    r"|\b(?:started|began|initiated|kicked off|set up) (?:it|this|that|the [\w-]+) (?:on my own|"
    r"off my own back|myself)\b",
    r"\b(?:not|never)(?: been)? anything to do with (?:my|our|me|us)\b",
    r"\bbelong(?:s|ed)? to (?:another|a different|a separate|the other|other|someone|somebody)\b",
    r"\b(?:i|we) (?:was|were|am|are) not (?:allowed|authori[sz]ed|permitted|cleared|entitled) to\b",
    r"\b(?:i|we|(?:our|my) [\w-]+) (?:could|can|would) not (?:touch|edit|modify|control)\b",
    r"\bnot (?:something|anything|a thing|one) (?:that )?(?:i|we) (?:could|can|was|were|had|would|"
    r"should)\b|\bnothing to do with (?:my|our|me|us)\b|\b(?:i|we) (?:was|were|did) not "
    r"(?:have to|required to|obliged to|expected to)\b",
    r"\b(?:someone|somebody|anyone|anybody) else's [\w-]+|(?<!\bmy )(?<!\bour )\b[\w-]+'s "
    r"(?:call|decision|job)(?=[,.;]| not| but|$)",
    r"\bnone of (?:my|our) (?:business|concern|job|affair|problem)\b|\bnot (?:in|within) (?:my |"
    r"our |the )?(?:scope|remit|brief)\b|\b(?:nobody|nobody else)'s (?:job|problem|"
    r"responsibility|area|remit|baby|task)\b",
    # "outside my remit", "above my pay grade", "beyond what my contract covered"
    r"(?<!people )(?<!others )(?<!someone )(?<!anyone )(?<!everyone )(?<!colleagues )(?<!staff )"
    r"(?<!teams )(?<!folks )\b(?:outside|beyond|above|out of|outwith)(?: of)? (?:my|our)(?: own|"
    r" usual| normal| "
    r"official| formal| direct| immediate| actual)? (?:(?:job|team|role)'s )?(?:remit|lane|area|"
    r"scope|role|job|responsibilit\w*|department|team|wheelhouse|brief|patch|pay grade|paygrade|"
    r"job description|duties|domain|jurisdiction|authority|mandate|contract|purview|bailiwick|"
    r"function|area of responsibility|swim ?lane|swimlane|territory|unit|ward|store|site|shift|"
    r"job spec|day job|normal duties|patch|station|trade|grade|rank|level|gig)\b",
    r"\bbeyond what (?:my|our|the) [\w ]{1,20}? (?:covered|required|asked|included|expected|"
    r"involved|said)\b",
    # nobody asked, self-started
    r"\bnobody(?: else)?(?: (?:in|from|at|on|above) [\w' -]{1,30}?)?(?: had| ever| really|"
    r" actually| officially| formally| was going to| were going to| would| did| was| could)*"
    r" (?:asked|told|tasked|assigned|expected|requested|wanted|needed|instructed|directed|ordered|"
    r"paid|hired|mandated|required|authori[sz]ed|given|gave|put|handed|had (?:it|this|that)|ask|"
    r"tell|pay|expect|want|need|thank|assign)"
    r"(?: \w+)?(?: me| us| it| this| that)?\b",
    r"\b(?:i|we) (?:was|were|had|have|am|are)(?: been)? (?:not|never)(?: been)?(?: \w+ly)?"
    r" (?:asked|told|tasked|assigned|expected|requested|instructed|supposed|meant|paid|hired|"
    r"authori[sz]ed|responsible|accountable|on the (?:project|team|rota|shift|ticket)|part of|"
    r"in charge|the (?:one|person|owner|right person|guy)|involved)\b",
    r"\bnot something (?:i|we|anyone) (?:was|were|had been|got) (?:asked|told|paid|hired|meant)\b",
    r"\bwithout (?:being|anyone|anybody) (?:asked|asking|told|telling|tasked|requesting)\b",
    r"\b(?:unprompted|unasked|unbidden|uninvited|self-started|self-initiated|self-directed|"
    r"self-assigned|self-appointed|unofficially|off the books|off-the-books)\b",
    r"\b(?:of my own accord|off my own (?:bat|back)|on my own (?:time|dime|initiative|accord|"
    r"steam|back|bat)|in my (?:own|spare|free|personal|lunch) (?:time|breaks?|hours|hour)|"
    r"off the clock|outside (?:of )?(?:work|working|office|my) hours|(?:in|during|on|over) my "
    r"(?:own|spare|free|personal|lunch) (?:time|breaks?|hours?)|on my (?:days? off|weekends?"
    r"|break)|unpaid)\b",
    r"\b(?:side|passion|pet|skunkworks|personal|hobby) project\b|\blabou?r of love\b",
    r"(?:\b(?:i|we|me|us) (?:had|have|held|got|was given|were given)(?: \w+ly)?|\bthere (?:was|"
    r"were|is)|\bwithout any|^|[.;:,!?] |- )(?: \w+ly)? (?:no|zero|not any|little) (?:formal |"
    r"official |real |direct |actual |"
    r"operational |line )?(?:ticket|request|mandate|brief|ask|remit|authority|ownership|"
    r"responsibility|jurisdiction|say|access|rights|sign-off|owner|control|permission|business|"
    r"instructions?|orders?|direction|requirement|expectation|"
    r"role|part|involvement|stake|position|locus|seat at the table|"
    r"permissions|oversight)\b",
    r"\b(?:job|task|problem|matter|one|call|issue|decision|thing) for (?:the |a |an )?[\w -]+?,? "
    r"not (?:for )?(?:me|us|a|an|the|my|our|someone)\b",
    # unowned work, other people's patch
    r"\b(?:fell|falls|fall|sat|sits|slipped) (?:between|through) (?:the )?(?:two |three |both |"
    r"different )?(?:teams|cracks|departments|stools|chairs|groups|shifts|functions|desks)\b",
    r"\b(?:not|never)(?: \w+ly)? (?:belong|belonged) to (?:anyone|anybody|either|any|us|me|my|"
    r"our)\b|\b(?:not|never)(?: \w+ly)? (?:assigned|given|allocated) to (?:anyone|anybody|any)\b"
    r"|\b(?:unassigned|unowned|orphaned|ownerless)\b|\bnobody(?: \w+ly)? (?:owned|claimed|took)\b",
    r"(?<!\bmy )(?<!\bour )(?<!\bit)(?<!\bthat)(?<!\bwhat)(?<!\bthere)(?<!\bhere)(?<!\bwho)"
    r"(?<!\bhe)(?<!\bshe)(?<!\blet)\b[\w-]+'s (?:responsibility|domain|patch|remit|turf|"
    r"territory|bailiwick|jurisdiction|purview|baby|lane|area|thing to fix|call to make)\b",
    r"\b(?:someone|somebody|another person|other people|another team|another department|the "
    r"other team)(?: else)?'s (?:job|problem|domain|area|responsibility|patch|remit|system|"
    r"turf|territory|issue|mess|baby|lane|call|work)\b",
    r"\b(?:another|a different|a separate|the other) (?:[\w-]+ ){0,2}?(?:team|department|dept|"
    r"group|crew|shift|unit|site|store|ward|company|vendor|division|office)'s (?:problem|issue|"
    r"responsibility|job|domain|patch|remit|mess|call|area|baby)\b",
    r"\b(?:is|was|are|were|in|on|from|with|under|for) (?:a|an) (?:different|separate|other)"
    r" (?:department|dept|"
    r"team|group|unit|site|store|ward|function|division|workstream|company|business unit|shift|"
    r"area|discipline|organi[sz]ation|part of the business|building|region|district)\b",
    r"\b(?:i|we|(?:our|my) [\w-]+) (?:do|did|does) not (?:own|control|run|manage|maintain|"
    r"touch|have (?:to|access|"
    r"authority|rights|permission|responsibility)|look after|work on)\b"
    r"(?! (?:a|an|any|enough|much|many|our own|my own)\b)",
    r"\bi(?:'m| am| was)(?: only| just)? (?:a|an|the) [\w-]+(?: [\w-]+)?,? not (?:a |an |the |in "
    r"|on |part of )?[\w-]+",
    r"\bi (?:was|am|'m) (?:only |just )?(?:there|hired|employed|brought in|on shift|rostered) "
    r"(?:to|for) [\w ]+?,? not\b|\b(?:only|just) there to (?:cover|help|answer|do|run|watch)\b",
    r"\bi (?:was|am|'m) (?:in|on|with|from|an?|the) [\w -]{2,30}?,? (?:and|but|while|whereas|so)?"
    r" ?(?:this|it|that)(?: one)? (?:was|is|'s) (?:an? |the )?(?P<dom>[\w-]+(?: [\w-]+)?) "
    r"(?:problem|issue|"
    r"thing|matter|system|process|team's)\b",
    r"\b(?:this|it|that)(?: one)? (?:was|is|'s) (?:an? |the )?(?P<dom>[\w-]+(?: [\w-]+)?) "
    r"(?:problem|issue|thing|matter|system|process|job|task|decision|call|area|responsibility),?"
    r" (?:and|but|while|"
    r"whereas)? ?i(?:'m| am| was| work| worked| sit| sat| belong| belonged) (?:in|on|with|from|"
    r"for|to|a|an)\b",
)
SCOPE_BIG_WORDS = _words(
    """big real huge major small minor serious common known recurring tricky hard difficult new
    old ongoing urgent bad nasty simple interesting good weird massive critical daily weekly
    constant technical genuine actual same similar whole bigger"""
)
OWNED_BY_OTHER = re.compile(
    r"\b(?:belong(?:s|ed)? to|(?:sits|sat|lies|lay|rests|rested|falls|fell|comes|came) (?:with|"
    r"under)|(?:is|was|are|were) (?:owned|run|managed|maintained|controlled|"
    r"handled|looked after) by|(?<!\bi )(?<!\bwe )(?:owns?|owned|controls?|controlled|runs|ran) "
    r"(?:it|that|this|them|the \w+)|(?:team|department|dept|crew|shift|group)(?: did)?'s)"
)
CONTRAST = re.compile(
    r"\b(?:even though|although|though|anyway|regardless)\b|\bnot (?:to |by |for |with )?(?:me|us|"
    r"mine|ours|my|our)\b|"
    r"\bi(?:'m| am| was) (?:a|an|in|on|only|just|at|"
    r"with|from|part of)\b|\b(?:i|we) (?:was|were|am|are) not supposed\b|\bstrictly\b"
    r"|\btechnically\b|\bofficially\b|\b(?:we|i) (?:had|have) no\b"
)
# Own duties stated positively: these are not boundaries.
OWN_DUTY = re.compile(r"\b(?:within|squarely in|part of|inside) (?:my|our)\b")

# --- lasting effect -----------------------------------------------------------------------

_GROUPS = (
    r"(?:teams?|stores?|wards?|sites?|shifts?|departments?|plants?|branches|branch|dcs?|"
    r"warehouses?|schools?|teachers?|platoons?|units?|regions?|offices?|hospitals?|clinics?|"
    r"groups?|squads?|companies|divisions?|locations?|restaurants?|hotels?|properties|crews?|"
    r"managers?|nurses?|engineers?|colleagues?|people|staff|classes|depots?|squadrons?|"
    r"batallions?|battalions?|regiments?|trusts?|practices?|labs?|kitchens?|franchises?|"
    r"districts?|areas?|lines?|floors?|buildings?|countries|markets?|agents?|reps?|drivers?|"
    r"pickers?|doctors?|clinicians?|tutors?|coaches?|leads?|directors?|projects?|cohorts?|"
    r"customers?|clients?|partners?|vendors?|carriers?|charities|councils?|pharmacies|"
    r"contact centres?|call centres?)"
)
_INSTITUTION = (
    r"(?:handbook|policy|policies|sop|sops|standard|standards|checklist|checklists|onboarding|"
    r"induction|training|template|audit|playbook|manual|curriculum|procedure|procedures|"
    r"protocol|protocols|guideline|guidelines|default|defaults|contract|contracts|runbook|wiki|"
    r"scheme of work|syllabus|process|routine|system|pack|brief|briefing|course|module|"
    r"framework|toolkit|rota|schedule|calendar|budget|review|agenda|form|forms|spec|code)"
)
LASTING_PATTERNS = (
    r"\b(?:is|are|'s|sits|lives|was put|got put|went|got|were put)(?: now)? (?:in|into|part of|on|"
    r"included in|added to|listed in|written into|a (?:standing |permanent |regular |fixed )?"
    r"(?:part|item|step|section|line) (?:of|in|on)) (?:the |our |their |every |each |all |a |"
    r"an )?(?:[\w'-]+ ){0,3}?" + _INSTITUTION + r"\b(?=.*\bnow\b)"
    r"|\bnow (?:sits |lives |is |are )?(?:in|part of|on|included in|a part of) (?:the |our |their "
    r"|every |each |all |a |an )?(?:[\w'-]+ ){0,3}?" + _INSTITUTION + r"\b",
    r"\b(?:since then|ever since|from then on|these days|nowadays|to this day|now),? (?:every|"
    r"all|each|everyone|everybody|we always|they always|the whole|any|always)\b",
    r"(?<!\bi )(?<!\bwe )\b(?:uses?|follows?|runs?|relies on|works from|refers? to|"
    r"swears? by)(?: it| them| that| this)? (?:today|to this day|every (?:day|week|shift|time|"
    r"month)|daily|as (?:standard|the default|a matter of course))\b",
    r"\b(?:reused|re-used|recycled|repurposed|re-purposed)\b",
    r"\b(?:next|later|future|following|subsequent|every new|each new|all new) (?:[\w-]+ ){0,2}?"
    r"(?:cohort|cohorts|intake|intakes|batch|class|classes|group|generation|year|hires|starters|"
    r"recruits|nurses|students|staff|team|joiners|apprentices|trainees)(?: of [\w-]+)? (?:was|"
    r"were|got|are|is|get|gets|now|also)? ?(?:also )?(?:trained|taught|shown|given|walked|"
    r"inducted|onboarded|using|use|used|learn|learned|learnt)\b",
    r"\b(?:idea|practice|approach|format|method|habit|process|system|template|word|model|"
    r"concept|it|this|that) (?:quickly |soon |then )?spread\b",
    r"\b(?:taught|included|featured|covered|presented|embedded) (?:on|in|as part of|at|into)"
    r" (?:the |"
    r"a |an |our |their |every |each |all )?(?:[\w'-]+ ){0,3}?(?:course|courses|training|induction|"
    r"onboarding|curriculum|programme|program|syllabus|module|workshop|masterclass|academy)\b",
    # others adopt it
    r"\b(?:other|another|rest of the|neighbou?ring|sister|every|all(?: the| our| of the)?"
    r"(?: other)?|[\w-]+ other|more|several|many|most|both|later|future|subsequent|new|whole)"
    r"(?: [\w-]+){0,3}? (?:" + _GROUPS + r"|[\w-]{3,}s|everyone|everybody|staff)\b"
    r"(?: (?!(?:i|we)\b)[\w',-]+){0,5}? (?:now )?(?:adopted|copied|took (?:(?:it|them|"
    r"this|that|those|the \w+) )?up|picked (?:it|them|this|that) up|(?:started|began|start) "
    r"(?:using|doing|copying|running|following|asking|applying|borrowing|adapting|requesting|"
    r"requiring|pinching|nicking|stealing|to use|to do|to follow|to ask for)|followed "
    r"(?:suit|the same|it|our|my)|use (?:it|them|the same|my|our)|(?:are|were|is) (?:now )?using "
    r"(?:it|them|this|that|my|our|the same|the new)|"
    r"now (?:use|uses|follow|run|do)|follows? (?:it|them|this|that|my|our|the same)|uses? (?:it|"
    r"them|this|that|my|our|the same)|wanted (?:in|it|the same|a copy|one|to use)|asked for (?:it|"
    r"a copy|copies|the \w+|one|our|my)|requested (?:it|a copy)|borrowed|replicated|reused|"
    r"re-used|cloned|implemented (?:it|the same|our|my)|rolled (?:it|them) out|built on)",
    r"(?<!\bi )(?<!\bwe )\badopted (?:our|my|it|this|that|them)\b",
    r"\b(?:started|began) (?:doing|using|following|copying|running|asking for) (?:it|them|this|"
    r"that|the same)(?: [\w-]+){0,3}? (?:too|as well|also)\b",
    r"\b(?:was|were|got|been|being|is|are) (?:\w+ly |later |then |since |soon |also |now )?"
    r"(?:adopted|copied|replicated|taken up|"
    r"picked up|rolled out|scaled|expanded|extended|reused|re-used) (?:by|across|to|as|into|"
    r"throughout|nationally|globally|everywhere|more widely|wider)\b",
    # it became the standard
    r"\b(?:became|become|becomes|becoming|is now|are now|'s now|was made|were made|got made|"
    r"made (?:it|them|this|that|[\w-]+)|turned (?:it|them|this|that) into|now (?:it is|it's|they "
    r"are|they're)|was (?:officially|formally)|is (?:officially|formally))(?: [\w'-]+){0,3}? "
    r"(?:the |a |an |our |their |company |official |formal )?(?:standard|default|norm|policy|"
    r"policies|sop|template|go-to|habit|mandatory|required|compulsory|permanent|"
    r"standard practice|best practice|blueprint|baseline|benchmark|rule|requirement|practice|"
    r"routine|convention|tradition|institution|fixture|staple|playbook|training|module|course|"
    r"line item|standing item|checklist|guideline|guidance|protocol|procedure|law|"
    r"(?:[\w-]+ )?way (?:of|we|to|that|everyone|things)|"
    r"the way|how we|how they|how every|how all|expected|(?:fixed|permanent|regular|standard|"
    r"core|routine|normal|integral|standing|established) part of|part of (?:how|the way|what|"
    r"(?:the |our |their |every |each |all |a |an )?(?:[\w'-]+ ){0,3}?" + _INSTITUTION + r"))\b",
    r"\b(?:added|written|wrote|put|included|copied|entered|listed)(?: [\w'-]+){0,4}? (?:in|into|"
    r"to|as part of|as) (?:the |our |their |every |each |all |company |a |an |official )?"
    r"(?:[\w'-]+ ){0,3}?(?:sop|sops|policy|policies|playbook|handbook|checklist|checklists|"
    r"manual|standards?|onboarding|induction|training|curriculum|template|procedures?|guidelines|"
    r"runbook|protocols?|code of practice|scheme of work|syllabus|pathway|standard work|"
    r"(?:standard|official|default|master) [\w-]+)\b",
    r"\b(?:incorporated|embedded|integrated|codified|enshrined|formali[sz]ed|baked|built|folded|"
    r"hard-?coded|locked|absorbed|institutionali[sz]ed)(?: [\w'-]+){0,4}? (?:in|into|as part of)"
    r" (?:the |our |their |every |each |all |company |a |an |official )?(?:[\w'-]+ ){0,3}?"
    r"(?:sop|sops|policy|policies|playbook|handbook|checklists?|manual|standards?|onboarding|"
    r"induction|training|curriculum|template|procedures?|guidelines|guide|runbook|protocols?|"
    r"code|scheme of work|syllabus|pathway|contracts?|process|processes|workflow|review|audit|"
    r"spec|pipeline|routine|system|tool|platform|software|wms|erp|crm|app|form|forms|rota|"
    r"schedule|plan|budget|framework|cycle|calendar)\b",
    r"\b(?:baked|built|hard-?coded|wired|engineered) (?:it |them |this |that )?into\b",
    r"\bnew (?:hires|starters|joiners|staff|recruits|nurses|pickers|employees|teachers|people|"
    r"engineers|drivers|associates|cadets|soldiers|agents|reps|graduates|interns|volunteers|"
    r"members|managers|[\w-]+s) (?:are|get|now get|all get|is|learn|now learn) (?:\w+ )?(?:taught|"
    r"trained|shown|walked|given|told|learn|it|this)\b",
    r"\b(?:every|each|all|any) new (?:[\w-]+ ){0,2}?(?:gets?|is|are|must|has to|have to|learns?|"
    r"starts?|goes|go|uses?|follows?|includes?|onboarding|opening|project|hire|starter|store|"
    r"site|joiner)\b",
    r"\b(?:company|org|organi[sz]ation|hospital|trust|site|district|region|store|department|"
    r"school|business|group|network|fleet|estate|chain|division|army|battalion|brigade|nation|"
    r"country|world|industry|enterprise|floor|team|campus|county|state|system|firm|agency)-?wide"
    r"(?=.*\b(?:now|adopted|rolled|became|made|standard|policy|still|since|every new)\b)",
    r"\b(?:roll|rolled|rolling|push|pushed|spread|spreads|extend|extended|expand|expanded|scale|"
    r"scaled|deploy|deployed|replicate|replicated|introduce|introduced|implement|implemented|"
    r"copied(?! in\b)|cascaded|cascade|adopted|standardi[sz]ed)"
    r"(?: [\w'-]+){0,4}? (?:out |up |wider |more widely )?(?:to|across|throughout|into|over"
    r"|in|at|from [\w -]+? to) (?:all|every|each|the whole|the entire|the rest|the other|other|"
    r"more|several|many|both|\d+|[\w-]+ other|[\w-]+ more|our whole|the wider|all of)\b",
    r"\b(?:rolled|rolling|pushed) (?:it |them |this |that )?(?:out )?(?:nationally|nationwide|"
    r"globally|everywhere|more widely|wider|company-wide)\b",
    r"\b(?:caught on|snowballed|went viral|took off|spread (?:to|through|across|like))\b",
    r"\b(?:set|became) a precedent\b|\b(?:later|future|subsequent|following|next) (?:[\w-]+ )?"
    r"(?:projects|teams|rollouts|cohorts|classes|stores|sites|launches|years|intakes|seasons)"
    r"(?: [\w-]+){0,2}? (?:followed|used|reused|copied|adopted|built on|kept|started)\b",
    # it lasted
    r"\bstill (?:what|how|the thing|the one) (?:they|we|everyone|people|the \w+|every)\b|"
    r"\b(?:carried on|continued|kept going|lived on|survived|persisted|endured|(?:has|have) "
    r"(?:run|carried on|continued)) (?:for (?:\w+ ){1,2}(?:years?|seasons?|terms?|months?|"
    r"quarters?|cohorts?|intakes?|rotations?|peaks?)|ever since|since|to this day|beyond|after "
    r"(?:i|we|the))\b",
    r"\bstill (?!(?:needs|seems|fails|breaks|crashes|struggles|happens|hurts|annoys|bugs|bothers|"
    r"makes|gets|has|is|was|does|looks|feels|sounds|takes|goes|causes|comes|costs|means|misses|"
    r"lacks|stands out)\b)(?:\w+s\b|run|hold|have|keep|send|print|check|ask|call|teach|"
    r"swear|work|read|open|track|log|measure|review|show|wear|sing|put|carry|stick|"
    r"see it|in (?:use|place|effect|force|the)|used|using|use|uses|running|runs|live|active|"
    r"around|there|going|taped|up|on the wall|pinned|stuck|hanging|the (?:standard|default|one|"
    r"template|way|go-to|norm|process|format|same|rule|basis|model)|follow|follows|following|do|"
    r"does|doing|reference|references|referencing|refer|refers|rely|relies|relying|apply|"
    r"applies|applied|works|working|standard|valid|part of|a part of|mandatory|required|"
    r"taught|teach|teaches|call it|calls it)\b",
    r"\b(?:to this day|ever since|outlived|outlasted|long after|even after (?:i|we|he|she|they) "
    r"(?:left|moved|went|handed)|after i left|since i left|(?:has|have|had) stayed|stayed (?:in "
    r"place|on|there|put)|(?:remained|remains|stayed|stays) (?:the|our|in place|in use|part|"
    r"standard|unchanged|in the)|for good|from (?:then|that point|that day) on|never went back|"
    r"not looked back|(?:has|have) been (?:used|running|in place|in use|followed|standard)|(?:have|"
    r"has) been (?:using|running|following|doing it) (?:it|that|this|them)? ?(?:ever|since))\b",
    r"\b(?:it|this|that|they|the change|the habit|the practice|the process|the idea|the name|the "
    r"format|the system|the rule|the routine)(?: has)? (?:stuck|sticks|has stuck)\b"
    r"(?! (?:in|with|on|at|to|around)\b)",
    r"\b(?:permanent(?:ly)?|standing|fixed|recurring) (?:part|fixture|change|feature|rule|process|"
    r"practice|addition|standard|item|step|policy|home|place|agenda|slot|section)\b|\b(?:made|became|become|is now) (?:it )?permanent\b",
    r"\bnow (?:every|all|each|everyone|everybody|the whole|the entire|how|the way|standard|"
    r"(?:it|this|that|they) (?:is|are) (?:how|the way|everyone|everybody|all|standard|the norm|"
    r"policy|mandatory|required))\b|\b(?:is|are) now how\b",
    r"\b(?:used|applied|followed|required|enforced|mandatory|standard|done|run|checked) (?:\w+ )?"
    r"(?:for|on|in|at|across|by|before) (?:every|all|each|any)\b",
    r"\bthe way we do (?:it|things)\b|\b(?:official|standard|master|default) (?:version|copy|"
    r"template|process|tool|method|way)\b|\bbecame (?:a )?(?:habit|second nature|muscle memory)\b",
)
LASTING_MORE = (
    # it found its way into the institution
    r"\b(?:ended up|found (?:its|their) way|made (?:it|its way)|wound up|went|got (?:written|put|"
    r"added|included|built)|was (?:written|put|added|included|built)) (?:in|into|on) (?:the|our|"
    r"their|every|each|all|company) (?:[\w'-]+ ){0,3}?(?:handbook|policy|policies|sop|sops|playbook"
    r"|manual|onboarding|induction|training|curriculum|syllabus|standards|checklist|template|"
    r"guidelines|runbook|wiki|rulebook|scheme of work|code of practice|standard operating)\b",
    # made part of the system: "it's been institutionalised"
    r"\b(?:been|got|was|were|is|are|be|become|became|now) (?:\w+ly )?(?:institutionali[sz]ed|"
    r"codified|formali[sz]ed|enshrined|standardi[sz]ed|mandated|written into (?:policy|the \w+))\b",
    # others seen using it: "I've seen it used by teachers I've never met"
    r"\b(?:seen|heard of|spotted|found|noticed) (?:it|them|my|our|the [\w-]+) (?:[\w-]+ )?(?:being )?"
    r"(?:used|adopted|copied|quoted|referenced|pinned|printed|shared) (?:by|in|across|at|on|all "
    r"over)\b",
    # repeated every year since; grown since
    r"\b(?:every|each) (?:year|term|season|month|week|quarter|intake|cohort|summer|winter|"
    r"christmas|spring|autumn|sprint|release) (?:ever )?since\b",
    r"\b(?:has|have|'s|'ve) (?:since |only |also |even )?(?:grown|expanded|spread|scaled|"
    r"multiplied)(?: (?:since|ever since|from there|every year|each year))?\b(?! (?:up|tired|"
    r"worse|out of|apart)\b)",
    # demanded everywhere: "the director started asking for it in every review"
    r"\b(?:started|began|now) (?:asking for|requiring|expecting|requesting|insisting on|demanding|"
    r"mandating|asks for|requires|expects|insists on) (?:it|them|this|that|one)(?: [\w-]+){0,3}? "
    r"(?:in|at|for|from|on|of) (?:every|all|each)\b",
    # the speaker's creation still going
    r"\bstill (?:[\w-]+ ){1,5}?(?:the|my|our) (?:[\w-]+ ){0,4}?(?:i|we) (?:set up|built|introduced|"
    r"started|made|wrote|designed|created|put in|brought in|launched|drew up|came up with)\b",
)
# Reversal denied, which is lasting: "they've never gone back to the old way".
LASTING_NEGATED = re.compile(
    r"\b(?:never|not|nobody has|nobody's) (?:\w+ )?(?:gone|went|go|going|looked|switched|reverted)"
    r" back\b|\b(?:never|not) (?:been )?(?:dropped|scrapped|replaced|reversed|undone|changed back)"
    r"(?! (?:in|for) (?:that|the) )\b|\bno longer (?:depends|relies) on me\b"
    r"|\b(?:does|do|did) not (?:depend|rely) on me (?:any ?more|now)\b"
)

# Compositional cues: a wider scope (every ward, the whole department, eleven stores) or lasting
# time (still, now, since then) together with use or adoption.
SPREAD = re.compile(
    r"\b(?:every|each) (?!(?:time|one|other|single|day|week|month|year|morning|night|evening|"
    r"afternoon|weekend|shift|minute|hour|quarter)\b)[\w-]+|\b(?:the|our|their) (?:whole|entire)"
    r" [\w-]+|\b(?:all|both) (?:the |our |their |of the |of our )?(?:other )?" + _GROUPS
    + r"|\b(?:other|another|several|many|most|more|neighbou?ring|sister) (?:[\w-]+ ){0,2}?"
    + _GROUPS + r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|dozens of|hundreds of) (?:other |more |[\w-]+ )?"
    + _GROUPS + r"|\b[\w-]+-wide\b|\b(?:everyone|everybody|everywhere|nationally|nationwide|"
    r"globally)\b|\bacross (?:the|all|every|our|their)\b"
)
PERSIST = re.compile(
    r"\b(?:still|now|today|nowadays|these days|since (?:then|that|the|i|we)|ever since|to this day|"
    r"(?:years?|months?) (?:later|on)|long after|anymore|any more|permanently|for good|from then "
    r"on|ongoing|every (?:day|week|month|year|shift|morning|night|term|quarter|season|sprint|"
    r"cycle|run|build|release|intake))\b"
)
# What a use must be of: the speaker's thing, not "the old tills".
USE_OBJECT = re.compile(
    r"^(?:[,.;!?]|$| (?!(?:an?|some|any|the (?:old|previous|existing|original|usual|same old)|"
    r"their (?:old|own|usual)|different|other|old|paper|me|us|him|her|you|to)\b))"
)
USE = re.compile(
    r"\b(?:uses?|used(?! to\b)|using|follows?|followed|following|runs?(?= (?:in every|on every|"
    r"across|in all|on all))|adopt(?:s|ed)?|"
    r"copies|copied|copying|copy (?=it|them|this|that|our|my)|borrow(?:s|ed)?|appl(?:y|ies|ied)|"
    r"rolled|take it up|took it up|picked "
    r"(?:it |them )?up|marks?|issued|issues|taught|teach(?:es)?|trains?|works? from|relies? on|"
    r"refers? to|references?|do(?:es)? it|starts? with|includes?|included|implemented|installed|"
    r"introduced|replicated|kept|keeps|stuck with|sticks? with|on the wall|"
    r"pinned|displayed|based on|modell?ed on|built on|in place|in use|standard|rely|unchanged|"
    r"intact|(?:their|its|his|her) own (?:version|copy|take)|versions? of)\b"
)
BOUNDED = re.compile(r"(?<!since )(?<!from )(?<!after )\b(?:that|this|the same|for (?:a|one|the))"
    r" (?:week|day|month|night|"
                     r"quarter|weekend|year|time|shift|term|morning|afternoon|event|trial)\b"
                     r"|\bfor now\b|\buntil\b|\bduring the\b|\b(?:the|a) (?:trial|pilot|test)\b"
                     r"|\b(?:had|have|has) the same (?:problem|issue|trouble)")
LASTING_VETO = re.compile(
    r"\b(?:one-off|one off|that one time|only for|just for|temporary|temporarily|for the trial|"
    r"rolled (?:it |them |the \w+ )?back|roll (?:it )?back|(?<!never )(?<!not )reverted|"
    r"(?<!never )(?<!not )(?<!never gone )(?<!not gone )(?:went|gone|switched|go) back to|"
    r"let (?:it|them|that|this) (?:lapse|slide|drop|die|go)|lapsed|petered out|faded out|fizzled|"
    r"fell by the wayside|went by the wayside|fell away|for that one|for the one|"
    r"at (?:that|the) (?:time|point|stage)|back then|in those days|"
    r"(?:rumou?rs?|news|gossip|word|panic|virus|infection|fire|flames?|illness|bug) (?:\w+ )?"
    r"spread|(?:each|every \w+|all) (?:had|has|have|did|does|used|ran|kept) (?:their|its|his|her) "
    r"own|still (?:[\w-]+ )?(?:the|our|my|their) (?:old|previous|original|existing|paper)|"
    r"scrapped|dropped it|abandoned|discontinued|shelved|binned|ditched|fizzled|died out|"
    r"went nowhere|stayed local|wait-and-see|never (?:\w+ )?(?:used|adopted|happened|took|caught|"
    r"went|made it|stuck|rolled|spread|implemented|followed)|not (?:\w+ )?(?:stick|last|catch on|"
    r"take off|happen|spread|get adopted|adopted|used|kept|go anywhere|survive)|nobody (?:used|"
    r"adopted|picked|followed|uses)|replaced it|killed it|undid|undone|phased out|retired it|"
    r"got rid of it|until the|sore point|still (?:waiting|struggling|having|had|took|takes|"
    r"remember|wasn't|was not|is not|are not|were not|broken|failing|a problem|an issue))\b"
)

# --- quantified ---------------------------------------------------------------------------

TIME_UNITS = _words(
    """second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks
    weekend weekends month months year years quarter quarters shift shifts night nights morning
    mornings afternoon afternoons evening evenings fortnight fortnights sprint sprints term terms
    semester semesters decade decades ms millisecond milliseconds working business"""
)
UNITS = TIME_UNITS | _words(
    """percent per cent percentage points point pts bps basis dollars dollar pounds pound euros
    euro quid bucks grand k cents pence rupees yen kg kgs kilos kilograms grams tonnes tons lbs lb
    miles mile km kilometres kilometers metres meters feet foot litres liters gallons fte ftes
    times x fold million millions billion billions thousand m bn calories degrees kb mb gb tb
    hours-a-week man-hours tonne ton kilo gram litre liter metre meter acre acres hectare hectares
    inch inches cm mm mph kph pint pints ounce ounces lakh lakhs crore crores dollar rupee"""
)
# Denominators of a rate besides time: "a tonne an acre", "50p a head".
AREA_UNITS = _words("acre acres hectare hectares head unit delivery order patient pupil user")
# Words around a duration that make it a measure ("took three days", "two hours faster")
# rather than background ("worked there for three years").
DURATION_PREV = _words(
    """took take takes taking in within under over than saved saving save cut cutting shaved
    off down up to from by only just about around roughly nearly almost per instead least most
    of less more fewer extra additional reduced freed gained lost added trimmed"""
)
DURATION_NEXT = _words(
    """earlier faster sooner quicker less more fewer shorter longer early ahead late saved off
    a per each every instead rather down up quicker"""
)
RESULT_VERBS = _words(
    """processed handled closed resolved fixed caught saved recovered cleared shipped delivered
    completed trained onboarded hired signed won sold booked raised generated reduced cut
    eliminated prevented avoided served placed recruited retained converted collected received
    gained added removed answered packed picked loaded moved dispatched treated taught passed
    scored achieved hit reached exceeded dropped fell rose grew increased decreased improved
    climbed lost lowered shaved freed brought came went halved doubled tripled down up fewer more
    less under over from recouped clawed secured landed closed filled rescued fielded"""
)
CHANGE_VERBS = _words(
    """went go goes dropped drop drops fell fall falls rose rise rises climbed climb cut cuts
    reduced reduce increased increase decreased decrease grew grow improved improve came come
    moved shrank shrunk jumped jump doubled halved tripled lowered raised slashed boosted
    trimmed brought shaved down up fewer less more from saved save freed recovered sped took
    takes dropping falling rising climbing improving reduction increase drop decline declined"""
)
LABEL_PREV = _words(
    """v version versions windows python java ios android level levels year ward wards bay bays
    store stores aisle aisles route line lines zone zones gate gates room rooms q grade step
    phase tier stage platform dock docks door doors building floor unit station terminal bed
    beds lane section row shelf bin area class form cohort team squad batch top boeing airbus
    model type channel track highway interstate exit flight bus chapter page number no lot size
    iphone office gen series covid mark apartment suite sector hall block pod cell pier berth
    hangar camp base platoon regiment division band rank iso site dc plant warehouse depot
    branch location ticket jira issue pr bug release build sprint week day cohort key stage
    term period lesson question item part appendix figure table version point counter till
    register checkout pump engine truck trailer car van tank vehicle bus train school county
    district region ward route camera printer machine oven fridge freezer rig"""
)
NARRATIVE_NEXT = _words("later ago after before into prior beforehand earlier-on")
NARRATIVE_PREV = _words("next last past first following previous coming final after during")
COMPARATIVE_NEXT = _words(
    """fewer more less faster slower quicker earlier sooner higher lower cheaper extra
    additional shorter longer bigger smaller better"""
)
FREQUENCIES = _words(
    """hourly daily nightly weekly fortnightly biweekly monthly quarterly yearly annually
    annual"""
)
COMPOUND_MEASURE_NEXT = _words(
    """reduction drop increase improvement saving savings cut gain decrease rise fall jump boost
    faster quicker shorter lower higher cheaper"""
)
NOT_MEASURE_AFTER_PCT = _words("sure certain confident honest committed convinced right behind")
PERCENT = re.compile(r"\b(?:couple of|few|several|[a-z]+(?:-[a-z]+)?) (?:percent|per cent|"
                     r"percentage points?)\b")
NOT_PERCENT = re.compile(r"\b(?:a hundred|hundred|one hundred|110) (?:percent|per cent) (?:sure|"
                         r"certain|confident|honest|committed|behind|right)\b|\b(?:gave|give|"
                         r"giving) (?:it )?(?:a |one )?hundred (?:percent|per cent)")
RATE = re.compile(
    r"\b(?:a|an|one|half a|half an|a full|a whole|\d[\d,.]*|two|three|four|five|six|seven|eight|"
    r"nine|ten|twenty|fifty|hundred) (?:full |whole |working )?(?P<u>[a-z]+) (?:a|an|"
    r"per|"
    r"each|every) (?P<u2>[a-z]+)\b"
)
_NUM = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
        r"thirty|forty|fifty|sixty|hundred|a hundred|a thousand|dozens|hundreds)")
EARLY = re.compile(
    r"\b(?:a|an|one|half an?|a full|a whole|a good) (?:full |whole |good )?(?P<u>[a-z]+) (?:early|"
    r"earlier|ahead|sooner|faster|quicker|shorter|less|under|saved|fewer|gained|off|back)\b"
)
# Approximators between a preposition and its amount: "by something like a quarter".
_APPROX = (r"(?:(?:nearly|almost|about|roughly|around|over|more than|less than|just under|just over|"
           r"well over|close to|something like|something around|getting on for|upwards of|"
           r"the best part of|a good|just|only|under|at least|approximately|easily) )*")
# From one amount of time to another: "from hours to minutes", "from a month to a fortnight".
TIME_SPAN_CHANGE = re.compile(
    r"\bfrom (?:a |an |one |several |many |a few |a couple of |multiple |whole )?(?P<a>[a-z]+) to "
    + _APPROX + r"(?:a |an |one |a few |a couple of |a single |half an? )?(?P<b>[a-z]+)\b"
)
# A single unit of money or weight as an amount: "by roughly a grand", "by a tonne an acre".
ONE_UNIT = re.compile(r"\b(?:by|saved|saving|cut|cutting|off|shaved|added) " + _APPROX
                      + r"(?:a|an|one|half an?) (?:good |full |whole )?(?P<u>[a-z]+)\b")
ONE_UNIT_NOT = frozenset({"point", "per", "percent", "times", "x", "m", "working", "business",
                          "fold", "k", "p"})
QUANT_PHRASES = re.compile(
    r"\b(?:single|double|triple) digits?\b|\bby (?:about |roughly |nearly |almost |over |more than "
    r"|around |just over |just under |well over |close to |less than )?half\b|"
    r"\b(?:halved|halving|doubled(?! (?:down|back|up|over|as|checked)\b)|doubling(?! (?:down|back|up|over|as)\b)|tripled|tripling|quadrupled|"
    r"quintupled|tenfold|twofold|threefold|fourfold|fivefold|\d+-fold|in half|by half|"
    r"(?:more|less) than half|half (?:the (?:time|cost|errors|number|amount|size|price|effort|"
    r"waiting|wait)|as (?:long|much|many|often))|orders? of magnitude|(?:double|triple|twice|"
    r"three times|four times|five times|ten times) (?:the|as|our|what)|percentage points?)\b"
    r"|\b(?:to|at|hit|reached|down to|dropped to|fell to|went to|is now|are now) zero\b"
    r"|\bzero (?!in|on|point|day|hour|tolerance|sum|idea|interest|chance|experience|budget|"
    r"knowledge)[a-z-]+s\b"
    r"|\b(?:by|cut|reduced|dropped|fell|down|up|rose|increased|saved) (?:by )?" + _APPROX
    + r"(?:a|one|two|three) ?-?(?:third|quarter|fifth|tenth|half|thirds|quarters|"
    r"fifths|tenths)\b"
    r"|\b(?:a|one|two|three)[ -](?:third|quarter|fifth|tenth|thirds|quarters|fifths|tenths) "
    r"(?:fewer|less|more|of the (?:time|cost|effort|errors)|of what|of (?:its|their|the|our) "
    r"(?:previous|old|former|original|usual)|lower|higher|faster|shorter|cheaper|off|the)\b"
    r"|\bfrom (?:a|an) [a-f](?:-plus|-minus|\+|-)? (?:grade |average )?to (?:a|an) [a-f]\b"
    r"|\b(?:\d[\d,.]*|" + _NUM + r") (?:[\w-]+ ){0,2}(?:instead of|rather than|compared (?:to|"
        r"with)|"
    r"versus|vs|down from|up from) (?:\d|" + _NUM + r")"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:out of|in) (?:every )?"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|"
    r"ten|twenty|a hundred|hundred|a thousand|thousand)\b"
)
INSTEAD_OF = re.compile(
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|single|half an?|couple of|"
    r"\d+)(?: single| whole| full| few)? (?P<u1>[a-z]+) (?:instead of|rather than|compared (?:to|"
    r"with)|versus|vs|not|down from|up from) (?:a|an|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|the|\d+|over|more than|nearly|almost)(?: whole| full| entire| good)? (?P<u2>[a-z]+)"
    r"|\b(?:took|takes|take|taking) (?:only |just |about |under |less than |barely )?(?:a single|"
    r"half an?|a|an|one)(?: whole| full| single| good)? (?P<u3>[a-z]+)\b"
)

# --- generic reflection -------------------------------------------------------------------

GENERIC_WORDS = _words(
    """learn learned learnt learning lesson lessons takeaway takeaways take took taken taught
    teach teaches teaching remind reminded reminder reminders realise realised realize realized
    realising realizing realisation realization show showed shown make made makes reinforce
    reinforced experience experiences reflect reflecting reflection looking look back hindsight
    retrospect forward future next time times again differently would should could might must
    communication communicate communicating communicated communicator communicative key
    important importance matter matters mattered vital crucial essential critical everything
    anything something nothing thing things stuff lot lots big bigger biggest small little way
    ways teamwork team teams player players collaboration collaborate collaborating
    collaborative together people person others everyone everybody anyone someone colleague
    colleagues stakeholder stakeholders customer customers client clients manager managers boss
    leadership leader leaders lead leading patient patience calm calmer pressure stress
    flexible flexibility adapt adapting adaptable adaptability resilient resilience persevere
    perseverance perseverence hard work working worked smarter harder effort proactive
    proactively organised organized organisation organization organisational detail details
    attention listen listening listener listeners feedback gift trust trusted honest honesty
    transparency transparent empathy empathetic humble humbling humility confidence confident
    curiosity curious open-minded mind mindset attitude positive growth grow grew grown better
    best improvement improvements improve improving room plan planning planned ahead prepare
    preparation prepared manage managing management prioritise prioritize prioritising
    prioritizing priorities priority focus focused test testing tested tests double-check
    double-checking check checking checked verify verifying assumption assumptions assume
    assuming ask asking asked help helping helped question questions early earlier clearly
    clearer clear more less always never often ownership own owning responsibility accountable
    accountability initiative fail failure failing failed afraid mistake mistakes solution
    solutions problem problems challenge challenges difficult tough situation situations job role
    task tasks project projects process processes goal goals result results success successful
    value values valuable asset assets company business environment fast-paced pace change
    changes box outside think thinking give giving giver up quit loop informed update updated
    updates updating safety safe first comes come coming document documenting documentation
    make sure ensure be being stay staying keep keeping remain good great well serve serving
    difference myself yourself themselves self achieve achieving anything step back steps
    grateful proud valuable journey growth journey skill skills strength strengths weakness
    weaknesses teamplayer main real really true truly honestly overall general generally
    definitely certainly probably maybe guess say said think thought believe feel felt know
    knew understand understood understanding see saw seen find found found get got getting
    gotta gonna want wanted need needed needs try trying tried use used useful can do does did
    doing done going go went much many new old whole part kind sort type level ability
    willing willingness persistent persistence consistency consistent discipline disciplined
    diligent diligence integrity respect respectful kindness kind supportive support supporting
    motivated motivation passion passionate commitment committed dedication dedicated hardworking
    approach approaches mentality perspective perspectives viewpoint view views opinion opinions
    idea ideas expectations expectation boundaries boundary balance delegate delegating
    delegation empower empowering empowered resourceful resourcefulness creative creativity
    innovative innovation efficient efficiency effective effectively productive productivity
    careful carefully thorough thoroughly quickly quick slow slowly patient patiently humble
    simple simply complex complicated small smaller matter everyone's nobody noone anyone's
    human humans relationship relationships connection connections network networking listen
    speak speaking voice voices heard open openness honest conversation conversations talk
    talking dialogue stay calm cool head composure composed stressful uncertainty ambiguity
    comfort zone comfortable uncomfortable risk risks risky fear fears afraid scared courage
    brave bold decision decisions decisive judgement judgment instinct instincts gut
    preparation prepared unexpected expect expected adversity setback setbacks obstacle
    obstacles hurdle hurdles persevering perspective humbled humbling sides side grow growing
    person individual individuals member members leader's anybody's teammate teammates
    teamwork's workplace office career professional professionally personally personal"""
)
# Everyday words that say nothing concrete about a story (verbs, adverbs, quantifiers, fillers).
GENERIC_WORDS = GENERIC_WORDS | _words(
    """yeah yes okay ok well even away came now because under before after every enough long
    whatever happens happen happened sooner later soon appreciate put putting involve
    involved involving following follow follows pays pay paid off means mean meant setting set
    sets example examples too break breaking down enjoy enjoyed solving solve solved become
    became becoming handling handle handled strong stronger build building built culture
    eye-opener opener dream policy stop stopping start starting started finish finished deal
    dealing dealt face facing faced overcome move moving moved turn hold lose lost win won fix
    fixing fixed bring bringing brought let lets letting seem seems seemed happy sad hard easy
    easier harder wrong right mistake sure certain whole entire single own various different
    same other another such certain everyday day-to-day moment moments point points end ends
    beginning start matter fact facts reason reasons case cases aspect aspects area areas level
    levels kind kinds sort sorts bit bits piece pieces part parts lot lots plenty couple few
    several most least lesser greater little much more many truly deeply genuinely constantly
    continuously regularly consistently properly correctly fully completely totally entirely
    especially particularly specifically mostly mainly largely simply basically actually
    literally obviously clearly ultimately eventually finally initially originally first second
    third last lastly secondly firstly today tomorrow yesterday always sometimes usually
    normally generally occasionally often rarely never ever again once twice anymore still
    already yet instead rather quite pretty fairly somewhat slightly very extremely incredibly
    hugely massively highly super so thus therefore hence however although though unless until
    while whilst whether either neither both each through across along around among between
    within without toward towards upon onto via per regardless despite against beyond behind
    ahead aside apart ourselves yourselves himself herself itself one ones someone's others'
    thing's way's role's forward-thinking open-minded well-being wellbeing big-picture
    detail-oriented solution-focused customer-focused results-driven hands-on goal-oriented
    people-first win-win gotta gonna wanna kinda sorta reckon figure figured realise dare
    afford allow allowed enable enabled remember remembered forget forgot forgotten wonder
    notice noticed recognise recognize recognised recognized acknowledge accept accepted admit
    care caring cared cares tell telling told share sharing shared explain explaining explained
    support supported push pushing pushed pull reach reaching reached spend spent save saved
    waste wasted lose losing gain gained create created creating drive driving driven
    motivate inspire inspired inspiring encourage encouraged encouraging guide guided guiding
    mentor mentoring coach coaching develop developing developed development
    progress progressing succeed succeeded succeeding thrive thriving struggle struggling
    struggled cope coping handle manageable demanding rewarding challenging exciting
    frustrating difficult stressful busy chaotic hectic pressured crazy applies apply informed
    inform lesson lessons proper"""
)

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
DOUBLE_NEGATION = re.compile(r"\b(?:not|never)\b(?: \w+)?$")
PASSIVE_BEFORE = re.compile(r"\b(?:been|was|were|got|is|are|being|gets) (?:\w+ )?$")
FOR_GIFT = re.compile(r"(?: [\w'-]+){0,3}? for (?:the |an? )?(?:[\w-]+ )?(?:"
                      + "|".join(sorted(GIFTS)) + r")\b")
INFINITIVE_AFTER = re.compile(r"(?: [\w'-]+){0,4}? to (\w+)")
WORK_VERBS = _words("assigned assigns allocated delegated entrusted")
NP_STOP = _words("to for so that which on in at by from with of after before when about regarding around")
PERMISSION_WORDS = _words("green go-ahead thumbs heads-up all-clear")

# --- quantified helpers -------------------------------------------------------------------

YEAR = re.compile(r"(?:19|20)\d\d")
NUMBER_SUFFIX = re.compile(r"^[\d,.]+(?:-[\d,.]+)?")
UNIT_SUFFIXES = _words("x k m bn mb gb kb tb p kg km")
FREQUENCY_WORDS = re.compile(r"\b(?:" + "|".join(sorted(FREQUENCIES)) + r")\b")
UNIT_MODIFIERS = _words("full whole extra more fewer less working labour labor man solid straight")
NOT_RESULT_CONTEXT = _words("for lasted experience aged old")
OF_DETERMINERS = _words("my our the his her their us them those these its whom which")

# --- generic reflection helpers -------------------------------------------------------------

CHANGE_MARK = re.compile(
    r"\b(?:so (?:now )?(?:i|we)|i now|now i|since then|i've (?:added|moved|changed|started)|"
    r"(?:because|since) (?:the|our|their|my|a|an|those|these)\b)"
)
# A concrete word in a definite noun phrase ("the ward move", "our Jira filters").
ANCHORED = re.compile(r"(?=\b(?:the|our|their|that|those|these|this|my|his|her|its|every|each|"
                      r"[\w-]+'s) ([\w-]+)(?: ([\w-]+))?)")
# Proverbs and stock phrases: whatever concrete nouns they hold ("mile", "pints") are not story.
CLICHES = re.compile(
    r"\b(?:go(?:ing|es)? the extra mile|went the extra mile|(?:the )?bigger picture|walk a mile in"
    r"|(?:proper|prior) (?:planning|preparation) prevents [\w ]{0,30}?performance|fail(?:ing)? to "
    r"prepare[\w ]{0,25}|measure twice[\w ]{0,12}|there's no i in team|no i in team|two heads are "
    r"better[\w ]{0,12}|the devil is in the details?|practice makes perfect|actions speak louder"
    r"[\w ]{0,12}|more haste,? less speed|rome was not built in a day|under-?promise[\w -]{0,20}"
    r"|pick your battles|lead by example|sweat the small stuff|one step at a time|the hard way"
    r"|on the same page|hope for the best|plan for the worst|trust the process|the buck stops"
    r"[\w ]{0,10}|a stitch in time[\w ]{0,12}|if it ain't broke[\w ]{0,12}|no such thing as a "
    r"stupid question|many hands[\w ]{0,15}|knowledge is power|time is money|less is more"
    r"|better late than never|safety first|customer is always right|the squeaky wheel[\w ]{0,20}"
    r"|(?:every|each) cloud[\w ]{0,25}|learn(?:ed|t)? from (?:my|our|your) mistakes)\b"
    # illustrations of universality: "whether you're pulling pints or flying planes"
    r"|\bwhether (?:you're|you are|it's|it is|you|they're|they are) [^,.;]{1,40}? or [^,.;]{1,40}"
    r"|\b(?:applies|apply|true|relevant) (?:to|in|for) (?:any|every|all) [\w-]+"
)
CONTENT_WORD = re.compile(r"[a-z][a-z-]*|\d[\w.,%]*")
CLOCK_OR_DAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|"
                          r"pm)s?\b")

# --- we action ----------------------------------------------------------------------------

_TEAM = (r"(?:team|group|crew|squad|squadron|company|firm|office|store|branch|ward|kitchen|site|"
         r"depot|practice|lab|unit|department|shift|side|platoon|section|class|colleagues|"
         r"guys|lads|staff)")
WE_SUBJECT = re.compile(
    r"\b(?:we|our " + _TEAM + r"|(?:me|i) and (?:the|my|our) " + _TEAM + r"|(?:the|my|our) "
    + _TEAM + r" and (?:i|me))"
    r"(?: as (?:a|an|the) \w+| all| both| together| ourselves| then| also| quickly| finally| first"
    r"| eventually| immediately| jointly| collectively| next| later| soon| now| still| again"
    r"| just| \w+ly)*,? (?P<v>[\w'-]+)(?: (?P<n>[\w']+))?(?: (?P<n2>[\w']+))?"
)
# Verbs of being, having, knowing and getting: context or outcome, not action.
STATE_VERBS = _words(
    """was were are is am be been being 're 's had have has 'd 've know knew think thought felt
    feel saw see seen noticed realised realized needed need wanted want hoped hope expected
    expect faced face lacked lack got get gets received won lost ended hit achieved exceeded
    missed beat earned gained kept keep learned learnt heard seemed seem looked owned own loved
    liked hated used could would should might must will can 'll may did do does finished
    reached started grew managed also all still never only shall struggled suffered"""
)
# ... which are actions after all when followed by these ("reached out", "looked into").
ACTION_AFTER_STATE = {
    "reached": _words("out"), "got": _words("together everyone it on"), "looked": _words("into at"),
    "kept": _words("a track an notes"), "used": _words("the a it"), "managed": _words("to the"),
    "did": _words("a the an it some all what"), "do": _words("a the an"), "had": _words("to"),
    "have": _words("to"), "started": _words("a the by using doing calling running with"),
}
OUTCOME_AFTER_TRY = _words("hit meet reach get achieve keep win finish save make avoid stay "
                           "survive break")
OUTCOME_OBJECTS = _words("deadline target targets goal numbers cut budget sla quota mark cutoff "
                         "cut-off date")
IRREGULAR_PAST = _words(
    """did made took built ran went put set got sent found wrote held met cut brought kept led sat
    spent tore drew gave began rang thought shut split spread stood rebuilt rewrote re-ran
    redid rode drove flew fought dug"""
)
HABITUAL = _words("usually normally typically always generally often tend tended only")
# The speaker's own part named: "I took the database", "my role was", "with me doing".
I_OWN_PART = re.compile(
    r"\b(?:i|i've|i'd)(?: \w+ly| also| then| myself)? (?!think\b|thought\b|guess\b|mean\b|"
    r"believe\b|suppose\b|remember\b|recall\b|know\b|feel\b|felt\b|reckon\b|hope\b|imagine\b|"
    r"would say\b|'d say\b|was\b|am\b|'m\b|were\b|had\b|have\b|'ve\b|'d\b|learned\b|learnt\b|"
    r"realised\b|realized\b|saw\b|noticed\b|knew\b|wish\b|say\b|said\b)\w+"
    r"|\bmy (?:part|role|job|piece|bit|contribution|responsibility|task|side|share|end|focus)\b"
    r"|\bwith me (?:doing|handling|leading|taking|running|on|as|in charge|owning|writing)\b"
    r"|\bme (?:doing|handling|leading|taking|running|writing|owning)\b|\bi personally\b"
    r"|\bi (?:was|am) (?:the (?:one|person|lead|owner|main|driver|point)|responsible|in charge)\b"
    r"|\b(?:it was|it's|it is|was) (?:me|i|myself) (?:who|that)\b"
)
