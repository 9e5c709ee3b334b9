/// One table cell of a report: plain text (each renderer escapes it) and an optional tone.
struct ReportCell: Sendable {
    /// The cell's words.
    let text: String
    /// Its red-amber-green sense, if it has one.
    let tone: ReportTone?

    /// A cell with a tone.
    init(_ text: String, tone: ReportTone? = nil) {
        self.text = text
        self.tone = tone
    }
}

