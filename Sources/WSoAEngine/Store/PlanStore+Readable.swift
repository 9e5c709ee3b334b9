extension PlanStore {
    /// The rule that refuses an event its own journal line could not give back.
    static let readableRule = "readable-record"

    /// Refuses `events` unless each, written as a journal line, reads back as exactly the same
    /// entry: a line wsoa cannot read would make every later read of the plan fail at it.
    ///
    /// `decide` guards what people can type; this guards what reaches the disk from any caller
    /// of the library, e.g. a day beyond the calendar's 1990–2100 (which arithmetic can make
    /// and the reader refuses) or a measure value that is not a finite number (written as null).
    static func requireReadable(_ events: [PlanEvent], plan: String, by: String, recorded: String,
                                personalDataAllowed: Bool) throws {
        for event in events {
            let entry = JournalEntry(seq: 1, prev: JournalEntry.genesisHash, recorded: recorded, by: by, event: event,
                                     personalDataAllowed: personalDataAllowed)
            let problem: String
            do {
                if try JournalEntry(json: JSONReader.parse(entry.lineBytes)) == entry { continue }
                problem = "it reads back differently"
            } catch let WSoAError.invalidEvent(reason) {
                problem = reason
            } catch let WSoAError.malformedJSON(reason, _) {
                problem = reason
            }
            throw WSoAError.refused(rule: readableRule, plan: plan, event: event.type.rawValue,
                                    reason: "its journal line could not be read back (\(problem)), so it is not written")
        }
    }
}
