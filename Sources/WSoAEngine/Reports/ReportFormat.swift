/// The renderings of a revisit-readiness assessment; the raw value is `--format`'s word.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Markdown, for GitHub, SharePoint or a plain-text email.
    case markdown
    /// One self-contained, print-ready HTML file.
    case html
    /// The whole assessment as JSON, for dashboards.
    case json

    /// The assessment in this format, ending with a newline.
    public func render(_ assessment: ReadinessAssessment) -> String {
        switch self {
        case .markdown: return MarkdownReport.render(assessment)
        case .html: return HTMLReport.render(assessment)
        case .json: return JSONReport.render(assessment)
        }
    }

    /// The usual file extension, e.g. `md`.
    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .html: return "html"
        case .json: return "json"
        }
    }
}
