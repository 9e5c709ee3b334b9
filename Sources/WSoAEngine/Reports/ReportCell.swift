/// One table cell of a report: plain text (each renderer escapes it) and an optional tone.
struct ReportCell: Sendable {
    /// The cell's words.
    let text: String
    /// Its red-amber-green sense, if it has one.
    let tone: ReportTone?
    /// Whether the text is a recorded link, which a renderer may make live when it is a safe
    /// web address (``Swift/String/safeWebAddress``) and shows as text otherwise.
    let isLink: Bool

    /// A cell with a tone.
    init(_ text: String, tone: ReportTone? = nil, isLink: Bool = false) {
        self.text = text
        self.tone = tone
        self.isLink = isLink
    }
}

