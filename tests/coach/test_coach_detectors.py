"""Tests for :mod:`mockinterviewer.coach.detectors`.

The sentences below are written for these tests (not taken from the development corpus), across
many jobs - nursing, retail, warehousing, the military, teaching, software, sales, hospitality,
law, finance, farming, charities - and speaking styles (hedged, disfluent, non-native). Each check
has positives and hard negatives; most negatives reuse the positives' words with the meaning
flipped, so that the rules are tested on who acts, who receives, negation and context rather than
on vocabulary.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from mockinterviewer.coach import detectors, reflection_model
from mockinterviewer.coach.detectors import (
    evaluate_file,
    is_assigned,
    is_generic_reflection,
    is_quantified,
    is_we_action,
    states_lasting_effect,
    states_scope_boundary,
)

CORPUS = Path(__file__).resolve().parents[2] / "mockinterviewer" / "coach" / "corpus"
DEV_FILE = CORPUS / "findings-dev.jsonl"
DEV2_FILE = CORPUS / "findings-dev2.jsonl"


def _lines(block: str) -> list[str]:
    """One sentence a line; an indented line continues the sentence above it."""
    out: list[str] = []
    for line in block.strip("\n").splitlines():
        if line[:1].isspace() and out:
            out[-1] += " " + line.strip()
        elif line.strip():
            out.append(line.strip())
    return out


# Someone else hands the work to the speaker: active, passive, reported speech, idioms.
ASSIGNED_YES = _lines("""
The head chef handed me the allergen audit the week before the inspection.
My platoon commander ordered me to take charge of the vehicle checks.
I was asked by the ward manager to rewrite the falls-risk protocol.
Our area manager wanted me to sort out the till discrepancies.
The deputy head put me in charge of the Year 7 transition days.
I got assigned the flaky checkout tests after the sprint planning.
The account director passed the renewal over to me when Tom left.
My supervisor said the forklift training rota was on me from now on.
I was drafted in to fix the pallet labelling mess.
So the clinic lead goes, you're running the flu clinic this year.
The customer specifically requested that I handle their warranty claim.
My team lead dumped the migration on my plate two days before the release.
Head office nominated me as the store's compliance champion.
The partner at the firm entrusted me with the year-end audit for our biggest client.
The dispatcher gave me the overnight routes to redesign.
I was made responsible for the stock reconciliation at the depot.
The sales director tasked me with rebuilding the pipeline report.
Our matron picked me to lead the infection-control refresher.
My CO detailed me to run the range day.
Eventually the escalation got routed to me by the service desk manager.
The principal asked me to take over the timetabling from the deputy.
I'd been handed responsibility for onboarding the new drivers.
The product owner assigned the pricing bug to me.
My manager told me I would be leading the stocktake this year.
The logistics coordinator put me on the returns backlog for the week.
A patient's family asked me to chase the discharge paperwork, so I took it on.
It fell on me to organise the audit after my supervisor went off sick.
The client's CFO wanted me to own the reporting workstream.
I was appointed as the fire warden for the third floor.
Our director brought me in to turn around the underperforming branch.
The site foreman gave me the snagging list for the east block.
My editor assigned me the council budget story.
I got lumbered with the quarterly compliance return.
The duty manager asked if I could cover the night audit, so I did.
Um, so my boss was like, you're doing the supplier review, okay?
Our head of HR made me the point of contact for the restructure.
The bank's risk committee selected me to lead the remediation.
The pharmacist in charge asked me to reconcile the controlled drugs register.
It came to me from the operations director after the last analyst quit.
The producer threw the reshoot schedule at me on the Monday.
The call centre manager wanted me to look into the abandoned calls.
My line manager set me the task of cutting our agency spend.
The farm manager left me in charge of lambing while he was away.
I got pulled onto the incident by the head of engineering.
The senior partner told me to prepare the disclosure bundle.
My social work team manager allocated me the Henderson case.
The captain asked me to work out why the turnaround kept slipping.
I was tasked to reduce the no-show rate at the clinic.
The director of nursing got me to run the staffing review.
The airline's ops controller handed the delay investigation to me.
When the regional lead went on maternity leave, her caseload was reassigned to me.
My gaffer told me to get the scaffold inspection sorted before Friday.
I ended up being given the grant application because I'd written the last one.
Our practice manager asked me to take the lead on the CQC preparation.
The senior buyer handed me the packaging tender.
The quartermaster made me responsible for the ammunition count.
The client's IT lead wanted me specifically to do the data migration.
I was put on the complaints backlog by my team leader.
My professor gave me the literature review to coordinate for the group.
The store manager said I'd be running the Christmas rota.
Customer services passed the complaint down to me because I'd handled the original order.
The hospital's chief pharmacist selected me to run the antibiotic stewardship audit.
I got asked by my shift supervisor to retrain the new pickers.
The editor-in-chief put me in charge of the election night coverage.
The landlord asked our agency to fix the damp and my boss assigned it to me.
Boss gave it to me.
My supervisor, he give me this job to fix the scanner problem.
So, uh, the ops manager kind of pointed at me and said, right, you own this now.
Leadership decided I'd be the one to run the vendor consolidation.
I was the person they chose to represent our ward on the steering group.
The head teacher asked would I mind organising sports day, so that became mine.
After the audit, the compliance officer made it my job to fix the gaps.
My sergeant major gave me the task of sorting out the stores.
The job landed with me after the contractor walked off site.
They brought me in as interim manager to stabilise the branch.
The client insisted that I lead the workshop.
The matron wanted me on the sepsis project.
I was assigned a mentor and a project on my first day.
I was handed the keys to the new site and told to get it open by Monday.
I was told to get the backlog under control.
I was asked to step in as acting manager.
I was put on the night audit project.
I was made acting head of department.
The client rang and asked for me to handle the complaint personally.
My manager volunteered me for the audit.
I was pulled off my usual work to handle the recall.
The shift lead said to me, can you take the returns today?
Head office wanted someone from our store and my manager put my name forward.
Our CEO personally asked me to lead the turnaround.
My manager asked me to own the stock-take.
The night sister gave me the job of checking the controlled drugs.
It was handed to me by the outgoing supervisor.
The client asked that I run their onboarding personally.
I was tasked with cleaning up the supplier data.
My CO put me in charge of the convoy.
The principal made me head of year.
The job was dumped on me on a Friday afternoon.
My team lead delegated the release notes to me.
The owner asked me to look after the accounts while she was away.
Our FD handed the audit prep over to me in my second month.
The squadron leader tasked our flight, and specifically me, with the hangar reorganisation.
When the partner went on sabbatical, the Harrison account was passed on to me.
My line manager nominated me to run the apprenticeship scheme.
The GP practice manager told me she needed me to sort out the repeat prescriptions backlog.
I was seconded to the payroll team to fix their month-end process.
The charity's CEO asked me to take charge of the volunteer onboarding.
Basically my team leader just goes, 'the migration's yours,' and walks off.
I got handed a failing project with two weeks to go.
HR asked me to investigate the grievance.
Our head chef put me on pastry for the whole season.
The superintendent gave me responsibility for the custody suite rota.
""")
# The speaker assigns others, gifts and permissions, questions, courtesies, negation.
ASSIGNED_NO = _lines("""
I handed the allergen audit to the sous chef.
My platoon commander gave me permission to rest the section.
I asked the ward manager whether I could rewrite the protocol.
Our area manager asked me how the till counts looked.
The deputy head gave me a lot of praise after the transition days.
I assigned the flaky checkout tests to our new graduate.
Nobody handed me the renewal; I just noticed it was about to lapse.
My supervisor told me the forklift was out of service.
I was never asked to fix the labelling, I just did it.
The clinic lead asked me what I thought of the new rota.
The customer asked me where the warranty forms were.
I put the migration on Priya's plate since she knew the schema.
Head office sent all stores a memo about the new uniforms.
The partner gave me a lift to the client site.
The dispatcher gave me the all-clear to leave the yard.
I made myself responsible for the reconciliation because nobody else would.
The sales director approved the budget for the new CRM.
Our matron asked me to sit down for a minute.
My CO told me to stand down for the evening.
The escalation got routed to the night team, not to me.
I asked the principal for the timetabling job and she said no.
I delegated responsibility for onboarding to the senior driver.
The product owner thanked me for the pricing fix.
My manager told me I had done well on the stocktake.
I put the returns backlog on the agenda for the morning meeting.
A patient's family asked me a question about visiting hours.
I volunteered to organise the audit before anyone asked.
The client gave us the green light to start the reporting work.
I was going to appoint a fire warden but the building manager did it.
Our director was given the branch turnaround by the board.
The site foreman gave me a hard hat and showed me around.
My editor gave me feedback on the council budget story.
I passed the compliance return to the finance team.
The duty manager asked if I could swap shifts, but I said no.
My boss said, you did a great job with the supplier review.
I made Sam the point of contact for the restructure.
The bank's risk committee signed off the remediation plan.
I asked the pharmacist in charge to check the register.
The operations director came to me with a question about the forecast.
The producer gave me a day off after the reshoot.
The call centre manager told me the abandoned-call rate was rising.
I set my team the task of cutting agency spend.
The farm manager asked me how lambing was going.
No one pulled me onto the incident; I joined because I saw the alert.
The senior partner told me not to worry about the bundle.
The Henderson case was allocated to my colleague.
The captain asked us to fasten our seatbelts.
I tasked two juniors with the no-show analysis.
The director of nursing thanked me for the staffing review.
The ops controller handed the investigation to the safety team.
When the regional lead went on maternity leave, I offered to take her caseload.
My gaffer told me the scaffold had passed inspection.
I gave the grant application to my colleague to proofread.
Our practice manager asked me what time the CQC inspectors would arrive.
The senior buyer handed me a folder of old invoices to look through for a receipt she'd lost, and I
    found it.
