"""Reflection and "we"-action patterns for :mod:`mockinterviewer.coach.detectors`.

Generic vocabulary and stock phrases for lessons anyone could draw, and the verb classes that
separate "we" actions from context and outcomes.
"""

from __future__ import annotations

import re

from mockinterviewer.coach.detector_patterns import words as _words

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
