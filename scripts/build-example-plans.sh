#!/usr/bin/env bash
# Rebuilds plans/ from nothing by recording the seed areas' real histories through the CLI.
#
# Every fact comes from the seed letters and the Cabinet report (Tests/Fixtures/seeds, copies of
# ../shared/seeds); where a seed gives no exact date the event's note says which date was used
# and why, and the date is marked --estimated so every view shows it as one. The journals are
# reproducible apart from each line's `recorded` instant.
#
# Usage: scripts/build-example-plans.sh   (from anywhere; builds wsoa first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift build --product wsoa >/dev/null
bin="$(swift build --show-bin-path)/wsoa"
plans="$root/plans"
seeds="$root/Tests/Fixtures/seeds"
[ -d "$seeds" ] || { echo "The seed letters are not at $seeds." >&2; exit 1; }
seed() { ls "$seeds"/"$1"_*.txt; }
rm -rf "$plans"
export WSOA_PLANS="$plans" WSOA_USER="wsoa example script"
w() { "$bin" "$@" >/dev/null; }

w init

# Stockton-on-Tees (seeds 000: revisit letter 26 Sep 2022; 002: Cabinet report 17 Oct 2019).
w new stockton-on-tees-2019 --area "Stockton-on-Tees" --inspected 2019-02-04..2019-02-08 \
  --la "Stockton-on-Tees Borough Council" \
  --note "Inspection dates from the Cabinet report of 17 October 2019. The CCG's name in 2019 is not in the seeds, so the health partner is left unnamed."
w advance stockton-on-tees-2019 letter --on 2019-04-24 --received 2019-05-02 --estimated received --wsoa \
  --weakness "Co-production, engagement and communication with parents are underdeveloped." \
  --weakness "The quality of EHC assessments and plans is too variable." \
  --weakness "Strategic joint commissioning, in a way that demonstrably improves EHC provision and outcomes for children, young people and families, is not fully embedded." \
  --weakness "Local area leaders have not developed an effective approach to measuring and evaluating EHC outcomes for children and young people." \
  --note "Letter date from the revisit letter (published 24 April 2019); weaknesses as the revisit letter quotes them. The received date 2 May 2019 is inferred: the statement was submitted on 12 August 2019, which is 70 working days after it."
w advance stockton-on-tees-2019 submit --on 2019-08-12 --note "Submission date from the Cabinet report of 17 October 2019."
w advance stockton-on-tees-2019 judge --on 2019-10-17 --fit --estimated on \
  --note "The Cabinet report of 17 October 2019 says the statement had been approved by Ofsted/CQC; the exact date is not in the seeds, so the report's date is used."
w partner stockton-on-tees-2019 --health "North East & North Cumbria Integrated Care Board" --on 2022-07-01 \
  --note "The revisit letter of 26 September 2022 is addressed to the North East & North Cumbria Integrated Care Board; integrated care boards replaced CCGs on 1 July 2022."
w advance stockton-on-tees-2019 revisit --from-letter "$(seed 000)"
w advance stockton-on-tees-2019 cease --on 2022-09-26 \
  --note "The revisit letter of 26 September 2022 says the formal quarterly support and challenge visits from the DfE and NHS England will cease; recorded on the letter's date."

# Middlesbrough (seed 001: revisit letter 26 Sep 2019).
w new middlesbrough-2017 --area "Middlesbrough" --inspected 2017-03-01..2017-03-31 --estimated inspected \
  --la "Middlesbrough Council" --health "County Durham and Tees Valley Clinical Commissioning Group" \
  --note "The revisit letter says only that the initial inspection was in March 2017, so the whole month is recorded as the visit. The CCG's name is cut short in the seed ('County Durham and Tees Valley Clinical Commissioning'); 'Group' is added."
w advance middlesbrough-2017 letter --on 2017-05-19 --estimated on --wsoa \
  --weakness "There are fundamental weaknesses in the strategic leadership, governance and implementation of the disability and special educational needs reforms." \
  --weakness "Children, young people and their families have too little involvement in discussion and decision-making about the services and support they need. The local offer is poor and, as a result, children, young people and families have a weak understanding of the resources and support available in Middlesbrough." \
  --weakness "Leaders have an inaccurate view of the local area's effectiveness. They do not gather, analyse and use information and data to drive improvement in provision and outcomes for children and young people who have SEND." \
  --weakness "Strategic planning is weak and there is no strategy for jointly commissioning services across education, health and social care." \
  --note "The revisit letter says the written statement of action was issued on 19 May 2017; that date is recorded as the outcome letter's, and the day it was received is not known (the statement clock is estimated). Weaknesses as the revisit letter quotes them."
w advance middlesbrough-2017 submit --on 2017-09-22 --estimated on \
  --note "The submission date is not in the seeds; 22 September 2017, the day the statement was declared fit for purpose, is the latest it can have been, so the statement clock's lateness is an upper bound."
w advance middlesbrough-2017 judge --on 2017-09-22 --fit --note "Declared fit for purpose on 22 September 2017 (revisit letter)."
w advance middlesbrough-2017 revisit --from-letter "$(seed 001)"

# Redcar and Cleveland (seed 003: inspection outcome letter 23 Apr 2018), read from the letter.
# Its later history is not in the seeds, so it stops at statementDue.
w new redcar-and-cleveland-2018 --from-letter "$(seed 003)"

# Stoke-on-Trent (seed 004: inspection outcome letter 8 Sep 2016), read from the letter: no statement required.
w new stoke-on-trent-2016 --from-letter "$(seed 004)"

python3 "$root/scripts/build-demo-plan.py" "$bin" --plans "$plans"
"$bin" list
