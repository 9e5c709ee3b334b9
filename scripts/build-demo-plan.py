#!/usr/bin/env python3
"""Records plans/demo-borough-2022, a FICTIONAL local area's written statement of action, through the CLI.

Demo Borough does not exist. Its inspection, letter, workstreams, actions, measures, evidence and
monitoring visits are invented (seeded with random.Random(2024), so every run records the same
history; only each journal line's `recorded` instant differs) to show what a plan looks like some
some sixteen months into monitoring, on 27 November 2023, a few weeks before its revisit is due (25 January 2024). Partners and
people are fictional: leads and officers are role titles, never real names.

Every event goes through the `wsoa` binary (one process per event, no shell), in the order of
the dates the events describe, so the journal reads like a real history. The first refusal stops
the script with the CLI's own error.

Usage: scripts/build-demo-plan.py [WSOA_BINARY] [--plans DIR]
  WSOA_BINARY  the wsoa executable (default: `swift build --show-bin-path`/wsoa, from the package root)
  --plans DIR  the plans directory (default: <package root>/plans)
Deletes and recreates only DIR/demo-borough-2022. Python 3 standard library only.
"""

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from random import Random

PLAN = "demo-borough-2022"
# The history below was first written as running from January 2024. It is recorded two years
# earlier (SHIFT_YEARS), up to DEMO_TODAY, so that its inspection (January 2022) falls under the
# 2016 framework, whose written statement of action it shows, and the shipped plan stands a few
# weeks before its revisit is due: the README's report command shows it `--as-of` this day.
SHIFT_YEARS = -2
DEMO_TODAY = dt.date(2023, 11, 27)
TODAY = dt.date(2026, 11, 23)  # the history as written runs to here, before the shift
USER = "wsoa demo script"
rng = Random(2024)


def day(s):
    return dt.date.fromisoformat(s)


def iso(d):
    return d.isoformat()


def weekday(d):
    """The Friday before a weekend day (meetings, audits and surveys happen on working days)."""
    while d.weekday() >= 5:
        d -= dt.timedelta(days=1)
    return d


def plus(d, n):
    return d + dt.timedelta(days=n)


def shifted(d):
    """The day as recorded: SHIFT_YEARS later (29 February becomes the 28th)."""
    try:
        return d.replace(year=d.year + SHIFT_YEARS)
    except ValueError:
        return d.replace(year=d.year + SHIFT_YEARS, day=28)


DATE_ARG = re.compile(r"(\d{4}-\d{2}-\d{2})(\.\.(\d{4}-\d{2}-\d{2}))?|(-?[\d.]+)@(\d{4}-\d{2}-\d{2})")


def shifted_arg(arg):
    """An argument that is a date (`2024-03-04`), a range of them or a `value@date`, shifted; any other left alone."""
    if not isinstance(arg, str) or not DATE_ARG.fullmatch(arg):
        return arg
    return re.sub(r"\d{4}-\d{2}-\d{2}", lambda m: shifted(day(m.group(0))).isoformat(), arg)


# --------------------------------------------------------------------------------------------
# The area, the letter and the statement (all fictional)

AREA = "Demo Borough (fictional)"
LA = "Demo Borough Council"
HEALTH = "NHS Demo Integrated Care Board"
HEALTH_RENAMED = "NHS Demo and Northvale Integrated Care Board"

WEAKNESSES = [
    "Too little involvement of children, young people and families in co-producing the services, "
    "plans and support they need, and poor communication with parents and carers, many of whom "
    "have lost confidence in the local area.",
    "The poor quality and timeliness of education, health and care (EHC) needs assessments and "
    "plans, including weak contributions from health and social care professionals.",
    "The lack of an effective approach to jointly planning and commissioning services across "
    "education, health and social care, based on a shared understanding of children and young "
    "people's needs.",
    "Excessive waiting times for neurodevelopmental assessment, including for autism spectrum "
    "disorder, and the lack of support for children, young people and families while they wait.",
    "Leaders' weak understanding and evaluation of the outcomes achieved by children and young "
    "people who have SEND, including high rates of absence and exclusion and poor preparation "
    "for adulthood.",
]

# id, title, lead, accountable senior officer, lead partner, weaknesses, day added
WORKSTREAMS = [
    ("coproduction", "Co-production and communication with families",
     "Participation and Co-production Manager (with the parent carer forum co-chair)",
     "Director of Children's Services", "parent-carer-forum", ["W1"], "2024-04-16"),
    ("ehc-quality", "Quality and timeliness of EHC assessments and plans",
     "Head of SEND Assessment and Review", "Director of Education and Inclusion", "la",
     ["W2", "W1"], "2024-04-16"),
    ("joint-commissioning", "Joint commissioning across education, health and care",
     "Joint Commissioning Manager (Children and Young People)", "ICB Director of Nursing and Quality",
     "health", ["W3"], "2024-04-23"),
    ("outcomes", "Outcomes framework, performance data and self-evaluation",
     "SEND Performance and Intelligence Lead", "Director of Education and Inclusion", "education",
     ["W5", "W3"], "2024-04-23"),
    ("neurodevelopmental", "Neurodevelopmental pathway and support while waiting",
     "Designated Clinical Officer for SEND", "ICB Director of Children's Commissioning", "health",
     ["W4", "W1"], "2024-04-30"),
    ("preparation-for-adulthood", "Preparation for adulthood and transition to adult services",
     "Preparation for Adulthood Service Manager", "Director of Adult Social Care", "social-care",
     ["W5", "W3"], "2024-04-30"),
]
WS_WEAKNESSES = {w[0]: w[5] for w in WORKSTREAMS}

BOARD = "SEN strategic group"
BOARD_ADVISED = "SEN strategic group, with the DfE and NHS England advisers informed"
IMPROVEMENT_BOARD = "SEND Improvement Board"


class A:
    """An action: fate is 'done', 'late' (due passed, not complete), 'open' (not yet due) or 'notstarted'."""

    def __init__(self, ws, title, lead, due, fate, off=None, rt=(), end=None, note=None, added=None):
        self.ws, self.title, self.lead, self.due, self.fate = ws, title, lead, day(due), fate
        self.off, self.rt, self.end, self.note = off, [(day(d), r, w) for d, r, w in rt], end, note
        self.added = day(added) if added else None


