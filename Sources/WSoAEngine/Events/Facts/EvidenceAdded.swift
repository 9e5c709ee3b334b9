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
        /// The weaknesses it speaks to (none: every weakness its workstream addresses).
        public let weaknesses: [String]
        /// What kind of evidence it is.
        public let kind: EvidenceKind
        /// What it is.
        public let title: String
        /// Where it came from.
        public let source: String?
        /// A file, with its hash and whether a copy is kept.
        public let file: FileReference?
        /// A link.
        public let link: String?

        /// Makes a piece of evidence.
        public init(on: Day, id: String, workstream: String, weaknesses: [String] = [], kind: EvidenceKind, title: String,
                    source: String? = nil, file: FileReference? = nil, link: String? = nil) {
            self.on = on
            self.id = id
            self.workstream = workstream
            self.weaknesses = weaknesses
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
        var references: [PlanReference] { [.workstream(workstream)] + weaknesses.map(PlanReference.weakness) }
        var deliveryDates: [(name: String, day: Day)] { [("evidence date", on)] }
        var happenedDates: [(name: String, day: Day)] { [("evidence date", on)] }
        var recordID: String? { id }
        public var summary: String {
            "\(id) [\(([workstream] + weaknesses).joined(separator: ", "))] \(kind.rawValue): \(title)"
        }

        init(on: Day, data: inout JSONObjectReader) throws {
            var id: String?, workstream: String?, weaknesses: [String]?, kind: EvidenceKind?, title: String?
            var source: String?, file: FileReference?, link: String?
            while let key = try data.nextKey() {
                switch key {
                case "file": file = try data.fileReference(key)
                case "id": id = try data.string(key)
                case "kind": kind = try data.enumeration(key, EvidenceKind.self)
                case "link": link = try data.optionalString(key)
                case "source": source = try data.optionalString(key)
                case "title": title = try data.string(key)
                case "weakness": weaknesses = try data.singularOrPlural(key, given: weaknesses) { try $0.optionalString(key).map { [$0] } ?? [] }
                case "weaknesses": weaknesses = try data.singularOrPlural(key, given: weaknesses) { try $0.strings(key) }
                case "workstream": workstream = try data.string(key)
                default: throw data.unknownField(key)
                }
            }
            self.init(on: on, id: try data.required(id, "id"), workstream: try data.required(workstream, "workstream"),
                      weaknesses: weaknesses ?? [], kind: try data.required(kind, "kind"), title: try data.required(title, "title"),
                      source: source, file: file, link: link)
        }

        func encode(into data: inout [String: JSONValue]) {
            data["id"] = .string(id)
            data["workstream"] = .string(workstream)
            data.setListOrOne("weakness", "weaknesses", weaknesses)
            data["kind"] = .string(kind.rawValue)
            data["title"] = .string(title)
            data["source"] = source.map(JSONValue.string)
            data["link"] = link.map(JSONValue.string)
            data["file"] = file?.encoded
        }
    }
}
