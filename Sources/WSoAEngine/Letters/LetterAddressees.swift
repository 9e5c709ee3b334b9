import Foundation

/// The partners and officer a letter is addressed to, read from the lines between the date and
/// "Dear …".
///
/// Ofsted/CQC letters go to the director of children's services (with the council in the
/// address), the CCG's or ICB's chief officer and the local area nominated officer. PDF-to-text
/// often runs these lines together ("… Tees Valley Clinical Commissioning Caroline Cannon,
/// Local Area Nominated Officer …"), so each name is found from a fixed anchor — "Council",
/// "Clinical Commissioning Group", "Integrated Care Board", "Nominated Officer" — and read
/// outwards from it only as far as the words still look like part of a name.
struct LetterAddressees: Hashable, Sendable {
    /// The local authority, e.g. "Stockton-on-Tees Borough Council".
    var localAuthority: String?
    /// The CCG or ICB, e.g. "South Tees Clinical Commissioning Group".
    var healthPartner: String?
    /// The local area nominated officer's name.
    var nominatedOfficer: String?
    /// What was uncertain.
    var warnings: [LetterWarning] = []

    /// Reads the addressee lines of a letter about `area`.
    init(lines: [String], area: String) {
        localAuthority = nil
        healthPartner = nil
        nominatedOfficer = nil
        readLocalAuthority(lines, area: area)
        readHealthPartner(lines)
        readNominatedOfficer(lines)
    }

    // MARK: Local authority

    /// Council suffixes, longest first so "Metropolitan Borough Council" wins over "Council".
    private static let councilSuffixes = [
        " Metropolitan Borough Council", " Metropolitan District Council", " Borough Council",
        " City Council", " County Council", " District Council", " Council",
    ]

    /// Words that come before a council's name in an address but are not part of it.
    private static let notCouncilName: Set<String> = [
        "services", "director", "officer", "executive", "corporate", "families", "children",
        "children's", "children’s", "learning", "education", "people", "care", "health", "strategic",
        "dear", "the", "of", "for", "and", "adult", "adults", "social", "assistant", "interim",
    ]

    private mutating func readLocalAuthority(_ lines: [String], area: String) {
        // The council that carries the area's name, as in "Redcar and Cleveland Borough Council".
        if !area.isEmpty {
            for line in lines {
                for prefix in ["London Borough of ", "Royal Borough of ", "City of "] {
                    if let found = line.range(of: prefix + area) {
                        var name = String(line[found])
                        if line[found.upperBound...].hasPrefix(" Council") { name += " Council" }
                        localAuthority = name
                        return
                    }
                }
                var searchStart = line.startIndex
                while let found = line.range(of: area, range: searchStart..<line.endIndex) {
                    let rest = line[found.upperBound...]
                    if let suffix = Self.councilSuffixes.first(where: { rest.hasPrefix($0) }) {
                        localAuthority = area + suffix
                        return
                    }
                    searchStart = found.upperBound
                }
            }
        }
        // Any council named in the address: the capitalised words before "Council".
        for line in lines {
            guard let found = line.range(of: " Council"),
                  found.upperBound == line.endIndex || !line[found.upperBound].isLetter else { continue }
            var words: [Substring] = []
            for word in line[..<found.lowerBound].split(separator: " ").reversed() {
                guard let first = word.first, first.isUppercase,
                      !word.contains(","), !word.contains(")"), !word.contains("("),
                      !Self.notCouncilName.contains(word.lowercased()) else {
                    if ["and", "upon", "on", "&"].contains(word), !words.isEmpty {
                        words.append(word)
                        continue
                    }
                    break
                }
                words.append(word)
            }
            while let last = words.last, ["and", "upon", "on", "&"].contains(last) { words.removeLast() }
            guard !words.isEmpty, words.count <= 6 else { continue }
            let name = words.reversed().joined(separator: " ") + " Council"
            localAuthority = name
            warnings.append(LetterWarning(field: .localAuthority, message: "the council '\(name)' was read from the address without the area's name in it, so check it."))
            return
        }
        warnings.append(LetterWarning(field: .localAuthority, message: "the addressees do not name the council, so the local authority is left blank."))
    }