ACTIONS = [
    # co-production (W1)
    A("coproduction", "Co-produce and publish a local area co-production charter with the parent carer forum",
      "Participation and Co-production Manager", "2024-09-30", "done", off=-12),
    A("coproduction", "Fund the parent carer forum to recruit two participation officers",
      "Head of Commissioning (Children)", "2024-10-31", "done", off=-20),
    A("coproduction", "Establish a young people's SEND advisory group meeting at least termly",
      "Participation Officer (Young People)", "2024-11-30", "done", off=-6),
    A("coproduction", "Publish a 'you said, we did' update for families every quarter",
      "Participation and Co-production Manager", "2024-12-31", "done", off=-9),
    A("coproduction", "Train all SEND caseworkers in person-centred practice and co-production",
      "Principal Educational Psychologist", "2025-01-31", "done", off=4),
    A("coproduction", "Relaunch the local offer website with content co-produced with families, including health services",
      "Local Offer Officer", "2025-03-31", "done", off=12,
      rt=[("2025-06-30", "The website supplier's migration slipped; families asked for a second round of user testing before launch.", BOARD)]),
    A("coproduction", "Co-produce a SEND communication strategy with families, schools and health services",
      "Participation and Co-production Manager", "2025-06-30", "done", off=38),
    A("coproduction", "Embed family feedback from annual reviews in the SEND quality assurance framework",
      "SEND Quality Assurance Lead", "2025-09-30", "done", off=-15),
    A("coproduction", "Extend co-production training to school SENCOs and health practitioners",
      "Participation and Co-production Manager", "2026-07-31", "late", end="atRisk",
      note="Half of the planned sessions delivered; take-up among health practitioners is low. New dates with the ICB workforce team being agreed."),
    A("coproduction", "Record children and young people's views in their own words in every new EHC plan",
      "Head of SEND Assessment and Review", "2026-12-31", "open"),
    A("coproduction", "Review and refresh the co-production charter with families for 2027",
      "Parent carer forum co-chair", "2027-03-31", "notstarted"),

    # EHC quality (W2, W1)
    A("ehc-quality", "Agree health and social care advice templates and a 6-week return standard",
      "Designated Clinical Officer for SEND", "2024-09-30", "done", off=-4),
    A("ehc-quality", "Recruit eight additional EHC coordinators and a senior caseworker",
      "Head of SEND Assessment and Review", "2024-09-30", "done", off=47),
    A("ehc-quality", "Introduce a multi-agency EHC plan quality assurance framework with monthly audits",
      "SEND Quality Assurance Lead", "2024-10-31", "done", off=-10),
    A("ehc-quality", "Train EHC plan writers and SENCOs in writing specific, measurable outcomes",
      "Principal Educational Psychologist", "2025-01-31", "done", off=-3),
    A("ehc-quality", "Clear the backlog of overdue EHC needs assessments",
      "Head of SEND Assessment and Review", "2025-03-31", "done", off=20,
      rt=[("2025-07-31", "Requests for assessment rose by a third over the winter; two agency caseworkers added.", BOARD)]),
    A("ehc-quality", "Quality assure social care contributions to EHC plans through the Principal Social Worker",
      "Principal Social Worker", "2025-03-31", "done", off=104),
    A("ehc-quality", "Clear the backlog of overdue annual reviews",
      "SEND Annual Review Team Manager", "2025-06-30", "late", end="offTrack",
      rt=[("2025-12-31", "Capacity moved to the assessment backlog first, as agreed with the advisers.", BOARD_ADVISED),
          ("2026-06-30", "The new EHC hub's annual review module was delayed; reviews are being tracked by hand meanwhile.", IMPROVEMENT_BOARD)],
      note="About 240 reviews remain overdue; a recovery plan with weekly tracking goes to the SEN strategic group next month."),
    A("ehc-quality", "Implement an online EHC hub so families can follow their assessment",
      "SEND Systems Lead", "2025-09-30", "done", off=9,
      rt=[("2026-03-31", "The supplier could not meet the accessibility standard in time; go-live moved after retesting with families.", BOARD)]),
    A("ehc-quality", "Issue at least 60% of new EHC plans within 20 weeks for two consecutive quarters",
      "Head of SEND Assessment and Review", "2026-03-31", "done", off=-28),
    A("ehc-quality", "Refresh the graduated response guidance with schools and settings",
      "Head of Inclusion", "2026-09-30", "late", end="atRisk",
      note="Draft consulted on with SENCOs; sign-off waits for the schools forum in January."),
    A("ehc-quality", "Commission an independent external audit of EHC plan quality",
      "SEND Quality Assurance Lead", "2027-01-31", "open"),

    # joint commissioning (W3)
    A("joint-commissioning", "Agree a 0–25 joint commissioning strategy for children and young people with SEND",
      "Joint Commissioning Manager", "2024-12-31", "done", off=41),
    A("joint-commissioning", "Agree a joint funding protocol for placements and packages of care",
      "Head of Commissioning (Children)", "2025-03-31", "done", off=106),
    A("joint-commissioning", "Complete a joint strategic needs assessment chapter on SEND",
      "Public Health Consultant (Children)", "2025-03-31", "done", off=-8),
    A("joint-commissioning", "Commission a specialist equipment service with clear funding responsibilities",
      "Joint Commissioning Manager", "2025-06-30", "done", off=-14),
    A("joint-commissioning", "Establish a joint commissioning board with a pooled budget under a section 75 agreement",
      "ICB Head of Children's Commissioning", "2025-09-30", "done", off=-2,
      rt=[("2026-03-31", "Legal review of the section 75 agreement took longer than planned; interim board arrangements in place.", IMPROVEMENT_BOARD)]),
    A("joint-commissioning", "Develop a short breaks offer for children with social, emotional and mental health needs",
      "Short Breaks Commissioning Officer", "2025-12-31", "done", off=45),
    A("joint-commissioning", "Publish a joint commissioning market position statement",
      "Joint Commissioning Manager", "2026-03-31", "late", end="atRisk",
      note="Draft written; publication is waiting for the merged ICB's commissioning intentions."),
    A("joint-commissioning", "Recommission speech and language therapy to meet the demand identified in the needs assessment",
      "ICB Head of Children's Commissioning", "2026-04-30", "late", end="offTrack",
      rt=[("2026-10-31", "Procurement paused while the ICB merger was agreed.", BOARD_ADVISED)],
      note="The procurement restarted after the ICB merger; contract award now expected in the spring."),
    A("joint-commissioning", "Extend personal health budgets to children with complex health needs",
      "ICB Personalised Care Lead", "2026-06-30", "done", off=-21),
    A("joint-commissioning", "Commission an integrated 0–25 therapies service",
      "ICB Head of Children's Commissioning", "2027-09-30", "notstarted"),

    # outcomes (W5, W3)
    A("outcomes", "Develop a SEND outcomes framework with shared education, health and care indicators",
      "SEND Performance and Intelligence Lead", "2024-10-31", "done", off=-7),
    A("outcomes", "Publish a SEND performance dashboard for the SEN strategic group",
      "SEND Performance and Intelligence Lead", "2024-12-31", "done", off=-16),
    A("outcomes", "Establish an attendance and inclusion panel for pupils with SEND",
      "Head of Inclusion", "2025-01-31", "done", off=-11),
    A("outcomes", "Complete a co-produced self-evaluation of the local area's SEND arrangements",
      "SEND Improvement Lead", "2025-03-31", "done", off=-5),
    A("outcomes", "Introduce termly SEND reviews with secondary headteachers",
      "Head of Inclusion", "2025-07-31", "done", off=-20),
    A("outcomes", "Embed outcomes data in the monitoring of health service contracts",
      "ICB Contracts and Performance Manager", "2025-09-30", "done", off=-6,
      rt=[("2026-01-31", "Contract variations could only be agreed at the providers' mid-year review.", BOARD)]),
    A("outcomes", "Reduce suspensions through inclusion outreach support to secondary schools",
      "Inclusion Outreach Team Manager", "2025-12-31", "done", off=-10),
    A("outcomes", "Link EHC plan outcomes to the case management system for reporting",
      "SEND Systems Lead", "2026-03-31", "late", end="offTrack",
      note="Depends on the EHC hub's reporting release, now due in February; outcomes still collated by hand."),
    A("outcomes", "Refresh the self-evaluation ahead of the revisit",
      "SEND Improvement Lead", "2026-10-31", "done", off=-9),
    A("outcomes", "Publish an annual SEND outcomes report to the Health and Wellbeing Board",
      "SEND Performance and Intelligence Lead", "2027-06-30", "notstarted"),

    # neurodevelopmental (W4, W1)
    A("neurodevelopmental", "Introduce a single point of access for neurodevelopmental referrals",
      "Neurodevelopmental Pathway Manager", "2024-10-31", "done", off=-3),
    A("neurodevelopmental", "Launch a 'support while you wait' offer with the parent carer forum",
      "Designated Clinical Officer for SEND", "2024-12-31", "done", off=-18),
    A("neurodevelopmental", "Recruit a clinical lead for the neurodevelopmental pathway",
      "ICB Director of Children's Commissioning", "2025-01-31", "done", off=-10,
      rt=[("2025-05-31", "No appointable candidate at the first two rounds; post re-advertised jointly with the community trust.", BOARD)]),
    A("neurodevelopmental", "Commission additional autism assessment capacity from an independent provider",
      "ICB Head of Children's Commissioning", "2025-03-31", "done", off=19,
      rt=[("2025-09-30", "The first procurement attracted no compliant bids; re-run with a revised specification.", BOARD_ADVISED)]),
    A("neurodevelopmental", "Publish neurodevelopmental waiting times on the local offer every month",
      "Neurodevelopmental Pathway Manager", "2025-03-31", "done", off=-25),
    A("neurodevelopmental", "Validate the waiting list and contact every family waiting for assessment",
      "Neurodevelopmental Pathway Manager", "2025-06-30", "done", off=-9),
    A("neurodevelopmental", "Deliver neurodiversity-affirming training and support to 40 primary schools",
      "Educational Psychology Service Manager", "2026-03-31", "done", off=-12),
    A("neurodevelopmental", "Reduce the longest waits for autism assessment to under 78 weeks",
      "Neurodevelopmental Pathway Manager", "2026-03-31", "late", end="offTrack",
      rt=[("2026-09-30", "Referrals rose by 28% over the year, outstripping the added capacity.", BOARD_ADVISED)],
      note="Longest waits down to about 96 weeks; the independent provider's contract is being extended."),
    A("neurodevelopmental", "Bring ADHD and autism assessment into one neurodevelopmental pathway",
      "Neurodevelopmental Pathway Manager", "2026-12-31", "open", end="atRisk",
      note="Clinical model agreed; the community trust's information system change is at risk for December."),
    A("neurodevelopmental", "Reduce the median wait for autism assessment to 52 weeks",
      "Designated Clinical Officer for SEND", "2027-03-31", "open", end="atRisk"),

    # preparation for adulthood (W5, W3)
    A("preparation-for-adulthood", "Establish a 14–25 preparation for adulthood transitions panel",
      "Preparation for Adulthood Service Manager", "2024-11-30", "done", off=-12),
    A("preparation-for-adulthood", "Develop an independent travel training offer",
      "Preparation for Adulthood Service Manager", "2025-03-31", "done", off=97),
    A("preparation-for-adulthood", "Agree a protocol for moving from children's to adult health services",
      "ICB Transitions Lead", "2025-06-30", "done", off=14,
      rt=[("2025-12-31", "Adult mental health services asked for the protocol to cover young people without a learning disability.", BOARD)]),
    A("preparation-for-adulthood", "Include preparation for adulthood outcomes in every EHC plan from Year 9",
      "Head of SEND Assessment and Review", "2025-07-31", "done", off=44),
    A("preparation-for-adulthood", "Expand supported internships to 40 places a year",
      "Employment and Skills Manager", "2025-09-30", "done", off=-25),
    A("preparation-for-adulthood", "Commission independent careers guidance for young people with EHC plans in mainstream schools",
      "Employment and Skills Manager", "2026-01-31", "late", end="offTrack",
      note="The provider withdrew; schools are covering with their own careers advisers while the service is re-tendered."),
    A("preparation-for-adulthood", "Increase uptake of annual health checks for 14–25s with a learning disability",
      "ICB Learning Disability and Autism Lead", "2026-03-31", "done", off=-30),
    A("preparation-for-adulthood", "Introduce a joint transitions tracker across children's and adult social care",
      "Principal Social Worker (Adults)", "2026-06-30", "done", off=5),
    A("preparation-for-adulthood", "Publish a preparation for adulthood guide co-produced with young people",
      "Participation Officer (Young People)", "2026-12-31", "open"),
    A("preparation-for-adulthood", "Open a local post-19 specialist learning provision",
      "Head of Education Sufficiency", "2027-09-01", "notstarted"),

    # added after monitoring visits
    A("ehc-quality", "Strengthen health contributions to annual reviews of EHC plans",
      "Designated Clinical Officer for SEND", "2025-12-31", "done", off=-35, added="2025-02-11"),
    A("outcomes", "Deliver a targeted plan to reduce persistent absence of pupils with EHC plans in secondary schools",
      "Head of Inclusion", "2026-12-31", "open", added="2025-11-04"),
    A("neurodevelopmental", "Agree a neurodevelopmental rapid improvement plan with NHS England",
      "ICB Director of Children's Commissioning", "2026-06-30", "done", off=-40, added="2026-02-10"),
]