The quartermaster gave me a new rifle sling.
The client's IT lead asked me whether the migration was on track.
I put the complaints backlog on the team's board so everyone could see it.
My professor gave me a good mark for the literature review.
The store manager said the Christmas rota looked fine.
Customer services passed the complaint to the warehouse.
I selected two pharmacists to run the audit with me.
I asked my shift supervisor if I could retrain the new pickers, but it wasn't approved.
The editor-in-chief approved my pitch for the election coverage.
I assigned the damp repair to our contractor.
I gave it to my boss.
My supervisor gave me his phone number in case of emergencies.
The ops manager pointed at the chart and said the numbers were wrong.
Leadership decided to delay the vendor consolidation.
I was the person who chose the steering group members.
The head teacher asked whether sports day was still on.
The compliance officer told me the audit had gone well.
My sergeant major gave me a telling-off for being late.
The job landed with the contractor's second team.
They brought in a consultant to stabilise the branch.
The client asked for a copy of the workshop slides.
I wanted to be on the sepsis project, so I asked the matron.
I was assigned a parking space near the entrance.
I was given a new laptop on my first day.
I was told the meeting was cancelled.
I was asked a question I couldn't answer.
I was asked for my opinion on the layout.
I was made redundant the following spring.
I was made aware of the problem by a customer.
I was called into a meeting with HR.
I was sent home early because it was quiet.
I was chosen for an award at the end of the year.
I was asked to leave the room while they discussed it.
I was put through to the manager after twenty minutes on hold.
I was left out of the planning meeting.
I was handed a written warning.
My manager asked me to take a seat.
The customer told me to have a nice day.
The team lead asked me how I'd approach it.
My boss asked me to think about it over the weekend.
I was given the chance to shadow a senior nurse.
My manager told me to take the afternoon off.
I asked my manager to own the stock-take.
I gave the night sister the job of checking the controlled drugs.
I handed it to the incoming supervisor.
The client asked that the onboarding be finished by June.
I tasked Jo with cleaning up the supplier data.
I put myself in charge of the convoy.
The principal made me a cup of tea.
The job was dumped on the night shift.
I delegated the release notes to my junior.
The owner asked me about the accounts.
Our FD handed the audit prep over to the external accountants.
The squadron leader thanked our flight for the hangar reorganisation.
When the partner went on sabbatical, I asked to take the Harrison account.
My line manager nominated me for employee of the month.
The practice manager told me she was leaving.
I was seconded for six months and then came back.
The charity's CEO asked me how the volunteers were getting on.
My team leader said the migration looked good.
I got handed my P45 on the Friday.
HR asked me to sign my new contract.
Our head chef put the pastry section under a new sous chef.
The superintendent gave me a commendation for the custody suite rota.
""")

# Another team's system, not my job, self-started, own time, no mandate.
SCOPE_YES = _lines("""
Strictly speaking the pharmacy owns the drug fridge, so it wasn't my area to fix.
Nobody had asked me to look at the fuel logs; I was curious.
The booking engine belonged to the web team, not us.
I rebuilt the tracker on my own time over a couple of weekends.
It was really facilities' responsibility, not mine, but the leak was getting worse.
I'm a teaching assistant, not a teacher, so the seating plan wasn't my decision.
Technically payroll sits with HR; I'm in operations.
That wasn't part of my role as a driver.
It was well outside my remit as a junior analyst.
I did it off the clock because nobody else would.
It sat with a different department entirely.
No one had assigned it to anyone, it just sat in the queue.
I had no say over the vendor contract, it was procurement's call.
I took it on without being asked.
It was the day shift's problem really, not ours.
That platform is run by the central data team, and I was on the mobile squad.
I wasn't responsible for the loading bay at all.
The audit tool wasn't mine to change, it belonged to compliance.
It was a pet project I worked on in the evenings.
Beyond my pay grade, honestly, but someone had to raise it.
We don't own the upstream API; it's maintained by the payments group.
It was none of my concern as a receptionist, but patients kept complaining.
The issue was with the night porters, which isn't my team.
I had zero authority over the warehouse layout.
I was covering for a colleague in another branch, so it wasn't my store.
Reception isn't really my department, I'm a care assistant, but the phones were ringing off the
    hook.
