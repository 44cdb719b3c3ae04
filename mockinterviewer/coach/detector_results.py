"""Lasting-effect patterns for :mod:`mockinterviewer.coach.detectors`.

The result lasted or spread: others adopted it, it entered a handbook or became the standard,
it is still in use, reversal was denied ("never went back"); vetoes for one-offs, lapses,
reversals and past-bounded states ("at the time").
"""

from __future__ import annotations

import re

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
    # "ever since", but not of an origin ("ever since I was a kid", "ever since the start").
    r"\b(?:to this day|"
    r"ever since(?! (?:i|we|he|she|they) (?:was|were)\b| the (?:start|beginning)\b)|"
    r"outlived|outlasted|long after|even after (?:i|we|he|she|they) "
    r"(?:left|moved|went|handed)|after i left|since i left|(?:has|have|had) stayed|stayed (?:in "
    r"place|on|there|put)|(?:remained|remains|stayed|stays) (?:the|our|in place|in use|part|"
    r"standard|unchanged|in the)|for good|from (?:then|that point|that day) on|never went back|"
    r"not looked back|(?:has|have) been (?:used|running|in place|in use|followed|standard)|(?:have|"
    r"has) been (?:using|running|following|doing it) (?:it|that|this|them)? ?(?:ever|since))\b",
    r"\b(?:it|this|that|they|the change|the habit|the practice|the process|the idea|the name|the "
    r"format|the system|the rule|the routine)(?: has)? (?:stuck|sticks|has stuck)\b"
    r"(?! (?:in|with|on|at|to|around)\b)",
    r"\b(?:permanent(?:ly)?|standing|fixed|recurring) (?:part|fixture|change|feature|rule|process|"
    r"practice|addition|standard|item|step|policy|home|place|agenda|slot|section)\b"
    r"|\b(?:made|became|become|is now) (?:it )?permanent\b",
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
    r"\b(?:seen|heard of|spotted|found|noticed) (?:it|them|my|our|the [\w-]+) (?:[\w-]+ )?"
    r"(?:being )?"
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
    # a habit the group now keeps: "we now keep a paper backup kit", "the ward still uses it"
    r"\b(?:we|they|everyone|everybody|(?:the|our|every|each|all) (?:[\w-]+ )?(?:team|teams|store|"
    r"stores|ward|wards|shop|shops|site|sites|branch|branches|unit|crew|office|company|school|"
    r"kitchen|depot|warehouse|clinic|department|staff|shift|shifts|manager|managers)) "
    r"(?:now|still) (?:keeps?|uses?|runs?|checks?|holds?|follows?|sends?|starts?|books?|prints?|"
    r"reviews?|carr(?:y|ies)|trains?|asks?|opens?|logs?|tracks?)\b",
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
    # what persists is the trouble, not the fix: "we still have the same problem every winter",
    # "the warehouse still loses pallets", "it is still a mess on weekends"
    r"|\bstill (?:[\w'-]+ ){0,3}?(?:problems?|issues?|troubles?|complaints?|a mess|a pain|"
    r"a nightmare|headaches?|backlogs?|errors|mistakes|the old way|late)\b"
    r"|\bstill (?:lose|loses|losing|complain|complains|complaining|miss|misses|missing|forget|"
    r"forgets|forgetting|struggle|moan|moans|grumble|grumbles|argue|argues|break down|run late|"
    r"runs late|running late|goes wrong|go wrong)\b"
)

PASSIVE_BEFORE = re.compile(r"\b(?:been|was|were|got|is|are|being|gets) (?:\w+ )?$")