DEFAULT_ADDED = {  # actions in the statement were added while it was written
    "coproduction": "2024-05-21", "ehc-quality": "2024-05-21", "joint-commissioning": "2024-05-28",
    "outcomes": "2024-05-28", "neurodevelopmental": "2024-06-04", "preparation-for-adulthood": "2024-06-04",
}

NOTES = {
    "start": ["Work started; delivery plan agreed by the workstream.",
              "Started: project plan and milestones agreed.",
              "Mobilised; first milestones set with the workstream lead.",
              "Work under way; reported to the SEN strategic group."],
    "onTrack": ["On track against the delivery plan.",
                "Milestones met this quarter; reported to the SEN strategic group.",
                "Progress confirmed at the workstream meeting.",
                "Highlight report: delivering to plan.",
                "On track; evidence of progress filed with the workstream."],
    "atRisk": ["Capacity in the team is stretched; mitigation agreed at the workstream meeting.",
               "A dependency on another partner is not yet resolved; escalated to the accountable officer.",
               "About a month's slippage; recovery plan in place.",
               "Recruitment delays put the timescale at risk."],
    "offTrack": ["Missed its milestone; escalated to the SEN strategic group.",
                 "Behind plan; the accountable officer has asked for a revised delivery plan.",
                 "Past its due date; completion now expected next quarter."],
    "complete": ["Completed; evidence filed with the workstream.",
                 "Signed off by the accountable officer.",
                 "Completed and reported to the SEN strategic group.",
                 "Closed by the SEN strategic group on the workstream lead's report."],
    "notStarted": ["Not due to start yet; dependencies tracked by the workstream.",
                   "Scheduled to start next year; scoping only so far."],
}


class M:
    """A measure and the shape its monthly readings follow (f: progress from baseline to target)."""

    def __init__(self, ws, title, unit, base, target, shape, sd, lower=False, national=None, added=None, dp=0):
        self.ws, self.title, self.unit, self.lower, self.national = ws, title, unit, lower, national
        self.base = (base[0], day(base[1]))
        self.target = (target[0], day(target[1]))
        self.shape, self.sd, self.dp = shape, sd, dp
        self.added = day(added or DEFAULT_ADDED[ws])


SHAPES = {
    "ahead": lambda f: min(1.06, 1.3 * f),          # reaches its target early and holds it
    "on": lambda f: 1.08 * f,                        # a little ahead of the straight line
    "slow": lambda f: 0.55 * f,                      # improving, but off track
    "flat": lambda f: 0.12 * f,                      # barely moving
    "dip": lambda f: -0.45 * f / 0.45 if f < 0.45 else -0.45 + 1.25 * (f - 0.45),  # worse, then better
}