    // MARK: Health partner

    /// The phrases that end a CCG's or ICB's name, in the order they are tried.
    private static let healthAnchors: [(phrase: String, caseInsensitive: Bool)] = [
        ("Integrated Care Board", true), ("Clinical Commissioning Group", true),
        ("Clinical Commissioning", true), ("CCG", false), ("ICB", false),
    ]

    /// Words that stop a CCG's name when reading backwards.
    private static let notHealthName: Set<String> = [
        "officer", "chief", "director", "executive", "accountable", "designated", "dear", "the",
        "interim", "managing", "lead",
    ]

    private mutating func readHealthPartner(_ lines: [String]) {
        var unnamed = false
        for line in lines {
            for anchor in Self.healthAnchors {
                let options: String.CompareOptions = anchor.caseInsensitive ? [.caseInsensitive] : []
                guard let found = line.range(of: anchor.phrase, options: options) else { continue }
                let after = line[found.upperBound...]
                if let next = after.first, next.isLetter { continue } // part of a longer word
                var words: [Substring] = []
                for word in line[..<found.lowerBound].split(separator: " ").reversed() {
                    let bare = word.lowercased()
                    let connector = ["and", "&", "of", "upon", "on"].contains(bare)
                    guard connector || (word.first.map { $0.isUppercase || $0.isNumber } ?? false),
                          !word.contains(","), !word.contains(")"), !word.contains("("), !word.hasSuffix(":"),
                          !Self.notHealthName.contains(bare) else { break }
                    words.append(word)
                }
                while let last = words.last, ["and", "&", "of", "upon", "on"].contains(last.lowercased()) { words.removeLast() }
                guard !words.isEmpty else {
                    unnamed = true
                    continue
                }
                var name = words.reversed().joined(separator: " ") + " " + String(line[found])
                if anchor.phrase == "Clinical Commissioning" {
                    name += " Group"
                    warnings.append(LetterWarning(field: .healthPartner, message: "the addressees have '\(name.dropLast(6))' with no 'Group' after it, so 'Group' was added."))
                }
                healthPartner = name
                return
            }
        }
        let message = unnamed
            ? "the letter is addressed to the CCG's or ICB's chief officer but does not name it, so the health partner is left blank."
            : "the addressees do not name a CCG or ICB, so the health partner is left blank."
        warnings.append(LetterWarning(field: .healthPartner, message: message))
    }

    // MARK: Nominated officer

    private mutating func readNominatedOfficer(_ lines: [String]) {
        for line in lines {
            guard let found = line.range(of: "nominated officer", options: [.caseInsensitive]) else { continue }
            var before = line[..<found.lowerBound].trimmingCharacters(in: .whitespaces)
            if before.lowercased().hasSuffix("local area") { before = String(before.dropLast("local area".count)) }
            before = before.trimmingCharacters(in: CharacterSet(charactersIn: " ,:-–—"))
            var name = before.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            // The officer's name run into the health partner's ("… Clinical Commissioning Caroline Cannon").
            for anchor in ["Clinical Commissioning Group", "Clinical Commissioning", "Integrated Care Board", "CCG", "ICB", "Council"] {
                if let cut = name.range(of: anchor, options: .backwards) {
                    let rest = name[cut.upperBound...].trimmingCharacters(in: .whitespaces)
                    if !rest.isEmpty {
                        warnings.append(LetterWarning(field: .nominatedOfficer, message: "the nominated officer's name ran into '\(anchor)' in the addressees and was read as '\(rest)'."))
                        name = rest
                    }
                    break
                }
            }
            if name.isEmpty {
                // "Local Area Nominated Officer: Jane Smith"
                let after = line[found.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " ,:-–—"))
                name = after.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            }
            let words = name.split(separator: " ")
            guard let first = name.first, first.isUppercase, (1...6).contains(words.count) else { continue }
            nominatedOfficer = name
            return
        }
    }
}
