#!/usr/bin/env bash
# Rebuilds plans/ from nothing by recording real areas' histories through the CLI.
#
# The seed areas' facts come from the seed letters and the Cabinet report (Tests/Fixtures/seeds,
# copies of ../shared/seeds); Staffordshire's from public web pages, cited in each event's note.
# Where a source gives no exact date the event's note says which date was used and why, and the
# date is marked --estimated so every view shows it as one. The journals are reproducible apart
# from each line's `recorded` instant.
#
# Usage: scripts/build-example-plans.sh           (from anywhere; builds wsoa first; rebuilds every plan)
#        scripts/build-example-plans.sh PLAN-ID   (rebuilds that one plan only, leaving the others as they are)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift build --product wsoa >/dev/null
bin="$(swift build --show-bin-path)/wsoa"
plans="$root/plans"
seeds="$root/Tests/Fixtures/seeds"
[ -d "$seeds" ] || { echo "The seed letters are not at $seeds." >&2; exit 1; }
seed() { ls "$seeds"/"$1"_*.txt; }
export WSOA_PLANS="$plans" WSOA_USER="wsoa example script"
w() { "$bin" "$@" >/dev/null; }

staffordshire() {
# Staffordshire: a revisit finding 6 of 8 weaknesses sufficient, partial cessation and an
# accelerated progress plan with formal reviews, recorded from public facts; every event's note
# cites its source, and dates the sources do not give exactly are marked --estimated.
council="https://www.staffordshireconnects.info/kb5/staffordshire/directory/advice.page?id=0a1sztVrjmc"
app="http://helpyourself.staffordshirecares.info/kb5/staffordshire/directory/advice.page?id=bwkrCSu_8xk"
wsoa2022="https://staffordshire.gov.uk/Education/SpecialEducationalNeeds/Staffordshire-Local-Area-Written-Statement-of-Action-January-2022.aspx"
answer="https://parallelparliament.co.uk/question/42658/special-educational-needs-staffordshire"
w new staffordshire-2018 --area "Staffordshire" --inspected 2018-11-19..2018-11-23 --estimated inspected \
  --la "Staffordshire County Council" \
  --note "The joint Ofsted/CQC inspection was in November 2018 (Staffordshire Connects, $council); the exact days are not in the public sources found, so the week of 19-23 November 2018 is an estimate. The health partners (the Staffordshire CCGs in 2018) are not named in those sources."
w advance staffordshire-2018 letter --on 2019-01-25 --estimated on --wsoa \
  --weakness "Leaders in education, health and social care have not worked together to organise roles and responsibilities, establish a united vision and strategic plan, communicate effectively, drive improvement or share what works well." \
  --weakness "Aspirations and expectations for children and young people." \
  --weakness "Co-production was weak. Parents felt that the local area did not listen to them or their child. The 'tell it once' approach was not embedded. The area's relationships with schools and families were fragile." \
  --weakness "The quality of EHC plans was poor. Health and care workers did not contribute to the process effectively. The targets and outcomes in plans were not aspirational enough. The annual reviews of EHC plans were often not completed on time or did not contribute effectively to the review of the children and young people's needs or the support and help they received." \
  --weakness "Preparation for children and young people at transition points." \
  --weakness "Graduated response." \
  --weakness "Improvement work in schools, alternative provision and the independent sector." \
  --weakness "Access to the right help and support." \
  --note "A written statement of action was required for 8 areas of significant weakness. The outcome letter's own list is not in the public sources found, so W1, W2 and W5-W8 are the council's WSoA priorities ($wsoa2022) and W3 and W4 are as the 2022 revisit letter restates them (quoted in a DfE written answer, $answer). The letter was public by 26 January 2019 (Express & Star, 26 January 2019); the council's page says published 4 February 2019, so the date is an estimate."
w advance staffordshire-2018 submit --on 2019-04-26 --estimated on \
  --note "Submitted in April 2019 ($council); the day is not given, so the last Friday of April is used."
w advance staffordshire-2018 judge --on 2019-05-01 --fit --estimated on \
  --note "The council published the statement on 1 May 2019, after Ofsted and CQC accepted it; their own date is not in the sources found, so 1 May 2019 is the latest it can have been."
w advance staffordshire-2018 revisit --on 2022-02-25 --visited 2022-01-18..2022-01-20 \
  --sufficient W1,W2,W5,W6,W7,W8 --insufficient W3,W4 \
  --note "Revisit 18-20 January 2022; revisit report published 25 February 2022 (APP Annex A, $app). Sufficient progress on six of the eight weaknesses, not on co-production and the quality of EHC plans (revisit letter as quoted by Churnet Sound and the DfE answer $answer). Which six were sufficient is inferred: the other six."
w advance staffordshire-2018 app-submit --on 2022-04-01 --estimated on \
  --note "The accelerated progress plan is dated 1 April 2022 ($app); its submission day is not published, so its date is used."
w advance staffordshire-2018 app-accept --on 2022-04-08 \
  --note "Agreed by the Department for Education on 8 April 2022 ($app)."
w advance staffordshire-2018 release --on 2022-04-08 --estimated on --weakness W1,W2,W5,W6,W7,W8 \
  --note "Partial cessation: the APP DfE agreed on 8 April 2022 covers only co-production and EHC plans ($app). DfE and NHS England's own date for ending monitoring of the other six is not in the sources found, so the day the APP was agreed is used."
w advance staffordshire-2018 app-publish --on 2022-04-08 --estimated on --link "$app" \
  --note "Published on Staffordshire's local offer with its risk register ($app); the first day it was there is not given, so the day it was agreed is used."
w advance staffordshire-2018 review --on 2022-09-29 --outcome-unknown \
  --note "Six-month review with DfE and NHS England on 29 September 2022 ($app). Its judgements are not published in the sources found, so none is recorded; a DfE written answer of 8 April 2025 says an APP is still in place for co-production and EHC plans, with progress monitored regularly ($answer)."
w advance staffordshire-2018 review --on 2023-04-20 --outcome-unknown \
  --note "Twelve-month review with DfE and NHS England on 20 April 2023 ($app); the outcome letter is not in the sources found, so no judgement is recorded. The APP page also lists an 18-month review whose date and outcome are not public, so the record stops here."
}

if [ "${1:-}" = staffordshire-2018 ]; then
  rm -rf "$plans/staffordshire-2018"
  staffordshire
  "$bin" list
  exit 0
fi
[ -z "${1:-}" ] || { echo "Usage: $0 [staffordshire-2018]" >&2; exit 64; }

rm -rf "$plans"
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

staffordshire

python3 "$root/scripts/build-demo-plan.py" "$bin" --plans "$plans"
"$bin" list