MEASURES = [
    M("coproduction", "Parents and carers who feel listened to (parent carer forum pulse survey)", "%",
      (34, "2023-11-30"), (65, "2026-12-31"), "on", 2.0, dp=1),
    M("ehc-quality", "New EHC plans issued within 20 weeks (excluding exceptions)", "%",
      (28, "2023-12-31"), (70, "2026-09-30"), "ahead", 3.0, national=50.3, dp=1),
    M("ehc-quality", "EHC plans audited as good or better", "%",
      (38, "2024-01-31"), (75, "2027-03-31"), "slow", 3.0, dp=1),
    M("ehc-quality", "Health advice for EHC assessments returned within 6 weeks", "%",
      (46, "2024-01-31"), (90, "2026-03-31"), "ahead", 2.5, dp=1),
    M("neurodevelopmental", "Median wait from referral to autism assessment", "weeks",
      (104, "2024-01-31"), (52, "2027-03-31"), "dip", 2.0, lower=True),
    M("neurodevelopmental", "Children waiting more than 52 weeks for a neurodevelopmental assessment", "number",
      (1240, "2024-03-31"), (400, "2027-03-31"), "slow", 25.0, lower=True),
    M("joint-commissioning", "Median days from referral to delivery of specialist equipment", "days",
      (96, "2023-12-31"), (42, "2026-09-30"), "ahead", 3.0, lower=True),
    M("joint-commissioning", "Children and young people with a personal health budget", "number",
      (35, "2024-03-31"), (120, "2026-12-31"), "on", 3.0),
    M("outcomes", "Persistent absence of pupils with an EHC plan", "%",
      (41.5, "2023-07-31"), (33, "2027-07-31"), "flat", 0.8, lower=True, national=36.2, dp=1),
    M("outcomes", "Permanent exclusions of pupils with SEND (rolling 12 months)", "number",
      (19, "2023-08-31"), (8, "2026-08-31"), "on", 1.0, lower=True),
    M("preparation-for-adulthood", "16–17 year olds with an EHC plan not in education, employment or training", "%",
      (11.8, "2023-12-31"), (6, "2027-03-31"), "slow", 0.5, lower=True, national=5.9, dp=1),
    M("preparation-for-adulthood", "Annual health checks for 14–25 year olds with a learning disability", "%",
      (52, "2024-03-31"), (75, "2026-03-31"), "ahead", 2.0, dp=1),
]

ADVISERS = ["DfE SEND Adviser (Demo region)", "NHS England SEND Adviser (Demo region)"]

# date, advisers, ratings, follow-ups, note
VISITS = [
    ("2024-10-22", ADVISERS,
     "W1=amber,W2=red,W3=red,W4=red,W5=red,ehc-quality=red,neurodevelopmental=red",
     ["Share the EHC assessment recovery trajectory month by month.",
      "Set out how families on the neurodevelopmental waiting list will be contacted and supported."],
     "First support and challenge visit. Governance in place and the parent carer forum fully involved; too early to see impact."),
    ("2025-01-28", ADVISERS,
     "W1=amber,W2=red,W3=amber,W4=red,W5=amber,ehc-quality=red,coproduction=amber",
     ["Add an action on the quality of health contributions to annual reviews.",
      "Bring audit findings and the voice of families to the next visit, not only activity."],
     "Recruitment of EHC coordinators complete; timeliness still low. Joint commissioning strategy agreed late."),
    ("2025-04-29", ADVISERS,
     "W1=amber,W2=amber,W3=amber,W4=red,W5=amber,neurodevelopmental=red",
     ["Re-run the autism assessment procurement and report progress monthly to NHS England.",
      "Publish the self-evaluation summary for families."],
     "Timeliness of new EHC plans improving month on month. Neurodevelopmental waits still rising."),
    ("2025-07-15", ["DfE SEND Adviser (Demo region)", "NHS England Deputy SEND Adviser (Demo region)"],
     "W1=green,W2=amber,W3=amber,W4=red,W5=amber,coproduction=green,preparation-for-adulthood=amber",
     ["Show how the local offer relaunch is changing families' experience.",
      "Agree the children's to adult health transition protocol with adult mental health services."],
     "Co-production now visible at every level; the parent carer forum co-chairs the SEN strategic group."),
    ("2025-10-21", ADVISERS,
     "W1=green,W2=amber,W3=amber,W4=amber,W5=amber,ehc-quality=amber,outcomes=amber",
     ["Set out a targeted plan for persistent absence in secondary schools.",
      "Confirm the date of the section 75 agreement and the pooled budget."],
     "Added assessment capacity starting to reduce the longest neurodevelopmental waits."),
    ("2026-01-27", ADVISERS,
     "W1=green,W2=green,W3=amber,W4=red,W5=amber,neurodevelopmental=red,joint-commissioning=amber",
     ["Agree a neurodevelopmental rapid improvement plan with NHS England.",
      "Show the impact of the joint commissioning board on services families use."],
     "Sustained improvement in EHC timeliness and audit grades. Neurodevelopmental referrals rose sharply over the autumn."),
    ("2026-05-12", ADVISERS,
     "W1=green,W2=green,W3=green,W4=amber,W5=amber,preparation-for-adulthood=amber,outcomes=amber",
     ["Evidence the impact of preparation for adulthood work on young people's destinations.",
      "Prepare a short revisit-readiness summary for each weakness."],
     "Pooled budget in place since April; the merged ICB has confirmed its commitment to the statement."),
    ("2026-09-22", ADVISERS,
     "W1=green,W2=green,W3=green,W4=amber,W5=amber,neurodevelopmental=amber,ehc-quality=green",
     ["Keep the annual review recovery plan under weekly review until the revisit.",
      "Refresh the self-evaluation with the latest data before the revisit."],
     "Advisers judged the area well prepared for its revisit on most weaknesses; waits and outcomes for older young people remain the main risks."),
]


# --------------------------------------------------------------------------------------------
# Evidence: templates per workstream and kind, filled in by a helper that knows the date.

class G:
    """What a template can ask for about the evidence's date: p runs from 0 (June 2024) to 1 (November 2026)."""

    START, END = day("2024-06-03"), day("2026-11-20")

    def __init__(self, d):
        self.d = d
        self.p = (d - G.START).days / (G.END - G.START).days

    def pct(self, lo, hi, sd=3.0):
        return max(0, min(100, round(lo + (hi - lo) * self.p + rng.gauss(0, sd))))

    def n(self, lo, hi):
        return rng.randint(lo, hi)

    def trend(self, lo, hi, sd=0.05):
        return max(0, round(lo + (hi - lo) * self.p * (1 + rng.gauss(0, sd))))

    def audit(self, lo, hi, nlo=20, nhi=50):
        n = rng.randint(nlo, nhi)
        return n, max(0, min(n, round(n * (lo + (hi - lo) * self.p + rng.gauss(0, 0.04)))))

    @property
    def month(self):
        return shifted(self.d).strftime("%B %Y")

    @property
    def last_month(self):
        return (shifted(self.d).replace(day=1) - dt.timedelta(days=1)).strftime("%B %Y")

    @property
    def term(self):
        y, m = shifted(self.d).year, self.d.month
        return f"autumn term {y}" if m >= 9 else (f"spring term {y}" if m <= 3 else f"summer term {y}")

    @property
    def quarter(self):
        fy = shifted(self.d).year if self.d.month >= 4 else shifted(self.d).year - 1
        q = {4: 1, 5: 1, 6: 1, 7: 2, 8: 2, 9: 2, 10: 3, 11: 3, 12: 3, 1: 4, 2: 4, 3: 4}[self.d.month]
        return f"Q{q} {fy}/{str(fy + 1)[2:]}"

    def pick(self, *xs):
        return rng.choice(xs)

    def m(self, i, sd=None):
        """Measure i's value on this day, on the same path as its monthly readings, with fresh noise."""
        ms = MEASURES[i]
        (bv, bd), (tv, td) = ms.base, ms.target
        v = bv + (tv - bv) * SHAPES[ms.shape]((self.d - bd).days / (td - bd).days) + rng.gauss(0, ms.sd if sd is None else sd)
        v = max(0.0, min(100.0, v)) if ms.unit == "%" else max(0.0, v)
        return fmt(v, ms.dp)


