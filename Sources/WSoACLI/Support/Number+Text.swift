/// Numbers for people: no trailing `.0`, at most two decimals, no locale.
enum NumberText {
    /// `42` for 42.0, `42.5` for 42.5, `0.33` for 1/3.
    static func format(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
        let hundredths = (value * 100).rounded() / 100
        var text = String(hundredths)
        if text.contains("e") { return String(value) }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `42%` or `12 days`: the unit joined as people write it.
    static func format(_ value: Double, unit: String) -> String {
        switch unit.lowercased() {
        case "%": return "\(format(value))%"
        case "", "number", "count", "n": return format(value)
        default: return "\(format(value)) \(unit)"
        }
    }
}
