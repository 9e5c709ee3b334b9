/// Which of the global options (`--plans`, `--as-of`, `--by`, `--json`,
/// `--allow-personal-data`) a command uses, by long name.
///
/// Global options may be typed anywhere on the line, before or after the command's name, so the
/// parser reads every one; once the command is known, one it does not use is a usage error and
/// its help lists only those it uses. So every option a command accepts is one it acts on: a
/// view never takes `--by`, and a command that records never takes `--as-of`.
struct GlobalUse: Sendable, Equatable, ExpressibleByArrayLiteral {
    /// The long names, without `--`, in no particular order (help keeps the global options' own).
    let names: [String]

    /// The global options named, e.g. `["plans", "json"]`.
    init(_ names: [String]) {
        self.names = names
    }

    /// `["plans", "json"]` as a `GlobalUse`.
    init(arrayLiteral names: String...) {
        self.init(names)
    }

    /// Whether the command uses the global option `name` (long name, no dashes).
    func contains(_ name: String) -> Bool {
        names.contains(name)
    }

    /// A command that records: it reads and writes plans, names who records, may keep text that
    /// looks like personal data when told to, and can report what it wrote as JSON. It takes no
    /// `--as-of`: a record is made today, dated with its own `--on`.
    static let recording: GlobalUse = ["plans", "by", "json", "allow-personal-data"]

    /// A view of plans as they stand, or stood on an `--as-of` day, for people or as JSON.
    static let viewing: GlobalUse = ["plans", "as-of", "json"]
}
