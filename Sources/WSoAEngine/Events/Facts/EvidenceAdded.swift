extension PlanEvent {
    /// A piece of evidence was recorded; its id is `E<n>`, the next in the plan, and `on` is
    /// the day it represents.
    public struct EvidenceAdded: EventFacts {
        static let type = EventType.evidenceAdded
        /// The day the evidence represents (which may be before the day it was recorded).
        public let on: Day
        /// `E<n>`.
        public let id: String
        /// The workstream it evidences.
        public let workstream: String
        /// The weakness it speaks to, if one.
        public let weakness: String?
        /// What kind of evidence it is.
        public let kind: EvidenceKind
        /// What it is.
        public let title: String
        /// Where it came from.
        public let source: String?
        /// A file, with its hash.
        public let file: FileReference?
        /// A link.
        public let link: String?

        /// Makes a piece of evidence.
        public init(on: Day, id: String, workstream: String, weakness: String? = nil, kind: EvidenceKind, title: String,
                    source: String? = nil, file: FileReference? = nil, link: String? = nil) {
            self.on = on
            self.id = id
            self.workstream = workstream
            self.weakness = weakness
            self.kind = kind
            self.title = title
            self.source = source
            self.file = file
            self.link = link
        }

        var note: String? { nil }
        var texts: [EventText] {
            [EventText(.title, title)] + EventText.list(.source, source) + EventText.list(.link, link)
                + EventText.list(.file, file?.path)
        }
        var references: [PlanReference] { [.workstream(workstream)] + (weakness.map { [.weakness($0)] } ?? []) }
        var deliveryDates: [(name: String, day: Day)] { [("evidence date", on)] }
        var recordID: String? { id }
        public var summary: String {
            "\(id) [\(workstream)\(weakness.map { ", \($0)" } ?? "")] \(kind.rawValue): \(title)"
        }

        init(on: Day, data: inout JSONFields) throws {
            // In the order a canonical line has them (keys sorted), as `JSONFields` reads fastest.
            var file: FileReference?
            if var fields = try data.optionalFields("file") {
                file = FileReference(path: try fields.string("path"), size: try fields.int("size"), sha256: try fields.string("sha256"))
                try fields.requireNoOthers()
            }
            let id = try data.string("id"), kind = try data.enumeration("kind", EvidenceKind.self)
            let link = try data.optionalString("link"), source = try data.optionalString("source")
            let title = try data.string("title"), weakness = try data.optionalString("weakness")
            self.init(on: on, id: id, workstream: try data.string("workstream"), weakness: weakness, kind: kind, title: title,
                      source: source, file: file, link: link)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(id)
            data["workstream"] = .string(workstream)
            data["weakness"] = weakness.map(JSONValue.string)
            data["kind"] = .string(kind.rawValue)
            data["title"] = .string(title)
            data["source"] = source.map(JSONValue.string)
            data["link"] = link.map(JSONValue.string)
            data["file"] = file.map { .object(["path": .string($0.path), "size": .int($0.size), "sha256": .string($0.sha256)]) }
        }
    }
}
