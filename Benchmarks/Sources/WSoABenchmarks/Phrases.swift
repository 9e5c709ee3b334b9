/// Deterministic English-ish text for titles and notes, with the odd quote and non-ASCII
/// character real records carry (so some lines take the reader's fallback path).
struct Phrases {
    private static let words = [
        "parents", "carers", "children", "young", "people", "EHC", "plans", "timeliness", "assessment",
        "annual", "reviews", "local", "offer", "co-production", "forum", "health", "visitors", "speech",
        "language", "therapy", "waiting", "times", "neurodevelopmental", "pathway", "transition", "post-16",
        "preparation", "adulthood", "SENCO", "network", "training", "schools", "settings", "inclusion",
        "exclusions", "attendance", "tribunal", "appeals", "mediation", "communication", "website", "survey",
        "feedback", "audit", "quality", "assurance", "panel", "decision", "making", "joint", "commissioning",
        "designated", "clinical", "officer", "social", "care", "short", "breaks", "sufficiency", "specialist",
        "places", "alternative", "provision", "outcomes", "framework", "dashboard", "data", "sharing",
        "agreement", "workforce", "recruitment", "caseloads", "coordinators", "graduated", "approach",
        "early", "identification", "support", "review", "board", "improvement", "partnership", "governance",
        "strategy", "action", "progress", "monitoring", "evidence", "impact", "voice", "engagement", "events",
        "newsletter", "drop-in", "sessions", "portal", "referrals", "backlog", "cleared", "agreed", "delivered",
    ]
    private static let accented = ["café", "naïve", "rôle", "–", "✓", "£"]

    /// `count` words, capitalised; about one text in 150 has a quoted phrase, one in 60 a
    /// non-ASCII word.
    static func text(_ random: inout SplitMix64, words count: Int) -> String {
        var parts: [String] = []
        parts.reserveCapacity(count + 1)
        for _ in 0..<count { parts.append(words[Int(random.next() % UInt64(words.count))]) }
        if random.next() % 60 == 0 { parts.insert(accented[Int(random.next() % UInt64(accented.count))], at: count / 2) }
        if random.next() % 150 == 0 { parts[0] = "\"\(parts[0])\"" }
        var text = parts.joined(separator: " ")
        text.replaceSubrange(text.startIndex...text.startIndex, with: text.prefix(1).uppercased())
        return text
    }

    /// Between `low` and `high` words.
    static func text(_ random: inout SplitMix64, between low: Int, and high: Int) -> String {
        text(&random, words: low + Int(random.next() % UInt64(high - low + 1)))
    }
}
