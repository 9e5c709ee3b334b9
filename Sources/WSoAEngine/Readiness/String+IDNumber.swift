extension String {
    /// `A12` → 12, for sorting ids numerically (`A2` before `A10`); `Int.max` for anything else.
    var idNumber: Int { Int(dropFirst()) ?? Int.max }
}