PCF = "Demo Borough Parent Carer Forum"
YOUTH = "Demo Voices (young people's SEND advisory group)"
QA = "SEND quality assurance framework"
DASH = "SEND performance dashboard"
ICB = "ICB performance report"

# (kind, template, link or None[, not before]); a template returns (title, source). "Not before" keeps
# evidence about a service or group from appearing before the action that set it up.
T = {
    "coproduction": [
        ("activity", lambda g: (f"Co-production workshop with {g.n(12, 34)} parents on {g.pick('the local offer', 'the EHC plan template', 'short breaks', 'the communication strategy', 'the transitions guide', 'annual reviews')}", PCF), None),
        ("activity", lambda g: (f"Young people's advisory group met ({g.n(8, 19)} members); agenda set by young people", YOUTH), None, "2024-11-15"),
        ("activity", lambda g: (f"'You said, we did' update for families published for {g.quarter}", "Local offer"), "https://example.org/demo-borough/local-offer/you-said-we-did", "2024-12-01"),
        ("activity", lambda g: (f"Parent carer forum drop-ins: {g.n(6, 14)} sessions, {g.n(40, 130)} families in {g.month}", PCF), None, "2024-11-01"),
        ("impact", lambda g: (f"Complaints about communication down to {g.trend(31, 9, 0.15)} in {g.quarter} (from 31 a quarter before the inspection)", "Customer feedback team"), None),
        ("impact", lambda g: (f"Families co-chairing {2 + round(3 * g.p)} of 6 workstreams; forum sign-off recorded on every board paper", PCF), None),
        ("impact", lambda g: (f"Disagreements resolved at mediation without tribunal: {g.pct(28, 58)}% in {g.quarter}", "SEND mediation service"), None),
        ("voice", lambda g: (f"Parent carer forum survey: {g.m(0, 3)}% feel listened to (n={g.n(150, 320)})", PCF), None),
        ("voice", lambda g: (f"Young people's survey: {g.pct(30, 71)}% say their views are in their EHC plan (n={g.n(60, 140)})", YOUTH), None, "2024-12-01"),
        ("voice", lambda g: (f"Annual review feedback: {g.pct(40, 76)}% of parents rate their review as helpful (n={g.n(90, 260)})", QA), None),
        ("voice", lambda g: (g.pick("Young people's advisory group on the local offer: 'easier to find things now, but more about college please'",
                                    "Parent carer forum listening event: families want named contacts, not generic inboxes",
                                    "Focus group of fathers and male carers: 'nobody asked us before'",
                                    "Parents of children educated at home: communication better, choice of provision still limited"), PCF), None, "2025-07-01"),
        ("data", lambda g: (f"Local offer analytics for {g.last_month}: {g.n(2400, 9500)} users, {g.pct(22, 41)}% returning", "Local offer"), None),
        ("data", lambda g: (f"Co-production log: {g.trend(4, 46, 0.1)} products co-produced and signed off to date", PCF), None),
        ("quality-assurance", lambda g: ((lambda a: f"Audit of {a[0]} EHC plans: child's views in their own words in {a[1]}")(g.audit(0.35, 0.82)), QA), None),
        ("quality-assurance", lambda g: (f"Co-production charter self-assessment with the forum: {min(10, 3 + round(7 * g.p))} of 10 standards met", PCF), None, "2024-10-01"),
        ("external", lambda g: (g.pick("Regional SEND peer review: strategic co-production 'strong and improving'",
                                       "Independent facilitator's review of the young people's advisory group",
                                       "Neighbouring area's peer challenge on communication with families"), "Regional SEND network"), None),
    ],
    "ehc-quality": [
        ("activity", lambda g: (f"Monthly multi-agency EHC plan audit held: {g.n(10, 20)} plans graded", QA), None),
        ("activity", lambda g: (f"Outcomes-writing training for {g.n(14, 45)} EHC plan writers and SENCOs", "SEND workforce development"), None),
        ("activity", lambda g: (f"EHC coordinator caseloads down to {g.trend(165, 118, 0.04)} per coordinator", "SEND Assessment and Review Service"), None),
        ("impact", lambda g: (f"Average time to a finalised EHC plan down to {g.trend(31, 17, 0.06)} weeks in {g.quarter}", DASH), None),
        ("impact", lambda g: (f"Overdue EHC needs assessments down to {g.trend(310, 25, 0.15)}", "SEND Assessment and Review Service"), None),
        ("impact", lambda g: (g.pick("Case study: plan rewritten after audit; Year 6 pupil's speech and language therapy now specified and quantified",
                                     "Case study: health advice at assessment led to an earlier occupational therapy offer for a Year 2 pupil",
                                     "Case study: social care advice added respite to a plan; family reports less crisis contact"), QA), None),
        ("voice", lambda g: (f"Family survey after assessment: {g.pct(45, 78)}% satisfied with the EHC process (n={g.n(80, 210)})", PCF), None),
        ("voice", lambda g: (f"SENCO survey: {g.pct(38, 74)}% say new EHC plans are clear about provision (n={g.n(45, 95)})", "Schools SEND network"), None),
        ("data", lambda g: (f"New EHC plans issued within 20 weeks: {g.m(1)}% in {g.last_month} (national 50.3%)", DASH), None),
        ("data", lambda g: (f"Health advice returned within 6 weeks: {g.m(3)}% in {g.last_month}", ICB), None),
        ("data", lambda g: (f"EHC needs assessment requests in {g.last_month}: {g.n(48, 96)}; decisions within 6 weeks {g.pct(55, 93)}%", DASH), None),
        ("quality-assurance", lambda g: ((lambda n: f"Audit of {n} EHC plans: {round(n * float(g.m(2, 4)) / 100)} good or better")(g.n(20, 50)), QA), None),
        ("quality-assurance", lambda g: ((lambda a: f"Moderation of {a[0]} audits with health and social care: grades agreed in {a[1]}")(g.audit(0.70, 0.92, 10, 24)), QA), None),
        ("external", lambda g: (f"Peer moderation of {g.n(12, 30)} EHC plans with a neighbouring area: {g.pct(40, 72)}% good or better", "Regional SEND network"), "https://example.org/demo-borough/ehc-plan-peer-moderation"),
        ("external", lambda g: (g.pick("DfE adviser feedback on EHC plans: 'clear improvement in how outcomes are written'",
                                       "NHS England adviser feedback: health advice timely but too generic in places"), "DfE and NHS England advisers"), None),
    ],
    "joint-commissioning": [
        ("activity", lambda g: (f"Joint commissioning board: {g.pick('short breaks specification', 'therapies demand model', 'equipment funding protocol', 'section 75 schedule', 'market position statement outline')} agreed", "Joint commissioning board minutes"), None),
        ("activity", lambda g: (f"Market engagement event for {g.pick('short breaks', 'speech and language therapy', 'specialist equipment', 'post-16 provision')} with {g.n(6, 22)} providers", "Joint commissioning team"), None),
        ("activity", lambda g: (f"Joint funding panel: {g.n(14, 38)} packages agreed in {g.quarter}", "Joint funding panel"), None),
        ("impact", lambda g: (f"Specialist equipment delivered in a median {g.m(6)} days (from 96 days at baseline)", "Integrated equipment service"), None),
        ("impact", lambda g: (f"Short breaks for children with SEMH needs: {g.trend(10, 85, 0.1)} families supported in {g.quarter}", "Short breaks service"), None, "2026-02-15"),
        ("impact", lambda g: (f"Personal health budgets for children and young people: {g.m(7)} in place", ICB), None),
        ("voice", lambda g: (f"Families' feedback on the equipment service: {g.pct(41, 83)}% satisfied (n={g.n(40, 120)})", PCF), None),
        ("voice", lambda g: (f"Short breaks survey: {g.pct(55, 84)}% of parents say the break helped the whole family (n={g.n(35, 110)})", PCF), None),
        ("data", lambda g: (f"Speech and language therapy median wait: {g.trend(38, 19, 0.08)} weeks in {g.last_month}", ICB), None),
        ("data", lambda g: (f"SEND joint strategic needs assessment refresh: {g.n(4, 9)} priority needs updated", "Public health intelligence"), "https://example.org/demo-borough/jsna/send"),
        ("quality-assurance", lambda g: (f"Contract review of therapy providers: {min(12, 4 + round(8 * g.p))} of 12 performance indicators met", "ICB contracts team"), None),
        ("quality-assurance", lambda g: (g.pick("Internal audit of the pooled budget arrangements: reasonable assurance",
                                                "Finance review of joint funding decisions: no unresolved disputes"), "Internal audit"), None, "2026-05-01"),
        ("external", lambda g: (g.pick("NHS England regional review of SEND commissioning arrangements",
                                       "Peer review of joint commissioning by a neighbouring ICB (fictional)"), "NHS England regional team"), None),
    ],
    "outcomes": [
        ("activity", lambda g: (f"SEND performance dashboard presented to the SEN strategic group ({g.month})", DASH), "https://example.org/demo-borough/send-dashboard", "2024-12-15"),
        ("activity", lambda g: (f"Attendance and inclusion panel reviewed {g.n(12, 40)} pupils with SEND", "Attendance and inclusion panel"), None, "2025-01-20"),
        ("activity", lambda g: (f"Inclusion outreach supported {g.n(6, 15)} secondary schools in the {g.term}", "Inclusion outreach team"), None),
        ("impact", lambda g: (f"Suspensions of pupils with SEND down {g.n(5, 24)}% in the {g.term} on the same term last year", "Inclusion outreach team"), None),
        ("impact", lambda g: (g.pick("Case study: Year 9 pupil at risk of exclusion kept in school through inclusion outreach",
                                     "Case study: part-time timetable ended for a Year 7 pupil after the attendance panel",
                                     "Case study: secondary school's SEND review led to a new nurture provision"), "Inclusion outreach team"), None),
        ("voice", lambda g: (f"Headteacher survey: {g.pct(35, 79)}% find the SEND dashboard useful (n={g.n(30, 70)})", "Schools SEND network"), None, "2025-03-01"),
        ("voice", lambda g: (g.pick("Pupils at the attendance panel: feeling understood by staff matters more than the timetable",
                                    "Young people's advisory group reviewed the outcomes framework in plain English"), YOUTH), None, "2025-02-01"),
        ("data", lambda g: (f"Persistent absence of pupils with an EHC plan: {g.m(8)}% in the {g.term}", DASH), None),
        ("data", lambda g: (f"Permanent exclusions of pupils with SEND: {g.m(9)} in the 12 months to {g.last_month}", DASH), None),
        ("quality-assurance", lambda g: (f"Data quality audit of the SEND dataset: {g.pct(72, 96)}% of records complete", "SEND performance and intelligence"), None),
        ("quality-assurance", lambda g: (g.pick("Self-evaluation moderated by the SEN strategic group with the parent carer forum",
                                                "Outcomes framework indicators checked against source systems"), "SEN strategic group"), None, "2025-03-01"),
        ("external", lambda g: (g.pick("Regional DfE data review: outcomes reporting 'much improved'",
                                       "Peer review of the self-evaluation by a neighbouring local area (fictional)"), "Regional SEND network"), None, "2025-04-01"),
    ],
    "neurodevelopmental": [
        ("activity", lambda g: (f"Single point of access triaged {g.n(140, 260)} neurodevelopmental referrals in {g.last_month}", "Neurodevelopmental pathway"), None, "2024-11-01"),
        ("activity", lambda g: (f"'Support while you wait' sessions: {g.n(25, 90)} parents attended in {g.month}", PCF), None, "2024-12-15"),
        ("activity", lambda g: (f"Neurodiversity training for {g.n(40, 160)} school staff in the {g.term}", "Educational psychology service"), None),
        ("impact", lambda g: (f"Families offered support within 4 weeks of referral: {g.pct(20, 82, 4)}%", "Neurodevelopmental pathway"), None, "2025-01-01"),
        ("impact", lambda g: (g.pick("Case study: needs-led support in school before diagnosis avoided a placement breakdown",
                                     "Case study: sleep clinic offered while waiting; family reports fewer crisis calls"), "Neurodevelopmental pathway"), None),
        ("voice", lambda g: (f"Waiting families survey: {g.pct(22, 56)}% feel supported while they wait (n={g.n(120, 300)})", PCF), None, "2025-01-01"),
        ("voice", lambda g: (g.pick("Parents at 'support while you wait': practical sessions valued, but waits still too long",
                                    "Young people's advisory group: schools need to act before a diagnosis"), PCF), None, "2025-01-01"),
        ("data", lambda g: (f"Median wait for autism assessment: {g.m(4)} weeks in {g.last_month}", ICB), None),
        ("data", lambda g: (f"Children waiting more than 52 weeks for a neurodevelopmental assessment: {g.m(5)} at the end of {g.last_month}", ICB), None),
        ("data", lambda g: (f"ADHD assessment waiting list: {g.trend(820, 1010, 0.04)} children at the end of {g.last_month}", ICB), None),
        ("quality-assurance", lambda g: ((lambda a: f"Clinical audit of {a[0]} autism assessments against NICE guidance: {a[1]} compliant")(g.audit(0.70, 0.93, 15, 40)), "Community trust clinical audit"), None),
        ("external", lambda g: (g.pick("NHS England review of the neurodevelopmental recovery plan",
                                       "Independent provider's quality report on commissioned assessments"), "NHS England regional team"), None, "2026-03-01"),
    ],
    "preparation-for-adulthood": [
        ("activity", lambda g: (f"Transitions panel reviewed {g.n(10, 35)} young people aged 17", "Preparation for adulthood panel"), None, "2024-12-01"),
        ("activity", lambda g: (f"Supported internships: {g.n(8, 22)} interns started in the {g.term}", "Employment and skills service"), None),
        ("activity", lambda g: (f"Travel training: {g.n(6, 24)} young people completed the programme", "Preparation for adulthood service"), None, "2025-07-01"),
        ("impact", lambda g: ((lambda n: f"Supported interns into paid work: {round(n * (0.3 + 0.3 * g.p))} of {n} in the last cohort")(g.n(14, 36)), "Employment and skills service"), None),
        ("impact", lambda g: (f"Annual health checks for 14–25s with a learning disability: {g.m(11)}% in {g.quarter}", ICB), None),
        ("voice", lambda g: (f"Young adults' survey: {g.pct(30, 68)}% say they were helped to plan for adult life (n={g.n(50, 130)})", YOUTH), None),
        ("voice", lambda g: (g.pick("Young people at college: travel training 'gave me my independence'",
                                    "Parents of Year 11 pupils: transition planning starts too late in some schools"), YOUTH), None),
        ("data", lambda g: (f"16–17 year olds with an EHC plan not in education, employment or training: {g.m(10)}% in {g.last_month}", DASH), None),
        ("quality-assurance", lambda g: ((lambda a: f"Audit of {a[0]} EHC plans from Year 9: preparation for adulthood outcomes in {a[1]}")(g.audit(0.30, 0.85)), QA), None),
        ("external", lambda g: (g.pick("Regional preparation for adulthood review: transition protocol cited as good practice",
                                       "Further education college's review of learners with EHC plans"), "Regional SEND network"), None, "2026-02-01"),
    ],
}