The contract was legal's territory, not something a junior buyer should touch.
I fixed it during my lunch hour, since nobody had raised a ticket.
The booking system was the venue's, not the agency's.
None of it was my responsibility as the sound technician.
Officially the rota belonged to the deputy manager.
It was an HR process, and I work in finance.
I did it in my spare time because it annoyed me.
Nobody had put it on anyone's list.
I had no remit over the kitchen, I'm front of house.
I started the analysis off my own back.
That was the council's job, strictly, not the charity's.
It was outside our team's scope, but I picked it up anyway.
I wasn't part of the project team at all.
The CRM was managed by the marketing ops team, so technically I shouldn't have been editing it.
The damp was the landlord's responsibility, not the agency's.
Strictly, the scaffold inspection was the principal contractor's job, not ours.
I'm a buyer, and the packaging spec belonged to the design team.
Nobody expected a junior pharmacist to audit prescribing.
The complaints backlog wasn't in my team's remit; we only handle new orders.
It was a finance system, but I'm in logistics.
I worked on it in my own time because I cared about the outcome.
Officially nobody owned the shared drive.
It wasn't on my list of duties, but the kids needed it.
As a volunteer, I had no formal responsibility for the budget.
It was the suppliers' system and we had no access to change it.
That was really a job for the estates team, not a ward nurse.
That wasn't my department, I'm in dispatch.
Honestly the scanners are an IT thing, not a warehouse thing.
My contract was for cleaning, not for stock control.
I'm not a manager, so I wasn't really supposed to change the rota.
I was a temp, and it was a permanent staff issue.
I took it on myself even though it belonged to another unit.
No one had asked a volunteer to redo the website.
It was up to the landlord, not us, to fix the boiler.
The fault was in the bank's system, which we couldn't touch.
Nobody's job, everybody's problem, so I picked it up.
That was corporate's decision, not something I could change, but I pushed for it anyway.
Even though it wasn't my project, I stayed to help.
It was someone else's code, but it was breaking our build.
It had nothing to do with my role.
I had no business being in that meeting, honestly.
I didn't have to do it; nobody would have noticed.
Stock control wasn't part of my job, I was just a cashier.
That system belonged to another department.
I did it on my day off.
It was outside my area of responsibility.
Nobody asked me to, I just started doing it.
It wasn't in my remit, but nobody else was going to fix it.
The database was run by the central IT team, not by us.
That was the supplier's problem, not ours.
It was really an accounts payable issue and I was in accounts receivable.
I'm a paralegal, so strictly speaking client billing wasn't mine to touch.
The hangar wasn't our squadron's, it belonged to the maintenance wing.
I only did it because nobody else had picked it up, and it wasn't in my job description.
It was the kitchen porter's job really, but he'd gone home.
I built the tracker outside work hours.
The custody suite rota was a sergeant's responsibility, not a constable's.
I had no official role in the apprenticeship scheme.
""")
# Mentions of other teams, the speaker's own duties, negations that are not boundaries.
SCOPE_NO = _lines("""
I phoned the pharmacy to check the fridge temperature.
My manager asked me to look at the fuel logs.
I used the web team's booking engine to test the change.
It was my responsibility to keep the tracker up to date.
Facilities came out the same afternoon and fixed the leak.
As the class teacher, the seating plan was my decision.
I met with HR to go through the payroll changes.
Part of my role as a driver is checking the tyres every morning.
It was squarely within my remit as the analyst on the account.
I stayed late to finish it because it was due the next day.
The other department sent us their figures on Friday.
It was assigned to me as part of the sprint.
I negotiated the vendor contract as part of my procurement role.
I was asked to take it on by my line manager.
The day shift handed over to us at seven.
I integrated our app with the central data team's platform.
I was responsible for the loading bay on nights.
Compliance reviewed the audit tool changes and approved them.
It was a project I was assigned in my first month.
It was my call as the duty manager.
The payments group maintains the upstream API and they answered my questions quickly.
As the receptionist, handling patient complaints is my job.
I work closely with the night porters.
I had full authority over the warehouse layout.
I was the branch manager, so the store was my responsibility.
I'm a care assistant and reception cover is one of my duties.
I checked the contract with legal before signing.
I raised a ticket and fixed it during my shift.
The venue's booking system crashed on the Friday.
As the sound technician, the mixing desk was my responsibility.
The deputy manager wrote the rota and I checked it.
HR sent me the new process to follow.
I spent my time on the most urgent orders first.
It was top of my list that week.
I ran front of house and the kitchen reported to me.
My manager put it on my list for the quarter.
The council and the charity worked together on the scheme.
It was in our team's scope, so I picked it up.
I was part of the project team from the start.
The marketing ops team manages the CRM and gave me edit access for the campaign.
The landlord fixed the damp after we reported it.
I booked the scaffold inspection with the principal contractor.
The design team sent me the packaging spec.
I audited the prescribing as part of my pharmacy role.
My team handles the complaints backlog.
I logged into the finance system to check the invoice.
I worked on it after hours because the deadline was tight and it was my project.
I own the shared drive and its permissions.
Reading with the kids was one of my duties.
As treasurer, the budget was my responsibility.
The suppliers' system sent us a daily file.
The estates team came and fixed the heating.
My department handles dispatch and returns.
The IT team fixed the scanners the next day.
My contract covered cleaning and basic stock control.
As a manager, changing the rota was up to me.
I was a temp at the time, so I learned a lot.
I took it on myself because it was my unit's problem.
The volunteers redid the website over a weekend.
I reported the boiler to the landlord.
The bank's system was slow that day.
It was my job, so I picked it up.
I didn't know the answer, so I asked my supervisor.
That was not my best day.
I wasn't sure how to start.
Nobody knew why the orders were late.
I had no idea the system was that old.
There was no process for handling returns.
I had no time to waste.
The other team's code was well documented.
It wasn't easy, but I finished it.
Nobody was hurt in the incident.
I'm a nurse on the surgical ward.
We don't own a van, so we hire one.
There was no budget for overtime.
I couldn't access the building because of the strike.
Stock control was part of my job as a cashier.
That system belonged to our department.
I did it on my first day.
It was within my area of responsibility.
My manager asked me to, so I started doing it.
It was in my remit, so I fixed it.
The database was run by us, so I changed it.
That was our problem, so I fixed it.
Accounts payable and I agreed a new process.
As a paralegal, client billing was part of my job.
The hangar was our squadron's responsibility.
It was in my job description, so I picked it up.
The kitchen porter did his job really well that night.
I built the tracker during my normal shift.
I wrote the custody suite rota as the duty sergeant.
I had the official role of apprenticeship lead.
""")

# Adopted by others, made standard or policy, still in use, rolled out wider.
LASTING_YES = _lines("""
The triage board is still used on the ward eighteen months later.
Three other depots copied the route plan after seeing our numbers.
The checklist became part of the standard pre-flight brief.
They rolled the new till process out across the whole chain.
The school made the reading log mandatory for every year group.
My test harness is now the default for every new service in the org.
Other nurses started using the handover template without being asked.
It was written into the trust's discharge policy.
Every new recruit now gets the safety walk on their first day.
The regiment adopted our vehicle checklist for all its squadrons.
The scheduling script has been running untouched since 2021.
What began as a one-aisle trial is now how the whole warehouse works.
The format was picked up by the other regional teams and is used nationally now.
It's been part of the induction pack ever since.
The sales team kept using the pricing calculator long after I moved roles.
The client made our escalation matrix their company standard.
Even now, two years on, they still run the weekly quality huddle.
The department incorporated my lesson plans into the scheme of work.
The fix was baked into the build pipeline so it can't regress.
It spread across the district and became the norm.
The bar adopted my stock-take sheet as its official template.
It's now in the employee handbook.
Since then every site visit starts with that safety brief.
All the newer buyers follow my supplier scorecard now.
The charity still uses my volunteer rota three years later.
The tagging scheme I proposed was rolled out to every newsroom in the group.
It became standard practice across the pharmacy chain.
The change stuck, and nobody has asked to go back.
Other farms in the co-op borrowed the lambing board idea.
The bank made the reconciliation check a mandatory control.
The runbook I wrote is the one the on-call team uses today.
Um, it kind of became the way everyone does handovers on that unit.
The film's post team reused the schedule for the sequel.
Our call scripts were later copied by the Leeds and Cardiff centres.
It's part of the annual audit now.
The wholesaler liked the new pallet labels so much they asked all their suppliers to use them.
Three years later the foundation still funds the programme on the same model.
Our shift handover card was adopted trust-wide in 2022.
The new cleaning schedule is on the wall in every kitchen in the group now.
Other sergeants asked for the briefing pack, and it's now issued to every new section commander.
The layout I designed has been copied in eleven stores.
The law firm now uses my clause library for every commercial lease.
My script got merged into the main repo and runs in every nightly build.
Since that term, the whole department marks coursework with the same rubric.
The pop-up clinic became a permanent weekly service.
The charity's other shops followed our lead.
The approach was written up as a case study and taught on the regional leadership course.
Four years on, the rota template is unchanged.
It went from my little spreadsheet to the tool the whole region uses.
The next cohort of nurses was trained on my checklist too.
Now it's policy that every delivery gets photographed.
The idea spread, and by the end of the year most branches had their own version.
The other drivers started doing the same walkaround check.
The handover became a fixed part of the shift.
Corporate picked it up and made it part of the store standards.
My colleagues still ask for the template for new projects.
The checklist outlasted three managers.
The form is still in use today.
Now all new starters do the same induction.
It's been the standard ever since.
The new process is still running today.
The other wards copied it.
It became the standard for the whole site.
It's now part of every new starter's training.
We rolled it out to all twelve branches.
Years later, people still talk about it and use the template.
The payroll checklist I made is still what they run at month-end.
My onboarding pack was picked up by head office and sent to every branch.
The rota model is now used by all four custody suites.
The tasting-menu format I started has carried on for three seasons.
It was formalised as part of the firm's matter-opening procedure.
Every squadron in the wing now follows the same hangar layout.
The volunteer induction I wrote became the charity's standard induction.
They still do the Monday huddle, even though I left two years ago.
""")
# One-off outcomes, reversals, plans that never happened, 'still' without use.
LASTING_NO = _lines("""
The triage board helped us get through a busy weekend.
The route plan saved a lot of fuel that month.
The pilot went well but they decided not to continue it.
We trialled the new till process for a week and then went back to the old one.
The reading log was a nice idea but only lasted a term.
My test harness caught three bugs before the release.
I started using a handover template for my own patients.
The policy review meeting went well.
The recruit passed the safety walk on her first day.
The regiment praised our vehicle checklist in the debrief.
The scheduling script ran once to clear the backlog.
The trial aisle was put back to normal after the sale.
The other regional teams were shown the format but nobody picked it up.
The induction went smoothly.
The sales team hit their target that quarter.
The client was happy with our escalation on that ticket.
We held a quality huddle that week to get on top of the defects.
My lesson plans went down well with the class.
The fix went out in the next build.
The manager said it could become the norm, but it never did.
The bar had its best stock-take result that month.
The handbook was out of date when I started.
The site visit went well.
The buyers liked my supplier scorecard.
The charity thanked me for the volunteer rota.
The tagging scheme was tested in one newsroom and then dropped.
We got through the pharmacy inspection with no issues.
Nobody complained after the change.
Other farms in the co-op had heard about our lambing problems.
The bank fixed the reconciliation error before month end.
The runbook helped me handle that night's outage.
It was the best handover we'd had on that unit.
The sequel was delayed by a year.
The Leeds centre had a bad week too.
The annual audit found nothing.
The wholesaler liked the new pallet labels.
The foundation funded the programme for one year.
Our shift handover card went down well with the night staff.
The new cleaning schedule was hard to stick to at first.
The sergeants thanked me for the briefing pack.
The layout I designed increased sales in that store.
The law firm paid the invoice the next week.
My script got the migration done overnight.
That term, the department got its best moderation results.
The pop-up clinic was a one-off for flu season.
The charity's other shops had a tough year.
I wrote the approach up for my own notes.
The rota template worked well for that month.
My spreadsheet helped the region hit its target.
The nurses liked my checklist.
Every delivery that day was photographed.
The idea was discussed at the regional meeting but went nowhere.
The other drivers were impressed by the walkaround check.
The handover was smoother that shift.
Corporate praised the store for its standards.
My colleagues asked for help with their own projects.
The checklist was replaced when the new manager arrived.
Now I understand why the orders were late.
Every order went out on time that week.
All the stores were closed on Boxing Day.
The whole team was relieved.
We still had problems with the scanners.
The manager still wasn't convinced.
The customers are still waiting for a refund.
It still took three days to fix.
Everyone used the new system during the trial.
I still remember how stressful it was.
Since then, I've moved to a different company.
Other teams had the same problem.
All the other stores were using the old tills.
Today, I'm a team lead.
We now had a deadline to meet.
Every week we had the same argument.
The new policy made things harder for everyone.
The new process was running by Friday.
The other wards were busy too.
It became a problem for the whole site.
It was part of my training at the time.
We rolled it out to the first branch as a test and stopped there.
Years later, people still talk about how stressful it was.
The payroll checklist got us through month-end.
My onboarding pack was well received by the new joiners.
The rota model worked for the Christmas period.
The tasting menu sold out on the first night.
The matter was opened on time.
The squadron passed its inspection.
The volunteers enjoyed the induction.
We did a Monday huddle for a few weeks, then it fizzled out.
""")

# Numbers with units, comparisons, percentages, money, halving, rates, counts of outcomes.
QUANTIFIED_YES = _lines("""
Bed turnaround dropped from four hours to ninety minutes.
We cut fuel spend by 8 percent.
Late deliveries fell by roughly a quarter.
It saved about two hundred hours a year of manual keying.
Average handle time went down by 40 seconds.
Sales on the end caps doubled within a month.
Stock accuracy went from 91% to 99.2%.
We recovered nearly £12k in unclaimed credits.
Readmissions were down a fifth by the next audit.
The report that took a whole day now takes an hour.
Complaints went from several a day to one or two a week.
The defect rate is a tenth of what it was.
Ticket backlog shrank from 350 to under 40.
We moved the stock count from quarterly to monthly.
Attendance rose 6 points over the term.
Twelve more students passed the mock than the year before.
Mean time to recovery went from hours to about ten minutes.
Injury reports dropped to zero for the rest of the season.
Fill rate improved to 98.5 percent.
The new layout took 15 minutes off each picker's route.
We closed 320 tickets in the first week.
It halved the time it took to onboard a new driver.
That cut about $30,000 from the annual courier bill.
Response times were three times faster.
Wait times went from an hour to twenty minutes.
Our no-show rate went from 18% to 7%.
Agency spend fell by almost half over two quarters.
We saved roughly forty grand on licences.
The reshoot came in two days under schedule.
The lambing losses were about a third lower than the year before.
Average call wait dropped to under two minutes.
The disclosure bundle was ready a week early.
Footfall was up twelve percent on the previous year.
The remediation cleared 2,400 accounts in a month.
Our turnaround went from forty-five minutes to thirty.
Staff sickness halved after the rota change.
We served three times as many covers on a Saturday.
Processing went from daily batches to real time, and errors went from dozens a week to a handful.
Error rates are now one in a thousand.
The fix brought page weight down by 300 KB.
Dispatch errors dropped from 1 in 50 to 1 in 400.
That freed up roughly a day a week for each nurse.
We brought the build time down to eight minutes.
The campaign raised £45,000, which was double our target.
Churn was cut by around 25%.
Sick days across the team fell from 60 to 22 over the year.
We were turning tables in 45 minutes rather than an hour and a half.
Re-offending in the cohort went down by a third.
Our stock write-offs are now a fraction of a percent.
The process now takes two clicks instead of twelve.
Donations increased by 15 grand in the first quarter.
Average speed to answer improved by 30 seconds.
It cut the wait from a fortnight to three days.
We got the error count down to single digits.
Sales jumped 40 percent.
It reduced the paperwork by about half.
We saved the client roughly 2 million.
Turnover went down from one in three to one in ten.
The line runs at 95% efficiency now, up from 80.
Pick rates went up to 140 an hour.
We went from losing money to a 6% margin.
Admissions rose by a couple of hundred a year.
It took two weeks instead of two months.
We beat the target by 10%.
Costs came down by £500 a month.
We cut the wait from 40 minutes to 15.
It saved us around 3 hours a week.
Errors fell by 60%.
We doubled our output.
It brought costs down by a fifth.
Month-end close went from eight working days to five.
Volunteer drop-out halved in the first year.
We cleared a backlog of 700 repeat prescriptions in ten days.
Cover costs dropped by about £20k a year.
It improved first-time fix rate from 62% to 81%.
The turnaround on billing queries fell to under 48 hours.
Food waste was down roughly a quarter by the end of the season.
We got 14 apprentices through their qualifications, up from 6.
""")
# Labels, versions, dates, times of day, ordinals, team sizes, background durations.
QUANTIFIED_NO = _lines("""
I was working on the M25 project at the time.
We were on Ward 12 that winter.
This was back in 2018.
I moved to Team 3 after the reorg.
My first week was chaotic.
Three of my colleagues were off sick.
We used a two-person check for controlled drugs.
I called them at 8am the next morning.
It was a big improvement for everyone.
We looked at one or two alternatives.
I was promoted to Grade 7.
The A380 was grounded so we rerouted the freight.
I run a five-a-side team on weekends.
The whole thing was a lot smoother afterwards.
We followed the 4-eyes principle for payments.
It was the second time that had happened.
We used the top 5 risks list in every review.
I took the 6 Sigma course that year.
One morning the scanner just stopped working.
Our store was number 1 in the region for footfall.
The team was much happier afterwards.
I had a quick one-to-one with each picker.
I work on the 24-hour help desk.
There were a million emails about it.
We were based in Building 40.
I was on the 747 fleet at the time.
My editor gave me the page 3 story.
It was my second year in the role.
We worked in two teams on the problem.
I have a Level 4 diploma in care.
Number 10 announced the policy on a Tuesday.
The meeting was at 3 o'clock.
I sat down one-on-one with the chef.
The numbers looked a lot better afterwards.
I started in 2015 as a trainee.
We had a couple of ideas to test.
It was the first of many improvements.
I was part of a six-person pod.
Two weeks later I moved to the Manchester office.
I used the 5S method to organise the workshop.
I was on the 12-hour night rota.
We sat in Room 101 for the whole morning.
It was in 2020, during the first lockdown.
I was one of three nurses on shift.
We ran the 10k charity race as a team event.
I work at the Route 9 depot.
The issue came up in our Q4 review.
I took the PRINCE2 exam that spring.
My seventh-grade class was the hardest.
We used a three-step escalation process.
It made a massive difference to the team.
The forklift was a Toyota 8FBE.
I was the second person hired.
We had an 8-week deadline.
There were three of us on nights.
It was a massive relief for everyone.
I was in Zone 4 that week.
I started at 6 on Monday.
I got a 2:1 in my degree.
We used the 3 Cs framework.
The warehouse was in Unit 7.
One of the drivers noticed it first.
I have five years of experience in retail.
I worked there for three years.
I manage a team of eight.
It was a two-week project.
I spoke to five customers that morning.
We had 200 stores at the time.
I was 19 when I started.
There were 30 people in the meeting.
I had two options.
The first thing I did was call the supplier.
It was one of the hardest weeks of my life.
The project lasted six months.
I gave it 100%.
We cut the ribbon at 3pm.
It saved us from a lot of trouble.
Errors fell through the cracks.
We double-checked our output.
It was the fifth time that year.
I'd been at the firm for six years.
The custody suite has 24 cells.
I was one of two paralegals on the matter.
We were in Hangar 3.
I did my Level 3 in hospitality.
The kitchen has 40 covers.
The charity was founded in 1998.
I spent my first week shadowing.
""")

# Lessons anyone could draw from any story.
GENERIC_YES = _lines("""
I learned that teamwork makes the dream work.
It taught me to always keep an open mind.
The main lesson was that honesty is the best policy.
I realised how much I enjoy solving problems.
Looking back, I'd communicate more with everyone involved.
It showed me that preparation is everything.
I've become much better at handling difficult conversations.
I learned to trust my team more.
The takeaway for me is that you should never stop learning.
It reminded me that hard work always pays off.
I think I learned to be a better leader.
Going forward I will ask more questions early on.
It made me appreciate the value of good relationships.
I learned that it's okay to make mistakes as long as you learn from them.
The experience helped me grow in confidence.
It reinforced that you need to be organised and focused.
I'd say the lesson is to stay positive whatever happens.
I learned that delegating is important.
Next time, I would involve stakeholders sooner.
It taught me the importance of following up.
I learned that you have to adapt to whatever comes your way.
It taught me that listening is just as important as talking.
The lesson there was about being humble.
Looking back, I would have asked for help sooner.
I think it made me more resilient as a professional.
My biggest takeaway is to always put people first.
I learned the value of building strong relationships.
It showed me that leadership means setting an example.
The experience taught me to stay focused on the goal.
I realised I need to delegate more and trust others.
I learned that no problem is too big if you break it down.
Going forward I'll try to be more proactive about risks.
It was a real eye-opener about how important culture is.
It taught me to expect the unexpected.
I'd say the key lesson was patience.
I learned that you can't please everyone.
The lesson was to pick your battles.
It taught me to be more assertive.
I realised that I work best under pressure.
My takeaway is that small wins build momentum.
It reminded me why I love this job.
I've learned to look at problems from different angles.
Next time I'd plan more carefully and set clearer expectations.
I learned that it pays to be persistent.
It taught me to take a step back and see the bigger picture.
I learned that honesty builds trust with customers.
I realised the importance of asking the right questions.
Always double-check your work.
Teamwork is everything.
I learned I should speak up more.
I guess I learned to be patient and not rush.
The lesson is: never assume.
It taught me resilience and how to stay positive.
I realised that leadership isn't about titles.
I learned that every challenge is an opportunity.
I'd be more confident next time.
It taught me to be a better communicator.
I learned that people will rise to the occasion if you trust them.
It taught me that persistence beats talent.
The lesson was that you can't do everything yourself.
I realised that good leaders listen more than they talk.
Going forward, I'll always make time for my team.
I learned to keep my cool even when things go wrong.
""")
# Lessons naming something concrete from the story, or a concrete change.
GENERIC_NO = _lines("""
I learned that the night porters only check the bay at midnight, so I moved the collection to 11pm.
Now I always confirm the driver's tachograph hours before assigning a second drop.
What I took away is that parents read the school app, not email, so I post updates there now.
I realised the till discrepancies came from the refund button, so I asked IT to add a confirmation
    step.
