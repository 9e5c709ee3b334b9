import WSoAEngine

extension TextField {
    /// The command-line option that gives this field's text.
    var option: String {
        switch self {
        case .area: return "--area"
        case .localAuthority: return "--la"
        case .healthPartner: return "--health"
        case .weakness: return "--weakness"
        case .adviser: return "--adviser"
        case .attendee: return "--attendee"
        case .followUp: return "--follow-up"
        case .title: return "--title"
        case .lead: return "--lead"
        case .owner: return "--owner"
        case .accountable: return "--accountable"
        case .reason: return "--reason"
        case .agreedWith: return "--agreed-with"
        case .unit: return "--unit"
        case .source: return "--source"
        case .link: return "--link"
        case .file: return "--file"
        case .note: return "--note"
        case .recorder: return "--by"
        case .issuer: return "--issuer"
        case .priorityAction: return "--priority-action"
        case .partner: return "--responsible"
        case .improvement: return "--improvement"
        case .previousInspection: return "--previous"
        }
    }
}
