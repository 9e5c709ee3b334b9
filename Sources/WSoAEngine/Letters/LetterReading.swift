/// What a reader made of a letter: the facts, plus a warning for each field it is unsure of.
///
/// The facts are plain `var`s so a front end can fill or override any of them (the CLI's
/// `--area`, `--inspected`, `--on`) after reading; ``override(_:with:field:)`` does that and
/// drops the warnings about the field it replaced.
public struct LetterReading<Facts: Hashable & Sendable>: Hashable, Sendable {
    /// The facts read from the letter.
    public var facts: Facts
    /// One warning per uncertain field, in the order the fields were read.
    public var warnings: [LetterWarning]

    /// Makes a reading.
    public init(facts: Facts, warnings: [LetterWarning] = []) {
        self.facts = facts
        self.warnings = warnings
    }

    /// The warnings about `field`.
    public func warnings(for field: LetterField) -> [LetterWarning] {
        warnings.filter { $0.field == field }
    }

    /// Replaces a fact with a value given by the user and drops the warnings about it.
    ///
    /// A value the user typed is not uncertain, so its warnings no longer apply.
    public mutating func override<Value>(_ keyPath: WritableKeyPath<Facts, Value>, with value: Value,
                                         field: LetterField) {
        facts[keyPath: keyPath] = value
        warnings.removeAll { $0.field == field }
    }
}