Next time I'd book the crane two weeks earlier, since the hire company runs short in spring.
The lesson was that our Jira filters hid unassigned bugs, so I built a triage view.
I learned that patients on the stroke ward miss meals when physio overruns, so I moved physio to
    after lunch.
Since then I print the picking wave plan for the forklift drivers every morning.
I'd push for a dry run of the payroll export before go-live; the rounding error only showed with
    real data.
It taught me that the supplier's account manager has no authority on price, so I go to their
    commercial lead now.
I realised the Year 10s respond better to worked examples on the whiteboard than worksheets, so I
    changed my starters.
I learned the radio batteries drain in the cold, so we carry spares on winter exercises now.
Going forward I check the customs tariff codes on the first pallet before releasing the container.
The biggest lesson was that the dashboard pulled from a stale replica, so I pointed it at the
    primary.
I now call the care home the day before discharge to confirm they have the medication chart.
I learned that the pricing engine rounds down on multi-buys, and I added a test for it.
What I'd do differently is get the landlord's sign-off on the shelving before ordering it.
I found out most returns came from one courier's depot, so I now review their scans weekly.
I learned that the kitchen porter finishes at nine, so I moved the deep clean to the morning shift.
It taught me to send the venue the dietary list a week ahead, because they needed time to order.
I learned that the lambing shed thermometer reads two degrees high, so I recalibrate it each
    season.