KINDS = ["activity", "impact", "voice", "data", "quality-assurance", "external"]


def kind_weights(p):
    """Early evidence is mostly activity; impact grows as the work lands."""
    return [0.22 - 0.14 * p, 0.10 + 0.20 * p, 0.20, 0.17, 0.15, 0.07]


# --------------------------------------------------------------------------------------------
# Turning the story into CLI calls

class Ref:
    """An id the CLI assigns (A<n>, M<n>) known only once the add has run."""

    def __init__(self, key):
        self.key = key


CALLS = []  # (date, priority, order, args, capture key)
PRIO = {"lifecycle": 0, "partner": 1, "workstream": 2, "add": 3, "update": 4, "record": 5, "evidence": 6, "visit": 7}


def call(date, prio, args, capture=None):
    CALLS.append((date, PRIO[prio], len(CALLS), args, capture))


def build():
    # The inspection and the statement.
    call(day("2024-01-19"), "lifecycle", [
        "new", PLAN, "--area", AREA, "--inspected", "2024-01-15..2024-01-19", "--la", LA, "--health", HEALTH,
        "--note", "Demo Borough is a FICTIONAL local area: this plan was generated by scripts/build-demo-plan.py "
                  "(seeded, reproducible) to demonstrate wsoa. No real area, organisation, child or person is described."])
    letter = ["advance", PLAN, "letter", "--on", "2024-03-04", "--received", "2024-03-06", "--wsoa"]
    for w in WEAKNESSES:
        letter += ["--weakness", w]
    letter += ["--note", "Fictional letter: the five areas of significant weakness were written for this demo in the style of 2016-framework outcome letters."]
    call(day("2024-03-04"), "lifecycle", letter)
    call(day("2024-06-14"), "lifecycle", ["advance", PLAN, "submit", "--on", "2024-06-14"])
    call(day("2024-07-25"), "lifecycle", ["advance", PLAN, "judge", "--on", "2024-07-25", "--fit",
                                           "--note", "Ofsted and CQC judged the statement fit for purpose; two milestone dates were clarified at their request."])
    call(day("2026-04-01"), "partner", [
        "partner", PLAN, "--health", HEALTH_RENAMED, "--on", "2026-04-01",
        "--note", "NHS Demo Integrated Care Board merged with its neighbour, NHS Northvale Integrated Care Board (also fictional), on 1 April 2026."])

    for ws, title, lead, acc, partner, addresses, added in WORKSTREAMS:
        call(day(added), "workstream", ["workstream", "add", PLAN, ws, "--title", title, "--addresses", ",".join(addresses),
                                        "--lead", lead, "--accountable", acc, "--partner", partner, "--on", added])

    completions = []
    for i, a in enumerate(ACTIONS):
        completions += action_calls(f"a{i}", a)

    for i, m in enumerate(MEASURES):
        measure_calls(f"m{i}", m)

    for v, (on, advisers, rates, follow_ups, note) in enumerate(VISITS, 1):
        args = ["visit", PLAN, "--on", on]
        for adv in advisers:
            args += ["--adviser", adv]
        args += ["--rate", rates]
        for f in follow_ups:
            args += ["--follow-up", f]
        args += ["--note", note]
        call(day(on), "visit", args)

    evidence_calls(completions)


