/// The check-digit rules that tell a real identifier from any 10 digits or 13 characters.
///
/// Without them every phone number, order number and serial would be refused; with them only
/// about one string in eleven (NHS) or twenty-three (UPN) of the right shape is. Inputs are
/// ASCII byte values, because the scanner works on UTF-8 and both identifiers are ASCII.
enum IdentifierCheckDigits {
    /// The letters a unique pupil number uses for its check letter and a temporary UPN for its
    /// last character, in value order (A = 0 … Z = 22). I, O and S are left out because they
    /// are read as 1, 0 and 5.
    static let upnAlphabet: [UInt8] = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    /// Whether ten digit values (each 0–9) make a valid NHS number.
    ///
    /// Modulus 11: the first nine digits weighted 10 down to 2, check = 11 − (sum mod 11), where
    /// 11 means 0 and 10 means no number with these nine digits exists. Ten identical digits
    /// (`0000000000`, `1111111111`) pass the arithmetic but are placeholders typed into forms,
    /// never issued, so they are not counted: refusing them would only get in people's way.
    static func isValidNHSNumber(_ digits: [UInt8]) -> Bool {
        guard digits.count == 10, digits.allSatisfy({ $0 <= 9 }) else { return false }
        if digits.allSatisfy({ $0 == digits[0] }) { return false }
        var sum = 0
        for index in 0..<9 {
            sum += Int(digits[index]) * (10 - index)
        }
        var check = 11 - sum % 11
        if check == 11 { check = 0 }
        return check != 10 && check == Int(digits[9])
    }

    /// The value of a UPN's letter in the check alphabet, or nil if it is not one of the 23.
    static func upnLetterValue(_ byte: UInt8) -> Int? {
        let upper = (byte >= 0x61 && byte <= 0x7A) ? byte - 0x20 : byte
        return upnAlphabet.firstIndex(of: upper)
    }

    /// Whether 13 ASCII bytes make a valid unique pupil number, in either case.
    ///
    /// DfE's rule: a check letter, then 12 digits (permanent), or 11 digits and a letter from
    /// the check alphabet (temporary). The check letter is the alphabet entry at
    /// (Σ value × position, positions 2…13) mod 23, where a digit's value is itself and the
    /// temporary UPN's last letter takes its alphabet value.
    static func isValidUPN<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        let characters = Array(bytes)
        guard characters.count == 13, let checkValue = upnLetterValue(characters[0]) else { return false }
        var sum = 0
        for position in 2...13 {
            let byte = characters[position - 1]
            let value: Int
            if byte >= 0x30 && byte <= 0x39 {
                value = Int(byte - 0x30)
            } else if position == 13, let letter = upnLetterValue(byte) {
                value = letter
            } else {
                return false
            }
            sum += value * position
        }
        return sum % 23 == checkValue
    }
}