Now I send the disclosure index to the client a day before the bundle goes out.
I realised the venue's Wi-Fi drops after 200 guests, so we hire a backup router for weddings.
The lesson for me was that the CRM sync overwrites manual edits at midnight, so I schedule imports
    after it runs.
I'd ask the producer for the call sheet draft on Wednesday instead of Friday next time.
I learned that agency nurses weren't getting the ward orientation pack, so I now email it with the
    booking.
It taught me to check the sound desk's firmware version before every tour date.
Since then, I reconcile the petty cash on Fridays as well as month-end.
What I took away is that the council only answers Freedom of Information requests by post, so I
    file them on paper now.
I learned that older customers prefer the phone line to the app, so I kept the phone booking slots.
Looking back, I should have tested the lambing board with the night shepherd first; he used a
    different numbering.
It taught me that the abandoned calls spike at 9am when the IVR menu resets, so we changed the menu
    order.
I learned that the pharmacy's fridge alarm doesn't text anyone at weekends, so I added my number to
    it.
I realised our Spanish clients sign contracts by email, so I send a PDF version alongside DocuSign
    now.
The lesson was that the forklift battery swap takes twenty minutes, so I stagger the breaks.
I learned that the scaffold tags expire after seven days, so I check them every Monday now.
It taught me that the grant panel scores the budget section first, so I write it first now.
I realised the pickers ignored the new labels because the font was too small, so we reprinted them
    at 24pt.