def action_calls(key, a):
    added = a.added or day(DEFAULT_ADDED[a.ws])
    call(added, "add", ["action", "add", PLAN, "--workstream", a.ws, "--title", a.title, "--due", iso(a.due),
                        "--lead", a.lead, "--on", iso(added)], capture=key)

    def update(d, status, note):
        assert added <= d < TODAY, (a.title, d)
        call(d, "update", ["action", "update", PLAN, Ref(key), "--status", status, "--on", iso(d), "--note", note])

    if a.fate == "notstarted":
        if rng.random() < 0.7:
            update(weekday(plus(TODAY, -rng.randint(30, 120))), "notStarted", rng.choice(NOTES["notStarted"]))
        return []

    dues = [a.due] + [d for d, _, _ in a.rt]
    final_due = dues[-1]
    start = weekday(max(plus(added, rng.randint(7, 35)), plus(a.due, -rng.randint(150, 320))))
    if a.fate == "done":
        end = weekday(plus(final_due, a.off if a.off is not None else rng.randint(-30, 3)))
        end = max(end, plus(start, 21))
    else:
        end = weekday(plus(TODAY, -rng.randint(5, 25)))
    assert end < TODAY, (a.title, end)

    retargets = []
    for i, (new_due, reason, agreed) in enumerate(a.rt):
        r = weekday(plus(dues[i], -rng.randint(3, 28)))
        r = max(r, plus(start, 14), plus(retargets[-1][0], 14) if retargets else r)
        assert r < end and r < TODAY, (a.title, r)
        retargets.append((r, new_due, reason, agreed))
        call(r, "update", ["action", "retarget", PLAN, Ref(key), "--due", iso(new_due), "--reason", reason,
                           "--agreed-with", agreed, "--on", iso(r)])

    def due_on(t):
        due = a.due
        for r, new_due, _, _ in retargets:
            if r <= t:
                due = new_due
        return due

    dates, t = [], start
    while t < plus(end, -14):
        dates.append(t)
        t = weekday(plus(t, rng.randint(70, 110)))
    # Someone reports an action that has gone past its due date soon after it did.
    if end > plus(final_due, 10) and not any(final_due < t < end for t in dates):
        dates.append(weekday(plus(final_due, rng.randint(3, min(14, (end - final_due).days - 3)))))

    first = True
    for t in dates:
        due = due_on(t)
        if any(t < r <= plus(t, 60) for r, _, _, _ in retargets):
            status = "atRisk"
        elif t > due:
            status = "offTrack"
        elif a.fate == "late" and t > plus(due, -60):
            status = "atRisk"
        elif a.fate in ("done", "open") and rng.random() < 0.08:
            status = "atRisk"
        else:
            status = "onTrack"
        note = rng.choice(NOTES["start"]) if first and status == "onTrack" else rng.choice(NOTES[status])
        update(t, status, note)
        first = False

    if a.fate == "done":
        update(end, "complete", rng.choice(NOTES["complete"]))
        return [(end, a)]
    status = a.end or ("offTrack" if end > final_due else "onTrack")
    update(end, status, a.note or rng.choice(NOTES[status]))
    return []


