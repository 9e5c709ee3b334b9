#!/usr/bin/env bash
# Rebuilds plans/ from nothing by recording real areas' histories through the CLI.
#
# The seed areas' facts come from the seed letters and the Cabinet report (Tests/Fixtures/seeds,
# copies of ../shared/seeds); Staffordshire's from public web pages, cited in each event's note;
# Oxfordshire's from its 2023 report (Tests/Fixtures/reports-2023) and public web pages, cited
# likewise, with invented delivery records between the report and its monitoring inspection.
# Where a source gives no exact date the event's note says which date was used and why, and the
# date is marked --estimated so every view shows it as one. The journals are reproducible apart
# from each line's `recorded` instant.
#
# Usage: scripts/build-example-plans.sh           (from anywhere; builds wsoa first; rebuilds every plan)
#        scripts/build-example-plans.sh PLAN-ID   (staffordshire-2018 or oxfordshire-2023: rebuilds that one
#                                                  plan only, leaving the others as they are)
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

oxfordshire() {
# Oxfordshire: the 2023 area SEND framework, widespread and/or systemic failings (July 2023), from
# the report to the monitoring inspection that found effective action on all five areas for
# priority action (November 2025), recorded from public facts; every such event's note cites its
# source, and dates the sources do not give exactly are marked --estimated. The partnership's
# updated strategic plan has no public date, so it is not recorded. The workstreams, actions,
# measures, evidence and DfE/NHS England visits between are INVENTED, to show the report before
# the monitoring inspection: each title ends "(invented example)" and each visit's note says so.
report="$root/Tests/Fixtures/reports-2023/oxfordshire-2023.txt"
pdf="data-to-insight/ofsted-send-scrape-tool at a3254b1b0336beb876a4e123d751756628e37383, export_data/inspection_reports/80536_oxfordshire/area send full inspection - 15 september 2023.pdf"
published="https://www.oxfordmail.co.uk/news/23802176.victoria-prentis-speaks-damning-send-report/"
improvement="https://www.oxfordshire.gov.uk/residents/children-education-and-families/oxfordshire-send-local-offer/send-strategy/send-improvement"
hwb="https://mycouncil.oxfordshire.gov.uk/mgAi.aspx?ID=29268"
draft="https://news.oxfordshire.gov.uk/draft-priority-action-plan/"
notice="https://oxfordmail.co.uk/news/23930277.send-services-oxfordshire-must-improve-2025-says-dfe"
approved="https://www.banburyguardian.co.uk/education/banbury-and-oxfordshire-special-educational-needs-service-is-starting-improvements-4450406"
fieldwork="https://www.oxpcf.org.uk/post/ofsted-send-monitoring-inspection-september-2025"
monitoring="https://www.oxpcf.org.uk/post/oxfordshire-area-send-monitoring-inspection-ofsted-report-19-november-2025"
bbc="https://feeds.bbci.co.uk/news/articles/c74j43zgyp3o"
banburyfm="https://banburyfm.com/news/effective-action-taken-to-improve-oxfordshires-send-provision"
p=oxfordshire-2023
w new $p --from-letter "$report" --on 2023-09-15 \
  --la "Oxfordshire County Council" --health "NHS Buckinghamshire, Oxfordshire and Berkshire West Integrated Care Board" \
  --note "The area SEND full inspection report as pdftotext prints it ($pdf; Crown copyright, OGL v3.0), published on Friday 15 September 2023 (Oxford Mail, $published). The day the partnership received the final report is not public, so every clock counts from publication and is marked estimated. The report's 'Inspection dates' field says 13 to 21 July 2023 but every page footer says 17 to 21 July 2023; the field's dates are recorded. No publication date of the partnership's updated strategic plan was found (the council's SEND strategy pages hold a Local Area SEND Strategy 2022-2027 and a SEND transformation roadmap, January 2024 to April 2025, neither dated as the post-inspection update), so none is recorded and the strategic plan clock stays open. The partners are named as the council's SEND improvement page names them ($improvement); the ICB took over from the Oxfordshire CCG on 1 July 2022 (the report)."
w advance $p deadline --clock priority-action-plan --due 2023-10-27 --on 2023-09-15 --estimated on \
  --note "'There was a requirement to submit the action plan by 27 October 2023' (Oxfordshire Health & Wellbeing Board minutes, $hwb), 30 working days after the report was published. The day the partnership was told is not public, so the report's publication date is used."
w advance $p pap-submit --on 2023-10-24 \
  --note "'On Tuesday 24 October, the Oxfordshire local area partnership submitted a draft priority action plan to the Department for Education (DfE)' (council news release, 16 November 2023, $draft)."
w advance $p escalate --on 2023-11-16 --estimated on --kind improvement-notice --issuer "the Department for Education" --link "$draft" \
  --note "'Today (16 November), the DfE has published an improvement notice that has been issued to the county council' (council news release, $draft); its steps are to be delivered 'by the end of February 2025 or sooner' (Oxford Mail, $notice). The notice's own date is not in the sources found, so the day it was published is used."
w advance $p pap-accept --on 2023-12-12 \
  --note "'A draft was submitted to the Department for Education (DfE) on October 24 and approved by Ofsted on December 12'; the council published the plan on its site on Monday 18 December 2023 (Banbury Guardian, 18 December 2023, $approved)."

# Invented from here to the monitoring inspection: delivery as a partnership might record it.
w workstream add $p voice --title "Children's and families' views in planning and evaluation (invented example)" --addresses P1,P5,I1 \
  --lead "SEND participation and co-production lead" --accountable "Director of Children's Services" --partner la,parent-carer-forum --on 2024-01-10
w workstream add $p information --title "Shared information and communication across the partnership (invented example)" --addresses P2 \
  --lead "SEND systems and data lead" --accountable "ICB Director of Nursing" --partner la,health --on 2024-01-10
w workstream add $p ehc-plans --title "Timely, quality-assured EHC plans and transitions (invented example)" --addresses P3,I2 \
  --lead "Head of SEND assessment and review" --accountable "Director of Children's Services" --partner la,health,social-care --on 2024-01-10
w workstream add $p commissioning --title "Commissioning, alternative provision and health waiting times (invented example)" --addresses P4,I3,I4 \
  --lead "Joint commissioning manager for children" --accountable "ICB Director of Nursing" --partner health,la,education --on 2024-01-17
w action add $p --workstream voice --title "Set up a young people's SEND voice panel (invented example)" --due 2024-03-28 --on 2024-01-10
w action add $p --workstream ehc-plans --title "Start a monthly multi-agency EHC plan quality audit (invented example)" --due 2024-02-29 --on 2024-01-10
w action add $p --workstream information --title "Agree a partnership information-sharing agreement (invented example)" --due 2024-06-28 --on 2024-01-10
w action add $p --workstream voice --title "Co-produce an outcomes framework with the parent carer forum (invented example)" --due 2024-10-31 --on 2024-01-10
w action add $p --workstream commissioning --title "Commission more alternative provision places (invented example)" --due 2025-04-30 --on 2024-01-17
w action add $p --workstream information --title "Link education, health and care records for EHC needs assessments (invented example)" --due 2025-06-30 --on 2024-01-17
w measure add $p --workstream ehc-plans --title "New EHC plans issued within 20 weeks (invented example)" --unit % --baseline 12@2023-09-30 --target 65@2025-09-30 --national 50 --on 2024-01-10
w measure add $p --workstream voice --title "Parents confident their child's views shape their support (invented example)" --unit % --baseline 22@2023-11-30 --target 50@2025-11-30 --on 2024-01-10
w action update $p A2 --status complete --on 2024-02-26
w action update $p A1 --status complete --on 2024-03-20
w action update $p A3 --status complete --on 2024-07-05
w action update $p A4 --status complete --on 2024-10-25
w visit $p --on 2024-11-20 --adviser "DfE SEND adviser" --adviser "NHS England SEND adviser" --rate P1=amber,P2=amber,P3=amber,P4=red,P5=amber \
  --note "Invented example: a DfE/NHS England support and challenge visit as a partnership might record it."
w measure record $p M1 --on 2025-01-31 --value 41
w measure record $p M2 --on 2025-01-31 --value 33
w evidence add $p --workstream ehc-plans --kind impact --on 2025-01-31 --weakness P3 \
  --title "EHC plan audit: 58% of new plans good or better, up from 21% (invented example)"
w evidence add $p --workstream voice --kind impact --on 2025-02-14 --weakness P1,P5 \
  --title "Voice panel's review of the local offer changed three services (invented example)"
w action update $p A5 --status off-track --on 2025-04-15
w visit $p --on 2025-05-21 --adviser "DfE SEND adviser" --adviser "NHS England SEND adviser" --rate P1=green,P2=amber,P3=green,P4=red,P5=green \
  --note "Invented example: a DfE/NHS England support and challenge visit as a partnership might record it."
w evidence add $p --workstream information --kind impact --on 2025-05-30 --weakness P2 \
  --title "Case audit: health advice on file for 70% of new EHC needs assessments (invented example)"
w action update $p A6 --status at-risk --on 2025-06-16
w evidence add $p --workstream voice --kind voice --on 2025-06-27 --weakness P1,P2,P3,P5 \
  --title "Parent carer survey: more families say services talk to each other (invented example)"
w measure record $p M1 --on 2025-07-31 --value 62
w measure record $p M2 --on 2025-07-31 --value 47
w evidence add $p --workstream ehc-plans --kind impact --on 2025-07-31 --weakness P3 \
  --title "EHC plan audit: 68% of new plans good or better (invented example)"
w evidence add $p --workstream voice --kind impact --on 2025-08-08 --weakness P1,P5 \
  --title "Young people's panel co-wrote the outcomes framework's annual report (invented example)"

# Public again: the monitoring inspection and the next full inspection's horizon.
w advance $p monitoring-inspection --on 2025-11-19 --visited 2025-09-15..2025-10-01 --effective P1,P2,P3,P4,P5 \
  --note "Monitoring inspection 15 September to 1 October 2025 (Oxfordshire Parent Carer Forum, $fieldwork); letter published 19 November 2025 ($monitoring): the partnership has 'taken effective action as it has taken reasonable steps to address all the areas for priority action identified at the initial inspection' (as quoted by the BBC, $bbc); 'effective action in all five areas that were previously identified as priorities' (Banbury FM, $banburyfm)."
w advance $p deadline --clock next-inspection --due 2027-11-19 --on 2025-11-19 --estimated on \
  --note "'Ofsted has indicated that a full reinspection of the local area will be due within the next two years' (Oxfordshire Parent Carer Forum, 19 November 2025, $monitoring). The due date is an estimate: two years from the monitoring letter's publication, the latest the words allow. The day the partnership was told is not public; the letter's publication date is used."
}

case "${1:-}" in
  staffordshire-2018|oxfordshire-2023)
    rm -rf "${plans:?}/$1"
    case "$1" in
      staffordshire-2018) staffordshire ;;
      oxfordshire-2023) oxfordshire ;;
    esac
    "$bin" list
    exit 0 ;;
  "") ;;
  *) echo "Usage: $0 [staffordshire-2018 | oxfordshire-2023]" >&2; exit 64 ;;
esac

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
oxfordshire

python3 "$root/scripts/build-demo-plan.py" "$bin" --plans "$plans"
"$bin" list
