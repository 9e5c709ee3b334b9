/// A national suspension of inspection visits, during which the clocks it applies to stop.
///
/// Kept as data, so that the next pause is one more line in `recorded`: its days, the clocks
/// it stops and where the facts come from.
public struct NationalPause: Hashable, Sendable {
    /// The first day of the pause.
    public let from: Day
    /// The day visits resumed: the first day no longer paused.
    public let resumed: Day
    /// The clocks it stops.
    public let clocks: Set<ClockName>
    /// What was paused, in words: "revisits suspended for COVID-19".
    public let what: String
    /// Where the dates come from.
    public let source: String

    /// Makes a pause of the days from `from` up to (not including) `resumed`.
    public init(from: Day, resumed: Day, clocks: Set<ClockName>, what: String, source: String) {
        self.from = from
        self.resumed = resumed
        self.clocks = clocks
        self.what = what
        self.source = source
    }

    /// Every national pause known, oldest first.
    public static let recorded: [NationalPause] = [
        NationalPause(
            from: Day(unchecked: 2020, 3, 17), resumed: Day(unchecked: 2021, 4, 1), clocks: [.revisit],
            what: "revisits suspended for COVID-19",
            source: "Ofsted, guidance for carrying out re-visits to local areas required to produce a written statement of action: "
                + "area SEND inspections and re-visits suspended on 17 March 2020; re-visits from April 2021 (announced 19 March 2021; "
                + "no day in April is given, so the pause is taken to end on 31 March 2021)"),
        NationalPause(
            from: Day(unchecked: 2024, 9, 3), resumed: Day(unchecked: 2025, 6, 6), clocks: [.monitoringInspection],
            what: "area SEND monitoring inspections held off pending Ofsted's review",
            source: "Ofsted's Big Listen response (September 2024): full inspections continue, monitoring inspections are held off "
                + "until the review of area SEND inspections is complete (Schools Week, 'Pause in Ofsted SEND inspections opens "
                + "accountability gap'); the revised framework and handbook came into force on 6 June 2025, which is taken as the end. "
                + "The first day is the response's date as recalled, and monitoring was said to restart in the summer term of 2025, "
                + "so both ends are approximate"),
    ]

    /// "17 Mar 2020 – 31 Mar 2021": the days paused, for people.
    public var span: String { "\(from.shortDescription) – \(resumed.adding(days: -1).shortDescription)" }

    /// How many of the days from `start` up to (not including) `end` fall in the pause.
    func overlap(from start: Day, to end: Day) -> Int {
        max(0, min(end, resumed).daysSince1970 - max(start, from).daysSince1970)
    }
}

extension NationalPause {
    /// The due day of a clock started on `start` that runs until `nominal` with the days of
    /// `pauses` that apply to `clock` added on, and the pauses it overlapped with their days.
    ///
    /// A pause stops the clock: the clock runs as many unpaused days as it would have run
    /// with none, so a longer run that reaches further into a pause (or into the next one)
    /// is extended again, until it no longer moves.
    static func extend(_ clock: ClockName, from start: Day, to nominal: Day,
                       by pauses: [NationalPause]) -> (due: Day, pauses: [Clock.Pause]) {
        let applying = pauses.filter { $0.clocks.contains(clock) }
        var due = nominal
        var overlaps: [Clock.Pause] = []
        while true {
            overlaps = applying.map { Clock.Pause(pause: $0, days: $0.overlap(from: start, to: due.adding(days: 1))) }.filter { $0.days > 0 }
            let extended = nominal.adding(days: overlaps.reduce(0) { $0 + $1.days })
            if extended == due { return (due, overlaps) }
            due = extended
        }
    }
}