def month_ends(first, last):
    y, m = first
    while (y, m) <= last:
        ny, nm = (y + 1, 1) if m == 12 else (y, m + 1)
        yield dt.date(ny, nm, 1) - dt.timedelta(days=1)
        y, m = ny, nm


def fmt(v, dp):
    return f"{v:.{dp}f}" if dp else str(int(round(v)))


def measure_calls(key, m):
    (bv, bd), (tv, td) = m.base, m.target
    args = ["measure", "add", PLAN, "--workstream", m.ws, "--title", m.title, "--unit", m.unit,
            "--baseline", f"{fmt(bv, m.dp)}@{iso(bd)}", "--target", f"{fmt(tv, m.dp)}@{iso(td)}"]
    if m.lower:
        args.append("--lower-is-better")
    if m.national is not None:
        args += ["--national", str(m.national)]
    call(m.added, "add", args + ["--on", iso(m.added)], capture=key)
    for d in month_ends((2024, 11), (2026, 10)):
        f = (d - bd).days / (td - bd).days
        v = bv + (tv - bv) * SHAPES[m.shape](f) + rng.gauss(0, m.sd)
        if m.unit == "%":
            v = max(0.0, min(100.0, v))
        call(d, "record", ["measure", "record", PLAN, Ref(key), "--on", iso(d), "--value", fmt(max(v, 0), m.dp)])


def evidence_calls(completions, total=300):
    items = []  # (date, ws, kind, title, source, weakness, link)

    def weakness_for(ws):
        ws_w = WS_WEAKNESSES[ws]
        x = rng.random()
        if x < 0.6:
            return ws_w[0]
        if x < 0.8 and len(ws_w) > 1:
            return ws_w[1]
        return None

    for d, a in completions:
        if d < G.START:
            continue
        e = weekday(plus(d, rng.randint(0, 10)))
        items.append((min(e, G.END), a.ws, "activity", f"Completion report to the SEN strategic group: {a.title[0].lower()}{a.title[1:]}",
                      "SEN strategic group papers", WS_WEAKNESSES[a.ws][0], None))
    visit_ws = ["ehc-quality", "neurodevelopmental", "joint-commissioning", "coproduction",
                "outcomes", "neurodevelopmental", "preparation-for-adulthood", "ehc-quality"]
    for n, ((on, *_), ws) in enumerate(zip(VISITS, visit_ws), 1):
        items.append((weekday(plus(day(on), rng.randint(5, 12))), ws, "external",
                      f"DfE and NHS England advisers' note of monitoring visit {n}: {'progress' if n > 3 else 'early progress'} and agreed follow-ups",
                      "DfE and NHS England advisers", WS_WEAKNESSES[ws][0],
                      "https://example.org/demo-borough/monitoring-visit-notes" if n in (4, 8) else None))

    span = (G.END - G.START).days
    used_links, titles = set(), set()
    wss = [w[0] for w in WORKSTREAMS]
    while len(items) < total:
        d = weekday(plus(G.START, rng.randint(0, span)))
        if d < G.START:
            continue
        g = G(d)
        ws = rng.choice(wss)
        kind = rng.choices(KINDS, kind_weights(g.p))[0]
        options = [t for t in T[ws] if t[0] == kind and (len(t) < 4 or d >= day(t[3]))]
        if not options:
            continue
        _, template, link = rng.choice(options)[:3]
        title, source = template(g)
        if title in titles:  # a one-off (a review, a case study) happens once
            continue
        titles.add(title)
        # A few items carry a link: the first time each linked template is used, and now and then after.
        if link and (link not in used_links or rng.random() < 0.15):
            used_links.add(link)
        else:
            link = None
        items.append((d, ws, kind, title, source, weakness_for(ws), link))

    for d, ws, kind, title, source, weakness, link in items:
        args = ["evidence", "add", PLAN, "--workstream", ws, "--kind", kind, "--on", iso(d), "--title", title,
                "--source", source]
        if weakness:
            args += ["--weakness", weakness]
        if link:
            args += ["--link", link]
        call(d, "evidence", args)


# --------------------------------------------------------------------------------------------
# Running it

def find_binary(root, given):
    if given:
        return os.path.abspath(given)
    swift = shutil.which("swift")
    if not swift:
        sys.exit("build-demo-plan: no wsoa binary given and `swift` is not on PATH.")
    out = subprocess.run([swift, "build", "--show-bin-path"], cwd=root, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"build-demo-plan: `swift build --show-bin-path` failed:\n{out.stderr}")
    return os.path.join(out.stdout.strip(), "wsoa")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description="Record the fictional plans/demo-borough-2022 through the wsoa CLI.")
    ap.add_argument("wsoa", nargs="?", help="the wsoa binary (default: from `swift build --show-bin-path`)")
    ap.add_argument("--plans", help="the plans directory (default: <package root>/plans)")
    opts = ap.parse_args()

    binary = find_binary(root, opts.wsoa)
    if not os.access(binary, os.X_OK):
        sys.exit(f"build-demo-plan: {binary} is not an executable wsoa binary (build it with `swift build`).")
    plans = os.path.abspath(opts.plans or os.path.join(root, "plans"))
    env = dict(os.environ, WSOA_USER=USER, WSOA_PLANS=plans, WSOA_TODAY=DEMO_TODAY.isoformat())

    started = time.monotonic()
    build()
    CALLS.sort(key=lambda c: (c[0], c[1], c[2]))
    recorded = [(shifted(date), prio, order, [shifted_arg(a) for a in args], capture)
                for date, prio, order, args, capture in CALLS if shifted(date) <= DEMO_TODAY]

    if not os.path.isdir(plans):
        run(binary, ["init"], env, plans)
    target = os.path.join(plans, PLAN)
    if os.path.lexists(target):
        shutil.rmtree(target)

    ids = {}
    for date, _, _, args, capture in recorded:
        args = [ids[a.key] if isinstance(a, Ref) else a for a in args]
        out = run(binary, args, env, plans)
        if capture:
            m = re.search(r"^Recorded (?:action|measure) added ([AM]\d+) for ", out, re.M)
            if not m:
                sys.exit(f"build-demo-plan: could not read the new id from `wsoa {' '.join(args[:2])}`:\n{out}")
            ids[capture] = m.group(1)
    elapsed = time.monotonic() - started

    with open(os.path.join(target, "events.jsonl"), encoding="utf-8") as f:
        types = Counter(json.loads(line)["type"] for line in f if line.strip())
    print(f"{PLAN}: {sum(types.values())} events in {elapsed:.1f}s — "
          + ", ".join(f"{t} {n}" for t, n in types.items()))
    verify = subprocess.run([binary, "verify", PLAN, "--plans", plans], env=env)
    sys.exit(verify.returncode)


def run(binary, args, env, plans):
    proc = subprocess.run([binary, *args, "--plans", plans], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        shown = " ".join(a if re.fullmatch(r"[\w@.,:/=-]+", a) else repr(a) for a in args)
        sys.stderr.write(f"build-demo-plan: `wsoa {shown}` failed (exit {proc.returncode}):\n{proc.stderr}")
        sys.exit(1)
    return proc.stdout


if __name__ == "__main__":
    main()
