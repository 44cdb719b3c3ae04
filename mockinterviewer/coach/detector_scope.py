"""Scope-boundary patterns for :mod:`mockinterviewer.coach.detectors`.

The problem lay outside the speaker's remit ("not my trade", "sat with planning, not with us",
"beyond what a temp is paid to do") or the work was self-started ("the ask never came").
"""

from __future__ import annotations

import re

from mockinterviewer.coach.detector_patterns import words as _words

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
    r" (?:up to|for|on|down to|with|under) (?:the |a |an )?[\w -]+?,? not "
    r"(?:with |for |under |on )?"
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

DOUBLE_NEGATION = re.compile(r"\b(?:not|never)\b(?: \w+)?$")
