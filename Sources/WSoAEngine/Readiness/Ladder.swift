/// The numbers behind the evidence ladder's words (DESIGN.md §7), in one place.
///
/// DESIGN.md says "mostly complete", "the last 6 months" and "two different quarters"; these
/// constants are the precise reading the engine applies and every report prints:
///
/// - **Mostly complete**: at least half (≥ 50%) of *all* the weakness's actions are complete,
///   whatever their due dates. Counting only the actions already due would add nothing to
///   "none overdue" (every action whose due date has passed is then complete), so the share is
///   taken over the whole statement: a plan a few months in has not yet delivered most of it.
/// - **A weakness's actions, measures and evidence**: those of every workstream that addresses
///   it. Evidence tagged with a weakness counts for that weakness only; untagged evidence
///   counts for every weakness its workstream addresses.
/// - **The last 6 months**: dated on or after the as-of day less 6 calendar months, and on or
///   before the as-of day.
/// - **Moving towards its target**: the measure's latest reading is dated in the last 6 months
///   and either its trend (`Measure.trend`: the least-squares direction of travel over the six
///   months of readings up to the latest) is improving, or it is already at or beyond target.
///   Direction of travel, not distance from the baseline: a measure better than its baseline
///   but now falling is not moving towards its target; one recovering from a dip is.
/// - **Sustained at target**: the trailing run of readings at or beyond the target (ending
///   with the latest reading) starts at least 6 calendar months before that latest reading.
/// - **Quarters**: calendar quarters (January–March, April–June, July–September,
///   October–December), which are also the financial year's quarters.
public enum Ladder {
    /// The share of a weakness's actions that must be complete for "mostly complete".
    public static let mostlyCompleteShare = 0.5
    /// How far back "recent" evidence and readings may be dated, in calendar months.
    public static let recentMonths = 6
    /// How long a measure must stay at or beyond target for "sustained", in calendar months.
    public static let sustainedMonths = 6
    /// How many different quarters must hold impact evidence for "sustained".
    public static let impactQuarters = 2

    /// The first day of the "last 6 months" window ending on `asOf`.
    public static func recentFrom(_ asOf: Day) -> Day {
        asOf.adding(months: -recentMonths)
    }

    /// Whether `complete` of `total` actions is "mostly complete" (false with no actions).
    public static func isMostlyComplete(_ complete: Int, of total: Int) -> Bool {
        total > 0 && Double(complete) >= mostlyCompleteShare * Double(total)
    }
}
