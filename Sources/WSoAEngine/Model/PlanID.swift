/// The rule for plan ids: `[a-z0-9][a-z0-9-]{0,63}` (DESIGN.md §4).
///
/// Ids become folder names under `plans/`, so anything else (`../x`, spaces, capitals, a
/// leading dot) is refused before it can reach the file system. Workstream ids follow the same
/// rule.
public enum PlanID {
    /// Whether `id` is a valid plan id.
    public static func isValid(_ id: String) -> Bool {
        let bytes = id.utf8
        guard let first = bytes.first, bytes.count <= 64, first != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// Throws `WSoAError.invalidPlanID` unless `id` is a valid plan id.
    public static func validate(_ id: String) throws {
        if !isValid(id) { throw WSoAError.invalidPlanID(id: id) }
    }
}
