extension TrackerImport.Importer {
    /// What a row of an evidence tracker asks for.
    ///
    /// A new piece is added on its date with its workstream, areas, kind, title, source and
    /// link, and its file when the row names one: found by its name beside the tracker, checked
    /// against the row's SHA-256 when it gives one, and copied into the plan as `evidence add`
    /// copies it. An existing piece gets an amendment of what the row changes, a new version
    /// of its file when the row names a different one, and a withdrawal.
    mutating func evidenceRequest(_ row: TrackerRow) throws -> (String, [Pending]) {
        let match = try match(row)
        let kind = try row.choice(.kind, EvidenceKind.allCases.map { ($0, [$0.rawValue, ReportText.kind($0)]) }, what: "a kind of evidence")
        let areas = row.ids(.areas)
        switch match {
        case let .new(id):
            let workstream = try row.required(.workstream, for: "piece of evidence").collapsingWhitespace
            guard let kind else { throw row.problem(.kind, .validValue, "a new piece of evidence needs its kind, and the cell is empty") }
            guard let on = try row.day(.date) else { throw row.problem(.date, .validValue, "a new piece of evidence needs its date, and the cell is empty") }
            let title = try row.required(.title, for: "piece of evidence")
            let copy = try self.file(row, recorded: nil)
            let pending = [Pending(words: "added to workstream '\(workstream)': \(ReportText.kind(kind)), dated \(on)"
                                    + (copy.map { ", with the file '\($0.name)'" } ?? ""),
                                   command: .addEvidence(on: on, workstream: workstream, weaknesses: areas ?? [], kind: kind, title: title,
                                                         source: row.text(.source), file: copy, link: row.text(.link)),
                                   column: nil, dated: .date)]
            return (id, pending + (try withdrawal(row, target: .evidence(id), recorded: nil, since: on, new: true)))
        case let .existing(index):
            let item = plan.evidence[index]
            try keep(row, .workstream, as: item.workstream, item.id, what: "the workstream of a piece of evidence, which stays where it was recorded")
            var changes = Amendment()
            if let title = row.text(.title)?.collapsingWhitespace, title != item.title { changes.title = title }
            if let on = try row.day(.date), on != item.on { changes.on = on }
            if let kind, kind != item.kind { changes.kind = kind }
            if let areas, areas != item.weaknesses { changes.weaknesses = areas }
            if let source = row.text(.source)?.collapsingWhitespace, source != item.source { changes.source = source }
            if let link = row.text(.link)?.collapsingWhitespace, link != item.link { changes.link = link }
            changes.file = try file(row, recorded: item.file)
            var pending: [Pending] = []
            if !changes.fieldNames.isEmpty {
                pending.append(Pending(words: "amended: " + changes.descriptions.joined(separator: ", "), command:
                                        .amend(on: today, target: .evidence(item.id), changes: changes, reason: importedReason(row)),
                                       column: changes.file == nil ? nil : .file, dated: .date))
            }
            return (item.id, pending + (try withdrawal(row, target: .evidence(item.id), recorded: item.withdrawn, since: changes.on ?? item.on)))
        }
    }

    /// The file a row names, when it is not the one `recorded`: opened beside the tracker by
    /// its name, and checked against the row's SHA-256 when it gives one.
    ///
    /// Only a name is taken, never a path, so a tracker cannot make wsoa copy a file from
    /// elsewhere on the machine into a plan.
    private mutating func file(_ row: TrackerRow, recorded: FileReference?) throws -> FileReference? {
        let name = row.text(.file)?.collapsingWhitespace
        let hash = row.text(.sha256)?.collapsingWhitespace.lowercased()
        if let hash, !FileReference.isHash(hash) {
            throw row.problem(.sha256, .validValue, "'\(hash.prefix(40))' is not a SHA-256 (64 hexadecimal digits)")
        }
        guard let name else {
            if let hash, hash != recorded?.sha256 {
                throw row.problem(.file, .fileFound, "the row gives a SHA-256 and no file name, so there is no file to check it against")
            }
            return nil
        }
        if let recorded, recorded.name == name, hash == nil || hash == recorded.sha256 { return nil }
        guard !name.contains("/"), !name.contains("\\"), name != ".", name != ".." else {
            throw row.problem(.file, .fileFound, "'\(name)' is a path; give the file's name only, and put the file beside the tracker")
        }
        let opened: EvidenceFile
        do {
            opened = try evidenceFile(name)
        } catch let error as WSoAError {
            throw row.problem(.file, .fileFound, "'\(name)' cannot be opened beside the tracker (\(error.description.hasSuffix(".") ? String(error.description.dropLast()) : error.description)); "
                                + "put the file there, or empty the File cell")
        }
        if let hash, hash != opened.reference.sha256 {
            throw row.problem(.sha256, .fileFound, "'\(name)' beside the tracker has the SHA-256 \(opened.reference.shortHash)…, not \(hash.prefix(12))… as the row says; "
                                + "it is not the file the tracker recorded")
        }
        if opened.reference.sha256 == recorded?.sha256 { return nil }
        files.append(opened)
        return opened.reference
    }
}