Now I ring the GP surgery before discharging anyone on warfarin.
The lesson was that our lease template missed the break clause, so I added it.
Next time I'd get the estates team's sign-off on the ward move before telling patients.
I learned the nightly build runs on a shared runner, so I moved heavy tests to a separate job.
I realised most donations came in after the Thursday newsletter, so I moved appeals to Thursdays.
I learned that customers on the 0800 line hang up after three menu options, so I cut the menu to
    three.
What I'd change is booking the minibus before confirming the trip with parents.
It taught me to photograph every pallet before it leaves the bay, since that's what settles damage
    claims.
I now copy the finance controller into any PO over five thousand.
I learned the boiler only resets from the plant room, so I wrote that on the cover sheet.
Now I always photograph every delivery at the gate.
I realised the rota clashes came from two people editing the same spreadsheet, so I moved it to a
    shared calendar.
The lesson was that the scanners lose their config after a firmware update, so I keep a backup
    profile.
Next time I'd ask for the vendor's API limits before designing the sync.
I learned our Saturday volunteers don't get the weekly email, so I text them instead.
It taught me to check the tachograph card before every run.
I realised the matron wanted the sepsis numbers by ward, so I split the report.
I learned to book the sports hall in September, since the clubs take all the slots by October.
Since then I reconcile the stores ledger weekly instead of monthly.
I learned that payroll cut-off is the 20th, so I now chase timesheets on the 18th.
It taught me to check the custody records against the CCTV log before each shift change.
I realised the volunteers dropped out because the induction was on weekdays, so I moved it to
    Saturdays.
