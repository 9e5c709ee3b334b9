extension String {
    /// `A12` → 12, for sorting ids numerically (`A2` before `A10`); `Int.max` for anything else.
    var idNumber: Int { Int(dropFirst()) ?? Int.max }

    /// Whether id `a` comes before id `b`: by letter, then by number (`W2` before `W10`), then as text.
    static func idOrder(_ a: String, _ b: String) -> Bool {
        (a.first ?? " ", a.idNumber, a) < (b.first ?? " ", b.idNumber, b)
    }
}
