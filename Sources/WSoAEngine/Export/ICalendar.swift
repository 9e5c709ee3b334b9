/// Open deadlines as an iCalendar file (RFC 5545) for Outlook and other calendars.
///
/// Each deadline is an all-day event on its due day with a stable `UID` (plan and clock, or
/// plan and item id), so importing a newer file updates an event rather than adding a second;
/// its `DESCRIPTION` names the plan, the deadline's rule and its owner, and a reminder
/// (`VALARM`) goes off 5 working days before. Lines end in CRLF and are folded at 75 octets
/// without splitting a character. Pure: the same deadlines and day give the same bytes.
public enum ICalendar {
    /// Working days before a deadline that its reminder goes off.
    public static let reminderWorkingDays = 5

    /// The calendar of `deadlines` as they stand at `asOf` (its day stamps every event).
    public static func document(_ deadlines: [Deadline], asOf: Day, calendar: WorkingCalendar) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//wsoa//SEND improvement deadlines//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:SEND improvement deadlines (wsoa)"]
        let stamp = "\(compact(asOf))T000000Z"
        for deadline in deadlines {
            let clock = deadline.clock
            let what = deadline.item.map { "\($0.id) \($0.title)" } ?? clock.name.displayName
            var description = ["Plan: \(deadline.plan) (\(deadline.area)), \(deadline.phase.displayName).",
                               "Deadline: \(clock.name.displayName), due \(clock.due.longDescription)"
                                   + (clock.estimated ? " (estimated)" : "") + "."]
            if let basis = clock.basis { description.append("Where the date comes from: \(basis).") }
            if let action = deadline.action { description.append("Owner: \(action.lead ?? "no lead recorded"); workstream \(action.workstream).") }
            if let followUp = deadline.followUp { description.append("Owner: \(followUp.owner); agreed at \(followUp.visit).") }
            let reminder = calendar.adding(workingDays: -reminderWorkingDays, to: clock.due)
            lines += [
                "BEGIN:VEVENT",
                "UID:\(deadline.plan).\(deadline.item?.id ?? clock.name.rawValue)@wsoa",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact(clock.due))",
                "DTEND;VALUE=DATE:\(compact(clock.due.adding(days: 1)))",
                "SUMMARY:\(escaped("\(deadline.area): \(what)"))",
                "DESCRIPTION:\(escaped(description.joined(separator: "\n")))",
                "TRANSP:TRANSPARENT",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:\(escaped("Due in \(reminderWorkingDays) working days: \(deadline.area): \(what)"))",
                "TRIGGER;VALUE=DATE-TIME:\(compact(reminder))T090000Z",
                "END:VALARM",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(folded).joined()
    }

    /// `20240131`: a day as iCalendar writes a date.
    static func compact(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    /// Text with iCalendar's escapes: backslash, semicolon, comma and line breaks; other control
    /// characters (which a property value may not hold) become spaces.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar)
            }
        }
        return out
    }

    /// The content line ending in CRLF, folded so no line is longer than 75 octets: each
    /// continuation starts with a space, and a character is never split between lines.
    static func folded(_ line: String) -> String {
        var out = "", width = 0
        for character in line {
            let size = character.utf8.count
            if width + size > 75 {
                out += "\r\n "
                width = 1
            }
            out.append(character)
            width += size
        }
        return out + "\r\n"
    }
}