I learned that our kitchen's combi oven runs hot on the left side, so I rotate trays halfway.
Now I book the hangar slot with the maintenance wing a month ahead.
Next time I'd get the client's billing contact on the engagement letter from day one.
""")

# 'We' or 'our team' as the doer of actions.
WE_ACTION_YES = _lines("""
We rebuilt the shift pattern so nobody worked more than three nights in a row.
We phoned every customer on the affected route.
So we set up a shared inbox for all the supplier queries.
We pulled the logs and traced the failures to one load balancer.
Then we reorganised the drug cupboard by frequency of use.
We wrote a new marking scheme and moderated it across the department.
Our team re-ran the cycle counts in every zone.
We rerouted the convoy around the flooded bridge.
We agreed new delivery windows with the three biggest clients.
We sat with the pickers for a day and timed each step.
After that we moved the packing benches next to the dispatch doors.
We designed a new intake form for the clinic.
We ran a pilot on two tills and then rolled it out.
We basically rewrote the whole onboarding deck.
We negotiated a discount with the packaging supplier.
As a group we mapped every handoff between wards.
We cleaned up the product catalogue and removed duplicate SKUs.
We've since automated the weekly stock report.
We got everyone together and walked through the incident.
Together we drafted the new escalation policy.
We walked the site with the client and agreed the snagging priorities.
We called every no-show patient and rebooked them.
So we renegotiated the licences and dropped the unused seats.
We reshot the two scenes on the Thursday.
We built a lambing board in the shed so the night shift could see each ewe's status.
We restructured the call menu and retrained the agents.
Then we reconciled every account against the ledger.
Our team tore out the old shelving and put in racking.
We put together a bundle index and shared it with counsel.
We mapped the agency bookings against the rota gaps.
We switched the reconciliation to a daily check.
We interviewed the volunteers about what put them off.
We organised a tasting for the new menu.
We tested three routers and picked the most stable one.
We redid the floor plan so the tables turned faster.
We stripped the damp plaster and re-rendered the wall.
We drafted a clause library and tested it on three leases.
Together, we redesigned the intake questionnaire.
We set up a buddy system for the new pickers.
So we went round every ward and collected the old forms.
We ran the numbers again with the corrected data.
We launched a Thursday newsletter appeal.
We installed new signage at the entrance.
We met with the landlord and agreed a repair plan.
Then we retrained the call handlers on the shorter menu.
We replaced the old labels across the whole warehouse.
We reached out to the parents and rebooked the trip.
We swapped the old scanners for new ones.
We set the rota up in a shared calendar.
So then we, um, we called the landlord and got an engineer out.
We trained all the volunteers in one evening.
We split the stores into zones and counted them one by one.
Our crew rewired the whole unit in a weekend.
We worked through the weekend to rebuild the stock records.
Me and the team redesigned the walkaround check.
We basically just sat down and rewrote the entire policy.
We reorganised the filing system.
We then held a workshop with the drivers.
We immediately stopped the line and quarantined the batch.
We decided to switch suppliers.
We rewrote the onboarding guide.
We ran a stock count every night for a week.
We reorganised the stockroom so the fast sellers were at the front.
We contacted every supplier.
We pulled every unpaid invoice and chased them by phone.
We moved the induction to Saturdays.
Our squadron cleared the hangar in two days.
We built a shared tracker for repeat prescriptions.
Then we re-costed every dish on the menu.
We ran the new rota in parallel for a month.
""")
# Actions with 'I', 'we' for context or outcomes, 'we' with the speaker's own part named.
WE_ACTION_NO = _lines("""
I rebuilt the shift pattern so nobody worked more than three nights in a row.
We were really stretched that winter.
We had two vacancies on the ward.
We ended the year 4% over target.
We were a small team of three engineers.
We saw a big drop in no-shows.
We'd never had a proper process for returns.
We were told the budget was frozen.
We didn't have access to the vendor's system.
We got a lot of complaints that week.
We lost two big accounts that year.
We knew the audit was coming.
We reworked the rota: I built the spreadsheet and Jo checked it with the staff.
We fixed it, but the part I did was tracing the bug in the pricing service.
We changed the process, and my job was to train the night shift.
We were running out of storage space.
We hit every delivery deadline in December.
We had a tricky relationship with the landlord.
Our team handles all inbound freight for the north.
We finished the term with the best results in years.
I walked the site with the client and agreed the snagging priorities.
We were fully booked every weekend.
We had a huge licence bill.
We were behind schedule by two days.
We lost three ewes that spring.
We were getting hundreds of abandoned calls.
We couldn't reconcile the accounts at first.
Our team was already stretched.
We split it up: I did the index and my colleague did the copies.
We didn't know the agency bookings were wrong.
We moved to a daily check, which I set up and ran myself.
We got a lot of good feedback from the volunteers.
We had a tasting planned for the Friday.
We ended up with a much more stable network.
We were a small restaurant with twelve tables.
I stripped the damp plaster and re-rendered the wall.
We were waiting on the landlord for weeks.
We had no clause library at the time.
We were always short of pickers on Mondays.
We got the go-ahead from the trust.
We saw donations go up straight away.
We are a team of twelve call handlers.
We didn't have budget for new signage.
We ended up with a much better repair plan.
We did it together, but I was the one who wrote the new script.
We received the new labels on Tuesday.
We knew the parents would be upset.
I swapped the old scanners for new ones.
We were a team of five volunteers.
We had lots of old scanners.
We couldn't get an engineer for a week.
We were losing customers to the competitor.
We heard the news on the Monday.
We rewired the unit, and I personally did the distribution board.
We needed a better system.
We got lucky with the weather.
We were already over budget.
We then had a problem with the drivers.
We ended up having to stop the line.
We were asked to switch suppliers.
We've always had issues with that supplier.
We felt really proud of the result.
We could see the queue getting longer.
We learned a lot from it.
We hoped the new system would help.
We managed to hit the deadline.
We should have tested it sooner.
I rewrote the onboarding guide.
We had a stock count every night, which I ran.
We were reorganised into two teams.
We heard from every supplier.
I pulled every unpaid invoice and chased them by phone.
We were short of volunteers on weekdays.
We had a huge prescription backlog.
We knew the menu was too expensive.
We moved the induction, and I redesigned the content myself.
We got through the inspection without any issues.
""")

CASES = {
    "assigned": (ASSIGNED_YES, ASSIGNED_NO),
    "scope_boundary": (SCOPE_YES, SCOPE_NO),
    "lasting_effect": (LASTING_YES, LASTING_NO),
    "quantified": (QUANTIFIED_YES, QUANTIFIED_NO),
    "generic_reflection": (GENERIC_YES, GENERIC_NO),
    "we_action": (WE_ACTION_YES, WE_ACTION_NO),
}
POSITIVES = [(check, text) for check, (yes, _) in CASES.items() for text in yes]
NEGATIVES = [(check, text) for check, (_, no) in CASES.items() for text in no]


@pytest.mark.parametrize(("check", "text"), POSITIVES)
def test_positive(check: str, text: str) -> None:
    assert detectors.CHECKS[check](text) is True


@pytest.mark.parametrize(("check", "text"), NEGATIVES)
def test_hard_negative(check: str, text: str) -> None:
    assert detectors.CHECKS[check](text) is False


def test_public_functions_are_the_checks() -> None:
    assert dict(detectors.CHECKS) == {
        "assigned": is_assigned,
        "scope_boundary": states_scope_boundary,
        "lasting_effect": states_lasting_effect,
        "quantified": is_quantified,
        "generic_reflection": is_generic_reflection,
        "we_action": is_we_action,
    }


@pytest.mark.parametrize(("path", "floor"), [(DEV_FILE, 0.95), (DEV2_FILE, 0.92)])
def test_dev_files_precision_and_recall(path: Path, floor: float) -> None:
    scores = evaluate_file(path)
    assert set(scores) == set(detectors.CHECKS)
    for check, s in scores.items():
        assert s["precision"] >= floor, (path.name, check, s)
        assert s["recall"] >= floor, (path.name, check, s)


# Families added for a second writer's wording (sentences written for these tests).
FAMILY_YES = [
    # assigned: earmark / pencil-in verbs, transfer and dumping verbs, "asked if I'd",
    # reported hand-over formulas, imperatives and requests, "be to", "wanted me leading"
    ("assigned", "Our practice manager earmarked me for the records clean-up before the visit."),
    ("assigned", "The sergeant pencilled me in to run the range day."),
    ("assigned", "The director palmed the supplier renegotiation off onto me and went on leave."),
    ("assigned", "My line manager heaped the whole stock reconciliation on me in my second week."),
    ("assigned", "The foreman passed the snagging list to me and said it was due Monday."),
    ("assigned", "The charity's chair asked whether I'd take over the newsletter for a year."),
    ("assigned", "She rang and said, right, over to you, the launch plan is your baby now."),
    ("assigned", "My manager said, look, I need you to untangle the supplier contracts."),
    ("assigned", "The head of year said, can you run the parents' evening rota this time."),
    ("assigned", "The orders came through on Monday: I was to audit every fire door in the block."),
    ("assigned", "The partner wanted me leading the due-diligence workstream."),
    ("assigned", "The site lead told me the hoist inspections were mine from then on."),
    ("assigned", "The customer asked for me by name when the account came up for renewal."),
    ("assigned", "My boss allotted me the quarterly returns."),
    ("assigned", "I was volunteered, as the saying goes, to organise the staff party."),
    # scope: trades and gigs, "sat with X, not with us", plural possessives, "beyond what a
    # <role> is paid to do", "not what I was employed to do", "my contract did not include",
    # "nobody at <place> had asked", the ask that never came, "a world away from my job"
    ("scope_boundary", "It wasn't my trade, I'm a joiner, but the plumbing was holding us up."),
    ("scope_boundary", "The budget sat firmly with finance, not with us on the floor."),
    ("scope_boundary", "That was the surveyors' call on paper, not the site team's."),
    ("scope_boundary", "It went well beyond what a receptionist is paid to do."),
    ("scope_boundary", "Honestly, it's not what I was employed to do, I was on the tills."),
    ("scope_boundary", "My contract didn't include any of the IT side."),
    ("scope_boundary", "Nobody at head office had ever asked us to track it."),
    ("scope_boundary", "The request never arrived, so I just got on with it."),
    ("scope_boundary", "The payroll system was a world away from my job on the wards."),
    # lasting: into the handbook, formalised, reversal denied, "every term since", "grown
    # since", the speaker's creation still running, seen used by others, "the X-wide way",
    # standing agenda items, demanded everywhere
    ("lasting_effect", "The checklist found its way into the new-starter handbook."),
    ("lasting_effect", "The rota has been formalised, so it survives whoever is in charge."),
    ("lasting_effect", "They've never switched back to the paper forms."),
    ("lasting_effect", "The quiz night has run every term since."),
    ("lasting_effect", "The library still runs the reading club we set up in 2019."),
    ("lasting_effect", "I've seen my template being used by teams in other regions."),
    ("lasting_effect", "The new format became the region-wide way of running huddles."),
    ("lasting_effect", "It's a standing item on the safety meeting agenda."),
    ("lasting_effect", "The area manager now asks for it at every store visit."),
    # quantified: spans of time, approximated fractions, "a grand a month", "a good hour off",
    # number-unit compounds, pence, "hundred-odd", rates per area or shift
    ("quantified", "Turnaround went from days to hours."),
    ("quantified", "Sign-off time came down from a fortnight to a couple of days."),
    ("quantified", "Complaints dropped by something like a third."),
    ("quantified", "Errors fell by nearly three-quarters."),
    ("quantified", "It saved us roughly a grand a month."),
    ("quantified", "It knocked a good hour off the Friday close."),
    ("quantified", "It was a ten-grand contract win."),
    ("quantified", "The price per unit came down by 20p."),
    ("quantified", "The waiting list went from two hundred-odd to under fifty."),
    ("quantified", "Output rose by half a tonne a shift."),
    # generic reflection: stock phrases and "whether you're X or Y" illustrations
    ("generic_reflection", "It taught me to always go the extra mile for the customer."),
    ("generic_reflection",
     "Whether you're stacking shelves or running a hospital, it comes down to listening."),
    ("we_action", "We got on the radio to control and rerouted the convoy."),
    ("lasting_effect", "Ever since, every new starter gets the wipe-down log on day one."),
    # a change that held for a stated time after the fix
    ("lasting_effect", "The new valve schedule kept the boilers running through three winters."),
    ("lasting_effect", "It's been in place for two years and nobody has asked to drop it."),
    ("lasting_effect", "Two years on, the shelving layout is holding and picks are still quicker."),
    ("lasting_effect", "We have not lost a delivery slot in the eight months since."),
    ("lasting_effect", "The tagging scheme I proposed was rolled out to every depot in the area."),
]
FAMILY_NO = [
    ("assigned", "My mentor gave me some tips about negotiating with suppliers."),
    ("assigned", "They offered me the job at the end of the assessment day."),
    ("assigned", "The nurse asked if I'd eaten anything that morning."),
    ("assigned", "My manager said, take it easy this week."),
    ("assigned", "He told me the printer was out of toner."),
    ("scope_boundary", "There was no budget for a second van."),
    ("lasting_effect", "The news spread quickly that the depot was closing."),
    ("lasting_effect", "They made it compulsory for the one inspection and then let it slide."),
    ("lasting_effect", "Each shift had its own way of doing handovers."),
    ("lasting_effect", "The usual method at the time was a shared spreadsheet."),
    ("lasting_effect", "We went back to the old rota after a month."),
    ("lasting_effect", "I was copied in on the memo to the other depots."),
    # a hope or a plan is not a result that lasted; "ever since" of an origin is no result at all
    ("lasting_effect", "Hopefully the new rota sticks once I've handed over."),
    ("lasting_effect", "I'd like to think the porters will keep using the tracker."),
    ("lasting_effect", "The idea is that they'll keep the checklist going after the audit."),
    ("lasting_effect", "The plan is for the wipe-down log to become the standard in spring."),
    ("lasting_effect", "I recommended it be rolled out to every branch, and that's under review."),
    ("lasting_effect", "Ever since I was at school I had wanted to run my own kitchen."),
    ("lasting_effect", "Ever since the start of the season the pitch had been waterlogged."),
    ("lasting_effect", "We had been running the rota on paper for years."),
    ("lasting_effect", "The old boiler had been working for ten years before it died."),
    ("lasting_effect", "It has been failing for months and nobody knew why."),
    ("quantified", "The lorries kept doubling back on themselves through the estate."),
    ("quantified", "We went from the office to the warehouse."),
    ("we_action", "We got on well as a team."),
    ("we_action", "We planned it together, but it was me who built the model."),
]


@pytest.mark.parametrize(("check", "text"), FAMILY_YES)
def test_new_family_positive(check: str, text: str) -> None:
    assert detectors.CHECKS[check](text) is True


@pytest.mark.parametrize(("check", "text"), FAMILY_NO)
def test_new_family_negative(check: str, text: str) -> None:
    assert detectors.CHECKS[check](text) is False


def test_evaluate_file_counts(tmp_path: Path) -> None:
    rows = [
        {"check": "quantified", "label": 1, "text": "Returns fell by 30%."},       # tp
        {"check": "quantified", "label": 1, "text": "It got a lot better."},       # fn
        {"check": "quantified", "label": 0, "text": "I was on Ward 7."},           # tn
        {"check": "quantified", "label": 0, "text": "We saved 4 hours a week."},   # fp
        {"check": "generic_reflection", "label": 0,
         "text": "I learned to plan the round around visiting.",
         "story": "The evening meds round clashed with visiting, so I moved the round."},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    scores = evaluate_file(path)
    q = scores["quantified"]
    assert (q["tp"], q["fp"], q["fn"]) == (1, 1, 1)
    assert q["precision"] == pytest.approx(0.5)
    assert q["recall"] == pytest.approx(0.5)
    g = scores["generic_reflection"]
    assert (g["tp"], g["fp"], g["fn"]) == (0, 0, 0)  # the story made it specific
    assert g["precision"] == 1.0 and g["recall"] == 1.0


def test_story_words_count_as_specific() -> None:
    story = ("On the dementia ward the evening meds round kept clashing with visiting hours, so I "
             "moved the round to 6pm and briefed the families first.")
    concrete = "It taught me that families need to be briefed before changes."
    assert is_generic_reflection(concrete) is True
    # The words it shares with the story ("families", "briefed") count against "generic": the
    # model trained on 18 writers' reflections puts it at 0.95 alone and 0.53 beside the story
    # (the threshold is 0.5; a lesson phrased "it taught me that ..." is often stock).
    weights = reflection_model.shipped()
    alone = reflection_model.probability(weights, concrete)
    beside = reflection_model.probability(weights, concrete, story)
    assert beside < alone - 0.3, (alone, beside)
    assert is_generic_reflection("Now I brief families before any change to the round.",
                                 story) is False
    assert is_generic_reflection("It taught me that communication matters.", story) is True


@pytest.mark.parametrize("text", ["", " ", "...", "um", "we", "I was", "100", "'", "x" * 3000])
def test_odd_input_gives_a_bool(text: str) -> None:
    for check in detectors.CHECKS.values():
        assert type(check(text)) is bool
    assert is_generic_reflection("") is False


def test_normalise_spells_out_negation_and_drops_hedges() -> None:
    assert detectors.normalise("Um, no one really wasn't, like, told — honestly.") == (
        "nobody was not, told -.")
    assert detectors.normalise("They would like a copy.") == "they would like a copy."
    assert detectors.normalise("So then we, we called them") == "so then we called them"


def test_each_call_is_well_under_a_millisecond() -> None:
    texts = [text for _, text in POSITIVES + NEGATIVES][:300]
    for check in detectors.CHECKS.values():  # warm up compiled patterns
        check(texts[0])
    detectors.normalise.cache_clear()
    calls = 0
    start = time.perf_counter()
    for text in texts:
        for check in detectors.CHECKS.values():
            detectors.normalise.cache_clear()
            check(text)
            calls += 1
    assert (time.perf_counter() - start) / calls < 0.001


def test_wider_lasting_families() -> None:
    from mockinterviewer.coach.detectors import states_lasting_effect as lasting
    for s in ("The new labels went out to all nine warehouses the spring after.",
              "The evening crew adopted the same handover card.",
              "The rota check became part of the region's winter staffing plan.",
              "Weekly backups have been our default rule since.",
              "The charity now funds the Tuesday session for two other groups.",
              "The night-patrol radio check went into the battalion's standing orders.",
              "Her handout was written into the first-year syllabus."):
        assert lasting(s), s
    assert not lasting("The waiter adopted a calmer tone after that.")
    assert not lasting("The rota went on the orders board for one day only.")


def test_a_habit_the_group_now_keeps_lasted() -> None:
    # "we now keep ..." is a practice that outlived the fix; the sentence model missed it.
    from mockinterviewer.coach.detectors import states_lasting_effect as lasting
    for s in ("No one missed a session, and we now keep a paper backup kit at the desk.",
              "The ward now checks the pump log at every handover.",
              "Every shift manager still runs the ten-minute count on Fridays."):
        assert lasting(s), s
    assert not lasting("We had to keep the door propped open until seven.")


def test_a_trouble_that_is_still_there_did_not_last() -> None:
    # "still" of the problem is the opposite of a lasting effect; it used to fire on all of
    # these (rules or sentence model). "still" of the speaker's fix stays lasting.
    from mockinterviewer.coach.detectors import states_lasting_effect as lasting
    for s in ("We still have the same problem every winter.",
              "Honestly the store still has that problem today.",
              "They still complain about the rota every week.",
              "It is still a mess on weekends.",
              "The warehouse still loses pallets now and then.",
              "The night team still does it the old way."):
        assert not lasting(s), s
    for s in ("The weekly huddle I started is still happening on the ward.",
              "We have not had the same problem since.",
              "We still have the spreadsheet and the whole team uses it."):
        assert lasting(s), s


def test_wider_quantity_and_handover_families() -> None:
    from mockinterviewer.coach.detectors import is_assigned, is_quantified
    assert is_quantified("Waits dropped to ~12 min by the end of term.")
    assert is_quantified("About 300 families came to the fair.")
    assert not is_quantified("I checked it at step 7 of the guide.")
    assert is_assigned("My job was to get the new depot live before spring.")
    assert not is_assigned("I told my crew to restock the van.")
