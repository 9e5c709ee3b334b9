extension TrackerImport.Importer {
    /// An existing item by its index, or a new one with the id it will get.
    enum Match {
        case existing(Int)
        case new(String)
    }

    /// The item `row` names among the plan's items of the tracker's kind, by id or else by
    /// title (within the row's workstream, among items not withdrawn): an existing one, or the
    /// next id when it names none.
    ///
    /// An id is found straight from its number, as the plan finds it; a title through
    /// ``TitleIndex``, made the first time a row has no id, so a long tracker never scans the
    /// plan once per row.
    mutating func match(_ row: TrackerRow) throws -> Match {
        let items = TitleIndex.items(of: kind, in: plan)
        let next = "\(items.prefix)\(items.count + 1)"
        if let id = row.id {
            if let index = items.index(id) { return .existing(index) }
            guard id == next else {
                throw row.problem(.id, .knownID, "\(plan.id) has no \(kind.itemWord) \(id), and a new \(kind.itemWord) would be \(next); "
                                    + "leave the ID empty to add one")
            }
            return .new(id)
        }
        guard let title = row.text(.title)?.collapsingWhitespace else {
            throw row.problem(.title, .validValue, "the row has neither an ID nor a title, so it names no \(kind.itemWord)")
        }
        if titles == nil { titles = TitleIndex(kind: kind, plan: plan) }
        let workstream = row.text(.workstream)?.collapsingWhitespace
        let found = titles!.candidates(title).filter { index in
            items.standing(index) && items.title(index) == title && (workstream == nil || items.workstream(index) == workstream)
        }
        guard found.count <= 1 else {
            throw row.problem(.title, .oneMatch, "\(found.count) \(kind == .evidence ? "pieces of evidence" : kind.itemWord + "s") "
                                + "are titled '\(title)' (\(found.map { items.id($0) }.joined(separator: ", "))); give the ID")
        }
        return found.first.map(Match.existing) ?? .new(next)
    }
}

/// The items of one kind by title, for rows that name their item by title alone.
///
/// Entries are only ever added — an item under its title when the index is made, and again
/// under its current title whenever a row changes it — so a lookup checks each candidate's
/// title as it stands.
struct TitleIndex {
    /// The item indices noted under each title.
    private var indices: [String: [Int]] = [:]

    /// How the matcher reads the plan's items of one kind.
    struct Items {
        let prefix: String
        let count: Int
        let index: (String) -> Int?
        let id: (Int) -> String
        let title: (Int) -> String
        let workstream: (Int) -> String
        let standing: (Int) -> Bool
    }

    /// The plan's actions, measures or evidence (for readings: measures) as the matcher reads them.
    static func items(of kind: ImportKind, in plan: Plan) -> Items {
        switch kind {
        case .actions:
            let actions = plan.actions
            return Items(prefix: "A", count: actions.count, index: plan.actionIndex, id: { actions[$0].id }, title: { actions[$0].title },
                         workstream: { actions[$0].workstream }, standing: { actions[$0].withdrawn == nil })
        case .measures, .readings:
            let measures = plan.measures
            return Items(prefix: "M", count: measures.count, index: plan.measureIndex, id: { measures[$0].id }, title: { measures[$0].title },
                         workstream: { measures[$0].workstream }, standing: { _ in true })
        case .evidence:
            let evidence = plan.evidence
            return Items(prefix: "E", count: evidence.count, index: plan.evidenceIndex, id: { evidence[$0].id }, title: { evidence[$0].title },
                         workstream: { evidence[$0].workstream }, standing: { evidence[$0].withdrawn == nil })
        }
    }

    /// Every item of `kind` in `plan` under its title.
    init(kind: ImportKind, plan: Plan) {
        let items = Self.items(of: kind, in: plan)
        for index in 0..<items.count { indices[items.title(index), default: []].append(index) }
    }

    /// The items noted under `title` (some may since have another title).
    func candidates(_ title: String) -> [Int] {
        indices[title] ?? []
    }

    /// Notes item `id` under its title as it stands now (after a row added it or changed it).
    mutating func note(_ id: String, in plan: Plan, kind: ImportKind) {
        let items = Self.items(of: kind, in: plan)
        guard let index = items.index(id) else { return }
        let title = items.title(index)
        if indices[title]?.contains(index) != true { indices[title, default: []].append(index) }
    }
}
