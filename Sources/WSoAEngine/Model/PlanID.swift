/// The rule for plan ids: `[a-z0-9][a-z0-9-]{0,63}` (DESIGN.md §4).
///
/// Ids become folder names under `plans/`, so anything else (`../x`, spaces, capitals) is
/// refused before it can reach the file system.
public enum PlanID {
    /// Throws `WSoAError.invalidPlanID` unless `id` is a valid plan id.
    public static func validate(_ id: String) throws {
        let bytes = Array(id.utf8)
        let valid = (1...64).contains(bytes.count)
            && bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
            && bytes[0] != 0x2D
        if !valid { throw WSoAError.invalidPlanID(id: id) }
    }
}
